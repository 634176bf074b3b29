import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { enforce } from "./compliance";
import { TaskDefinition } from "./taskDefinition";

export interface IngressArgs {
    /** TCP port to open. */
    port: number;
    /** Security groups allowed in (e.g. the load balancer's). */
    fromSecurityGroupIds?: pulumi.Input<string>[];
    /** CIDR blocks allowed in. */
    fromCidrBlocks?: string[];
}

export interface FargateServiceArgs {
    /** Cluster ARN. */
    cluster: pulumi.Input<string>;
    taskDefinition: TaskDefinition;
    vpcId: pulumi.Input<string>;
    /** Private subnets for the tasks; they get no public IP — satisfies ecs-no-public-ip */
    subnets: pulumi.Input<string>[];
    /** @default 1 */
    desiredCount?: number;
    /** Who may connect, per port. @default nobody: the service's security group has no ingress — satisfies ecs-service-security-group, ecs-security-group-per-service */
    ingress?: IngressArgs[];
    /** Shared groups to add beside the service's own (e.g. VPC endpoints). @default [] */
    extraSecurityGroupIds?: pulumi.Input<string>[];
    /** Register tasks with a load balancer target group. @default none */
    loadBalancer?: { targetGroupArn: pulumi.Input<string>; containerName?: string; containerPort?: number };
    /** Allow ECS Exec into tasks (sessions are logged by the Cluster component). @default false */
    enableExecuteCommand?: boolean;
    /** Wait until the service is stable before the update completes. @default true */
    waitForSteadyState?: boolean;
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** A Fargate service with its own security group, private networking, managed tags, tag propagation and rollback. */
export class FargateService extends pulumi.ComponentResource {
    readonly service: aws.ecs.Service;
    readonly securityGroup: aws.ec2.SecurityGroup;
    readonly securityGroupId: pulumi.Output<string>;
    readonly name: pulumi.Output<string>;

    constructor(name: string, args: FargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("ecs-guardrails:index:FargateService", name, {}, opts);
        this.securityGroup = new aws.ec2.SecurityGroup(`${name}-sg`, {
            vpcId: args.vpcId,
            description: `ECS service ${name}: its own group`,
            egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], description: "tasks reach AWS APIs and dependencies" }],
            tags: args.tags,
        }, { parent: this });
        (args.ingress ?? []).forEach((rule, i) => {
            (rule.fromSecurityGroupIds ?? []).forEach((source, j) => new aws.vpc.SecurityGroupIngressRule(`${name}-in-${i}-sg-${j}`, {
                securityGroupId: this.securityGroup.id, ipProtocol: "tcp", fromPort: rule.port, toPort: rule.port, referencedSecurityGroupId: source,
            }, { parent: this.securityGroup }));
            (rule.fromCidrBlocks ?? []).forEach((cidr, j) => new aws.vpc.SecurityGroupIngressRule(`${name}-in-${i}-cidr-${j}`, {
                securityGroupId: this.securityGroup.id, ipProtocol: "tcp", fromPort: rule.port, toPort: rule.port, cidrIpv4: cidr,
            }, { parent: this.securityGroup }));
        });
        const td = args.taskDefinition;
        const lb = args.loadBalancer;
        const props = enforce(this, name, "aws:ecs/service:Service", {
            cluster: args.cluster,
            taskDefinition: td.arn,
            launchType: "FARGATE",
            desiredCount: args.desiredCount ?? 1,
            networkConfiguration: {
                subnets: args.subnets,
                securityGroups: [this.securityGroup.id, ...(args.extraSecurityGroupIds ?? [])],
                assignPublicIp: false, // ecs-no-public-ip
            },
            enableEcsManagedTags: true, // ecs-managed-tags
            propagateTags: "SERVICE", // ecs-propagate-tags
            deploymentCircuitBreaker: { enable: true, rollback: true }, // ecs-deployment-circuit-breaker
            enableExecuteCommand: args.enableExecuteCommand ?? false,
            waitForSteadyState: args.waitForSteadyState ?? true,
            loadBalancers: lb ? [{ targetGroupArn: lb.targetGroupArn, containerName: lb.containerName ?? td.containerName, containerPort: lb.containerPort ?? td.containerPort ?? 80 }] : undefined,
            tags: args.tags,
        }, "networkConfiguration");
        this.service = new aws.ecs.Service(name, props as aws.ecs.ServiceArgs, { parent: this });
        this.securityGroupId = this.securityGroup.id;
        this.name = this.service.name;
        this.registerOutputs({ name: this.name, securityGroupId: this.securityGroupId });
    }
}
