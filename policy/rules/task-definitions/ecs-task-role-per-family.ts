// One IAM task role per task definition family (#iam-role-per-task-definition).
import type { StackEntry, StackFinding, StackRule } from "../rule";
import { groupBy, quote, roleIdentity, sameRole, shortName } from "../support";

export const taskRolePerFamily: StackRule = {
    kind: "stack",
    name: "ecs-task-role-per-family",
    description: "No IAM role is the task role of two different families (literal ARNs, and roles referenced by URN at preview).",
    level: "mandatory",
    severity: "high",
    source: { guide: ["iam-role-per-task-definition"] },
    appliesTo: ["taskDefinition", "daemonTaskDefinition", "expressService"],
    scope: "stack: task definitions, daemon task definitions, Express Gateway Services",
    remediationSteps: "Create one IAM task role per task definition family, each with only the permissions that application needs.",
    config: {},
    check(resources, _config, stack) {
        const tasks = resources.filter((r) => r.model.task && (r.model.kind === "taskDefinition" || r.model.kind === "daemonTaskDefinition" || r.model.kind === "expressService"));
        const byRole = groupBy(tasks, (r) => roleIdentity(r, "taskRoleArn", stack).map(sameRole));
        const familyOf = (r: StackEntry) => (typeof r.model.task?.family === "string" ? r.model.task.family : r.model.name);
        // A daemon task definition's family is not a task definition's, even when spelt the same.
        const familyKey = (r: StackEntry) => `${r.model.kind === "daemonTaskDefinition" ? "daemon:" : ""}${familyOf(r)}`;
        const findings: StackFinding[] = [];
        for (const [role, users] of byRole) {
            const families = new Set(users.map(familyKey));
            if (families.size < 2) continue;
            for (const user of users) {
                const others = users.filter((u) => familyKey(u) !== familyKey(user)).map((u) => `${quote(u.model.name)} (family ${quote(familyOf(u))})`);
                const named = roleIdentity(user, "taskRoleArn", stack).find((id) => sameRole(id) === role) ?? role;
                findings.push({
                    urn: user.model.urn,
                    path: user.model.task!.paths.taskRoleArn,
                    message: `Task role ${quote(shortName(named))} of family ${quote(familyOf(user))} is also the task role of ${others.join(", ")}. Give each family its own task role.`,
                });
            }
        }
        return findings;
    },
};
