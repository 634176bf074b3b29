// The package as others meet it: the `npm pack` tarball, installed as the CLI installs a published pack, and
// installed into a separate consumer project. Installs are cached in .tools/e2e-cache by the tarball's hash
// (a folder counts only once its install completed), so reruns are fast and CI installs once.
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { installLikeCli, npmPack, root, sha256 } from "../../bench/install";

const cache = join(root, ".tools", "e2e-cache");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
let tarball: string | undefined;

/** This package packed as `pulumi policy publish` packs it (bin/ must be built: `npm test` builds it). */
export function packedTarball(): string {
    tarball ??= npmPack(root, join(cache, "tarballs"));
    return tarball;
}

/**
 * Runs `install` into a fresh folder and keeps it as `<kind>-<key>` once it succeeded; reuses a kept one and
 * drops those of other keys (earlier tarballs).
 */
function cached(kind: string, key: string, install: (into: string) => void, folder = cache): string {
    const done = join(folder, `${kind}-${key}`);
    if (existsSync(join(done, ".complete"))) return done;
    if (existsSync(folder)) {
        for (const old of readdirSync(folder).filter((d) => d.startsWith(`${kind}-`))) rmSync(join(folder, old), { recursive: true, force: true });
    }
    const partial = `${done}.partial`;
    rmSync(partial, { recursive: true, force: true });
    rmSync(done, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    install(partial);
    writeFileSync(join(partial, ".complete"), new Date().toISOString());
    renameSync(partial, done);
    return done;
}

/** The pack installed from the tarball as the CLI installs a published pack; returns the pack's folder. */
export function installedPack(): string {
    const file = packedTarball();
    return join(cached("pack", sha256(file), (into) => installLikeCli(file, into)), "package");
}

/**
 * A consumer project (test/e2e/consumer) with the newest @pulumi/pulumi 3 and @pulumi/aws 7 from the registry,
 * with the tarball installed as a dependency; returns the project's folder.
 */
export function consumerProject(): string {
    const file = packedTarball();
    return cached("consumer", sha256(file), (into) => {
        cpSync(join(__dirname, "consumer"), into, { recursive: true });
        cpSync(file, join(into, "ecs-guardrails.tgz"));
        const run = spawnSync(npm, ["install", "--loglevel=error", "--no-audit", "--no-fund"], { cwd: into, encoding: "utf8" });
        if (run.status !== 0) throw new Error(`npm install failed in the consumer project:\n${run.stdout}\n${run.stderr}`);
    });
}

const componentPackageFiles = ["package.json", "PulumiPlugin.yaml", "index.js", "index.ts", "tsconfig.json", "README.md"];

/**
 * component-package/ copied out of the repository (into the system's temporary folder, so nothing of the
 * repository's node_modules is in reach) with its dependency on `ecs-guardrails` given as the `npm pack` tarball,
 * installed with npm as `pulumi package add` installs it; returns the copy's folder.
 */
export function standaloneComponentPackage(): string {
    const file = packedTarball();
    const source = join(root, "component-package");
    const key = sha256Text([sha256(file), ...componentPackageFiles.map((f) => readFileSync(join(source, f), "utf8"))].join("\0"));
    return cached("component-package", key, (into) => {
        for (const f of componentPackageFiles) cpSync(join(source, f), join(into, f));
        cpSync(file, join(into, "ecs-guardrails.tgz"));
        const run = spawnSync(npm, ["install", "--loglevel=error", "--no-audit", "--no-fund", "ecs-guardrails@file:./ecs-guardrails.tgz"], { cwd: into, encoding: "utf8" });
        if (run.status !== 0) throw new Error(`npm install failed in the copied component package:\n${run.stdout}\n${run.stderr}`);
    }, join(tmpdir(), "ecs-guardrails-e2e-cache"));
}

function sha256Text(text: string): string {
    return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** `npm ls --all` of a folder (what is installed where), for failure messages. */
export function npmTree(dir: string): string {
    const run = spawnSync(npm, ["ls", "--all", "--omit=dev", "--loglevel=error"], { cwd: dir, encoding: "utf8" });
    return run.stdout;
}
