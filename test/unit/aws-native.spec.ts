// aws-native shapes get the same verdict and message as their aws twins, for every resource policy.
import { strict as assert } from "assert";
import { buildModel } from "../../policy/model";
import { rules } from "../../policy/rules";
import type { ResourceRule } from "../../policy/rules/rule";
import {
    capacityProvider, check, checkStack, cluster, container as c, daemon, daemonContainer as dc, daemonTaskDefinition as dtd, expressService, remediate, repository, service,
    taskDefinition as td, types, unknownString, appImage,
} from "../support/fixtures";

type Props = Record<string, unknown>;

const nativeTypes: Record<string, string> = {
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
function toNative(type: string, props: Props): Props {
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
const twins: [string, Props][] = [
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

function spelledForNative(type: string, outcome: ReturnType<typeof check>): ReturnType<typeof check> {
    const respell = (m: string) => (nativeSpelling[type] ?? []).reduce((text, [aws, native]) => text.split(aws).join(native), m);
    return { ...outcome, violations: outcome.violations.map(respell), pending: outcome.pending.map(respell) };
}

describe("aws-native twins: the same verdict and message as aws, paths spelled as each provider spells them", () => {
    for (const rule of rules.filter((r): r is ResourceRule => r.kind === "resource")) {
        it(rule.name, () => {
            let compared = 0;
            for (const [type, props] of twins) {
                if (!rule.appliesTo.includes(buildModel(type, props, "res", "urn")!.kind)) continue;
                const aws = check(rule.name, type, props);
                const native = check(rule.name, nativeTypes[type], toNative(type, props));
                assert.deepEqual(native, spelledForNative(type, aws), `${type} ${JSON.stringify(props).slice(0, 200)}`);
                compared++;
            }
            assert.ok(compared > 0 || rule.appliesTo.every((k) => ["repositoryPolicy", "lifecyclePolicy"].includes(k)), "compared on at least one twin");
        });
    }

    it("every aws-native contract type is read", () => {
        const { supportedTypes } = require("../../policy/model");
        for (const t of Object.values(nativeTypes)) assert.ok(supportedTypes.includes(t), t);
    });
});

describe("aws-native shapes of their own", () => {
    const nativeRepo = (extra: Props) => ({ repositoryName: "shop/api", imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true }, encryptionConfiguration: { encryptionType: "KMS" }, ...extra });
    it("an inline repositoryPolicyText is checked by ecr-no-public-access", () => {
        const open = { Version: "2012-10-17", Statement: [{ Sid: "Pull", Effect: "Allow", Principal: "*", Action: "ecr:*" }] };
        assert.deepEqual(check("ecr-no-public-access", "aws-native:ecr:Repository", nativeRepo({ repositoryPolicyText: open })).violations,
            ["Repository policy statement 'Pull' allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID."]);
        assert.equal(check("ecr-no-public-access", "aws-native:ecr:Repository", nativeRepo({})).notApplicable, "the repository has no inline policy");
    });
    it("an inline lifecyclePolicy satisfies ecr-lifecycle-policy", () => {
        assert.deepEqual(checkStack("ecr-lifecycle-policy", [
            { type: "aws-native:ecr:Repository", name: "with", props: nativeRepo({ lifecyclePolicy: { lifecyclePolicyText: "{\"rules\":[]}" } }) },
            { type: "aws-native:ecr:Repository", name: "without", props: nativeRepo({}) },
        ]), ["without: Repository 'without' has no lifecycle policy, so old images pile up. Add an aws.ecr.LifecyclePolicy for it."]);
    });
    it("assignPublicIp other than ENABLED or DISABLED is malformed", () => {
        const props = toNative(types.service, service({ networkConfiguration: { subnets: ["s"], securityGroups: ["sg"], assignPublicIp: "yes" } }));
        assert.deepEqual(check("ecs-input-well-formed", "aws-native:ecs:Service", props).violations,
            ["Malformed input: networkConfiguration.awsvpcConfiguration.assignPublicIp is 'yes', expected ENABLED or DISABLED. Fix it so the other policies can check this resource."]);
    });
    it("containerDefinitions as a JSON string is the wrong type for aws-native", () => {
        assert.equal(check("ecs-input-well-formed", "aws-native:ecs:TaskDefinition", td()).violations.length, 1);
    });
    it("roles and security groups of aws-native count in the stack rules", () => {
        const role = "urn:pulumi:dev::demo::aws-native:iam:Role::shared";
        const sg = "urn:pulumi:dev::demo::aws-native:ec2:SecurityGroup::shared-sg";
        const task = (family: string) => toNative(types.taskDefinition, td([c()], { family, taskRoleArn: unknownString }));
        assert.equal(checkStack("ecs-task-role-per-family", [
            { type: "aws-native:iam:Role", name: "shared", props: {} },
            { type: "aws-native:ecs:TaskDefinition", name: "a", props: task("a"), propertyDependencies: { taskRoleArn: [role] } },
            { type: "aws-native:ecs:TaskDefinition", name: "b", props: task("b"), propertyDependencies: { taskRoleArn: [role] } },
        ]).length, 2);
        const svc = (name: string) => toNative(types.service, service({ name, networkConfiguration: { subnets: ["s"], securityGroups: [unknownString] } }));
        assert.equal(checkStack("ecs-security-group-per-service", [
            { type: "aws-native:ec2:SecurityGroup", name: "shared-sg", props: {} },
            { type: "aws-native:ecs:Service", name: "a", props: svc("a"), propertyDependencies: { networkConfiguration: [sg] } },
            { type: "aws-native:ecs:Service", name: "b", props: svc("b"), propertyDependencies: { networkConfiguration: [sg] } },
        ]).length, 2);
    });
    it("remediations write the aws-native shape", () => {
        const breaker = remediate("ecs-deployment-circuit-breaker", "aws-native:ecs:Service", toNative(types.service, service({ deploymentCircuitBreaker: undefined, deploymentConfiguration: undefined })))!;
        assert.deepEqual(breaker.deploymentConfiguration, { deploymentCircuitBreaker: { enable: true, rollback: true } });
        assert.equal("deploymentCircuitBreaker" in breaker, false);
        const insights = remediate("ecs-cluster-container-insights", "aws-native:ecs:Cluster", { clusterName: "main", clusterSettings: [{ name: "containerInsights", value: "disabled" }] })!;
        assert.deepEqual(insights.clusterSettings, [{ name: "containerInsights", value: "enabled" }]);
        const stop = remediate("ecs-stop-timeout", "aws-native:ecs:TaskDefinition", toNative(types.taskDefinition, td([c({ stopTimeout: undefined })])))!;
        assert.equal((stop.containerDefinitions as Props[])[0].stopTimeout, 30);
    });
});
