// `pulumi policy analyze --file` on a stack export whose secrets it cannot decrypt redacts each of them to the
// string "[secret]", whatever the value's type. A redacted value cannot be checked; it must never be reported as
// a violation (an image "[secret]" is not an untagged image, a "[secret]" number is not malformed input).
import { strict as assert } from "assert";
import { checkResource } from "../../policy/check";
import { cluster, container, expressService, repository, service, taskDefinition, types } from "../support/fixtures";

const redacted = "[secret]";
type Props = Record<string, unknown>;

/** Every path to a property, at every depth (objects and list items), in a resource's properties. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    const out: (string | number)[][] = prefix.length > 0 ? [prefix] : [];
    if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
    return out;
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
    if (path.length === 0) return by;
    const [head, ...rest] = path;
    if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, by) : v));
    return { ...(value as Props), [head]: replaced((value as Props)[head as string], rest, by) };
}

const violations = (type: string, props: Props) => checkResource(type, props).map((v) => `[${v.policy}] ${v.message}`);

/** Compliant resources, with their container definitions as objects so each field can be redacted alone (aws-native shape). */
const containersAsObjects = { ...taskDefinition(), containerDefinitions: [container()] };
const resources: [string, string, Props][] = [
    ["task definition (containers as JSON text, redacted whole)", types.taskDefinition, taskDefinition()],
    ["task definition (each container field redacted)", types.taskDefinition, containersAsObjects],
    ["service", types.service, service()],
    ["Express Gateway service", types.expressService, expressService()],
    ["cluster", types.cluster, cluster()],
    ["repository", types.repository, repository()],
];

describe("redacted secrets in a stack export (\"[secret]\" for any type)", () => {
    for (const [label, type, props] of resources) {
        it(`${label}: no violation whichever property is redacted`, () => {
            const before = violations(type, props);
            const found: string[] = [];
            for (const path of paths(props)) {
                for (const v of violations(type, replaced(props, path, redacted) as Props)) {
                    if (!before.includes(v)) found.push(`${path.join(".")}: ${v}`);
                }
            }
            assert.deepEqual(found, []);
        });
    }

    it("a redacted image is not reported as `latest`; a real `latest` still is", () => {
        assert.deepEqual(violations(types.taskDefinition, taskDefinition([container({ image: redacted })])), []);
        assert.deepEqual(violations(types.taskDefinition, taskDefinition([container({ image: "nginx:latest" })])).map((v) => v.split("]")[0]), ["[ecs-image-tag-pinned"]);
    });

    it("a redacted number or boolean is not malformed input; a wrong type still is", () => {
        assert.deepEqual(violations(types.taskDefinition, taskDefinition([container({ stopTimeout: redacted, readonlyRootFilesystem: redacted })])), []);
        assert.deepEqual(violations(types.taskDefinition, taskDefinition([container({ stopTimeout: "thirty" })])).map((v) => v.split("]")[0]), ["[ecs-input-well-formed"]);
    });

    it("the same holds for values not known at preview: an unknown primary container or cluster setting is checked later, not failed", () => {
        const unknownObject = "dd056dcd-154b-4c76-9bd3-c8f88648b5ff";
        const unknownString = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        assert.deepEqual(violations(types.expressService, expressService({ primaryContainer: unknownObject })), []);
        assert.deepEqual(violations(types.cluster, cluster({ settings: [unknownObject] })), []);
        assert.deepEqual(violations(types.cluster, cluster({ settings: [{ name: unknownString, value: "enabled" }] })), []);
        assert.deepEqual(violations(types.cluster, cluster({ settings: [{ name: "containerInsights", value: "disabled" }] })).map((v) => v.split("]")[0]), ["[ecs-cluster-container-insights"]);
    });
});
