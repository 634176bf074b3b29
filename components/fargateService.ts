import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { CapacityProviderStrategyArgs } from "./cluster";
import { Checks, PolicyConfig, policyConfigOf, structural, withOverrides } from "./compliance";
import { TaskDefinition, TaskDefinitionArgs } from "./taskDefinition";

export interface IngressArgs {
    /** TCP port to open. */
    port: number;
    /**
     * Security groups allowed in (e.g. the load balancer's).
     * @default none
     */
    fromSecurityGroupIds?: pulumi.Input<string>[];
    /**
     * CIDR blocks allowed in.
     * @default none
     */
    fromCidrBlocks?: string[];
}

/** A task definition the service runs: a TaskDefinition component (in TypeScript, pass it as it is), or its outputs. */
export interface TaskDefinitionRef {
    /** The task definition's ARN. */
    arn: pulumi.Input<string>;
    /**
     * The container the load balancer sends traffic to.
     * @default none (needed with `loadBalancer`, unless it names one)
     */
    containerName?: pulumi.Input<string>;
    /**
     * That container's port.
     * @default none (needed with `loadBalancer`, unless it names one)
     */
    containerPort?: pulumi.Input<number>;
}

/** A load balancer target group the service registers its tasks with. */
export interface LoadBalancerArgs {
    /** The target group's ARN (target type `ip`). */
    targetGroupArn: pulumi.Input<string>;
    /**
     * The container traffic goes to.
     * @default the task definition's application container
     */
    containerName?: pulumi.Input<string>;
    /**
     * That container's port.
     * @default the application container's `port`
     */
    containerPort?: pulumi.Input<number>;
    /**
     * Seconds ECS ignores failing load balancer health checks after a task starts.
     * @default 60
     */
    healthCheckGracePeriodSeconds?: number;
}

/** Target tracking autoscaling of the service's task count. */
export interface AutoscalingArgs {
    /**
     * Fewest tasks.
     * @default the service's `desiredCount`
     */
    minCapacity?: number;
    /** Most tasks. */
    maxCapacity: number;
    /**
     * Average CPU utilization (%) to track; 0 turns CPU scaling off.
     * @default 60
     */
    cpuTargetPercent?: number;
    /**
     * Average memory utilization (%) to track; 0 turns memory scaling off.
     * @default 70
     */
    memoryTargetPercent?: number;
    /**
     * Requests per target per minute to track (needs `loadBalancer` and `loadBalancerArn`).
     * @default none; no request scaling
     */
    requestsPerTarget?: number;
    /**
     * The load balancer's ARN, for `requestsPerTarget`.
     * @default none
     */
    loadBalancerArn?: pulumi.Input<string>;
    /**
     * Seconds after a scale-out before the next.
     * @default 60
     */
    scaleOutCooldown?: number;
    /**
     * Seconds after a scale-in before the next: slower in than out, so bursts do not flap.
     * @default 300
     */
    scaleInCooldown?: number;
}

export interface FargateServiceArgs {
    /** The cluster's ARN (or name). */
    cluster: pulumi.Input<string>;
    /**
     * The task definition to run. Give this or `taskDefinitionArgs`.
     * @default none
     */
    taskDefinition?: TaskDefinitionRef;
    /**
     * A task definition the service creates for itself (a TaskDefinition component named after the service). Give this or `taskDefinition`.
     * @default none
     */
    taskDefinitionArgs?: TaskDefinitionArgs;
    /** The VPC of the service's security group. */
    vpcId: pulumi.Input<string>;
    /** Private subnets for the tasks; tasks get no public IP (ecs-no-public-ip). */
    subnets: pulumi.Input<string>[];
    /**
     * Tasks to run (the starting count with `autoscaling`).
     * @default 2, so one task lost still serves
     */
    desiredCount?: number;
    /**
     * Who may connect, per port. Satisfies ecs-service-security-group, ecs-security-group-per-service.
     * @default nobody, the service's security group has no ingress
     */
    ingress?: IngressArgs[];
    /**
     * Shared groups to add beside the service's own (e.g. VPC endpoints).
     * @default none
     */
    extraSecurityGroupIds?: pulumi.Input<string>[];
    /**
     * Register tasks with a load balancer target group.
     * @default none
     */
    loadBalancer?: LoadBalancerArgs;
    /**
     * How tasks spread over capacity providers (the cluster must enable them; the Cluster component enables FARGATE
     * and FARGATE_SPOT), e.g. `[{ capacityProvider: "FARGATE", base: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }]`.
     * @default none; launch type FARGATE, all on demand
     */
    capacityProviderStrategy?: CapacityProviderStrategyArgs[];
    /**
     * Scale the task count on CPU, memory and optionally requests per target.
     * @default none; a fixed `desiredCount`
     */
    autoscaling?: AutoscalingArgs;
    /**
     * Allow ECS Exec into tasks (sessions are logged by the Cluster component).
     * @default false
     */
    enableExecuteCommand?: boolean;
    /**
     * Wait until the service is stable before the update completes.
     * @default true
     */
    waitForSteadyState?: boolean;
    /**
     * Tags for the service and its security group; tasks get them too (propagateTags SERVICE).
     * @default none
     */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /**
     * aws.ecs.Service arguments the component does not model (e.g. `{ availabilityZoneRebalancing: "ENABLED" }`),
     * laid over what it builds (objects merge, anything else replaces). Checked by the same rules: a value that breaks
     * a mandatory policy (say `{ networkConfiguration: { assignPublicIp: true } }`) fails with the pack's message.
     * @default none
     */
    serviceOverrides?: Record<string, any>;
    /**
     * The organisation's policy config, the JSON of `--policy-pack-config`: the component refuses what that pack
     * blocks, warns where it is advisory, and applies its settings; its own task definition (`taskDefinitionArgs`)
     * gets the same unless those args give one.
     * @default the stack config `ecs-guardrails:policyConfig`, else the pack's defaults
     */
    policyConfig?: PolicyConfig;
}

interface FargateServiceChildren {
    service: aws.ecs.Service;
    securityGroup: aws.ec2.SecurityGroup;
    taskDefinition?: TaskDefinition;
    scalingTarget?: aws.appautoscaling.Target;
    scalingPolicies: aws.appautoscaling.Policy[];
}
const children = new WeakMap<FargateService, FargateServiceChildren>();

/** A Fargate service with its own security group, private networking, managed tags, tag propagation, rollback, and optional autoscaling. */
export class FargateService extends pulumi.ComponentResource {
    /** The service's own security group. */
    readonly securityGroupId: pulumi.Output<string>;
    /** The service's name. */
    readonly name: pulumi.Output<string>;
    /** The ARN of the task definition the service runs. */
    readonly taskDefinitionArn: pulumi.Output<string>;

    constructor(name: string, args: FargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("ecs-guardrails:index:FargateService", name, {}, opts);
        const label = `FargateService '${name}'`;
        const policyConfig = policyConfigOf(label, args.policyConfig);
        const checks = new Checks(this, "ecs-guardrails:index:FargateService", name, policyConfig);
        const { td, own: ownTaskDefinition } = taskDefinitionOf(this, name, label, args, policyConfig);
        const securityGroup = securityGroupOf(this, name, label, args);
        const lb = structural(label, "loadBalancer", args.loadBalancer);
        const scaling = structural(label, "autoscaling", args.autoscaling);
        const desiredCount = args.desiredCount ?? scaling?.minCapacity ?? 2;
        const service = createService(this, name, label, args, checks, { td, securityGroup, lb, desiredCount, autoscaled: scaling !== undefined });
        const autoscaled = scaling ? autoscale(this, name, label, scaling, desiredCount, args.cluster, service, lb) : { target: undefined, policies: [] };

        children.set(this, { service, securityGroup, taskDefinition: ownTaskDefinition, scalingTarget: autoscaled.target, scalingPolicies: autoscaled.policies });
        this.securityGroupId = securityGroup.id;
        this.name = service.name;
        this.taskDefinitionArn = pulumi.output(td.arn);
        this.registerOutputs({ name: this.name, securityGroupId: this.securityGroupId, taskDefinitionArn: this.taskDefinitionArn });
    }

    /** The aws.ecs.Service (TypeScript only). */
    get service(): aws.ecs.Service { return children.get(this)!.service; }
    /** The service's own aws.ec2.SecurityGroup (TypeScript only). */
    get securityGroup(): aws.ec2.SecurityGroup { return children.get(this)!.securityGroup; }
    /** The TaskDefinition created from `taskDefinitionArgs` (TypeScript only). */
    get taskDefinition(): TaskDefinition | undefined { return children.get(this)!.taskDefinition; }
    /** The autoscaling target, with `autoscaling` (TypeScript only). */
    get scalingTarget(): aws.appautoscaling.Target | undefined { return children.get(this)!.scalingTarget; }
    /** The target tracking policies, with `autoscaling` (TypeScript only). */
    get scalingPolicies(): aws.appautoscaling.Policy[] { return children.get(this)!.scalingPolicies; }
}

/** The task definition the service runs: the one given, or its own TaskDefinition from `taskDefinitionArgs`. */
function taskDefinitionOf(parent: FargateService, name: string, label: string, args: FargateServiceArgs, policyConfig: PolicyConfig): { td: TaskDefinitionRef; own?: TaskDefinition } {
    const given = structural(label, "taskDefinition", args.taskDefinition);
    const inline = structural(label, "taskDefinitionArgs", args.taskDefinitionArgs);
    if ((given === undefined) === (inline === undefined)) throw new pulumi.RunError(`${label}: give 'taskDefinition' or 'taskDefinitionArgs' (one of them).`);
    if (given) return { td: given };
    const own = new TaskDefinition(name, { policyConfig, ...inline! }, { parent });
    return { td: own, own };
}

/** The service's own security group: no ingress but what `ingress` names. */
function securityGroupOf(parent: FargateService, name: string, label: string, args: FargateServiceArgs): aws.ec2.SecurityGroup {
    const securityGroup = new aws.ec2.SecurityGroup(`${name}-sg`, {
        vpcId: args.vpcId,
        description: `ECS service ${name}: its own group`,
        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], description: "tasks reach AWS APIs and dependencies" }],
        tags: args.tags,
    }, { parent });
    (structural(label, "ingress", args.ingress) ?? []).forEach((rule, i) => {
        (rule.fromSecurityGroupIds ?? []).forEach((source, j) => new aws.vpc.SecurityGroupIngressRule(`${name}-in-${i}-sg-${j}`, {
            securityGroupId: securityGroup.id, ipProtocol: "tcp", fromPort: rule.port, toPort: rule.port, referencedSecurityGroupId: source,
        }, { parent: securityGroup }));
        (rule.fromCidrBlocks ?? []).forEach((cidr, j) => new aws.vpc.SecurityGroupIngressRule(`${name}-in-${i}-cidr-${j}`, {
            securityGroupId: securityGroup.id, ipProtocol: "tcp", fromPort: rule.port, toPort: rule.port, cidrIpv4: cidr,
        }, { parent: securityGroup }));
    });
    return securityGroup;
}

const serviceType = "aws:ecs/service:Service";

/** The aws.ecs.Service, checked with the resource rules (overrides included) and with the stack rules on its groups. */
function createService(
    parent: FargateService, name: string, label: string, args: FargateServiceArgs, checks: Checks,
    built: { td: TaskDefinitionRef; securityGroup: aws.ec2.SecurityGroup; lb?: LoadBalancerArgs; desiredCount: number; autoscaled: boolean },
): aws.ecs.Service {
    const strategy = structural(label, "capacityProviderStrategy", args.capacityProviderStrategy);
    const lb = built.lb;
    const merged = withOverrides({
        cluster: args.cluster,
        taskDefinition: built.td.arn,
        // A strategy and a launch type exclude each other.
        launchType: strategy ? undefined : "FARGATE",
        capacityProviderStrategies: strategy?.map((s) => ({ capacityProvider: s.capacityProvider, base: s.base, weight: s.weight ?? 1 })),
        desiredCount: built.desiredCount,
        networkConfiguration: {
            subnets: args.subnets,
            securityGroups: [built.securityGroup.id, ...(args.extraSecurityGroupIds ?? [])],
            assignPublicIp: false, // ecs-no-public-ip
        },
        enableEcsManagedTags: true, // ecs-managed-tags
        propagateTags: "SERVICE", // ecs-propagate-tags
        deploymentCircuitBreaker: { enable: true, rollback: true }, // ecs-deployment-circuit-breaker
        enableExecuteCommand: args.enableExecuteCommand ?? false,
        waitForSteadyState: args.waitForSteadyState ?? true,
        loadBalancers: lb ? [loadBalancerOf(label, lb, built.td)] : undefined,
        healthCheckGracePeriodSeconds: lb ? lb.healthCheckGracePeriodSeconds ?? 60 : undefined,
        tags: args.tags,
    }, structural(label, "serviceOverrides", args.serviceOverrides));
    const props = checks.resource(serviceType, merged, "networkConfiguration");
    // What ecs-security-group-per-service compares: the service's groups.
    const groups = (merged.networkConfiguration as { securityGroups?: unknown } | undefined)?.securityGroups;
    const networkConfiguration = checks.stack(serviceType, { networkConfiguration: { securityGroups: groups } }, props.networkConfiguration);
    // With autoscaling, the scaling policies own the task count: an update must not reset it.
    return new aws.ecs.Service(name, { ...props, networkConfiguration } as aws.ecs.ServiceArgs, { parent, ...(built.autoscaled ? { ignoreChanges: ["desiredCount"] } : {}) });
}

function loadBalancerOf(label: string, lb: LoadBalancerArgs, td: TaskDefinitionRef) {
    const containerName = lb.containerName ?? td.containerName;
    const containerPort = lb.containerPort ?? td.containerPort;
    if (containerName === undefined || containerPort === undefined) {
        throw new pulumi.RunError(`${label}: loadBalancer needs the container's name and port: give loadBalancer.containerName and .containerPort, or a container with a port.`);
    }
    return { targetGroupArn: lb.targetGroupArn, containerName, containerPort };
}

/** An ECS cluster's name, from its ARN (`arn:aws:ecs:<region>:<account>:cluster/<name>`) or its name. */
function clusterName(cluster: string): string {
    const i = cluster.lastIndexOf("cluster/");
    return cluster.startsWith("arn:") && i >= 0 ? cluster.slice(i + "cluster/".length) : cluster;
}

function autoscale(
    parent: FargateService, name: string, label: string, scaling: AutoscalingArgs, desiredCount: number,
    cluster: pulumi.Input<string>, service: aws.ecs.Service, lb: LoadBalancerArgs | undefined,
): { target: aws.appautoscaling.Target; policies: aws.appautoscaling.Policy[] } {
    const minCapacity = scaling.minCapacity ?? desiredCount;
    if (!(scaling.maxCapacity >= minCapacity && minCapacity >= 0)) {
        throw new pulumi.RunError(`${label}: autoscaling needs 0 <= minCapacity (${minCapacity}) <= maxCapacity (${scaling.maxCapacity}).`);
    }
    if (desiredCount < minCapacity || desiredCount > scaling.maxCapacity) {
        throw new pulumi.RunError(`${label}: desiredCount ${desiredCount} is outside autoscaling's ${minCapacity}..${scaling.maxCapacity}.`);
    }
    if (scaling.requestsPerTarget !== undefined && (!lb || scaling.loadBalancerArn === undefined)) {
        throw new pulumi.RunError(`${label}: autoscaling.requestsPerTarget needs loadBalancer (its target group) and autoscaling.loadBalancerArn.`);
    }
    const target = new aws.appautoscaling.Target(`${name}-scaling`, {
        serviceNamespace: "ecs",
        scalableDimension: "ecs:service:DesiredCount",
        resourceId: pulumi.all([cluster, service.name]).apply(([c, s]) => `service/${clusterName(c)}/${s}`),
        minCapacity,
        maxCapacity: scaling.maxCapacity,
    }, { parent });
    const track = (suffix: string, targetValue: number, predefinedMetricType: string, resourceLabel?: pulumi.Input<string>) =>
        new aws.appautoscaling.Policy(`${name}-${suffix}`, {
            policyType: "TargetTrackingScaling",
            serviceNamespace: target.serviceNamespace,
            scalableDimension: target.scalableDimension,
            resourceId: target.resourceId,
            targetTrackingScalingPolicyConfiguration: {
                targetValue,
                predefinedMetricSpecification: { predefinedMetricType, resourceLabel },
                scaleOutCooldown: scaling.scaleOutCooldown ?? 60,
                scaleInCooldown: scaling.scaleInCooldown ?? 300,
            },
        }, { parent: target });
    const policies: aws.appautoscaling.Policy[] = [];
    const cpu = scaling.cpuTargetPercent ?? 60;
    const memory = scaling.memoryTargetPercent ?? 70;
    if (cpu > 0) policies.push(track("cpu", cpu, "ECSServiceAverageCPUUtilization"));
    if (memory > 0) policies.push(track("memory", memory, "ECSServiceAverageMemoryUtilization"));
    if (scaling.requestsPerTarget !== undefined) {
        // The ALB metric's label: `app/<lb-name>/<lb-id>/targetgroup/<tg-name>/<tg-id>`.
        const resourceLabel = pulumi.all([scaling.loadBalancerArn!, lb!.targetGroupArn]).apply(([lbArn, tgArn]) =>
            `${lbArn.slice(lbArn.indexOf(":loadbalancer/") + ":loadbalancer/".length)}/${tgArn.slice(tgArn.lastIndexOf(":") + 1)}`);
        policies.push(track("requests", scaling.requestsPerTarget, "ALBRequestCountPerTarget", resourceLabel));
    }
    return { target, policies };
}
