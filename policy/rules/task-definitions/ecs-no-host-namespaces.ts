// Tasks do not share the host's process or IPC namespace (Security Hub ECS.3).
import type { Finding, ResourceRule } from "../rule";
import { isKnown } from "../support";

export const noHostNamespaces: ResourceRule = {
    kind: "resource",
    name: "ecs-no-host-namespaces",
    description: "The task does not share the host's process or IPC namespace (`pidMode`, `ipcMode` are not `host`).",
    level: "mandatory",
    severity: "high",
    source: { controls: ["Security Hub ECS.3", "Checkov CKV_AWS_335"], url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3" },
    appliesTo: ["taskDefinition", "daemonTaskDefinition"],
    scope: "task definition, daemon task definition",
    remediationSteps: "Remove `pidMode: \"host\"` and `ipcMode: \"host\"` (use `task` if containers of the task must share them).",
    config: {},
    check(resource) {
        const task = resource.task!;
        const out: Finding[] = [];
        for (const [field, value] of [["pidMode", task.pidMode], ["ipcMode", task.ipcMode]] as const) {
            if (isKnown(value, out) && value === "host") {
                out.push({ path: task.paths[field], message: `${task.paths[field]} is 'host', so containers share the host's namespace. Remove it or use 'task'.` });
            }
        }
        return out;
    },
};
