#!/usr/bin/env bash
# Builds once, and prints (last line of stdout), the folder holding a Go tool whose version scripts/<binary>/go.mod
# pins, into .tools/ (git-ignored; ECS_GUARDRAILS_TOOLS moves it). Progress goes to stderr (at least every 20 s).
# Usage: go-tool.sh <binary> <what it is> <pinned module> <package to build> <version variable for -X> [<how long, once>]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/progress.sh"
binary="$1" what="$2" pinned="$3" package="$4" version_variable="$5" duration="${6:-}"

module="$root/scripts/$binary"
version="$(sed -n "s|^require $pinned \(v[^ ]*\)$|\1|p" "$module/go.mod")"
[ -n "$version" ] || { echo "scripts/$binary/go.mod does not pin $pinned" >&2; exit 1; }
bin="${ECS_GUARDRAILS_TOOLS:-$root/.tools}/$binary-$version/bin"
if [ -x "$bin/$binary" ]; then echo "$bin"; exit 0; fi

command -v go >/dev/null || { echo "Go is needed to build the $what" >&2; exit 1; }
echo "building the $what $version from its Go module into $bin (once${duration:+: $duration})" >&2
mkdir -p "$bin"
start=$(date +%s)
cd "$module"
with_progress "downloading the $what's Go modules" - go mod download
with_progress "compiling the $what $version" "$bin/build.log" env CGO_ENABLED=0 go build -v -trimpath \
  -ldflags "-s -w -X $version_variable=$version" -o "$bin/$binary.partial" "$package"
mv "$bin/$binary.partial" "$bin/$binary"
echo "built $bin/$binary in $(( $(date +%s) - start )) s" >&2
echo "$bin"
