// The benchmarks work (a short run of each); their figures come from `npm run bench`, never from tests.
import { strict as assert } from "assert";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main, runSections } from "../../bench";
import type { Section } from "../../bench";
import { target } from "../../bench/report";

/** What console.log and stderr receive while `fn` runs. */
async function captured(fn: () => Promise<unknown>): Promise<string> {
    let out = "";
    const log = console.log;
    const write = process.stderr.write;
    console.log = (...args: unknown[]) => void (out += `${args.join(" ")}\n`);
    process.stderr.write = ((s: string) => ((out += s), true)) as typeof process.stderr.write;
    try {
        await fn();
    } finally {
        console.log = log;
        process.stderr.write = write;
    }
    return out;
}

describe("benchmarks (smoke run)", function () {
    this.timeout(600_000);
    it("each benchmark runs and reports figures, each against its target", async () => {
        const sections = await main({ smoke: true, print: false });
        assert.deepEqual(sections.failed, []);
        assert.equal(sections.length, 6, "cold start, throughput, stack scaling, components, worst resource, a CloudFormation stack");
        for (const s of sections) {
            assert.ok(s.rows.length > 0, s.title);
            for (const row of s.rows) assert.ok(Object.values(row).some((v) => typeof v === "number" && v > 0), `${s.title}: ${JSON.stringify(row)}`);
            assert.ok(s.targets.length > 0, `${s.title}: no target`);
            for (const t of s.targets) assert.ok(Number.isFinite(t.value) && t.value > 0 && t.met === t.value <= t.limit, `${s.title}: ${JSON.stringify(t)}`);
        }
        const cold = sections.find((s) => s.title.startsWith("1. Cold start"))!;
        assert.deepEqual(cold.rows.map((r) => r.pack), ["empty", "ours", "awsguard", "ours + NODE_COMPILE_CACHE"], "the peer pack is installed and measured");
    });

    it("prints each section as it finishes, marks each figure, and keeps the sections that passed when a later one fails", async () => {
        const dir = mkdtempSync(join(tmpdir(), "ecs-guardrails-bench-"));
        const keep = join(dir, "last-run.json");
        const section = (title: string, ratio: number): Section => ({ title, rows: [{ pack: "ours", "median ms": 10 }], notes: [], targets: [target("ours vs the empty pack", ratio, 1.15)] });
        try {
            let run: Awaited<ReturnType<typeof runSections>> | undefined;
            const out = await captured(async () => {
                run = await runSections([
                    ["first", async () => section("1. First", 1.02)],
                    ["second", async () => section("2. Second", 1.4)],
                    ["broken", async () => { throw new Error("the peer pack is missing"); }],
                    ["after", async () => section("4. After", 0.8)],
                ], { print: true, heading: "test", keep });
            });
            assert.deepEqual(run!.map((s) => s.title), ["1. First", "2. Second", "4. After"]);
            assert.deepEqual(run!.failed.map((f) => f.name), ["broken"]);
            const order = ["1. First", "met      ours vs the empty pack: 1.02x (target: at most 1.15x)", "2. Second",
                "NOT MET  ours vs the empty pack: 1.40x (target: at most 1.15x)", "broken: FAILED", "the peer pack is missing", "4. After",
                "3 section(s) measured, 1 failed (broken); targets: 2 met, 1 not met."];
            let at = 0;
            for (const text of order) {
                const found = out.indexOf(text, at);
                assert.ok(found >= 0, `"${text}" after position ${at} in:\n${out}`);
                at = found;
            }
            assert.ok(existsSync(keep));
            assert.deepEqual(JSON.parse(readFileSync(keep, "utf8")).sections.map((s: Section) => s.title), ["1. First", "2. Second", "4. After"]);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
