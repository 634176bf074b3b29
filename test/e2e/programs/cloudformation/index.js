// ECS resources declared in a CloudFormation template, a Cloud Control resource, a template given only by URL and a
// daemon task definition: each is checked, or said, in the preview.
"use strict";
const aws = require("@pulumi/aws");

new aws.cloudformation.Stack("app", {
    name: "app",
    templateBody: `
Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: web
          Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/web:latest"
          Privileged: true
`,
});

new aws.cloudformation.Stack("remote", { name: "remote", templateUrl: "https://bucket.s3.amazonaws.com/ecs.yaml" });

new aws.cloudcontrol.Resource("images", {
    typeName: "AWS::ECR::Repository",
    desiredState: JSON.stringify({ RepositoryName: "images", ImageTagMutability: "MUTABLE" }),
});

new aws.ecs.DaemonTaskDefinition("agent", {
    family: "agent",
    containerDefinitions: [{ name: "agent", image: "datadog/agent:latest", privileged: true }],
});
