// Checking one resource's known inputs against every resource rule: what the components use,
// so a user who overrides a default gets the message the pack would give.
import { evaluateResource, evaluateStack, stackView } from "./pack/evaluate";
import { findingText } from "./pack/text";
import { buildModel } from "./model";
import { ruleNamed, rules } from "./rules";

/** The docker label that marks a container as a sidecar (`ecs-task-single-application`, `ecs-health-check`). */
export { sidecarLabel } from "./rules/support/sidecars";

export interface Violation {
    policy: string;
    level: "advisory" | "mandatory";
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
        const outcome = evaluateResource(rule, model, entryOf(options.config, rule.name));
        if (outcome.level === "disabled") continue;
        for (const f of outcome.violations) violations.push({ policy: rule.name, level: outcome.level, message: findingText(f) });
    }
    return violations;
}

export interface StackResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
}

/**
 * The violations one stack policy (e.g. `ecs-task-role-per-family`) reports on these resources, by resource
 * name, as the pack would at the end of a preview. Values not known yet are skipped; roles and groups must be
 * literal (no property dependencies are known here).
 */
export function checkStack(policy: string, resources: StackResource[], options: Pick<CheckOptions, "config"> = {}): (Violation & { resource: string })[] {
    const rule = ruleNamed(policy);
    if (!rule || rule.kind !== "stack") throw new Error(`${policy} is not a stack policy of the pack`);
    const view = stackView(resources.map((r) => ({ ...r, urn: `urn:pulumi:stack::project::${r.type}::${r.name}` })));
    const outcome = evaluateStack(rule, view, entryOf(options.config, rule.name));
    if (outcome.level === "disabled") return [];
    const nameOf = new Map(view.entries.map((e) => [e.model.urn, e.model.name]));
    return outcome.violations.map((f) => ({ resource: nameOf.get(f.urn) ?? "stack", policy: rule.name, level: outcome.level as Violation["level"], message: findingText(f) }));
}

/** Thrown by components when a known input breaks a mandatory policy. */
export class ComplianceError extends Error {
    constructor(readonly resource: string, readonly violations: Violation[]) {
        super(`${resource} would be rejected by the ecs-guardrails policy pack:\n${violations.map((v) => `  [${v.policy}] ${v.message}`).join("\n")}`);
        this.name = "ComplianceError";
    }
}
