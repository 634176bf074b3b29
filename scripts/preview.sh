#!/usr/bin/env bash
# `npm run preview -- <stack folder> [pulumi preview options]`: previews any Pulumi project under this pack,
# offline (see scripts/pulumi-offline.sh), on the stack `offline` of a local backend. The folder's programs use
# the stand-in AWS provider, so nothing is created and no AWS account is needed. Exits as `pulumi preview` does.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -ge 1 ] && [ -f "$1/Pulumi.yaml" ] || { echo "usage: npm run preview -- <folder with a Pulumi.yaml> [pulumi preview options]" >&2; exit 2; }
folder="$(cd "$1" && pwd)"
shift
[ -f "$root/bin/policy/index.js" ] || (cd "$root" && npm run build >&2)
source "$root/scripts/offline-env.sh"
if grep -q '^runtime: *yaml\|^ *name: *yaml' "$folder/Pulumi.yaml"; then ECS_GUARDRAILS_YAML=1 offline_env; else offline_env; fi
cd "$folder"
stack="${ECS_GUARDRAILS_STACK:-offline}"
selected="$(pulumi stack select "$stack" --create --non-interactive 2>&1)" || { echo "$selected" >&2; exit 2; }
exec pulumi preview --policy-pack "$root" --non-interactive "$@"
