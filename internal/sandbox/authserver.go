package sandbox

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	htmlesc "html"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// The sandbox authorization server: the instance's Frontend API playing an
// OAuth 2.1 authorization server, so hosted mode can be tried without a
// Clerk account. Its clients are the sandbox's OAuth applications and its
// grants the ones verify_oauth_access_token and
// revoke_oauth_application_token answer for (oauth_applications.go).

const (
	authCodeTTL     = 60 * 1000                // ms an authorization code lives
	accessTokenTTL  = 3600                     // s an access token lives
	refreshTokenTTL = 30 * 24 * 3600 * 1000    // ms a refresh token lives
	maxDynamic      = 1000                     // dynamically registered clients at most
	maxCodes        = 1000                     // pending authorization codes at most
	maxGrants       = 10000                    // live grants at most
	maxFormBytes    = 64 << 10                 // registration, token and revocation bodies
	picker          = "Pick a user to sign in" // the HTML page's title
)

// AuthServerPath is the issuer path the sandbox authorization server is
// meant to take on the MCP listener: issuer http://ADDR/sandbox.
const AuthServerPath = "/sandbox"

// asScopes are the scopes the sandbox authorization server grants: the MCP
// server's own (read tools; + write; + destructive), OpenID Connect's, and
// offline_access (refresh tokens are issued either way).
var asScopes = []string{"clerk:read", "clerk:write", "clerk:admin", "openid", "profile", "email", "offline_access"}

// AuthorizationServer returns the sandbox playing the instance's Frontend
// API as an OAuth 2.1 authorization server, as ServeMux patterns (paths,
// any method: each handler answers 405 to a method it does not serve) to
// mount beside /mcp on the same listener, outside MCP authentication.
//
// issuer is the absolute http(s) URL the tokens name, e.g.
// http://127.0.0.1:8080/sandbox (AuthServerPath); its path (letters,
// digits, "-._~/") prefixes every endpoint. It panics on an issuer that is
// not one: a programming error. Wiring, on the listener at ADDR:
//
//	for pattern, h := range sb.AuthorizationServer("http://" + ADDR + sandbox.AuthServerPath) {
//		opts.Routes[pattern] = h
//	}
//
// With issuer I = ORIGIN/P it serves:
//
//   - metadata (RFC 8414): ORIGIN/.well-known/oauth-authorization-server/P
//     (path insertion, what mcp-go's client asks first), and the same
//     document at ORIGIN/.well-known/openid-configuration/P,
//     I/.well-known/openid-configuration,
//     I/.well-known/oauth-authorization-server, and
//     ORIGIN/.well-known/oauth-authorization-server (where clients of the
//     2025-03-26 revision look: the MCP server's origin). mcp-go v1.2.1
//     finds the issuer in the resource's protected resource metadata and
//     asks the path-inserted URL first, then the OpenID ones;
//   - I/.well-known/jwks.json: the key of the Backend API's /jwks answer;
//   - I/oauth/register: dynamic client registration (RFC 7591), public
//     clients only (token_endpoint_auth_method none); redirect_uris are
//     https or loopback http (127.0.0.1, [::1], localhost), no fragment;
//     the client becomes an OAuth application (dynamically_registered).
//     The extension token_format "opaque" ("jwt" is the default) makes the
//     client's access tokens opaque;
//   - I/oauth/authorize: response_type code, PKCE S256 required (plain
//     refused), redirect_uri matched exactly (optional only for a client
//     with one), state echoed, iss added (RFC 9207), resource required
//     (RFC 8707, one: the token's audience). Consent is implicit and there
//     are no passwords: login_hint names the user by any of their email
//     addresses (unknown, banned or locked: an access_denied redirect);
//     without it the answer is an HTML page listing the users, each a link
//     back with login_hint set;
//   - I/oauth/token: authorization_code (with code_verifier; codes are
//     single use, live 60 s, and a reused code revokes what it gave) and
//     refresh_token (rotated: a refresh token works once, and a second use
//     revokes the grant's every token; scope may narrow);
//   - I/oauth/revoke: revocation (RFC 7009) of an access or refresh token
//     and of every token of its grant.
//
// Public clients authenticate with client_id alone; OAuth applications
// made through the Backend API with a secret use client_secret_basic or
// client_secret_post. The scope granted is the one asked (or, when none is,
// the client's registered scope, else clerk:read) intersected with
// clerk:read clerk:write clerk:admin openid profile email offline_access;
// asking only unknown scopes is invalid_scope. Access tokens live one hour
// and come with a refresh token (unless the client registered without the
// refresh_token grant); with openid an ID token comes too. JWT access
// tokens (RFC 9068: typ at+jwt) are RS256 with the /jwks key's kid, and
// carry iss (the issuer), aud (the resource), sub (the user ID),
// client_id, scope, iat, nbf, exp and jti. Opaque ones are for clients
// registered with token_format opaque and for the seeded Sandbox Demo App
// (an application from before JWT access tokens, as on Clerk).
// verify_oauth_access_token answers for both; revoked tokens fail it with
// token_invalid, expired opaque ones too, expired JWTs answer
// {"active": false}. Errors are RFC 6749 JSON errors (or, at authorize,
// error redirects once the client and redirect URI are known).
// Metadata, JWKS, registration, token and revocation answer CORS requests
// from any origin, for browser-based clients. Clients, codes and grants
// live in the sandbox's state, under its lock; bodies are read and answers
// written outside it.
func (s *Sandbox) AuthorizationServer(issuer string) map[string]http.Handler {
	u, err := url.Parse(issuer)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		u.RawQuery != "" || u.Fragment != "" || !issuerPathRE().MatchString(u.Path) {
		panic("sandbox: AuthorizationServer: issuer " + issuer + " is not an http(s) URL with a plain path")
	}
	p := strings.TrimSuffix(u.Path, "/")
	a := &authServer{s: s, issuer: u.Scheme + "://" + u.Host + p}
	meta := a.endpoint(true, http.MethodGet, a.metadata)
	return map[string]http.Handler{
		"/.well-known/oauth-authorization-server" + p: meta,
		"/.well-known/oauth-authorization-server":     meta,
		"/.well-known/openid-configuration" + p:       meta,
		p + "/.well-known/openid-configuration":       meta,
		p + "/.well-known/oauth-authorization-server": meta,
		p + "/.well-known/jwks.json":                  a.endpoint(true, http.MethodGet, a.jwks),
		p + "/oauth/register":                         a.endpoint(true, http.MethodPost, a.register),
		p + "/oauth/authorize":                        a.endpoint(false, http.MethodGet, a.authorize),
		p + "/oauth/token":                            a.endpoint(true, http.MethodPost, a.token),
		p + "/oauth/revoke":                           a.endpoint(true, http.MethodPost, a.revoke),
	}
}

var issuerPathRE = lazyRegexp(`^(/[A-Za-z0-9._~-]+)*/?$`)

type authServer struct {
	s      *Sandbox
	issuer string // without a trailing slash
}

// authCode is an authorization code waiting for its exchange, or used
// (kept until it expires, so a replay revokes what it gave).
type authCode struct {
	appID, clientID, userID string
	redirect                string
	redirectSent            bool // the authorization request carried redirect_uri
	challenge               string
	resource, nonce         string
	scopes                  []string
	expires, authTime       int64 // Unix ms
	used                    bool
	family                  string // the grants it gave
}

// oauthError is an RFC 6749 error answer.
type oauthError struct {
	status      int
	code, descr string
}

func (e *oauthError) Error() string { return e.code + ": " + e.descr }

func badRequest(code, descr string) *oauthError {
	return &oauthError{http.StatusBadRequest, code, descr}
}

// endpoint wraps a handler: CORS for browser clients (cors), the one
// method it serves, the sandbox lock and the request's time reading.
func (a *authServer) endpoint(cors bool, method string, h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if cors {
			w.Header().Set("Access-Control-Allow-Origin", "*")
			if r.Method == http.MethodOptions {
				w.Header().Set("Access-Control-Allow-Methods", method+", OPTIONS")
				w.Header().Set("Access-Control-Allow-Headers", "Authorization, Content-Type, MCP-Protocol-Version")
				w.Header().Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		if r.Method != method && !(method == http.MethodGet && r.Method == http.MethodHead) {
			w.Header().Set("Allow", method)
			writeOAuthError(w, &oauthError{http.StatusMethodNotAllowed, "invalid_request", r.URL.Path + " takes " + method + ", not " + r.Method})
			return
		}
		// The body is read, and the answer written, outside the sandbox
		// lock: a slow client holds up no one else.
		if r.Body != nil {
			body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxFormBytes))
			if err != nil {
				writeOAuthError(w, badRequest("invalid_request", "the body cannot be read, or is over 64 KiB"))
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		rec := &recorder{header: w.Header()}
		a.serve(rec, r, h)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		w.WriteHeader(rec.status)
		_, _ = w.Write(rec.body.Bytes())
	})
}

// serve runs h under the sandbox lock, with the request's time reading.
func (a *authServer) serve(w http.ResponseWriter, r *http.Request, h func(w http.ResponseWriter, r *http.Request) error) {
	s := a.s
	s.mu.Lock()
	defer s.mu.Unlock()
	s.begin() // the deferred seed: the users to sign in are in it
	if err := h(w, r); err != nil {
		var oe *oauthError
		if !errors.As(err, &oe) {
			oe = &oauthError{http.StatusInternalServerError, "server_error", err.Error()}
		}
		writeOAuthError(w, oe)
	}
}

func writeOAuthError(w http.ResponseWriter, e *oauthError) {
	if e.status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Basic realm="sandbox"`)
	}
	writeJSON(w, e.status, map[string]string{"error": e.code, "error_description": e.descr})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// ---- metadata and keys ----

func (a *authServer) metadata(w http.ResponseWriter, _ *http.Request) error {
	auth := []string{"none", "client_secret_basic", "client_secret_post"}
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                         a.issuer,
		"authorization_endpoint":                         a.issuer + "/oauth/authorize",
		"token_endpoint":                                 a.issuer + "/oauth/token",
		"registration_endpoint":                          a.issuer + "/oauth/register",
		"revocation_endpoint":                            a.issuer + "/oauth/revoke",
		"jwks_uri":                                       a.issuer + "/.well-known/jwks.json",
		"scopes_supported":                               asScopes,
		"response_types_supported":                       []string{"code"},
		"response_modes_supported":                       []string{"query"},
		"grant_types_supported":                          []string{"authorization_code", "refresh_token"},
		"token_endpoint_auth_methods_supported":          auth,
		"revocation_endpoint_auth_methods_supported":     auth,
		"code_challenge_methods_supported":               []string{"S256"},
		"authorization_response_iss_parameter_supported": true,
		"subject_types_supported":                        []string{"public"},
		"id_token_signing_alg_values_supported":          []string{"RS256"},
		"claims_supported":                               []string{"iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "email", "email_verified", "name", "given_name", "family_name", "preferred_username"},
	})
	return nil
}

func (a *authServer) jwks(w http.ResponseWriter, _ *http.Request) error {
	keys, _ := a.s.getJWKS(nil)
	w.Header().Set("Cache-Control", "public, max-age=300")
	b, _ := json.Marshal(keys)
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
	return nil
}

// ---- registration ----

type registration struct {
	RedirectURIs            []string `json:"redirect_uris"`
	TokenEndpointAuthMethod string   `json:"token_endpoint_auth_method"`
	GrantTypes              []string `json:"grant_types"`
	ResponseTypes           []string `json:"response_types"`
	ClientName              string   `json:"client_name"`
	ClientURI               string   `json:"client_uri"`
	Scope                   string   `json:"scope"`
	TokenFormat             string   `json:"token_format"`
}

func (a *authServer) register(w http.ResponseWriter, r *http.Request) error {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		return badRequest("invalid_client_metadata", "send the client metadata as application/json")
	}
	var req registration
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			want := "a string"
			if f, _, _ := strings.Cut(te.Field, "."); slices.Contains([]string{"redirect_uris", "grant_types", "response_types"}, f) {
				want = "an array of strings"
			}
			return badRequest("invalid_client_metadata", te.Field+" must be "+want)
		}
		return badRequest("invalid_client_metadata", "the body is not a JSON object of client metadata")
	}
	if len(req.RedirectURIs) == 0 {
		return badRequest("invalid_redirect_uri", "redirect_uris is required: one or more https or loopback http URLs")
	}
	if len(req.RedirectURIs) > 10 {
		return badRequest("invalid_redirect_uri", "redirect_uris holds at most 10 URLs")
	}
	for _, ru := range req.RedirectURIs {
		if msg := checkRedirectURI(ru); msg != "" {
			return badRequest("invalid_redirect_uri", "redirect_uris: "+msg)
		}
	}
	if m := req.TokenEndpointAuthMethod; m != "" && m != "none" {
		return badRequest("invalid_client_metadata", "token_endpoint_auth_method must be none: the sandbox registers public clients (PKCE S256), not "+m)
	}
	grants := req.GrantTypes
	if len(grants) == 0 {
		grants = []string{"authorization_code", "refresh_token"}
	}
	for _, g := range grants {
		if g != "authorization_code" && g != "refresh_token" {
			return badRequest("invalid_client_metadata", "grant_types may hold authorization_code and refresh_token, not "+g)
		}
	}
	if !slices.Contains(grants, "authorization_code") {
		return badRequest("invalid_client_metadata", "grant_types must include authorization_code")
	}
	for _, rt := range req.ResponseTypes {
		if rt != "code" {
			return badRequest("invalid_client_metadata", "response_types may hold only code, not "+rt)
		}
	}
	name := strings.TrimSpace(req.ClientName)
	if name == "" {
		name = "Dynamically registered client"
	}
	if len([]rune(name)) > 256 {
		return badRequest("invalid_client_metadata", "client_name must be at most 256 characters")
	}
	if req.ClientURI != "" {
		if cu, err := url.Parse(req.ClientURI); err != nil || (cu.Scheme != "https" && cu.Scheme != "http") || cu.Host == "" {
			return badRequest("invalid_client_metadata", "client_uri must be an absolute http(s) URL")
		}
	}
	scopes := strings.Fields(req.Scope)
	for _, sc := range scopes {
		if !slices.Contains(asScopes, sc) {
			return badRequest("invalid_client_metadata", "scope is a space-separated list of "+strings.Join(asScopes, " ")+"; "+sc+" is not one")
		}
	}
	if f := req.TokenFormat; f != "" && f != "jwt" && f != "opaque" {
		return badRequest("invalid_client_metadata", "token_format must be jwt (the default) or opaque, not "+f)
	}
	st := a.s.oauthState()
	n := 0
	for _, app := range st.apps.all() {
		if app.DynamicallyRegistered {
			n++
		}
	}
	if n >= maxDynamic {
		return &oauthError{http.StatusServiceUnavailable, "temporarily_unavailable", "the sandbox holds 1000 dynamically registered clients; delete some with delete_oauth_application"}
	}
	// As on Clerk, a dynamically registered client has the consent screen on
	// (the sandbox's consent is implicit all the same).
	app := a.s.newOAuthApp(name, slices.Clone(req.RedirectURIs), strings.Join(scopes, " "), true, true, true, a.s.tick())
	app.DynamicallyRegistered = true
	if req.ClientURI != "" {
		app.ClientURI = &req.ClientURI
	}
	app.AuthorizeURL, app.TokenFetchURL = a.issuer+"/oauth/authorize", a.issuer+"/oauth/token"
	app.DiscoveryURL = a.issuer + "/.well-known/openid-configuration"
	app.tokenFormat = map[bool]string{true: "opaque", false: ""}[req.TokenFormat == "opaque"]
	app.noRefresh = !slices.Contains(grants, "refresh_token")
	out := map[string]any{
		"client_id": app.ClientID, "client_id_issued_at": app.CreatedAt / 1000, "client_name": app.Name,
		"redirect_uris": app.RedirectUris, "grant_types": grants, "response_types": []string{"code"},
		"token_endpoint_auth_method": "none", "scope": app.Scopes, "token_format": map[bool]string{true: "opaque", false: "jwt"}[app.tokenFormat == "opaque"],
	}
	if app.ClientURI != nil {
		out["client_uri"] = *app.ClientURI
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

// checkRedirectURI returns why ru cannot be a redirect URI, or "".
func checkRedirectURI(ru string) string {
	u, err := url.Parse(ru)
	switch {
	case err != nil || !u.IsAbs() || u.Host == "" || len(ru) > 2000:
		return ru + " is not an absolute URL"
	case u.Fragment != "" || strings.Contains(ru, "#"):
		return ru + " has a fragment"
	case u.User != nil:
		return ru + " carries user information"
	case u.Scheme == "https":
		return ""
	case u.Scheme == "http":
		h := u.Hostname()
		if ip := net.ParseIP(h); strings.EqualFold(h, "localhost") || (ip != nil && ip.IsLoopback()) {
			return ""
		}
		return ru + " is http but not loopback (127.0.0.1, [::1], localhost); use https"
	}
	return ru + " must be https or loopback http"
}

// ---- authorize ----

var (
	challengeRE = lazyRegexp(`^[A-Za-z0-9_-]{43}$`)
	verifierRE  = lazyRegexp(`^[A-Za-z0-9._~-]{43,128}$`)
)

func (a *authServer) client(clientID string) *oauthApp {
	if clientID == "" {
		return nil
	}
	for _, app := range a.s.oauthState().apps.all() {
		if app.ClientID == clientID {
			return app
		}
	}
	return nil
}

func (a *authServer) authorize(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	for k, v := range q {
		if len(v) > 1 && k != "resource" {
			return badRequest("invalid_request", k+" is given more than once")
		}
	}
	app := a.client(q.Get("client_id"))
	if app == nil {
		return badRequest("invalid_request", "client_id "+strconvQuote(q.Get("client_id"))+" is not a registered client")
	}
	redirect, sent := q.Get("redirect_uri"), q.Has("redirect_uri")
	switch {
	case !sent && len(app.RedirectUris) == 1:
		redirect = app.RedirectUris[0]
	case !sent:
		return badRequest("invalid_request", "redirect_uri is required: the client registered more than one")
	case !slices.Contains(app.RedirectUris, redirect):
		return badRequest("invalid_request", "redirect_uri does not exactly match a redirect URI the client registered")
	}
	fail := func(code, descr string) error {
		a.redirect(w, r, redirect, url.Values{"error": {code}, "error_description": {descr}}, q)
		return nil
	}
	if rt := q.Get("response_type"); rt != "code" {
		return fail("unsupported_response_type", "response_type must be code, not "+strconvQuote(rt))
	}
	switch m := q.Get("code_challenge_method"); {
	case q.Get("code_challenge") == "":
		return fail("invalid_request", "code_challenge is required: PKCE with S256")
	case m == "plain":
		return fail("invalid_request", "code_challenge_method plain is refused: use S256")
	case m != "S256":
		return fail("invalid_request", "code_challenge_method must be S256 (it defaults to plain, which is refused)")
	case !challengeRE().MatchString(q.Get("code_challenge")):
		return fail("invalid_request", "code_challenge must be the 43-character base64url SHA-256 of the code verifier")
	}
	resource, msg := checkResource(q["resource"])
	if msg != "" {
		return fail("invalid_target", msg)
	}
	scopes, msg := grantScopes(q.Get("scope"), app)
	if msg != "" {
		return fail("invalid_scope", msg)
	}
	if len(q.Get("nonce")) > 512 {
		return fail("invalid_request", "nonce must be at most 512 characters")
	}
	hint := strings.TrimSpace(q.Get("login_hint"))
	if hint == "" {
		return a.pickUser(w, r, app, scopes)
	}
	u := a.s.ownerOf("email_address", hint)
	switch {
	case u == nil:
		return fail("access_denied", "no sandbox user has the email address "+hint)
	case u.Banned:
		return fail("access_denied", "user "+u.ID+" is banned")
	case u.lockedUntil > a.s.now:
		return fail("access_denied", "user "+u.ID+" is locked")
	}
	st := a.s.oauthState()
	if st.codes == nil {
		st.codes = map[string]*authCode{}
	}
	for k, c := range st.codes {
		if c.expires <= a.s.now {
			delete(st.codes, k)
		}
	}
	if len(st.codes) >= maxCodes {
		return fail("temporarily_unavailable", "too many authorization codes are waiting; try again in a minute")
	}
	code := randomHex(24)
	st.codes[code] = &authCode{appID: app.ID, clientID: app.ClientID, userID: u.ID, redirect: redirect, redirectSent: sent,
		challenge: q.Get("code_challenge"), resource: resource, nonce: q.Get("nonce"), scopes: scopes,
		expires: a.s.now + authCodeTTL, authTime: a.s.now}
	a.redirect(w, r, redirect, url.Values{"code": {code}}, q)
	return nil
}

// redirect sends the user agent back to the client with params, the state
// and the issuer (RFC 9207).
func (a *authServer) redirect(w http.ResponseWriter, r *http.Request, to string, params, q url.Values) {
	u, _ := url.Parse(to) // registered, so it parses
	v := u.Query()
	for k, vs := range params {
		v[k] = vs
	}
	if q.Has("state") {
		v.Set("state", q.Get("state"))
	}
	v.Set("iss", a.issuer)
	u.RawQuery = v.Encode()
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// checkResource returns the one resource indicator sent, or why it is
// refused.
func checkResource(vals []string) (string, string) {
	switch len(vals) {
	case 0:
		return "", "resource is required (RFC 8707): the URL of the MCP server the token is for"
	case 1:
	default:
		return "", "send one resource: a token has one audience"
	}
	u, err := url.Parse(vals[0])
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.Fragment != "" || strings.Contains(vals[0], "#") {
		return "", "resource must be an absolute http(s) URL without a fragment"
	}
	return vals[0], ""
}

// grantScopes is the scope asked (else the client's registered scope, else
// clerk:read) intersected with the supported scopes.
func grantScopes(asked string, app *oauthApp) ([]string, string) {
	req := strings.Fields(asked)
	if len(req) == 0 {
		req = strings.Fields(app.Scopes)
	}
	if len(req) == 0 {
		req = []string{"clerk:read"}
	}
	var out []string
	for _, sc := range req {
		if slices.Contains(asScopes, sc) && !slices.Contains(out, sc) {
			out = append(out, sc)
		}
	}
	if len(out) == 0 {
		return nil, "none of the scopes asked is supported; ask for some of " + strings.Join(asScopes, " ")
	}
	return out, ""
}

// pickerPage writes the page listing the users to sign in as. It escapes
// by hand, not with html/template: a template's reflective method calls
// make the linker keep every exported method of every type in the binary
// (it doubled in size), for one small page.
func pickerPage(w io.Writer, client, scope string, users []pickEntry) error {
	e := htmlesc.EscapeString
	var b strings.Builder
	b.WriteString(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>` + e(picker) + `</title></head>
<body><h1>` + e(picker) + `</h1>
<p>` + e(client) + ` asks for <code>` + e(scope) + `</code>. This is the clerk-mcp sandbox: no passwords, and consent is implicit.</p>
<ul>`)
	for _, u := range users {
		b.WriteString(`<li><a href="` + e(u.Link) + `">` + e(u.Name) + ` &lt;` + e(u.Email) + `&gt;</a></li>`)
	}
	b.WriteString("</ul>\n</body></html>")
	_, err := io.WriteString(w, b.String())
	return err
}

type pickEntry struct{ Link, Name, Email string }

// pickUser answers the HTML page listing the users who can sign in, each a
// link back to this authorization request with login_hint set.
func (a *authServer) pickUser(w http.ResponseWriter, r *http.Request, app *oauthApp, scopes []string) error {
	var users []pickEntry
	for _, u := range a.s.users.all() {
		email := primaryEmail(u)
		if email == "" || u.Banned || len(users) == 200 {
			continue
		}
		q := r.URL.Query()
		q.Set("login_hint", email)
		name := strings.TrimSpace(deref(u.FirstName) + " " + deref(u.LastName))
		if name == "" {
			name = u.ID
		}
		users = append(users, pickEntry{Link: a.issuer + "/oauth/authorize?" + q.Encode(), Name: name, Email: email})
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	w.WriteHeader(http.StatusOK)
	return pickerPage(w, app.Name, strings.Join(scopes, " "), users)
}

// ---- token ----

// form parses a POST form body, refusing repeated parameters.
func form(r *http.Request) (url.Values, error) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/x-www-form-urlencoded" {
		return nil, badRequest("invalid_request", "send the parameters as application/x-www-form-urlencoded")
	}
	if err := r.ParseForm(); err != nil {
		return nil, badRequest("invalid_request", "the form body cannot be read")
	}
	for k, v := range r.PostForm {
		if len(v) > 1 {
			return nil, badRequest("invalid_request", k+" is given more than once")
		}
	}
	return r.PostForm, nil
}

// authenticate finds the client of a token or revocation request: a public
// client by client_id, a confidential one by client_secret_basic or
// client_secret_post.
func (a *authServer) authenticate(r *http.Request, f url.Values) (*oauthApp, error) {
	id, secret := f.Get("client_id"), f.Get("client_secret")
	if user, pass, ok := r.BasicAuth(); ok {
		if f.Has("client_secret") {
			return nil, badRequest("invalid_request", "authenticate one way: Basic or client_secret, not both")
		}
		uid, err1 := url.QueryUnescape(user)
		pw, err2 := url.QueryUnescape(pass)
		if err1 != nil || err2 != nil || (id != "" && id != uid) {
			return nil, &oauthError{http.StatusUnauthorized, "invalid_client", "client authentication failed"}
		}
		id, secret = uid, pw
	}
	if id == "" {
		return nil, &oauthError{http.StatusUnauthorized, "invalid_client", "client_id is required"}
	}
	app := a.client(id)
	switch {
	case app == nil:
		return nil, &oauthError{http.StatusUnauthorized, "invalid_client", "client_id " + strconvQuote(id) + " is not a registered client"}
	case app.secret == "" && secret != "":
		return nil, &oauthError{http.StatusUnauthorized, "invalid_client", "the client is public: send no client_secret"}
	case app.secret != "" && subtle.ConstantTimeCompare([]byte(secret), []byte(app.secret)) != 1:
		return nil, &oauthError{http.StatusUnauthorized, "invalid_client", "client authentication failed"}
	}
	return app, nil
}

func (a *authServer) token(w http.ResponseWriter, r *http.Request) error {
	f, err := form(r)
	if err != nil {
		return err
	}
	app, err := a.authenticate(r, f)
	if err != nil {
		return err
	}
	switch gt := f.Get("grant_type"); gt {
	case "authorization_code":
		return a.exchangeCode(w, f, app)
	case "refresh_token":
		return a.refresh(w, f, app)
	case "":
		return badRequest("invalid_request", "grant_type is required")
	default:
		return badRequest("unsupported_grant_type", "grant_type must be authorization_code or refresh_token, not "+strconvQuote(gt))
	}
}

func (a *authServer) exchangeCode(w http.ResponseWriter, f url.Values, app *oauthApp) error {
	st := a.s.oauthState()
	code := f.Get("code")
	if code == "" {
		return badRequest("invalid_request", "code is required")
	}
	c := st.codes[code]
	switch {
	case c == nil:
		return badRequest("invalid_grant", "code is unknown or expired")
	case c.clientID != app.ClientID || c.appID != app.ID:
		return badRequest("invalid_grant", "code was issued to another client")
	case c.used:
		a.s.revokeFamily(c.family)
		delete(st.codes, code)
		return badRequest("invalid_grant", "code was already used; the tokens it gave are revoked")
	case c.expires <= a.s.now:
		delete(st.codes, code)
		return badRequest("invalid_grant", "code expired (codes live 60 s)")
	}
	c.used = true // one attempt: a wrong verifier or redirect_uri spends it too
	if ru := f.Get("redirect_uri"); (c.redirectSent || f.Has("redirect_uri")) && ru != c.redirect {
		return badRequest("invalid_grant", "redirect_uri must be the one of the authorization request")
	}
	v := f.Get("code_verifier")
	if v == "" {
		return badRequest("invalid_request", "code_verifier is required (PKCE)")
	}
	if !verifierRE().MatchString(v) {
		return badRequest("invalid_request", "code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~")
	}
	if sum := sha256.Sum256([]byte(v)); b64.EncodeToString(sum[:]) != c.challenge {
		return badRequest("invalid_grant", "code_verifier does not match the code_challenge")
	}
	if f.Has("resource") && f.Get("resource") != c.resource {
		return badRequest("invalid_target", "resource must be the one of the authorization request")
	}
	u, ok := a.s.users.get(c.userID)
	if !ok || u.Banned {
		return badRequest("invalid_grant", "the user who authorized is gone or banned")
	}
	c.family = "fam_" + randomHex(8)
	return a.issue(w, app, u, c.scopes, c.resource, c.family, c)
}

func (a *authServer) refresh(w http.ResponseWriter, f url.Values, app *oauthApp) error {
	if app.noRefresh {
		return badRequest("unauthorized_client", "the client registered without the refresh_token grant")
	}
	rt := f.Get("refresh_token")
	if rt == "" {
		return badRequest("invalid_request", "refresh_token is required")
	}
	st := a.s.oauthState()
	var g *oauthGrant
	for _, x := range st.grants {
		if x.refresh == rt && x.appID == app.ID {
			g = x
		}
	}
	switch {
	case g == nil:
		return badRequest("invalid_grant", "refresh_token is unknown, or was issued to another client")
	case g.refreshUsed:
		a.s.revokeGrant(g)
		return badRequest("invalid_grant", "refresh_token was already used; every token of its grant is now revoked")
	case g.tok.Revoked:
		return badRequest("invalid_grant", "refresh_token is revoked")
	case g.refreshExp != 0 && g.refreshExp <= a.s.now:
		return badRequest("invalid_grant", "refresh_token expired")
	}
	scopes := g.tok.Scopes
	if f.Has("scope") {
		scopes = strings.Fields(f.Get("scope"))
		for _, sc := range scopes {
			if !slices.Contains(g.tok.Scopes, sc) {
				return badRequest("invalid_scope", "scope may only narrow the grant's "+strings.Join(g.tok.Scopes, " ")+"; "+sc+" is not in it")
			}
		}
		if len(scopes) == 0 {
			return badRequest("invalid_scope", "scope is empty")
		}
	}
	resource := g.resource
	if f.Has("resource") {
		if resource != "" && f.Get("resource") != resource {
			return badRequest("invalid_target", "resource must be the grant's")
		}
		if r, msg := checkResource(f["resource"]); msg != "" {
			return badRequest("invalid_target", msg)
		} else {
			resource = r
		}
	}
	u, ok := a.s.users.get(g.tok.Subject)
	if !ok || u.Banned {
		return badRequest("invalid_grant", "the user who authorized is gone or banned")
	}
	g.refreshUsed = true
	if g.family == "" {
		g.family = "fam_" + randomHex(8)
	}
	return a.issue(w, app, u, slices.Clone(scopes), resource, g.family, nil)
}

// issue makes a grant (access and refresh token) and answers it; code is
// the authorization code exchanged, nil on a refresh.
func (a *authServer) issue(w http.ResponseWriter, app *oauthApp, u *user, scopes []string, resource, family string, code *authCode) error {
	s, st := a.s, a.s.oauthState()
	now := s.tick()
	// Drop the grants that can serve no more: access token expired, refresh
	// token revoked, absent or expired (a used one stays until it expires,
	// so its replay still revokes its family).
	st.grants = slices.DeleteFunc(st.grants, func(g *oauthGrant) bool {
		return g.family != "" && g.tok.Expiration != nil && int64(*g.tok.Expiration) <= now &&
			(g.tok.Revoked || g.refresh == "" || (g.refreshExp != 0 && g.refreshExp <= now))
	})
	if len(st.grants) >= maxGrants {
		return &oauthError{http.StatusServiceUnavailable, "temporarily_unavailable", "the sandbox holds too many live grants; revoke some"}
	}
	exp := float64(now + accessTokenTTL*1000)
	g := &oauthGrant{appID: app.ID, family: family, resource: resource, jwt: app.tokenFormat != "opaque", tok: oauthAccessToken{
		Object: "clerk_idp_oauth_access_token", ID: "oat_" + randomHex(16), ClientID: app.ClientID, Subject: u.ID,
		Scopes: scopes, Expiration: &exp, CreatedAt: float64(now), UpdatedAt: float64(now),
	}}
	if g.jwt {
		claims := map[string]any{"iss": a.issuer, "sub": u.ID, "client_id": app.ClientID, "scope": strings.Join(scopes, " "),
			"iat": now / 1000, "nbf": now / 1000, "exp": now/1000 + accessTokenTTL, "jti": g.tok.ID}
		if resource != "" {
			claims["aud"] = resource
		}
		g.access = s.signTyped("at+jwt", claims)
	} else {
		g.access = "oat_" + randomHex(24)
	}
	out := map[string]any{"access_token": g.access, "token_type": "Bearer", "expires_in": accessTokenTTL, "scope": strings.Join(scopes, " ")}
	if !app.noRefresh {
		g.refresh, g.refreshExp = "ort_"+randomHex(24), now+refreshTokenTTL
		out["refresh_token"] = g.refresh
	}
	if code != nil && slices.Contains(scopes, "openid") {
		out["id_token"] = s.sign(a.idClaims(app, u, scopes, code))
	}
	st.grants = append(st.grants, g)
	writeJSON(w, http.StatusOK, out)
	return nil
}

// idClaims are an OpenID Connect ID token's claims.
func (a *authServer) idClaims(app *oauthApp, u *user, scopes []string, code *authCode) map[string]any {
	now := a.s.tick() / 1000
	c := map[string]any{"iss": a.issuer, "sub": u.ID, "aud": app.ClientID, "iat": now, "exp": now + accessTokenTTL, "auth_time": code.authTime / 1000}
	if code.nonce != "" {
		c["nonce"] = code.nonce
	}
	if slices.Contains(scopes, "email") {
		if e := primaryEmail(u); e != "" {
			c["email"], c["email_verified"] = e, true
		}
	}
	if slices.Contains(scopes, "profile") {
		if n := strings.TrimSpace(deref(u.FirstName) + " " + deref(u.LastName)); n != "" {
			c["name"] = n
		}
		if u.FirstName != nil {
			c["given_name"] = *u.FirstName
		}
		if u.LastName != nil {
			c["family_name"] = *u.LastName
		}
		if u.Username != nil {
			c["preferred_username"] = *u.Username
		}
	}
	return c
}

// ---- revocation ----

// revoke revokes an access or refresh token of the client and every token
// of its grant (RFC 7009); an unknown token is answered 200 all the same.
func (a *authServer) revoke(w http.ResponseWriter, r *http.Request) error {
	f, err := form(r)
	if err != nil {
		return err
	}
	app, err := a.authenticate(r, f)
	if err != nil {
		return err
	}
	tok := f.Get("token")
	if tok == "" {
		return badRequest("invalid_request", "token is required")
	}
	for _, g := range a.s.oauthState().grants {
		if g.access == tok || g.refresh == tok {
			if g.appID != app.ID {
				return badRequest("invalid_request", "the token was issued to another client")
			}
			a.s.revokeGrant(g)
			break
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	return nil
}

// revokeGrant revokes a grant and the rest of its family.
func (s *Sandbox) revokeGrant(g *oauthGrant) {
	now := float64(s.tick())
	g.tok.Revoked, g.tok.UpdatedAt = true, now
	s.revokeFamily(g.family)
}

// revokeFamily revokes every grant of a family ("" names none).
func (s *Sandbox) revokeFamily(family string) {
	if family == "" {
		return
	}
	now := float64(s.tick())
	for _, g := range s.oauthState().grants {
		if g.family == family && !g.tok.Revoked {
			g.tok.Revoked, g.tok.UpdatedAt = true, now
		}
	}
}

// randomHex is n random bytes in hex: codes and tokens a client cannot
// guess, unlike the seeded data's.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
