// Rules on a task definition as a whole, and the stack rules that compare task definitions.
import type { Container, ResourceModel } from "../model";
import { isPending, isUnreadable, parseImageReference } from "../model";
import { compilePatterns } from "./patterns";
import { Finding, ResourceRule, StackContext, StackEntry, StackFinding, StackRule, forEachContainer, notApplicable, pending, q, readable, shortName } from "./rule";

const defaultSidecarImages = [
    "aws-otel-collector", "aws-xray-daemon", "aws-for-fluent-bit", "fluent-bit", "fluentd", "(^|/)envoy", "aws-appmesh-envoy",
    "ecs-service-connect-agent", "cloudwatch-agent", "datadog(hq)?/agent", "newrelic/(nri-ecs|infrastructure)", "opentelemetry-collector",
];
export const sidecarLabel = "ecs-guardrails.sidecar";

type SidecarConfig = { sidecarImagePatterns: string[] };

/** Whether a container is a sidecar; undefined when that depends on a value not known yet. */
function isSidecar(c: Container, images: { test(text: string): boolean }): boolean | undefined {
    if (c.essential === false || c.firelens === true) return true;
    if (typeof c.dockerLabels === "object" && c.dockerLabels !== null && !isUnreadable(c.dockerLabels)) {
        if (String(c.dockerLabels[sidecarLabel]).toLowerCase() === "true") return true;
    }
    if (typeof c.image === "string") {
        const parsed = parseImageReference(c.image);
        return parsed.ok && images.test(parsed.ref.path);
    }
    return isPending(c.image) || isPending(c.essential) || isPending(c.dockerLabels) ? undefined : false;
}

const sidecarConfig = {
    sidecarImagePatterns: { type: "array" as const, items: { type: "string" as const }, default: defaultSidecarImages, description: "Case-insensitive regular expressions (RE2 syntax) on the image's repository path that mark a sidecar.", regex: true as const },
};

/** Splits a task's containers into applications, sidecars and undecided (pending) ones. */
function classify(resource: ResourceModel, config: SidecarConfig): { apps: Container[]; undecided: Container[] } | Finding[] {
    const images = compilePatterns(config.sidecarImagePatterns, "sidecarImagePatterns", { ignoreCase: true });
    if (!images.ok) return [{ message: images.problem }];
    const containers = resource.task?.containers;
    if (isUnreadable(containers)) return isPending(containers) ? [pending(resource.task!.containersPath)] : [];
    const apps: Container[] = [];
    const undecided: Container[] = [];
    for (const c of containers ?? []) {
        const sidecar = isSidecar(c, images);
        if (sidecar === undefined) undecided.push(c);
        else if (!sidecar) apps.push(c);
    }
    return { apps, undecided };
}

export const taskSingleApplication: ResourceRule<SidecarConfig & { maxApplications: number }> = {
    kind: "resource",
    name: "ecs-task-single-application",
    description: "A task definition runs at most `maxApplications` application containers; the rest are sidecars.",
    level: "advisory",
    severity: "medium",
    source: { guide: ["single-purpose"] },
    appliesTo: ["taskDefinition"],
    scope: "task definition",
    remediationSteps: "Give each application its own task definition family so it scales on its own. Mark helpers as sidecars: `essential: false`, a FireLens router, a known sidecar image, or the docker label `ecs-guardrails.sidecar=true`.",
    config: {
        maxApplications: { type: "integer", default: 1, minimum: 1, description: "How many application (non-sidecar) containers one family may run." },
        ...sidecarConfig,
    },
    check(resource, config) {
        const split = classify(resource, config);
        if (Array.isArray(split)) return split;
        const { apps, undecided } = split;
        const names = apps.map((c) => c.label.replace(/^container /, "")).join(", ");
        if (apps.length > config.maxApplications) {
            return [{ message: `Task definition runs ${apps.length} application containers (${names}); at most ${config.maxApplications} allowed. Split them into their own families, or mark helpers as sidecars (essential: false or docker label ${sidecarLabel}=true).` }];
        }
        if (apps.length + undecided.length > config.maxApplications) {
            return undecided.map((c) => pending(`whether ${c.label} is a sidecar`));
        }
        return [];
    },
};

export const healthCheck: ResourceRule<SidecarConfig> = {
    kind: "resource",
    name: "ecs-health-check",
    description: "Each application container (as `ecs-task-single-application` counts them) has a container health check.",
    level: "advisory",
    severity: "low",
    source: { controls: ["ecs-guardrails (container health checks)"], url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_healthcheck" },
    appliesTo: ["taskDefinition"],
    scope: "each application container",
    remediationSteps: "Add a `healthCheck` (command, interval, retries) so ECS replaces unhealthy tasks.",
    config: sidecarConfig,
    check(resource, config) {
        const split = classify(resource, config);
        if (Array.isArray(split)) return split;
        const out: Finding[] = [];
        for (const c of split.apps) {
            if (!readable(c.healthCheck, `${c.label} healthCheck`, out)) continue;
            if (!c.healthCheck) out.push({ message: `${c.label} has no healthCheck, so ECS cannot tell when it is unhealthy. Add a healthCheck command.` });
        }
        return out;
    },
};

export const taskRole: ResourceRule = {
    kind: "resource",
    name: "ecs-task-role",
    description: "The task has its own IAM task role (`taskRoleArn` is set).",
    level: "mandatory",
    severity: "high",
    source: { guide: ["iam-role-per-task-definition"] },
    appliesTo: ["taskDefinition", "expressService"],
    scope: "task definition, Express Gateway Service",
    remediationSteps: "Create an IAM role for this family alone, with only the permissions its application needs, and set it as `taskRoleArn`.",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        const role = resource.task!.taskRoleArn;
        // A value unknown at preview (a role's ARN) is set: only its absence breaks this rule.
        if (role === undefined) {
            out.push({ message: "No task role is set (taskRoleArn), so the application cannot be given its own narrowly scoped permissions. Create a role for this family and set taskRoleArn." });
        }
        return out;
    },
};

export const awsvpcNetworkMode: ResourceRule = {
    kind: "resource",
    name: "ecs-awsvpc-network-mode",
    description: "The task definition uses the `awsvpc` network mode (not applicable to ECS Anywhere-only tasks).",
    level: "mandatory",
    severity: "medium",
    source: { guide: ["awsvpc-network-mode"] },
    appliesTo: ["taskDefinition"],
    scope: "task definition",
    remediationSteps: "Set `networkMode: \"awsvpc\"` and give the service a network configuration with its own security group.",
    config: {},
    check(resource) {
        const task = resource.task!;
        const out: Finding[] = [];
        if (!readable(task.requiresCompatibilities, "requiresCompatibilities", out)) return out;
        const compat = task.requiresCompatibilities ?? [];
        if (compat.length === 1 && compat[0] === "EXTERNAL") return notApplicable("ECS Anywhere (EXTERNAL) tasks cannot use awsvpc");
        if (!readable(task.networkMode, "networkMode", out)) return out;
        if (task.networkMode !== "awsvpc") {
            const mode = task.networkMode === undefined ? "is unset (bridge on EC2)" : `is ${q(task.networkMode)}`;
            out.push({ message: `networkMode ${mode}. Set networkMode to 'awsvpc' so each task gets its own network interface and the service its own security group.` });
        }
        return out;
    },
};

export const noHostNamespaces: ResourceRule = {
    kind: "resource",
    name: "ecs-no-host-namespaces",
    description: "The task does not share the host's process or IPC namespace (`pidMode`, `ipcMode` are not `host`).",
    level: "mandatory",
    severity: "high",
    source: { controls: ["Security Hub ECS.3", "Checkov CKV_AWS_335"], url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3" },
    appliesTo: ["taskDefinition"],
    scope: "task definition",
    remediationSteps: "Remove `pidMode: \"host\"` and `ipcMode: \"host\"` (use `task` if containers of the task must share them).",
    config: {},
    check(resource) {
        const task = resource.task!;
        const out: Finding[] = [];
        for (const [field, value] of [["pidMode", task.pidMode], ["ipcMode", task.ipcMode]] as const) {
            if (readable(value, field, out) && value === "host") {
                out.push({ message: `${field} is 'host', so containers share the host's namespace. Remove it or use 'task'.` });
            }
        }
        return out;
    },
};

export const noHostNetwork: ResourceRule = {
    kind: "resource",
    name: "ecs-no-host-network",
    description: "The task does not use the host's network (`networkMode` is not `host`).",
    level: "mandatory",
    severity: "high",
    source: { controls: ["Security Hub ECS.1", "AWS Config ecs-task-definition-user-for-host-mode-check"], url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-1" },
    appliesTo: ["taskDefinition"],
    scope: "task definition",
    remediationSteps: "Use `networkMode: \"awsvpc\"` instead of `host`.",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        const mode = resource.task!.networkMode;
        if (readable(mode, "networkMode", out) && mode === "host") {
            out.push({ message: "networkMode is 'host', so containers use the host's network stack directly. Use 'awsvpc'." });
        }
        return out;
    },
};

export const memoryLimit: ResourceRule = {
    kind: "resource",
    name: "ecs-memory-limit",
    description: "Memory is limited: task-level `memory`, or `memory` on every container.",
    level: "advisory",
    severity: "medium",
    source: { controls: ["AWS Config ecs-task-definition-memory-hard-limit"], url: "https://docs.aws.amazon.com/config/latest/developerguide/ecs-task-definition-memory-hard-limit.html" },
    appliesTo: ["taskDefinition"],
    scope: "task definition",
    remediationSteps: "Set the task's `memory`, or a `memory` hard limit on every container.",
    config: {},
    check(resource) {
        const task = resource.task!;
        const out: Finding[] = [];
        if (!readable(task.memory, "memory", out) || task.memory !== undefined) return out;
        const unlimited = forEachContainer(resource, (c, found) => {
            if (readable(c.memory, `${c.label} memory`, found) && c.memory === undefined) found.push({ message: c.label });
        }, { needs: "memory" });
        if (!Array.isArray(unlimited)) return out;
        const limitless = unlimited.filter((f) => !f.pending).map((f) => f.message);
        if (limitless.length > 0) {
            out.push({ message: `The task sets no memory and ${limitless.join(", ")} ${limitless.length > 1 ? "have" : "has"} no memory limit, so one container can exhaust the host. Set the task's memory or each container's memory.` });
        }
        return [...out, ...unlimited.filter((f) => f.pending)];
    },
};

export const efsTransitEncryption: ResourceRule = {
    kind: "resource",
    name: "ecs-efs-transit-encryption",
    description: "Every EFS volume encrypts data in transit (`transitEncryption: ENABLED`).",
    level: "mandatory",
    severity: "high",
    source: { controls: ["Checkov CKV_AWS_97", "AWS Config ecs-task-definition-efs-encryption-enabled"], url: "https://docs.aws.amazon.com/config/latest/developerguide/ecs-task-definition-efs-encryption-enabled.html" },
    appliesTo: ["taskDefinition"],
    scope: "task definition volumes",
    remediationSteps: "Set `efsVolumeConfiguration.transitEncryption: \"ENABLED\"` on every EFS volume.",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        const volumes = resource.task!.efsVolumes;
        if (!readable(volumes, "volumes", out)) return out;
        for (const v of volumes ?? []) {
            if (readable(v.transitEncryption, `volume ${q(v.name)} transitEncryption`, out) && v.transitEncryption !== "ENABLED") {
                out.push({ message: `EFS volume ${q(v.name)} does not encrypt data in transit. Set efsVolumeConfiguration.transitEncryption to 'ENABLED'.` });
            }
        }
        return out;
    },
};

export const taskFamilyUnique: StackRule = {
    kind: "stack",
    name: "ecs-task-family-unique",
    description: "No two task definition resources in a stack share a `family`.",
    level: "mandatory",
    severity: "medium",
    source: { guide: ["task-definition-immutable-revisions"] },
    appliesTo: ["taskDefinition"],
    scope: "stack: task definitions",
    remediationSteps: "Give each task definition resource its own family; one family is one application, and its revisions are that application's versions.",
    config: {},
    check(resources) {
        const byFamily = groupBy(resources.filter((r) => r.model.kind === "taskDefinition"), (r) => {
            const family = r.model.task?.family;
            return typeof family === "string" ? [family] : [];
        });
        return conflicts(byFamily, (family, others) =>
            `Task definition family ${q(family)} is also declared by ${others}. Give each task definition its own family, so revisions map one-to-one to application versions.`);
    },
};

/** How a role is identified: its literal ARN, or the URN of the role resource it comes from. */
function roleIdentity(entry: StackEntry, property: "taskRoleArn" | "executionRoleArn", stack: StackContext): string[] {
    const arn = entry.model.task?.[property];
    if (typeof arn === "string") return [arn];
    const roles = (entry.propertyDependencies[property] ?? []).filter((urn) => stack.referenceKind(urn) === "role");
    return roles.map((urn) => stack.roleArnOf(urn) ?? urn);
}

/**
 * One key for every way of naming a role: ECS takes a role's name or its ARN, and IAM role names are unique
 * whatever their case, so `API-Task`, `arn:aws:iam::1:role/api-task` and `.../role/svc/api-task` are one role.
 */
function sameRole(identity: string): string {
    if (identity.startsWith("urn:pulumi:")) return identity;
    const name = identity.startsWith("arn:") ? identity.slice(identity.indexOf(":role/") + 1) : identity;
    return name.slice(name.lastIndexOf("/") + 1).toLowerCase();
}

export const taskRolePerFamily: StackRule = {
    kind: "stack",
    name: "ecs-task-role-per-family",
    description: "No IAM role is the task role of two different families (literal ARNs, and roles referenced by URN at preview).",
    level: "mandatory",
    severity: "high",
    source: { guide: ["iam-role-per-task-definition"] },
    appliesTo: ["taskDefinition", "expressService"],
    scope: "stack: task definitions, Express Gateway Services",
    remediationSteps: "Create one IAM task role per task definition family, each with only the permissions that application needs.",
    config: {},
    check(resources, _config, stack) {
        const tasks = resources.filter((r) => r.model.task && (r.model.kind === "taskDefinition" || r.model.kind === "expressService"));
        const byRole = groupBy(tasks, (r) => roleIdentity(r, "taskRoleArn", stack).map(sameRole));
        const familyOf = (r: StackEntry) => (typeof r.model.task?.family === "string" ? r.model.task.family : r.model.name);
        const findings: StackFinding[] = [];
        for (const [role, users] of byRole) {
            const families = new Set(users.map(familyOf));
            if (families.size < 2) continue;
            for (const user of users) {
                const others = users.filter((u) => familyOf(u) !== familyOf(user)).map((u) => `${q(u.model.name)} (family ${q(familyOf(u))})`);
                const named = roleIdentity(user, "taskRoleArn", stack).find((id) => sameRole(id) === role) ?? role;
                findings.push({
                    urn: user.model.urn,
                    message: `Task role ${q(shortName(named))} of family ${q(familyOf(user))} is also the task role of ${others.join(", ")}. Give each family its own task role.`,
                });
            }
        }
        return findings;
    },
};

export const executionRoleDistinct: StackRule = {
    kind: "stack",
    name: "ecs-execution-role-distinct",
    description: "The execution role and the task role are different roles (literal ARNs, or roles referenced by URN at preview).",
    level: "advisory",
    severity: "medium",
    source: { controls: ["Checkov CKV_AWS_249"], url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html" },
    appliesTo: ["taskDefinition"],
    scope: "task definition (checked with the stack, to see roles referenced by URN)",
    remediationSteps: "Use a separate execution role (image pull, logs, secrets) and task role (the application's own permissions).",
    config: {},
    check(resources, _config, stack) {
        const findings: StackFinding[] = [];
        for (const r of resources) {
            if (r.model.kind !== "taskDefinition") continue;
            const task = roleIdentity(r, "taskRoleArn", stack);
            const execution = new Set(roleIdentity(r, "executionRoleArn", stack).map(sameRole));
            const shared = task.find((role) => execution.has(sameRole(role)));
            if (shared) {
                findings.push({ urn: r.model.urn, message: `Task definition ${q(r.model.name)} uses ${q(shortName(shared))} as both execution role and task role, so the application holds the agent's permissions. Use two roles.` });
            }
        }
        return findings;
    },
};

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
export function conflicts(groups: Map<string, StackEntry[]>, message: (key: string, others: string) => string): StackFinding[] {
    const findings: StackFinding[] = [];
    for (const [key, members] of groups) {
        if (members.length < 2) continue;
        for (const m of members) {
            const others = members.filter((o) => o !== m).map((o) => q(o.model.name)).join(", ");
            findings.push({ urn: m.model.urn, message: message(key, others) });
        }
    }
    return findings;
}
