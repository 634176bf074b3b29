// A policy pack installed as the Pulumi CLI installs a published one (backend/httpstate/policypack.go
// installRequiredPolicy): the `npm pack` tarball extracted to `<dir>/package`, then, through the Node.js
// language host, `npm install --loglevel=error`, plus `--production` when PulumiPolicy.yaml's runtime options
// say `production: true` (sdk/nodejs/npm/npm.go installCmd). Shared by the install benchmark and the tests.
import { execFileSync, spawnSync } from "child_process";
import { createHash } from "crypto";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
export const root = join(__dirname, "..");

/** `npm pack` of a folder into `dest`, scripts included, as `pulumi policy publish` runs it; returns the tarball's path. */
export function npmPack(dir: string, dest: string): string {
    mkdirSync(dest, { recursive: true });
    const out = execFileSync(npm, ["pack", "--json", "--loglevel=error", "--pack-destination", dest], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const [info] = JSON.parse(out) as { filename: string }[];
    return join(dest, info.filename);
}

/** Whether PulumiPolicy.yaml asks for a production install (`runtime.options.production: true`). */
export function wantsProduction(packDir: string): boolean {
    const yaml = readFileSync(join(packDir, "PulumiPolicy.yaml"), "utf8");
    return /^\s+production:\s*true\s*(#.*)?$/m.test(yaml);
}

export interface Installed {
    /** The installed pack's folder (the tarball's `package/`). */
    dir: string;
    /** Wall-clock time of the `npm install`, in milliseconds. */
    ms: number;
    /** Apparent size of its node_modules, in bytes. */
    bytes: number;
    production: boolean;
}

/** Extracts `tarball` into `into/package` and runs the npm command the CLI runs there. Throws on failure. */
export function installLikeCli(tarball: string, into: string, env: NodeJS.ProcessEnv = process.env): Installed {
    mkdirSync(into, { recursive: true });
    execFileSync("tar", ["xzf", tarball, "-C", into]);
    const dir = join(into, "package");
    const production = wantsProduction(dir);
    const args = ["install", "--loglevel=error", ...(production ? ["--production"] : [])];
    const start = process.hrtime.bigint();
    const run = spawnSync(npm, args, { cwd: dir, env, encoding: "utf8" });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`npm ${args.join(" ")} failed in ${dir}:\n${run.stdout}\n${run.stderr}`);
    return { dir, ms, bytes: apparentBytes(join(dir, "node_modules")), production };
}

/** Sum of file sizes under a folder (symlinks not followed). */
export function apparentBytes(dir: string): number {
    if (!existsSync(dir)) return 0;
    let total = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) total += apparentBytes(path);
        else total += lstatSync(path).size;
    }
    return total;
}

/** Every installed copy of a package under a folder's node_modules (nested ones included): their versions. */
export function installedCopies(dir: string, name: string): string[] {
    const found: string[] = [];
    const walk = (modules: string) => {
        if (!existsSync(modules)) return;
        for (const entry of readdirSync(modules)) {
            if (entry.startsWith(".")) continue;
            const names = entry.startsWith("@") ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`) : [entry];
            for (const pkg of names) {
                const pkgDir = join(modules, pkg);
                if (pkg === name) found.push(JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).version);
                walk(join(pkgDir, "node_modules"));
            }
        }
    };
    walk(join(dir, "node_modules"));
    return found;
}

/**
 * The floor for installs: bench/packs/empty as a publishable pack on the same @pulumi/policy and @pulumi/pulumi
 * requirements as ours (our dependency and peer range), packed into `dest`.
 */
export function packEmptyPack(dest: string): string {
    const ours = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const dir = mkdtempSync(join(tmpdir(), "ecs-guardrails-empty-pack-"));
    try {
        for (const f of ["index.js", "PulumiPolicy.yaml"]) cpSync(join(__dirname, "packs", "empty", f), join(dir, f));
        writeFileSync(join(dir, "package.json"), JSON.stringify({
            name: "empty-pack", version: "0.0.0", main: "index.js",
            dependencies: { "@pulumi/policy": ours.dependencies["@pulumi/policy"], "@pulumi/pulumi": ours.peerDependencies["@pulumi/pulumi"] },
        }, null, 2));
        return npmPack(dir, dest);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** AWSGuard as a publishable pack (bench/packs/awsguard), packed into `dest`. */
export function packAwsGuard(dest: string): string {
    return npmPack(join(__dirname, "packs", "awsguard"), dest);
}

export function sha256(file: string): string {
    return createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 16);
}
