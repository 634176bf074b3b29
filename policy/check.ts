// Checking one resource's known inputs against every resource rule: what the components use,
// so a user who overrides a default gets the message the pack would give.
import { exemptionOf, runResourceRule, withDefaults } from "./evaluate";
import { buildModel } from "./model";
import { rules } from "./rules";
import type { ResourceRule } from "./rules/rule";
import { NotApplicable } from "./rules/rule";

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
            if (!f.pending) violations.push({ policy: rule.name, level: level === "advisory" ? "advisory" : "mandatory", message: f.message });
        }
    }
    return violations;
}

/** Thrown by components when a known input breaks a mandatory policy. */
export class ComplianceError extends Error {
    constructor(readonly resource: string, readonly violations: Violation[]) {
        super(`${resource} would be rejected by the ecs-guardrails policy pack:\n${violations.map((v) => `  [${v.policy}] ${v.message}`).join("\n")}`);
        this.name = "ComplianceError";
    }
}
