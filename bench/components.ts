// 4. Constructing services under Pulumi's runtime mocks: the components against the same services written
// as plain @pulumi/aws resources (the floor a user pays without components).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { target } from "./report";

let registrations = 0;
pulumi.runtime.setMocks({
    newResource(args) {
        registrations++;
        return { id: `${args.name}-id`, state: { ...args.inputs, arn: `arn:aws:x:us-east-1:123456789012:${args.name}`, name: args.inputs.name ?? args.name } };
    },
    call: (args) => (args.token === "aws:index/getRegion:getRegion" ? { region: "us-east-1", name: "us-east-1" } : args.inputs),
}, "bench", "bench", false);

// Loaded after the mocks are set.
const { FargateService, TaskDefinition } = require("../components") as typeof import("../components");

const image = (i: number) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/app-${i}:git-${i.toString(16)}`;
const assume = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ecs-tasks.amazonaws.com" } }] });

function withComponents(prefix: string, count: number): pulumi.Output<string>[] {
    return Array.from({ length: count }, (_, i) => {
        const td = new TaskDefinition(`${prefix}-${i}`, { container: { name: "app", image: image(i), port: 8080, user: "1000", healthCheck: { command: ["CMD", "/health"] } } });
        return new FargateService(`${prefix}-${i}`, { cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/main", taskDefinition: td, vpcId: "vpc-1", subnets: ["subnet-a"] }).service.id;
    });
}

/** The same resources, by hand. */
function plain(prefix: string, count: number): pulumi.Output<string>[] {
    return Array.from({ length: count }, (_, i) => {
        const name = `${prefix}-${i}`;
        const logs = new aws.cloudwatch.LogGroup(`${name}-logs`, { name: `/ecs/${name}`, retentionInDays: 30 });
        const taskRole = new aws.iam.Role(`${name}-task`, { assumeRolePolicy: assume });
        const executionRole = new aws.iam.Role(`${name}-execution`, { assumeRolePolicy: assume });
        new aws.iam.RolePolicy(`${name}-execution`, { role: executionRole.name, policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: "*" }] }) });
        const td = new aws.ecs.TaskDefinition(name, {
            family: name, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
            taskRoleArn: taskRole.arn, executionRoleArn: executionRole.arn,
            containerDefinitions: pulumi.jsonStringify([{
                name: "app", image: image(i), essential: true, user: "1000", readonlyRootFilesystem: true, stopTimeout: 30,
                linuxParameters: { initProcessEnabled: true }, portMappings: [{ containerPort: 8080, protocol: "tcp" }],
                healthCheck: { command: ["CMD", "/health"] },
                logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": logs.name, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app" } },
            }]),
        });
        const sg = new aws.ec2.SecurityGroup(`${name}-sg`, { vpcId: "vpc-1", egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });
        return new aws.ecs.Service(name, {
            cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/main", taskDefinition: td.arn, launchType: "FARGATE", desiredCount: 1,
            networkConfiguration: { subnets: ["subnet-a"], securityGroups: [sg.id], assignPublicIp: false },
            enableEcsManagedTags: true, propagateTags: "SERVICE", deploymentCircuitBreaker: { enable: true, rollback: true }, waitForSteadyState: true,
        }).id;
    });
}

async function timed(build: () => pulumi.Output<string>[]): Promise<{ ms: number; resources: number }> {
    const before = registrations;
    const start = process.hrtime.bigint();
    const ids = build();
    await Promise.all(ids.map((id) => (id as unknown as { promise(): Promise<string> }).promise()));
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, resources: registrations - before };
}

export async function benchComponents(smoke: boolean) {
    const count = smoke ? 10 : 200;
    const runs = smoke ? 1 : 7;
    const times = { plain: [] as number[], components: [] as number[] };
    const resources = { plain: 0, components: 0 };
    await timed(() => plain("warm-plain", 5)); // JIT and module warm-up for both
    await timed(() => withComponents("warm-comp", 5));
    for (let r = 0; r < runs; r++) {
        const p = await timed(() => plain(`plain-${r}`, count));
        const c = await timed(() => withComponents(`comp-${r}`, count));
        times.plain.push(p.ms);
        times.components.push(c.ms);
        resources.plain = p.resources;
        resources.components = c.resources;
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
    const floor = median(times.plain);
    return {
        title: `4. Constructing ${count} services under Pulumi's runtime mocks (median of ${runs})`,
        rows: (["plain", "components"] as const).map((n) => ({ variant: n === "plain" ? "plain @pulumi/aws" : "ecs-guardrails components", "resources registered": resources[n], "median ms": Math.round(median(times[n])), "x plain": (median(times[n]) / floor).toFixed(2) })),
        notes: [],
        targets: [target("components vs plain @pulumi/aws", median(times.components) / floor, 1.3)],
    };
}

// Run in a process of its own (mocks are process-wide): prints the section as JSON.
if (require.main === module) {
    benchComponents(process.argv.includes("--smoke")).then((section) => {
        process.stdout.write(`\n${JSON.stringify(section)}\n`);
        process.exit(0);
    }, (e) => {
        console.error(e);
        process.exit(1);
    });
}
