// No repository policy lets everyone in (cdk-nag ECR1).
import type { Finding, ResourceRule } from "../rule";
import { notApplicable } from "../rule";
import { isKnown, quote } from "../support";

export const noPublicAccess: ResourceRule = {
    kind: "resource",
    name: "ecr-no-public-access",
    description: "No repository policy statement allows everyone (`Principal: \"*\"`) without a Condition.",
    level: "mandatory",
    severity: "critical",
    source: { controls: ["cdk-nag ECR1", "Checkov CKV_AWS_32"], url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html" },
    appliesTo: ["repositoryPolicy", "repository", "repositoryCreationTemplate"],
    scope: "repository policy (aws-native: a repository's inline repositoryPolicyText; a creation template's repositoryPolicy)",
    remediationSteps: "Name the accounts or roles that may pull (`Principal: { AWS: [...] }`), or add a Condition such as `aws:PrincipalOrgID`.",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        if (!resource.repositoryPolicy) return notApplicable("the repository has no inline policy");
        const statements = resource.repositoryPolicy.statements;
        if (!isKnown(statements, out)) return out;
        (statements ?? []).forEach((s, i) => {
            if (s.effect.toLowerCase() !== "allow" || !s.principalIsEveryone) return;
            const which = s.sid ? `statement ${quote(s.sid)}` : `statement #${i + 1}`;
            if (s.notPrincipal) {
                out.push({ path: s.path, message: `Repository policy ${which} allows everyone except the principals in NotPrincipal. Replace NotPrincipal with the principals that need access.` });
            } else if (!s.hasCondition) {
                out.push({ path: s.path, message: `Repository policy ${which} allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID.` });
            }
        });
        return out;
    },
};
