// The pack as the Pulumi CLI runs it: started by run-policy-pack, spoken to over the Analyzer gRPC protocol.
import { strict as assert } from "assert";
import { join } from "path";
import { PackHandle, startPack } from "../harness/analyzer";
import { isSecret, secret, unknown, urn, unwrapSecrets } from "../harness/wire";
import { container as c, expressService, repository, service, taskDefinition as td, types } from "../support/fixtures";
import { propertyOf, said } from "../harness/said";

const root = join(__dirname, "..", "..");

/** The contract (POLICIES.md): every name users pin, with its default level. */
const contract: Record<string, string> = {
    "ecs-image-tag-pinned": "mandatory", "ecs-version-consistency": "advisory", "ecs-no-startup-downloads": "advisory",
    "ecs-single-process": "advisory", "ecs-no-container-restart": "advisory", "ecs-init-process": "advisory",
    "ecs-stop-timeout": "advisory", "ecs-log-configuration": "mandatory", "ecs-task-single-application": "advisory",
    "ecs-task-family-unique": "mandatory", "ecs-task-role": "mandatory", "ecs-task-role-per-family": "mandatory",
    "ecs-awsvpc-network-mode": "mandatory", "ecs-service-security-group": "mandatory", "ecs-security-group-per-service": "mandatory",
    "ecs-managed-tags": "mandatory", "ecs-propagate-tags": "mandatory", "ecs-required-tags": "advisory", "ecr-immutable-tags": "mandatory",
    "ecs-no-privileged": "mandatory", "ecs-readonly-root-filesystem": "advisory", "ecs-non-root-user": "advisory",
    "ecs-no-host-namespaces": "mandatory", "ecs-no-host-network": "mandatory", "ecs-no-secrets-in-environment": "mandatory",
    "ecs-memory-limit": "advisory", "ecs-efs-transit-encryption": "mandatory", "ecs-no-public-ip": "mandatory",
    "ecs-fargate-platform-version": "advisory", "ecs-deployment-circuit-breaker": "advisory", "ecs-health-check": "advisory",
    "ecs-execution-role-distinct": "advisory", "ecs-capacity-provider-termination-protection": "advisory", "ecs-cluster-container-insights": "advisory", "ecs-exec-audit-logging": "advisory",
    "ecr-scan-on-push": "advisory", "ecr-kms-encryption": "advisory", "ecr-lifecycle-policy": "advisory", "ecr-no-public-access": "mandatory",
};
const remediable = ["ecs-init-process", "ecs-stop-timeout", "ecs-managed-tags", "ecs-propagate-tags", "ecr-immutable-tags",
    "ecs-deployment-circuit-breaker", "ecs-cluster-container-insights", "ecr-scan-on-push"];

describe("the pack over the Analyzer protocol", function () {
    this.timeout(120_000);
    let pack: PackHandle;

    before(async () => {
        pack = await startPack(root);
    });
    after(async () => pack?.stop());

    const messages = (r: { diagnostics: { policyName: string; description: string; message: string }[] }, policy: string) =>
        r.diagnostics.filter((d) => d.policyName === policy).map(said);

    describe("GetAnalyzerInfo", () => {
        it("lists every contract policy with its default level, metadata and config schema", async () => {
            const info = await pack.getAnalyzerInfo();
            assert.equal(info.name, "ecs-guardrails");
            assert.equal(info.supportsConfig, true);
            const byName = new Map(info.policies.map((p) => [p.name, p]));
            for (const [name, level] of Object.entries(contract)) {
                const p = byName.get(name);
                assert.ok(p, `${name} is served`);
                assert.equal(p!.enforcementLevel, level, `${name} level`);
                assert.ok(p!.description && p!.remediationSteps && p!.url && p!.severity, `${name} metadata`);
                assert.ok(p!.framework?.name, `${name} framework`);
                assert.deepEqual(p!.configSchema?.properties.excludeResources, { type: "array", items: { type: "string" }, default: [], description: (p!.configSchema!.properties.excludeResources as { description: string }).description });
                assert.equal((p!.configSchema?.properties.allowTagExemptions as { default: boolean }).default, true);
            }
            assert.match(byName.get("ecs-image-tag-pinned")!.url, /application\.html#version-tags$/);
            assert.match(byName.get("ecs-no-privileged")!.framework!.name, /Security Hub ECS\.4/);
            assert.deepEqual((byName.get("ecs-image-tag-pinned")!.configSchema!.properties.disallowedTags as { default: string[] }).default, ["latest"]);
            assert.equal((byName.get("ecs-stop-timeout")!.configSchema!.properties.defaultSeconds as { default: number }).default, 30);
            for (const name of remediable) assert.ok(byName.get(name)!.tags.includes("remediable"), `${name} is remediable`);
        });
    });

    describe("Analyze with the config the CLI sends", () => {
        before(() => pack.configureLikeCli());

        it("a compliant task definition has no diagnostics", async () => {
            const r = await pack.analyze({ type: types.taskDefinition, name: "api", properties: td() });
            assert.deepEqual(r.diagnostics, []);
        });

        it("reports each broken rule with its policy, level and message", async () => {
            const r = await pack.analyze({ type: types.taskDefinition, name: "api", properties: td([c({ image: "nginx:latest", logConfiguration: null, privileged: true })]) });
            const found = r.diagnostics.map((d) => [d.policyName, d.enforcementLevel, said(d)]);
            assert.deepEqual(found, [
                ["ecs-image-tag-pinned", "mandatory", "container 'api' image 'nginx:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest."],
                ["ecs-log-configuration", "mandatory", "container 'api' has no log configuration, so its stdout/stderr are lost. Set logConfiguration with one of: awslogs, awsfirelens, splunk."],
                ["ecs-no-privileged", "mandatory", "container 'api' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs."],
            ]);
        });

        it("an unknown value is 'not known yet' for that container only; the rest is checked, and the policies report only violations", async () => {
            const r = await pack.analyze({ type: types.expressService, name: "web", properties: expressService({ primaryContainer: { image: unknown(), environments: [{ name: "DB_PASSWORD", value: "plaintext" }] } }) });
            assert.equal(r.diagnostics.find((d) => d.policyName === "ecs-image-tag-pinned"), undefined, "no advisory under the checking policy's own name");
            assert.ok(r.diagnostics.every((d) => !/not known yet|can't run policy/.test(d.message)), JSON.stringify(r.diagnostics.map((d) => d.message)));
            assert.deepEqual(messages(r, "ecs-log-configuration"), ["container #1 has no log configuration, so its stdout/stderr are lost. Set primaryContainer.awsLogsConfigurations with one of: awslogs, awsfirelens, splunk."]);
            assert.equal(propertyOf(r.diagnostics.find((d) => d.policyName === "ecs-log-configuration")!), "primaryContainer.awsLogsConfigurations");
            assert.equal(r.diagnostics.find((d) => d.policyName === "ecs-no-secrets-in-environment")!.enforcementLevel, "mandatory");
            const stack = await pack.analyzeStack([{ type: types.expressService, name: "web", properties: expressService() }]);
            const notes = stack.diagnostics.filter((d) => d.policyName === "ecs-guardrails-not-known-yet");
            assert.deepEqual(notes.map((d) => [d.enforcementLevel, d.severity, d.urn.split("::").pop(), said(d)]), [[
                "advisory", "low", "web",
                "primaryContainer.image is not known until `pulumi up`: 1 policy checks it then, before the resource is created (ecs-image-tag-pinned).",
            ]]);
        });

        it("an unknown containerDefinitions is said once, naming the properties, the policies waiting and the resources it comes from", async () => {
            const repo = urn(types.repository, "api-repo");
            const r = await pack.analyze({ type: types.taskDefinition, name: "api", properties: td([], { containerDefinitions: unknown(), networkMode: "bridge" }) });
            assert.deepEqual(messages(r, "ecs-awsvpc-network-mode"), ["networkMode is 'bridge'. Set networkMode to 'awsvpc' so each task gets its own network interface and the service its own security group."]);
            assert.ok(r.diagnostics.every((d) => !/not known yet|can't run policy/.test(d.message)));
            const stack = await pack.analyzeStack([
                { type: types.repository, name: "api-repo", properties: repository() },
                { type: types.taskDefinition, name: "api", properties: td([], { containerDefinitions: unknown(), networkMode: "bridge" }), propertyDependencies: { containerDefinitions: [repo] } },
            ]);
            const notes = stack.diagnostics.filter((d) => d.policyName === "ecs-guardrails-not-known-yet").map(said);
            assert.equal(notes.length, 1, JSON.stringify(notes));
            assert.match(notes[0], /^containerDefinitions is not known until `pulumi up` \(it comes from 'api-repo'\): 14 policies check it then, before the resource is created \(ecs-image-tag-pinned, ecs-version-consistency, ecs-no-startup-downloads and 11 more\)\.$/);
            const again = await pack.analyzeStack([{ type: types.repository, name: "api-repo", properties: repository() }]);
            assert.equal(again.diagnostics.filter((d) => d.policyName === "ecs-guardrails-not-known-yet").length, 0, "said once");
        });

        it("malformed input is reported once, by ecs-input-well-formed", async () => {
            const r = await pack.analyze({ type: types.taskDefinition, name: "api", properties: td([], { containerDefinitions: "[{\"name\": \"api\", " }) });
            assert.deepEqual(r.diagnostics.map((d) => [d.policyName, said(d)]), [
                ["ecs-input-well-formed", "Malformed input: containerDefinitions is not valid JSON: it ends early (line 1, column 18). Fix it so the other policies can check this resource."],
            ]);
        });

        it("secrets never appear in a message", async () => {
            const defs = JSON.stringify([c({ name: "payments", image: "registry.example.com/payments:latest", environment: [{ name: "DB_PASSWORD", value: "hunter2-hunter2" }] })]);
            const r = await pack.analyze({ type: types.taskDefinition, name: "api", properties: td([], { containerDefinitions: secret(defs) }) });
            assert.ok(r.diagnostics.length >= 2, "the secret task definition is still checked");
            for (const d of r.diagnostics) {
                assert.ok(!/payments|hunter2/.test(d.message), d.message);
            }
            // The engine marks the whole JSON document secret, so every string from it is masked, names included.
            assert.deepEqual(messages(r, "ecs-no-secrets-in-environment"), ["container '[secret]' environment variable '[secret]' is named like a secret and is stored in plain text in the task definition. Move it to `secrets` (Secrets Manager or SSM)."]);
        });
    });

    describe("Configure overrides", () => {
        after(() => pack.configureLikeCli());

        it("levels and settings from a --policy-pack-config file apply", async () => {
            await pack.configureLikeCli({
                "ecs-image-tag-pinned": { enforcementLevel: "advisory", disallowedTags: ["latest", "stable"] },
                "ecs-log-configuration": "disabled",
            });
            const r = await pack.analyze({ type: types.taskDefinition, name: "api", properties: td([c({ image: "app:stable", logConfiguration: null })]) });
            assert.deepEqual(r.diagnostics.map((d) => [d.policyName, d.enforcementLevel, said(d)]), [
                ["ecs-image-tag-pinned", "advisory", "container 'api' image 'app:stable' uses the mutable tag 'stable'. Use a unique tag per build (e.g. the git SHA) or a digest."],
            ]);
        });
    });

    describe("exemptions", () => {
        afterEach(() => pack.configureLikeCli());

        it("a tag exempts, is reported as not applicable and listed by ecs-guardrails-exemptions", async () => {
            await pack.configureLikeCli();
            const props = service({ networkConfiguration: { subnets: ["s"], securityGroups: ["sg"], assignPublicIp: true }, tags: { "ecs-guardrails:exempt": "ecs-no-public-ip", "ecs-guardrails:exempt-reason": "legacy NAT-less VPC" } });
            const r = await pack.analyze({ type: types.service, name: "legacy", properties: props });
            assert.deepEqual(messages(r, "ecs-no-public-ip"), []);
            assert.deepEqual(r.notApplicable.filter((n) => n.policyName === "ecs-no-public-ip"), [{ policyName: "ecs-no-public-ip", reason: "exempt by its tag 'ecs-guardrails:exempt' (reason: 'legacy NAT-less VPC')" }]);
            const stack = await pack.analyzeStack([{ type: types.service, name: "legacy", properties: props }]);
            assert.deepEqual(stack.diagnostics.filter((d) => d.policyName === "ecs-guardrails-exemptions").map((d) => [d.enforcementLevel, d.urn, said(d)]), [
                ["advisory", urn(types.service, "legacy"), "Resource 'legacy' is exempt from ecs-no-public-ip: exempt by its tag 'ecs-guardrails:exempt' (reason: 'legacy NAT-less VPC')."],
            ]);
        });

        it("an exempt service still counts as a user of its security group", async () => {
            await pack.configureLikeCli();
            const net = { subnets: ["s"], securityGroups: ["sg-shared"], assignPublicIp: false };
            const r = await pack.analyzeStack([
                { type: types.service, name: "legacy", properties: service({ networkConfiguration: net, tags: { "ecs-guardrails:exempt": "ecs-security-group-per-service" } }) },
                { type: types.service, name: "orders", properties: service({ networkConfiguration: net }) },
            ]);
            assert.deepEqual(r.diagnostics.filter((d) => d.policyName === "ecs-security-group-per-service").map((d) => [d.urn, said(d)]), [
                [urn(types.service, "orders"), "Service 'orders' has no security group of its own: it shares 'sg-shared' with 'legacy'. Create a security group for this service."],
            ]);
        });

        it("allowTagExemptions: false ignores the tag", async () => {
            await pack.configureLikeCli({ "ecs-no-public-ip": { allowTagExemptions: false } });
            const props = service({ networkConfiguration: { subnets: ["s"], securityGroups: ["sg"], assignPublicIp: true }, tags: { "ecs-guardrails:exempt": "ecs-no-public-ip" } });
            const r = await pack.analyze({ type: types.service, name: "legacy", properties: props });
            assert.equal(messages(r, "ecs-no-public-ip").length, 1);
        });

        it("excludeResources globs match the name or the URN", async () => {
            await pack.configureLikeCli({ "ecr-immutable-tags": { excludeResources: ["legacy-*"] } });
            const r = await pack.analyze({ type: types.repository, name: "legacy-images", properties: repository({ imageTagMutability: "MUTABLE" }) });
            assert.deepEqual(messages(r, "ecr-immutable-tags"), []);
            assert.deepEqual(r.notApplicable.find((n) => n.policyName === "ecr-immutable-tags"), { policyName: "ecr-immutable-tags", reason: "excluded by the policy's excludeResources pattern 'legacy-*'" });
        });
    });

    describe("Remediate", () => {
        after(() => pack.configureLikeCli());

        it("remediate-level policies fix the inputs and keep secrets secret", async () => {
            await pack.configureLikeCli({ "ecs-managed-tags": "remediate", "ecs-propagate-tags": "remediate", "ecs-deployment-circuit-breaker": "remediate" });
            const r = await pack.remediate({ type: types.service, name: "api", properties: service({ enableEcsManagedTags: false, propagateTags: "NONE", deploymentCircuitBreaker: null, name: secret("api-secret-name") }) });
            assert.deepEqual(r.remediations.map((x) => x.policyName), ["ecs-managed-tags", "ecs-propagate-tags", "ecs-deployment-circuit-breaker"]);
            const last = r.remediations[r.remediations.length - 1].properties!;
            assert.equal(last.enableEcsManagedTags, true);
            assert.equal(last.propagateTags, "SERVICE");
            assert.deepEqual(last.deploymentCircuitBreaker, { enable: true, rollback: true });
            assert.notEqual(last.name, "api-secret-name", "the secret stays wrapped");
            assert.equal(unwrapSecrets(last).name, "api-secret-name");
        });

        it("a task definition gets initProcessEnabled and stopTimeout", async () => {
            await pack.configureLikeCli({ "ecs-init-process": "remediate", "ecs-stop-timeout": "remediate" });
            const r = await pack.remediate({ type: types.taskDefinition, name: "api", properties: td([c({ linuxParameters: null, stopTimeout: null })]) });
            const defs = JSON.parse(r.remediations[r.remediations.length - 1].properties!.containerDefinitions as string);
            assert.deepEqual([defs[0].linuxParameters, defs[0].stopTimeout], [{ initProcessEnabled: true }, 30]);
        });

        it("a secret containerDefinitions comes back remediated, still secret, with every field the provider reads", async () => {
            await pack.configureLikeCli({ "ecs-init-process": "remediate", "ecs-stop-timeout": "remediate" });
            const kept = { portMappings: [{ containerPort: 8080, protocol: "tcp" }], secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/db" }], mountPoints: [{ sourceVolume: "data", containerPath: "/data" }] };
            const text = `[${JSON.stringify(c({ linuxParameters: null, stopTimeout: null, ...kept })).replace("\"name\"", "\"Name\"")}] [{"user": "1000"}]`;
            const props = td([], { containerDefinitions: secret(text), networkMode: "awsvpc", taskRoleArn: secret("arn:aws:iam::123456789012:role/api-task") });
            const r = await pack.remediate({ type: types.taskDefinition, name: "api", properties: props });
            assert.deepEqual(r.remediations.map((x) => x.policyName), ["ecs-init-process", "ecs-stop-timeout"]);
            for (const { properties } of r.remediations) {
                assert.ok(isSecret(properties!.containerDefinitions), "containerDefinitions stays wrapped as a secret");
                assert.ok(isSecret(properties!.taskRoleArn), "taskRoleArn stays wrapped as a secret");
            }
            const defs = JSON.parse(unwrapSecrets(r.remediations[r.remediations.length - 1].properties!).containerDefinitions as string);
            assert.deepEqual([defs.length, defs[0].name, defs[0].user, defs[0].linuxParameters, defs[0].stopTimeout], [1, "api", "1000", { initProcessEnabled: true }, 30]);
            for (const [key, value] of Object.entries(kept)) assert.deepEqual(defs[0][key], value, key);
        });
    });

    describe("AnalyzeStack", () => {
        before(() => pack.configureLikeCli());

        it("a task role referenced only by URN (propertyDependencies) is compared", async () => {
            const role = urn(types.role, "shared-task-role");
            const r = await pack.analyzeStack([
                { type: types.role, name: "shared-task-role", properties: { assumeRolePolicy: "{}" } },
                { type: types.taskDefinition, name: "api", properties: td(undefined, { taskRoleArn: unknown() }), propertyDependencies: { taskRoleArn: [role] } },
                { type: types.taskDefinition, name: "web", properties: td(undefined, { family: "web", taskRoleArn: unknown() }), propertyDependencies: { taskRoleArn: [role] } },
            ]);
            assert.deepEqual(r.diagnostics.filter((d) => d.policyName === "ecs-task-role-per-family").map((d) => [d.enforcementLevel, d.urn, said(d)]), [
                ["mandatory", urn(types.taskDefinition, "api"), "Task role 'shared-task-role' of family 'api' is also the task role of 'web' (family 'web'). Give each family its own task role."],
                ["mandatory", urn(types.taskDefinition, "web"), "Task role 'shared-task-role' of family 'web' is also the task role of 'api' (family 'api'). Give each family its own task role."],
            ]);
        });
    });
});
