// Compliant-by-default ECS components: each passes the ecs-guardrails pack as it is.
export { Repository, RepositoryArgs, defaultLifecyclePolicy } from "./repository";
export { Cluster, ClusterArgs } from "./cluster";
export { TaskDefinition, TaskDefinitionArgs, ContainerArgs } from "./taskDefinition";
export { FargateService, FargateServiceArgs, IngressArgs } from "./fargateService";
