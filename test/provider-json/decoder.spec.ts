// The TypeScript reader of containerDefinitions against the provider's real decoder (a Go program built from
// aws-sdk-go-v2's ECS types, decoding as terraform-provider-aws does), on a table of cases and generated strings.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readAsProvider, regrownList } from "../../policy/model/providerJson";
import { sdkContainerTypes } from "../../policy/model/sdk-container-types";
import { fc } from "../support/arbitraries";

type View = Record<string, unknown>;
interface Reading { ok: boolean; containers?: View[] }

const sdk = sdkContainerTypes as Record<string, Record<string, string>>;

/**
 * What the Go program prints of a decoded value of Go type `go`: everything, without unset fields and plain Go
 * values at their zero (which Go cannot tell from unset); undefined for a value left out.
 */
function view(go: string, value: unknown): unknown {
    if (value === undefined) return undefined;
    if (go.startsWith("[]")) return (value as unknown[]).map((e) => view(go.slice(2), e) ?? zeroView(go.slice(2)));
    if (go.startsWith("map[string]")) return Object.fromEntries(Object.entries(value as object).map(([k, e]) => [k, view(go.slice(11), e) ?? zeroView(go.slice(11))]));
    const pointer = go.startsWith("*");
    const name = pointer ? go.slice(1) : go;
    if (name === "string" || name === "bool" || name === "int32") return !pointer && (value === "" || value === false || value === 0) ? undefined : value;
    const out: Record<string, unknown> = {};
    for (const [field, type] of Object.entries(sdk[name])) {
        const v = view(type, (value as Record<string, unknown>)[field]);
        if (v !== undefined) out[field] = v;
    }
    return out;
}

function zeroView(go: string): unknown {
    return go === "string" ? "" : go === "bool" ? false : go === "int32" ? 0 : go.startsWith("*") ? undefined : {};
}

function tsReading(text: string): Reading {
    const r = readAsProvider(text, "containerDefinitions");
    return r.ok ? { ok: true, containers: r.containers.map((c) => view("ContainerDefinition", c) as View) } : { ok: false };
}

describe("containerDefinitions: the TypeScript reader agrees with the provider's Go decoder", function () {
    this.timeout(600_000);
    let decoder: string;
    const goRead = (texts: string[]): Reading[] => (JSON.parse(execFileSync(decoder, { input: JSON.stringify(texts), encoding: "utf8", maxBuffer: 1 << 28 })) as Reading[])
        .map((r) => (r.ok ? { ok: true, containers: r.containers ?? [] } : { ok: false }));

    before(() => {
        decoder = join(tmpdir(), `ecs-guardrails-provider-json-${process.pid}`);
        execFileSync("go", ["build", "-o", decoder, "."], { cwd: __dirname, stdio: ["ignore", "inherit", "inherit"], timeout: 540_000 });
    });

    it("reads every field of the SDK's ContainerDefinition, with its Go type (the table is the SDK's, by reflection)", () => {
        const schema = JSON.parse(execFileSync(decoder, ["-schema"], { encoding: "utf8" })) as Record<string, Record<string, string>>;
        const table = Object.fromEntries(Object.entries(sdk).map(([type, fields]) =>
            [type, Object.fromEntries(Object.entries(fields).map(([f, go]) => [f[0].toUpperCase() + f.slice(1), go]))]));
        assert.deepEqual(table, schema, "policy/model/sdk-container-types.ts differs from the SDK: regenerate it from `go run . -schema`");
    });

    it("on every case of the table", () => {
        const cases: string[] = JSON.parse(readFileSync(join(__dirname, "cases.json"), "utf8"));
        const expected = goRead(cases);
        cases.forEach((text, i) => assert.deepEqual(tsReading(text), expected[i], `case ${i}: ${text}`));
    });

    it("on generated container definitions with case-variant and duplicate keys, several values and wrong types", () => {
        const keys = ["name", "Name", "NAME", "image", "Image", "privileged", "Privileged", "PRIVILEGED", "user", "User", "stopTimeout", "StopTimeout", "ſtopTimeout", "essential", "colour",
            "environment", "Environment", "linuxParameters", "LinuxParameters", "logConfiguration", "dockerLabels",
            "portMappings", "PortMappings", "mountPoints", "secrets", "cpu", "Cpu", "ulimits", "resourceRequirements", "healthCheck", "restartPolicy", "dependsOn", "versionConsistency"];
        const values = fc.oneof(fc.constantFrom("a", "nginx:latest", "0", true, false, null, 30, 30.5, -1, 4294967296, [], {},
            [{ Name: "DB_PASSWORD", value: "x" }, null], [{ VALUE: "y" }], { InitProcessEnabled: true }, { initProcessEnabled: "no" }, { LogDriver: "awslogs" }, { logDriver: null }, { k: "v" },
            [{ containerPort: 80 }], [{ containerPort: "80" }], [{ ContainerPort: 80, protocol: "tcp" }, null], [{ hardLimit: 1, name: "nofile" }], [{ softLimit: null }],
            [{ sharingStrategy: null, type: "GPU" }], [{ sharingStrategy: {} }], { devices: [{ hostPath: "/dev/x" }], tmpfs: [{ size: "1" }] }, { Devices: [null, { permissions: ["read"] }] },
            { interval: 5, Command: ["CMD"] }, { ignoredExitCodes: [1, null] }, [{ containerName: "b", condition: "START" }], [{ sourceVolume: "v", readOnly: 1 }]), fc.string({ maxLength: 4 }));
        const object = fc.array(fc.tuple(fc.constantFrom(...keys), values), { maxLength: 5 })
            .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",")}}`);
        const text = fc.array(fc.array(object, { maxLength: 3 }).map((list) => `[${list.join(",")}]`), { minLength: 1, maxLength: 3 }).map((values) => values.join(" "));
        // Shrinking then regrowing the list is refused on purpose (the provider's reading depends on Go's allocator).
        const samples = fc.sample(text, { numRuns: 400, seed: 42 }).filter((t) => {
            const r = readAsProvider(t, "p");
            return r.ok || r.problem !== regrownList;
        });
        const expected = goRead(samples);
        samples.forEach((t, i) => assert.deepEqual(tsReading(t), expected[i], t));
    });
});
