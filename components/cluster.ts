import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { enforce } from "./compliance";

export interface ClusterArgs {
    /** Cluster name. @default the component's name */
    name?: pulumi.Input<string>;
    /** Container Insights level. @default "enabled" — satisfies ecs-cluster-container-insights */
    containerInsights?: "enabled" | "enhanced";
    /** ECS Exec session log group: created (`{ retentionInDays }`) or `{ existing: name }`. @default a group `/ecs/exec/<name>` kept 90 days — satisfies ecs-exec-audit-logging */
    execLogGroup?: { retentionInDays?: number } | { existing: pulumi.Input<string> };
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** An ECS cluster with Container Insights on and ECS Exec sessions logged to CloudWatch. */
export class Cluster extends pulumi.ComponentResource {
    readonly cluster: aws.ecs.Cluster;
    readonly execLogGroup?: aws.cloudwatch.LogGroup;
    readonly arn: pulumi.Output<string>;
    readonly name: pulumi.Output<string>;

    constructor(name: string, args: ClusterArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super("ecs-guardrails:index:Cluster", name, {}, opts);
        const execLog = args.execLogGroup ?? {};
        let execLogGroupName: pulumi.Input<string>;
        if ("existing" in execLog) {
            execLogGroupName = execLog.existing;
        } else {
            this.execLogGroup = new aws.cloudwatch.LogGroup(`${name}-exec`, { name: `/ecs/exec/${name}`, retentionInDays: execLog.retentionInDays ?? 90, tags: args.tags }, { parent: this });
            execLogGroupName = this.execLogGroup.name;
        }
        const props = enforce(this, name, "aws:ecs/cluster:Cluster", {
            name: args.name ?? name,
            settings: [{ name: "containerInsights", value: args.containerInsights ?? "enabled" }],
            configuration: { executeCommandConfiguration: { logging: "OVERRIDE", logConfiguration: { cloudWatchLogGroupName: execLogGroupName } } },
            tags: args.tags,
        }, "settings");
        this.cluster = new aws.ecs.Cluster(name, props as aws.ecs.ClusterArgs, { parent: this });
        this.arn = this.cluster.arn;
        this.name = this.cluster.name;
        this.registerOutputs({ arn: this.arn, name: this.name });
    }
}
