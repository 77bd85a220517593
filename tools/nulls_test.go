package tools

import (
	"context"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

// profileSession is an MCP session whose client name makes the server pick
// one schema profile, against a fake Clerk.
type profileSession struct {
	fake    *fakeclerk.Server
	cl      *client.Client
	schemas map[string]json.RawMessage // tool -> input schema as listed
	valid   validators
}

func newProfileSession(t *testing.T, p Profile) *profileSession {
	t.Helper()
	names := map[Profile]string{ProfileCanonical: "claude-code", ProfileGemini: "gemini-cli", ProfileOpenAIStrict: "openai-mcp"}
	require.Equal(t, p, ProfileForClient(names[p]))
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	s, err := NewServer(ServerConfig{
		Config:    Config{Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: goldenKey, MaxRetries: -1}), Policy: PolicyOff},
		Selection: &Selection{Toolsets: []string{"all"}},
	})
	require.NoError(t, err)
	cl, err := client.NewInProcessClient(s)
	require.NoError(t, err)
	t.Cleanup(func() { _ = cl.Close() })
	require.NoError(t, cl.Start(context.Background()))
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: names[p], Version: "1"}
	_, err = cl.Initialize(context.Background(), init)
	require.NoError(t, err)
	list, err := cl.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	ps := &profileSession{fake: fake, cl: cl, schemas: map[string]json.RawMessage{}}
	for _, tool := range list.Tools {
		b, err := json.Marshal(tool.InputSchema)
		require.NoError(t, err)
		if tool.RawInputSchema != nil {
			b = tool.RawInputSchema
		}
		ps.schemas[tool.Name] = b
	}
	return ps
}

// call shapes args the way the profile's dialect asks (OpenAI strict: every
// property present, null for "not given", at every level), checks them
// against the schema the session listed, as that client would, and calls
// the tool. It returns the result and the request bodies Clerk received.
func (ps *profileSession) call(t *testing.T, p Profile, tool string, args map[string]any) (*mcp.CallToolResult, []string) {
	return ps.send(t, p, tool, args, true)
}

// send is call, checking the arguments against the listed schema or not (a
// model may send what its schema does not allow).
func (ps *profileSession) send(t *testing.T, p Profile, tool string, args map[string]any, check bool) (*mcp.CallToolResult, []string) {
	t.Helper()
	schema := ps.schemas[tool]
	require.NotNil(t, schema, "%s is not listed", tool)
	var tree map[string]any
	require.NoError(t, json.Unmarshal(schema, &tree))
	if p == ProfileOpenAIStrict {
		fillNulls(tree, args)
	}
	raw, err := json.Marshal(args)
	require.NoError(t, err)
	if check {
		v, err := ps.valid.get(string(p)+"/"+tool, schema)
		require.NoError(t, err)
		require.Empty(t, v.validate(raw), "%s arguments %s do not fit the %s schema the client was given", tool, raw, p)
	}
	ps.fake.Reset()
	res, err := ps.cl.CallTool(context.Background(), mcp.CallToolRequest{Params: mcp.CallToolParams{Name: tool, Arguments: json.RawMessage(raw)}})
	require.NoError(t, err)
	var bodies []string
	for _, r := range ps.fake.Requests() {
		bodies = append(bodies, string(r.Body))
	}
	return res, bodies
}

// fillNulls gives every property the strict schema lists and args lacks a
// null, in nested objects too.
func fillNulls(schema map[string]any, args map[string]any) {
	props, _ := schema["properties"].(map[string]any)
	for _, k := range slices.Sorted(maps.Keys(props)) {
		v, ok := args[k]
		if !ok {
			args[k] = nil
			continue
		}
		if m, isObj := v.(map[string]any); isObj {
			sub, _ := props[k].(map[string]any)
			fillNulls(sub, m)
		}
	}
}

const (
	dmnID  = "dmn_2x8kQ3mZp7Lw9VnB4cYt1R"
	entcID = "entc_2x8kQ3mZp7Lw9VnB4cYt1R"
	permID = "perm_2x8kQ3mZp7Lw9VnB4cYt1R"
)

// TestClearingFieldsInEveryProfile: in each profile, through a real MCP
// session whose client name picks the profile and with arguments valid
// against the schema that client was given, a nullable field is cleared
// (sent as null) by unset, nested ones too; an explicit null clears it too,
// except in openai-strict where null means "not given"; a null for a field
// Clerk takes none for is refused naming it (openai-strict: left out); an
// update with nothing to send, or a field both unset and given, is refused
// naming it, and no request is sent.
func TestClearingFieldsInEveryProfile(t *testing.T) {
	for _, p := range Profiles {
		t.Run(string(p), func(t *testing.T) {
			ps := newProfileSession(t, p)
			strict := p == ProfileOpenAIStrict

			t.Run("unset clears proxy_url", func(t *testing.T) {
				res, bodies := ps.call(t, p, "update_domain", map[string]any{"domain_id": dmnID, "unset": []string{"proxy_url"}})
				require.False(t, res.IsError, resultText(res))
				assert.Equal(t, []string{`{"proxy_url":null}`}, bodies)
			})

			t.Run("unset clears nested saml and oidc fields beside given ones", func(t *testing.T) {
				res, bodies := ps.call(t, p, "update_enterprise_connection", map[string]any{
					"enterprise_connection_id": entcID,
					"saml":                     map[string]any{"idp_entity_id": "https://idp.example.com/e"},
					"unset":                    []string{"saml.idp_sso_url", "saml.attribute_mapping.email_address", "oidc.client_secret"},
				})
				require.False(t, res.IsError, resultText(res))
				require.Len(t, bodies, 1)
				assert.JSONEq(t, `{"saml":{"idp_entity_id":"https://idp.example.com/e","idp_sso_url":null,"attribute_mapping":{"email_address":null}},"oidc":{"client_secret":null}}`, bodies[0])
			})

			t.Run("an explicit null for a nullable field", func(t *testing.T) {
				// Not in the canonical and Gemini schemas (unset is), but a
				// model may send it: it is honoured.
				res, bodies := ps.send(t, p, "update_domain", map[string]any{"domain_id": dmnID, "proxy_url": nil}, strict)
				if strict {
					require.True(t, res.IsError, "strict: null means not given, so nothing is left to send")
					assert.Contains(t, resultText(res), "arguments: nothing to change")
					assert.Empty(t, bodies)
					return
				}
				require.False(t, res.IsError, resultText(res))
				assert.Equal(t, []string{`{"proxy_url":null}`}, bodies)
			})

			t.Run("an explicit nested null for a nullable field", func(t *testing.T) {
				if strict {
					t.Skip("strict: nested nulls mean not given; unset clears them (above)")
				}
				res, bodies := ps.send(t, p, "update_enterprise_connection", map[string]any{"enterprise_connection_id": entcID, "saml": map[string]any{"idp_sso_url": nil}}, false)
				require.False(t, res.IsError, resultText(res))
				assert.Equal(t, []string{`{"saml":{"idp_sso_url":null}}`}, bodies)
			})

			t.Run("a null for a field Clerk takes no null for", func(t *testing.T) {
				if !strict {
					// The schemas type name as a string, so a client that
					// checks arguments would not send this; the server
					// refuses it all the same, naming it.
					res := callDirect(t, p, "update_organization_permission", `{"permission_id":"`+permID+`","name":null,"description":"Billing"}`)
					require.True(t, res.err)
					assert.Contains(t, res.text, "name: null is not accepted")
					assert.Zero(t, res.requests)
					return
				}
				res, bodies := ps.call(t, p, "update_organization_permission", map[string]any{"permission_id": permID, "description": "Billing"})
				require.False(t, res.IsError, resultText(res))
				assert.Equal(t, []string{`{"description":"Billing"}`}, bodies, "strict: the null name is left out")
			})

			t.Run("an update with nothing to send", func(t *testing.T) {
				res, bodies := ps.call(t, p, "update_domain", map[string]any{"domain_id": dmnID})
				require.True(t, res.IsError)
				assert.Contains(t, resultText(res), "arguments: nothing to change: give at least one of name, proxy_url, is_secondary, or unset")
				assert.Empty(t, bodies)
			})

			t.Run("a field both unset and given", func(t *testing.T) {
				res, bodies := ps.call(t, p, "update_domain", map[string]any{"domain_id": dmnID, "proxy_url": "https://example.com/__clerk", "unset": []string{"proxy_url"}})
				require.True(t, res.IsError)
				assert.Contains(t, resultText(res), "proxy_url: named in unset and given a value")
				assert.Empty(t, bodies)
			})
		})
	}
}

type directResult struct {
	err      bool
	text     string
	requests int
}

// callDirect calls the handler in profile p with raw arguments, as a model
// would send them whatever its schema said.
func callDirect(t *testing.T, p Profile, tool, args string) directResult {
	t.Helper()
	env := newGoldenEnv(t)
	env.h.profile = p
	res := env.h.Call(context.Background(), op(t, tool), json.RawMessage(args))
	return directResult{res.IsError, resultText(res), env.fake.Count()}
}

// TestUnsetListsEveryNullableField holds the unset argument to the plan:
// every update tool with nullable fields takes unset listing exactly its
// clearable fields (top level and nested, dotted); no other tool has it.
// It also counts what can be cleared.
func TestUnsetListsEveryNullableField(t *testing.T) {
	var tools, top, nested int
	for _, op := range catalogOps() {
		in, ok := schemas.Input(op.Name)
		require.True(t, ok)
		var s struct {
			Properties map[string]struct {
				Items struct {
					Enum []string `json:"enum"`
				} `json:"items"`
			} `json:"properties"`
		}
		require.NoError(t, json.Unmarshal(in, &s))
		unset, has := s.Properties["unset"]
		want := op.Plan().Clearable()
		if !op.Update() {
			want = nil
		}
		if len(want) == 0 {
			assert.False(t, has, "%s takes unset but has nothing to clear", op.Name)
			continue
		}
		require.True(t, has, "%s has nullable fields but no unset", op.Name)
		assert.Equal(t, want, unset.Items.Enum, op.Name)
		tools++
		for _, n := range want {
			if strings.Contains(n, ".") {
				nested++
			} else {
				top++
			}
		}
	}
	t.Logf("unset on %d tools: %d top-level and %d nested fields", tools, top, nested)
	assert.Equal(t, 23, tools, "the spec's 23 PATCH/PUT tools with nullable fields")
	assert.Equal(t, 151, top+nested, "the spec's 151 nullable fields of PATCH/PUT tools")
}

// TestEveryNullableFieldCanBeCleared sends, for every nullable field of
// every tool (top level, nested, inside array items), a call in the
// canonical profile that sets it to null, and checks Clerk receives that
// null at that place.
func TestEveryNullableFieldCanBeCleared(t *testing.T) {
	counts := map[string]int{}
	for _, op := range catalogOps() {
		plan := op.Plan()
		for _, prm := range plan.Params {
			paths := nullablePaths(plan, prm.Name)
			for _, path := range paths {
				// The golden case's realistic arguments (they satisfy the
				// patterns and cross-field rules), with the field set to null.
				args := map[string]any{}
				for k, v := range sampleArgs(t, op) {
					var x any
					require.NoError(t, json.Unmarshal(v, &x))
					args[k] = x
				}
				delete(args, "confirm")
				for k, v := range requiredArgs(t, op) {
					if _, ok := args[k]; !ok {
						args[k] = v
					}
				}
				setPath(args, path)
				raw, _ := json.Marshal(args)
				t.Run(op.Name+"/"+path, func(t *testing.T) {
					env := newGoldenEnv(t)
					env.h.policy = PolicyOff
					res := env.h.Call(context.Background(), op, raw)
					require.False(t, res.IsError, "%s %s: %s", op.Name, raw, resultText(res))
					reqs := env.fake.Requests()
					require.Len(t, reqs, 1)
					var body any
					require.NoError(t, json.Unmarshal(reqs[0].Body, &body))
					assert.True(t, nullAt(body, path), "%s: no null at %s in %s", op.Name, path, reqs[0].Body)
				})
				switch {
				case strings.Contains(path, "[]"):
					counts["in array items"]++
				case strings.Contains(path, "."):
					counts["nested"]++
				default:
					counts["top-level"]++
				}
			}
		}
	}
	t.Logf("nullable fields sent as null: %v", counts)
	assert.Equal(t, map[string]int{"top-level": 225, "nested": 43, "in array items": 12}, counts)
}

// nullablePaths lists the nullable paths under one parameter.
func nullablePaths(plan *clerkapi.Plan, name string) []string {
	var out []string
	for _, cand := range allPaths(plan) {
		if cand == name || strings.HasPrefix(cand, name+".") || strings.HasPrefix(cand, name+"[]") {
			out = append(out, cand)
		}
	}
	return out
}

// allPaths is every nullable path of a plan: the clearable ones and those in
// array items, found by probing the plan.
func allPaths(plan *clerkapi.Plan) []string {
	out := slices.Clone(plan.Clearable())
	for _, prm := range plan.Params {
		for _, f := range itemFields {
			if p := prm.Name + "[]." + f; plan.Nullable(p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// itemFields are the field names the spec marks nullable inside array items
// (bulk invitation and waitlist bodies).
var itemFields = []string{"public_metadata", "private_metadata", "redirect_url", "notify", "ignore_existing", "expires_in_days", "inviter_user_id"}

// requiredArgs takes the first golden case's required arguments of a tool.
func requiredArgs(t *testing.T, op *clerkapi.Operation) map[string]any {
	t.Helper()
	var file caseFile
	readCases(t, op.Name, &file)
	var all map[string]any
	require.NoError(t, json.Unmarshal(file.Cases[0].Arguments, &all))
	in, _ := schemas.Input(op.Name)
	var s struct {
		Required []string `json:"required"`
	}
	require.NoError(t, json.Unmarshal(in, &s))
	out := map[string]any{}
	for _, r := range s.Required {
		if v, ok := all[r]; ok {
			out[r] = v
		}
	}
	return out
}

// setPath sets a null at path ("a", "a.b", "a[].b"), in the first item of
// an array.
func setPath(args map[string]any, path string) {
	head, rest, nested := strings.Cut(path, ".")
	if name, isItem := strings.CutSuffix(head, "[]"); isItem {
		items, _ := args[name].([]any)
		if len(items) == 0 {
			items = []any{map[string]any{}}
		}
		item, _ := items[0].(map[string]any)
		if item == nil {
			item = map[string]any{}
		}
		setPath(item, rest)
		items[0] = item
		args[name] = items
		return
	}
	if !nested {
		args[head] = nil
		return
	}
	m, _ := args[head].(map[string]any)
	if m == nil {
		m = map[string]any{}
	}
	setPath(m, rest)
	args[head] = m
}

// nullAt reports whether the request body holds null at path; a whole-body
// array stands at its parameter's place.
func nullAt(body any, path string) bool {
	head, rest, nested := strings.Cut(path, ".")
	if name, isItem := strings.CutSuffix(head, "[]"); isItem {
		items, ok := body.([]any)
		if !ok {
			m, _ := body.(map[string]any)
			items, _ = m[name].([]any)
		}
		return len(items) > 0 && nullAt(items[0], rest)
	}
	m, ok := body.(map[string]any)
	if !ok {
		return false
	}
	v, present := m[head]
	if !nested {
		return present && v == nil
	}
	return nullAt(v, rest)
}
