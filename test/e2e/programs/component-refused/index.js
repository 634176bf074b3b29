// Components whose only fault is a mutable image tag; three resources here are named `web`.
"use strict";
const { Cluster, FargateService } = require(`${process.env.ECS_GUARDRAILS_ROOT}/bin/lib.js`);

const cluster = new Cluster("web");
new FargateService("web", {
    cluster: cluster.arn, vpcId: "vpc-1", subnets: ["subnet-a"],
    taskDefinitionArgs: { container: { image: "nginx:latest", user: "1000", healthCheck: { command: ["CMD", "/health"] } } },
});
