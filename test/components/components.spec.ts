// The components under Pulumi's runtime mocks: what they create, with which inputs.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { join } from "path";
import { program, providerRegion, setConfig, valueOf } from "./mocks";
import { ComplianceError } from "../../policy/check";
import { Cluster, FargateService, Repository, TaskDefinition } from "../../components";

const image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:3f9c2ab";
const byType = (rs: { type: string }[], type: string) => rs.filter((r) => r.type === type);
const one = <T extends { type: string }>(rs: T[], type: string): T => {
    const found = byType(rs, type);
    assert.equal(found.length, 1, `one ${type}`);
    return found[0];
};

/** The warnings the components log while `run` runs (pulumi.log.warn). */
async function capturedWarnings(run: () => Promise<unknown>): Promise<string[]> {
    const warnings: string[] = [];
    const original = pulumi.log.warn;
    (pulumi.log as { warn: typeof pulumi.log.warn }).warn = (message: string) => { warnings.push(message); return Promise.resolve(); };
    try {
        await run();
    } finally {
        (pulumi.log as { warn: typeof pulumi.log.warn }).warn = original;
    }
    return warnings;
}

describe("components", () => {
    it("Repository: immutable tags, scan on push, KMS, a lifecycle policy", async () => {
        const rs = await program(() => new Repository("api", { name: "shop/api" }));
        const repo = one(rs, "aws:ecr/repository:Repository").inputs;
        assert.equal(repo.imageTagMutability, "IMMUTABLE");
        assert.deepEqual(repo.imageScanningConfiguration, { scanOnPush: true });
        assert.deepEqual(repo.encryptionConfigurations, [{ encryptionType: "KMS" }]);
        const lcp = one(rs, "aws:ecr/lifecyclePolicy:LifecyclePolicy").inputs;
        assert.equal(lcp.repository, "shop/api");
        const rules = JSON.parse(lcp.policy as string).rules;
        assert.deepEqual(rules.map((r: { selection: { tagStatus: string; countNumber: number } }) => [r.selection.tagStatus, r.selection.countNumber]), [["untagged", 14], ["any", 100]]);
        assert.equal(one(rs, "ecs-guardrails:index:Repository").name, "api");
    });

    it("Cluster: Container Insights on, ECS Exec sessions logged to a retained group", async () => {
        const rs = await program(() => new Cluster("main"));
        const cluster = one(rs, "aws:ecs/cluster:Cluster").inputs;
        assert.deepEqual(cluster.settings, [{ name: "containerInsights", value: "enabled" }]);
        assert.deepEqual(cluster.configuration, { executeCommandConfiguration: { logging: "OVERRIDE", logConfiguration: { cloudWatchLogGroupName: "/ecs/exec/main" } } });
        assert.equal(one(rs, "aws:cloudwatch/logGroup:LogGroup").inputs.retentionInDays, 90);
    });

    describe("TaskDefinition", () => {
        it("a stable family, Fargate awsvpc, hardened containers, its own log group and roles", async () => {
            let td!: TaskDefinition;
            const rs = await program(() => {
                td = new TaskDefinition("api", {
                    container: { name: "api", image, port: 8080, user: "1000", environment: { LOG_LEVEL: "info" }, secrets: { DB_PASSWORD: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db" }, healthCheck: { command: ["CMD", "/health"] } },
                    sidecars: [{ name: "otel", image: "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0" }],
                    repositoryArns: ["arn:aws:ecr:us-east-1:123456789012:repository/shop/api"],
                });
            });
            const task = one(rs, "aws:ecs/taskDefinition:TaskDefinition").inputs;
            assert.equal(task.family, "api");
            assert.equal(task.networkMode, "awsvpc");
            assert.deepEqual(task.requiresCompatibilities, ["FARGATE"]);
            assert.equal(task.memory, "512");
            const [app, otel] = JSON.parse(task.containerDefinitions as string);
            assert.deepEqual(
                [app.name, app.essential, app.readonlyRootFilesystem, app.stopTimeout, app.linuxParameters, app.user, app.portMappings],
                ["api", true, true, 30, { initProcessEnabled: true }, "1000", [{ containerPort: 8080, protocol: "tcp" }]]);
            assert.deepEqual(app.logConfiguration, { logDriver: "awslogs", options: { "awslogs-group": "/ecs/api", "awslogs-region": providerRegion, "awslogs-stream-prefix": "api" } });
            assert.deepEqual(app.secrets, [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db" }]);
            assert.deepEqual(app.healthCheck, { command: ["CMD", "/health"] });
            assert.deepEqual([otel.essential, otel.dockerLabels], [false, { "ecs-guardrails.sidecar": "true" }]);
            assert.equal(one(rs, "aws:cloudwatch/logGroup:LogGroup").inputs.retentionInDays, 30);
            const roles = byType(rs, "aws:iam/role:Role").map((r) => r.name).sort();
            assert.deepEqual(roles, ["api-execution", "api-task"]);
            assert.notEqual(task.taskRoleArn, task.executionRoleArn);
            const policy = JSON.parse(one(rs, "aws:iam/rolePolicy:RolePolicy").inputs.policy as string);
            assert.deepEqual(policy.Statement.map((s: { Action: unknown; Resource: unknown }) => [s.Action, s.Resource]), [
                [["logs:CreateLogStream", "logs:PutLogEvents"], `arn:aws:logs:${providerRegion}:*:log-group:/ecs/api:*`],
                ["ecr:GetAuthorizationToken", "*"],
                [["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], ["arn:aws:ecr:us-east-1:123456789012:repository/shop/api"]],
                ["secretsmanager:GetSecretValue", ["arn:aws:secretsmanager:us-east-1:123456789012:secret:db"]],
            ]);
            assert.equal(await valueOf(td.taskRoleArn), "arn:aws:iam:us-east-1:123456789012:api-task");
        });

        it("the same inputs give the same container JSON", async () => {
            const make = (n: string) => program(() => new TaskDefinition(n, { family: "same", container: { image, environment: { B: "2", A: "1" } } }));
            const [a, b] = [await make("first"), await make("second")];
            const json = (rs: { type: string; inputs: Record<string, unknown> }[]) => one(rs, "aws:ecs/taskDefinition:TaskDefinition").inputs.containerDefinitions;
            assert.equal(json(a), json(b));
        });

        it("a known non-compliant image fails with the pack's message", () => {
            assert.throws(() => new TaskDefinition("bad", { container: { image: "nginx:latest" } }), (e: unknown) => {
                assert.ok(e instanceof ComplianceError);
                assert.deepEqual(e.violations.map((v) => [v.policy, v.message]), [
                    ["ecs-image-tag-pinned", "container 'app' image 'nginx:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest.\nProperty: containerDefinitions[0].image"],
                ]);
                return true;
            });
        });

        it("a secret in plain environment fails with the pack's message, never its value", () => {
            assert.throws(() => new TaskDefinition("leaky", { container: { image, environment: { API_TOKEN: "tok-123456" } } }), (e: unknown) => {
                assert.ok(e instanceof ComplianceError && !e.message.includes("tok-123456"));
                assert.match(e.message, /\[ecs-no-secrets-in-environment\] container 'app' environment variable 'API_TOKEN' is named like a secret/);
                return true;
            });
        });

        it("one existing task role given to two families fails at construction, as ecs-task-role-per-family would", async () => {
            const shared = "arn:aws:iam::123456789012:role/shared";
            let thrown: unknown;
            await program(() => {
                new TaskDefinition("orders", { container: { image }, taskRole: { existing: shared } });
                try {
                    new TaskDefinition("billing", { container: { image }, taskRole: { existing: shared } });
                } catch (e) {
                    thrown = e;
                }
            });
            assert.ok(thrown instanceof ComplianceError, String(thrown));
            // The stack policy's own check and message, as the pack reports it at the end of a preview.
            assert.deepEqual(thrown.violations.map((v) => [v.policy, v.message]), [["ecs-task-role-per-family",
                "Task role 'arn:aws:iam::123456789012:role/shared' of family 'billing' is also the task role of 'orders' (family 'orders'). Give each family its own task role.\nProperty: taskRoleArn"]]);
        });

        it("a shared role known only when it resolves fails then: the task definition never registers", async () => {
            const shared = pulumi.output("arn:aws:iam::123456789012:role/shared");
            let second: TaskDefinition | undefined;
            const rs = await program(() => {
                new TaskDefinition("orders", { container: { image }, taskRole: { existing: shared } });
                second = new TaskDefinition("billing", { container: { image }, taskRole: { existing: shared } });
            });
            const error = await (second!.arn as unknown as { promise(): Promise<unknown> }).promise().then(() => undefined, (e: unknown) => e);
            assert.ok(error instanceof ComplianceError, String(error));
            assert.deepEqual(error.violations.map((v) => v.policy), ["ecs-task-role-per-family"]);
            assert.deepEqual(byType(rs, "aws:ecs/taskDefinition:TaskDefinition").map((r) => r.name), ["orders"]);
        });

        it("two task definitions of one family in one program: the second is refused (ecs-task-family-unique); another program is not affected", async () => {
            let thrown: unknown;
            await program(() => {
                new TaskDefinition("api", { container: { image } });
                try {
                    new TaskDefinition("api-v2", { family: "api", container: { image } });
                } catch (e) {
                    thrown = e;
                }
            });
            assert.ok(thrown instanceof ComplianceError, String(thrown));
            assert.deepEqual(thrown.violations.map((v) => [v.policy, v.message]), [["ecs-task-family-unique",
                "Task definition family 'api' is also declared by 'api'. Give each task definition its own family, so revisions map one-to-one to application versions.\nProperty: family"]]);
            const again = await program(() => new TaskDefinition("api-v2", { family: "api", container: { image } }));
            assert.equal(byType(again, "aws:ecs/taskDefinition:TaskDefinition").length, 1);
        });

        it("a whole containerDefinitions override is checked at construction: a privileged nginx:latest is refused", () => {
            const containerDefinitions = JSON.stringify([{ name: "web", image: "nginx:latest", privileged: true, essential: true }]);
            assert.throws(() => new TaskDefinition("raw", { container: { image }, taskDefinitionOverrides: { containerDefinitions } }), (e: unknown) => {
                assert.ok(e instanceof ComplianceError, String(e));
                const policies = e.violations.map((v) => v.policy);
                assert.ok(policies.includes("ecs-image-tag-pinned") && policies.includes("ecs-no-privileged"), policies.join(", "));
                return true;
            });
        });

        it("a refusal names the component's type, name and URN, and is a Pulumi RunError (printed without a stack trace)", () => {
            let thrown: unknown;
            const service = new FargateService("web", { cluster: "c", vpcId: "vpc-1", subnets: ["subnet-a"], taskDefinition: { arn: "arn:aws:ecs:us-east-1:1:task-definition/web:1" } });
            try {
                new TaskDefinition("web", { container: { image: "nginx:latest" } }, { parent: service });
            } catch (e) {
                thrown = e;
            }
            assert.ok(thrown instanceof ComplianceError && pulumi.RunError.isInstance(thrown));
            assert.equal(thrown.message, "TaskDefinition 'web' (urn:pulumi:test::demo::ecs-guardrails:index:FargateService$ecs-guardrails:index:TaskDefinition::web) would be rejected by the ecs-guardrails policy pack:\n" +
                "  [ecs-image-tag-pinned] container 'app' image 'nginx:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest.\n" +
                "    Property: containerDefinitions[0].image");
            // What the SDK does to an error from an Output input during an update leaves the words and prints no trace.
            const text = thrown.message;
            (thrown as Error).message = `error serializing property "containerDefinitions": ${text}`;
            assert.equal(thrown.message, text);
            assert.equal(thrown.stack, text);
        });
    });

    it("two services whose overrides give them one shared group: the second is refused (ecs-security-group-per-service)", async () => {
        const shared = { networkConfiguration: { securityGroups: ["sg-shared"] } };
        const service = (name: string) => new FargateService(name, { cluster: "c", vpcId: "vpc-1", subnets: ["subnet-a"], taskDefinition: { arn: `arn:aws:ecs:us-east-1:1:task-definition/${name}:1` }, serviceOverrides: shared });
        let thrown: unknown;
        await program(() => {
            service("orders");
            try {
                service("billing");
            } catch (e) {
                thrown = e;
            }
        });
        assert.ok(thrown instanceof ComplianceError, String(thrown));
        assert.deepEqual(thrown.violations.map((v) => [v.policy, v.message]), [["ecs-security-group-per-service",
            "Service 'billing' has no security group of its own: it shares 'sg-shared' with 'orders'. Create a security group for this service.\nProperty: networkConfiguration.securityGroups"]]);
    });

    describe("under the organisation's policy config (the JSON of --policy-pack-config)", () => {
        const pinnedAdvisory = JSON.stringify({ "ecs-image-tag-pinned": { enforcementLevel: "advisory" } });

        it("a policy the org made advisory warns instead of refusing (stack config ecs-guardrails:policyConfig)", async () => {
            const warnings = await capturedWarnings(() => program(() => new TaskDefinition("web", { container: { image: "nginx:latest", user: "1000", healthCheck: { command: ["CMD", "/health"] } } }),
                { "ecs-guardrails:policyConfig": pinnedAdvisory }));
            assert.deepEqual(warnings, ["TaskDefinition 'web': [ecs-image-tag-pinned] container 'app' image 'nginx:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest.\n    Property: containerDefinitions[0].image"]);
        });

        it("the org's requiredTags: a missing tag is reported as the pack reports it (mandatory there: refused)", async () => {
            const config = { "ecs-required-tags": { enforcementLevel: "mandatory", requiredTags: ["team", "environment"] } };
            assert.throws(() => new Repository("api", { tags: { team: "shop" }, policyConfig: config }), (e: unknown) => {
                assert.ok(e instanceof ComplianceError, String(e));
                assert.deepEqual(e.violations.map((v) => [v.policy, v.level]), [["ecs-required-tags", "mandatory"]]);
                assert.match(e.violations[0].message, /environment/);
                return true;
            });
            const rs = await program(() => new Repository("api", { tags: { team: "shop", environment: "prod" }, policyConfig: config }));
            assert.equal(byType(rs, "aws:ecr/repository:Repository").length, 1);
        });

        it("the org's settings apply: an allowedTagPattern the image's tag does not match is refused", () => {
            const config = JSON.stringify({ "ecs-image-tag-pinned": { allowedTagPattern: "v\\d+\\.\\d+\\.\\d+" } });
            setConfig({ "ecs-guardrails:policyConfig": config });
            try {
                assert.throws(() => new TaskDefinition("sha", { container: { image } }), (e: unknown) => e instanceof ComplianceError && e.violations[0].policy === "ecs-image-tag-pinned");
                assert.doesNotThrow(() => new TaskDefinition("semver", { container: { image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:v1.2.3" } }));
            } finally {
                setConfig({});
            }
        });

        it("a disabled policy is not checked; the argument wins over the stack config", async () => {
            const rs = await program(() => new TaskDefinition("web", { container: { image: "nginx:latest" }, policyConfig: { "ecs-image-tag-pinned": "disabled" } }),
                { "ecs-guardrails:policyConfig": JSON.stringify({ "ecs-image-tag-pinned": "mandatory" }) });
            assert.equal(byType(rs, "aws:ecs/taskDefinition:TaskDefinition").length, 1);
        });

        it("the org's excludeResources, by the child's URN, exempts it as the pack would", async () => {
            const config = { "ecs-image-tag-pinned": { excludeResources: ["urn:pulumi:test::demo::ecs-guardrails:index:TaskDefinition$aws:ecs/taskDefinition:TaskDefinition::legacy"] } };
            const rs = await program(() => new TaskDefinition("legacy", { container: { image: "nginx:latest" }, policyConfig: config }));
            assert.equal(byType(rs, "aws:ecs/taskDefinition:TaskDefinition").length, 1);
            assert.throws(() => new TaskDefinition("other", { container: { image: "nginx:latest" }, policyConfig: config }), ComplianceError);
        });

        it("a policy config that is not a JSON object fails, naming the key", async () => {
            await assert.rejects(program(() => new Cluster("c"), { "ecs-guardrails:policyConfig": "[1]" }), /Cluster 'c': the policy config \(argument 'policyConfig' or stack config 'ecs-guardrails:policyConfig'\) must be a JSON object/);
            setConfig({});
        });
    });

    it("FargateService: its own group with no ingress by default, private, tagged, rolled back, steady", async () => {
        const rs = await program(() => {
            const td = new TaskDefinition("web", { container: { image, port: 8080 } });
            new FargateService("web", { cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/main", taskDefinition: td, vpcId: "vpc-1", subnets: ["subnet-a", "subnet-b"] });
        });
        const sg = one(rs, "aws:ec2/securityGroup:SecurityGroup");
        assert.equal(sg.name, "web-sg");
        assert.equal(sg.inputs.ingress, undefined);
        assert.equal(byType(rs, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").length, 0);
        const svc = one(rs, "aws:ecs/service:Service").inputs;
        assert.deepEqual(svc.networkConfiguration, { subnets: ["subnet-a", "subnet-b"], securityGroups: ["web-sg-id"], assignPublicIp: false });
        assert.deepEqual([svc.launchType, svc.enableEcsManagedTags, svc.propagateTags, svc.waitForSteadyState], ["FARGATE", true, "SERVICE", true]);
        assert.deepEqual(svc.deploymentCircuitBreaker, { enable: true, rollback: true });
        assert.equal(svc.loadBalancers, undefined);
    });

    it("FargateService: ingress per port and source, and a target group", async () => {
        const rs = await program(() => {
            const td = new TaskDefinition("shop", { container: { image, port: 8080 } });
            new FargateService("shop", {
                cluster: "c", taskDefinition: td, vpcId: "vpc-1", subnets: ["s"],
                ingress: [{ port: 8080, fromSecurityGroupIds: ["sg-alb"], fromCidrBlocks: ["10.0.0.0/16"] }],
                loadBalancer: { targetGroupArn: "arn:tg" },
            });
        });
        const rules = byType(rs, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => [r.inputs.fromPort, r.inputs.referencedSecurityGroupId ?? r.inputs.cidrIpv4]);
        assert.deepEqual(rules, [[8080, "sg-alb"], [8080, "10.0.0.0/16"]]);
        assert.deepEqual(one(rs, "aws:ecs/service:Service").inputs.loadBalancers, [{ targetGroupArn: "arn:tg", containerName: "app", containerPort: 8080 }]);
    });

    it("Cluster: Fargate and Fargate Spot enabled, on-demand Fargate the default strategy", async () => {
        const rs = await program(() => new Cluster("spot"));
        const providers = one(rs, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders").inputs;
        assert.deepEqual([providers.clusterName, providers.capacityProviders, providers.defaultCapacityProviderStrategies],
            ["spot", ["FARGATE", "FARGATE_SPOT"], [{ capacityProvider: "FARGATE", weight: 1 }]]);
    });

    describe("FargateService in production", () => {
        const cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/shop";
        const targetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef";
        const loadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop/fedcba9876543210";

        it("autoscaling on CPU, memory and requests per target; Spot beside an on-demand base; its own task definition", async () => {
            let svc!: FargateService;
            const rs = await program(() => {
                svc = new FargateService("api", {
                    cluster, vpcId: "vpc-1", subnets: ["subnet-a"],
                    taskDefinitionArgs: { container: { image, port: 8080, user: "1000", healthCheck: { command: ["CMD", "/health"] } } },
                    loadBalancer: { targetGroupArn },
                    capacityProviderStrategy: [{ capacityProvider: "FARGATE", base: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }],
                    autoscaling: { maxCapacity: 6, requestsPerTarget: 500, loadBalancerArn },
                });
            });
            const service = one(rs, "aws:ecs/service:Service").inputs;
            assert.equal(service.launchType, undefined, "a strategy and a launch type exclude each other");
            assert.deepEqual(service.capacityProviderStrategies, [{ capacityProvider: "FARGATE", base: 1, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }]);
            assert.deepEqual([service.desiredCount, service.healthCheckGracePeriodSeconds], [2, 60]);
            assert.deepEqual(service.loadBalancers, [{ targetGroupArn, containerName: "app", containerPort: 8080 }]);
            assert.equal(one(rs, "aws:ecs/taskDefinition:TaskDefinition").name, "api");
            assert.equal(one(rs, "ecs-guardrails:index:TaskDefinition").name, "api");
            const target = one(rs, "aws:appautoscaling/target:Target").inputs;
            assert.deepEqual([target.resourceId, target.scalableDimension, target.minCapacity, target.maxCapacity], ["service/shop/api", "ecs:service:DesiredCount", 2, 6]);
            const policies = byType(rs, "aws:appautoscaling/policy:Policy").map((p) => {
                const c = p.inputs.targetTrackingScalingPolicyConfiguration as { targetValue: number; predefinedMetricSpecification: { predefinedMetricType: string; resourceLabel?: string }; scaleInCooldown: number; scaleOutCooldown: number };
                return [p.name, c.predefinedMetricSpecification.predefinedMetricType, c.targetValue, c.predefinedMetricSpecification.resourceLabel, c.scaleOutCooldown, c.scaleInCooldown];
            });
            assert.deepEqual(policies, [
                ["api-cpu", "ECSServiceAverageCPUUtilization", 60, undefined, 60, 300],
                ["api-memory", "ECSServiceAverageMemoryUtilization", 70, undefined, 60, 300],
                ["api-requests", "ALBRequestCountPerTarget", 500, "app/shop/fedcba9876543210/targetgroup/api/0123456789abcdef", 60, 300],
            ]);
            assert.equal(svc.scalingPolicies.length, 3);
            assert.equal(await valueOf(svc.taskDefinitionArn), "arn:aws:ecs:us-east-1:123456789012:api");
        });

        it("serviceOverrides merge into what the component builds; a task definition given by its outputs", async () => {
            const rs = await program(() => new FargateService("worker", {
                cluster, vpcId: "vpc-1", subnets: ["subnet-a"],
                taskDefinition: { arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/worker:3", containerName: "worker", containerPort: 9000 },
                loadBalancer: { targetGroupArn },
                serviceOverrides: { networkConfiguration: { subnets: ["subnet-b"] }, availabilityZoneRebalancing: "ENABLED" },
            }));
            const service = one(rs, "aws:ecs/service:Service").inputs;
            assert.deepEqual(service.networkConfiguration, { subnets: ["subnet-b"], securityGroups: ["worker-sg-id"], assignPublicIp: false });
            assert.equal(service.availabilityZoneRebalancing, "ENABLED");
            assert.deepEqual(service.loadBalancers, [{ targetGroupArn, containerName: "worker", containerPort: 9000 }]);
            assert.equal(byType(rs, "aws:appautoscaling/target:Target").length, 0);
        });

        it("inputs that cannot work fail at once, saying what to give", () => {
            const base = { cluster, vpcId: "vpc-1", subnets: ["subnet-a"] };
            const td = { arn: "arn:td" };
            const cases: [string, () => unknown, string][] = [
                ["no task definition", () => new FargateService("a", base), "FargateService 'a': give 'taskDefinition' or 'taskDefinitionArgs' (one of them)."],
                ["a load balancer with no port", () => new FargateService("b", { ...base, taskDefinition: td, loadBalancer: { targetGroupArn } }),
                    "FargateService 'b': loadBalancer needs the container's name and port: give loadBalancer.containerName and .containerPort, or a container with a port."],
                ["request scaling without a load balancer", () => new FargateService("c", { ...base, taskDefinition: td, autoscaling: { maxCapacity: 4, requestsPerTarget: 100 } }),
                    "FargateService 'c': autoscaling.requestsPerTarget needs loadBalancer (its target group) and autoscaling.loadBalancerArn."],
                ["max below min", () => new FargateService("d", { ...base, taskDefinition: td, autoscaling: { minCapacity: 3, maxCapacity: 2 } }),
                    "FargateService 'd': autoscaling needs 0 <= minCapacity (3) <= maxCapacity (2)."],
                ["both log group choices", () => new TaskDefinition("e", { container: { image }, logGroup: { existing: "/org/logs", retentionInDays: 7 } }),
                    "TaskDefinition 'e': logGroup takes 'existing' or 'retentionInDays', not both."],
            ];
            for (const [what, make, message] of cases) assert.throws(make, (e: unknown) => e instanceof Error && e.message === message, what);
        });
    });
});
