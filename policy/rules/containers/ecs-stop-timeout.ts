// Essential containers get time to finish their SIGTERM handler (#signal-handling).
import type { ResourceRule } from "../rule";
import { forEachContainer, isKnown, knownContainers, quote } from "../support";

export const stopTimeout: ResourceRule<{ minSeconds: number; maxSeconds: number; defaultSeconds: number }> = {
    kind: "resource",
    name: "ecs-stop-timeout",
    description: "Each essential container sets `stopTimeout` within [minSeconds, maxSeconds], so the application can finish its SIGTERM handler.",
    level: "advisory",
    severity: "low",
    source: { guide: ["signal-handling"] },
    appliesTo: ["taskDefinition", "daemonTaskDefinition"],
    scope: "each essential container",
    remediationSteps: "Set `stopTimeout` to the time the application needs to drain (the remediation sets defaultSeconds where it is unset).",
    config: {
        minSeconds: { type: "integer", default: 2, minimum: 0, description: "Shortest allowed stopTimeout, in seconds (inclusive)." },
        maxSeconds: { type: "integer", default: 120, minimum: 0, description: "Longest allowed stopTimeout, in seconds (inclusive; Fargate allows at most 120)." },
        defaultSeconds: { type: "integer", default: 30, minimum: 0, description: "What the remediation sets where stopTimeout is unset." },
    },
    configProblems: (config) => config.minSeconds > config.maxSeconds
        ? [{ keys: ["minSeconds", "maxSeconds"], problem: `minSeconds (${config.minSeconds}) is greater than maxSeconds (${config.maxSeconds}), so no stopTimeout could pass.` }]
        : [],
    check: (resource, config) => forEachContainer(resource, (c, out) => {
        if (!isKnown(c.stopTimeout, out)) return;
        const range = `[${config.minSeconds}, ${config.maxSeconds}]`;
        if (c.stopTimeout === undefined) {
            out.push({ path: c.paths.stopTimeout, message: `${c.label} has no stopTimeout, so ECS waits its default before SIGKILL. Set stopTimeout within ${range} seconds to what the application needs to drain.` });
        } else if (c.stopTimeout < config.minSeconds || c.stopTimeout > config.maxSeconds) {
            out.push({ path: c.paths.stopTimeout, message: `${c.label} stopTimeout ${quote(c.stopTimeout)} is outside ${range} seconds. Set it to what the application needs to drain, within that range.` });
        }
    }, { needs: "stopTimeout", essentialOnly: true }),
    remediate: (resource, config) => knownContainers(resource.task)
        .filter((c) => c.fields.has("stopTimeout") && c.essential !== false && c.stopTimeout === undefined)
        .map((c) => ({ set: "stopTimeout", container: c.index, value: config.defaultSeconds })),
};
