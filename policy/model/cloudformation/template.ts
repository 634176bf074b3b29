// A CloudFormation template as CloudFormation reads it: JSON, or YAML 1.1 with the short-form tags (`!Ref`,
// `!GetAtt`, `!Sub`, ...) read as the intrinsic functions they stand for. The YAML library is loaded on the first
// template, not at start-up.
import type * as YAML from "yaml";

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
function problemOf(error: YAML.YAMLError, json: boolean): string {
    const at = error.linePos?.[0] ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})` : "";
    if (error.code === "DUPLICATE_KEY") return `has a key that appears twice${at}, which CloudFormation does not read one way; remove one`;
    if (error.code === "TAG_RESOLVE_FAILED") return `uses a tag that is not a CloudFormation intrinsic function${at}`;
    return `is not valid ${json ? "JSON" : "YAML"}${at}`;
}

/**
 * Reads a template body (or a Cloud Control desired state): JSON when it starts with `{`, otherwise YAML 1.1 as
 * CloudFormation reads it (`yes` is true). A key given twice or an unknown tag makes it unreadable.
 */
export function readTemplate(text: string, options: { jsonOnly?: boolean } = {}): TemplateReading {
    const json = options.jsonOnly === true || text.trimStart().startsWith("{");
    if (json) {
        try {
            JSON.parse(text);
        } catch (e) {
            const position = /position (\d+)/.exec(e instanceof Error ? e.message : "");
            return { ok: false, problem: `is not valid JSON${position ? ` (${lineAndColumn(text, Number(position[1]))})` : ""}` };
        }
    }
    const { yaml, tags } = library();
    const document = json
        ? yaml.parseDocument(text, { schema: "json", uniqueKeys: true })
        : yaml.parseDocument(text, { version: "1.1", customTags: tags, uniqueKeys: true });
    const problem = document.errors[0] ?? document.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
    if (problem) return { ok: false, problem: problemOf(problem, json) };
    try {
        return { ok: true, template: document.toJS({ maxAliasCount: 100 }) };
    } catch {
        return { ok: false, problem: "expands aliases too many times to be read" };
    }
}

function lineAndColumn(text: string, offset: number): string {
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}
