package sandbox

import (
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"maps"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// The sandbox authorization server, over HTTP on 127.0.0.1, as OAuth
// clients use it: raw requests here, mcp-go's OAuth client in
// authserver_client_test.go.

// movableClock is the real clock plus an offset a test moves forward.
type movableClock struct {
	mu  sync.Mutex
	off time.Duration
}

func (c *movableClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.off)
}

func (c *movableClock) advance(d time.Duration) {
	c.mu.Lock()
	c.off += d
	c.mu.Unlock()
}

type asEnv struct {
	*env
	t      *testing.T
	clock  *movableClock
	srv    *httptest.Server
	issuer string
	mux    *http.ServeMux
	web    *http.Client // follows no redirects
}

// newASEnv serves the authorization server at ISSUER = http://127.0.0.1:PORT/sandbox
// beside the sandbox's own Backend API (e, in process, on the same state).
func newASEnv(t *testing.T) *asEnv {
	t.Helper()
	clk := &movableClock{}
	s := New(WithClock(clk.now))
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux) // 127.0.0.1
	t.Cleanup(srv.Close)
	issuer := srv.URL + AuthServerPath
	for pattern, h := range s.AuthorizationServer(issuer) {
		mux.Handle(pattern, h)
	}
	rec := &recordingTransport{next: s.Transport()}
	cfg := s.Config()
	cfg.HTTPClient = &http.Client{Transport: rec}
	cfg.Timeout = 10 * time.Second
	e := &env{t: t, s: s, client: clerkapi.New(cfg), rec: rec}
	web := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &asEnv{env: e, t: t, clock: clk, srv: srv, issuer: issuer, mux: mux, web: web}
}

// answer is an HTTP answer: status, headers, body (and the body as JSON
// when it is an object).
type httpAnswer struct {
	status int
	header http.Header
	body   string
	json   map[string]any
}

func (a *asEnv) send(req *http.Request) httpAnswer {
	a.t.Helper()
	resp, err := a.web.Do(req)
	if err != nil {
		a.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	out := httpAnswer{status: resp.StatusCode, header: resp.Header, body: string(b)}
	_ = json.Unmarshal(b, &out.json)
	return out
}

func (a *asEnv) get(u string) httpAnswer {
	a.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	return a.send(req)
}

func (a *asEnv) postJSON(u, body string) httpAnswer {
	a.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return a.send(req)
}

func (a *asEnv) postForm(u string, f url.Values, basic ...string) httpAnswer {
	a.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(f.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if len(basic) == 2 {
		req.SetBasicAuth(url.QueryEscape(basic[0]), url.QueryEscape(basic[1]))
	}
	return a.send(req)
}

// register registers a public client with one redirect URI and returns its
// client_id.
func (a *asEnv) register(extra string) string {
	a.t.Helper()
	ans := a.postJSON(a.issuer+"/oauth/register", `{"client_name":"Test Agent","redirect_uris":["http://127.0.0.1:9999/callback"]`+extra+`}`)
	if ans.status != http.StatusCreated || ans.json["client_id"] == "" {
		a.t.Fatalf("register: %d %s", ans.status, ans.body)
	}
	return ans.json["client_id"].(string)
}

const (
	testRedirect = "http://127.0.0.1:9999/callback"
	testResource = "http://127.0.0.1:8080/mcp"
	testVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-sandbox-test-verifier"
)

func challengeOf(v string) string {
	sum := sha256.Sum256([]byte(v))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// authorizeQuery is a valid authorization request for clientID, as ada.
func authorizeQuery(clientID string) url.Values {
	return url.Values{"response_type": {"code"}, "client_id": {clientID}, "redirect_uri": {testRedirect},
		"state": {"st-123"}, "code_challenge": {challengeOf(testVerifier)}, "code_challenge_method": {"S256"},
		"resource": {testResource}, "scope": {"clerk:read clerk:write openid email bogus:scope"},
		"login_hint": {"ada@acme.example.com"}, "nonce": {"n-1"}}
}

// authorize runs the authorization request q and returns the redirect's
// query, failing unless it is a redirect to testRedirect.
func (a *asEnv) authorize(q url.Values) url.Values {
	a.t.Helper()
	ans := a.get(a.issuer + "/oauth/authorize?" + q.Encode())
	if ans.status != http.StatusFound {
		a.t.Fatalf("authorize %v: %d %s", q, ans.status, ans.body)
	}
	loc, err := url.Parse(ans.header.Get("Location"))
	if err != nil || loc.Scheme+"://"+loc.Host+loc.Path != testRedirect {
		a.t.Fatalf("authorize redirected to %q", ans.header.Get("Location"))
	}
	if got := loc.Query().Get("iss"); got != a.issuer {
		a.t.Errorf("redirect iss = %q, want %q", got, a.issuer)
	}
	return loc.Query()
}

func (a *asEnv) code(clientID string) string {
	a.t.Helper()
	back := a.authorize(authorizeQuery(clientID))
	if back.Get("code") == "" || back.Get("state") != "st-123" {
		a.t.Fatalf("authorize answered %v", back)
	}
	return back.Get("code")
}

func (a *asEnv) exchange(clientID, code string) httpAnswer {
	a.t.Helper()
	return a.postForm(a.issuer+"/oauth/token", url.Values{"grant_type": {"authorization_code"}, "code": {code},
		"redirect_uri": {testRedirect}, "code_verifier": {testVerifier}, "client_id": {clientID}, "resource": {testResource}})
}

// tokens runs the whole flow for a new code and returns the token answer.
func (a *asEnv) tokens(clientID string) map[string]any {
	a.t.Helper()
	ans := a.exchange(clientID, a.code(clientID))
	if ans.status != http.StatusOK {
		a.t.Fatalf("token: %d %s", ans.status, ans.body)
	}
	return ans.json
}

// refuses checks an RFC 6749 error answer: status, error code, and a
// description naming what is wrong.
func refuses(t *testing.T, what string, ans httpAnswer, status int, code, names string) {
	t.Helper()
	if ans.status != status || ans.json["error"] != code || !strings.Contains(str(ans.json, "error_description"), names) {
		t.Errorf("%s: got %d %s, want %d %s naming %q", what, ans.status, ans.body, status, code, names)
	}
}

// jwksPublicKey reads the RS256 key a JWKS document holds for kid.
func jwksPublicKey(t *testing.T, body, kid string) *rsa.PublicKey {
	t.Helper()
	var set struct {
		Keys []struct{ Kid, Kty, Alg, N, E string }
	}
	if err := json.Unmarshal([]byte(body), &set); err != nil {
		t.Fatalf("JWKS %s: %v", body, err)
	}
	for _, k := range set.Keys {
		if k.Kid == kid && k.Kty == "RSA" && k.Alg == "RS256" {
			n, err1 := base64.RawURLEncoding.DecodeString(k.N)
			e, err2 := base64.RawURLEncoding.DecodeString(k.E)
			if err1 != nil || err2 != nil {
				t.Fatalf("JWKS key %s", body)
			}
			return &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
		}
	}
	t.Fatalf("JWKS %s has no RS256 key %s", body, kid)
	return nil
}

// verifyJWT checks an access token with golang-jwt against the served
// JWKS, with the issuer and audience an MCP resource server requires.
func (a *asEnv) verifyJWT(token string) (jwt.MapClaims, *jwt.Token) {
	a.t.Helper()
	jwks := a.get(a.issuer + "/.well-known/jwks.json")
	claims := jwt.MapClaims{}
	tok, err := jwt.ParseWithClaims(token, claims, func(tok *jwt.Token) (any, error) {
		kid, _ := tok.Header["kid"].(string)
		return jwksPublicKey(a.t, jwks.body, kid), nil
	}, jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer(a.issuer), jwt.WithAudience(testResource),
		jwt.WithExpirationRequired(), jwt.WithIssuedAt(), jwt.WithTimeFunc(a.clock.now))
	if err != nil {
		a.t.Fatalf("access token does not verify with golang-jwt against %s/.well-known/jwks.json: %v", a.issuer, err)
	}
	return claims, tok
}

func TestAuthServerMetadata(t *testing.T) {
	a := newASEnv(t)
	origin := a.srv.URL
	for _, p := range []string{"/.well-known/oauth-authorization-server/sandbox", "/.well-known/openid-configuration/sandbox",
		"/sandbox/.well-known/openid-configuration", "/sandbox/.well-known/oauth-authorization-server", "/.well-known/oauth-authorization-server"} {
		ans := a.get(origin + p)
		m := ans.json
		if ans.status != 200 || m["issuer"] != a.issuer || m["token_endpoint"] != a.issuer+"/oauth/token" ||
			m["authorization_endpoint"] != a.issuer+"/oauth/authorize" || m["registration_endpoint"] != a.issuer+"/oauth/register" ||
			m["jwks_uri"] != a.issuer+"/.well-known/jwks.json" || m["revocation_endpoint"] != a.issuer+"/oauth/revoke" {
			t.Errorf("%s: %d %s", p, ans.status, ans.body)
		}
		if got := m["code_challenge_methods_supported"]; len(got.([]any)) != 1 || got.([]any)[0] != "S256" {
			t.Errorf("%s: code_challenge_methods_supported %v, want only S256", p, got)
		}
		if ans.header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("%s: no CORS header", p)
		}
	}
	// The JWKS is the Backend API's /jwks answer.
	served := a.get(a.issuer + "/.well-known/jwks.json")
	if bapi := a.ok("get_jwks", args(t, `{}`)); !strings.Contains(served.body, str(bapi["keys"].([]any)[0].(map[string]any), "n")) {
		t.Errorf("JWKS %s is not get_jwks' %v", served.body, bapi)
	}
	// Browser clients: preflight answered; wrong methods refused.
	req, _ := http.NewRequest(http.MethodOptions, a.issuer+"/oauth/token", nil)
	req.Header.Set("Origin", "http://localhost:6274")
	if ans := a.send(req); ans.status != 204 || !strings.Contains(ans.header.Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("preflight: %d %v", ans.status, ans.header)
	}
	refuses(t, "GET token", a.get(a.issuer+"/oauth/token"), 405, "invalid_request", "POST")
	refuses(t, "POST authorize", a.postForm(a.issuer+"/oauth/authorize", url.Values{}), 405, "invalid_request", "GET")
}

func TestAuthServerIssuerChecked(t *testing.T) {
	s := testSandbox()
	for _, bad := range []string{"127.0.0.1:8080/sandbox", "ftp://h/x", "http://h/x?y=1", "http://h/x#f", "http://h/a b", "http://u:p@h/x"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("AuthorizationServer(%q) accepted it", bad)
				}
			}()
			s.AuthorizationServer(bad)
		}()
	}
	if r := s.AuthorizationServer("http://127.0.0.1:8080"); r["/.well-known/oauth-authorization-server"] == nil || r["/oauth/token"] == nil {
		t.Errorf("an issuer without a path serves %v", slices.Collect(maps.Keys(r)))
	}
}

// TestAuthServerFlow is the whole flow: register, pick a user, authorize,
// exchange with PKCE, verify the JWT independently and through
// verify_oauth_access_token, refresh with rotation.
func TestAuthServerFlow(t *testing.T) {
	a := newASEnv(t)
	reg := a.postJSON(a.issuer+"/oauth/register", `{"client_name":"Test Agent","redirect_uris":["`+testRedirect+`"],`+
		`"token_endpoint_auth_method":"none","grant_types":["authorization_code","refresh_token"],"response_types":["code"],"scope":"clerk:read clerk:write","resource":"`+testResource+`"}`)
	if reg.status != 201 || reg.json["token_endpoint_auth_method"] != "none" || reg.json["token_format"] != "jwt" || reg.json["scope"] != "clerk:read clerk:write" {
		t.Fatalf("register: %d %s", reg.status, reg.body)
	}
	clientID := str(reg.json, "client_id")
	// The client is an OAuth application of the instance.
	var app map[string]any
	for _, it := range items(a.ok("list_oauth_applications", args(t, `{}`))) {
		if str(it, "client_id") == clientID {
			app = it
		}
	}
	if app == nil || app["dynamically_registered"] != true || app["public"] != true || app["pkce_required"] != true {
		t.Fatalf("registered client as an OAuth application: %v", app)
	}

	// Without login_hint: a page listing the users, each a link back with login_hint.
	q := authorizeQuery(clientID)
	q.Del("login_hint")
	page := a.get(a.issuer + "/oauth/authorize?" + q.Encode())
	if page.status != 200 || !strings.HasPrefix(page.header.Get("Content-Type"), "text/html") || !strings.Contains(page.body, "ada@acme.example.com") ||
		!strings.Contains(page.body, "login_hint=ada%40acme.example.com") || page.header.Get("X-Frame-Options") != "DENY" {
		t.Fatalf("user picker: %d %v\n%s", page.status, page.header, page.body)
	}
	if strings.Contains(page.body, "<script") {
		t.Error("the picker page carries script")
	}

	back := a.authorize(authorizeQuery(clientID))
	if back.Get("state") != "st-123" || back.Get("code") == "" {
		t.Fatalf("authorize answered %v", back)
	}
	tok := a.exchange(clientID, back.Get("code"))
	if tok.status != 200 || tok.json["token_type"] != "Bearer" || tok.json["expires_in"] != float64(3600) || str(tok.json, "refresh_token") == "" ||
		tok.header.Get("Cache-Control") != "no-store" {
		t.Fatalf("token: %d %v %s", tok.status, tok.header, tok.body)
	}
	// scope = asked ∩ supported: bogus:scope dropped, and said so in the answer.
	if got := str(tok.json, "scope"); got != "clerk:read clerk:write openid email" {
		t.Errorf("granted scope %q", got)
	}
	claims, parsed := a.verifyJWT(str(tok.json, "access_token"))
	adaID := a.userID("ada")
	if parsed.Header["typ"] != "at+jwt" || parsed.Header["kid"] == "" {
		t.Errorf("access token header %v", parsed.Header)
	}
	exp, _ := claims.GetExpirationTime()
	iat, _ := claims.GetIssuedAt()
	nbf, _ := claims.GetNotBefore()
	if claims["sub"] != adaID || claims["client_id"] != clientID || claims["scope"] != "clerk:read clerk:write openid email" ||
		claims["aud"] != testResource || claims["iss"] != a.issuer || exp.Sub(iat.Time) != time.Hour || nbf == nil || str(claims, "jti") == "" {
		t.Errorf("access token claims %v", claims)
	}
	// The ID token (openid asked): audience the client, nonce echoed, email given.
	idc := jwt.MapClaims{}
	jwks := a.get(a.issuer + "/.well-known/jwks.json")
	if _, err := jwt.ParseWithClaims(str(tok.json, "id_token"), idc, func(tk *jwt.Token) (any, error) {
		return jwksPublicKey(t, jwks.body, tk.Header["kid"].(string)), nil
	}, jwt.WithValidMethods([]string{"RS256"}), jwt.WithAudience(clientID), jwt.WithIssuer(a.issuer), jwt.WithTimeFunc(a.clock.now)); err != nil ||
		idc["nonce"] != "n-1" || idc["email"] != "ada@acme.example.com" || idc["sub"] != adaID {
		t.Errorf("id_token %v: %v", idc, err)
	}
	// The Backend API answers for it as Clerk does.
	v := a.ok("verify_oauth_access_token", argsOf(t, map[string]string{"access_token": str(tok.json, "access_token")}))
	if str(v, "subject") != adaID || str(v, "client_id") != clientID || str(v, "id") != claims["jti"] || v["revoked"] != false || len(v["scopes"].([]any)) != 4 {
		t.Errorf("verify_oauth_access_token: %v", v)
	}

	// Refresh: a new pair; the old refresh token no longer works, and its
	// replay revokes the grant's every token.
	r1 := a.postForm(a.issuer+"/oauth/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {str(tok.json, "refresh_token")},
		"client_id": {clientID}, "resource": {testResource}, "scope": {"clerk:read"}})
	if r1.status != 200 || str(r1.json, "refresh_token") == str(tok.json, "refresh_token") || str(r1.json, "scope") != "clerk:read" {
		t.Fatalf("refresh: %d %s", r1.status, r1.body)
	}
	if c, _ := a.verifyJWT(str(r1.json, "access_token")); c["scope"] != "clerk:read" || c["sub"] != adaID {
		t.Errorf("refreshed claims %v", c)
	}
	replay := a.postForm(a.issuer+"/oauth/token", url.Values{"grant_type": {"refresh_token"}, "refresh_token": {str(tok.json, "refresh_token")}, "client_id": {clientID}})
	refuses(t, "rotated refresh token", replay, 400, "invalid_grant", "already used")
	for _, at := range []string{str(tok.json, "access_token"), str(r1.json, "access_token")} {
		a.fails("verify_oauth_access_token", argsOf(t, map[string]string{"access_token": at}), 400, "token_invalid")
	}
	refuses(t, "refresh of a revoked grant", a.postForm(a.issuer+"/oauth/token", url.Values{"grant_type": {"refresh_token"},
		"refresh_token": {str(r1.json, "refresh_token")}, "client_id": {clientID}}), 400, "invalid_grant", "revoked")
}

// TestAuthServerRefusals performs the mistakes and attacks: each is an
// RFC 6749 error naming what is wrong, and gives no token.
func TestAuthServerRefusals(t *testing.T) {
	a := newASEnv(t)
	clientID := a.register("")
	tokenURL := a.issuer + "/oauth/token"
	grants := func() int { return len(a.s.oauthState().grants) }
	before := grants()

	// Registration.
	for _, tc := range []struct{ body, code, names string }{
		{`{"redirect_uris":["http://evil.example.com/cb"]}`, "invalid_redirect_uri", "loopback"},
		{`{"redirect_uris":["https://app.example.com/cb#frag"]}`, "invalid_redirect_uri", "fragment"},
		{`{"redirect_uris":["javascript:alert(1)"]}`, "invalid_redirect_uri", "absolute"},
		{`{"redirect_uris":[]}`, "invalid_redirect_uri", "redirect_uris"},
		{`{"redirect_uris":"http://127.0.0.1/cb"}`, "invalid_client_metadata", "redirect_uris must be an array"},
		{`{"redirect_uris":["http://127.0.0.1/cb"],"token_endpoint_auth_method":"client_secret_basic"}`, "invalid_client_metadata", "token_endpoint_auth_method"},
		{`{"redirect_uris":["http://127.0.0.1/cb"],"grant_types":["implicit"]}`, "invalid_client_metadata", "grant_types"},
		{`{"redirect_uris":["http://127.0.0.1/cb"],"response_types":["token"]}`, "invalid_client_metadata", "response_types"},
		{`{"redirect_uris":["http://127.0.0.1/cb"],"scope":"clerk:read root"}`, "invalid_client_metadata", "root"},
		{`{"redirect_uris":["http://127.0.0.1/cb"],"token_format":"jwe"}`, "invalid_client_metadata", "token_format"},
		{`{"redirect_uris":["http://127.0.0.1/cb"],"client_name":7}`, "invalid_client_metadata", "client_name must be a string"},
		{`not json`, "invalid_client_metadata", "JSON"},
	} {
		refuses(t, "register "+tc.body, a.postJSON(a.issuer+"/oauth/register", tc.body), 400, tc.code, tc.names)
	}
	if n := count(a.ok("list_oauth_applications", args(t, `{}`))); n != 2 {
		t.Errorf("refused registrations stored clients: %d applications", n)
	}

	// Authorize, before the client and redirect URI are known: a 400, no redirect.
	for _, tc := range []struct {
		what, key, val, names string
	}{
		{"unknown client", "client_id", "nope", "client_id"},
		{"redirect_uri mismatch", "redirect_uri", testRedirect + "/other", "redirect_uri"},
		{"redirect_uri prefix", "redirect_uri", "http://127.0.0.1:9999/callbac", "redirect_uri"},
	} {
		q := authorizeQuery(clientID)
		q.Set(tc.key, tc.val)
		ans := a.get(a.issuer + "/oauth/authorize?" + q.Encode())
		refuses(t, tc.what, ans, 400, "invalid_request", tc.names)
		if ans.header.Get("Location") != "" {
			t.Errorf("%s: redirected to %s", tc.what, ans.header.Get("Location"))
		}
	}
	// ... after: an error redirect with the state.
	for _, tc := range []struct {
		what, key, val, code, names string
	}{
		{"plain PKCE", "code_challenge_method", "plain", "invalid_request", "plain"},
		{"no PKCE method (plain by default)", "code_challenge_method", "", "invalid_request", "S256"},
		{"no code_challenge", "code_challenge", "", "invalid_request", "code_challenge"},
		{"short code_challenge", "code_challenge", "abc", "invalid_request", "code_challenge"},
		{"missing resource", "resource", "", "invalid_target", "resource"},
		{"resource with fragment", "resource", testResource + "#x", "invalid_target", "resource"},
		{"implicit flow", "response_type", "token", "unsupported_response_type", "response_type"},
		{"unknown login_hint", "login_hint", "nobody@nowhere.example", "access_denied", "nobody@nowhere.example"},
		{"only unknown scopes", "scope", "root admin", "invalid_scope", "scope"},
	} {
		q := authorizeQuery(clientID)
		if tc.val == "" {
			q.Del(tc.key)
		} else {
			q.Set(tc.key, tc.val)
		}
		back := a.authorize(q)
		if back.Get("error") != tc.code || !strings.Contains(back.Get("error_description"), tc.names) || back.Get("state") != "st-123" || back.Has("code") {
			t.Errorf("%s: redirected with %v, want error %s naming %q and the state", tc.what, back, tc.code, tc.names)
		}
	}
	q := authorizeQuery(clientID)
	q.Add("resource", "http://127.0.0.1:8081/mcp")
	if back := a.authorize(q); back.Get("error") != "invalid_target" {
		t.Errorf("two resources: %v", back)
	}
	q = authorizeQuery(clientID)
	q.Add("state", "second")
	refuses(t, "repeated parameter", a.get(a.issuer+"/oauth/authorize?"+q.Encode()), 400, "invalid_request", "state")

	// Token endpoint.
	exchange := func(code string, change func(url.Values)) httpAnswer {
		f := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {testRedirect},
			"code_verifier": {testVerifier}, "client_id": {clientID}, "resource": {testResource}}
		change(f)
		return a.postForm(tokenURL, f)
	}
	// A wrong verifier fails and spends the code: the right one cannot follow.
	code := a.code(clientID)
	refuses(t, "wrong verifier", exchange(code, func(f url.Values) { f.Set("code_verifier", strings.Repeat("x", 50)) }), 400, "invalid_grant", "code_verifier")
	refuses(t, "code after a failed attempt", exchange(code, func(url.Values) {}), 400, "invalid_grant", "already used")
	refuses(t, "no verifier", exchange(a.code(clientID), func(f url.Values) { f.Del("code_verifier") }), 400, "invalid_request", "code_verifier")
	refuses(t, "short verifier", exchange(a.code(clientID), func(f url.Values) { f.Set("code_verifier", "abc") }), 400, "invalid_request", "code_verifier")
	refuses(t, "redirect_uri mismatch at the token endpoint", exchange(a.code(clientID), func(f url.Values) { f.Set("redirect_uri", testRedirect+"/x") }), 400, "invalid_grant", "redirect_uri")
	refuses(t, "redirect_uri left out", exchange(a.code(clientID), func(f url.Values) { f.Del("redirect_uri") }), 400, "invalid_grant", "redirect_uri")
	refuses(t, "another resource", exchange(a.code(clientID), func(f url.Values) { f.Set("resource", "http://127.0.0.1:1/mcp") }), 400, "invalid_target", "resource")
	refuses(t, "unknown code", exchange("0123", func(url.Values) {}), 400, "invalid_grant", "code")
	refuses(t, "no code", exchange("", func(f url.Values) { f.Del("code") }), 400, "invalid_request", "code")
	refuses(t, "unknown client", exchange(a.code(clientID), func(f url.Values) { f.Set("client_id", "nope") }), 401, "invalid_client", "client_id")
	refuses(t, "no client", exchange(a.code(clientID), func(f url.Values) { f.Del("client_id") }), 401, "invalid_client", "client_id")
	refuses(t, "a secret for a public client", exchange(a.code(clientID), func(f url.Values) { f.Set("client_secret", "guess") }), 401, "invalid_client", "public")
	other := a.register("")
	refuses(t, "another client's code", exchange(a.code(clientID), func(f url.Values) { f.Set("client_id", other) }), 400, "invalid_grant", "another client")
	refuses(t, "password grant", exchange("", func(f url.Values) { f.Set("grant_type", "password") }), 400, "unsupported_grant_type", "grant_type")
	refuses(t, "no grant type", exchange("", func(f url.Values) { f.Del("grant_type") }), 400, "invalid_request", "grant_type")
	req, _ := http.NewRequest(http.MethodPost, tokenURL, strings.NewReader(`{"grant_type":"authorization_code"}`))
	req.Header.Set("Content-Type", "application/json")
	refuses(t, "a JSON body", a.send(req), 400, "invalid_request", "x-www-form-urlencoded")
	if n := grants(); n != before {
		t.Errorf("refused requests issued %d grants", n-before)
	}

	// A reused code fails and revokes what it gave.
	code = a.code(clientID)
	first := exchange(code, func(url.Values) {})
	if first.status != 200 {
		t.Fatalf("exchange: %s", first.body)
	}
	refuses(t, "reused code", exchange(code, func(url.Values) {}), 400, "invalid_grant", "already used")
	a.fails("verify_oauth_access_token", argsOf(t, map[string]string{"access_token": str(first.json, "access_token")}), 400, "token_invalid")

	// An expired code (codes live 60 s).
	code = a.code(clientID)
	a.clock.advance(61 * time.Second)
	refuses(t, "expired code", exchange(code, func(url.Values) {}), 400, "invalid_grant", "expired")
}

// TestAuthServerTokenFormatsAndRevocation: opaque and JWT tokens verify
// through verify_oauth_access_token until revoked (RFC 7009 or the Backend
// API) or expired, as Clerk answers.
func TestAuthServerTokenFormatsAndRevocation(t *testing.T) {
	a := newASEnv(t)
	verify := func(tok string) (map[string]any, *clerkapi.APIError) {
		return a.do("verify_oauth_access_token", argsOf(t, map[string]string{"access_token": tok}))
	}
	opaqueClient := a.register(`,"token_format":"opaque"`)
	jwtClient := a.register("")

	op := a.tokens(opaqueClient)
	at := str(op, "access_token")
	if strings.Count(at, ".") == 2 || !strings.HasPrefix(at, "oat_") {
		t.Fatalf("opaque client got %q", at)
	}
	if v, ae := verify(at); ae != nil || str(v, "client_id") != opaqueClient || str(v, "subject") != a.userID("ada") {
		t.Fatalf("verify opaque: %v %v", v, ae)
	}
	// Revocation (RFC 7009) by the refresh token: the access token fails too; an unknown token is 200.
	if ans := a.postForm(a.issuer+"/oauth/revoke", url.Values{"token": {str(op, "refresh_token")}, "client_id": {opaqueClient}}); ans.status != 200 {
		t.Fatalf("revoke: %d %s", ans.status, ans.body)
	}
	if _, ae := verify(at); ae == nil || ae.Code() != "token_invalid" || !strings.Contains(ae.Error(), "revoked") {
		t.Errorf("verify a revoked opaque token: %v", ae)
	}
	if ans := a.postForm(a.issuer+"/oauth/revoke", url.Values{"token": {"unknown"}, "client_id": {opaqueClient}}); ans.status != 200 {
		t.Errorf("revoke an unknown token: %d", ans.status)
	}
	jt := a.tokens(jwtClient)
	refuses(t, "revoke another client's token", a.postForm(a.issuer+"/oauth/revoke", url.Values{"token": {str(jt, "access_token")}, "client_id": {opaqueClient}}), 400, "invalid_request", "another client")
	refuses(t, "revoke without a client", a.postForm(a.issuer+"/oauth/revoke", url.Values{"token": {str(jt, "access_token")}}), 401, "invalid_client", "client_id")
	if _, ae := verify(str(jt, "access_token")); ae != nil {
		t.Fatalf("a refused revocation revoked: %v", ae)
	}

	// revoke_oauth_application_token (the Backend API) revokes a JWT's grant.
	var appID string
	for _, it := range items(a.ok("list_oauth_applications", args(t, `{}`))) {
		if str(it, "client_id") == jwtClient {
			appID = str(it, "id")
		}
	}
	a.ok("revoke_oauth_application_token", argsOf(t, map[string]string{"oauth_application_id": appID, "token": str(jt, "access_token")}))
	if _, ae := verify(str(jt, "access_token")); ae == nil || ae.Code() != "token_invalid" {
		t.Errorf("verify a revoked JWT: %v", ae)
	}
	refuses(t, "refresh a revoked grant", a.postForm(a.issuer+"/oauth/token", url.Values{"grant_type": {"refresh_token"},
		"refresh_token": {str(jt, "refresh_token")}, "client_id": {jwtClient}}), 400, "invalid_grant", "revoked")

	// Expiry: an hour on. An expired JWT answers {"active": false}, an expired opaque token token_invalid.
	live := str(a.tokens(jwtClient), "access_token")
	liveOpaque := str(a.tokens(opaqueClient), "access_token")
	a.clock.advance(time.Hour + time.Second)
	if v, ae := verify(live); ae != nil || len(v) != 1 || v["active"] != false {
		t.Errorf("verify an expired JWT: %v %v", v, ae)
	}
	if _, ae := verify(liveOpaque); ae == nil || ae.Code() != "token_invalid" || !strings.Contains(ae.Error(), "expired") {
		t.Errorf("verify an expired opaque token: %v", ae)
	}
}

// TestAuthServerConfidentialClient: an application made through the
// Backend API (with a secret) authenticates at the token endpoint with
// client_secret_basic or _post; the seeded demo app's opaque refresh token
// rotates.
func TestAuthServerConfidentialClient(t *testing.T) {
	a := newASEnv(t)
	app := a.ok("create_oauth_application", args(t, `{"name":"Web App","redirect_uris":["`+testRedirect+`"]}`))
	id, secret := str(app, "client_id"), str(app, "client_secret")
	f := func(code string) url.Values {
		return url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {testRedirect}, "code_verifier": {testVerifier}}
	}
	refuses(t, "wrong secret", a.postForm(a.issuer+"/oauth/token", f(a.code(id)), id, "wrong"), 401, "invalid_client", "authentication")
	refuses(t, "no secret", a.postForm(a.issuer+"/oauth/token", func() url.Values { v := f(a.code(id)); v.Set("client_id", id); return v }()), 401, "invalid_client", "authentication")
	ans := a.postForm(a.issuer+"/oauth/token", f(a.code(id)), id, secret)
	if ans.status != 200 {
		t.Fatalf("client_secret_basic: %d %s", ans.status, ans.body)
	}
	a.verifyJWT(str(ans.json, "access_token"))
	post := f(a.code(id))
	post.Set("client_id", id)
	post.Set("client_secret", secret)
	if ans := a.postForm(a.issuer+"/oauth/token", post); ans.status != 200 {
		t.Fatalf("client_secret_post: %d %s", ans.status, ans.body)
	}

	// The seeded demo app: opaque tokens, its seeded refresh token rotates once.
	var demo *oauthApp
	for _, x := range a.s.oauthState().apps.all() {
		if x.Name == "Sandbox Demo App" {
			demo = x
		}
	}
	r := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {SeedOAuthRefreshToken}}
	ans = a.postForm(a.issuer+"/oauth/token", r, demo.ClientID, demo.secret)
	if ans.status != 200 || strings.Count(str(ans.json, "access_token"), ".") == 2 {
		t.Fatalf("demo refresh: %d %s", ans.status, ans.body)
	}
	if v := a.ok("verify_oauth_access_token", argsOf(t, map[string]string{"access_token": str(ans.json, "access_token")})); str(v, "subject") != a.userID("ada") {
		t.Errorf("demo refreshed token verifies as %v", v)
	}
	refuses(t, "demo refresh replay", a.postForm(a.issuer+"/oauth/token", r, demo.ClientID, demo.secret), 400, "invalid_grant", "already used")
}

func TestAuthServerUserState(t *testing.T) {
	a := newASEnv(t)
	clientID := a.register("")
	grace := a.userID("grace@globex.example.com")
	a.ok("ban_user", args(t, `{"user_id":"`+grace+`"}`))
	q := authorizeQuery(clientID)
	q.Set("login_hint", "GRACE@globex.example.com")
	if back := a.authorize(q); back.Get("error") != "access_denied" || !strings.Contains(back.Get("error_description"), "banned") {
		t.Errorf("banned user: %v", back)
	}
	a.ok("lock_user", args(t, `{"user_id":"`+a.userID("ada")+`"}`))
	q.Set("login_hint", "ada@acme.example.com")
	if back := a.authorize(q); back.Get("error") != "access_denied" || !strings.Contains(back.Get("error_description"), "locked") {
		t.Errorf("locked user: %v", back)
	}
	// The picker page escapes what users hold, and leaves the banned out.
	a.ok("create_user", args(t, `{"first_name":"<script>alert(1)</script>","email_address":["mallory@example.com"]}`))
	q.Del("login_hint")
	page := a.get(a.issuer + "/oauth/authorize?" + q.Encode())
	if strings.Contains(page.body, "<script>") || !strings.Contains(page.body, "&lt;script&gt;") || strings.Contains(page.body, "grace@globex") {
		t.Errorf("picker page:\n%s", page.body)
	}
	// A user deleted between authorize and token: no token.
	alan := a.userID("alan@initech.example.com")
	q.Set("login_hint", "alan@initech.example.com")
	code := a.authorize(q).Get("code")
	a.ok("delete_user", args(t, `{"user_id":"`+alan+`"}`))
	refuses(t, "deleted user", a.exchange(clientID, code), 400, "invalid_grant", "user")
}

// TestAuthServerSlowBody: a client that sends its body slowly holds up
// neither the authorization server nor the sandbox's Backend API.
func TestAuthServerSlowBody(t *testing.T) {
	a := newASEnv(t)
	conn, err := net.Dial("tcp", a.srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "POST /sandbox/oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"+
		"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\ngrant_type="); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // the handler is waiting for the rest of the body
	done := make(chan struct{})
	go func() {
		defer close(done)
		a.get(a.issuer + "/.well-known/jwks.json")
		a.ok("list_users", args(t, `{"limit":1}`))
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a slow body on /oauth/token blocked the sandbox")
	}
}

// TestAuthServerPickerEscapes: the sign-in page is built without
// html/template, so a hostile client name and scope must still come out
// escaped.
func TestAuthServerPickerEscapes(t *testing.T) {
	a := newASEnv(t)
	reg := a.postJSON(a.issuer+"/oauth/register", `{"client_name":"<script>alert(1)</script> & \"x\"","redirect_uris":["`+testRedirect+`"]}`)
	if reg.status != http.StatusCreated {
		t.Fatalf("register: %d %s", reg.status, reg.body)
	}
	q := authorizeQuery(reg.json["client_id"].(string))
	q.Del("login_hint")
	page := a.get(a.issuer + "/oauth/authorize?" + q.Encode())
	if page.status != 200 || strings.Contains(page.body, "<script") || !strings.Contains(page.body, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;x&#34;") {
		t.Fatalf("picker page: %d\n%s", page.status, page.body)
	}
	if !strings.Contains(page.body, `href="`+a.issuer+`/oauth/authorize?`) || !strings.Contains(page.body, "&amp;login_hint=") {
		t.Errorf("links not escaped as attributes:\n%s", page.body)
	}
}
