// The package's three entry points stay distinct: the CLI's (`main`: the pack), the demo's (Pulumi.yaml `main`),
// and library users' (`exports`: components and rules, never a started policy server).
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";

const root = join(__dirname, "..", "..");
const node = (script: string) => execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8", timeout: 30_000 });

describe("package entry points", () => {
    it("importing the package by name gives components and rules, and starts no server", () => {
        // The process exits by itself: nothing listens.
        const out = node(`const m = require("ecs-guardrails"); console.log(JSON.stringify([typeof m.TaskDefinition, typeof m.checkResource, m.rules.length]))`);
        assert.deepEqual(JSON.parse(out), ["function", "function", 39]);
    });

    it("the policy runtime path loads no provider SDK", () => {
        const out = node(`require("./bin/policy/policies.js"); console.log(JSON.stringify(Object.keys(require.cache).filter((f) => f.includes("@pulumi/aws"))))`);
        assert.deepEqual(JSON.parse(out), []);
    });

    it("the CLI loads compiled JavaScript; the demo program is not the pack", () => {
        const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
        assert.equal(pkg.main, "bin/policy/index.js");
        assert.match(readFileSync(join(root, "Pulumi.yaml"), "utf8"), /^main: examples\/demo\/index\.ts$/m);
    });
});
