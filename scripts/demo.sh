#!/usr/bin/env bash
# `npm run demo`: previews the demo stack (Pulumi.yaml, examples/demo) under the policy pack, on a local
# backend in .tools/, with no AWS account. Without a real Pulumi install it uses the CLI built from its Go
# module and the test-only stand-ins for the AWS provider and the Node.js language host (test/e2e).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -f bin/policy/index.js ] || npm run build >&2
cli="$(bash scripts/pulumi-cli.sh | tail -n 1)"
export PATH="$cli:$root/test/e2e/stand-in-aws-provider:$root/test/e2e/stand-in-language-host:$PATH"
state="$root/.tools/demo-state"
mkdir -p "$state"
export PULUMI_BACKEND_URL="file://$state" PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-}" \
  PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
pulumi stack select demo --create --non-interactive >/dev/null
pulumi preview --policy-pack "$root" --non-interactive "$@"
