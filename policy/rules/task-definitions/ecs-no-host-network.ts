// Tasks do not use the host's network (Security Hub ECS.17).
import type { Finding, ResourceRule } from "../rule";
import { isKnown } from "../support";

export const noHostNetwork: ResourceRule = {
    kind: "resource",
    name: "ecs-no-host-network",
    description: "The task does not use the host's network (`networkMode` is not `host`).",
    level: "mandatory",
    severity: "high",
    source: { controls: ["Security Hub ECS.1", "AWS Config ecs-task-definition-user-for-host-mode-check"], url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-1" },
    appliesTo: ["taskDefinition"],
    scope: "task definition",
    remediationSteps: "Use `networkMode: \"awsvpc\"` instead of `host`.",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        const mode = resource.task!.networkMode;
        if (isKnown(mode, out) && mode === "host") {
            out.push({ path: resource.task!.paths.networkMode, message: "networkMode is 'host', so containers use the host's network stack directly. Use 'awsvpc'." });
        }
        return out;
    },
};
