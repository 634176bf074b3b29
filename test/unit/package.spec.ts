// The package's three entry points stay distinct: the CLI's (`main`: the pack), the demo's (Pulumi.yaml `main`),
// and library users' (`exports`: components and rules, never a started policy server).
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import * as semver from "semver";
import { join } from "path";

const root = join(__dirname, "..", "..");
const node = (script: string) => execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8", timeout: 30_000 });

describe("package entry points", () => {
    it("importing the package by name gives components and rules, and starts no server", () => {
        // The process exits by itself: nothing listens.
        const out = node(`const m = require("ecs-guardrails"); console.log(JSON.stringify([typeof m.TaskDefinition, typeof m.checkResource, m.rules.length]))`);
        assert.deepEqual(JSON.parse(out), ["function", "function", 40]);
    });

    it("the policy runtime path loads no provider SDK, and the YAML library only for the first YAML template", () => {
        const loaded = `JSON.stringify(Object.keys(require.cache).filter((f) => /@pulumi[\\/]aws|node_modules[\\/]yaml[\\/]/.test(f)).map((f) => f.includes("yaml") ? "yaml" : "aws"))`;
        const out = node(`require("./bin/policy/policies.js"); const atStart = ${loaded}; ` +
            `require("./bin/policy/model").buildModels("aws:cloudformation/stack:Stack", { templateBody: "Resources: {}" }, "s", "urn"); ` +
            `console.log(JSON.stringify([JSON.parse(atStart), [...new Set(JSON.parse(${loaded}))]]))`);
        assert.deepEqual(JSON.parse(out), [[], ["yaml"]]);
    });

    it("the CLI loads compiled JavaScript; the demo program is not the pack", () => {
        const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
        assert.equal(pkg.main, "bin/policy/index.js");
        assert.match(readFileSync(join(root, "Pulumi.yaml"), "utf8"), /^main: examples\/demo\/index\.ts$/m);
    });
});

describe("the published package", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

    it("packs the compiled pack and components, their types, the audit and the docs; no sources, tests, stand-ins, bench or examples", () => {
        const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", "--loglevel=error"], { cwd: root, encoding: "utf8" });
        const files: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
        for (const f of ["package.json", "PulumiPolicy.yaml", "README.md", "docs/policies.md", "bin/policy/index.js", "bin/lib.js", "bin/lib.d.ts",
            "bin/components/taskDefinition.js", "bin/components/taskDefinition.d.ts", "bin/scripts/audit/cli.js", "bin/compile-cache.js"]) {
            assert.ok(files.includes(f), `${f} is in the tarball`);
        }
        const stray = files.filter((f) => !/^bin\/.*\.(js|d\.ts)$/.test(f) && !["package.json", "PulumiPolicy.yaml", "README.md", "docs/policies.md"].includes(f));
        assert.deepEqual(stray, []);
        assert.deepEqual(files.filter((f) => /^bin\/(scripts\/(?!audit\/)|test|bench|examples)/.test(f)), []);
    });

    it("PulumiPolicy.yaml asks for a production install and does not set a version of its own: the Cloud shows package.json's", () => {
        const yaml = readFileSync(join(root, "PulumiPolicy.yaml"), "utf8");
        assert.match(yaml, /^ {4}production: true$/m);
        const version = /^version:\s*(\S+)/m.exec(yaml)?.[1];
        assert.ok(version === undefined || version === pkg.version, `PulumiPolicy.yaml version ${version} vs package.json ${pkg.version}`);
    });

    it("needs only @pulumi/policy, re2js (for user patterns) and yaml (for CloudFormation templates), pure JavaScript both; @pulumi/pulumi is a peer and @pulumi/aws an optional peer, both covering the versions we test with", () => {
        assert.deepEqual(Object.keys(pkg.dependencies), ["@pulumi/policy", "re2js", "yaml"]);
        assert.equal(pkg.peerDependenciesMeta["@pulumi/aws"].optional, true);
        assert.ok(!pkg.peerDependenciesMeta["@pulumi/pulumi"], "the pack needs @pulumi/pulumi");
        for (const name of ["@pulumi/pulumi", "@pulumi/aws"]) {
            assert.ok(semver.satisfies(pkg.devDependencies[name], pkg.peerDependencies[name]), `${name} ${pkg.devDependencies[name]} in ${pkg.peerDependencies[name]}`);
        }
        assert.ok(semver.satisfies("6.0.0", pkg.peerDependencies["@pulumi/aws"]), "@pulumi/aws 6 and 7");
        // @pulumi/policy's own requirement: a consumer's @pulumi/pulumi in our range also serves @pulumi/policy (one copy).
        const policyNeeds = JSON.parse(readFileSync(join(root, "node_modules", "@pulumi", "policy", "package.json"), "utf8")).dependencies["@pulumi/pulumi"];
        assert.ok(semver.subset(pkg.peerDependencies["@pulumi/pulumi"], policyNeeds), `${pkg.peerDependencies["@pulumi/pulumi"]} within ${policyNeeds}`);
    });
});
