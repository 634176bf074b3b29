// Turns an engine resource (type token + properties) into the model, once.
import type { ReferenceKind, ResourceKind, ResourceModel } from "./ecs";
import { Shape, awsReferences, awsTypes } from "./aws";
import { awsNativeReferences, awsNativeTypes } from "./awsNative";
import type { ProviderInputs } from "./ecs";
import { defaultTagsOf, regionOf } from "./provider";
import { Reader, isPlainObject, isUnknownSentinel } from "./values";

export * from "./ecs";
export * from "./values";
export * from "./command-line";
export { containerKeys } from "./container-fields";
export { ModelEdit, applyEdits } from "./edits";
export { parseImageReference, ImageReference, ParsedImage } from "./image";

/** Provider shapes, by Pulumi type token. A new provider adds its table here; rules stay untouched. */
const providerTypes: Record<string, Shape> = { ...awsTypes, ...awsNativeTypes };

const referenceTypes: Record<string, ReferenceKind> = { ...awsReferences, ...awsNativeReferences };

/** What a resource that the stack rules follow by URN is, whichever provider declares it. */
export function referenceKindOf(type: string | undefined): ReferenceKind | undefined {
    return type !== undefined && Object.prototype.hasOwnProperty.call(referenceTypes, type) ? referenceTypes[type] : undefined;
}

/** The type tokens the pack understands. */
export const supportedTypes: readonly string[] = Object.keys(providerTypes);

export function isSupportedType(type: string): boolean {
    return Object.prototype.hasOwnProperty.call(providerTypes, type);
}

/**
 * Builds the model of one resource, or undefined when the type is not ECS/ECR. Never throws. `secretPaths` say
 * where the engine sent secrets: every value read below them is recorded in `model.secrets`. `provider` is the
 * resource's provider and its inputs, as the engine sends them (its region and default tags).
 */
export function buildModel(type: string, props: unknown, name: string, urn: string, secretPaths: readonly string[] = [], provider?: ProviderInputs): ResourceModel | undefined {
    if (!isSupportedType(type)) return undefined;
    const shape = providerTypes[type];
    const read = new Reader(secretPaths);
    const model: ResourceModel = {
        kind: shape.kind, type, name, urn, tags: undefined, defaultTags: defaultTagsOf(provider), region: undefined, malformed: read.malformed, secrets: read.secrets,
    };
    if (isUnknownSentinel(props)) return model;
    if (!isPlainObject(props)) {
        read.problem("", "the resource's properties are not an object");
        return model;
    }
    model.region = regionOf(props, provider, read);
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

/** The type tokens, of every provider, that declare resources of these kinds (for the docs). */
export function typesOf(kinds: readonly ResourceKind[]): string[] {
    return Object.keys(providerTypes).filter((type) => kinds.includes(providerTypes[type].kind));
}
