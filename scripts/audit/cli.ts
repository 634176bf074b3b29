#!/usr/bin/env node
// `ecs-guardrails-audit <stack export | analyze output>` (`npm run audit -- <file>`): what is already deployed,
// checked with this pack by `pulumi policy analyze`, as a table (stdout), JSON and SARIF 2.1.0 for code scanning.
// Exit code: 0 when no mandatory policy fails, 1 when one does, 2 when the audit could not run.
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join, relative, resolve } from "path";
import { Analysis, AuditError, Finding, audit, packRoot } from "./findings";
import { detailOf, toSarif } from "./sarif";

const usage = `usage: ecs-guardrails-audit <file> [options]

  <file>                      a \`pulumi stack export\` file (analyzed with \`pulumi policy analyze --file\` and this pack)
                              or the output of \`pulumi policy analyze --json\`
  --json <path>               write the findings as JSON (default: ecs-guardrails-audit.json)
  --sarif <path>              write SARIF 2.1.0 (default: ecs-guardrails-audit.sarif)
  --policy-pack-config <path> the pack's configuration, as for \`pulumi preview --policy-pack-config\`
  --pulumi <path>             the Pulumi CLI to run (default: pulumi on PATH)
  --artifact <path>           the repository file results point at (default: Pulumi.yaml if present, else <file>)
  --docs-url <url>            where docs/policies.md is published (default: this version's copy in the
                              GitHub repository package.json names; without one, each policy's own reference)

Exit code: 1 when a mandatory policy fails, 2 when the audit cannot run, 0 otherwise.`;

interface Options {
    file: string;
    json: string;
    sarif: string;
    policyPackConfig?: string;
    pulumi?: string;
    artifact?: string;
    docsUrl?: string;
}

function parseArgs(argv: string[]): Options {
    const named: Record<string, string> = {};
    const positional: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "-h" || arg === "--help") throw new AuditError(usage);
        if (arg.startsWith("--")) {
            const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
            const value = inline ?? argv[++i];
            if (!["json", "sarif", "policy-pack-config", "pulumi", "artifact", "docs-url"].includes(key) || value === undefined) {
                throw new AuditError(`unknown option or missing value: ${arg}\n\n${usage}`);
            }
            named[key] = value;
        } else {
            positional.push(arg);
        }
    }
    if (positional.length !== 1) throw new AuditError(usage);
    return {
        file: positional[0],
        json: named["json"] ?? "ecs-guardrails-audit.json",
        sarif: named["sarif"] ?? "ecs-guardrails-audit.sarif",
        policyPackConfig: named["policy-pack-config"],
        pulumi: named["pulumi"],
        artifact: named["artifact"],
        docsUrl: named["docs-url"],
    };
}

/**
 * This version's docs/policies.md on the web: package.json `repository` (GitHub), at the tag v<version>; undefined
 * without one (each policy's help is then its own reference on the web: the guide's section or the control).
 */
export function defaultDocsUrl(pkg: { version: string; repository?: string | { url: string } }): string | undefined {
    const repository = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url ?? "";
    const github = /^(?:github:|git\+https:\/\/github\.com\/|https:\/\/github\.com\/|git@github\.com:)?([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(repository);
    return github ? `https://github.com/${github[1]}/blob/v${pkg.version}/docs/policies.md` : undefined;
}

/** The findings as an aligned text table (each finding whole, with its fix), then a one-line summary. */
export function table(findings: Finding[]): string {
    const rows = findings.map((f) => [f.level, f.policy, `${f.type} ${f.name}`, detailOf(f.message).replace(/\s+/g, " ")]);
    const head = ["LEVEL", "POLICY", "RESOURCE", "FINDING"];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join("  ");
    const count = (level: string) => findings.filter((f) => f.level === level).length;
    const summary = `${findings.length} finding(s): ${count("mandatory")} mandatory, ${count("advisory")} advisory, ${count("remediate")} remediable.`;
    return [...(rows.length > 0 ? [line(head), ...rows.map(line)] : []), summary].join("\n");
}

export function report(analysis: Analysis, source: string) {
    const count = (level: string) => analysis.findings.filter((f) => f.level === level).length;
    return {
        source,
        policyPacks: analysis.packs,
        result: analysis.result,
        summary: { mandatory: count("mandatory"), advisory: count("advisory"), remediate: count("remediate") },
        findings: analysis.findings,
    };
}

export function main(argv: string[], log: (s: string) => void = console.log, error: (s: string) => void = console.error): number {
    let options: Options;
    try {
        options = parseArgs(argv);
    } catch (e) {
        error((e as Error).message);
        return 2;
    }
    try {
        const root = packRoot();
        const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
        const docsUrl = options.docsUrl ?? defaultDocsUrl(pkg);
        const analysis = audit(options.file, { pulumi: options.pulumi, policyPackConfig: options.policyPackConfig, policyPack: root });
        for (const warning of analysis.warnings ?? []) error(warning);
        const { policies } = require("../../policy/policies") as typeof import("../../policy/policies");
        const artifact = options.artifact ?? (existsSync("Pulumi.yaml") ? "Pulumi.yaml" : relative(process.cwd(), resolve(options.file)).split("\\").join("/"));
        const sarif = toSarif(analysis.findings, {
            toolName: pkg.name,
            toolVersion: pkg.version,
            docsUrl,
            artifact,
            policies: policies.map((p) => ({ ...p, enforcementLevel: p.enforcementLevel ?? "advisory" })),
        });
        writeFileSync(options.json, JSON.stringify(report(analysis, options.file), null, 2) + "\n");
        writeFileSync(options.sarif, JSON.stringify(sarif, null, 2) + "\n");
        log(table(analysis.findings));
        log(`wrote ${options.json} and ${options.sarif}`);
        return analysis.findings.some((f) => f.level === "mandatory") ? 1 : 0;
    } catch (e) {
        error(e instanceof AuditError ? e.message : `the audit failed: ${(e as Error).stack ?? e}`);
        return 2;
    }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
