// Issue 14 over the wire: the shapes the pack did not read, and three rule-table fixes never sent through the
// Analyzer protocol (task sets within their cluster, a VPC's default security group, supervisors behind launchers).
import { strict as assert } from "assert";
import { join } from "path";
import { packForPreview } from "../harness/preview";
import { propertyOf, said } from "../harness/said";
import { isSecret, secret, unknown, urn } from "../harness/wire";
import { container as c, daemon, daemonContainer as dc, daemonTaskDefinition as dtd, expressService, service, taskDefinition as td, types } from "../support/fixtures";

type Diagnostic = { policyName: string; description: string; message: string; enforcementLevel: string; urn: string };
type Diagnostics = { diagnostics: Diagnostic[] };
const seen = (r: Diagnostics, policies: readonly string[]) =>
    r.diagnostics.filter((d) => policies.includes(d.policyName)).map((d) => [d.policyName, d.enforcementLevel, said(d), propertyOf(d)]);
const net = (...groups: string[]) => ({ networkConfiguration: { subnets: ["subnet-1"], securityGroups: groups, assignPublicIp: false } });

describe("issue 14 shapes and fixes, over the Analyzer protocol", function () {
    this.timeout(120_000);
    const pack = packForPreview();

    const headline = ["ecs-no-privileged", "ecs-image-tag-pinned", "ecs-no-secrets-in-environment"] as const;
    const agent = { image: "datadog/agent:latest", privileged: true };
    const password = { name: "DB_PASSWORD", value: "hunter2-hunter2" };
    const findings = (property: string) => [
        ["ecs-image-tag-pinned", "mandatory", "container 'agent' image 'datadog/agent:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest.", "containerDefinitions[0].image"],
        ["ecs-no-privileged", "mandatory", "container 'agent' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs.", "containerDefinitions[0].privileged"],
        ["ecs-no-secrets-in-environment", "mandatory", "container 'agent' environment variable 'DB_PASSWORD' is named like a secret and is stored in plain text in the task definition. Move it to `secrets` (Secrets Manager or SSM).", property],
    ];

    it("a privileged :latest daemon with a password in its environment (aws: environments)", async () => {
        const r = await pack().analyze({ type: types.daemonTaskDefinition, name: "agent", properties: dtd([dc({ ...agent, environments: [password] })]) });
        assert.deepEqual(seen(r, headline), findings("containerDefinitions[0].environments[0].value"));
        for (const d of r.diagnostics) assert.doesNotMatch(d.message, /hunter2/);
        assert.deepEqual(seen(r, ["ecs-awsvpc-network-mode", "ecs-no-host-network"]), []);
    });

    it("the same daemon through aws-native (environment)", async () => {
        const { environments: _plural, commands: _c, healthCheck: _h, ...container } = dc(agent);
        const r = await pack().analyze({ type: "aws-native:ecs:DaemonTaskDefinition", name: "agent", properties: { ...dtd(), containerDefinitions: [{ ...container, environment: [password] }] } });
        assert.deepEqual(seen(r, headline), findings("containerDefinitions[0].environment[0].value"));
        for (const d of r.diagnostics) assert.doesNotMatch(d.message, /hunter2/);
    });

    it("secrets stay out of the messages: a secret container name, image and daemon name", async () => {
        const r = await pack().analyze({ type: types.daemonTaskDefinition, name: "agent", properties: dtd([dc({ name: secret("s3cr3t-name"), image: secret("registry.example/s3cr3t:latest"), privileged: true })]) });
        assert.deepEqual(r.diagnostics.filter((d) => headline.includes(d.policyName as never)).map((d) => d.policyName), ["ecs-image-tag-pinned", "ecs-no-privileged"]);
        for (const d of r.diagnostics) assert.doesNotMatch(d.message, /s3cr3t/);
        const stack = await pack().analyzeStack([
            { type: types.daemonTaskDefinition, name: "a", properties: dtd(undefined, { family: secret("s3cr3t-family") }) },
            { type: "aws-native:ecs:DaemonTaskDefinition", name: "b", properties: { ...dtd(), family: secret("s3cr3t-family"), containerDefinitions: [] } },
        ]);
        assert.equal(stack.diagnostics.filter((d) => d.policyName === "ecs-task-family-unique").length, 2);
        for (const d of stack.diagnostics) assert.doesNotMatch(d.message, /s3cr3t/);
    });

    it("a secret under a key the bridge renames stays secret (Image, Environment[].Value, PidMode)", async () => {
        const { image: _i, environments: _e, ...container } = dc();
        const daemonResult = await pack().analyze({ type: types.daemonTaskDefinition, name: "agent", properties: dtd([{ ...container, Image: secret("registry.example/s3cr3t:latest"), Environment: [{ Name: "DB_PASSWORD", Value: secret("s3cr3t-password") }] }]) });
        assert.deepEqual(daemonResult.diagnostics.filter((d) => headline.includes(d.policyName as never)).map((d) => d.policyName), ["ecs-image-tag-pinned", "ecs-no-secrets-in-environment"]);
        const express = await pack().analyze({ type: types.expressService, name: "web", properties: expressService({ primaryContainer: { Image: secret("registry.example/s3cr3t:latest"), awsLogsConfigurations: [{ logGroup: "g", logStreamPrefix: "p" }] } }) });
        assert.equal(express.diagnostics.filter((d) => d.policyName === "ecs-image-tag-pinned").length, 1);
        const task = await pack().analyze({ type: types.taskDefinition, name: "api", properties: td(undefined, { PidMode: secret("host"), family: "s3cr3t-family" }) });
        assert.equal(task.diagnostics.filter((d) => d.policyName === "ecs-no-host-namespaces").length, 1);
        for (const d of [...daemonResult.diagnostics, ...express.diagnostics]) assert.doesNotMatch(d.message, /s3cr3t/);
        for (const d of task.diagnostics.filter((x) => x.policyName === "ecs-no-host-namespaces")) assert.doesNotMatch(d.message, /'host'/);
    });

    it("keys the aws provider's bridge maps by name: Privileged on a daemon container, PidMode on a task definition", async () => {
        const { privileged: _p, ...container } = dc();
        const daemonResult = await pack().analyze({ type: types.daemonTaskDefinition, name: "agent", properties: dtd([{ ...container, Privileged: true }]) });
        assert.deepEqual(seen(daemonResult, ["ecs-no-privileged"]), [["ecs-no-privileged", "mandatory", "container 'agent' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs.", "containerDefinitions[0].privileged"]]);
        const task = await pack().analyze({ type: types.taskDefinition, name: "api", properties: td(undefined, { PidMode: "host" }) });
        assert.deepEqual(seen(task, ["ecs-no-host-namespaces"]), [["ecs-no-host-namespaces", "mandatory", "pidMode is 'host', so containers share the host's namespace. Remove it or use 'task'.", "pidMode"]]);
    });

    it("a daemon that propagates no tags and has managed tags off", async () => {
        const r = await pack().analyze({ type: types.daemon, name: "agent", properties: daemon({ enableEcsManagedTags: false, propagateTags: "NONE" }) });
        assert.deepEqual(seen(r, ["ecs-managed-tags", "ecs-propagate-tags", "ecs-service-security-group"]), [
            ["ecs-managed-tags", "mandatory", "ECS managed tags are off, so tasks are not tagged with their cluster and daemon for cost reports. Set enableEcsManagedTags to true.", "enableEcsManagedTags"],
            ["ecs-propagate-tags", "mandatory", "propagateTags is 'NONE', so tasks do not carry the daemon's tags for cost reports. Set propagateTags to 'DAEMON'.", "propagateTags"],
        ]);
        await pack().configureLikeCli({ "ecs-managed-tags": "remediate", "ecs-propagate-tags": "remediate" });
        try {
            const fixed = await pack().remediate({ type: "aws-native:ecs:Daemon", name: "agent", properties: { daemonName: "agent", propagateTags: "NONE", enableEcsManagedTags: false } });
            const props = fixed.remediations.map((x) => x.properties).filter(Boolean).pop() as Record<string, unknown>;
            assert.equal(props.propagateTags, "DAEMON");
            assert.equal(props.enableEcsManagedTags, true);
        } finally {
            await pack().configureLikeCli();
        }
    });

    it("a remediation edits a key the bridge renames in place, so its secret stays secret", async () => {
        await pack().configureLikeCli({ "ecs-propagate-tags": "remediate" });
        try {
            const r = await pack().remediate({ type: types.service, name: "api", properties: service({ propagateTags: null, PropagateTags: secret("NONE") }) });
            const props = r.remediations.map((x) => x.properties).filter(Boolean).pop() as Record<string, unknown>;
            assert.ok(isSecret(props.PropagateTags as never), JSON.stringify(props.PropagateTags));
            assert.equal(props.propagateTags ?? null, null);
        } finally {
            await pack().configureLikeCli();
        }
    });

    it("an aws-native Express Gateway Service gets its aws twin's mandatory findings", async () => {
        const awsProps = expressService({ taskRoleArn: undefined, primaryContainer: { image: "web:latest", environments: [password] }, networkConfigurations: [{ subnets: ["subnet-1"] }] });
        const nativeProps = { ...expressService({ taskRoleArn: undefined }), networkConfigurations: undefined, networkConfiguration: { subnets: ["subnet-1"] }, primaryContainer: { image: "web:latest", environment: [password] } };
        const mandatory = (r: Diagnostics) => r.diagnostics.filter((d) => d.enforcementLevel === "mandatory").map((d) => [d.policyName, said(d)]);
        const aws = mandatory(await pack().analyze({ type: types.expressService, name: "web", properties: awsProps }));
        const native = mandatory(await pack().analyze({ type: "aws-native:ecs:ExpressGatewayService", name: "web", properties: nativeProps }));
        assert.equal(aws.length, 5);
        const respelt = aws.map(([p, m]) => [p, m.split("awsLogsConfigurations").join("awsLogsConfiguration").split("networkConfigurations").join("networkConfiguration")]);
        assert.deepEqual(native, respelt);
    });

    it("a creation template's public repositoryPolicy", async () => {
        const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "ecr:*" }] });
        for (const type of [types.creationTemplate, "aws-native:ecr:RepositoryCreationTemplate"]) {
            const r = await pack().analyze({ type, name: "tpl", properties: { prefix: "shop", imageTagMutability: "IMMUTABLE", repositoryPolicy: policy, appliedFor: ["PULL_THROUGH_CACHE"] } });
            assert.deepEqual(seen(r, ["ecr-no-public-access"]), [[
                "ecr-no-public-access", "mandatory",
                "Repository policy statement #1 allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID.",
                "repositoryPolicy.Statement[0]",
            ]], type);
        }
    });

    it("a task set joins its service only within its cluster: a same-named service elsewhere shares nothing", async () => {
        const shares = (a: string, b: string) => `Service '${a}' has no security group of its own: it shares 'sg-api' with '${b}'. Create a security group for this service.`;
        const api = { type: types.service, name: "api", properties: service({ name: "shop-api", cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/main", ...net("sg-api") }) };
        const intruder = await pack().analyzeStack([api, { type: types.taskSet, name: "intruder", properties: { service: "shop-api", cluster: "sandbox", taskDefinition: "td", ...net("sg-api") } }]);
        assert.deepEqual(intruder.diagnostics.filter((d) => d.policyName === "ecs-security-group-per-service").map((d) => [d.enforcementLevel, d.urn, said(d)]), [
            ["mandatory", urn(types.service, "api"), shares("api", "intruder")],
            ["mandatory", urn(types.taskSet, "intruder"), shares("intruder", "api")],
        ]);
        const own = await pack().analyzeStack([api, { type: types.taskSet, name: "blue", properties: { service: "shop-api", cluster: "main", taskDefinition: "td", ...net("sg-api") } }]);
        assert.deepEqual(own.diagnostics.filter((d) => d.policyName === "ecs-security-group-per-service"), []);
    });

    it("services sharing a VPC's default security group are flagged (DefaultSecurityGroup, and a VPC's defaultSecurityGroupId)", async () => {
        for (const [type, name] of [["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default-sg"], ["aws:ec2/vpc:Vpc", "main-vpc"]]) {
            const group = urn(type, name);
            const svc = (n: string) => ({ type: types.service, name: n, properties: service({ name: n, ...net(unknown()) }), propertyDependencies: { networkConfiguration: [group] } });
            const r = await pack().analyzeStack([{ type, name, properties: {} }, svc("api"), svc("web")]);
            assert.deepEqual(r.diagnostics.filter((d) => d.policyName === "ecs-security-group-per-service").map((d) => [d.enforcementLevel, d.urn, said(d)]), [
                ["mandatory", urn(types.service, "api"), `Service 'api' has no security group of its own: it shares '${name}' with 'web'. Create a security group for this service.`],
                ["mandatory", urn(types.service, "web"), `Service 'web' has no security group of its own: it shares '${name}' with 'api'. Create a security group for this service.`],
            ], type);
        }
    });

    it("a supervisor behind a launcher is flagged by ecs-single-process", async () => {
        const supervisor = (program: string) => `container 'api' starts the process supervisor '${program}'. Run the application directly and let ECS restart the task.`;
        const cases: [string[], string][] = [
            [["setpriv", "--reuid=1000", "--regid=1000", "--init-groups", "supervisord", "-n"], "supervisord"],
            [["chamber", "exec", "shop/api", "--", "pm2-runtime", "app.js"], "pm2-runtime"],
            [["python3", "/usr/local/bin/supervisord", "-c", "/etc/supervisord.conf"], "supervisord"],
        ];
        for (const [command, program] of cases) {
            const r = await pack().analyze({ type: types.taskDefinition, name: "api", properties: td([c({ command })]) });
            assert.deepEqual(seen(r, ["ecs-single-process"]), [["ecs-single-process", "advisory", supervisor(program), "containerDefinitions[0].command"]], command.join(" "));
        }
    });
});
