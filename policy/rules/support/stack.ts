// Helpers for the stack checks: grouping resources, and following roles and security groups by URN.
import { isUnreadable, topLevelProperty } from "../../model";
import type { StackContext, StackEntry, StackFinding } from "../rule";
import { quote } from "./quoting";

/** Groups entries by every key they have. */
export function groupBy(entries: StackEntry[], keys: (entry: StackEntry) => string[]): Map<string, StackEntry[]> {
    const groups = new Map<string, StackEntry[]>();
    for (const entry of entries) {
        for (const key of new Set(keys(entry))) {
            const group = groups.get(key);
            if (group) group.push(entry);
            else groups.set(key, [entry]);
        }
    }
    return groups;
}

/** One finding per entry of every group with more than one entry, naming the others. */
export function conflicts(groups: Map<string, StackEntry[]>, path: (entry: StackEntry) => string, message: (key: string, others: string) => string): StackFinding[] {
    const findings: StackFinding[] = [];
    for (const [key, members] of groups) {
        if (members.length < 2) continue;
        for (const m of members) {
            const others = members.filter((o) => o !== m).map((o) => quote(o.model.name)).join(", ");
            findings.push({ urn: m.model.urn, path: path(m), message: message(key, others) });
        }
    }
    return findings;
}

/** How a role is identified: its literal ARN, or the URN of the role resource it comes from. */
export function roleIdentity(entry: StackEntry, property: "taskRoleArn" | "executionRoleArn", stack: StackContext): string[] {
    const task = entry.model.task;
    const arn = task?.[property];
    if (typeof arn === "string") return [arn];
    if (isUnreadable(arn) && arn.refersTo !== undefined && stack.referenceKind(arn.refersTo) === "role") return [arn.refersTo];
    const roles = (entry.propertyDependencies[topLevelProperty(task?.paths[property] ?? property)] ?? []).filter((urn) => stack.referenceKind(urn) === "role");
    return roles.map((urn) => stack.roleArnOf(urn) ?? urn);
}

/**
 * One key for every way of naming a role: ECS takes a role's name or its ARN, and IAM role names are unique
 * whatever their case, so `API-Task`, `arn:aws:iam::1:role/api-task` and `.../role/svc/api-task` are one role.
 */
export function sameRole(identity: string): string {
    if (identity.startsWith("urn:pulumi:")) return identity;
    const name = identity.startsWith("arn:") ? identity.slice(identity.indexOf(":role/") + 1) : identity;
    return name.slice(name.lastIndexOf("/") + 1).toLowerCase();
}

/**
 * The security groups of a service: literal ids, and security group resources it depends on (known by URN at
 * preview), a VPC's default security group among them (`aws.ec2.DefaultSecurityGroup`, or a VPC's
 * `defaultSecurityGroupId`: the VPC it comes from stands for its default group).
 */
export function securityGroupsOf(entry: StackEntry, stack: StackContext): { groups: string[]; notKnownYet: boolean } {
    const svc = entry.model.service!;
    const list = svc.securityGroups;
    if (isUnreadable(list)) return { groups: [], notKnownYet: list.reason === "notKnownYet" };
    const literal = (list ?? []).filter((g): g is string => typeof g === "string");
    // A template's `!Ref Group` (or `!GetAtt Vpc.DefaultSecurityGroup`) names its group though its id is not known yet.
    for (const g of list ?? []) if (isUnreadable(g) && g.refersTo !== undefined && isGroup(stack.referenceKind(g.refersTo))) literal.push(g.refersTo);
    const unknownElements = (list ?? []).some((g) => isUnreadable(g) && !(g.refersTo !== undefined && isGroup(stack.referenceKind(g.refersTo))));
    const deps = (entry.propertyDependencies[topLevelProperty(svc.paths.securityGroups)] ?? []).filter((urn) => isGroup(stack.referenceKind(urn)));
    const groups = [...literal, ...(unknownElements || literal.length === 0 ? deps : [])];
    return { groups, notKnownYet: unknownElements && deps.length === 0 };
}

/** A security group, or a VPC standing for its default security group. */
function isGroup(kind: ReturnType<StackContext["referenceKind"]>): boolean {
    return kind === "securityGroup" || kind === "vpc";
}

/** The last segment of a name or ARN (`arn:aws:ecs:r:a:cluster/main` -> `main`). */
function lastSegment(ref: string): string {
    return ref.startsWith("arn:") ? ref.slice(ref.lastIndexOf("/") + 1) : ref;
}

/**
 * How a service or task set names its cluster: the cluster's name (unset means `default`), or the URNs of the
 * cluster resources its `cluster` input comes from; none when it is not known yet. `named` is the cluster a
 * new-format service ARN carries (`service/<cluster>/<name>`).
 */
function clusterKeys(entry: StackEntry, named?: string): string[] {
    if (named !== undefined) return [named];
    const cluster = entry.model.service?.cluster;
    if (cluster === undefined) return ["default"];
    if (typeof cluster === "string") return [lastSegment(cluster)];
    if (isUnreadable(cluster) && cluster.refersTo !== undefined) return [cluster.refersTo];
    return entry.propertyDependencies[topLevelProperty(entry.model.service!.paths.cluster)] ?? [];
}

/**
 * Task sets count as part of their service: the owner's URN, found through the service resource the task set
 * depends on, or the ECS service name or ARN it names in the cluster it names (never the Pulumi name, which ECS
 * does not know; never a service of the same name in another cluster).
 */
export function ownerOf(entry: StackEntry, services: StackEntry[]): string {
    if (entry.model.kind !== "taskSet") return entry.model.urn;
    const byDependency = (entry.propertyDependencies.service ?? []).find((urn) => services.some((s) => s.model.urn === urn));
    if (byDependency) return byDependency;
    const ref = entry.model.service?.parentService;
    if (isUnreadable(ref) && ref.refersTo !== undefined && services.some((s) => s.model.urn === ref.refersTo)) return ref.refersTo;
    if (typeof ref === "string") {
        const named = lastSegment(ref);
        // `arn:aws:ecs:region:account:service/<cluster>/<name>` names its cluster too (the old format does not).
        const resource = ref.startsWith("arn:") ? ref.slice(ref.indexOf(":service/") + ":service/".length).split("/") : [];
        const clusters = new Set(clusterKeys(entry, resource.length === 2 ? resource[0] : undefined));
        const match = services.find((s) => s.model.kind !== "taskSet" && s.model.service?.serviceName === named && clusterKeys(s).some((k) => clusters.has(k)));
        if (match) return match.model.urn;
    }
    return entry.model.urn;
}
