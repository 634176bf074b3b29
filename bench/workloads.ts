// Resources for the benchmarks: compliant task definitions, services and repositories, each with its own names.
import type { WireResource } from "../test/harness/wire";
import { container, repository, service, taskDefinition, types } from "../test/support/fixtures";

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
