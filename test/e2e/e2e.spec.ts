// The real engine: `pulumi preview/up --policy-pack .` with the real CLI and Node.js language host.
import { strict as assert } from "assert";
import { Workspace, pulumiCliDir } from "./cli";

/** True when the preview output reports `policy` against the resource named `resource`. */
function reports(output: string, policy: string, resource: string): boolean {
    const blocks = output.split(/\n(?=\s*- \[)/);
    return blocks.some((b) => b.includes(policy) && new RegExp(`[:\\s]${resource}\\)?\\s*$`, "m").test(b.split("\n")[0]));
}

describe("end to end with the Pulumi CLI", function () {
    this.timeout(900_000);
    const workspaces: Workspace[] = [];
    const open = async (program: string) => {
        const ws = await Workspace.create(program);
        workspaces.push(ws);
        return ws;
    };

    before(() => {
        pulumiCliDir(); // builds the CLI on a fresh machine (cached after)
    });
    after(() => workspaces.forEach((ws) => ws.dispose()));

    it("the demo stack previews under the pack with no violation", async () => {
        const ws = await open("demo");
        const run = await ws.preview();
        assert.equal(run.code, 0, run.output);
        assert.match(run.output, /✅ ecs-guardrails@v0\.1\.0/);
        assert.ok(!/\[(mandatory|advisory)\]/.test(run.output), run.output);
        assert.match(run.output, /\+ 35 to create/);
    });

    it("a non-compliant program fails preview, naming each policy and resource", async () => {
        const ws = await open("noncompliant");
        const run = await ws.preview();
        assert.notEqual(run.code, 0, run.output);
        const expected: [string, string][] = [
            ["ecs-image-tag-pinned", "untagged"],
            ["ecs-log-configuration", "no-logs"],
            ["ecs-no-public-ip", "public"],
            ["ecr-immutable-tags", "mutable"],
            ["ecs-task-role-per-family", "billing"],
            ["ecs-task-role-per-family", "reports"],
            ["ecs-security-group-per-service", "orders"],
            ["ecs-security-group-per-service", "payments"],
        ];
        for (const [policy, resource] of expected) assert.ok(reports(run.output, policy, resource), `${policy} on ${resource}:\n${run.output}`);
        assert.match(run.output, /mandatory/);
    });

    it("the same configurations through aws-native and aws get the same verdicts", async () => {
        const ws = await open("aws-native-twins");
        const run = await ws.preview();
        assert.notEqual(run.code, 0, run.output);
        const expected: [string, string][] = [
            ["ecs-image-tag-pinned", "web"], ["ecs-no-privileged", "web"], ["ecr-immutable-tags", "images"], ["ecs-no-public-ip", "public"],
        ];
        for (const [policy, resource] of expected) {
            for (const provider of ["native", "aws"]) assert.ok(reports(run.output, policy, `${provider}-${resource}`), `${policy} on ${provider}-${resource}:\n${run.output}`);
        }
    });

    it("ECS resources in a CloudFormation template, a Cloud Control resource and a daemon task definition are checked; a template given by URL is said", async () => {
        const ws = await open("cloudformation");
        const run = await ws.preview();
        assert.notEqual(run.code, 0, run.output);
        const expected: [string, string][] = [
            ["ecs-no-privileged", "app"], ["ecs-image-tag-pinned", "app"], ["ecr-immutable-tags", "images"],
            ["ecs-no-privileged", "agent"], ["ecs-image-tag-pinned", "agent"], ["ecs-guardrails-not-known-yet", "remote"],
        ];
        for (const [policy, resource] of expected) assert.ok(reports(run.output, policy, resource), `${policy} on ${resource}:\n${run.output}`);
        assert.match(run.output, /'app\/Web' \(AWS::ECS::TaskDefinition\): container 'web' runs privileged/);
        assert.match(run.output, /Property: Resources\.Web\.Properties\.ContainerDefinitions\[0\]\.Privileged/);
        assert.match(run.output, /\n\s+The template is given only as templateUrl, which the pack cannot fetch/);
        assert.doesNotMatch(run.output, /can't run policy|failed to run policy/i);
    });

    it("--policy-pack-config makes one advisory and disables another: preview passes with the warning", async () => {
        const ws = await open("two-violations");
        const blocked = await ws.preview();
        assert.notEqual(blocked.code, 0, blocked.output);
        const config = ws.writeFile("policy-config.json", JSON.stringify({ "ecs-image-tag-pinned": "advisory", "ecs-no-public-ip": "disabled" }));
        const run = await ws.preview("--policy-pack-config", config);
        assert.equal(run.code, 0, run.output);
        assert.ok(reports(run.output, "ecs-image-tag-pinned", "web"), run.output);
        assert.match(run.output, /advisory/);
        assert.ok(!run.output.includes("ecs-no-public-ip"), run.output);
    });

    it("a remediate-level policy changes what `pulumi up` stores", async () => {
        const ws = await open("remediate");
        const config = ws.writeFile("policy-config.json", JSON.stringify({ "ecs-propagate-tags": "remediate" }));
        const up = await ws.up("--policy-pack-config", config);
        assert.equal(up.code, 0, up.output);
        const exported = await ws.pulumi(["stack", "export"]);
        const state = JSON.parse(exported.stdout);
        const svc = state.deployment.resources.find((r: { type: string }) => r.type === "aws:ecs/service:Service");
        assert.equal(svc.inputs.propagateTags, "SERVICE");
        assert.equal(svc.outputs.propagateTags, "SERVICE");
    });

    it("an image known only at up: preview says once what waits for it, up rejects the task definition before it is created", async () => {
        const ws = await open("output-image");
        const preview = await ws.preview();
        assert.equal(preview.code, 0, preview.output);
        assert.doesNotMatch(preview.output, /can't run policy/, "the checking policies report only violations");
        const notes = preview.output.match(/containerDefinitions is not known until `pulumi up` \(it comes from 'app'\): \d+ policies check it then, before the resource is created \([^)]*ecs-image-tag-pinned[^)]*\)/g) ?? [];
        assert.equal(notes.length, 1, preview.output);
        assert.match(preview.output, /ecs-guardrails-not-known-yet/);
        const up = await ws.up();
        assert.notEqual(up.code, 0, up.output);
        assert.match(up.output, /ecs-image-tag-pinned[\s\S]*uses the mutable tag 'latest'/);
        const state = JSON.parse((await ws.pulumi(["stack", "export"])).stdout);
        const types = (state.deployment.resources ?? []).map((r: { type: string }) => r.type);
        assert.ok(types.includes("aws:ecr/repository:Repository"), "the repository was created");
        assert.ok(!types.includes("aws:ecs/taskDefinition:TaskDefinition"), "the task definition was not");
    });
});
