// Hostile config and input: catastrophic regexes on long tags and names, 100 KB command lines.
// These complete (no timing here: speed is measured in bench/), and never throw.
import { strict as assert } from "assert";
import { check, container as c, taskDefinition as td, types } from "../support/fixtures";
import { fc, hostilePattern, hostileText, hugeCommand } from "../support/arbitraries";

describe("robustness: hostile patterns and huge command lines", () => {
    it("catastrophic config patterns against long tags and names complete", () => {
        fc.assert(fc.property(hostilePattern, hostileText, (pattern, text) => {
            const tag = text.replace(/[^\w.-]/g, "a").slice(0, 128);
            const props = td([c({ image: `app:${tag}`, environment: [{ name: text, value: "v" }], command: ["sh", "-c", text] })]);
            for (const [policy, config] of [
                ["ecs-image-tag-pinned", { allowedTagPattern: pattern }],
                ["ecs-no-secrets-in-environment", { secretNamePatterns: [pattern] }],
                ["ecs-task-single-application", { sidecarImagePatterns: [pattern] }],
                ["ecs-no-startup-downloads", { extraPatterns: [pattern], allowPatterns: [pattern] }],
            ] as const) {
                const outcome = check(policy, types.taskDefinition, props, config);
                outcome.violations.forEach((m) => assert.equal(typeof m, "string"));
            }
        }), { numRuns: 60 });
    });

    it("100 KB command lines are read without an exception", () => {
        fc.assert(fc.property(hugeCommand, (command) => {
            const props = td([c({ command })]);
            for (const policy of ["ecs-single-process", "ecs-no-startup-downloads", "ecs-init-process"]) {
                const outcome = check(policy, types.taskDefinition, props, policy === "ecs-no-startup-downloads" ? { extraPatterns: ["(.*a){12}"] } : {});
                outcome.violations.forEach((m) => assert.ok(m.length < 2_000, `${policy}: a clipped message`));
            }
        }), { numRuns: 30 });
    });
});
