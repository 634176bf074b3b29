// Tasks carry their cluster's and service's tags (#managed-tags).
import type { Finding, ResourceRule } from "../rule";
import { isKnown } from "../support";

export const managedTags: ResourceRule = {
    kind: "resource",
    name: "ecs-managed-tags",
    description: "ECS managed tags are on (`enableEcsManagedTags`), so tasks carry cluster and service tags.",
    level: "mandatory",
    severity: "low",
    source: { guide: ["managed-tags"] },
    appliesTo: ["service", "daemon"],
    scope: "service, daemon",
    remediationSteps: "Set `enableEcsManagedTags: true` (the remediation does this).",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        const value = resource.service!.enableEcsManagedTags;
        if (isKnown(value, out) && value !== true) {
            out.push({ path: resource.service!.paths.enableEcsManagedTags, message: `ECS managed tags are off, so tasks are not tagged with their cluster and ${resource.kind === "daemon" ? "daemon" : "service"} for cost reports. Set enableEcsManagedTags to true.` });
        }
        return out;
    },
    remediate: () => [{ set: "enableEcsManagedTags", value: true }],
};
