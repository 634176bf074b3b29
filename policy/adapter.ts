// The one adapter between rules and @pulumi/policy: metadata, config schema, exemptions, messages, remediation.
import type {
    PolicyResource, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy,
} from "@pulumi/policy";
import { Exemption, exemptionOf, runResourceRule, runStackRule, sharedConfig, stackContext, takeConfigProblems, withDefaults } from "./evaluate";
import { ResourceModel, buildModel, isSupportedType } from "./model";
import type { ConfigProperty, Finding, ResourceRule, Rule, StackEntry, StackRule } from "./rules/rule";
import { NotApplicable } from "./rules/rule";
import { maskSecrets, rewrapSecrets, secretsOf, unwrapProxy, withoutSecrets } from "./secrets";

export const guideUrl = "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/application.html";
/** The pack's version; a test keeps it equal to package.json's. */
export const packVersion = "0.1.0";

/** @pulumi/policy's error for values unknown at preview: its server reports it as an advisory "can't run ... during preview". */
const { UnknownValueError } = require("@pulumi/policy/proxy") as { UnknownValueError: new (sentinel: string, path: string[]) => Error };

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

export function isRemediable(rule: Rule): rule is ResourceRule & { remediate: NonNullable<ResourceRule["remediate"]> } {
    return rule.kind === "resource" && rule.remediate !== undefined;
}

const models = new WeakMap<object, ResourceModel>();

/** The model of a resource, built once per set of properties however many policies read it. */
function modelOf(type: string, raw: unknown, name: string, urn: string): ResourceModel | undefined {
    if (!isSupportedType(type)) return undefined;
    if (typeof raw !== "object" || raw === null) return buildModel(type, raw, name, urn);
    let model = models.get(raw);
    if (!model || model.urn !== urn) {
        model = buildModel(type, raw, name, urn)!;
        models.set(raw, model);
    }
    return model;
}

/** Exemptions used since the last report, shown by `ecs-guardrails-exemptions` at the end of each preview and update. */
const exemptionsUsed = new Map<string, Exemption>();

function recordExemption(exemption: Exemption): void {
    if (exemptionsUsed.size > 100_000) exemptionsUsed.clear();
    exemptionsUsed.set(`${exemption.urn}\u0000${exemption.policy}`, exemption);
}

/** Reports findings; "not known yet" findings become @pulumi/policy's preview advisory, after the known ones. */
/** Findings of one policy on one resource shown in full; past this, one line counts the rest (a 10,000-container task definition). */
export const findingsShown = 25;

function report(rule: Rule, findings: Finding[], secrets: ReadonlySet<string>, reportViolation: ReportViolation, urn?: string): void {
    const violations = findings.filter((f) => !f.pending);
    const waiting = findings.filter((f) => f.pending).slice(0, findingsShown).map((f) => maskSecrets(f.message, secrets));
    for (const f of violations.slice(0, findingsShown)) reportViolation(maskSecrets(f.message, secrets), urn);
    if (violations.length > findingsShown) {
        reportViolation(`... and ${violations.length - findingsShown} more findings of ${rule.name} on this resource, like the ones above.`, urn);
    }
    if (waiting.length > 0) {
        const unknown = new UnknownValueError("04da6b54-80e4-46f7-96ec-b56ff0331ba9", []);
        unknown.message = `${waiting.join("; ")}. ${rule.name} checks it again with the real values during \`pulumi up\`, before the resource is created.`;
        throw unknown;
    }
}

export function toResourcePolicy(rule: ResourceRule): ResourceValidationPolicy {
    const policy: ResourceValidationPolicy = {
        ...metadataOf(rule),
        validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            const raw = unwrapProxy(args.props);
            const model = modelOf(args.type, raw, args.name, args.urn);
            if (!model || !rule.appliesTo.includes(model.kind)) return;
            const config = withDefaults(rule, args.getConfig<Record<string, unknown>>());
            const exemption = exemptionOf(rule, model, config);
            if (exemption) {
                exemption.how = maskSecrets(exemption.how, secretsOf(raw)); // the reason tag may be secret
                recordExemption(exemption);
                args.notApplicable(exemption.how);
            }
            const result = runResourceRule(rule, model, config);
            if (result instanceof NotApplicable) args.notApplicable(result.reason);
            report(rule, result, secretsOf(raw), reportViolation);
        },
    };
    if (rule.remediate) {
        const remediate = rule.remediate;
        policy.remediateResource = (args: ResourceValidationArgs) => {
            const raw = unwrapProxy(args.props) as Record<string, unknown>;
            if (!isSupportedType(args.type) || typeof raw !== "object" || raw === null) return undefined;
            const { plain, secretPaths } = withoutSecrets(raw);
            const model = buildModel(args.type, plain, args.name, args.urn);
            if (!model || !rule.appliesTo.includes(model.kind)) return undefined;
            const config = withDefaults(rule, args.getConfig<Record<string, unknown>>());
            if (exemptionOf(rule, model, config)) return undefined;
            let next: Record<string, unknown> | undefined;
            try {
                next = remediate(plain, model, config);
            } catch {
                return undefined; // the validation reports the problem; a remediation never fails the update
            }
            return next && rewrapSecrets(next, secretPaths);
        };
    }
    return policy;
}

export function toStackPolicy(rule: StackRule): StackValidationPolicy {
    return {
        ...metadataOf(rule),
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const config = withDefaults(rule, args.getConfig<Record<string, unknown>>());
            const byUrn = new Map<string, PolicyResource>();
            for (const r of args.resources) byUrn.set(r.urn, r);
            const entries: StackEntry[] = [];
            const secrets = new Set<string>();
            const exempt = new Set<string>();
            for (const r of args.resources) {
                const raw = unwrapProxy(r.props);
                const model = modelOf(r.type, raw, r.name, r.urn);
                if (!model) continue;
                const exemption = exemptionOf(rule, model, config);
                if (exemption && rule.appliesTo.includes(model.kind)) {
                    // Still part of the comparison (its group or role is still shared), but not reported.
                    exemption.how = maskSecrets(exemption.how, secretsOf(raw));
                    recordExemption(exemption);
                    exempt.add(r.urn);
                }
                for (const s of secretsOf(raw)) secrets.add(s);
                const propertyDependencies: Record<string, string[]> = {};
                for (const [key, deps] of Object.entries(r.propertyDependencies ?? {})) propertyDependencies[key] = deps.map((d) => d.urn);
                entries.push({ model, propertyDependencies });
            }
            const stack = stackContext((urn) => {
                const resource = byUrn.get(urn);
                return resource && { type: resource.type, props: unwrapProxy(resource.props) };
            });
            const findings = runStackRule(rule, entries, config, stack);
            for (const f of findings) {
                const urn = "urn" in f ? f.urn : undefined;
                if (urn === undefined || !exempt.has(urn)) reportViolation(maskSecrets(f.message, secrets), urn);
            }
        },
    };
}

/** Reports every exemption used, so exemptions are never silent. */
export const exemptionReport: StackValidationPolicy = {
    name: "ecs-guardrails-exemptions",
    description: "Lists every resource exempted from an ecs-guardrails policy (by excludeResources or the ecs-guardrails:exempt tag), so auditors see each exemption.",
    enforcementLevel: "advisory",
    severity: "low",
    framework: { name: "ecs-guardrails", version: packVersion, reference: "exemptions", specification: "docs/policies.md#exemptions" },
    url: guideUrl,
    remediationSteps: "Review the exemption; remove the tag or pattern when it is no longer needed.",
    tags: ["ecs", "audit"],
    configSchema: { properties: {} },
    validateStack: (_args: StackValidationArgs, reportViolation: ReportViolation) => {
        for (const e of exemptionsUsed.values()) {
            reportViolation(`Resource '${e.name}' is exempt from ${e.policy}: ${e.how}.`, e.urn);
        }
        exemptionsUsed.clear();
    },
};

/** Reports, once per preview or update, each policy setting that cannot mean anything; the policy used its default instead. */
export const configReport: StackValidationPolicy = {
    name: "ecs-guardrails-config",
    description: "Reports each ecs-guardrails policy setting that cannot mean anything (a pattern that does not compile, minSeconds above maxSeconds); the policy checks with that setting's default until it is fixed.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: { name: "ecs-guardrails", version: packVersion, reference: "configuration", specification: "docs/policies.md#configuration-errors" },
    url: guideUrl,
    remediationSteps: "Fix the named setting in the policy pack config (`--policy-pack-config` or the Pulumi Cloud policy group).",
    tags: ["ecs", "configuration"],
    configSchema: { properties: {} },
    validateStack: (_args: StackValidationArgs, reportViolation: ReportViolation) => {
        for (const p of takeConfigProblems()) {
            const keys = p.keys.join(" and ");
            reportViolation(`Policy ${p.policy}: ${p.problem} The policy checks with the default ${keys} until the pack config is fixed.`);
        }
    },
};
