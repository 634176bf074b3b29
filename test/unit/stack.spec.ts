import { strict as assert } from "assert";
import { checkStack, repository, service, taskDefinition as td, types, unknownString, urnOf } from "../support/fixtures";

describe("ecs-task-family-unique", () => {
    it("distinct families pass", () => {
        assert.deepEqual(checkStack("ecs-task-family-unique", [
            { type: types.taskDefinition, name: "api", props: td() },
            { type: types.taskDefinition, name: "web", props: td(undefined, { family: "web" }) },
        ]), []);
    });
    const provider = (region: unknown, type: string = types.awsProvider) => ({ type, urn: `urn:pulumi:dev::demo::${type}::${String(region)}`, props: { region } });
    const shared = (region: string) => `Task definition family 'api' is also declared by '${region === "east" ? "west" : "east"}'. Give each task definition its own family, so revisions map one-to-one to application versions.`;
    it("one family in two regions (aws 7 per-resource region) does not conflict", () => {
        assert.deepEqual(checkStack("ecs-task-family-unique", [
            { type: types.taskDefinition, name: "east", props: td(undefined, { region: "us-east-1" }) },
            { type: types.taskDefinition, name: "west", props: td(undefined, { region: "us-west-2" }) },
        ]), []);
    });
    it("one family through two providers of different regions does not conflict (aws and aws-native)", () => {
        assert.deepEqual(checkStack("ecs-task-family-unique", [
            { type: types.taskDefinition, name: "east", props: td(), provider: provider("us-east-1") },
            { type: types.taskDefinition, name: "west", props: td(), provider: provider("us-west-2") },
        ]), []);
        const native = { ...td(), containerDefinitions: [] };
        assert.deepEqual(checkStack("ecs-task-family-unique", [
            { type: "aws-native:ecs:TaskDefinition", name: "east", props: native, provider: provider("us-east-1", types.awsNativeProvider) },
            { type: "aws-native:ecs:TaskDefinition", name: "west", props: native, provider: provider("us-west-2", types.awsNativeProvider) },
        ]), []);
    });
    it("the resource's own region wins over its provider's", () => {
        assert.deepEqual(checkStack("ecs-task-family-unique", [
            { type: types.taskDefinition, name: "east", props: td(undefined, { region: "us-east-1" }), provider: provider("us-west-2") },
            { type: types.taskDefinition, name: "west", props: td(), provider: provider("us-east-1") },
        ]), [`east: ${shared("east")}`, `west: ${shared("west")}`]);
    });
    it("one family in one region still conflicts, however each names it", () => {
        assert.deepEqual(checkStack("ecs-task-family-unique", [
            { type: types.taskDefinition, name: "east", props: td(undefined, { region: "us-east-1" }) },
            { type: "aws-native:ecs:TaskDefinition", name: "west", props: { ...td(), containerDefinitions: [] }, provider: provider("us-east-1", types.awsNativeProvider) },
        ]), [`east: ${shared("east")}`, `west: ${shared("west")}`]);
    });
    it("a region not known yet is no conflict yet", () => {
        assert.deepEqual(checkStack("ecs-task-family-unique", [
            { type: types.taskDefinition, name: "east", props: td(undefined, { region: unknownString }) },
            { type: types.taskDefinition, name: "west", props: td(undefined, { region: "us-west-2" }) },
        ]), []);
    });
    it("task definitions with no family never conflict", () => {
        assert.deepEqual(checkStack("ecs-task-family-unique", [
            { type: "aws-native:ecs:TaskDefinition", name: "a", props: { ...td(), family: undefined, containerDefinitions: [] } },
            { type: "aws-native:ecs:TaskDefinition", name: "b", props: { ...td(), family: "", containerDefinitions: [] } },
        ]), []);
    });
    it("a shared family flags every task definition, naming the others", () => {
        assert.deepEqual(checkStack("ecs-task-family-unique", [
            { type: types.taskDefinition, name: "api", props: td() },
            { type: types.taskDefinition, name: "api-v2", props: td() },
            { type: types.taskDefinition, name: "web", props: td(undefined, { family: "web" }) },
        ]), [
            "api: Task definition family 'api' is also declared by 'api-v2'. Give each task definition its own family, so revisions map one-to-one to application versions.",
            "api-v2: Task definition family 'api' is also declared by 'api'. Give each task definition its own family, so revisions map one-to-one to application versions.",
        ]);
    });
});

describe("ecs-task-role-per-family", () => {
    const role = urnOf(types.role, "shared-role");
    it("one role per family passes", () => {
        assert.deepEqual(checkStack("ecs-task-role-per-family", [
            { type: types.taskDefinition, name: "api", props: td() },
            { type: types.taskDefinition, name: "web", props: td(undefined, { family: "web", taskRoleArn: "arn:aws:iam::1:role/web" }) },
        ]), []);
    });
    it("a literal ARN shared by two families fails on both", () => {
        assert.deepEqual(checkStack("ecs-task-role-per-family", [
            { type: types.taskDefinition, name: "api", props: td() },
            { type: types.taskDefinition, name: "web", props: td(undefined, { family: "web" }) },
        ]), [
            "api: Task role 'arn:aws:iam::123456789012:role/api-task' of family 'api' is also the task role of 'web' (family 'web'). Give each family its own task role.",
            "web: Task role 'arn:aws:iam::123456789012:role/api-task' of family 'web' is also the task role of 'api' (family 'api'). Give each family its own task role.",
        ]);
    });
    it("a role known only by URN at preview (propertyDependencies) is compared too", () => {
        const findings = checkStack("ecs-task-role-per-family", [
            { type: types.role, name: "shared-role", props: { assumeRolePolicy: "{}" } },
            { type: types.taskDefinition, name: "api", props: td(undefined, { taskRoleArn: unknownString }), propertyDependencies: { taskRoleArn: [role] } },
            { type: types.expressService, name: "web", props: { serviceName: "web", taskRoleArn: unknownString }, propertyDependencies: { taskRoleArn: [role] } },
        ]);
        assert.deepEqual(findings, [
            "api: Task role 'shared-role' of family 'api' is also the task role of 'web' (family 'web'). Give each family its own task role.",
            "web: Task role 'shared-role' of family 'web' is also the task role of 'api' (family 'api'). Give each family its own task role.",
        ]);
    });
    it("two revisions of one family may share a role", () => {
        assert.deepEqual(checkStack("ecs-task-role-per-family", [
            { type: types.taskDefinition, name: "api-blue", props: td() },
            { type: types.taskDefinition, name: "api-green", props: td() },
        ]), []);
    });
});

describe("ecs-execution-role-distinct", () => {
    it("distinct roles pass", () => assert.deepEqual(checkStack("ecs-execution-role-distinct", [{ type: types.taskDefinition, name: "api", props: td() }]), []));
    it("the same literal ARN fails", () => {
        assert.deepEqual(checkStack("ecs-execution-role-distinct", [
            { type: types.taskDefinition, name: "api", props: td(undefined, { executionRoleArn: "arn:aws:iam::123456789012:role/api-task" }) },
        ]), ["api: Task definition 'api' uses 'arn:aws:iam::123456789012:role/api-task' as both execution role and task role, so the application holds the agent's permissions. Use two roles."]);
    });
    it("the same role resource by URN fails", () => {
        const role = urnOf(types.role, "one-role");
        assert.deepEqual(checkStack("ecs-execution-role-distinct", [
            { type: types.role, name: "one-role", props: {} },
            { type: types.taskDefinition, name: "api", props: td(undefined, { executionRoleArn: unknownString, taskRoleArn: unknownString }), propertyDependencies: { taskRoleArn: [role], executionRoleArn: [role] } },
        ]), ["api: Task definition 'api' uses 'one-role' as both execution role and task role, so the application holds the agent's permissions. Use two roles."]);
    });
});

describe("ecs-security-group-per-service", () => {
    const net = (...groups: string[]) => ({ networkConfiguration: { subnets: ["s"], securityGroups: groups, assignPublicIp: false } });
    it("own groups plus a shared endpoint group pass", () => {
        assert.deepEqual(checkStack("ecs-security-group-per-service", [
            { type: types.service, name: "api", props: service(net("sg-api", "sg-endpoints")) },
            { type: types.service, name: "web", props: service(net("sg-web", "sg-endpoints")) },
        ]), []);
    });
    it("a shared group flags every service on it", () => {
        assert.deepEqual(checkStack("ecs-security-group-per-service", [
            { type: types.service, name: "api", props: service(net("sg-shared")) },
            { type: types.service, name: "web", props: service(net("sg-shared")) },
            { type: types.service, name: "admin", props: service(net("sg-admin")) },
        ]), [
            "api: Service 'api' has no security group of its own: it shares 'sg-shared' with 'web'. Create a security group for this service.",
            "web: Service 'web' has no security group of its own: it shares 'sg-shared' with 'api'. Create a security group for this service.",
        ]);
    });
    it("groups known only by URN at preview are compared", () => {
        const sg = urnOf(types.securityGroup, "shared-sg");
        const subnet = urnOf("aws:ec2/subnet:Subnet", "private-a");
        assert.deepEqual(checkStack("ecs-security-group-per-service", [
            { type: types.securityGroup, name: "shared-sg", props: {} },
            { type: types.service, name: "api", props: service(net(unknownString)), propertyDependencies: { networkConfiguration: [sg, subnet] } },
            { type: types.service, name: "web", props: service(net(unknownString)), propertyDependencies: { networkConfiguration: [sg, subnet] } },
        ]), [
            "api: Service 'api' has no security group of its own: it shares 'shared-sg' with 'web'. Create a security group for this service.",
            "web: Service 'web' has no security group of its own: it shares 'shared-sg' with 'api'. Create a security group for this service.",
        ]);
    });
    it("a VPC's default security group is a security group (aws.ec2.DefaultSecurityGroup, aws and aws-native VPCs' defaultSecurityGroupId)", () => {
        const shared = (a: string, b: string, g: string) => `${a}: Service '${a}' has no security group of its own: it shares '${g}' with '${b}'. Create a security group for this service.`;
        for (const [type, name] of [["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default-sg"], ["aws:ec2/vpc:Vpc", "main-vpc"], ["aws-native:ec2:Vpc", "native-vpc"]]) {
            const group = urnOf(type, name);
            assert.deepEqual(checkStack("ecs-security-group-per-service", [
                { type, name, props: {} },
                { type: types.service, name: "api", props: service(net(unknownString)), propertyDependencies: { networkConfiguration: [group] } },
                { type: types.service, name: "web", props: service(net(unknownString)), propertyDependencies: { networkConfiguration: [group] } },
            ]), [shared("api", "web", name), shared("web", "api", name)], type);
        }
    });
    it("a VPC behind the subnets is no shared group when each service has its own", () => {
        const vpc = urnOf("aws:ec2/vpc:Vpc", "main-vpc");
        const sg = (n: string) => urnOf(types.securityGroup, n);
        assert.deepEqual(checkStack("ecs-security-group-per-service", [
            { type: "aws:ec2/vpc:Vpc", name: "main-vpc", props: {} },
            { type: types.securityGroup, name: "api-sg", props: {} },
            { type: types.securityGroup, name: "web-sg", props: {} },
            { type: types.service, name: "api", props: service(net(unknownString)), propertyDependencies: { networkConfiguration: [sg("api-sg"), vpc] } },
            { type: types.service, name: "web", props: service(net(unknownString)), propertyDependencies: { networkConfiguration: [sg("web-sg"), vpc] } },
        ]), []);
    });
    it("a task set counts as part of its service", () => {
        const api = urnOf(types.service, "api");
        assert.deepEqual(checkStack("ecs-security-group-per-service", [
            { type: types.service, name: "api", props: service({ deploymentController: { type: "EXTERNAL" }, networkConfiguration: undefined }) },
            { type: types.taskSet, name: "api-blue", props: { service: unknownString, ...net("sg-api") }, propertyDependencies: { service: [api] } },
            { type: types.taskSet, name: "api-green", props: { service: unknownString, ...net("sg-api") }, propertyDependencies: { service: [api] } },
        ]), []);
    });
    it("a task set naming a service's ECS name or ARN counts as part of it", () => {
        assert.deepEqual(checkStack("ecs-security-group-per-service", [
            { type: types.service, name: "api", props: service({ name: "shop-api", deploymentController: { type: "EXTERNAL" }, networkConfiguration: undefined }) },
            { type: types.taskSet, name: "api-blue", props: { service: "shop-api", cluster: "main", ...net("sg-api") } },
            { type: types.taskSet, name: "api-green", props: { service: "arn:aws:ecs:us-east-1:123456789012:service/main/shop-api", ...net("sg-api") } },
        ]), []);
    });
    it("a task set is matched to a service of its name only in the same cluster", () => {
        const shares = (a: string, b: string) => `${a}: Service '${a}' has no security group of its own: it shares 'sg-api' with '${b}'. Create a security group for this service.`;
        assert.deepEqual(checkStack("ecs-security-group-per-service", [
            { type: types.service, name: "api", props: service({ name: "shop-api", cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/main", ...net("sg-api") }) },
            { type: types.taskSet, name: "intruder", props: { service: "shop-api", cluster: "sandbox", ...net("sg-api") } },
        ]), [shares("api", "intruder"), shares("intruder", "api")]);
        assert.deepEqual(checkStack("ecs-security-group-per-service", [
            { type: types.service, name: "api", props: service({ name: "shop-api", cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/main", ...net("sg-api") }) },
            { type: types.taskSet, name: "blue", props: { service: "shop-api", cluster: "main", ...net("sg-api") } },
            { type: types.taskSet, name: "green", props: { service: "arn:aws:ecs:us-east-1:123456789012:service/main/shop-api", ...net("sg-api") } },
        ]), []);
        assert.deepEqual(checkStack("ecs-security-group-per-service", [
            { type: types.service, name: "api", props: service({ name: "shop-api", cluster: "main", ...net("sg-api") }) },
            { type: types.taskSet, name: "intruder", props: { service: "arn:aws:ecs:us-east-1:123456789012:service/sandbox/shop-api", cluster: "main", ...net("sg-api") } },
        ]), [shares("api", "intruder"), shares("intruder", "api")]);
    });
    it("clusters known only by URN at preview are compared by the resource they come from", () => {
        const main = urnOf(types.cluster, "main");
        const sandbox = urnOf(types.cluster, "sandbox");
        const shares = (a: string, b: string) => `${a}: Service '${a}' has no security group of its own: it shares 'sg-api' with '${b}'. Create a security group for this service.`;
        const svc = { type: types.service, name: "api", props: service({ name: "shop-api", cluster: unknownString, ...net("sg-api") }), propertyDependencies: { cluster: [main] } };
        assert.deepEqual(checkStack("ecs-security-group-per-service", [svc, { type: types.taskSet, name: "blue", props: { service: "shop-api", cluster: unknownString, ...net("sg-api") }, propertyDependencies: { cluster: [main] } }]), []);
        assert.deepEqual(checkStack("ecs-security-group-per-service", [svc, { type: types.taskSet, name: "intruder", props: { service: "shop-api", cluster: unknownString, ...net("sg-api") }, propertyDependencies: { cluster: [sandbox] } }]),
            [shares("api", "intruder"), shares("intruder", "api")]);
    });
    it("a task set is not matched to a service by its Pulumi name", () => {
        // The task set joins the ECS service named 'web', which is not the Pulumi resource 'web' (ECS name 'shop-web').
        assert.deepEqual(checkStack("ecs-security-group-per-service", [
            { type: types.service, name: "web", props: service({ name: "shop-web", ...net("sg-web") }) },
            { type: types.taskSet, name: "sneaky", props: { service: "web", ...net("sg-web") } },
        ]), [
            "web: Service 'web' has no security group of its own: it shares 'sg-web' with 'sneaky'. Create a security group for this service.",
            "sneaky: Service 'sneaky' has no security group of its own: it shares 'sg-web' with 'web'. Create a security group for this service.",
        ]);
    });
    it("a service with no group is left to ecs-service-security-group", () => {
        assert.deepEqual(checkStack("ecs-security-group-per-service", [
            { type: types.service, name: "api", props: service({ networkConfiguration: undefined }) },
            { type: types.service, name: "web", props: service({ networkConfiguration: undefined }) },
        ]), []);
    });
});

describe("ecr-lifecycle-policy", () => {
    it("a policy naming the repository passes", () => {
        assert.deepEqual(checkStack("ecr-lifecycle-policy", [
            { type: types.repository, name: "api", props: repository() },
            { type: types.lifecyclePolicy, name: "api-lcp", props: { repository: "shop/api", policy: "{}" } },
        ]), []);
    });
    it("a policy depending on the repository passes", () => {
        assert.deepEqual(checkStack("ecr-lifecycle-policy", [
            { type: types.repository, name: "api", props: repository({ name: unknownString }) },
            { type: types.lifecyclePolicy, name: "api-lcp", props: { repository: unknownString, policy: "{}" }, propertyDependencies: { repository: [urnOf(types.repository, "api")] } },
        ]), []);
    });
    it("a repository without one is flagged", () => {
        assert.deepEqual(checkStack("ecr-lifecycle-policy", [{ type: types.repository, name: "api", props: repository() }]),
            ["api: Repository 'api' has no lifecycle policy, so old images pile up. Add an aws.ecr.LifecyclePolicy for it."]);
    });
});
