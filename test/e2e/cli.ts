// Driving the real Pulumi CLI: a fresh local backend per workspace, the stand-in AWS provider on PATH.
import { execFileSync, spawn } from "child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { isAbsolute, join } from "path";

export const root = join(__dirname, "..", "..");
const standIns = [join(__dirname, "stand-in-aws-provider"), join(__dirname, "stand-in-aws-native-provider"), join(__dirname, "stand-in-language-host")];

let cliDir: string | undefined;

/** The folder holding `pulumi` and `pulumi-language-nodejs`: from PATH, or built once by scripts/pulumi-cli.sh. */
export function pulumiCliDir(): string {
    if (!cliDir) {
        const out = execFileSync("bash", [join(root, "scripts", "pulumi-cli.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: 3_000_000 });
        cliDir = out.trim().split("\n").pop()!;
    }
    return cliDir;
}

export interface Run {
    code: number;
    stdout: string;
    stderr: string;
    /** stdout and stderr together, as a user reads them. */
    output: string;
}

export class Workspace {
    readonly dir: string;
    readonly home: string;
    private readonly backend: string;

    private constructor(readonly program: string, private readonly extraEnv: Record<string, string> = {}) {
        this.home = mkdtempSync(join(tmpdir(), "ecs-guardrails-e2e-"));
        this.backend = join(this.home, "state");
        if (isAbsolute(program)) {
            this.dir = program; // a project outside the repository, used in place
        } else if (program === "demo") {
            this.dir = root; // the repository root is the demo stack (Pulumi.yaml, Pulumi.demo.yaml)
        } else {
            cpSync(join(__dirname, "programs"), join(this.home, "programs"), { recursive: true });
            symlinkSync(join(root, "node_modules"), join(this.home, "node_modules"), "dir");
            this.dir = join(this.home, "programs", program);
        }
    }

    /**
     * A copy of test/e2e/programs/<program> (or, for "demo", the demo stack at the repository root) with its
     * own empty `file://` backend and a new stack (`dev`, or `demo`, whose config ships with the repository).
     * An absolute path is a project outside the repository, used in place; `env` is added to the CLI's environment.
     */
    static async create(program: string, options: { env?: Record<string, string> } = {}): Promise<Workspace> {
        const ws = new Workspace(program, options.env);
        execFileSync("mkdir", ["-p", ws.backend]);
        const init = await ws.pulumi(["stack", "init", program === "demo" ? "demo" : "dev"]);
        if (init.code !== 0) throw new Error(`pulumi stack init failed:\n${init.output}`);
        return ws;
    }

    env(): NodeJS.ProcessEnv {
        return {
            ...process.env,
            PATH: [pulumiCliDir(), ...standIns, process.env.PATH].join(":"),
            PULUMI_HOME: join(this.home, ".pulumi"),
            PULUMI_BACKEND_URL: `file://${this.backend}`,
            PULUMI_CONFIG_PASSPHRASE: "",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
            PULUMI_SKIP_CONFIRMATIONS: "true",
            NO_COLOR: "1",
            ...this.extraEnv,
        };
    }

    writeFile(name: string, content: string): string {
        const path = join(this.home, name);
        writeFileSync(path, content);
        return path;
    }

    pulumi(args: string[], timeoutMs = 600_000): Promise<Run> {
        return runPulumi([...args, "--non-interactive", "--color=never"], this.dir, this.env(), timeoutMs);
    }

    preview(...extra: string[]): Promise<Run> {
        return this.pulumi(["preview", "--policy-pack", root, ...extra]);
    }

    up(...extra: string[]): Promise<Run> {
        return this.pulumi(["up", "--yes", "--skip-preview", "--policy-pack", root, ...extra]);
    }

    dispose(): void {
        rmSync(this.home, { recursive: true, force: true });
    }
}

/** Runs `pulumi <args>` in `cwd` with `env`, collecting what it prints. */
export function runPulumi(args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 600_000): Promise<Run> {
    return new Promise((resolve, reject) => {
        const child = spawn("pulumi", args, { cwd, env });
        let stdout = "";
        let stderr = "";
        let output = "";
        child.stdout.on("data", (d) => ((stdout += d), (output += d)));
        child.stderr.on("data", (d) => ((stderr += d), (output += d)));
        const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
        child.on("error", reject);
        child.on("close", (code) => {
            clearTimeout(timer);
            resolve({ code: code ?? -1, stdout, stderr, output });
        });
    });
}
