// Container definitions as the ECS API spells them (camelCase), shared by every provider shape.
import type { Container, ContainerField, EnvironmentVariable } from "./ecs";
import { readAsProvider } from "./providerJson";
import { Field, Reader, Unreadable, isPlainObject, isUnreadable } from "./values";

const taskDefinitionFields: ReadonlySet<ContainerField> = new Set<ContainerField>([
    "essential", "entryPoint", "versionConsistency", "restartPolicy", "linuxParameters", "stopTimeout",
    "firelens", "dockerLabels", "healthCheck", "privileged", "readonlyRootFilesystem", "user", "memory",
]);

/** Reads a list of container definitions; the list itself may be unknown, malformed or a JSON string (read as the aws provider reads it). */
export function readContainerList(value: unknown, path: string, read: Reader): Field<Container[]> {
    let list = value;
    if (typeof list === "string") {
        const text = read.string(list, path);
        if (text === undefined || isUnreadable(text)) return text;
        const reading = readAsProvider(text, path);
        if (!reading.ok) return read.problem(reading.path, reading.problem);
        list = reading.containers;
    }
    const items = read.array(list, path);
    if (items === undefined || isUnreadable(items)) return items;
    const containers: Container[] = [];
    for (let i = 0; i < items.length; i++) {
        const itemPath = `${path}[${i}]`;
        const raw = read.object(items[i], itemPath);
        if (raw === undefined) continue;
        if (isUnreadable(raw)) return raw.reason === "unknown" ? raw : new Unreadable("malformed", itemPath);
        containers.push(readContainer(raw, i, itemPath, taskDefinitionFields, read));
    }
    return containers;
}

export function readContainer(
    raw: Record<string, unknown>, index: number, path: string, has: ReadonlySet<ContainerField>, read: Reader,
): Container {
    const at = (key: string) => `${path}.${key}`;
    const name = read.string(raw.name, at("name"));
    const linux = read.object(raw.linuxParameters, at("linuxParameters"));
    const restart = read.object(raw.restartPolicy, at("restartPolicy"));
    const log = read.object(raw.logConfiguration, at("logConfiguration"));
    const essential = read.boolean(raw.essential, at("essential"));
    return {
        index,
        path,
        label: typeof name === "string" ? `container '${name}'` : `container #${index + 1}`,
        has,
        name,
        image: read.string(raw.image, at("image")),
        essential: essential === undefined ? true : essential,
        entryPoint: read.strings(raw.entryPoint, at("entryPoint")),
        command: read.strings(raw.command, at("command")),
        versionConsistency: read.string(raw.versionConsistency, at("versionConsistency")),
        restartEnabled: sub(restart, (r) => read.boolean(r.enabled, at("restartPolicy.enabled"))),
        initProcessEnabled: sub(linux, (l) => read.boolean(l.initProcessEnabled, at("linuxParameters.initProcessEnabled"))),
        stopTimeout: read.number(raw.stopTimeout, at("stopTimeout")),
        logDriver: sub(log, (l) => read.string(l.logDriver, at("logConfiguration.logDriver"))),
        firelens: present(read.object(raw.firelensConfiguration, at("firelensConfiguration"))),
        dockerLabels: read.object(raw.dockerLabels, at("dockerLabels")),
        healthCheck: present(read.object(raw.healthCheck, at("healthCheck"))),
        privileged: read.boolean(raw.privileged, at("privileged")),
        readonlyRootFilesystem: read.boolean(raw.readonlyRootFilesystem, at("readonlyRootFilesystem")),
        user: read.string(raw.user, at("user")),
        environment: readEnvironment(raw.environment, at("environment"), read),
        memory: read.number(raw.memory, at("memory")),
        memoryReservation: read.number(raw.memoryReservation, at("memoryReservation")),
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
                name: read.string(entry.name, `${path}[${i}].name`),
                value: read.string(entry.value, `${path}[${i}].value`),
            });
        }
    });
    return vars;
}

/** A field inside an optional sub-object: unset parent means unset field. */
export function sub<T>(parent: Field<Record<string, unknown>>, get: (p: Record<string, unknown>) => Field<T>): Field<T> {
    if (parent === undefined || isUnreadable(parent)) return parent;
    return get(parent);
}

function present(value: Field<Record<string, unknown>>): Field<boolean> {
    return isUnreadable(value) ? value : value !== undefined;
}
