// No two task definitions of a stack that land in the same region share a family (#task-definition-immutable-revisions).
import { isNotKnownYet, isUnreadable } from "../../model";
import type { StackFinding, StackRule } from "../rule";
import { conflicts, groupBy, notKnownYet, quote } from "../support";

/** Resources whose region is not said (no `region` input, a provider that names none) land in the default region. */
const defaultRegion = "";

export const taskFamilyUnique: StackRule = {
    kind: "stack",
    name: "ecs-task-family-unique",
    description: "No two task definition resources in a stack that land in the same region share a `family`.",
    level: "mandatory",
    severity: "medium",
    source: { guide: ["task-definition-immutable-revisions"] },
    appliesTo: ["taskDefinition", "daemonTaskDefinition"],
    scope: "stack: task definitions (daemon task definitions among themselves)",
    remediationSteps: "Give each task definition resource its own family; one family is one application, and its revisions are that application's versions.",
    config: {},
    check(resources) {
        const tasks = resources.filter((r) => (r.model.kind === "taskDefinition" || r.model.kind === "daemonTaskDefinition") && typeof r.model.task?.family === "string");
        // Daemon task definitions are compared among themselves.
        const byFamily = groupBy(tasks, (r) => [`${r.model.kind}:${r.model.task!.family as string}`]);
        const findings: StackFinding[] = [];
        for (const [key, members] of byFamily) {
            const family = key.slice(key.indexOf(":") + 1);
            const what = members[0].model.kind === "daemonTaskDefinition" ? "Daemon task definition" : "Task definition";
            if (members.length < 2) continue;
            const known = members.filter((r) => !isUnreadable(r.model.region));
            // A region known only at `pulumi up` may be any of the others': compared as "not known yet".
            for (const r of members) {
                if (isNotKnownYet(r.model.region)) findings.push({ urn: r.model.urn, ...notKnownYet(r.model.region.path) });
            }
            const byRegion = groupBy(known, (r) => [typeof r.model.region === "string" ? r.model.region : defaultRegion]);
            findings.push(...conflicts(byRegion, (r) => r.model.task!.paths.family, (_region, others) =>
                `${what} family ${quote(family)} is also declared by ${others}. Give each task definition its own family, so revisions map one-to-one to application versions.`));
        }
        return findings;
    },
};
