// Repositories are encrypted with KMS (Checkov CKV_AWS_136), with a customer-managed key where required (Security Hub ECR.5).
import type { Finding, ResourceRule } from "../rule";
import { isKnown, quote } from "../support";

/** The AWS managed key of ECR (`alias/aws/ecr`, or any `alias/aws/...`), named by alias or alias ARN: not the customer's. */
function isAwsManagedKey(key: string): boolean {
    return /(^|:)alias\/aws\//i.test(key.trim());
}

export const kmsEncryption: ResourceRule<{ requireCustomerManagedKey: boolean }> = {
    kind: "resource",
    name: "ecr-kms-encryption",
    description: "The repository is encrypted with KMS (`KMS` or `KMS_DSSE`), not the default AES256; with `requireCustomerManagedKey`, with a customer-managed key.",
    level: "advisory",
    severity: "low",
    source: {
        controls: ["Checkov CKV_AWS_136", "Security Hub ECR.5", "AWS Config ecr-repository-cmk-encryption-enabled"],
        url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
    },
    appliesTo: ["repository"],
    scope: "repository",
    remediationSteps: "Set `encryptionConfigurations: [{ encryptionType: \"KMS\", kmsKey: <key ARN> }]`.",
    config: {
        requireCustomerManagedKey: { type: "boolean", default: false, description: "Also require a customer-managed `kmsKey` (Security Hub ECR.5); without one, ECR uses the AWS managed key." },
    },
    check(resource, config) {
        const out: Finding[] = [];
        const { encryptionType: value, kmsKey, paths } = resource.repository!;
        if (!isKnown(value, out)) return out;
        if (value !== "KMS" && value !== "KMS_DSSE") {
            out.push({ path: paths.encryptionType, message: `The repository is encrypted with ${value === undefined ? "the default AES256" : quote(value)}, not KMS. Set ${paths.encryptionType} with encryptionType 'KMS'.` });
            return out;
        }
        if (!config.requireCustomerManagedKey || !isKnown(kmsKey, out)) return out;
        if (kmsKey === undefined || isAwsManagedKey(kmsKey)) {
            const which = kmsKey === undefined ? "the AWS managed key (no kmsKey)" : `the AWS managed key ${quote(kmsKey)}`;
            out.push({ path: paths.kmsKey, message: `The repository is encrypted with ${which}, not a customer-managed key. Set ${paths.encryptionType} with a kmsKey: the ARN of a customer-managed KMS key.` });
        }
        return out;
    },
};
