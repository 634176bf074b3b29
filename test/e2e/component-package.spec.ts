// The components from other languages, with the real CLI: the component package copied out of the repository and
// installed with npm (its `ecs-guardrails` dependency is the `npm pack` tarball), its schema as
// `pulumi package get-schema` derives it (pinned in component-package/schema.json) with only the aws plugin present,
// and Pulumi YAML programs (examples/yaml-*) run by the real YAML language host, previewed under the pack.
import { strict as assert } from "assert";
import { readFileSync, writeFileSync } from "fs";
import { createRequire } from "module";
import { join } from "path";
import { pulumiCliDir, root } from "./cli";
import { Home, yamlHostDir } from "./packages";
import { npmTree, standaloneComponentPackage } from "./published";

const schemaSnapshot = join(root, "component-package", "schema.json");

type Property = { description?: string; type?: string; $ref?: string };
type Schema = {
    resources: Record<string, { inputProperties: Record<string, Property>; requiredInputs?: string[]; properties: Record<string, Property> }>;
    types: Record<string, { properties?: Record<string, Property>; required?: string[]; enum?: unknown[] }>;
};

describe("the component package, from other languages (real CLI, real YAML host)", function () {
    this.timeout(900_000);
    let home: Home;
    let componentPackage: string;
    before(() => {
        componentPackage = standaloneComponentPackage();
        home = new Home(componentPackage, [yamlHostDir()]); // builds the YAML host on a fresh machine (cached after)
        pulumiCliDir();
    });
    after(() => home?.dispose());

    it("copied out of the repository, it installs with npm: its own @pulumi/pulumi, @pulumi/aws and ecs-guardrails, no aws-native; it serves the classes that package exports", () => {
        const tree = npmTree(componentPackage);
        for (const dependency of ["@pulumi/pulumi@3.276.0", "@pulumi/aws@7.48.0", "ecs-guardrails@0.1.0"]) assert.ok(tree.includes(dependency), tree);
        assert.ok(!tree.includes("aws-native"), tree);
        const served = require(componentPackage);
        const imported = createRequire(join(componentPackage, "index.js"))("ecs-guardrails");
        assert.deepEqual(Object.keys(served).sort(), ["Cluster", "FargateService", "Repository", "TaskDefinition"]);
        for (const name of Object.keys(served)) assert.equal(served[name], imported[name], name);
    });

    it("`pulumi package get-schema` of the copy, with only the aws plugin present, derives the schema pinned in component-package/schema.json", async () => {
        const run = await home.pulumi(["package", "get-schema", componentPackage], home.dir);
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
                else if (!required.includes(name) && !/\n\nDefault: .+\.$/.test(p.description)) undocumented.push(`${owner}.${name}: no default`);
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
