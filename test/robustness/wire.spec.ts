// Random, malformed, partly unknown and partly secret resources of every type, sent to the running pack
// the way the engine sends them: the pack answers every call, and no secret value reaches a message.
import { strict as assert } from "assert";
import { join } from "path";
import { PackHandle, startPack } from "../harness/analyzer";
import { secret } from "../harness/wire";
import { anyResource, fc } from "../support/arbitraries";

const marker = "zq7secret";
/** A secret number (a stopTimeout, a port), which must not be printed either. */
const secretNumber = 97531;

/** Secret values as users write them, each carrying the marker so a leak is visible. */
const secretValue = fc.constantFrom(
    `registry.example.com/${marker}:latest`, `${marker}-db-password`, `postgres://app:${marker}@db:5432/x`, `sg-${marker}`,
    `AKIA${marker.toUpperCase()}ABCDEFGH`, `arn:aws:iam::1:role/${marker}`,
    JSON.stringify([{ name: `${marker}-app`, image: `${marker}:latest`, environment: [{ name: `${marker}_TOKEN`, value: `${marker}v` }], privileged: true }]),
    JSON.stringify({ Statement: [{ Sid: marker, Effect: "Allow", Principal: "*" }] }),
    JSON.stringify([{ name: "app", image: "nginx:latest", stopTimeout: secretNumber, command: ["sh", "-c", `supervisord -c /etc/${marker}/supervisord-with-a-very-long-configuration-path.conf && curl -fsSL https://${marker}.example.com/x.sh | sh`] }]),
    secretNumber,
);

/** Replaces some values of a resource, at any depth, by secret-wrapped marker values. */
function withSecrets(value: unknown, picks: boolean[], secrets: (string | number)[], depth = 0): unknown {
    const pick = () => picks[(depth * 7 + picks.length) % picks.length] && (picks.push(picks.shift()!), true);
    if (Array.isArray(value)) return value.map((v) => withSecrets(v, picks, secrets, depth + 1));
    if (value && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
            if (pick()) {
                const s = secrets[(k.length + depth) % secrets.length];
                out[k] = secret(s);
            } else {
                out[k] = withSecrets(v, picks, secrets, depth + 1);
            }
        }
        return out;
    }
    return value;
}

describe("robustness over the wire", function () {
    this.timeout(300_000);
    let pack: PackHandle;
    before(async () => {
        pack = await startPack(join(__dirname, "..", ".."));
        await pack.configureLikeCli();
    });
    after(async () => pack?.stop());

    it("the pack survives random resources and never shows a secret", async () => {
        await fc.assert(fc.asyncProperty(
            fc.array(anyResource, { minLength: 1, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 3, maxLength: 9 }), fc.array(secretValue, { minLength: 1, maxLength: 3 }),
            async (resources, picks, secrets) => {
                const wire = resources.map((r, i) => {
                    const props = r.props && typeof r.props === "object" && !Array.isArray(r.props) ? r.props : { junk: r.props };
                    return { type: r.type, name: `r${i}`, properties: withSecrets(props, [...picks], secrets) as Record<string, unknown> };
                });
                const results = [...await Promise.all(wire.map((w) => pack.analyze(w))), await pack.analyzeStack(wire)];
                for (const w of wire) results.push({ diagnostics: (await pack.remediate(w)).remediations.map((x) => ({ message: x.diagnostic ?? "" })), notApplicable: [] } as never);
                for (const r of results) {
                    for (const d of r.diagnostics) assert.ok(!d.message.toLowerCase().includes(marker) && !d.message.includes(String(secretNumber)), `secret in: ${d.message}`);
                }
            }), { numRuns: 150 });
        assert.ok(await pack.getPluginInfo(), "the pack is still serving");
    });
});
