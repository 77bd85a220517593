package schemas_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	_ "github.com/clerk-mcp/clerk-mcp/internal/golden" // defines -update
	"github.com/clerk-mcp/clerk-mcp/internal/schemagen"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

// TestSchemasUpToDate regenerates every schema in memory from the clerkapi
// structs and fails on any drift from the committed (and embedded) tables.
func TestSchemasUpToDate(t *testing.T) {
	generated, err := schemagen.Generate(clerkapi.Catalog(), schemagen.Base, schemagen.Dir)
	require.NoError(t, err)
	const fix = "schemas/ is stale: run `go generate ./...` and commit the result"
	for name, want := range schemagen.Tables(generated) {
		got, err := os.ReadFile(name)
		if assert.NoError(t, err, "%s missing; %s", name, fix) {
			assert.Equal(t, string(want), string(got), "%s differs; %s", name, fix)
		}
	}
	for name, want := range generated {
		kind, tool, _ := strings.Cut(name, "/")
		var embedded json.RawMessage
		var ok bool
		if kind == "input" {
			embedded, ok = schemas.Input(tool)
		} else {
			embedded, ok = schemas.Output(tool)
		}
		assert.True(t, ok, "%s is not embedded; rebuild", name)
		assert.Equal(t, string(want), string(embedded), "%s: embedded copy differs; rebuild", name)
		assert.True(t, json.Valid(embedded), name)
	}
	_, ok := schemas.Input("no_such_tool")
	assert.False(t, ok)
}

// TestInputSchemasArePortable holds every input schema to what all major
// clients accept: an object at the top, flat, no references, no top-level
// combinators, no type arrays. The top level does not list
// additionalProperties: the server closes it when it validates (tools'
// validators refuse an unknown argument by name), and listing it would cost
// 7 tokens on every tool.
func TestInputSchemasArePortable(t *testing.T) {
	for _, op := range clerkapi.Catalog() {
		raw, ok := schemas.Input(op.Name)
		require.True(t, ok, op.Name)
		var s map[string]any
		require.NoError(t, json.Unmarshal(raw, &s), op.Name)
		assert.Equal(t, "object", s["type"], "%s: top-level type", op.Name)
		assert.NotContains(t, s, "additionalProperties", "%s: the server closes the top level; the listing need not", op.Name)
		assert.IsType(t, map[string]any{}, s["properties"], "%s: properties", op.Name)
		for _, k := range []string{"anyOf", "oneOf", "allOf", "not", "$defs", "definitions", "$schema", "$id", "$ref", "description"} {
			assert.NotContains(t, s, k, "%s: top-level %s", op.Name, k)
		}
		walk(s, func(path string, n map[string]any) {
			for _, k := range []string{"$ref", "$defs", "definitions", "$schema"} {
				assert.NotContains(t, n, k, "%s: %s has %s", op.Name, path, k)
			}
			_, isArray := n["type"].([]any)
			assert.False(t, isArray, "%s: %s has a type array", op.Name, path)
		})
		props := s["properties"].(map[string]any)
		if op.Kind() == clerkapi.Destructive {
			assert.Contains(t, props, "confirm", "%s: destructive tools take confirm", op.Name)
		} else {
			assert.NotContains(t, props, "confirm", "%s: only destructive tools take confirm", op.Name)
		}
	}
}

// TestOutputSchemasAreObjects: structuredContent is always an object.
func TestOutputSchemasAreObjects(t *testing.T) {
	for _, op := range clerkapi.Catalog() {
		raw, ok := schemas.Output(op.Name)
		require.True(t, ok, op.Name)
		var s map[string]any
		require.NoError(t, json.Unmarshal(raw, &s), op.Name)
		assert.Equal(t, "object", s["type"], "%s: output type", op.Name)
		assert.NotContains(t, s, "$ref", op.Name)
	}
}

func walk(n map[string]any, f func(path string, n map[string]any)) {
	var rec func(path string, v any)
	rec = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			f(path, x)
			for k, c := range x {
				rec(path+"/"+k, c)
			}
		case []any:
			for _, c := range x {
				rec(path+"[]", c)
			}
		}
	}
	rec("", n)
}
