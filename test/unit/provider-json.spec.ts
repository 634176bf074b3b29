// Container definitions read as the aws provider reads them (Go's encoding/json into the ECS SDK's types).
import { strict as assert } from "assert";
import { readAsProvider } from "../../policy/model/providerJson";
import { container as c, table, taskDefinition as td, types } from "../support/fixtures";

const raw = (text: string) => td([], { containerDefinitions: text });
const base = JSON.stringify(c()).slice(1, -1); // a compliant container's fields, to add keys after
const tail = "Fix it so the other policies can check this resource.";

table("ecs-no-privileged", types.taskDefinition, [
    { name: "a key in another case sets the field", props: raw(`[{${base}, "Privileged": true}]`), violations: ["container 'api' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs."] },
    { name: "keys in any case: the last one wins", props: raw(`[{${base}, "PRIVILEGED": false, "privileged": true}]`), violations: ["container 'api' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs."] },
    { name: "a dotless ı does not fold to i in Go: the key is ignored, privileged stays true", props: raw(`[{${base}, "privileged": true, "pr\u0131vileged": false}]`), violations: ["container 'api' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs."] },
    { name: "the last of two keys for one field wins", props: raw(`[{${base}, "privileged": true, "Privileged": false}]`) },
    { name: "a second JSON value merges into the first container", props: raw(`[{${base}}] [{"privileged": true}]`), violations: ["container 'api' runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs."] },
]);

table("ecs-image-tag-pinned", types.taskDefinition, [
    { name: "a duplicate image key: the one ECS gets is checked", props: raw(`[{${base}, "Image": "nginx:latest"}]`), violations: ["container 'api' image 'nginx:latest' uses the mutable tag 'latest'. Use a unique tag per build (e.g. the git SHA) or a digest."] },
    { name: "a dotted capital İ is not I (Go folds by simple case folding)", props: raw(`[{${base}, "\u0130mage": "nginx:latest"}]`) },
]);

table("ecs-no-secrets-in-environment", types.taskDefinition, [
    { name: "Name and Value in another case", props: raw(`[{${base}, "environment": [{"Name": "DB_PASSWORD", "Value": "hunter2-hunter2"}]}]`), violations: ["container 'api' environment variable 'DB_PASSWORD' is named like a secret and is stored in plain text in the task definition. Move it to `secrets` (Secrets Manager or SSM)."] },
    { name: "a second Environment list merges into the first by position", props: raw(`[{${base}, "environment": [{"name": "DB_PASSWORD", "value": ""}], "Environment": [{"value": "hunter2-hunter2"}]}]`), violations: ["container 'api' environment variable 'DB_PASSWORD' is named like a secret and is stored in plain text in the task definition. Move it to `secrets` (Secrets Manager or SSM)."] },
]);

table("ecs-stop-timeout", types.taskDefinition, [
    { name: "a key with a long s (ſ folds to S)", props: raw(`[{${base}, "\u017ftopTimeout": 600}]`), violations: ["container 'api' stopTimeout '600' is outside [2, 120] seconds. Set it to what the application needs to drain, within that range."] },
]);

table("ecs-init-process", types.taskDefinition, [
    { name: "nested keys in another case, merged into the earlier struct", props: raw(`[{${base}, "LinuxParameters": {"InitProcessEnabled": false}}]`), violations: ["container 'api' runs without an init process. Set linuxParameters.initProcessEnabled to true (or start it with tini) so SIGTERM reaches the application."] },
]);

table("ecs-input-well-formed", types.taskDefinition, [
    { name: "a whole number with a fraction is rejected", props: raw(`[{${base}, "stopTimeout": 30.5}]`), violations: [`Malformed input: containerDefinitions[0].stopTimeout is 30.5, expected a whole number. ${tail}`] },
    { name: "a string for a boolean is rejected", props: raw(`[{${base}, "Privileged": "true"}]`), violations: [`Malformed input: containerDefinitions[0].privileged is a string, expected true or false. ${tail}`] },
    { name: "a number beyond 32 bits is rejected", props: raw(`[{${base}, "memory": 4294967296}]`), violations: [`Malformed input: containerDefinitions[0].memory is 4294967296, out of range for a 32-bit number. ${tail}`] },
    { name: "an object instead of a list of containers is rejected", props: raw(`{${base}}`), violations: [`Malformed input: containerDefinitions is an object, expected a list. ${tail}`] },
    { name: "trailing junk is not JSON", props: raw(`[{${base}}] x`), violations: [`Malformed input: containerDefinitions is not valid JSON: it breaks at line 1, column ${base.length + 6}. ${tail}`] },
    { name: "JSON values that shrink the list and grow it again are refused (Go would revive the earlier containers' fields)", props: raw(`[{${base}, "privileged": true}, {"name": "b", "image": "b:1", "privileged": true}] [{${base}}] [{${base}}, {"name": "b", "image": "b:1"}]`), violations: [`Malformed input: containerDefinitions holds JSON values that shrink the container list and grow it again, which the provider reads with leftovers of the earlier values; write one JSON list. ${tail}`] },
    { name: "unknown keys of any type are ignored", props: raw(`[{${base}, "colour": {"deep": [1, 2]}}]`) },
]);

describe("the provider's reading", () => {
    it("keeps what earlier values set where a later one is silent, and truncates to the later list", () => {
        const reading = readAsProvider(`[{"name": "a", "privileged": true}, {"name": "b"}] [{"name": "c"}]`, "containerDefinitions");
        assert.deepEqual(reading, { ok: true, containers: [{ name: "c", privileged: true }] });
    });
    it("null clears a field; an empty list clears every container", () => {
        assert.deepEqual(readAsProvider(`[{"name": "a", "user": "0"}] [{"user": null}]`, "p"), { ok: true, containers: [{ name: "a" }] });
        assert.deepEqual(readAsProvider(`[{"name": "a"}] []`, "p"), { ok: true, containers: [] });
    });
    it("reads a 1 MB string without trouble", () => {
        const many = JSON.stringify(Array.from({ length: 2000 }, (_, i) => c({ name: `c${i}`, command: ["sh", "-c", "x".repeat(400)] })));
        const reading = readAsProvider(many, "p");
        assert.ok(reading.ok && reading.containers.length === 2000);
    });
    it("never throws on deep nesting", () => {
        assert.equal(readAsProvider("[".repeat(100_000), "p").ok, false);
    });
});
