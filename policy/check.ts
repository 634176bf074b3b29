// Checking one resource's known inputs against every resource rule: what the components use,
// so a user who overrides a default gets the message the pack would give.
import { evaluateResource, evaluateStack, stackView } from "./pack/evaluate";
import { findingText } from "./pack/text";
import { buildModel } from "./model";
import { ruleNamed, rules } from "./rules";
import type { Rule } from "./rules/rule";

/** The docker label that marks a container as a sidecar (`ecs-task-single-application`, `ecs-health-check`). */
export { sidecarLabel } from "./rules/support/sidecars";

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

type PolicyEntry = string | Record<string, unknown> | undefined;

function entryOf(config: Record<string, unknown> | undefined, policy: string): PolicyEntry {
    const given = config?.[policy];
    return typeof given === "string" || (typeof given === "object" && given !== null) ? (given as PolicyEntry) : undefined;
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
        const entry = entryOf(options.config, rule.name);
        const outcome = evaluateResource(rule, model, entry);
        if (outcome.level === "disabled") continue;
        for (const f of outcome.violations) violations.push({ policy: rule.name, level: reportedLevel(entry, rule), message: findingText(f) });
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
    const view = stackView(resources.map((r) => ({ ...r, urn: r.urn ?? `urn:pulumi:stack::project::${r.type}::${r.name}` })));
    const entry = entryOf(options.config, rule.name);
    const outcome = evaluateStack(rule, view, entry);
    if (outcome.level === "disabled") return [];
    const nameOf = new Map(view.entries.map((e) => [e.model.urn, e.model.name]));
    return outcome.violations.map((f) => ({ resource: nameOf.get(f.urn) ?? "stack", urn: f.urn || undefined, policy: rule.name, level: reportedLevel(entry, rule), message: findingText(f) }));
}

/** The level a violation is reported at under the org's entry: `remediate` only where the policy has a remediation. */
function reportedLevel(entry: PolicyEntry, rule: Rule): Violation["level"] {
    const level = (typeof entry === "string" ? entry : entry?.enforcementLevel) ?? rule.level;
    if (level === "advisory") return "advisory";
    return level === "remediate" && rule.remediate !== undefined ? "remediate" : "mandatory";
}

/** A violation as one entry of a list: `[policy] message`, the property line below it, indented. */
export function violationText(v: Violation): string {
    return `[${v.policy}] ${v.message.replace(/\n/g, "\n    ")}`;
}

/** Thrown by components when a known input breaks a mandatory policy. */
export class ComplianceError extends Error {
    constructor(readonly resource: string, readonly violations: Violation[]) {
        super(`${resource} would be rejected by the ecs-guardrails policy pack:\n${violations.map((v) => `  ${violationText(v)}`).join("\n")}`);
        this.name = "ComplianceError";
    }
}
