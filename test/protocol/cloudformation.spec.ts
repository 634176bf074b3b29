// CloudFormation stacks and Cloud Control resources over the wire: what a user previewing them reads.
import { strict as assert } from "assert";
import { packForPreview } from "../harness/preview";
import { propertyOf, said, saidBy } from "../harness/said";
import { secret } from "../harness/wire";

const stack = "aws:cloudformation/stack:Stack";
type Diagnostics = { diagnostics: { policyName: string; description: string; message: string; enforcementLevel: string; urn: string }[] };
const found = (r: Diagnostics, policy: string) => r.diagnostics.filter((d) => d.policyName === policy);

const template = `
Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      NetworkMode: awsvpc
      TaskRoleArn: !GetAtt TaskRole.Arn
      ContainerDefinitions:
        - Name: web
          Image: nginx:latest
          Privileged: true
          Environment:
            - Name: DB_PASSWORD
              Value: hunter2-in-the-template
  TaskRole:
    Type: AWS::IAM::Role
  Other:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      ContainerDefinitions:
        - { Name: other, Image: !Ref ImageParameter }
`;

describe("CloudFormation stacks over the Analyzer protocol", function () {
    this.timeout(120_000);
    const pack = packForPreview();

    it("each ECS resource of a YAML template gets its findings on the stack, named and placed in the template", async () => {
        const r = await pack().analyze({ type: stack, name: "app", properties: { name: "app", templateBody: template } });
        const privileged = found(r, "ecs-no-privileged");
        assert.deepEqual(privileged.map((d) => [d.enforcementLevel, said(d), propertyOf(d)]), [[
            "mandatory",
            "'app/Web' (AWS::ECS::TaskDefinition): container 'web' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs.",
            "Resources.Web.Properties.ContainerDefinitions[0].Privileged",
        ]]);
        assert.deepEqual(saidBy(r, "ecs-image-tag-pinned"), ["'app/Web' (AWS::ECS::TaskDefinition): container 'web' image 'nginx:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest."]);
        assert.equal(found(r, "ecs-no-secrets-in-environment").length, 1);
        assert.ok(r.diagnostics.every((d) => !d.message.includes("hunter2")), "the password is never printed");
    });

    it("the stack policies compare template resources; the not-known-yet note says what CloudFormation sets; a remediation never rewrites a template", async () => {
        const s = await pack().analyzeStack([{ type: stack, name: "app", properties: { name: "app", templateBody: template } }]);
        assert.deepEqual(saidBy(s, "ecs-task-family-unique"), [
            "'app/Web' (AWS::ECS::TaskDefinition): Task definition family 'web' is also declared by 'app/Other'. Give each task definition its own family, so revisions map one-to-one to application versions.",
            "'app/Other' (AWS::ECS::TaskDefinition): Task definition family 'web' is also declared by 'app/Web'. Give each task definition its own family, so revisions map one-to-one to application versions.",
        ]);
        assert.ok(found(s, "ecs-task-family-unique").every((d) => d.urn.endsWith("::app")), "reported on the Pulumi stack resource");
        await pack().analyze({ type: stack, name: "app", properties: { name: "app", templateBody: template } });
        const notes = await pack().analyzeStack([{ type: stack, name: "app", properties: { name: "app", templateBody: template } }]);
        const note = saidBy(notes, "ecs-guardrails-not-known-yet");
        assert.equal(note.length, 1);
        assert.deepEqual(note, ["'app/Other' (AWS::ECS::TaskDefinition): Resources.Other.Properties.ContainerDefinitions[0].Image is set by CloudFormation when it creates the stack (an intrinsic function or a parameter), so 1 policy cannot check it (ecs-image-tag-pinned). Write the value in the template to have it checked."]);
        const remediated = await pack().remediate({ type: stack, name: "app", properties: { name: "app", templateBody: template } });
        assert.deepEqual(remediated.remediations.filter((x) => x.properties !== undefined), []);
    });

    it("a template given only by URL is said by ecs-guardrails-not-known-yet", async () => {
        const s = await pack().analyzeStack([{ type: stack, name: "remote", properties: { name: "remote", templateUrl: "https://bucket.s3.amazonaws.com/ecs.yaml" } }]);
        assert.deepEqual(saidBy(s, "ecs-guardrails-not-known-yet"), [
            "The template is given only as templateUrl, which the pack cannot fetch: no ECS or ECR resource it declares is checked. Give the template as templateBody to have them checked.",
        ]);
    });

    it("a secret template shows none of its values", async () => {
        const r = await pack().analyze({ type: stack, name: "app", properties: { name: "app", templateBody: secret(template) } });
        assert.deepEqual(saidBy(r, "ecs-image-tag-pinned"), ["'app/Web' (AWS::ECS::TaskDefinition): container '[secret]' image '[secret]' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest."]);
    });

    it("a Cloud Control task definition is checked as the resource it declares", async () => {
        const desiredState = JSON.stringify({ Family: "cc", ContainerDefinitions: [{ Name: "app", Image: "app:1", Privileged: true }] });
        const r = await pack().analyze({ type: "aws:cloudcontrol/resource:Resource", name: "cc", properties: { typeName: "AWS::ECS::TaskDefinition", desiredState } });
        assert.deepEqual(found(r, "ecs-no-privileged").map((d) => [said(d), propertyOf(d)]), [[
            "container 'app' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs.",
            "desiredState.ContainerDefinitions[0].Privileged",
        ]]);
    });
});

describe("exemptions of template resources, over the Analyzer protocol", function () {
    this.timeout(120_000);
    const pack = packForPreview({ "ecs-no-privileged": { excludeResources: ["app/A", "app/B"] } });

    it("each exempt template resource is listed by ecs-guardrails-exemptions, on its stack", async () => {
        const privileged = (name: string) => ({ Type: "AWS::ECS::TaskDefinition", Properties: { Family: name, ContainerDefinitions: [{ Name: name, Image: `${name}:1`, Privileged: true }] } });
        const templateBody = JSON.stringify({ Resources: { A: privileged("a"), B: privileged("b"), C: privileged("c") } });
        const r = await pack().analyze({ type: stack, name: "app", properties: { name: "app", templateBody } });
        assert.deepEqual(saidBy(r, "ecs-no-privileged").map((m) => m.slice(0, m.indexOf(":"))), ["'app/C' (AWS"]);
        const s = await pack().analyzeStack([{ type: stack, name: "app", properties: { name: "app", templateBody } }]);
        assert.deepEqual(saidBy(s, "ecs-guardrails-exemptions").sort(), [
            "Resource 'app/A' is exempt from ecs-no-privileged: excluded by the policy's excludeResources pattern 'app/A'.",
            "Resource 'app/B' is exempt from ecs-no-privileged: excluded by the policy's excludeResources pattern 'app/B'.",
        ]);
        assert.ok(s.diagnostics.filter((d) => d.policyName === "ecs-guardrails-exemptions").every((d) => d.urn.endsWith("::app")));
    });
});
