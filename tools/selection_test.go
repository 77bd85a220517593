package tools

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
)

func names(ops []*clerkapi.Operation) []string {
	out := make([]string, len(ops))
	for i, op := range ops {
		out[i] = op.Name
	}
	return out
}

func TestSelection(t *testing.T) {
	cat := clerkapi.Catalog()
	cases := []struct {
		name    string
		sel     Selection
		listed  []string // must be listed
		absent  []string // must not be listed
		reach   []string // reachable through discovery
		blocked []string // not reachable at all
		count   int      // exact listed count, when > 0
	}{
		{name: "the default set is curated", sel: Selection{}, count: len(DefaultTools),
			listed: []string{"list_users", "delete_user", "create_organization_invitation"},
			absent: []string{"create_api_key", "list_templates", "rotate_machine_secret_key"},
			reach:  []string{"create_api_key", "list_templates"}},
		{name: "toolsets add whole groups", sel: Selection{Toolsets: []string{"jwt_templates", "sessions"}},
			listed: []string{"list_jwt_templates", "revoke_session"}, absent: []string{"list_users"}, count: 12},
		{name: "all lists every operation", sel: Selection{Toolsets: []string{"all"}}, count: len(cat)},
		{name: "none lists nothing but discovery still reaches", sel: Selection{Toolsets: []string{"none"}}, count: -1,
			reach: []string{"get_user"}},
		{name: "tools add single tools", sel: Selection{Toolsets: []string{"none"}, Tools: []string{"get_jwks"}},
			listed: []string{"get_jwks"}, count: 1},
		{name: "exclude wins over everything", sel: Selection{Toolsets: []string{"all"}, Tools: []string{"delete_user"}, Exclude: []string{"delete_user"}},
			absent: []string{"delete_user"}, blocked: []string{"delete_user"}},
		{name: "read-only wins over tools", sel: Selection{Tools: []string{"create_api_key"}, ReadOnly: true},
			listed: []string{"list_users"}, absent: []string{"create_api_key", "create_user", "delete_user"},
			blocked: []string{"create_api_key", "delete_user"}, reach: []string{"get_jwks"}},
		{name: "no-destructive keeps writes", sel: Selection{NoDestructive: true},
			listed: []string{"create_user", "update_user"}, absent: []string{"delete_user", "ban_user"}, blocked: []string{"delete_user"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := c.sel.Resolve(cat)
			require.NoError(t, err)
			got := names(s.Listed)
			switch {
			case c.count > 0:
				assert.Len(t, got, c.count)
			case c.count < 0:
				assert.Empty(t, got)
			}
			for _, n := range c.listed {
				assert.Contains(t, got, n)
			}
			for _, n := range c.absent {
				assert.NotContains(t, got, n)
			}
			for _, n := range c.reach {
				_, ok := s.Allowed(n)
				assert.True(t, ok, "%s should be reachable", n)
			}
			for _, n := range c.blocked {
				_, ok := s.Allowed(n)
				assert.False(t, ok, "%s should be blocked", n)
			}
		})
	}
}

func TestDefaultSetRules(t *testing.T) {
	assert.LessOrEqual(t, len(DefaultTools), 40)
	for _, n := range DefaultTools {
		op, ok := clerkapi.Lookup(n)
		require.True(t, ok, n)
		assert.False(t, op.Deprecated, "%s is deprecated", n)
		assert.False(t, op.Secret, "%s returns a secret", n)
	}
}

func TestUnknownNamesSuggest(t *testing.T) {
	cat := clerkapi.Catalog()
	for _, c := range []struct {
		sel  Selection
		want string
	}{
		{Selection{Toolsets: []string{"user"}}, `unknown toolset "user"; did you mean "users"?`},
		{Selection{Tools: []string{"delete_usr"}}, `unknown tool "delete_usr"; did you mean "delete_user"?`},
		{Selection{Exclude: []string{"list_user"}}, `unknown tool "list_user"; did you mean "list_users"?`},
	} {
		_, err := c.sel.Resolve(cat)
		assert.EqualError(t, err, c.want)
	}
}

// discoverySession serves a selection to an in-process client.
func discoverySession(t *testing.T, sel Selection) (*client.Client, *fakeclerk.Server) {
	t.Helper()
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	s, err := NewServer(ServerConfig{Config: Config{Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: goldenKey, MaxRetries: -1})}, Selection: &sel})
	require.NoError(t, err)
	c, err := client.NewInProcessClient(s)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	require.NoError(t, c.Start(context.Background()))
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	_, err = c.Initialize(context.Background(), init)
	require.NoError(t, err)
	return c, fake
}

func TestFiltersHoldAtCallTime(t *testing.T) {
	c, fake := discoverySession(t, Selection{ReadOnly: true})
	list, err := c.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	var listed []string
	for _, tl := range list.Tools {
		listed = append(listed, tl.Name)
	}
	assert.Contains(t, listed, "search_operations")
	assert.NotContains(t, listed, "delete_user")

	req := mcp.CallToolRequest{}
	req.Params.Name = "delete_user"
	req.Params.Arguments = map[string]any{"user_id": "u1"}
	_, err = c.CallTool(context.Background(), req)
	assert.Error(t, err, "an unlisted tool cannot be called by name")

	res := callTool(t, c, "call_operation", map[string]any{"name": "delete_user", "arguments": map[string]any{"user_id": "u1"}})
	require.True(t, res.IsError)
	assert.Contains(t, text(res), `No operation "delete_user" is available here`)
	assert.Zero(t, fake.Count())

	for _, tl := range list.Tools {
		if tl.Name == "call_operation" {
			assert.True(t, *tl.Annotations.ReadOnlyHint, "read-only surface: call_operation is read-only")
		}
	}
}

func TestDiscoveryReachesEveryAllowedOperation(t *testing.T) {
	c, fake := discoverySession(t, Selection{})
	ctx := context.Background()
	_ = ctx

	res := callTool(t, c, "search_operations", map[string]any{"query": "ban users"})
	require.False(t, res.IsError)
	var found struct {
		Matches []match `json:"matches"`
	}
	require.NoError(t, json.Unmarshal([]byte(text(res)), &found))
	require.NotEmpty(t, found.Matches)
	assert.Contains(t, []string{"ban_user", "ban_users"}, found.Matches[0].Name)

	res = callTool(t, c, "describe_operation", map[string]any{"name": "create_api_key"})
	require.False(t, res.IsError)
	assert.Contains(t, text(res), `"returns_secret":true`)
	assert.Contains(t, text(res), `"input_schema":{`)

	fake.Respond(fakeclerk.Response{Status: 200, Body: []byte(`{"keys":[]}`)})
	res = callTool(t, c, "call_operation", map[string]any{"name": "get_jwks"})
	require.False(t, res.IsError, text(res))
	assert.Equal(t, "/v1/jwks", fake.Requests()[0].Path)

	// The same validation and the same gate.
	res = callTool(t, c, "call_operation", map[string]any{"name": "get_user", "arguments": map[string]any{"id": "x"}})
	require.True(t, res.IsError)
	assert.Contains(t, text(res), "user_id: required")
	fake.Reset()
	res = callTool(t, c, "call_operation", map[string]any{"name": "delete_api_key", "arguments": map[string]any{"apiKeyID": "ak_0f3c9a7e5b1d4c2a8e6f0b9d7c5a3e1f"}})
	require.False(t, res.IsError)
	assert.Contains(t, text(res), "NOT EXECUTED")
	assert.Zero(t, writes(fake))

	// Every reachable operation can be described.
	s, err := Selection{}.Resolve(clerkapi.Catalog())
	require.NoError(t, err)
	assert.Len(t, s.Reachable(), len(clerkapi.Catalog()))
	for _, op := range s.Reachable() {
		r := describe(op)
		assert.False(t, r.IsError, op.Name)
	}
}

// --read-only offers no credential oracle: verify_user_password answers
// whether a guessed password is right, so a read-only agent could brute-force
// it through call_operation. Listing, naming and discovery all refuse it.
func TestReadOnlyExcludesCredentialOracles(t *testing.T) {
	surface, err := Selection{ReadOnly: true, Toolsets: []string{"all"}, Tools: []string{"verify_user_password"}}.Resolve(clerkapi.Catalog())
	require.NoError(t, err)
	for _, name := range []string{"verify_user_password", "verify_user_totp"} {
		_, ok := surface.Allowed(name)
		assert.False(t, ok, "%s reachable under --read-only", name)
	}
	_, ok := surface.Allowed("verify_api_key")
	assert.True(t, ok, "a read-only verify that guesses nothing stays")

	c, fake := discoverySession(t, Selection{ReadOnly: true})
	res := callTool(t, c, "call_operation", map[string]any{"name": "verify_user_password",
		"arguments": map[string]any{"user_id": "user_2xAbCdEfGh", "password": "hunter2hunter2"}})
	require.True(t, res.IsError)
	assert.Contains(t, text(res), `No operation "verify_user_password" is available here`)
	assert.Zero(t, fake.Count())
	for _, op := range clerkapi.Catalog() {
		if op.Oracle {
			assert.Contains(t, []string{"verify_user_password", "verify_user_totp"}, op.Name, "a new oracle: document it in the README")
		}
	}
}
