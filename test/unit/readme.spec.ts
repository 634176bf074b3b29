// What the README states about the package, kept true: the Node versions, the policy count, how to install it.
import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { policies } from "../../policy/policies";

const root = join(__dirname, "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

describe("README", () => {
    it("asks for the Node versions package.json's engines allows, and no older one", () => {
        const oldest = /^>=(\d+)$/.exec(pkg.engines.node)![1];
        assert.match(readme, new RegExp(`Node >= ${oldest}, npm and Go are all a fresh machine needs`));
        // Figures measured on an older Node say its full version (Node 20.20.2); a requirement never does.
        const older = [...readme.matchAll(/Node(?:\.js)? (\d+)(?![.\d])/g)].filter((m) => Number(m[1]) < Number(oldest));
        assert.deepEqual(older.map((m) => m[0]), []);
    });

    it("counts the policies the pack has", () => {
        const counts = [...readme.matchAll(/builds its (\d+) policies/g)].map((m) => Number(m[1]));
        assert.deepEqual(counts, [policies.length]);
    });

    it("installs the package the ways that work while it is not on npm: a clone, a tarball, a git dependency", () => {
        assert.ok(!/^npm install ecs-guardrails\b/m.test(readme), "npm install ecs-guardrails answers 404");
        assert.ok(!/^npx ecs-guardrails-audit\b/m.test(readme), "a bare npx ecs-guardrails-audit answers 404");
        assert.match(readme, /^git clone .* ecs-guardrails && \(cd ecs-guardrails && npm ci\)$/m);
        assert.match(readme, /^npm install \.\.\/ecs-guardrails\/ecs-guardrails-0\.1\.0\.tgz /m);
        assert.ok(readme.includes(`ecs-guardrails-${pkg.version}.tgz`));
        assert.match(readme, /npm install git\+https:\/\/.+\/ecs-guardrails\.git#v\d/);
    });
});
