// Container Insights is on (Security Hub ECS.12).
import type { Finding, ResourceRule } from "../rule";
import { isKnown, quote } from "../support";

export const containerInsights: ResourceRule = {
    kind: "resource",
    name: "ecs-cluster-container-insights",
    description: "Container Insights is on for the cluster (`enabled` or `enhanced`).",
    level: "advisory",
    severity: "low",
    source: { controls: ["Security Hub ECS.12", "Checkov CKV_AWS_65", "cdk-nag ECS4"], url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-12" },
    appliesTo: ["cluster"],
    scope: "cluster",
    remediationSteps: "Add the cluster setting `{ name: \"containerInsights\", value: \"enabled\" }` (the remediation does this).",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        const { containerInsights: value, paths } = resource.cluster!;
        if (isKnown(value, out) && value !== "enabled" && value !== "enhanced") {
            out.push({ path: paths.containerInsights, message: `Container Insights is ${value === undefined ? "off" : quote(value)} for this cluster. Add the setting containerInsights = 'enabled' to ${paths.containerInsights}.` });
        }
        return out;
    },
    remediate: () => [{ set: "containerInsights", value: "enabled" }],
};
