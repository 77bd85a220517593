package clerkapi

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
)

// retryablePOSTs are the POSTs that only check or render something, so a
// repeat after a 5xx or a dropped connection has no second effect. Every
// other POST creates, sends, consumes or revokes something.
var retryablePOSTs = map[string]bool{
	"verify_user_password":      true,
	"verify_client":             true,
	"preview_template":          true,
	"verify_domain_proxy":       true,
	"verify_oauth_access_token": true,
	"verify_m2m_token":          true,
	"verify_api_key":            true,
}

// TestRetryableRule checks every catalog row against the rule written out
// independently of Operation.Retryable: GET, PUT, PATCH and DELETE are
// retried, a POST only when it is listed above; and the client's retry rule
// never disagrees with the idempotentHint given to MCP clients.
func TestRetryableRule(t *testing.T) {
	for name := range retryablePOSTs {
		op, ok := Lookup(name)
		if assert.True(t, ok, "%s is not in the catalog", name) {
			assert.Equal(t, "POST", op.Method, name)
		}
	}
	retried := 0
	for i := range catalog {
		op := &catalog[i]
		var want bool
		switch op.Method {
		case "GET", "PUT", "PATCH", "DELETE":
			want = true
		case "POST":
			want = retryablePOSTs[op.Name]
		default:
			t.Fatalf("%s: unexpected method %s", op.Name, op.Method)
		}
		assert.Equal(t, want, op.Retryable(), "%s (%s %s)", op.Name, op.Method, op.Path)
		assert.Equal(t, op.Idempotent(), op.Retryable(), "%s: retry rule and idempotentHint disagree", op.Name)
		if op.Retryable() {
			retried++
		}
	}
	t.Logf("%d of %d operations are retried on 5xx and connection errors", retried, len(catalog))
}

// TestRetryRealRows sends real catalog rows into a failing fake Clerk: the
// read-only verify POST and a PATCH are sent again after a 503 and a dropped
// connection; a POST that consumes what it is sent (a backup code) is not.
func TestRetryRealRows(t *testing.T) {
	const retries = 2
	cases := []struct {
		tool    string
		args    string
		retried bool
		hangUp  bool
	}{
		{tool: "verify_api_key", args: `{"secret":"ak_1"}`, retried: true},
		{tool: "verify_api_key", args: `{"secret":"ak_1"}`, retried: true, hangUp: true},
		{tool: "update_user", args: `{"user_id":"user_1","first_name":"Ada"}`, retried: true},
		{tool: "update_user", args: `{"user_id":"user_1","first_name":"Ada"}`, retried: true, hangUp: true},
		{tool: "verify_user_totp", args: `{"user_id":"user_1","code":"123456"}`, retried: false},
		{tool: "verify_user_totp", args: `{"user_id":"user_1","code":"123456"}`, retried: false, hangUp: true},
		{tool: "create_user", args: `{"first_name":"Ada"}`, retried: false},
	}
	for _, tc := range cases {
		name := tc.tool + " on 503"
		if tc.hangUp {
			name = tc.tool + " on a dropped connection"
		}
		t.Run(name, func(t *testing.T) {
			op, ok := Lookup(tc.tool)
			require.True(t, ok)
			h := newHarness(t, func(c *Config) { c.MaxRetries = retries })
			if tc.hangUp {
				h.srv.Handle(hangUp)
			} else {
				h.srv.Respond(fakeclerk.Response{Status: 503, Body: []byte(`{"errors":[{"code":"x","message":"y"}]}`)})
			}
			_, err := h.c.Do(context.Background(), op, jargs(t, tc.args))
			require.Error(t, err)
			want := 1
			if tc.retried {
				want = retries + 1
			}
			assert.Equal(t, want, h.srv.Count())
			for _, r := range h.srv.Requests() {
				assert.Equal(t, op.Method, r.Method)
			}
		})
	}
}
