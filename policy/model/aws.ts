// The `aws` provider's shapes, mapped onto the model.
import type { ReferenceKind, CapacityProviderFacet, ContainerField, ContainerValue, EfsVolume, RegistryScanningFacet, ScanningRule, RepositoryFacet, ResourceKind, ResourceModel, ServiceFacet, TaskFacet } from "./ecs";
import type * as aws from "@pulumi/aws/types/input";
import { ContainerShape, asShapeReads, containerKeys, inside, readContainer, readContainerList, taskDefinitionFields } from "./container-fields";
import { readPolicyStatements } from "./iam";
import { BridgeLevels, propsAsBridgeReads } from "./terraform-names";
import { Field, Reader, isNotKnownYet, isPlainObject, isUnreadable } from "./values";

type Props = Record<string, unknown>;
/** The property names read here, checked against the provider's own types at build time. */
type Keys<T> = { [K in keyof T]-?: K };
type Mapper = (model: ResourceModel, props: Props, read: Reader) => void;

/** How a provider declares one resource type: what it is, and how its properties map onto the model. */
export interface Shape {
    kind: ResourceKind;
    map: Mapper;
    /** Reads the resource's tags when they are not a `tags` map (aws-native: `[{key, value}]`). */
    tags?: (props: Props, read: Reader) => Field<Record<string, unknown>>;
}

/** Resources the stack rules follow by URN (a task's role, a service's security group). */
export const awsReferences: Record<string, ReferenceKind> = {
    "aws:iam/role:Role": "role",
    "aws:ec2/securityGroup:SecurityGroup": "securityGroup",
    // A VPC's default security group is a security group (the same one for every service that uses it).
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "securityGroup",
    "aws:ec2/vpc:Vpc": "vpc",
};

const awsShapes: Record<string, Shape> = {
    "aws:ecs/taskDefinition:TaskDefinition": { kind: "taskDefinition", map: taskDefinition },
    "aws:ecs/daemonTaskDefinition:DaemonTaskDefinition": {
        kind: "daemonTaskDefinition",
        map: (m, p, r) => (m.task = daemonTaskFacet(p, r, readContainerList(p.containerDefinitions, "containerDefinitions", r, awsDaemonContainers), false)),
    },
    "aws:ecs/daemon:Daemon": { kind: "daemon", map: (m, p, r) => (m.service = daemonFacet(p, r, "name")) },
    "aws:ecs/service:Service": {
        kind: "service",
        map: (m, p, r) => (m.service = service(p, r, false)),
    },
    "aws:ecs/taskSet:TaskSet": { kind: "taskSet", map: (m, p, r) => (m.service = service(p, r, true)) },
    "aws:ecs/expressGatewayService:ExpressGatewayService": { kind: "expressService", map: (m, p, r) => expressService(m, p, r, awsExpressSpelling) },
    "aws:ecs/cluster:Cluster": { kind: "cluster", map: cluster },
    "aws:ecs/capacityProvider:CapacityProvider": { kind: "capacityProvider", map: (m, p, r) => (m.capacityProvider = capacityProvider(p, r)) },
    "aws:ecr/repository:Repository": { kind: "repository", map: repository },
    "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration": {
        kind: "registryScanningConfiguration",
        map: (m, p, r) => (m.registryScanning = registryScanning(p, r)),
    },
    "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate": {
        kind: "repositoryCreationTemplate",
        map: creationTemplate,
    },
    "aws:ecr/repositoryPolicy:RepositoryPolicy": {
        kind: "repositoryPolicy",
        map: (m, p, r) => {
            m.repositoryPolicy = {
                repository: r.string(p.repository, "repository"),
                statements: readPolicyStatements(p.policy, "policy", r),
                paths: { statements: "policy" },
            };
        },
    },
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": {
        kind: "lifecyclePolicy",
        map: (m, p, r) => (m.lifecyclePolicy = { repository: r.string(p.repository, "repository") }),
    },
};

/**
 * The names each shape reads, at each level, as the aws provider's Terraform bridge matches them: a key that is
 * not the Pulumi name still sets the attribute its Terraform name names (`PidMode`, `pid_mode` -> `pid_mode`).
 */
const nestedLevels: BridgeLevels = {
    "runtimePlatform": ["operatingSystemFamily"],
    "volumes[]": ["name", "efsVolumeConfiguration"],
    "volumes[].efsVolumeConfiguration": ["transitEncryption"],
    "networkConfiguration": ["securityGroups", "assignPublicIp"],
    "networkConfigurations[]": ["securityGroups"],
    "deploymentCircuitBreaker": ["enable", "rollback"],
    "deploymentController": ["type"],
    "capacityProviderStrategies[]": ["capacityProvider"],
    "settings[]": ["name", "value"],
    "configuration": ["executeCommandConfiguration"],
    "configuration.executeCommandConfiguration": ["logging"],
    "autoScalingGroupProvider": ["managedScaling", "managedTerminationProtection"],
    "autoScalingGroupProvider.managedScaling": ["status"],
    "rules[]": ["scanFrequency", "repositoryFilters"],
    "rules[].repositoryFilters[]": ["filter"],
    "imageScanningConfiguration": ["scanOnPush"],
    "encryptionConfigurations[]": ["encryptionType", "kmsKey"],
    "imageTagMutabilityExclusionFilters[]": ["filter"],
};
const topLevel: Record<string, readonly string[]> = {
    "aws:ecs/taskDefinition:TaskDefinition": ["containerDefinitions", "family", "networkMode", "requiresCompatibilities", "taskRoleArn", "executionRoleArn", "pidMode", "ipcMode", "cpu", "memory", "runtimePlatform", "volumes"],
    "aws:ecs/daemonTaskDefinition:DaemonTaskDefinition": ["containerDefinitions", "family", "taskRoleArn", "executionRoleArn", "cpu", "memory"],
    "aws:ecs/daemon:Daemon": ["name", "clusterArn", "enableEcsManagedTags", "propagateTags"],
    "aws:ecs/service:Service": ["name", "cluster", "launchType", "platformVersion", "networkConfiguration", "deploymentCircuitBreaker", "deploymentController", "capacityProviderStrategies", "enableEcsManagedTags", "propagateTags"],
    "aws:ecs/taskSet:TaskSet": ["service", "cluster", "launchType", "platformVersion", "networkConfiguration", "capacityProviderStrategies"],
    "aws:ecs/expressGatewayService:ExpressGatewayService": ["serviceName", "cluster", "taskRoleArn", "executionRoleArn", "cpu", "memory", "primaryContainer", "networkConfigurations"],
    "aws:ecs/cluster:Cluster": ["name", "settings", "configuration"],
    "aws:ecs/capacityProvider:CapacityProvider": ["autoScalingGroupProvider"],
    "aws:ecr/repository:Repository": ["name", "imageTagMutability", "imageTagMutabilityExclusionFilters", "imageScanningConfiguration", "encryptionConfigurations"],
    "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration": ["scanType", "rules"],
    "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate": ["prefix", "imageTagMutability", "imageTagMutabilityExclusionFilters", "repositoryPolicy"],
    "aws:ecr/repositoryPolicy:RepositoryPolicy": ["repository", "policy"],
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": ["repository"],
};

export const awsTypes: Record<string, Shape> = Object.fromEntries(Object.entries(awsShapes).map(([type, shape]) => {
    const levels: BridgeLevels = { ...nestedLevels, "": topLevel[type] ?? [] };
    return [type, { ...shape, map: (m: ResourceModel, p: Props, r: Reader) => shape.map(m, propsAsBridgeReads(p, levels, r), r) }];
}));

function taskDefinition(model: ResourceModel, p: Props, read: Reader): void {
    model.task = taskFacet(p, read, readContainerList(p.containerDefinitions, "containerDefinitions", read));
}

/** A task definition's facet: the same property names in both providers; only how the containers are given differs. */
export function taskFacet(p: Props, read: Reader, containers: TaskFacet["containers"]): TaskFacet {
    const runtime = read.object(p.runtimePlatform, "runtimePlatform");
    const paths = {
        family: "family", networkMode: "networkMode", requiresCompatibilities: "requiresCompatibilities", taskRoleArn: "taskRoleArn",
        executionRoleArn: "executionRoleArn", pidMode: "pidMode", ipcMode: "ipcMode", cpu: "cpu", memory: "memory",
        operatingSystemFamily: "runtimePlatform.operatingSystemFamily", volumes: "volumes", containers: "containerDefinitions",
    };
    return {
        family: read.string(p.family, "family"),
        networkMode: read.string(p.networkMode, "networkMode"),
        requiresCompatibilities: read.strings(p.requiresCompatibilities, "requiresCompatibilities"),
        taskRoleArn: read.string(p.taskRoleArn, "taskRoleArn"),
        executionRoleArn: read.string(p.executionRoleArn, "executionRoleArn"),
        pidMode: read.string(p.pidMode, "pidMode"),
        ipcMode: read.string(p.ipcMode, "ipcMode"),
        cpu: read.taskSize(p.cpu, "cpu", "vCPU"),
        memory: read.taskSize(p.memory, "memory", "GB"),
        operatingSystemFamily: inside(runtime, (r) => read.string(r.operatingSystemFamily, paths.operatingSystemFamily)),
        efsVolumes: readEfsVolumes(p.volumes, read),
        containers,
        paths,
    };
}

export function readEfsVolumes(value: unknown, read: Reader): TaskFacet["efsVolumes"] {
    const volumes = read.array(value, "volumes");
    if (volumes === undefined || isUnreadable(volumes)) return volumes;
    const efs: EfsVolume[] = [];
    volumes.forEach((v, i) => {
        const volume = read.object(v, `volumes[${i}]`);
        const path = `volumes[${i}].efsVolumeConfiguration.transitEncryption`;
        if (isNotKnownYet(volume)) efs.push({ name: `#${i + 1}`, path, transitEncryption: volume }); // may be an EFS volume
        if (!isPlainObject(volume)) return;
        const config = read.object(volume.efsVolumeConfiguration, `volumes[${i}].efsVolumeConfiguration`);
        if (config === undefined) return;
        const name = typeof volume.name === "string" ? volume.name : `#${i + 1}`;
        efs.push({ name, path, transitEncryption: inside(config, (c) => read.string(c.transitEncryption, path)) });
    });
    return efs;
}

/** The fields a daemon's container has: no versionConsistency, no dockerLabels. */
export const daemonContainerFields: ReadonlySet<ContainerField> = new Set([...taskDefinitionFields].filter((f) => f !== "versionConsistency" && f !== "dockerLabels"));

/** The aws provider's daemon container: typed objects with three keys in the plural (checked against its types). */
const awsDaemonKeys: Keys<Pick<aws.ecs.DaemonTaskDefinitionContainerDefinition, "commands" | "entryPoints" | "environments">> =
    { commands: "commands", entryPoints: "entryPoints", environments: "environments" };
export const awsDaemonContainers: ContainerShape = {
    keys: { ...containerKeys, command: awsDaemonKeys.commands, entryPoint: awsDaemonKeys.entryPoints, environment: awsDaemonKeys.environments },
    fields: daemonContainerFields,
    absent: ["versionConsistency", "dockerLabels"],
    bridge: true,
};

/**
 * A daemon task definition's facet: a task with no network mode, compatibilities or runtime platform, and host
 * volumes only. `namespaces`: the shape has `pidMode` and `ipcMode` (aws-native does, aws does not).
 */
export function daemonTaskFacet(p: Props, read: Reader, containers: TaskFacet["containers"], namespaces: boolean): TaskFacet {
    return {
        family: read.string(p.family, "family"),
        networkMode: undefined,
        requiresCompatibilities: undefined,
        taskRoleArn: read.string(p.taskRoleArn, "taskRoleArn"),
        executionRoleArn: read.string(p.executionRoleArn, "executionRoleArn"),
        pidMode: namespaces ? read.string(p.pidMode, "pidMode") : undefined,
        ipcMode: namespaces ? read.string(p.ipcMode, "ipcMode") : undefined,
        cpu: read.taskSize(p.cpu, "cpu", "vCPU"),
        memory: read.taskSize(p.memory, "memory", "GB"),
        operatingSystemFamily: undefined,
        efsVolumes: [],
        containers,
        paths: {
            family: "family", networkMode: "containerDefinitions", requiresCompatibilities: "containerDefinitions", taskRoleArn: "taskRoleArn",
            executionRoleArn: "executionRoleArn", pidMode: "pidMode", ipcMode: "ipcMode", cpu: "cpu", memory: "memory",
            operatingSystemFamily: "containerDefinitions", volumes: "volumes", containers: "containerDefinitions",
        },
    };
}

/** A daemon: managed tags and tag propagation only (no network configuration, no deployment controller). */
export function daemonFacet(p: Props, read: Reader, nameKey: string): ServiceFacet {
    const none = "daemonTaskDefinitionArn";
    return {
        launchType: undefined,
        fargate: false,
        platformVersion: undefined,
        hasNetworkConfiguration: false,
        securityGroups: undefined,
        assignPublicIp: undefined,
        deploymentController: undefined,
        circuitBreakerEnable: undefined,
        circuitBreakerRollback: undefined,
        enableEcsManagedTags: read.boolean(p.enableEcsManagedTags, "enableEcsManagedTags"),
        propagateTags: read.string(p.propagateTags, "propagateTags"),
        serviceName: read.string(p[nameKey], nameKey),
        parentService: undefined,
        cluster: read.string(p.clusterArn, "clusterArn"),
        paths: {
            cluster: "clusterArn", launchType: none, platformVersion: none, networkConfiguration: none, securityGroups: none, assignPublicIp: none,
            deploymentController: none, circuitBreaker: none, enableEcsManagedTags: "enableEcsManagedTags", propagateTags: "propagateTags",
        },
    };
}

function service(p: Props, read: Reader, isTaskSet: boolean): ServiceFacet {
    const paths = {
        cluster: "cluster", launchType: "launchType", platformVersion: "platformVersion", networkConfiguration: "networkConfiguration",
        securityGroups: "networkConfiguration.securityGroups", assignPublicIp: "networkConfiguration.assignPublicIp",
        deploymentController: "deploymentController.type", circuitBreaker: "deploymentCircuitBreaker",
        enableEcsManagedTags: "enableEcsManagedTags", propagateTags: "propagateTags",
    };
    const network = read.object(p.networkConfiguration, "networkConfiguration");
    const breaker = read.object(p.deploymentCircuitBreaker, "deploymentCircuitBreaker");
    const controller = read.object(p.deploymentController, "deploymentController");
    const launchType = read.string(p.launchType, "launchType");
    return {
        launchType,
        fargate: isFargate(launchType, p.capacityProviderStrategies, read),
        platformVersion: read.string(p.platformVersion, "platformVersion"),
        hasNetworkConfiguration: isUnreadable(network) ? network : network !== undefined,
        securityGroups: inside(network, (n) => readIdList(n.securityGroups, paths.securityGroups, read)),
        assignPublicIp: inside(network, (n) => read.boolean(n.assignPublicIp, paths.assignPublicIp)),
        deploymentController: inside(controller, (c) => read.string(c.type, paths.deploymentController)),
        circuitBreakerEnable: inside(breaker, (b) => read.boolean(b.enable, "deploymentCircuitBreaker.enable")),
        circuitBreakerRollback: inside(breaker, (b) => read.boolean(b.rollback, "deploymentCircuitBreaker.rollback")),
        enableEcsManagedTags: read.boolean(p.enableEcsManagedTags, "enableEcsManagedTags"),
        propagateTags: read.string(p.propagateTags, "propagateTags"),
        serviceName: isTaskSet ? undefined : read.string(p.name, "name"),
        parentService: isTaskSet ? read.string(p.service, "service") : undefined,
        cluster: read.string(p.cluster, "cluster"),
        paths,
    };
}

/** A list of ids in which single elements may be unknown at preview; `null` and `""` elements name nothing. */
export function readIdList(value: unknown, path: string, read: Reader): Field<Field<string>[]> {
    const list = read.array(value, path);
    if (list === undefined || isUnreadable(list)) return list;
    return list.map((item, i) => read.string(item, `${path}[${i}]`)).filter((id) => id !== undefined);
}

export function isFargate(launchType: Field<string>, strategies: unknown, read: Reader, path = "capacityProviderStrategies"): Field<boolean> {
    if (isUnreadable(launchType)) return launchType;
    if (launchType !== undefined) return launchType === "FARGATE";
    const list = read.array(strategies, path);
    if (list === undefined || isUnreadable(list)) return list === undefined ? false : list;
    return list.some((s) => isPlainObject(s) && typeof s.capacityProvider === "string" && s.capacityProvider.startsWith("FARGATE"));
}

const expressContainerFields: ReadonlySet<ContainerField> = new Set<ContainerField>();
/** The Express Gateway Service's primary container spells two keys in the plural. */
export const expressContainerKeys = { ...containerKeys, command: "commands", environment: "environments" };

/** How a provider spells an Express Gateway Service: its container's keys, its logs and its network configuration. */
export interface ExpressSpelling {
    keys: Readonly<Record<ContainerValue, string>>;
    /** `primaryContainer.<logs>`: a list (aws) or one object (aws-native). */
    logs: { key: string; list: boolean };
    networks: { key: string; list: boolean };
    /** True for the aws provider, whose Terraform bridge maps keys by name (see terraform-names). */
    bridge?: true;
}

const awsExpressSpelling: ExpressSpelling = {
    keys: expressContainerKeys,
    logs: { key: "awsLogsConfigurations", list: true },
    networks: { key: "networkConfigurations", list: true },
    bridge: true,
};

export function expressServiceIn(spelling: ExpressSpelling): Mapper {
    return (model, p, read) => expressService(model, p, read, spelling);
}

/** The elements of a property that is a list in one provider and one object in another, each with its path. */
function elementsOf(value: unknown, path: string, list: boolean, read: Reader): Field<{ value: unknown; path: string }[]> {
    if (!list) {
        const one = read.object(value, path);
        return one === undefined || isUnreadable(one) ? one : [{ value: one, path }];
    }
    const items = read.array(value, path);
    return items === undefined || isUnreadable(items) ? items : items.map((item, i) => ({ value: item, path: `${path}[${i}]` }));
}

function expressService(model: ResourceModel, p: Props, read: Reader, spelling: ExpressSpelling): void {
    const raw = read.object(p.primaryContainer, "primaryContainer");
    const logsPath = `primaryContainer.${spelling.logs.key}`;
    let containers: TaskFacet["containers"];
    if (isPlainObject(raw)) {
        // The logs key is read beside the table (its own shape), so it is mapped with the table's keys.
        const keys = { ...spelling.keys, logs: spelling.logs.key } as ContainerShape["keys"];
        const shape: ContainerShape = { keys, fields: expressContainerFields, absent: ["logConfiguration"], ...(spelling.bridge ? { bridge: true as const } : {}) };
        const primary = asShapeReads(raw, shape, "primaryContainer", read);
        const container = readContainer(primary, 0, "primaryContainer", shape.fields, read, spelling.keys);
        const logs = elementsOf(primary[spelling.logs.key], logsPath, spelling.logs.list, read);
        container.logDriver = isUnreadable(logs) ? logs : logs && logs.length > 0 ? "awslogs" : undefined;
        container.paths = Object.create(container.paths, { logDriver: { value: logsPath, enumerable: true } });
        containers = [container];
    } else {
        containers = raw === undefined ? [] : raw;
    }
    const serviceName = read.string(p.serviceName, "serviceName");
    const net = spelling.networks.key;
    model.task = {
        family: serviceName,
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        taskRoleArn: read.string(p.taskRoleArn, "taskRoleArn"),
        executionRoleArn: read.string(p.executionRoleArn, "executionRoleArn"),
        pidMode: undefined,
        ipcMode: undefined,
        cpu: read.taskSize(p.cpu, "cpu", "vCPU"),
        memory: read.taskSize(p.memory, "memory", "GB"),
        operatingSystemFamily: undefined,
        efsVolumes: [],
        containers,
        paths: {
            family: "serviceName", networkMode: net, requiresCompatibilities: "primaryContainer", taskRoleArn: "taskRoleArn",
            executionRoleArn: "executionRoleArn", pidMode: "primaryContainer", ipcMode: "primaryContainer", cpu: "cpu", memory: "memory",
            operatingSystemFamily: "primaryContainer", volumes: "primaryContainer", containers: "primaryContainer",
        },
    };
    const networks = elementsOf(p[net], net, spelling.networks.list, read);
    let securityGroups: ServiceFacet["securityGroups"] = networks === undefined || isUnreadable(networks) ? networks : undefined;
    if (Array.isArray(networks)) {
        const groups: Field<string>[] = [];
        for (const n of networks) {
            const network = read.object(n.value, n.path);
            const ids = inside(network, (v) => readIdList(v.securityGroups, `${n.path}.securityGroups`, read));
            if (Array.isArray(ids)) groups.push(...ids);
            else if (isUnreadable(ids)) groups.push(ids);
        }
        securityGroups = groups.length > 0 ? groups : undefined;
    }
    model.service = {
        launchType: "FARGATE",
        fargate: true,
        platformVersion: undefined,
        hasNetworkConfiguration: Array.isArray(networks) ? networks.length > 0 : networks === undefined ? false : networks,
        securityGroups,
        assignPublicIp: undefined,
        deploymentController: undefined,
        circuitBreakerEnable: undefined,
        circuitBreakerRollback: undefined,
        enableEcsManagedTags: undefined,
        propagateTags: undefined,
        serviceName,
        parentService: undefined,
        cluster: read.string(p.cluster, "cluster"),
        paths: {
            cluster: "cluster", launchType: net, platformVersion: net, networkConfiguration: net,
            securityGroups: spelling.networks.list ? `${net}[].securityGroups` : `${net}.securityGroups`, assignPublicIp: net, deploymentController: net,
            circuitBreaker: net, enableEcsManagedTags: net, propagateTags: net,
        },
    };
}

/** The `containerInsights` value of a cluster's `[{name, value}]` settings (aws `settings`, aws-native `clusterSettings`). */
export function readContainerInsights(value: unknown, path: string, read: Reader): Field<string> {
    const settings = read.array(value, path);
    let insights: Field<string> = isUnreadable(settings) ? settings : undefined;
    if (Array.isArray(settings)) {
        let unknownSetting: Field<string>;
        settings.forEach((s, i) => {
            const setting = read.object(s, `${path}[${i}]`);
            const name = isPlainObject(setting) ? read.string(setting.name, `${path}[${i}].name`) : setting;
            if (isPlainObject(setting) && name === "containerInsights") {
                insights = read.string(setting.value, `${path}[${i}].value`);
            } else if (isNotKnownYet(name)) {
                unknownSetting = name; // a setting not known yet (or redacted) may be containerInsights
            }
        });
        insights ??= unknownSetting; // an element unknown at preview may be the containerInsights setting
    }
    return insights;
}

/** A cluster whose `[{name, value}]` settings are in `settingsKey`; the exec configuration is the same in both providers. */
export const clusterWithSettingsIn = (settingsKey: string): Mapper => (model, p, read) => cluster(model, p, read, settingsKey);

function cluster(model: ResourceModel, p: Props, read: Reader, settingsKey = "settings"): void {
    const insights = readContainerInsights(p[settingsKey], settingsKey, read);
    const configuration = read.object(p.configuration, "configuration");
    const exec = inside(configuration, (c) => read.object(c.executeCommandConfiguration, "configuration.executeCommandConfiguration"));
    const execLogging = "configuration.executeCommandConfiguration.logging";
    model.cluster = {
        containerInsights: insights,
        execLogging: inside(exec, (e) => read.string(e.logging, execLogging) ?? "DEFAULT"),
        paths: { containerInsights: settingsKey, execLogging },
    };
}

/** A capacity provider's Auto Scaling group settings: the same names in both providers. */
export function capacityProvider(p: Props, read: Reader): CapacityProviderFacet {
    const paths = {
        autoScalingGroup: "autoScalingGroupProvider", managedScalingStatus: "autoScalingGroupProvider.managedScaling.status",
        managedTerminationProtection: "autoScalingGroupProvider.managedTerminationProtection",
    };
    const asg = read.object(p.autoScalingGroupProvider, paths.autoScalingGroup);
    const scaling = inside(asg, (a) => read.object(a.managedScaling, "autoScalingGroupProvider.managedScaling"));
    return {
        autoScalingGroup: isUnreadable(asg) ? asg : asg !== undefined,
        managedScalingStatus: inside(scaling, (s) => read.string(s.status, paths.managedScalingStatus)),
        managedTerminationProtection: inside(asg, (a) => read.string(a.managedTerminationProtection, paths.managedTerminationProtection)),
        paths,
    };
}

/** A registry scanning configuration: its scan type and its rules (the same names in both providers). */
export function registryScanning(p: Props, read: Reader): RegistryScanningFacet {
    const list = read.array(p.rules, "rules");
    let rules: Field<ScanningRule[]> = isUnreadable(list) ? list : [];
    if (Array.isArray(list)) {
        const out: ScanningRule[] = [];
        list.forEach((item, i) => {
            const rule = read.object(item, `rules[${i}]`);
            if (isUnreadable(rule)) {
                out.push({ scanFrequency: rule, filters: rule });
                return;
            }
            if (rule === undefined) return;
            const filterList = read.array(rule.repositoryFilters, `rules[${i}].repositoryFilters`);
            let filters: Field<string[]> = isUnreadable(filterList) ? filterList : [];
            for (let j = 0; Array.isArray(filterList) && j < filterList.length; j++) {
                const path = `rules[${i}].repositoryFilters[${j}]`;
                const filter = inside(read.object(filterList[j], path), (f) => read.string(f.filter, `${path}.filter`));
                if (isUnreadable(filter)) {
                    filters = filter;
                    break;
                }
                if (filter !== undefined) (filters as string[]).push(filter);
            }
            out.push({ scanFrequency: read.string(rule.scanFrequency, `rules[${i}].scanFrequency`), filters });
        });
        rules = out;
    }
    return { scanType: read.string(p.scanType, "scanType"), rules, paths: { scanType: "scanType", rules: "rules" } };
}

function repository(model: ResourceModel, p: Props, read: Reader): void {
    const scanning = read.object(p.imageScanningConfiguration, "imageScanningConfiguration");
    const encryption = read.array(p.encryptionConfigurations, "encryptionConfigurations");
    let encryptionType: Field<string> = isUnreadable(encryption) ? encryption : undefined;
    let kmsKey: Field<string> = encryptionType;
    if (Array.isArray(encryption) && encryption.length > 0) {
        const first = read.object(encryption[0], "encryptionConfigurations[0]");
        encryptionType = inside(first, (e) => read.string(e.encryptionType, "encryptionConfigurations[0].encryptionType"));
        kmsKey = inside(first, (e) => read.string(e.kmsKey, "encryptionConfigurations[0].kmsKey"));
    }
    model.repository = {
        repositoryName: read.string(p.name, "name"),
        tagMutability: read.string(p.imageTagMutability, "imageTagMutability"),
        mutableTagFilters: readMutableTagFilters(p.imageTagMutabilityExclusionFilters, read),
        scanOnPush: inside(scanning, (s) => read.boolean(s.scanOnPush, "imageScanningConfiguration.scanOnPush")),
        encryptionType,
        kmsKey,
        paths: repositoryPaths("name", "encryptionConfigurations", "encryptionConfigurations[0].kmsKey"),
    };
}

export function readMutableTagFilters(value: unknown, read: Reader): Field<string[]> {
    const path = "imageTagMutabilityExclusionFilters";
    const list = read.array(value, path);
    if (list === undefined || isUnreadable(list)) return list;
    const filters: string[] = [];
    for (let i = 0; i < list.length; i++) {
        const filter = inside(read.object(list[i], `${path}[${i}]`), (f) => read.string(f.filter, `${path}[${i}].filter`));
        if (isUnreadable(filter)) return filter;
        if (filter !== undefined) filters.push(filter);
    }
    return filters;
}

/** A repository creation template (the same names in both providers): its prefix, tag mutability and repository policy. */
export function creationTemplate(model: ResourceModel, p: Props, read: Reader): void {
    model.repository = {
        repositoryName: read.string(p.prefix, "prefix"),
        tagMutability: read.string(p.imageTagMutability, "imageTagMutability"),
        mutableTagFilters: readMutableTagFilters(p.imageTagMutabilityExclusionFilters, read),
        paths: repositoryPaths("prefix", "encryptionConfigurations", "encryptionConfigurations[0].kmsKey"),
    };
    // The policy every repository it creates gets: checked as a repository policy.
    if (p.repositoryPolicy !== undefined && p.repositoryPolicy !== null && p.repositoryPolicy !== "") {
        model.repositoryPolicy = {
            repository: model.repository.repositoryName,
            statements: readPolicyStatements(p.repositoryPolicy, "repositoryPolicy", read),
            paths: { statements: "repositoryPolicy" },
        };
    }
}

/** A repository's paths: the same in both providers but for its name and its encryption setting. */
export function repositoryPaths(name: string, encryptionType: string, kmsKey: string): RepositoryFacet["paths"] {
    return {
        repositoryName: name, tagMutability: "imageTagMutability", mutableTagFilters: "imageTagMutabilityExclusionFilters",
        scanOnPush: "imageScanningConfiguration.scanOnPush", encryptionType, kmsKey,
    };
}
