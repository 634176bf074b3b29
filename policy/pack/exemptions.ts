// Exemptions, two ways, both reported: a policy's `excludeResources` patterns, and the resource's own tag.
import type { ResourceModel } from "../model";
import type { Rule } from "../rules/rule";
import type { SharedConfig } from "./config";

export const exemptTag = "ecs-guardrails:exempt";
export const exemptReasonTag = "ecs-guardrails:exempt-reason";

export interface Exemption {
    policy: string;
    urn: string;
    name: string;
    how: string;
}

/** Why this resource is exempt from this policy, or undefined when it is not. */
export function exemptionOf(rule: Rule, model: Pick<ResourceModel, "name" | "urn" | "tags">, config: SharedConfig): Exemption | undefined {
    const pattern = config.excludeResources.find((p) => (p.startsWith("urn:") ? globMatches(p, model.urn) : globMatches(p, model.name)));
    if (pattern !== undefined) {
        return { policy: rule.name, urn: model.urn, name: model.name, how: `excluded by the policy's excludeResources pattern '${pattern}'` };
    }
    const tags = model.tags;
    if (config.allowTagExemptions && rule.tagExemptible !== false && tags && typeof tags === "object" && !(tags instanceof Array) && exemptTag in tags) {
        const value = (tags as Record<string, unknown>)[exemptTag];
        const names = typeof value === "string" ? value.split(",").map((s) => s.trim()) : [];
        if (names.includes(rule.name)) {
            const reason = (tags as Record<string, unknown>)[exemptReasonTag];
            const because = typeof reason === "string" && reason.trim() ? ` (reason: '${reason.trim()}')` : "";
            return { policy: rule.name, urn: model.urn, name: model.name, how: `exempt by its tag '${exemptTag}'${because}` };
        }
    }
    return undefined;
}

/**
 * Glob matching (`*` any run, `?` one character) without backtracking regular expressions: a two-pointer walk that
 * only ever returns to the last `*`, so a match takes at most text x pattern steps, whatever the pattern.
 */
export function globMatches(pattern: string, text: string): boolean {
    let p = 0;
    let t = 0;
    let star = -1;
    let resume = 0;
    while (t < text.length) {
        if (p < pattern.length && (pattern[p] === "?" || pattern[p] === text[t])) {
            p++;
            t++;
        } else if (p < pattern.length && pattern[p] === "*") {
            star = p++;
            resume = t;
        } else if (star !== -1) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.length && pattern[p] === "*") p++;
    return p === pattern.length;
}
