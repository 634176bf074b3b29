// Resources for the benchmarks: compliant task definitions, services and repositories, each with its own names.
import type { WireResource } from "../test/harness/wire";
import { container, repository, service, taskDefinition, types } from "../test/support/fixtures";
import { cloudFormationType, nativeTypes, toCloudFormation, toNative } from "../test/support/twins";

export function taskDefinitions(count: number): WireResource[] {
    return Array.from({ length: count }, (_, i) => ({
        type: types.taskDefinition,
        name: `td-${i}`,
        properties: taskDefinition([
            container({ name: "app", image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app-${i}:git-${i.toString(16)}` }),
            container({ name: "otel", image: "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0", essential: false }),
            container({ name: "log-router", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0", essential: false, firelensConfiguration: { type: "fluentbit" } }),
        ], { family: `app-${i}`, taskRoleArn: `arn:aws:iam::123456789012:role/app-${i}-task` }),
    }));
}

export function services(count: number): WireResource[] {
    return Array.from({ length: count }, (_, i) => ({
        type: types.service,
        name: `svc-${i}`,
        properties: service({ name: `svc-${i}`, networkConfiguration: { subnets: ["subnet-1"], securityGroups: [`sg-${i}`], assignPublicIp: false } }),
    }));
}

export function repositories(count: number): WireResource[] {
    return Array.from({ length: count }, (_, i) => ({ type: types.repository, name: `repo-${i}`, properties: repository({ name: `app-${i}` }) }));
}

/** A stack of `size` resources: per 10, six task definitions, three services and one repository. */
export function stack(size: number): WireResource[] {
    const tds = Math.round(size * 0.6);
    const svcs = Math.round(size * 0.3);
    return [...taskDefinitions(tds), ...services(svcs), ...repositories(size - tds - svcs)];
}

/** The throughput workload's task definitions as aws-native declares them (container definitions as objects). */
export function nativeTaskDefinitions(count: number): WireResource[] {
    return taskDefinitions(count).map((r) => ({
        ...r,
        type: "aws-native:ecs:TaskDefinition",
        properties: { ...r.properties, containerDefinitions: JSON.parse(r.properties.containerDefinitions as string) },
    }));
}

/** Policy config a hostile or careless pack config could hold: patterns that backtrack exponentially in a naive engine. */
export const hostileConfig = {
    "ecs-image-tag-pinned": { allowedTagPattern: "(a+)+$" },
    "ecs-no-secrets-in-environment": { secretNamePatterns: ["(a|aa)*b", "(x+x+)+y"] },
    "ecs-task-single-application": { sidecarImagePatterns: ["(a+)+$"] },
    "ecs-no-startup-downloads": { extraPatterns: ["(a|a)*$"], allowPatterns: ["(b+)+c"] },
};

/**
 * The worst single task definition we could build: `containers` containers with long tags and names made for the
 * hostile patterns, one 100 KB command line, deep nesting under a key ECS ignores, and large tags.
 */
export function worstTaskDefinition(containers: number): WireResource {
    const long = "a".repeat(4_000);
    const list = Array.from({ length: containers }, (_, i) => container({
        name: `c${i}`,
        image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app:${"a".repeat(120)}!`.slice(0, 250),
        environment: [{ name: `${"a".repeat(200)}!`, value: "x" }, { name: `${"x".repeat(200)}!`, value: "y" }],
        command: ["sh", "-c", i === 0 ? `${"a && ".repeat(20_000)}exec node server.js` : "exec node server.js"],
    }));
    let nested: unknown = "deep";
    for (let d = 0; d < 400; d++) nested = { x: nested };
    const text = JSON.stringify(list).replace(/^\[\{/, `[{"ignoredByEcs":${JSON.stringify(nested)},`);
    return {
        type: types.taskDefinition,
        name: "worst",
        properties: taskDefinition([], { containerDefinitions: text, tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`tag-${i}`, long])) }),
    };
}

/**
 * The stack workload (`stack(size)`) declared in one CloudFormation template (YAML), and the same resources as
 * aws-native declares them one by one: what checking a template costs beside checking its resources directly.
 */
export function cloudFormationWorkload(size: number): { template: WireResource; native: WireResource[] } {
    const native = stack(size).map((r) => ({ ...r, type: nativeTypes[r.type], properties: toNative(r.type, r.properties as Record<string, unknown>) }));
    const resources = Object.fromEntries(native.map((r) => [r.name.replace(/[^A-Za-z0-9]/g, ""), { Type: cloudFormationType(r.type), Properties: toCloudFormation(r.properties) }]));
    const templateBody = (require("yaml") as typeof import("yaml")).stringify({ AWSTemplateFormatVersion: "2010-09-09", Resources: resources });
    return { template: { type: "aws:cloudformation/stack:Stack", name: "app", properties: { name: "app", templateBody } }, native };
}
