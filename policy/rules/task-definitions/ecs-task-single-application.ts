// One business purpose per task definition family (#single-purpose).
import type { ResourceRule } from "../rule";
import { SidecarConfig, applicationContainers, sidecarConfig, sidecarLabel } from "../support";

export const taskSingleApplication: ResourceRule<SidecarConfig & { maxApplications: number }> = {
    kind: "resource",
    name: "ecs-task-single-application",
    description: "A task definition runs at most `maxApplications` application containers; the rest are sidecars.",
    level: "advisory",
    severity: "medium",
    source: { guide: ["single-purpose"] },
    appliesTo: ["taskDefinition", "daemonTaskDefinition"],
    scope: "task definition, daemon task definition",
    remediationSteps: "Give each application its own task definition family so it scales on its own. Mark helpers as sidecars: `essential: false`, a FireLens router, a known sidecar image, or the docker label `ecs-guardrails.sidecar=true`.",
    config: {
        maxApplications: { type: "integer", default: 1, minimum: 1, description: "How many application (non-sidecar) containers one family may run." },
        ...sidecarConfig,
    },
    check(resource, config) {
        const split = applicationContainers(resource, config);
        if (Array.isArray(split)) return split;
        const { apps, waiting } = split;
        const names = apps.map((c) => c.label.replace(/^container /, "")).join(", ");
        if (apps.length > config.maxApplications) {
            return [{ path: resource.task!.paths.containers, message: `Task definition runs ${apps.length} application containers (${names}); at most ${config.maxApplications} allowed. Split them into their own families, or mark helpers as sidecars (essential: false or docker label ${sidecarLabel}=true).` }];
        }
        if (apps.length + waiting.length > config.maxApplications) return waiting;
        return [];
    },
};
