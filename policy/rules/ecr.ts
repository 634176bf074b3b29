// Rules on ECR repositories, creation templates, repository policies and lifecycle policies.
import { Finding, ResourceRule, StackFinding, StackRule, notApplicable, q, readable } from "./rule";

export const immutableTags: ResourceRule<{ allowExclusionFilters: boolean }> = {
    kind: "resource",
    name: "ecr-immutable-tags",
    description: "The repository's image tags are immutable (`imageTagMutability: IMMUTABLE`).",
    level: "mandatory",
    severity: "high",
    source: { guide: ["version-tags"] },
    appliesTo: ["repository", "repositoryCreationTemplate"],
    scope: "repository, repository creation template",
    remediationSteps: "Set `imageTagMutability: \"IMMUTABLE\"` (the remediation does this) so a pushed tag always names the same image.",
    config: {
        allowExclusionFilters: { type: "boolean", default: false, description: "Accept IMMUTABLE_WITH_EXCLUSION (some tags stay mutable)." },
    },
    check(resource, config) {
        const out: Finding[] = [];
        const value = resource.repository!.tagMutability;
        if (!readable(value, "imageTagMutability", out)) return out;
        if (value === "IMMUTABLE") return out;
        if (value === "IMMUTABLE_WITH_EXCLUSION" && config.allowExclusionFilters) {
            const filters = resource.repository!.mutableTagFilters;
            if (!readable(filters, "imageTagMutabilityExclusionFilters", out)) return out;
            const everyTag = (filters ?? []).find((f) => /^\*+$/.test(f.trim()));
            if (everyTag !== undefined) {
                out.push({ message: `The exclusion filter ${q(everyTag)} keeps every tag mutable. Name only the tags that may move (e.g. 'latest'), or set imageTagMutability to 'IMMUTABLE'.` });
            }
            return out;
        }
        const now = value === undefined ? "is unset (MUTABLE)" : `is ${q(value)}`;
        const hint = value === "IMMUTABLE_WITH_EXCLUSION" ? " (exclusion filters are not allowed by this pack's config)" : "";
        out.push({ message: `imageTagMutability ${now}${hint}, so a tag can be moved to another image. Set imageTagMutability to 'IMMUTABLE'.` });
        return out;
    },
    remediate(props, _resource, config) {
        const value = props.imageTagMutability;
        if (value === "IMMUTABLE" || (value === "IMMUTABLE_WITH_EXCLUSION" && config.allowExclusionFilters)) return undefined;
        const { imageTagMutabilityExclusionFilters: _filters, ...rest } = props;
        return { ...rest, imageTagMutability: "IMMUTABLE" };
    },
};

export const scanOnPush: ResourceRule = {
    kind: "resource",
    name: "ecr-scan-on-push",
    description: "Images are scanned for vulnerabilities when pushed.",
    level: "advisory",
    severity: "medium",
    source: { controls: ["Security Hub ECR.1", "Checkov CKV_AWS_163"], url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-1" },
    appliesTo: ["repository"],
    scope: "repository",
    remediationSteps: "Set `imageScanningConfiguration.scanOnPush: true` (the remediation does this), or enable registry-level enhanced scanning.",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        const value = resource.repository!.scanOnPush;
        if (readable(value, "imageScanningConfiguration.scanOnPush", out) && value !== true) {
            out.push({ message: "Images are not scanned on push. Set imageScanningConfiguration.scanOnPush to true." });
        }
        return out;
    },
    remediate(props) {
        const scanning = props.imageScanningConfiguration;
        if (scanning && typeof scanning === "object" && (scanning as { scanOnPush?: unknown }).scanOnPush === true) return undefined;
        return { ...props, imageScanningConfiguration: { ...(typeof scanning === "object" && scanning ? scanning : {}), scanOnPush: true } };
    },
};

export const kmsEncryption: ResourceRule = {
    kind: "resource",
    name: "ecr-kms-encryption",
    description: "The repository is encrypted with KMS (`KMS` or `KMS_DSSE`), not the default AES256.",
    level: "advisory",
    severity: "low",
    source: { controls: ["Checkov CKV_AWS_136"], url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html" },
    appliesTo: ["repository"],
    scope: "repository",
    remediationSteps: "Set `encryptionConfigurations: [{ encryptionType: \"KMS\", kmsKey: <key ARN> }]`.",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        const value = resource.repository!.encryptionType;
        if (readable(value, "encryptionConfigurations", out) && value !== "KMS" && value !== "KMS_DSSE") {
            out.push({ message: `The repository is encrypted with ${value === undefined ? "the default AES256" : q(value)}, not KMS. Set encryptionConfigurations with encryptionType 'KMS'.` });
        }
        return out;
    },
};

export const noPublicAccess: ResourceRule = {
    kind: "resource",
    name: "ecr-no-public-access",
    description: "No repository policy statement allows everyone (`Principal: \"*\"`) without a Condition.",
    level: "mandatory",
    severity: "critical",
    source: { controls: ["cdk-nag ECR1", "Checkov CKV_AWS_32"], url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html" },
    appliesTo: ["repositoryPolicy", "repository"],
    scope: "repository policy (aws-native: a repository's inline repositoryPolicyText)",
    remediationSteps: "Name the accounts or roles that may pull (`Principal: { AWS: [...] }`), or add a Condition such as `aws:PrincipalOrgID`.",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        if (!resource.repositoryPolicy) return notApplicable("the repository has no inline policy");
        const statements = resource.repositoryPolicy.statements;
        if (!readable(statements, "policy", out)) return out;
        (statements ?? []).forEach((s, i) => {
            if (s.effect.toLowerCase() !== "allow" || !s.principalIsEveryone) return;
            const which = s.sid ? `statement ${q(s.sid)}` : `statement #${i + 1}`;
            if (s.notPrincipal) {
                out.push({ message: `Repository policy ${which} allows everyone except the principals in NotPrincipal. Replace NotPrincipal with the principals that need access.` });
            } else if (!s.hasCondition) {
                out.push({ message: `Repository policy ${which} allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID.` });
            }
        });
        return out;
    },
};

export const lifecyclePolicy: StackRule = {
    kind: "stack",
    name: "ecr-lifecycle-policy",
    description: "Each repository has a lifecycle policy that expires old images.",
    level: "advisory",
    severity: "low",
    source: { controls: ["Security Hub ECR.3"], url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-3" },
    appliesTo: ["repository"],
    scope: "stack: repositories and lifecycle policies",
    remediationSteps: "Add an `aws.ecr.LifecyclePolicy` for the repository (e.g. keep the last 100 images, expire untagged after 14 days).",
    config: {},
    check(resources) {
        const policies = resources.filter((r) => r.model.kind === "lifecyclePolicy");
        const findings: StackFinding[] = [];
        for (const r of resources) {
            const repo = r.model.repository;
            if (r.model.kind !== "repository" || !repo) continue;
            if (repo.inlineLifecyclePolicy === true) continue;
            const covered = policies.some((p) =>
                (p.propertyDependencies.repository ?? []).includes(r.model.urn) ||
                (typeof repo.repositoryName === "string" && p.model.lifecyclePolicy?.repository === repo.repositoryName));
            if (!covered) {
                findings.push({ urn: r.model.urn, message: `Repository ${q(r.model.name)} has no lifecycle policy, so old images pile up. Add an aws.ecr.LifecyclePolicy for it.` });
            }
        }
        return findings;
    },
};
