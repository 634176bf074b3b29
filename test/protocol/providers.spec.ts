// What the Analyze and AnalyzeStack requests say of each resource's provider (its inputs), read over the wire.
import { strict as assert } from "assert";
import { packForPreview } from "../harness/preview";
import { saidBy } from "../harness/said";
import { service, taskDefinition as td, types } from "../support/fixtures";

const awsProvider = (name: string, properties: Record<string, unknown>) => ({ type: "pulumi:providers:aws", name, properties });

describe("the resource's provider, over the Analyzer protocol", function () {
    this.timeout(120_000);
    const pack = packForPreview({ "ecs-required-tags": { requiredTags: ["team", "environment"] } });

    it("the provider's defaultTags (a JSON string, as the engine sends provider inputs) satisfy ecs-required-tags", async () => {
        const provider = awsProvider("tagged", { region: "us-east-1", defaultTags: JSON.stringify({ tags: { team: "shop", environment: "prod" } }) });
        const r = await pack().analyze({ type: types.service, name: "svc", properties: service(), provider });
        assert.deepEqual(saidBy(r, "ecs-required-tags"), []);
        const bare = await pack().analyze({ type: types.service, name: "svc", properties: service(), provider: awsProvider("bare", { region: "us-east-1" }) });
        assert.deepEqual(saidBy(bare, "ecs-required-tags"), ["Missing required tags 'team', 'environment'. Add them so cost and ownership reports can group this resource."]);
    });

    it("one family through providers of two regions does not conflict in AnalyzeStack", async () => {
        const east = awsProvider("east", { region: "us-east-1" });
        const west = awsProvider("west", { region: "us-west-2" });
        const r = await pack().analyzeStack([
            { type: types.taskDefinition, name: "api-east", properties: td(), provider: east },
            { type: types.taskDefinition, name: "api-west", properties: td(), provider: west },
        ]);
        assert.deepEqual(saidBy(r, "ecs-task-family-unique"), []);
        const same = await pack().analyzeStack([
            { type: types.taskDefinition, name: "api-east", properties: td(), provider: east },
            { type: types.taskDefinition, name: "api-east-2", properties: td(), provider: east },
        ]);
        assert.equal(saidBy(same, "ecs-task-family-unique").length, 2);
    });
});
