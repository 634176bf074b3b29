// Deployed without the pack, then audited from its state: the non-compliant program, plus compliant resources
// whose values are secrets (an audit that cannot decrypt them sees "[secret]" of every type).
"use strict";
const pulumi = require("@pulumi/pulumi");
const aws = require("@pulumi/aws");
const { containerDefinitions, repository, role, securityGroup, service } = require("../lib");
require("../noncompliant");

const sealed = new aws.ecs.TaskDefinition("sealed", {
    family: "sealed",
    networkMode: pulumi.secret("awsvpc"),
    requiresCompatibilities: ["FARGATE"],
    cpu: "256",
    memory: pulumi.secret("512"),
    taskRoleArn: role("sealed-task").arn,
    executionRoleArn: role("sealed-execution").arn,
    containerDefinitions: pulumi.secret(JSON.stringify([containerDefinitions({ environment: [{ name: "LOG_LEVEL", value: "info" }] })])),
});
const sealedGroup = securityGroup("sealed-sg");
service("sealed", {
    taskDefinition: sealed,
    enableEcsManagedTags: pulumi.secret(true),
    networkConfiguration: pulumi.secret({ subnets: ["subnet-1"], securityGroups: [sealedGroup.id], assignPublicIp: false }),
});
repository("sealed-repo", { imageTagMutability: pulumi.secret("IMMUTABLE"), imageScanningConfiguration: pulumi.secret({ scanOnPush: true }) });
