// The execution role and the task role are two roles (Checkov CKV_AWS_249).
import type { StackFinding, StackRule } from "../rule";
import { quote, roleIdentity, sameRole, shortName } from "../support";

export const executionRoleDistinct: StackRule = {
    kind: "stack",
    name: "ecs-execution-role-distinct",
    description: "The execution role and the task role are different roles (literal ARNs, or roles referenced by URN at preview).",
    level: "advisory",
    severity: "medium",
    source: { controls: ["Checkov CKV_AWS_249"], url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html" },
    appliesTo: ["taskDefinition", "daemonTaskDefinition"],
    scope: "task definition, daemon task definition (checked with the stack, to see roles referenced by URN)",
    remediationSteps: "Use a separate execution role (image pull, logs, secrets) and task role (the application's own permissions).",
    config: {},
    check(resources, _config, stack) {
        const findings: StackFinding[] = [];
        for (const r of resources) {
            if (r.model.kind !== "taskDefinition" && r.model.kind !== "daemonTaskDefinition") continue;
            const task = roleIdentity(r, "taskRoleArn", stack);
            const execution = new Set(roleIdentity(r, "executionRoleArn", stack).map(sameRole));
            const shared = task.find((role) => execution.has(sameRole(role)));
            if (shared) {
                findings.push({ urn: r.model.urn, path: r.model.task!.paths.executionRoleArn, message: `Task definition ${quote(r.model.name)} uses ${quote(shortName(shared))} as both execution role and task role, so the application holds the agent's permissions. Use two roles.` });
            }
        }
        return findings;
    },
};
