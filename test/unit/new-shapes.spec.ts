// Shapes of issue 14 the pack did not read: daemon task definitions, daemons, the aws-native Express Gateway
// Service, a creation template's repository policy. Each case failed (no diagnostic) before they were read.
import { strict as assert } from "assert";
import { buildModel } from "../../policy/model";
import { evaluateResource } from "../../policy/pack/evaluate";
import { ruleNamed, rules } from "../../policy/rules";
import type { ResourceRule } from "../../policy/rules/rule";
import {
    appImage, check, checkStack, daemon, daemonContainer as dc, daemonTaskDefinition as dtd, expressService, remediate, service, table,
    taskDefinition as td, types, unknownString,
} from "../support/fixtures";

type Props = Record<string, unknown>;
const native = {
    daemonTaskDefinition: "aws-native:ecs:DaemonTaskDefinition",
    daemon: "aws-native:ecs:Daemon",
    expressService: "aws-native:ecs:ExpressGatewayService",
    creationTemplate: "aws-native:ecr:RepositoryCreationTemplate",
};

/** The aws-native daemon container: the ECS API's singular names. */
function nativeContainer(overrides: Props = {}): Props {
    const { environments, entryPoints, commands, healthCheck, ...rest } = dc(overrides);
    const check = healthCheck as Props | undefined;
    return {
        ...rest,
        ...(environments !== undefined ? { environment: environments } : {}),
        ...(entryPoints !== undefined ? { entryPoint: entryPoints } : {}),
        ...(commands !== undefined ? { command: commands } : {}),
        ...(check ? { healthCheck: { ...check, command: check.commands, commands: undefined } } : {}),
    };
}

/** The findings of one policy on one resource, as `path: message`. */
function findings(policy: string, type: string, props: unknown, config: Props = {}): string[] {
    const model = buildModel(type, props, "res", `urn:pulumi:dev::demo::${type}::res`)!;
    return evaluateResource(ruleNamed(policy) as ResourceRule, model, config).violations.map((f) => `${f.path}: ${f.message}`);
}

const privilegedLatest = { image: "datadog/agent:latest", privileged: true };
const password = { name: "DB_PASSWORD", value: "hunter2-hunter2" };
const secretMessage = "container 'agent' environment variable 'DB_PASSWORD' is named like a secret and is stored in plain text in the task definition. Move it to `secrets` (Secrets Manager or SSM).";

describe("daemon task definitions: a privileged :latest daemon with a password", () => {
    const aws = dtd([dc({ ...privilegedLatest, environments: [password] })]);
    const awsNative = { ...dtd(), containerDefinitions: [nativeContainer({ ...privilegedLatest, environments: [password] })] };
    it("gets ecs-no-privileged, ecs-image-tag-pinned and ecs-no-secrets-in-environment, at the aws provider's own paths", () => {
        assert.deepEqual(findings("ecs-no-privileged", types.daemonTaskDefinition, aws),
            ["containerDefinitions[0].privileged: container 'agent' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs."]);
        assert.deepEqual(findings("ecs-image-tag-pinned", types.daemonTaskDefinition, aws),
            ["containerDefinitions[0].image: container 'agent' image 'datadog/agent:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest."]);
        assert.deepEqual(findings("ecs-no-secrets-in-environment", types.daemonTaskDefinition, aws), [`containerDefinitions[0].environments[0].value: ${secretMessage}`]);
    });
    it("the same in aws-native, at its paths", () => {
        assert.deepEqual(findings("ecs-no-privileged", native.daemonTaskDefinition, awsNative).length, 1);
        assert.deepEqual(findings("ecs-image-tag-pinned", native.daemonTaskDefinition, awsNative).length, 1);
        assert.deepEqual(findings("ecs-no-secrets-in-environment", native.daemonTaskDefinition, awsNative), [`containerDefinitions[0].environment[0].value: ${secretMessage}`]);
    });
    it("the password never appears in a message", () => {
        for (const rule of rules.filter((r): r is ResourceRule => r.kind === "resource")) {
            for (const [type, props] of [[types.daemonTaskDefinition, aws], [native.daemonTaskDefinition, awsNative]] as const) {
                for (const f of findings(rule.name, type, props)) assert.doesNotMatch(f, /hunter2/, `${rule.name}: ${f}`);
            }
        }
    });
    it("keys as each provider maps them: the aws bridge sets `environment` for a key it has no name for, aws-native drops it", () => {
        // The aws provider's bridge turns an unknown key into a Terraform name (`environment`, `Environment` ->
        // `environment`), the attribute `environments` sets; aws-native converts only its schema's names.
        assert.deepEqual(findings("ecs-no-secrets-in-environment", types.daemonTaskDefinition, dtd([dc({ environments: undefined, environment: [password] })])), [`containerDefinitions[0].environments[0].value: ${secretMessage}`]);
        assert.deepEqual(findings("ecs-no-secrets-in-environment", native.daemonTaskDefinition, { ...dtd(), containerDefinitions: [{ ...nativeContainer(), environments: [password] }] }), []);
    });
});

table("ecs-single-process", types.daemonTaskDefinition, [
    { name: "a supervisor behind a launcher in entryPoints", props: dtd([dc({ entryPoints: ["setpriv", "--reuid=1000", "--clear-groups", "supervisord", "-n"] })]), violations: ["container 'agent' starts the process supervisor 'supervisord'. Run the application directly and let ECS restart the task."] },
    { name: "aws-native: pm2-runtime in command", type: native.daemonTaskDefinition, props: { ...dtd(), containerDefinitions: [nativeContainer({ commands: ["pm2-runtime", "app.js"] })] }, violations: ["container 'agent' starts the process supervisor 'pm2-runtime'. Run the application directly and let ECS restart the task."] },
]);

table("ecs-no-startup-downloads", types.daemonTaskDefinition, [
    { name: "an install in commands", props: dtd([dc({ entryPoints: ["sh", "-c"], commands: ["pip install agent && agent"] })]), violations: ["container 'agent' downloads or installs code at start ('pip install'). Bake dependencies into the image instead."] },
]);

table("ecs-awsvpc-network-mode", types.daemonTaskDefinition, [
    { name: "a daemon task definition has no network mode", props: dtd(), notApplicable: "applies to taskDefinition" },
]);
table("ecs-no-host-network", types.daemonTaskDefinition, [
    { name: "not applicable (no network mode)", props: dtd(), notApplicable: "applies to taskDefinition" },
]);
table("ecs-version-consistency", types.daemonTaskDefinition, [
    { name: "the shape has no versionConsistency", props: dtd([dc({ versionConsistency: "disabled" })]), notApplicable: "applies to taskDefinition" },
]);
table("ecs-task-role", types.daemonTaskDefinition, [
    { name: "a daemon task definition without a task role fails", props: dtd(undefined, { taskRoleArn: undefined }), violations: ["No task role is set (taskRoleArn), so the application cannot be given its own narrowly scoped permissions. Create a role for this family and set taskRoleArn."] },
]);
table("ecs-no-host-namespaces", native.daemonTaskDefinition, [
    { name: "aws-native: pidMode host fails", props: { ...dtd(), containerDefinitions: [nativeContainer()], pidMode: "host" }, violations: ["pidMode is 'host', so containers share the host's namespace. Remove it or use 'task'."] },
    { name: "aws: the shape has no pidMode (the provider sends none)", type: types.daemonTaskDefinition, props: dtd(undefined, { pidMode: "host" }) },
]);
table("ecs-health-check", types.daemonTaskDefinition, [
    { name: "a daemon container without a health check", props: dtd([dc({ healthCheck: undefined })]), violations: ["container 'agent' has no healthCheck, so ECS cannot tell when it is unhealthy. Add a healthCheck command."] },
]);
table("ecs-task-single-application", types.daemonTaskDefinition, [
    { name: "a sidecar label the shape does not have does not make a sidecar", props: dtd([dc(), dc({ name: "b", dockerLabels: { "ecs-guardrails.sidecar": "true" } })]), violations: ["Task definition runs 2 application containers ('agent', 'b'); at most 1 allowed. Split them into their own families, or mark helpers as sidecars (essential: false or docker label ecs-guardrails.sidecar=true)."] },
]);

describe("ecs-task-family-unique: daemon task definitions among themselves", () => {
    it("two daemon task definitions of one family conflict", () => {
        const message = (other: string) => `Daemon task definition family 'agent' is also declared by '${other}'. Give each task definition its own family, so revisions map one-to-one to application versions.`;
        assert.deepEqual(checkStack("ecs-task-family-unique", [
            { type: types.daemonTaskDefinition, name: "a", props: dtd() },
            { type: native.daemonTaskDefinition, name: "b", props: { ...dtd(), containerDefinitions: [nativeContainer()] } },
        ]), [`a: ${message("b")}`, `b: ${message("a")}`]);
    });
    it("a daemon task definition and a task definition of one family do not", () => {
        assert.deepEqual(checkStack("ecs-task-family-unique", [
            { type: types.daemonTaskDefinition, name: "a", props: dtd() },
            { type: types.taskDefinition, name: "b", props: td(undefined, { family: "agent" }) },
        ]), []);
    });
    it("execution role and task role are one role: flagged on a daemon task definition", () => {
        const role = "arn:aws:iam::123456789012:role/agent";
        assert.deepEqual(checkStack("ecs-execution-role-distinct", [{ type: types.daemonTaskDefinition, name: "a", props: dtd(undefined, { taskRoleArn: role, executionRoleArn: role }) }]),
            ["a: Task definition 'a' uses 'arn:aws:iam::123456789012:role/agent' as both execution role and task role, so the application holds the agent's permissions. Use two roles."]);
    });
});

const daemonTags = "ECS managed tags are off, so tasks are not tagged with their cluster and daemon for cost reports. Set enableEcsManagedTags to true.";
table("ecs-managed-tags", types.daemon, [
    { name: "a daemon with managed tags passes", props: daemon() },
    { name: "a daemon without fails", props: daemon({ enableEcsManagedTags: false }), violations: [daemonTags] },
    { name: "aws-native daemon without fails", type: native.daemon, props: { ...daemon({ enableEcsManagedTags: undefined }), name: undefined, daemonName: "agent" }, violations: [daemonTags] },
]);
const noPropagation = (now: string) => `propagateTags ${now}, so tasks do not carry the daemon's tags for cost reports. Set propagateTags to 'DAEMON'.`;
table("ecs-propagate-tags", types.daemon, [
    { name: "DAEMON passes on a daemon", props: daemon() },
    { name: "NONE fails", props: daemon({ propagateTags: "NONE" }), violations: [noPropagation("is 'NONE'")] },
    { name: "unset fails", props: daemon({ propagateTags: undefined }), violations: [noPropagation("is unset")] },
    { name: "aws-native NONE fails", type: native.daemon, props: daemon({ propagateTags: "NONE" }), violations: [noPropagation("is 'NONE'")] },
    { name: "a lower-case daemon is not DAEMON (the API takes the enum as spelt)", props: daemon({ propagateTags: "daemon" }), violations: [noPropagation("is 'daemon'")] },
    { name: "DAEMON does not pass on a service", type: types.service, props: service({ propagateTags: "DAEMON" }), violations: ["propagateTags is 'DAEMON', so tasks do not carry the service's tags for cost reports. Set propagateTags to 'SERVICE' or 'TASK_DEFINITION'."] },
]);
table("ecs-required-tags", types.daemon, [
    { name: "a daemon without the required tag", props: daemon(), config: { requiredTags: ["team"] }, violations: ["Missing required tag 'team'. Add it so cost and ownership reports can group this resource."] },
    { name: "an aws-native daemon with it", type: native.daemon, props: { ...daemon(), tags: [{ key: "team", value: "shop" }] }, config: { requiredTags: ["team"] } },
    { name: "a daemon task definition without it", type: types.daemonTaskDefinition, props: dtd(), config: { requiredTags: ["team"] }, violations: ["Missing required tag 'team'. Add it so cost and ownership reports can group this resource."] },
]);
table("ecs-service-security-group", types.daemon, [
    { name: "a daemon has no network configuration of its own", props: daemon(), notApplicable: "applies to service, taskSet, expressService" },
]);

describe("daemon remediations write the daemon's own properties", () => {
    it("propagateTags DAEMON on a daemon, SERVICE on a service", () => {
        assert.equal(remediate("ecs-propagate-tags", types.daemon, daemon({ propagateTags: "NONE" }))!.propagateTags, "DAEMON");
        assert.equal(remediate("ecs-propagate-tags", native.daemon, daemon({ propagateTags: undefined }))!.propagateTags, "DAEMON");
        assert.equal(remediate("ecs-propagate-tags", types.service, service({ propagateTags: "NONE" }))!.propagateTags, "SERVICE");
    });
    it("enableEcsManagedTags, in both providers; the remediated daemon passes", () => {
        for (const type of [types.daemon, native.daemon]) {
            const fixed = remediate("ecs-managed-tags", type, daemon({ enableEcsManagedTags: false }))!;
            assert.equal(fixed.enableEcsManagedTags, true);
            assert.deepEqual(check("ecs-managed-tags", type, fixed).violations, []);
            const propagated = remediate("ecs-propagate-tags", type, daemon({ propagateTags: "NONE" }))!;
            assert.deepEqual(check("ecs-propagate-tags", type, propagated).violations, []);
        }
    });
});

describe("aws-native Express Gateway Service: the findings of its aws twin", () => {
    const aws = expressService({ taskRoleArn: undefined, primaryContainer: { image: "web:latest", environments: [{ name: "DB_PASSWORD", value: "hunter2-hunter2" }] }, networkConfigurations: [{ subnets: ["subnet-1"] }] });
    const awsNative = { ...expressService({ taskRoleArn: undefined }), networkConfigurations: undefined, networkConfiguration: { subnets: ["subnet-1"] }, primaryContainer: { image: "web:latest", environment: [{ name: "DB_PASSWORD", value: "hunter2-hunter2" }] } };
    const mandatory = (type: string, props: Props) => rules
        .filter((r): r is ResourceRule => r.kind === "resource" && r.level === "mandatory")
        .flatMap((r) => findings(r.name, type, props).map((f) => `${r.name} ${f}`));
    it("five mandatory findings, at paths spelt as each provider spells them", () => {
        assert.deepEqual(mandatory(types.expressService, aws), [
            "ecs-image-tag-pinned primaryContainer.image: container #1 image 'web:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest.",
            "ecs-log-configuration primaryContainer.awsLogsConfigurations: container #1 has no log configuration, so its stdout/stderr are lost. Set primaryContainer.awsLogsConfigurations with one of: awslogs, awsfirelens, splunk.",
            "ecs-task-role taskRoleArn: No task role is set (taskRoleArn), so the application cannot be given its own narrowly scoped permissions. Create a role for this family and set taskRoleArn.",
            "ecs-service-security-group networkConfigurations[].securityGroups: The service's networkConfigurations has no security group, so its tasks get the VPC's default group. Add a security group created for this service.",
            "ecs-no-secrets-in-environment primaryContainer.environments[0].value: container #1 environment variable 'DB_PASSWORD' is named like a secret and is stored in plain text in the task definition. Move it to `secrets` (Secrets Manager or SSM).",
        ]);
        assert.deepEqual(mandatory(native.expressService, awsNative), [
            "ecs-image-tag-pinned primaryContainer.image: container #1 image 'web:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest.",
            "ecs-log-configuration primaryContainer.awsLogsConfiguration: container #1 has no log configuration, so its stdout/stderr are lost. Set primaryContainer.awsLogsConfiguration with one of: awslogs, awsfirelens, splunk.",
            "ecs-task-role taskRoleArn: No task role is set (taskRoleArn), so the application cannot be given its own narrowly scoped permissions. Create a role for this family and set taskRoleArn.",
            "ecs-service-security-group networkConfiguration.securityGroups: The service's networkConfiguration has no security group, so its tasks get the VPC's default group. Add a security group created for this service.",
            "ecs-no-secrets-in-environment primaryContainer.environment[0].value: container #1 environment variable 'DB_PASSWORD' is named like a secret and is stored in plain text in the task definition. Move it to `secrets` (Secrets Manager or SSM).",
        ]);
    });
    it("a compliant one passes, and its security groups count in ecs-security-group-per-service", () => {
        const ok = { ...expressService(), networkConfigurations: undefined, networkConfiguration: { subnets: ["subnet-1"], securityGroups: ["sg-web"] }, primaryContainer: { image: appImage, awsLogsConfiguration: { logGroup: "/ecs/web", logStreamPrefix: "web" } } };
        assert.deepEqual(mandatory(native.expressService, ok), []);
        assert.equal(checkStack("ecs-security-group-per-service", [
            { type: native.expressService, name: "web", props: ok },
            { type: types.service, name: "api", props: service({ networkConfiguration: { subnets: ["s"], securityGroups: ["sg-web"] } }) },
        ]).length, 2);
    });
    it("a primaryContainer not known yet waits", () => {
        assert.deepEqual(check("ecs-image-tag-pinned", native.expressService, { ...expressService(), primaryContainer: unknownString }).pending.length, 1);
    });
});

const publicPolicy = { Version: "2012-10-17", Statement: [{ Sid: "Pull", Effect: "Allow", Principal: "*", Action: "ecr:*" }] };
const publicMessage = "Repository policy statement 'Pull' allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID.";
table("ecr-no-public-access", types.creationTemplate, [
    { name: "aws: a public repositoryPolicy (JSON string) fails", props: { prefix: "shop", imageTagMutability: "IMMUTABLE", repositoryPolicy: JSON.stringify(publicPolicy) }, violations: [publicMessage] },
    { name: "aws-native: a public repositoryPolicy (JSON string) fails", type: native.creationTemplate, props: { prefix: "shop", repositoryPolicy: JSON.stringify(publicPolicy) }, violations: [publicMessage] },
    { name: "aws-native: a public repositoryPolicy given as an object fails", type: native.creationTemplate, props: { prefix: "shop", repositoryPolicy: publicPolicy }, violations: [publicMessage] },
    { name: "a policy naming an account passes", props: { prefix: "shop", repositoryPolicy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "ecr:*" }] }) } },
    { name: "no policy: not applicable", props: { prefix: "shop" }, notApplicable: "the repository has no inline policy" },
    { name: "a policy not known yet waits", props: { prefix: "shop", repositoryPolicy: unknownString }, pending: ["repositoryPolicy is not known yet"] },
]);
table("ecs-input-well-formed", types.creationTemplate, [
    { name: "a repositoryPolicy that is not JSON is malformed", props: { prefix: "shop", repositoryPolicy: "{\"Statement\": [" }, violations: ["Malformed input: repositoryPolicy is not valid JSON. Fix it so the other policies can check this resource."] },
]);

// Tried as a developer who wants past the pack: each stays caught (or is said to be malformed, mandatory).
describe("ways round the new shapes", () => {
    const malformed = (what: string) => [`Malformed input: ${what}. Fix it so the other policies can check this resource.`];
    const open = { Effect: "Allow", Principal: "*", Action: "ecr:*" };
    const everyone = ["Repository policy statement #1 allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID."];
    const cases: [string, string, string, unknown, string[]][] = [
        ["a null container before the privileged one", "ecs-no-privileged", types.daemonTaskDefinition, dtd([null, dc({ privileged: true })]),
            ["container 'agent' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs."]],
        ["a null environment entry before the password", "ecs-no-secrets-in-environment", types.daemonTaskDefinition, dtd([dc({ environments: [null, password] })]), [secretMessage]],
        ["privileged as the string 'true'", "ecs-no-privileged", types.daemonTaskDefinition, dtd([dc({ privileged: "true" })]),
            ["container 'agent' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs."]],
        ["commands as a string, not a list", "ecs-input-well-formed", types.daemonTaskDefinition, dtd([dc({ commands: "supervisord" })]), malformed("containerDefinitions[0].commands is a string, expected a list")],
        ["the task definition's JSON string on a daemon (aws)", "ecs-input-well-formed", types.daemonTaskDefinition, dtd(undefined, { containerDefinitions: JSON.stringify([dc({ privileged: true })]) }), malformed("containerDefinitions is a string, expected a list")],
        ["the task definition's JSON string on a daemon (aws-native)", "ecs-input-well-formed", native.daemonTaskDefinition, dtd(undefined, { containerDefinitions: JSON.stringify([nativeContainer({ privileged: true })]) }), malformed("containerDefinitions is a string, expected a list")],
        ["one container object instead of a list", "ecs-input-well-formed", native.daemonTaskDefinition, dtd(undefined, { containerDefinitions: nativeContainer({ privileged: true }) }), malformed("containerDefinitions is an object, expected a list")],
        ["EGS (aws-native): security groups [null, '']", "ecs-service-security-group", native.expressService,
            { ...expressService(), networkConfigurations: undefined, networkConfiguration: { securityGroups: [null, ""] }, primaryContainer: { image: appImage, awsLogsConfiguration: { logGroup: "g", logStreamPrefix: "p" } } },
            ["The service's networkConfiguration has no security group, so its tasks get the VPC's default group. Add a security group created for this service."]],
        ["EGS (aws-native): the aws list form of networkConfiguration", "ecs-input-well-formed", native.expressService, { ...expressService(), networkConfigurations: undefined, networkConfiguration: [{ securityGroups: ["sg"] }] }, malformed("networkConfiguration is a list, expected an object")],
        ["EGS (aws-native): the aws plural networkConfigurations is not its network configuration", "ecs-service-security-group", native.expressService,
            { ...expressService(), primaryContainer: { image: appImage, awsLogsConfiguration: { logGroup: "g", logStreamPrefix: "p" } } },
            ["The service has no networkConfiguration, so its tasks get no security group of their own. Set networkConfiguration with subnets and a security group for this service."]],
        ["EGS (aws-native): the aws plural environments is not its environment", "ecs-no-secrets-in-environment", native.expressService, { ...expressService(), primaryContainer: { image: appImage, environments: [password] } }, []],
        ["EGS (aws-native): a null environment entry", "ecs-no-secrets-in-environment", native.expressService, { ...expressService(), primaryContainer: { image: appImage, environment: [null, password] } },
            ["container #1 environment variable 'DB_PASSWORD' is named like a secret and is stored in plain text in the task definition. Move it to `secrets` (Secrets Manager or SSM)."]],
        ["a template policy with lower-case element names (IAM reads any case)", "ecr-no-public-access", native.creationTemplate, { prefix: "p", repositoryPolicy: JSON.stringify({ statement: [{ effect: "allow", principal: "*", action: "*" }] }) }, everyone],
        ["a template policy whose Statement is one object", "ecr-no-public-access", types.creationTemplate, { prefix: "p", repositoryPolicy: JSON.stringify({ Statement: { ...open, Principal: { AWS: ["*"] } } }) }, everyone],
        ["a template policy after blank lines", "ecr-no-public-access", types.creationTemplate, { prefix: "p", repositoryPolicy: `\n  ${JSON.stringify({ Statement: [open] })}` }, everyone],
        ["a template policy behind a byte-order mark", "ecs-input-well-formed", types.creationTemplate, { prefix: "p", repositoryPolicy: `\uFEFF${JSON.stringify({ Statement: [open] })}` }, malformed("repositoryPolicy is not valid JSON")],
        ["a template policy that is a list", "ecs-input-well-formed", native.creationTemplate, { prefix: "p", repositoryPolicy: [open] }, malformed("repositoryPolicy is a list, expected an object")],
        ["a daemon's propagateTags ' DAEMON'", "ecs-propagate-tags", types.daemon, daemon({ propagateTags: " DAEMON" }), ["propagateTags is ' DAEMON', so tasks do not carry the daemon's tags for cost reports. Set propagateTags to 'DAEMON'."]],
        ["a daemon's enableEcsManagedTags 'false'", "ecs-managed-tags", types.daemon, daemon({ enableEcsManagedTags: "false" }), [daemonTags]],
    ];
    for (const [name, policy, type, props, violations] of cases) {
        it(name, () => assert.deepEqual(check(policy, type, props).violations, violations));
    }
});

// The aws provider's typed objects go through its Terraform bridge, which maps a key it has no Pulumi name for to a
// Terraform name and sets that attribute: `Privileged`, `entry_point`, `command` all reach ECS.
describe("aws typed containers: keys read as the bridge maps them", () => {
    const { environments: _e, commands: _c, ...base } = dc();
    const cases: [string, string, string, unknown, string[]][] = [
        ["`Privileged`", "ecs-no-privileged", types.daemonTaskDefinition, dtd([{ ...base, Privileged: true }]),
            ["container 'agent' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs."]],
        ["`Environment` with `Name`/`Value`", "ecs-no-secrets-in-environment", types.daemonTaskDefinition, dtd([{ ...base, Environment: [{ Name: "DB_PASSWORD", Value: "hunter2-hunter2" }] }]), [secretMessage]],
        ["`entry_point` (the Terraform name)", "ecs-single-process", types.daemonTaskDefinition, dtd([{ ...base, entry_point: ["supervisord", "-n"] }]),
            ["container 'agent' starts the process supervisor 'supervisord'. Run the application directly and let ECS restart the task."]],
        ["`command` (singular)", "ecs-single-process", types.daemonTaskDefinition, dtd([{ ...base, command: ["pm2-runtime", "app.js"] }]),
            ["container 'agent' starts the process supervisor 'pm2-runtime'. Run the application directly and let ECS restart the task."]],
        ["`linux_parameters.init_process_enabled` counts as set", "ecs-init-process", types.daemonTaskDefinition, dtd([{ ...base, linuxParameters: undefined, linux_parameters: { init_process_enabled: true } }]), []],
        ["`ReadonlyRootFilesystem: false`", "ecs-readonly-root-filesystem", types.daemonTaskDefinition, dtd([{ ...base, readonlyRootFilesystem: undefined, ReadonlyRootFilesystem: false }]),
            ["container 'agent' can write to its root filesystem. Set readonlyRootFilesystem to true and mount volumes where it must write."]],
        ["two keys for one attribute: the provider refuses them", "ecs-input-well-formed", types.daemonTaskDefinition, dtd([{ ...base, environments: [], environment: [password] }]),
            ["Malformed input: containerDefinitions[0].environment sets the same property as environments, which the provider refuses. Fix it so the other policies can check this resource."]],
        ["EGS: `environment` (singular)", "ecs-no-secrets-in-environment", types.expressService, expressService({ primaryContainer: { image: appImage, awsLogsConfigurations: [{ logGroup: "g", logStreamPrefix: "p" }], environment: [password] } }),
            ["container #1 environment variable 'DB_PASSWORD' is named like a secret and is stored in plain text in the task definition. Move it to `secrets` (Secrets Manager or SSM)."]],
        ["EGS: `Image`", "ecs-image-tag-pinned", types.expressService, expressService({ primaryContainer: { Image: "web:latest", awsLogsConfigurations: [{ logGroup: "g", logStreamPrefix: "p" }] } }),
            ["container #1 image 'web:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest."]],
        ["EGS: `aws_logs_configuration` is its log configuration", "ecs-log-configuration", types.expressService, expressService({ primaryContainer: { image: appImage, aws_logs_configuration: [{ logGroup: "g", logStreamPrefix: "p" }] } }), []],
    ];
    for (const [name, policy, type, props, violations] of cases) {
        it(name, () => assert.deepEqual(check(policy, type, props).violations, violations));
    }
    it("aws-native converts only its schema's names: other spellings never reach ECS", () => {
        assert.deepEqual(check("ecs-no-privileged", native.daemonTaskDefinition, { ...dtd(), containerDefinitions: [{ ...nativeContainer(), Privileged: true }] }).violations, []);
    });
});

describe("ecs-task-family-unique: a region aws-native does not have", () => {
    it("an aws-native daemon task definition's `region` (dropped by the provider) does not move it out of its provider's region", () => {
        const provider = { type: types.awsNativeProvider, urn: `urn:pulumi:dev::demo::${types.awsNativeProvider}::east`, props: { region: "us-east-1" } };
        const props = { ...dtd(), containerDefinitions: [nativeContainer()] };
        const message = (other: string) => `Daemon task definition family 'agent' is also declared by '${other}'. Give each task definition its own family, so revisions map one-to-one to application versions.`;
        assert.deepEqual(checkStack("ecs-task-family-unique", [
            { type: native.daemonTaskDefinition, name: "a", props, provider },
            { type: native.daemonTaskDefinition, name: "b", props: { ...props, region: "eu-west-1" }, provider },
        ]), [`a: ${message("b")}`, `b: ${message("a")}`]);
    });
});
