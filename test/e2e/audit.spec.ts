// Auditing what is already deployed: `pulumi up` without the pack, `pulumi stack export`, then
// `ecs-guardrails-audit <export>` (pulumi policy analyze --file with this pack) as a user runs it.
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { sarifErrors } from "../support/sarif";
import { Workspace, pulumiCliDir, root } from "./cli";

const expected = [
    "mandatory ecr-immutable-tags mutable",
    "mandatory ecs-image-tag-pinned untagged",
    "mandatory ecs-log-configuration no-logs",
    "mandatory ecs-no-public-ip public",
    "mandatory ecs-security-group-per-service orders",
    "mandatory ecs-security-group-per-service payments",
    "mandatory ecs-task-role-per-family billing",
    "mandatory ecs-task-role-per-family reports",
];

describe("audit of a deployed stack with the Pulumi CLI", function () {
    this.timeout(900_000);
    let ws: Workspace;
    let exported: string;
    before(async () => {
        pulumiCliDir();
        ws = await Workspace.create("audit");
        const up = await ws.pulumi(["up", "--yes", "--skip-preview"]); // no pack: the state is what others deployed
        assert.equal(up.code, 0, up.output);
        const state = await ws.pulumi(["stack", "export"]);
        assert.equal(state.code, 0, state.output);
        exported = ws.writeFile("state.json", state.stdout);
    });
    after(() => ws?.dispose());

    function audit(env: Record<string, string> = {}) {
        const json = join(ws.home, "audit.json");
        const sarif = join(ws.home, "audit.sarif");
        const run = spawnSync(process.execPath, [join(root, "bin", "scripts", "audit", "cli.js"), exported, "--json", json, "--sarif", sarif, "--pulumi", join(pulumiCliDir(), "pulumi")], {
            cwd: ws.dir, env: { ...ws.env(), ...env }, encoding: "utf8", timeout: 600_000,
        });
        return { ...run, json: JSON.parse(readFileSync(json, "utf8")), sarif: JSON.parse(readFileSync(sarif, "utf8")) };
    }

    it("reports each violation in a table, JSON and schema-valid SARIF, and exits 1", () => {
        const run = audit();
        assert.equal(run.status, 1, run.stderr);
        const rows = run.stdout.split("\n").filter((l) => /^(mandatory|advisory|remediate) /.test(l)).map((l) => l.split(/\s+/));
        assert.deepEqual(rows.filter((r) => r[0] === "mandatory").map((r) => `${r[0]} ${r[1]} ${r[3]}`), expected);
        assert.deepEqual(run.json.findings.filter((f: { level: string }) => f.level === "mandatory").map((f: { level: string; policy: string; name: string }) => `${f.level} ${f.policy} ${f.name}`), expected);
        assert.deepEqual(run.json.policyPacks, { "ecs-guardrails": "0.1.0" });
        assert.deepEqual(sarifErrors(run.sarif), []);
        const errors = run.sarif.runs[0].results.filter((r: { level: string }) => r.level === "error");
        assert.equal(errors.length, expected.length);
        const untagged = errors.find((r: { ruleId: string }) => r.ruleId === "ecs-image-tag-pinned");
        assert.match(untagged.locations[0].logicalLocations[0].fullyQualifiedName, /^urn:pulumi:dev::e2e-audit::aws:ecs\/taskDefinition:TaskDefinition::untagged$/);
        assert.equal(untagged.locations[0].physicalLocation.artifactLocation.uri, "Pulumi.yaml");
        // The compliant resources whose values are secrets: nothing.
        assert.deepEqual(run.json.findings.filter((f: { name: string }) => f.name.startsWith("sealed")), []);
    });

    it("secrets it cannot decrypt (analyzed as \"[secret]\") raise no violation", () => {
        const run = audit({ PULUMI_CONFIG_PASSPHRASE: "not-the-passphrase" });
        assert.match(run.stderr, /could not decrypt secrets/);
        assert.equal(run.status, 1, run.stderr);
        const sealed = run.json.findings.filter((f: { name: string }) => f.name.startsWith("sealed"));
        assert.deepEqual(sealed.filter((f: { level: string }) => f.level !== "advisory"), []);
        assert.ok(!sealed.some((f: { message: string }) => /latest|malformed|Malformed/.test(f.message)), JSON.stringify(sealed, null, 2));
        assert.deepEqual(run.json.findings.filter((f: { level: string }) => f.level === "mandatory").map((f: { level: string; policy: string; name: string }) => `${f.level} ${f.policy} ${f.name}`), expected);
    });
});
