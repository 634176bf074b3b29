// Secrets: @pulumi/policy unwraps engine secrets before validation, so a policy cannot tell which values
// were secret. We wrap its deserializer (pinned version) to keep that knowledge, so messages can mask
// them; as a side effect each resource is deserialized once per request instead of once per policy.
import { Secret } from "@pulumi/policy";

const secretStrings = Symbol("ecs-guardrails.secrets");
type WithSecrets = { [secretStrings]?: ReadonlySet<string> };
const none: ReadonlySet<string> = new Set();
let secretsTracked = false;

/** Follows @pulumi/policy's proxies (unknown checking, secret preserving) down to the raw object. */
export function unwrapProxy(value: unknown): unknown {
    let current = value as { __isSpecialProxy?: boolean; __getSpecialProxyTarget?: unknown } | undefined;
    for (let i = 0; i < 4 && current && typeof current === "object" && current.__isSpecialProxy === true; i++) {
        current = current.__getSpecialProxyTarget as typeof current;
    }
    return current;
}

/** The secret strings of a resource's properties; every quoted value when secrets cannot be tracked. */
export function secretsOf(raw: unknown): ReadonlySet<string> {
    if (!secretsTracked) return allQuoted;
    if (!raw || typeof raw !== "object") return none;
    return (raw as WithSecrets)[secretStrings] ?? none;
}

/** Sentinel: mask every quoted value (used only if the deserializer could not be wrapped). */
const allQuoted: ReadonlySet<string> = new Set(["\u0000all"]);

/**
 * Masks secrets in a message. A quoted value is masked when it is a secret, holds one, or shares six characters
 * in a row with one (a clipped command line, one word of a secret command); a secret of 6 characters or more is
 * masked anywhere.
 */
export function maskSecrets(message: string, secrets: ReadonlySet<string>): string {
    if (secrets.size === 0) return message;
    if (secrets === allQuoted) return message.replace(/'[^']*'/g, "'[hidden]'");
    const list = [...secrets].filter((s) => s.length > 0);
    const grams = gramsOf(secrets);
    let out = message.replace(/'([^']*)'/g, (quoted, value: string) => {
        const secret = list.some((s) => s === value || (s.length >= 3 && value.includes(s))) || sharesGram(value, grams);
        return secret ? "'[secret]'" : quoted;
    });
    for (const s of list) if (s.length >= gramLength) out = out.split(s).join("[secret]");
    return out;
}

const gramLength = 6;
const gramCache = new WeakMap<ReadonlySet<string>, Set<string>>();

/** Every run of six characters in the secrets, built once per set of secrets. */
function gramsOf(secrets: ReadonlySet<string>): Set<string> {
    let grams = gramCache.get(secrets);
    if (!grams) {
        grams = new Set();
        for (const s of secrets) for (let i = 0; i + gramLength <= s.length; i++) grams.add(s.slice(i, i + gramLength));
        gramCache.set(secrets, grams);
    }
    return grams;
}

function sharesGram(value: string, grams: Set<string>): boolean {
    for (let i = 0; i + gramLength <= value.length; i++) if (grams.has(value.slice(i, i + gramLength))) return true;
    return false;
}

/** Replaces Secret instances by their values; returns the top-level keys that held secrets. */
/** Replaces Secret instances by their values; returns where, at any depth, the secrets were. */
export function withoutSecrets(raw: Record<string, unknown>): { plain: Record<string, unknown>; secretPaths: (string | number)[][] } {
    const secretPaths: (string | number)[][] = [];
    const find = (value: unknown, path: (string | number)[]): void => {
        if (value instanceof Secret) secretPaths.push(path);
        else if (Array.isArray(value)) value.forEach((v, i) => find(v, [...path, i]));
        else if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
            for (const [k, v] of Object.entries(value)) find(v, [...path, k]);
        }
    };
    find(raw, []);
    return { plain: strip(raw, undefined) as Record<string, unknown>, secretPaths };
}

/** Wraps again, as Secret, whatever a remediation returns where the input held a secret, however deep. */
export function rewrapSecrets(next: Record<string, unknown>, secretPaths: (string | number)[][]): Record<string, unknown> {
    for (const path of secretPaths) {
        let parent: unknown = next;
        for (const step of path.slice(0, -1)) parent = parent && typeof parent === "object" ? (parent as Record<string | number, unknown>)[step] : undefined;
        const last = path[path.length - 1];
        if (parent && typeof parent === "object" && last in parent && !((parent as Record<string | number, unknown>)[last] instanceof Secret)) {
            (parent as Record<string | number, unknown>)[last] = new Secret((parent as Record<string | number, unknown>)[last]);
        }
    }
    return next;
}

/** Deep copy without Secret wrappers, collecting secret strings (and those inside secret JSON text). */
function strip(value: unknown, collect: Set<string> | undefined, inSecret = false): unknown {
    if (value instanceof Secret) return strip(value.value, collect, true);
    if (typeof value === "string") {
        if (inSecret && collect) collectStrings(value, collect);
        return value;
    }
    if (typeof value === "number" || typeof value === "boolean") {
        if (inSecret && collect) collect.add(String(value));
        return value;
    }
    if (Array.isArray(value)) return value.map((v) => strip(v, collect, inSecret));
    if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = strip(v, collect, inSecret);
        return out;
    }
    return value;
}

function collectStrings(text: string, into: Set<string>): void {
    into.add(text);
    const first = text.trimStart()[0];
    if (first !== "{" && first !== "[") return;
    try {
        const walk = (v: unknown): void => {
            if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") into.add(String(v));
            else if (Array.isArray(v)) v.forEach(walk);
            else if (v && typeof v === "object") Object.values(v).forEach(walk);
        };
        walk(JSON.parse(text));
    } catch {
        // not JSON: the string itself is collected
    }
}

/** Installs the secret-aware, once-per-request deserializer. Called by the pack entry only. */
export function trackSecrets(): void {
    try {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        const deserialize = require("@pulumi/policy/deserialize") as { deserializeProperties: (s: object, proxySecrets: boolean) => Record<string, unknown> };
        const original = deserialize.deserializeProperties;
        if (typeof original !== "function" || (original as { wrapped?: boolean }).wrapped) {
            secretsTracked = typeof original === "function";
            return;
        }
        const cache = new WeakMap<object, Record<string, unknown>>();
        const wrapped = (struct: object, proxySecrets: boolean) => {
            if (proxySecrets) return original(struct, true);
            let props = cache.get(struct);
            if (!props) {
                const collected = new Set<string>();
                props = strip(unwrapProxy(original(struct, true)), collected) as Record<string, unknown>;
                Object.defineProperty(props, secretStrings, { value: collected.size > 0 ? collected : none, enumerable: false });
                cache.set(struct, props);
            }
            return props;
        };
        (wrapped as { wrapped?: boolean }).wrapped = true;
        deserialize.deserializeProperties = wrapped;
        secretsTracked = true;
    } catch {
        secretsTracked = false;
    }
}
