import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Checks, PolicyConfig, policyConfigOf, structural } from "./compliance";

/** How much Container Insights collects. (A TypeScript enum: the schema is derived from the package's declarations, which keep an enum's values.) */
export enum ContainerInsights {
    /** Cluster- and service-level metrics. */
    Enabled = "enabled",
    /** Also task- and container-level metrics (costs more). */
    Enhanced = "enhanced",
}

/** Where ECS Exec sessions are logged: a log group the component creates, or one that exists. */
export interface ExecLogGroupArgs {
    /**
     * Name of an existing log group to log sessions to; none is created then.
     * @default none; a group `/ecs/exec/<name>` is created
     */
    existing?: pulumi.Input<string>;
    /**
     * Days the created group keeps session logs (not with `existing`).
     * @default 90
     */
    retentionInDays?: number;
}

/** One entry of a capacity provider strategy: how tasks spread over Fargate and Fargate Spot. */
export interface CapacityProviderStrategyArgs {
    /** `FARGATE` (on demand) or `FARGATE_SPOT` (up to 70% cheaper, may be interrupted with two minutes' notice). */
    capacityProvider: string;
    /**
     * Tasks placed on this provider before any weight applies; one entry at most may set it.
     * @default 0
     */
    base?: number;
    /**
     * Share of the tasks beyond the bases.
     * @default 1
     */
    weight?: number;
}

export interface ClusterArgs {
    /**
     * Cluster name.
     * @default the component's name
     */
    name?: pulumi.Input<string>;
    /**
     * Container Insights level. Satisfies ecs-cluster-container-insights.
     * @default "enabled"
     */
    containerInsights?: ContainerInsights;
    /**
     * Where ECS Exec sessions are logged. Satisfies ecs-exec-audit-logging.
     * @default a group `/ecs/exec/<name>` kept 90 days
     */
    execLogGroup?: ExecLogGroupArgs;
    /**
     * Capacity providers the cluster enables, so services can use a strategy with them.
     * @default ["FARGATE", "FARGATE_SPOT"]
     */
    capacityProviders?: string[];
    /**
     * The strategy for services that set no launch type and no strategy of their own.
     * @default FARGATE only, `[{ capacityProvider: "FARGATE", weight: 1 }]`
     */
    defaultCapacityProviderStrategy?: CapacityProviderStrategyArgs[];
    /**
     * Tags for the cluster and its log group.
     * @default none
     */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /**
     * The organisation's policy config, the JSON of `--policy-pack-config`: the component refuses what that pack
     * blocks, warns where it is advisory, and applies its settings.
     * @default the stack config `ecs-guardrails:policyConfig`, else the pack's defaults
     */
    policyConfig?: PolicyConfig;
}

interface ClusterChildren {
    cluster: aws.ecs.Cluster;
    capacityProviders: aws.ecs.ClusterCapacityProviders;
    execLogGroup?: aws.cloudwatch.LogGroup;
}
const children = new WeakMap<Cluster, ClusterChildren>();

/** An ECS cluster with Container Insights on, ECS Exec sessions logged to CloudWatch, and Fargate and Fargate Spot enabled. */
export class Cluster extends pulumi.ComponentResource {
    /** The cluster's ARN. */
    readonly arn: pulumi.Output<string>;
    /** The cluster's name. */
    readonly name: pulumi.Output<string>;
    /** The log group ECS Exec sessions go to. */
    readonly execLogGroupName: pulumi.Output<string>;

    constructor(name: string, args: ClusterArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super("ecs-guardrails:index:Cluster", name, {}, opts);
        const checks = new Checks(this, "ecs-guardrails:index:Cluster", name, policyConfigOf(`Cluster '${name}'`, args.policyConfig));
        const execLog = execLogGroupOf(this, name, args);
        const cluster = createCluster(this, name, args, execLog.name, checks);
        const capacityProviders = new aws.ecs.ClusterCapacityProviders(name, {
            clusterName: cluster.name,
            capacityProviders: args.capacityProviders ?? ["FARGATE", "FARGATE_SPOT"],
            defaultCapacityProviderStrategies: (args.defaultCapacityProviderStrategy ?? [{ capacityProvider: "FARGATE", weight: 1 }])
                .map((s) => ({ capacityProvider: s.capacityProvider, base: s.base, weight: s.weight ?? 1 })),
        }, { parent: cluster });
        children.set(this, { cluster, capacityProviders, execLogGroup: execLog.group });
        this.arn = cluster.arn;
        this.name = cluster.name;
        this.execLogGroupName = pulumi.output(execLog.name);
        this.registerOutputs({ arn: this.arn, name: this.name, execLogGroupName: this.execLogGroupName });
    }

    /** The aws.ecs.Cluster (TypeScript only). */
    get cluster(): aws.ecs.Cluster { return children.get(this)!.cluster; }
    /** The aws.ecs.ClusterCapacityProviders that enables Fargate and Fargate Spot (TypeScript only). */
    get capacityProviders(): aws.ecs.ClusterCapacityProviders { return children.get(this)!.capacityProviders; }
    /** The ECS Exec log group, when the component created it (TypeScript only). */
    get execLogGroup(): aws.cloudwatch.LogGroup | undefined { return children.get(this)!.execLogGroup; }
}

/** The ECS Exec log group: the one given, or one the component creates. */
function execLogGroupOf(parent: Cluster, name: string, args: ClusterArgs): { name: pulumi.Input<string>; group?: aws.cloudwatch.LogGroup } {
    const execLog = structural(`Cluster '${name}'`, "execLogGroup", args.execLogGroup) ?? {};
    if (execLog.existing !== undefined && execLog.retentionInDays !== undefined) {
        throw new pulumi.RunError(`Cluster '${name}': execLogGroup takes 'existing' or 'retentionInDays', not both.`);
    }
    if (execLog.existing !== undefined) return { name: execLog.existing };
    const group = new aws.cloudwatch.LogGroup(`${name}-exec`, { name: `/ecs/exec/${name}`, retentionInDays: execLog.retentionInDays ?? 90, tags: args.tags }, { parent });
    return { name: group.name, group };
}

function createCluster(parent: Cluster, name: string, args: ClusterArgs, execLogGroupName: pulumi.Input<string>, checks: Checks): aws.ecs.Cluster {
    const props = checks.resource("aws:ecs/cluster:Cluster", {
        name: args.name ?? name,
        settings: [{ name: "containerInsights", value: args.containerInsights ?? ContainerInsights.Enabled }],
        configuration: { executeCommandConfiguration: { logging: "OVERRIDE", logConfiguration: { cloudWatchLogGroupName: execLogGroupName } } },
        tags: args.tags,
    }, "settings");
    return new aws.ecs.Cluster(name, props as aws.ecs.ClusterArgs, { parent });
}
