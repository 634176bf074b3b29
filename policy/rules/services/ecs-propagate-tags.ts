// Tasks carry the service's tags (#managed-tags).
import type { Finding, ResourceRule } from "../rule";
import { isKnown, quote } from "../support";

export const propagateTags: ResourceRule<{ allowedValues: string[] }> = {
    kind: "resource",
    name: "ecs-propagate-tags",
    description: "The service propagates tags to its tasks (`propagateTags` is an allowed value).",
    level: "mandatory",
    severity: "low",
    source: { guide: ["managed-tags"] },
    appliesTo: ["service"],
    scope: "service",
    remediationSteps: "Set `propagateTags: \"SERVICE\"` (the remediation does this) or `TASK_DEFINITION`.",
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
        if (isKnown(value, out) && (value === undefined || !config.allowedValues.includes(value))) {
            const now = value === undefined ? "is unset" : `is ${quote(value)}`;
            out.push({ path: resource.service!.paths.propagateTags, message: `propagateTags ${now}, so tasks do not carry the service's tags for cost reports. Set propagateTags to ${config.allowedValues.map((v) => quote(v)).join(" or ")}.` });
        }
        return out;
    },
    remediate: () => [{ set: "propagateTags", value: "SERVICE" }],
};
