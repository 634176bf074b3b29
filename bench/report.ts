// What a benchmark section reports: its table, notes, and each figure against its target.
import { execFileSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";

type Row = Record<string, string | number>;

/** One measured figure against its target: met when `value` is at most `limit`. */
export type Target = { figure: string; value: number; limit: number; unit: string; met: boolean };
export type Section = { title: string; rows: Row[]; notes: string[]; targets: Target[] };

export function target(figure: string, value: number, limit: number, unit = "x"): Target {
    return { figure, value, limit, unit, met: value <= limit };
}

const format = (n: number, unit: string) => `${unit === "x" ? n.toFixed(2) : String(Math.round(n * 100) / 100)}${unit === "x" ? "x" : unit ? ` ${unit}` : ""}`;

/** The lines a target prints: `met` or `NOT MET`, the figure, the target. */
export function verdict(t: Target): string {
    return `${t.met ? "met    " : "NOT MET"}  ${t.figure}: ${format(t.value, t.unit)} (target: at most ${format(t.limit, t.unit)})`;
}

export function printSection(section: Section, log: (s: string) => void = console.log): void {
    log(`\n${section.title}`);
    console.table(section.rows);
    for (const note of section.notes) log(`  ${note}`);
    for (const t of section.targets) log(`  ${verdict(t)}`);
}

/** Installs a benchmark's peer pack (`npm ci` in its folder) when its node_modules is missing. */
export function ensureInstalled(packDir: string, log: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): void {
    if (existsSync(join(packDir, "node_modules"))) return;
    log(`installing the peer pack in ${packDir} (npm ci, once)...`);
    execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: packDir, stdio: ["ignore", "inherit", "inherit"] });
}
