// Tasks get no public IP address (Security Hub ECS.2, ECS.16).
import type { Finding, ResourceRule } from "../rule";
import { notApplicable } from "../rule";
import { isKnown, serviceKinds } from "../support";

export const noPublicIp: ResourceRule = {
    kind: "resource",
    name: "ecs-no-public-ip",
    description: "Tasks get no public IP address (`assignPublicIp` is not true).",
    level: "mandatory",
    severity: "high",
    source: { controls: ["Security Hub ECS.2", "Checkov CKV_AWS_333"], url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2" },
    appliesTo: serviceKinds,
    scope: "service, task set",
    remediationSteps: "Set `assignPublicIp: false`, run tasks in private subnets and reach them through a load balancer.",
    config: {},
    check(resource) {
        if (resource.kind === "expressService") return notApplicable("the Express Gateway Service has no assignPublicIp");
        const out: Finding[] = [];
        const svc = resource.service!;
        if (isKnown(svc.assignPublicIp, out) && svc.assignPublicIp === true) {
            out.push({ path: svc.paths.assignPublicIp, message: `Tasks get a public IP address (${svc.paths.assignPublicIp} turns it on). Turn it off, use private subnets and a load balancer.` });
        }
        return out;
    },
};
