// Memory is limited for the task or for every container (AWS Config ecs-task-definition-memory-hard-limit).
import type { Finding, ResourceRule } from "../rule";
import { forEachContainer, isKnown } from "../support";

export const memoryLimit: ResourceRule = {
    kind: "resource",
    name: "ecs-memory-limit",
    description: "Memory is limited: task-level `memory`, or `memory` on every container.",
    level: "advisory",
    severity: "medium",
    source: { controls: ["AWS Config ecs-task-definition-memory-hard-limit"], url: "https://docs.aws.amazon.com/config/latest/developerguide/ecs-task-definition-memory-hard-limit.html" },
    appliesTo: ["taskDefinition", "daemonTaskDefinition"],
    scope: "task definition, daemon task definition",
    remediationSteps: "Set the task's `memory`, or a `memory` hard limit on every container.",
    config: {},
    check(resource) {
        const task = resource.task!;
        const out: Finding[] = [];
        if (!isKnown(task.memory, out) || task.memory !== undefined) return out;
        const unlimited = forEachContainer(resource, (c, found) => {
            if (isKnown(c.memory, found) && c.memory === undefined) found.push({ path: c.paths.memory, message: c.label });
        }, { needs: "memory" });
        if (!Array.isArray(unlimited)) return out;
        const limitless = unlimited.filter((f) => !f.notKnownYet).map((f) => f.message);
        if (limitless.length > 0) {
            out.push({ path: task.paths.memory, message: `The task sets no memory and ${limitless.join(", ")} ${limitless.length > 1 ? "have" : "has"} no memory limit, so one container can exhaust the host. Set the task's memory or each container's memory.` });
        }
        return [...out, ...unlimited.filter((f) => f.notKnownYet)];
    },
};
