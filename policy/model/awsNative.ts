// The `aws-native` provider's shapes (AWS Cloud Control), mapped onto the same model as `aws`: the same
// configuration gets the same verdict and message whichever provider declares it.
import type { ReferenceKind, ResourceModel, ServiceFacet } from "./ecs";
import type * as native from "@pulumi/aws-native/types/input";
import type * as nativeEcs from "@pulumi/aws-native/ecs";
import type * as nativeEcr from "@pulumi/aws-native/ecr";
import {
    ExpressSpelling, Shape, capacityProvider, clusterWithSettingsIn, creationTemplate, daemonContainerFields, daemonFacet, daemonTaskFacet, expressServiceIn,
    isFargate, readIdList, readMutableTagFilters, registryScanning, repositoryPaths, taskFacet,
} from "./aws";
import { ContainerShape, containerKeys, inside, readContainerList } from "./container-fields";
import { readPolicyStatements } from "./iam";
import { Field, Reader, isNotKnownYet, isPlainObject, isUnreadable } from "./values";

type Props = Record<string, unknown>;

/** The property names read here, checked against the provider's own types at build time. */
type Keys<T> = { [K in keyof T]-?: K };
const service: Keys<Pick<native.ecs.ServiceNetworkConfigurationArgs, "awsvpcConfiguration">> = { awsvpcConfiguration: "awsvpcConfiguration" };
/** The capacity provider reads the aws names; the same in aws-native (checked here). */
export const capacityProviderKeys: Keys<Pick<native.ecs.CapacityProviderAutoScalingGroupProviderArgs, "managedScaling" | "managedTerminationProtection">> & Keys<Pick<native.ecs.CapacityProviderManagedScalingArgs, "status">> =
    { managedScaling: "managedScaling", managedTerminationProtection: "managedTerminationProtection", status: "status" };
/** The registry scanning configuration reads the aws names; the same in aws-native (checked here). */
export const registryScanningKeys: Keys<native.ecr.RegistryScanningConfigurationScanningRuleArgs> & Keys<Pick<native.ecr.RegistryScanningConfigurationRepositoryFilterArgs, "filter">> =
    { repositoryFilters: "repositoryFilters", scanFrequency: "scanFrequency", filter: "filter" };
const taskSet: Keys<Pick<native.ecs.TaskSetNetworkConfigurationArgs, "awsVpcConfiguration">> = { awsVpcConfiguration: "awsVpcConfiguration" };

/** The daemon task definition's container: the ECS API's own names (checked here). */
const daemonContainerKeys: Keys<Pick<native.ecs.DaemonTaskDefinitionDaemonContainerDefinitionArgs, "command" | "entryPoint" | "environment">> =
    { command: "command", entryPoint: "entryPoint", environment: "environment" };
/** The daemon task definition has pidMode and ipcMode, as the task definition does (checked here). */
export const daemonTaskKeys: Keys<Pick<nativeEcs.DaemonTaskDefinitionArgs, "pidMode" | "ipcMode" | "family" | "taskRoleArn" | "executionRoleArn">> =
    { pidMode: "pidMode", ipcMode: "ipcMode", family: "family", taskRoleArn: "taskRoleArn", executionRoleArn: "executionRoleArn" };
const daemonContainers: ContainerShape = {
    keys: { ...containerKeys, ...daemonContainerKeys },
    fields: daemonContainerFields,
    absent: ["versionConsistency", "dockerLabels"],
};
/** The daemon's own names (checked here). */
const daemon: Keys<Pick<nativeEcs.DaemonArgs, "daemonName" | "clusterArn" | "enableEcsManagedTags" | "propagateTags">> =
    { daemonName: "daemonName", clusterArn: "clusterArn", enableEcsManagedTags: "enableEcsManagedTags", propagateTags: "propagateTags" };
/** The Express Gateway Service as aws-native spells it: singular names, one log and one network configuration. */
const express: Keys<Pick<native.ecs.ExpressGatewayServiceExpressGatewayContainerArgs, "awsLogsConfiguration" | "command" | "environment">> & Keys<Pick<nativeEcs.ExpressGatewayServiceArgs, "networkConfiguration">> =
    { awsLogsConfiguration: "awsLogsConfiguration", command: "command", environment: "environment", networkConfiguration: "networkConfiguration" };
const nativeExpressSpelling: ExpressSpelling = {
    keys: { ...containerKeys, command: express.command, environment: express.environment },
    logs: { key: express.awsLogsConfiguration, list: false },
    networks: { key: express.networkConfiguration, list: false },
};
/** The creation template reads the aws names; its repository policy is named the same in aws-native (checked here). */
export const creationTemplateKeys: Keys<Pick<nativeEcr.RepositoryCreationTemplateArgs, "prefix" | "imageTagMutability" | "repositoryPolicy">> =
    { prefix: "prefix", imageTagMutability: "imageTagMutability", repositoryPolicy: "repositoryPolicy" };

/** Resources the stack rules follow by URN (a task's role, a service's security group). */
export const awsNativeReferences: Record<string, ReferenceKind> = {
    "aws-native:iam:Role": "role",
    "aws-native:ec2:SecurityGroup": "securityGroup",
    "aws-native:ec2:Vpc": "vpc",
};

export const awsNativeTypes: Record<string, Shape> = {
    "aws-native:ecs:TaskDefinition": { kind: "taskDefinition", map: taskDefinition, tags: tagList },
    "aws-native:ecs:DaemonTaskDefinition": {
        kind: "daemonTaskDefinition",
        map: (m, p, r) => (m.task = daemonTaskFacet(p, r, readContainerList(p.containerDefinitions, "containerDefinitions", r, daemonContainers), true)),
        tags: tagList,
    },
    "aws-native:ecs:Daemon": { kind: "daemon", map: (m, p, r) => (m.service = daemonFacet(p, r, daemon.daemonName)), tags: tagList },
    "aws-native:ecs:ExpressGatewayService": { kind: "expressService", map: expressServiceIn(nativeExpressSpelling), tags: tagList },
    "aws-native:ecs:Service": {
        kind: "service",
        map: (m, p, r) => (m.service = serviceFacet(p, r, service.awsvpcConfiguration)),
        tags: tagList,
    },
    "aws-native:ecs:TaskSet": { kind: "taskSet", map: (m, p, r) => (m.service = serviceFacet(p, r, taskSet.awsVpcConfiguration)), tags: tagList },
    "aws-native:ecs:Cluster": {
        kind: "cluster",
        map: clusterWithSettingsIn("clusterSettings"),
        tags: tagList,
    },
    "aws-native:ecs:CapacityProvider": { kind: "capacityProvider", map: (m, p, r) => (m.capacityProvider = capacityProvider(p, r)), tags: tagList },
    "aws-native:ecr:Repository": { kind: "repository", map: repository, tags: tagList },
    "aws-native:ecr:RegistryScanningConfiguration": { kind: "registryScanningConfiguration", map: (m, p, r) => (m.registryScanning = registryScanning(p, r)) },
    "aws-native:ecr:RepositoryCreationTemplate": {
        kind: "repositoryCreationTemplate",
        map: creationTemplate,
        // A template's resourceTags go on the repositories it creates; the template itself has none.
        tags: () => undefined,
    },
};

/** Tags as aws-native gives them, `[{key, value}]`, read as the `{key: value}` map the model holds. */
export function tagList(p: Props, read: Reader): Field<Record<string, unknown>> {
    const list = read.array(p.tags, "tags");
    if (list === undefined || isUnreadable(list)) return list;
    const tags: Record<string, unknown> = {};
    for (let i = 0; i < list.length; i++) {
        const tag = read.object(list[i], `tags[${i}]`);
        if (isNotKnownYet(tag)) return tag;
        if (!isPlainObject(tag)) continue;
        const key = read.string(tag.key, `tags[${i}].key`);
        if (isUnreadable(key)) return key;
        if (key === undefined) continue;
        tags[key] = tag.value;
        if (read.isSecret(`tags[${i}].value`)) read.secrets.add(String(tag.value));
    }
    return tags;
}

function taskDefinition(model: ResourceModel, p: Props, read: Reader): void {
    // A list of objects here; a string is no JSON to decode but a wrong type (or a value not known yet).
    const containers = typeof p.containerDefinitions === "string"
        ? (read.array(p.containerDefinitions, "containerDefinitions") as Field<never>)
        : readContainerList(p.containerDefinitions, "containerDefinitions", read);
    model.task = taskFacet(p, read, containers);
}

/** `ENABLED`/`DISABLED`, as aws-native spells `assignPublicIp`, read as the boolean the model holds. */
function enabled(value: unknown, path: string, read: Reader): Field<boolean> {
    const text = read.string(value, path);
    if (text === undefined || isUnreadable(text)) return text;
    if (text === "ENABLED" || text === "DISABLED") return text === "ENABLED";
    return read.problem(path, `is '${text}', expected ENABLED or DISABLED`);
}

function serviceFacet(p: Props, read: Reader, vpcKey: string): ServiceFacet {
    const isTaskSet = vpcKey === taskSet.awsVpcConfiguration;
    const network = read.object(p.networkConfiguration, "networkConfiguration");
    const vpcPath = `networkConfiguration.${vpcKey}`;
    const paths = {
        cluster: "cluster", launchType: "launchType", platformVersion: "platformVersion", networkConfiguration: vpcPath,
        securityGroups: `${vpcPath}.securityGroups`, assignPublicIp: `${vpcPath}.assignPublicIp`,
        deploymentController: "deploymentController.type", circuitBreaker: "deploymentConfiguration.deploymentCircuitBreaker",
        enableEcsManagedTags: "enableEcsManagedTags", propagateTags: "propagateTags",
    };
    const vpc = inside(network, (n) => read.object(n[vpcKey], vpcPath));
    const deployment = read.object(p.deploymentConfiguration, "deploymentConfiguration");
    const breaker = inside(deployment, (d) => read.object(d.deploymentCircuitBreaker, paths.circuitBreaker));
    const controller = read.object(p.deploymentController, "deploymentController");
    const launchType = read.string(p.launchType, "launchType");
    return {
        launchType,
        fargate: isFargate(launchType, p.capacityProviderStrategy, read, "capacityProviderStrategy"),
        platformVersion: read.string(p.platformVersion, "platformVersion"),
        hasNetworkConfiguration: isUnreadable(vpc) ? vpc : vpc !== undefined,
        securityGroups: inside(vpc, (v) => readIdList(v.securityGroups, paths.securityGroups, read)),
        assignPublicIp: inside(vpc, (v) => enabled(v.assignPublicIp, paths.assignPublicIp, read)),
        deploymentController: inside(controller, (c) => read.string(c.type, paths.deploymentController)),
        circuitBreakerEnable: inside(breaker, (b) => read.boolean(b.enable, `${paths.circuitBreaker}.enable`)),
        circuitBreakerRollback: inside(breaker, (b) => read.boolean(b.rollback, `${paths.circuitBreaker}.rollback`)),
        enableEcsManagedTags: isTaskSet ? undefined : read.boolean(p.enableEcsManagedTags, "enableEcsManagedTags"),
        propagateTags: isTaskSet ? undefined : read.string(p.propagateTags, "propagateTags"),
        serviceName: isTaskSet ? undefined : read.string(p.serviceName, "serviceName"),
        parentService: isTaskSet ? read.string(p.service, "service") : undefined,
        cluster: read.string(p.cluster, "cluster"),
        paths,
    };
}

function repository(model: ResourceModel, p: Props, read: Reader): void {
    const scanning = read.object(p.imageScanningConfiguration, "imageScanningConfiguration");
    const encryption = read.object(p.encryptionConfiguration, "encryptionConfiguration");
    const lifecycle = read.object(p.lifecyclePolicy, "lifecyclePolicy");
    model.repository = {
        repositoryName: read.string(p.repositoryName, "repositoryName"),
        tagMutability: read.string(p.imageTagMutability, "imageTagMutability"),
        mutableTagFilters: readMutableTagFilters(p.imageTagMutabilityExclusionFilters, read),
        scanOnPush: inside(scanning, (s) => read.boolean(s.scanOnPush, "imageScanningConfiguration.scanOnPush")),
        encryptionType: inside(encryption, (e) => read.string(e.encryptionType, "encryptionConfiguration.encryptionType")),
        kmsKey: inside(encryption, (e) => read.string(e.kmsKey, "encryptionConfiguration.kmsKey")),
        paths: { ...repositoryPaths("repositoryName", "encryptionConfiguration", "encryptionConfiguration.kmsKey"), lifecyclePolicy: "lifecyclePolicy" },
        inlineLifecyclePolicy: inside(lifecycle, (l) => {
            const text = read.string(l.lifecyclePolicyText, "lifecyclePolicy.lifecyclePolicyText");
            return isUnreadable(text) ? text : text !== undefined;
        }),
    };
    if (p.repositoryPolicyText !== undefined && p.repositoryPolicyText !== null) {
        model.repositoryPolicy = {
            repository: model.repository.repositoryName,
            statements: readPolicyStatements(p.repositoryPolicyText, "repositoryPolicyText", read),
            paths: { statements: "repositoryPolicyText" },
        };
    }
}
