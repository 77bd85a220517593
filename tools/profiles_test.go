package tools

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

// allDefinitions returns every catalog tool and the discovery tools.
func allDefinitions(t *testing.T) []mcp.Tool {
	t.Helper()
	var out []mcp.Tool
	for _, op := range catalogOps() {
		def, err := Definition(op)
		require.NoError(t, err)
		out = append(out, def)
	}
	s, err := Selection{}.Resolve(clerkapi.Catalog())
	require.NoError(t, err)
	return append(out, DiscoveryDefinitions(s)...)
}

// TestProfilesHoldTheirConstraints checks every tool's schema, in every
// profile, against what that profile's clients document they accept.
func TestProfilesHoldTheirConstraints(t *testing.T) {
	for _, def := range allDefinitions(t) {
		assert.Regexp(t, toolName, def.Name)
		for _, p := range Profiles {
			raw, err := AdaptSchema(p, def.RawInputSchema)
			require.NoError(t, err)
			var s map[string]any
			require.NoError(t, json.Unmarshal(raw, &s), "%s/%s", def.Name, p)
			assert.Equal(t, "object", s["type"], "%s/%s top", def.Name, p)
			for _, k := range []string{"anyOf", "oneOf", "allOf", "$ref", "$defs", "$schema"} {
				assert.NotContains(t, s, k, "%s/%s", def.Name, p)
			}
			walk(s, func(path string, n map[string]any) {
				if _, enum := n["enum"]; enum && p != ProfileCanonical {
					assert.Contains(t, n, "type", "%s/%s%s: Gemini and strict want an enum's type", def.Name, p, path)
				}
				if _, isSchema := n["type"]; !isSchema {
					return
				}
				where := def.Name + "/" + string(p) + path
				switch p {
				case ProfileCanonical:
					_, arr := n["type"].([]any)
					assert.False(t, arr, "%s: type array", where)
				case ProfileGemini:
					for _, k := range []string{"additionalProperties", "default", "pattern", "minLength", "maxLength", "exclusiveMinimum", "exclusiveMaximum", "uniqueItems", "title"} {
						assert.NotContains(t, n, k, "%s: %s", where, k)
					}
					if f, ok := n["format"]; ok {
						assert.Equal(t, "date-time", f, where)
					}
					_, arr := n["type"].([]any)
					assert.False(t, arr, "%s: type array", where)
					if n["type"] == "object" && path != "" {
						props, _ := n["properties"].(map[string]any)
						assert.NotEmpty(t, props, "%s: Gemini rejects objects without properties", where)
					}
				case ProfileOpenAIStrict:
					for _, k := range []string{"default", "minLength", "maxLength", "uniqueItems", "title"} {
						assert.NotContains(t, n, k, "%s: %s", where, k)
					}
					if n["type"] == "object" {
						assert.Equal(t, false, n["additionalProperties"], "%s: strict objects are closed", where)
						props, _ := n["properties"].(map[string]any)
						req, _ := n["required"].([]any)
						assert.Len(t, req, len(props), "%s: strict objects require every property", where)
						assert.NotNil(t, n["properties"], "%s: strict objects list properties", where)
					}
				}
			})
		}
	}
}

// TestProfileShapedCallsAreAccepted: a call shaped by the OpenAI strict
// profile (every property sent, null for "not given", free-form objects as
// JSON strings) sends Clerk the same request as the canonical call.
func TestProfileShapedCallsAreAccepted(t *testing.T) {
	canonical := `{"user_id":"u1","public_metadata":{"plan":"pro","old":null}}`
	strict := `{"user_id":"u1","public_metadata":"{\"plan\":\"pro\",\"old\":null}","private_metadata":null,"unsafe_metadata":null}`
	var bodies []string
	for p, args := range map[Profile]string{ProfileCanonical: canonical, ProfileOpenAIStrict: strict} {
		env := newGoldenEnv(t)
		env.h.profile = p
		res := env.h.Call(context.Background(), op(t, "update_user_metadata"), json.RawMessage(args))
		require.False(t, res.IsError, text(res))
		reqs := env.fake.Requests()
		require.Len(t, reqs, 1)
		bodies = append(bodies, string(reqs[0].Body))
	}
	assert.JSONEq(t, bodies[0], bodies[1])
	assert.Contains(t, bodies[1], `"old":null`, "nulls inside metadata still delete keys")
}

func TestProfileFollowsTheClient(t *testing.T) {
	cases := map[string]Profile{"gemini-cli-mcp-client": ProfileGemini, "Gemini": ProfileGemini, "openai-mcp": ProfileOpenAIStrict, "claude-ai": ProfileCanonical, "Visual Studio Code": ProfileCanonical}
	for name, want := range cases {
		assert.Equal(t, want, ProfileForClient(name), name)
	}
	fake := fakeclerk.New()
	defer fake.Close()
	s, err := NewServer(ServerConfig{Config: Config{Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: goldenKey})}, Selection: &Selection{}})
	require.NoError(t, err)
	for _, c := range []struct {
		client            string
		closed, canonical bool
	}{{"gemini-cli", false, false}, {"chatgpt", true, false}, {"claude-code", false, true}} {
		cl, err := client.NewInProcessClient(s)
		require.NoError(t, err)
		require.NoError(t, cl.Start(context.Background()))
		init := mcp.InitializeRequest{}
		init.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
		init.Params.ClientInfo = mcp.Implementation{Name: c.client, Version: "1"}
		_, err = cl.Initialize(context.Background(), init)
		require.NoError(t, err)
		list, err := cl.ListTools(context.Background(), mcp.ListToolsRequest{})
		require.NoError(t, err)
		i := slices.IndexFunc(list.Tools, func(t mcp.Tool) bool { return t.Name == "get_user" })
		require.GreaterOrEqual(t, i, 0)
		b, _ := json.Marshal(list.Tools[i].InputSchema)
		assert.Equal(t, c.closed, json.Valid(b) && containsKey(b, "additionalProperties"), "%s: %s", c.client, b)
		if canonical, _ := schemas.Input("get_user"); c.canonical {
			assert.JSONEq(t, string(canonical), string(b), "%s gets the canonical schema", c.client)
		}
		_ = cl.Close()
	}
}

func containsKey(b []byte, k string) bool {
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	_, ok := m[k]
	return ok
}

// walk visits every schema node with its path.
func walk(n map[string]any, f func(path string, n map[string]any)) {
	var rec func(path string, v any)
	rec = func(path string, v any) {
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		f(path, m)
		if props, ok := m["properties"].(map[string]any); ok {
			for k, c := range props {
				rec(path+"/"+k, c)
			}
		}
		rec(path+"[]", m["items"])
	}
	rec("", n)
}
