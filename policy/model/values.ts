// How values arrive from the engine, and how the model represents what it cannot read.
import { analyzingStoredState, unknownSentinels } from "../pack/engine";

/**
 * What `pulumi policy analyze --file` puts in place of each secret it cannot decrypt, whatever the value's type:
 * when the pack analyzes stored state it cannot be checked, so it is read like a value not known yet, never as a
 * wrong one. In a preview or an update it is an ordinary string.
 */
export const redactedSecret = "[secret]";

/** True for the redaction marker while analyzing stored state (see `redactedSecret`). */
export function isRedacted(value: unknown): boolean {
    return value === redactedSecret && analyzingStoredState();
}

export function isUnknownSentinel(value: unknown): boolean {
    return typeof value === "string" && unknownSentinels.has(value);
}

/** A value the model could not read: unknown until `pulumi up`, or malformed input. */
export class Unreadable {
    constructor(
        readonly reason: "notKnownYet" | "malformed",
        /** Property path, e.g. `containerDefinitions[0].image`. */
        readonly path: string,
        /**
         * The resource the value will come from, when the input names it (a CloudFormation `!GetAtt Role.Arn`): its
         * URN, so stack rules can still tell two references to one role or security group.
         */
        readonly refersTo?: string,
    ) {}
}

/**
 * The properties of a resource that cannot be read at all (a Cloud Control `desiredState` not known yet, or not
 * JSON): every property the mappers ask for is `value`, so each policy says what it says of such a value.
 */
export function everyPropertyIs(value: Unreadable): Record<string, unknown> {
    return new Proxy({}, { get: () => value });
}

/** A field as the model holds it: a value, unset (`undefined`), or unreadable. */
export type Field<T> = T | undefined | Unreadable;

export function isUnreadable(value: unknown): value is Unreadable {
    return value instanceof Unreadable;
}

export function isNotKnownYet(value: unknown): value is Unreadable {
    return value instanceof Unreadable && value.reason === "notKnownYet";
}

/** The top-level property a path starts with (`networkConfiguration.awsvpcConfiguration.subnets` -> `networkConfiguration`). */
export function topLevelProperty(path: string): string {
    return path.split(/[.[]/)[0];
}

/** A problem found while reading input, reported once per resource. */
export interface MalformedInput {
    path: string;
    problem: string;
}

/**
 * Reads raw values into typed fields. Unknown sentinels become `Unreadable("notKnownYet")`, wrong types become
 * `Unreadable("malformed")` and are recorded once; `null` and `""` mean unset. A value read at or below one of
 * `secretPaths` (where the engine sent a secret) is recorded in `secrets`, so messages can mask it.
 */
export class Reader {
    readonly malformed: MalformedInput[] = [];
    readonly secrets = new Set<string>();

    private readonly secretPaths: string[];

    constructor(secretPaths: readonly string[] = []) {
        this.secretPaths = [...secretPaths];
    }

    /** A value read at `to` that the input gave at `from` (a key read under another name): secret where it was. */
    renamed(from: string, to: string): void {
        for (const s of [...this.secretPaths]) {
            if (s === from || (s.startsWith(from) && (s[from.length] === "." || s[from.length] === "["))) this.secretPaths.push(to + s.slice(from.length));
        }
    }

    /** Records a value read outside the typed readers (a parsed document) when it came from a secret. */
    noteSecret(path: string, value: unknown): void {
        if (value !== undefined && value !== null && typeof value !== "object" && this.isSecret(path)) this.secrets.add(String(value));
    }

    /** True when the value at `path` came from a secret (`""` among `secretPaths`: every value did). */
    isSecret(path: string): boolean {
        return this.secretPaths.some((s) => s === "" || path === s || (path.startsWith(s) && (path[s.length] === "." || path[s.length] === "[")));
    }

    private typed<T>(value: unknown, path: string, expected: string, ok: (v: unknown) => boolean): Field<T> {
        if (value === undefined || value === null || value === "") return undefined;
        if (value instanceof Unreadable) return value;
        if (isUnknownSentinel(value) || isRedacted(value)) return new Unreadable("notKnownYet", path);
        if (ok(value)) {
            if (this.secretPaths.length > 0 && typeof value !== "object" && this.isSecret(path)) this.secrets.add(String(value));
            return value as T;
        }
        this.malformed.push({ path, problem: `is ${describeType(value)}, expected ${expected}` });
        return new Unreadable("malformed", path);
    }

    string(value: unknown, path: string): Field<string> {
        return this.typed(value, path, "a string", (v) => typeof v === "string");
    }

    /** Booleans; the strings "true"/"false" are accepted, as the provider accepts them. */
    boolean(value: unknown, path: string): Field<boolean> {
        if (value === "true" || value === "false") return this.typed(value === "true", path, "", () => true);
        return this.typed(value, path, "true or false", (v) => typeof v === "boolean");
    }

    /** Numbers; numeric strings are accepted, as the provider accepts them (`memory: "512"`). */
    number(value: unknown, path: string): Field<number> {
        if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return this.typed(Number(value), path, "", () => true);
        return this.typed(value, path, "a number", (v) => typeof v === "number" && Number.isFinite(v));
    }

    /**
     * A task's size as ECS documents it: a whole number of units, or a number with its unit (`memory`: MiB or
     * `"1 GB"`/`"2GB"`; `cpu`: CPU units or `"1 vCPU"`/`"0.25 vcpu"`), in any case, read as MiB or CPU units.
     */
    taskSize(value: unknown, path: string, unit: "GB" | "vCPU"): Field<number> {
        if (typeof value === "string" && !isUnknownSentinel(value) && !isRedacted(value)) {
            const sized = new RegExp(`^\\s*(\\d+(?:\\.\\d+)?)\\s*${unit}\\s*$`, "i").exec(value);
            if (sized) {
                if (this.isSecret(path)) this.secrets.add(value);
                return this.typed(Math.round(Number(sized[1]) * 1024), path, "", () => true);
            }
            if (value !== "" && !/^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
                const units = unit === "GB" ? "MiB (\"1024\") or GB (\"1 GB\")" : "CPU units (\"1024\") or vCPUs (\"1 vCPU\")";
                this.malformed.push({ path, problem: `is a string that is not a size, expected ${units}` });
                return new Unreadable("malformed", path);
            }
        }
        return this.number(value, path);
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
