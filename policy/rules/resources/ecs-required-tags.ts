// Required tag keys are present (#managed-tags).
import type { Finding, ResourceRule } from "../rule";
import { notApplicable } from "../rule";
import { isKnown, quote } from "../support";

export const requiredTags: ResourceRule<{ requiredTags: string[] }> = {
    kind: "resource",
    name: "ecs-required-tags",
    description: "Every tag key in `requiredTags` is present, on the resource or in its provider's default tags (not applicable while none are configured).",
    level: "advisory",
    severity: "low",
    source: { guide: ["managed-tags"] },
    appliesTo: ["service", "daemon", "taskDefinition", "daemonTaskDefinition", "cluster", "expressService", "repository"],
    scope: "service, daemon, task definition, daemon task definition, cluster, Express Gateway Service, repository",
    remediationSteps: "Add the missing tags (for example through the provider's `defaultTags`, so every resource gets them).",
    config: {
        requiredTags: { type: "array", items: { type: "string" }, default: [], description: "Tag keys every resource must carry, e.g. [\"team\", \"environment\"]." },
    },
    check(resource, config) {
        if (config.requiredTags.length === 0) return notApplicable("no requiredTags configured");
        const out: Finding[] = [];
        const tags = resource.tags;
        if (!isKnown(tags, out)) return out;
        const has = (tags: Record<string, unknown> | undefined, key: string) => tags !== undefined && Object.prototype.hasOwnProperty.call(tags, key);
        let missing = config.requiredTags.filter((k) => !has(tags, k));
        // The provider's default tags go on every resource it creates.
        if (missing.length > 0 && !isKnown(resource.defaultTags, out)) return out;
        missing = missing.filter((k) => !has(resource.defaultTags as Record<string, unknown> | undefined, k));
        if (missing.length > 0) {
            out.push({ path: "tags", message: `Missing required tag${missing.length > 1 ? "s" : ""} ${missing.map((k) => quote(k)).join(", ")}. Add ${missing.length > 1 ? "them" : "it"} so cost and ownership reports can group this resource.` });
        }
        return out;
    },
};
