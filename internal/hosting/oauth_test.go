package hosting_test

// OAuth resource-server mode over loopback HTTP: metadata, challenges, the
// bad-token table with zero Backend API calls, per-caller surfaces at every
// protocol revision over streamable HTTP (stateful and stateless) and SSE,
// scope step-up, and subject-bound confirmations.

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/internal/hosting"
	"github.com/clerk-mcp/clerk-mcp/internal/oauth"
	"github.com/clerk-mcp/clerk-mcp/internal/oauth/oauthtest"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

// oauthHost is a hosted server in OAuth mode on 127.0.0.1 with its issuer.
type oauthHost struct {
	base     string // http://127.0.0.1:port
	resource string
	iss      *oauthtest.Issuer
}

// serveOAuth runs s behind hosting in OAuth mode (and the static authToken),
// wired as main wires it.
func serveOAuth(t testing.TB, s *server.MCPServer, fake *fakeclerk.Server, o hosting.Options) *oauthHost {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := &oauthHost{base: "http://" + ln.Addr().String(), iss: oauthtest.NewIssuer()}
	t.Cleanup(h.iss.Close)
	h.resource = h.base + "/mcp"
	v, err := oauth.New(oauth.Config{Issuer: h.iss.URL, Resource: h.resource,
		Clerk: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: envKey, MaxRetries: -1, Timeout: 5 * time.Second})})
	if err != nil {
		t.Fatal(err)
	}
	o.OAuth = v
	o.WithIdentity = func(ctx context.Context, id *oauth.Identity) context.Context { return tools.WithAllow(ctx, id.Allows) }
	o.WithCaller = tools.WithCaller
	host := hosting.New(s, o)
	srv := httptest.NewUnstartedServer(host)
	_ = srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(func() {
		host.CloseSessions(context.Background())
		srv.CloseClientConnections()
		srv.Close()
	})
	return h
}

// token signs a good access token for sub with scope.
func (h *oauthHost) token(sub, scope string) string {
	return h.iss.Token(h.iss.RSA, oauthtest.Claims{Subject: sub, Audience: []string{h.resource}, Scope: scope})
}

func TestOAuthMetadataAndChallenges(t *testing.T) {
	fake, _ := newFake(t)
	routed := 0
	h := serveOAuth(t, newMCP(t, fake, nil), fake, hosting.Options{SSE: true, Streamable: true, AuthTokens: []string{authToken},
		Routes: map[string]http.Handler{"/sandbox/": http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { routed++; _, _ = w.Write([]byte("as")) })}})
	wantChallenge := `Bearer resource_metadata="` + h.base + `/.well-known/oauth-protected-resource/mcp"`

	for _, path := range []string{"/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp"} {
		r := send(t, "GET", h.base+path, map[string]string{"Origin": "https://claude.ai"}, nil)
		if r.status != 200 {
			t.Fatalf("%s: HTTP %d", path, r.status)
		}
		var prm map[string]any
		if err := json.Unmarshal([]byte(r.body), &prm); err != nil {
			t.Fatal(err)
		}
		if prm["resource"] != h.resource || prm["authorization_servers"].([]any)[0] != h.iss.URL ||
			len(prm["scopes_supported"].([]any)) != 3 || prm["bearer_methods_supported"].([]any)[0] != "header" {
			t.Errorf("%s: %s", path, r.body)
		}
		if r.header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("%s: browsers cannot read it", path)
		}
	}

	// Routes: no MCP authentication, but the Origin check.
	if r := send(t, "GET", h.base+"/sandbox/x", nil, nil); r.status != 200 || r.body != "as" {
		t.Errorf("route: HTTP %d %s", r.status, r.body)
	}
	if r := send(t, "POST", h.base+"/sandbox/x", map[string]string{"Origin": "https://evil.example"}, strings.NewReader("{}")); r.status != 403 {
		t.Errorf("route from a foreign origin: HTTP %d", r.status)
	}
	if routed != 1 {
		t.Errorf("route served %d times, want 1", routed)
	}

	now := time.Now()
	claims := func() jwt.MapClaims {
		return jwt.MapClaims{"iss": h.iss.URL, "sub": "user_a", "aud": h.resource, "scope": "clerk:admin", "exp": now.Add(time.Hour).Unix()}
	}
	good := h.token("user_a", "clerk:admin")
	tampered := good[:len(good)-4] + "AAAA"
	if tampered == good {
		tampered = good[:len(good)-4] + "BBBB"
	}
	c := func(cl oauthtest.Claims) string {
		if cl.Subject == "" {
			cl.Subject = "user_a"
		}
		cl.Scope = "clerk:admin"
		return h.iss.Token(h.iss.RSA, cl)
	}
	aud := []string{h.resource}
	rows := []struct {
		name  string
		hdr   http.Header
		path  string
		want  int
		error string // the challenge's error code; "" none
	}{
		{"no token", nil, "/mcp", 401, ""},
		{"no token on sse", nil, "/sse", 401, ""},
		{"expired", bearerH(c(oauthtest.Claims{Audience: aud, ExpiresAt: now.Add(-2 * time.Minute)})), "/mcp", 401, "invalid_token"},
		{"not yet valid", bearerH(c(oauthtest.Claims{Audience: aud, NotBefore: now.Add(5 * time.Minute)})), "/mcp", 401, "invalid_token"},
		{"wrong issuer", bearerH(c(oauthtest.Claims{Audience: aud, Issuer: "https://evil.example"})), "/mcp", 401, "invalid_token"},
		{"wrong audience", bearerH(c(oauthtest.Claims{Audience: []string{h.base + "/other"}})), "/mcp", 401, "invalid_token"},
		{"unknown kid", bearerH(h.iss.Token(oauthtest.NewRSAKey("stranger"), oauthtest.Claims{Subject: "user_a", Audience: aud, Scope: "clerk:admin"})), "/mcp", 401, "invalid_token"},
		{"alg none", bearerH(oauthtest.NoneToken(claims(), "rsa-1")), "/mcp", 401, "invalid_token"},
		{"HS256 with the public key", bearerH(oauthtest.HS256WithPublicKey(claims(), h.iss.RSA)), "/mcp", 401, "invalid_token"},
		{"tampered signature", bearerH(tampered), "/mcp", 401, "invalid_token"},
		{"opaque unknown", bearerH("oat_unknown_token_0123456789"), "/mcp", 401, "invalid_token"},
		{"Bearer blank", http.Header{"Authorization": {"Bearer"}}, "/mcp", 401, "invalid_token"},
		{"bearer two spaces", http.Header{"Authorization": {"bearer  " + good}}, "/mcp", 401, "invalid_token"},
		{"two Authorization headers", http.Header{"Authorization": {"Bearer " + good, "Bearer " + good}}, "/mcp", 401, "invalid_token"},
		{"token in the query string", nil, "/mcp?access_token=" + good, 401, "invalid_token"},
		{"no clerk scope", bearerH(h.token("user_a", "openid email")), "/mcp", 403, "insufficient_scope"},
		{"good JWT", bearerH(good), "/mcp", 200, ""},
		{"good JWT, lower-case scheme", http.Header{"Authorization": {"bearer " + good}}, "/mcp", 200, ""},
		{"static token beside OAuth", bearerH(authToken), "/mcp", 200, ""},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			fake.Reset()
			method, body := "POST", strings.NewReader(initMsg(1))
			if row.path == "/sse" {
				method, body = "GET", nil
			}
			r := sendH(t, method, h.base+row.path, row.hdr, body)
			if r.status != row.want {
				t.Fatalf("HTTP %d, want %d: %s", r.status, row.want, r.body)
			}
			ch := r.header.Get("WWW-Authenticate")
			switch {
			case row.want == 200:
			case row.error == "":
				if ch != wantChallenge {
					t.Errorf("challenge %q, want %q", ch, wantChallenge)
				}
			default:
				if !strings.HasPrefix(ch, wantChallenge+`, error="`+row.error+`"`) || !strings.Contains(ch, "error_description=") {
					t.Errorf("challenge %q", ch)
				}
			}
			if strings.Contains(r.body, good) || strings.Contains(ch, good) {
				t.Error("the token is echoed")
			}
			for _, req := range fake.Requests() {
				if req.Path != "/v1/oauth_applications/access_tokens/verify" {
					t.Errorf("Backend API call %s %s", req.Method, req.Path)
				}
				if strings.Contains(req.Header.Get("Authorization"), "oat_") {
					t.Error("the caller's token went to the Backend API as a credential")
				}
			}
		})
	}
}

func bearerH(tok string) http.Header { return http.Header{"Authorization": {"Bearer " + tok}} }

// sendH is send with a multi-valued header.
func sendH(t *testing.T, method, u string, hdr http.Header, body *strings.Reader) reply {
	t.Helper()
	m := map[string]string{}
	var extra []string
	for k, vs := range hdr {
		m[k] = vs[0]
		if len(vs) > 1 {
			extra = vs[1:]
		}
	}
	if len(extra) == 0 {
		if body == nil {
			return send(t, method, u, m, nil)
		}
		return send(t, method, u, m, body)
	}
	req, err := http.NewRequestWithContext(ctxFor(t, 10*time.Second), method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header = hdr.Clone()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var sb strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := resp.Body.Read(buf)
		sb.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: sb.String()}
}

// revisions are the protocol revisions served: two asked for in
// initialize, and "" for the client's default (the handshake-free newest).
var revisions = []string{mcp.ProtocolVersion20250618, mcp.LATEST_LEGACY_PROTOCOL_VERSION, ""}

func connectAt(t *testing.T, ctx context.Context, base, kind, version string, hdr map[string]string) *client.Client {
	t.Helper()
	var c *client.Client
	var err error
	switch kind {
	case "sse":
		c, err = client.NewSSEMCPClient(base+"/sse", transport.WithHeaders(hdr))
	default:
		c, err = client.NewStreamableHttpClient(base+"/mcp", transport.WithHTTPHeaders(hdr))
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	req := mcp.InitializeRequest{}
	req.Params.ProtocolVersion = version
	req.Params.ClientInfo = mcp.Implementation{Name: "oauth-test", Version: "0"}
	if _, err := c.Initialize(ctx, req); err != nil {
		t.Fatal(err)
	}
	want := version
	if want == "" {
		want = mcp.LATEST_PROTOCOL_VERSION
	}
	if got := c.ProtocolVersion(); got != want {
		t.Fatalf("negotiated %s, want %s", got, want)
	}
	return c
}

func listedNames(t *testing.T, ctx context.Context, c *client.Client) []string {
	t.Helper()
	res, err := c.ListTools(ctx, mcp.ListToolsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tl := range res.Tools {
		names = append(names, tl.Name)
	}
	return names
}

// TestOAuthSurfacesOverTheWire: at every revision, over streamable HTTP
// (stateful and stateless) and SSE, a read-scoped caller lists and calls
// reads only, is refused writes and deletes with HTTP 403 (directly and
// through call_operation) without a Backend API call, and an admin deletes
// through the confirmation, which another subject cannot use.
func TestOAuthSurfacesOverTheWire(t *testing.T) {
	for _, kind := range []string{"streamable", "stateless", "sse"} {
		for _, v := range revisions {
			name := v
			if name == "" {
				name = "default"
			}
			t.Run(kind+"/"+name, func(t *testing.T) {
				fake, _ := newFake(t)
				h := serveOAuth(t, newMCPSel(t, fake), fake, hosting.Options{SSE: true, Streamable: true, Stateless: kind == "stateless"})
				ctx := ctxFor(t, 30*time.Second)

				reader := connectAt(t, ctx, h.base, kind, v, bearer(h.token("user_reader", "clerk:read")))
				names := listedNames(t, ctx, reader)
				for _, want := range []string{"get_user", "list_users", "search_operations", "call_operation"} {
					if !slices.Contains(names, want) {
						t.Errorf("reader does not see %s", want)
					}
				}
				for _, hidden := range []string{"delete_user", "update_user", "create_user", "ban_user"} {
					if slices.Contains(names, hidden) {
						t.Errorf("reader sees %s", hidden)
					}
				}
				res, err := callTool(ctx, reader, "get_user", map[string]any{"user_id": "user_1"})
				if err != nil || res.IsError {
					t.Fatalf("reader get_user: %v %v", err, res)
				}
				res, err = callTool(ctx, reader, "search_operations", map[string]any{"query": "delete user"})
				if err != nil || strings.Contains(resultText(res), `"delete_user"`) {
					t.Errorf("search shows the reader delete_user: %v %s", err, resultText(res))
				}
				fake.Reset()
				for _, call := range []struct {
					tool string
					args map[string]any
				}{
					{"delete_user", map[string]any{"user_id": "user_1"}},
					{"update_user", map[string]any{"user_id": "user_1", "first_name": "X"}},
					{"call_operation", map[string]any{"name": "delete_user", "arguments": map[string]any{"user_id": "user_1"}}},
					{"describe_operation", map[string]any{"name": "delete_user"}},
				} {
					res, err := callTool(ctx, reader, call.tool, call.args)
					if err == nil && !res.IsError {
						t.Errorf("reader %s: not refused: %s", call.tool, resultText(res))
					}
				}
				if n := fake.Count(); n != 0 {
					t.Errorf("refused calls reached Clerk %d times", n)
				}

				admin := connectAt(t, ctx, h.base, kind, v, bearer(h.token("user_admin", "clerk:admin")))
				if names := listedNames(t, ctx, admin); !slices.Contains(names, "delete_user") {
					t.Error("admin does not see delete_user")
				}
				preview, err := callTool(ctx, admin, "delete_user", map[string]any{"user_id": "user_1"})
				if err != nil {
					t.Fatal(err)
				}
				tok := confirmToken(preview)
				if tok == "" {
					t.Fatalf("no confirm token in %s", resultText(preview))
				}
				// Another admin subject cannot use it.
				other := connectAt(t, ctx, h.base, kind, v, bearer(h.token("user_other_admin", "clerk:admin")))
				fake.Reset()
				res, err = callTool(ctx, other, "delete_user", map[string]any{"user_id": "user_1", "confirm": tok})
				if err != nil || !res.IsError {
					t.Fatalf("another subject confirmed: %v %s", err, resultText(res))
				}
				if countMethod(fake, http.MethodDelete) != 0 {
					t.Fatal("another subject's confirmation deleted")
				}
				res, err = callTool(ctx, admin, "delete_user", map[string]any{"user_id": "user_1", "confirm": tok})
				if err != nil || res.IsError {
					t.Fatalf("admin confirmed: %v %s", err, resultText(res))
				}
				if countMethod(fake, http.MethodDelete) != 1 {
					t.Error("the confirmed delete did not reach Clerk once")
				}
			})
		}
	}
}

// TestOAuthStepUp: a raw tools/call beyond the token's scopes is an HTTP 403
// whose challenge names the scopes to ask for; the same call with a token
// holding them goes through.
func TestOAuthStepUp(t *testing.T) {
	fake, _ := newFake(t)
	h := serveOAuth(t, newMCPSel(t, fake), fake, hosting.Options{Streamable: true, Stateless: true})
	for _, row := range []struct {
		scope, tool string
		args        map[string]any
		want        int
		challenge   string
	}{
		{"clerk:read", "update_user", map[string]any{"user_id": "user_1", "first_name": "X"}, 403, "clerk:read clerk:write"},
		{"clerk:read", "delete_user", map[string]any{"user_id": "user_1"}, 403, "clerk:read clerk:write clerk:admin"},
		{"clerk:write", "delete_user", map[string]any{"user_id": "user_1"}, 403, "clerk:read clerk:write clerk:admin"},
		{"clerk:read", "call_operation", map[string]any{"name": "ban_user", "arguments": map[string]any{"user_id": "user_1"}}, 403, "clerk:read clerk:write clerk:admin"},
		{"clerk:admin", "delete_user", map[string]any{"user_id": "user_1"}, 200, ""},
	} {
		t.Run(row.scope+"/"+row.tool, func(t *testing.T) {
			fake.Reset()
			r := rpc(t, h.base, bearer(h.token("user_a", row.scope)), callMsg(2, row.tool, row.args))
			if r.status != row.want {
				t.Fatalf("HTTP %d, want %d: %s", r.status, row.want, r.body)
			}
			if row.want == 403 {
				ch := r.header.Get("WWW-Authenticate")
				if !strings.Contains(ch, `error="insufficient_scope", scope="`+row.challenge+`"`) || !strings.Contains(ch, "resource_metadata=") {
					t.Errorf("challenge %q", ch)
				}
				if fake.Count() != 0 {
					t.Error("a refused call reached Clerk")
				}
			}
		})
	}
}

// TestOAuthSSEMessageRefused: on the legacy SSE transport the tools/call
// travels in a POST to /message, refused with 403 like /mcp.
func TestOAuthSSEMessageRefused(t *testing.T) {
	fake, _ := newFake(t)
	h := serveOAuth(t, newMCPSel(t, fake), fake, hosting.Options{SSE: true})
	hdr := bearer(h.token("user_a", "clerk:read"))
	endpoint, closeStream := sseStream(t, h.base, hdr)
	defer closeStream()
	r := send(t, "POST", endpoint, hdr, strings.NewReader(callMsg(3, "delete_user", map[string]any{"user_id": "user_1"})))
	if r.status != 403 || !strings.Contains(r.header.Get("WWW-Authenticate"), "insufficient_scope") {
		t.Fatalf("HTTP %d %q", r.status, r.header.Get("WWW-Authenticate"))
	}
	if fake.Count() != 0 {
		t.Error("reached Clerk")
	}
}

// newMCPSel is newMCP listing every tool, with discovery.
func newMCPSel(t testing.TB, fake *fakeclerk.Server) *server.MCPServer {
	t.Helper()
	s, err := tools.NewServer(tools.ServerConfig{
		Config: tools.Config{
			Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: envKey, MaxRetries: -1, Timeout: 15 * time.Second}),
			Gate:   tools.NewGate(nil, time.Minute),
			Policy: tools.PolicyToken,
		},
		Version:   "oauth-test",
		Selection: &tools.Selection{Toolsets: []string{"all"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// confirmToken finds the confirm token in a preview.
func confirmToken(res *mcp.CallToolResult) string {
	if m, ok := res.StructuredContent.(map[string]any); ok {
		if s, ok := m["confirm"].(string); ok {
			return s
		}
	}
	b, _ := json.Marshal(res.StructuredContent)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	if s, ok := m["confirm"].(string); ok {
		return s
	}
	return ""
}

// signIn runs mcp-go's OAuth client against the server and the test
// issuer headlessly: the 401 and its resource_metadata, protected resource
// metadata, authorization server metadata, dynamic registration, the
// authorization code with PKCE S256 (the redirect read instead of a
// browser), the token, and initialize with it.
func signIn(t *testing.T, ctx context.Context, h *oauthHost, scopes ...string) *client.Client {
	t.Helper()
	c, _ := oauthtest.SignIn(t, ctx, h.base+"/mcp", mcp.LATEST_LEGACY_PROTOCOL_VERSION, "", scopes...)
	return c
}

// TestMCPGoOAuthClient: mcp-go's OAuth client signs in with clerk:read,
// lists only read tools and is refused delete_user; signed in again with
// clerk:admin (the step-up), it deletes through the confirmation.
func TestMCPGoOAuthClient(t *testing.T) {
	fake, _ := newFake(t)
	h := serveOAuth(t, newMCPSel(t, fake), fake, hosting.Options{Streamable: true})
	ctx := ctxFor(t, 30*time.Second)

	reader := signIn(t, ctx, h, "clerk:read")
	names := listedNames(t, ctx, reader)
	if !slices.Contains(names, "get_user") || slices.Contains(names, "delete_user") || slices.Contains(names, "update_user") {
		t.Errorf("a clerk:read caller lists %v", names)
	}
	fake.Reset()
	if res, err := callTool(ctx, reader, "delete_user", map[string]any{"user_id": "user_1"}); err == nil {
		t.Errorf("a clerk:read caller deleted: %s", resultText(res))
	} else if !strings.Contains(err.Error(), "403") && !strings.Contains(strings.ToLower(err.Error()), "forbidden") {
		t.Errorf("refusal: %v", err)
	}
	if fake.Count() != 0 {
		t.Error("a refused call reached Clerk")
	}

	admin := signIn(t, ctx, h, "clerk:read", "clerk:write", "clerk:admin")
	preview, err := callTool(ctx, admin, "delete_user", map[string]any{"user_id": "user_1"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := callTool(ctx, admin, "delete_user", map[string]any{"user_id": "user_1", "confirm": confirmToken(preview)})
	if err != nil || res.IsError {
		t.Fatalf("confirmed delete: %v %s", err, resultText(res))
	}
	if countMethod(fake, http.MethodDelete) != 1 {
		t.Error("the delete did not reach Clerk once")
	}
}
