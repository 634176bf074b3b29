// ecr-scan-on-push over the wire: a stack check (registry-level scanning), still remediable per resource.
import { strict as assert } from "assert";
import { packForPreview } from "../harness/preview";
import { saidBy } from "../harness/said";
import { repository, types } from "../support/fixtures";


describe("ecr-scan-on-push and registry-level scanning, over the Analyzer protocol", function () {
    this.timeout(120_000);
    const pack = packForPreview();

    const repo = { type: types.repository, name: "api", properties: repository({ name: "shop/api", imageScanningConfiguration: { scanOnPush: false } }) };
    const scanning = { type: "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration", name: "registry", properties: { scanType: "BASIC", rules: [{ scanFrequency: "SCAN_ON_PUSH", repositoryFilters: [{ filter: "shop/*", filterType: "WILDCARD" }] }] } };

    it("a repository the stack's registry scanning covers passes; per resource nothing is said before the stack is seen", async () => {
        assert.deepEqual(saidBy(await pack().analyze(repo), "ecr-scan-on-push"), []);
        assert.deepEqual(saidBy(await pack().analyzeStack([scanning, repo]), "ecr-scan-on-push"), []);
        assert.deepEqual(saidBy(await pack().analyzeStack([repo]), "ecr-scan-on-push"), ["Images are not scanned on push. Set imageScanningConfiguration.scanOnPush to true."]);
    });

    it("the remediation still turns scanOnPush on, per resource", async () => {
        await pack().configureLikeCli({ "ecr-scan-on-push": { enforcementLevel: "remediate" } });
        const r = await pack().remediate(repo);
        assert.deepEqual(r.remediations.map((x) => x.policyName), ["ecr-scan-on-push"]);
        await pack().configureLikeCli();
    });
});
