// aws-native shapes get the same verdict and message as their aws twins, for every resource policy.
import { strict as assert } from "assert";
import { buildModel } from "../../policy/model";
import { rules } from "../../policy/rules";
import type { ResourceRule } from "../../policy/rules/rule";
import {
    capacityProvider, check, checkStack, cluster, container as c, daemon, daemonContainer as dc, daemonTaskDefinition as dtd, expressService, remediate, repository, service,
    taskDefinition as td, types, unknownString, appImage,
} from "../support/fixtures";
import { nativeTypes, spelledForNative, toNative, twins } from "../support/twins";

type Props = Record<string, unknown>;
describe("aws-native twins: the same verdict and message as aws, paths spelled as each provider spells them", () => {
    for (const rule of rules.filter((r): r is ResourceRule => r.kind === "resource")) {
        it(rule.name, () => {
            let compared = 0;
            for (const [type, props] of twins) {
                if (!rule.appliesTo.includes(buildModel(type, props, "res", "urn")!.kind)) continue;
                const aws = check(rule.name, type, props);
                const native = check(rule.name, nativeTypes[type], toNative(type, props));
                assert.deepEqual(native, spelledForNative(type, aws), `${type} ${JSON.stringify(props).slice(0, 200)}`);
                compared++;
            }
            assert.ok(compared > 0 || rule.appliesTo.every((k) => ["repositoryPolicy", "lifecyclePolicy"].includes(k)), "compared on at least one twin");
        });
    }

    it("every aws-native contract type is read", () => {
        const { supportedTypes } = require("../../policy/model");
        for (const t of Object.values(nativeTypes)) assert.ok(supportedTypes.includes(t), t);
    });
});

describe("aws-native shapes of their own", () => {
    const nativeRepo = (extra: Props) => ({ repositoryName: "shop/api", imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true }, encryptionConfiguration: { encryptionType: "KMS" }, ...extra });
    it("an inline repositoryPolicyText is checked by ecr-no-public-access", () => {
        const open = { Version: "2012-10-17", Statement: [{ Sid: "Pull", Effect: "Allow", Principal: "*", Action: "ecr:*" }] };
        assert.deepEqual(check("ecr-no-public-access", "aws-native:ecr:Repository", nativeRepo({ repositoryPolicyText: open })).violations,
            ["Repository policy statement 'Pull' allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID."]);
        assert.equal(check("ecr-no-public-access", "aws-native:ecr:Repository", nativeRepo({})).notApplicable, "the repository has no inline policy");
    });
    it("an inline lifecyclePolicy satisfies ecr-lifecycle-policy, and is the fix it names", () => {
        assert.deepEqual(checkStack("ecr-lifecycle-policy", [
            { type: "aws-native:ecr:Repository", name: "with", props: nativeRepo({ lifecyclePolicy: { lifecyclePolicyText: "{\"rules\":[]}" } }) },
            { type: "aws-native:ecr:Repository", name: "without", props: nativeRepo({}) },
        ]), ["without: Repository 'without' has no lifecycle policy, so old images pile up. Set lifecyclePolicy on it."]);
    });
    it("assignPublicIp other than ENABLED or DISABLED is malformed", () => {
        const props = toNative(types.service, service({ networkConfiguration: { subnets: ["s"], securityGroups: ["sg"], assignPublicIp: "yes" } }));
        assert.deepEqual(check("ecs-input-well-formed", "aws-native:ecs:Service", props).violations,
            ["Malformed input: networkConfiguration.awsvpcConfiguration.assignPublicIp is 'yes', expected ENABLED or DISABLED. Fix it so the other policies can check this resource."]);
    });
    it("containerDefinitions as a JSON string is the wrong type for aws-native", () => {
        assert.equal(check("ecs-input-well-formed", "aws-native:ecs:TaskDefinition", td()).violations.length, 1);
    });
    it("roles and security groups of aws-native count in the stack rules", () => {
        const role = "urn:pulumi:dev::demo::aws-native:iam:Role::shared";
        const sg = "urn:pulumi:dev::demo::aws-native:ec2:SecurityGroup::shared-sg";
        const task = (family: string) => toNative(types.taskDefinition, td([c()], { family, taskRoleArn: unknownString }));
        assert.equal(checkStack("ecs-task-role-per-family", [
            { type: "aws-native:iam:Role", name: "shared", props: {} },
            { type: "aws-native:ecs:TaskDefinition", name: "a", props: task("a"), propertyDependencies: { taskRoleArn: [role] } },
            { type: "aws-native:ecs:TaskDefinition", name: "b", props: task("b"), propertyDependencies: { taskRoleArn: [role] } },
        ]).length, 2);
        const svc = (name: string) => toNative(types.service, service({ name, networkConfiguration: { subnets: ["s"], securityGroups: [unknownString] } }));
        assert.equal(checkStack("ecs-security-group-per-service", [
            { type: "aws-native:ec2:SecurityGroup", name: "shared-sg", props: {} },
            { type: "aws-native:ecs:Service", name: "a", props: svc("a"), propertyDependencies: { networkConfiguration: [sg] } },
            { type: "aws-native:ecs:Service", name: "b", props: svc("b"), propertyDependencies: { networkConfiguration: [sg] } },
        ]).length, 2);
    });
    it("remediations write the aws-native shape", () => {
        const breaker = remediate("ecs-deployment-circuit-breaker", "aws-native:ecs:Service", toNative(types.service, service({ deploymentCircuitBreaker: undefined, deploymentConfiguration: undefined })))!;
        assert.deepEqual(breaker.deploymentConfiguration, { deploymentCircuitBreaker: { enable: true, rollback: true } });
        assert.equal("deploymentCircuitBreaker" in breaker, false);
        const insights = remediate("ecs-cluster-container-insights", "aws-native:ecs:Cluster", { clusterName: "main", clusterSettings: [{ name: "containerInsights", value: "disabled" }] })!;
        assert.deepEqual(insights.clusterSettings, [{ name: "containerInsights", value: "enabled" }]);
        const stop = remediate("ecs-stop-timeout", "aws-native:ecs:TaskDefinition", toNative(types.taskDefinition, td([c({ stopTimeout: undefined })])))!;
        assert.equal((stop.containerDefinitions as Props[])[0].stopTimeout, 30);
    });
});
