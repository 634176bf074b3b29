// Components check what users pass with the pack's own rules, under the organisation's policy config, and fail with
// the pack's own messages.
import * as pulumi from "@pulumi/pulumi";
import { ComplianceError, StackResource, Violation, checkResource, checkStack, violationText } from "../policy/check";

/** The policy config a component checks with: the JSON of `--policy-pack-config`, levels and settings per policy. */
export type PolicyConfig = Record<string, any>;

/** The stack config key components read the organisation's policy config from (`ecs-guardrails:policyConfig`). */
export const policyConfigKey = "ecs-guardrails:policyConfig";

/**
 * The organisation's policy config: the component's `policyConfig` argument, else the stack config
 * `ecs-guardrails:policyConfig` (the same JSON as `--policy-pack-config`, an object or its text), else none (the
 * pack's defaults).
 */
export function policyConfigOf(label: string, given: PolicyConfig | string | undefined): PolicyConfig {
    const [namespace, key] = policyConfigKey.split(":");
    const value: unknown = given ?? new pulumi.Config(namespace).getObject<unknown>(key);
    const parsed = typeof value === "string" ? parseJson(label, value) : value;
    if (parsed === undefined || parsed === null) return {};
    if (typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new pulumi.RunError(`${label}: the policy config (argument 'policyConfig' or stack config '${policyConfigKey}') must be a JSON object, as in a --policy-pack-config file.`);
    }
    return parsed as PolicyConfig;
}

function parseJson(label: string, text: string): unknown {
    try {
        return JSON.parse(text);
    } catch (e) {
        throw new pulumi.RunError(`${label}: the policy config is not JSON (${(e as Error).message}).`);
    }
}

/**
 * A refusal: a known input breaks a policy the organisation's pack blocks. Pulumi prints a RunError as its message
 * alone. When the refusal comes from an Output during `pulumi up`, the SDK prefixes `error serializing property "x": `
 * to the message at every level it passes (and some paths print the stack): the message and stack stay the
 * refusal's own words, which already say where.
 */
export class Refusal extends ComplianceError {
    /** What Pulumi's RunError.isInstance looks for (the SDK may be another copy than ours). */
    readonly __pulumiRunError = true;

    constructor(label: string, violations: Violation[]) {
        super(label, violations);
        const text = this.message;
        Object.defineProperty(this, "message", { get: () => text, set: () => undefined, enumerable: false, configurable: true });
        Object.defineProperty(this, "stack", { value: text, writable: true, enumerable: false, configurable: true });
    }
}

/** What the stack rules know about the components of one program, per deployment (never a module-wide list). */
const programFacts = new WeakMap<object, ProgramFacts>();

/** Each child's facts by URN, and the URNs by every name in them (so a check reads only the children it may clash with). */
interface ProgramFacts {
    byUrn: Map<string, StackResource>;
    byName: Map<string, Set<string>>;
}

function factsOfThisProgram(): ProgramFacts {
    const key = pulumi.runtime.getMonitor() ?? programFacts;
    let facts = programFacts.get(key);
    if (!facts) programFacts.set(key, (facts = { byUrn: new Map(), byName: new Map() }));
    return facts;
}

/** The names in a child's facts, as the stack rules compare them: a role by name or ARN in any case, a group, a family. */
function namesIn(value: unknown): string[] {
    if (typeof value === "string") return value === unknownSentinel ? [] : [value.toLowerCase().split("/").pop()!];
    if (Array.isArray(value)) return value.flatMap(namesIn);
    if (value && typeof value === "object") return Object.values(value).flatMap(namesIn);
    return [];
}

/** The stack rules a program's components have the facts for: roles and families of task definitions, groups of services. */
const componentStackRules = ["ecs-task-family-unique", "ecs-task-role-per-family", "ecs-execution-role-distinct", "ecs-security-group-per-service"];

/** Checks one component's children with the pack's rules, under the organisation's config. */
export class Checks {
    /** `TaskDefinition 'web'` */
    readonly label: string;
    /** The component's URN: what tells it from other resources of the same name. */
    readonly urn: string;
    private readonly typeChain: string;

    constructor(private readonly component: pulumi.ComponentResource, type: string, private readonly name: string, private readonly config: PolicyConfig) {
        this.label = `${type.split(":").pop()} '${name}'`;
        this.typeChain = [...parentTypes(component), type].join("$");
        this.urn = `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${this.typeChain}::${name}`;
    }

    /** The URN Pulumi gives a child of this component. */
    urnOf(childType: string, childName = this.name): string {
        return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${this.typeChain}$${childType}::${childName}`;
    }

    /**
     * Checks a child's inputs with the pack's resource rules. What is known now is checked at once: a known
     * non-compliant value (`nginx:latest`) fails the constructor with the pack's message. Values that are Outputs are
     * checked when they resolve during an update: the check rides on `key`, so the child fails to register; at
     * preview, values not known yet are left to the pack. Advisory findings are logged as warnings.
     */
    resource<T extends Record<string, unknown>>(type: string, props: T, key: keyof T & string, knownNow?: Record<string, unknown>): T {
        // What is known now: Outputs become the engine's "unknown" sentinel, which the rules skip.
        this.verify(type, knownNow ?? (knownView(props) as Record<string, unknown>), isPlain(props));
        // At preview the pack checks the child (wrapping a property here would make it unknown to the pack);
        // during an update, the child waits for the complete check.
        if (isPlain(props) || pulumi.runtime.isDryRun()) return props;
        const checked = pulumi.output(props as Record<string, unknown>).apply((known) => {
            this.verify(type, known as Record<string, unknown>, true);
            return (known as Record<string, unknown>)[key];
        });
        return { ...props, [key]: checked };
    }

    /**
     * Adds a child's facts to the program's and runs the stack rules on them, as the pack does at the end of a
     * preview: a finding on this child refuses it (mandatory) or warns (advisory). Facts that are Outputs are
     * checked when they resolve during an update, on `value` (the input the child waits for); at preview they are
     * left to the pack.
     */
    stack<T>(type: string, facts: Record<string, unknown>, value: pulumi.Input<T>): pulumi.Input<T> {
        this.verifyStack(type, knownView(facts) as Record<string, unknown>, isPlain(facts));
        if (isPlain(facts) || pulumi.runtime.isDryRun()) return value;
        return pulumi.all([pulumi.output(facts as Record<string, pulumi.Input<unknown>>), value]).apply(([known, v]) => {
            this.verifyStack(type, known as Record<string, unknown>, true);
            return v;
        }) as pulumi.Output<T>;
    }

    private verify(type: string, props: Record<string, unknown>, warn: boolean): void {
        const violations = checkResource(type, props, { name: this.name, urn: this.urnOf(type), config: this.config });
        this.report(violations, warn);
    }

    private verifyStack(type: string, props: Record<string, unknown>, warn: boolean): void {
        const urn = this.urnOf(type);
        const facts = factsOfThisProgram();
        const names = [...new Set(namesIn(props))];
        const related = new Set(names.flatMap((n) => [...(facts.byName.get(n) ?? [])]));
        related.delete(urn);
        const resources = [...[...related].map((u) => facts.byUrn.get(u)!), { type, name: this.name, urn, props }];
        const violations = componentStackRules.flatMap((policy) => checkStack(policy, resources, { config: this.config }).filter((v) => v.urn === urn));
        this.report(violations, warn);
        facts.byUrn.set(urn, { type, name: this.name, urn, props });
        for (const n of names) {
            if (!facts.byName.has(n)) facts.byName.set(n, new Set());
            facts.byName.get(n)!.add(urn);
        }
    }

    private report(violations: Violation[], warn: boolean): void {
        if (warn) {
            for (const v of violations) {
                if (v.level === "advisory") pulumi.log.warn(`${this.label}: ${violationText(v)}`, this.component);
                if (v.level === "remediate") pulumi.log.warn(`${this.label}: ${violationText(v)}\n    (the pack remediates it)`, this.component);
            }
        }
        const mandatory = violations.filter((v) => v.level === "mandatory");
        if (mandatory.length > 0) throw new Refusal(`${this.label} (${this.urn})`, mandatory);
    }
}

/** The types of a resource's parents, outermost first, as its URN spells them (the stack itself is not spelt). */
function parentTypes(resource: pulumi.Resource): string[] {
    const types: string[] = [];
    type Internal = { __parentResource?: Internal; __pulumiType?: string };
    for (let p = (resource as unknown as Internal).__parentResource; p?.__pulumiType && p.__pulumiType !== "pulumi:pulumi:Stack"; p = p.__parentResource) {
        types.unshift(p.__pulumiType);
    }
    return types;
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
        throw new pulumi.RunError(`${component}: '${property}' must be given as a plain value, not as an output as a whole (outputs for its fields are fine).`);
    }
    return value;
}

export const assumeRolePolicy = (service: string) => canonicalJson({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: service } }],
});
