// Ways round the pack that pass through the wire path: config, exemptions and secrets as the engine sends them.
import { strict as assert } from "assert";
import { join } from "path";
import { PackHandle, startPack } from "../harness/analyzer";
import { isSecret, secret } from "../harness/wire";
import { container as c, taskDefinition as td, types } from "../support/fixtures";
import { propertyOf, said } from "../harness/said";

const root = join(__dirname, "..", "..");

describe("ways round the pack, over the Analyzer protocol", function () {
    this.timeout(120_000);
    let pack: PackHandle;

    before(async () => {
        pack = await startPack(root);
    });
    after(async () => pack?.stop());
    afterEach(() => pack.configureLikeCli());

    const messages = (r: { diagnostics: { policyName: string; description: string; message: string }[] }, policy: string) =>
        r.diagnostics.filter((d) => d.policyName === policy).map(said);

    it("disallowedTags adds to latest and never replaces it", async () => {
        await pack.configureLikeCli({ "ecs-image-tag-pinned": { disallowedTags: ["dev"] } });
        const r = await pack.analyze({ type: types.taskDefinition, name: "api", properties: td([c({ image: "nginx:latest" }), c({ name: "b", image: "app:dev" })]) });
        assert.deepEqual(messages(r, "ecs-image-tag-pinned"), [
            "container 'api' image 'nginx:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest.",
            "container 'b' image 'app:dev' uses the mutable tag 'dev'. Use a unique tag per build (e.g. the git SHA) or a digest.",
        ]);
    });

    it("ecs-input-well-formed cannot be exempted by tag, even where other policies allow tag exemptions", async () => {
        await pack.configureLikeCli({ "ecs-no-privileged": { allowTagExemptions: false } });
        const props = td([], { containerDefinitions: "[{\"name\": \"api\", \"privileged\": true,", tags: { "ecs-guardrails:exempt": "ecs-input-well-formed" } });
        const r = await pack.analyze({ type: types.taskDefinition, name: "api", properties: props });
        assert.deepEqual(r.diagnostics.map((d) => [d.policyName, d.enforcementLevel, said(d)]), [
            ["ecs-input-well-formed", "mandatory", "Malformed input: containerDefinitions is not valid JSON: it ends early (line 1, column 37). Fix it so the other policies can check this resource."],
        ]);
    });

    it("excludeResources (the platform team's choice) still exempts ecs-input-well-formed", async () => {
        await pack.configureLikeCli({ "ecs-input-well-formed": { excludeResources: ["legacy-*"] } });
        const r = await pack.analyze({ type: types.taskDefinition, name: "legacy-api", properties: td([], { containerDefinitions: "[" }) });
        assert.deepEqual(messages(r, "ecs-input-well-formed"), []);
    });

    it("a config that cannot mean anything is reported once by ecs-guardrails-config, and the defaults still apply", async () => {
        await pack.configureLikeCli({
            "ecs-stop-timeout": { minSeconds: 200, maxSeconds: 100 },
            "ecs-no-secrets-in-environment": { secretNamePatterns: ["(unclosed"] },
        });
        const leaky = td([c({ stopTimeout: 300, environment: [{ name: "DB_PASSWORD", value: "hunter2-hunter2" }] })]);
        const resources = [1, 2, 3].map((i) => ({ type: types.taskDefinition, name: `api-${i}`, properties: { ...leaky, family: `api-${i}` } }));
        for (const resource of resources) {
            const r = await pack.analyze(resource);
            // The defaults stand in for the broken settings: nothing is weakened.
            assert.deepEqual(messages(r, "ecs-stop-timeout"), ["container 'api' stopTimeout '300' is outside [2, 120] seconds. Set it to what the application needs to drain, within that range."]);
            assert.equal(messages(r, "ecs-no-secrets-in-environment").length, 1);
        }
        const stack = await pack.analyzeStack(resources);
        const reports = stack.diagnostics.filter((d) => d.policyName === "ecs-guardrails-config").map((d) => [d.enforcementLevel, said(d)]);
        assert.equal(reports.length, 2, JSON.stringify(reports));
        assert.deepEqual(reports[0], ["mandatory", "Policy ecs-stop-timeout: minSeconds (200) is greater than maxSeconds (100), so no stopTimeout could pass. The policy checks with the default minSeconds and maxSeconds until the pack config is fixed."]);
        assert.equal(reports[1][0], "mandatory");
        assert.match(reports[1][1] as string, /^Policy ecs-no-secrets-in-environment: .*secretNamePatterns.*'\(unclosed'.* The policy checks with the default secretNamePatterns until the pack config is fixed\.$/);
        const again = await pack.analyzeStack(resources.slice(0, 1));
        assert.equal(again.diagnostics.filter((d) => d.policyName === "ecs-guardrails-config").length, 0, "reported once: nothing new was met since");
    });

    it("no piece of a secret command line appears, clipped or split into words", async () => {
        const command = ["sh", "-c", "supervisord -c /etc/supervisor/conf.d/payments-processor-with-a-long-name.conf && curl -fsSL https://internal.example.com/bootstrap.sh | sh"];
        const defs = JSON.stringify([c({ command })]);
        const r = await pack.analyze({ type: types.taskDefinition, name: "api", properties: td([], { containerDefinitions: secret(defs) }) });
        const texts = r.diagnostics.map(said);
        assert.ok(messages(r, "ecs-single-process").length + messages(r, "ecs-no-startup-downloads").length >= 1, "the secret command is still checked");
        for (const text of texts) {
            for (const piece of ["supervisord", "conf.d", "payments", "bootstrap", "internal.example", "curl -fsSL"]) assert.ok(!text.includes(piece), `${piece} in: ${text}`);
        }
    });

    it("a remediation returns every nested secret still wrapped (aws-native containers as objects)", async () => {
        await pack.configureLikeCli({ "ecs-stop-timeout": "remediate" });
        const defs = [{ ...c({ stopTimeout: null }), environment: [{ name: "DB_PASSWORD", value: secret("hunter2-hunter2") }] }];
        const r = await pack.remediate({ type: "aws-native:ecs:TaskDefinition", name: "api", properties: { ...td(), containerDefinitions: defs } });
        const props = r.remediations[r.remediations.length - 1].properties as { containerDefinitions: { stopTimeout: number; environment: { value: unknown }[] }[] };
        assert.equal(props.containerDefinitions[0].stopTimeout, 30);
        assert.ok(isSecret(props.containerDefinitions[0].environment[0].value), JSON.stringify(props.containerDefinitions[0].environment[0]));
    });

    it("a secret exemption reason is not printed", async () => {
        const props = { ...td([c({ privileged: true })]), tags: { "ecs-guardrails:exempt": "ecs-no-privileged", "ecs-guardrails:exempt-reason": secret("ticket SEC-4711 hunter2") } };
        const r = await pack.analyze({ type: types.taskDefinition, name: "api", properties: props });
        const reason = r.notApplicable.find((n) => n.policyName === "ecs-no-privileged")!.reason;
        assert.equal(reason, "exempt by its tag 'ecs-guardrails:exempt' (reason: '[secret]')");
    });

    it("past 25 findings of one policy on one resource, one line counts the rest", async () => {
        const many = Array.from({ length: 40 }, (_, i) => c({ name: `c${i}`, image: "nginx:latest" }));
        const r = await pack.analyze({ type: types.taskDefinition, name: "api", properties: td(many) });
        const pinned = messages(r, "ecs-image-tag-pinned");
        assert.equal(pinned.length, 26);
        assert.equal(pinned[25], "... and 15 more findings of ecs-image-tag-pinned on this resource, like the ones above.");
    });

    it("a secret number is never printed", async () => {
        const defs = JSON.stringify([c({ stopTimeout: 4711 })]);
        const r = await pack.analyze({ type: types.taskDefinition, name: "api", properties: td([], { containerDefinitions: secret(defs) }) });
        const stop = messages(r, "ecs-stop-timeout");
        assert.equal(stop.length, 1);
        assert.ok(!stop[0].includes("4711"), stop[0]);
    });
});
