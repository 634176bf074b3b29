// The TypeScript reader of containerDefinitions against the provider's real decoder (a Go program built from
// aws-sdk-go-v2's ECS types, decoding as terraform-provider-aws does), on a table of cases and generated strings.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readAsProvider, regrownList } from "../../policy/model/providerJson";
import { fc } from "../support/arbitraries";

type View = Record<string, unknown>;
interface Reading { ok: boolean; containers?: View[] }

/** What the Go program prints of a container: the fields the pack reads. */
function view(c: Record<string, unknown>): View {
    const out: View = {};
    for (const key of ["name", "image", "essential", "entryPoint", "command", "stopTimeout", "privileged", "readonlyRootFilesystem", "user", "memory", "memoryReservation", "dockerLabels"]) {
        if (c[key] !== undefined) out[key] = c[key];
    }
    if (typeof c.versionConsistency === "string" && c.versionConsistency !== "") out.versionConsistency = c.versionConsistency;
    if (Array.isArray(c.environment)) out.environment = c.environment.map((e) => ({ ...e }));
    const linux = c.linuxParameters as View | undefined;
    if (linux) out.linuxParameters = linux.initProcessEnabled === undefined ? {} : { initProcessEnabled: linux.initProcessEnabled };
    const log = c.logConfiguration as View | undefined;
    if (log) out.logConfiguration = typeof log.logDriver === "string" && log.logDriver !== "" ? { logDriver: log.logDriver } : {};
    const restart = c.restartPolicy as View | undefined;
    if (restart) out.restartPolicy = restart.enabled === undefined ? {} : { enabled: restart.enabled };
    if (c.firelensConfiguration) out.firelensConfiguration = {};
    if (c.healthCheck) out.healthCheck = {};
    return out;
}

function tsReading(text: string): Reading {
    const r = readAsProvider(text, "containerDefinitions");
    return r.ok ? { ok: true, containers: r.containers.map(view) } : { ok: false };
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

    it("on every case of the table", () => {
        const cases: string[] = JSON.parse(readFileSync(join(__dirname, "cases.json"), "utf8"));
        const expected = goRead(cases);
        cases.forEach((text, i) => assert.deepEqual(tsReading(text), expected[i], `case ${i}: ${text}`));
    });

    it("on generated container definitions with case-variant and duplicate keys, several values and wrong types", () => {
        const keys = ["name", "Name", "NAME", "image", "Image", "privileged", "Privileged", "PRIVILEGED", "user", "User", "stopTimeout", "StopTimeout", "ſtopTimeout", "essential", "colour",
            "environment", "Environment", "linuxParameters", "LinuxParameters", "logConfiguration", "dockerLabels"];
        const values = fc.oneof(fc.constantFrom("a", "nginx:latest", "0", true, false, null, 30, 30.5, -1, 4294967296, [], {},
            [{ Name: "DB_PASSWORD", value: "x" }, null], [{ VALUE: "y" }], { InitProcessEnabled: true }, { initProcessEnabled: "no" }, { LogDriver: "awslogs" }, { logDriver: null }, { k: "v" }), fc.string({ maxLength: 4 }));
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
