import { strict as assert } from "assert";
import { capacityProvider as cp, checkStack, cluster, remediate, repository, service as svc, table, types, unknownString } from "../support/fixtures";

table("ecs-service-security-group", types.service, [
    { name: "a security group passes", props: svc() },
    { name: "no network configuration fails", props: svc({ networkConfiguration: undefined }), violations: ["The service has no networkConfiguration, so its tasks get no security group of their own. Set networkConfiguration with subnets and a security group for this service."] },
    { name: "no security group fails", props: svc({ networkConfiguration: { subnets: ["subnet-1"] } }), violations: ["The service's networkConfiguration has no security group, so its tasks get the VPC's default group. Add a security group created for this service."] },
    { name: "securityGroups [null] has no security group", props: svc({ networkConfiguration: { subnets: ["subnet-1"], securityGroups: [null] } }), violations: ["The service's networkConfiguration has no security group, so its tasks get the VPC's default group. Add a security group created for this service."] },
    { name: "securityGroups [\"\"] has no security group", props: svc({ networkConfiguration: { subnets: ["subnet-1"], securityGroups: ["", null] } }), violations: ["The service's networkConfiguration has no security group, so its tasks get the VPC's default group. Add a security group created for this service."] },
    { name: "an unknown group id is fine for this check", props: svc({ networkConfiguration: { subnets: ["s"], securityGroups: [unknownString] } }) },
    { name: "EXTERNAL launch type is not applicable", props: svc({ launchType: "EXTERNAL", networkConfiguration: undefined }), notApplicable: "launch type EXTERNAL (ECS Anywhere) has no awsvpc network configuration" },
    { name: "EXTERNAL deployment controller is not applicable", props: svc({ deploymentController: { type: "EXTERNAL" }, networkConfiguration: undefined }), notApplicable: "deployment controller EXTERNAL: its task sets carry the network configuration and are checked instead" },
    { name: "a task set is checked", type: types.taskSet, props: { service: "api", cluster: "main", taskDefinition: "td", networkConfiguration: { subnets: ["s"] } }, violations: ["The service's networkConfiguration has no security group, so its tasks get the VPC's default group. Add a security group created for this service."] },
]);

table("ecs-managed-tags", types.service, [
    { name: "on passes", props: svc() },
    { name: "unset fails", props: svc({ enableEcsManagedTags: undefined }), violations: ["ECS managed tags are off, so tasks are not tagged with their cluster and service for cost reports. Set enableEcsManagedTags to true."] },
]);

table("ecs-propagate-tags", types.service, [
    { name: "SERVICE passes", props: svc() },
    { name: "TASK_DEFINITION passes", props: svc({ propagateTags: "TASK_DEFINITION" }) },
    { name: "NONE fails", props: svc({ propagateTags: "NONE" }), violations: ["propagateTags is 'NONE', so tasks do not carry the service's tags for cost reports. Set propagateTags to 'SERVICE' or 'TASK_DEFINITION'."] },
    { name: "unset fails", props: svc({ propagateTags: undefined }), violations: ["propagateTags is unset, so tasks do not carry the service's tags for cost reports. Set propagateTags to 'SERVICE' or 'TASK_DEFINITION'."] },
    { name: "allowedValues narrows", props: svc({ propagateTags: "TASK_DEFINITION" }), config: { allowedValues: ["SERVICE"] }, violations: ["propagateTags is 'TASK_DEFINITION', so tasks do not carry the service's tags for cost reports. Set propagateTags to 'SERVICE'."] },
]);

table("ecs-no-public-ip", types.service, [
    { name: "false passes", props: svc() },
    { name: "true fails", props: svc({ networkConfiguration: { subnets: ["s"], securityGroups: ["sg"], assignPublicIp: true } }), violations: ["Tasks get a public IP address (networkConfiguration.assignPublicIp turns it on). Turn it off, use private subnets and a load balancer."] },
    { name: "task sets too", type: types.taskSet, props: { service: "api", networkConfiguration: { subnets: ["s"], securityGroups: ["sg"], assignPublicIp: true } }, violations: ["Tasks get a public IP address (networkConfiguration.assignPublicIp turns it on). Turn it off, use private subnets and a load balancer."] },
]);

table("ecs-fargate-platform-version", types.service, [
    { name: "unset passes", props: svc() },
    { name: "LATEST passes", props: svc({ platformVersion: "LATEST" }) },
    { name: "a pinned version fails", props: svc({ platformVersion: "1.3.0" }), violations: ["Fargate platformVersion is pinned to '1.3.0', so tasks miss platform security fixes. Remove it or set 'LATEST'."] },
    { name: "EC2 is not applicable", props: svc({ launchType: "EC2", platformVersion: "1.3.0" }), notApplicable: "not a Fargate service" },
    { name: "a Fargate capacity provider counts", props: svc({ launchType: undefined, capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }], platformVersion: "1.4.0" }), violations: ["Fargate platformVersion is pinned to '1.4.0', so tasks miss platform security fixes. Remove it or set 'LATEST'."] },
]);

const breaker = "The deployment circuit breaker is not on with rollback, so a failing deployment keeps replacing tasks. Set deploymentCircuitBreaker to { enable: true, rollback: true }.";
table("ecs-deployment-circuit-breaker", types.service, [
    { name: "on with rollback passes", props: svc() },
    { name: "unset fails", props: svc({ deploymentCircuitBreaker: undefined }), violations: [breaker] },
    { name: "without rollback fails", props: svc({ deploymentCircuitBreaker: { enable: true, rollback: false } }), violations: [breaker] },
    { name: "CODE_DEPLOY is not applicable", props: svc({ deploymentCircuitBreaker: undefined, deploymentController: { type: "CODE_DEPLOY" } }), notApplicable: "deployment controller CODE_DEPLOY" },
]);

table("ecs-required-tags", types.service, [
    { name: "none configured: not applicable", props: svc(), notApplicable: "no requiredTags configured" },
    { name: "present passes", props: svc({ tags: { team: "shop", environment: "prod" } }), config: { requiredTags: ["team", "environment"] } },
    { name: "missing fails", props: svc({ tags: { team: "shop" } }), config: { requiredTags: ["team", "environment", "cost-center"] }, violations: ["Missing required tags 'environment', 'cost-center'. Add them so cost and ownership reports can group this resource."] },
    { name: "the aws provider's defaultTags.tags count", props: svc({ tags: { team: "shop" } }), config: { requiredTags: ["team", "environment"] }, provider: { type: types.awsProvider, props: { region: "us-east-1", defaultTags: { tags: { environment: "prod" } } } } },
    { name: "the aws provider's defaultTags as the JSON string the engine sends", props: svc(), config: { requiredTags: ["team", "environment"] }, provider: { type: types.awsProvider, props: { defaultTags: JSON.stringify({ tags: { team: "shop", environment: "prod" } }) } } },
    { name: "defaultTags.tags as a JSON string", props: svc(), config: { requiredTags: ["team"] }, provider: { type: types.awsProvider, props: { defaultTags: { tags: "{\"team\":\"shop\"}" } } } },
    { name: "aws-native's defaultTags count", type: "aws-native:ecs:Cluster", props: { clusterName: "main", tags: [{ key: "team", value: "shop" }] }, config: { requiredTags: ["team", "environment"] }, provider: { type: types.awsNativeProvider, props: { defaultTags: { tags: { environment: "prod" } } } } },
    { name: "aws-native's defaultTags as a JSON string", type: "aws-native:ecr:Repository", props: { repositoryName: "shop/api" }, config: { requiredTags: ["team"] }, provider: { type: types.awsNativeProvider, props: { defaultTags: "{\"tags\":{\"team\":\"shop\"}}" } } },
    { name: "default tags lacking a key still fail", props: svc(), config: { requiredTags: ["team", "environment"] }, provider: { type: types.awsProvider, props: { defaultTags: { tags: { team: "shop" } } } }, violations: ["Missing required tag 'environment'. Add it so cost and ownership reports can group this resource."] },
    { name: "another provider's tags do not count", props: svc(), config: { requiredTags: ["team"] }, provider: { type: "pulumi:providers:kubernetes", props: { defaultTags: { tags: { team: "shop" } } } }, violations: ["Missing required tag 'team'. Add it so cost and ownership reports can group this resource."] },
    { name: "default tags not known yet wait", props: svc(), config: { requiredTags: ["team"] }, provider: { type: types.awsProvider, props: { defaultTags: unknownString } }, pending: ["provider.defaultTags"] },
    { name: "repositories too", type: types.repository, props: repository(), config: { requiredTags: ["team"] }, violations: ["Missing required tag 'team'. Add it so cost and ownership reports can group this resource."] },
]);

table("ecs-cluster-container-insights", types.cluster, [
    { name: "enabled passes", props: cluster() },
    { name: "enhanced passes", props: cluster({ settings: [{ name: "containerInsights", value: "enhanced" }] }) },
    { name: "unset fails", props: cluster({ settings: undefined }), violations: ["Container Insights is off for this cluster. Add the setting containerInsights = 'enabled' to settings."] },
    { name: "disabled fails", props: cluster({ settings: [{ name: "containerInsights", value: "disabled" }] }), violations: ["Container Insights is 'disabled' for this cluster. Add the setting containerInsights = 'enabled' to settings."] },
]);

table("ecs-exec-audit-logging", types.cluster, [
    { name: "DEFAULT passes", props: cluster() },
    { name: "no exec configuration passes", props: cluster({ configuration: undefined }) },
    { name: "NONE fails", props: cluster({ configuration: { executeCommandConfiguration: { logging: "NONE" } } }), violations: ["ECS Exec sessions are not logged (executeCommandConfiguration.logging is 'NONE'). Set logging to 'DEFAULT' or 'OVERRIDE' with a log group."] },
]);

table("ecr-immutable-tags", types.repository, [
    { name: "IMMUTABLE passes", props: repository() },
    { name: "unset means MUTABLE", props: repository({ imageTagMutability: undefined }), violations: ["imageTagMutability is unset (MUTABLE), so a tag can be moved to another image. Set imageTagMutability to 'IMMUTABLE'."] },
    { name: "MUTABLE fails", props: repository({ imageTagMutability: "MUTABLE" }), violations: ["imageTagMutability is 'MUTABLE', so a tag can be moved to another image. Set imageTagMutability to 'IMMUTABLE'."] },
    { name: "with exclusions fails by default", props: repository({ imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" }), violations: ["imageTagMutability is 'IMMUTABLE_WITH_EXCLUSION' (exclusion filters are not allowed by this pack's config), so a tag can be moved to another image. Set imageTagMutability to 'IMMUTABLE'."] },
    { name: "with exclusions passes when allowed", props: repository({ imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" }), config: { allowExclusionFilters: true } },
    { name: "creation templates", type: types.creationTemplate, props: { prefix: "team", appliedFors: ["PULL_THROUGH_CACHE"], imageTagMutability: "MUTABLE" }, violations: ["imageTagMutability is 'MUTABLE', so a tag can be moved to another image. Set imageTagMutability to 'IMMUTABLE'."] },
]);

describe("ecr-scan-on-push", () => {
    const off = (name: string) => ({ type: types.repository, name, props: repository({ name, imageScanningConfiguration: undefined }) });
    const notScanned = (name: string) => `${name}: Images are not scanned on push. Set imageScanningConfiguration.scanOnPush to true.`;
    const rsc = (scanType: string, rules: unknown[], type: string = types.registryScanning) => ({ type, name: "registry", props: { scanType, rules } });
    const rule = (scanFrequency: string, ...filters: string[]) => ({ scanFrequency, repositoryFilters: filters.map((filter) => ({ filter, filterType: "WILDCARD" })) });
    const enhanced = (name: string) => `${name}: Registry scanning is ENHANCED ('registry') and none of its rules match repository '${name}', so its images are not scanned whatever its scanOnPush. Add a SCAN_ON_PUSH or CONTINUOUS_SCAN rule whose repositoryFilters match it.`;
    it("on passes, unset fails", () => {
        assert.deepEqual(checkStack("ecr-scan-on-push", [{ type: types.repository, name: "on", props: repository() }, off("shop/off")]), [notScanned("shop/off")]);
    });
    it("a registry scanning rule that matches covers the repository (aws and aws-native)", () => {
        for (const type of [types.registryScanning, "aws-native:ecr:RegistryScanningConfiguration"]) {
            assert.deepEqual(checkStack("ecr-scan-on-push", [rsc("BASIC", [rule("SCAN_ON_PUSH", "shop/*")], type), off("shop/api"), off("ops/tool")]), [notScanned("ops/tool")], type);
        }
        assert.deepEqual(checkStack("ecr-scan-on-push", [rsc("ENHANCED", [rule("CONTINUOUS_SCAN", "*")]), off("shop/api")]), []);
        const native = { type: "aws-native:ecr:Repository", name: "shop/api", props: { repositoryName: "shop/api" } };
        assert.deepEqual(checkStack("ecr-scan-on-push", [rsc("BASIC", [rule("SCAN_ON_PUSH", "shop/*")], "aws-native:ecr:RegistryScanningConfiguration"), native]), []);
    });
    it("a MANUAL rule covers nothing", () => {
        assert.deepEqual(checkStack("ecr-scan-on-push", [rsc("BASIC", [rule("MANUAL", "*")]), off("shop/api")]), [notScanned("shop/api")]);
    });
    it("under ENHANCED scanning an unmatched repository fails whatever its scanOnPush", () => {
        assert.deepEqual(checkStack("ecr-scan-on-push", [
            rsc("ENHANCED", [rule("SCAN_ON_PUSH", "shop/*")]),
            { type: types.repository, name: "ops/tool", props: repository({ name: "ops/tool" }) },
            { type: "aws-native:ecr:Repository", name: "ops/native", props: { repositoryName: "ops/native", imageScanningConfiguration: { scanOnPush: true } } },
            off("shop/api"),
        ]), [enhanced("ops/tool"), enhanced("ops/native")]);
    });
    it("config registryScanningFilters: the registry configuration made outside the stack", () => {
        assert.deepEqual(checkStack("ecr-scan-on-push", [off("shop/api"), off("ops/tool")], { registryScanningFilters: ["shop/*"] }), [notScanned("ops/tool")]);
        assert.deepEqual(checkStack("ecr-scan-on-push", [rsc("ENHANCED", [rule("SCAN_ON_PUSH", "ops/*")]), off("shop/api")], { registryScanningFilters: ["shop/*"] }), []);
    });
    it("rules not known yet wait", () => {
        assert.deepEqual(checkStack("ecr-scan-on-push", [rsc("ENHANCED", [{ scanFrequency: "SCAN_ON_PUSH", repositoryFilters: unknownString }]), off("shop/api")]), []);
    });
    it("a hostile filter is matched in linear time", () => {
        const started = Date.now();
        const name = "a".repeat(20_000);
        assert.deepEqual(checkStack("ecr-scan-on-push", [rsc("ENHANCED", [rule("SCAN_ON_PUSH", "*a*a*a*a*a*a*a*a*b")]), { type: types.repository, name: "long", props: repository({ name }) }]).length, 1);
        assert.ok(Date.now() - started < 1000);
    });
});

table("ecr-kms-encryption", types.repository, [
    { name: "KMS passes", props: repository() },
    { name: "KMS_DSSE passes", props: repository({ encryptionConfigurations: [{ encryptionType: "KMS_DSSE" }] }) },
    { name: "default fails", props: repository({ encryptionConfigurations: undefined }), violations: ["The repository is encrypted with the default AES256, not KMS. Set encryptionConfigurations with encryptionType 'KMS'."] },
    { name: "the AWS managed key passes by default", props: repository({ encryptionConfigurations: [{ encryptionType: "KMS" }] }) },
    { name: "requireCustomerManagedKey: no kmsKey fails", props: repository(), config: { requireCustomerManagedKey: true }, violations: ["The repository is encrypted with the AWS managed key (no kmsKey), not a customer-managed key. Set encryptionConfigurations with a kmsKey: the ARN of a customer-managed KMS key."] },
    { name: "requireCustomerManagedKey: the alias/aws/ecr key fails", props: repository({ encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: "arn:aws:kms:us-east-1:123456789012:alias/aws/ecr" }] }), config: { requireCustomerManagedKey: true }, violations: ["The repository is encrypted with the AWS managed key 'arn:aws:kms:us-east-1:123456789012:alias/aws/ecr', not a customer-managed key. Set encryptionConfigurations with a kmsKey: the ARN of a customer-managed KMS key."] },
    { name: "requireCustomerManagedKey: a customer key passes", props: repository({ encryptionConfigurations: [{ encryptionType: "KMS_DSSE", kmsKey: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" }] }), config: { requireCustomerManagedKey: true } },
    { name: "requireCustomerManagedKey: a key not known yet waits", props: repository({ encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: unknownString }] }), config: { requireCustomerManagedKey: true }, pending: ["encryptionConfigurations[0].kmsKey"] },
    { name: "aws-native: requireCustomerManagedKey, no kmsKey fails", type: "aws-native:ecr:Repository", props: { repositoryName: "shop/api", encryptionConfiguration: { encryptionType: "KMS" } }, config: { requireCustomerManagedKey: true }, violations: ["The repository is encrypted with the AWS managed key (no kmsKey), not a customer-managed key. Set encryptionConfiguration with a kmsKey: the ARN of a customer-managed KMS key."] },
    { name: "aws-native: a customer key passes", type: "aws-native:ecr:Repository", props: { repositoryName: "shop/api", encryptionConfiguration: { encryptionType: "KMS", kmsKey: "alias/shop" } }, config: { requireCustomerManagedKey: true } },
]);

const noProtection = (now: string) => `Managed scaling is enabled but autoScalingGroupProvider.managedTerminationProtection ${now}, so scale-in can terminate instances that run tasks. Set it to 'ENABLED'.`;
const asg = (extra: Record<string, unknown>) => ({ ...(cp().autoScalingGroupProvider as object), ...extra });
table("ecs-capacity-provider-termination-protection", types.capacityProvider, [
    { name: "managed scaling with termination protection passes", props: cp() },
    { name: "managed scaling without termination protection fails", props: cp({ autoScalingGroupProvider: asg({ managedTerminationProtection: "DISABLED" }) }), violations: [noProtection("is 'DISABLED'")] },
    { name: "unset termination protection fails", props: cp({ autoScalingGroupProvider: asg({ managedTerminationProtection: undefined }) }), violations: [noProtection("is unset (DISABLED)")] },
    { name: "without managed scaling: not applicable", props: cp({ autoScalingGroupProvider: asg({ managedScaling: { status: "DISABLED" }, managedTerminationProtection: "DISABLED" }) }), notApplicable: "managed scaling is not enabled, so termination protection cannot work" },
    { name: "a Managed Instances provider: not applicable", props: { name: "mi", cluster: "main", managedInstancesProvider: { infrastructureRoleArn: "arn:aws:iam::1:role/x" } }, notApplicable: "not an Auto Scaling group capacity provider" },
    { name: "a status not known yet waits", props: cp({ autoScalingGroupProvider: asg({ managedScaling: { status: unknownString } }) }), pending: ["autoScalingGroupProvider.managedScaling.status"] },
    { name: "aws-native: the same names", type: "aws-native:ecs:CapacityProvider", props: cp({ autoScalingGroupProvider: asg({ managedTerminationProtection: "DISABLED" }) }), violations: [noProtection("is 'DISABLED'")] },
    { name: "aws-native: protected passes", type: "aws-native:ecs:CapacityProvider", props: cp() },
]);

const open1 = "Repository policy statement #1 allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID.";
const policy = (statement: object) => ({ repository: "shop/api", policy: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }) });
table("ecr-no-public-access", types.repositoryPolicy, [
    { name: "named principals pass", props: policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "ecr:BatchGetImage" }) },
    { name: "everyone with a condition passes", props: policy({ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-123" } } }) },
    { name: "everyone fails", props: policy({ Sid: "Pull", Effect: "Allow", Principal: "*", Action: "ecr:*" }), violations: ["Repository policy statement 'Pull' allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID."] },
    { name: "AWS: * fails", props: policy({ Effect: "Allow", Principal: { AWS: ["*"] }, Action: "ecr:*" }), violations: ["Repository policy statement #1 allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID."] },
    { name: "a Deny for everyone passes", props: policy({ Effect: "Deny", Principal: "*", Action: "ecr:DeleteRepository" }) },
    { name: "a wildcard of any principal kind fails", props: policy({ Effect: "Allow", Principal: { Federated: "*" }, Action: "ecr:*" }), violations: ["Repository policy statement #1 allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID."] },
    { name: "NotPrincipal allows everyone else", props: policy({ Sid: "All", Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "ecr:*" }), violations: ["Repository policy statement 'All' allows everyone except the principals in NotPrincipal. Replace NotPrincipal with the principals that need access."] },
    { name: "NotPrincipal with a condition still fails", props: policy({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "ecr:*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-123" } } }), violations: ["Repository policy statement #1 allows everyone except the principals in NotPrincipal. Replace NotPrincipal with the principals that need access."] },
    { name: "an empty Condition restricts nothing", props: policy({ Effect: "Allow", Principal: "*", Action: "ecr:*", Condition: {} }), violations: ["Repository policy statement #1 allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID."] },
    { name: "a Condition with empty operators restricts nothing", props: policy({ Effect: "Allow", Principal: "*", Action: "ecr:*", Condition: { StringEquals: {} } }), violations: ["Repository policy statement #1 allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID."] },
    { name: "a wildcard StringLike condition is always true", props: policy({ Effect: "Allow", Principal: "*", Action: "ecr:*", Condition: { StringLike: { "aws:PrincipalArn": ["*"] } } }), violations: ["Repository policy statement #1 allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID."] },
    { name: "aws:SecureTransport restricts nobody", props: policy({ Effect: "Allow", Principal: "*", Action: "ecr:*", Condition: { Bool: { "aws:SecureTransport": "true" } } }), violations: [open1] },
    { name: "aws:SourceIp 0.0.0.0/0 is everyone", props: policy({ Effect: "Allow", Principal: "*", Action: "ecr:*", Condition: { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } } }), violations: [open1] },
    { name: "aws:SourceIp ::/0 beside a real range is still everyone", props: policy({ Effect: "Allow", Principal: "*", Action: "ecr:*", Condition: { IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "::/0"] } } }), violations: [open1] },
    { name: "aws:PrincipalArn arn:aws:iam::*:* is everyone", props: policy({ Effect: "Allow", Principal: "*", Action: "ecr:*", Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:*" } } }), violations: [open1] },
    { name: "a Not operator restricts nobody", props: policy({ Effect: "Allow", Principal: "*", Action: "ecr:*", Condition: { StringNotEquals: { "aws:PrincipalAccount": "111122223333" } } }), violations: [open1] },
    { name: "an IfExists operator is met without the key", props: policy({ Effect: "Allow", Principal: "*", Action: "ecr:*", Condition: { StringEqualsIfExists: { "aws:SourceVpc": "vpc-1" } } }), violations: [open1] },
    { name: "aws-native: an inline policy with aws:SecureTransport stays public", type: "aws-native:ecr:Repository", props: { repositoryName: "shop/api", repositoryPolicyText: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "ecr:*", Condition: { Bool: { "aws:SecureTransport": true } } }] } }, violations: [open1] },
    { name: "aws:SourceIp of one range restricts", props: policy({ Effect: "Allow", Principal: "*", Action: "ecr:*", Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } }) },
    { name: "a caller key in any case restricts", props: policy({ Effect: "Allow", Principal: "*", Action: "ecr:*", Condition: { StringEquals: { "AWS:PrincipalOrgId": "o-123" } } }) },
    { name: "an account wildcard principal is everyone", props: policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::*:root" }, Action: "ecr:*" }), violations: [open1] },
    { name: "element names and Effect in other case are read too (the safe side)", props: policy({ effect: "allow", principal: { aws: "*" }, action: "ecr:*" }), violations: ["Repository policy statement #1 allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID."] },
]);

describe("remediations", () => {
    it("ecs-managed-tags sets enableEcsManagedTags", () => {
        assert.equal(remediate("ecs-managed-tags", types.service, svc({ enableEcsManagedTags: false }))!.enableEcsManagedTags, true);
    });
    it("ecs-propagate-tags sets SERVICE", () => {
        assert.equal(remediate("ecs-propagate-tags", types.service, svc({ propagateTags: "NONE" }))!.propagateTags, "SERVICE");
        assert.equal(remediate("ecs-propagate-tags", types.service, svc()), undefined);
    });
    it("ecs-deployment-circuit-breaker turns it on with rollback", () => {
        assert.deepEqual(remediate("ecs-deployment-circuit-breaker", types.service, svc({ deploymentCircuitBreaker: undefined }))!.deploymentCircuitBreaker, { enable: true, rollback: true });
    });
    it("ecs-cluster-container-insights replaces a disabled setting", () => {
        assert.deepEqual(remediate("ecs-cluster-container-insights", types.cluster, cluster({ settings: [{ name: "containerInsights", value: "disabled" }] }))!.settings, [{ name: "containerInsights", value: "enabled" }]);
    });
    it("ecr-immutable-tags sets IMMUTABLE and drops exclusion filters", () => {
        const next = remediate("ecr-immutable-tags", types.repository, repository({ imageTagMutability: "IMMUTABLE_WITH_EXCLUSION", imageTagMutabilityExclusionFilters: [{ filter: "dev-*", filterType: "WILDCARD" }] }))!;
        assert.equal(next.imageTagMutability, "IMMUTABLE");
        assert.equal("imageTagMutabilityExclusionFilters" in next, false);
    });
    it("ecr-scan-on-push turns scanning on", () => {
        assert.deepEqual(remediate("ecr-scan-on-push", types.repository, repository({ imageScanningConfiguration: { scanOnPush: false } }))!.imageScanningConfiguration, { scanOnPush: true });
    });
    it("ecr-scan-on-push leaves a repository the registryScanningFilters cover as it is", () => {
        assert.equal(remediate("ecr-scan-on-push", types.repository, repository({ imageScanningConfiguration: { scanOnPush: false } }), { registryScanningFilters: ["shop/*"] }), undefined);
    });
});
