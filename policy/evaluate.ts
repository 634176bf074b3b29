// Running rules on models: config defaults, exemptions, and never throwing. Shared by the pack and the components.
import type { ResourceModel } from "./model";
import type { ConfigProblem, ConfigProperty, Finding, ResourceRule, Rule, StackContext, StackEntry, StackFinding, StackRule } from "./rules/rule";
import { NotApplicable } from "./rules/rule";
import { compilePatterns } from "./rules/patterns";
import { referenceKindOf } from "./model";

export const exemptTag = "ecs-guardrails:exempt";
export const exemptReasonTag = "ecs-guardrails:exempt-reason";

/** Settings every policy has, beside its own. */
export const sharedConfig: Record<"excludeResources" | "allowTagExemptions", ConfigProperty> = {
    excludeResources: {
        type: "array", items: { type: "string" }, default: [],
        description: "Glob patterns (`*`, `?`) matched against the resource's name and URN; matching resources are exempt, and the exemption is reported.",
    },
    allowTagExemptions: {
        type: "boolean", default: true,
        description: `Honour the resource tag \`${exemptTag}\` (comma-separated policy names). Set false to forbid tag exemptions from this policy.`,
    },
};

export interface SharedConfig {
    excludeResources: string[];
    allowTagExemptions: boolean;
}

const lastConfig = new WeakMap<Rule, { given: Record<string, unknown> | undefined; config: object; problems: ConfigProblem[] }>();

/**
 * A policy's config: what was given, with every missing or mistyped setting replaced by its default, and
 * settings that cannot mean anything (see `ConfigProblem`) replaced by theirs and recorded for `ecs-guardrails-config`.
 */
export function withDefaults<C>(rule: Rule, given: Record<string, unknown> | undefined): C & SharedConfig {
    // The engine sends one config per run; reuse the result while the given settings are the same.
    let last = lastConfig.get(rule);
    if (!last || !sameSettings(last.given, given)) {
        last = { given, ...fillDefaults(rule, given) };
        lastConfig.set(rule, last);
    }
    for (const problem of last.problems) recordConfigProblem(rule, problem);
    return last.config as C & SharedConfig;
}

function sameSettings(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
    if (a === b) return true;
    if (!a || !b) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function fillDefaults(rule: Rule, given: Record<string, unknown> | undefined): { config: object; problems: ConfigProblem[] } {
    const schema: Record<string, ConfigProperty> = { ...rule.config, ...sharedConfig };
    const config: Record<string, unknown> = {};
    const problems: ConfigProblem[] = [];
    for (const [key, property] of Object.entries(schema)) {
        const value = given?.[key];
        config[key] = fits(value, property) ? value : property.default;
        if (property.regex && config[key] !== property.default) {
            const sources = Array.isArray(config[key]) ? (config[key] as string[]) : [config[key] as string];
            const compiled = compilePatterns(sources, key);
            if (!compiled.ok) {
                problems.push({ keys: [key], problem: compiled.problem });
                config[key] = property.default;
            }
        }
    }
    for (const problem of rule.configProblems?.(config) ?? []) {
        problems.push(problem);
        for (const key of problem.keys) config[key] = schema[key].default;
    }
    return { config, problems };
}

/** Configuration problems met since the last report, shown once each by `ecs-guardrails-config`. */
const configProblemsMet = new Map<string, { policy: string } & ConfigProblem>();

function recordConfigProblem(rule: Rule, problem: ConfigProblem): void {
    configProblemsMet.set(`${rule.name}\u0000${problem.problem}`, { policy: rule.name, ...problem });
}

/** The configuration problems met since the last call, each once. */
export function takeConfigProblems(): ({ policy: string } & ConfigProblem)[] {
    const problems = [...configProblemsMet.values()];
    configProblemsMet.clear();
    return problems;
}

function fits(value: unknown, property: ConfigProperty): boolean {
    switch (property.type) {
        case "array": return Array.isArray(value) && value.every((v) => typeof v === "string");
        case "integer": return Number.isInteger(value) && (property.minimum === undefined || (value as number) >= property.minimum);
        case "number": return typeof value === "number" && Number.isFinite(value);
        default: return typeof value === property.type;
    }
}

export interface Exemption {
    policy: string;
    urn: string;
    name: string;
    how: string;
}

/** Why this resource is exempt from this policy, or undefined when it is not. */
export function exemptionOf(rule: Rule, model: Pick<ResourceModel, "name" | "urn" | "tags">, config: SharedConfig): Exemption | undefined {
    const pattern = config.excludeResources.find((p) => globMatches(p, model.name) || globMatches(p, model.urn));
    if (pattern !== undefined) {
        return { policy: rule.name, urn: model.urn, name: model.name, how: `excluded by the policy's excludeResources pattern '${pattern}'` };
    }
    const tags = model.tags;
    if (config.allowTagExemptions && rule.tagExemptible !== false && tags && typeof tags === "object" && !(tags instanceof Array) && exemptTag in tags) {
        const value = (tags as Record<string, unknown>)[exemptTag];
        const names = typeof value === "string" ? value.split(",").map((s) => s.trim()) : [];
        if (names.includes(rule.name)) {
            const reason = (tags as Record<string, unknown>)[exemptReasonTag];
            const because = typeof reason === "string" && reason.trim() ? ` (reason: ${reason.trim()})` : "";
            return { policy: rule.name, urn: model.urn, name: model.name, how: `exempt by its tag '${exemptTag}'${because}` };
        }
    }
    return undefined;
}

const globCache = new Map<string, RegExp>();

export function globMatches(pattern: string, text: string): boolean {
    let re = globCache.get(pattern);
    if (!re) {
        const source = pattern.split("").map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("");
        re = new RegExp(`^${source}$`);
        globCache.set(pattern, re);
    }
    return re.test(text);
}

/** Runs a resource rule; a rule that throws becomes a finding, never an exception. */
export function runResourceRule(rule: ResourceRule, model: ResourceModel, config: object): Finding[] | NotApplicable {
    if (!rule.appliesTo.includes(model.kind)) return new NotApplicable(`applies to ${rule.appliesTo.join(", ")}`);
    try {
        return rule.check(model, config);
    } catch (e) {
        return [internalError(rule, e)];
    }
}

export function runStackRule(rule: StackRule, entries: StackEntry[], config: object, stack: StackContext): StackFinding[] | Finding[] {
    try {
        return rule.check(entries, config, stack);
    } catch (e) {
        return [internalError(rule, e)];
    }
}

function internalError(rule: Rule, e: unknown): Finding {
    const detail = e instanceof Error ? e.constructor.name : typeof e;
    return { message: `The ${rule.name} check failed on this input (${detail}); please report it to ecs-guardrails. The resource was not checked.` };
}

/** The stack as stack rules see it: model-level answers about resources known by URN, from their type and properties. */
export function stackContext(resourceOf: (urn: string) => { type: string; props: unknown } | undefined): StackContext {
    return {
        referenceKind: (urn) => referenceKindOf(resourceOf(urn)?.type),
        roleArnOf: (urn) => {
            const resource = resourceOf(urn);
            const arn = referenceKindOf(resource?.type) === "role" && resource!.props && typeof resource!.props === "object" ? (resource!.props as { arn?: unknown }).arn : undefined;
            return typeof arn === "string" ? arn : undefined;
        },
    };
}
