// The published package, as others meet it: the pack installed the way the CLI installs a published pack, and a
// separate consumer project on the newest SDKs previewed with the real CLI under that installed pack.
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { existsSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import { installedCopies } from "../../bench/install";
import { policies } from "../../policy/policies";
import { startPack } from "../harness/analyzer";
import { Workspace, pulumiCliDir, root } from "./cli";
import { consumerProject, installedPack, npmTree } from "./published";
import { types, taskDefinition, container } from "../support/fixtures";

const ours = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

describe("the published pack, installed as the CLI installs it", function () {
    this.timeout(900_000);
    let dir: string;
    before(() => {
        dir = installedPack();
    });

    it("ships compiled JavaScript and installs none of our dev tools, no provider SDK, one @pulumi/pulumi", () => {
        assert.ok(existsSync(join(dir, "bin", "policy", "index.js")));
        assert.ok(!existsSync(join(dir, "policy")), "no TypeScript sources");
        assert.ok(!existsSync(join(dir, "test")), "no tests or stand-ins");
        // typescript and ts-node would come in as @pulumi/pulumi's optional peers if the tarball listed them as dev tools.
        assert.equal(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).devDependencies, undefined);
        const unwanted = ["typescript", "ts-node", "mocha", "fast-check", "ajv", "@microsoft/jest-sarif", "@types/mocha", "@pulumi/aws"].filter((p) => installedCopies(dir, p).length > 0);
        if (unwanted.length > 0) assert.fail(`installed: ${unwanted.join(", ")}\n${npmTree(dir)}`);
        if (installedCopies(dir, "@pulumi/pulumi").length !== 1) assert.fail(`@pulumi/pulumi copies: ${installedCopies(dir, "@pulumi/pulumi")}\n${npmTree(dir)}`);
    });

    it("serves every policy over the Analyzer protocol, at package.json's version, and rejects a violation", async () => {
        const pack = await startPack(dir);
        try {
            const info = await pack.getAnalyzerInfo();
            assert.equal(info.name, "ecs-guardrails");
            assert.equal(info.version, ours.version);
            assert.deepEqual(info.policies.map((p) => p.name), policies.map((p) => p.name));
            await pack.configureLikeCli();
            const result = await pack.analyze({ type: types.taskDefinition, name: "web", properties: taskDefinition([container({ image: "nginx:latest" })]) });
            assert.deepEqual(result.diagnostics.map((d) => [d.policyName, d.enforcementLevel]), [["ecs-image-tag-pinned", "mandatory"]]);
        } finally {
            await pack.stop();
        }
    });
});

describe("a consumer project on the newest SDKs, previewed under the published pack", function () {
    this.timeout(1_800_000);
    let project: string;
    let ws: Workspace;
    before(async () => {
        pulumiCliDir();
        project = consumerProject();
        rmSync(join(project, "Pulumi.dev.yaml"), { force: true }); // from an earlier run, on another backend
        const aws = JSON.parse(readFileSync(join(project, "node_modules", "@pulumi", "aws", "package.json"), "utf8"));
        ws = await Workspace.create(project, { env: { STAND_IN_AWS_VERSION: aws.version } });
    });
    after(() => ws?.dispose());

    it("has one @pulumi/pulumi, the newest, and no nested copy under ecs-guardrails", () => {
        const copies = installedCopies(project, "@pulumi/pulumi");
        if (copies.length !== 1) assert.fail(`@pulumi/pulumi copies: ${copies}\n${npmTree(project)}`);
        assert.ok(!existsSync(join(project, "node_modules", "ecs-guardrails", "node_modules", "@pulumi", "pulumi")));
        assert.match(installedCopies(project, "@pulumi/aws")[0], /^7\./);
    });

    it("gets the audit command on its PATH (node_modules/.bin/ecs-guardrails-audit)", () => {
        const run = spawnSync(join(project, "node_modules", ".bin", "ecs-guardrails-audit"), ["--help"], { encoding: "utf8" });
        assert.equal(run.status, 2, run.stderr);
        assert.match(run.stderr, /^usage: ecs-guardrails-audit <file>/);
    });

    it("reports the raw non-compliant resource and nothing the components create", async () => {
        const run = await ws.pulumi(["preview", "--policy-pack", installedPack()]);
        assert.notEqual(run.code, 0, run.output);
        assert.match(run.output, /ecs-guardrails@v0\.1\.0/);
        const found = violations(run.output);
        assert.deepEqual(found, [
            "advisory ecr-kms-encryption legacy",
            "advisory ecr-lifecycle-policy legacy",
            "advisory ecr-scan-on-push legacy",
            "mandatory ecr-immutable-tags legacy",
        ], run.output);
        assert.match(run.output, /ecs-guardrails:index:FargateService api/, "the components ran");
    });
});

/** "level policy resource" for each violation in a preview's policy section, sorted. */
function violations(output: string): string[] {
    const found: string[] = [];
    const re = /^\s*- \[(mandatory|advisory)\](?: \[severity: \w+\])?\s+(\S+)\s+\(([^)]*)\)/gm;
    for (let m = re.exec(output); m; m = re.exec(output)) found.push(`${m[1]} ${m[2]} ${m[3].split(/[:\s]/).pop()}`);
    return [...new Set(found)].sort();
}
