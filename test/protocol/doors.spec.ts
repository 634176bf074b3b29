// Doors of issue 14 over the wire: conditions any request meets, passwords as connection-string parameters.
import { strict as assert } from "assert";
import { packForPreview } from "../harness/preview";
import { saidBy } from "../harness/said";
import { container as c, taskDefinition as td, types } from "../support/fixtures";


describe("doors closed, over the Analyzer protocol", function () {
    this.timeout(120_000);
    const pack = packForPreview();

    it("Principal '*' with aws:SecureTransport stays public (aws and aws-native)", async () => {
        const statement = { Effect: "Allow", Principal: "*", Action: "ecr:*", Condition: { Bool: { "aws:SecureTransport": "true" } } };
        const text = "Repository policy statement #1 allows everyone (Principal '*') with no Condition that restricts it. Name the principals, or add a Condition such as aws:PrincipalOrgID.";
        const aws = await pack().analyze({ type: types.repositoryPolicy, name: "p", properties: { repository: "shop/api", policy: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }) } });
        assert.deepEqual(saidBy(aws, "ecr-no-public-access"), [text]);
        const native = await pack().analyze({ type: "aws-native:ecr:Repository", name: "r", properties: { repositoryName: "shop/api", repositoryPolicyText: { Version: "2012-10-17", Statement: [statement] } } });
        assert.deepEqual(saidBy(native, "ecr-no-public-access"), [text]);
    });

    it("a JDBC password parameter is a credential, and the message names only the variable", async () => {
        const r = await pack().analyze({ type: types.taskDefinition, name: "api", properties: td([c({ environment: [{ name: "JDBC", value: "jdbc:sqlserver://db;user=app;password=hunter2" }] })]) });
        const found = saidBy(r, "ecs-no-secrets-in-environment");
        assert.equal(found.length, 1);
        assert.doesNotMatch(found[0], /hunter2/);
    });

    it("task memory \"1 GB\" is well formed", async () => {
        const r = await pack().analyze({ type: types.taskDefinition, name: "api", properties: td(undefined, { memory: "1 GB", cpu: "0.5 vCPU" }) });
        assert.deepEqual(saidBy(r, "ecs-input-well-formed"), []);
    });
});
