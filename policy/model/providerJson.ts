// The aws provider's reading of `containerDefinitions`: Go's encoding/json decoding every JSON value of the string,
// one after another, into the same `[]types.ContainerDefinition` of aws-sdk-go-v2. So the pack reads what ECS gets:
// keys match fields exactly or case-insensitively (Go's folding), a later key for a field wins and merges into
// what an earlier one set, a later JSON value merges into the containers of an earlier one by position, unknown
// keys are ignored, and a value of the wrong type makes the provider reject the whole string.

import { sdkContainerTypes } from "./sdk-container-types";
import { isRedacted } from "./values";

/** A problem that makes the provider reject the text: where, and what. */
export interface ProviderProblem { path: string; problem: string }

/**
 * What the provider would make of the text: the containers as plain camelCase objects, or why it rejects it (the
 * first problem as `path` and `problem`, and `problems` every one found).
 */
export type ProviderReading =
    | { ok: true; containers: Record<string, unknown>[] }
    | { ok: false; path: string; problem: string; problems: ProviderProblem[] };

/**
 * A field's Go type, compiled from `sdkContainerTypes`. A Go pointer, slice, map or interface is cleared by null; a
 * plain Go value (an enum string, `cpu`, a slice's struct element) is left as it was.
 */
type FieldType =
    | { kind: "string" | "bool" | "int32"; pointer: boolean }
    | { kind: "slice"; elem: FieldType }
    | { kind: "map"; elem: FieldType }
    | { kind: "struct"; shape: Shape; pointer: boolean }
    | { kind: "interface" };
type Shape = Record<string, FieldType>;

const shapes = new Map<string, Shape>();

function compile(go: string): FieldType {
    if (go.startsWith("[]")) return { kind: "slice", elem: compile(go.slice(2)) };
    if (go.startsWith("map[string]")) return { kind: "map", elem: compile(go.slice(11)) };
    const pointer = go.startsWith("*");
    const name = pointer ? go.slice(1) : go;
    if (name === "string" || name === "bool" || name === "int32") return { kind: name, pointer };
    if (name === "interface") return { kind: "interface" };
    return { kind: "struct", shape: shapeOf(name), pointer };
}

function shapeOf(name: string): Shape {
    let shape = shapes.get(name);
    if (!shape) {
        const fields = (sdkContainerTypes as Record<string, Record<string, string>>)[name];
        if (!fields) throw new Error(`no SDK type ${name}`);
        shape = {};
        shapes.set(name, shape); // before compiling the fields, so a type that holds itself terminates
        for (const [field, go] of Object.entries(fields)) shape[field] = compile(go);
    }
    return shape;
}

const container: Shape = shapeOf("ContainerDefinition");

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
    if (Object.prototype.hasOwnProperty.call(shape, key)) return key; // the exact name, as Go tries first
    let byFold = foldedFields.get(shape);
    if (!byFold) {
        byFold = new Map(Object.keys(shape).map((f) => [fold(f), f]));
        foldedFields.set(shape, byFold);
    }
    return byFold.get(fold(key));
}

// ---- parsing: JSON values in order, objects as ordered [key, value] lists so duplicates and their order survive.

type Json = null | boolean | string | { number: string } | Json[] | { entries: [string, Json][] };

class Rejected extends Error {
    constructor(readonly path: string, readonly problem: string) {
        super(problem);
    }
}

const maxDepth = 500;

/** Where an offset of a text is, as an editor shows it: `line 3, column 7`. */
export function lineAndColumn(text: string, offset: number): string {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return `line ${line}, column ${offset - lineStart + 1}`;
}
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

    /** Not JSON: says where it breaks, by line and column (never what is there: the text may be a secret). */
    private fail(at = this.at): never {
        const where = lineAndColumn(this.text, at);
        throw new Rejected("", at >= this.text.length ? `is not valid JSON: it ends early (${where})` : `is not valid JSON: it breaks at ${where}`);
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
            if (this.text[this.at] !== ":") this.fail();
            this.at++;
            entries.push([key, this.value(depth + 1)]);
            this.space();
            const next = this.text[this.at++];
            if (next === "}") return { entries };
            if (next !== ",") this.fail(this.at - 1);
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
            if (next !== ",") this.fail(this.at - 1);
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

// ---- decoding into the SDK's types, as Go does: into what is already there. A value of the wrong type is a
// problem, and decoding goes on (Go's decoder does too, and then rejects the whole string), so every problem of the
// JSON value is found, not just the first.

function describe(value: Json): string {
    if (value === null) return "null";
    if (typeof value === "boolean") return "a boolean";
    if (typeof value === "string") return "a string";
    if (Array.isArray(value)) return "a list";
    return "number" in value ? "a number" : "an object";
}

function isObject(value: Json): value is { entries: [string, Json][] } {
    return typeof value === "object" && value !== null && !Array.isArray(value) && "entries" in value;
}

class Decoder {
    readonly problems: ProviderProblem[] = [];

    note(path: string, problem: string): void {
        this.problems.push({ path, problem });
    }

    /** Records a wrong type; the field keeps what it had (Go skips the value). */
    wrong(path: string, value: Json, expected: string, existing: unknown): unknown {
        this.note(path, `is ${describe(value)}, expected ${expected}`);
        return existing;
    }

    int(value: { number: string }, path: string, existing: unknown): unknown {
        if (!/^-?\d+$/.test(value.number)) {
            this.note(path, `is ${value.number}, expected a whole number`);
            return existing;
        }
        const n = Number(value.number);
        if (n < -2147483648 || n > 2147483647) {
            this.note(path, `is ${value.number}, out of range for a 32-bit number`);
            return existing;
        }
        return n === 0 ? 0 : n; // -0 is 0 to Go
    }

    /** Decodes `value` into `existing` (what earlier keys or values set) as a field of type `type`; returns the result. */
    decode(type: FieldType, value: Json, existing: unknown, path: string): unknown {
        if (value === null) {
            // null clears pointers, slices, maps and interfaces, and leaves plain Go values as they were
            return type.kind === "slice" || type.kind === "map" || type.kind === "interface" || type.pointer ? undefined : existing;
        }
        // What `pulumi policy analyze` shows for a secret it cannot decrypt: left for the model to read as not known.
        if (isRedacted(value)) return value;
        switch (type.kind) {
            case "string":
                return typeof value === "string" ? value : this.wrong(path, value, "a string", existing);
            case "bool":
                return typeof value === "boolean" ? value : this.wrong(path, value, "true or false", existing);
            case "int32":
                return typeof value === "object" && !Array.isArray(value) && "number" in value ? this.int(value, path, existing) : this.wrong(path, value, "a number", existing);
            case "interface":
                // A Go interface (a union such as sharingStrategy) cannot be decoded from JSON: the provider rejects any value.
                this.note(path, "cannot be set in the JSON the provider reads (it rejects any value here)");
                return existing;
            case "slice": {
                if (!Array.isArray(value)) return this.wrong(path, value, "a list", existing);
                const old = Array.isArray(existing) ? existing : [];
                const elem = type.elem;
                return value.map((item, i) => this.decode(elem, item, old[i] ?? zeroOf(elem), `${path}[${i}]`));
            }
            case "map": {
                if (!isObject(value)) return this.wrong(path, value, "an object", existing);
                const map: Record<string, unknown> = isPlain(existing) ? existing : {};
                for (const [key, item] of value.entries) {
                    const decoded = this.decode(type.elem, item, zeroOf(type.elem), `${path}.${key}`);
                    // `__proto__` is a key like any other to Go (an assignment would set the object's prototype)
                    if (key === "__proto__") Object.defineProperty(map, key, { value: decoded, enumerable: true, writable: true, configurable: true });
                    else map[key] = decoded;
                }
                return map;
            }
            case "struct":
                if (!isObject(value)) return this.wrong(path, value, "an object", existing);
                return this.struct(type.shape, value, isPlain(existing) ? existing : {}, path);
        }
    }

    struct(shape: Shape, value: { entries: [string, Json][] }, into: Record<string, unknown>, path: string): Record<string, unknown> {
        for (const [key, item] of value.entries) {
            const field = fieldOf(shape, key);
            if (field === undefined) continue; // keys the ECS API does not know are ignored
            const next = this.decode(shape[field], item, into[field], `${path}.${field}`);
            if (next === undefined) delete into[field];
            else into[field] = next;
        }
        return into;
    }
}

/** The value a Go slice element or map value starts from: a plain struct is `{}`, a plain string `""`; pointers nil. */
function zeroOf(type: FieldType): unknown {
    switch (type.kind) {
        case "string": return type.pointer ? undefined : "";
        case "bool": return type.pointer ? undefined : false;
        case "int32": return type.pointer ? undefined : 0;
        case "struct": return type.pointer ? undefined : {};
        default: return undefined;
    }
}

/** True when a decoded struct is Go's zero value: only plain Go values at their zero are set. */
function isZero(shape: Shape, value: Record<string, unknown>): boolean {
    for (const key in value) {
        const type = shape[key];
        const zero = type === undefined ? undefined : zeroOf(type);
        if (zero === undefined || typeof zero === "object" || value[key] !== zero) return false;
    }
    return true;
}

function isPlain(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function rejected(problems: ProviderProblem[]): ProviderReading {
    return { ok: false, path: problems[0].path, problem: problems[0].problem, problems };
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
            if (!Array.isArray(value)) return rejected([{ path, problem: `is ${describe(value)}, expected a list` }]);
            if (value.length > containers.length && containers.length < longest) {
                // Go would decode into elements an earlier value left beyond the slice's length, if its capacity
                // still holds them: what ECS gets depends on Go's allocator. Fail closed instead of guessing.
                return rejected([{ path, problem: regrownList }]);
            }
            const decoder = new Decoder();
            const next: Record<string, unknown>[] = [];
            value.forEach((item, i) => {
                const old = isPlain(containers[i]) ? containers[i] : {};
                if (item === null) next.push(old);
                else if (!isObject(item)) next.push(decoder.wrong(`${path}[${i}]`, item, "an object", old) as Record<string, unknown>);
                else next.push(decoder.struct(container, item, old, `${path}[${i}]`));
            });
            // The provider's decoder stops at the first JSON value with a wrong type, and rejects the string.
            if (decoder.problems.length > 0) return rejected(decoder.problems);
            containers = next;
            longest = value.length === 0 ? 0 : Math.max(longest, value.length);
        }
        // The provider rejects a container that decodes to nothing (`null`, `{}`, only keys ECS does not know).
        const empty = containers.findIndex((c) => isZero(container, c));
        if (empty !== -1) return rejected([{ path: `${path}[${empty}]`, problem: "is an empty container definition" }]);
        return { ok: true, containers };
    } catch (e) {
        if (e instanceof Rejected) return rejected([{ path: e.path || path, problem: e.problem }]);
        return rejected([{ path, problem: `could not be read (${e instanceof Error ? e.message : String(e)})` }]);
    }
}
