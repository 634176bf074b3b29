// V8's compile cache (Node >= 22.1) for every module loaded after this one: imported first by the pack entry,
// so that @pulumi/policy and @pulumi/pulumi start from cached code after the first start. The cache is written
// once the entry's modules have loaded (the CLI kills a pack rather than letting it exit, and Node writes the
// cache only at exit otherwise). It lives in NODE_COMPILE_CACHE, else <tmpdir>/node-compile-cache;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import * as nodeModule from "module";

const { enableCompileCache, flushCompileCache } = nodeModule as { enableCompileCache?: () => unknown; flushCompileCache?: () => void };
if (typeof enableCompileCache === "function") {
    enableCompileCache();
    if (typeof flushCompileCache === "function") setImmediate(flushCompileCache);
}
