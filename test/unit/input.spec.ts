import { strict as assert } from "assert";
import { container as c, table, taskDefinition as td, service, types } from "../support/fixtures";

const tail = "Fix it so the other policies can check this resource.";
table("ecs-input-well-formed", types.taskDefinition, [
    { name: "well-formed input passes", props: td() },
    { name: "containerDefinitions that is not JSON", props: td([], { containerDefinitions: "[{oops" }), violations: [`Malformed input: containerDefinitions is not valid JSON: it breaks at line 1, column 3. ${tail}`] },
    { name: "containerDefinitions that is not a list", props: td([], { containerDefinitions: "{\"name\":\"x\"}" }), violations: [`Malformed input: containerDefinitions is an object, expected a list. ${tail}`] },
    { name: "a container that is not an object", props: td([], { containerDefinitions: "[42]" }), violations: [`Malformed input: containerDefinitions[0] is a number, expected an object. ${tail}`] },
    { name: "wrong field types are named with their path, every one", props: td([c({ essential: "sometimes", stopTimeout: [1], entryPoint: "sh -c x" })]), violations: [`Malformed input: containerDefinitions[0].essential is a string, expected true or false; containerDefinitions[0].stopTimeout is a list, expected a number; containerDefinitions[0].entryPoint is a string, expected a list. ${tail}`] },
    { name: "in container definitions, every wrong type is named, not just the first the provider stops at", props: td([c({ stopTimeout: [1] }), c({ name: "b", entryPoint: "sh -c x" })]), violations: [`Malformed input: containerDefinitions[0].stopTimeout is a list, expected a number; containerDefinitions[1].entryPoint is a string, expected a list. ${tail}`] },
    { name: "a wrong type in any field the ECS API types (containerPort: \"80\", as the provider rejects it)", props: td([c({ portMappings: [{ containerPort: "80" }] })]), violations: [`Malformed input: containerDefinitions[0].portMappings[0].containerPort is a string, expected a number. ${tail}`] },
    { name: "nested wrong types in the SDK's structs are named with their path", props: td([c({ ulimits: [{ name: "nofile", hardLimit: "4096" }], mountPoints: { sourceVolume: "v" }, linuxParameters: { tmpfs: [{ containerPath: "/tmp", size: "64" }] }, secrets: [{ name: "DB", valueFrom: 1 }] })]), violations: [`Malformed input: containerDefinitions[0].linuxParameters.tmpfs[0].size is a string, expected a number; containerDefinitions[0].ulimits[0].hardLimit is a string, expected a number; containerDefinitions[0].mountPoints is an object, expected a list; containerDefinitions[0].secrets[0].valueFrom is a number, expected a string. ${tail}`] },
    { name: "up to 10 malformed fields are named, the rest counted", props: td(Array.from({ length: 12 }, (_, i) => c({ name: `c${i}`, cpu: "256" }))), violations: [`Malformed input: ${Array.from({ length: 10 }, (_, i) => `containerDefinitions[${i}].cpu is a string, expected a number`).join("; ")} (and 2 more). ${tail}`] },
    { name: "invalid JSON says the line and column where it breaks", props: td([], { containerDefinitions: "[\n  {\"name\": \"a\"},\n  {\"name\" \"b\"}\n]" }), violations: [`Malformed input: containerDefinitions is not valid JSON: it breaks at line 3, column 11. ${tail}`] },
    { name: "JSON that stops early says so, with where", props: td([], { containerDefinitions: "[{\"name\": \"a\"}" }), violations: [`Malformed input: containerDefinitions is not valid JSON: it ends early (line 1, column 15). ${tail}`] },
    { name: "the SDK's fields of the right types are well formed", props: td([c({ portMappings: [{ containerPort: 80, protocol: "tcp" }], mountPoints: [{ sourceVolume: "v", containerPath: "/data", readOnly: true }], secrets: [{ name: "DB", valueFrom: "arn:aws:ssm:us-east-1:1:parameter/db" }], ulimits: [{ name: "nofile", softLimit: 1024, hardLimit: 4096 }], cpu: 256, dependsOn: [{ containerName: "b", condition: "START" }] })]) },
    { name: "null and empty strings mean unset", props: td([c({ user: null, command: null, image: "" })]) },
    { name: "keys ECS does not know are ignored", props: td([c({ colour: "blue", essential2: 5 })]) },
    { name: "service network configuration of the wrong type", type: types.service, props: service({ networkConfiguration: "sg-1" }), violations: [`Malformed input: networkConfiguration is a string, expected an object. ${tail}`] },
    { name: "task memory in GB is a documented form", props: td(undefined, { memory: "1 GB" }) },
    { name: "task memory in GB without a space", props: td(undefined, { memory: "2GB" }) },
    { name: "task cpu in vCPUs is a documented form", props: td(undefined, { cpu: "1 vCPU" }) },
    { name: "task cpu in fractional vcpu, any case", props: td(undefined, { cpu: "0.25 vcpu", memory: "0.5gb" }) },
    { name: "aws-native: task memory in GB and cpu in vCPUs", type: "aws-native:ecs:TaskDefinition", props: { ...td(), containerDefinitions: [c()], memory: "1 GB", cpu: "1 vCPU" } },
    { name: "task memory that is no size is malformed", props: td(undefined, { memory: "lots" }), violations: [`Malformed input: memory is a string that is not a size, expected MiB ("1024") or GB ("1 GB"). ${tail}`] },
    { name: "properties that are not an object", props: "garbage", violations: [`Malformed input: the resource's properties are not an object. ${tail}`] },
]);

describe("ecs-input-well-formed on every kind the pack reads", () => {
    const { rules } = require("../../policy/rules");
    it("applies to every resource kind some policy reads", () => {
        const wellFormed = rules.find((r: { name: string }) => r.name === "ecs-input-well-formed");
        const kinds = new Set(rules.flatMap((r: { appliesTo: string[] }) => r.appliesTo));
        for (const kind of kinds) assert.ok(wellFormed.appliesTo.includes(kind), `${kind} is read but its malformed input would pass in silence`);
    });
});
