// Input that cannot be read, reported once per resource so the other policies can stay quiet about it.
import type { ResourceRule } from "../rule";

/** How many malformed fields one message names; it counts the rest. */
const namedAtMost = 10;

export const inputWellFormed: ResourceRule = {
    kind: "resource",
    name: "ecs-input-well-formed",
    description: "The resource's ECS/ECR input can be read: container definitions are a JSON list of objects and fields have the types the ECS API expects.",
    level: "mandatory",
    severity: "high",
    source: { controls: ["ecs-guardrails (input validation)"], url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html" },
    appliesTo: ["taskDefinition", "daemonTaskDefinition", "service", "daemon", "taskSet", "expressService", "cluster", "capacityProvider", "registryScanningConfiguration", "repository", "repositoryCreationTemplate", "repositoryPolicy", "lifecyclePolicy"],
    scope: "every resource",
    remediationSteps: "Fix the property named in the message: other policies cannot check what they cannot read.",
    config: {},
    // Malformed input hides every other check: only the platform team's excludeResources may exempt it.
    tagExemptible: false,
    check(resource) {
        if (resource.malformed.length === 0) return [];
        const shown = resource.malformed.slice(0, namedAtMost).map((m) => (m.path ? `${m.path} ${m.problem}` : m.problem));
        const more = resource.malformed.length > namedAtMost ? ` (and ${resource.malformed.length - namedAtMost} more)` : "";
        return [{ path: resource.malformed[0].path, message: `Malformed input: ${shown.join("; ")}${more}. Fix it so the other policies can check this resource.` }];
    },
};
