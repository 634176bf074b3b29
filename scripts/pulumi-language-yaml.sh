#!/usr/bin/env bash
# Prints (last line of stdout) the folder holding the Pulumi YAML language host (`pulumi-language-yaml`), built
# once from its Go module at the version scripts/pulumi-language-yaml/go.mod pins, into .tools/ (git-ignored).
# Build progress goes to stderr (at least every 20 s). Override with PULUMI_YAML_DIR; ECS_GUARDRAILS_TOOLS moves .tools/.
set -euo pipefail
if [ -n "${PULUMI_YAML_DIR:-}" ]; then echo "$PULUMI_YAML_DIR"; exit 0; fi
exec bash "$(dirname "$0")/go-tool.sh" pulumi-language-yaml "Pulumi YAML language host" github.com/pulumi/pulumi-yaml \
  github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml github.com/pulumi/pulumi-yaml/pkg/version.Version "about 3 minutes"
