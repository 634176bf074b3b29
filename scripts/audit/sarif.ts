// SARIF 2.1.0 for code scanning (GitHub's upload-sarif reads it): one rule per policy, one result per finding,
// located by the resource's URN (a logical location) in the stack's project file (a physical location).
import { createHash } from "crypto";
import type { Finding, Level } from "./findings";

const guideUrl = "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/application.html";

/** What SARIF needs to know of a policy: its pack's metadata. */
export interface PolicyMetadata {
    name: string;
    description: string;
    enforcementLevel: string;
    severity?: string;
    remediationSteps?: string;
    url?: string;
    tags?: string[];
}

export interface SarifOptions {
    toolName: string;
    toolVersion: string;
    /** Absolute URI of docs/policies.md; a policy's help is `<docsUrl>#<policy>`, else the policy's own `url`. */
    docsUrl?: string;
    /** The file results are reported in, relative to the repository root (e.g. the stack's Pulumi.yaml). */
    artifact: string;
    policies: PolicyMetadata[];
}

const sarifLevel: Record<Level, "error" | "warning"> = { mandatory: "error", remediate: "warning", advisory: "warning" };

/** GitHub's `security-severity` scores (it shows critical >= 9, high >= 7, medium >= 4, low below). */
const securitySeverity: Record<string, string> = { critical: "9.5", high: "7.5", medium: "5.0", low: "2.0" };

function levelOfPolicy(level: string): "error" | "warning" | "none" {
    if (level === "mandatory") return "error";
    if (level === "disabled") return "none";
    return "warning";
}

export function toSarif(findings: Finding[], options: SarifOptions): object {
    const known = new Map(options.policies.map((p) => [p.name, p]));
    const ids = [...new Set([...options.policies.map((p) => p.name), ...findings.map((f) => f.policy)])];
    const rules = ids.map((id) => {
        const p = known.get(id);
        const description = p?.description ?? id;
        const help = [description, p?.remediationSteps].filter(Boolean).join("\n\n");
        return {
            id,
            name: id,
            shortDescription: { text: description },
            fullDescription: { text: description },
            helpUri: options.docsUrl ? `${options.docsUrl}#${id}` : p?.url,
            help: { text: help, markdown: `${help}\n\nSee [${id}](${options.docsUrl}#${id}).` },
            defaultConfiguration: { level: levelOfPolicy(p?.enforcementLevel ?? "advisory") },
            properties: {
                tags: ["security", "pulumi", "policy", ...(p?.tags ?? [])],
                ...(p?.severity && securitySeverity[p.severity] ? { "security-severity": securitySeverity[p.severity] } : {}),
            },
        };
    });
    const index = new Map(ids.map((id, i) => [id, i]));
    const results = findings.map((f) => ({
        ruleId: f.policy,
        ruleIndex: index.get(f.policy)!,
        level: sarifLevel[f.level],
        message: { text: `${f.type} '${f.name}': ${detailOf(f.message)}` },
        locations: [{
            physicalLocation: { artifactLocation: { uri: options.artifact }, region: { startLine: 1 } },
            logicalLocations: logicalLocationsOf(f),
        }],
        partialFingerprints: { "ecsGuardrailsFinding/v1": createHash("sha256").update(`${f.policy}\n${f.urn}\n${f.message}`).digest("hex") },
        properties: { urn: f.urn, resourceType: f.type, enforcementLevel: f.level, policyPack: `${f.pack}@${f.packVersion}` },
    }));
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [{
            tool: { driver: { name: options.toolName, version: options.toolVersion, informationUri: options.docsUrl ?? guideUrl, rules } },
            results,
            columnKind: "utf16CodeUnits",
        }],
    };
}

/** The resource, and the property the finding is about when the pack named it. */
function logicalLocationsOf(f: Finding) {
    const resource = { name: f.name, fullyQualifiedName: f.urn, kind: "resource" };
    const path = propertyOf(f.message);
    return path ? [resource, { name: path, fullyQualifiedName: `${f.urn}.${path}`, kind: "property", parentIndex: 0 }] : [resource];
}

const propertyLine = /\nProperty: ([^\n]*)$/;

/**
 * A policy event's message is "<description>\n<what is wrong and how to fix it>" and, from this pack, a last line
 * "Property: <path>": the middle part.
 */
export function detailOf(message: string): string {
    const text = message.replace(propertyLine, "");
    const i = text.indexOf("\n");
    return i >= 0 && text.slice(i + 1).trim() !== "" ? text.slice(i + 1).trim() : text.trim();
}

/** The property path a finding's message names on its last line. */
export function propertyOf(message: string): string | undefined {
    return propertyLine.exec(message)?.[1];
}
