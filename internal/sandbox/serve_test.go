package sandbox

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/clerk/clerk-sdk-go/v2"
	"github.com/clerk/clerk-sdk-go/v2/invitation"
	"github.com/clerk/clerk-sdk-go/v2/jwttemplate"
	"github.com/clerk/clerk-sdk-go/v2/organization"
	"github.com/clerk/clerk-sdk-go/v2/organizationmembership"
	sdkuser "github.com/clerk/clerk-sdk-go/v2/user"
	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

// startServe runs what `clerk-mcp sandbox serve --addr 127.0.0.1:0` runs,
// in-process, and returns its /v1 base URL.
func startServe(t *testing.T) string {
	t.Helper()
	ln, err := Listen("127.0.0.1:0", false)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, New(RequireTestKeys())) }()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done, "Serve after cancel")
	})
	return URL(ln)
}

// sdkConfig is the official Go SDK's configuration for the served sandbox.
func sdkConfig(base, key string) *clerk.ClientConfig {
	cfg := &clerk.ClientConfig{}
	cfg.URL = clerk.String(base)
	cfg.Key = clerk.String(key)
	return cfg
}

// agentAt is an MCP client of the real server whose client is pointed at
// base with the sandbox's key: what `clerk-mcp --api-url BASE` with
// CLERK_SECRET_KEY=sk_test_sandbox wires.
func agentAt(t *testing.T, base string) *agent {
	t.Helper()
	require.NoError(t, clerkapi.CheckBaseURL(base, false), "--api-url accepts the served URL")
	srv, err := tools.NewServer(tools.ServerConfig{
		Config:  tools.Config{Client: clerkapi.New(clerkapi.Config{BaseURL: base, SecretKey: SecretKey, MaxRetries: -1})},
		Version: "serve-test",
	})
	require.NoError(t, err)
	c, err := client.NewInProcessClient(srv)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	require.NoError(t, c.Start(ctx))
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "serve-test", Version: "0"}
	_, err = c.Initialize(ctx, init)
	require.NoError(t, err)
	return &agent{t: t, ctx: ctx, c: c}
}

// apiErr is the Clerk error the SDK returned, or fails.
func apiErr(t *testing.T, err error) *clerk.APIErrorResponse {
	t.Helper()
	var ae *clerk.APIErrorResponse
	require.True(t, errors.As(err, &ae), "want a Clerk API error, got %v", err)
	require.NotEmpty(t, ae.Errors)
	return ae
}

// TestServeOfficialSDKAndMCPShareState drives Clerk's official Go SDK, as
// an app would, through create/list/update/delete of users, organizations,
// memberships, invitations and JWT templates against the served sandbox,
// and an MCP agent pointed at the same URL: each sees what the other did.
func TestServeOfficialSDKAndMCPShareState(t *testing.T) {
	base := startServe(t)
	ctx := t.Context()
	cfg := sdkConfig(base, "sk_test_myapp") // any sk_test_ key of the right form
	users, orgs := sdkuser.NewClient(cfg), organization.NewClient(cfg)
	members, invites, templates := organizationmembership.NewClient(cfg), invitation.NewClient(cfg), jwttemplate.NewClient(cfg)
	a := agentAt(t, base)

	// Users: the app creates, the agent reads and updates, the app reads back.
	u, err := users.Create(ctx, &sdkuser.CreateParams{EmailAddresses: &[]string{"app@example.com"}, FirstName: clerk.String("Appy")})
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(u.ID, "user_"), u.ID)
	got := a.ok("get_user", map[string]any{"user_id": u.ID})
	assert.Equal(t, "Appy", got["first_name"], "the agent sees the app's user")
	a.ok("update_user", map[string]any{"user_id": u.ID, "last_name": "FromAgent"})
	back, err := users.Get(ctx, u.ID)
	require.NoError(t, err)
	require.NotNil(t, back.LastName)
	assert.Equal(t, "FromAgent", *back.LastName, "the app sees the agent's update")
	upd, err := users.Update(ctx, u.ID, &sdkuser.UpdateParams{FirstName: clerk.String("Renamed")})
	require.NoError(t, err)
	assert.Equal(t, "Renamed", *upd.FirstName)
	list, err := users.List(ctx, &sdkuser.ListParams{EmailAddressQuery: clerk.String("app@example.com")})
	require.NoError(t, err)
	require.Len(t, list.Users, 1)
	assert.Equal(t, u.ID, list.Users[0].ID)

	// A user the agent creates is listed by the app.
	made := a.ok("create_user", map[string]any{"email_address": []any{"agent@example.com"}})
	agentUserID, _ := made["id"].(string)
	require.NotEmpty(t, agentUserID)
	byAgent, err := users.Get(ctx, agentUserID)
	require.NoError(t, err)
	require.Len(t, byAgent.EmailAddresses, 1)
	assert.Equal(t, "agent@example.com", byAgent.EmailAddresses[0].EmailAddress)

	// Organizations.
	org, err := orgs.Create(ctx, &organization.CreateParams{Name: clerk.String("App Org"), CreatedBy: clerk.String(u.ID)})
	require.NoError(t, err)
	a.ok("update_organization", map[string]any{"organization_id": org.ID, "name": "Agent Org"})
	gotOrg, err := orgs.Get(ctx, org.ID)
	require.NoError(t, err)
	assert.Equal(t, "Agent Org", gotOrg.Name, "the app sees the agent's rename")
	orgList, err := orgs.List(ctx, &organization.ListParams{Query: clerk.String("Agent Org")})
	require.NoError(t, err)
	require.Len(t, orgList.Organizations, 1)
	assert.Equal(t, org.ID, orgList.Organizations[0].ID)

	// Memberships: the creator is admin; add the agent's user, promote, remove.
	m, err := members.Create(ctx, &organizationmembership.CreateParams{OrganizationID: org.ID, UserID: clerk.String(agentUserID), Role: clerk.String("org:member")})
	require.NoError(t, err)
	assert.Equal(t, "org:member", m.Role)
	m, err = members.Update(ctx, &organizationmembership.UpdateParams{OrganizationID: org.ID, UserID: agentUserID, Role: clerk.String("org:admin")})
	require.NoError(t, err)
	assert.Equal(t, "org:admin", m.Role)
	ml, err := members.List(ctx, &organizationmembership.ListParams{OrganizationID: org.ID})
	require.NoError(t, err)
	assert.EqualValues(t, 2, ml.TotalCount, "creator and added user")
	seen := a.ok("list_organization_memberships", map[string]any{"organization_id": org.ID})
	assert.EqualValues(t, 2, seen["total_count"], "the agent counts the app's memberships")
	_, err = members.Delete(ctx, &organizationmembership.DeleteParams{OrganizationID: org.ID, UserID: agentUserID})
	require.NoError(t, err)
	ml, err = members.List(ctx, &organizationmembership.ListParams{OrganizationID: org.ID})
	require.NoError(t, err)
	assert.EqualValues(t, 1, ml.TotalCount)

	// Invitations: create, list, revoke (Clerk's delete of an invitation).
	inv, err := invites.Create(ctx, &invitation.CreateParams{EmailAddress: "invitee@example.com"})
	require.NoError(t, err)
	assert.Equal(t, "pending", inv.Status)
	il, err := invites.List(ctx, &invitation.ListParams{Statuses: []string{"pending"}})
	require.NoError(t, err)
	assert.True(t, containsFunc(il.Invitations, func(i *clerk.Invitation) bool { return i.ID == inv.ID }), "listed")
	rev, err := invites.Revoke(ctx, inv.ID)
	require.NoError(t, err)
	assert.Equal(t, "revoked", rev.Status)

	// JWT templates.
	claims := json.RawMessage(`{"role":"{{user.public_metadata.role}}"}`)
	tpl, err := templates.Create(ctx, &jwttemplate.CreateParams{Name: clerk.String("app-tpl"), Claims: claims, Lifetime: clerk.Int64(120)})
	require.NoError(t, err)
	assert.EqualValues(t, 120, tpl.Lifetime)
	tpl, err = templates.Update(ctx, tpl.ID, &jwttemplate.UpdateParams{Name: clerk.String("app-tpl-2"), Claims: claims, Lifetime: clerk.Int64(300)})
	require.NoError(t, err)
	assert.Equal(t, "app-tpl-2", tpl.Name)
	viaAgent := a.ok("get_jwt_template", map[string]any{"template_id": tpl.ID})
	assert.EqualValues(t, 300, viaAgent["lifetime"], "the agent sees the app's template")
	tl, err := templates.List(ctx, &jwttemplate.ListParams{})
	require.NoError(t, err)
	assert.True(t, containsFunc(tl.JWTTemplates, func(x *clerk.JWTTemplate) bool { return x.ID == tpl.ID }))
	del, err := templates.Delete(ctx, tpl.ID)
	require.NoError(t, err)
	assert.True(t, del.Deleted)
	_, err = templates.Get(ctx, tpl.ID)
	assert.Equal(t, http.StatusNotFound, apiErr(t, err).HTTPStatusCode)

	// Deletes: the org and the user are gone for the agent too.
	_, err = orgs.Delete(ctx, org.ID)
	require.NoError(t, err)
	_, err = users.Delete(ctx, u.ID)
	require.NoError(t, err)
	res, _ := a.call("get_user", map[string]any{"user_id": u.ID})
	assert.True(t, res.IsError, "the agent no longer finds the deleted user")
	_, err = users.Get(ctx, u.ID)
	assert.Equal(t, "resource_not_found", apiErr(t, err).Errors[0].Code)
}

// TestPublishableKeyIsClerkShaped: pk_test_ and the base64 of the frontend
// API host plus "$", as Clerk's SDKs decode it.
func TestPublishableKeyIsClerkShaped(t *testing.T) {
	rest, ok := strings.CutPrefix(PublishableKey, "pk_test_")
	require.True(t, ok)
	host, err := base64.RawURLEncoding.DecodeString(rest)
	require.NoError(t, err)
	assert.Equal(t, "sandbox.invalid$", string(host))
}

func containsFunc[T any](xs []T, f func(T) bool) bool {
	for _, x := range xs {
		if f(x) {
			return true
		}
	}
	return false
}

// TestServeChecksTheKeyForm sends what a misconfigured app sends: no key, a
// live key, a publishable key, an empty sk_test_. Each gets Clerk's 401
// shape, never echoing the key; a well-formed test key gets the data.
func TestServeChecksTheKeyForm(t *testing.T) {
	base := startServe(t)
	for _, auth := range []string{"", "Bearer", "Bearer ", "Basic sk_test_abc", "Bearer sk_live_abcdef123",
		"Bearer " + PublishableKey, "Bearer sk_test_", "Bearer sk_test_a b", "Bearer sk_test_abc\u00e9"} {
		t.Run(auth, func(t *testing.T) {
			status, body := get(t, base+"/users", auth)
			assert.Equal(t, http.StatusUnauthorized, status)
			var e struct {
				Errors []struct{ Code, Message string } `json:"errors"`
			}
			require.NoError(t, json.Unmarshal([]byte(body), &e), body)
			require.Len(t, e.Errors, 1)
			assert.Equal(t, "authentication_invalid", e.Errors[0].Code)
			if _, key, ok := strings.Cut(auth, " "); ok && len(key) > 3 {
				assert.NotContains(t, body, key, "the key is not echoed")
			}
		})
	}
	status, body := get(t, base+"/users?limit=1", "Bearer sk_test_abc-DEF_123")
	assert.Equal(t, http.StatusOK, status, body)
	assert.True(t, strings.HasPrefix(body, "[{"), body)

	// The SDK with a live key gets the 401 as a Clerk API error.
	_, err := sdkuser.NewClient(sdkConfig(base, "sk_live_abc")).List(t.Context(), &sdkuser.ListParams{})
	ae := apiErr(t, err)
	assert.Equal(t, http.StatusUnauthorized, ae.HTTPStatusCode)
	assert.Equal(t, "authentication_invalid", ae.Errors[0].Code)
}

func get(t *testing.T, url, auth string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	require.NoError(t, err)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

// TestServeListensOnLoopbackOnly: an address beyond loopback is refused,
// naming --addr and --insecure-listen, before anything listens.
func TestServeListensOnLoopbackOnly(t *testing.T) {
	for _, addr := range []string{":0", "0.0.0.0:0", "[::]:0", "192.0.2.10:0", "example.com:0"} {
		_, err := Listen(addr, false)
		require.Error(t, err, addr)
		assert.Contains(t, err.Error(), "--addr", addr)
		assert.Contains(t, err.Error(), "--insecure-listen", addr)
	}
	_, err := Listen("127.0.0.1", false)
	require.ErrorContains(t, err, "host:port")
	for _, addr := range []string{"127.0.0.1:0", "localhost:0"} {
		ln, err := Listen(addr, false)
		require.NoError(t, err, addr)
		require.NoError(t, ln.Close())
	}
}

// TestSandboxCommandArgs: a missing or unknown subcommand, a stray argument
// and a non-loopback --addr each fail with a message, serving nothing.
func TestSandboxCommandArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "expected the subcommand serve"},
		{[]string{"start"}, 2, "expected the subcommand serve"},
		{[]string{"serve", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"serve", "--addr", "0.0.0.0:0"}, 1, "--insecure-listen"},
		{[]string{"serve", "--port", "1"}, 2, "flag provided but not defined"},
		{[]string{"--help"}, 0, "usage: clerk-mcp sandbox serve"},
	} {
		var out, errb strings.Builder
		assert.Equal(t, tc.code, Run(tc.args, &out, &errb), "%v", tc.args)
		assert.Contains(t, errb.String(), tc.want, "%v", tc.args)
		assert.Empty(t, out.String())
	}
}
