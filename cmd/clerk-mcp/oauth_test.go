package main

// OAuth resource-server mode as main wires it: the flags and their
// refusals, and the built binary serving metadata, challenges, per-scope
// calls and logs that name the caller but never the token.

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/clerk-mcp/clerk-mcp/internal/oauth/oauthtest"
)

func TestOAuthFlagRefusals(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"stdio", nil, []string{"--oauth-issuer", "https://clerk.example.com"}, "--transport http"},
		{"stdio by env", map[string]string{"CLERK_MCP_OAUTH_ISSUER": "https://clerk.example.com"}, nil, "--transport http"},
		{"with key-from-request", nil, []string{"--transport", "http", "--oauth-issuer", "https://clerk.example.com", "--key-from-request"}, "--key-from-request"},
		{"sandbox issuer with a state file", nil, []string{"--sandbox", "--sandbox-state", "/nonexistent/state.db", "--transport", "http", "--oauth-issuer", "sandbox"}, "--sandbox-state"},
		{"sandbox issuer without --sandbox", nil, []string{"--transport", "http", "--oauth-issuer", "sandbox"}, "needs --sandbox"},
		{"resource required beyond loopback", nil, []string{"--transport", "http", "--addr", "0.0.0.0:0", "--oauth-issuer", "https://clerk.example.com"}, "--oauth-resource is required"},
		{"resource without issuer", nil, []string{"--transport", "http", "--oauth-resource", "https://mcp.example.com/mcp"}, "goes with --oauth-issuer"},
		{"scopes without issuer", map[string]string{"CLERK_MCP_OAUTH_SCOPES": "a,b,c"}, []string{"--transport", "http"}, "--oauth-scopes goes with"},
		{"http issuer beyond loopback", nil, []string{"--transport", "http", "--oauth-issuer", "http://clerk.example.com"}, "https"},
		{"issuer not a URL", nil, []string{"--transport", "http", "--oauth-issuer", "clerk.example.com"}, "--oauth-issuer"},
		{"two scope names", nil, []string{"--transport", "http", "--oauth-issuer", "https://clerk.example.com", "--oauth-scopes", "r,w"}, "--oauth-scopes"},
		{"scope with a quote", nil, []string{"--transport", "http", "--oauth-issuer", "https://clerk.example.com", "--oauth-scopes", `r,w,"a"`}, "--oauth-scopes"},
		{"org without a name", nil, []string{"--transport", "http", "--oauth-issuer", "https://clerk.example.com", "--oauth-require-org", ":admin"}, "--oauth-require-org"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clearEnv(t)
			t.Setenv("CLERK_SECRET_KEY", fakeKey)
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			code, stdout, stderr := runCapture(tc.args...)
			if code != 2 || stdout != "" || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", code, stdout, stderr, tc.want)
			}
		})
	}
}

// TestOAuthBinary runs the built binary against a test issuer: metadata,
// the 401 challenge, a read-scoped caller refused a delete with 403 and
// step-up scopes, a static token beside OAuth, and logs with the subject
// and client id but no token.
func TestOAuthBinary(t *testing.T) {
	fake := newFake(t)
	iss := oauthtest.NewIssuer()
	defer iss.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	c := startChild(t, ctx, append(childEnv(fake), "CLERK_MCP_AUTH_TOKEN=tok_binary_0123456789", "CLERK_MCP_LOG_FORMAT=json"),
		"--transport", "http", "--addr", "127.0.0.1:0", "--oauth-issuer", iss.URL)
	resource := c.base + "/mcp"

	resp, err := http.Get(c.base + "/.well-known/oauth-protected-resource/mcp")
	if err != nil {
		t.Fatal(err)
	}
	var prm struct {
		Resource             string   `json:"resource"`
		AuthorizationServers []string `json:"authorization_servers"`
		Scopes               []string `json:"scopes_supported"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&prm)
	_ = resp.Body.Close()
	if prm.Resource != resource || len(prm.AuthorizationServers) != 1 || prm.AuthorizationServers[0] != iss.URL ||
		strings.Join(prm.Scopes, ",") != "clerk:read,clerk:write,clerk:admin" {
		t.Errorf("metadata %+v", prm)
	}

	code, hdr := postRaw(t, ctx, c.base, initBody, nil)
	if code != 401 || hdr.Get("WWW-Authenticate") != `Bearer resource_metadata="`+c.base+`/.well-known/oauth-protected-resource/mcp"` {
		t.Errorf("no token: HTTP %d %q", code, hdr.Get("WWW-Authenticate"))
	}
	if code, _ := postRaw(t, ctx, c.base, initBody, map[string]string{"Authorization": "Bearer tok_binary_0123456789"}); code != 200 {
		t.Errorf("static token beside OAuth: HTTP %d", code)
	}
	reader := iss.Token(iss.RSA, oauthtest.Claims{Subject: "user_reader", Audience: []string{resource}, Scope: "clerk:read", ClientID: "client_claude"})
	auth := map[string]string{"Authorization": "Bearer " + reader}
	if code, _ := postRaw(t, ctx, c.base, initBody, auth); code != 200 {
		t.Fatalf("initialize with a read token: HTTP %d", code)
	}
	del := `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"delete_user","arguments":{"user_id":"user_1"}}}`
	code, hdr = postRaw(t, ctx, c.base, del, auth)
	if code != 403 || !strings.Contains(hdr.Get("WWW-Authenticate"), `error="insufficient_scope", scope="clerk:read clerk:write clerk:admin"`) {
		t.Errorf("delete with a read token: HTTP %d %q", code, hdr.Get("WWW-Authenticate"))
	}
	wrongAud := iss.Token(iss.RSA, oauthtest.Claims{Subject: "user_reader", Audience: []string{"https://elsewhere/mcp"}, Scope: "clerk:admin"})
	code, hdr = postRaw(t, ctx, c.base, initBody, map[string]string{"Authorization": "Bearer " + wrongAud})
	if code != 401 || !strings.Contains(hdr.Get("WWW-Authenticate"), `error="invalid_token"`) {
		t.Errorf("wrong audience: HTTP %d %q", code, hdr.Get("WWW-Authenticate"))
	}
	after := c.stop(t)
	if n := fake.Count(); n != 0 {
		t.Errorf("%d Backend API calls", n)
	}
	verified := false
	for _, rec := range append(c.before, after...) {
		line, _ := json.Marshal(rec)
		if strings.Contains(string(line), reader) || strings.Contains(string(line), wrongAud) {
			t.Errorf("a log line holds a token: %s", line)
		}
		if rec["msg"] == "oauth: token verified" && rec["subject"] == "user_reader" && rec["client_id"] == "client_claude" {
			verified = true
		}
	}
	if !verified {
		t.Errorf("no log of the verified caller; logged %v", c.before)
	}
}

// postRaw posts body to /mcp and returns the status and headers.
func postRaw(t *testing.T, ctx context.Context, base, body string, hdr map[string]string) (int, http.Header) {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/mcp", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return resp.StatusCode, resp.Header
}
