// Images are scanned when pushed (Security Hub ECR.1).
import type { Finding, ResourceRule } from "../rule";
import { isKnown } from "../support";

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
        if (isKnown(value, out) && value !== true) {
            out.push({ path: resource.repository!.paths.scanOnPush, message: "Images are not scanned on push. Set imageScanningConfiguration.scanOnPush to true." });
        }
        return out;
    },
    remediate: () => [{ set: "scanOnPush", value: true }],
};
