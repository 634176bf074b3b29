// The benchmarks work (a short run of each); their figures come from `npm run bench`, never from tests.
import { strict as assert } from "assert";
import { main } from "../../bench";

describe("benchmarks (smoke run)", function () {
    this.timeout(600_000);
    it("each benchmark runs and reports figures", async () => {
        const sections = await main({ smoke: true, print: false });
        assert.equal(sections.length, 5, "cold start, throughput, stack scaling, components, worst resource");
        for (const s of sections) {
            assert.ok(s.rows.length > 0, s.title);
            for (const row of s.rows) assert.ok(Object.values(row).some((v) => typeof v === "number" && v > 0), `${s.title}: ${JSON.stringify(row)}`);
        }
    });
});
