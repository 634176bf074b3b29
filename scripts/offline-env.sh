# Sourced by demo.sh and preview.sh: the Pulumi CLI (built once if need be) with the test-only stand-ins for the
# AWS providers and the Node.js language host laid out as installed plugins in a PULUMI_HOME of their own, so that
# `pulumi preview` and `pulumi package get-schema` run offline, and a local backend. Needs $root.
# Exports PATH, PULUMI_HOME, PULUMI_BACKEND_URL and the switches that keep the CLI off the network.
offline_env() {
  local cli home standins="$root/test/e2e"
  cli="$(bash "$root/scripts/pulumi-cli.sh" | tail -n 1)"
  home="${ECS_GUARDRAILS_OFFLINE_HOME:-$root/.tools/offline}"
  mkdir -p "$home/pulumi/plugins" "$home/state"
  # Versions as the SDKs in node_modules and the CLI ask for them.
  local version_of plugin
  version_of() { node -p 'require(process.argv[1]).version' "$root/node_modules/$1/package.json"; }
  lay_out() { # kind name version stand-in
    plugin="$home/pulumi/plugins/$1-$2-v$3"
    mkdir -p "$plugin"
    printf '#!/bin/sh\nexec "%s" "$@"\n' "$4" >"$plugin/pulumi-$1-$2" # not a symlink: the stand-ins find their files by $0
    chmod +x "$plugin/pulumi-$1-$2"
  }
  lay_out resource aws "$(version_of @pulumi/aws)" "$standins/stand-in-aws-provider/pulumi-resource-aws"
  lay_out resource aws-native "$(version_of @pulumi/aws-native)" "$standins/stand-in-aws-native-provider/pulumi-resource-aws-native"
  lay_out language nodejs "${cli_version:-$(basename "$(dirname "$cli")" | sed 's/^pulumi-v//')}" "$standins/stand-in-language-host/pulumi-language-nodejs"
  if [ -n "${ECS_GUARDRAILS_YAML:-}" ]; then
    local yaml
    yaml="$(bash "$root/scripts/pulumi-language-yaml.sh" | tail -n 1)"
    lay_out language yaml "$(basename "$(dirname "$yaml")" | sed 's/^pulumi-language-yaml-v//')" "$yaml/pulumi-language-yaml"
  fi
  export PATH="$cli:$PATH" PULUMI_HOME="$home/pulumi" PULUMI_BACKEND_URL="file://$home/state" \
    PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-}" PULUMI_SKIP_UPDATE_CHECK=true \
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true PULUMI_IGNORE_AMBIENT_PLUGINS=true
}
