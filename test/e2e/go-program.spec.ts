// A Go program (examples/go-service) using the component package through its generated Go SDK, run by the real Go
// language host (pulumi-language-go from sdk/v3 v3.62.0) with the real CLI, previewed under the pack.
import { strict as assert } from "assert";
import { pulumiCliDir } from "./cli";
import { Home, goHostDir } from "./packages";
import { standaloneComponentPackage } from "./published";

describe("the component package from Go (real CLI, real Go host)", function () {
    this.timeout(1_200_000);
    let home: Home;
    before(() => {
        home = new Home(standaloneComponentPackage(), [goHostDir()]); // builds the Go host on a fresh machine (cached after)
        pulumiCliDir();
    });
    after(() => home?.dispose());

    it("a Go program builds a service from the components: preview passes the pack with zero violations", async () => {
        const run = await home.preview("go-service");
        assert.equal(run.code, 0, run.output);
        assert.match(run.output, /using pulumi-language-go from \$PATH at .*pulumi-language-go-v3\.62\.0/);
        assert.match(run.output, /✅ ecs-guardrails@v0\.1\.0/);
        assert.ok(!/\[(mandatory|advisory)\]/.test(run.output), run.output);
        for (const child of ["ecs-guardrails:index:FargateService api", "aws:ecs:Service api", "aws:ecs:TaskDefinition api", "aws:appautoscaling:Target api-scaling"]) {
            assert.ok(run.output.includes(`+  ${child} create`), `${child} in:\n${run.output}`);
        }
        assert.match(run.output, /\+ 17 to create/);
    });

    it("a Go override into a violation (a public IP) fails preview with the pack's message, naming the component", async () => {
        const run = await home.preview("go-service", { publicIp: "true" });
        assert.notEqual(run.code, 0, run.output);
        assert.ok(run.output.includes("FargateService 'api' (urn:pulumi:dev::ecs-guardrails-go-service::ecs-guardrails:index:FargateService::api) would be rejected by the ecs-guardrails policy pack:\n" +
            "      [ecs-no-public-ip] Tasks get a public IP address (networkConfiguration.assignPublicIp turns it on). Turn it off, use private subnets and a load balancer.\n" +
            "        Property: networkConfiguration.assignPublicIp"), run.output);
        assert.ok(!run.output.includes("aws:ecs:Service api create"), "the service is never registered");
    });
});
