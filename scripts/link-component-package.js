// Run by `prepare` in a clone: the in-repo component package finds this package by name, as it does once installed
// elsewhere (its package.json depends on `ecs-guardrails`), so `npm run preview -- examples/yaml-service` and
// `pulumi package get-schema ./component-package` work from the clone. A copy of the folder installs its own.
const { existsSync, lstatSync, mkdirSync, symlinkSync } = require("fs");
const { join } = require("path");

const root = join(__dirname, "..");
const modules = join(root, "component-package", "node_modules");
const link = join(modules, "ecs-guardrails");
const present = (() => { try { return lstatSync(link); } catch { return undefined; } })();
if (existsSync(join(root, "component-package", "package.json")) && !present) {
    mkdirSync(modules, { recursive: true });
    symlinkSync(join("..", ".."), link, "dir");
}
