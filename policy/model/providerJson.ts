// The aws provider's reading of `containerDefinitions`: Go's encoding/json decoding every JSON value of the string,
// one after another, into the same `[]types.ContainerDefinition` of aws-sdk-go-v2. So the pack reads what ECS gets:
// keys match fields exactly or case-insensitively (Go's folding), a later key for a field wins and merges into
// what an earlier one set, a later JSON value merges into the containers of an earlier one by position, unknown
// keys are ignored, and a value of the wrong type makes the provider reject the whole string.

/** What the provider would make of the text: the containers as plain camelCase objects, or why it rejects it. */
export type ProviderReading = { ok: true; containers: Record<string, unknown>[] } | { ok: false; path: string; problem: string };

/**
 * A field's Go type, as far as the pack needs it: `string` is a `*string`, `enum` a plain Go string (null leaves it
 * as it was); `struct` and `list` name the shape of their elements.
 */
type FieldType =
    | "string" | "enum" | "bool" | "int32" | "strings" | "ints" | "stringMap" | "ignore"
    | { struct: Shape } | { list: Shape };
type Shape = Record<string, FieldType>;

const keyValue: Shape = { name: "string", value: "string" };
const container: Shape = {
    name: "string", image: "string", essential: "bool", entryPoint: "strings", command: "strings",
    versionConsistency: "enum", stopTimeout: "int32", startTimeout: "int32", privileged: "bool",
    readonlyRootFilesystem: "bool", user: "string", memory: "int32", memoryReservation: "int32", cpu: "int32",
    dockerLabels: "stringMap", environment: { list: keyValue },
    restartPolicy: { struct: { enabled: "bool", ignoredExitCodes: "ints", restartAttemptPeriod: "int32" } },
    linuxParameters: { struct: { initProcessEnabled: "bool", sharedMemorySize: "int32", maxSwap: "int32", swappiness: "int32", capabilities: { struct: { add: "strings", drop: "strings" } } } },
    logConfiguration: { struct: { logDriver: "enum", options: "stringMap", secretOptions: { list: { name: "string", valueFrom: "string" } } } },
    firelensConfiguration: { struct: { type: "enum", options: "stringMap" } },
    healthCheck: { struct: { command: "strings", interval: "int32", retries: "int32", startPeriod: "int32", timeout: "int32" } },
    secrets: { list: { name: "string", valueFrom: "string" } },
};

const foldedKeys = new Map<string, string>();

/** Go's case folding of a field name, as far as ECS field names go: ASCII upper case, `ſ` is `S`, the Kelvin sign `K`. */
function fold(name: string): string {
    let folded = foldedKeys.get(name);
    if (folded === undefined) {
        folded = foldUncached(name);
        if (foldedKeys.size > 10_000) foldedKeys.clear();
        foldedKeys.set(name, folded);
    }
    return folded;
}

function foldUncached(name: string): string {
    if (/^[\x00-\x7f]*$/.test(name)) return name.toUpperCase();
    let out = "";
    for (const ch of name) {
        if (ch.charCodeAt(0) < 0x80) out += ch.toUpperCase();
        // Only these two fold to ASCII letters in Go (unicode.SimpleFold); JavaScript's case mapping folds more
        // (dotless ı to I), which would match keys the provider ignores. Other runes can never match a field.
        else out += ch === "\u017f" ? "S" : ch === "\u212a" ? "K" : ch;
    }
    return out;
}

const foldedFields = new WeakMap<Shape, Map<string, string>>();

/** The camelCase field a JSON key sets, as Go finds it: the exact Go name, otherwise by folding. */
function fieldOf(shape: Shape, key: string): string | undefined {
    let byFold = foldedFields.get(shape);
    if (!byFold) {
        byFold = new Map(Object.keys(shape).map((f) => [fold(f), f]));
        foldedFields.set(shape, byFold);
    }
    return byFold.get(fold(key));
}

import { isRedacted } from "./values";

// ---- parsing: JSON values in order, objects as ordered [key, value] lists so duplicates and their order survive.

type Json = null | boolean | string | { number: string } | Json[] | { entries: [string, Json][] };

class Rejected extends Error {
    constructor(readonly path: string, readonly problem: string) {
        super(problem);
    }
}

const maxDepth = 500;
/** Why a string whose JSON values shrink the list and grow it again is refused. */
export const regrownList = "holds JSON values that shrink the container list and grow it again, which the provider reads with leftovers of the earlier values; write one JSON list";
const numberLiteral = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Parser {
    private at = 0;
    constructor(private readonly text: string) {}

    /** Every JSON value of the text, one after another (the provider's decoder reads them all). */
    values(): Json[] {
        const out: Json[] = [];
        for (this.space(); this.at < this.text.length; this.space()) out.push(this.value(0));
        return out;
    }

    private fail(): never {
        throw new Rejected("", "is not valid JSON");
    }

    private space(): void {
        for (let c = this.text.charCodeAt(this.at); c === 32 || c === 10 || c === 13 || c === 9; c = this.text.charCodeAt(++this.at));
    }

    private value(depth: number): Json {
        if (depth > maxDepth) throw new Rejected("", `nests deeper than ${maxDepth} levels`);
        this.space();
        const ch = this.text[this.at];
        if (ch === "{") return this.object(depth);
        if (ch === "[") return this.array(depth);
        if (ch === "\"") return this.string();
        const word = ch === "t" ? "true" : ch === "f" ? "false" : ch === "n" ? "null" : undefined;
        if (word !== undefined) {
            if (!this.text.startsWith(word, this.at)) this.fail();
            this.at += word.length;
            return word === "null" ? null : word === "true";
        }
        const number = numberLiteral;
        number.lastIndex = this.at;
        const match = number.exec(this.text);
        if (!match) this.fail();
        this.at += match[0].length;
        return { number: match[0] };
    }

    private object(depth: number): Json {
        this.at++;
        const entries: [string, Json][] = [];
        this.space();
        if (this.text[this.at] === "}") {
            this.at++;
            return { entries };
        }
        for (;;) {
            this.space();
            if (this.text[this.at] !== "\"") this.fail();
            const key = this.string();
            this.space();
            if (this.text[this.at++] !== ":") this.fail();
            entries.push([key, this.value(depth + 1)]);
            this.space();
            const next = this.text[this.at++];
            if (next === "}") return { entries };
            if (next !== ",") this.fail();
        }
    }

    private array(depth: number): Json {
        this.at++;
        const items: Json[] = [];
        this.space();
        if (this.text[this.at] === "]") {
            this.at++;
            return items;
        }
        for (;;) {
            items.push(this.value(depth + 1));
            this.space();
            const next = this.text[this.at++];
            if (next === "]") return items;
            if (next !== ",") this.fail();
        }
    }

    private string(): string {
        // Fast path: no escape and no control character before the closing quote.
        const end = this.text.indexOf("\"", this.at + 1);
        if (end !== -1) {
            const body = this.text.slice(this.at + 1, end);
            if (!/[\\\u0000-\u001f\ud800-\udfff]/.test(body)) {
                this.at = end + 1;
                return body;
            }
        }
        const literal = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
        literal.lastIndex = this.at;
        const match = literal.exec(this.text);
        if (!match) this.fail();
        this.at += match[0].length;
        // Go replaces an unpaired surrogate escape by U+FFFD.
        return (JSON.parse(match[0]) as string).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
    }
}

// ---- decoding into the SDK's types, as Go does: into what is already there.

function describe(value: Json): string {
    if (value === null) return "null";
    if (typeof value === "boolean") return "a boolean";
    if (typeof value === "string") return "a string";
    if (Array.isArray(value)) return "a list";
    return "number" in value ? "a number" : "an object";
}

function wrongType(path: string, value: Json, expected: string): never {
    throw new Rejected(path, `is ${describe(value)}, expected ${expected}`);
}

function isObject(value: Json): value is { entries: [string, Json][] } {
    return typeof value === "object" && value !== null && !Array.isArray(value) && "entries" in value;
}

function decodeInt(value: { number: string }, path: string): number {
    if (!/^-?\d+$/.test(value.number)) throw new Rejected(path, `is ${value.number}, expected a whole number`);
    const n = Number(value.number);
    if (n < -2147483648 || n > 2147483647) throw new Rejected(path, `is ${value.number}, out of range for a 32-bit number`);
    return n === 0 ? 0 : n; // -0 is 0 to Go
}

/** Decodes `value` into `existing` (what earlier keys or values set) as a field of type `type`; returns the result. */
function decode(type: FieldType, value: Json, existing: unknown, path: string): unknown {
    if (type === "ignore") return existing;
    if (value === null) return type === "enum" ? existing : undefined; // null clears pointers, lists and maps
    // What `pulumi policy analyze` shows for a secret it cannot decrypt: left for the model to read as not known.
    if (isRedacted(value)) return value;
    if (type === "string" || type === "enum") return typeof value === "string" ? value : wrongType(path, value, "a string");
    if (type === "bool") return typeof value === "boolean" ? value : wrongType(path, value, "true or false");
    if (type === "int32") return typeof value === "object" && !Array.isArray(value) && "number" in value ? decodeInt(value, path) : wrongType(path, value, "a number");
    if (type === "strings" || type === "ints") {
        if (!Array.isArray(value)) return wrongType(path, value, "a list");
        const old = Array.isArray(existing) ? existing : [];
        return value.map((item, i) => (item === null ? old[i] ?? (type === "ints" ? 0 : "") : decode(type === "ints" ? "int32" : "string", item, undefined, `${path}[${i}]`)));
    }
    if (type === "stringMap") {
        if (!isObject(value)) return wrongType(path, value, "an object");
        const map: Record<string, unknown> = isPlain(existing) ? existing : {};
        for (const [key, item] of value.entries) map[key] = item === null ? "" : decode("string", item, undefined, `${path}.${key}`);
        return map;
    }
    if ("struct" in type) {
        if (!isObject(value)) return wrongType(path, value, "an object");
        return decodeStruct(type.struct, value, isPlain(existing) ? existing : {}, path);
    }
    if (!Array.isArray(value)) return wrongType(path, value, "a list");
    const old = Array.isArray(existing) ? existing : [];
    return value.map((item, i) => {
        if (item === null) return old[i] ?? {};
        if (!isObject(item)) return wrongType(`${path}[${i}]`, item, "an object");
        return decodeStruct(type.list, item, isPlain(old[i]) ? old[i] : {}, `${path}[${i}]`);
    });
}

function decodeStruct(shape: Shape, value: { entries: [string, Json][] }, into: Record<string, unknown>, path: string): Record<string, unknown> {
    for (const [key, item] of value.entries) {
        const field = fieldOf(shape, key);
        if (field === undefined) continue; // keys the ECS API does not know are ignored
        const next = decode(shape[field], item, into[field], `${path}.${field}`);
        if (next === undefined) delete into[field];
        else into[field] = next;
    }
    return into;
}

function isPlain(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a `containerDefinitions` string as the aws provider does. Never throws. */
export function readAsProvider(text: string, path: string): ProviderReading {
    try {
        let containers: Record<string, unknown>[] = [];
        let longest = 0; // Go keeps truncated elements in the slice's backing array
        for (const value of new Parser(text).values()) {
            if (value === null) {
                containers = []; // null sets the whole list to nil
                longest = 0;
                continue;
            }
            if (!Array.isArray(value)) wrongType("", value, "a list");
            if (value.length > containers.length && containers.length < longest) {
                // Go would decode into elements an earlier value left beyond the slice's length, if its capacity
                // still holds them: what ECS gets depends on Go's allocator. Fail closed instead of guessing.
                throw new Rejected(path, regrownList);
            }
            containers = decode({ list: container }, value, containers, path) as Record<string, unknown>[];
            longest = value.length === 0 ? 0 : Math.max(longest, value.length);
        }
        // The provider rejects a container that decodes to nothing (`null`, `{}`, only keys ECS does not know).
        const empty = containers.findIndex((c) => Object.keys(c).length === 0);
        if (empty !== -1) return { ok: false, path: `${path}[${empty}]`, problem: "is an empty container definition" };
        return { ok: true, containers };
    } catch (e) {
        if (e instanceof Rejected) return { ok: false, path: e.path || path, problem: e.problem };
        return { ok: false, path, problem: `could not be read (${e instanceof Error ? e.message : String(e)})` };
    }
}
