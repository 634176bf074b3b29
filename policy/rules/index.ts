// Every rule of the pack, in the order the pack registers them; each lives in `<group>/<policy name>.ts`.
import type { Rule } from "./rule";
import { imageTagPinned } from "./containers/ecs-image-tag-pinned";
import { versionConsistency } from "./containers/ecs-version-consistency";
import { noStartupDownloads } from "./containers/ecs-no-startup-downloads";
import { singleProcess } from "./containers/ecs-single-process";
import { noContainerRestart } from "./containers/ecs-no-container-restart";
import { initProcess } from "./containers/ecs-init-process";
import { stopTimeout } from "./containers/ecs-stop-timeout";
import { logConfiguration } from "./containers/ecs-log-configuration";
import { taskSingleApplication } from "./task-definitions/ecs-task-single-application";
import { taskFamilyUnique } from "./task-definitions/ecs-task-family-unique";
import { taskRole } from "./task-definitions/ecs-task-role";
import { taskRolePerFamily } from "./task-definitions/ecs-task-role-per-family";
import { awsvpcNetworkMode } from "./task-definitions/ecs-awsvpc-network-mode";
import { serviceSecurityGroup } from "./services/ecs-service-security-group";
import { securityGroupPerService } from "./services/ecs-security-group-per-service";
import { managedTags } from "./services/ecs-managed-tags";
import { propagateTags } from "./services/ecs-propagate-tags";
import { requiredTags } from "./resources/ecs-required-tags";
import { immutableTags } from "./ecr/ecr-immutable-tags";
import { noPrivileged } from "./containers/ecs-no-privileged";
import { readonlyRootFilesystem } from "./containers/ecs-readonly-root-filesystem";
import { nonRootUser } from "./containers/ecs-non-root-user";
import { noHostNamespaces } from "./task-definitions/ecs-no-host-namespaces";
import { noHostNetwork } from "./task-definitions/ecs-no-host-network";
import { noSecretsInEnvironment } from "./containers/ecs-no-secrets-in-environment";
import { memoryLimit } from "./task-definitions/ecs-memory-limit";
import { efsTransitEncryption } from "./task-definitions/ecs-efs-transit-encryption";
import { noPublicIp } from "./services/ecs-no-public-ip";
import { fargatePlatformVersion } from "./services/ecs-fargate-platform-version";
import { deploymentCircuitBreaker } from "./services/ecs-deployment-circuit-breaker";
import { healthCheck } from "./task-definitions/ecs-health-check";
import { executionRoleDistinct } from "./task-definitions/ecs-execution-role-distinct";
import { capacityProviderTerminationProtection } from "./clusters/ecs-capacity-provider-termination-protection";
import { containerInsights } from "./clusters/ecs-cluster-container-insights";
import { execAuditLogging } from "./clusters/ecs-exec-audit-logging";
import { scanOnPush } from "./ecr/ecr-scan-on-push";
import { kmsEncryption } from "./ecr/ecr-kms-encryption";
import { lifecyclePolicy } from "./ecr/ecr-lifecycle-policy";
import { noPublicAccess } from "./ecr/ecr-no-public-access";
import { inputWellFormed } from "./resources/ecs-input-well-formed";

export * from "./rule";

export const rules: readonly Rule[] = [
    // The guide, section by section.
    imageTagPinned,
    versionConsistency,
    noStartupDownloads,
    singleProcess,
    noContainerRestart,
    initProcess,
    stopTimeout,
    logConfiguration,
    taskSingleApplication,
    taskFamilyUnique,
    taskRole,
    taskRolePerFamily,
    awsvpcNetworkMode,
    serviceSecurityGroup,
    securityGroupPerService,
    managedTags,
    propagateTags,
    requiredTags,
    immutableTags,
    // Hardening, as the anchors check it.
    noPrivileged,
    readonlyRootFilesystem,
    nonRootUser,
    noHostNamespaces,
    noHostNetwork,
    noSecretsInEnvironment,
    memoryLimit,
    efsTransitEncryption,
    noPublicIp,
    fargatePlatformVersion,
    deploymentCircuitBreaker,
    healthCheck,
    executionRoleDistinct,
    capacityProviderTerminationProtection,
    containerInsights,
    execAuditLogging,
    scanOnPush,
    kmsEncryption,
    lifecyclePolicy,
    noPublicAccess,
    // Pack-wide.
    inputWellFormed,
];

export function ruleNamed(name: string): Rule | undefined {
    return rules.find((r) => r.name === name);
}
