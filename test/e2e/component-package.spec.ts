// The components from other languages, with the real CLI: the component package's schema as
// `pulumi package get-schema` derives it (pinned in component-package/schema.json), and Pulumi YAML programs
// (examples/yaml-*) run by the real YAML language host, previewed under the pack.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pulumiCliDir, root, runPulumi } from "./cli";
import type { Run } from "./cli";

const componentPackage = join(root, "component-package");
const schemaSnapshot = join(componentPackage, "schema.json");

/** The folder holding `pulumi-language-yaml`, built once by scripts/pulumi-language-yaml.sh. */
function yamlHostDir(): string {
    const out = execFileSync("bash", [join(root, "scripts", "pulumi-language-yaml.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: 3_000_000 });
    return out.trim().split("\n").pop()!;
}

/** A home with its own backend and plugin cache, in which the stand-in AWS provider counts as installed. */
class Home {
    readonly dir = mkdtempSync(join(tmpdir(), "ecs-guardrails-packages-"));

    constructor(private readonly yamlHost: string) {
        // `pulumi package get-schema` and the YAML host install what the component package requires (aws) into
        // PULUMI_HOME before they look at PATH: the stand-in is that install here, as `pulumi plugin install` lays it out.
        const aws = JSON.parse(readFileSync(join(root, "node_modules", "@pulumi", "aws", "package.json"), "utf8")).version;
        const plugin = join(this.dir, ".pulumi", "plugins", `resource-aws-v${aws}`);
        mkdirSync(plugin, { recursive: true });
        symlinkSync(join(__dirname, "stand-in-aws-provider", "pulumi-resource-aws"), join(plugin, "pulumi-resource-aws"));
        // @pulumi/aws-native (a dev dependency: the aws-native tests) is in node_modules too, so it is required as well.
        const native = JSON.parse(readFileSync(join(root, "node_modules", "@pulumi", "aws-native", "package.json"), "utf8")).version;
        const nativePlugin = join(this.dir, ".pulumi", "plugins", `resource-aws-native-v${native}`);
        mkdirSync(nativePlugin, { recursive: true });
        symlinkSync(join(__dirname, "stand-in-aws-native-provider", "pulumi-resource-aws-native"), join(nativePlugin, "pulumi-resource-aws-native"));
        mkdirSync(join(this.dir, "state"));
    }

    env(): NodeJS.ProcessEnv {
        const standIns = [join(__dirname, "stand-in-aws-provider"), join(__dirname, "stand-in-language-host")];
        return {
            ...process.env,
            PATH: [pulumiCliDir(), this.yamlHost, ...standIns, process.env.PATH].join(":"),
            PULUMI_HOME: join(this.dir, ".pulumi"),
            PULUMI_BACKEND_URL: `file://${join(this.dir, "state")}`,
            PULUMI_CONFIG_PASSPHRASE: "",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            NO_COLOR: "1",
        };
    }

    /** A copy of examples/<name>, its `packages:` entry pointing at this repository's component package. */
    program(name: string): string {
        const dir = join(this.dir, name);
        cpSync(join(root, "examples", name), dir, { recursive: true });
        const project = join(dir, "Pulumi.yaml");
        const text = readFileSync(project, "utf8");
        assert.match(text, /^ {2}ecs-guardrails: \.\.\/\.\.\/component-package$/m);
        writeFileSync(project, text.replace(/^( {2}ecs-guardrails: )\.\.\/\.\.\/component-package$/m, `$1${componentPackage}`));
        return dir;
    }

    pulumi(args: string[], cwd: string): Promise<Run> {
        return runPulumi([...args, "--non-interactive"], cwd, this.env());
    }

    /** `pulumi preview --policy-pack <repo root>` of examples/<name> on a new stack. */
    async preview(name: string): Promise<Run> {
        const dir = this.program(name);
        const init = await this.pulumi(["stack", "init", "dev"], dir);
        assert.equal(init.code, 0, init.output);
        return this.pulumi(["preview", "--policy-pack", root, "--color=never"], dir);
    }

    dispose(): void {
        rmSync(this.dir, { recursive: true, force: true });
    }
}

type Property = { description?: string; type?: string; $ref?: string };
type Schema = {
    resources: Record<string, { inputProperties: Record<string, Property>; requiredInputs?: string[]; properties: Record<string, Property> }>;
    types: Record<string, { properties?: Record<string, Property>; required?: string[]; enum?: unknown[] }>;
};

describe("the component package, from other languages (real CLI, real YAML host)", function () {
    this.timeout(900_000);
    let home: Home;
    before(() => {
        home = new Home(yamlHostDir()); // builds the YAML host on a fresh machine (cached after)
        pulumiCliDir();
    });
    after(() => home?.dispose());

    it("`pulumi package get-schema` derives the schema pinned in component-package/schema.json", async () => {
        const run = await home.pulumi(["package", "get-schema", componentPackage], root);
        assert.equal(run.code, 0, run.output);
        const derived = `${JSON.stringify(JSON.parse(run.stdout), null, 2)}\n`;
        if (process.env.ECS_GUARDRAILS_UPDATE_SCHEMA === "1") writeFileSync(schemaSnapshot, derived);
        assert.equal(derived, readFileSync(schemaSnapshot, "utf8"),
            "the components' public API changed: review it, then run this test with ECS_GUARDRAILS_UPDATE_SCHEMA=1 and commit component-package/schema.json");
    });

    it("the schema lists the four components, every input documented, optional ones with their default", () => {
        const schema: Schema = JSON.parse(readFileSync(schemaSnapshot, "utf8"));
        assert.deepEqual(Object.keys(schema.resources).sort(), ["Cluster", "FargateService", "Repository", "TaskDefinition"].map((c) => `ecs-guardrails:index:${c}`));
        const undocumented: string[] = [];
        const check = (owner: string, properties: Record<string, Property>, required: string[]) => {
            for (const [name, p] of Object.entries(properties)) {
                if (!p.description?.trim()) undocumented.push(`${owner}.${name}: no description`);
                else if (!required.includes(name) && !/Default: /.test(p.description)) undocumented.push(`${owner}.${name}: no default`);
            }
        };
        for (const [token, r] of Object.entries(schema.resources)) check(token, r.inputProperties, r.requiredInputs ?? []);
        for (const [token, t] of Object.entries(schema.types)) if (t.properties) check(token, t.properties, t.required ?? []);
        assert.deepEqual(undocumented, []);
        const service = schema.resources["ecs-guardrails:index:FargateService"].inputProperties;
        assert.equal(service.autoscaling.$ref, "#/types/ecs-guardrails:index:AutoscalingArgs");
        assert.equal(service.capacityProviderStrategy.type, "array");
        assert.ok(service.serviceOverrides && schema.types["ecs-guardrails:index:TaskDefinitionArgs"].properties!.taskDefinitionOverrides);
    });

    it("a YAML program builds a service from the components: preview passes the pack with zero violations", async () => {
        const run = await home.preview("yaml-service");
        assert.equal(run.code, 0, run.output);
        assert.match(run.output, /✅ ecs-guardrails@v0\.1\.0/);
        assert.ok(!/\[(mandatory|advisory)\]/.test(run.output), run.output);
        for (const child of ["ecs-guardrails:index:FargateService api", "aws:ecs:Service api", "aws:ecs:TaskDefinition api", "aws:ecs:ClusterCapacityProviders cluster", "aws:appautoscaling:Target api-scaling", "aws:appautoscaling:Policy api-cpu", "aws:appautoscaling:Policy api-memory"]) {
            assert.ok(run.output.includes(`+  ${child} create`), `${child} in:\n${run.output}`);
        }
        assert.match(run.output, /\+ 21 to create/);
    });

    it("a YAML override into a violation fails preview with the pack's message", async () => {
        const run = await home.preview("yaml-public-ip");
        assert.notEqual(run.code, 0, run.output);
        assert.ok(run.output.includes("[ecs-no-public-ip] Tasks get a public IP address (networkConfiguration.assignPublicIp turns it on). Turn it off, use private subnets and a load balancer."), run.output);
        assert.ok(!run.output.includes("aws:ecs:Service web create"), "the service is never registered");
    });
});
