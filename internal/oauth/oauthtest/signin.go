package oauthtest

import (
	"context"
	"net/http"
	"testing"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
)

// SignIn connects mcp-go's own OAuth client to the MCP endpoint mcpURL and
// signs in headlessly, the way a hosted client would: the 401 names the
// metadata, the client discovers the authorization server, registers
// itself (RFC 7591), is sent to authorize with PKCE S256 (authorizeQuery,
// e.g. "&login_hint=…", is appended to that URL; the redirect back is
// followed by hand) and exchanges the code. It then initializes at version
// and returns the client with the negotiated version.
func SignIn(t testing.TB, ctx context.Context, mcpURL, version, authorizeQuery string, scopes ...string) (*client.Client, string) {
	t.Helper()
	cfg := client.OAuthConfig{RedirectURI: "http://127.0.0.1:1/callback", Scopes: scopes,
		TokenStore: client.NewMemoryTokenStore(), PKCEEnabled: true}
	c, err := client.NewOAuthStreamableHttpClient(mcpURL, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	init := func() (*mcp.InitializeResult, error) {
		req := mcp.InitializeRequest{}
		req.Params.ProtocolVersion = version
		req.Params.ClientInfo = mcp.Implementation{Name: "oauth-client-test", Version: "0"}
		return c.Initialize(ctx, req)
	}
	_, err = init()
	if !client.IsOAuthAuthorizationRequiredError(err) {
		t.Fatalf("initialize without a token: %v, want OAuth authorization required", err)
	}
	h := client.GetOAuthHandler(err)
	if err := h.RegisterClient(ctx, "oauth-client-test"); err != nil {
		t.Fatalf("dynamic registration: %v", err)
	}
	verifier, err := client.GenerateCodeVerifier()
	if err != nil {
		t.Fatal(err)
	}
	state, err := client.GenerateState()
	if err != nil {
		t.Fatal(err)
	}
	authURL, err := h.GetAuthorizationURL(ctx, state, client.GenerateCodeChallenge(verifier))
	if err != nil {
		t.Fatal(err)
	}
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(authURL + authorizeQuery)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	back, err := resp.Location()
	if err != nil || back.Query().Get("code") == "" {
		t.Fatalf("authorize: HTTP %d, redirect %v", resp.StatusCode, back)
	}
	if err := h.ProcessAuthorizationResponse(ctx, back.Query().Get("code"), back.Query().Get("state"), verifier); err != nil {
		t.Fatalf("token: %v", err)
	}
	ir, err := init()
	if err != nil {
		t.Fatalf("initialize with the token: %v", err)
	}
	return c, ir.ProtocolVersion
}
