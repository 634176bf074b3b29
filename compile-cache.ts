// V8's compile cache (Node >= 22.1), for users who turn it on with NODE_COMPILE_CACHE=<dir> where `pulumi` runs (the
// engine passes its environment to the pack): the pack then starts about 0.6x as long as an empty pack (README,
// Benchmarks). Node writes the cache only when a process exits, and the CLI kills a pack rather than letting it exit,
// so the pack writes it itself once its modules have loaded. Imported first by the pack entry.
import * as nodeModule from "module";

const { flushCompileCache } = nodeModule as { flushCompileCache?: () => void };
if (process.env.NODE_COMPILE_CACHE && typeof flushCompileCache === "function") setImmediate(flushCompileCache);
