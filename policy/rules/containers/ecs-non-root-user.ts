// Containers run as a user other than root (Security Hub ECS.20).
import type { ResourceRule } from "../rule";
import { forEachContainer, isKnown, linuxOnly, quote, securityHubUrl } from "../support";

export const nonRootUser: ResourceRule = {
    kind: "resource",
    name: "ecs-non-root-user",
    description: "Each Linux container runs as a user other than root.",
    level: "advisory",
    severity: "medium",
    source: { controls: ["AWS Config ecs-task-definition-nonroot-user", "Security Hub ECS.20"], url: securityHubUrl("ecs-20") },
    appliesTo: ["taskDefinition"],
    scope: "each Linux container",
    remediationSteps: "Set `user` to a non-root user or UID (e.g. `1000` or `app`), created in the image.",
    config: {},
    check: (resource) => linuxOnly(resource) ?? forEachContainer(resource, (c, out) => {
        if (!isKnown(c.user, out)) return;
        if (c.user === undefined) out.push({ path: c.paths.user, message: `${c.label} sets no user, so it runs as the image's user (often root). Set user to a non-root user or UID.` });
        else if (/^(root|0)(:.*)?$/.test(c.user.trim())) out.push({ path: c.paths.user, message: `${c.label} runs as root (user ${quote(c.user)}). Set user to a non-root user or UID.` });
    }, { needs: "user" }),
};
