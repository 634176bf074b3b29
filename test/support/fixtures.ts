// Compliant resources as the engine hands them to the pack, to be broken one property at a time.
import { ProviderInputs, applyEdits, buildModel, buildModels } from "../../policy/model";
import { evaluateResource, evaluateStack, remediationOf, stackView } from "../../policy/pack/evaluate";
import { ruleNamed } from "../../policy/rules";
import type { ResourceRule, StackRule } from "../../policy/rules/rule";

export const types = {
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    daemonTaskDefinition: "aws:ecs/daemonTaskDefinition:DaemonTaskDefinition",
    daemon: "aws:ecs/daemon:Daemon",
    service: "aws:ecs/service:Service",
    taskSet: "aws:ecs/taskSet:TaskSet",
    expressService: "aws:ecs/expressGatewayService:ExpressGatewayService",
    cluster: "aws:ecs/cluster:Cluster",
    capacityProvider: "aws:ecs/capacityProvider:CapacityProvider",
    repository: "aws:ecr/repository:Repository",
    registryScanning: "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration",
    creationTemplate: "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate",
    repositoryPolicy: "aws:ecr/repositoryPolicy:RepositoryPolicy",
    lifecyclePolicy: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    role: "aws:iam/role:Role",
    awsProvider: "pulumi:providers:aws",
    awsNativeProvider: "pulumi:providers:aws-native",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
} as const;

export const unknownString = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const appImage = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:3f9c2ab";

type Props = Record<string, unknown>;

export function container(overrides: Props = {}): Props {
    return {
        name: "api",
        image: appImage,
        essential: true,
        linuxParameters: { initProcessEnabled: true },
        stopTimeout: 30,
        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/api", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "api" } },
        readonlyRootFilesystem: true,
        user: "1000",
        healthCheck: { command: ["CMD", "/bin/health"], interval: 10 },
        memory: 512,
        ...overrides,
    };
}

export function taskDefinition(containers: unknown[] = [container()], overrides: Props = {}): Props {
    return {
        family: "api",
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        cpu: "256",
        memory: "512",
        taskRoleArn: "arn:aws:iam::123456789012:role/api-task",
        executionRoleArn: "arn:aws:iam::123456789012:role/api-execution",
        containerDefinitions: JSON.stringify(containers),
        ...overrides,
    };
}

/** A container of the aws provider's daemon task definition: typed, with `environments`, `entryPoints`, `commands`. */
export function daemonContainer(overrides: Props = {}): Props {
    const { healthCheck: _check, ...typed } = container();
    return { ...typed, name: "agent", healthCheck: { commands: ["CMD", "/bin/health"], interval: 10 }, ...overrides };
}

export function daemonTaskDefinition(containers: unknown[] = [daemonContainer()], overrides: Props = {}): Props {
    return {
        family: "agent",
        cpu: "256",
        memory: "512",
        taskRoleArn: "arn:aws:iam::123456789012:role/agent-task",
        executionRoleArn: "arn:aws:iam::123456789012:role/agent-execution",
        containerDefinitions: containers,
        ...overrides,
    };
}

export function daemon(overrides: Props = {}): Props {
    return {
        name: "agent",
        clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/main",
        daemonTaskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:daemon-task-definition/agent:1",
        capacityProviderArns: ["arn:aws:ecs:us-east-1:123456789012:capacity-provider/main"],
        enableEcsManagedTags: true,
        propagateTags: "DAEMON",
        ...overrides,
    };
}

export function service(overrides: Props = {}): Props {
    return {
        name: "api",
        cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/main",
        taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:1",
        launchType: "FARGATE",
        networkConfiguration: { subnets: ["subnet-1", "subnet-2"], securityGroups: ["sg-api"], assignPublicIp: false },
        enableEcsManagedTags: true,
        propagateTags: "SERVICE",
        deploymentCircuitBreaker: { enable: true, rollback: true },
        ...overrides,
    };
}

export function expressService(overrides: Props = {}): Props {
    return {
        serviceName: "web",
        executionRoleArn: "arn:aws:iam::123456789012:role/web-execution",
        infrastructureRoleArn: "arn:aws:iam::123456789012:role/web-infra",
        taskRoleArn: "arn:aws:iam::123456789012:role/web-task",
        primaryContainer: { image: appImage, awsLogsConfigurations: [{ logGroup: "/ecs/web", logStreamPrefix: "web" }] },
        networkConfigurations: [{ subnets: ["subnet-1"], securityGroups: ["sg-web"] }],
        ...overrides,
    };
}

export function cluster(overrides: Props = {}): Props {
    return {
        name: "main",
        settings: [{ name: "containerInsights", value: "enabled" }],
        configuration: { executeCommandConfiguration: { logging: "DEFAULT" } },
        ...overrides,
    };
}

export function capacityProvider(overrides: Props = {}): Props {
    return {
        name: "api-ec2",
        autoScalingGroupProvider: {
            autoScalingGroupArn: "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/api",
            managedScaling: { status: "ENABLED", targetCapacity: 90 },
            managedTerminationProtection: "ENABLED",
        },
        ...overrides,
    };
}

export function repository(overrides: Props = {}): Props {
    return {
        name: "shop/api",
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS" }],
        ...overrides,
    };
}

export interface Outcome {
    /** Violation messages. */
    violations: string[];
    /** "Not known yet" messages. */
    pending: string[];
    /** The reason, when the rule does not apply. */
    notApplicable?: string;
}

/** Runs one rule of the pack on one resource, through the pack's own evaluation, with the config a user would give. */
export function check(policy: string, type: string, props: unknown, config: Props = {}, provider?: ProviderInputs): Outcome {
    const rule = ruleNamed(policy) as ResourceRule;
    if (!rule || rule.kind !== "resource") throw new Error(`no resource rule ${policy}`);
    const model = buildModel(type, props, "res", `urn:pulumi:dev::demo::${type}::res`, [], provider)!;
    const outcome = evaluateResource(rule, model, config);
    return {
        violations: outcome.violations.map((f) => f.message),
        pending: outcome.notKnownYet.map((f) => f.message),
        ...(outcome.notApplicable !== undefined ? { notApplicable: outcome.notApplicable } : {}),
    };
}

/** A finding of a resource declared in a template or a Cloud Control resource: its message and its property path. */
export interface DeclaredOutcome extends Outcome {
    /** `app/Web`, the model's name. */
    name: string;
    paths: string[];
}

/** Runs one rule of the pack on every resource a Pulumi resource declares (a template's, a Cloud Control resource's). */
export function checkDeclared(policy: string, type: string, props: unknown, config: Props = {}, secretPaths: string[] = []): DeclaredOutcome[] {
    const rule = ruleNamed(policy) as ResourceRule;
    if (!rule || rule.kind !== "resource") throw new Error(`no resource rule ${policy}`);
    return buildModels(type, props, "app", urnOf(type, "app"), secretPaths).models.filter((m) => rule.appliesTo.includes(m.kind)).map((model) => {
        const outcome = evaluateResource(rule, model, config);
        return {
            name: model.name,
            violations: outcome.violations.map((f) => f.message),
            pending: outcome.notKnownYet.map((f) => f.message),
            paths: [...outcome.violations, ...outcome.notKnownYet].map((f) => f.path),
            ...(outcome.notApplicable !== undefined ? { notApplicable: outcome.notApplicable } : {}),
        };
    });
}

/** What the pack's remediation of one policy returns for these properties (undefined: nothing to change). */
export function remediate(policy: string, type: string, props: Props, config: Props = {}): Props | undefined {
    const rule = ruleNamed(policy) as ResourceRule;
    const model = buildModel(type, props, "res", `urn:pulumi:dev::demo::${type}::res`)!;
    return applyEdits(model, props, remediationOf(rule, model, config));
}

export interface StackResource {
    type: string;
    name: string;
    props: Props;
    propertyDependencies?: Record<string, string[]>;
    /** The resource's provider and its inputs, as the engine sends them. */
    provider?: ProviderInputs;
}

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:dev::demo::${type}::${name}`;
}

/** Runs one stack rule over resources; findings as `name: message`. */
export function checkStack(policy: string, resources: StackResource[], config: Props = {}): string[] {
    const rule = ruleNamed(policy) as StackRule;
    if (!rule || rule.kind !== "stack") throw new Error(`no stack rule ${policy}`);
    const view = stackView(resources.map((r) => ({ ...r, urn: urnOf(r.type, r.name) })));
    return evaluateStack(rule, view, config).violations.map((f) => `${f.urn ? f.urn.split("::").pop() : "stack"}: ${f.message}`);
}

export interface Case {
    name: string;
    type?: string;
    props: unknown;
    config?: Props;
    /** The resource's provider and its inputs (region, default tags). */
    provider?: ProviderInputs;
    violations?: string[];
    /** Substrings of the "not known yet" messages, in order. */
    pending?: string[];
    notApplicable?: string;
}

/** A table of cases for one resource rule: each asserts the exact messages a user would see. */
export function table(policy: string, defaultType: string, cases: Case[]): void {
    describe(policy, () => {
        for (const c of cases) {
            it(c.name, () => {
                const outcome = check(policy, c.type ?? defaultType, c.props, c.config, c.provider);
                const assert = require("assert").strict;
                assert.deepEqual(outcome.violations, c.violations ?? [], "violations");
                assert.equal(outcome.pending.length, (c.pending ?? []).length, `pending: ${JSON.stringify(outcome.pending)}`);
                (c.pending ?? []).forEach((p, i) => assert.ok(outcome.pending[i].includes(p), `pending[${i}] ${outcome.pending[i]} has ${p}`));
                assert.equal(outcome.notApplicable, c.notApplicable, "notApplicable");
            });
        }
    });
}
