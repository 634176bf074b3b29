// Writes docs/policies.md from the rules' metadata.
import { writeFileSync } from "fs";
import { join } from "path";
import { policiesMarkdown } from "../policy/docs";

const target = join(__dirname, "..", "..", "docs", "policies.md");
writeFileSync(target, policiesMarkdown());
console.log(`wrote ${target}`);
