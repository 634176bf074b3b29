// The floor: a pack with no policies on the same @pulumi/policy.
const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("empty", { policies: [] });
