// Essential containers do not restart in place: ECS replaces the task (#single-application).
import type { ResourceRule } from "../rule";
import { forEachContainer, isKnown } from "../support";

export const noContainerRestart: ResourceRule = {
    kind: "resource",
    name: "ecs-no-container-restart",
    description: "Essential containers do not use the container restart policy: ECS replaces the task instead.",
    level: "advisory",
    severity: "low",
    source: { guide: ["single-application"] },
    appliesTo: ["taskDefinition", "daemonTaskDefinition"],
    scope: "each essential container",
    remediationSteps: "Remove `restartPolicy` (or set `enabled: false`) from essential containers.",
    config: {},
    check: (resource) => forEachContainer(resource, (c, out) => {
        if (!isKnown(c.restartEnabled, out)) return;
        if (c.restartEnabled === true) {
            out.push({ path: c.paths.restartEnabled, message: `${c.label} is essential and restarts in place (restartPolicy.enabled is true). Remove the restart policy and let ECS replace the task.` });
        }
    }, { needs: "restartPolicy", essentialOnly: true }),
};
