#!/usr/bin/env bash
# Prints (last line of stdout) the folder holding the Pulumi YAML language host (`pulumi-language-yaml`), built
# once from its Go module at the version scripts/pulumi-language-yaml/go.mod pins, into .tools/ (git-ignored).
# Build progress goes to stderr (at least every 20 s). Override with PULUMI_YAML_DIR; ECS_GUARDRAILS_TOOLS moves .tools/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/progress.sh"

if [ -n "${PULUMI_YAML_DIR:-}" ]; then echo "$PULUMI_YAML_DIR"; exit 0; fi

module="$root/scripts/pulumi-language-yaml"
version="$(sed -n 's|^require github.com/pulumi/pulumi-yaml \(v[^ ]*\)$|\1|p' "$module/go.mod")"
[ -n "$version" ] || { echo "scripts/pulumi-language-yaml/go.mod does not pin github.com/pulumi/pulumi-yaml" >&2; exit 1; }
bin="${ECS_GUARDRAILS_TOOLS:-$root/.tools}/pulumi-language-yaml-$version/bin"
if [ -x "$bin/pulumi-language-yaml" ]; then echo "$bin"; exit 0; fi

command -v go >/dev/null || { echo "Go is needed to build the Pulumi YAML language host" >&2; exit 1; }
echo "building the Pulumi YAML language host $version from its Go module into $bin (once: about 3 minutes)" >&2
mkdir -p "$bin"
start=$(date +%s)
cd "$module"
with_progress "downloading the YAML host's Go modules" - go mod download
with_progress "compiling the Pulumi YAML language host $version" "$bin/build.log" env CGO_ENABLED=0 go build -v -trimpath \
  -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=$version" \
  -o "$bin/pulumi-language-yaml.partial" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
mv "$bin/pulumi-language-yaml.partial" "$bin/pulumi-language-yaml"
echo "built $bin/pulumi-language-yaml in $(( $(date +%s) - start )) s" >&2
echo "$bin"
