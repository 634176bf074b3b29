// No privileged container (Security Hub ECS.4).
import type { ResourceRule } from "../rule";
import { forEachContainer, isKnown, securityHubUrl } from "../support";

export const noPrivileged: ResourceRule = {
    kind: "resource",
    name: "ecs-no-privileged",
    description: "No container runs privileged.",
    level: "mandatory",
    severity: "high",
    source: { controls: ["Security Hub ECS.4", "Checkov CKV_AWS_334"], url: securityHubUrl("ecs-4") },
    appliesTo: ["taskDefinition", "daemonTaskDefinition"],
    scope: "each container",
    remediationSteps: "Remove `privileged: true`; grant only the Linux capabilities the container needs (`linuxParameters.capabilities.add`).",
    config: {},
    check: (resource) => forEachContainer(resource, (c, out) => {
        if (!isKnown(c.privileged, out)) return;
        if (c.privileged === true) out.push({ path: c.paths.privileged, message: `${c.label} runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs.` });
    }, { needs: "privileged" }),
};
