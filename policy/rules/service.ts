// Rules on services, task sets and Express Gateway Services.
import type { ResourceModel } from "../model";
import { applyEdit, isUnreadable } from "../model";
import { Finding, ResourceRule, StackContext, StackEntry, StackFinding, StackRule, notApplicable, q, readable, shortName } from "./rule";

const serviceKinds = ["service", "taskSet", "expressService"] as const;

/** Services that carry no network configuration of their own: ECS Anywhere, or an EXTERNAL controller. */
function networkNotApplicable(resource: ResourceModel) {
    const svc = resource.service!;
    if (svc.launchType === "EXTERNAL") return notApplicable("launch type EXTERNAL (ECS Anywhere) has no awsvpc network configuration");
    if (resource.kind === "service" && svc.deploymentController === "EXTERNAL") {
        return notApplicable("deployment controller EXTERNAL: its task sets carry the network configuration and are checked instead");
    }
    return undefined;
}

export const serviceSecurityGroup: ResourceRule = {
    kind: "resource",
    name: "ecs-service-security-group",
    description: "The service has a network configuration with at least one security group.",
    level: "mandatory",
    severity: "high",
    source: { guide: ["awsvpc-network-mode"] },
    appliesTo: serviceKinds,
    scope: "service, task set, Express Gateway Service",
    remediationSteps: "Set `networkConfiguration.securityGroups` to a security group created for this service.",
    config: {},
    check(resource) {
        const skip = networkNotApplicable(resource);
        if (skip) return skip;
        const svc = resource.service!;
        const out: Finding[] = [];
        if (!readable(svc.hasNetworkConfiguration, svc.networkPath, out)) return out;
        if (!svc.hasNetworkConfiguration) {
            return [{ message: `The service has no ${svc.networkPath}, so its tasks get no security group of their own. Set ${svc.networkPath} with subnets and a security group for this service.` }];
        }
        if (!readable(svc.securityGroups, `${svc.networkPath} securityGroups`, out)) return out;
        if ((svc.securityGroups ?? []).length === 0) {
            out.push({ message: `The service's ${svc.networkPath} has no security group, so its tasks get the VPC's default group. Add a security group created for this service.` });
        }
        return out;
    },
};

/** The security groups of a service: literal ids, and security group resources it depends on (known by URN at preview). */
function securityGroupsOf(entry: StackEntry, stack: StackContext): { groups: string[]; unknown: boolean } {
    const svc = entry.model.service!;
    const list = svc.securityGroups;
    if (isUnreadable(list)) return { groups: [], unknown: list.reason === "unknown" };
    const literal = (list ?? []).filter((g): g is string => typeof g === "string");
    const unknownElements = (list ?? []).some((g) => isUnreadable(g));
    const deps = (entry.propertyDependencies[svc.networkPath] ?? []).filter((urn) => stack.referenceKind(urn) === "securityGroup");
    const groups = [...literal, ...(unknownElements || literal.length === 0 ? deps : [])];
    return { groups, unknown: unknownElements && deps.length === 0 };
}

/**
 * Task sets count as part of their service: the owner's URN, found through the service resource the task set
 * depends on, or the ECS service name or ARN it names (never the Pulumi name, which ECS does not know).
 */
function ownerOf(entry: StackEntry, services: StackEntry[]): string {
    if (entry.model.kind !== "taskSet") return entry.model.urn;
    const byDependency = (entry.propertyDependencies.service ?? []).find((urn) => services.some((s) => s.model.urn === urn));
    if (byDependency) return byDependency;
    const ref = entry.model.service?.parentService;
    if (typeof ref === "string") {
        const named = ref.startsWith("arn:") ? ref.slice(ref.lastIndexOf("/") + 1) : ref;
        const match = services.find((s) => s.model.service?.serviceName === named);
        if (match) return match.model.urn;
    }
    return entry.model.urn;
}

export const securityGroupPerService: StackRule = {
    kind: "stack",
    name: "ecs-security-group-per-service",
    description: "Each service has at least one security group that no other service uses (shared extra groups beside it are fine).",
    level: "mandatory",
    severity: "high",
    source: { guide: ["awsvpc-network-mode"] },
    appliesTo: serviceKinds,
    scope: "stack: services, task sets, Express Gateway Services",
    remediationSteps: "Create a security group for each service and allow traffic between services by group reference; keep shared groups (VPC endpoints) as extras.",
    config: {},
    check(resources, _config, stack) {
        const all = resources.filter((r) => r.model.service);
        const services = all.filter((r) => r.model.kind === "service");
        const members = all.map((entry) => ({ entry, owner: ownerOf(entry, services), ...securityGroupsOf(entry, stack) }));
        const ownersOfGroup = new Map<string, Set<string>>();
        for (const m of members) {
            for (const g of m.groups) {
                const owners = ownersOfGroup.get(g) ?? new Set<string>();
                owners.add(m.owner);
                ownersOfGroup.set(g, owners);
            }
        }
        const nameOfOwner = (urn: string) => all.find((r) => r.model.urn === urn)?.model.name ?? urn.split("::").pop()!;
        const findings: StackFinding[] = [];
        for (const m of members) {
            if (m.groups.length === 0 || m.unknown) continue; // none at all: ecs-service-security-group
            const ownGroup = m.groups.some((g) => ownersOfGroup.get(g)!.size === 1);
            if (ownGroup) continue;
            const sharing = m.groups.map((g) => {
                const others = [...ownersOfGroup.get(g)!].filter((o) => o !== m.owner).map((o) => q(nameOfOwner(o)));
                return `${q(shortName(g))} with ${others.join(", ")}`;
            });
            findings.push({
                urn: m.entry.model.urn,
                message: `Service ${q(m.entry.model.name)} has no security group of its own: it shares ${sharing.join("; ")}. Create a security group for this service.`,
            });
        }
        return findings;
    },
};

export const managedTags: ResourceRule = {
    kind: "resource",
    name: "ecs-managed-tags",
    description: "ECS managed tags are on (`enableEcsManagedTags`), so tasks carry cluster and service tags.",
    level: "mandatory",
    severity: "low",
    source: { guide: ["managed-tags"] },
    appliesTo: ["service"],
    scope: "service",
    remediationSteps: "Set `enableEcsManagedTags: true` (the remediation does this).",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        const value = resource.service!.enableEcsManagedTags;
        if (readable(value, "enableEcsManagedTags", out) && value !== true) {
            out.push({ message: "ECS managed tags are off, so tasks are not tagged with their cluster and service for cost reports. Set enableEcsManagedTags to true." });
        }
        return out;
    },
    remediate: (props) => (props.enableEcsManagedTags === true ? undefined : { ...props, enableEcsManagedTags: true }),
};

export const propagateTags: ResourceRule<{ allowedValues: string[] }> = {
    kind: "resource",
    name: "ecs-propagate-tags",
    description: "The service propagates tags to its tasks (`propagateTags` is an allowed value).",
    level: "mandatory",
    severity: "low",
    source: { guide: ["managed-tags"] },
    appliesTo: ["service"],
    scope: "service",
    remediationSteps: "Set `propagateTags: \"SERVICE\"` (the remediation does this) or `TASK_DEFINITION`.",
    config: {
        allowedValues: { type: "array", items: { type: "string" }, default: ["SERVICE", "TASK_DEFINITION"], description: "Accepted values of propagateTags: `SERVICE`, `TASK_DEFINITION` or both (`NONE` never propagates)." },
    },
    configProblems: (config) => {
        const wrong = config.allowedValues.filter((v) => v !== "SERVICE" && v !== "TASK_DEFINITION");
        return wrong.length === 0 && config.allowedValues.length > 0 ? [] : [{
            keys: ["allowedValues"],
            problem: `allowedValues may hold only 'SERVICE' and 'TASK_DEFINITION'${wrong.length > 0 ? `, not ${wrong.map((v) => q(v)).join(", ")}` : ""}: other values propagate no tags.`,
        }];
    },
    check(resource, config) {
        const out: Finding[] = [];
        const value = resource.service!.propagateTags;
        if (readable(value, "propagateTags", out) && (value === undefined || !config.allowedValues.includes(value))) {
            const now = value === undefined ? "is unset" : `is ${q(value)}`;
            out.push({ message: `propagateTags ${now}, so tasks do not carry the service's tags for cost reports. Set propagateTags to ${config.allowedValues.map((v) => q(v)).join(" or ")}.` });
        }
        return out;
    },
    remediate: (props, _resource, config) =>
        typeof props.propagateTags === "string" && config.allowedValues.includes(props.propagateTags) ? undefined : { ...props, propagateTags: "SERVICE" },
};

export const noPublicIp: ResourceRule = {
    kind: "resource",
    name: "ecs-no-public-ip",
    description: "Tasks get no public IP address (`assignPublicIp` is not true).",
    level: "mandatory",
    severity: "high",
    source: { controls: ["Security Hub ECS.2", "Checkov CKV_AWS_333"], url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2" },
    appliesTo: serviceKinds,
    scope: "service, task set",
    remediationSteps: "Set `assignPublicIp: false`, run tasks in private subnets and reach them through a load balancer.",
    config: {},
    check(resource) {
        if (resource.kind === "expressService") return notApplicable("the Express Gateway Service has no assignPublicIp");
        const out: Finding[] = [];
        const value = resource.service!.assignPublicIp;
        if (readable(value, "networkConfiguration.assignPublicIp", out) && value === true) {
            out.push({ message: "Tasks get a public IP address (networkConfiguration.assignPublicIp is true). Set it to false, use private subnets and a load balancer." });
        }
        return out;
    },
};

export const fargatePlatformVersion: ResourceRule = {
    kind: "resource",
    name: "ecs-fargate-platform-version",
    description: "A Fargate service runs the latest platform version (`platformVersion` unset or `LATEST`).",
    level: "advisory",
    severity: "medium",
    source: { controls: ["Security Hub ECS.10", "Checkov CKV_AWS_332"], url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-10" },
    appliesTo: ["service", "taskSet"],
    scope: "service, task set",
    remediationSteps: "Remove `platformVersion` or set it to `LATEST` so tasks get platform security fixes.",
    config: {},
    check(resource) {
        const svc = resource.service!;
        const out: Finding[] = [];
        if (!readable(svc.fargate, "launchType", out)) return out;
        if (!svc.fargate) return notApplicable("not a Fargate service");
        if (readable(svc.platformVersion, "platformVersion", out) && svc.platformVersion !== undefined && svc.platformVersion.toUpperCase() !== "LATEST") {
            out.push({ message: `Fargate platformVersion is pinned to ${q(svc.platformVersion)}, so tasks miss platform security fixes. Remove it or set 'LATEST'.` });
        }
        return out;
    },
};

export const deploymentCircuitBreaker: ResourceRule = {
    kind: "resource",
    name: "ecs-deployment-circuit-breaker",
    description: "With the ECS deployment controller, the deployment circuit breaker is on with rollback.",
    level: "advisory",
    severity: "medium",
    source: { controls: ["ecs-guardrails (deployment safety)"], url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html" },
    appliesTo: ["service"],
    scope: "service",
    remediationSteps: "Set `deploymentCircuitBreaker: { enable: true, rollback: true }` (the remediation does this).",
    config: {},
    check(resource) {
        const svc = resource.service!;
        const out: Finding[] = [];
        if (!readable(svc.deploymentController, "deploymentController.type", out)) return out;
        if (svc.deploymentController !== undefined && svc.deploymentController !== "ECS") return notApplicable(`deployment controller ${svc.deploymentController}`);
        if (!readable(svc.circuitBreakerEnable, "deploymentCircuitBreaker.enable", out)) return out;
        if (!readable(svc.circuitBreakerRollback, "deploymentCircuitBreaker.rollback", out)) return out;
        if (svc.circuitBreakerEnable !== true || svc.circuitBreakerRollback !== true) {
            out.push({ message: "The deployment circuit breaker is not on with rollback, so a failing deployment keeps replacing tasks. Set deploymentCircuitBreaker to { enable: true, rollback: true }." });
        }
        return out;
    },
    remediate(props, resource) {
        const svc = resource.service!;
        if (svc.deploymentController !== undefined && svc.deploymentController !== "ECS") return undefined;
        if (svc.circuitBreakerEnable === true && svc.circuitBreakerRollback === true) return undefined;
        return applyEdit(resource.type, props, { set: "circuitBreaker", value: { enable: true, rollback: true } });
    },
};

