// The pack's own stack policies, run after the checking policies: they say once per preview or update what the
// others met (exemptions used, values not known yet) and every configuration mistake.
import type { ReportViolation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { topLevelProperty } from "../model";
import { rules } from "../rules";
import { currentStack, guideUrl, packVersion } from "./adapter";
import { recordMistake, settingsOf, takeMistakes, unknownPolicies, withDefaults } from "./config";
import { sentPackConfig } from "./engine";
import { takeExemptions, takeNotKnownYet } from "./notes";

function ownPolicy(name: string, reference: string, fields: Pick<StackValidationPolicy, "description" | "enforcementLevel" | "severity" | "remediationSteps" | "validateStack">): StackValidationPolicy {
    return {
        name,
        framework: { name: "ecs-guardrails", version: packVersion, reference, specification: `docs/policies.md#${reference}` },
        url: guideUrl,
        tags: ["ecs", "audit"],
        configSchema: { properties: {} },
        ...fields,
    };
}

/** Reports every exemption used, so exemptions are never silent. */
export const exemptionReport = ownPolicy("ecs-guardrails-exemptions", "exemptions", {
    description: "Lists every resource exempted from an ecs-guardrails policy (by excludeResources or the ecs-guardrails:exempt tag), so auditors see each exemption.",
    enforcementLevel: "advisory",
    severity: "low",
    remediationSteps: "Review the exemption; remove the tag or pattern when it is no longer needed.",
    validateStack: (_args: StackValidationArgs, reportViolation: ReportViolation) => {
        for (const e of takeExemptions()) reportViolation(`Resource '${e.name}' is exempt from ${e.policy}: ${e.how}.`, e.urn);
    },
});

const configsRead = new WeakSet<object>();

/** Reports, once per preview or update, each configuration mistake; the policy used its default meanwhile. */
export const configReport = ownPolicy("ecs-guardrails-config", "configuration-errors", {
    description: "Reports each mistake in the ecs-guardrails pack config: a policy name or setting the pack does not have, a setting of the wrong type, or one that cannot mean anything (a pattern that does not compile, minSeconds above maxSeconds).",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Fix the named setting in the policy pack config (`--policy-pack-config` or the Pulumi Cloud policy group).",
    validateStack: (_args: StackValidationArgs, reportViolation: ReportViolation) => {
        const sent = sentPackConfig();
        if (!configsRead.has(sent)) {
            // Every entry of a new pack config, also of policies no resource of this stack reached.
            configsRead.add(sent);
            for (const rule of rules) if (rule.name in sent) withDefaults(rule, settingsOf(sent[rule.name]));
            for (const mistake of unknownPolicies(sent, packPolicyNames)) recordMistake(mistake);
        }
        for (const m of takeMistakes()) {
            const fallback = m.keys.length > 0 ? ` The policy checks with the default ${m.keys.join(" and ")} until the pack config is fixed.` : "";
            reportViolation(`Policy ${m.policy}: ${m.problem}${fallback}`);
        }
    },
});

/** Says once per resource what could not be checked at preview, which policies wait, and on which resources. */
export const notKnownYetReport = ownPolicy("ecs-guardrails-not-known-yet", "values-not-known-at-preview", {
    description: "At preview, lists per resource the properties not known until `pulumi up`, the policies that check them then, and the stack resources they come from.",
    enforcementLevel: "advisory",
    severity: "low",
    remediationSteps: "Nothing to fix: the policies check these values during `pulumi up`, before the resource is created. Disable this policy to hide these notes.",
    validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
        const notes = takeNotKnownYet();
        const stack = currentStack(args.resources);
        for (const { resource, unread } of stack.unread) reportViolation(`${unread.why}.`, resource.urn);
        for (const note of notes) {
            const paths = [...note.paths];
            const policies = [...note.policies];
            if (note.declaredIn?.logicalId !== undefined) {
                // Inside a template a value left to CloudFormation (an intrinsic function, a parameter) stays so at `pulumi up`.
                reportViolation(
                    `'${note.name}' (${note.declaredIn.cloudFormationType}): ${list(paths)} ${paths.length > 1 ? "are" : "is"} set by CloudFormation when it creates the stack ` +
                    `(an intrinsic function or a parameter), so ${policies.length} ${policies.length > 1 ? "policies" : "policy"} cannot check ${paths.length > 1 ? "them" : "it"} ` +
                    `(${named(policies)}). Write the value in the template to have it checked.`,
                    note.declaredIn.urn,
                );
                continue;
            }
            const urn = note.declaredIn?.urn ?? note.urn;
            const dependencies = stack.resource(urn)?.propertyDependencies ?? {};
            const sources = new Set(paths.flatMap((p) => dependencies[topLevelProperty(p)] ?? []));
            const from = [...sources].map((source) => `'${stack.resource(source)?.name ?? source.split("::").pop()}'`);
            reportViolation(
                `${list(paths)} ${paths.length > 1 ? "are" : "is"} not known until \`pulumi up\`${from.length > 0 ? ` (${paths.length > 1 ? "they come" : "it comes"} from ${list(from)})` : ""}: ` +
                `${policies.length} ${policies.length > 1 ? "policies check" : "policy checks"} ${paths.length > 1 ? "them" : "it"} then, before the resource is created (${named(policies)}).`,
                urn,
            );
        }
    },
});

/** Policy names in a note: all of a few, else the first three and how many more (one line stays readable). */
function named(policies: string[]): string {
    return policies.length <= 4 ? policies.join(", ") : `${policies.slice(0, 3).join(", ")} and ${policies.length - 3} more`;
}

function list(items: string[]): string {
    return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Every policy name of the pack, the checking ones and its own. */
export const packPolicyNames: readonly string[] = [...rules.map((r) => r.name), exemptionReport.name, configReport.name, notKnownYetReport.name];
