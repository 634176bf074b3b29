// ECS resolves each tag to a digest at deploy time (#task-definition-immutable-revisions).
import type { ResourceRule } from "../rule";
import { forEachContainer, isKnown } from "../support";

export const versionConsistency: ResourceRule = {
    kind: "resource",
    name: "ecs-version-consistency",
    description: "Each container lets ECS resolve its image tag to a digest at deploy time (`versionConsistency` is not `disabled`).",
    level: "advisory",
    severity: "low",
    source: { guide: ["task-definition-immutable-revisions"] },
    appliesTo: ["taskDefinition"],
    scope: "each container",
    remediationSteps: "Remove `versionConsistency: \"disabled\"` (or set it to `enabled`) so every task of a deployment runs the same image.",
    config: {},
    check: (resource) => forEachContainer(resource, (c, out) => {
        if (!isKnown(c.versionConsistency, out)) return;
        if (c.versionConsistency === "disabled") {
            out.push({ path: c.paths.versionConsistency, message: `${c.label} sets versionConsistency to 'disabled', so tasks of one deployment may run different images. Remove it or set 'enabled'.` });
        }
    }, { needs: "versionConsistency" }),
};
