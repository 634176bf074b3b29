// How values arrive from the engine, and how the model represents what it cannot read.

/** The engine's sentinels for values not known until `pulumi up` (see @pulumi/policy proxy.js). */
const unknownSentinels = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/**
 * What `pulumi policy analyze --file` puts in place of each secret it cannot decrypt, whatever the value's type:
 * it cannot be checked, so it is read like a value not known yet, never as a wrong one.
 */
export const redactedSecret = "[secret]";

export function isUnknownSentinel(value: unknown): boolean {
    return typeof value === "string" && unknownSentinels.has(value);
}

/** A value the model could not read: unknown until `pulumi up`, or malformed input. */
export class Unreadable {
    constructor(
        readonly reason: "unknown" | "malformed",
        /** Property path, e.g. `containerDefinitions[0].image`. */
        readonly path: string,
    ) {}
}

/** A field as the model holds it: a value, unset (`undefined`), or unreadable. */
export type Field<T> = T | undefined | Unreadable;

export function isUnreadable(value: unknown): value is Unreadable {
    return value instanceof Unreadable;
}

export function isPending(value: unknown): value is Unreadable {
    return value instanceof Unreadable && value.reason === "unknown";
}

/** A problem found while reading input, reported once per resource. */
export interface MalformedInput {
    path: string;
    problem: string;
}

/**
 * Reads raw values into typed fields. Unknown sentinels become `Unreadable("unknown")`,
 * wrong types become `Unreadable("malformed")` and are recorded once; `null` and `""` mean unset.
 */
export class Reader {
    readonly malformed: MalformedInput[] = [];

    private typed<T>(value: unknown, path: string, expected: string, ok: (v: unknown) => boolean): Field<T> {
        if (value === undefined || value === null || value === "") return undefined;
        if (isUnknownSentinel(value) || value === redactedSecret) return new Unreadable("unknown", path);
        if (ok(value)) return value as T;
        this.malformed.push({ path, problem: `is ${describeType(value)}, expected ${expected}` });
        return new Unreadable("malformed", path);
    }

    string(value: unknown, path: string): Field<string> {
        return this.typed(value, path, "a string", (v) => typeof v === "string");
    }

    /** Booleans; the strings "true"/"false" are accepted, as the provider accepts them. */
    boolean(value: unknown, path: string): Field<boolean> {
        if (value === "true" || value === "false") return value === "true";
        return this.typed(value, path, "true or false", (v) => typeof v === "boolean");
    }

    /** Numbers; numeric strings are accepted, as the provider accepts them (`memory: "512"`). */
    number(value: unknown, path: string): Field<number> {
        if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
        return this.typed(value, path, "a number", (v) => typeof v === "number" && Number.isFinite(v));
    }

    object(value: unknown, path: string): Field<Record<string, unknown>> {
        return this.typed(value, path, "an object", isPlainObject);
    }

    array(value: unknown, path: string): Field<unknown[]> {
        return this.typed(value, path, "a list", Array.isArray);
    }

    /** A list of strings; an unknown element makes the whole list unreadable. */
    strings(value: unknown, path: string): Field<string[]> {
        const list = this.array(value, path);
        if (!Array.isArray(list)) return list;
        const out: string[] = [];
        for (let i = 0; i < list.length; i++) {
            const item = this.string(list[i], `${path}[${i}]`);
            if (isUnreadable(item)) return item;
            if (item !== undefined) out.push(item);
        }
        return out;
    }

    /** Records a problem that is not a single field's type. */
    problem(path: string, problem: string): Unreadable {
        this.malformed.push({ path, problem });
        return new Unreadable("malformed", path);
    }
}

/** A JSON-style object: not a list, and not one of the model's own values (an `Unreadable` is an object too). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
}

function describeType(value: unknown): string {
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "an object";
    if (typeof value === "string") return "a string";
    return `a ${typeof value}`;
}
