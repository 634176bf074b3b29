// Application containers have a health check, so ECS replaces unhealthy tasks.
import type { Finding, ResourceRule } from "../rule";
import { SidecarConfig, applicationContainers, isKnown, sidecarConfig } from "../support";

export const healthCheck: ResourceRule<SidecarConfig> = {
    kind: "resource",
    name: "ecs-health-check",
    description: "Each application container (as `ecs-task-single-application` counts them) has a container health check.",
    level: "advisory",
    severity: "low",
    source: { controls: ["ecs-guardrails (container health checks)"], url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_healthcheck" },
    appliesTo: ["taskDefinition", "daemonTaskDefinition"],
    scope: "each application container",
    remediationSteps: "Add a `healthCheck` (command, interval, retries) so ECS replaces unhealthy tasks.",
    config: sidecarConfig,
    check(resource, config) {
        const split = applicationContainers(resource, config);
        if (Array.isArray(split)) return split;
        const out: Finding[] = [];
        for (const c of split.apps) {
            if (!isKnown(c.healthCheck, out)) continue;
            if (!c.healthCheck) out.push({ path: c.paths.healthCheck, message: `${c.label} has no healthCheck, so ECS cannot tell when it is unhealthy. Add a healthCheck command.` });
        }
        return out;
    },
};
