// The same non-compliant configurations declared twice: through aws-native ("native-*") and through aws ("aws-*").
"use strict";
const native = require("@pulumi/aws-native");
const { containerDefinitions, repository, securityGroup, service, taskDefinition } = require("../lib");

const roleArn = (name) => `arn:aws:iam::123456789012:role/${name}`;
const container = containerDefinitions({ image: "nginx:latest", privileged: true });

new native.ecs.TaskDefinition("native-web", {
    family: "native-web",
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    cpu: "256",
    memory: "512",
    taskRoleArn: roleArn("native-web-task"),
    executionRoleArn: roleArn("native-web-execution"),
    containerDefinitions: [container],
});
const awsWeb = taskDefinition("aws-web", { container: { image: "nginx:latest", privileged: true } });

new native.ecr.Repository("native-images", {
    imageTagMutability: "MUTABLE",
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfiguration: { encryptionType: "KMS" },
    lifecyclePolicy: { lifecyclePolicyText: JSON.stringify({ rules: [] }) },
});
repository("aws-images", { imageTagMutability: "MUTABLE" });

new native.ecs.Service("native-public", {
    cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/main",
    taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/native-web:1",
    launchType: "FARGATE",
    desiredCount: 1,
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"], securityGroups: ["sg-native-public"], assignPublicIp: "ENABLED" } },
    enableEcsManagedTags: true,
    propagateTags: "SERVICE",
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
});
service("aws-public", { taskDefinition: awsWeb, networkConfiguration: { subnets: ["subnet-1"], securityGroups: [securityGroup("aws-public-sg").id], assignPublicIp: true } });
