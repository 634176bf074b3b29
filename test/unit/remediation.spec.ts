// A remediation edits what the provider reads (POLICIES.md): the remediated resource, read again by the pack, passes
// that policy and fails no policy it passed before, whatever way the input was written.
import { strict as assert } from "assert";
import { buildModel } from "../../policy/model";
import { readAsProvider } from "../../policy/model/providerJson";
import { rules } from "../../policy/rules";
import type { Rule } from "../../policy/rules/rule";
import { containerJson, fc, remediableContainer } from "../support/arbitraries";
import { check, checkStack, cluster, container as c, remediate, repository, service, taskDefinition as td, types } from "../support/fixtures";

type Props = Record<string, unknown>;

const raw = (text: string) => td([], { containerDefinitions: text });
const base = JSON.stringify(c()).slice(1, -1);
const containersOf = (props: Props) => {
    const reading = readAsProvider(props.containerDefinitions as string, "containerDefinitions");
    assert.ok(reading.ok, JSON.stringify(reading));
    return reading.containers;
};

describe("remediations edit what the provider reads", () => {
    it("a container with \"StopTimeout\": 60 passes ecs-stop-timeout, and its remediation changes nothing", () => {
        const props = raw(`[{${base.replace("\"stopTimeout\":30,", "")}, "StopTimeout": 60}]`);
        assert.deepEqual(check("ecs-stop-timeout", types.taskDefinition, props).violations, []);
        assert.equal(remediate("ecs-stop-timeout", types.taskDefinition, props), undefined);
    });

    it("a duplicate logConfiguration (driver first, options second) survives the ecs-init-process remediation", () => {
        const { logConfiguration, linuxParameters: _, ...rest } = c() as Props & { logConfiguration: { logDriver: string; options: unknown } };
        const fields = JSON.stringify(rest).slice(1, -1);
        const props = raw(`[{${fields}, "logConfiguration": {"logDriver": "awslogs"}, "logConfiguration": {"options": ${JSON.stringify(logConfiguration.options)}}}]`);
        assert.deepEqual(check("ecs-log-configuration", types.taskDefinition, props).violations, []);
        const fixed = remediate("ecs-init-process", types.taskDefinition, props)!;
        assert.ok(fixed, "remediated");
        assert.deepEqual(check("ecs-init-process", types.taskDefinition, fixed).violations, []);
        assert.deepEqual(check("ecs-log-configuration", types.taskDefinition, fixed).violations, []);
        assert.deepEqual(containersOf(fixed)[0].logConfiguration, logConfiguration);
    });

    it("a string of several JSON values is remediated, as one canonical JSON list", () => {
        const props = raw(`[{${base.replace("\"stopTimeout\":30,", "")}}] [{"user": "1000"}]`);
        assert.equal(check("ecs-stop-timeout", types.taskDefinition, props).violations.length, 1);
        const fixed = remediate("ecs-stop-timeout", types.taskDefinition, props)!;
        assert.ok(fixed, "remediated");
        const text = fixed.containerDefinitions as string;
        const list = JSON.parse(text) as Props[];
        assert.ok(Array.isArray(list) && list.length === 1);
        assert.equal(text, JSON.stringify(list), "one canonical JSON list");
        assert.equal(list[0].stopTimeout, 30);
        assert.equal(list[0].user, "1000");
        assert.deepEqual(check("ecs-stop-timeout", types.taskDefinition, fixed).violations, []);
    });

    it("portMappings, secrets, mountPoints and every other field the provider reads survive a remediation", () => {
        const kept = {
            portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: "tcp", name: "web", appProtocol: "http" }],
            secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/db" }],
            mountPoints: [{ sourceVolume: "data", containerPath: "/data", readOnly: true }],
            ulimits: [{ name: "nofile", softLimit: 1024, hardLimit: 4096 }],
            dependsOn: [{ containerName: "init", condition: "SUCCESS" }],
            environmentFiles: [{ type: "s3", value: "arn:aws:s3:::b/e.env" }],
            repositoryCredentials: { credentialsParameter: "arn:aws:secretsmanager:us-east-1:123456789012:secret:r" },
            systemControls: [{ namespace: "net.core.somaxconn", value: "1024" }],
            workingDirectory: "/app",
            cpu: 256,
        };
        const props = td([c({ ...kept, linuxParameters: { capabilities: { drop: ["ALL"] }, tmpfs: [{ containerPath: "/tmp", size: 64 }] }, stopTimeout: undefined })]);
        const init = containersOf(remediate("ecs-init-process", types.taskDefinition, props)!)[0];
        assert.deepEqual(init.linuxParameters, { capabilities: { drop: ["ALL"] }, tmpfs: [{ containerPath: "/tmp", size: 64 }], initProcessEnabled: true });
        const stop = containersOf(remediate("ecs-stop-timeout", types.taskDefinition, props)!)[0];
        for (const [key, value] of Object.entries(kept)) {
            assert.deepEqual(init[key], value, `ecs-init-process kept ${key}`);
            assert.deepEqual(stop[key], value, `ecs-stop-timeout kept ${key}`);
        }
    });
});

// ---- the round trip, over generated inputs, for both providers and every remediable policy

const remediable = rules.filter((r) => r.remediate !== undefined);

const nativeTypes: Record<string, string> = {
    [types.taskDefinition]: "aws-native:ecs:TaskDefinition",
    [types.service]: "aws-native:ecs:Service",
    [types.cluster]: "aws-native:ecs:Cluster",
    [types.repository]: "aws-native:ecr:Repository",
};

/** The same configuration as aws-native declares it (as in aws-native.spec.ts, for the types remediations edit). */
function toNative(type: string, props: Props, containers?: Props[]): Props {
    if (type === types.taskDefinition) return { ...props, containerDefinitions: JSON.parse(JSON.stringify(containers)) };
    if (type === types.service) {
        const { name, networkConfiguration: net, deploymentCircuitBreaker, ...rest } = props;
        const vpc = { ...(net as Props), assignPublicIp: (net as Props).assignPublicIp ? "ENABLED" : "DISABLED" };
        return { ...rest, serviceName: name, networkConfiguration: { awsvpcConfiguration: vpc }, ...(deploymentCircuitBreaker !== undefined ? { deploymentConfiguration: { deploymentCircuitBreaker } } : {}) };
    }
    if (type === types.cluster) {
        const { name, settings, ...rest } = props;
        return { ...rest, clusterName: name, ...(settings !== undefined ? { clusterSettings: settings } : {}) };
    }
    const { name, encryptionConfigurations, ...rest } = props;
    return { ...rest, repositoryName: name, encryptionConfiguration: (encryptionConfigurations as unknown[])[0] };
}

const drop = (props: Props) => Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));

const resources: fc.Arbitrary<{ type: string; props: Props; containers?: Props[] }> = fc.oneof(
    fc.array(remediableContainer, { minLength: 1, maxLength: 3 })
        .chain((containers) => containerJson(containers).map((json) => ({ type: types.taskDefinition, props: td([], { containerDefinitions: json }), containers }))),
    fc.record({
        enableEcsManagedTags: fc.constantFrom(true, false, undefined),
        propagateTags: fc.constantFrom("SERVICE", "TASK_DEFINITION", "NONE", undefined),
        deploymentCircuitBreaker: fc.constantFrom({ enable: true, rollback: true }, { enable: false, rollback: false }, { enable: true, rollback: false }, undefined),
    }).map((o) => ({ type: types.service, props: drop(service(o)) })),
    fc.constantFrom(undefined, [], [{ name: "containerInsights", value: "enabled" }], [{ name: "containerInsights", value: "disabled" }], [{ name: "containerInsights", value: "enhanced" }], [{ name: "other", value: "x" }])
        .map((settings) => ({ type: types.cluster, props: drop(cluster({ settings })) })),
    fc.record({
        imageTagMutability: fc.constantFrom("IMMUTABLE", "MUTABLE", "IMMUTABLE_WITH_EXCLUSION", "MUTABLE_WITH_EXCLUSION", undefined),
        imageScanningConfiguration: fc.constantFrom({ scanOnPush: true }, { scanOnPush: false }, {}, undefined),
    }).map((o) => ({ type: types.repository, props: drop(repository(o)) })),
);

/** Containers (as the provider reads them, or as generated), without unset fields and the fields remediations set. */
function containersBut(props: Props | Props[]): unknown {
    const list = Array.isArray(props) ? props : typeof props.containerDefinitions === "string" ? containersOf(props) : (props.containerDefinitions as Props[]);
    return list.map((container) => {
        const set = Object.fromEntries(Object.entries(container).filter(([, v]) => v !== undefined && v !== null));
        const { stopTimeout: _, linuxParameters, ...rest } = set;
        const { initProcessEnabled: _init, ...linux } = (linuxParameters ?? {}) as Props;
        return Object.keys(linux).length > 0 ? { ...rest, linuxParameters: linux } : rest;
    });
}

/** Whether a policy passes on this resource (a stack policy: on this resource alone, as a remediation sees it). */
function passes(rule: Rule, type: string, props: Props): boolean {
    return rule.kind === "resource" ? check(rule.name, type, props).violations.length === 0 : checkStack(rule.name, [{ type, name: "res", props }]).length === 0;
}

function passing(type: string, props: Props): Set<string> {
    const model = buildModel(type, props, "res", `urn:pulumi:dev::demo::${type}::res`);
    return new Set(rules.filter((r) => model && r.appliesTo.includes(model.kind) && passes(r, type, props)).map((r) => r.name));
}

describe("remediation round trip over generated inputs", function () {
    this.timeout(120_000);
    it("covers every remediable policy", () => {
        assert.deepEqual(remediable.map((r) => r.name).sort(), [
            "ecr-immutable-tags", "ecr-scan-on-push", "ecs-cluster-container-insights", "ecs-deployment-circuit-breaker",
            "ecs-init-process", "ecs-managed-tags", "ecs-propagate-tags", "ecs-stop-timeout",
        ]);
    });

    for (const provider of ["aws", "aws-native"] as const) {
        it(`${provider}: the remediated resource passes the policy and fails nothing it passed before`, () => {
            const fixed = new Map<string, number>();
            fc.assert(fc.property(resources, ({ type: awsType, props: awsProps, containers }) => {
                const type = provider === "aws" ? awsType : nativeTypes[awsType];
                const props = provider === "aws" ? awsProps : toNative(awsType, awsProps, containers);
                const before = passing(type, props);
                for (const rule of remediable) {
                    const model = buildModel(type, props, "res", "urn")!;
                    if (!rule.appliesTo.includes(model.kind)) continue;
                    const next = remediate(rule.name, type, props);
                    if (before.has(rule.name)) {
                        assert.equal(next, undefined, `${rule.name} passed, yet its remediation changed ${JSON.stringify(next)}`);
                        continue;
                    }
                    assert.ok(next, `${rule.name} fails on ${JSON.stringify(props)} and is not remediated`);
                    fixed.set(rule.name, (fixed.get(rule.name) ?? 0) + 1);
                    const after = passing(type, next);
                    assert.ok(after.has(rule.name), `${rule.name} still fails after its remediation: ${rule.name}`);
                    for (const name of before) assert.ok(after.has(name), `${rule.name}'s remediation breaks ${name}: ${JSON.stringify(next)}`);
                    // and keeps every other field the provider reads (portMappings, secrets, mountPoints, ...)
                    if (awsType === types.taskDefinition) assert.deepEqual(containersBut(next), containersBut(containers!), `${rule.name} kept the other fields`);
                }
            }), { numRuns: 300, seed: 13 });
            for (const rule of remediable) assert.ok((fixed.get(rule.name) ?? 0) > 0, `${rule.name} was never remediated`);
        });
    }
});
