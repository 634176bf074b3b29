// A CloudFormation template as CloudFormation reads it: JSON, or YAML 1.1 with the short-form tags (`!Ref`,
// `!GetAtt`, `!Sub`, ...) read as the intrinsic functions they stand for. The YAML library is loaded on the first
// YAML template, not at start-up.
import type * as YAML from "yaml";
import { lineAndColumn } from "../providerJson";

/** The short-form tags and the intrinsic each stands for. */
const intrinsics: Readonly<Record<string, string>> = {
    Ref: "Ref", Condition: "Condition",
    ...Object.fromEntries(["And", "Base64", "Cidr", "Equals", "FindInMap", "GetAtt", "GetAZs", "If", "ImportValue", "Join", "Length", "Not", "Or", "Select", "Split", "Sub", "ToJsonString", "Transform"]
        .map((name) => [name, `Fn::${name}`])),
};

let yaml: typeof YAML | undefined;
let tags: YAML.Tags | undefined;

function library(): { yaml: typeof YAML; tags: YAML.Tags } {
    yaml ??= require("yaml") as typeof YAML;
    tags ??= Object.entries(intrinsics).flatMap(([short, name]): YAML.Tags => [
        { tag: `!${short}`, resolve: (text: string) => ({ [name]: short === "GetAtt" ? text.split(".") : text }) },
        { tag: `!${short}`, collection: "seq", resolve: (seq) => ({ [name]: seq.toJSON() }) },
        { tag: `!${short}`, collection: "map", resolve: (map) => ({ [name]: map.toJSON() }) },
    ]);
    return { yaml, tags };
}

export type TemplateReading = { ok: true; template: unknown } | { ok: false; problem: string };

/** Why the text cannot be read, where (line and column) and never the text itself (it may hold a secret). */
function problemOf(error: YAML.YAMLError): string {
    const at = error.linePos?.[0] ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})` : "";
    if (error.code === "DUPLICATE_KEY") return `has a key that appears twice${at}, which CloudFormation does not read one way; remove one`;
    if (error.code === "TAG_RESOLVE_FAILED") return `uses a tag that is not a CloudFormation intrinsic function${at}`;
    return `is not valid YAML${at}`;
}

/** The largest template CloudFormation reads (from S3; a body in the request may hold 51,200 bytes). */
export const largestTemplate = 1024 * 1024;

/**
 * Reads a template body (or a Cloud Control desired state): JSON when it starts with `{`, otherwise YAML 1.1 as
 * CloudFormation reads it (`yes` is true). A key given twice or an unknown tag makes it unreadable. JSON needs no
 * YAML library; YAML larger than any template CloudFormation accepts is not parsed.
 */
export function readTemplate(text: string, options: { jsonOnly?: boolean } = {}): TemplateReading {
    if (options.jsonOnly === true || text.trimStart().startsWith("{")) {
        let template: unknown;
        try {
            template = JSON.parse(text);
        } catch (e) {
            const position = /position (\d+)/.exec(e instanceof Error ? e.message : "");
            return { ok: false, problem: `is not valid JSON${position ? ` (${lineAndColumn(text, Number(position[1]))})` : ""}` };
        }
        const duplicate = duplicateKeyAt(text);
        if (duplicate !== undefined) return { ok: false, problem: `has a key that appears twice (${lineAndColumn(text, duplicate)}), which CloudFormation does not read one way; remove one` };
        return { ok: true, template };
    }
    if (text.length > largestTemplate) return { ok: false, problem: "is larger than the 1 MB CloudFormation reads at most" };
    const { yaml, tags } = library();
    const document = yaml.parseDocument(text, { version: "1.1", customTags: tags, uniqueKeys: true });
    const problem = document.errors[0] ?? document.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
    if (problem) return { ok: false, problem: problemOf(problem) };
    try {
        return { ok: true, template: document.toJS({ maxAliasCount: 100 }) };
    } catch {
        return { ok: false, problem: "cannot be read (it expands aliases too many times, or nests too deeply)" };
    }
}

/** Where the first key given twice in one object of valid JSON starts, in one pass over the text. */
function duplicateKeyAt(text: string): number | undefined {
    const objects: Set<string>[] = [];
    let afterString: { value: string; at: number } | undefined;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === '"') {
            const start = i;
            for (i++; text[i] !== '"'; i++) if (text[i] === "\\") i++;
            afterString = { value: text.slice(start, i + 1), at: start };
            continue;
        }
        if (ch === "{") objects.push(new Set());
        else if (ch === "}") objects.pop();
        else if (ch === ":" && afterString && objects.length > 0) {
            const key = JSON.parse(afterString.value) as string; // escapes decoded: "a" and "\u0061" are one key
            const keys = objects[objects.length - 1];
            if (keys.has(key)) return afterString.at;
            keys.add(key);
        }
        if (ch !== " " && ch !== "\n" && ch !== "\r" && ch !== "\t") afterString = undefined;
    }
    return undefined;
}
