// Images are scanned when pushed (Security Hub ECR.1): by the repository's scanOnPush, or by registry-level scanning.
import type { ResourceModel } from "../../model";
import { isNotKnownYet, isUnreadable } from "../../model";
import type { StackEntry, StackFinding, StackRule } from "../rule";
import { notKnownYet, quote, wildcardMatches } from "../support";

type Config = { registryScanningFilters: string[] };

/** The scan frequencies that scan a repository's images (`MANUAL` does not). */
const scanningFrequencies = new Set(["SCAN_ON_PUSH", "CONTINUOUS_SCAN"]);

/** True when the platform team's registry configuration (config `registryScanningFilters`) covers the repository. */
function coveredByConfig(model: ResourceModel, config: Config): boolean {
    const name = model.repository?.repositoryName;
    return typeof name === "string" && config.registryScanningFilters.some((f) => wildcardMatches(f, name));
}

/** How the registry scanning configurations of the stack treat one repository. */
function registryCoverage(name: string, configurations: StackEntry[]): { covered: boolean; enhanced?: StackEntry; notKnownYet?: string } {
    let enhanced: StackEntry | undefined;
    let waiting: string | undefined;
    for (const entry of configurations) {
        const scanning = entry.model.registryScanning!;
        if (isNotKnownYet(scanning.scanType)) waiting ??= scanning.scanType.path;
        if (scanning.scanType === "ENHANCED") enhanced ??= entry;
        if (isUnreadable(scanning.rules)) {
            if (isNotKnownYet(scanning.rules)) waiting ??= scanning.rules.path;
            continue;
        }
        for (const rule of scanning.rules ?? []) {
            if (isNotKnownYet(rule.scanFrequency)) waiting ??= rule.scanFrequency.path;
            if (isNotKnownYet(rule.filters)) waiting ??= rule.filters.path;
            if (typeof rule.scanFrequency !== "string" || !scanningFrequencies.has(rule.scanFrequency) || !Array.isArray(rule.filters)) continue;
            if (rule.filters.some((f) => wildcardMatches(f, name))) return { covered: true };
        }
    }
    return { covered: false, enhanced, notKnownYet: waiting };
}

export const scanOnPush: StackRule<Config> = {
    kind: "stack",
    name: "ecr-scan-on-push",
    description: "Images are scanned for vulnerabilities when pushed: by the repository's scanOnPush, or by registry-level scanning that covers it.",
    level: "advisory",
    severity: "medium",
    source: { controls: ["Security Hub ECR.1", "Checkov CKV_AWS_163"], url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-1" },
    appliesTo: ["repository"],
    scope: "stack: repositories and registry scanning configurations",
    remediationSteps: "Set `imageScanningConfiguration.scanOnPush: true` (the remediation does this), or cover the repository with a registry scanning rule (`SCAN_ON_PUSH` or `CONTINUOUS_SCAN`); under `ENHANCED` scanning only a matching rule scans it.",
    config: {
        registryScanningFilters: {
            type: "array", items: { type: "string" }, default: [],
            description: "Repository name wildcards (`*`) that the registry's scanning configuration, made outside the stack, covers with a SCAN_ON_PUSH or CONTINUOUS_SCAN rule.",
        },
    },
    check(resources, config) {
        const configurations = resources.filter((r) => r.model.kind === "registryScanningConfiguration");
        const findings: StackFinding[] = [];
        for (const { model } of resources) {
            if (model.kind !== "repository" || !model.repository) continue;
            const repo = model.repository;
            if (coveredByConfig(model, config)) continue;
            const name = repo.repositoryName;
            if (configurations.length > 0) {
                if (isUnreadable(name)) {
                    if (isNotKnownYet(name)) findings.push({ urn: model.urn, ...notKnownYet(name.path) });
                    continue;
                }
                const coverage = registryCoverage(name ?? "", configurations);
                if (coverage.covered) continue;
                if (coverage.notKnownYet) {
                    findings.push({ urn: model.urn, ...notKnownYet(coverage.notKnownYet) });
                    continue;
                }
                if (coverage.enhanced) {
                    findings.push({
                        urn: model.urn,
                        path: repo.paths.repositoryName,
                        message: `Registry scanning is ENHANCED (${quote(coverage.enhanced.model.name)}) and none of its rules match repository ${quote(name ?? model.name)}, so its images are not scanned whatever its scanOnPush. Add a SCAN_ON_PUSH or CONTINUOUS_SCAN rule whose repositoryFilters match it.`,
                    });
                    continue;
                }
            }
            const value = repo.scanOnPush;
            if (isNotKnownYet(value)) findings.push({ urn: model.urn, ...notKnownYet(value.path) });
            else if (!isUnreadable(value) && value !== true) {
                findings.push({ urn: model.urn, path: repo.paths.scanOnPush, message: "Images are not scanned on push. Set imageScanningConfiguration.scanOnPush to true." });
            }
        }
        return findings;
    },
    // Where nothing covers the repository (the stack rule found it so), scanning on push is turned on.
    remediate: () => [{ set: "scanOnPush", value: true }],
};
