// The component package's entry: the same components `import ... from "ecs-guardrails"` gives, served to every
// Pulumi language by @pulumi/pulumi's run-plugin, which derives their schema from these types and doc comments.
export { Cluster, FargateService, Repository, TaskDefinition } from "../components";
