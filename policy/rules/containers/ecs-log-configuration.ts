// Each container ships stdout/stderr through an allowed log driver (#log-streams).
import { isNotKnownYet } from "../../model";
import type { ResourceRule } from "../rule";
import { forEachContainer, isKnown, knownContainers, notKnownYet, quote, taskKinds } from "../support";

export const logConfiguration: ResourceRule<{ allowedDrivers: string[] }> = {
    kind: "resource",
    name: "ecs-log-configuration",
    description: "Each container sends stdout/stderr to an allowed log driver; `awsfirelens` needs a FireLens router in the task.",
    level: "mandatory",
    severity: "medium",
    source: { guide: ["log-streams"] },
    appliesTo: taskKinds,
    scope: "each container (EGS: awsLogsConfigurations)",
    remediationSteps: "Give every container a `logConfiguration` with an allowed driver (e.g. `awslogs` with a log group); with `awsfirelens`, add a FireLens router container (`firelensConfiguration`).",
    config: {
        allowedDrivers: { type: "array", items: { type: "string" }, default: ["awslogs", "awsfirelens", "splunk"], description: "Log drivers that count as shipping logs (`none` never does)." },
    },
    configProblems: (config) => config.allowedDrivers.length > 0 && !config.allowedDrivers.includes("none") ? [] : [{
        keys: ["allowedDrivers"],
        problem: config.allowedDrivers.length === 0 ? "allowedDrivers is empty, so no container could pass." : "allowedDrivers holds 'none', which discards the logs.",
    }],
    check(resource, config) {
        const containers = knownContainers(resource.task);
        const router = containers.some((c) => c.firelens === true);
        const routerNotKnownYet = containers.find((c) => isNotKnownYet(c.firelens));
        return forEachContainer(resource, (c, out) => {
            if (!isKnown(c.logDriver, out)) return;
            if (c.logDriver === undefined) {
                const field = resource.kind === "expressService" ? c.paths.logDriver : "logConfiguration";
                out.push({ path: c.paths.logDriver, message: `${c.label} has no log configuration, so its stdout/stderr are lost. Set ${field} with one of: ${config.allowedDrivers.join(", ")}.` });
            } else if (!config.allowedDrivers.includes(c.logDriver)) {
                out.push({ path: c.paths.logDriver, message: `${c.label} uses log driver ${quote(c.logDriver)}, which is not allowed. Use one of: ${config.allowedDrivers.join(", ")}.` });
            } else if (c.logDriver === "awsfirelens" && !router) {
                if (routerNotKnownYet) out.push(notKnownYet(routerNotKnownYet.paths.firelens, `the FireLens router of ${c.label}`));
                else out.push({ path: c.paths.logDriver, message: `${c.label} logs through awsfirelens but the task has no FireLens router. Add a log router container with firelensConfiguration.` });
            }
        });
    },
};
