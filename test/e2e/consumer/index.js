// A service built from the published components, beside one raw resource that breaks the pack on purpose.
"use strict";
const aws = require("@pulumi/aws");
const { Cluster, FargateService, Repository, TaskDefinition } = require("ecs-guardrails");

const cluster = new Cluster("shop");
const repository = new Repository("shop-api", { name: "shop/api" });
const api = new TaskDefinition("api", {
    container: {
        image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:3f9c2ab",
        port: 8080,
        user: "1000",
        healthCheck: { command: ["CMD", "/app/healthcheck"] },
    },
    repositoryArns: [repository.arn],
});
new FargateService("api", {
    cluster: cluster.arn,
    taskDefinition: api,
    vpcId: "vpc-123",
    subnets: ["subnet-1", "subnet-2"],
    ingress: [{ port: 8080, fromSecurityGroupIds: ["sg-alb"] }],
});

// Not from the components: a mutable repository without scanning.
new aws.ecr.Repository("legacy", { imageTagMutability: "MUTABLE" });
