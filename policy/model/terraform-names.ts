// How the aws provider (a Terraform bridge) names the keys of a typed object. A key that is not the property's
// Pulumi name is not ignored: the bridge turns it into a Terraform name (`entryPoint`, `EntryPoint` and
// `entry_point` all become `entry_point`) and sets that attribute, which is the one `entryPoints` sets. So the
// pack reads such a key as the property it sets.
import { Reader, isPlainObject } from "./values";

/** The bridge's fallback for a key it has no Pulumi name for (`PulumiToTerraformName`): `entryPoint` -> `entry_point`. */
export function terraformName(key: string): string {
    let name = "";
    for (let i = 0; i < key.length; i++) {
        const c = key[i];
        name += c >= "A" && c <= "Z" ? `${i === 0 ? "" : "_"}${c.toLowerCase()}` : c;
    }
    return name;
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

/**
 * The object with every key that sets one of `names` renamed to that Pulumi name. Two keys that set one attribute
 * are refused by the provider: that is malformed input.
 */
export function asBridgeReads(raw: Record<string, unknown>, names: readonly string[], path: string, read: Reader): Record<string, unknown> {
    const byAttribute = new Map<string, string>();
    for (const n of names) for (const a of attributesOf(n)) if (!byAttribute.has(a)) byAttribute.set(a, n);
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(raw)) {
        if (names.includes(key)) continue;
        const name = byAttribute.get(terraformName(key));
        if (name === undefined) continue;
        copy ??= { ...raw };
        if (copy[name] !== undefined) {
            read.problem(path === "" ? key : `${path}.${key}`, `sets the same property as ${name}, which the provider refuses`);
            continue;
        }
        copy[name] = raw[key];
        delete copy[key];
    }
    return copy ?? raw;
}

/**
 * A container object as the bridge reads it, at every level the pack reads: the container's own keys, the objects
 * `nested` names (`linuxParameters.initProcessEnabled`), and each `{name, value}` of its environment list.
 */
export function containerAsBridgeReads(raw: Record<string, unknown>, keys: Readonly<Record<string, string>>, path: string, read: Reader): Record<string, unknown> {
    const steps = Object.values(keys).map((k) => k.split("."));
    const top = [...new Set(steps.map((s) => s[0]))];
    const container = { ...asBridgeReads(raw, top, path, read) };
    for (const first of top) {
        const inner = [...new Set(steps.filter((s) => s[0] === first && s.length > 1).map((s) => s[1]))];
        const value = container[first];
        if (inner.length > 0 && isPlainObject(value)) container[first] = asBridgeReads(value, inner, `${path}.${first}`, read);
    }
    const environment = container[keys.environment];
    if (Array.isArray(environment)) {
        container[keys.environment] = environment.map((e, i) => (isPlainObject(e) ? asBridgeReads(e, ["name", "value"], `${path}.${keys.environment}[${i}]`, read) : e));
    }
    return container;
}

/** Where the pack reads a resource's typed objects: each level (`a.b`, `a[]` for a list's elements) and the names read there. */
export type BridgeLevels = Readonly<Record<string, readonly string[]>>;

/** The resource's properties as the bridge reads them, at every level of `levels` (`""` is the top). */
export function propsAsBridgeReads(props: Record<string, unknown>, levels: BridgeLevels, read: Reader): Record<string, unknown> {
    const walk = (value: Record<string, unknown>, level: string, path: string): Record<string, unknown> => {
        const names = levels[level];
        const object = names ? { ...asBridgeReads(value, names, path, read) } : value;
        for (const [key, child] of Object.entries(object)) {
            const inner = level === "" ? key : `${level}.${key}`;
            const at = path === "" ? key : `${path}.${key}`;
            if (isPlainObject(child) && levels[inner]) object[key] = walk(child, inner, at);
            else if (Array.isArray(child) && levels[`${inner}[]`]) {
                object[key] = child.map((e, i) => (isPlainObject(e) ? walk(e, `${inner}[]`, `${at}[${i}]`) : e));
            }
        }
        return object;
    };
    return walk(props, "", "");
}
