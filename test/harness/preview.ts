// A pack for one describe block: started before its tests, configured as the CLI configures it, stopped after.
import { join } from "path";
import { PackHandle, startPack } from "./analyzer";

const root = join(__dirname, "..", "..");

/**
 * Starts this repository's pack for the enclosing describe block with `config` as its pack config, and (unless
 * `stack` is false, as when `pulumi policy analyze` runs it) the stack configured for a preview. Call the result
 * for the pack.
 */
export function packForPreview(config?: Record<string, unknown>, options: { stack?: boolean } = {}): () => PackHandle {
    let pack: PackHandle | undefined;
    before(async () => {
        pack = await startPack(root);
        await pack.configureLikeCli(config);
        if (options.stack !== false) await pack.configureStack({ dryRun: true });
    });
    after(async () => pack?.stop());
    return () => pack!;
}
