// The CLI and YAML host builds say what they are doing while they run (a fake `go` stands in for the compiler).
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const root = join(__dirname, "..", "..");

/** A `go` that takes `seconds` to download and to compile, printing one line per "package". */
function fakeGo(dir: string, seconds: number): void {
    writeFileSync(join(dir, "go"), `#!/bin/sh
case "$1" in
  mod) sleep ${seconds} ;;
  build) for p in a b c; do echo "example.com/$p"; sleep ${seconds / 3}; done
         while [ "$1" != -o ]; do shift; done; printf '#!/bin/sh\\n' > "$2"; chmod +x "$2" ;;
esac
`);
    chmodSync(join(dir, "go"), 0o755);
}

describe("the Go builds report progress", function () {
    this.timeout(60_000);
    for (const [script, binary] of [["pulumi-cli.sh", "pulumi"], ["pulumi-language-yaml.sh", "pulumi-language-yaml"], ["pulumi-language-go.sh", "pulumi-language-go"]]) {
        it(`scripts/${script} prints phase and elapsed time while it builds, then the folder`, () => {
            const work = mkdtempSync(join(tmpdir(), "ecs-guardrails-progress-"));
            try {
                fakeGo(work, 3);
                const run = spawnSync("bash", [join(root, "scripts", script)], {
                    encoding: "utf8",
                    env: { ...process.env, PATH: `${work}:${process.env.PATH}`, ECS_GUARDRAILS_TOOLS: join(work, "tools"), ECS_GUARDRAILS_BUILD_CLI: "1", ECS_GUARDRAILS_PROGRESS_SECONDS: "1", PULUMI_CLI_DIR: "", PULUMI_YAML_DIR: "", PULUMI_GO_DIR: "" },
                });
                assert.equal(run.status, 0, run.stderr);
                const folder = run.stdout.trim().split("\n").pop()!;
                assert.ok(existsSync(join(folder, binary)), run.stdout);
                assert.match(run.stderr, /^building .* from its Go module into /m);
                assert.match(run.stderr, /^ {2}\.\.\. downloading the .*Go modules: [12] s$/m);
                assert.match(run.stderr, /^ {2}\.\.\. compiling the Pulumi .*: \d s, [1-3] packages so far$/m);
                assert.match(run.stderr, /^ {2}compiling the Pulumi .*: done in \d s$/m);
            } finally {
                rmSync(work, { recursive: true, force: true });
            }
        });
    }
});
