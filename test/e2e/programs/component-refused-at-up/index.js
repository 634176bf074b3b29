// An image known only at `pulumi up`: the URL of a repository created here, with the mutable tag `latest`.
"use strict";
const { Repository, TaskDefinition } = require(`${process.env.ECS_GUARDRAILS_ROOT}/bin/lib.js`);

const repo = new Repository("web");
new TaskDefinition("web", { container: { image: repo.repositoryUrl.apply((url) => `${url}:latest`), user: "1000", healthCheck: { command: ["CMD", "/health"] } } });
