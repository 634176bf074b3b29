// The audit (`ecs-guardrails-audit`, `npm run audit`) on `pulumi policy analyze --json` output as the CLI prints it:
// the table, the JSON, SARIF valid against the published 2.1.0 schema, and the exit code.
import { strict as assert } from "assert";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { defaultDocsUrl, main } from "../../scripts/audit/cli";
import { isStackExport, parseAnalyzeOutput, splitUrn } from "../../scripts/audit/findings";
import { sarifErrors } from "../support/sarif";

const urn = (type: string, name: string) => `urn:pulumi:prod::shop::${type}::${name}`;
const violation = (policyName: string, level: string, severity: string, resourceUrn: string, message: string) =>
    ({ policyEvent: { resourceUrn, message, color: "", policyName, policyPackName: "ecs-guardrails", policyPackVersion: "0.1.0", policyPackVersionTag: "0.1.0", enforcementLevel: level, severity } });
const summary = (result: string) => ({ summaryEvent: { maybeCorrupt: false, durationSeconds: 0, resourceChanges: {}, PolicyPacks: { "ecs-guardrails": "0.1.0" }, isPreview: false, result } });
const ndjson = (events: object[]) => events.map((e, i) => JSON.stringify({ sequence: i, timestamp: 1795590231, ...e })).join("\n") + "\n";

const taskUrn = urn("ecs:index:Component$aws:ecs/taskDefinition:TaskDefinition", "web");
const repoUrn = urn("aws:ecr/repository:Repository", "legacy");
const events = [
    violation("ecr-scan-on-push", "advisory", "medium", repoUrn, "Images are scanned for vulnerabilities when pushed.\nImages are not scanned on push. Set imageScanningConfiguration.scanOnPush to true."),
    violation("ecs-image-tag-pinned", "mandatory", "high", taskUrn, "Each container image names a digest or a unique tag, never `latest` or no tag at all.\ncontainer 'app' image 'nginx:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest.\nProperty: containerDefinitions[0].image"),
    { policyRemediationEvent: { resourceUrn: repoUrn, color: "", policyName: "ecr-immutable-tags", policyPackName: "ecs-guardrails", policyPackVersion: "0.1.0", policyPackVersionTag: "0.1.0", before: { imageTagMutability: "MUTABLE", name: "legacy" }, after: { imageTagMutability: "IMMUTABLE", name: "legacy" } } },
    summary("failed"),
];

describe("audit", () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "ecs-guardrails-audit-"))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function run(input: string, ...extra: string[]) {
        const file = join(dir, "analyze.json");
        writeFileSync(file, input);
        const out: string[] = [];
        const err: string[] = [];
        const code = main([file, "--json", join(dir, "out.json"), "--sarif", join(dir, "out.sarif"), ...extra], (s) => out.push(s), (s) => err.push(s));
        const read = (f: string) => JSON.parse(readFileSync(join(dir, f), "utf8"));
        return { code, stdout: out.join("\n"), stderr: err.join("\n"), json: () => read("out.json"), sarif: () => read("out.sarif") };
    }

    it("reads the CLI's events: violations by level, remediations by the properties they would change, resource type and name from the URN", () => {
        const analysis = parseAnalyzeOutput(ndjson(events));
        assert.deepEqual(analysis.findings.map((f) => [f.level, f.policy, f.type, f.name]), [
            ["mandatory", "ecs-image-tag-pinned", "aws:ecs/taskDefinition:TaskDefinition", "web"],
            ["remediate", "ecr-immutable-tags", "aws:ecr/repository:Repository", "legacy"],
            ["advisory", "ecr-scan-on-push", "aws:ecr/repository:Repository", "legacy"],
        ]);
        assert.equal(analysis.findings[1].message, "A remediation would change imageTagMutability.");
        assert.deepEqual(analysis.packs, { "ecs-guardrails": "0.1.0" });
        assert.deepEqual(splitUrn("urn:pulumi:s::p::a:b:C$aws:ecs/service:Service::api::v2"), { type: "aws:ecs/service:Service", name: "api::v2" });
    });

    it("tells a stack export from analyze output", () => {
        assert.equal(isStackExport(JSON.stringify({ version: 3, deployment: { resources: [] } }, null, 4)), true);
        assert.equal(isStackExport(ndjson(events)), false);
        assert.equal(isStackExport(ndjson([summary("succeeded")])), false);
    });

    it("prints a table, writes JSON and schema-valid SARIF, and exits 1 on a mandatory finding", () => {
        const r = run(ndjson(events), "--artifact", "infra/Pulumi.yaml", "--docs-url", "https://example.com/ecs-guardrails/docs/policies.md");
        assert.equal(r.code, 1, r.stderr);
        const lines = r.stdout.split("\n");
        assert.match(lines[0], /^LEVEL\s+POLICY\s+RESOURCE\s+FINDING$/);
        assert.match(lines[1], /^mandatory\s+ecs-image-tag-pinned\s+aws:ecs\/taskDefinition:TaskDefinition web\s+container 'app' image 'nginx:latest' uses the mutable tag 'latest'/);
        assert.match(r.stdout, /3 finding\(s\): 1 mandatory, 1 advisory, 1 remediable\./);

        assert.deepEqual(r.json().summary, { mandatory: 1, advisory: 1, remediate: 1 });
        assert.equal(r.json().findings[0].urn, taskUrn);

        const sarif = r.sarif();
        assert.deepEqual(sarifErrors(sarif), []);
        const [run0] = sarif.runs;
        const rules = run0.tool.driver.rules as { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string }; properties: Record<string, unknown> }[];
        const pinned = rules.find((x) => x.id === "ecs-image-tag-pinned")!;
        assert.equal(pinned.shortDescription.text, "Each container image names a digest or a unique tag, never `latest` or no tag at all.");
        assert.equal(pinned.helpUri, "https://example.com/ecs-guardrails/docs/policies.md#ecs-image-tag-pinned");
        assert.equal(pinned.defaultConfiguration.level, "error");
        assert.equal(pinned.properties["security-severity"], "7.5");
        assert.equal(rules.find((x) => x.id === "ecr-scan-on-push")!.defaultConfiguration.level, "warning");
        assert.deepEqual(run0.results.map((x: { ruleId: string; level: string; ruleIndex: number }) => [x.ruleId, x.level, rules[x.ruleIndex].id]), [
            ["ecs-image-tag-pinned", "error", "ecs-image-tag-pinned"],
            ["ecr-immutable-tags", "warning", "ecr-immutable-tags"],
            ["ecr-scan-on-push", "warning", "ecr-scan-on-push"],
        ]);
        const [first] = run0.results;
        assert.equal(first.message.text, "aws:ecs/taskDefinition:TaskDefinition 'web': container 'app' image 'nginx:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest.");
        assert.deepEqual(first.locations[0].logicalLocations, [
            { name: "web", fullyQualifiedName: taskUrn, kind: "resource" },
            { name: "containerDefinitions[0].image", fullyQualifiedName: `${taskUrn}.containerDefinitions[0].image`, kind: "property", parentIndex: 0 },
        ]);
        assert.deepEqual(run0.results[2].locations[0].logicalLocations, [{ name: "legacy", fullyQualifiedName: repoUrn, kind: "resource" }], "a finding without a property line");
        assert.deepEqual(first.locations[0].physicalLocation.artifactLocation, { uri: "infra/Pulumi.yaml" });
    });

    it("exits 0 when only advisory policies fire; without --docs-url each policy's help is its own reference on the web", () => {
        const r = run(ndjson([events[0], summary("succeeded")]));
        assert.equal(r.code, 0, r.stderr);
        const sarif = r.sarif();
        assert.deepEqual(sarifErrors(sarif), []);
        const rules = sarif.runs[0].tool.driver.rules as { id: string; helpUri: string }[];
        assert.equal(rules.find((x) => x.id === "ecs-image-tag-pinned")!.helpUri, "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/application.html#version-tags");
        assert.equal(rules.find((x) => x.id === "ecs-no-privileged")!.helpUri, "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4");
        assert.ok(rules.every((x) => x.helpUri.startsWith("https://")), "every help link is on the web");
        assert.ok(!JSON.stringify(sarif).includes("file:"), "no file: link in the SARIF");
    });

    it("the default docs link follows package.json's repository in every form npm accepts", () => {
        const url = "https://github.com/acme/ecs-guardrails/blob/v1.2.3/docs/policies.md";
        for (const repository of ["github:acme/ecs-guardrails", "acme/ecs-guardrails", "git+https://github.com/acme/ecs-guardrails.git", { url: "https://github.com/acme/ecs-guardrails" }, "git@github.com:acme/ecs-guardrails.git"]) {
            assert.equal(defaultDocsUrl({ version: "1.2.3", repository }), url, JSON.stringify(repository));
        }
        assert.equal(defaultDocsUrl({ version: "1.2.3" }), undefined, "no repository: the policies' own links");
    });

    it("the table shows each finding whole, with its fix", () => {
        const fix = "Move the value to Secrets Manager or SSM Parameter Store and reference it from the container's `secrets` (valueFrom), not `environment`.";
        const long = `container 'api' environment variable 'DB_PASSWORD' looks like a secret (its name matches 'PASSWORD'); its value would be readable by anyone who can describe the task definition. ${fix}`;
        const r = run(ndjson([violation("ecs-no-secrets-in-environment", "mandatory", "critical", taskUrn, `No plain environment variable carries a secret.\n${long}`), summary("failed")]));
        const row = r.stdout.split("\n")[1];
        assert.ok(row.endsWith(long), row);
    });

    it("with nothing found: an empty table, valid SARIF with every rule and no result, exit 0", () => {
        const r = run(ndjson([summary("succeeded")]));
        assert.equal(r.code, 0);
        assert.equal(r.stdout.split("\n")[0], "0 finding(s): 0 mandatory, 0 advisory, 0 remediable.");
        assert.deepEqual(sarifErrors(r.sarif()), []);
        assert.deepEqual(r.sarif().runs[0].results, []);
        assert.ok(r.sarif().runs[0].tool.driver.rules.length >= 40);
    });

    it("bad input: a clear message and exit 2", () => {
        assert.deepEqual([run("not json\n").code, run("not json\n").stderr], [2, "line 1 is not a JSON engine event: expected the output of `pulumi policy analyze --json`"]);
        assert.equal(run("\n").stderr, "the analyze output is empty");
        const missing = main([join(dir, "nope.json")], () => undefined, () => undefined);
        assert.equal(missing, 2);
        assert.equal(main([], () => undefined, () => undefined), 2);
    });
});
