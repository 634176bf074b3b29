// The image comes from a repository created in the same program: unknown at preview, `latest` at up.
"use strict";
const { taskDefinition, repository } = require("../lib");

const repo = repository("app");
taskDefinition("app", { container: { image: repo.repositoryUrl.apply((url) => `${url}:latest`) } });
