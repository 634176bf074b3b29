// The one evaluation of rules on models: config defaults, exemption, running the check (never throwing) and
// collecting what it found. The pack (per resource, remediation, stack), the components, the test fixtures and the
// benchmarks all evaluate through here.
import type { Declared, ModelEdit, ProviderInputs, ResourceModel, TemplateReference, Unread } from "../model";
import { buildModels, referenceKindOf } from "../model";
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
    else collect(result.map((f) => told(model, f)), outcome);
    return outcome;
}

/**
 * A finding as its Pulumi resource tells it: a resource declared in a CloudFormation template is named first
 * (`'app/Web' (AWS::ECS::TaskDefinition): ...`), and its path is where it is in that resource's input.
 */
function told<F extends Finding>(model: ResourceModel, finding: F): F {
    const from = model.declaredIn;
    if (!from) return finding;
    const path = finding.path ? `${from.pathPrefix}${from.spell(finding.path)}` : finding.path;
    const spelled = spellNames(finding.message, from.spell);
    const message = from.logicalId !== undefined ? `'${model.name}' (${from.cloudFormationType}): ${spelled}` : spelled;
    return { ...finding, path, message };
}

/**
 * The property names a message gives (`linuxParameters.initProcessEnabled`) as the resource's input spells them;
 * quoted values are the input's own and stay as they are.
 */
function spellNames(message: string, spell: (path: string) => string): string {
    return message.replace(/'[^']*'|`[^`]*`|\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*(?:\.[a-z][A-Za-z0-9]*)*/g, (text) =>
        text[0] === "'" || text[0] === "`" ? text : spell(text));
}

/** The Pulumi resource a model's diagnostics go to. */
export function reportedUrn(model: ResourceModel): string {
    return model.declaredIn?.urn ?? model.urn;
}

/**
 * The model-level edits that fix what the rule finds; none where the rule passes, is exempt or cannot be checked.
 * A stack rule is evaluated on this resource alone (a remediation sees one resource).
 */
export function remediationOf(rule: Rule, model: ResourceModel, given?: PolicyConfig): ModelEdit[] {
    if (!rule.remediate) return [];
    const fails = rule.kind === "resource"
        ? evaluateResource(rule, model, given).violations.length > 0
        : evaluateStack(rule, { entries: [{ model, propertyDependencies: {} }], context: stackContext(() => undefined), resource: () => undefined, unread: [] }, given)
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

/** What each set of properties declares, with the URN and provider inputs it was read with. */
const declarations = new WeakMap<object, { urn: string; provider: unknown; found: Declared }>();

/**
 * The models of the ECS and ECR resources a Pulumi resource declares (itself, or those of its template), built
 * once per set of properties however many policies read them.
 */
export function modelsOf(type: string, props: unknown, name: string, urn: string, secretPaths?: readonly string[], provider?: ProviderInputs): Declared {
    if (typeof props !== "object" || props === null) return buildModels(type, props, name, urn, secretPaths, provider);
    let cached = declarations.get(props);
    if (!cached || cached.urn !== urn || cached.provider !== provider?.props) {
        cached = { urn, provider: provider?.props, found: buildModels(type, props, name, urn, secretPaths, provider) };
        declarations.set(props, cached);
    }
    return cached.found;
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
    /** What could not be read of resources that may declare ECS resources (a template given only by URL). */
    unread: { resource: StackResource; unread: Unread }[];
}

export function stackView(resources: readonly StackResource[]): StackView {
    const byUrn = new Map<string, StackResource>();
    const entries: StackEntry[] = [];
    const unread: StackView["unread"] = [];
    const references: TemplateReference[] = [];
    for (const r of resources) {
        byUrn.set(r.urn, r);
        const found = modelsOf(r.type, r.props, r.name, r.urn, r.secretPaths, r.provider);
        const dependencies = r.propertyDependencies ?? {};
        for (const model of found.models) entries.push({ model, propertyDependencies: model.declaredIn ? inheritedDependencies(model, dependencies) : dependencies });
        for (const u of found.unread) unread.push({ resource: r, unread: u });
        references.push(...found.references);
    }
    // Roles, security groups and VPCs of templates are resources the stack rules may follow too.
    for (const ref of references) byUrn.set(ref.urn, { type: ref.type, name: ref.name, urn: ref.urn, props: {} });
    const resource = (urn: string) => byUrn.get(urn);
    return { entries, context: stackContext(resource), resource, unread };
}

/**
 * A declared resource's values all come from one property of its Pulumi resource (`desiredState`,
 * `templateBody`): every property of it depends on what that one depends on.
 */
function inheritedDependencies(model: ResourceModel, dependencies: Record<string, string[]>): Record<string, string[]> {
    const from = dependencies[model.declaredIn!.logicalId === undefined ? "desiredState" : "templateBody"] ?? [];
    return new Proxy({}, { get: (_target, key) => (typeof key === "string" ? from : undefined) });
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
            outcome.exemptions.push({ ...exemption, urn: reportedUrn(model) });
            exempt.add(model.urn);
        }
    }
    let findings: StackFinding[];
    try {
        findings = rule.check(view.entries, config, view.context);
    } catch (e) {
        findings = [{ urn: "", ...internalError(rule, e) }];
    }
    const declaredModels = new Map(view.entries.filter((e) => e.model.declaredIn).map((e) => [e.model.urn, e.model]));
    outcome.violations = findings.filter((f) => !f.notKnownYet && !exempt.has(f.urn)).map((f) => {
        const model = declaredModels.get(f.urn);
        return model ? { ...told(model, f), urn: reportedUrn(model) } : f;
    });
    return outcome;
}
