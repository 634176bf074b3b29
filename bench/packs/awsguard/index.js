// A peer: AWSGuard, Pulumi's AWS best-practice pack, with all its rules on.
const { AwsGuard } = require("@pulumi/awsguard");
new AwsGuard({ all: "advisory" });
