import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ComplianceError, StackResource, checkStack, sidecarLabel } from "../policy/check";
import { assumeRolePolicy, canonicalJson, enforce, knownView, structural, withOverrides } from "./compliance";

/** A container health check (ECS `healthCheck`), passed through. */
export interface HealthCheckArgs {
    /** The command, e.g. `["CMD", "/app/healthcheck"]` or `["CMD-SHELL", "curl -f http://localhost/ || exit 1"]`. */
    command: string[];
    /** Seconds between checks. Default: 30. */
    interval?: number;
    /** Seconds a check may take. Default: 5. */
    timeout?: number;
    /** Failed checks in a row before the container is unhealthy. Default: 3. */
    retries?: number;
    /** Seconds after start during which failures do not count. Default: 0. */
    startPeriod?: number;
}

export interface ContainerArgs {
    /** Container name. Default: "app" for the application container, "sidecar-<n>" for sidecars. */
    name?: string;
    /** Image reference with a unique tag or a digest; `latest` or no tag fails (ecs-image-tag-pinned). */
    image: pulumi.Input<string>;
    /** Port the container listens on (TCP). Default: none. */
    port?: number;
    /** Overrides the image's ENTRYPOINT. Default: the image's. */
    entryPoint?: pulumi.Input<string>[];
    /** Overrides the image's CMD. Default: the image's. */
    command?: pulumi.Input<string>[];
    /** Plain settings; names or values that look secret fail (ecs-no-secrets-in-environment): use `secrets`. Default: none. */
    environment?: Record<string, pulumi.Input<string>>;
    /** Secrets Manager or SSM parameter ARNs, by variable name; the execution role may read exactly these. Default: none. */
    secrets?: Record<string, pulumi.Input<string>>;
    /** Container health check. Default: none (ecs-health-check advises one). */
    healthCheck?: HealthCheckArgs;
    /** User or UID to run as. Default: the image's user (give one to satisfy ecs-non-root-user). */
    user?: string;
    /** Mount the root filesystem read-only. Default: true. Satisfies ecs-readonly-root-filesystem. */
    readonlyRootFilesystem?: boolean;
    /** Seconds between SIGTERM and SIGKILL. Default: 30. Satisfies ecs-stop-timeout. */
    stopTimeout?: number;
    /** CPU units reserved for this container. Default: none (the task's CPU is shared). */
    cpu?: number;
    /** Hard memory limit in MiB. Default: none (the task's memory applies). */
    memory?: number;
    /** Whether the task stops when this container stops. Default: true for the application container, false for sidecars. */
    essential?: boolean;
    /** Docker labels. Default: none; sidecars get `ecs-guardrails.sidecar=true`. */
    dockerLabels?: Record<string, string>;
    /**
     * Container definition fields the component does not model (ECS names, e.g. `{ "ulimits": [...] }`), laid over
     * what it builds (objects merge, anything else replaces). Checked by the same rules: a value that breaks a
     * mandatory policy fails with the pack's message. Default: none.
     */
    overrides?: Record<string, any>;
}

/** The task role: created for this family alone, or one that exists. */
export interface TaskRoleArgs {
    /** ARN of an existing role, used by this family only; none is created then. Default: none; a role is created. Satisfies ecs-task-role-per-family. */
    existing?: pulumi.Input<string>;
    /** Managed policy ARNs attached to the created role (not with `existing`). Default: none; the role grants nothing. */
    policyArns?: pulumi.Input<string>[];
}

/** The execution role (the ECS agent's: image pulls, logs, secrets): created and scoped, or one that exists. */
export interface ExecutionRoleArgs {
    /** ARN of an existing execution role; none is created then. Default: none; a role scoped to this task's log group, repositories and secrets is created. Satisfies ecs-execution-role-distinct. */
    existing?: pulumi.Input<string>;
}

/** The log group the containers log to: created, or one that exists. */
export interface TaskLogGroupArgs {
    /** Name of an existing log group; none is created then. Default: none; `/ecs/<family>` is created. */
    existing?: string;
    /** Days the created group keeps logs (not with `existing`). Default: 30. */
    retentionInDays?: number;
}

/** The CPU architecture tasks run on. */
export const CpuArchitecture = {
    X86_64: "X86_64",
    /** Graviton: about 20% cheaper for the same work. */
    ARM64: "ARM64",
} as const;
export type CpuArchitecture = (typeof CpuArchitecture)[keyof typeof CpuArchitecture];

export interface TaskDefinitionArgs {
    /** Family name: stable across deployments, never a hash. Default: the component's name. */
    family?: string;
    /** The one application container (ecs-task-single-application). */
    container: ContainerArgs;
    /** Helper containers; non-essential and labelled `ecs-guardrails.sidecar=true` unless they say otherwise. Default: none. */
    sidecars?: ContainerArgs[];
    /** Task CPU units. Default: "256". */
    cpu?: pulumi.Input<string>;
    /** Task memory in MiB. Default: "512". Satisfies ecs-memory-limit. */
    memory?: pulumi.Input<string>;
    /** The task role. Default: a new role for this family with no permissions. Satisfies ecs-task-role, ecs-task-role-per-family. */
    taskRole?: TaskRoleArgs;
    /** The execution role. Default: a new role scoped to this task's log group, repositories and secrets. Satisfies ecs-execution-role-distinct. */
    executionRole?: ExecutionRoleArgs;
    /** ECR repository ARNs the images come from; the execution role may pull from these only. Default: none. */
    repositoryArns?: pulumi.Input<string>[];
    /** The containers' log group. Default: `/ecs/<family>` kept 30 days. Satisfies ecs-log-configuration. */
    logGroup?: TaskLogGroupArgs;
    /** Region for the awslogs driver. Default: the `aws:region` config. */
    region?: string;
    /** CPU architecture. Default: "X86_64". */
    cpuArchitecture?: CpuArchitecture;
    /** Tags for the task definition, its roles and its log group. Default: none. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /**
     * aws.ecs.TaskDefinition arguments the component does not model (e.g. `{ ephemeralStorage: { sizeInGib: 50 } }`),
     * laid over what it builds (objects merge, anything else replaces). Checked by the same rules: a value that breaks
     * a mandatory policy fails with the pack's message. Default: none.
     */
    taskDefinitionOverrides?: Record<string, any>;
}

/** Task definitions of this program given an existing task role: what `ecs-task-role-per-family` compares. */
const givenTaskRoles: StackResource[] = [];

interface TaskDefinitionChildren {
    taskDefinition: aws.ecs.TaskDefinition;
    taskRole?: aws.iam.Role;
    executionRole?: aws.iam.Role;
    logGroup?: aws.cloudwatch.LogGroup;
}
const children = new WeakMap<TaskDefinition, TaskDefinitionChildren>();

/** A Fargate task definition: one application and its sidecars, its own roles and log group, compliant defaults. */
export class TaskDefinition extends pulumi.ComponentResource {
    /** The family: stable across revisions. */
    readonly family: string;
    /** The task definition's ARN (with its revision). */
    readonly arn: pulumi.Output<string>;
    /** The task role's ARN. */
    readonly taskRoleArn: pulumi.Output<string>;
    /** The execution role's ARN. */
    readonly executionRoleArn: pulumi.Output<string>;
    /** The log group the containers log to. */
    readonly logGroupName: string;
    /** The application container's name, for load balancer wiring. */
    readonly containerName: string;
    /** The application container's port, for load balancer wiring. */
    readonly containerPort?: number;

    constructor(name: string, args: TaskDefinitionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("ecs-guardrails:index:TaskDefinition", name, {}, opts);
        const label = `TaskDefinition '${name}'`;
        this.family = args.family ?? name;
        const region = args.region ?? new pulumi.Config("aws").get("region") ?? "us-east-1";

        const log = structural(label, "logGroup", args.logGroup) ?? {};
        if (log.existing !== undefined && log.retentionInDays !== undefined) throw new Error(`${label}: logGroup takes 'existing' or 'retentionInDays', not both.`);
        let logGroup: aws.cloudwatch.LogGroup | undefined;
        if (log.existing !== undefined) {
            this.logGroupName = log.existing;
        } else {
            this.logGroupName = `/ecs/${this.family}`;
            logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, { name: this.logGroupName, retentionInDays: log.retentionInDays ?? 30, tags: args.tags }, { parent: this });
        }

        const app = { name: "app", essential: true, ...structural(label, "container", args.container) };
        const sidecars = (structural(label, "sidecars", args.sidecars) ?? []).map((s, i) => ({
            name: `sidecar-${i + 1}`, essential: false, ...s,
            dockerLabels: { [sidecarLabel]: "true", ...s.dockerLabels },
        }));
        this.containerName = app.name;
        this.containerPort = app.port;
        const containers = [app, ...sidecars].map((c) => containerDefinition(c, this.logGroupName, region));

        const role = structural(label, "taskRole", args.taskRole) ?? {};
        let taskRole: aws.iam.Role | undefined;
        if (role.existing !== undefined) {
            if (role.policyArns !== undefined) throw new Error(`${label}: taskRole takes 'existing' or 'policyArns', not both.`);
            this.taskRoleArn = pulumi.output(role.existing).apply((arn) => {
                givenTaskRoles.push({ type: taskDefinitionType, name, props: { family: this.family, taskRoleArn: arn } });
                const shared = checkStack("ecs-task-role-per-family", givenTaskRoles).filter((v) => v.resource === name && v.level === "mandatory");
                if (shared.length > 0) throw new ComplianceError(name, shared);
                return arn;
            });
        } else {
            taskRole = new aws.iam.Role(`${name}-task`, { assumeRolePolicy: assumeRolePolicy("ecs-tasks.amazonaws.com"), tags: args.tags }, { parent: this });
            (role.policyArns ?? []).forEach((arn, i) => new aws.iam.RolePolicyAttachment(`${name}-task-${i}`, { role: taskRole!.name, policyArn: arn }, { parent: taskRole }));
            this.taskRoleArn = taskRole.arn;
        }

        const execution = structural(label, "executionRole", args.executionRole) ?? {};
        let executionRole: aws.iam.Role | undefined;
        if (execution.existing !== undefined) {
            this.executionRoleArn = pulumi.output(execution.existing);
        } else {
            executionRole = new aws.iam.Role(`${name}-execution`, { assumeRolePolicy: assumeRolePolicy("ecs-tasks.amazonaws.com"), tags: args.tags }, { parent: this });
            const secretArns = [app, ...sidecars].flatMap((c) => Object.values(c.secrets ?? {}));
            new aws.iam.RolePolicy(`${name}-execution`, {
                role: executionRole.name,
                policy: pulumi.all([pulumi.all(args.repositoryArns ?? []), pulumi.all(secretArns)]).apply(([repos, secrets]) => executionPolicy(this.logGroupName, region, repos, secrets)),
            }, { parent: executionRole });
            this.executionRoleArn = executionRole.arn;
        }

        const taskProps = withOverrides({
            family: this.family,
            networkMode: "awsvpc", // ecs-awsvpc-network-mode
            requiresCompatibilities: ["FARGATE"],
            cpu: args.cpu ?? "256",
            memory: args.memory ?? "512", // ecs-memory-limit
            runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: args.cpuArchitecture ?? CpuArchitecture.X86_64 },
            taskRoleArn: this.taskRoleArn, // ecs-task-role
            executionRoleArn: this.executionRoleArn,
            containerDefinitions: pulumi.output(containers).apply(canonicalJson) as pulumi.Input<string>,
            tags: args.tags,
        }, structural(label, "taskDefinitionOverrides", args.taskDefinitionOverrides));
        const knownNow = { ...(knownView(taskProps) as Record<string, unknown>), containerDefinitions: canonicalJson(knownView(containers)) };
        const props = enforce(this, name, taskDefinitionType, taskProps, "containerDefinitions", knownNow);
        const taskDefinition = new aws.ecs.TaskDefinition(name, props as aws.ecs.TaskDefinitionArgs, { parent: this });
        children.set(this, { taskDefinition, taskRole, executionRole, logGroup });
        this.arn = taskDefinition.arn;
        this.registerOutputs({ arn: this.arn, family: this.family, taskRoleArn: this.taskRoleArn, executionRoleArn: this.executionRoleArn });
    }

    /** The aws.ecs.TaskDefinition (TypeScript only). */
    get taskDefinition(): aws.ecs.TaskDefinition { return children.get(this)!.taskDefinition; }
    /** The task role, when the component created it (TypeScript only). */
    get taskRole(): aws.iam.Role | undefined { return children.get(this)!.taskRole; }
    /** The execution role, when the component created it (TypeScript only). */
    get executionRole(): aws.iam.Role | undefined { return children.get(this)!.executionRole; }
    /** The log group, when the component created it (TypeScript only). */
    get logGroup(): aws.cloudwatch.LogGroup | undefined { return children.get(this)!.logGroup; }
}

const taskDefinitionType = "aws:ecs/taskDefinition:TaskDefinition";

type NamedContainer = ContainerArgs & { name: string; essential: boolean };

function containerDefinition(c: NamedContainer, logGroup: string, region: string): pulumi.Input<Record<string, unknown>> {
    return withOverrides({
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
    }, c.overrides);
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
