// Breaks six mandatory policies, one resource each.
"use strict";
const { role, taskDefinition, securityGroup, service, repository } = require("../lib");

const untagged = taskDefinition("untagged", { container: { image: "nginx" } });
taskDefinition("no-logs", { container: { logConfiguration: undefined } });
service("public", { taskDefinition: untagged, networkConfiguration: { subnets: ["subnet-1"], securityGroups: [securityGroup("public-sg").id], assignPublicIp: true } });
repository("mutable", { imageTagMutability: "MUTABLE" });

const shared = role("shared-task-role");
taskDefinition("billing", { taskRole: shared });
taskDefinition("reports", { taskRole: shared });

const sharedSg = securityGroup("shared-sg");
service("orders", { taskDefinition: untagged, securityGroup: sharedSg });
service("payments", { taskDefinition: untagged, securityGroup: sharedSg });
