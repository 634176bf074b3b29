// Generates the Go SDK of the component package from its schema with the Go code generator of the CLI's own
// module (pkg/v3): what `pulumi package gen-sdk --language go` runs inside a current Go language host. The host
// built here (sdk/v3 v3.62.0) predates the GeneratePackage call the CLI makes for that, so the CLI cannot.
//
//	go run . <schema.json> <out dir> <Go import path of the package>
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: go-sdk <schema.json> <out dir> <import path>")
		os.Exit(2)
	}
	if err := generate(os.Args[1], os.Args[2], os.Args[3]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func generate(schemaPath, out, importPath string) error {
	text, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(text, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	// A module of its own (go.mod beside the package folder), imported as `importPath`.
	spec.Meta = &schema.MetadataSpec{SupportPack: true}
	goInfo, err := json.Marshal(gogen.GoPackageInfo{ImportBasePath: importPath})
	if err != nil {
		return err
	}
	spec.Language = map[string]schema.RawMessage{"go": goInfo}
	pkg, diags, err := schema.BindSpec(spec, noOtherPackages{}, schema.ValidationOptions{})
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return diags
	}
	files, err := gogen.GeneratePackage("ecs-guardrails/scripts/go-sdk", pkg, nil)
	if err != nil {
		return err
	}
	for name, content := range files {
		path := filepath.Join(out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// noOtherPackages loads no package: the component package's schema refers to none.
type noOtherPackages struct{}

func (noOtherPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema refers to package %q; this generator loads no other package", name)
}

func (l noOtherPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, d.Version)
}
