// Programs in other languages using the component package with the real CLI and real language hosts: a home with
// its own backend and plugin cache, the hosts built once into .tools/.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pulumiCliDir, root, runPulumi } from "./cli";
import type { Run } from "./cli";

/** The folder a script prints last: scripts/pulumi-language-<language>.sh builds that host once. */
function hostDir(language: string): string {
    const out = execFileSync("bash", [join(root, "scripts", `pulumi-language-${language}.sh`)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: 3_000_000 });
    return out.trim().split("\n").pop()!;
}

/** The folder holding `pulumi-language-yaml` (v1.25.0). */
export const yamlHostDir = () => hostDir("yaml");
/** The folder holding `pulumi-language-go` (sdk/v3 v3.62.0). */
export const goHostDir = () => hostDir("go");

/**
 * A home with its own backend and plugin cache, in which the stand-in AWS provider counts as installed: the only
 * provider plugin there (automatic plugin downloads are off, so a plugin the package needed besides would fail it).
 */
export class Home {
    readonly dir = mkdtempSync(join(tmpdir(), "ecs-guardrails-packages-"));

    constructor(readonly componentPackage: string, private readonly languageHosts: string[]) {
        // `pulumi package get-schema` and the language hosts install what the component package requires (aws) into
        // PULUMI_HOME before they look at PATH: the stand-in is that install here, as `pulumi plugin install` lays it out.
        const aws = JSON.parse(readFileSync(join(componentPackage, "node_modules", "@pulumi", "aws", "package.json"), "utf8")).version;
        const plugin = join(this.dir, ".pulumi", "plugins", `resource-aws-v${aws}`);
        mkdirSync(plugin, { recursive: true });
        symlinkSync(join(__dirname, "stand-in-aws-provider", "pulumi-resource-aws"), join(plugin, "pulumi-resource-aws"));
        mkdirSync(join(this.dir, "state"));
    }

    env(): NodeJS.ProcessEnv {
        // The stand-in language host runs the component package; no aws-native stand-in is on PATH.
        const standIns = [join(__dirname, "stand-in-language-host")];
        return {
            ...process.env,
            PATH: [pulumiCliDir(), ...this.languageHosts, ...standIns, process.env.PATH].join(":"),
            PULUMI_HOME: join(this.dir, ".pulumi"),
            PULUMI_BACKEND_URL: `file://${join(this.dir, "state")}`,
            PULUMI_CONFIG_PASSPHRASE: "",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            NO_COLOR: "1",
        };
    }

    /** A copy of examples/<name>, its `packages:` entry pointing at the installed copy of the component package. */
    program(name: string): string {
        const dir = join(this.dir, name);
        cpSync(join(root, "examples", name), dir, { recursive: true });
        const project = join(dir, "Pulumi.yaml");
        const text = readFileSync(project, "utf8");
        assert.match(text, /^ {2}ecs-guardrails: \.\.\/\.\.\/component-package$/m);
        writeFileSync(project, text.replace(/^( {2}ecs-guardrails: )\.\.\/\.\.\/component-package$/m, `$1${this.componentPackage}`));
        return dir;
    }

    pulumi(args: string[], cwd: string): Promise<Run> {
        return runPulumi([...args, "--non-interactive"], cwd, this.env());
    }

    /** `pulumi preview --policy-pack <repo root>` of examples/<name> on the stack `dev` (created at first), with `config` set. */
    async preview(name: string, config: Record<string, string> = {}): Promise<Run> {
        const dir = this.program(name);
        const init = await this.pulumi(["stack", "select", "--create", "dev"], dir);
        assert.equal(init.code, 0, init.output);
        for (const [key, value] of Object.entries(config)) {
            const set = await this.pulumi(["config", "set", key, value], dir);
            assert.equal(set.code, 0, set.output);
        }
        return this.pulumi(["preview", "--policy-pack", root, "--color=never"], dir);
    }

    dispose(): void {
        rmSync(this.dir, { recursive: true, force: true });
    }
}

