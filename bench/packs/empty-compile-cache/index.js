// The floor with V8's compile cache on before anything else loads: what the cache alone buys.
require("../../../bin/compile-cache");
const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("empty", { policies: [] });
