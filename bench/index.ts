// `npm run bench`: this pack against its floor (an empty pack on the same @pulumi/policy) and a peer
// (AWSGuard), through the analyzer-protocol harness the tests use. `--smoke` runs each once, small.
// `--only=install|preview` (published.ts): the published pack's install and the preview overhead with the real CLI.
import { existsSync, readFileSync } from "fs";
import { cpus, totalmem } from "os";
import { join } from "path";
import { PackHandle, startPack } from "../test/harness/analyzer";
import type { WireResource } from "../test/harness/wire";
import { hostileConfig, nativeTaskDefinitions, stack, taskDefinitions, services, repositories, worstTaskDefinition } from "./workloads";
import { installs, previews } from "./published";

const root = join(__dirname, "..");
const packs = {
    ours: root,
    empty: join(__dirname, "packs", "empty"),
    emptyStack: join(__dirname, "packs", "empty-stack"),
    awsguard: join(__dirname, "packs", "awsguard"),
};
let smoke = false;

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Peak resident memory of a process so far, in MiB (Linux VmHWM). */
function peakMiB(pid: number): number {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function withPack<T>(dir: string, use: (pack: PackHandle) => Promise<T>): Promise<T> {
    const pack = await startPack(dir);
    try {
        await pack.configureLikeCli();
        return await use(pack);
    } finally {
        await pack.stop();
    }
}

/** Sends resources to Analyze with a bounded number in flight, as the engine's step executor does. */
async function analyzeAll(pack: PackHandle, resources: WireResource[], inFlight = 16): Promise<number> {
    let next = 0;
    let violations = 0;
    const worker = async () => {
        while (next < resources.length) {
            const r = await pack.analyze(resources[next++]);
            violations += r.diagnostics.filter((d) => d.enforcementLevel === "mandatory").length;
        }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    return violations;
}

type Row = Record<string, string | number>;
export type Section = { title: string; rows: Row[]; notes: string[] };
let report: Section[] = [];

async function coldStart(): Promise<void> {
    const runs = smoke ? 1 : 9;
    const names = (["empty", "ours", "awsguard"] as const).filter((n) => n !== "awsguard" || existsSync(join(packs.awsguard, "node_modules")));
    const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let i = 0; i < runs; i++) {
        for (const name of names) { // interleaved, so drift hits every pack alike
            const pack = await startPack(packs[name]);
            times[name].push(pack.startupMs);
            await pack.stop();
        }
    }
    const floor = median(times.empty);
    report.push({
        title: `1. Cold start, spawn to port (median of ${runs})`,
        rows: names.map((n) => ({ pack: n, "median ms": Math.round(median(times[n])), "x empty": (median(times[n]) / floor).toFixed(2) })),
        notes: ["target: ours within 1.15x of the empty pack"],
    });
}

async function throughput(): Promise<void> {
    const tds = smoke ? 200 : 10_000;
    const resources = [...taskDefinitions(tds), ...services(tds / 5), ...repositories(tds / 10)];
    // The same task definitions as aws-native declares them: what the aws-native shapes cost.
    const native = [...nativeTaskDefinitions(tds), ...services(tds / 5), ...repositories(tds / 10)];
    const runs = smoke ? 1 : 3;
    const runsOf = {
        empty: [packs.empty, resources], ours: [packs.ours, resources],
        "empty, aws-native task definitions": [packs.empty, native], "ours, aws-native task definitions": [packs.ours, native],
    } as const;
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(runsOf).map((n) => [n, []]));
    for (let i = 0; i < runs; i++) {
        for (const [name, [dir, workload]] of Object.entries(runsOf)) {
            await withPack(dir, async (pack) => {
                const start = process.hrtime.bigint();
                const violations = await analyzeAll(pack, [...workload]);
                times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
                if (dir === packs.ours && violations > 0) throw new Error(`the workload should be compliant, got ${violations} mandatory violations`);
            });
        }
    }
    const floor = median(times.empty);
    report.push({
        title: `2. Analyze throughput: ${resources.length} resources (${tds} task definitions x 3 containers, services, repositories), median of ${runs}`,
        rows: Object.keys(runsOf).map((n) => ({ pack: n, "median ms": Math.round(median(times[n])), "resources/s": Math.round(resources.length / (median(times[n]) / 1000)), "x empty": (median(times[n]) / floor).toFixed(2) })),
        notes: ["target: ours within 1.5x of the empty pack"],
    });
}

/** One hostile resource, checked by every policy under a hostile config: how long a single Analyze takes. */
async function worstResource(): Promise<void> {
    const containers = smoke ? 100 : 10_000;
    const resource = worstTaskDefinition(containers);
    const runs = smoke ? 1 : 5;
    const rows: Row[] = [];
    for (const name of ["empty", "ours"] as const) {
        const ms: number[] = [];
        let findings = 0;
        await withPack(packs[name], async (pack) => {
            if (name === "ours") await pack.configureLikeCli(hostileConfig);
            for (let i = 0; i < runs; i++) {
                const start = process.hrtime.bigint();
                findings = (await pack.analyze(resource)).diagnostics.length;
                ms.push(Number(process.hrtime.bigint() - start) / 1e6);
            }
        });
        rows.push({ measured: `Analyze over the protocol, ${name} pack`, "median ms": Math.round(median(ms)), "max ms": Math.round(Math.max(...ms)), diagnostics: findings });
    }
    // The pack's own work, without the protocol: the model once, then every resource rule under the hostile config.
    const { buildModel } = await import("../policy/model");
    const { rules } = await import("../policy/rules");
    const { evaluateResource } = await import("../policy/pack/evaluate");
    const own: number[] = [];
    for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        const model = buildModel(resource.type, resource.properties, resource.name, "urn")!;
        for (const rule of rules) {
            if (rule.kind === "resource") evaluateResource(rule, model, (hostileConfig as Record<string, Record<string, unknown>>)[rule.name]);
        }
        own.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    rows.push({ measured: "the model and every resource rule, in process", "median ms": Math.round(median(own)), "max ms": Math.round(Math.max(...own)), diagnostics: "" });
    const size = (resource.properties.containerDefinitions as string).length;
    report.push({
        title: `5. The worst single resource: ${containers} containers (${(size / 1e6).toFixed(1)} MB of JSON), a 100 KB command line, 400 levels of nesting, 50 x 4 KB tags, hostile patterns in every pattern setting (median of ${runs})`,
        rows,
        notes: ["target: the pack's own checks under 1 s (the protocol's cost is the empty pack's row)"],
    });
}

async function stackScaling(): Promise<void> {
    const sizes = smoke ? [100, 400] : [1_000, 10_000, 50_000];
    const rows: Row[] = [];
    const timesOf: Record<string, number[]> = { emptyStack: [], ours: [] };
    for (const size of sizes) {
        const resources = stack(size);
        for (const name of ["emptyStack", "ours"] as const) {
            const runs = smoke ? 1 : size >= 50_000 ? 3 : 5;
            const ms: number[] = [];
            let peak = 0;
            for (let i = 0; i < runs; i++) {
                await withPack(packs[name], async (pack) => {
                    const start = process.hrtime.bigint();
                    await pack.analyzeStack(resources);
                    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
                    peak = Math.max(peak, peakMiB(pack.pid));
                });
            }
            timesOf[name].push(median(ms));
            rows.push({ resources: size, pack: name === "emptyStack" ? "empty stack policy" : "ours (6 stack policies)", "median ms": Math.round(median(ms)), "peak RSS MiB": Math.round(peak) });
        }
    }
    const exponent = (t: number[]) => (Math.log(t[t.length - 1] / t[0]) / Math.log(sizes[sizes.length - 1] / sizes[0])).toFixed(2);
    const last = sizes.length - 1;
    report.push({
        title: "3. AnalyzeStack scaling",
        rows,
        notes: [
            `growth exponent (time ~ n^k, ${sizes[0]} to ${sizes[last]}): ours ${exponent(timesOf.ours)}, empty ${exponent(timesOf.emptyStack)}`,
            `at ${sizes[last]}: ours ${(timesOf.ours[last] / timesOf.emptyStack[last]).toFixed(2)}x the empty stack policy (target: within 2x)`,
        ],
    });
}

/** Pulumi's runtime mocks are process-wide, so the components benchmark runs in a process of its own. */
async function components(): Promise<void> {
    const { spawnSync } = await import("child_process");
    // Its exit code is not the signal: Pulumi's runtime reports the mocks' unawaited outputs on exit.
    const child = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", join(__dirname, "components.ts"), ...(smoke ? ["--smoke"] : [])], {
        cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024,
    });
    const out = child.stdout ?? "";
    if (!out.trim().split("\n").pop()?.startsWith("{")) throw new Error(`the components benchmark failed:\n${child.stderr}`);
    report.push(JSON.parse(out.trim().split("\n").pop()!) as Section);
}

/** Runs the benchmarks (all, or `only` one) and prints their tables; `smoke` runs each once, small. */
export async function main(options: { smoke?: boolean; only?: string; print?: boolean; runs?: number; services?: number } = {}): Promise<Section[]> {
    smoke = options.smoke ?? false;
    report = [];
    const only = options.only;
    const suites: Record<string, () => Promise<void>> = { "cold-start": coldStart, throughput, stack: stackScaling, components, "worst-resource": worstResource };
    // Slow (registry installs, the real CLI): on demand, never in the smoke run. `--runs=N` repeats them.
    const runs = options.runs ?? 1;
    const published: Record<string, () => Promise<void>> = {
        install: async () => void report.push(await installs(runs)),
        preview: async () => void report.push(await previews(runs, options.services)),
    };
    for (const [name, run] of Object.entries(suites)) {
        if (!only || only === name) await run();
    }
    for (const [name, run] of Object.entries(published)) {
        if (!smoke && (!only || only === name)) await run();
    }
    if (options.print === false) return report;
    console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}${smoke ? " (smoke run)" : ""}`);
    for (const section of report) {
        console.log(`\n${section.title}`);
        console.table(section.rows);
        for (const note of section.notes) console.log(`  ${note}`);
    }
    return report;
}

if (require.main === module) {
    const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
    const runs = flag("runs") ? Number(flag("runs")) : undefined;
    const services = flag("services") ? Number(flag("services")) : undefined;
    main({ smoke: process.argv.includes("--smoke"), only: flag("only"), runs, services }).catch((e) => {
        console.error(e);
        process.exit(1);
    });
}
