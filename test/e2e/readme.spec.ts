// The README's runnable snippets, run: the offline commands (each doing what its comment says), the YAML program
// (previewed under the pack with the real YAML host) and the policy configuration (accepted, and applied).
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pulumiCliDir, root } from "./cli";

/** The fenced block right after `<!-- readme-snippet: <name> -->` in the README. */
export function snippet(name: string): string {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const found = new RegExp(`<!-- readme-snippet: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\n`).exec(readme);
    assert.ok(found, `README.md has no snippet marked <!-- readme-snippet: ${name} -->`);
    return found[1];
}

describe("the README's runnable snippets", function () {
    this.timeout(1_800_000);
    let home: string;
    const env = () => ({ ...process.env, PULUMI_CLI_DIR: pulumiCliDir(), ECS_GUARDRAILS_OFFLINE_HOME: join(home, "offline"), NO_COLOR: "1" });
    /** A README command line, run in the repository root as a user types it. */
    const sh = (line: string, cwd = root) => {
        const run = spawnSync("bash", ["-c", line], { cwd, env: env(), encoding: "utf8", timeout: 900_000 });
        return { code: run.status, output: `${run.stdout}${run.stderr}`, stdout: run.stdout };
    };
    before(() => (home = mkdtempSync(join(tmpdir(), "ecs-guardrails-readme-"))));
    after(() => rmSync(home, { recursive: true, force: true }));

    it("offline: each `npm run preview` / `npm run pulumi` line does what its comment says", () => {
        const lines = snippet("offline").trim().split("\n").map((l) => /^(npm run \S+ -- \S+(?: \S+)*?)\s+# (.*)$/.exec(l)!);
        assert.ok(lines.every(Boolean) && lines.length === 3, snippet("offline"));
        for (const [, command, says] of lines) {
            const run = sh(command);
            if (/: passes$/.test(says)) {
                assert.equal(run.code, 0, `${command}\n${run.output}`);
                assert.match(run.output, /✅ ecs-guardrails@v0\.1\.0/, command);
                assert.ok(!/^ +- \[(mandatory|advisory)\]/m.test(run.output), run.output);
            } else if (/: blocked$/.test(says)) {
                assert.notEqual(run.code, 0, `${command}\n${run.output}`);
                for (const policy of ["ecs-no-public-ip", "ecs-image-tag-pinned"]) assert.match(run.output, new RegExp(`- \\[mandatory\\] \\[severity: \\w+\\] +${policy} `), run.output);
            } else if (/schema/.test(says)) {
                assert.equal(run.code, 0, run.output);
                const schema = run.stdout.slice(run.stdout.indexOf("\n{") + 1); // after npm's "> ecs-guardrails@... pulumi" header
                assert.deepEqual(JSON.parse(schema), JSON.parse(readFileSync(join(root, "component-package", "schema.json"), "utf8")));
            } else {
                assert.fail(`no expectation for "${says}"`);
            }
        }
    });

    it("the YAML program previews under the pack with the settings it declares, with no violation", () => {
        const dir = join(home, "yaml-program");
        mkdirSync(dir);
        const program = snippet("yaml-program").replace("../ecs-guardrails/component-package", join(root, "component-package"));
        writeFileSync(join(dir, "Pulumi.yaml"), `name: readme-yaml-program\nruntime: yaml\n${program}`);
        const pulumi = (args: string) => sh(`bash ${join(root, "scripts", "pulumi-offline.sh")} ${args}`, dir);
        assert.equal(pulumi("stack init offline").code, 0);
        for (const setting of ["config set aws:region us-east-1", "config set vpcId vpc-0a1b2c3d4e5f67890", "config set --path 'privateSubnetIds[0]' subnet-0aaa1111bbbb2222c"]) {
            const run = pulumi(setting);
            assert.equal(run.code, 0, run.output);
        }
        const run = sh(`npm run --silent preview -- ${dir}`);
        assert.equal(run.code, 0, run.output);
        assert.match(run.output, /✅ ecs-guardrails@v0\.1\.0/);
        assert.ok(!/^ +- \[(mandatory|advisory)\]/m.test(run.output), run.output);
        assert.match(run.output, /\+ {2}ecs-guardrails:index:FargateService api create/);
    });

    it("the policy configuration is valid JSON the pack accepts, and applies: the pinned-tag finding becomes advisory", () => {
        const config = join(home, "policy-config.json");
        writeFileSync(config, snippet("policy-config"));
        JSON.parse(snippet("policy-config"));
        const run = sh(`npm run --silent preview -- test/e2e/programs/two-violations --policy-pack-config ${config}`);
        assert.notEqual(run.code, 0, "ecs-no-public-ip still blocks");
        assert.match(run.output, /- \[advisory\] \[severity: \w+\] +ecs-image-tag-pinned /);
        assert.match(run.output, /- \[mandatory\] \[severity: \w+\] +ecs-no-public-ip /);
        assert.ok(!run.output.includes("ecs-guardrails-config"), run.output);
    });
});
