// Turns an engine resource (type token + properties) into the model, once.
import type { ReferenceKind, ResourceKind, ResourceModel } from "./ecs";
import { Shape, awsReferences, awsTypes } from "./aws";
import { awsNativeReferences, awsNativeTypes } from "./awsNative";
import type { ProviderInputs } from "./ecs";
import { defaultTagsOf, regionOf } from "./provider";
import { Reader, isPlainObject, isUnknownSentinel } from "./values";
import { emptyModel, mapResource } from "./build";
import { Declared, declared, declaresResources } from "./cloudformation";

export * from "./ecs";
export * from "./values";
export * from "./command-line";
export { containerKeys } from "./container-fields";
export { ModelEdit, applyEdits } from "./edits";
export { parseImageReference, ImageReference, ParsedImage } from "./image";
export { Declared, TemplateReference, Unread, declaresResources, cloudFormationTypes } from "./cloudformation";

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
    const model = emptyModel(shape, type, name, urn, read, defaultTagsOf(provider));
    if (isUnknownSentinel(props)) return model;
    if (!isPlainObject(props)) {
        read.problem("", "the resource's properties are not an object");
        return model;
    }
    model.region = regionOf(props, provider, read);
    return mapResource(model, shape, props, read);
}

/**
 * The ECS and ECR resources one Pulumi resource declares: itself (an ECS or ECR type), those of a CloudFormation
 * template or a Cloud Control resource, or none. `unread` says what could not be read (a template given only by URL).
 */
export function buildModels(type: string, props: unknown, name: string, urn: string, secretPaths: readonly string[] = [], provider?: ProviderInputs): Declared {
    if (isSupportedType(type)) return { models: [buildModel(type, props, name, urn, secretPaths, provider)!], unread: [], references: [] };
    if (declaresResources(type)) return declared(type, props, name, urn, secretPaths, provider);
    return { models: [], unread: [], references: [] };
}

/** The type tokens, of every provider, that declare resources of these kinds (for the docs). */
export function typesOf(kinds: readonly ResourceKind[]): string[] {
    return Object.keys(providerTypes).filter((type) => kinds.includes(providerTypes[type].kind));
}
