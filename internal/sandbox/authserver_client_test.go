package sandbox

import (
	"context"
	"crypto/rsa"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type subjectKey struct{}

// testResourceServer serves an MCP server at /mcp that takes only access
// tokens of the sandbox issuer for its URL, checked with golang-jwt against
// the issuer's JWKS, and its protected resource metadata (RFC 9728): the
// part internal/oauth plays in the product, reduced to what lets mcp-go's
// OAuth client run against the authorization server.
func (a *asEnv) testResourceServer(mux *http.ServeMux) string {
	resource := a.srv.URL + "/mcp"
	prm := resource[:len(a.srv.URL)] + "/.well-known/oauth-protected-resource/mcp"
	mux.HandleFunc("/.well-known/oauth-protected-resource/mcp", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 200, map[string]any{"resource": resource, "authorization_servers": []string{a.issuer},
			"scopes_supported": []string{"clerk:read", "clerk:write", "clerk:admin"}, "bearer_methods_supported": []string{"header"}})
	})
	var once sync.Once
	var key *rsa.PublicKey
	srv := server.NewMCPServer("rs", "1")
	srv.AddTool(mcp.NewTool("whoami"), func(ctx context.Context, _ mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return mcp.NewToolResultText(ctx.Value(subjectKey{}).(string)), nil
	})
	mcpHTTP := server.NewStreamableHTTPServer(srv, server.WithHTTPContextFunc(func(ctx context.Context, r *http.Request) context.Context {
		return context.WithValue(ctx, subjectKey{}, r.Header.Get("X-Test-Subject"))
	}))
	mux.Handle("/mcp", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		claims := jwt.MapClaims{}
		_, err := jwt.ParseWithClaims(raw, claims, func(tok *jwt.Token) (any, error) {
			once.Do(func() {
				jwks := a.get(a.issuer + "/.well-known/jwks.json")
				key = jwksPublicKey(a.t, jwks.body, tok.Header["kid"].(string))
			})
			return key, nil
		}, jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer(a.issuer), jwt.WithAudience(resource),
			jwt.WithExpirationRequired(), jwt.WithTimeFunc(a.clock.now))
		if !ok || err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer resource_metadata="`+prm+`"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		r.Header.Set("X-Test-Subject", claims["sub"].(string))
		mcpHTTP.ServeHTTP(w, r)
	}))
	return resource
}

// TestAuthServerMCPGoClient: mcp-go v1.2.1's OAuth client completes
// discovery (protected resource metadata, then RFC 8414 path insertion),
// dynamic registration, the authorization code with PKCE and the token
// exchange against the sandbox issuer headlessly, calls a tool with the
// token, and refreshes it.
func TestAuthServerMCPGoClient(t *testing.T) {
	a := newASEnv(t)
	resource := a.testResourceServer(a.mux)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	store := transport.NewMemoryTokenStore()
	c, err := client.NewOAuthStreamableHttpClient(resource, client.OAuthConfig{
		RedirectURI: testRedirect, Scopes: []string{"clerk:read", "clerk:write"}, PKCEEnabled: true, TokenStore: store,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "test", Version: "1"}
	_, err = c.Initialize(ctx, init)
	if !client.IsOAuthAuthorizationRequiredError(err) {
		t.Fatalf("initialize without a token: %v, want OAuth authorization required", err)
	}
	h := client.GetOAuthHandler(err)
	meta, err := h.GetServerMetadata(ctx)
	if err != nil || meta.Issuer != a.issuer || meta.RegistrationEndpoint != a.issuer+"/oauth/register" {
		t.Fatalf("discovery: %+v %v", meta, err)
	}
	if err := h.RegisterClient(ctx, "mcp-go test client"); err != nil || h.GetClientID() == "" || h.GetTokenEndpointAuthMethod() != "none" {
		t.Fatalf("registration: %v (client %q, method %q)", err, h.GetClientID(), h.GetTokenEndpointAuthMethod())
	}
	verifier, err := transport.GenerateCodeVerifier()
	if err != nil {
		t.Fatal(err)
	}
	state, _ := transport.GenerateState()
	authURL, err := h.GetAuthorizationURL(ctx, state, transport.GenerateCodeChallenge(verifier))
	if err != nil || !strings.HasPrefix(authURL, a.issuer+"/oauth/authorize?") {
		t.Fatalf("authorization URL %q: %v", authURL, err)
	}
	// The user's browser: follow the authorization URL (with login_hint) by hand.
	back := a.get(authURL + "&login_hint=" + url.QueryEscape("ada@acme.example.com"))
	loc, _ := url.Parse(back.header.Get("Location"))
	if back.status != http.StatusFound || loc == nil || loc.Query().Get("code") == "" {
		t.Fatalf("authorize: %d %s %s", back.status, back.header.Get("Location"), back.body)
	}
	if err := h.ProcessAuthorizationResponse(ctx, loc.Query().Get("code"), loc.Query().Get("state"), verifier); err != nil {
		t.Fatalf("token exchange: %v", err)
	}
	tok, err := store.GetToken(ctx)
	if err != nil || tok.RefreshToken == "" || tok.Scope != "clerk:read clerk:write" {
		t.Fatalf("stored token %+v: %v", tok, err)
	}

	if _, err := c.Initialize(ctx, init); err != nil {
		t.Fatalf("initialize with the token: %v", err)
	}
	whoami := func() string {
		t.Helper()
		res, err := c.CallTool(ctx, mcp.CallToolRequest{Params: mcp.CallToolParams{Name: "whoami"}})
		if err != nil || len(res.Content) != 1 {
			t.Fatalf("whoami: %v %v", res, err)
		}
		return res.Content[0].(mcp.TextContent).Text
	}
	if got := whoami(); got != a.userID("ada") {
		t.Errorf("the token's subject is %q, want ada (%s)", got, a.userID("ada"))
	}
	// Refresh through the handler: a new token, the tool still answers.
	fresh, err := h.RefreshToken(ctx, tok.RefreshToken)
	if err != nil || fresh.AccessToken == tok.AccessToken || fresh.RefreshToken == tok.RefreshToken {
		t.Fatalf("refresh: %+v %v", fresh, err)
	}
	if got := whoami(); got != a.userID("ada") {
		t.Errorf("after refresh the subject is %q", got)
	}
	if _, err := h.RefreshToken(ctx, tok.RefreshToken); err == nil || !strings.Contains(err.Error(), "invalid_grant") {
		t.Errorf("replayed refresh token: %v, want invalid_grant", err)
	}
}
