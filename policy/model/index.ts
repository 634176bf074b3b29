// Turns an engine resource (type token + properties) into the model, once.
import type { ResourceModel } from "./ecs";
import { awsTypes } from "./aws";
import { Reader, isPlainObject, isUnknownSentinel } from "./values";

export * from "./ecs";
export * from "./values";
export { parseImageReference, ImageReference, ParsedImage } from "./image";

/** Provider shapes, by Pulumi type token. A new provider adds its table here; rules stay untouched. */
const providerTypes = { ...awsTypes };

/** The type tokens the pack understands. */
export const supportedTypes: readonly string[] = Object.keys(providerTypes);

export function isSupportedType(type: string): boolean {
    return Object.prototype.hasOwnProperty.call(providerTypes, type);
}

/** Builds the model of one resource, or undefined when the type is not ECS/ECR. Never throws. */
export function buildModel(type: string, props: unknown, name: string, urn: string): ResourceModel | undefined {
    if (!isSupportedType(type)) return undefined;
    const shape = providerTypes[type];
    const read = new Reader();
    const model: ResourceModel = { kind: shape.kind, type, name, urn, tags: undefined, malformed: read.malformed };
    if (isUnknownSentinel(props)) return model;
    if (!isPlainObject(props)) {
        read.problem("", "the resource's properties are not an object");
        return model;
    }
    model.tags = read.object(props.tags, "tags");
    try {
        shape.map(model, props, read);
    } catch (e) {
        // A mapper bug must not take the pack down: report it as unreadable input.
        read.problem("", `could not be read (${e instanceof Error ? e.message : String(e)})`);
    }
    return model;
}
