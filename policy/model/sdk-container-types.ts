// aws-sdk-go-v2 service/ecs types: ContainerDefinition and every struct it holds, each field with its Go type, as
// `go run ./test/provider-json -schema` prints it by reflection (test/provider-json/decoder.spec.ts keeps the two
// equal). Field names are the Go names with a lower-case first letter, as the ECS API spells them; the provider's
// decoder matches them case-insensitively. Named string types (enums such as LogDriver) are `string`.

export const sdkContainerTypes = {
    ContainerDefinition: {
        command: "[]string", cpu: "int32", credentialSpecs: "[]string", dependsOn: "[]ContainerDependency",
        disableNetworking: "*bool", dnsSearchDomains: "[]string", dnsServers: "[]string",
        dockerLabels: "map[string]string", dockerSecurityOptions: "[]string", entryPoint: "[]string",
        environment: "[]KeyValuePair", environmentFiles: "[]EnvironmentFile", essential: "*bool",
        extraHosts: "[]HostEntry", firelensConfiguration: "*FirelensConfiguration", healthCheck: "*HealthCheck",
        hostname: "*string", image: "*string", interactive: "*bool", links: "[]string",
        linuxParameters: "*LinuxParameters", logConfiguration: "*LogConfiguration", memory: "*int32",
        memoryReservation: "*int32", mountPoints: "[]MountPoint", name: "*string", portMappings: "[]PortMapping",
        privileged: "*bool", pseudoTerminal: "*bool", readonlyRootFilesystem: "*bool",
        repositoryCredentials: "*RepositoryCredentials", resourceRequirements: "[]ResourceRequirement",
        restartPolicy: "*ContainerRestartPolicy", secrets: "[]Secret", startTimeout: "*int32", stopTimeout: "*int32",
        systemControls: "[]SystemControl", ulimits: "[]Ulimit", user: "*string", versionConsistency: "string",
        volumesFrom: "[]VolumeFrom", workingDirectory: "*string",
    },
    ContainerDependency: { condition: "string", containerName: "*string" },
    ContainerRestartPolicy: { enabled: "*bool", ignoredExitCodes: "[]int32", restartAttemptPeriod: "*int32" },
    Device: { containerPath: "*string", hostPath: "*string", permissions: "[]string" },
    EnvironmentFile: { type: "string", value: "*string" },
    FirelensConfiguration: { options: "map[string]string", type: "string" },
    HealthCheck: {
        command: "[]string", interval: "*int32", retries: "*int32", startPeriod: "*int32", timeout: "*int32",
    },
    HostEntry: { hostname: "*string", ipAddress: "*string" },
    KernelCapabilities: { add: "[]string", drop: "[]string" },
    KeyValuePair: { name: "*string", value: "*string" },
    LinuxParameters: {
        capabilities: "*KernelCapabilities", devices: "[]Device", initProcessEnabled: "*bool", maxSwap: "*int32",
        sharedMemorySize: "*int32", swappiness: "*int32", tmpfs: "[]Tmpfs",
    },
    LogConfiguration: { logDriver: "string", options: "map[string]string", secretOptions: "[]Secret" },
    MountPoint: { containerPath: "*string", readOnly: "*bool", sourceVolume: "*string" },
    PortMapping: {
        appProtocol: "string", containerPort: "*int32", containerPortRange: "*string", hostPort: "*int32",
        name: "*string", protocol: "string",
    },
    RepositoryCredentials: { credentialsParameter: "*string" },
    ResourceRequirement: { sharingStrategy: "interface", type: "string", value: "*string" },
    Secret: { name: "*string", valueFrom: "*string" },
    SystemControl: { namespace: "*string", value: "*string" },
    Tmpfs: { containerPath: "*string", mountOptions: "[]string", size: "int32" },
    Ulimit: { hardLimit: "int32", name: "string", softLimit: "int32" },
    VolumeFrom: { readOnly: "*bool", sourceContainer: "*string" },
} as const satisfies Record<string, Record<string, string>>;
