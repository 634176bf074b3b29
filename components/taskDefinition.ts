import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { sidecarLabel } from "../policy/check";
import { Checks, PolicyConfig, assumeRolePolicy, canonicalJson, knownView, policyConfigOf, structural, withOverrides } from "./compliance";

/** A container health check (ECS `healthCheck`), passed through. */
export interface HealthCheckArgs {
    /** The command, e.g. `["CMD", "/app/healthcheck"]` or `["CMD-SHELL", "curl -f http://localhost/ || exit 1"]`. */
    command: string[];
    /**
     * Seconds between checks.
     * @default 30
     */
    interval?: number;
    /**
     * Seconds a check may take.
     * @default 5
     */
    timeout?: number;
    /**
     * Failed checks in a row before the container is unhealthy.
     * @default 3
     */
    retries?: number;
    /**
     * Seconds after start during which failures do not count.
     * @default 0
     */
    startPeriod?: number;
}

export interface ContainerArgs {
    /**
     * Container name.
     * @default "app" for the application container, "sidecar-<n>" for sidecars
     */
    name?: string;
    /** Image reference with a unique tag or a digest; `latest` or no tag fails (ecs-image-tag-pinned). */
    image: pulumi.Input<string>;
    /**
     * Port the container listens on (TCP).
     * @default none
     */
    port?: number;
    /**
     * Overrides the image's ENTRYPOINT.
     * @default the image's
     */
    entryPoint?: pulumi.Input<string>[];
    /**
     * Overrides the image's CMD.
     * @default the image's
     */
    command?: pulumi.Input<string>[];
    /**
     * Plain settings; names or values that look secret fail (ecs-no-secrets-in-environment): use `secrets`.
     * @default none
     */
    environment?: Record<string, pulumi.Input<string>>;
    /**
     * Secrets Manager or SSM parameter ARNs, by variable name; the execution role may read exactly these.
     * @default none
     */
    secrets?: Record<string, pulumi.Input<string>>;
    /**
     * Container health check.
     * @default none (ecs-health-check advises one)
     */
    healthCheck?: HealthCheckArgs;
    /**
     * User or UID to run as.
     * @default the image's user (give one to satisfy ecs-non-root-user)
     */
    user?: string;
    /**
     * Mount the root filesystem read-only. Satisfies ecs-readonly-root-filesystem.
     * @default true
     */
    readonlyRootFilesystem?: boolean;
    /**
     * Seconds between SIGTERM and SIGKILL. Satisfies ecs-stop-timeout.
     * @default 30
     */
    stopTimeout?: number;
    /**
     * CPU units reserved for this container.
     * @default none (the task's CPU is shared)
     */
    cpu?: number;
    /**
     * Hard memory limit in MiB.
     * @default none (the task's memory applies)
     */
    memory?: number;
    /**
     * Whether the task stops when this container stops.
     * @default true for the application container, false for sidecars
     */
    essential?: boolean;
    /**
     * Docker labels.
     * @default none; sidecars get `ecs-guardrails.sidecar=true`
     */
    dockerLabels?: Record<string, string>;
    /**
     * Container definition fields the component does not model (ECS names, e.g. `{ "ulimits": [...] }`), laid over
     * what it builds (objects merge, anything else replaces). Checked by the same rules: a value that breaks a
     * mandatory policy fails with the pack's message.
     * @default none
     */
    overrides?: Record<string, any>;
}

/** The task role: created for this family alone, or one that exists. */
export interface TaskRoleArgs {
    /**
     * ARN of an existing role, used by this family only; none is created then. Satisfies ecs-task-role-per-family.
     * @default none; a role is created
     */
    existing?: pulumi.Input<string>;
    /**
     * Managed policy ARNs attached to the created role (not with `existing`).
     * @default none; the role grants nothing
     */
    policyArns?: pulumi.Input<string>[];
}

/** The execution role (the ECS agent's: image pulls, logs, secrets): created and scoped, or one that exists. */
export interface ExecutionRoleArgs {
    /**
     * ARN of an existing execution role; none is created then. Satisfies ecs-execution-role-distinct.
     * @default none; a role scoped to this task's log group, repositories and secrets is created
     */
    existing?: pulumi.Input<string>;
}

/** The log group the containers log to: created, or one that exists. */
export interface TaskLogGroupArgs {
    /**
     * Name of an existing log group; none is created then.
     * @default none; `/ecs/<family>` is created
     */
    existing?: string;
    /**
     * Days the created group keeps logs (not with `existing`).
     * @default 30
     */
    retentionInDays?: number;
}

/** The CPU architecture tasks run on. */
export enum CpuArchitecture {
    X86_64 = "X86_64",
    /** Graviton: about 20% cheaper for the same work. */
    ARM64 = "ARM64",
}

export interface TaskDefinitionArgs {
    /**
     * Family name: stable across deployments, never a hash.
     * @default the component's name
     */
    family?: string;
    /** The one application container (ecs-task-single-application). */
    container: ContainerArgs;
    /**
     * Helper containers; non-essential and labelled `ecs-guardrails.sidecar=true` unless they say otherwise.
     * @default none
     */
    sidecars?: ContainerArgs[];
    /**
     * Task CPU units.
     * @default "256"
     */
    cpu?: pulumi.Input<string>;
    /**
     * Task memory in MiB. Satisfies ecs-memory-limit.
     * @default "512"
     */
    memory?: pulumi.Input<string>;
    /**
     * The task role. Satisfies ecs-task-role, ecs-task-role-per-family.
     * @default a new role for this family with no permissions
     */
    taskRole?: TaskRoleArgs;
    /**
     * The execution role. Satisfies ecs-execution-role-distinct.
     * @default a new role scoped to this task's log group, repositories and secrets
     */
    executionRole?: ExecutionRoleArgs;
    /**
     * ECR repository ARNs the images come from; the execution role may pull from these only.
     * @default none
     */
    repositoryArns?: pulumi.Input<string>[];
    /**
     * The containers' log group. Satisfies ecs-log-configuration.
     * @default `/ecs/<family>` kept 30 days
     */
    logGroup?: TaskLogGroupArgs;
    /**
     * Region for the awslogs driver and the execution role's log permissions.
     * @default the region of the component's AWS provider (`aws:region`, or the provider given in the options)
     */
    region?: string;
    /**
     * CPU architecture.
     * @default "X86_64"
     */
    cpuArchitecture?: CpuArchitecture;
    /**
     * Tags for the task definition, its roles and its log group.
     * @default none
     */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /**
     * aws.ecs.TaskDefinition arguments the component does not model (e.g. `{ ephemeralStorage: { sizeInGib: 50 } }`),
     * laid over what it builds (objects merge, anything else replaces). Checked by the same rules: a value that breaks
     * a mandatory policy fails with the pack's message; a whole `containerDefinitions` (JSON text) replaces the
     * containers and is checked as well.
     * @default none
     */
    taskDefinitionOverrides?: Record<string, any>;
    /**
     * The organisation's policy config, the JSON of `--policy-pack-config`: the component refuses what that pack
     * blocks, warns where it is advisory, and applies its settings.
     * @default the stack config `ecs-guardrails:policyConfig`, else the pack's defaults
     */
    policyConfig?: PolicyConfig;
}

interface TaskDefinitionChildren {
    taskDefinition: aws.ecs.TaskDefinition;
    taskRole?: aws.iam.Role;
    executionRole?: aws.iam.Role;
    logGroup?: aws.cloudwatch.LogGroup;
}
const children = new WeakMap<TaskDefinition, TaskDefinitionChildren>();

const taskDefinitionType = "aws:ecs/taskDefinition:TaskDefinition";

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
        const checks = new Checks(this, "ecs-guardrails:index:TaskDefinition", name, policyConfigOf(label, args.policyConfig));
        this.family = args.family ?? name;
        const region = args.region ?? regionOfProvider(this, label);
        const logs = logGroupOf(this, name, label, this.family, args);
        this.logGroupName = logs.name;
        const containers = containersOf(label, args);
        this.containerName = containers[0].name;
        this.containerPort = containers[0].port;
        const taskRole = taskRoleOf(this, name, label, args);
        const executionRole = executionRoleOf(this, name, label, args, { logGroup: logs.name, region, containers });
        const taskDefinition = createTaskDefinition(this, name, label, args, checks, {
            family: this.family, taskRoleArn: taskRole.arn, executionRoleArn: executionRole.arn,
            containers: containers.map((c) => containerDefinition(c, logs.name, region)),
        });
        children.set(this, { taskDefinition, taskRole: taskRole.role, executionRole: executionRole.role, logGroup: logs.group });
        this.taskRoleArn = pulumi.output(taskRole.arn);
        this.executionRoleArn = pulumi.output(executionRole.arn);
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

/** The region the component's AWS provider works in, as the provider itself says (no default of our own). */
function regionOfProvider(parent: TaskDefinition, label: string): pulumi.Output<string> {
    return aws.getRegionOutput({}, { parent }).apply((r) => {
        const region = (r as { region?: string }).region ?? r.name;
        if (!region) throw new pulumi.RunError(`${label}: the AWS provider names no region: set aws:region (or the provider's region), or give 'region'.`);
        return region;
    });
}

function logGroupOf(parent: TaskDefinition, name: string, label: string, family: string, args: TaskDefinitionArgs): { name: string; group?: aws.cloudwatch.LogGroup } {
    const log = structural(label, "logGroup", args.logGroup) ?? {};
    if (log.existing !== undefined && log.retentionInDays !== undefined) throw new pulumi.RunError(`${label}: logGroup takes 'existing' or 'retentionInDays', not both.`);
    if (log.existing !== undefined) return { name: log.existing };
    const group = new aws.cloudwatch.LogGroup(`${name}-logs`, { name: `/ecs/${family}`, retentionInDays: log.retentionInDays ?? 30, tags: args.tags }, { parent });
    return { name: `/ecs/${family}`, group };
}

type NamedContainer = ContainerArgs & { name: string; essential: boolean };

/** The application container first, then the sidecars, named and labelled. */
function containersOf(label: string, args: TaskDefinitionArgs): NamedContainer[] {
    const app = { name: "app", essential: true, ...structural(label, "container", args.container) };
    const sidecars = (structural(label, "sidecars", args.sidecars) ?? []).map((s, i) => ({
        name: `sidecar-${i + 1}`, essential: false, ...s,
        dockerLabels: { [sidecarLabel]: "true", ...s.dockerLabels },
    }));
    return [app, ...sidecars];
}

function taskRoleOf(parent: TaskDefinition, name: string, label: string, args: TaskDefinitionArgs): { arn: pulumi.Input<string>; role?: aws.iam.Role } {
    const given = structural(label, "taskRole", args.taskRole) ?? {};
    if (given.existing !== undefined) {
        if (given.policyArns !== undefined) throw new pulumi.RunError(`${label}: taskRole takes 'existing' or 'policyArns', not both.`);
        return { arn: given.existing };
    }
    const role = new aws.iam.Role(`${name}-task`, { assumeRolePolicy: assumeRolePolicy("ecs-tasks.amazonaws.com"), tags: args.tags }, { parent });
    (given.policyArns ?? []).forEach((arn, i) => new aws.iam.RolePolicyAttachment(`${name}-task-${i}`, { role: role.name, policyArn: arn }, { parent: role }));
    return { arn: role.arn, role };
}

function executionRoleOf(
    parent: TaskDefinition, name: string, label: string, args: TaskDefinitionArgs,
    scope: { logGroup: string; region: pulumi.Input<string>; containers: NamedContainer[] },
): { arn: pulumi.Input<string>; role?: aws.iam.Role } {
    const given = structural(label, "executionRole", args.executionRole) ?? {};
    if (given.existing !== undefined) return { arn: given.existing };
    const role = new aws.iam.Role(`${name}-execution`, { assumeRolePolicy: assumeRolePolicy("ecs-tasks.amazonaws.com"), tags: args.tags }, { parent });
    const secretArns = scope.containers.flatMap((c) => Object.values(c.secrets ?? {}));
    new aws.iam.RolePolicy(`${name}-execution`, {
        role: role.name,
        policy: pulumi.all([scope.region, pulumi.all(args.repositoryArns ?? []), pulumi.all(secretArns)])
            .apply(([region, repos, secrets]) => executionPolicy(scope.logGroup, region, repos, secrets)),
    }, { parent: role });
    return { arn: role.arn, role };
}

/**
 * The aws.ecs.TaskDefinition, checked with the resource rules (the overrides included, a whole
 * `containerDefinitions` too) and with the stack rules on its family and roles.
 */
function createTaskDefinition(
    parent: TaskDefinition, name: string, label: string, args: TaskDefinitionArgs, checks: Checks,
    built: { family: string; taskRoleArn: pulumi.Input<string>; executionRoleArn: pulumi.Input<string>; containers: pulumi.Input<Record<string, unknown>>[] },
): aws.ecs.TaskDefinition {
    const overrides = structural(label, "taskDefinitionOverrides", args.taskDefinitionOverrides);
    const taskProps = withOverrides({
        family: built.family,
        networkMode: "awsvpc", // ecs-awsvpc-network-mode
        requiresCompatibilities: ["FARGATE"],
        cpu: args.cpu ?? "256",
        memory: args.memory ?? "512", // ecs-memory-limit
        runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: args.cpuArchitecture ?? CpuArchitecture.X86_64 },
        taskRoleArn: built.taskRoleArn, // ecs-task-role
        executionRoleArn: built.executionRoleArn,
        containerDefinitions: pulumi.output(built.containers).apply(canonicalJson) as pulumi.Input<string>,
        tags: args.tags,
    }, overrides);
    // The JSON the containers make, as far as it is known now (the Output above is unknown until it resolves).
    const containerDefinitions = overrides?.containerDefinitions !== undefined ? knownView(overrides.containerDefinitions) : canonicalJson(knownView(built.containers));
    const knownNow = { ...(knownView(taskProps) as Record<string, unknown>), containerDefinitions };
    const props = checks.resource(taskDefinitionType, taskProps, "containerDefinitions", knownNow);
    const facts = { family: props.family, taskRoleArn: props.taskRoleArn, executionRoleArn: props.executionRoleArn };
    const taskRoleArn = checks.stack(taskDefinitionType, facts, props.taskRoleArn);
    return new aws.ecs.TaskDefinition(name, { ...props, taskRoleArn } as aws.ecs.TaskDefinitionArgs, { parent });
}

function containerDefinition(c: NamedContainer, logGroup: string, region: pulumi.Input<string>): pulumi.Input<Record<string, unknown>> {
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
