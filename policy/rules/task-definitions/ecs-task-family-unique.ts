// No two task definitions of a stack share a family (#task-definition-immutable-revisions).
import type { StackRule } from "../rule";
import { conflicts, groupBy, quote } from "../support";

export const taskFamilyUnique: StackRule = {
    kind: "stack",
    name: "ecs-task-family-unique",
    description: "No two task definition resources in a stack share a `family`.",
    level: "mandatory",
    severity: "medium",
    source: { guide: ["task-definition-immutable-revisions"] },
    appliesTo: ["taskDefinition"],
    scope: "stack: task definitions",
    remediationSteps: "Give each task definition resource its own family; one family is one application, and its revisions are that application's versions.",
    config: {},
    check(resources) {
        const byFamily = groupBy(resources.filter((r) => r.model.kind === "taskDefinition"), (r) => {
            const family = r.model.task?.family;
            return typeof family === "string" ? [family] : [];
        });
        return conflicts(byFamily, (r) => r.model.task!.paths.family, (family, others) =>
            `Task definition family ${quote(family)} is also declared by ${others}. Give each task definition its own family, so revisions map one-to-one to application versions.`);
    },
};
