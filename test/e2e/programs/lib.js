// Small builders for the end-to-end programs: resources that pass the pack unless a test breaks them on purpose.
"use strict";
const aws = require("@pulumi/aws");
const pulumi = require("@pulumi/pulumi");

const image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:3f9c2ab";

function role(name) {
    return new aws.iam.Role(name, {
        assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ecs-tasks.amazonaws.com" } }] }),
    });
}

function containerDefinitions(overrides = {}) {
    return {
        name: "app",
        image,
        essential: true,
        linuxParameters: { initProcessEnabled: true },
        stopTimeout: 30,
        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/app", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app" } },
        readonlyRootFilesystem: true,
        user: "1000",
        healthCheck: { command: ["CMD", "/bin/health"] },
        ...overrides,
    };
}

function taskDefinition(name, { container = {}, taskRole, executionRole } = {}) {
    return new aws.ecs.TaskDefinition(name, {
        family: name,
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        cpu: "256",
        memory: "512",
        taskRoleArn: (taskRole || role(`${name}-task`)).arn,
        executionRoleArn: (executionRole || role(`${name}-execution`)).arn,
        containerDefinitions: pulumi.jsonStringify([containerDefinitions(container)]),
    });
}

function securityGroup(name) {
    return new aws.ec2.SecurityGroup(name, { vpcId: "vpc-123", egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });
}

function service(name, { taskDefinition: td, securityGroup: sg, ...overrides } = {}) {
    const network = overrides.networkConfiguration
        || { subnets: ["subnet-1"], securityGroups: [(sg || securityGroup(`${name}-sg`)).id], assignPublicIp: false };
    return new aws.ecs.Service(name, {
        cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/main",
        taskDefinition: td.arn,
        launchType: "FARGATE",
        desiredCount: 1,
        networkConfiguration: network,
        enableEcsManagedTags: true,
        propagateTags: "SERVICE",
        deploymentCircuitBreaker: { enable: true, rollback: true },
        ...overrides,
    });
}

function repository(name, overrides = {}) {
    const repo = new aws.ecr.Repository(name, {
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS" }],
        ...overrides,
    });
    new aws.ecr.LifecyclePolicy(`${name}-lifecycle`, {
        repository: repo.name,
        policy: JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }, action: { type: "expire" } }] }),
    });
    return repo;
}

module.exports = { role, taskDefinition, securityGroup, service, repository, containerDefinitions };
