import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { packVersion } from "../../policy/pack/adapter";
import { policiesMarkdown } from "../../policy/docs";

describe("generated docs and metadata", () => {
    it("docs/policies.md matches the rules' metadata (run `npm run docs` when this fails)", () => {
        const committed = readFileSync(join(__dirname, "..", "..", "docs", "policies.md"), "utf8");
        assert.equal(committed, policiesMarkdown(), "docs/policies.md is stale: run `npm run docs`");
    });
    it("the pack reports the version package.json declares", () => {
        const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"));
        assert.equal(packVersion, pkg.version);
    });
});
