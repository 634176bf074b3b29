// Breaks two mandatory policies: an untagged image and a public IP.
"use strict";
const { taskDefinition, securityGroup, service } = require("../lib");

const td = taskDefinition("web", { container: { image: "nginx" } });
service("web", { taskDefinition: td, networkConfiguration: { subnets: ["subnet-1"], securityGroups: [securityGroup("web-sg").id], assignPublicIp: true } });
