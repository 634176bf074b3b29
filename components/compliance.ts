// Components check what users pass with the pack's own rules, and fail with the pack's own messages.
import * as pulumi from "@pulumi/pulumi";
import { ComplianceError, checkResource } from "../policy/check";

/**
 * Checks a child resource's inputs with the pack's resource rules. Plain values are checked at once, so a
 * known non-compliant value (`nginx:latest`) fails the constructor with the pack's message. Values that are
 * Outputs are checked when they resolve during an update: the check rides on `key`, so the child fails to
 * register; at preview, values not known yet are left to the pack. Advisory findings are logged as warnings.
 */
export function enforce<T extends Record<string, unknown>>(
    parent: pulumi.Resource, label: string, type: string, props: T, key: keyof T & string, knownNow?: Record<string, unknown>,
): T {
    // What is known now: Outputs become the engine's "unknown" sentinel, which the rules skip.
    verify(parent, label, type, knownNow ?? (knownView(props) as Record<string, unknown>), isPlain(props));
    // At preview the pack checks the child (wrapping a property here would make it unknown to the pack);
    // during an update, the child waits for the complete check.
    if (isPlain(props) || pulumi.runtime.isDryRun()) return props;
    const checked = pulumi.output(props as Record<string, unknown>).apply((known) => {
        verify(parent, label, type, known as Record<string, unknown>, true);
        return (known as Record<string, unknown>)[key];
    });
    return { ...props, [key]: checked };
}

const unknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The value with every Output or Promise replaced by the engine's unknown sentinel. */
export function knownView(value: unknown): unknown {
    if (pulumi.Output.isInstance(value) || value instanceof Promise) return unknownSentinel;
    if (Array.isArray(value)) return value.map(knownView);
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, knownView(v)]));
    }
    return value;
}

function verify(parent: pulumi.Resource, label: string, type: string, props: Record<string, unknown>, warn: boolean): void {
    const violations = checkResource(type, props, { name: label });
    for (const v of violations) {
        if (warn && v.level === "advisory") pulumi.log.warn(`[${v.policy}] ${v.message}`, parent);
    }
    const mandatory = violations.filter((v) => v.level === "mandatory");
    if (mandatory.length > 0) throw new ComplianceError(label, mandatory);
}

/** True when a value holds no Output or Promise at any depth. */
export function isPlain(value: unknown): boolean {
    if (pulumi.Output.isInstance(value) || value instanceof Promise) return false;
    if (Array.isArray(value)) return value.every(isPlain);
    if (value && typeof value === "object") return Object.values(value).every(isPlain);
    return true;
}

/** JSON with object keys sorted at every depth, so the same inputs always give the same text. */
export function canonicalJson(value: unknown): string {
    return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(value).sort()) {
            const v = (value as Record<string, unknown>)[key];
            if (v !== undefined) out[key] = sortKeys(v);
        }
        return out;
    }
    return value;
}

/**
 * `base` with `overrides` laid over it: objects merge key by key at every depth, anything else (arrays, strings,
 * Outputs) replaces. What the components' `...Overrides` escape hatches do before the rules check the result.
 */
export function withOverrides<T extends Record<string, unknown>>(base: T, overrides: Record<string, unknown> | undefined): T {
    if (overrides === undefined) return base;
    return mergeObjects(base, overrides) as T;
}

function mergeObjects(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(over)) {
        const current = out[key];
        out[key] = isMergeable(current) && isMergeable(value) ? mergeObjects(current, value) : value;
    }
    return out;
}

function isMergeable(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) && !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}

/**
 * A value the component must read while it is being constructed (it decides which children to create). From other
 * languages such a value can arrive as an Output as a whole (a secret, say); this fails with a clear message then.
 */
export function structural<T>(component: string, property: string, value: T | pulumi.Output<T> | Promise<T>): T {
    if (pulumi.Output.isInstance(value) || value instanceof Promise) {
        throw new Error(`${component}: '${property}' must be given as a plain value, not as an output as a whole (outputs for its fields are fine).`);
    }
    return value;
}

export const assumeRolePolicy = (service: string) => canonicalJson({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: service } }],
});
