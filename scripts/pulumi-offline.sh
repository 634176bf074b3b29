#!/usr/bin/env bash
# `npm run pulumi -- <args>`: any pulumi command offline, as the tests and the demo run it: the built CLI, the
# test-only stand-ins laid out as the installed aws, aws-native and Node.js plugins (and the YAML host, built once)
# in .tools/offline/pulumi, a local backend in .tools/offline/state. E.g. `npm run pulumi -- package get-schema component-package`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/offline-env.sh"
ECS_GUARDRAILS_YAML=1 offline_env
exec pulumi "$@"
