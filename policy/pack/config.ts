// A policy's config: what was given, with defaults where a setting is missing, and every mistake recorded once for
// `ecs-guardrails-config`: settings that cannot mean anything, settings and policy names the pack does not have.
import type { ConfigProblem, ConfigProperty, Level, Rule } from "../rules/rule";
import { compilePatterns } from "../rules/support/patterns";
import { exemptTag } from "./exemptions";

/** Settings every policy has, beside its own. */
export const sharedConfig: Record<"excludeResources" | "allowTagExemptions", ConfigProperty> = {
    excludeResources: {
        type: "array", items: { type: "string" }, default: [],
        description: "Glob patterns (`*`, `?`): one that starts with `urn:` is matched against the resource's URN, any other against its name; matching resources are exempt, and the exemption is reported.",
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

/** One policy's entry in a pack config (`--policy-pack-config`): a level, or settings with an optional level. */
export type PolicyConfig = string | Record<string, unknown> | undefined;

/** The level a policy runs at under this entry. */
export function levelOf(rule: Pick<Rule, "level">, given: PolicyConfig): Level | "disabled" {
    const level = typeof given === "string" ? given : given?.enforcementLevel;
    if (level === "disabled") return "disabled";
    if (level === "advisory" || level === "mandatory") return level;
    return level === "remediate" ? "mandatory" : rule.level;
}

/** The settings of an entry, without its level. */
export function settingsOf(given: PolicyConfig): Record<string, unknown> | undefined {
    if (typeof given !== "object" || given === null) return undefined;
    const { enforcementLevel: _level, ...settings } = given;
    return settings;
}

export interface ConfigMistake extends ConfigProblem {
    policy: string;
}

const lastConfig = new WeakMap<Rule, { given: Record<string, unknown> | undefined; config: object; problems: ConfigProblem[] }>();

/**
 * A policy's config: what was given, with every missing setting filled with its default, and a mistyped setting or
 * one that cannot mean anything replaced by its default and recorded for `ecs-guardrails-config`.
 */
export function withDefaults<C>(rule: Rule, given: Record<string, unknown> | undefined): C & SharedConfig {
    // The engine sends one config per run; reuse the result while the given settings are the same.
    let last = lastConfig.get(rule);
    if (!last || !sameSettings(last.given, given)) {
        last = { given, ...fillDefaults(rule, given) };
        lastConfig.set(rule, last);
    }
    for (const problem of last.problems) recordMistake({ policy: rule.name, ...problem });
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
        if (value !== undefined && !fits(value, property)) {
            problems.push({ keys: [key], problem: `${key} is ${describe(value)}, expected ${expected(property)}.` });
        }
        config[key] = value !== undefined && fits(value, property) ? value : property.default;
        if (property.regex && config[key] !== property.default) {
            const sources = Array.isArray(config[key]) ? (config[key] as string[]) : [config[key] as string];
            const compiled = compilePatterns(sources, key);
            if (!compiled.ok) {
                problems.push({ keys: [key], problem: compiled.problem });
                config[key] = property.default;
            }
        }
    }
    for (const key of Object.keys(given ?? {})) {
        if (key in schema) continue;
        const closest = closestName(key, Object.keys(schema));
        problems.push({
            keys: [],
            problem: `it has no setting '${key}'${closest ? `; did you mean '${closest}'?` : "."} The setting does not apply.`,
        });
    }
    for (const problem of rule.configProblems?.(config) ?? []) {
        problems.push(problem);
        for (const key of problem.keys) config[key] = schema[key].default;
    }
    return { config, problems };
}

function fits(value: unknown, property: ConfigProperty): boolean {
    switch (property.type) {
        case "array": return Array.isArray(value) && value.every((v) => typeof v === "string");
        case "integer": return Number.isInteger(value) && (property.minimum === undefined || (value as number) >= property.minimum);
        case "number": return typeof value === "number" && Number.isFinite(value);
        default: return typeof value === property.type;
    }
}

function expected(property: ConfigProperty): string {
    switch (property.type) {
        case "array": return "a list of strings";
        case "integer": return property.minimum === undefined ? "a whole number" : `a whole number of at least ${property.minimum}`;
        case "boolean": return "true or false";
        default: return `a ${property.type}`;
    }
}

function describe(value: unknown): string {
    if (Array.isArray(value)) return value.every((v) => typeof v === "string") ? "a list" : "a list holding other things than strings";
    if (value === null) return "null";
    return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

/** Policy names in a pack config that are none of the pack's, each with the closest name the pack has. */
export function unknownPolicies(sent: Readonly<Record<string, unknown>>, names: readonly string[]): ConfigMistake[] {
    // "all" sets the level of every policy (the CLI's own key).
    return Object.keys(sent).filter((name) => name !== "all" && !names.includes(name)).map((name) => {
        const closest = closestName(name, names);
        return {
            policy: name,
            keys: [],
            problem: `'${name}' is not a policy of the ecs-guardrails pack${closest ? `; did you mean '${closest}'?` : "."} Its entry does not apply.`,
        };
    });
}

/** The valid name a misspelt one most likely meant: within a third of its length in edits, or none. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
    let best: string | undefined;
    let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
    for (const candidate of candidates) {
        const distance = editDistance(name.toLowerCase(), candidate.toLowerCase(), bestDistance);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it reaches `limit`. */
function editDistance(a: string, b: string, limit: number): number {
    if (Math.abs(a.length - b.length) >= limit) return limit;
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            rowMin = Math.min(rowMin, current[j]);
        }
        if (rowMin >= limit) return limit;
        previous = current;
    }
    return previous[b.length];
}

/** Configuration mistakes met since the last report, shown once each by `ecs-guardrails-config`. */
const mistakesMet = new Map<string, ConfigMistake>();

export function recordMistake(mistake: ConfigMistake): void {
    mistakesMet.set(`${mistake.policy}\u0000${mistake.problem}`, mistake);
}

/** The configuration mistakes met since the last call, each once. */
export function takeMistakes(): ConfigMistake[] {
    const mistakes = [...mistakesMet.values()];
    mistakesMet.clear();
    return mistakes;
}
