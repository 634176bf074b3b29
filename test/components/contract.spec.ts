// The contract: everything the components register passes the whole pack (over the Analyzer protocol) at
// default config, in every supported configuration; each deliberate non-compliant override makes exactly
// the expected policy fire, with the message the component itself gives.
import { strict as assert } from "assert";
import { join } from "path";
import { PackHandle, startPack } from "../harness/analyzer";
import type { WireResource } from "../harness/wire";
import { Registered, program } from "./mocks";
import { ComplianceError } from "../../policy/check";
import { Cluster, ContainerArgs, FargateService, Repository, TaskDefinition } from "../../components";

const image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:3f9c2ab";
const app: ContainerArgs = { name: "api", image, port: 8080, user: "1000", healthCheck: { command: ["CMD", "/health"] } };
const otel: ContainerArgs = { name: "otel", image: "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0", user: "10001" };
const router: ContainerArgs = { name: "log-router", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0", user: "1000" };

function stack(prefix: string, options: { sidecars?: ContainerArgs[]; loadBalancer?: boolean; ownRoles?: boolean; exec?: boolean; container?: Partial<ContainerArgs> } = {}) {
    return () => {
        const cluster = new Cluster(`${prefix}-cluster`, options.exec ? { execLogGroup: { existing: "/org/exec-audit" } } : {});
        const repo = new Repository(`${prefix}-repo`);
        const td = new TaskDefinition(`${prefix}-api`, {
            container: { ...app, ...options.container },
            sidecars: options.sidecars,
            repositoryArns: [repo.arn],
            ...(options.ownRoles ? { taskRole: { existing: `arn:aws:iam::123456789012:role/${prefix}-task` }, executionRole: { existing: `arn:aws:iam::123456789012:role/${prefix}-exec` } } : {}),
        });
        new FargateService(`${prefix}-api`, {
            cluster: cluster.arn, taskDefinition: td, vpcId: "vpc-1", subnets: ["subnet-a"],
            enableExecuteCommand: options.exec,
            ...(options.loadBalancer ? { ingress: [{ port: 8080, fromSecurityGroupIds: ["sg-alb"] }], loadBalancer: { targetGroupArn: "arn:aws:elasticloadbalancing:tg/api" } } : {}),
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
        ["everything", { sidecars: [otel], loadBalancer: true, ownRoles: true, exec: true }],
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
        assert.equal(rs.length, 25, "the 30 resources `pulumi preview` shows, less the stack and the 4 components");
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
});
