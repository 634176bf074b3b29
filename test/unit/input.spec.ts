import { container as c, table, taskDefinition as td, service, types } from "../support/fixtures";

const tail = "Fix it so the other policies can check this resource.";
table("ecs-input-well-formed", types.taskDefinition, [
    { name: "well-formed input passes", props: td() },
    { name: "containerDefinitions that is not JSON", props: td([], { containerDefinitions: "[{oops" }), violations: [`Malformed input: containerDefinitions is not valid JSON. ${tail}`] },
    { name: "containerDefinitions that is not a list", props: td([], { containerDefinitions: "{\"name\":\"x\"}" }), violations: [`Malformed input: containerDefinitions is an object, expected a list. ${tail}`] },
    { name: "a container that is not an object", props: td([], { containerDefinitions: "[42]" }), violations: [`Malformed input: containerDefinitions[0] is a number, expected an object. ${tail}`] },
    { name: "wrong field types are named with their path", props: td([c({ essential: "sometimes", stopTimeout: [1], entryPoint: "sh -c x" })]), violations: [`Malformed input: containerDefinitions[0].essential is a string, expected true or false. ${tail}`] },
    { name: "in container definitions, the provider stops at the first wrong type", props: td([c({ stopTimeout: [1], entryPoint: "sh -c x" })]), violations: [`Malformed input: containerDefinitions[0].stopTimeout is a list, expected a number. ${tail}`] },
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
