// The service has a network configuration with a security group (#awsvpc-network-mode).
import type { Finding, ResourceRule } from "../rule";
import { isKnown, networkNotApplicable, serviceKinds } from "../support";

export const serviceSecurityGroup: ResourceRule = {
    kind: "resource",
    name: "ecs-service-security-group",
    description: "The service has a network configuration with at least one security group.",
    level: "mandatory",
    severity: "high",
    source: { guide: ["awsvpc-network-mode"] },
    appliesTo: serviceKinds,
    scope: "service, task set, Express Gateway Service",
    remediationSteps: "Set `networkConfiguration.securityGroups` to a security group created for this service.",
    config: {},
    check(resource) {
        const skip = networkNotApplicable(resource);
        if (skip) return skip;
        const svc = resource.service!;
        const out: Finding[] = [];
        if (!isKnown(svc.hasNetworkConfiguration, out)) return out;
        const network = svc.paths.networkConfiguration;
        if (!svc.hasNetworkConfiguration) {
            return [{ path: network, message: `The service has no ${network}, so its tasks get no security group of their own. Set ${network} with subnets and a security group for this service.` }];
        }
        if (!isKnown(svc.securityGroups, out)) return out;
        if ((svc.securityGroups ?? []).length === 0) {
            out.push({ path: svc.paths.securityGroups, message: `The service's ${network} has no security group, so its tasks get the VPC's default group. Add a security group created for this service.` });
        }
        return out;
    },
};
