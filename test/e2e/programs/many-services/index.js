// `services` compliant services, each with its task definition, two roles and a security group: 5 resources each.
"use strict";
const pulumi = require("@pulumi/pulumi");
const { taskDefinition, service } = require("../lib");

const count = new pulumi.Config().getNumber("services") ?? 100;
for (let i = 0; i < count; i++) {
    service(`svc-${i}`, { taskDefinition: taskDefinition(`task-${i}`) });
}
