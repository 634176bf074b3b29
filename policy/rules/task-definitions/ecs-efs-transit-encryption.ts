// EFS volumes encrypt data in transit (Checkov CKV_AWS_97, Security Hub ECS.18).
import type { Finding, ResourceRule } from "../rule";
import { isKnown, quote } from "../support";

export const efsTransitEncryption: ResourceRule = {
    kind: "resource",
    name: "ecs-efs-transit-encryption",
    description: "Every EFS volume encrypts data in transit (`transitEncryption: ENABLED`).",
    level: "mandatory",
    severity: "high",
    source: { controls: ["Checkov CKV_AWS_97", "AWS Config ecs-task-definition-efs-encryption-enabled"], url: "https://docs.aws.amazon.com/config/latest/developerguide/ecs-task-definition-efs-encryption-enabled.html" },
    appliesTo: ["taskDefinition"],
    scope: "task definition volumes",
    remediationSteps: "Set `efsVolumeConfiguration.transitEncryption: \"ENABLED\"` on every EFS volume.",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        const volumes = resource.task!.efsVolumes;
        if (!isKnown(volumes, out)) return out;
        for (const v of volumes ?? []) {
            if (isKnown(v.transitEncryption, out) && v.transitEncryption !== "ENABLED") {
                out.push({ path: v.path, message: `EFS volume ${quote(v.name)} does not encrypt data in transit. Set efsVolumeConfiguration.transitEncryption to 'ENABLED'.` });
            }
        }
        return out;
    },
};
