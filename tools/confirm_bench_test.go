package tools

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// benchGateHandler is a token-policy handler on a Clerk that answers at once,
// without a network.
func benchGateHandler(b *testing.B) *Handler {
	b.Helper()
	fakeClient := &http.Client{Transport: stubClerk{}}
	return NewHandler(Config{
		Client: clerkapi.New(clerkapi.Config{BaseURL: "http://clerk.invalid/v1", SecretKey: "sk_test_bench", MaxRetries: -1, HTTPClient: fakeClient}),
		Gate:   NewGate([]byte("bench"), time.Minute),
		Policy: PolicyToken,
	})
}

// BenchmarkPreviewBanUsers: a destructive bulk call without confirm, the
// preview with its token (the identity read is absent for this path).
func BenchmarkPreviewBanUsers(b *testing.B) {
	h := benchGateHandler(b)
	op, _ := clerkapi.Lookup("ban_users")
	raw := json.RawMessage(`{"user_ids":["user_ceo","user_cto","user_admin1"]}`)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if res := h.Call(ctx, op, raw); res.IsError {
			b.Fatal(text(res))
		}
	}
}

// BenchmarkConfirmedDeleteUser: preview (with the identity read), then the
// confirmed call, per iteration.
func BenchmarkConfirmedDeleteUser(b *testing.B) {
	h := benchGateHandler(b)
	op, _ := clerkapi.Lookup("delete_user")
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		res := h.Call(ctx, op, json.RawMessage(`{"user_id":"user_1"}`))
		var p struct {
			Confirm string `json:"confirm"`
		}
		if err := json.Unmarshal(res.StructuredContent.(Structured), &p); err != nil || p.Confirm == "" {
			b.Fatalf("no token: %v %s", err, text(res))
		}
		if res := h.Call(ctx, op, json.RawMessage(`{"user_id":"user_1","confirm":"`+p.Confirm+`"}`)); res.IsError {
			b.Fatal(text(res))
		}
	}
}

// BenchmarkShowChange is the work the preview and the elicitation added:
// the display copy of the arguments, the message, and the token's scope
// (the Clerk key's fingerprint among it).
func BenchmarkShowChange(b *testing.B) {
	h := benchGateHandler(b)
	op, _ := clerkapi.Lookup("ban_users")
	args := clerkapi.Args{"user_ids": json.RawMessage(`["user_ceo","user_cto","user_admin1"]`)}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		tree, canon, err := canonical(args)
		if err != nil {
			b.Fatal(err)
		}
		c := change{Tool: op.Name, Request: "POST /users/ban", Arguments: shownArguments(op, tree)}
		if confirmationText(c) == "" || h.scope(ctx, op, canon).Key == "" {
			b.Fatal("empty")
		}
	}
}
