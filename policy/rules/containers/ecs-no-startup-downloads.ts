// Containers do not fetch or install code at start (#complete-static).
import { downloadOf, readCommandLine } from "../../model";
import type { ResourceRule } from "../rule";
import { clip, commandLine, compilePatterns, forEachContainer, plainEnvironment, quote, taskKinds, tooDeep } from "../support";

/** How many pattern-by-character steps one check may spend locating what extraPatterns matched. */
const locateBudget = 2_000_000;

export const noStartupDownloads: ResourceRule<{ extraPatterns: string[]; allowPatterns: string[] }> = {
    kind: "resource",
    name: "ecs-no-startup-downloads",
    description: "No container fetches or installs code at start (curl/wget of a URL, package installs, `git clone`, `aws s3 cp/sync`).",
    level: "advisory",
    severity: "medium",
    source: { guide: ["complete-static"] },
    appliesTo: taskKinds,
    scope: "each container (entryPoint + command; health checks are not inspected)",
    remediationSteps: "Install dependencies and fetch data when the image is built (a multi-stage Dockerfile), not in the container's entryPoint or command.",
    config: {
        extraPatterns: { type: "array", items: { type: "string" }, default: [], description: "More regular expressions (RE2 syntax, case-insensitive) matched against entryPoint + command joined by spaces; a match counts as a download at start.", regex: true },
        allowPatterns: { type: "array", items: { type: "string" }, default: [], description: "Regular expressions (RE2 syntax); a download whose text (e.g. `curl -f http://localhost/warm`) matches one of them is allowed.", regex: true },
    },
    check(resource, config) {
        const extra = compilePatterns(config.extraPatterns, "extraPatterns", { ignoreCase: true });
        const allow = compilePatterns(config.allowPatterns, "allowPatterns");
        const problems = [extra, allow].filter((p) => !p.ok).map((p) => ({ path: "", message: (p as { problem: string }).problem }));
        if (problems.length > 0 || !extra.ok || !allow.ok) return problems;
        const budget = { steps: locateBudget };
        return forEachContainer(resource, (c, out) => {
            const argv = commandLine(c, out);
            if (!argv) return;
            const read = readCommandLine(argv, plainEnvironment(c));
            const found = new Set<string>();
            for (const start of read.starts) {
                const text = downloadOf(start);
                if (text !== undefined && !allow.test(text)) found.add(text);
            }
            const line = argv.join(" ");
            for (const text of extra.matches(line, budget)) {
                // A match too costly to locate cannot be told apart from the rest of the line: allowPatterns do not apply to it.
                if (text === undefined) found.add(line);
                else if (!allow.test(text)) found.add(text);
            }
            if (found.size > 0) {
                out.push({ path: c.paths.command, message: `${c.label} downloads or installs code at start (${[...found].map((t) => quote(clip(t))).join(", ")}). Bake dependencies into the image instead.` });
            }
            if (read.tooDeep) out.push(tooDeep(c));
        });
    },
};
