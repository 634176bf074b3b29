#!/usr/bin/env bash
# Prints (last line of stdout) the folder holding the Pulumi CLI: `pulumi` from PATH when present, otherwise
# built once from its Go module at the version package.json pins for @pulumi/pulumi (devDependencies), into .tools/ (git-ignored).
# Build progress goes to stderr (at least every 20 s). Override with PULUMI_CLI_DIR; ECS_GUARDRAILS_TOOLS moves .tools/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/progress.sh"

if [ -n "${PULUMI_CLI_DIR:-}" ]; then echo "$PULUMI_CLI_DIR"; exit 0; fi
if [ -z "${ECS_GUARDRAILS_BUILD_CLI:-}" ] && command -v pulumi >/dev/null 2>&1; then
  dirname "$(command -v pulumi)"; exit 0
fi

version="v$(node -p 'require(process.argv[1]).devDependencies["@pulumi/pulumi"]' "$root/package.json")"
bin="${ECS_GUARDRAILS_TOOLS:-$root/.tools}/pulumi-$version/bin"
if [ -x "$bin/pulumi" ]; then echo "$bin"; exit 0; fi

module="$root/scripts/pulumi-cli"
if ! grep -q "github.com/pulumi/pulumi/pkg/v3 $version" "$module/go.mod"; then
  echo "scripts/pulumi-cli/go.mod does not pin pkg/v3 $version (package.json's @pulumi/pulumi); update both together" >&2
  exit 1
fi
command -v go >/dev/null || { echo "Go is needed to build the Pulumi CLI (or put pulumi on PATH)" >&2; exit 1; }
echo "building the Pulumi CLI $version from its Go module into $bin (once: 8 to 16 minutes on 2 cores)" >&2
mkdir -p "$bin"
start=$(date +%s)
cd "$module"
with_progress "downloading the CLI's Go modules" - go mod download
with_progress "compiling the Pulumi CLI $version" "$bin/build.log" env CGO_ENABLED=0 go build -v -trimpath \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
  -o "$bin/pulumi.partial" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
mv "$bin/pulumi.partial" "$bin/pulumi"
echo "built $bin/pulumi in $(( $(date +%s) - start )) s" >&2
echo "$bin"
