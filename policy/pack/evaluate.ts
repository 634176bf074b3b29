// The one evaluation of rules on models: config defaults, exemption, running the check (never throwing) and
// collecting what it found. The pack (per resource, remediation, stack), the components, the test fixtures and the
// benchmarks all evaluate through here.
import type { ModelEdit, ProviderInputs, ResourceModel } from "../model";
import { buildModel, isSupportedType, referenceKindOf } from "../model";
import type { Finding, Level, ResourceRule, Rule, StackContext, StackEntry, StackFinding, StackRule } from "../rules/rule";
import { NotApplicable } from "../rules/rule";
import { PolicyConfig, levelOf, settingsOf, withDefaults } from "./config";
import { Exemption, exemptionOf } from "./exemptions";

/** What one policy makes of one resource. */
export interface Evaluation {
    policy: string;
    level: Level | "disabled";
    /** Set when the resource is exempt: the policy did not run. */
    exemption?: Exemption;
    notApplicable?: string;
    violations: Finding[];
    /** What could not be checked yet, because a value is known only during `pulumi up`. */
    notKnownYet: Finding[];
}

/** Evaluates one resource rule on one model under a policy's pack-config entry (a level, or settings). */
export function evaluateResource(rule: ResourceRule, model: ResourceModel, given?: PolicyConfig): Evaluation {
    const outcome: Evaluation = { policy: rule.name, level: levelOf(rule, given), violations: [], notKnownYet: [] };
    if (outcome.level === "disabled") return outcome;
    if (!rule.appliesTo.includes(model.kind)) {
        outcome.notApplicable = `applies to ${rule.appliesTo.join(", ")}`;
        return outcome;
    }
    const config = withDefaults(rule, settingsOf(given));
    outcome.exemption = exemptionOf(rule, model, config);
    if (outcome.exemption) {
        outcome.notApplicable = outcome.exemption.how;
        return outcome;
    }
    let result: Finding[] | NotApplicable;
    try {
        result = rule.check(model, config);
    } catch (e) {
        result = [internalError(rule, e)];
    }
    if (result instanceof NotApplicable) outcome.notApplicable = result.reason;
    else collect(result, outcome);
    return outcome;
}

/**
 * The model-level edits that fix what the rule finds; none where the rule passes, is exempt or cannot be checked.
 * A stack rule is evaluated on this resource alone (a remediation sees one resource).
 */
export function remediationOf(rule: Rule, model: ResourceModel, given?: PolicyConfig): ModelEdit[] {
    if (!rule.remediate) return [];
    const fails = rule.kind === "resource"
        ? evaluateResource(rule, model, given).violations.length > 0
        : evaluateStack(rule, { entries: [{ model, propertyDependencies: {} }], context: stackContext(() => undefined), resource: () => undefined }, given)
            .violations.some((f) => f.urn === model.urn);
    if (!fails) return [];
    try {
        return rule.remediate(model, withDefaults(rule, settingsOf(given)));
    } catch {
        return []; // the validation reports the problem; a remediation never fails the update
    }
}

function collect(findings: Finding[], into: { violations: Finding[]; notKnownYet: Finding[] }): void {
    for (const f of findings) (f.notKnownYet ? into.notKnownYet : into.violations).push(f);
}

function internalError(rule: Rule, e: unknown): Finding {
    const detail = e instanceof Error ? e.constructor.name : typeof e;
    return { path: "", message: `The ${rule.name} check failed on this input (${detail}); please report it to ecs-guardrails. The resource was not checked.` };
}

const models = new WeakMap<object, ResourceModel>();
/** The provider inputs each cached model was built with. */
const providers = new WeakMap<ResourceModel, unknown>();

/** The model of a resource, built once per set of properties however many policies read it. */
export function modelOf(type: string, props: unknown, name: string, urn: string, secretPaths?: readonly string[], provider?: ProviderInputs): ResourceModel | undefined {
    if (!isSupportedType(type)) return undefined;
    if (typeof props !== "object" || props === null) return buildModel(type, props, name, urn, secretPaths, provider);
    let model = models.get(props);
    if (!model || model.urn !== urn || providers.get(model) !== provider?.props) {
        model = buildModel(type, props, name, urn, secretPaths, provider)!;
        providers.set(model, provider?.props);
        models.set(props, model);
    }
    return model;
}

/** A resource of the stack as the engine describes it. */
export interface StackResource {
    type: string;
    name: string;
    urn: string;
    props: unknown;
    /** For each property, the URNs of the resources its value comes from. */
    propertyDependencies?: Record<string, string[]>;
    secretPaths?: readonly string[];
    /** The resource's provider and its inputs (its region, its default tags), when the engine sends them. */
    provider?: ProviderInputs;
}

/** The stack as stack rules see it, built once per stack request however many stack policies read it. */
export interface StackView {
    entries: StackEntry[];
    context: StackContext;
    resource(urn: string): StackResource | undefined;
}

export function stackView(resources: readonly StackResource[]): StackView {
    const byUrn = new Map<string, StackResource>();
    const entries: StackEntry[] = [];
    for (const r of resources) {
        byUrn.set(r.urn, r);
        const model = modelOf(r.type, r.props, r.name, r.urn, r.secretPaths, r.provider);
        if (model) entries.push({ model, propertyDependencies: r.propertyDependencies ?? {} });
    }
    const resource = (urn: string) => byUrn.get(urn);
    return { entries, context: stackContext(resource), resource };
}

/** The stack as stack rules may ask about resources they know only by URN, whatever the provider. */
function stackContext(resourceOf: (urn: string) => { type: string; props: unknown } | undefined): StackContext {
    return {
        referenceKind: (urn) => referenceKindOf(resourceOf(urn)?.type),
        roleArnOf: (urn) => {
            const resource = resourceOf(urn);
            const props = resource?.props;
            const arn = referenceKindOf(resource?.type) === "role" && props && typeof props === "object" ? (props as { arn?: unknown }).arn : undefined;
            return typeof arn === "string" ? arn : undefined;
        },
    };
}

/** What one stack policy makes of the stack. */
export interface StackEvaluation {
    policy: string;
    level: Level | "disabled";
    /** Findings on resources that are not exempt (an exempt resource is still compared with the others). */
    violations: StackFinding[];
    exemptions: Exemption[];
}

export function evaluateStack(rule: StackRule, view: StackView, given?: PolicyConfig): StackEvaluation {
    const outcome: StackEvaluation = { policy: rule.name, level: levelOf(rule, given), violations: [], exemptions: [] };
    if (outcome.level === "disabled") return outcome;
    const config = withDefaults(rule, settingsOf(given));
    const exempt = new Set<string>();
    for (const { model } of view.entries) {
        const exemption = rule.appliesTo.includes(model.kind) ? exemptionOf(rule, model, config) : undefined;
        if (exemption) {
            outcome.exemptions.push(exemption);
            exempt.add(model.urn);
        }
    }
    let findings: StackFinding[];
    try {
        findings = rule.check(view.entries, config, view.context);
    } catch (e) {
        findings = [{ urn: "", ...internalError(rule, e) }];
    }
    outcome.violations = findings.filter((f) => !f.notKnownYet && !exempt.has(f.urn));
    return outcome;
}
