import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ComplianceError } from "../policy/check";
import { assumeRolePolicy, canonicalJson, enforce, knownView } from "./compliance";

export interface ContainerArgs {
    /** Container name. @default "app" for the application container */
    name?: string;
    /** Image reference with a unique tag or a digest; `latest` or no tag fails — ecs-image-tag-pinned */
    image: pulumi.Input<string>;
    /** Port the container listens on (TCP). @default none */
    port?: number;
    entryPoint?: pulumi.Input<string>[];
    command?: pulumi.Input<string>[];
    /** Plain settings; names or values that look secret fail — ecs-no-secrets-in-environment. Use `secrets`. */
    environment?: Record<string, pulumi.Input<string>>;
    /** Secrets Manager or SSM parameter ARNs, by variable name; the execution role may read exactly these. */
    secrets?: Record<string, pulumi.Input<string>>;
    /** Container health check (ECS `healthCheck`), passed through. @default none (ecs-health-check advises one) */
    healthCheck?: { command: string[]; interval?: number; timeout?: number; retries?: number; startPeriod?: number };
    /** User or UID to run as. @default the image's user — give one to satisfy ecs-non-root-user */
    user?: string;
    /** @default true — satisfies ecs-readonly-root-filesystem */
    readonlyRootFilesystem?: boolean;
    /** Seconds between SIGTERM and SIGKILL. @default 30 — satisfies ecs-stop-timeout */
    stopTimeout?: number;
    cpu?: number;
    /** Hard memory limit in MiB. @default none (the task's memory applies) */
    memory?: number;
    /** @default true for the application container, false for sidecars */
    essential?: boolean;
    dockerLabels?: Record<string, string>;
}

export interface TaskDefinitionArgs {
    /** Family name: stable across deployments, never a hash. @default the component's name */
    family?: string;
    /** The one application container — ecs-task-single-application */
    container: ContainerArgs;
    /** Helper containers; non-essential and labelled `ecs-guardrails.sidecar=true` unless they say otherwise. @default [] */
    sidecars?: ContainerArgs[];
    /** Task CPU units. @default "256" */
    cpu?: pulumi.Input<string>;
    /** Task memory in MiB. @default "512" — satisfies ecs-memory-limit */
    memory?: pulumi.Input<string>;
    /** The task role: created for this family alone (`{ policyArns? }`) or `{ existing: arn }`. @default a new role with no permissions — satisfies ecs-task-role, ecs-task-role-per-family */
    taskRole?: { policyArns?: pulumi.Input<string>[] } | { existing: pulumi.Input<string> };
    /** The execution role: created and scoped to this task's log group, repositories and secrets, or `{ existing: arn }`. @default created — satisfies ecs-execution-role-distinct */
    executionRole?: { existing: pulumi.Input<string> };
    /** ECR repository ARNs the images come from; the execution role may pull from these only. @default [] */
    repositoryArns?: pulumi.Input<string>[];
    /** Log group: created (`{ retentionInDays }`), `{ existing: name }`. @default `/ecs/<family>` kept 30 days — satisfies ecs-log-configuration */
    logGroup?: { retentionInDays?: number } | { existing: string };
    /** Region for the awslogs driver. @default the `aws:region` config */
    region?: string;
    /** CPU architecture. @default "X86_64" */
    cpuArchitecture?: "X86_64" | "ARM64";
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Task roles already given to a family by a component in this program: one role per family. */
const familyOfTaskRole = new Map<string, string>();

/** A Fargate task definition: one application and its sidecars, its own roles and log group, compliant defaults. */
export class TaskDefinition extends pulumi.ComponentResource {
    readonly taskDefinition: aws.ecs.TaskDefinition;
    readonly taskRole?: aws.iam.Role;
    readonly executionRole?: aws.iam.Role;
    readonly logGroup?: aws.cloudwatch.LogGroup;
    readonly family: string;
    readonly arn: pulumi.Output<string>;
    readonly taskRoleArn: pulumi.Output<string>;
    readonly executionRoleArn: pulumi.Output<string>;
    readonly logGroupName: string;
    /** The application container's name and port, for load balancer wiring. */
    readonly containerName: string;
    readonly containerPort?: number;

    constructor(name: string, args: TaskDefinitionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("ecs-guardrails:index:TaskDefinition", name, {}, opts);
        this.family = args.family ?? name;
        const region = args.region ?? new pulumi.Config("aws").get("region") ?? "us-east-1";

        const log = args.logGroup ?? {};
        if ("existing" in log) {
            this.logGroupName = log.existing;
        } else {
            this.logGroupName = `/ecs/${this.family}`;
            this.logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, { name: this.logGroupName, retentionInDays: log.retentionInDays ?? 30, tags: args.tags }, { parent: this });
        }

        const app = { name: "app", essential: true, ...args.container };
        const sidecars = (args.sidecars ?? []).map((s, i) => ({
            name: `sidecar-${i + 1}`, essential: false, ...s,
            dockerLabels: { "ecs-guardrails.sidecar": "true", ...s.dockerLabels },
        }));
        this.containerName = app.name;
        this.containerPort = app.port;
        const containers = [app, ...sidecars].map((c) => containerDefinition(c, this.logGroupName, region));

        const role = args.taskRole ?? {};
        if ("existing" in role) {
            this.taskRoleArn = pulumi.output(role.existing).apply((arn) => {
                const other = familyOfTaskRole.get(arn);
                if (other !== undefined && other !== this.family) {
                    throw new ComplianceError(name, [{
                        policy: "ecs-task-role-per-family", level: "mandatory",
                        message: `Task role '${arn}' of family '${this.family}' is also the task role of family '${other}'. Give each family its own task role.`,
                    }]);
                }
                familyOfTaskRole.set(arn, this.family);
                return arn;
            });
        } else {
            this.taskRole = new aws.iam.Role(`${name}-task`, { assumeRolePolicy: assumeRolePolicy("ecs-tasks.amazonaws.com"), tags: args.tags }, { parent: this });
            (role.policyArns ?? []).forEach((arn, i) => new aws.iam.RolePolicyAttachment(`${name}-task-${i}`, { role: this.taskRole!.name, policyArn: arn }, { parent: this.taskRole }));
            this.taskRoleArn = this.taskRole.arn;
        }

        if (args.executionRole && "existing" in args.executionRole) {
            this.executionRoleArn = pulumi.output(args.executionRole.existing);
        } else {
            this.executionRole = new aws.iam.Role(`${name}-execution`, { assumeRolePolicy: assumeRolePolicy("ecs-tasks.amazonaws.com"), tags: args.tags }, { parent: this });
            const secretArns = [app, ...sidecars].flatMap((c) => Object.values(c.secrets ?? {}));
            new aws.iam.RolePolicy(`${name}-execution`, {
                role: this.executionRole.name,
                policy: pulumi.all([pulumi.all(args.repositoryArns ?? []), pulumi.all(secretArns)]).apply(([repos, secrets]) => executionPolicy(this.logGroupName, region, repos, secrets)),
            }, { parent: this.executionRole });
            this.executionRoleArn = this.executionRole.arn;
        }

        const taskProps = {
            family: this.family,
            networkMode: "awsvpc", // ecs-awsvpc-network-mode
            requiresCompatibilities: ["FARGATE"],
            cpu: args.cpu ?? "256",
            memory: args.memory ?? "512", // ecs-memory-limit
            runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: args.cpuArchitecture ?? "X86_64" },
            taskRoleArn: this.taskRoleArn, // ecs-task-role
            executionRoleArn: this.executionRoleArn,
            containerDefinitions: pulumi.output(containers).apply(canonicalJson),
            tags: args.tags,
        };
        const knownNow = { ...(knownView(taskProps) as Record<string, unknown>), containerDefinitions: canonicalJson(knownView(containers)) };
        const props = enforce(this, name, "aws:ecs/taskDefinition:TaskDefinition", taskProps, "containerDefinitions", knownNow);
        this.taskDefinition = new aws.ecs.TaskDefinition(name, props as aws.ecs.TaskDefinitionArgs, { parent: this });
        this.arn = this.taskDefinition.arn;
        this.registerOutputs({ arn: this.arn, family: this.family, taskRoleArn: this.taskRoleArn, executionRoleArn: this.executionRoleArn });
    }
}

type NamedContainer = ContainerArgs & { name: string; essential: boolean };

function containerDefinition(c: NamedContainer, logGroup: string, region: string): pulumi.Input<Record<string, unknown>> {
    return {
        name: c.name,
        image: c.image,
        essential: c.essential,
        entryPoint: c.entryPoint,
        command: c.command,
        cpu: c.cpu,
        memory: c.memory,
        user: c.user,
        portMappings: c.port === undefined ? undefined : [{ containerPort: c.port, protocol: "tcp" }],
        environment: c.environment && Object.keys(c.environment).sort().map((k) => ({ name: k, value: c.environment![k] })),
        secrets: c.secrets && Object.keys(c.secrets).sort().map((k) => ({ name: k, valueFrom: c.secrets![k] })),
        healthCheck: c.healthCheck,
        dockerLabels: c.dockerLabels,
        readonlyRootFilesystem: c.readonlyRootFilesystem ?? true, // ecs-readonly-root-filesystem
        stopTimeout: c.stopTimeout ?? 30, // ecs-stop-timeout
        linuxParameters: { initProcessEnabled: true }, // ecs-init-process
        logConfiguration: { // ecs-log-configuration
            logDriver: "awslogs",
            options: { "awslogs-group": logGroup, "awslogs-region": region, "awslogs-stream-prefix": c.name },
        },
    };
}

/** What the agent needs and nothing more: write this family's logs, pull from the given repositories, read the given secrets. */
function executionPolicy(logGroup: string, region: string, repositoryArns: string[], secretArns: string[]): string {
    const statements: Record<string, unknown>[] = [
        { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `arn:aws:logs:${region}:*:log-group:${logGroup}:*` },
        { Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
    ];
    if (repositoryArns.length > 0) {
        statements.push({ Effect: "Allow", Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource: [...repositoryArns].sort() });
    }
    const secrets = [...new Set(secretArns)].sort();
    const manager = secrets.filter((a) => a.includes(":secretsmanager:"));
    const ssm = secrets.filter((a) => a.includes(":ssm:"));
    if (manager.length > 0) statements.push({ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: manager });
    if (ssm.length > 0) statements.push({ Effect: "Allow", Action: "ssm:GetParameters", Resource: ssm });
    return canonicalJson({ Version: "2012-10-17", Statement: statements });
}
