// A service that does not propagate tags: the pack remediates it when ecs-propagate-tags is at `remediate`.
"use strict";
const { taskDefinition, service } = require("../lib");

service("api", { taskDefinition: taskDefinition("api"), propagateTags: undefined });
