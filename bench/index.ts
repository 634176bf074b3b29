// `npm run bench`: this pack against its floor (an empty pack on the same @pulumi/policy) and a peer
// (AWSGuard), through the analyzer-protocol harness the tests use. `--smoke` runs each once, small.
// `--only=install|preview` (published.ts): the published pack's install and the preview overhead with the real CLI.
// Each section prints as it finishes, each figure marked met or NOT MET against its target; a section that fails
// is reported and the others still run. Every finished section is also kept in .tools/bench/last-run.json.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { cpus, totalmem } from "os";
import { dirname, join } from "path";
import { PackHandle, startPack } from "../test/harness/analyzer";
import type { WireResource } from "../test/harness/wire";
import { cloudFormationWorkload, hostileConfig, nativeTaskDefinitions, stack, taskDefinitions, services, repositories, worstTaskDefinition } from "./workloads";
import { installs, previews } from "./published";
import { ensureInstalled, printSection, target } from "./report";
import type { Section } from "./report";

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
export type { Section, Target } from "./report";

async function coldStart(): Promise<Section> {
    const runs = smoke ? 1 : 9;
    ensureInstalled(packs.awsguard);
    // V8's compile cache for the whole process, as a user turns it on (NODE_COMPILE_CACHE=<dir> where pulumi runs):
    // the pack writes it (compile-cache.ts, its entry's first import), since the CLI kills it rather than letting it exit.
    const cacheDir = join(root, ".tools", "bench", "node-compile-cache");
    rmSync(cacheDir, { recursive: true, force: true });
    const variants: Record<string, string> = { ...packs, "ours + NODE_COMPILE_CACHE": packs.ours };
    const envOf = (name: string) => (name.endsWith("NODE_COMPILE_CACHE") ? { env: { NODE_COMPILE_CACHE: cacheDir } } : {});
    const names = ["empty", "ours", "awsguard", "ours + NODE_COMPILE_CACHE"] as const;
    // The cache is written on a first start: that one is not measured.
    await (await startPack(variants["ours + NODE_COMPILE_CACHE"], envOf("ours + NODE_COMPILE_CACHE"))).stop();
    const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let i = 0; i < runs; i++) {
        for (const name of names) { // interleaved, so drift hits every pack alike
            const pack = await startPack(variants[name], envOf(name));
            times[name].push(pack.startupMs);
            await pack.stop();
        }
    }
    const floor = median(times.empty);
    const ratio = median(times.ours) / floor;
    return {
        title: `1. Cold start, spawn to port (median of ${runs})`,
        rows: names.map((n) => ({ pack: n, "median ms": Math.round(median(times[n])), "x empty": (median(times[n]) / floor).toFixed(2) })),
        notes: [`node ${process.version}; the compile cache needs Node >= 22.1 (module.flushCompileCache)`],
        targets: [
            target("ours vs the empty pack", ratio, 1.15),
            target("ours with NODE_COMPILE_CACHE set where pulumi runs vs the empty pack", median(times["ours + NODE_COMPILE_CACHE"]) / floor, 0.9),
        ],
    };
}

async function throughput(): Promise<Section> {
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
    return {
        title: `2. Analyze throughput: ${resources.length} resources (${tds} task definitions x 3 containers, services, repositories), median of ${runs}`,
        rows: Object.keys(runsOf).map((n) => ({ pack: n, "median ms": Math.round(median(times[n])), "resources/s": Math.round(resources.length / (median(times[n]) / 1000)), "x empty": (median(times[n]) / floor).toFixed(2) })),
        notes: [],
        targets: [
            target("ours vs the empty pack", median(times.ours) / floor, 1.5),
            target("ours vs the empty pack, aws-native task definitions", median(times["ours, aws-native task definitions"]) / median(times["empty, aws-native task definitions"]), 1.5),
        ],
    };
}

/** One hostile resource, checked by every policy under a hostile config: how long a single Analyze takes. */
async function worstResource(): Promise<Section> {
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
    return {
        title: `5. The worst single resource: ${containers} containers (${(size / 1e6).toFixed(1)} MB of JSON), a 100 KB command line, 400 levels of nesting, 50 x 4 KB tags, hostile patterns in every pattern setting (median of ${runs})`,
        rows,
        notes: ["the protocol's cost is the empty pack's row"],
        targets: [target("the pack's own checks, in process", median(own), 1000, "ms")],
    };
}

/** The pack's stack policies: the checking ones and its own three. */
async function stackPolicyCount(): Promise<number> {
    const { rules } = await import("../policy/rules");
    return rules.filter((r) => r.kind === "stack").length + 3;
}

async function stackScaling(): Promise<Section> {
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
            rows.push({ resources: size, pack: name === "emptyStack" ? "empty stack policy" : `ours (${await stackPolicyCount()} stack policies)`, "median ms": Math.round(median(ms)), "peak RSS MiB": Math.round(peak) });
        }
    }
    const exponent = (t: number[]) => Math.log(t[t.length - 1] / t[0]) / Math.log(sizes[sizes.length - 1] / sizes[0]);
    const last = sizes.length - 1;
    return {
        title: "3. AnalyzeStack scaling",
        rows,
        notes: [`growth exponent (time ~ n^k, ${sizes[0]} to ${sizes[last]}): empty ${exponent(timesOf.emptyStack).toFixed(2)}`],
        targets: [
            target(`ours vs the empty stack policy at ${sizes[last]} resources`, timesOf.ours[last] / timesOf.emptyStack[last], 2),
            // Linear, with room for noise and GC; a quadratic pass shows as 1.5 or more.
            target(`ours: growth exponent k (time ~ n^k), ${sizes[0]} to ${sizes[last]}`, exponent(timesOf.ours), 1.2, ""),
        ],
    };
}

/**
 * A CloudFormation stack of 200 ECS and ECR resources in one YAML template: one Analyze and one AnalyzeStack, beside
 * the same resources declared one by one through aws-native (200 Analyze and one AnalyzeStack), and in process.
 */
async function cloudFormation(): Promise<Section> {
    const size = smoke ? 20 : 200;
    const { template, native } = cloudFormationWorkload(size);
    const runs = smoke ? 1 : 5;
    const rows: Row[] = [];
    const timeOf: Record<string, number> = {};
    const measure = async (label: string, dir: string, resources: WireResource[], fresh: boolean) => {
        const ms: number[] = [];
        let diagnostics = 0;
        const once = async (pack: PackHandle) => {
            const start = process.hrtime.bigint();
            diagnostics = 0;
            for (const r of resources) diagnostics += (await pack.analyze(r)).diagnostics.length;
            diagnostics += (await pack.analyzeStack(resources)).diagnostics.length;
            ms.push(Number(process.hrtime.bigint() - start) / 1e6);
        };
        // `fresh`: a new pack each run, so the first template also loads the YAML library.
        if (fresh) for (let i = 0; i < runs; i++) await withPack(dir, once);
        else await withPack(dir, async (pack) => { for (let i = 0; i < runs; i++) await once(pack); });
        timeOf[label] = median(ms);
        rows.push({ measured: label, "median ms": Math.round(median(ms)), "max ms": Math.round(Math.max(...ms)), diagnostics });
    };
    await measure("the template, empty pack", packs.empty, [template], false);
    await measure("the template, ours", packs.ours, [template], false);
    await measure("the template, ours, first request of a new pack (cold: loads yaml, nothing compiled yet)", packs.ours, [template], true);
    await measure(`the same ${size} resources through aws-native, ours`, packs.ours, native, false);
    const { buildModels } = await import("../policy/model");
    const { rules } = await import("../policy/rules");
    const { evaluateResource, evaluateStack, stackView } = await import("../policy/pack/evaluate");
    const own: number[] = [];
    for (let i = 0; i < runs; i++) {
        const props = { ...template.properties }; // a new object: no cached models
        const start = process.hrtime.bigint();
        for (const model of buildModels(template.type, props, template.name, "urn:app").models) {
            for (const rule of rules) if (rule.kind === "resource" && rule.appliesTo.includes(model.kind)) evaluateResource(rule, model);
        }
        const view = stackView([{ type: template.type, name: template.name, urn: "urn:app", props }]);
        for (const rule of rules) if (rule.kind === "stack") evaluateStack(rule, view);
        own.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    rows.push({ measured: "reading the template, every resource and stack rule, in process", "median ms": Math.round(median(own)), "max ms": Math.round(Math.max(...own)), diagnostics: "" });
    const kb = ((template.properties.templateBody as string).length / 1024).toFixed(0);
    return {
        title: `6. A CloudFormation stack of ${size} ECS and ECR resources (${kb} KB of YAML; Analyze and AnalyzeStack, median of ${runs})`,
        rows,
        notes: ["the template's diagnostics are on one Pulumi resource; the aws-native row spreads the same findings over its resources"],
        targets: [
            target("the template vs the same resources declared one by one", timeOf["the template, ours"] / timeOf[`the same ${size} resources through aws-native, ours`], 1),
            target("the pack's own checks of the template, in process", median(own), 1000, "ms"),
        ],
    };
}

/** Pulumi's runtime mocks are process-wide, so the components benchmark runs in a process of its own. */
async function components(): Promise<Section> {
    const { spawnSync } = await import("child_process");
    // Its exit code is not the signal: Pulumi's runtime reports the mocks' unawaited outputs on exit.
    const child = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", join(__dirname, "components.ts"), ...(smoke ? ["--smoke"] : [])], {
        cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024,
    });
    const out = child.stdout ?? "";
    if (!out.trim().split("\n").pop()?.startsWith("{")) throw new Error(`the components benchmark failed:\n${child.stderr}`);
    return JSON.parse(out.trim().split("\n").pop()!) as Section;
}

export type Run = Section[] & { failed: { name: string; error: string }[] };

/**
 * Runs the benchmarks (all, or `only` one), printing each section as it finishes (unless `print` is false).
 * A failing section is reported in `failed` and the others still run.
 */
export async function main(options: { smoke?: boolean; only?: string; print?: boolean; runs?: number; services?: number } = {}): Promise<Run> {
    smoke = options.smoke ?? false;
    const only = options.only;
    const suites: Record<string, () => Promise<Section>> = { "cold-start": coldStart, throughput, stack: stackScaling, components, "worst-resource": worstResource, cloudformation: cloudFormation };
    // Slow (registry installs, the real CLI): on demand, never in the smoke run. `--runs=N` repeats them.
    const runs = options.runs ?? 1;
    const published: Record<string, () => Promise<Section>> = {
        install: () => installs(runs),
        preview: () => previews(runs, options.services),
    };
    const chosen = [...Object.entries(suites), ...Object.entries(published).filter(() => !smoke)].filter(([name]) => !only || only === name);
    if (only && chosen.length === 0) throw new Error(`no benchmark called ${only}: ${[...Object.keys(suites), ...Object.keys(published)].join(", ")}`);
    return runSections(chosen, { print: options.print !== false, heading: `${machine()}${smoke ? " (smoke run)" : ""}` });
}

/** Runs `sections` in order: each printed when it finishes and kept in `keep`; a failure is reported and the rest go on. */
export async function runSections(sections: [string, () => Promise<Section>][], options: { print: boolean; heading?: string; keep?: string }): Promise<Run> {
    const done: Run = Object.assign([] as Section[], { failed: [] as Run["failed"] });
    const keep = options.keep ?? join(root, ".tools", "bench", "last-run.json");
    const log = (s: string) => options.print && console.log(s);
    const progress = (s: string) => options.print && process.stderr.write(`${s}\n`);
    log(`${options.heading ?? machine()}: ${sections.map(([name]) => name).join(", ")}`);
    for (const [name, run] of sections) {
        const start = Date.now();
        const seconds = () => Math.round((Date.now() - start) / 1000);
        progress(`\n[${new Date().toISOString().slice(11, 19)}] ${name}...`);
        try {
            const section = await run();
            done.push(section);
            if (options.print) printSection(section);
            progress(`[${name}: ${seconds()} s]`);
        } catch (e) {
            done.failed.push({ name, error: (e as Error).stack ?? String(e) });
            log(`\n${name}: FAILED after ${seconds()} s (the other sections go on):\n  ${((e as Error).message ?? String(e)).split("\n").join("\n  ")}`);
        }
        if (options.print) {
            mkdirSync(dirname(keep), { recursive: true });
            writeFileSync(keep, JSON.stringify({ machine: machine(), sections: done, failed: done.failed }, null, 2));
        }
    }
    const targets = done.flatMap((r) => r.targets ?? []);
    log(`\n${done.length} section(s) measured, ${done.failed.length} failed${done.failed.length ? ` (${done.failed.map((f) => f.name).join(", ")})` : ""}; ` +
        `targets: ${targets.filter((t) => t.met).length} met, ${targets.filter((t) => !t.met).length} not met. Kept in ${keep}.`);
    return done;
}

function machine(): string {
    return `machine: ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
}

if (require.main === module) {
    const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
    const runs = flag("runs") ? Number(flag("runs")) : undefined;
    const services = flag("services") ? Number(flag("services")) : undefined;
    main({ smoke: process.argv.includes("--smoke"), only: flag("only"), runs, services }).then((r) => {
        if (r.failed?.length) process.exitCode = 1;
    }, (e) => {
        console.error(e);
        process.exit(1);
    });
}
