// This pack with V8's compile cache on before anything else loads: policy/index.ts with `import "../compile-cache";` first.
require("../../../bin/compile-cache");
require("../../../bin/policy");
