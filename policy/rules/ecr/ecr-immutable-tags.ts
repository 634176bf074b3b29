// A pushed tag always names the same image (#version-tags).
import type { Finding, ResourceRule } from "../rule";
import { isKnown, quote } from "../support";

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
        if (!isKnown(value, out)) return out;
        if (value === "IMMUTABLE") return out;
        if (value === "IMMUTABLE_WITH_EXCLUSION" && config.allowExclusionFilters) {
            const filters = resource.repository!.mutableTagFilters;
            if (!isKnown(filters, out)) return out;
            const everyTag = (filters ?? []).find((f) => /^\*+$/.test(f.trim()));
            if (everyTag !== undefined) {
                out.push({ path: resource.repository!.paths.mutableTagFilters, message: `The exclusion filter ${quote(everyTag)} keeps every tag mutable. Name only the tags that may move (e.g. 'latest'), or set imageTagMutability to 'IMMUTABLE'.` });
            }
            return out;
        }
        const now = value === undefined ? "is unset (MUTABLE)" : `is ${quote(value)}`;
        const hint = value === "IMMUTABLE_WITH_EXCLUSION" ? " (exclusion filters are not allowed by this pack's config)" : "";
        out.push({ path: resource.repository!.paths.tagMutability, message: `imageTagMutability ${now}${hint}, so a tag can be moved to another image. Set imageTagMutability to 'IMMUTABLE'.` });
        return out;
    },
    remediate: () => [{ set: "tagMutability", value: "IMMUTABLE" }],
};
