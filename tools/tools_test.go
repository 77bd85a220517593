package tools

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

var toolName = regexp.MustCompile(`^[a-z0-9_]{1,48}$`)

// TestAnnotationsFollowKind fails for any tool whose hints disagree with its
// kind, or that leaves a hint unset (mcp-go's defaults would claim destructive).
func TestAnnotationsFollowKind(t *testing.T) {
	counts := map[clerkapi.Kind]int{}
	for _, op := range catalogOps() {
		def, err := Definition(op)
		require.NoError(t, err)
		a := def.Annotations
		require.NotNil(t, a.ReadOnlyHint, op.Name)
		require.NotNil(t, a.DestructiveHint, op.Name)
		require.NotNil(t, a.IdempotentHint, op.Name)
		require.NotNil(t, a.OpenWorldHint, op.Name)
		k := op.Kind()
		counts[k]++
		assert.Equal(t, k == clerkapi.Read, *a.ReadOnlyHint, "%s readOnlyHint", op.Name)
		assert.Equal(t, k == clerkapi.Destructive, *a.DestructiveHint, "%s destructiveHint", op.Name)
		assert.True(t, *a.OpenWorldHint, "%s openWorldHint", op.Name)
		if k == clerkapi.Read {
			assert.True(t, *a.IdempotentHint, "%s: reads are idempotent", op.Name)
		}
		if op.Method == "POST" && k != clerkapi.Read {
			assert.False(t, *a.IdempotentHint, "%s: POST writes are not idempotent", op.Name)
		}
		assert.Regexp(t, toolName, op.Name)
		assert.NotEmpty(t, op.Description, "%s has no description", op.Name)
	}
	t.Logf("kinds: %v", counts)
	for name, ov := range clerkapi.KindOverrides {
		op, ok := clerkapi.Lookup(name)
		if assert.True(t, ok, "override for unknown tool %s", name) {
			assert.NotEmpty(t, ov.Reason, name)
			rule := map[string]clerkapi.Kind{"GET": clerkapi.Read, "DELETE": clerkapi.Destructive}[op.Method]
			if rule == "" {
				rule = clerkapi.Write
			}
			assert.NotEqual(t, rule, ov.Kind, "override for %s repeats the method rule", name)
		}
	}
}

// TestDestructiveToolsAreGated: for every destructive tool, a call without
// confirm, with a forged token, or with a token for other arguments makes no
// request; the right token makes exactly one; a reused token makes none.
func TestDestructiveToolsAreGated(t *testing.T) {
	for _, op := range catalogOps() {
		if op.Kind() != clerkapi.Destructive {
			continue
		}
		t.Run(op.Name, func(t *testing.T) {
			env := newGoldenEnv(t)
			args := sampleArgs(t, op)
			ctx := context.Background()

			res := env.h.Call(ctx, op, mustJSON(t, args))
			require.False(t, res.IsError, "preview: %v", res.Content)
			for _, r := range env.fake.Requests() {
				require.Equal(t, "GET", r.Method, "without confirmation only the target is read")
			}
			env.fake.Reset()
			var p Preview
			require.NoError(t, json.Unmarshal([]byte(res.StructuredContent.(Structured)), &p))
			assert.False(t, p.Executed)
			assert.True(t, strings.HasPrefix(p.Request, op.Method+" "), p.Request)

			forged := withArg(args, "confirm", "AAAAAAAAAAAAAAAAAAAAAAAAAAA")
			assert.True(t, env.h.Call(ctx, op, mustJSON(t, forged)).IsError, "forged token")
			for k, v := range args {
				if len(v) > 0 && v[0] == '"' { // another target, same token
					other := withArg(args, "confirm", p.Confirm)
					other[k] = json.RawMessage(`"other_target_id"`)
					assert.True(t, env.h.Call(ctx, op, mustJSON(t, other)).IsError, "token for other arguments")
					break
				}
			}
			assert.True(t, env.h.Call(ctx, op, mustJSON(t, withArg(args, "confirm", 42))).IsError, "non-string token")
			require.Zero(t, env.fake.Count(), "refusals make no request")

			// An expired token: issue one, then move the clock past its life.
			env.fake.Reset()
			prev := env.h.Call(ctx, op, mustJSON(t, args))
			var p2 Preview
			require.NoError(t, json.Unmarshal([]byte(prev.StructuredContent.(Structured)), &p2))
			env.fake.Reset()
			env.h.gate.now = func() time.Time { return goldenTime.Add(6 * time.Minute) }
			expired := env.h.Call(ctx, op, mustJSON(t, withArg(args, "confirm", p2.Confirm)))
			require.True(t, expired.IsError, "expired token")
			assert.Contains(t, text(expired), "expired")
			require.Zero(t, env.fake.Count(), "an expired token makes no request")
			env.h.gate.now = func() time.Time { return goldenTime }

			good := withArg(args, "confirm", p.Confirm)
			env.h.Call(ctx, op, mustJSON(t, good))
			assert.Equal(t, 1, env.fake.Count(), "the confirmed call runs once")
			reused := env.h.Call(ctx, op, mustJSON(t, good))
			assert.True(t, reused.IsError, "reused token")
			assert.Equal(t, 1, env.fake.Count(), "a reused token makes no request")
		})
	}
}

// sampleArgs takes the first golden case's arguments.
func sampleArgs(t *testing.T, op *clerkapi.Operation) map[string]json.RawMessage {
	t.Helper()
	var file caseFile
	readCases(t, op.Name, &file)
	var args map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(file.Cases[0].Arguments, &args))
	delete(args, "confirm")
	if args == nil {
		args = map[string]json.RawMessage{}
	}
	return args
}

func withArg(args map[string]json.RawMessage, k string, v any) map[string]json.RawMessage {
	out := make(map[string]json.RawMessage, len(args)+1)
	for kk, vv := range args {
		out[kk] = vv
	}
	b, _ := json.Marshal(v)
	out[k] = b
	return out
}

func mustJSON(t *testing.T, v any) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

// TestNoHeaderAnnotations: register skips mcp-go's x-mcp-header check of
// input schemas (it decodes every schema at start-up). The check would pass
// on every definition, in every profile.
func TestNoHeaderAnnotations(t *testing.T) {
	surface, err := Selection{Toolsets: []string{"all"}}.Resolve(clerkapi.Catalog())
	require.NoError(t, err)
	defs := DiscoveryDefinitions(surface)
	for _, op := range surface.Listed {
		def, err := Definition(op)
		require.NoError(t, err)
		defs = append(defs, def)
	}
	for _, def := range defs {
		for _, p := range Profiles {
			schema, err := AdaptSchema(p, def.RawInputSchema)
			require.NoError(t, err)
			def.RawInputSchema = schema
			require.NoError(t, mcp.ValidateParamHeaderAnnotations(&def), "%s (%s)", def.Name, p)
			assert.NotContains(t, string(schema), "x-mcp-header", "%s (%s)", def.Name, p)
		}
	}
}

// TestListedSchemasAreTheDefinitions: tools/list carries each tool's own
// input schema (attached by schemaHook), in canonical form by default.
func TestListedSchemasAreTheDefinitions(t *testing.T) {
	s, err := NewServer(ServerConfig{Selection: &Selection{Toolsets: []string{"all"}}})
	require.NoError(t, err)
	ctx := context.Background()
	s.HandleMessage(ctx, json.RawMessage(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}`))
	msg := s.HandleMessage(ctx, json.RawMessage(`{"jsonrpc":"2.0","id":1,"method":"tools/list"}`))
	listed := msg.(mcp.JSONRPCResponse).Result.(mcp.ListToolsResult).Tools
	require.Len(t, listed, len(clerkapi.Catalog())+len(discoveryTools))
	for _, tool := range listed {
		want, ok := schemas.Input(tool.Name)
		if !ok {
			want = json.RawMessage(discoveryInput(t, tool.Name))
		}
		assert.Equal(t, string(want), string(tool.RawInputSchema), tool.Name)
		assert.Empty(t, tool.InputSchema.Type, tool.Name)
		b, err := json.Marshal(tool)
		require.NoError(t, err)
		assert.Contains(t, string(b), `"inputSchema":{`, tool.Name)
	}
}

func discoveryInput(t *testing.T, name string) string {
	for _, d := range discoveryTools {
		if d.name == name {
			return d.input
		}
	}
	t.Fatalf("%s: no schema", name)
	return ""
}
