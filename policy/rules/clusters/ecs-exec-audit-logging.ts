// ECS Exec sessions are logged (Checkov CKV_AWS_223, CKV_AWS_224).
import type { Finding, ResourceRule } from "../rule";
import { isKnown } from "../support";

export const execAuditLogging: ResourceRule = {
    kind: "resource",
    name: "ecs-exec-audit-logging",
    description: "ECS Exec sessions are logged: an `executeCommandConfiguration` does not set logging `NONE`.",
    level: "advisory",
    severity: "medium",
    source: { controls: ["Checkov CKV_AWS_223", "Checkov CKV_AWS_224"], url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html" },
    appliesTo: ["cluster"],
    scope: "cluster",
    remediationSteps: "Set `configuration.executeCommandConfiguration.logging` to `DEFAULT` or `OVERRIDE` with a log group.",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        const value = resource.cluster!.execLogging;
        if (isKnown(value, out) && value === "NONE") {
            out.push({ path: resource.cluster!.paths.execLogging, message: "ECS Exec sessions are not logged (executeCommandConfiguration.logging is 'NONE'). Set logging to 'DEFAULT' or 'OVERRIDE' with a log group." });
        }
        return out;
    },
};
