// TEST ONLY: decodes container definition strings exactly as the aws provider does (terraform-provider-aws
// expandContainerDefinitions: tfjson.DecodeFromString into []types.ContainerDefinition, then the zero check), and
// prints, per string, whether it is accepted and the fields the pack reads, so the TypeScript reader is tested
// against the real decoder. Input on stdin: a JSON list of strings. Output: a JSON list of readings.
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
	OK         bool             `json:"ok"`
	Containers []map[string]any `json:"containers,omitempty"`
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

func view(c types.ContainerDefinition) map[string]any {
	m := map[string]any{}
	set := func(key string, ok bool, v any) {
		if ok {
			m[key] = v
		}
	}
	set("name", c.Name != nil, deref(c.Name))
	set("image", c.Image != nil, deref(c.Image))
	set("essential", c.Essential != nil, derefBool(c.Essential))
	set("entryPoint", c.EntryPoint != nil, c.EntryPoint)
	set("command", c.Command != nil, c.Command)
	set("versionConsistency", c.VersionConsistency != "", string(c.VersionConsistency))
	set("stopTimeout", c.StopTimeout != nil, derefInt(c.StopTimeout))
	set("privileged", c.Privileged != nil, derefBool(c.Privileged))
	set("readonlyRootFilesystem", c.ReadonlyRootFilesystem != nil, derefBool(c.ReadonlyRootFilesystem))
	set("user", c.User != nil, deref(c.User))
	set("memory", c.Memory != nil, derefInt(c.Memory))
	set("memoryReservation", c.MemoryReservation != nil, derefInt(c.MemoryReservation))
	set("dockerLabels", c.DockerLabels != nil, c.DockerLabels)
	if c.Environment != nil {
		env := []map[string]any{}
		for _, kv := range c.Environment {
			e := map[string]any{}
			if kv.Name != nil {
				e["name"] = *kv.Name
			}
			if kv.Value != nil {
				e["value"] = *kv.Value
			}
			env = append(env, e)
		}
		m["environment"] = env
	}
	if c.LinuxParameters != nil {
		lp := map[string]any{}
		if c.LinuxParameters.InitProcessEnabled != nil {
			lp["initProcessEnabled"] = *c.LinuxParameters.InitProcessEnabled
		}
		m["linuxParameters"] = lp
	}
	if c.LogConfiguration != nil {
		lc := map[string]any{}
		if c.LogConfiguration.LogDriver != "" {
			lc["logDriver"] = string(c.LogConfiguration.LogDriver)
		}
		m["logConfiguration"] = lc
	}
	if c.RestartPolicy != nil {
		rp := map[string]any{}
		if c.RestartPolicy.Enabled != nil {
			rp["enabled"] = *c.RestartPolicy.Enabled
		}
		m["restartPolicy"] = rp
	}
	set("firelensConfiguration", c.FirelensConfiguration != nil, map[string]any{})
	set("healthCheck", c.HealthCheck != nil, map[string]any{})
	return m
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func derefBool(b *bool) bool { return b != nil && *b }

func derefInt(i *int32) int32 {
	if i == nil {
		return 0
	}
	return *i
}

func main() {
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
		r := reading{OK: true, Containers: []map[string]any{}}
		for _, c := range defs {
			r.Containers = append(r.Containers, view(c))
		}
		out = append(out, r)
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
