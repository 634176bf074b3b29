// Self-test of the analyzer-protocol harness against a throwaway policy pack.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PackHandle, startPack } from "./analyzer";
import { isSecret, secret, unknown, urn } from "./wire";

const NODE_MODULES = path.resolve(__dirname, "../../node_modules");

const PACK_JS = `
const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("harness-selftest", {
    policies: [{
        name: "max-size",
        description: "Buckets must not be too big.",
        displayName: "Max size",
        enforcementLevel: "mandatory",
        severity: "high",
        tags: ["cost"],
        url: "https://example.com/max-size",
        remediationSteps: "Shrink it.",
        framework: { name: "demo", version: "1" },
        configSchema: {
            properties: {
                maxSize: { type: "integer", default: 10 },
                label: { type: "string", enum: ["x", "y"], default: "x" },
            },
        },
        validateResource: (args, report) => {
            if (args.type === "test:index:Echo") {
                // Echo what reached the policy so the test can inspect it.
                report(JSON.stringify({ props: args.props, config: args.getConfig() }));
                return;
            }
            const { maxSize } = args.getConfig();
            if (args.props.size > maxSize) report("size " + args.props.size + " > " + maxSize);
        },
        remediateResource: (args) => {
            const { maxSize } = args.getConfig();
            if (!(args.props.size > maxSize)) return;
            // Spreading args.props unwraps secrets; assigning in place keeps them secret.
            if (args.type === "test:index:SpreadBucket") return { ...args.props, size: maxSize };
            args.props.size = maxSize;
            return args.props;
        },
    }, {
        name: "deps",
        description: "Reports what the stack policy sees.",
        enforcementLevel: "advisory",
        validateStack: (args, report) => {
            for (const r of args.resources) {
                for (const [k, deps] of Object.entries(r.propertyDependencies)) {
                    report(r.name + "." + k + " -> " + deps.map(d => d.name + ":" + d.props.size).join(","));
                }
                if (r.parent) report(r.name + " parent " + r.parent.name);
                if (r.dependencies.length) report(r.name + " deps " + r.dependencies.map(d => d.name).join(","));
            }
        },
    }],
});
`;

function makePack(indexJs: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "harness-pack-"));
    fs.writeFileSync(path.join(dir, "package.json"),
        JSON.stringify({ name: "harness-selftest", version: "0.0.1", main: "index.js" }));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime:\n  name: nodejs\n  options:\n    typescript: false\n");
    fs.writeFileSync(path.join(dir, "index.js"), indexJs);
    fs.symlinkSync(NODE_MODULES, path.join(dir, "node_modules"), "dir");
    return dir;
}

const BUCKET = "test:index:Bucket";
const ECHO = "test:index:Echo";

describe("analyzer harness", function () {
    this.timeout(120000);
    let dir: string;
    let pack: PackHandle;

    before(async () => {
        dir = makePack(PACK_JS);
        pack = await startPack(dir);
    });
    after(async () => {
        await pack?.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    const echo = async (properties: Record<string, unknown>) => {
        const res = await pack.analyze({ type: ECHO, name: "e", properties });
        assert.strictEqual(res.diagnostics.length, 1, JSON.stringify(res));
        const msg = res.diagnostics[0].message;
        return JSON.parse(msg.slice(msg.indexOf("\n") + 1)) as { props: Record<string, unknown>; config: Record<string, unknown> };
    };

    it("reads the port and measures startup", () => {
        assert.ok(pack.port > 0);
        assert.ok(pack.startupMs > 0);
        assert.ok(pack.pid > 0);
    });

    it("GetAnalyzerInfo maps fields and enums", async () => {
        const info = await pack.getAnalyzerInfo();
        assert.strictEqual(info.name, "harness-selftest");
        assert.strictEqual(info.version, "0.0.1");
        assert.strictEqual(info.supportsConfig, true);
        const [maxSize, deps] = info.policies;
        assert.deepStrictEqual(
            { ...maxSize },
            {
                name: "max-size", displayName: "Max size", description: "Buckets must not be too big.", message: "",
                enforcementLevel: "mandatory", policyType: "resource",
                configSchema: {
                    properties: {
                        maxSize: { type: "integer", default: 10 },
                        label: { type: "string", enum: ["x", "y"], default: "x" },
                    },
                    required: [],
                },
                severity: "high", framework: { name: "demo", version: "1", reference: "", specification: "" },
                url: "https://example.com/max-size", remediationSteps: "Shrink it.", tags: ["cost"],
            });
        assert.strictEqual(deps.policyType, "stack");
        assert.strictEqual(deps.enforcementLevel, "advisory");
        assert.strictEqual(deps.configSchema, undefined);
        assert.deepStrictEqual(info.initialConfig, {});
        assert.match((await pack.getPluginInfo()).version, /^\d+\.\d+/);
    });

    it("configureLikeCli: schema defaults reach getConfig(), overrides merge", async () => {
        const cfg = await pack.configureLikeCli();
        assert.deepStrictEqual(cfg, {
            "max-size": { enforcementLevel: "mandatory", properties: { maxSize: 10, label: "x" } },
            "deps": { enforcementLevel: "advisory", properties: {} },
        });
        assert.deepStrictEqual((await echo({})).config, { maxSize: 10, label: "x" });

        await pack.configureLikeCli({ "max-size": { maxSize: 3 } });
        assert.deepStrictEqual((await echo({})).config, { maxSize: 3, label: "x" });

        const all = await pack.configureLikeCli({ all: "advisory" });
        assert.strictEqual(all?.["max-size"].enforcementLevel, "advisory");
        assert.strictEqual(all?.["all"].enforcementLevel, "advisory"); // the CLI sends an "all" entry too
    });

    it("configureLikeCli rejects what the CLI rejects", async () => {
        await assert.rejects(pack.configureLikeCli({ "max-size": { maxSize: "big" } }), /max-size: maxSize: Invalid type/);
        await assert.rejects(pack.configureLikeCli({ "max-size": { label: "z" } }), /label must be one of/);
        await assert.rejects(pack.configureLikeCli({ "max-size": "loud" }), /not a valid enforcement level/);
        await assert.rejects(pack.configureLikeCli({ "typo": { maxSize: 1 } }), /invalid enforcement level/);
    });

    it("analyze reports a violation", async () => {
        await pack.configureLikeCli();
        const res = await pack.analyze({ type: BUCKET, name: "b", properties: { size: 20 } });
        assert.strictEqual(res.diagnostics.length, 1);
        const d = res.diagnostics[0];
        assert.strictEqual(d.policyName, "max-size");
        assert.strictEqual(d.policyPackName, "harness-selftest");
        assert.strictEqual(d.enforcementLevel, "mandatory");
        assert.strictEqual(d.severity, "high");
        assert.strictEqual(d.message, "Buckets must not be too big.\nsize 20 > 10");
        assert.deepStrictEqual((await pack.analyze({ type: BUCKET, name: "b", properties: { size: 5 } })).diagnostics, []);
    });

    it("unknown values turn into the 'can't run ... during preview' advisory", async () => {
        await pack.configureLikeCli();
        for (const kind of ["string", "number"] as const) {
            const res = await pack.analyze({ type: BUCKET, name: "b", properties: { size: unknown(kind) } });
            assert.strictEqual(res.diagnostics.length, 1);
            assert.strictEqual(res.diagnostics[0].enforcementLevel, "advisory");
            assert.match(res.diagnostics[0].message,
                new RegExp(`can't run policy 'max-size' from policy pack 'harness-selftest@v0.0.1' during preview: ${kind} value at .size`));
        }
    });

    it("secret-wrapped values arrive unwrapped; internal keys are dropped", async () => {
        const got = await echo({ password: secret("hunter2"), nested: { list: [secret(1)] }, __defaults: [] });
        assert.deepStrictEqual(got.props, { password: "hunter2", nested: { list: [1] } });
    });

    it("remediate returns properties (secrets stay wrapped)", async () => {
        await pack.configureLikeCli({ "max-size": "remediate" });
        const res = await pack.remediate({ type: BUCKET, name: "b", properties: { size: 20, key: secret("k"), __defaults: ["size"] } });
        assert.strictEqual(res.remediations.length, 1);
        const r = res.remediations[0];
        assert.strictEqual(r.policyName, "max-size");
        assert.strictEqual(r.diagnostic, "");
        assert.strictEqual(r.properties?.size, 10);
        assert.ok(isSecret(r.properties?.key));
        assert.deepStrictEqual(r.properties?.__defaults, ["size"]); // Remediate keeps internal keys
        const spread = await pack.remediate({ type: "test:index:SpreadBucket", name: "s", properties: { size: 20, key: secret("k") } });
        assert.strictEqual(spread.remediations[0].properties?.key, "k"); // secretness lost by the spread
        // No change -> no remediation; stack policy is not applicable to Remediate.
        assert.deepStrictEqual((await pack.remediate({ type: BUCKET, name: "b", properties: { size: 1 } })).remediations, []);
        // A remediate-level policy that still fails is reported as mandatory by Analyze.
        const d = (await pack.analyze({ type: BUCKET, name: "b", properties: { size: 20 } })).diagnostics;
        assert.strictEqual(d[0].enforcementLevel, "mandatory");
    });

    it("analyzeStack resolves propertyDependencies, parent and dependencies to resources", async () => {
        await pack.configureLikeCli();
        const a = urn(BUCKET, "a");
        const res = await pack.analyzeStack([
            { type: BUCKET, name: "a", properties: { size: 1 } },
            {
                type: "test:index:Object", name: "o", properties: { bucket: "a" },
                propertyDependencies: { bucket: [a], other: [] }, parent: a, dependencies: [a],
            },
        ]);
        const msgs = res.diagnostics.filter(d => d.policyName === "deps").map(d => d.message.split("\n")[1]).sort();
        assert.deepStrictEqual(msgs, ["o deps a", "o parent a", "o.bucket -> a:1"]);
        assert.ok(res.diagnostics.every(d => d.enforcementLevel === "advisory"));
    });

    it("startPack reports early exit with stderr", async () => {
        const bad = makePack(`throw new Error("boom-at-load");`);
        try {
            await assert.rejects(startPack(bad), (e: Error) =>
                /exited .* before printing its port/.test(e.message) && /boom-at-load/.test(e.message));
        } finally {
            fs.rmSync(bad, { recursive: true, force: true });
        }
    });
});
