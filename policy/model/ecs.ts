// The provider-neutral model every rule reads. Provider shapes (aws, aws-native) map onto it once per resource.
import type { Field, MalformedInput, Unreadable } from "./values";

/** What kind of ECS/ECR resource this is, whatever provider declared it. */
export type ResourceKind =
    | "taskDefinition"
    | "daemonTaskDefinition"
    | "service"
    | "daemon"
    | "taskSet"
    | "expressService"
    | "cluster"
    | "capacityProvider"
    | "registryScanningConfiguration"
    | "repository"
    | "repositoryCreationTemplate"
    | "repositoryPolicy"
    | "lifecyclePolicy";

/**
 * Resources the stack rules follow by URN: a role, a security group, or a VPC (whose default security group a
 * service may use through the VPC's `defaultSecurityGroupId`).
 */
export type ReferenceKind = "role" | "securityGroup" | "vpc";

/** Container fields a provider's shape may lack (the Express Gateway Service's primary container has few). */
export type ContainerField =
    | "essential" | "entryPoint" | "versionConsistency" | "restartPolicy" | "linuxParameters" | "stopTimeout"
    | "firelens" | "dockerLabels" | "healthCheck" | "privileged" | "readonlyRootFilesystem" | "user" | "memory";

/** Where each field of a facet is: the property path as the resource's own provider spells it. */
export type Paths<K extends string> = Readonly<Record<K, string>>;

export interface EnvironmentVariable {
    /** `containerDefinitions[0].environment[2]`. */
    path: string;
    name: Field<string>;
    value: Field<string>;
}

/** The container's values, each read from one property (see `paths`). */
export type ContainerValue =
    | "name" | "image" | "essential" | "entryPoint" | "command" | "versionConsistency" | "restartEnabled" | "initProcessEnabled"
    | "stopTimeout" | "logDriver" | "firelens" | "dockerLabels" | "healthCheck" | "privileged" | "readonlyRootFilesystem" | "user"
    | "environment" | "memory" | "memoryReservation";

export interface Container {
    /** Position in the definition list, from 0. */
    index: number;
    /** How messages name it: `container 'web'`, or `container #2` when it has no readable name. */
    label: string;
    /** Property path of this container: `containerDefinitions[1]`, `primaryContainer`. */
    path: string;
    /** Fields this shape has; a rule on a field the shape lacks does not apply. */
    fields: ReadonlySet<ContainerField>;
    paths: Paths<ContainerValue>;
    name: Field<string>;
    image: Field<string>;
    /** Resolved: unset means true. */
    essential: Field<boolean>;
    entryPoint: Field<string[]>;
    command: Field<string[]>;
    versionConsistency: Field<string>;
    restartEnabled: Field<boolean>;
    initProcessEnabled: Field<boolean>;
    stopTimeout: Field<number>;
    /** The log driver; undefined when there is no log configuration. */
    logDriver: Field<string>;
    firelens: Field<boolean>;
    dockerLabels: Field<Record<string, unknown>>;
    healthCheck: Field<boolean>;
    privileged: Field<boolean>;
    readonlyRootFilesystem: Field<boolean>;
    user: Field<string>;
    environment: Field<EnvironmentVariable[]>;
    memory: Field<number>;
    memoryReservation: Field<number>;
}

export interface EfsVolume {
    name: string;
    /** Where its transitEncryption is (or would be). */
    path: string;
    transitEncryption: Field<string>;
}

/** A task: a task definition, or an Express Gateway Service's implicit one. */
export interface TaskFacet {
    /** The family (EGS: its service name); undefined when unset. */
    family: Field<string>;
    networkMode: Field<string>;
    requiresCompatibilities: Field<string[]>;
    taskRoleArn: Field<string>;
    executionRoleArn: Field<string>;
    pidMode: Field<string>;
    ipcMode: Field<string>;
    /** Task-level CPU units (`"1 vCPU"` read as 1024). */
    cpu: Field<number>;
    /** Task-level memory in MiB (`"1 GB"` read as 1024). */
    memory: Field<number>;
    operatingSystemFamily: Field<string>;
    efsVolumes: Field<EfsVolume[]>;
    /** Unreadable when the whole list is not known yet or malformed; an element not known yet is Unreadable alone. */
    containers: Field<(Container | Unreadable)[]>;
    paths: Paths<"family" | "networkMode" | "requiresCompatibilities" | "taskRoleArn" | "executionRoleArn" | "pidMode" | "ipcMode" | "cpu" | "memory" | "operatingSystemFamily" | "volumes" | "containers">;
}

export interface ServiceFacet {
    launchType: Field<string>;
    /** True when the service runs on Fargate (launch type or capacity providers). */
    fargate: Field<boolean>;
    platformVersion: Field<string>;
    hasNetworkConfiguration: Field<boolean>;
    securityGroups: Field<Field<string>[]>;
    /** Undefined when the shape has no such field (EGS). */
    assignPublicIp: Field<boolean>;
    deploymentController: Field<string>;
    circuitBreakerEnable: Field<boolean>;
    circuitBreakerRollback: Field<boolean>;
    enableEcsManagedTags: Field<boolean>;
    propagateTags: Field<string>;
    /** The ECS service name (not the Pulumi name); undefined for task sets. */
    serviceName: Field<string>;
    /** TS: the service it belongs to (name or ARN), for grouping with its service. */
    parentService: Field<string>;
    /** The cluster it runs in (name or ARN); unset means the `default` cluster. */
    cluster: Field<string>;
    paths: Paths<"cluster" | "launchType" | "platformVersion" | "networkConfiguration" | "securityGroups" | "assignPublicIp" | "deploymentController" | "circuitBreaker" | "enableEcsManagedTags" | "propagateTags">;
}

export interface ClusterFacet {
    containerInsights: Field<string>;
    execLogging: Field<string>;
    paths: Paths<"containerInsights" | "execLogging">;
}

/** An Auto Scaling group capacity provider (the same names in both providers). */
export interface CapacityProviderFacet {
    /** True when it is an Auto Scaling group capacity provider (`autoScalingGroupProvider` is set). */
    autoScalingGroup: Field<boolean>;
    managedScalingStatus: Field<string>;
    managedTerminationProtection: Field<string>;
    paths: Paths<"autoScalingGroup" | "managedScalingStatus" | "managedTerminationProtection">;
}

/** One rule of a registry scanning configuration: how often, and which repositories (name wildcards). */
export interface ScanningRule {
    scanFrequency: Field<string>;
    /** The repository name wildcards (`*`); unreadable when one is not known yet. */
    filters: Field<string[]>;
}

/** A registry scanning configuration (the same names in both providers). */
export interface RegistryScanningFacet {
    scanType: Field<string>;
    rules: Field<ScanningRule[]>;
    paths: Paths<"scanType" | "rules">;
}

export interface RepositoryFacet {
    /** The repository name (template: its prefix). */
    repositoryName: Field<string>;
    tagMutability: Field<string>;
    /** The wildcard filters of tags that stay mutable under IMMUTABLE_WITH_EXCLUSION. */
    mutableTagFilters: Field<string[]>;
    /** undefined when the shape does not have it (creation templates: mutability only). */
    scanOnPush?: Field<boolean>;
    encryptionType?: Field<string>;
    /** The KMS key the repository is encrypted with; unset means the AWS managed key. */
    kmsKey?: Field<string>;
    /** aws-native only: an inline lifecycle policy. */
    inlineLifecyclePolicy?: Field<boolean>;
    /** `lifecyclePolicy`: where an inline lifecycle policy goes, in the shapes that have one (aws-native, CloudFormation). */
    paths: Paths<"repositoryName" | "tagMutability" | "mutableTagFilters" | "scanOnPush" | "encryptionType" | "kmsKey"> & { lifecyclePolicy?: string };
}

export interface PolicyStatement {
    effect: string;
    /** `Principal: "*"` (or `{"AWS": "*"}`), or any `NotPrincipal`: everyone but a few. */
    principalIsEveryone: boolean;
    notPrincipal: boolean;
    /** A Condition that can restrict the principals (not empty, not only wildcards). */
    hasCondition: boolean;
    sid?: string;
    /** `policy.Statement[1]`. */
    path: string;
}

export interface RepositoryPolicyFacet {
    repository: Field<string>;
    statements: Field<PolicyStatement[]>;
    paths: Paths<"statements">;
}

export interface LifecyclePolicyFacet {
    repository: Field<string>;
}

/** The provider resource a resource is created with, as the engine sends it: its type and its inputs. */
export interface ProviderInputs {
    type: string;
    urn?: string;
    props: unknown;
}

/** Where a resource declared inside another Pulumi resource is: a CloudFormation template's, a Cloud Control resource's. */
export interface DeclaredIn {
    /** The Pulumi resource whose diagnostics tell about it. */
    urn: string;
    name: string;
    /** Its logical id, in a CloudFormation template. */
    logicalId?: string;
    cloudFormationType: string;
    /** What its property paths start with in the Pulumi resource: `desiredState.`, `Resources.Web.Properties.`. */
    pathPrefix: string;
    /** A property path (aws-native names) as its input spells it (`enableEcsManagedTags` -> `EnableECSManagedTags`). */
    spell(path: string): string;
}

export interface ResourceModel {
    kind: ResourceKind;
    /** The Pulumi type token (a CloudFormation type for a resource declared in a template). */
    type: string;
    name: string;
    urn: string;
    tags: Field<Record<string, unknown>>;
    /** Tags the resource's provider adds to every resource (`defaultTags`); undefined when it adds none. */
    defaultTags: Field<Record<string, unknown>>;
    /** The region it lands in: its own `region` input (aws 7), else its provider's; undefined when neither says. */
    region: Field<string>;
    task?: TaskFacet;
    service?: ServiceFacet;
    cluster?: ClusterFacet;
    capacityProvider?: CapacityProviderFacet;
    registryScanning?: RegistryScanningFacet;
    repository?: RepositoryFacet;
    repositoryPolicy?: RepositoryPolicyFacet;
    lifecyclePolicy?: LifecyclePolicyFacet;
    /** Input that could not be read, reported once by `ecs-input-well-formed`. */
    malformed: MalformedInput[];
    /** Values read from secrets, masked in every message. */
    secrets: ReadonlySet<string>;
    /** Set when a CloudFormation template or a Cloud Control resource declares it (`urn` is then its own identity). */
    declaredIn?: DeclaredIn;
}
