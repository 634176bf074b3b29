// The `aws` provider's shapes, mapped onto the model.
import type { ContainerField, ResourceKind, ResourceModel, ServiceFacet, TaskFacet } from "./ecs";
import { readContainer, readContainerList, sub } from "./containers";
import { readPolicyStatements } from "./iam";
import { Field, Reader, isPending, isPlainObject, isUnreadable } from "./values";

type Props = Record<string, unknown>;
type Mapper = (model: ResourceModel, props: Props, read: Reader) => void;

export const awsTypes: Record<string, { kind: ResourceKind; map: Mapper }> = {
    "aws:ecs/taskDefinition:TaskDefinition": { kind: "taskDefinition", map: taskDefinition },
    "aws:ecs/service:Service": { kind: "service", map: (m, p, r) => (m.service = service(p, r)) },
    "aws:ecs/taskSet:TaskSet": { kind: "taskSet", map: (m, p, r) => (m.service = service(p, r)) },
    "aws:ecs/expressGatewayService:ExpressGatewayService": { kind: "expressService", map: expressService },
    "aws:ecs/cluster:Cluster": { kind: "cluster", map: cluster },
    "aws:ecr/repository:Repository": { kind: "repository", map: repository },
    "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate": {
        kind: "repositoryCreationTemplate",
        map: (m, p, r) => {
            m.repository = {
                repositoryName: r.string(p.prefix, "prefix"),
                tagMutability: r.string(p.imageTagMutability, "imageTagMutability"),
            };
        },
    },
    "aws:ecr/repositoryPolicy:RepositoryPolicy": {
        kind: "repositoryPolicy",
        map: (m, p, r) => {
            m.repositoryPolicy = {
                repository: r.string(p.repository, "repository"),
                statements: readPolicyStatements(p.policy, "policy", r),
            };
        },
    },
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": {
        kind: "lifecyclePolicy",
        map: (m, p, r) => (m.lifecyclePolicy = { repository: r.string(p.repository, "repository") }),
    },
};

function taskDefinition(model: ResourceModel, p: Props, read: Reader): void {
    const runtime = read.object(p.runtimePlatform, "runtimePlatform");
    model.task = {
        family: read.string(p.family, "family"),
        networkMode: read.string(p.networkMode, "networkMode"),
        requiresCompatibilities: read.strings(p.requiresCompatibilities, "requiresCompatibilities"),
        taskRoleArn: read.string(p.taskRoleArn, "taskRoleArn"),
        executionRoleArn: read.string(p.executionRoleArn, "executionRoleArn"),
        pidMode: read.string(p.pidMode, "pidMode"),
        ipcMode: read.string(p.ipcMode, "ipcMode"),
        memory: read.number(p.memory, "memory"),
        operatingSystemFamily: sub(runtime, (r) => read.string(r.operatingSystemFamily, "runtimePlatform.operatingSystemFamily")),
        efsVolumes: readEfsVolumes(p.volumes, read),
        containers: readContainerList(p.containerDefinitions, "containerDefinitions", read),
        containersPath: "containerDefinitions",
    };
}

function readEfsVolumes(value: unknown, read: Reader): TaskFacet["efsVolumes"] {
    const volumes = read.array(value, "volumes");
    if (volumes === undefined || isUnreadable(volumes)) return volumes;
    const efs: { name: string; transitEncryption: Field<string> }[] = [];
    volumes.forEach((v, i) => {
        const volume = read.object(v, `volumes[${i}]`);
        if (!isPlainObject(volume)) return;
        const config = read.object(volume.efsVolumeConfiguration, `volumes[${i}].efsVolumeConfiguration`);
        if (config === undefined) return;
        const name = typeof volume.name === "string" ? volume.name : `#${i + 1}`;
        efs.push({
            name,
            transitEncryption: sub(config, (c) => read.string(c.transitEncryption, `volumes[${i}].efsVolumeConfiguration.transitEncryption`)),
        });
    });
    return efs;
}

function service(p: Props, read: Reader): ServiceFacet {
    const network = read.object(p.networkConfiguration, "networkConfiguration");
    const breaker = read.object(p.deploymentCircuitBreaker, "deploymentCircuitBreaker");
    const controller = read.object(p.deploymentController, "deploymentController");
    const launchType = read.string(p.launchType, "launchType");
    return {
        launchType,
        fargate: isFargate(launchType, p.capacityProviderStrategies, read),
        platformVersion: read.string(p.platformVersion, "platformVersion"),
        networkPath: "networkConfiguration",
        hasNetworkConfiguration: isUnreadable(network) ? network : network !== undefined,
        securityGroups: sub(network, (n) => readIdList(n.securityGroups, "networkConfiguration.securityGroups", read)),
        assignPublicIp: sub(network, (n) => read.boolean(n.assignPublicIp, "networkConfiguration.assignPublicIp")),
        deploymentController: sub(controller, (c) => read.string(c.type, "deploymentController.type")),
        circuitBreakerEnable: sub(breaker, (b) => read.boolean(b.enable, "deploymentCircuitBreaker.enable")),
        circuitBreakerRollback: sub(breaker, (b) => read.boolean(b.rollback, "deploymentCircuitBreaker.rollback")),
        enableEcsManagedTags: read.boolean(p.enableEcsManagedTags, "enableEcsManagedTags"),
        propagateTags: read.string(p.propagateTags, "propagateTags"),
        parentService: read.string(p.service, "service"),
    };
}

/** A list of ids in which single elements may be unknown at preview. */
export function readIdList(value: unknown, path: string, read: Reader): Field<Field<string>[]> {
    const list = read.array(value, path);
    if (list === undefined || isUnreadable(list)) return list;
    return list.map((item, i) => read.string(item, `${path}[${i}]`));
}

function isFargate(launchType: Field<string>, strategies: unknown, read: Reader): Field<boolean> {
    if (isUnreadable(launchType)) return launchType;
    if (launchType !== undefined) return launchType === "FARGATE";
    const list = read.array(strategies, "capacityProviderStrategies");
    if (list === undefined || isUnreadable(list)) return list === undefined ? false : list;
    return list.some((s) => isPlainObject(s) && typeof s.capacityProvider === "string" && s.capacityProvider.startsWith("FARGATE"));
}

const expressContainerFields: ReadonlySet<ContainerField> = new Set<ContainerField>();

function expressService(model: ResourceModel, p: Props, read: Reader): void {
    const raw = read.object(p.primaryContainer, "primaryContainer");
    let containers: TaskFacet["containers"];
    if (isPlainObject(raw)) {
        const container = readContainer(
            { ...raw, command: raw.commands, environment: raw.environments, logConfiguration: undefined },
            0, "primaryContainer", expressContainerFields, read,
        );
        const logs = read.array(raw.awsLogsConfigurations, "primaryContainer.awsLogsConfigurations");
        container.logDriver = isUnreadable(logs) ? logs : logs && logs.length > 0 ? "awslogs" : undefined;
        containers = [container];
    } else {
        containers = raw === undefined ? [] : raw;
    }
    const serviceName = read.string(p.serviceName, "serviceName");
    model.task = {
        family: serviceName,
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        taskRoleArn: read.string(p.taskRoleArn, "taskRoleArn"),
        executionRoleArn: read.string(p.executionRoleArn, "executionRoleArn"),
        pidMode: undefined,
        ipcMode: undefined,
        memory: read.number(p.memory, "memory"),
        operatingSystemFamily: undefined,
        efsVolumes: [],
        containers,
        containersPath: "primaryContainer",
    };
    const networks = read.array(p.networkConfigurations, "networkConfigurations");
    let securityGroups: ServiceFacet["securityGroups"] = networks === undefined || isUnreadable(networks) ? networks : undefined;
    if (Array.isArray(networks)) {
        const groups: Field<string>[] = [];
        networks.forEach((n, i) => {
            const network = read.object(n, `networkConfigurations[${i}]`);
            const ids = sub(network, (v) => readIdList(v.securityGroups, `networkConfigurations[${i}].securityGroups`, read));
            if (Array.isArray(ids)) groups.push(...ids);
            else if (isUnreadable(ids)) groups.push(ids);
        });
        securityGroups = groups.length > 0 ? groups : undefined;
    }
    model.service = {
        launchType: "FARGATE",
        fargate: true,
        platformVersion: undefined,
        networkPath: "networkConfigurations",
        hasNetworkConfiguration: Array.isArray(networks) ? networks.length > 0 : networks === undefined ? false : networks,
        securityGroups,
        assignPublicIp: undefined,
        deploymentController: undefined,
        circuitBreakerEnable: undefined,
        circuitBreakerRollback: undefined,
        enableEcsManagedTags: undefined,
        propagateTags: undefined,
        parentService: undefined,
    };
}

function cluster(model: ResourceModel, p: Props, read: Reader): void {
    const settings = read.array(p.settings, "settings");
    let insights: Field<string> = isUnreadable(settings) ? settings : undefined;
    if (Array.isArray(settings)) {
        settings.forEach((s, i) => {
            const setting = read.object(s, `settings[${i}]`);
            const name = isPlainObject(setting) ? read.string(setting.name, `settings[${i}].name`) : setting;
            if (isPlainObject(setting) && name === "containerInsights") {
                insights = read.string(setting.value, `settings[${i}].value`);
            } else if (isPending(name) && insights === undefined) {
                insights = name; // a setting not known yet (or redacted) may be containerInsights
            }
        });
    }
    const configuration = read.object(p.configuration, "configuration");
    const exec = sub(configuration, (c) => read.object(c.executeCommandConfiguration, "configuration.executeCommandConfiguration"));
    model.cluster = {
        containerInsights: insights,
        execLogging: sub(exec, (e) => read.string(e.logging, "configuration.executeCommandConfiguration.logging") ?? "DEFAULT"),
    };
}

function repository(model: ResourceModel, p: Props, read: Reader): void {
    const scanning = read.object(p.imageScanningConfiguration, "imageScanningConfiguration");
    const encryption = read.array(p.encryptionConfigurations, "encryptionConfigurations");
    let encryptionType: Field<string> = isUnreadable(encryption) ? encryption : undefined;
    if (Array.isArray(encryption) && encryption.length > 0) {
        const first = read.object(encryption[0], "encryptionConfigurations[0]");
        encryptionType = sub(first, (e) => read.string(e.encryptionType, "encryptionConfigurations[0].encryptionType"));
    }
    model.repository = {
        repositoryName: read.string(p.name, "name"),
        tagMutability: read.string(p.imageTagMutability, "imageTagMutability"),
        scanOnPush: sub(scanning, (s) => read.boolean(s.scanOnPush, "imageScanningConfiguration.scanOnPush")),
        encryptionType,
    };
}
