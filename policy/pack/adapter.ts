// The one adapter between rules and @pulumi/policy: metadata, config schema, and reporting what the evaluation found.
import type {
    PolicyProviderResource, PolicyResource, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy,
} from "@pulumi/policy";
import type { ProviderInputs } from "../model";
import { applyEdits, buildModel, isSupportedType } from "../model";
import type { ConfigProperty, ResourceRule, Rule, StackRule } from "../rules/rule";
import { sharedConfig } from "./config";
import { unwrapProxy } from "./engine";
import { StackResource, StackView, evaluateResource, evaluateStack, modelsOf, remediationOf, reportedUrn, stackView } from "./evaluate";
import { recordExemption, recordNotKnownYet } from "./notes";
import { rewrapSecrets, secretPathsOf, withoutSecrets } from "./secrets";
import { SecretMask, findingText } from "./text";

export const guideUrl = "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/application.html";
/** The pack's version; a test keeps it equal to package.json's. */
export const packVersion = "0.1.0";

/** The @pulumi/policy metadata of a rule. */
export function metadataOf(rule: Rule) {
    const source = rule.source;
    const framework = "guide" in source
        ? { name: "Amazon ECS best practices: running your application", version: "2024", reference: source.guide.map((a) => `#${a}`).join(", "), specification: guideUrl }
        : { name: source.controls.join(", "), version: packVersion, reference: source.controls.join(", "), specification: source.url };
    return {
        name: rule.name,
        description: rule.description,
        enforcementLevel: rule.level,
        severity: rule.severity,
        framework,
        url: "guide" in source ? `${guideUrl}#${source.guide[0]}` : source.url,
        remediationSteps: rule.remediationSteps,
        tags: ["ecs", "guide" in source ? "ecs-best-practices" : "hardening", ...(isRemediable(rule) ? ["remediable"] : [])],
        configSchema: { properties: schemaOf({ ...rule.config, ...sharedConfig }) },
    };
}

/** Config properties as JSON schema: without the pack's own markers. */
function schemaOf(properties: Record<string, ConfigProperty>): Record<string, Omit<ConfigProperty, "regex">> {
    return Object.fromEntries(Object.entries(properties).map(([key, { regex: _regex, ...property }]) => [key, property]));
}

export function isRemediable(rule: Rule): boolean {
    return rule.remediate !== undefined;
}

/** Findings of one policy on one resource shown in full; past this, one line counts the rest (a 10,000-container task definition). */
export const findingsShown = 25;

function report(rule: Rule, findings: { path: string; message: string; urn?: string }[], mask: SecretMask, reportViolation: ReportViolation, shown = findingsShown): void {
    for (const f of findings.slice(0, shown)) reportViolation(findingText(f, mask), f.urn || undefined);
    if (findings.length > shown) {
        reportViolation(`... and ${findings.length - shown} more findings of ${rule.name} on this resource, like the ones above.`, findings[0].urn || undefined);
    }
}

const masks = new WeakMap<object, SecretMask>();

function maskOf(model: { secrets: ReadonlySet<string> }, secretPaths: readonly string[] | undefined): SecretMask {
    let mask = masks.get(model);
    if (!mask) {
        mask = new SecretMask(secretPaths === undefined ? undefined : model.secrets);
        masks.set(model, mask);
    }
    return mask;
}

export function toResourcePolicy(rule: ResourceRule): ResourceValidationPolicy {
    const policy: ResourceValidationPolicy = {
        ...metadataOf(rule),
        validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            const raw = unwrapProxy(args.props);
            const secretPaths = secretPathsOf(raw);
            const models = modelsOf(args.type, raw, args.name, args.urn, secretPaths, providerOf(args.provider)).models.filter((m) => rule.appliesTo.includes(m.kind));
            let notApplicable: string | undefined;
            let violated = false;
            for (const model of models) {
                const outcome = evaluateResource(rule, model, args.getConfig<Record<string, unknown>>());
                const mask = maskOf(model, secretPaths);
                if (outcome.exemption) recordExemption({ ...outcome.exemption, urn: reportedUrn(model), how: mask.mask(outcome.exemption.how) });
                if (outcome.notKnownYet.length > 0) recordNotKnownYet(model, rule.name, outcome.notKnownYet.map((f) => mask.mask(f.path)));
                report(rule, outcome.violations, mask, reportViolation);
                violated ||= outcome.violations.length > 0;
                notApplicable ??= outcome.notApplicable === undefined ? undefined : mask.mask(outcome.notApplicable);
            }
            // Not applicable only when it applies to none (one resource, or every resource of a template).
            if (!violated && notApplicable !== undefined && models.length === 1) args.notApplicable(notApplicable);
        },
    };
    if (rule.remediate) policy.remediateResource = remediationFor(rule);
    return policy;
}

/** The pack's remediation of one rule, per resource: the rule's model edits, written in the resource's own shape. */
function remediationFor(rule: Rule): NonNullable<ResourceValidationPolicy["remediateResource"]> {
    return (args: ResourceValidationArgs) => {
        const raw = unwrapProxy(args.props) as Record<string, unknown>;
        // A template's resources are reported, never rewritten: the pack does not edit templates.
        if (!isSupportedType(args.type) || typeof raw !== "object" || raw === null) return undefined;
        const { plain, secretSteps } = withoutSecrets(raw);
        const model = buildModel(args.type, plain, args.name, args.urn, [], providerOf(args.provider));
        if (!model || !rule.appliesTo.includes(model.kind)) return undefined;
        const next = applyEdits(model, plain, remediationOf(rule, model, args.getConfig<Record<string, unknown>>()));
        return next && rewrapSecrets(next, secretSteps);
    };
}

/** The resource's provider as the engine sent it (the Analyze and AnalyzeStack requests carry it and its inputs). */
function providerOf(provider: PolicyProviderResource | undefined): ProviderInputs | undefined {
    if (!provider) return undefined;
    return { type: provider.type, urn: provider.urn, props: unwrapProxy(provider.props) };
}

/** The stack view of the latest stack request: every stack policy of one request reads the same one. */
let latestView: { key: object | undefined; size: number; view: StackView; mask?: SecretMask } | undefined;

function viewOf(resources: PolicyResource[]): { view: StackView; mask: SecretMask } {
    const first = resources.length > 0 ? (unwrapProxy(resources[0].props) as object) : undefined;
    if (!latestView || latestView.key !== first || latestView.size !== resources.length || first === undefined) {
        const described: StackResource[] = resources.map((r) => {
            const props = unwrapProxy(r.props);
            const propertyDependencies: Record<string, string[]> = {};
            for (const [key, deps] of Object.entries(r.propertyDependencies ?? {})) propertyDependencies[key] = deps.map((d) => d.urn);
            return { type: r.type, name: r.name, urn: r.urn, props, propertyDependencies, secretPaths: secretPathsOf(props), provider: providerOf(r.provider) };
        });
        latestView = { key: first, size: resources.length, view: stackView(described) };
    }
    if (!latestView.mask) {
        const secrets = new Set<string>();
        let tracked = true;
        for (const { model } of latestView.view.entries) {
            for (const s of model.secrets) secrets.add(s);
            if (secretPathsOf(latestView.view.resource(model.urn)?.props) === undefined) tracked = false;
        }
        latestView.mask = new SecretMask(tracked ? secrets : undefined);
    }
    return { view: latestView.view, mask: latestView.mask };
}

/** The stack view for the pack's own stack policies (the latest request's). */
export function currentStack(resources: PolicyResource[]): StackView {
    return viewOf(resources).view;
}

export function toStackPolicy(rule: StackRule): StackValidationPolicy {
    // A stack rule with a remediation is also a remediation per resource. Its validation per resource says nothing
    // (the stack decides), rather than leaving @pulumi/policy to call it "a policy without validateResource".
    const perResource = rule.remediate ? { validateResource: () => undefined, remediateResource: remediationFor(rule) } : {};
    return {
        ...metadataOf(rule),
        ...perResource,
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const { view, mask } = viewOf(args.resources);
            const outcome = evaluateStack(rule, view, args.getConfig<Record<string, unknown>>());
            for (const exemption of outcome.exemptions) recordExemption({ ...exemption, how: mask.mask(exemption.how) });
            report(rule, outcome.violations, mask, reportViolation, Infinity);
        },
    };
}
