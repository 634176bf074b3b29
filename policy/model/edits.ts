// Remediations say what to change in the model's terms; this turns each change into the resource's properties,
// at the property path the model read the field from (so each provider's spelling comes from its own table).
import type { ResourceModel } from "./ecs";
import { readAsProvider } from "./providerJson";
import { attributesOf, terraformName } from "./terraform-names";
import { isPlainObject, isUnreadable } from "./values";

/** A change a remediation asks for, in the model's terms. */
export type ModelEdit =
    | { set: "initProcessEnabled"; container: number; value: true }
    | { set: "stopTimeout"; container: number; value: number }
    | { set: "enableEcsManagedTags"; value: true }
    | { set: "propagateTags"; value: string }
    | { set: "circuitBreaker"; value: { enable: boolean; rollback: boolean } }
    | { set: "containerInsights"; value: string }
    | { set: "tagMutability"; value: "IMMUTABLE" }
    | { set: "scanOnPush"; value: true };

type Props = Record<string, unknown>;
type Step = string | number;

/**
 * The resource's properties with the edits made, or undefined when there is nothing to change or a path cannot be
 * followed. The aws provider's container JSON is edited as the provider decoded it and written back as one list,
 * so keys in another case, merged duplicates and several JSON values all survive.
 */
export function applyEdits(model: ResourceModel, props: Props, edits: readonly ModelEdit[]): Props | undefined {
    if (edits.length === 0) return undefined;
    let next: Props = { ...props };
    let containers: { key: string; list: Props[]; json: boolean } | undefined;
    // The aws provider's typed objects are read by its Terraform bridge, which maps keys by name.
    const bridge = model.type.startsWith("aws:");
    for (const edit of edits) {
        const target = pathOf(model, edit);
        if (target === undefined) return undefined;
        const steps = stepsOf(target);
        if ("container" in edit) {
            const key = (bridge ? keyFor(next, steps[0]) : steps[0]) as string;
            containers ??= containerList(next[key], key);
            if (!containers) return undefined;
            if (!setAt(containers.list, steps.slice(1), edit.value, bridge && !containers.json)) return undefined;
        } else if (edit.set === "containerInsights") {
            next = withSetting(next, steps[0] as string, "containerInsights", edit.value);
        } else {
            next = setIn(next, steps, edit.value, bridge) as Props;
            if (edit.set === "tagMutability") delete next[model.repository!.paths.mutableTagFilters];
        }
    }
    if (containers) next[containers.key] = containers.json ? JSON.stringify(containers.list) : containers.list;
    return next;
}

function pathOf(model: ResourceModel, edit: ModelEdit): string | undefined {
    switch (edit.set) {
        case "initProcessEnabled":
        case "stopTimeout": {
            const list = model.task?.containers;
            const container = Array.isArray(list) ? list[edit.container] : undefined;
            return container && !isUnreadable(container) ? container.paths[edit.set] : undefined;
        }
        case "enableEcsManagedTags":
        case "propagateTags":
        case "circuitBreaker":
            return model.service?.paths[edit.set];
        case "containerInsights":
            return model.cluster?.paths.containerInsights;
        case "tagMutability":
        case "scanOnPush":
            return model.repository?.paths[edit.set];
    }
}

/** `a.b[0].c` as steps. */
function stepsOf(path: string): Step[] {
    const steps: Step[] = [];
    for (const part of path.split(".")) {
        const [name, ...indexes] = part.split("[");
        if (name) steps.push(name);
        for (const index of indexes) steps.push(Number(index.slice(0, -1)));
    }
    return steps;
}

/** The container list to edit: decoded as the provider decodes it when it is JSON, copied when it is objects. */
function containerList(value: unknown, key: string): { key: string; list: Props[]; json: boolean } | undefined {
    if (typeof value === "string") {
        const reading = readAsProvider(value, key);
        return reading.ok ? { key, list: reading.containers, json: true } : undefined;
    }
    if (!Array.isArray(value)) return undefined;
    return { key, list: value.map((c) => (isPlainObject(c) ? structuredClone(c) : c)) as Props[], json: false };
}

/**
 * The key that sets `step` in this object as the aws provider's bridge reads it: `step`, or the key the bridge maps
 * to the same attribute (`PropagateTags`) when only that one is there. Editing that key keeps one key per
 * attribute, and keeps a secret where the input had it.
 */
function keyFor(object: Record<Step, unknown>, step: Step): Step {
    if (typeof step !== "string" || (object[step] !== undefined && object[step] !== null)) return step;
    const attributes = attributesOf(step);
    return Object.keys(object).find((k) => k !== step && attributes.includes(terraformName(k))) ?? step;
}

/**
 * Sets a value in place (the container list is already a copy); false when the path does not lead anywhere.
 * `bridge`: the containers are objects the aws provider's bridge reads by name (not JSON, not aws-native's).
 */
function setAt(root: unknown, steps: Step[], value: unknown, bridge: boolean): boolean {
    let current = root as Record<Step, unknown>;
    for (let i = 0; i < steps.length - 1; i++) {
        const step = bridge ? keyFor(current, steps[i]) : steps[i];
        if (current[step] === undefined || current[step] === null) {
            if (typeof step === "number") return false;
            current[step] = {};
        }
        if (typeof current[step] !== "object") return false;
        current = current[step] as Record<Step, unknown>;
    }
    const last = steps[steps.length - 1];
    current[bridge ? keyFor(current, last) : last] = value;
    return true;
}

/** A copy of `value` with `steps` set, copying only the objects on the way. */
function setIn(value: unknown, steps: Step[], leaf: unknown, bridge: boolean): unknown {
    if (steps.length === 0) return leaf;
    const [step, ...rest] = steps;
    const copy: Record<Step, unknown> = Array.isArray(value) ? [...value] as never : isPlainObject(value) ? { ...value } : {};
    const key = bridge ? keyFor(copy, step) : step;
    copy[key] = setIn(copy[key], rest, leaf, bridge);
    return copy;
}

/** Sets the `name` entry of a `[{name, value}]` settings list, keeping the others. */
function withSetting(props: Props, key: string, name: string, value: string): Props {
    const settings = Array.isArray(props[key]) ? (props[key] as unknown[]) : [];
    const others = settings.filter((s) => !(isPlainObject(s) && s.name === name));
    return { ...props, [key]: [...others, { name, value }] };
}
