// `npm run demo` as a new user sees it: the plain service blocked (each finding named, with its fix), then the
// same service from the components passing, with the count of policies and resources; exit code 0.
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pulumiCliDir, root } from "./cli";

/** The findings of one preview's Policies section: `[level, policy, resource]`. */
function findings(output: string): [string, string, string][] {
    return [...output.matchAll(/^ +- \[(mandatory|advisory)\] \[severity: \w+\] +(\S+) +\(([^)]+)\)$/gm)].map((m) => [m[1], m[2], m[3]]);
}

describe("npm run demo", function () {
    this.timeout(1_200_000);
    let home: string;
    let run: { status: number | null; output: string };
    before(() => {
        home = mkdtempSync(join(tmpdir(), "ecs-guardrails-demo-"));
        const child = spawnSync("npm", ["run", "--silent", "demo"], {
            cwd: root, encoding: "utf8", timeout: 1_100_000,
            env: { ...process.env, PULUMI_CLI_DIR: pulumiCliDir(), ECS_GUARDRAILS_OFFLINE_HOME: home, NO_COLOR: "1" },
        });
        run = { status: child.status, output: `${child.stdout}${child.stderr}` };
    });
    after(() => rmSync(home, { recursive: true, force: true }));

    it("exits 0, with no warning about plugins found on PATH", () => {
        assert.equal(run.status, 0, run.output);
        assert.ok(!/using \S+ from \$PATH/.test(run.output), run.output);
    });

    it("first: the plain service is blocked, each mandatory finding named with what to fix", () => {
        const [first, second] = run.output.split(/^2\/2 .*$/m);
        assert.match(first, /^1\/2 {2}A service in plain @pulumi\/aws, with typical mistakes \(examples\/demo-mistakes\)$/m);
        assert.match(first, /❌ ecs-guardrails@v0\.1\.0/);
        const mandatory = findings(first).filter(([level]) => level === "mandatory").map(([, policy, resource]) => `${policy} on ${resource}`);
        assert.deepEqual(mandatory.sort(), [
            "ecr-immutable-tags on aws:ecr:Repository: shop-api",
            "ecs-image-tag-pinned on aws:ecs:TaskDefinition: api",
            "ecs-log-configuration on aws:ecs:TaskDefinition: api",
            "ecs-managed-tags on aws:ecs:Service: api",
            "ecs-no-public-ip on aws:ecs:Service: api",
            "ecs-no-secrets-in-environment on aws:ecs:TaskDefinition: api",
            "ecs-propagate-tags on aws:ecs:Service: api",
            "ecs-service-security-group on aws:ecs:Service: api",
        ]);
        for (const fix of ["Set imageTagMutability to 'IMMUTABLE'.", "Use a unique tag per build (e.g. the git SHA) or a digest.", "Move it to `secrets` (Secrets Manager or SSM).",
            "use private subnets and a load balancer.", "Add a security group created for this service.", "Set logConfiguration with one of: awslogs, awsfirelens, splunk."]) {
            assert.ok(first.includes(fix), `${fix} in:\n${first}`);
        }
        assert.match(first, /error: preview failed/);
    });

    it("then: the same service from the components passes, and the demo says how many policies checked how many resources", () => {
        const [, second] = run.output.split(/^2\/2 .*$/m);
        assert.ok(second, run.output);
        assert.match(second, /✅ ecs-guardrails@v0\.1\.0/);
        assert.deepEqual(findings(second), []);
        const policies = (require(join(root, "bin", "policy", "policies")) as { policies: unknown[] }).policies.length;
        const created = Number(/^ +\+ (\d+) to create$/m.exec(second)![1]);
        assert.ok(created >= 30, second);
        const advisory = findings(run.output.split(/^2\/2 .*$/m)[0]).filter(([level]) => level === "advisory").length;
        assert.match(run.output, new RegExp(`^blocked: the plain service, 8 mandatory finding\\(s\\) and ${advisory} advisory, each saying what to fix; nothing would be created\\.$`, "m"));
        assert.match(run.output, new RegExp(`^passed: the components' service, ${policies} policies checked ${created} resources with no finding\\.$`, "m"));
    });
});
