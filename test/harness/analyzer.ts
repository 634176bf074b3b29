// Analyzer-protocol test harness: starts a policy pack the way the Pulumi CLI does and talks to it over
// gRPC with @pulumi/pulumi's generated stubs. See wire.ts for how properties are put on the wire.

import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import { performance } from "perf_hooks";
import type * as grpcTypes from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as apb from "@pulumi/pulumi/proto/analyzer_pb";
import { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { WireResource, WireProps, fromStruct, toStruct, urn as makeUrn } from "./wire";

export type { WireResource, WireResourceOptions } from "./wire";

// @grpc/grpc-js as @pulumi/policy (the server side) resolves it.
const grpc: typeof grpcTypes = require(require.resolve("@grpc/grpc-js", {
    paths: [path.dirname(require.resolve("@pulumi/policy/package.json"))],
}));

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export type Severity = "" | "low" | "medium" | "high" | "critical";
export type JsonSchema = Record<string, unknown>;

export interface PolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

export interface PolicyInfo {
    name: string;
    displayName: string;
    description: string;
    message: string;
    enforcementLevel: EnforcementLevel;
    policyType: "resource" | "stack" | "unknown";
    configSchema?: { properties: Record<string, JsonSchema>; required: string[] };
    severity: Severity;
    framework?: { name: string; version: string; reference: string; specification: string };
    url: string;
    remediationSteps: string;
    tags: string[];
}

export interface AnalyzerInfo {
    name: string;
    displayName: string;
    version: string;
    supportsConfig: boolean;
    description: string;
    readme: string;
    provider: string;
    tags: string[];
    repository: string;
    policies: PolicyInfo[];
    initialConfig: Record<string, PolicyConfig>;
}

export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    message: string;
    enforcementLevel: EnforcementLevel;
    urn: string;
    severity: Severity;
}

export interface NotApplicable {
    policyName: string;
    reason: string;
}

export interface AnalyzeResult {
    diagnostics: Diagnostic[];
    notApplicable: NotApplicable[];
}

export interface Remediation {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    /** New properties in wire form (secrets stay wrapped), or undefined if the policy only left a diagnostic. */
    properties: WireProps | undefined;
    /** Set when the remediation could not run (e.g. unknown values); "" otherwise. */
    diagnostic: string;
}

export interface RemediateResult {
    remediations: Remediation[];
    notApplicable: NotApplicable[];
}

/** One policy's entry in a Configure call: enforcementLevel plus the policy's config properties. */
export type ConfigEntry = { enforcementLevel?: string; [k: string]: unknown };

/** Same JSON shape as a `--policy-pack-config` file. */
export type PolicyPackConfigFile = Record<string, string | ConfigEntry>;

export interface StackConfig {
    stack?: string;
    project?: string;
    organization?: string;
    dryRun?: boolean;
    tags?: Record<string, string>;
    config?: Record<string, string>;
}

export interface StartOptions {
    /** node_modules to resolve @pulumi/pulumi/cmd/run-policy-pack from (default: resolve from `dir`). */
    nodeModules?: string;
    /** Extra environment for the pack process (e.g. PULUMI_NODEJS_STACK). */
    env?: Record<string, string>;
    /** How long to wait for the port (default 60 s). */
    timeoutMs?: number;
}

export interface PackHandle {
    readonly port: number;
    readonly pid: number;
    /** Spawn-to-port time in milliseconds. */
    readonly startupMs: number;
    stderr(): string;
    /** Everything printed to stdout after the port line. */
    stdout(): string;
    stop(): Promise<void>;

    getAnalyzerInfo(): Promise<AnalyzerInfo>;
    getPluginInfo(): Promise<{ version: string }>;
    configure(config: Record<string, ConfigEntry>): Promise<void>;
    configureLikeCli(overrides?: PolicyPackConfigFile): Promise<Record<string, PolicyConfig> | undefined>;
    configureStack(cfg: StackConfig): Promise<void>;
    analyze(resource: WireResource): Promise<AnalyzeResult>;
    analyzeStack(resources: WireResource[]): Promise<AnalyzeResult>;
    remediate(resource: WireResource): Promise<RemediateResult>;
}

// ---- enum mapping (analyzer_plugin.go convertEnforcementLevel / convertSeverity / convertPolicyType) ----

const LEVELS: Record<number, EnforcementLevel> = {
    [apb.EnforcementLevel.ADVISORY]: "advisory",
    [apb.EnforcementLevel.MANDATORY]: "mandatory",
    [apb.EnforcementLevel.DISABLED]: "disabled",
    [apb.EnforcementLevel.REMEDIATE]: "remediate",
};
const SEVERITIES: Record<number, Severity> = {
    [apb.PolicySeverity.POLICY_SEVERITY_UNSPECIFIED]: "",
    [apb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
    [apb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
    [apb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
    [apb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

function levelFromProto(l: apb.EnforcementLevel): EnforcementLevel {
    const s = LEVELS[l];
    if (!s) throw new Error(`invalid enforcement level ${l}`);
    return s;
}

function isLevel(s: unknown): s is EnforcementLevel {
    return s === "advisory" || s === "mandatory" || s === "remediate" || s === "disabled";
}

function levelToProto(l: unknown): apb.EnforcementLevel {
    switch (l) {
        case "advisory": return apb.EnforcementLevel.ADVISORY;
        case "mandatory": return apb.EnforcementLevel.MANDATORY;
        case "remediate": return apb.EnforcementLevel.REMEDIATE;
        case "disabled": return apb.EnforcementLevel.DISABLED;
    }
    throw new Error(`invalid enforcement level ${JSON.stringify(l ?? "")}`);
}

function policyFromProto(p: apb.PolicyInfo): PolicyInfo {
    const schema = p.getConfigschema();
    const fw = p.getFramework();
    const type = p.getPolicyType();
    return {
        name: p.getName(),
        displayName: p.getDisplayname(),
        description: p.getDescription(),
        message: p.getMessage(),
        enforcementLevel: levelFromProto(p.getEnforcementlevel()),
        policyType: type === apb.PolicyType.POLICY_TYPE_RESOURCE ? "resource"
            : type === apb.PolicyType.POLICY_TYPE_STACK ? "stack" : "unknown",
        configSchema: schema && {
            properties: (fromStruct(schema.getProperties()) ?? {}) as Record<string, JsonSchema>,
            required: schema.getRequiredList(),
        },
        severity: SEVERITIES[p.getSeverity()] ?? "",
        framework: fw && {
            name: fw.getName(), version: fw.getVersion(),
            reference: fw.getReference(), specification: fw.getSpecification(),
        },
        url: p.getUrl(),
        remediationSteps: p.getRemediationSteps(),
        tags: p.getTagsList(),
    };
}

function notApplicableFromProto(list: apb.PolicyNotApplicable[]): NotApplicable[] {
    return list.map(n => ({ policyName: n.getPolicyName(), reason: n.getReason() }));
}

// ---- request building (analyzer_plugin.go Analyze / AnalyzeStack / Remediate / marshalResourceOptions) ----

function makeOptions(r: WireResource): apb.AnalyzerResourceOptions {
    const o = r.options ?? {};
    const opts = new apb.AnalyzerResourceOptions();
    opts.setProtect(o.protect ?? false);
    opts.setIgnorechangesList(o.ignoreChanges ?? []);
    opts.setDeletebeforereplace(o.deleteBeforeReplace ?? false);
    opts.setDeletebeforereplacedefined(o.deleteBeforeReplace !== undefined);
    opts.setAdditionalsecretoutputsList(o.additionalSecretOutputs ?? []);
    opts.setAliasesList(o.aliases ?? []);
    const ct = new apb.AnalyzerResourceOptions.CustomTimeouts(); // the engine always sets it
    ct.setCreate(o.customTimeouts?.create ?? 0);
    ct.setUpdate(o.customTimeouts?.update ?? 0);
    ct.setDelete(o.customTimeouts?.delete ?? 0);
    ct.setRead(o.customTimeouts?.read ?? 0);
    opts.setCustomtimeouts(ct);
    opts.setParent(r.parent ?? "");
    return opts;
}

function makeProvider(r: WireResource): apb.AnalyzerProviderResource | undefined {
    if (!r.provider) return undefined;
    const p = new apb.AnalyzerProviderResource();
    p.setType(r.provider.type);
    p.setName(r.provider.name);
    p.setUrn(r.provider.urn ?? makeUrn(r.provider.type, r.provider.name));
    p.setProperties(toStruct(r.provider.properties, true));
    return p;
}

function makeRequest(r: WireResource, skipInternalKeys: boolean): apb.AnalyzeRequest {
    const req = new apb.AnalyzeRequest();
    req.setType(r.type);
    req.setName(r.name);
    req.setUrn(r.urn ?? makeUrn(r.type, r.name));
    req.setProperties(toStruct(r.properties, skipInternalKeys));
    req.setOptions(makeOptions(r));
    const provider = makeProvider(r);
    if (provider) req.setProvider(provider);
    return req;
}

function makeStackResource(r: WireResource): apb.AnalyzerResource {
    const res = new apb.AnalyzerResource();
    res.setType(r.type);
    res.setName(r.name);
    res.setUrn(r.urn ?? makeUrn(r.type, r.name));
    res.setProperties(toStruct(r.properties, true));
    res.setOptions(makeOptions(r));
    const provider = makeProvider(r);
    if (provider) res.setProvider(provider);
    res.setParent(r.parent ?? "");
    res.setDependenciesList(r.dependencies ?? []);
    const deps = res.getPropertydependenciesMap();
    for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
        if (urns.length === 0) continue; // the engine skips properties without dependencies
        const d = new apb.AnalyzerPropertyDependencies();
        d.setUrnsList(urns);
        deps.set(k, d);
    }
    return res;
}

// ---- config reconciliation, mirroring the CLI ----
// pkg/resource/analyzer/config.go: parsePolicyPackConfig + extractEnforcementLevel (the --policy-pack-config file),
// ReconcilePolicyPackConfig = createConfigWithDefaults -> applyConfig(initialConfig) -> applyConfig(file)
// -> validatePolicyPackConfig; called from pkg/engine/update.go (local policy packs) only when
// GetAnalyzerInfo().supportsConfig, then Analyzer.Configure (pkg/resource/plugin/analyzer_plugin.go).

type RawConfig = Record<string, { enforcementLevel?: EnforcementLevel; properties?: Record<string, unknown> }>;

function parsePolicyPackConfig(file: PolicyPackConfigFile): RawConfig {
    const result: RawConfig = {};
    for (const [k, v] of Object.entries(file)) {
        if (k === "environments") continue; // ESC environment references, not policy config
        let enforcementLevel: EnforcementLevel | undefined;
        let properties: Record<string, unknown> | undefined;
        if (typeof v === "string") {
            if (!isLevel(v)) throw new Error(`parsing enforcement level for "${k}": "${v}" is not a valid enforcement level`);
            enforcementLevel = v;
        } else if (v && typeof v === "object" && !Array.isArray(v)) {
            const { enforcementLevel: el, ...rest } = v;
            if (el !== undefined && !isLevel(el)) {
                throw new Error(`parsing enforcement level for "${k}": ${JSON.stringify(el)} is not a valid enforcement level`);
            }
            enforcementLevel = el;
            if (Object.keys(rest).length > 0) properties = rest;
        } else {
            throw new Error(`parsing "${k}": ${JSON.stringify(v)} is not a valid value; must be a string or object`);
        }
        if (enforcementLevel === undefined && properties === undefined) continue;
        result[k] = { enforcementLevel, properties };
    }
    return result;
}

function applyConfig(result: RawConfig, toApply: RawConfig): void {
    const all = toApply["all"];
    if (all?.enforcementLevel) {
        for (const k of Object.keys(result)) result[k] = { ...result[k], enforcementLevel: all.enforcementLevel };
    }
    // Note: like the Go code, this also adds an "all" entry itself to the result.
    for (const [policy, given] of Object.entries(toApply)) {
        const cur = result[policy] ?? {};
        const hasProps = given.properties && Object.keys(given.properties).length > 0;
        result[policy] = {
            enforcementLevel: given.enforcementLevel ?? cur.enforcementLevel,
            properties: hasProps || cur.properties ? { ...cur.properties, ...given.properties } : undefined,
        };
    }
}

// A subset of JSON Schema (type, enum, required) standing in for gojsonschema in validatePolicyConfig.
function validate(schema: NonNullable<PolicyInfo["configSchema"]>, props: Record<string, unknown>): string[] {
    const errs: string[] = [];
    for (const req of schema.required) if (!(req in props)) errs.push(`${req} is required`);
    const typeOf = (v: unknown): string[] =>
        v === null ? ["null"] : Array.isArray(v) ? ["array"]
            : typeof v === "number" ? (Number.isInteger(v) ? ["number", "integer"] : ["number"]) : [typeof v];
    for (const [k, v] of Object.entries(props)) {
        const s = schema.properties[k];
        if (!s) continue;
        const want = s["type"] === undefined ? [] : ([] as unknown[]).concat(s["type"]);
        if (want.length && !typeOf(v).some(t => want.includes(t))) {
            errs.push(`${k}: Invalid type. Expected: ${want.join(", ")}, given: ${typeOf(v)[0]}`);
        }
        const en = s["enum"];
        if (Array.isArray(en) && !en.some(e => JSON.stringify(e) === JSON.stringify(v))) {
            errs.push(`${k}: ${k} must be one of the following: ${en.map(e => JSON.stringify(e)).join(", ")}`);
        }
    }
    return errs;
}

function reconcile(info: AnalyzerInfo, file: RawConfig): Record<string, PolicyConfig> {
    const result: RawConfig = {};
    for (const p of info.policies) { // createConfigWithDefaults
        let props: Record<string, unknown> | undefined;
        for (const [k, s] of Object.entries(p.configSchema?.properties ?? {})) {
            if ("default" in s) (props ??= {})[k] = s["default"];
        }
        result[p.name] = { enforcementLevel: p.enforcementLevel, properties: props };
    }
    applyConfig(result, info.initialConfig);
    applyConfig(result, file);

    const errors: string[] = [];
    for (const p of info.policies) { // validatePolicyPackConfig
        const schema = p.configSchema ?? { properties: {}, required: [] };
        for (const e of validate(schema, result[p.name]?.properties ?? {})) errors.push(`${p.name}: ${e}`);
    }
    if (errors.length) {
        throw new Error(errors.sort().map(e => `validating policy config: ${info.name} ${info.version}  ${e}`).join("\n"));
    }
    const out: Record<string, PolicyConfig> = {};
    for (const [k, v] of Object.entries(result)) {
        // Analyzer.Configure rejects entries without a valid level (e.g. a typo'd policy name with only props).
        if (!isLevel(v.enforcementLevel)) throw new Error(`invalid enforcement level "${v.enforcementLevel ?? ""}"`);
        out[k] = { enforcementLevel: v.enforcementLevel, properties: v.properties ?? {} };
    }
    return out;
}

// ---- process + client ----

function unary<Req, Res>(
    call: (req: Req, cb: (err: grpcTypes.ServiceError | null, res: Res) => void) => unknown,
    req: Req,
    describe: (err: Error) => Error,
): Promise<Res> {
    return new Promise((resolve, reject) => {
        call(req, (err, res) => (err ? reject(describe(err)) : resolve(res)));
    });
}

/**
 * Starts a policy pack like the CLI: `node <run-policy-pack> <engine-address> .` with cwd = dir; the port is the
 * first stdout line. (The pre-language-host shim passed "."; pulumi-language-nodejs RunPlugin passes the absolute
 * pack dir, same effect. run-policy-pack ignores the engine address.)
 */
export async function startPack(dir: string, options: StartOptions = {}): Promise<PackHandle> {
    const packDir = path.resolve(dir);
    const script = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", {
        paths: [options.nodeModules ? path.resolve(options.nodeModules) : packDir],
    });
    let stderr = "";
    let stdout = "";
    let exited: string | undefined;

    const t0 = performance.now();
    const child: ChildProcess = spawn(process.execPath, [script, "127.0.0.1:0", "."], {
        cwd: packDir,
        env: { ...process.env, ...options.env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const exitPromise = new Promise<void>(resolve => child.once("exit", (code, signal) => {
        exited = `exited (code ${code}, signal ${signal})`;
        resolve();
    }));

    const port = await new Promise<number>((resolve, reject) => {
        let buf = "";
        let done = false;
        const finish = (err?: Error, p?: number) => {
            if (done) return;
            done = true;
            clearTimeout(timer);
            if (err) {
                child.kill("SIGKILL");
                reject(err);
            } else resolve(p!);
        };
        const timer = setTimeout(() => finish(new Error(
            `policy pack at ${packDir} printed no port within ${options.timeoutMs ?? 60000} ms; stderr:\n${stderr}`)),
            options.timeoutMs ?? 60000);
        child.stdout!.setEncoding("utf8").on("data", (d: string) => {
            if (done) { stdout += d; return; }
            buf += d;
            const nl = buf.indexOf("\n");
            if (nl < 0) return;
            stdout += buf.slice(nl + 1);
            const line = buf.slice(0, nl).trim();
            const p = Number(line);
            if (Number.isInteger(p) && p > 0) finish(undefined, p);
            else finish(new Error(`policy pack at ${packDir}: first stdout line is not a port: ${JSON.stringify(line)}; stderr:\n${stderr}`));
        });
        child.once("error", e => finish(new Error(`failed to spawn policy pack at ${packDir}: ${e.message}`)));
        // "close" (not "exit") so that all of stderr has been read.
        child.once("close", (code, signal) => finish(new Error(
            `policy pack at ${packDir} exited (code ${code}, signal ${signal}) before printing its port; stderr:\n${stderr}`)));
    });
    const startupMs = performance.now() - t0;

    const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
        "grpc.max_receive_message_length": 400 * 1024 * 1024,
        "grpc.max_send_message_length": 400 * 1024 * 1024,
    });
    const describe = (what: string) => (err: Error): Error => {
        const e = new Error(`${what} failed: ${err.message}` +
            (exited ? `\npolicy pack ${exited}; stderr:\n${stderr}` : ""));
        (e as Error & { cause?: unknown }).cause = err;
        return e;
    };

    let cachedInfo: AnalyzerInfo | undefined;
    const handle: PackHandle = {
        port,
        pid: child.pid!,
        startupMs,
        stderr: () => stderr,
        stdout: () => stdout,

        async stop() {
            client.close();
            if (exited) return;
            child.kill("SIGTERM");
            const t = setTimeout(() => child.kill("SIGKILL"), 2000);
            await exitPromise;
            clearTimeout(t);
        },

        async getAnalyzerInfo() {
            const res = await unary<Empty, apb.AnalyzerInfo>((r, cb) => client.getAnalyzerInfo(r, cb), new Empty(),
                describe("GetAnalyzerInfo"));
            const initialConfig: Record<string, PolicyConfig> = {};
            res.getInitialconfigMap().forEach((v, k) => {
                initialConfig[k] = {
                    enforcementLevel: levelFromProto(v.getEnforcementlevel()),
                    properties: fromStruct(v.getProperties()) ?? {},
                };
            });
            cachedInfo = {
                name: res.getName(),
                displayName: res.getDisplayname(),
                version: res.getVersion(),
                supportsConfig: res.getSupportsconfig(),
                description: res.getDescription(),
                readme: res.getReadme(),
                provider: res.getProvider(),
                tags: res.getTagsList(),
                repository: res.getRepository(),
                policies: res.getPoliciesList().map(policyFromProto),
                initialConfig,
            };
            return cachedInfo;
        },

        async getPluginInfo() {
            const res = await unary<Empty, PluginInfo>((r, cb) => client.getPluginInfo(r, cb), new Empty(), describe("GetPluginInfo"));
            return { version: res.getVersion() };
        },

        // analyzer_plugin.go Configure: no call for an empty config; every entry needs a valid level;
        // properties always set (structpb.NewStruct of a nil map is an empty Struct).
        async configure(config) {
            if (Object.keys(config).length === 0) return;
            const req = new apb.ConfigureAnalyzerRequest();
            const map = req.getPolicyconfigMap();
            for (const [k, { enforcementLevel, ...props }] of Object.entries(config)) {
                const pc = new apb.PolicyConfig();
                pc.setEnforcementlevel(levelToProto(enforcementLevel));
                pc.setProperties(toStruct(props, false));
                map.set(k, pc);
            }
            await unary<apb.ConfigureAnalyzerRequest, Empty>((r, cb) => client.configure(r, cb), req, describe("Configure"));
        },

        async configureLikeCli(overrides) {
            const info = await handle.getAnalyzerInfo();
            if (!info.supportsConfig) {
                if (overrides) throw new Error(`policy pack "${info.name}" does not support config`);
                return undefined;
            }
            const config = reconcile(info, parsePolicyPackConfig(overrides ?? {}));
            const flat: Record<string, ConfigEntry> = {};
            for (const [k, v] of Object.entries(config)) flat[k] = { ...v.properties, enforcementLevel: v.enforcementLevel };
            await handle.configure(flat);
            return config;
        },

        async configureStack(cfg) {
            const req = new apb.AnalyzerStackConfigureRequest();
            req.setStack(cfg.stack ?? "dev");
            req.setProject(cfg.project ?? "demo");
            req.setOrganization(cfg.organization ?? "organization");
            req.setDryRun(cfg.dryRun ?? true);
            for (const [k, v] of Object.entries(cfg.tags ?? {})) req.getTagsMap().set(k, v);
            for (const [k, v] of Object.entries(cfg.config ?? {})) req.getConfigMap().set(k, v);
            await unary<apb.AnalyzerStackConfigureRequest, apb.AnalyzerStackConfigureResponse>((r, cb) => client.configureStack(r, cb), req,
                describe("ConfigureStack"));
        },

        async analyze(resource) {
            const res = await unary<apb.AnalyzeRequest, apb.AnalyzeResponse>((r, cb) => client.analyze(r, cb),
                makeRequest(resource, true), describe(`Analyze(${resource.type})`));
            return analyzeResult(res);
        },

        async analyzeStack(resources) {
            const req = new apb.AnalyzeStackRequest();
            req.setResourcesList(resources.map(makeStackResource));
            const res = await unary<apb.AnalyzeStackRequest, apb.AnalyzeResponse>((r, cb) => client.analyzeStack(r, cb), req,
                describe("AnalyzeStack"));
            return analyzeResult(res);
        },

        async remediate(resource) {
            const res = await unary<apb.AnalyzeRequest, apb.RemediateResponse>((r, cb) => client.remediate(r, cb),
                makeRequest(resource, false), describe(`Remediate(${resource.type})`));
            return {
                remediations: res.getRemediationsList().map(r => ({
                    policyName: r.getPolicyname(),
                    policyPackName: r.getPolicypackname(),
                    policyPackVersion: r.getPolicypackversion(),
                    description: r.getDescription(),
                    properties: fromStruct(r.getProperties()),
                    diagnostic: r.getDiagnostic(),
                })),
                notApplicable: notApplicableFromProto(res.getNotApplicableList()),
            };
        },
    };

    // convertDiagnostics: an unspecified severity falls back to the policy's severity from GetAnalyzerInfo.
    async function analyzeResult(res: apb.AnalyzeResponse): Promise<AnalyzeResult> {
        const diagnostics: Diagnostic[] = [];
        for (const d of res.getDiagnosticsList()) {
            let severity = SEVERITIES[d.getSeverity()] ?? "";
            if (severity === "") {
                const info = cachedInfo ?? await handle.getAnalyzerInfo();
                severity = info.policies.find(p => p.name === d.getPolicyname())?.severity ?? "";
            }
            diagnostics.push({
                policyName: d.getPolicyname(),
                policyPackName: d.getPolicypackname(),
                policyPackVersion: d.getPolicypackversion(),
                description: d.getDescription(),
                message: d.getMessage(),
                enforcementLevel: levelFromProto(d.getEnforcementlevel()),
                urn: d.getUrn(),
                severity,
            });
        }
        return { diagnostics, notApplicable: notApplicableFromProto(res.getNotApplicableList()) };
    }

    return handle;
}
