// TEST ONLY: decodes container definition strings exactly as the aws provider does (terraform-provider-aws
// expandContainerDefinitions: tfjson.DecodeFromString into []types.ContainerDefinition, then the zero check), and
// prints, per string, whether it is accepted and every field it decoded, so the TypeScript reader is tested against
// the real decoder. Input on stdin: a JSON list of strings. Output: a JSON list of readings. With -schema, it prints
// the SDK's types instead (see schema).
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

type reading struct {
	OK         bool  `json:"ok"`
	Containers []any `json:"containers,omitempty"`
}

// decode is tfjson.DecodeFromString: every JSON value of the string, one after another, into the same slice.
func decode(s string) ([]types.ContainerDefinition, error) {
	var defs []types.ContainerDefinition
	dec := json.NewDecoder(strings.NewReader(s))
	for {
		if err := dec.Decode(&defs); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
	}
	for i := range defs {
		if reflect.ValueOf(defs[i]).IsZero() {
			return nil, fmt.Errorf("invalid container definition supplied at index (%d)", i)
		}
	}
	return defs, nil
}

// view is the whole decoded container as JSON, with the ECS API's field names (the Go name, first letter lower
// case): unset pointers, slices, maps and interfaces are left out, and so are plain values at their zero, which
// Go cannot tell from unset.
func view(v reflect.Value) (any, bool) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil, false
		}
		e, _ := view(v.Elem()) // a pointer to a zero value is set
		return e, true
	case reflect.Slice:
		if v.IsNil() {
			return nil, false
		}
		out := []any{}
		for i := 0; i < v.Len(); i++ {
			e, _ := view(v.Index(i))
			out = append(out, e)
		}
		return out, true
	case reflect.Map:
		if v.IsNil() {
			return nil, false
		}
		out := map[string]any{}
		for _, k := range v.MapKeys() {
			e, _ := view(v.MapIndex(k))
			out[k.String()] = e
		}
		return out, true
	case reflect.Struct:
		out := map[string]any{}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			if e, ok := view(v.Field(i)); ok {
				out[strings.ToLower(f.Name[:1])+f.Name[1:]] = e
			}
		}
		return out, true
	case reflect.String:
		return v.String(), v.String() != ""
	case reflect.Bool:
		return v.Bool(), v.Bool()
	case reflect.Int32, reflect.Int64, reflect.Int:
		return v.Int(), v.Int() != 0
	}
	panic("unexpected kind " + v.Kind().String())
}

// schema prints, for ContainerDefinition and every struct it holds, each field's Go type (named string types as
// "string", struct types by name), so the TypeScript table of the SDK's types is pinned against the SDK itself.
func schema() map[string]map[string]string {
	out := map[string]map[string]string{}
	var name func(t reflect.Type) string
	var walk func(t reflect.Type)
	name = func(t reflect.Type) string {
		switch t.Kind() {
		case reflect.Pointer:
			return "*" + name(t.Elem())
		case reflect.Slice:
			return "[]" + name(t.Elem())
		case reflect.Map:
			return "map[" + name(t.Key()) + "]" + name(t.Elem())
		case reflect.Struct:
			walk(t)
			return t.Name()
		default:
			return t.Kind().String()
		}
	}
	walk = func(t reflect.Type) {
		if _, done := out[t.Name()]; done {
			return
		}
		fields := map[string]string{}
		out[t.Name()] = fields
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Type.NumField() == 0 {
					continue // noSmithyDocumentSerde
				}
				fields["!unexported "+f.Name] = f.Type.String()
				continue
			}
			if tag := f.Tag.Get("json"); tag != "" {
				fields["!tagged "+f.Name] = tag
			}
			fields[f.Name] = name(f.Type)
		}
	}
	walk(reflect.TypeOf(types.ContainerDefinition{}))
	return out
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "-schema" {
		json.NewEncoder(os.Stdout).Encode(schema())
		return
	}
	var inputs []string
	if err := json.NewDecoder(os.Stdin).Decode(&inputs); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	out := []reading{}
	for _, s := range inputs {
		defs, err := decode(s)
		if err != nil {
			out = append(out, reading{OK: false})
			continue
		}
		r := reading{OK: true, Containers: []any{}}
		for _, c := range defs {
			v, _ := view(reflect.ValueOf(c))
			r.Containers = append(r.Containers, v)
		}
		out = append(out, r)
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
