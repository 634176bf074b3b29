// What a rule is: metadata, a config schema with defaults, and a pure check over the model.
import type { ModelEdit, ReferenceKind, ResourceKind, ResourceModel } from "../model";

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
    /** The property the finding is about, as the resource's provider spells it (`containerDefinitions[0].image`). */
    path: string;
    message: string;
    /** True when the check could not run yet because the value at `path` is known only during `pulumi up`. */
    notKnownYet?: true;
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
    /** The model-level changes that fix what `check` found; run only where the check fails. */
    remediate?(resource: ResourceModel, config: C): ModelEdit[];
}

/** A resource of the stack, with the URNs each property depends on (roles, groups known only by URN at preview). */
export interface StackEntry {
    model: ResourceModel;
    propertyDependencies: Record<string, string[]>;
}

/** What stack rules may ask about resources they know only by URN, whatever the provider. */
export interface StackContext {
    /** An IAM role, a security group or a VPC (its default security group), or undefined for anything else. */
    referenceKind(urn: string): ReferenceKind | undefined;
    /** A role resource's ARN, once known. */
    roleArnOf(urn: string): string | undefined;
}

export interface StackRule<C = {}> extends RuleInfo<C> {
    kind: "stack";
    check(resources: StackEntry[], config: C, stack: StackContext): StackFinding[];
    /**
     * The model-level changes that fix a resource the check finds, run per resource where the check of that
     * resource alone (nothing else of the stack known) fails it.
     */
    remediate?(resource: ResourceModel, config: C): ModelEdit[];
}

export type Rule = ResourceRule<any> | StackRule<any>;

export class NotApplicable {
    constructor(readonly reason: string) {}
}

export function notApplicable(reason: string): NotApplicable {
    return new NotApplicable(reason);
}
