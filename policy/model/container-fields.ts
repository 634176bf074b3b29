// Container definitions as the ECS API spells them (camelCase), shared by every provider shape: one table of
// the container's values and the keys they are read from.
import type { Container, ContainerField, ContainerValue, EnvironmentVariable } from "./ecs";
import { readAsProvider } from "./providerJson";
import { containerAsBridgeReads } from "./terraform-names";
import { Field, Reader, Unreadable, isPlainObject, isUnreadable } from "./values";

/** Where each value of a container is read from, as the ECS API (and the aws provider's JSON) spells it. */
export const containerKeys: Readonly<Record<ContainerValue, string>> = {
    name: "name",
    image: "image",
    essential: "essential",
    entryPoint: "entryPoint",
    command: "command",
    versionConsistency: "versionConsistency",
    restartEnabled: "restartPolicy.enabled",
    initProcessEnabled: "linuxParameters.initProcessEnabled",
    stopTimeout: "stopTimeout",
    logDriver: "logConfiguration.logDriver",
    firelens: "firelensConfiguration",
    dockerLabels: "dockerLabels",
    healthCheck: "healthCheck",
    privileged: "privileged",
    readonlyRootFilesystem: "readonlyRootFilesystem",
    user: "user",
    environment: "environment",
    memory: "memory",
    memoryReservation: "memoryReservation",
};

export const taskDefinitionFields: ReadonlySet<ContainerField> = new Set<ContainerField>([
    "essential", "entryPoint", "versionConsistency", "restartPolicy", "linuxParameters", "stopTimeout",
    "firelens", "dockerLabels", "healthCheck", "privileged", "readonlyRootFilesystem", "user", "memory",
]);

/**
 * How a shape spells its containers: the key each value is read from, the fields it has, and the keys it does not
 * have (dropped before reading: its provider never sends them to AWS).
 */
export interface ContainerShape {
    keys: Readonly<Record<ContainerValue, string>>;
    fields: ReadonlySet<ContainerField>;
    absent?: readonly string[];
    /** True when the list may be the aws provider's JSON string. */
    json?: true;
    /** True for the aws provider's typed objects, whose keys its Terraform bridge maps by name (see terraform-names). */
    bridge?: true;
}

export const taskDefinitionShape: ContainerShape = { keys: containerKeys, fields: taskDefinitionFields, json: true };

/** A container object as its provider reads it: keys mapped as its bridge maps them, without the keys its shape does not have. */
export function asShapeReads(raw: Record<string, unknown>, shape: ContainerShape, path: string, read: Reader): Record<string, unknown> {
    return withoutAbsent(shape.bridge ? containerAsBridgeReads(raw, shape.keys, path, read) : raw, shape);
}

function withoutAbsent(raw: Record<string, unknown>, shape: ContainerShape): Record<string, unknown> {
    if (!shape.absent || !shape.absent.some((k) => Object.prototype.hasOwnProperty.call(raw, k))) return raw;
    const copy = { ...raw };
    for (const key of shape.absent) delete copy[key];
    return copy;
}

/**
 * Reads a list of container definitions; the list itself may be not known yet, malformed, or (for the aws task
 * definition) a JSON string read as the aws provider reads it. An element not known yet stays in the list as
 * Unreadable: the others are checked.
 */
export function readContainerList(value: unknown, path: string, read: Reader, shape: ContainerShape = taskDefinitionShape): Field<(Container | Unreadable)[]> {
    let list = value;
    if (typeof list === "string" && shape.json) {
        const text = read.string(list, path);
        if (text === undefined || isUnreadable(text)) return text;
        const reading = readAsProvider(text, path);
        if (!reading.ok) {
            for (const p of reading.problems) read.problem(p.path, p.problem);
            return new Unreadable("malformed", reading.path);
        }
        list = reading.containers;
    }
    const items = read.array(list, path);
    if (items === undefined || isUnreadable(items)) return items;
    const containers: (Container | Unreadable)[] = [];
    for (let i = 0; i < items.length; i++) {
        const itemPath = `${path}[${i}]`;
        const raw = read.object(items[i], itemPath);
        if (raw === undefined) continue;
        if (isUnreadable(raw)) {
            if (raw.reason === "malformed") return new Unreadable("malformed", itemPath);
            containers.push(raw);
        } else {
            containers.push(readContainer(asShapeReads(raw, shape, itemPath, read), i, itemPath, shape.fields, read, shape.keys));
        }
    }
    return containers;
}

/** The raw value at a key split into its steps; an unset parent gives undefined, an unreadable one itself. */
function valueAt(raw: Record<string, unknown>, steps: readonly string[], base: string, read: Reader): unknown {
    let current = raw;
    for (let i = 0; i < steps.length - 1; i++) {
        const next = read.object(current[steps[i]], `${base}.${steps.slice(0, i + 1).join(".")}`);
        if (next === undefined || isUnreadable(next)) return next;
        current = next;
    }
    return current[steps[steps.length - 1]];
}

type Keys = Readonly<Record<ContainerValue, string>>;

/**
 * A container's paths, made only when read (a message or a remediation needs one, the checks need none): each is
 * `<container path>.<key>`. One prototype per table of keys, so a container costs two fields, not nineteen strings.
 */
const pathsPrototypes = new WeakMap<Keys, { prototype: object; steps: Record<ContainerValue, string[]> }>();

function pathsOf(keys: Keys): { prototype: object; steps: Record<ContainerValue, string[]> } {
    let made = pathsPrototypes.get(keys);
    if (!made) {
        const prototype = {};
        for (const [value, key] of Object.entries(keys)) {
            Object.defineProperty(prototype, value, { get(this: { base: string }) { return `${this.base}.${key}`; }, enumerable: true });
        }
        const steps = Object.fromEntries(Object.entries(keys).map(([value, key]) => [value, key.split(".")])) as Record<ContainerValue, string[]>;
        made = { prototype, steps };
        pathsPrototypes.set(keys, made);
    }
    return made;
}

export function readContainer(
    raw: Record<string, unknown>, index: number, path: string, fields: ReadonlySet<ContainerField>, read: Reader,
    keys: Keys = containerKeys,
): Container {
    const { prototype, steps } = pathsOf(keys);
    const paths = Object.create(prototype, { base: { value: path } }) as Record<ContainerValue, string>;
    const get = (value: ContainerValue) => valueAt(raw, steps[value], path, read);
    const name = read.string(get("name"), paths.name);
    const essential = read.boolean(get("essential"), paths.essential);
    return {
        index,
        path,
        label: typeof name === "string" ? `container '${name}'` : `container #${index + 1}`,
        fields,
        paths,
        name,
        image: read.string(get("image"), paths.image),
        essential: essential === undefined ? true : essential,
        entryPoint: read.strings(get("entryPoint"), paths.entryPoint),
        command: read.strings(get("command"), paths.command),
        versionConsistency: read.string(get("versionConsistency"), paths.versionConsistency),
        restartEnabled: read.boolean(get("restartEnabled"), paths.restartEnabled),
        initProcessEnabled: read.boolean(get("initProcessEnabled"), paths.initProcessEnabled),
        stopTimeout: read.number(get("stopTimeout"), paths.stopTimeout),
        logDriver: read.string(get("logDriver"), paths.logDriver),
        firelens: present(read.object(get("firelens"), paths.firelens)),
        dockerLabels: read.object(get("dockerLabels"), paths.dockerLabels),
        healthCheck: present(read.object(get("healthCheck"), paths.healthCheck)),
        privileged: read.boolean(get("privileged"), paths.privileged),
        readonlyRootFilesystem: read.boolean(get("readonlyRootFilesystem"), paths.readonlyRootFilesystem),
        user: read.string(get("user"), paths.user),
        environment: readEnvironment(get("environment"), paths.environment, read),
        memory: read.number(get("memory"), paths.memory),
        memoryReservation: read.number(get("memoryReservation"), paths.memoryReservation),
    };
}

/** `{name, value}` pairs; unreadable entries are kept so their names can still be checked. */
export function readEnvironment(value: unknown, path: string, read: Reader): Field<EnvironmentVariable[]> {
    const items = read.array(value, path);
    if (items === undefined || isUnreadable(items)) return items;
    const vars: EnvironmentVariable[] = [];
    items.forEach((item, i) => {
        const entry = read.object(item, `${path}[${i}]`);
        if (isPlainObject(entry)) {
            vars.push({
                path: `${path}[${i}]`,
                name: read.string(entry.name, `${path}[${i}].name`),
                value: read.string(entry.value, `${path}[${i}].value`),
            });
        }
    });
    return vars;
}

/** A field inside an optional object: an unset object means an unset field, an unreadable one is that field. */
export function inside<T>(parent: Field<Record<string, unknown>>, get: (p: Record<string, unknown>) => Field<T>): Field<T> {
    if (parent === undefined || isUnreadable(parent)) return parent;
    return get(parent);
}

function present(value: Field<Record<string, unknown>>): Field<boolean> {
    return isUnreadable(value) ? value : value !== undefined;
}
