// What the schema is derived from (index.js is what runs): the four components of the `ecs-guardrails` package,
// their TypeScript types and doc comments.
export { Cluster, FargateService, Repository, TaskDefinition } from "ecs-guardrails";
