// Benchmarks users feel outside this repository: installing the published pack as the CLI does, and what
// `--policy-pack` adds to a `pulumi preview` with the real CLI. Runs alternate between packs; figures are medians.
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Workspace } from "../test/e2e/cli";
import { installLikeCli, npmPack, packAwsGuard, packEmptyPack, root } from "./install";

import { median } from "./index";
import { ensureInstalled, target } from "./report";
import type { Section } from "./report";

type Row = Section["rows"][number];

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** (a) The published tarball installed the CLI's way (extract, npm install --loglevel=error [--production]), warm npm cache. */
export async function installs(runs: number): Promise<Section> {
    const work = mkdtempSync(join(tmpdir(), "ecs-guardrails-bench-install-"));
    try {
        const tarballs = { empty: packEmptyPack(join(work, "tgz")), ours: npmPack(root, join(work, "tgz")), awsguard: packAwsGuard(join(work, "tgz")) };
        const names = Object.keys(tarballs) as (keyof typeof tarballs)[];
        for (const name of names) installLikeCli(tarballs[name], join(work, `warm-${name}`)); // warms the npm cache, untimed
        const ms: Record<string, number[]> = { empty: [], ours: [], awsguard: [] };
        const bytes: Record<string, number> = {};
        const production: Record<string, boolean> = {};
        for (let i = 0; i < runs; i++) {
            for (const name of names) {
                const into = join(work, `${name}-${i}`);
                const installed = installLikeCli(tarballs[name], into);
                ms[name].push(installed.ms);
                bytes[name] = installed.bytes;
                production[name] = installed.production;
                rmSync(into, { recursive: true, force: true });
            }
        }
        const floor = { ms: median(ms.empty), bytes: bytes.empty };
        return {
            title: `6. Install of the published pack as the CLI installs it (npm pack, extract, npm install --loglevel=error), warm npm cache, ${runs} run(s) each, alternated`,
            rows: names.map((n) => ({
                pack: n, "production install": production[n] ? "yes" : "no",
                "node_modules MB": mb(bytes[n]), "x empty size": (bytes[n] / floor.bytes).toFixed(2),
                "median install s": Math.round(median(ms[n]) / 100) / 10, "x empty time": (median(ms[n]) / floor.ms).toFixed(2),
            })),
            notes: [],
            targets: [
                target("ours vs the empty pack: node_modules size", bytes.ours / floor.bytes, 1.15),
                target("ours vs the empty pack: install time", median(ms.ours) / floor.ms, 1.15),
            ],
        };
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}

/** (b) Wall-clock `pulumi preview` with the real CLI, without a pack and with each pack, for the demo stack and a generated one. */
export async function previews(runs: number, services = 100): Promise<Section> {
    const packs: Record<string, string | undefined> = { "no pack": undefined, empty: join(__dirname, "packs", "empty"), ours: root, awsguard: join(__dirname, "packs", "awsguard") };
    ensureInstalled(join(__dirname, "packs", "awsguard"));
    const rows: Row[] = [];
    const notes: string[] = [];
    const targets: Section["targets"] = [];
    for (const stack of ["demo", "many-services"]) {
        const ws = await Workspace.create(stack);
        try {
            if (stack === "many-services") await ws.pulumi(["config", "set", "services", String(services)]);
            const ms: Record<string, number[]> = Object.fromEntries(Object.keys(packs).map((p) => [p, []]));
            const resources: Record<string, number> = {};
            await preview(ws, undefined); // warm-up: plugin discovery, file caches
            for (let i = 0; i < runs; i++) {
                for (const [name, dir] of Object.entries(packs)) {
                    const { elapsed, output, code } = await preview(ws, dir);
                    if (code !== 0) throw new Error(`preview of ${stack} with ${name} failed:\n${output}`);
                    ms[name].push(elapsed);
                    resources[name] = Number(/\+ (\d+) to create/.exec(output)?.[1] ?? 0);
                }
            }
            // Overhead: the median of per-round differences with the run without a pack (pairs drift and load).
            const overheadOf = (name: string) => median(ms[name].map((t, i) => t - ms["no pack"][i]));
            const floor = overheadOf("empty");
            targets.push(target(`ours vs the empty pack: preview overhead, ${stack === "demo" ? "demo" : "generated"} stack`, overheadOf("ours") / floor, 1.1));
            for (const name of Object.keys(packs)) {
                const overhead = overheadOf(name);
                rows.push({
                    stack: `${stack === "demo" ? "demo" : "generated"} (${resources[name]} resources)`, pack: name,
                    "median s": Math.round(median(ms[name]) / 100) / 10,
                    "overhead s": name === "no pack" ? "" : Math.round(overhead / 100) / 10,
                    "x empty overhead": name === "no pack" || name === "empty" ? "" : (overhead / floor).toFixed(2),
                });
            }
        } finally {
            ws.dispose();
        }
    }
    notes.push("overhead = median over rounds of (preview with the pack - preview without it, same round)");
    return { title: `7. pulumi preview --policy-pack overhead, real CLI, stand-in provider, ${runs} run(s) each, alternated`, rows, notes, targets };
}

async function preview(ws: Workspace, pack: string | undefined): Promise<{ elapsed: number; output: string; code: number }> {
    const start = process.hrtime.bigint();
    const run = await ws.pulumi(["preview", ...(pack ? ["--policy-pack", pack] : [])]);
    return { elapsed: Number(process.hrtime.bigint() - start) / 1e6, output: run.output, code: run.code };
}
