// Findings from `pulumi policy analyze --json` (one engine event per line: policyEvent, policyRemediationEvent,
// summaryEvent), or from a `pulumi stack export` file, which is first analyzed with the Pulumi CLI and this pack.
import { spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { dirname, join, resolve } from "path";

export type Level = "mandatory" | "advisory" | "remediate";

export interface Finding {
    policy: string;
    pack: string;
    packVersion: string;
    level: Level;
    /** "low" | "medium" | "high" | "critical", or "" when the policy sets none. */
    severity: string;
    urn: string;
    /** The resource's type token and name, read from its URN. */
    type: string;
    name: string;
    /** What is wrong and how to fix it (the policy's description is in its metadata). */
    message: string;
}

export interface Analysis {
    findings: Finding[];
    /** Policy pack name -> version, from the summary event. */
    packs: Record<string, string>;
    /** "succeeded" or "failed" as the CLI reported it; "" if the output had no summary. */
    result: string;
    /** The CLI's warnings worth passing on (e.g. secrets it could not decrypt, so analyzed as "[secret]"). */
    warnings?: string[];
}

interface PolicyEvent {
    resourceUrn?: string;
    message?: string;
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    enforcementLevel: string;
    severity?: string;
}

export class AuditError extends Error {}

/** `urn:pulumi:stack::project::parent$type::name` -> type and name. */
export function splitUrn(urn: string): { type: string; name: string } {
    const parts = urn.split("::");
    if (parts.length < 4) return { type: "", name: urn };
    const types = parts[2].split("$");
    return { type: types[types.length - 1], name: parts.slice(3).join("::") };
}

function levelOf(level: string): Level {
    if (level === "mandatory") return "mandatory";
    if (level === "remediate") return "remediate";
    return "advisory"; // "advisory", or "warning" in older CLIs
}

/** Parses the newline-delimited engine events that `pulumi policy analyze --json` prints. */
export function parseAnalyzeOutput(text: string): Analysis {
    const findings: Finding[] = [];
    let packs: Record<string, string> = {};
    let result = "";
    let events = 0;
    for (const [i, line] of text.split("\n").entries()) {
        if (line.trim() === "") continue;
        let event: Record<string, unknown>;
        try {
            event = JSON.parse(line);
        } catch {
            throw new AuditError(`line ${i + 1} is not a JSON engine event: expected the output of \`pulumi policy analyze --json\``);
        }
        events++;
        const violation = event.policyEvent as PolicyEvent | undefined;
        const remediation = event.policyRemediationEvent as (PolicyEvent & { before?: unknown; after?: unknown }) | undefined;
        const summary = event.summaryEvent as { PolicyPacks?: Record<string, string>; result?: string } | undefined;
        if (violation) findings.push(finding(violation, levelOf(violation.enforcementLevel), violation.message ?? ""));
        if (remediation) findings.push(finding(remediation, "remediate", remediationMessage(remediation.before, remediation.after)));
        if (summary) {
            packs = summary.PolicyPacks ?? {};
            result = summary.result ?? "";
        }
    }
    if (events === 0) throw new AuditError("the analyze output is empty");
    return { findings: sortFindings(findings), packs, result };
}

function finding(e: PolicyEvent, level: Level, message: string): Finding {
    const urn = e.resourceUrn ?? "";
    return { policy: e.policyName, pack: e.policyPackName, packVersion: e.policyPackVersion, level, severity: e.severity ?? "", urn, ...splitUrn(urn), message };
}

/** The top-level properties a remediation would change (names only: values may be secret). */
function remediationMessage(before: unknown, after: unknown): string {
    const b = (before ?? {}) as Record<string, unknown>;
    const a = (after ?? {}) as Record<string, unknown>;
    const changed = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).sort();
    return changed.length > 0 ? `A remediation would change ${changed.join(", ")}.` : "A remediation would change this resource.";
}

const levelOrder: Record<Level, number> = { mandatory: 0, remediate: 1, advisory: 2 };

function sortFindings(findings: Finding[]): Finding[] {
    return findings.sort((x, y) => levelOrder[x.level] - levelOrder[y.level] || x.policy.localeCompare(y.policy) || x.urn.localeCompare(y.urn) || x.message.localeCompare(y.message));
}

/** True for a `pulumi stack export` file (a JSON object with a `deployment`), false for analyze output. */
export function isStackExport(text: string): boolean {
    const start = text.trimStart();
    if (!start.startsWith("{")) return false;
    try {
        const parsed = JSON.parse(start);
        return typeof parsed === "object" && parsed !== null && "deployment" in parsed;
    } catch {
        return false; // several lines of events
    }
}

/** This package's folder: the pack's root, where PulumiPolicy.yaml is. */
export function packRoot(from = __dirname): string {
    for (let dir = from; ; dir = dirname(dir)) {
        if (existsSync(join(dir, "PulumiPolicy.yaml")) && existsSync(join(dir, "package.json"))) return dir;
        if (dirname(dir) === dir) throw new AuditError("cannot find the policy pack's folder (PulumiPolicy.yaml)");
    }
}

export interface AnalyzeOptions {
    /** The `pulumi` executable (default: `pulumi` on PATH). */
    pulumi?: string;
    policyPack?: string;
    policyPackConfig?: string;
    env?: NodeJS.ProcessEnv;
}

/** Runs `pulumi policy analyze --file <export> --policy-pack <pack> --json` and parses its events. */
export function analyzeStackExport(file: string, options: AnalyzeOptions = {}): Analysis {
    const args = ["policy", "analyze", "--file", resolve(file), "--policy-pack", options.policyPack ?? packRoot(), "--json", "--non-interactive"];
    if (options.policyPackConfig) args.push("--policy-pack-config", resolve(options.policyPackConfig));
    const run = spawnSync(options.pulumi ?? "pulumi", args, { encoding: "utf8", env: options.env ?? process.env, maxBuffer: 512 * 1024 * 1024 });
    if (run.error) throw new AuditError(`cannot run ${options.pulumi ?? "pulumi"}: ${run.error.message}`);
    // Exit code 1 with a summary is the CLI reporting mandatory violations; without one, the analysis failed.
    if (!run.stdout.includes("\"summaryEvent\"")) throw new AuditError(`pulumi policy analyze failed (exit ${run.status}):\n${run.stderr.trim()}`);
    const warnings = run.stderr.split("\n").filter((l) => /^warning: could not decrypt/.test(l));
    return { ...parseAnalyzeOutput(run.stdout), warnings };
}

/** Findings from a file: a stack export (analyzed with the CLI) or the output of `pulumi policy analyze --json`. */
export function audit(file: string, options: AnalyzeOptions = {}): Analysis {
    if (!existsSync(file)) throw new AuditError(`no such file: ${file}`);
    const text = readFileSync(file, "utf8");
    return isStackExport(text) ? analyzeStackExport(file, options) : parseAnalyzeOutput(text);
}
