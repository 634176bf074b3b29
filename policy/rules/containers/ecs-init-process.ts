// An init process forwards SIGTERM and reaps zombies (#signal-handling).
import type { ResourceRule } from "../rule";
import { forEachContainer, isKnown, knownContainers, linuxOnly, runsInitProcess } from "../support";

export const initProcess: ResourceRule = {
    kind: "resource",
    name: "ecs-init-process",
    description: "Each Linux container runs an init process (`linuxParameters.initProcessEnabled`), unless its entry point already runs tini or dumb-init.",
    level: "advisory",
    severity: "low",
    source: { guide: ["signal-handling"] },
    appliesTo: ["taskDefinition", "daemonTaskDefinition"],
    scope: "each Linux container",
    remediationSteps: "Set `linuxParameters.initProcessEnabled: true` so signals reach the application and zombie processes are reaped (the remediation does this).",
    config: {},
    check: (resource) => linuxOnly(resource) ?? forEachContainer(resource, (c, out) => {
        if (!isKnown(c.initProcessEnabled, out)) return;
        if (c.initProcessEnabled === true || runsInitProcess(c)) return;
        if (!isKnown(c.entryPoint, out)) return;
        out.push({ path: c.paths.initProcessEnabled, message: `${c.label} runs without an init process. Set linuxParameters.initProcessEnabled to true (or start it with tini) so SIGTERM reaches the application.` });
    }, { needs: "linuxParameters" }),
    remediate: (resource) => linuxOnly(resource) ? [] : knownContainers(resource.task)
        .filter((c) => c.fields.has("linuxParameters") && (c.initProcessEnabled === undefined || c.initProcessEnabled === false))
        .filter((c) => !runsInitProcess(c))
        .map((c) => ({ set: "initProcessEnabled", container: c.index, value: true })),
};
