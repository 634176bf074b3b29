// One reading of every input, over the wire: what the checks read is what messages name and secrets mask;
// the audit's redaction marker means something only when the pack analyzes stored state; config mistakes are said.
import { strict as assert } from "assert";
import { packForPreview } from "../harness/preview";
import { propertyOf, said, saidBy } from "../harness/said";
import { secret, unknown } from "../harness/wire";
import { container as c, service, taskDefinition as td, types } from "../support/fixtures";


describe("one reading of every input, over the Analyzer protocol", function () {
    this.timeout(120_000);

    describe("in a preview (the engine configured the stack)", () => {
        const pack = packForPreview();

        it("a secret containerDefinitions written as two JSON values is read, and nothing of it is printed", async () => {
            const defs = `${JSON.stringify([{ name: "payments-ledger", image: "registry.example.com/payments:latest", logConfiguration: { logDriver: "gelf" }, stopTimeout: 300 }])} [{"user": "0"}]`;
            const r = await pack().analyze({ type: types.taskDefinition, name: "api", properties: td([], { containerDefinitions: secret(defs) }) });
            const policies = r.diagnostics.map((d) => d.policyName);
            for (const p of ["ecs-image-tag-pinned", "ecs-log-configuration", "ecs-stop-timeout", "ecs-non-root-user"]) assert.ok(policies.includes(p), p);
            for (const d of r.diagnostics) assert.doesNotMatch(d.message, /payments|ledger|gelf|300/, d.message);
            assert.deepEqual(saidBy(r, "ecs-stop-timeout"), ["container '[secret]' stopTimeout '[secret]' is outside [2, 120] seconds. Set it to what the application needs to drain, within that range."]);
        });

        it("a secret is masked whatever its length or type: a 5-character exemption reason, a number", async () => {
            const exempt = await pack().analyze({
                type: types.service, name: "svc",
                properties: service({ networkConfiguration: { subnets: ["s"], securityGroups: ["sg"], assignPublicIp: true }, tags: { "ecs-guardrails:exempt": "ecs-no-public-ip", "ecs-guardrails:exempt-reason": secret("a1b2c") } }),
            });
            assert.deepEqual(exempt.notApplicable.filter((n) => n.policyName === "ecs-no-public-ip").map((n) => n.reason), ["exempt by its tag 'ecs-guardrails:exempt' (reason: '[secret]')"]);
            const native = { family: "api", networkMode: "awsvpc", taskRoleArn: "arn:aws:iam::1:role/t", containerDefinitions: [{ ...c(), stopTimeout: secret(130.5) }] };
            const r = await pack().analyze({ type: "aws-native:ecs:TaskDefinition", name: "api", properties: native });
            assert.deepEqual(saidBy(r, "ecs-stop-timeout"), ["container 'api' stopTimeout '[secret]' is outside [2, 120] seconds. Set it to what the application needs to drain, within that range."]);
        });

        it("one unknown element of an aws-native container list leaves the known ones checked", async () => {
            const native = { family: "api", networkMode: "awsvpc", taskRoleArn: "arn:aws:iam::1:role/t", containerDefinitions: [unknown("object"), { ...c({ name: "web", image: "nginx:latest" }), privileged: true }] };
            const r = await pack().analyze({ type: "aws-native:ecs:TaskDefinition", name: "api", properties: native });
            assert.deepEqual(saidBy(r, "ecs-no-privileged"), ["container 'web' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs."]);
            assert.deepEqual(saidBy(r, "ecs-image-tag-pinned"), ["container 'web' image 'nginx:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest."]);
            assert.equal(propertyOf(r.diagnostics.find((d) => d.policyName === "ecs-no-privileged")!), "containerDefinitions[1].privileged");
            const stack = await pack().analyzeStack([{ type: "aws-native:ecs:TaskDefinition", name: "api", properties: native }]);
            assert.match(saidBy(stack, "ecs-guardrails-not-known-yet")[0], /^containerDefinitions\[0\] is not known until `pulumi up`: \d+ policies check it then/);
        });

        it("the string [secret] is an ordinary string: a command line ending in it is checked", async () => {
            const props = td([c({ command: ["sh", "-c", "curl -fsSL https://example.com/setup.sh | sh; supervisord [secret]"] })]);
            const r = await pack().analyze({ type: types.taskDefinition, name: "api", properties: props });
            assert.equal(saidBy(r, "ecs-no-startup-downloads").length, 1);
            assert.equal(saidBy(r, "ecs-single-process").length, 1);
        });

        it("messages spell the path as the resource's provider does (aws-native)", async () => {
            const native = {
                serviceName: "api", cluster: "main", taskDefinition: "td", launchType: "FARGATE", enableEcsManagedTags: true, propagateTags: "SERVICE",
                networkConfiguration: { awsvpcConfiguration: { subnets: ["s"], securityGroups: ["sg"], assignPublicIp: "ENABLED" } },
                deploymentConfiguration: { deploymentCircuitBreaker: { enable: false, rollback: false } },
            };
            const r = await pack().analyze({ type: "aws-native:ecs:Service", name: "api", properties: native });
            assert.deepEqual(saidBy(r, "ecs-no-public-ip"), ["Tasks get a public IP address (networkConfiguration.awsvpcConfiguration.assignPublicIp turns it on). Turn it off, use private subnets and a load balancer."]);
            assert.equal(propertyOf(r.diagnostics.find((d) => d.policyName === "ecs-deployment-circuit-breaker")!), "deploymentConfiguration.deploymentCircuitBreaker");
        });

        it("a misspelt policy name or setting is reported once by ecs-guardrails-config, with the closest valid name, and does not apply", async () => {
            await pack().configureLikeCli({
                "ecs-no-public-ip": { allowTagExemption: false },
                "ecs-image-tag-pined": { enforcementLevel: "advisory" },
                "ecs-required-tags": { requiredTag: ["team"] },
            });
            const tagged = service({ networkConfiguration: { subnets: ["s"], securityGroups: ["sg"], assignPublicIp: true }, tags: { "ecs-guardrails:exempt": "ecs-no-public-ip" } });
            const r = await pack().analyze({ type: types.service, name: "svc", properties: tagged });
            assert.deepEqual(saidBy(r, "ecs-no-public-ip"), [], "the misspelt allowTagExemption did not switch tag exemptions off: the exemption stands, and is reported");
            const stack = await pack().analyzeStack([{ type: types.service, name: "svc", properties: tagged }]);
            const config = stack.diagnostics.filter((d) => d.policyName === "ecs-guardrails-config");
            assert.deepEqual(config.map(said).sort(), [
                "Policy ecs-image-tag-pined: 'ecs-image-tag-pined' is not a policy of the ecs-guardrails pack; did you mean 'ecs-image-tag-pinned'? Its entry does not apply.",
                "Policy ecs-no-public-ip: it has no setting 'allowTagExemption'; did you mean 'allowTagExemptions'? The setting does not apply.",
                "Policy ecs-required-tags: it has no setting 'requiredTag'; did you mean 'requiredTags'? The setting does not apply.",
            ]);
            assert.ok(config.every((d) => (d as unknown as { enforcementLevel: string }).enforcementLevel === "mandatory"));
            const again = await pack().analyzeStack([{ type: types.service, name: "svc", properties: service() }]);
            assert.equal(again.diagnostics.filter((d) => d.policyName === "ecs-guardrails-config").length, 0, "once per run");
            await pack().configureLikeCli();
        });
    });

    describe("analyzing stored state (no stack configuration, as `pulumi policy analyze` runs the pack)", () => {
        const pack = packForPreview(undefined, { stack: false });

        it("[secret] is a redacted value, not known, never a violation", async () => {
            const props = td([c({ command: ["[secret]"], image: "[secret]", stopTimeout: "[secret]" as unknown as number })]);
            const r = await pack().analyze({ type: types.taskDefinition, name: "api", properties: props });
            assert.deepEqual(r.diagnostics.map((d) => d.policyName), []);
        });
    });
});
