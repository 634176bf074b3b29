// Tasks carry the service's tags (#managed-tags).
import type { Finding, ResourceRule } from "../rule";
import { isKnown, quote } from "../support";

const daemonValue = "DAEMON";

export const propagateTags: ResourceRule<{ allowedValues: string[] }> = {
    kind: "resource",
    name: "ecs-propagate-tags",
    description: "The service propagates tags to its tasks (`propagateTags` is an allowed value; for a daemon, `DAEMON` also passes).",
    level: "mandatory",
    severity: "low",
    source: { guide: ["managed-tags"] },
    appliesTo: ["service", "daemon"],
    scope: "service, daemon",
    remediationSteps: "Set `propagateTags: \"SERVICE\"` (the remediation does this) or `TASK_DEFINITION`; on a daemon, `DAEMON` (the remediation sets it).",
    config: {
        allowedValues: { type: "array", items: { type: "string" }, default: ["SERVICE", "TASK_DEFINITION"], description: "Accepted values of propagateTags: `SERVICE`, `TASK_DEFINITION` or both (`NONE` never propagates)." },
    },
    configProblems: (config) => {
        const wrong = config.allowedValues.filter((v) => v !== "SERVICE" && v !== "TASK_DEFINITION");
        return wrong.length === 0 && config.allowedValues.length > 0 ? [] : [{
            keys: ["allowedValues"],
            problem: `allowedValues may hold only 'SERVICE' and 'TASK_DEFINITION'${wrong.length > 0 ? `, not ${wrong.map((v) => quote(v)).join(", ")}` : ""}: other values propagate no tags.`,
        }];
    },
    check(resource, config) {
        const out: Finding[] = [];
        const value = resource.service!.propagateTags;
        // A daemon takes DAEMON (or NONE): the value that propagates its tags.
        const daemon = resource.kind === "daemon";
        const allowed = daemon ? [daemonValue] : config.allowedValues;
        if (isKnown(value, out) && (value === undefined || !(allowed.includes(value) || config.allowedValues.includes(value)))) {
            const now = value === undefined ? "is unset" : `is ${quote(value)}`;
            out.push({ path: resource.service!.paths.propagateTags, message: `propagateTags ${now}, so tasks do not carry the ${daemon ? "daemon" : "service"}'s tags for cost reports. Set propagateTags to ${allowed.map((v) => quote(v)).join(" or ")}.` });
        }
        return out;
    },
    remediate: (resource) => [{ set: "propagateTags", value: resource.kind === "daemon" ? daemonValue : "SERVICE" }],
};
