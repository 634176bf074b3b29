// Read-only root filesystems (Security Hub ECS.5).
import type { ResourceRule } from "../rule";
import { forEachContainer, isKnown, securityHubUrl } from "../support";

export const readonlyRootFilesystem: ResourceRule = {
    kind: "resource",
    name: "ecs-readonly-root-filesystem",
    description: "Each container mounts its root filesystem read-only.",
    level: "advisory",
    severity: "medium",
    source: { controls: ["Security Hub ECS.5", "Checkov CKV_AWS_336"], url: securityHubUrl("ecs-5") },
    appliesTo: ["taskDefinition", "daemonTaskDefinition"],
    scope: "each container",
    remediationSteps: "Set `readonlyRootFilesystem: true` and mount a volume for the paths the application writes.",
    config: {},
    check: (resource) => forEachContainer(resource, (c, out) => {
        if (!isKnown(c.readonlyRootFilesystem, out)) return;
        if (c.readonlyRootFilesystem !== true) out.push({ path: c.paths.readonlyRootFilesystem, message: `${c.label} can write to its root filesystem. Set readonlyRootFilesystem to true and mount volumes where it must write.` });
    }, { needs: "readonlyRootFilesystem" }),
};
