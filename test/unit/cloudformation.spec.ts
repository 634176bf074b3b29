// Resources declared in a CloudFormation template or a Cloud Control resource: each is checked as its aws-native
// twin, named `<Pulumi name>/<logical id>`, and compared by the stack rules with the rest of the stack.
import { strict as assert } from "assert";
import * as YAML from "yaml";
import { buildModels } from "../../policy/model";
import { stackView } from "../../policy/pack/evaluate";
import { SecretMask, findingText } from "../../policy/pack/text";
import { evaluateResource } from "../../policy/pack/evaluate";
import { ruleNamed, rules } from "../../policy/rules";
import type { ResourceRule } from "../../policy/rules/rule";
import { check, checkDeclared, checkStack, container as c, taskDefinition as td, types, unknownString } from "../support/fixtures";
import { cloudFormationType, nativeTypes, toCloudFormation, toNative, twins } from "../support/twins";

type Props = Record<string, unknown>;
const cloudControl = "aws:cloudcontrol/resource:Resource";
const stack = "aws:cloudformation/stack:Stack";

const template = (resources: Record<string, { Type: string; Properties?: unknown }>) => ({ AWSTemplateFormatVersion: "2010-09-09", Resources: resources });

/** Lower case, for comparing messages whose property names each input spells its own way. */
const folded = (texts: string[]) => texts.map((t) => t.toLowerCase());

describe("CloudFormation and Cloud Control twins: the verdict and message of aws-native, in CloudFormation's spelling", () => {
    for (const rule of rules.filter((r): r is ResourceRule => r.kind === "resource")) {
        it(rule.name, () => {
            let compared = 0;
            for (const [awsType, awsProps] of twins) {
                const nativeType = nativeTypes[awsType];
                const nativeProps = toNative(awsType, awsProps);
                const native = check(rule.name, nativeType, nativeProps);
                const cfnType = cloudFormationType(nativeType);
                const properties = toCloudFormation(nativeProps) as Props;
                const body = template({ R: { Type: cfnType, Properties: properties } });
                const declarations: [string, string, Props][] = [
                    ["JSON template", stack, { templateBody: JSON.stringify(body) }],
                    ["YAML template", stack, { templateBody: YAML.stringify(body) }],
                    ["aws-native stack", "aws-native:cloudformation:Stack", { templateBody: body }],
                ];
                if (!JSON.stringify(awsProps).includes(unknownString)) declarations.push(["Cloud Control", cloudControl, { typeName: cfnType, desiredState: JSON.stringify(properties) }]);
                for (const [how, type, props] of declarations) {
                    const declared = checkDeclared(rule.name, type, props);
                    if (!rule.appliesTo.includes(buildModels(nativeType, nativeProps, "r", "u").models[0].kind)) {
                        assert.deepEqual(declared, [], how);
                        continue;
                    }
                    assert.equal(declared.length, 1, `${how}: one resource`);
                    const prefix = type === cloudControl ? "" : `'app/R' (${cfnType}): `;
                    const named = (m: string) => {
                        assert.ok(m.startsWith(prefix), `${how}: ${m} names the resource`);
                        return m.slice(prefix.length);
                    };
                    const context = `${how} ${cfnType} ${JSON.stringify(properties).slice(0, 160)}`;
                    assert.deepEqual(folded(declared[0].violations.map(named)), folded(native.violations), context);
                    assert.deepEqual(folded(declared[0].pending.map(named)), folded(native.pending), context);
                    assert.equal(declared[0].notApplicable !== undefined, native.notApplicable !== undefined, context);
                    compared++;
                }
            }
            assert.ok(compared > 0 || rule.appliesTo.every((k) => ["expressService", "repositoryPolicy", "lifecyclePolicy"].includes(k)), "compared on at least one twin");
        });
    }
});

describe("a CloudFormation template's resources", () => {
    const yaml = `
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Tag: { Type: String, Default: "1.0.0" }
Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      NetworkMode: awsvpc
      TaskRoleArn: !GetAtt TaskRole.Arn
      ContainerDefinitions:
        - Name: web
          Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/web:latest"
          Privileged: yes
          ReadonlyRootFilesystem: !Ref AWS::NoValue
        - Name: api
          Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/api:\${Tag}"
          User: !If [IsProd, "1000", "0"]
  TaskRole:
    Type: AWS::IAM::Role
`;

    it("are named <Pulumi name>/<logical id>, with the property path in the template", () => {
        const [web] = checkDeclared("ecs-no-privileged", stack, { templateBody: yaml });
        assert.deepEqual(web, {
            name: "app/Web",
            violations: ["'app/Web' (AWS::ECS::TaskDefinition): container 'web' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs."],
            pending: [],
            paths: ["Resources.Web.Properties.ContainerDefinitions[0].Privileged"],
        });
    });

    it("are read with the short-form tags: a Sub of pseudo parameters is its text, a parameter or a condition is not known, AWS::NoValue removes the property", () => {
        const [tags] = checkDeclared("ecs-image-tag-pinned", stack, { templateBody: yaml });
        assert.deepEqual(tags.violations, ["'app/Web' (AWS::ECS::TaskDefinition): container 'web' image '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest."]);
        assert.deepEqual(tags.paths, ["Resources.Web.Properties.ContainerDefinitions[0].Image", "Resources.Web.Properties.ContainerDefinitions[1].Image"]);
        assert.deepEqual(tags.pending, ["'app/Web' (AWS::ECS::TaskDefinition): ContainerDefinitions[1].Image is not known yet"]);
        const [user] = checkDeclared("ecs-non-root-user", stack, { templateBody: yaml });
        assert.deepEqual(user.paths, ["Resources.Web.Properties.ContainerDefinitions[0].User", "Resources.Web.Properties.ContainerDefinitions[1].User"]);
        assert.equal(user.pending.length, 1);
        const [readonly] = checkDeclared("ecs-readonly-root-filesystem", stack, { templateBody: yaml });
        assert.match(readonly.violations[0], /^'app\/Web' \(AWS::ECS::TaskDefinition\): container 'web' can write to its root filesystem\. Set ReadonlyRootFilesystem to true/);
    });

    it("a value behind a condition of literals, in Mappings or in a literal Select is read; a resource whose condition is false is never created", () => {
        const body = `
Mappings:
  Settings:
    prod: { Privileged: true }
Conditions:
  Always: !Equals [yes-really, yes-really]
  Never: !Not [!Condition Always]
  OnParameter: !Equals [!Ref Env, prod]
Resources:
  Hidden:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - { Name: a, Image: "a:1", Privileged: !If [Always, true, false] }
        - { Name: b, Image: "b:1", Privileged: !FindInMap [Settings, prod, Privileged] }
        - { Name: c, Image: "c:1", Privileged: !Select [1, [false, true]] }
        - { Name: d, Image: "d:1", Privileged: !If [OnParameter, true, false] }
        - { Name: e, Image: "e:1", Privileged: !If [OnParameter, false, false] }
  NeverCreated:
    Type: AWS::ECS::TaskDefinition
    Condition: Never
    Properties:
      ContainerDefinitions: [{ Name: x, Image: "x:1", Privileged: true }]
`;
        const found = checkDeclared("ecs-no-privileged", stack, { templateBody: body });
        assert.deepEqual(found.map((f) => f.name), ["app/Hidden"]);
        assert.deepEqual(found[0].violations.map((m) => /container '(\w)'/.exec(m)?.[1]), ["a", "b", "c"]);
        assert.deepEqual(found[0].pending, ["'app/Hidden' (AWS::ECS::TaskDefinition): ContainerDefinitions[3].Privileged is not known yet"]);
    });

    it("a parameter the stack resource gives is read (also in !Sub and conditions); one it does not give, or not known yet, is not, whatever the template's default", () => {
        const body = `
Parameters:
  Tag: { Type: String, Default: "1.0.0" }
  Env: { Type: String }
  Password: { Type: String, NoEcho: true }
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web
          Image: !Sub "registry.example.com/web:\${Tag}"
          Privileged: !If [Prod, true, false]
          Environment: [{ Name: DB_PASSWORD, Value: !Ref Password }]
`;
        const given = (parameters: unknown, secretPaths: string[] = []) => Object.fromEntries(["ecs-image-tag-pinned", "ecs-no-privileged", "ecs-no-secrets-in-environment"].map((p) => {
            const models = buildModels(stack, { templateBody: body, parameters }, "app", "urn:s", secretPaths).models;
            const found = evaluateResource(ruleNamed(p) as ResourceRule, models[0], {});
            return [p, [...found.violations, ...found.notKnownYet].map((f) => (f.notKnownYet ? "not known yet" : findingText(f, new SecretMask(models[0].secrets)).split("\n")[0]))];
        }));
        const pinned = given({ Tag: "latest", Env: "prod", Password: "hunter2" }, ["parameters.Password"]);
        assert.deepEqual(pinned["ecs-image-tag-pinned"], ["'app/Web' (AWS::ECS::TaskDefinition): container '[secret]' image '[secret]' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest."]);
        assert.equal(pinned["ecs-no-privileged"].length, 1);
        assert.equal(pinned["ecs-no-secrets-in-environment"].length, 1);
        assert.ok(!JSON.stringify(pinned).includes("hunter2"));
        const defaults = given({});
        assert.deepEqual([defaults["ecs-image-tag-pinned"], defaults["ecs-no-privileged"]], [["not known yet"], ["not known yet"]]);
        assert.deepEqual(given({ Tag: unknownString, Env: "dev" })["ecs-image-tag-pinned"], ["not known yet"]);
        assert.deepEqual(given({ Tag: "1.2.3", Env: "dev" })["ecs-no-privileged"], []);
    });

    it("a stack set's resources (deployed in other accounts and regions) are compared among themselves, not with the stack's", () => {
        const body = JSON.stringify(template({ A: { Type: "AWS::ECS::TaskDefinition", Properties: { Family: "web", ContainerDefinitions: [{ Name: "a", Image: "a:1" }] } } }));
        const pulumiTd = { type: types.taskDefinition, name: "web", props: td([c()], { family: "web" }) };
        assert.deepEqual(checkStack("ecs-task-family-unique", [{ type: "aws:cloudformation/stackSet:StackSet", name: "set", props: { templateBody: body } }, pulumiTd]), []);
        assert.equal(checkDeclared("ecs-no-privileged", "aws-native:cloudformation:StackSet", { templateBody: body }).length, 1);
    });

    it("YAML is read as CloudFormation reads it (1.1: `yes` is true); a key given twice or an unknown tag makes the template unreadable, said once", () => {
        const unread = (body: string) => stackView([{ type: stack, name: "app", urn: "urn:s", props: { templateBody: body } }]).unread.map((u) => u.unread.why);
        assert.deepEqual(unread(yaml), []);
        assert.deepEqual(unread("Resources:\n  A:\n    Type: AWS::ECR::Repository\n    Type: AWS::ECR::Repository\n"), [
            "templateBody has a key that appears twice (line 4, column 5), which CloudFormation does not read one way; remove one: CloudFormation rejects it, and no resource in it is checked",
        ]);
        assert.deepEqual(unread("Resources:\n  A: !Include x\n"), ["templateBody uses a tag that is not a CloudFormation intrinsic function (line 2, column 6): CloudFormation rejects it, and no resource in it is checked"]);
        assert.deepEqual(unread('{"Resources": {"A": 1},}'), ["templateBody is not valid JSON (line 1, column 24): CloudFormation rejects it, and no resource in it is checked"]);
        assert.deepEqual(unread('{"Resources": {"A": {"Type": "AWS::ECR::Repository"}, "\\u0041": {}}}'), [
            "templateBody has a key that appears twice (line 1, column 55), which CloudFormation does not read one way; remove one: CloudFormation rejects it, and no resource in it is checked",
        ]);
        assert.deepEqual(unread(`Resources: {}\n# ${"x".repeat(1024 * 1024)}`), ["templateBody is larger than the 1 MB CloudFormation reads at most: CloudFormation rejects it, and no resource in it is checked"]);
    });

    it("a template given only by URL, a nested stack and a transform are said, never passed in silence", () => {
        const unread = (props: Props) => stackView([{ type: stack, name: "app", urn: "urn:s", props }]).unread.map((u) => `${u.unread.path}: ${u.unread.why}`);
        assert.deepEqual(unread({ templateUrl: "https://bucket.s3.amazonaws.com/ecs.yaml" }), [
            "templateUrl: The template is given only as templateUrl, which the pack cannot fetch: no ECS or ECR resource it declares is checked. Give the template as templateBody to have them checked",
        ]);
        assert.deepEqual(unread({ templateBody: JSON.stringify({ Transform: "AWS::Serverless-2016-10-31", Resources: { Child: { Type: "AWS::CloudFormation::Stack", Properties: { TemplateURL: "https://x" } } } }) }), [
            "Transform: The template uses the transform 'AWS::Serverless-2016-10-31': the resources the template declares are checked, not the ones the transform adds",
            "Resources.Child: 'app/Child' is a nested stack (AWS::CloudFormation::Stack), whose template the pack does not fetch: the ECS and ECR resources in it are not checked",
        ]);
        assert.deepEqual(unread({ templateBody: unknownString }).map((u) => u.split(":")[0]), ["templateBody"]);
    });

    it("a secret template shows none of its values", () => {
        const models = buildModels(stack, { templateBody: yaml }, "app", "urn:s", ["templateBody"]).models;
        const rule = ruleNamed("ecs-image-tag-pinned") as ResourceRule;
        const [finding] = evaluateResource(rule, models[0], {}).violations;
        const text = findingText(finding, new SecretMask(models[0].secrets));
        assert.equal(text, "'app/Web' (AWS::ECS::TaskDefinition): container '[secret]' image '[secret]' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest.\nProperty: Resources.Web.Properties.ContainerDefinitions[0].Image");
    });

    it("are exempted by name (<Pulumi name>/<logical id>) or by their own tag", () => {
        const body = JSON.stringify(template({
            A: { Type: "AWS::ECS::TaskDefinition", Properties: { ContainerDefinitions: [{ Name: "a", Image: "a:1", Privileged: true }] } },
            B: { Type: "AWS::ECS::TaskDefinition", Properties: { ContainerDefinitions: [{ Name: "b", Image: "b:1", Privileged: true }], Tags: [{ Key: "ecs-guardrails:exempt", Value: "ecs-no-privileged" }] } },
            C: { Type: "AWS::ECS::TaskDefinition", Properties: { ContainerDefinitions: [{ Name: "c", Image: "c:1", Privileged: true }] } },
        }));
        const found = checkDeclared("ecs-no-privileged", stack, { templateBody: body }, { excludeResources: ["app/A"] });
        assert.deepEqual(found.map((f) => [f.name, f.violations.length, f.notApplicable]), [
            ["app/A", 0, "excluded by the policy's excludeResources pattern 'app/A'"],
            ["app/B", 0, "exempt by its tag 'ecs-guardrails:exempt'"],
            ["app/C", 1, undefined],
        ]);
    });

    it("carry the stack's tags and the provider's default tags (CloudFormation puts them on its resources); a Cloud Control resource carries neither", () => {
        const body = JSON.stringify(template({ Repo: { Type: "AWS::ECR::Repository", Properties: { Tags: [{ Key: "team", Value: "shop" }] } } }));
        const provider = { type: "pulumi:providers:aws", props: { defaultTags: { tags: { owner: "platform" } } } };
        const config = { requiredTags: ["team", "owner", "cost-center"] };
        const rule = ruleNamed("ecs-required-tags") as ResourceRule;
        const stackModel = buildModels(stack, { templateBody: body, tags: { "cost-center": "42" } }, "app", "urn:s", [], provider).models[0];
        assert.deepEqual(evaluateResource(rule, stackModel, config).violations, []);
        const control = buildModels(cloudControl, { typeName: "AWS::ECR::Repository", desiredState: JSON.stringify({ Tags: [{ Key: "team", Value: "shop" }] }) }, "cc", "urn:c", [], provider).models[0];
        assert.deepEqual(evaluateResource(rule, control, config).violations.map((f) => f.message), ["Missing required tags 'owner', 'cost-center'. Add them so cost and ownership reports can group this resource."]);
    });
});

describe("stack rules over template resources, with each other and with the rest of the stack", () => {
    const role = { Type: "AWS::IAM::Role", Properties: {} };
    const taskDefinition = (family: string, roleRef: unknown) => ({ Type: "AWS::ECS::TaskDefinition", Properties: { Family: family, NetworkMode: "awsvpc", TaskRoleArn: roleRef, ContainerDefinitions: [{ Name: "app", Image: "app:1" }] } });
    const serviceWith = (groups: unknown[]) => ({ Type: "AWS::ECS::Service", Properties: { Cluster: { Ref: "Cluster" }, NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ["s"], SecurityGroups: groups } } } });

    it("two template task definitions of one family conflict, reported on the stack, each naming the other", () => {
        const body = JSON.stringify(template({ A: taskDefinition("web", "arn:aws:iam::1:role/a"), B: taskDefinition("web", "arn:aws:iam::1:role/b") }));
        assert.deepEqual(checkStack("ecs-task-family-unique", [{ type: stack, name: "app", props: { templateBody: body } }]), [
            "app: 'app/A' (AWS::ECS::TaskDefinition): Task definition family 'web' is also declared by 'app/B'. Give each task definition its own family, so revisions map one-to-one to application versions.",
            "app: 'app/B' (AWS::ECS::TaskDefinition): Task definition family 'web' is also declared by 'app/A'. Give each task definition its own family, so revisions map one-to-one to application versions.",
        ]);
    });

    it("a template task definition and a Pulumi one of the same family conflict in one region, not in two", () => {
        const body = JSON.stringify(template({ A: taskDefinition("web", "arn:aws:iam::1:role/a") }));
        const pulumiTd = { type: types.taskDefinition, name: "web", props: td([c()], { family: "web" }) };
        assert.equal(checkStack("ecs-task-family-unique", [{ type: stack, name: "app", props: { templateBody: body } }, pulumiTd]).length, 2);
        assert.deepEqual(checkStack("ecs-task-family-unique", [{ type: stack, name: "app", props: { templateBody: body, region: "eu-west-1" } }, { ...pulumiTd, props: { ...pulumiTd.props, region: "us-east-1" } }]), []);
    });

    it("one template role (GetAtt or Ref) as the task role of two families is found", () => {
        const body = JSON.stringify(template({ Role: role, A: taskDefinition("a", { "Fn::GetAtt": ["Role", "Arn"] }), B: taskDefinition("b", { Ref: "Role" }) }));
        const found = checkStack("ecs-task-role-per-family", [{ type: stack, name: "app", props: { templateBody: body } }]);
        assert.equal(found.length, 2);
        assert.match(found[0], /^app: 'app\/A' \(AWS::ECS::TaskDefinition\): /);
    });

    it("services sharing a template security group, or the VPC's default group, have none of their own", () => {
        const shared = JSON.stringify(template({ Sg: { Type: "AWS::EC2::SecurityGroup" }, Cluster: { Type: "AWS::ECS::Cluster" }, A: serviceWith([{ Ref: "Sg" }]), B: serviceWith([{ "Fn::GetAtt": ["Sg", "GroupId"] }]) }));
        const found = checkStack("ecs-security-group-per-service", [{ type: stack, name: "app", props: { templateBody: shared } }]);
        assert.deepEqual(found.map((f) => /^app: '[^']*' \([^)]*\)/.exec(f)?.[0]), ["app: 'app/A' (AWS::ECS::Service)", "app: 'app/B' (AWS::ECS::Service)"]);
        assert.match(found[0], /it shares 'app\/Sg' with 'app\/B'/);
        const viaVpc = JSON.stringify(template({ Vpc: { Type: "AWS::EC2::VPC" }, A: serviceWith([{ "Fn::GetAtt": ["Vpc", "DefaultSecurityGroup"] }]), B: serviceWith([{ "Fn::GetAtt": ["Vpc", "DefaultSecurityGroup"] }]) }));
        assert.equal(checkStack("ecs-security-group-per-service", [{ type: stack, name: "app", props: { templateBody: viaVpc } }]).length, 2);
        const own = JSON.stringify(template({ Sa: { Type: "AWS::EC2::SecurityGroup" }, Sb: { Type: "AWS::EC2::SecurityGroup" }, A: serviceWith([{ Ref: "Sa" }]), B: serviceWith([{ Ref: "Sb" }]) }));
        assert.deepEqual(checkStack("ecs-security-group-per-service", [{ type: stack, name: "app", props: { templateBody: own } }]), []);
    });

    it("a template repository without a LifecyclePolicy is told to set one", () => {
        const body = JSON.stringify(template({ Repo: { Type: "AWS::ECR::Repository", Properties: { RepositoryName: "shop/api" } } }));
        assert.deepEqual(checkStack("ecr-lifecycle-policy", [{ type: stack, name: "app", props: { templateBody: body } }]), [
            "app: 'app/Repo' (AWS::ECR::Repository): Repository 'app/Repo' has no lifecycle policy, so old images pile up. Set LifecyclePolicy on it.",
        ]);
    });

    it("a template task set belongs to the template service it names (Ref), so sharing its group is no conflict", () => {
        const body = JSON.stringify(template({
            Sg: { Type: "AWS::EC2::SecurityGroup" }, Cluster: { Type: "AWS::ECS::Cluster" }, Svc: serviceWith([{ Ref: "Sg" }]),
            Blue: { Type: "AWS::ECS::TaskSet", Properties: { Cluster: { Ref: "Cluster" }, Service: { Ref: "Svc" }, TaskDefinition: "td", NetworkConfiguration: { AwsVpcConfiguration: { Subnets: ["s"], SecurityGroups: [{ Ref: "Sg" }] } } } },
        }));
        assert.deepEqual(checkStack("ecs-security-group-per-service", [{ type: stack, name: "app", props: { templateBody: body } }]), []);
    });
});

describe("a Cloud Control resource", () => {
    it("is read when its typeName is one of the pack's CloudFormation types, and named by its Pulumi name", () => {
        const desiredState = JSON.stringify({ ContainerDefinitions: [{ Name: "app", Image: "app:1", Privileged: true }] });
        assert.deepEqual(checkDeclared("ecs-no-privileged", cloudControl, { typeName: "AWS::ECS::TaskDefinition", desiredState }), [{
            name: "app",
            violations: ["container 'app' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs."],
            pending: [],
            paths: ["desiredState.ContainerDefinitions[0].Privileged"],
        }]);
        assert.deepEqual(buildModels(cloudControl, { typeName: "AWS::S3::Bucket", desiredState: "{}" }, "b", "urn").models, []);
    });

    it("reads no intrinsic functions (Cloud Control evaluates none) and no key CloudFormation does not spell", () => {
        const desiredState = JSON.stringify({ ContainerDefinitions: [{ Name: "app", Image: { Ref: "Image" }, privileged: true }] });
        const [wellFormed] = checkDeclared("ecs-input-well-formed", cloudControl, { typeName: "AWS::ECS::TaskDefinition", desiredState });
        assert.deepEqual(wellFormed.violations, ["Malformed input: ContainerDefinitions[0].Image is an object, expected a string. Fix it so the other policies can check this resource."]);
        const [privileged] = checkDeclared("ecs-no-privileged", cloudControl, { typeName: "AWS::ECS::TaskDefinition", desiredState });
        assert.deepEqual(privileged.violations, []);
    });

    it("a value nested deeper than any ECS property is malformed input, not a crash", () => {
        const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
        const [wellFormed] = checkDeclared("ecs-input-well-formed", cloudControl, { typeName: "AWS::ECS::TaskDefinition", desiredState: `{"Volumes": ${deep}}` });
        assert.match(wellFormed.violations[0], /^Malformed input: Volumes(\[0\]){30}.*\.\.\. is nested more than 200 levels deep/);
    });

    it("a desiredState not known yet waits for `pulumi up`; one that is not JSON, or holds a key twice, is malformed input", () => {
        const [waiting] = checkDeclared("ecs-no-privileged", cloudControl, { typeName: "AWS::ECS::TaskDefinition", desiredState: unknownString });
        assert.deepEqual([waiting.violations, waiting.paths], [[], ["desiredState"]]);
        const malformed = (desiredState: string) => checkDeclared("ecs-input-well-formed", cloudControl, { typeName: "AWS::ECR::Repository", desiredState })[0].violations;
        assert.deepEqual(malformed('{"ImageTagMutability": "MUTABLE",}'), ["Malformed input: desiredState is not valid JSON (line 1, column 34). Fix it so the other policies can check this resource."]);
        assert.deepEqual(malformed('{"ImageTagMutability": "MUTABLE", "ImageTagMutability": "IMMUTABLE"}'), [
            "Malformed input: desiredState has a key that appears twice (line 1, column 35), which CloudFormation does not read one way; remove one. Fix it so the other policies can check this resource.",
        ]);
        const unread = stackView([{ type: cloudControl, name: "cc", urn: "urn:c", props: { typeName: unknownString, desiredState: "{}" } }]).unread;
        assert.deepEqual(unread.map((u) => u.unread.path), ["typeName"]);
    });
});
