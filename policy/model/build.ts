// The one mapping of a resource's properties onto the model through its provider's shape.
import type { Shape } from "./aws";
import type { ResourceModel } from "./ecs";
import { Field, Reader, isPlainObject } from "./values";

/** Fills `model` (its kind, name and where it lands already set) from `props` through the shape. Never throws. */
export function mapResource(model: ResourceModel, shape: Shape, props: Record<string, unknown>, read: Reader): ResourceModel {
    model.tags = shape.tags ? shape.tags(props, read) : read.object(props.tags, "tags");
    if (isPlainObject(model.tags)) {
        for (const [key, value] of Object.entries(model.tags)) if (read.isSecret(`tags.${key}`)) read.secrets.add(String(value));
    }
    try {
        shape.map(model, props, read);
    } catch (e) {
        // A mapper bug must not take the pack down: report it as unreadable input.
        read.problem("", `could not be read (${e instanceof Error ? e.message : String(e)})`);
    }
    return model;
}

/** A model with nothing read yet. */
export function emptyModel(shape: Shape, type: string, name: string, urn: string, read: Reader, defaultTags: Field<Record<string, unknown>>): ResourceModel {
    return { kind: shape.kind, type, name, urn, tags: undefined, defaultTags, region: undefined, malformed: read.malformed, secrets: read.secrets };
}
