#!/usr/bin/env bash
# `npm run demo`: the pack at work, offline. Previews examples/demo-mistakes (a service in plain @pulumi/aws with
# typical mistakes) under the pack, which blocks it, then the demo stack (Pulumi.yaml, examples/demo: the same
# service from the components), which passes. No AWS account: the CLI built from its Go module, the test-only
# stand-ins for the AWS provider and the Node.js language host, a local backend in .tools/offline.
# Exits 0 when the first preview is blocked and the second passes.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source "$root/scripts/offline-env.sh"
[ -f bin/policy/index.js ] || npm run build >&2 || exit 1
offline_env || exit 1
log="$(mktemp -d)"
trap 'rm -rf "$log"' EXIT
policies="$(node -p 'require("./bin/policy/policies").policies.length')"
rule() { printf '\n%s\n%s\n' "$1" "$(printf '%*s' "${#1}" '' | tr ' ' '=')"; }

# preview <project folder> <output file>: `pulumi preview --policy-pack <repo>` on the stack `demo`; its exit code.
preview() {
  local selected
  selected="$(cd "$1" && pulumi stack select demo --create --non-interactive 2>&1)" || { echo "$selected"; return 2; }
  (cd "$1" && pulumi preview --policy-pack "$root" --non-interactive --color=never "${@:3}") 2>&1 | tee "$2"
  return "${PIPESTATUS[0]}"
}
resources() { sed -n 's/^ *+ \([0-9]*\) to create$/\1/p' "$1" | tail -n 1; }

rule "1/2  A service in plain @pulumi/aws, with typical mistakes (examples/demo-mistakes)"
preview examples/demo-mistakes "$log/mistakes" "$@"
blocked=$?
mandatory=$(grep -c '^ *- \[mandatory\]' "$log/mistakes")
advisory=$(grep -c '^ *- \[advisory\]' "$log/mistakes")
rule "2/2  The same service from the ecs-guardrails components (examples/demo)"
preview . "$log/components" "$@"
passed=$?

rule "What the pack did"
if [ "$blocked" -eq 1 ] && [ "$mandatory" -gt 0 ]; then
  echo "blocked: the plain service, $mandatory mandatory finding(s) and $advisory advisory, each saying what to fix; nothing would be created."
else
  echo "UNEXPECTED: the plain service was not blocked (exit code $blocked, $mandatory mandatory finding(s))."
fi
if [ "$passed" -eq 0 ] && ! grep -q '^ *- \[\(mandatory\|advisory\)\]' "$log/components"; then
  echo "passed: the components' service, $policies policies checked $(resources "$log/components") resources with no finding."
else
  echo "UNEXPECTED: the components' service did not pass (exit code $passed)."
fi
[ "$blocked" -eq 1 ] && [ "$mandatory" -gt 0 ] && [ "$passed" -eq 0 ]
