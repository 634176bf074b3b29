// Tasks use awsvpc, so each service can have its own security group (#awsvpc-network-mode).
import type { Finding, ResourceRule } from "../rule";
import { notApplicable } from "../rule";
import { isKnown, quote } from "../support";

export const awsvpcNetworkMode: ResourceRule = {
    kind: "resource",
    name: "ecs-awsvpc-network-mode",
    description: "The task definition uses the `awsvpc` network mode (not applicable to ECS Anywhere-only tasks; unset is fine for Managed Instances-only tasks, which default to awsvpc).",
    level: "mandatory",
    severity: "medium",
    source: { guide: ["awsvpc-network-mode"] },
    appliesTo: ["taskDefinition"],
    scope: "task definition",
    remediationSteps: "Set `networkMode: \"awsvpc\"` and give the service a network configuration with its own security group.",
    config: {},
    check(resource) {
        const task = resource.task!;
        const out: Finding[] = [];
        if (!isKnown(task.requiresCompatibilities, out)) return out;
        const compat = task.requiresCompatibilities ?? [];
        if (compat.length === 1 && compat[0] === "EXTERNAL") return notApplicable("ECS Anywhere (EXTERNAL) tasks cannot use awsvpc");
        if (!isKnown(task.networkMode, out)) return out;
        // ECS Managed Instances default an unset network mode to awsvpc.
        if (task.networkMode === undefined && compat.length > 0 && compat.every((c) => c === "MANAGED_INSTANCES")) return out;
        if (task.networkMode !== "awsvpc") {
            const mode = task.networkMode === undefined ? "is unset (bridge on EC2)" : `is ${quote(task.networkMode)}`;
            out.push({ path: task.paths.networkMode, message: `networkMode ${mode}. Set networkMode to 'awsvpc' so each task gets its own network interface and the service its own security group.` });
        }
        return out;
    },
};
