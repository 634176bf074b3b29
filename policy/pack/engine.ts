// The engine's internals the pack relies on, in one place: @pulumi/policy's private modules (pinned version) and
// what the Pulumi engine sends (unknown-value sentinels, the stack configuration, the policy pack config).
// Loaded lazily: the components read the model too, and never start a policy server.

/** The engine's sentinels for values not known until `pulumi up` (see @pulumi/policy proxy.js). */
export const unknownSentinels: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** What the engine said about this run: a preview or an update once `ConfigureStack` arrived, stored state otherwise. */
const run = { stackConfigured: false };

/**
 * True while the pack analyzes stored state (`pulumi policy analyze`, the audit): the CLI sends no stack
 * configuration then, as it does before every preview and update.
 */
export function analyzingStoredState(): boolean {
    return !run.stackConfigured;
}

/** The policy pack config as the CLI sent it in `Configure`: every policy name and setting, known or not. */
let packConfig: Record<string, Record<string, unknown>> = {};

export function sentPackConfig(): Readonly<Record<string, Record<string, unknown>>> {
    return packConfig;
}

/** Learns of ConfigureStack and Configure as @pulumi/policy's server reads them. Called by the pack entry only. */
export function listenToEngine(): void {
    try {
        const proto = require("@pulumi/pulumi/proto/analyzer_pb") as Record<string, { prototype: Record<string, (...args: unknown[]) => unknown> }>;
        const stack = proto.AnalyzerStackConfigureRequest.prototype;
        const readTags = stack.getTagsMap;
        stack.getTagsMap = function (this: unknown, ...args: unknown[]) {
            run.stackConfigured = true;
            return readTags.apply(this, args);
        };
        const configure = proto.ConfigureAnalyzerRequest.prototype;
        const readConfig = configure.getPolicyconfigMap;
        configure.getPolicyconfigMap = function (this: unknown, ...args: unknown[]) {
            const map = readConfig.apply(this, args) as Map<string, { getProperties(): { toJavaScript(): Record<string, unknown> } | undefined }>;
            const config: Record<string, Record<string, unknown>> = {};
            for (const [name, value] of map.entries()) config[name] = value.getProperties()?.toJavaScript() ?? {};
            packConfig = config;
            return map;
        };
    } catch {
        // An @pulumi/pulumi without these messages: the pack reads "[secret]" as redacted and checks no config names.
    }
}

type Deserialize = (struct: object, proxySecrets: boolean) => Record<string, unknown>;

/** Replaces @pulumi/policy's deserializer of resource properties; false when it cannot. */
export function replaceDeserializer(wrap: (original: Deserialize) => Deserialize): boolean {
    try {
        const deserialize = require("@pulumi/policy/deserialize") as { deserializeProperties: Deserialize & { wrapped?: boolean } };
        const original = deserialize.deserializeProperties;
        if (typeof original !== "function") return false;
        if (original.wrapped) return true;
        const wrapped = wrap(original) as Deserialize & { wrapped?: boolean };
        wrapped.wrapped = true;
        deserialize.deserializeProperties = wrapped;
        return true;
    } catch {
        return false;
    }
}

/** Follows @pulumi/policy's proxies (unknown checking, secret preserving) down to the raw object. */
export function unwrapProxy(value: unknown): unknown {
    let current = value as { __isSpecialProxy?: boolean; __getSpecialProxyTarget?: unknown } | undefined;
    for (let i = 0; i < 4 && current && typeof current === "object" && current.__isSpecialProxy === true; i++) {
        current = current.__getSpecialProxyTarget as typeof current;
    }
    return current;
}
