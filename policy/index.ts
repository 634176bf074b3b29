// The pack entry the Pulumi CLI loads (package.json `main`): `new PolicyPack(...)` and nothing else.
import "../compile-cache";
import { PolicyPack } from "@pulumi/policy";
import { listenToEngine } from "./pack/engine";
import { trackSecrets } from "./pack/secrets";
import { policies } from "./policies";

listenToEngine();
trackSecrets();

new PolicyPack("ecs-guardrails", {
    policies,
    description: "Amazon ECS best practices (running your application) and ECS/ECR hardening, enforced at preview.",
    displayName: "ecs-guardrails",
    provider: "aws",
    tags: ["ecs", "ecr", "containers"],
});
