// The demo's service as it is often first written, in plain @pulumi/aws: it deploys, and it carries the
// mistakes the pack exists to stop. `npm run demo` previews it under the pack (blocked), then examples/demo,
// the same service built from the components (passes).
import * as aws from "@pulumi/aws";

const tags = { project: "ecs-guardrails-demo" };

// Mutable tags: `latest` can be pushed over, so what runs is not what was reviewed.
new aws.ecr.Repository("shop-api", { name: "shop/api", imageTagMutability: "MUTABLE", tags });

const cluster = new aws.ecs.Cluster("shop", { tags });

const taskRole = new aws.iam.Role("api-task", {
    assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ecs-tasks.amazonaws.com" } }] }),
    tags,
});

const api = new aws.ecs.TaskDefinition("api", {
    family: "api",
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    cpu: "512",
    memory: "1024",
    taskRoleArn: taskRole.arn,
    executionRoleArn: taskRole.arn,
    containerDefinitions: JSON.stringify([{
        name: "api",
        image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:latest", // a moving tag
        essential: true,
        portMappings: [{ containerPort: 8080 }],
        environment: [{ name: "DB_PASSWORD", value: "s3cr3t-in-plain-text" }], // a secret in plain sight
        // no logConfiguration: the container's output is lost
    }]),
    tags,
});

new aws.ecs.Service("api", {
    cluster: cluster.arn,
    taskDefinition: api.arn,
    desiredCount: 2,
    launchType: "FARGATE",
    networkConfiguration: {
        subnets: ["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"],
        assignPublicIp: true,                                         // every task reachable from the internet
        // no security group of its own
    },
    tags,
});
