package tools

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	_ "github.com/clerk-mcp/clerk-mcp/internal/golden"
)

// TestWithAllowNarrowsEverything: a caller allowed reads only lists no
// write or destructive tool, finds and describes none through discovery,
// and a call to one — listed tool or call_operation — is refused before any
// request. Without WithAllow nothing is narrowed.
func TestWithAllowNarrowsEverything(t *testing.T) {
	fake := fakeclerk.New()
	defer fake.Close()
	s, err := NewServer(ServerConfig{
		Config:    Config{Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: "sk_test_allow", MaxRetries: -1}), Policy: PolicyOff},
		Selection: &Selection{Toolsets: []string{"all"}},
	})
	require.NoError(t, err)
	readsOnly := func(op *clerkapi.Operation) bool { return op.Kind() == clerkapi.Read }
	rpc := func(ctx context.Context, body string) map[string]any {
		b, err := json.Marshal(s.HandleMessage(ctx, json.RawMessage(body)))
		require.NoError(t, err)
		var m map[string]any
		require.NoError(t, json.Unmarshal(b, &m))
		return m
	}
	list := func(ctx context.Context) []string {
		res := rpc(ctx, `{"jsonrpc":"2.0","id":1,"method":"tools/list"}`)["result"].(map[string]any)
		var names []string
		for _, tl := range res["tools"].([]any) {
			names = append(names, tl.(map[string]any)["name"].(string))
		}
		return names
	}
	init := `{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}`
	rpc(context.Background(), init)

	all := list(context.Background())
	narrowed := WithAllow(context.Background(), readsOnly)
	reads := list(narrowed)
	assert.Contains(t, all, "delete_user")
	assert.Contains(t, reads, "get_user")
	assert.Contains(t, reads, "call_operation")
	assert.Less(t, len(reads), len(all))
	for _, n := range reads {
		if op, ok := clerkapi.Lookup(n); ok {
			assert.Equal(t, clerkapi.Read, op.Kind(), n)
		}
	}

	call := func(ctx context.Context, tool, args string) (bool, string) {
		m := rpc(ctx, `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"`+tool+`","arguments":`+args+`}}`)
		if e, ok := m["error"].(map[string]any); ok {
			return true, e["message"].(string)
		}
		res := m["result"].(map[string]any)
		isErr, _ := res["isError"].(bool)
		text := res["content"].([]any)[0].(map[string]any)["text"].(string)
		return isErr, text
	}
	fake.Reset()
	for _, c := range []struct{ tool, args, want string }{
		{"delete_user", `{"user_id":"user_1"}`, "not found"},
		{"call_operation", `{"name":"delete_user","arguments":{"user_id":"user_1"}}`, `No operation "delete_user"`},
		{"call_operation", `{"name":"update_user","arguments":{"user_id":"user_1","first_name":"x"}}`, `No operation "update_user"`},
		{"describe_operation", `{"name":"ban_user"}`, `No operation "ban_user"`},
	} {
		bad, msg := call(narrowed, c.tool, c.args)
		assert.True(t, bad, "%s %s", c.tool, c.args)
		assert.Contains(t, msg, c.want)
	}
	_, found := call(narrowed, "search_operations", `{"query":"delete ban user","limit":25}`)
	assert.NotContains(t, found, `"delete_user"`)
	assert.NotContains(t, found, `"ban_user"`)
	assert.Zero(t, fake.Count(), "refused calls sent nothing")

	// The handler refuses on its own too (a path around the tool filter).
	op, _ := clerkapi.Lookup("delete_user")
	res := NewHandler(Config{}).Call(narrowed, op, json.RawMessage(`{"user_id":"user_1"}`))
	require.True(t, res.IsError)
	assert.Contains(t, text(res), "scopes do not reach this destructive operation")

	_, found = call(context.Background(), "search_operations", `{"query":"delete user"}`)
	assert.Contains(t, found, `"delete_user"`, "no WithAllow: no narrowing")
}
