// How the aws provider (a Terraform bridge) names the keys of a typed object. A key that is not the property's
// Pulumi name is not ignored: the bridge turns it into a Terraform name (`entryPoint`, `EntryPoint` and
// `entry_point` all become `entry_point`) and sets that attribute, which is the one `entryPoints` sets. So the
// pack reads such a key as the property it sets.
import { Reader, isPlainObject } from "./values";

/** The bridge's fallback for a key it has no Pulumi name for (`PulumiToTerraformName`): `entryPoint` -> `entry_point`. */
export function terraformName(key: string): string {
    return key.replace(/[A-Z]/g, (c, i: number) => `${i === 0 ? "" : "_"}${c.toLowerCase()}`);
}

/**
 * The Terraform attributes a Pulumi property name may set: its own name, and for a name the bridge pluralised from
 * a Terraform block (`environments` from `environment`) the singular. A name that is not an attribute is refused
 * by the provider, so reading both is never more lenient than the provider.
 */
export function attributesOf(pulumiName: string): string[] {
    const singular = pulumiName.endsWith("ies") ? `${pulumiName.slice(0, -3)}y` : pulumiName.endsWith("s") ? pulumiName.slice(0, -1) : pulumiName;
    return [...new Set([terraformName(pulumiName), terraformName(singular)])];
}

/** The names read at one level, and the Pulumi name each Terraform attribute there belongs to. */
interface Level {
    names: ReadonlySet<string>;
    byAttribute: ReadonlyMap<string, string>;
}

const levels = new Map<string, Level>();

function levelOf(names: readonly string[]): Level {
    const id = names.join(",");
    let level = levels.get(id);
    if (!level) {
        const byAttribute = new Map<string, string>();
        for (const n of names) for (const a of attributesOf(n)) if (!byAttribute.has(a)) byAttribute.set(a, n);
        level = { names: new Set(names), byAttribute };
        levels.set(id, level);
    }
    return level;
}

/**
 * The object with every key that sets one of `names` renamed to that Pulumi name (the object itself when none
 * does). Two keys that set one attribute are refused by the provider: that is malformed input.
 */
export function asBridgeReads(raw: Record<string, unknown>, names: readonly string[], path: string, read: Reader): Record<string, unknown> {
    const { names: known, byAttribute } = levelOf(names);
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(raw)) {
        if (known.has(key)) continue;
        const name = byAttribute.get(terraformName(key));
        if (name === undefined) continue;
        copy ??= { ...raw };
        if (copy[name] !== undefined) {
            read.problem(path === "" ? key : `${path}.${key}`, `sets the same property as ${name}, which the provider refuses`);
            continue;
        }
        copy[name] = raw[key];
        delete copy[key];
        read.renamed(path === "" ? key : `${path}.${key}`, path === "" ? name : `${path}.${name}`);
    }
    return copy ?? raw;
}

/** A container table's levels: its own keys, and the keys read inside each of them (`linuxParameters.initProcessEnabled`). */
const containerLevels = new WeakMap<object, { top: string[]; inner: Map<string, string[]> }>();

function containerLevelsOf(keys: Readonly<Record<string, string>>): { top: string[]; inner: Map<string, string[]> } {
    let made = containerLevels.get(keys);
    if (!made) {
        const steps = Object.values(keys).map((k) => k.split("."));
        const top = [...new Set(steps.map((s) => s[0]))];
        const inner = new Map(top.map((first) => [first, [...new Set(steps.filter((s) => s[0] === first && s.length > 1).map((s) => s[1]))]] as [string, string[]]).filter(([, names]) => names.length > 0));
        made = { top, inner };
        containerLevels.set(keys, made);
    }
    return made;
}

/**
 * A container object as the bridge reads it, at every level the pack reads: the container's own keys, the objects
 * inside it (`linuxParameters.initProcessEnabled`), and each `{name, value}` of its environment list.
 */
export function containerAsBridgeReads(raw: Record<string, unknown>, keys: Readonly<Record<string, string>>, path: string, read: Reader): Record<string, unknown> {
    const { top, inner } = containerLevelsOf(keys);
    let container = asBridgeReads(raw, top, path, read);
    const set = (key: string, value: unknown) => {
        if (value === container[key]) return;
        if (container === raw) container = { ...raw };
        container[key] = value;
    };
    for (const [first, names] of inner) {
        const value = container[first];
        if (isPlainObject(value)) set(first, asBridgeReads(value, names, `${path}.${first}`, read));
    }
    const environment = container[keys.environment];
    if (Array.isArray(environment)) {
        let changed = false;
        const entries = environment.map((e, i) => {
            const entry = isPlainObject(e) ? asBridgeReads(e, ["name", "value"], `${path}.${keys.environment}[${i}]`, read) : e;
            changed ||= entry !== e;
            return entry;
        });
        if (changed) set(keys.environment, entries);
    }
    return container;
}

/** Where the pack reads a resource's typed objects: each level (`a.b`, `a[]` for a list's elements) and the names read there. */
export type BridgeLevels = Readonly<Record<string, readonly string[]>>;

/** The resource's properties as the bridge reads them, at every level of `levels` (`""` is the top). */
export function propsAsBridgeReads(props: Record<string, unknown>, levels: BridgeLevels, read: Reader): Record<string, unknown> {
    const walk = (value: Record<string, unknown>, level: string, path: string): Record<string, unknown> => {
        const names = levels[level];
        let object = names ? asBridgeReads(value, names, path, read) : value;
        for (const key of names ?? []) {
            const child = object[key];
            const inner = level === "" ? key : `${level}.${key}`;
            const at = path === "" ? key : `${path}.${key}`;
            let next: unknown = child;
            if (isPlainObject(child) && levels[inner]) next = walk(child, inner, at);
            else if (Array.isArray(child) && levels[`${inner}[]`]) {
                const items = child.map((e, i) => (isPlainObject(e) ? walk(e, `${inner}[]`, `${at}[${i}]`) : e));
                next = items.some((e, i) => e !== child[i]) ? items : child;
            }
            if (next !== child) {
                if (object === value) object = { ...value };
                object[key] = next;
            }
        }
        return object;
    };
    return walk(props, "", "");
}
