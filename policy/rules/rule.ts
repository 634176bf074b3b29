// What a rule is: metadata, a config schema with defaults, and a pure check over the model.
import type { Container, ContainerField, ResourceKind, ResourceModel, Unreadable } from "../model";
import { isPending, isUnreadable } from "../model";

export type Level = "advisory" | "mandatory";
export type Severity = "low" | "medium" | "high" | "critical";

/** A JSON-schema property of a policy's config; every one but an optional pattern has a default. */
export interface ConfigProperty {
    type: "string" | "boolean" | "integer" | "number" | "array";
    items?: { type: "string" };
    default?: string | number | boolean | string[];
    minimum?: number;
    description: string;
    /** The value (or each item) is a regular expression: one that does not compile is a configuration error. */
    regex?: true;
}

/** Settings that cannot mean anything: reported once by `ecs-guardrails-config`, and replaced by their defaults. */
export interface ConfigProblem {
    keys: string[];
    problem: string;
}

export interface Finding {
    message: string;
    /** True when the check could not run yet because a value is unknown until `pulumi up`. */
    pending?: boolean;
}

export interface StackFinding extends Finding {
    /** The resource the finding is about. */
    urn: string;
}

/** Where a rule comes from: the guide's sections, or the controls of the anchors it mirrors. */
export type Source =
    | { guide: string[] }
    | { controls: string[]; url: string };

interface RuleInfo<C> {
    name: string;
    description: string;
    level: Level;
    severity: Severity;
    source: Source;
    appliesTo: readonly ResourceKind[];
    /** What the check reads, for the docs: "each container", "task definition", ... */
    scope: string;
    remediationSteps: string;
    config: { [K in keyof C]: ConfigProperty };
    /** Settings valid one by one that cannot mean anything together (`minSeconds` > `maxSeconds`). */
    configProblems?(config: C): ConfigProblem[];
    /** False when the resource's own `ecs-guardrails:exempt` tag never exempts it (`excludeResources` still can). */
    tagExemptible?: false;
}

export interface ResourceRule<C = {}> extends RuleInfo<C> {
    kind: "resource";
    check(resource: ResourceModel, config: C): Finding[] | NotApplicable;
    /** Returns the resource's new properties, or undefined when nothing needs changing. */
    remediate?(props: Record<string, unknown>, resource: ResourceModel, config: C): Record<string, unknown> | undefined;
}

/** A resource of the stack, with the URNs each property depends on (roles, groups known only by URN at preview). */
export interface StackEntry {
    model: ResourceModel;
    propertyDependencies: Record<string, string[]>;
}

/** What stack rules may ask about resources they know only by URN, whatever the provider. */
export interface StackContext {
    /** An IAM role or a security group, or undefined for anything else. */
    referenceKind(urn: string): "role" | "securityGroup" | undefined;
    /** A role resource's ARN, once known. */
    roleArnOf(urn: string): string | undefined;
}

export interface StackRule<C = {}> extends RuleInfo<C> {
    kind: "stack";
    check(resources: StackEntry[], config: C, stack: StackContext): StackFinding[];
}

export type Rule = ResourceRule<any> | StackRule<any>;

export class NotApplicable {
    constructor(readonly reason: string) {}
}

export function notApplicable(reason: string): NotApplicable {
    return new NotApplicable(reason);
}

export function pending(what: string): Finding {
    return { message: `${what} is not known yet`, pending: true };
}

/**
 * Runs a check on every container of a task that has the fields the check needs.
 * Unknown fields make that container "not known yet"; malformed ones are left to `ecs-input-well-formed`.
 */
export function forEachContainer(
    resource: ResourceModel,
    check: (container: Container, out: Finding[]) => void,
    options: { needs?: ContainerField; essentialOnly?: boolean } = {},
): Finding[] | NotApplicable {
    const task = resource.task;
    if (!task) return notApplicable("not a task");
    const containers = task.containers;
    if (isUnreadable(containers)) {
        return isPending(containers) ? [pending(`${task.containersPath}`)] : [];
    }
    const out: Finding[] = [];
    let applicable = 0;
    for (const container of containers ?? []) {
        if (options.needs && !container.has.has(options.needs)) continue;
        if (options.essentialOnly) {
            if (isUnreadable(container.essential)) {
                if (isPending(container.essential)) out.push(pending(`${container.label} essential`));
                continue;
            }
            if (!container.essential) continue;
        }
        applicable++;
        check(container, out);
    }
    if (applicable === 0 && out.length === 0 && (containers ?? []).length > 0 && options.needs) {
        return notApplicable(`the ${task.containersPath} shape has no ${options.needs}`);
    }
    return out;
}

/**
 * True when the value can be checked; records "not known yet" for unknown values.
 * Malformed values return false silently: `ecs-input-well-formed` reports them once.
 */
export function readable<T>(value: T, what: string, out: Finding[]): value is Exclude<T, Unreadable> {
    if (!isUnreadable(value)) return true;
    if (isPending(value)) out.push(pending(what));
    return false;
}

/** Quotes a value in a message. Every value quoted goes through here, so secrets can be masked. */
export function q(value: unknown): string {
    return `'${String(value)}'`;
}

/** How messages name a role or group: its literal id, or the resource name at the end of its URN. */
export function shortName(identity: string): string {
    return identity.startsWith("urn:pulumi:") ? identity.split("::").pop()! : identity;
}
