// Old images expire (Security Hub ECR.3).
import type { StackFinding, StackRule } from "../rule";
import { quote } from "../support";

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
                // Where the shape holds a policy of its own (aws-native, CloudFormation), the fix is that property.
                const inline = repo.paths.lifecyclePolicy;
                const fix = inline !== undefined ? `Set ${inline} on it.` : "Add an aws.ecr.LifecyclePolicy for it.";
                findings.push({ urn: r.model.urn, path: inline ?? repo.paths.repositoryName, message: `Repository ${quote(r.model.name)} has no lifecycle policy, so old images pile up. ${fix}` });
            }
        }
        return findings;
    },
};
