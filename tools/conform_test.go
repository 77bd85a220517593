package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	googleschema "github.com/google/jsonschema-go/jsonschema"
	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

// Clients check structuredContent against the outputSchema they were
// listed: the official TypeScript SDK (and the MCP Inspector) rejects a
// result that fails it with -32602, and the model never sees it. The server
// validates with santhosh-tekuri/jsonschema; these tests check again with an
// independent implementation, google/jsonschema-go (the official Go SDK's
// validator), so a bug or leniency of one library cannot hide a mismatch.

// independentCheck validates doc against schema with google/jsonschema-go.
func independentCheck(schema, doc []byte) error {
	var s googleschema.Schema
	if err := json.Unmarshal(schema, &s); err != nil {
		return fmt.Errorf("schema does not decode: %w", err)
	}
	rs, err := s.Resolve(nil)
	if err != nil {
		return fmt.Errorf("schema does not resolve: %w", err)
	}
	var inst any
	dec := json.NewDecoder(bytes.NewReader(doc))
	if err := dec.Decode(&inst); err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return rs.Validate(inst)
}

// TestIndependentValidatorCatches: the independent check is not vacuous; it
// refuses the clash that broke the two revoke_invitation previews (an RFC
// 3339 string where the output schema says integer|null).
func TestIndependentValidatorCatches(t *testing.T) {
	out, _ := schemas.Output("revoke_invitation")
	require.NoError(t, independentCheck(out, []byte(`{"expires_at":1767225600000}`)))
	require.Error(t, independentCheck(out, []byte(`{"expires_at":"2026-01-01T00:05:00Z"}`)))
	require.Error(t, independentCheck(out, []byte(`{"id":7}`)))
}

// conformSession serves every tool, in schema profile p, to an in-process
// client, and returns the definitions it listed by name.
func conformSession(t *testing.T, p Profile) (*client.Client, *fakeclerk.Server, map[string]mcp.Tool) {
	t.Helper()
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	gate := NewGate([]byte("conform-key"), 5*time.Minute)
	gate.now = func() time.Time { return goldenTime }
	s, err := NewServer(ServerConfig{
		Config: Config{Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: goldenKey, MaxRetries: -1,
			MachineSecretKey: "ak_golden_machine_key"}), Gate: gate, Policy: PolicyToken},
		Selection:     &Selection{Toolsets: []string{"all"}},
		SchemaProfile: p,
	})
	require.NoError(t, err)
	c, err := client.NewInProcessClient(s)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	require.NoError(t, c.Start(context.Background()))
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	_, err = c.Initialize(context.Background(), init)
	require.NoError(t, err)
	// The definitions as they go over the wire: a client's decoding of
	// mcp.Tool would lose the raw outputSchema.
	msg := s.HandleMessage(context.Background(), json.RawMessage(`{"jsonrpc":"2.0","id":1,"method":"tools/list"}`))
	wire, err := json.Marshal(msg)
	require.NoError(t, err)
	var list struct {
		Result struct {
			Tools []struct {
				Name         string          `json:"name"`
				Description  string          `json:"description"`
				InputSchema  json.RawMessage `json:"inputSchema"`
				OutputSchema json.RawMessage `json:"outputSchema"`
			} `json:"tools"`
			NextCursor string `json:"nextCursor"`
		} `json:"result"`
	}
	require.NoError(t, json.Unmarshal(wire, &list))
	require.Empty(t, list.Result.NextCursor, "one page lists every tool")
	listed := map[string]mcp.Tool{}
	for _, tl := range list.Result.Tools {
		listed[tl.Name] = mcp.Tool{Name: tl.Name, Description: tl.Description, RawInputSchema: tl.InputSchema, RawOutputSchema: tl.OutputSchema}
	}
	return c, fake, listed
}

// profileArguments shapes a call the way a client of profile p writes it,
// from the listed input schema: openai-strict sends every property, null
// for the ones not given; gemini sends free-form objects as JSON strings.
func profileArguments(t *testing.T, p Profile, listed mcp.Tool, args map[string]json.RawMessage) map[string]any {
	t.Helper()
	var in struct {
		Properties map[string]map[string]any `json:"properties"`
	}
	require.NoError(t, json.Unmarshal(listed.RawInputSchema, &in))
	out := map[string]any{}
	for k, v := range args {
		out[k] = v
		if prop, ok := in.Properties[k]; ok && prop["type"] == "string" && len(v) > 0 && v[0] == '{' {
			out[k] = string(v) // a free-form object listed as a JSON string
		}
	}
	if p == ProfileOpenAIStrict {
		for k := range in.Properties {
			if _, ok := out[k]; !ok && k != "confirm" {
				out[k] = nil
			}
		}
	}
	return out
}

// TestPreviewsConformEveryProfile: every destructive tool's preview, in
// every schema profile, called by its own name and through call_operation,
// validates against the outputSchema the session listed for the tool it
// called, by the independent validator; nothing is sent to Clerk but the
// identity read.
func TestPreviewsConformEveryProfile(t *testing.T) {
	for _, p := range Profiles {
		t.Run(string(p), func(t *testing.T) {
			c, fake, listed := conformSession(t, p)
			conforming, destructive := 0, 0
			for _, op := range catalogOps() {
				if op.Kind() != clerkapi.Destructive {
					continue
				}
				destructive++
				def, ok := listed[op.Name]
				require.True(t, ok, "%s is listed", op.Name)
				require.NotEmpty(t, def.RawOutputSchema, "%s lists an outputSchema", op.Name)
				args := profileArguments(t, p, def, sampleArgs(t, op))
				ok = true
				for _, via := range []string{op.Name, "call_operation"} {
					callArgs, schema := args, def.RawOutputSchema
					if via == "call_operation" {
						callArgs = map[string]any{"name": op.Name, "arguments": args}
						schema = listed["call_operation"].RawOutputSchema
					}
					fake.Reset()
					res := callTool(t, c, via, callArgs)
					require.False(t, res.IsError, "%s via %s: %s", op.Name, via, text(res))
					assert.Contains(t, text(res), "NOT EXECUTED")
					assert.Zero(t, writes(fake), "%s via %s sent a write", op.Name, via)
					sc, err := json.Marshal(res.StructuredContent)
					require.NoError(t, err)
					var preview Preview
					require.NoError(t, json.Unmarshal(sc, &preview))
					require.NotEmpty(t, preview.Confirm, "%s via %s: a preview", op.Name, via)
					for _, s := range [][]byte{schema, def.RawOutputSchema} {
						if err := independentCheck(s, sc); err != nil {
							ok = false
							t.Errorf("%s via %s (%s): the preview breaks the listed outputSchema: %v\n%s", op.Name, via, p, err, sc)
						}
					}
				}
				if ok {
					conforming++
				}
			}
			t.Logf("%s: previews validating %d/%d", p, conforming, destructive)
			assert.Equal(t, 69, destructive)
			assert.Equal(t, destructive, conforming)
		})
	}
}

// TestPreviewNamesThePathTheCallCameBy is the reported misdirection:
// delete_allowlist_identifier reached through call_operation said "call
// delete_allowlist_identifier again", a tool that is not listed. It must say
// call_operation with arguments.confirm, and doing what it says must run.
func TestPreviewNamesThePathTheCallCameBy(t *testing.T) {
	c, fake := discoverySession(t, Selection{}) // default set: delete_allowlist_identifier is not listed
	list, err := c.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	for _, tl := range list.Tools {
		require.NotEqual(t, "delete_allowlist_identifier", tl.Name)
		if tl.Name == "call_operation" {
			assert.Contains(t, tl.Description, "confirm token goes inside arguments")
		}
	}
	args := map[string]any{"identifier_id": "alid_2x8kQ3mZp7Lw9VnB4cYt1R"}
	res := callTool(t, c, "call_operation", map[string]any{"name": "delete_allowlist_identifier", "arguments": args})
	require.False(t, res.IsError, text(res))
	preview := text(res)
	assert.Contains(t, preview, "call call_operation again with arguments.confirm = ")
	assert.Contains(t, preview, `name "delete_allowlist_identifier"`)
	assert.NotContains(t, preview, "call delete_allowlist_identifier again")
	var p Preview
	sc, _ := json.Marshal(res.StructuredContent)
	require.NoError(t, json.Unmarshal(sc, &p))
	assert.Contains(t, preview, `arguments.confirm = "`+p.Confirm+`"`)
	assert.Zero(t, writes(fake))

	// A wrong token: the refusal says how to start over by the same path.
	bad := map[string]any{"identifier_id": "alid_2x8kQ3mZp7Lw9VnB4cYt1R", "confirm": "not-the-token"}
	res = callTool(t, c, "call_operation", map[string]any{"name": "delete_allowlist_identifier", "arguments": bad})
	require.True(t, res.IsError)
	assert.Contains(t, text(res), `call call_operation again with name "delete_allowlist_identifier" without arguments.confirm`)
	assert.NotContains(t, text(res), "call delete_allowlist_identifier")
	assert.Zero(t, writes(fake))

	// Following the preview's words runs the call.
	args["confirm"] = p.Confirm
	fake.Respond(fakeclerk.Response{Status: 200, Body: []byte(`{"object":"allowlist_identifier","id":"alid_2x8kQ3mZp7Lw9VnB4cYt1R","deleted":true}`)})
	res = callTool(t, c, "call_operation", map[string]any{"name": "delete_allowlist_identifier", "arguments": args})
	require.False(t, res.IsError, text(res))
	assert.Equal(t, 1, writes(fake))

	// Called by its own name, the preview names the tool and plain confirm.
	env := newGoldenEnv(t)
	own := env.h.Call(context.Background(), op(t, "delete_user"), json.RawMessage(`{"user_id":"user_2x8kQ3mZp7Lw9VnB4cYt1R"}`))
	assert.Contains(t, text(own), "call delete_user again with the same arguments and confirm: ")
	assert.False(t, strings.Contains(text(own), "arguments.confirm"))
}
