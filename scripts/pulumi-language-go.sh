#!/usr/bin/env bash
# Prints (last line of stdout) the folder holding the Pulumi Go language host (`pulumi-language-go`), built once
# from github.com/pulumi/pulumi/sdk/v3 at the version scripts/pulumi-language-go/go.mod pins (v3.62.0: the last
# release whose sdk module still carries go/pulumi-language-go), into .tools/ (git-ignored).
# Build logs go to stderr. Override with PULUMI_GO_DIR.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if [ -n "${PULUMI_GO_DIR:-}" ]; then echo "$PULUMI_GO_DIR"; exit 0; fi

module="$root/scripts/pulumi-language-go"
version="$(sed -n 's|^require github.com/pulumi/pulumi/sdk/v3 \(v[^ ]*\)$|\1|p' "$module/go.mod")"
[ -n "$version" ] || { echo "scripts/pulumi-language-go/go.mod does not pin github.com/pulumi/pulumi/sdk/v3" >&2; exit 1; }
bin="$root/.tools/pulumi-language-go-$version/bin"
if [ -x "$bin/pulumi-language-go" ]; then echo "$bin"; exit 0; fi

command -v go >/dev/null || { echo "Go is needed to build the Pulumi Go language host" >&2; exit 1; }
echo "building the Pulumi Go language host $version from its Go module (once; cached in .tools/)..." >&2
mkdir -p "$bin"
start=$(date +%s)
(cd "$module" && CGO_ENABLED=0 go build -trimpath \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
  -o "$bin/pulumi-language-go.partial" github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go) >&2
mv "$bin/pulumi-language-go.partial" "$bin/pulumi-language-go"
echo "built $bin/pulumi-language-go in $(( $(date +%s) - start )) s" >&2
echo "$bin"
