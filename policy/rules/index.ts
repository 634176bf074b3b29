// Every rule of the pack, in the order the pack registers them.
import type { Rule } from "./rule";
import * as containers from "./containers";
import * as task from "./task";
import * as service from "./service";
import * as cluster from "./cluster";
import * as ecr from "./ecr";
import { requiredTags } from "./tags";
import { inputWellFormed } from "./input";

export * from "./rule";
export { parseImageReference } from "../model";

export const rules: readonly Rule[] = [
    // The guide, section by section.
    containers.imageTagPinned,
    containers.versionConsistency,
    containers.noStartupDownloads,
    containers.singleProcess,
    containers.noContainerRestart,
    containers.initProcess,
    containers.stopTimeout,
    containers.logConfiguration,
    task.taskSingleApplication,
    task.taskFamilyUnique,
    task.taskRole,
    task.taskRolePerFamily,
    task.awsvpcNetworkMode,
    service.serviceSecurityGroup,
    service.securityGroupPerService,
    service.managedTags,
    service.propagateTags,
    requiredTags,
    ecr.immutableTags,
    // Hardening, as the anchors check it.
    containers.noPrivileged,
    containers.readonlyRootFilesystem,
    containers.nonRootUser,
    task.noHostNamespaces,
    task.noHostNetwork,
    containers.noSecretsInEnvironment,
    task.memoryLimit,
    task.efsTransitEncryption,
    service.noPublicIp,
    service.fargatePlatformVersion,
    service.deploymentCircuitBreaker,
    task.healthCheck,
    task.executionRoleDistinct,
    cluster.containerInsights,
    cluster.execAuditLogging,
    ecr.scanOnPush,
    ecr.kmsEncryption,
    ecr.lifecyclePolicy,
    ecr.noPublicAccess,
    // Pack-wide.
    inputWellFormed,
];

export function ruleNamed(name: string): Rule | undefined {
    return rules.find((r) => r.name === name);
}
