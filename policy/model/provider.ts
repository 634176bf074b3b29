// What a resource's provider says about it: the region it lands in and the tags the provider adds to every resource.
import type { ProviderInputs } from "./ecs";
import { Field, Reader, Unreadable, isPlainObject, isUnknownSentinel, isUnreadable } from "./values";

/** The provider types whose inputs the pack reads (`region`, `defaultTags`). */
const awsProviders: ReadonlySet<string> = new Set(["pulumi:providers:aws", "pulumi:providers:aws-native"]);

function inputsOf(provider: ProviderInputs | undefined): Record<string, unknown> | Unreadable | undefined {
    if (!provider || !awsProviders.has(provider.type)) return undefined;
    if (isUnknownSentinel(provider.props)) return new Unreadable("notKnownYet", "provider");
    return isPlainObject(provider.props) ? provider.props : undefined;
}

/** A provider input that the engine may send as a JSON string (provider inputs are often encoded so). */
function decoded(value: unknown): unknown {
    if (typeof value !== "string" || isUnknownSentinel(value)) return value;
    const text = value.trim();
    if (!text.startsWith("{")) return value;
    try {
        return JSON.parse(text);
    } catch {
        return value;
    }
}

/** The resource's region: its own `region` input (aws 7), else its provider's; undefined when neither says. */
export function regionOf(props: Record<string, unknown>, provider: ProviderInputs | undefined, read: Reader): Field<string> {
    // aws-native resources have no `region` input: the provider drops one, and the resource lands in its own region.
    const own = provider?.type === "pulumi:providers:aws-native" ? undefined : read.string(props.region, "region");
    if (own !== undefined) return own;
    const inputs = inputsOf(provider);
    if (inputs === undefined || isUnreadable(inputs)) return inputs;
    // A provider input is no property of this resource: a wrong type there is not the resource's malformed input.
    return new Reader().string(inputs.region, "provider.region");
}

/**
 * The tags the provider adds to every resource: the aws provider's `defaultTags.tags`, aws-native's
 * `defaultTags.tags`, each given as an object or a JSON string. Undefined when the provider sets none.
 */
export function defaultTagsOf(provider: ProviderInputs | undefined): Field<Record<string, unknown>> {
    const inputs = inputsOf(provider);
    if (inputs === undefined || isUnreadable(inputs)) return inputs;
    const path = "provider.defaultTags";
    const read = new Reader();
    const defaults = read.object(decoded(inputs.defaultTags), path);
    if (!isPlainObject(defaults)) return isUnreadable(defaults) && defaults.reason === "notKnownYet" ? defaults : undefined;
    const tags = read.object(decoded(defaults.tags), `${path}.tags`);
    if (isUnreadable(tags)) return tags.reason === "notKnownYet" ? tags : undefined;
    return tags;
}
