// Fargate tasks get platform security fixes (Security Hub ECS.10).
import type { Finding, ResourceRule } from "../rule";
import { notApplicable } from "../rule";
import { isKnown, quote } from "../support";

export const fargatePlatformVersion: ResourceRule = {
    kind: "resource",
    name: "ecs-fargate-platform-version",
    description: "A Fargate service runs the latest platform version (`platformVersion` unset or `LATEST`).",
    level: "advisory",
    severity: "medium",
    source: { controls: ["Security Hub ECS.10", "Checkov CKV_AWS_332"], url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-10" },
    appliesTo: ["service", "taskSet"],
    scope: "service, task set",
    remediationSteps: "Remove `platformVersion` or set it to `LATEST` so tasks get platform security fixes.",
    config: {},
    check(resource) {
        const svc = resource.service!;
        const out: Finding[] = [];
        if (!isKnown(svc.fargate, out)) return out;
        if (!svc.fargate) return notApplicable("not a Fargate service");
        if (isKnown(svc.platformVersion, out) && svc.platformVersion !== undefined && svc.platformVersion.toUpperCase() !== "LATEST") {
            out.push({ path: svc.paths.platformVersion, message: `Fargate platformVersion is pinned to ${quote(svc.platformVersion)}, so tasks miss platform security fixes. Remove it or set 'LATEST'.` });
        }
        return out;
    },
};
