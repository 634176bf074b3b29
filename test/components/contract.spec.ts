// The contract: everything the components register passes the whole pack (over the Analyzer protocol) at
// default config, in every supported configuration; each deliberate non-compliant override makes exactly
// the expected policy fire, with the message the component itself gives.
import { strict as assert } from "assert";
import { join } from "path";
import { PackHandle, startPack } from "../harness/analyzer";
import type { WireResource } from "../harness/wire";
import { Registered, program } from "./mocks";
import { ComplianceError } from "../../policy/check";
import { Cluster, ContainerArgs, FargateService, FargateServiceArgs, Repository, TaskDefinition, TaskDefinitionArgs } from "../../components";

const image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:3f9c2ab";
const app: ContainerArgs = { name: "api", image, port: 8080, user: "1000", healthCheck: { command: ["CMD", "/health"] } };
const otel: ContainerArgs = { name: "otel", image: "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0", user: "10001" };
const router: ContainerArgs = { name: "log-router", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0", user: "1000" };

type StackOptions = {
    sidecars?: ContainerArgs[]; loadBalancer?: boolean; ownRoles?: boolean; exec?: boolean; container?: Partial<ContainerArgs>;
    /** Autoscaling on CPU, memory and requests, Fargate Spot beside an on-demand base, compliant overrides. */
    production?: boolean;
    /** The service creates its task definition (`taskDefinitionArgs`). */
    inline?: boolean;
    service?: Partial<FargateServiceArgs>;
    task?: Partial<TaskDefinitionArgs>;
};

const targetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef";
const loadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop/0123456789abcdef";

function stack(prefix: string, options: StackOptions = {}) {
    return () => {
        const cluster = new Cluster(`${prefix}-cluster`, options.exec ? { execLogGroup: { existing: "/org/exec-audit" } } : {});
        const repo = new Repository(`${prefix}-repo`);
        const taskArgs: TaskDefinitionArgs = {
            container: { ...app, ...options.container, ...(options.production ? { overrides: { ulimits: [{ name: "nofile", softLimit: 65536, hardLimit: 65536 }] } } : {}) },
            sidecars: options.sidecars,
            repositoryArns: [repo.arn],
            ...(options.ownRoles ? { taskRole: { existing: `arn:aws:iam::123456789012:role/${prefix}-task` }, executionRole: { existing: `arn:aws:iam::123456789012:role/${prefix}-exec` } } : {}),
            ...(options.production ? { taskDefinitionOverrides: { ephemeralStorage: { sizeInGib: 30 } } } : {}),
            ...options.task,
        };
        const withLoadBalancer = options.loadBalancer || options.production;
        new FargateService(`${prefix}-api`, {
            cluster: cluster.arn, vpcId: "vpc-1", subnets: ["subnet-a"],
            ...(options.inline ? { taskDefinitionArgs: taskArgs } : { taskDefinition: new TaskDefinition(`${prefix}-api`, taskArgs) }),
            enableExecuteCommand: options.exec,
            ...(withLoadBalancer ? { ingress: [{ port: 8080, fromSecurityGroupIds: ["sg-alb"] }], loadBalancer: { targetGroupArn } } : {}),
            ...(options.production ? {
                capacityProviderStrategy: [{ capacityProvider: "FARGATE", base: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }],
                autoscaling: { minCapacity: 2, maxCapacity: 10, requestsPerTarget: 500, loadBalancerArn },
                serviceOverrides: { availabilityZoneRebalancing: "ENABLED", deploymentMinimumHealthyPercent: 100 },
            } : {}),
            ...options.service,
        });
    };
}

function wire(rs: Registered[]): WireResource[] {
    return rs.filter((r) => !r.type.startsWith("ecs-guardrails:")).map((r) => ({ type: r.type, name: r.name, properties: r.inputs }));
}

describe("contract: components pass the whole pack", function () {
    this.timeout(120_000);
    let pack: PackHandle;
    before(async () => {
        pack = await startPack(join(__dirname, "..", ".."));
        await pack.configureLikeCli();
    });
    after(async () => pack?.stop());

    async function diagnostics(resources: WireResource[]): Promise<[string, string, string][]> {
        const found: [string, string, string][] = [];
        for (const r of resources) {
            for (const d of (await pack.analyze(r)).diagnostics) found.push([d.policyName, r.name, d.message]);
        }
        for (const d of (await pack.analyzeStack(resources)).diagnostics) found.push([d.policyName, d.urn.split("::").pop() ?? "", d.message]);
        return found;
    }

    const matrix: [string, Parameters<typeof stack>[1]][] = [
        ["defaults", {}],
        ["sidecars", { sidecars: [otel, router] }],
        ["load balancer", { loadBalancer: true }],
        ["bring-your-own roles", { ownRoles: true }],
        ["ECS Exec on", { exec: true }],
        ["autoscaling, Fargate Spot with an on-demand base, compliant overrides", { production: true }],
        ["the service's own task definition (taskDefinitionArgs)", { inline: true, loadBalancer: true }],
        ["everything", { sidecars: [otel], loadBalancer: true, ownRoles: true, exec: true, production: true }],
    ];
    for (const [name, options] of matrix) {
        it(`${name}: zero violations`, async () => {
            const rs = wire(await program(stack(name.replace(/\W+/g, "-"), options)));
            assert.ok(rs.some((r) => r.type === "aws:ecs/service:Service") && rs.some((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition"));
            assert.deepEqual(await diagnostics(rs), []);
        });
    }

    it("the demo program, run under mocks, passes the pack", async () => {
        const rs = wire(await program(() => require("../../examples/demo")));
        assert.equal(rs.length, 30, "the 35 resources `pulumi preview` shows, less the stack and the 4 components");
        assert.deepEqual(await diagnostics(rs), []);
    });

    const overrides: [string, Partial<ContainerArgs>, string][] = [
        ["a writable root filesystem", { readonlyRootFilesystem: false }, "ecs-readonly-root-filesystem"],
        ["a stop timeout past the range", { stopTimeout: 300 }, "ecs-stop-timeout"],
        ["no user", { user: undefined }, "ecs-non-root-user"],
        ["no health check", { healthCheck: undefined }, "ecs-health-check"],
    ];
    for (const [what, container, policy] of overrides) {
        it(`${what} makes exactly ${policy} fire`, async () => {
            const rs = wire(await program(stack(`o-${policy}`, { container })));
            const found = await diagnostics(rs);
            assert.deepEqual(found.map(([p, r]) => [p, r]), [[policy, `o-${policy}-api`]]);
        });
    }

    it("a mandatory override fails the component with the very messages the pack gives", async () => {
        const rs = wire(await program(stack("m-ok")));
        const td = rs.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition")!;
        const defs = JSON.parse(td.properties.containerDefinitions as string);
        defs[0].image = "nginx";
        defs[0].environment = [{ name: "DB_PASSWORD", value: "p4ss-w0rd" }];
        const fromPack = (await pack.analyze({ ...td, properties: { ...td.properties, containerDefinitions: JSON.stringify(defs) } })).diagnostics
            .map((d) => [d.policyName, d.message.slice(d.description.length + 1)]);
        let thrown: unknown;
        try {
            new TaskDefinition("m-bad", { container: { ...app, image: "nginx", environment: { DB_PASSWORD: "p4ss-w0rd" } } });
        } catch (e) {
            thrown = e;
        }
        assert.ok(thrown instanceof ComplianceError);
        assert.deepEqual(thrown.violations.map((v) => [v.policy, v.message]), fromPack);
        assert.deepEqual(fromPack.map(([p]) => p), ["ecs-image-tag-pinned", "ecs-no-secrets-in-environment"]);
    });

    // Each escape hatch, set to a value that breaks a mandatory policy: the component fails with the messages the
    // pack gives for the same resource with the same change.
    const escapes: [string, StackOptions, string, (props: Record<string, unknown>) => Record<string, unknown>, string][] = [
        ["serviceOverrides", { service: { serviceOverrides: { networkConfiguration: { assignPublicIp: true } } } }, "aws:ecs/service:Service",
            (p) => ({ ...p, networkConfiguration: { ...(p.networkConfiguration as object), assignPublicIp: true } }), "ecs-no-public-ip"],
        ["taskDefinitionOverrides", { task: { taskDefinitionOverrides: { networkMode: "bridge" } } }, "aws:ecs/taskDefinition:TaskDefinition",
            (p) => ({ ...p, networkMode: "bridge" }), "ecs-awsvpc-network-mode"],
        ["a container's overrides", { container: { overrides: { privileged: true } } }, "aws:ecs/taskDefinition:TaskDefinition",
            (p) => ({ ...p, containerDefinitions: JSON.stringify(JSON.parse(p.containerDefinitions as string).map((c: object, i: number) => (i === 0 ? { ...c, privileged: true } : c))) }), "ecs-no-privileged"],
    ];
    for (const [hatch, options, type, change, policy] of escapes) {
        it(`${hatch} into a violation fails the component with the pack's message (${policy})`, async () => {
            const compliant = wire(await program(stack(`e-${policy}`))).find((r) => r.type === type)!;
            const fromPack = (await pack.analyze({ ...compliant, properties: change(compliant.properties) })).diagnostics
                .map((d) => [d.policyName, d.message.slice(d.description.length + 1)]);
            assert.deepEqual(fromPack.map(([p]) => p), [policy]);
            let thrown: unknown;
            try {
                stack(`e-${policy}-bad`, options)();
            } catch (e) {
                thrown = e;
            }
            assert.ok(thrown instanceof ComplianceError, String(thrown));
            assert.deepEqual(thrown.violations.map((v) => [v.policy, v.message]), fromPack);
        });
    }
});
