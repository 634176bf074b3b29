// Containers run as a user other than root (Security Hub ECS.20), on Windows other than ContainerAdministrator (ECS.21).
import type { ResourceRule } from "../rule";
import { forEachContainer, isKnown, isWindows, quote, securityHubUrl } from "../support";

const fix = "Set user to a non-root user or UID.";
const windowsFix = "Set user to a non-administrator account such as ContainerUser.";

export const nonRootUser: ResourceRule = {
    kind: "resource",
    name: "ecs-non-root-user",
    description: "Each container runs as a user other than root (Windows: other than ContainerAdministrator).",
    level: "advisory",
    severity: "medium",
    source: { controls: ["AWS Config ecs-task-definition-nonroot-user", "Security Hub ECS.20", "Security Hub ECS.21"], url: securityHubUrl("ecs-20") },
    appliesTo: ["taskDefinition", "daemonTaskDefinition"],
    scope: "each container",
    remediationSteps: "Set `user` to a non-root user or UID (e.g. `1000` or `app`), created in the image; on Windows, to an account other than `ContainerAdministrator` (e.g. `ContainerUser`).",
    config: {},
    check: (resource) => {
        // Told apart as ecs-init-process tells them; a task whose platform is not known yet is checked as Linux.
        const windows = resource.task !== undefined && isWindows(resource.task) === true;
        return forEachContainer(resource, (c, out) => {
            if (!isKnown(c.user, out)) return;
            if (windows) {
                if (c.user === undefined) out.push({ path: c.paths.user, message: `${c.label} sets no user, so it runs as the image's user (ContainerAdministrator on Windows base images). ${windowsFix}` });
                else if (c.user.trim().toLowerCase() === "containeradministrator") out.push({ path: c.paths.user, message: `${c.label} runs as the Windows administrator (user ${quote(c.user)}). ${windowsFix}` });
                return;
            }
            if (c.user === undefined) out.push({ path: c.paths.user, message: `${c.label} sets no user, so it runs as the image's user (often root). ${fix}` });
            else if (/^(root|0)(:.*)?$/.test(c.user.trim())) out.push({ path: c.paths.user, message: `${c.label} runs as root (user ${quote(c.user)}). ${fix}` });
        }, { needs: "user" });
    },
};
