// The layout a reader navigates by: a policy is found by its name, and rules stay provider-free.
import { strict as assert } from "assert";
import { readdirSync, readFileSync } from "fs";
import { basename, join } from "path";
import { rules } from "../../policy/rules";

const rulesDir = join(__dirname, "..", "..", "policy", "rules");
const groups = readdirSync(rulesDir, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "support").map((d) => d.name);
const ruleFiles = groups.flatMap((g) => readdirSync(join(rulesDir, g)).filter((f) => f.endsWith(".ts")).map((f) => join(rulesDir, g, f)));

describe("layout", () => {
    it("has rule files in groups", () => {
        assert.deepEqual(groups.sort(), ["clusters", "containers", "ecr", "resources", "services", "task-definitions"]);
        assert.ok(ruleFiles.length >= 39);
    });

    for (const file of ruleFiles) {
        const name = basename(file, ".ts");
        describe(`${basename(join(file, ".."))}/${name}.ts`, () => {
            const source = readFileSync(file, "utf8");
            it("exports one rule, named after the file", () => {
                const exported = Object.values(require(file) as Record<string, unknown>);
                assert.equal(exported.length, 1, "one export");
                assert.equal((exported[0] as { name?: string }).name, name);
            });
            it("is registered", () => {
                assert.ok(rules.some((r) => r.name === name && r === Object.values(require(file))[0]));
            });
            it("reads the model, never a provider's table, type token or @pulumi package", () => {
                const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
                for (const target of imports) assert.ok(["../rule", "../support", "../../model"].includes(target), `imports ${target}`);
                assert.doesNotMatch(source, /["'`]aws(-native)?:[a-z]/, "names a type token");
            });
        });
    }

    it("every registered rule has its file", () => {
        const names = ruleFiles.map((f) => basename(f, ".ts")).sort();
        assert.deepEqual(rules.map((r) => r.name).sort(), names);
    });
});
