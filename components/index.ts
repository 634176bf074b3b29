// Compliant-by-default ECS components: each passes the ecs-guardrails pack as it is.
export { Repository, RepositoryArgs, defaultLifecyclePolicy } from "./repository";
export { Cluster, ClusterArgs, ContainerInsights, ExecLogGroupArgs, CapacityProviderStrategyArgs } from "./cluster";
export { TaskDefinition, TaskDefinitionArgs, ContainerArgs, HealthCheckArgs, TaskRoleArgs, ExecutionRoleArgs, TaskLogGroupArgs, CpuArchitecture } from "./taskDefinition";
export { FargateService, FargateServiceArgs, IngressArgs, TaskDefinitionRef, LoadBalancerArgs, AutoscalingArgs } from "./fargateService";
