// Checking one resource's known inputs against every resource rule: what the components use,
// so a user who overrides a default gets the message the pack would give.
import { exemptionOf, runResourceRule, runStackRule, stackContext, withDefaults } from "./evaluate";
import { buildModel } from "./model";
import { ruleNamed, rules } from "./rules";
import type { ResourceRule, Rule, StackEntry } from "./rules/rule";
import { NotApplicable } from "./rules/rule";

/** The docker label that marks a container as a sidecar (`ecs-task-single-application`, `ecs-health-check`). */
export { sidecarLabel } from "./rules/task";

export interface Violation {
    policy: string;
    /** `remediate`: the policy is set to remediate and has a remediation, so the pack changes the inputs instead of blocking. */
    level: "advisory" | "mandatory" | "remediate";
    message: string;
}

export interface CheckOptions {
    /** Policy config, as in a `--policy-pack-config` file: `{ "ecs-stop-timeout": { maxSeconds: 60 } }` or a level. */
    config?: Record<string, unknown>;
    name?: string;
    urn?: string;
}

/**
 * The violations the pack would report for these inputs. Values not known yet (Outputs) are
 * skipped: the pack checks them at `pulumi up`. Disabled policies are skipped.
 */
export function checkResource(type: string, props: Record<string, unknown>, options: CheckOptions = {}): Violation[] {
    const name = options.name ?? "resource";
    const model = buildModel(type, props, name, options.urn ?? `urn:pulumi:stack::project::${type}::${name}`);
    if (!model) return [];
    const violations: Violation[] = [];
    for (const rule of rules) {
        if (rule.kind !== "resource" || !rule.appliesTo.includes(model.kind)) continue;
        const given = options.config?.[rule.name];
        const level = typeof given === "string" ? given : (given as { enforcementLevel?: string } | undefined)?.enforcementLevel ?? rule.level;
        if (level === "disabled") continue;
        const config = withDefaults(rule, typeof given === "object" && given !== null ? (given as Record<string, unknown>) : undefined);
        if (exemptionOf(rule, model, config)) continue;
        const result = runResourceRule(rule as ResourceRule, model, config);
        if (result instanceof NotApplicable) continue;
        for (const f of result) {
            if (!f.pending) violations.push({ policy: rule.name, level: reportedLevel(level, rule), message: f.message });
        }
    }
    return violations;
}

export interface StackResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    /** The resource's URN, when two resources may share a name. Default: one made of the type and name. */
    urn?: string;
}

/**
 * The violations one stack policy (e.g. `ecs-task-role-per-family`) reports on these resources, by resource
 * name, as the pack would at the end of a preview. Values not known yet are skipped; roles and groups must be
 * literal (no property dependencies are known here).
 */
export function checkStack(policy: string, resources: StackResource[], options: Pick<CheckOptions, "config"> = {}): (Violation & { resource: string; urn?: string })[] {
    const rule = ruleNamed(policy);
    if (!rule || rule.kind !== "stack") throw new Error(`${policy} is not a stack policy of the pack`);
    const given = options.config?.[rule.name];
    const level = typeof given === "string" ? given : (given as { enforcementLevel?: string } | undefined)?.enforcementLevel ?? rule.level;
    if (level === "disabled") return [];
    const config = withDefaults(rule, typeof given === "object" && given !== null ? (given as Record<string, unknown>) : undefined);
    const entries: StackEntry[] = [];
    for (const r of resources) {
        const model = buildModel(r.type, r.props, r.name, r.urn ?? `urn:pulumi:stack::project::${r.type}::${r.name}`);
        if (model) entries.push({ model, propertyDependencies: {} });
    }
    const nameOf = new Map(entries.map((e) => [e.model.urn, e.model]));
    const noStack = stackContext(() => undefined);
    const violations: (Violation & { resource: string; urn?: string })[] = [];
    for (const f of runStackRule(rule, entries, config, noStack)) {
        const model = "urn" in f ? nameOf.get(f.urn) : undefined;
        if (f.pending || (model && exemptionOf(rule, model, config))) continue;
        violations.push({ resource: model?.name ?? "stack", urn: model?.urn, policy: rule.name, level: reportedLevel(level, rule), message: f.message });
    }
    return violations;
}

function reportedLevel(level: string, rule: Rule): Violation["level"] {
    if (level === "advisory") return "advisory";
    return level === "remediate" && rule.kind === "resource" && rule.remediate !== undefined ? "remediate" : "mandatory";
}

/** Thrown by components when a known input breaks a mandatory policy. */
export class ComplianceError extends Error {
    constructor(readonly resource: string, readonly violations: Violation[]) {
        super(`${resource} would be rejected by the ecs-guardrails policy pack:\n${violations.map((v) => `  [${v.policy}] ${v.message}`).join("\n")}`);
        this.name = "ComplianceError";
    }
}
