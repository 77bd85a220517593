package tools

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
)

func text(res *mcp.CallToolResult) string {
	var sb strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(mcp.TextContent); ok {
			sb.WriteString(tc.Text)
		}
	}
	return sb.String()
}

func op(t *testing.T, name string) *clerkapi.Operation {
	t.Helper()
	o, ok := clerkapi.Lookup(name)
	require.True(t, ok, name)
	return o
}

func TestAPanicBecomesAnErrorResult(t *testing.T) {
	h := NewHandler(Config{}) // no client: the call panics inside
	res := h.Call(context.Background(), op(t, "get_user"), json.RawMessage(`{"user_id":"user_1"}`))
	require.True(t, res.IsError)
	assert.Contains(t, text(res), "internal error in get_user")
}

func TestArgumentsAreCheckedStrictly(t *testing.T) {
	env := newGoldenEnv(t)
	cases := []struct {
		name, tool, args string
		want             []string
	}{
		{"non-object arguments", "get_user", `[1,2]`, []string{"expected a JSON object"}},
		{"missing required", "get_user", `{}`, []string{"user_id: required"}},
		{"unknown argument lists the accepted ones", "get_user", `{"user_id":"u","id":"x"}`, []string{"id: unknown argument; accepted: user_id"}},
		{"wrong type", "list_users", `{"limit":"ten"}`, []string{"limit: expected integer, got string"}},
		{"below minimum", "list_users", `{"offset":-1}`, []string{"offset: must be ≥ 0 (got -1)"}},
		{"enum", "list_organization_invitations", `{"organization_id":"org_1","status":"bogus"}`, []string{"status", "must be one of"}},
		{"array too long", "ban_users", `{"user_ids":[` + strings.Repeat(`"u",`, 50) + `"u"]}`, []string{"user_ids: takes at most 50 items (got 51)"}},
		{"nested field", "create_organization_invitations_bulk", `{"organization_id":"org_1","organization_invitations":[{"role":"org:member"}]}`, []string{"organization_invitations.0.email_address: required"}},
		{"every problem at once", "list_users", `{"limit":0,"zzz":1}`, []string{"limit: must be ≥ 1", "zzz: unknown argument"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := env.h.Call(context.Background(), op(t, c.tool), json.RawMessage(c.args))
			require.True(t, res.IsError, text(res))
			for _, w := range c.want {
				assert.Contains(t, text(res), w)
			}
		})
	}
	assert.Zero(t, env.fake.Count(), "invalid calls never reach Clerk")
}

func TestNullOrAbsentArgumentsMeanNone(t *testing.T) {
	env := newGoldenEnv(t)
	env.fake.Respond(fakeclerk.Response{Status: 200, Body: []byte(`{"data":[],"total_count":0}`)})
	for _, raw := range []string{"", "null", "{}"} {
		res := env.h.Call(context.Background(), op(t, "list_organizations"), json.RawMessage(raw))
		assert.False(t, res.IsError, "%q: %s", raw, text(res))
	}
}

func TestResultsAreAlwaysObjects(t *testing.T) {
	cases := []struct {
		name, tool, args string
		resp             fakeclerk.Response
		want, wantText   string
	}{
		{"bare array is wrapped, with no made-up total", "ban_users", `{"user_ids":["u1"]}`,
			fakeclerk.Response{Status: 200, Body: []byte(`[{"id":"u1"},{"id":"u2"}]`)}, `{"data":[{"id":"u1"},{"id":"u2"}]}`,
			`{"columns":["id"],"rows":[["u1"],["u2"]]}`},
		{"no content", "update_instance", `{"hibp":true}`, fakeclerk.Response{Status: 204}, `{"ok":true,"status":204}`, ""},
		{"object passes through, text compacted", "get_user", `{"user_id":"u1"}`,
			fakeclerk.Response{Status: 200, Body: []byte("{\n  \"id\": \"u1\",\n  \"n\": 12345678901234567890,\n \"x\": null\n}")}, `{"id":"u1","n":12345678901234567890,"x":null}`,
			`{"id":"u1","n":12345678901234567890}`},
		{"times read as RFC 3339 and Clerk's image proxy URLs are left out of the text only", "get_user", `{"user_id":"u1"}`,
			fakeclerk.Response{Status: 200, Body: []byte(`{"id":"u1","has_image":false,"image_url":"https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9","created_at":1778576400000,"last_sign_in_at":null}`)},
			`{"id":"u1","has_image":false,"image_url":"https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9","created_at":1778576400000,"last_sign_in_at":null}`,
			`{"id":"u1","has_image":false,"created_at":"2026-05-12T09:00:00Z"}`},
		{"a one-item page is a table like any page", "list_organizations", `{"limit":1}`,
			fakeclerk.Response{Status: 200, Body: []byte(`{"data":[{"id":"org_1","object":"organization","has_image":false,"image_url":"https://img.clerk.com/x","updated_at":1778576400000}],"total_count":1}`)},
			`{"data":[{"id":"org_1","object":"organization","has_image":false,"image_url":"https://img.clerk.com/x","updated_at":1778576400000}],"total_count":1}`,
			`{"total_count":1,"common":{"object":"organization"},"columns":["id","has_image","updated_at"],"rows":[["org_1",false,"2026-05-12T09:00:00Z"]]}`},
		{"html page", "get_public_interstitial", `{"publishable_key":"pk_test_Y2xlcmsuZXhhbXBsZS5jb20k"}`,
			fakeclerk.Response{Status: 200, Body: []byte(`<html></html>`)}, `{"html":"\u003chtml\u003e\u003c/html\u003e"}`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := newGoldenEnv(t)
			env.fake.Respond(c.resp)
			args := c.args
			o := op(t, c.tool)
			if o.Kind() == clerkapi.Destructive {
				prev := env.h.Call(context.Background(), o, json.RawMessage(args))
				var p Preview
				require.NoError(t, json.Unmarshal([]byte(prev.StructuredContent.(Structured)), &p))
				args = strings.TrimSuffix(args, "}") + `,"confirm":"` + p.Confirm + `"}`
			}
			res := env.h.Call(context.Background(), o, json.RawMessage(args))
			require.False(t, res.IsError, text(res))
			assert.JSONEq(t, c.want, string([]byte(res.StructuredContent.(Structured))))
			if c.wantText == "" {
				c.wantText = c.want
			}
			assert.JSONEq(t, c.wantText, text(res))
			checkOutputSchema(t, o, res)
		})
	}
}

func TestClerkFailuresAreReadable(t *testing.T) {
	cases := []struct {
		name string
		resp fakeclerk.Response
		want []string
	}{
		{"clerk error with trace header", fakeclerk.Response{Status: 404, Header: map[string]string{"Clerk-Trace-Id": "tr_1"},
			Body: []byte(`{"errors":[{"code":"resource_not_found","message":"not found","long_message":"No user with that ID"}]}`)},
			[]string{"HTTP 404", "resource_not_found", "No user with that ID", "trace tr_1"}},
		{"malformed JSON on success", fakeclerk.Response{Status: 200, Body: []byte(`{"id":`)}, []string{"malformed JSON"}},
		{"non-JSON error body", fakeclerk.Response{Status: 502, Body: []byte(`<html>bad gateway</html>`)}, []string{"HTTP 502", "bad gateway"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := newGoldenEnv(t)
			env.fake.Respond(c.resp)
			res := env.h.Call(context.Background(), op(t, "get_user"), json.RawMessage(`{"user_id":"u1"}`))
			require.True(t, res.IsError)
			for _, w := range c.want {
				assert.Contains(t, text(res), w)
			}
			assert.NotContains(t, text(res), goldenKey)
		})
	}
}

func TestTheSecretKeyNeverComesBack(t *testing.T) {
	env := newGoldenEnv(t)
	env.fake.Handle(func(w http.ResponseWriter, r *http.Request) {
		echo := r.Header.Get("Authorization")
		w.WriteHeader(401)
		_, _ = w.Write([]byte(`{"errors":[{"code":"authentication_invalid","message":"bad key ` + echo + `","long_message":"` + echo + `"}],"clerk_trace_id":"` + echo + `"}`))
	})
	res := env.h.Call(context.Background(), op(t, "get_user"), json.RawMessage(`{"user_id":"u1"}`))
	require.True(t, res.IsError)
	b, _ := json.Marshal(res)
	assert.NotContains(t, string(b), goldenKey)
	assert.Contains(t, string(b), "[redacted]")
}
