// A component's refusal, as a user of the real CLI reads it: one plain error naming the component (its URN), the
// policy and the fix, with no stack trace, at preview and at `pulumi up`.
import { strict as assert } from "assert";
import { Run, Workspace, pulumiCliDir, root } from "./cli";

const pinnedMessage = (url: string) => `[ecs-image-tag-pinned] container 'app' image '${url}' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest.`;

/** The Diagnostics section of a run's output. */
function diagnostics(run: Run): string {
    const i = run.output.lastIndexOf("\nDiagnostics:");
    assert.ok(i >= 0, run.output);
    return run.output.slice(i, run.output.indexOf("\nResources:", i) >>> 0);
}

/** Asserts one error in the diagnostics, exactly `expected`, and nothing that looks like a crash. */
function assertOnePlainError(run: Run, expected: string): void {
    assert.notEqual(run.code, 0, run.output);
    const section = diagnostics(run);
    const errors = section.split("\n").filter((l) => /^\s+error: /.test(l));
    assert.equal(errors.length, 1, section);
    assert.ok(section.includes(expected), `expected:\n${expected}\nin:\n${section}`);
    for (const crash of [/^\s+at /m, /unhandled exception/, /error serializing property/, /\[object Promise\]|<ref \*1>|Promise \{/, /\x1b\[/]) {
        assert.ok(!crash.test(run.output), `${crash} in:\n${run.output}`);
    }
}

describe("component refusals with the Pulumi CLI", function () {
    this.timeout(900_000);
    const workspaces: Workspace[] = [];
    const open = async (program: string) => {
        const ws = await Workspace.create(program, { env: { ECS_GUARDRAILS_ROOT: root } });
        workspaces.push(ws);
        return ws;
    };
    before(() => {
        pulumiCliDir();
    });
    after(() => workspaces.forEach((ws) => ws.dispose()));

    it("a known mutable tag: one plain error naming the TaskDefinition among three resources named `web`, at preview and at up", async () => {
        const ws = await open("component-refused");
        const expected = "error: TaskDefinition 'web' (urn:pulumi:dev::e2e-component-refused::ecs-guardrails:index:FargateService$ecs-guardrails:index:TaskDefinition::web) would be rejected by the ecs-guardrails policy pack:\n" +
            `      ${pinnedMessage("nginx:latest")}`;
        assertOnePlainError(await ws.preview(), expected);
        const up = await ws.up();
        assertOnePlainError(up, expected);
        assert.ok(!up.output.includes("aws:ecs:TaskDefinition web created"), up.output);
    });

    it("a mutable tag known only at up: preview leaves it to the pack, up refuses it with one plain error before the task definition is created", async () => {
        const ws = await open("component-refused-at-up");
        const preview = await ws.preview();
        assert.equal(preview.code, 0, preview.output);
        const up = await ws.up();
        assertOnePlainError(up, "error: TaskDefinition 'web' (urn:pulumi:dev::e2e-component-refused-at-up::ecs-guardrails:index:TaskDefinition::web) would be rejected by the ecs-guardrails policy pack:\n" +
            `      ${pinnedMessage("123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest")}`);
        assert.ok(!up.output.includes("aws:ecs:TaskDefinition web created"), up.output);
    });
});
