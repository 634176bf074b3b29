//go:build tools

// Keeps the Pulumi Go language host's main package in this module's dependency graph.
package tools

import _ "github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go"
