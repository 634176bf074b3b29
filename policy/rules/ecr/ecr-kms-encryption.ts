// Repositories are encrypted with KMS (Checkov CKV_AWS_136).
import type { Finding, ResourceRule } from "../rule";
import { isKnown, quote } from "../support";

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
        const { encryptionType: value, paths } = resource.repository!;
        if (isKnown(value, out) && value !== "KMS" && value !== "KMS_DSSE") {
            out.push({ path: paths.encryptionType, message: `The repository is encrypted with ${value === undefined ? "the default AES256" : quote(value)}, not KMS. Set ${paths.encryptionType} with encryptionType 'KMS'.` });
        }
        return out;
    },
};
