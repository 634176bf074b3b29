// Secrets: @pulumi/policy unwraps engine secrets before validation, so a policy cannot tell which values were
// secret. The pack's deserializer (see engine.ts) keeps where they were, as property paths; the model's reader
// records every value it reads below one of them, and messages mask those values: a value is masked because it
// came from a secret, whatever its length or type, in time linear in the message.
import { Secret } from "@pulumi/policy";
import { replaceDeserializer, unwrapProxy } from "./engine";

const secretPathsKey = Symbol("ecs-guardrails.secret-paths");
type WithSecretPaths = { [secretPathsKey]?: readonly string[] };
const none: readonly string[] = [];
let secretsTracked = false;

/** Where a resource's properties held secrets (`containerDefinitions`, `tags.owner`); undefined when secrets cannot be tracked. */
export function secretPathsOf(raw: unknown): readonly string[] | undefined {
    if (!secretsTracked) return undefined;
    if (!raw || typeof raw !== "object") return none;
    return (raw as WithSecretPaths)[secretPathsKey] ?? none;
}

/** Replaces Secret instances by their values; returns where, at any depth, the secrets were. */
export function withoutSecrets(raw: Record<string, unknown>): { plain: Record<string, unknown>; secretSteps: (string | number)[][] } {
    const secretSteps: (string | number)[][] = [];
    const plain = strip(raw, [], secretSteps) as Record<string, unknown>;
    return { plain, secretSteps };
}

/** Wraps again, as Secret, whatever a remediation returns where the input held a secret, however deep. */
export function rewrapSecrets(next: Record<string, unknown>, secretSteps: (string | number)[][]): Record<string, unknown> {
    for (const steps of secretSteps) {
        let parent: unknown = next;
        for (const step of steps.slice(0, -1)) parent = parent && typeof parent === "object" ? (parent as Record<string | number, unknown>)[step] : undefined;
        const last = steps[steps.length - 1];
        if (parent && typeof parent === "object" && last in parent && !((parent as Record<string | number, unknown>)[last] instanceof Secret)) {
            (parent as Record<string | number, unknown>)[last] = new Secret((parent as Record<string | number, unknown>)[last]);
        }
    }
    return next;
}

/** `["a", 0, "b"]` as the reader's path `a[0].b`. */
export function pathOf(steps: readonly (string | number)[]): string {
    return steps.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/** Deep copy without Secret wrappers, collecting where they were (not below an outer secret). */
function strip(value: unknown, steps: (string | number)[], found: (string | number)[][] | undefined): unknown {
    if (value instanceof Secret) {
        found?.push(steps);
        return strip(value.value, steps, undefined);
    }
    if (Array.isArray(value)) return value.map((v, i) => strip(v, [...steps, i], found));
    if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = strip(v, [...steps, k], found);
        return out;
    }
    return value;
}

/** Installs the secret-aware, once-per-request deserializer. Called by the pack entry only. */
export function trackSecrets(): void {
    secretsTracked = replaceDeserializer((original) => {
        const cache = new WeakMap<object, Record<string, unknown>>();
        return (struct, proxySecrets) => {
            if (proxySecrets) return original(struct, true);
            let props = cache.get(struct);
            if (!props) {
                const { plain, secretSteps } = withoutSecrets(unwrapProxy(original(struct, true)) as Record<string, unknown>);
                props = plain;
                Object.defineProperty(props, secretPathsKey, { value: secretSteps.length > 0 ? secretSteps.map(pathOf) : none, enumerable: false });
                cache.set(struct, props);
            }
            return props;
        };
    });
}
