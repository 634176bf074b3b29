// The task has its own IAM task role (#iam-role-per-task-definition).
import type { Finding, ResourceRule } from "../rule";

export const taskRole: ResourceRule = {
    kind: "resource",
    name: "ecs-task-role",
    description: "The task has its own IAM task role (`taskRoleArn` is set).",
    level: "mandatory",
    severity: "high",
    source: { guide: ["iam-role-per-task-definition"] },
    appliesTo: ["taskDefinition", "daemonTaskDefinition", "expressService"],
    scope: "task definition, daemon task definition, Express Gateway Service",
    remediationSteps: "Create an IAM role for this family alone, with only the permissions its application needs, and set it as `taskRoleArn`.",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        const role = resource.task!.taskRoleArn;
        // A value unknown at preview (a role's ARN) is set: only its absence breaks this rule.
        if (role === undefined) {
            out.push({ path: resource.task!.paths.taskRoleArn, message: "No task role is set (taskRoleArn), so the application cannot be given its own narrowly scoped permissions. Create a role for this family and set taskRoleArn." });
        }
        return out;
    },
};
