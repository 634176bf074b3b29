// Ways round the pack found by trying to get past it; each row failed before its fix.
import { strict as assert } from "assert";
import { SecretMask } from "../../policy/pack/text";
import { hasUrlPassword } from "../../policy/rules/support";
import { container as c, expressService, repository, table, taskDefinition as td, types, unknownString } from "../support/fixtures";

table("ecs-image-tag-pinned", types.taskDefinition, [
    { name: "disallowedTags adds to latest, never replaces it", props: td([c({ image: "nginx:latest" })]), config: { disallowedTags: ["dev"] }, violations: ["container 'api' image 'nginx:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest."] },
    { name: "an Express Gateway Service whose primaryContainer is unknown waits for up", type: types.expressService, props: expressService({ primaryContainer: unknownString }), pending: ["primaryContainer is not known yet"] },
]);

table("ecs-log-configuration", types.expressService, [
    { name: "an unknown primaryContainer is not a missing log configuration", props: expressService({ primaryContainer: unknownString }), pending: ["primaryContainer is not known yet"] },
]);

table("ecs-efs-transit-encryption", types.taskDefinition, [
    { name: "a volume unknown at preview may be EFS: checked at up", props: td([c()], { volumes: [unknownString] }), pending: ["not known yet"] },
]);

const credential = (n: string) => `container 'api' environment variable '${n}' holds a value that looks like a credential and is stored in plain text in the task definition. Move it to \`secrets\` (Secrets Manager or SSM).`;
table("ecs-no-secrets-in-environment", types.taskDefinition, [
    { name: "a password with no user", props: td([c({ environment: [{ name: "CACHE", value: "redis://:s3cret-pw@cache:6379/0" }] })]), violations: [credential("CACHE")] },
    { name: "a JDBC URL", props: td([c({ environment: [{ name: "DB", value: "jdbc:postgresql://app:s3cret@db:5432/shop" }] })]), violations: [credential("DB")] },
    { name: "amqps and mongodb+srv", props: td([c({ environment: [{ name: "MQ", value: "amqps://app:s3cret@mq" }, { name: "MONGO", value: "mongodb+srv://app:s3cret@cluster0.example.net/db" }] })]), violations: [credential("MQ"), credential("MONGO")] },
    { name: "a URL inside a longer value", props: td([c({ environment: [{ name: "UPSTREAMS", value: "primary=https://svc:s3cret@a.example.com secondary=https://b.example.com" }] })]), violations: [credential("UPSTREAMS")] },
    { name: "a user without a password is not a credential", props: td([c({ environment: [{ name: "REPO", value: "ssh://git@github.com/org/repo.git" }, { name: "EMPTY", value: "https://user:@host" }] })]) },
]);

describe("credential URLs", () => {
    it("are found in linear time in a long value", () => {
        const long = "a://".repeat(50_000) + "b:".repeat(50_000);
        assert.equal(hasUrlPassword(long), false);
        assert.equal(hasUrlPassword(long + " x://u:p@h"), true);
    });
});

describe("masking secrets in messages", () => {
    const mask = new SecretMask(new Set(["supervisord -c /etc/supervisor/payments.conf", "4711"]));
    it("masks a clipped piece of a secret", () => {
        assert.equal(mask.mask("runs 'sh -c supervisord -c /etc/supervis...'"), "runs '[secret]'");
    });
    it("masks one word of a secret", () => {
        assert.equal(mask.mask("starts 'supervisord'"), "starts '[secret]'");
    });
    it("masks a secret number", () => {
        assert.equal(mask.mask("stopTimeout '4711' is outside"), "stopTimeout '[secret]' is outside");
    });
    it("leaves other values alone", () => {
        assert.equal(mask.mask("container 'api' image 'nginx:1.27'"), "container 'api' image 'nginx:1.27'");
    });
});

describe("configuration that cannot mean anything", () => {
    const { ruleNamed } = require("../../policy/rules");
    const { takeMistakes: takeConfigProblems, withDefaults } = require("../../policy/pack/config");
    it("is replaced by the defaults and recorded once per run", () => {
        takeConfigProblems();
        const rule = ruleNamed("ecs-stop-timeout");
        const config = withDefaults(rule, { minSeconds: 90, maxSeconds: 30 });
        withDefaults(rule, { minSeconds: 90, maxSeconds: 30 });
        assert.deepEqual([config.minSeconds, config.maxSeconds], [2, 120]);
        assert.deepEqual(takeConfigProblems(), [{ policy: "ecs-stop-timeout", keys: ["minSeconds", "maxSeconds"], problem: "minSeconds (90) is greater than maxSeconds (30), so no stopTimeout could pass." }]);
        assert.deepEqual(takeConfigProblems(), []);
    });
    it("a pattern that does not compile falls back to the default list", () => {
        takeConfigProblems();
        const rule = ruleNamed("ecs-task-single-application");
        const config = withDefaults(rule, { sidecarImagePatterns: ["envoy", "(["] });
        assert.deepEqual(config.sidecarImagePatterns, rule.config.sidecarImagePatterns.default);
        const problems = takeConfigProblems();
        assert.equal(problems.length, 1);
        assert.deepEqual(problems[0].keys, ["sidecarImagePatterns"]);
    });
});

describe("one role named several ways", () => {
    const { checkStack } = require("../support/fixtures");
    const arn = "arn:aws:iam::123456789012:role/api-task";
    it("a role's name and its ARN are one task role (ECS takes either)", () => {
        assert.deepEqual(checkStack("ecs-task-role-per-family", [
            { type: types.taskDefinition, name: "api", props: td([c()], { family: "api", taskRoleArn: arn }) },
            { type: types.taskDefinition, name: "web", props: td([c()], { family: "web", taskRoleArn: "API-Task" }) },
            { type: types.taskDefinition, name: "jobs", props: td([c()], { family: "jobs", taskRoleArn: "arn:aws:iam::123456789012:role/service/api-task" }) },
        ]), [
            "api: Task role 'arn:aws:iam::123456789012:role/api-task' of family 'api' is also the task role of 'web' (family 'web'), 'jobs' (family 'jobs'). Give each family its own task role.",
            "web: Task role 'API-Task' of family 'web' is also the task role of 'api' (family 'api'), 'jobs' (family 'jobs'). Give each family its own task role.",
            "jobs: Task role 'arn:aws:iam::123456789012:role/service/api-task' of family 'jobs' is also the task role of 'api' (family 'api'), 'web' (family 'web'). Give each family its own task role.",
        ]);
    });
    it("the execution role named by its name is the task role's ARN", () => {
        assert.deepEqual(checkStack("ecs-execution-role-distinct", [
            { type: types.taskDefinition, name: "api", props: td([c()], { taskRoleArn: arn, executionRoleArn: "api-task" }) },
        ]), ["api: Task definition 'api' uses 'arn:aws:iam::123456789012:role/api-task' as both execution role and task role, so the application holds the agent's permissions. Use two roles."]);
    });
});

const withExclusions = (...filters: string[]) => repository({ imageTagMutability: "IMMUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters: filters.map((filter) => ({ filter, filterType: "WILDCARD" })) });
table("ecr-immutable-tags", types.repository, [
    { name: "allowed exclusions may keep some tags mutable", props: withExclusions("latest", "dev-*"), config: { allowExclusionFilters: true } },
    { name: "an exclusion filter '*' keeps every tag mutable", props: withExclusions("latest", "*"), config: { allowExclusionFilters: true }, violations: ["The exclusion filter '*' keeps every tag mutable. Name only the tags that may move (e.g. 'latest'), or set imageTagMutability to 'IMMUTABLE'."] },
    { name: "creation templates too", type: types.creationTemplate, props: { prefix: "shop", imageTagMutability: "IMMUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters: [{ filter: "**", filterType: "WILDCARD" }] }, config: { allowExclusionFilters: true }, violations: ["The exclusion filter '**' keeps every tag mutable. Name only the tags that may move (e.g. 'latest'), or set imageTagMutability to 'IMMUTABLE'."] },
]);

describe("settings that would turn a mandatory rule off", () => {
    const { ruleNamed } = require("../../policy/rules");
    const { takeMistakes: takeConfigProblems, withDefaults } = require("../../policy/pack/config");
    it("propagateTags allowedValues cannot allow NONE", () => {
        takeConfigProblems();
        const config = withDefaults(ruleNamed("ecs-propagate-tags"), { allowedValues: ["SERVICE", "NONE"] });
        assert.deepEqual(config.allowedValues, ["SERVICE", "TASK_DEFINITION"]);
        assert.deepEqual(takeConfigProblems().map((p: { problem: string }) => p.problem), ["allowedValues may hold only 'SERVICE' and 'TASK_DEFINITION', not 'NONE': other values propagate no tags."]);
    });
    it("the log driver 'none' never counts as shipping logs", () => {
        takeConfigProblems();
        const config = withDefaults(ruleNamed("ecs-log-configuration"), { allowedDrivers: ["awslogs", "none"] });
        assert.deepEqual(config.allowedDrivers, ["awslogs", "awsfirelens", "splunk"]);
        assert.deepEqual(takeConfigProblems().map((p: { problem: string }) => p.problem), ["allowedDrivers holds 'none', which discards the logs."]);
    });
});
