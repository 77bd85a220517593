package main

// Hosted mode tried in one command: the built binary with --sandbox
// --transport http --oauth-issuer sandbox, so the sandbox plays the
// instance's authorization server on the MCP listener, and mcp-go's own
// OAuth client signs in through it (discovery, dynamic registration,
// authorization code with PKCE S256, token) at every protocol revision.

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/clerk-mcp/clerk-mcp/internal/oauth/oauthtest"
)

// sandboxSignIn signs the sandbox user with that email in through mcp-go's
// OAuth client, asking for scopes, and initializes at version v.
func sandboxSignIn(t *testing.T, ctx context.Context, base, email, v string, scopes ...string) *client.Client {
	t.Helper()
	// In a browser the sandbox shows a page to pick a user; login_hint picks one.
	c, got := oauthtest.SignIn(t, ctx, base+"/mcp", v, "&login_hint="+url.QueryEscape(email), scopes...)
	if got != negotiated(v) {
		t.Fatalf("negotiated %q, want %q", got, negotiated(v))
	}
	return c
}

func TestSandboxOAuthBinary(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()
	clearEnv(t)
	auditPath := filepath.Join(t.TempDir(), "audit.jsonl")
	c := startChild(t, ctx, nil, "--sandbox", "--transport", "http", "--addr", "127.0.0.1:0", "--oauth-issuer", "sandbox", "--audit-log", auditPath)

	resp, err := http.Get(c.base + "/.well-known/oauth-protected-resource/mcp")
	if err != nil {
		t.Fatal(err)
	}
	var prm struct {
		Resource             string   `json:"resource"`
		AuthorizationServers []string `json:"authorization_servers"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&prm)
	_ = resp.Body.Close()
	if prm.Resource != c.base+"/mcp" || !slices.Equal(prm.AuthorizationServers, []string{c.base + "/sandbox"}) {
		t.Fatalf("protected resource metadata %+v", prm)
	}
	code, hdr := postRaw(t, ctx, c.base, initBody, nil)
	if code != 401 || !strings.Contains(hdr.Get("WWW-Authenticate"), `resource_metadata="`+c.base+`/.well-known/oauth-protected-resource/mcp"`) {
		t.Errorf("no token: HTTP %d %q", code, hdr.Get("WWW-Authenticate"))
	}
	for _, bad := range []string{"not-a-token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyXzEifQ."} {
		code, hdr := postRaw(t, ctx, c.base, initBody, map[string]string{"Authorization": "Bearer " + bad})
		if code != 401 || !strings.Contains(hdr.Get("WWW-Authenticate"), `error="invalid_token"`) {
			t.Errorf("token %q: HTTP %d %q", bad, code, hdr.Get("WWW-Authenticate"))
		}
	}

	victims := []string{"dmr@example.com", "guido@example.com", "leslie@example.com"}
	for i, v := range []string{"2025-06-18", "2025-11-25", "2026-07-28"} {
		t.Run(subtestName(v), func(t *testing.T) {
			reader := sandboxSignIn(t, ctx, c.base, "annie.easley@example.com", v, "clerk:read")
			res, err := reader.ListTools(ctx, mcp.ListToolsRequest{})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, tool := range res.Tools {
				names = append(names, tool.Name)
				// call_operation is narrowed to the caller's reach instead.
				if tool.Name != "call_operation" && (tool.Annotations.ReadOnlyHint == nil || !*tool.Annotations.ReadOnlyHint) {
					t.Errorf("a clerk:read caller lists %s, not a read tool", tool.Name)
				}
			}
			if !slices.Contains(names, "list_users") || slices.Contains(names, "delete_user") {
				t.Errorf("a clerk:read caller lists %v", names)
			}
			co := mcp.CallToolRequest{}
			co.Params.Name, co.Params.Arguments = "call_operation", map[string]any{"name": "delete_user", "arguments": map[string]any{"user_id": "user_x"}}
			if res, err := reader.CallTool(ctx, co); err == nil && !res.IsError {
				t.Errorf("call_operation ran delete_user for a clerk:read caller: %s", resultText(res))
			}
			var users struct {
				Data []struct {
					ID string `json:"id"`
				} `json:"data"`
			}
			structured(t, callTool(t, ctx, reader, "list_users", map[string]any{"email_address": []any{victims[i]}}), &users)
			if len(users.Data) != 1 {
				t.Fatalf("list_users %s: %+v", victims[i], users)
			}
			id := users.Data[0].ID
			req := mcp.CallToolRequest{}
			req.Params.Name, req.Params.Arguments = "delete_user", map[string]any{"user_id": id}
			if res, err := reader.CallTool(ctx, req); err == nil {
				t.Errorf("a clerk:read caller called delete_user: %s", resultText(res))
			} else if !strings.Contains(err.Error(), "403") && !strings.Contains(strings.ToLower(err.Error()), "forbidden") {
				t.Errorf("refusal of delete_user: %v", err)
			}

			admin := sandboxSignIn(t, ctx, c.base, "bjarne@example.com", v, "clerk:read", "clerk:write", "clerk:admin")
			preview := callTool(t, ctx, admin, "delete_user", map[string]any{"user_id": id})
			var p struct {
				Confirm string `json:"confirm"`
			}
			structured(t, preview, &p)
			if p.Confirm == "" {
				t.Fatalf("no confirmation token in the preview: %s", resultText(preview))
			}
			// The token is bound to the caller: the reader cannot redeem it
			// (and is refused at the door before the gate sees it).
			req.Params.Arguments = map[string]any{"user_id": id, "confirm": p.Confirm}
			if _, err := reader.CallTool(ctx, req); err == nil {
				t.Error("the reader redeemed the admin's confirmation")
			}
			if res := callTool(t, ctx, admin, "delete_user", map[string]any{"user_id": id, "confirm": p.Confirm}); res.IsError {
				t.Fatalf("confirmed delete: %s", resultText(res))
			}
			if res := callTool(t, ctx, admin, "get_user", map[string]any{"user_id": id}); !res.IsError {
				t.Errorf("the user is still there after the delete: %s", resultText(res))
			}
		})
	}
	after := c.stop(t)
	for _, rec := range append(c.before, after...) {
		line, _ := json.Marshal(rec)
		if strings.Contains(string(line), "eyJ") {
			t.Errorf("a log line holds a JWT: %s", line)
		}
	}
	// The audit trail names each caller by subject and client, never by token.
	raw, err := os.ReadFile(auditPath)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "eyJ") {
		t.Error("the audit log holds a JWT")
	}
	deleted, refused := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var rec struct{ Caller, Subject, ClientID, Tool, Outcome string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("audit line %q: %v", line, err)
		}
		if rec.Tool != "delete_user" {
			continue
		}
		if !strings.HasPrefix(rec.Subject, "user_") || rec.Caller != "oauth:"+rec.Subject {
			t.Errorf("audit record without the OAuth caller: %s", line)
		}
		switch rec.Outcome {
		case "ok":
			deleted++
		case "refused":
			refused++
		}
	}
	if deleted != 3 || refused == 0 {
		t.Errorf("audit: %d deletes and %d refusals recorded; want 3 and some\n%s", deleted, refused, raw)
	}
}
