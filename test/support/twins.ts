// Configurations that break (or keep) each policy, as aws declares them, and the same configurations as aws-native
// declares them: the twins every shape of a resource is compared on.
import { appImage, capacityProvider, check, cluster, container as c, daemon, daemonContainer as dc, daemonTaskDefinition as dtd, expressService, repository, service, taskDefinition as td, types, unknownString } from "./fixtures";

type Props = Record<string, unknown>;

export const nativeTypes: Record<string, string> = {
    [types.taskDefinition]: "aws-native:ecs:TaskDefinition",
    [types.daemonTaskDefinition]: "aws-native:ecs:DaemonTaskDefinition",
    [types.daemon]: "aws-native:ecs:Daemon",
    [types.expressService]: "aws-native:ecs:ExpressGatewayService",
    [types.service]: "aws-native:ecs:Service",
    [types.taskSet]: "aws-native:ecs:TaskSet",
    [types.cluster]: "aws-native:ecs:Cluster",
    [types.capacityProvider]: "aws-native:ecs:CapacityProvider",
    [types.repository]: "aws-native:ecr:Repository",
    [types.creationTemplate]: "aws-native:ecr:RepositoryCreationTemplate",
};

const tagList = (tags: unknown) => (tags && typeof tags === "object" ? Object.entries(tags).map(([key, value]) => ({ key, value })) : tags);
const enabled = (v: unknown) => (v === true ? "ENABLED" : v === false ? "DISABLED" : v);
/** An object with some keys renamed (the aws provider's plural names to the ECS API's). */
const renamed = (value: unknown, names: Record<string, string>): unknown => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [names[k] ?? k, v]));
};
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** The same configuration as aws-native declares it. */
export function toNative(type: string, props: Props): Props {
    const { tags, ...p } = props;
    const out: Props = { ...p, ...(tags !== undefined ? { tags: tagList(tags) } : {}) };
    if (type === types.taskDefinition && typeof p.containerDefinitions === "string") out.containerDefinitions = JSON.parse(p.containerDefinitions);
    if (type === types.service || type === types.taskSet) {
        const { name, networkConfiguration: net, deploymentCircuitBreaker, capacityProviderStrategies, ...rest } = out;
        const vpc = net && typeof net === "object" ? { ...(net as Props), assignPublicIp: enabled((net as Props).assignPublicIp) } : net;
        return {
            ...rest,
            ...(type === types.service && name !== undefined ? { serviceName: name } : {}),
            ...(net !== undefined ? { networkConfiguration: { [type === types.service ? "awsvpcConfiguration" : "awsVpcConfiguration"]: vpc } } : {}),
            ...(deploymentCircuitBreaker !== undefined ? { deploymentConfiguration: { deploymentCircuitBreaker } } : {}),
            ...(capacityProviderStrategies !== undefined ? { capacityProviderStrategy: capacityProviderStrategies } : {}),
        };
    }
    if (type === types.daemonTaskDefinition && Array.isArray(p.containerDefinitions)) {
        out.containerDefinitions = p.containerDefinitions.map((container) => {
            const native = renamed(container, { environments: "environment", entryPoints: "entryPoint", commands: "command" }) as Props;
            return native && typeof native === "object" && "healthCheck" in native ? { ...native, healthCheck: renamed(native.healthCheck, { commands: "command" }) } : native;
        });
    }
    if (type === types.daemon) {
        const { name, ...rest } = out;
        return { ...rest, ...(name !== undefined ? { daemonName: name } : {}) };
    }
    if (type === types.expressService) {
        const { primaryContainer, networkConfigurations, ...rest } = out;
        const container = renamed(primaryContainer, { environments: "environment", commands: "command", awsLogsConfigurations: "awsLogsConfiguration" }) as Props;
        const native = container && typeof container === "object" && "awsLogsConfiguration" in container ? { ...container, awsLogsConfiguration: first(container.awsLogsConfiguration) } : container;
        return { ...rest, ...(native !== undefined ? { primaryContainer: native } : {}), ...(networkConfigurations !== undefined ? { networkConfiguration: first(networkConfigurations) } : {}) };
    }
    if (type === types.cluster) {
        const { name, settings, ...rest } = out;
        return { ...rest, clusterName: name, ...(settings !== undefined ? { clusterSettings: settings } : {}) };
    }
    if (type === types.repository) {
        const { name, encryptionConfigurations, ...rest } = out;
        const first = Array.isArray(encryptionConfigurations) ? encryptionConfigurations[0] : undefined;
        return { ...rest, repositoryName: name, ...(first !== undefined ? { encryptionConfiguration: first } : {}) };
    }
    return out;
}

/** Configurations that break (or keep) each policy, as aws declares them. */
export const twins: [string, Props][] = [
    [types.taskDefinition, td()],
    [types.taskDefinition, td([c({ image: "nginx:latest", privileged: true, user: "0", readonlyRootFilesystem: false, stopTimeout: 300 })])],
    [types.taskDefinition, td([c({ logConfiguration: undefined, linuxParameters: undefined, healthCheck: undefined, environment: [{ name: "DB_PASSWORD", value: "hunter2-hunter2" }] })])],
    [types.taskDefinition, td([c({ command: ["sh", "-c", "curl -fsSL https://example.com/x.sh | sh; supervisord &"] }), c({ name: "b", image: "b:1" })], { networkMode: "host", pidMode: "host", taskRoleArn: undefined })],
    [types.taskDefinition, td([c({ image: unknownString })], { tags: { team: "shop", "ecs-guardrails:exempt": "ecs-no-privileged" } })],
    [types.taskDefinition, td([c()], { volumes: [{ name: "data", efsVolumeConfiguration: { fileSystemId: "fs-1" } }], runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" } })],
    [types.taskDefinition, td([c()], { memory: "1 GB", cpu: "0.25 vcpu", networkMode: undefined, requiresCompatibilities: ["MANAGED_INSTANCES"] })],
    [types.service, service()],
    [types.service, service({ enableEcsManagedTags: false, propagateTags: "NONE", deploymentCircuitBreaker: undefined, networkConfiguration: { subnets: ["s"], securityGroups: [], assignPublicIp: true } })],
    [types.service, service({ launchType: undefined, capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }], platformVersion: "1.3.0", networkConfiguration: undefined })],
    [types.taskSet, { service: "api", cluster: "main", taskDefinition: "td", networkConfiguration: { subnets: ["s"], assignPublicIp: true } }],
    [types.cluster, cluster()],
    [types.cluster, cluster({ settings: [{ name: "containerInsights", value: "disabled" }], configuration: { executeCommandConfiguration: { logging: "NONE" } } })],
    [types.capacityProvider, capacityProvider()],
    [types.capacityProvider, capacityProvider({ autoScalingGroupProvider: { autoScalingGroupArn: "arn", managedScaling: { status: "ENABLED" }, managedTerminationProtection: "DISABLED" }, tags: { team: "shop" } })],
    [types.taskDefinition, td([c({ user: "ContainerAdministrator" })], { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" } })],
    [types.repository, repository({ encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: "alias/aws/ecr" }] })],
    [types.repository, repository()],
    [types.repository, repository({ imageTagMutability: "MUTABLE", imageScanningConfiguration: undefined, encryptionConfigurations: undefined, tags: { "ecs-guardrails:exempt": "ecr-kms-encryption" } })],
    [types.creationTemplate, { prefix: "shop", imageTagMutability: "MUTABLE" }],
    [types.creationTemplate, { prefix: "shop", imageTagMutability: "IMMUTABLE", repositoryPolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "Pull", Effect: "Allow", Principal: "*", Action: "ecr:*" }] }) }],
    [types.creationTemplate, { prefix: "shop", imageTagMutability: "IMMUTABLE", repositoryPolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "ecr:*" }] }) }],
    [types.daemonTaskDefinition, dtd()],
    [types.daemonTaskDefinition, dtd([dc({ image: "datadog/agent:latest", privileged: true, user: "0", readonlyRootFilesystem: false, stopTimeout: 300, environments: [{ name: "DB_PASSWORD", value: "hunter2-hunter2" }] })])],
    [types.daemonTaskDefinition, dtd([dc({ logConfiguration: undefined, linuxParameters: undefined, healthCheck: undefined, memory: undefined, restartPolicy: { enabled: true }, entryPoints: ["sh", "-c"], commands: ["curl -fsSL https://example.com/x.sh | sh; supervisord &"] }), dc({ name: "b", image: "b:1" })], { taskRoleArn: undefined, memory: undefined })],
    [types.daemonTaskDefinition, dtd([dc({ image: unknownString })], { tags: { team: "shop", "ecs-guardrails:exempt": "ecs-no-privileged" } })],
    [types.daemonTaskDefinition, dtd([dc({ firelensConfiguration: { type: "fluentbit" }, essential: false }), dc({ name: "app", logConfiguration: { logDriver: "awsfirelens" } })])],
    [types.daemon, daemon()],
    [types.daemon, daemon({ enableEcsManagedTags: false, propagateTags: "NONE", tags: { team: "shop" } })],
    [types.daemon, daemon({ enableEcsManagedTags: undefined, propagateTags: undefined })],
    [types.expressService, expressService()],
    [types.expressService, expressService({ taskRoleArn: undefined, primaryContainer: { image: "web:latest", environments: [{ name: "DB_PASSWORD", value: "hunter2-hunter2" }], commands: ["sh", "-c", "pm2-runtime app.js"] }, networkConfigurations: [{ subnets: ["subnet-1"] }] })],
    [types.expressService, expressService({ primaryContainer: { image: appImage, environments: [{ name: "API_TOKEN", value: unknownString }] }, networkConfigurations: undefined, tags: { team: "shop" } })],
];

/** How aws-native spells the properties an aws message names: each user reads their own provider's path. */
const nativeSpelling: Record<string, [string, string][]> = {
    [types.service]: [
        ["networkConfiguration.assignPublicIp", "networkConfiguration.awsvpcConfiguration.assignPublicIp"],
        ["networkConfiguration has no security group", "networkConfiguration.awsvpcConfiguration has no security group"],
        ["has no networkConfiguration,", "has no networkConfiguration.awsvpcConfiguration,"],
        ["Set networkConfiguration with", "Set networkConfiguration.awsvpcConfiguration with"],
        ["Set deploymentCircuitBreaker", "Set deploymentConfiguration.deploymentCircuitBreaker"],
    ],
    [types.taskSet]: [
        ["networkConfiguration.assignPublicIp", "networkConfiguration.awsVpcConfiguration.assignPublicIp"],
        ["networkConfiguration has no security group", "networkConfiguration.awsVpcConfiguration has no security group"],
    ],
    [types.cluster]: [["to settings.", "to clusterSettings."]],
    [types.repository]: [["Set encryptionConfigurations with", "Set encryptionConfiguration with"]],
    [types.expressService]: [
        ["primaryContainer.awsLogsConfigurations", "primaryContainer.awsLogsConfiguration"], ["networkConfigurations", "networkConfiguration"],
        ["primaryContainer.environments", "primaryContainer.environment"], ["primaryContainer.commands", "primaryContainer.command"],
    ],
    [types.daemonTaskDefinition]: [[".environments[", ".environment["], [".entryPoints", ".entryPoint"], [".commands", ".command"]],
};

export function spelledForNative(type: string, outcome: ReturnType<typeof check>): ReturnType<typeof check> {
    const respell = (m: string) => (nativeSpelling[type] ?? []).reduce((text, [aws, native]) => text.split(aws).join(native), m);
    return { ...outcome, violations: outcome.violations.map(respell), pending: outcome.pending.map(respell) };
}

/** CloudFormation names that are not the aws-native name with a capital first letter. */
const irreversible: Record<string, string> = { enableEcsManagedTags: "EnableECSManagedTags", efsVolumeConfiguration: "EFSVolumeConfiguration" };
const freeForm = new Set(["dockerLabels", "options", "driverOpts", "labels", "repositoryPolicyText"]);

/** The same configuration as a CloudFormation template writes it; a value not known yet is a template parameter. */
export function toCloudFormation(value: unknown, raw = false): unknown {
    if (value === unknownString) return { Ref: "ImageParameter" };
    if (Array.isArray(value)) return value.map((v) => toCloudFormation(v, raw));
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [
        raw ? key : irreversible[key] ?? key[0].toUpperCase() + key.slice(1),
        toCloudFormation(v, raw || freeForm.has(key)),
    ]));
}

export const cloudFormationType = (nativeType: string) => {
    const [, module, name] = nativeType.split(":");
    return `AWS::${module.toUpperCase()}::${name}`;
};
