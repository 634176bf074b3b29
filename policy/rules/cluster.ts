// Rules on clusters.
import { applyEdit } from "../model";
import { Finding, ResourceRule, q, readable } from "./rule";

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
        const value = resource.cluster!.containerInsights;
        if (readable(value, "settings containerInsights", out) && value !== "enabled" && value !== "enhanced") {
            out.push({ message: `Container Insights is ${value === undefined ? "off" : q(value)} for this cluster. Add the setting containerInsights = 'enabled'.` });
        }
        return out;
    },
    remediate(props, resource) {
        const insights = resource.cluster!.containerInsights;
        if (insights === "enabled" || insights === "enhanced") return undefined;
        return applyEdit(resource.type, props, { set: "containerInsights", value: "enabled" });
    },
};

export const execAuditLogging: ResourceRule = {
    kind: "resource",
    name: "ecs-exec-audit-logging",
    description: "ECS Exec sessions are logged: an `executeCommandConfiguration` does not set logging `NONE`.",
    level: "advisory",
    severity: "medium",
    source: { controls: ["Checkov CKV_AWS_223", "Checkov CKV_AWS_224"], url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html" },
    appliesTo: ["cluster"],
    scope: "cluster",
    remediationSteps: "Set `configuration.executeCommandConfiguration.logging` to `DEFAULT` or `OVERRIDE` with a log group.",
    config: {},
    check(resource) {
        const out: Finding[] = [];
        const value = resource.cluster!.execLogging;
        if (readable(value, "configuration.executeCommandConfiguration.logging", out) && value === "NONE") {
            out.push({ message: "ECS Exec sessions are not logged (executeCommandConfiguration.logging is 'NONE'). Set logging to 'DEFAULT' or 'OVERRIDE' with a log group." });
        }
        return out;
    },
};
