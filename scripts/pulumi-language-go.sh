#!/usr/bin/env bash
# Prints (last line of stdout) the folder holding the Pulumi Go language host (`pulumi-language-go`), built once
# from github.com/pulumi/pulumi/sdk/v3 at the version scripts/pulumi-language-go/go.mod pins (v3.62.0: the last
# release whose sdk module still carries go/pulumi-language-go), into .tools/ (git-ignored).
# Build progress goes to stderr (at least every 20 s). Override with PULUMI_GO_DIR; ECS_GUARDRAILS_TOOLS moves .tools/.
set -euo pipefail
if [ -n "${PULUMI_GO_DIR:-}" ]; then echo "$PULUMI_GO_DIR"; exit 0; fi
exec bash "$(dirname "$0")/go-tool.sh" pulumi-language-go "Pulumi Go language host" github.com/pulumi/pulumi/sdk/v3 \
  github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go github.com/pulumi/pulumi/sdk/v3/go/common/version.Version "about 1 minute"
