// How the Pulumi engine puts resource properties on the wire for the Analyzer service.
//
// Engine side (pkg/resource/plugin/analyzer_plugin.go, pulumi/pulumi since v3.249; same options in
// sdk/go/common/resource/plugin/analyzer_plugin.go @ v3.270.0):
//   Analyze, AnalyzeStack (and the provider): MarshalOptions{KeepUnknowns: true, KeepSecrets: true, SkipInternalKeys: true}
//   Remediate (request and response):          MarshalOptions{KeepUnknowns: true, KeepSecrets: true, SkipInternalKeys: false}
// KeepResources / KeepOutputValues are false, so per MarshalPropertyValue (pkg/resource/plugin/rpc.go):
//   - unknowns are sent as sentinel strings (below). Since v3.249 the analyzer gets property.Map values and
//     converts them back with resource.ToResourcePropertyMap, which turns every unknown into
//     MakeComputed(NewProperty("")), so in practice the engine always sends the *string* sentinel;
//   - secrets are sent wrapped: {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value};
//   - output values are flattened (element, or unknown if not known; secret-wrapped if secret);
//   - resource references become their ID (or URN if no ID) as a plain string;
//   - top-level keys starting with "__" are dropped for Analyze/AnalyzeStack, kept for Remediate.

import { Struct } from "google-protobuf/google/protobuf/struct_pb";

/** Signature key for special wire objects (secrets, assets, archives). sdk/go/common/resource/sig/sig.go */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** Signature value of a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Unknown sentinels (sig.go, @pulumi/policy proxy.js). */
export const UNKNOWN = {
    boolean: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    asset: "030794c1-ac77-496b-92df-f27374a8bd58",
    archive: "e48ece36-62e2-4504-bad9-02848725956a",
    object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
} as const;

export type UnknownKind = "string" | "number" | "boolean" | "array" | "object";

/** JSON-like value as carried by google.protobuf.Struct. */
export type WireValue = null | boolean | number | string | WireValue[] | { [k: string]: WireValue };
export type WireProps = { [k: string]: WireValue };

/** The engine's unknown sentinel. Defaults to "string": that is what the CLI sends today (see header). */
export function unknown(kind: UnknownKind = "string"): string {
    return UNKNOWN[kind];
}

/** The secret-wrapped wire form of a value. */
export function secret(value: WireValue): WireProps {
    return { [SIG_KEY]: SECRET_SIG, value };
}

/** True for a secret-wrapped wire value. */
export function isSecret(v: unknown): v is { value: WireValue } {
    return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/** Deeply replaces secret wrappers by their values (e.g. to inspect remediation results). */
export function unwrapSecrets(v: WireValue): WireValue {
    if (isSecret(v)) return unwrapSecrets(v.value);
    if (Array.isArray(v)) return v.map(unwrapSecrets);
    if (v !== null && typeof v === "object") {
        const out: WireProps = {};
        for (const [k, e] of Object.entries(v)) out[k] = unwrapSecrets(e);
        return out;
    }
    return v;
}

/** URN as the engine builds it for a top-level resource. */
export function urn(type: string, name: string, stack = "dev", project = "demo"): string {
    return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

/**
 * Converts plain JSON properties to a Struct. `skipInternalKeys` mirrors MarshalOptions.SkipInternalKeys
 * (top level only). undefined object members are dropped, like the engine's absent properties.
 */
export function toStruct(props: Record<string, unknown>, skipInternalKeys: boolean): Struct {
    const clean = JSON.parse(JSON.stringify(props ?? {})) as WireProps;
    if (skipInternalKeys) {
        for (const k of Object.keys(clean)) if (k.startsWith("__")) delete clean[k];
    }
    return Struct.fromJavaScript(clean as Parameters<typeof Struct.fromJavaScript>[0]);
}

/** Struct back to plain JSON (wire form: secrets stay wrapped). */
export function fromStruct(s: Struct | undefined): WireProps | undefined {
    return s ? (s.toJavaScript() as WireProps) : undefined;
}

/** Resource options as the engine sends them (marshalResourceOptions in analyzer_plugin.go). */
export interface WireResourceOptions {
    protect?: boolean;
    ignoreChanges?: string[];
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs?: string[];
    aliases?: string[];
    customTimeouts?: { create?: number; update?: number; delete?: number; read?: number };
}

/** A resource as the engine sends it. `properties` is plain JSON, possibly with unknown()/secret() values. */
export interface WireResource {
    type: string;
    name: string;
    /** Defaults to urn(type, name). */
    urn?: string;
    properties: Record<string, unknown>;
    /** AnalyzeStack only: property name -> URNs it depends on. */
    propertyDependencies?: Record<string, string[]>;
    /** Parent URN (also sent as options.parent, like the engine). */
    parent?: string;
    /** AnalyzeStack only: URNs this resource depends on. */
    dependencies?: string[];
    provider?: { type: string; name: string; urn?: string; properties: Record<string, unknown> };
    options?: WireResourceOptions;
}
