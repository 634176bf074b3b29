// Managed scaling never terminates instances that run tasks (Security Hub ECS.19).
import type { Finding, ResourceRule } from "../rule";
import { notApplicable } from "../rule";
import { isKnown, quote, securityHubUrl } from "../support";

export const capacityProviderTerminationProtection: ResourceRule = {
    kind: "resource",
    name: "ecs-capacity-provider-termination-protection",
    description: "An Auto Scaling group capacity provider with managed scaling enabled has managed termination protection enabled.",
    level: "advisory",
    severity: "medium",
    source: { controls: ["Security Hub ECS.19"], url: securityHubUrl("ecs-19") },
    appliesTo: ["capacityProvider"],
    scope: "capacity provider",
    remediationSteps: "Set `autoScalingGroupProvider.managedTerminationProtection: \"ENABLED\"` (and protect new instances from scale-in on the Auto Scaling group).",
    config: {},
    check(resource) {
        const cp = resource.capacityProvider!;
        const out: Finding[] = [];
        if (!isKnown(cp.autoScalingGroup, out)) return out;
        if (cp.autoScalingGroup !== true) return notApplicable("not an Auto Scaling group capacity provider");
        if (!isKnown(cp.managedScalingStatus, out)) return out;
        if (cp.managedScalingStatus !== "ENABLED") return notApplicable("managed scaling is not enabled, so termination protection cannot work");
        if (!isKnown(cp.managedTerminationProtection, out)) return out;
        if (cp.managedTerminationProtection !== "ENABLED") {
            const now = cp.managedTerminationProtection === undefined ? "is unset (DISABLED)" : `is ${quote(cp.managedTerminationProtection)}`;
            out.push({
                path: cp.paths.managedTerminationProtection,
                message: `Managed scaling is enabled but ${cp.paths.managedTerminationProtection} ${now}, so scale-in can terminate instances that run tasks. Set it to 'ENABLED'.`,
            });
        }
        return out;
    },
};
