// Package oauth makes a hosted clerk-mcp an OAuth 2.1 resource server, as
// the MCP authorization spec asks: it publishes Protected Resource Metadata
// (RFC 9728), verifies the access tokens callers present — JWTs locally
// against the issuer's JWKS, opaque Clerk tokens through the Backend API's
// verify_oauth_access_token with the server's own key — and turns their
// scopes (and optionally an organization membership) into what each caller
// may do. Every refusal is an *Error that says which challenge to answer.
package oauth

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Default scope names, one per level.
const (
	DefaultReadScope  = "clerk:read"
	DefaultWriteScope = "clerk:write"
	DefaultAdminScope = "clerk:admin"
)

// Leeway is the clock skew allowed on exp and nbf.
const Leeway = 60 * time.Second

// CacheFor bounds how long a verified token (and a membership answer) is
// trusted before it is checked again; NegativeCacheFor is how long an opaque
// token Clerk called inactive stays refused without asking again.
const (
	CacheFor         = 60 * time.Second
	NegativeCacheFor = 10 * time.Second
	// RefetchEvery is the fastest the JWKS is fetched again for an unknown
	// key id.
	RefetchEvery = time.Minute
	// maxCached bounds each cache.
	maxCached = 10000
)

// Algorithms is the default allow-list: asymmetric signatures only.
var Algorithms = []string{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}

// Scopes names the three levels: Read lists and calls read tools; Write adds
// writes (and credential checks); Admin adds destructive tools. A higher
// level includes the lower ones.
type Scopes struct{ Read, Write, Admin string }

// ParseScopes reads --oauth-scopes: "read,write,admin" names; empty takes
// the defaults.
func ParseScopes(raw string) (Scopes, error) {
	if strings.TrimSpace(raw) == "" {
		return Scopes{DefaultReadScope, DefaultWriteScope, DefaultAdminScope}, nil
	}
	f := strings.Split(raw, ",")
	if len(f) != 3 {
		return Scopes{}, fmt.Errorf("--oauth-scopes takes three comma-separated names, read,write,admin (got %d)", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
		if !scopeToken(f[i]) {
			return Scopes{}, fmt.Errorf("--oauth-scopes: %q is not a scope name (printable ASCII, no space, quote or backslash)", f[i])
		}
		if slices.Contains(f[:i], f[i]) {
			return Scopes{}, fmt.Errorf("--oauth-scopes: %q is named twice; each level needs its own scope", f[i])
		}
	}
	return Scopes{f[0], f[1], f[2]}, nil
}

// scopeToken reports a scope-token of RFC 6749 §3.3.
func scopeToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c < 0x21 || c > 0x7e || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// List returns the three names, lowest first.
func (s Scopes) List() []string { return []string{s.Read, s.Write, s.Admin} }

// Level is what an operation needs, or what a caller holds.
type Level int

// Levels, in order: a caller with a level may do everything below it.
const (
	None Level = iota
	Read
	Write
	Admin
)

// Needs returns the level an operation needs: reads need Read, except
// credential oracles (which tell whether a guessed password is right),
// which need Write like writes; destructive operations need Admin.
func Needs(op *clerkapi.Operation) Level {
	switch k := op.Kind(); {
	case k == clerkapi.Destructive:
		return Admin
	case k == clerkapi.Write || op.Oracle:
		return Write
	}
	return Read
}

// Org is the membership --oauth-require-org asks for.
type Org struct {
	Org  string // organization id (org_…) or slug
	Role string // "" for any role; "admin" also matches "org:admin"
}

// ParseOrg reads ORG[:ROLE]. A role may itself hold a colon (org:admin).
func ParseOrg(raw string) (*Org, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, nil
	}
	org, role, _ := strings.Cut(raw, ":")
	if org == "" || strings.ContainsAny(org, " /?#") || (strings.Contains(raw, ":") && role == "") {
		return nil, fmt.Errorf("--oauth-require-org takes ORG or ORG:ROLE, an organization id or slug and an optional role (got %q)", raw)
	}
	return &Org{Org: org, Role: role}, nil
}

func (o *Org) String() string {
	if o.Role == "" {
		return "membership of organization " + o.Org
	}
	return "the role " + o.Role + " in organization " + o.Org
}

// Config configures a Verifier.
type Config struct {
	// Issuer is the authorization server's issuer (Clerk: the Frontend API
	// URL, https://clerk.example.com); tokens must carry it as iss exactly.
	Issuer string
	// Resource is the public URL of /mcp: the audience tokens must name.
	Resource string
	Scopes   Scopes
	// RequireOrg, when set, admits only members of that organization.
	RequireOrg *Org
	// Clerk is the Backend API client with the server's own key: it verifies
	// opaque tokens and reads memberships. The caller's token is sent in
	// the verify call's body, never as a credential.
	Clerk *clerkapi.Client
	// HTTP fetches the issuer's metadata and JWKS (default: 10 s, no
	// redirects).
	HTTP *http.Client
	// Algorithms overrides the allow-list (asymmetric names only).
	Algorithms []string
	Logger     *slog.Logger
	Now        func() time.Time
}

// Identity is a verified caller.
type Identity struct {
	Subject  string // the user (sub)
	ClientID string // the OAuth client that obtained the token
	Scopes   []string
	Level    Level  // the highest level the scopes grant
	Format   string // "jwt" or "opaque"
}

// Allows reports whether the caller's scopes reach op.
func (id *Identity) Allows(op *clerkapi.Operation) bool { return id.Level >= Needs(op) }

// Caller is the stable caller string confirmations bind to.
func (id *Identity) Caller() string { return "oauth:" + id.Subject }

// Error is a refusal: Status 401 (Code invalid_token, or "" when no token
// was presented) or 403 (insufficient_scope, or a membership refusal).
type Error struct {
	Status      int
	Code        string
	Description string
	Scope       string // for insufficient_scope: the scopes to ask for
	// Op is the operation an insufficient_scope refusal is about.
	Op *clerkapi.Operation
}

func (e *Error) Error() string { return e.Description }

func invalid(format string, a ...any) *Error {
	return &Error{Status: http.StatusUnauthorized, Code: "invalid_token", Description: fmt.Sprintf(format, a...)}
}

// Verifier verifies tokens for one resource. It is safe for concurrent use.
type Verifier struct {
	cfg      Config
	metaURL  string
	prm      []byte
	verifyOp *clerkapi.Operation
	memberOp *clerkapi.Operation
	keys     *keySet
	tokens   cache[*Identity]
	members  cache[bool]
}

// New checks cfg and returns a verifier. It makes no request: the issuer's
// metadata and keys are fetched when the first JWT arrives.
func New(cfg Config) (*Verifier, error) {
	cfg.Issuer = strings.TrimSuffix(cfg.Issuer, "/")
	if err := checkURL("--oauth-issuer", cfg.Issuer); err != nil {
		return nil, err
	}
	if err := checkURL("--oauth-resource", cfg.Resource); err != nil {
		return nil, err
	}
	if cfg.Scopes == (Scopes{}) {
		cfg.Scopes, _ = ParseScopes("")
	}
	if cfg.Algorithms == nil {
		cfg.Algorithms = Algorithms
	}
	for _, a := range cfg.Algorithms {
		if !slices.Contains(Algorithms, a) {
			return nil, fmt.Errorf("oauth: algorithm %q is not an asymmetric signature algorithm", a)
		}
	}
	if cfg.HTTP == nil {
		cfg.HTTP = &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	v := &Verifier{cfg: cfg, metaURL: MetadataURL(cfg.Resource)}
	v.verifyOp, _ = clerkapi.Lookup("verify_oauth_access_token")
	v.memberOp, _ = clerkapi.Lookup("list_user_organization_memberships")
	if v.verifyOp == nil || v.memberOp == nil {
		return nil, errors.New("oauth: the catalog lacks verify_oauth_access_token or list_user_organization_memberships")
	}
	v.keys = &keySet{v: v}
	prm, err := json.Marshal(map[string]any{
		"resource":                 cfg.Resource,
		"authorization_servers":    []string{cfg.Issuer},
		"scopes_supported":         cfg.Scopes.List(),
		"bearer_methods_supported": []string{"header"},
		"resource_name":            "clerk-mcp",
	})
	if err != nil {
		return nil, err
	}
	v.prm = prm
	return v, nil
}

// checkURL accepts an absolute https URL, or http on a loopback host.
func checkURL(flag, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Fragment != "" || u.RawQuery != "" || (u.Scheme != "https" && u.Scheme != "http") {
		return fmt.Errorf("%s must be an absolute http(s) URL without query or fragment (got %q)", flag, raw)
	}
	if u.Scheme == "http" && !loopback(u.Hostname()) {
		return fmt.Errorf("%s must use https beyond loopback (got %q)", flag, raw)
	}
	return nil
}

func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// MetadataURL is where a resource's Protected Resource Metadata is served
// (RFC 9728 §3.1: the well-known segment goes before the resource's path).
func MetadataURL(resource string) string {
	u, err := url.Parse(resource)
	if err != nil {
		return ""
	}
	u.Path = "/.well-known/oauth-protected-resource" + strings.TrimSuffix(u.Path, "/")
	u.RawPath = ""
	return u.String()
}

// MetadataPath is the path of MetadataURL (for a resource behind a path
// prefix, not one of the two standard paths).
func (v *Verifier) MetadataPath() string {
	u, err := url.Parse(v.metaURL)
	if err != nil {
		return ""
	}
	return u.Path
}

// Metadata is the Protected Resource Metadata document.
func (v *Verifier) Metadata() []byte { return v.prm }

// Challenge is the WWW-Authenticate value for a refusal (nil: no token was
// presented).
func (v *Verifier) Challenge(e *Error) string {
	s := `Bearer resource_metadata="` + v.metaURL + `"`
	if e == nil || e.Code == "" {
		return s
	}
	s += `, error="` + e.Code + `"`
	if e.Scope != "" {
		s += `, scope="` + e.Scope + `"`
	}
	if e.Description != "" {
		s += `, error_description="` + quoteSafe(e.Description) + `"`
	}
	return s
}

// quoteSafe keeps a description within RFC 6750's error_description
// characters (%x20-21 / %x23-5B / %x5D-7E).
func quoteSafe(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			b[i] = '\''
		}
	}
	return string(b)
}

// BearerToken reads the request's access token, strictly: one
// Authorization header, "Bearer" (any case), one space, a token of RFC 6750
// b64token characters; never from the query string. present is false when
// the request carries no credential at all (the challenge then has no error
// code).
func BearerToken(r *http.Request) (token string, present bool, err *Error) {
	if r.URL.Query().Has("access_token") {
		return "", true, invalid("send the access token in the Authorization header, never in the URL")
	}
	hs := r.Header.Values("Authorization")
	switch len(hs) {
	case 0:
		return "", false, nil
	case 1:
	default:
		return "", true, invalid("send one Authorization header")
	}
	scheme, tok, ok := strings.Cut(hs[0], " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", true, invalid("use the Bearer scheme: Authorization: Bearer <access token>")
	}
	if !b64token(tok) {
		return "", true, invalid("the bearer token is empty or malformed")
	}
	return tok, true, nil
}

// b64token reports RFC 6750's b64token: 1*( ALPHA / DIGIT / "-" / "." /
// "_" / "~" / "+" / "/" ) *"=".
func b64token(s string) bool {
	t := strings.TrimRight(s, "=")
	if t == "" || len(s) > 16<<10 {
		return false
	}
	for _, c := range []byte(t) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~+/", c) >= 0) {
			return false
		}
	}
	return true
}

// Verify checks a token and, when configured, the caller's membership. A
// token verified within CacheFor is answered from memory; when the issuer
// or the Backend API cannot be reached, a token verified before keeps
// working until it expires.
func (v *Verifier) Verify(ctx context.Context, token string) (*Identity, *Error) {
	now := v.cfg.Now()
	key := sha256.Sum256([]byte(token))
	id, fresh, known := v.tokens.get(key, now)
	if !fresh {
		got, err, outage := v.verify(ctx, token, key, now)
		switch {
		case err == nil:
			id = got
		case outage && known && id != nil:
			// The issuer or Clerk cannot answer: a token verified before
			// keeps working until it expires.
			v.cfg.Logger.Warn("oauth: cannot reach the issuer or Clerk; using the earlier verification", "subject", id.Subject, "client_id", id.ClientID)
		default:
			// Debug: anyone can send bad tokens, and must not fill the log.
			v.cfg.Logger.Debug("oauth: token refused", "reason", err.Description)
			return nil, err
		}
	}
	if id == nil {
		return nil, invalid("the access token is not active")
	}
	if v.cfg.RequireOrg != nil {
		if err := v.member(ctx, id, now); err != nil {
			return nil, err
		}
	}
	if id.Level == None {
		return nil, &Error{Status: http.StatusForbidden, Code: "insufficient_scope", Scope: v.scopeFor(Read),
			Description: "the token grants none of " + strings.Join(v.cfg.Scopes.List(), ", ")}
	}
	return id, nil
}

// verify checks a token without the cache; outage reports a failure to
// reach the issuer or Clerk (not a verdict on the token).
func (v *Verifier) verify(ctx context.Context, token string, key [32]byte, now time.Time) (*Identity, *Error, bool) {
	if strings.Count(token, ".") == 2 {
		id, exp, err, outage := v.verifyJWT(ctx, token, now)
		if err != nil {
			return nil, err, outage
		}
		v.tokens.put(key, id, now, now.Add(CacheFor), exp)
		v.cfg.Logger.Info("oauth: token verified", "subject", id.Subject, "client_id", id.ClientID, "scopes", strings.Join(id.Scopes, " "), "format", "jwt")
		return id, nil, false
	}
	if !strings.HasPrefix(token, "oat_") || len(token) < 20 {
		return nil, invalid("the access token is neither a JWT nor a Clerk OAuth access token"), false
	}
	id, exp, err, outage := v.verifyOpaque(ctx, token, now)
	switch {
	case outage:
		return nil, err, true
	case err != nil:
		v.tokens.put(key, nil, now, now.Add(NegativeCacheFor), now.Add(NegativeCacheFor))
		return nil, err, false
	}
	v.tokens.put(key, id, now, minTime(now.Add(CacheFor), exp), exp)
	v.cfg.Logger.Info("oauth: token verified", "subject", id.Subject, "client_id", id.ClientID, "scopes", strings.Join(id.Scopes, " "), "format", "opaque")
	return id, nil, false
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// identity builds an Identity from verified claims.
func (v *Verifier) identity(sub, client string, scopes []string, format string) *Identity {
	id := &Identity{Subject: sub, ClientID: client, Scopes: scopes, Format: format}
	for l, name := range []string{v.cfg.Scopes.Read, v.cfg.Scopes.Write, v.cfg.Scopes.Admin} {
		if slices.Contains(scopes, name) && Level(l+1) > id.Level {
			id.Level = Level(l + 1)
		}
	}
	return id
}

// verifyOpaque asks Clerk, with the server's key, about an opaque token.
func (v *Verifier) verifyOpaque(ctx context.Context, token string, now time.Time) (*Identity, time.Time, *Error, bool) {
	if v.cfg.Clerk == nil {
		return nil, time.Time{}, invalid("opaque access tokens are not accepted here"), false
	}
	tok, _ := json.Marshal(token)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	resp, err := v.cfg.Clerk.Do(ctx, v.verifyOp, clerkapi.Args{"access_token": tok})
	if err != nil {
		var apiErr *clerkapi.APIError
		if errors.As(err, &apiErr) && apiErr.Status >= 400 && apiErr.Status < 500 && apiErr.Status != 429 {
			return nil, time.Time{}, invalid("the access token is not valid"), false
		}
		return nil, time.Time{}, invalid("the access token cannot be verified right now; retry"), true
	}
	var a struct {
		Active     *bool    `json:"active"`
		Subject    string   `json:"subject"`
		ClientID   string   `json:"client_id"`
		Scopes     []string `json:"scopes"`
		Revoked    bool     `json:"revoked"`
		Expired    bool     `json:"expired"`
		Expiration *float64 `json:"expiration"`
	}
	if json.Unmarshal(resp.Body, &a) != nil {
		return nil, time.Time{}, invalid("the access token cannot be verified right now; retry"), true
	}
	exp := now.Add(CacheFor)
	if a.Expiration != nil {
		exp = time.Unix(int64(*a.Expiration), 0)
	}
	switch {
	case a.Active != nil && !*a.Active:
		return nil, time.Time{}, invalid("the access token is not active"), false
	case a.Revoked:
		return nil, time.Time{}, invalid("the access token was revoked"), false
	case a.Expired || !exp.After(now):
		return nil, time.Time{}, invalid("the access token expired"), false
	case a.Subject == "":
		return nil, time.Time{}, invalid("the access token names no subject"), false
	}
	return v.identity(a.Subject, a.ClientID, a.Scopes, "opaque"), exp, nil, false
}

// member checks --oauth-require-org through the Backend API with the
// server's key, cached per subject for CacheFor (and kept through an
// outage).
func (v *Verifier) member(ctx context.Context, id *Identity, now time.Time) *Error {
	key := sha256.Sum256([]byte(id.Subject))
	ok, fresh, known := v.members.get(key, now)
	if !fresh {
		got, err := v.lookupMember(ctx, id.Subject)
		switch {
		case err == nil:
			ok = got
			v.members.put(key, ok, now, now.Add(CacheFor), now.Add(time.Hour))
		case known:
			v.cfg.Logger.Warn("oauth: cannot read memberships; using the earlier answer", "subject", id.Subject, "error", err)
		default:
			v.cfg.Logger.Warn("oauth: cannot read memberships", "subject", id.Subject, "error", err)
			return invalid("membership cannot be checked right now; retry")
		}
	}
	if !ok {
		return &Error{Status: http.StatusForbidden, Code: "insufficient_scope", Description: "this server requires " + v.cfg.RequireOrg.String()}
	}
	return nil
}

func (v *Verifier) lookupMember(ctx context.Context, sub string) (bool, error) {
	uid, _ := json.Marshal(sub)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	resp, err := v.cfg.Clerk.Do(ctx, v.memberOp, clerkapi.Args{"user_id": uid, "limit": json.RawMessage("500")})
	if err != nil {
		var apiErr *clerkapi.APIError
		if errors.As(err, &apiErr) && apiErr.Status == http.StatusNotFound {
			return false, nil // no such user
		}
		return false, err
	}
	var page struct {
		Data []struct {
			Role         string `json:"role"`
			Organization struct {
				ID   string `json:"id"`
				Slug string `json:"slug"`
			} `json:"organization"`
		} `json:"data"`
	}
	if err := json.Unmarshal(resp.Body, &page); err != nil {
		return false, err
	}
	want := v.cfg.RequireOrg
	for _, m := range page.Data {
		if m.Organization.ID != want.Org && m.Organization.Slug != want.Org {
			continue
		}
		if want.Role == "" || m.Role == want.Role || m.Role == "org:"+want.Role {
			return true, nil
		}
	}
	return false, nil
}

// scopeFor lists the scopes a client should ask for to reach level l: the
// named level and those below it, so a client that replaces its scopes
// with the challenge's keeps what it had.
func (v *Verifier) scopeFor(l Level) string {
	return strings.Join(v.cfg.Scopes.List()[:max(int(l), 1)], " ")
}

// Authorize checks a JSON-RPC body (one message or a batch) against the
// caller's level: a tools/call of an operation beyond it, by its own tool
// or through call_operation, is a 403 insufficient_scope naming the scopes
// to ask for. Bodies are already read and bounded by the hosting layer; a
// body that does not mention tools/call (or escapes characters, which
// could spell it) is not decoded at all.
func (v *Verifier) Authorize(id *Identity, body []byte) *Error {
	if !bytes.Contains(body, []byte("tools/call")) && bytes.IndexByte(body, '\\') < 0 {
		return nil
	}
	var msgs []rpcCall
	if t := bytes.TrimLeft(body, " \t\r\n"); len(t) > 0 && t[0] == '[' {
		if json.Unmarshal(body, &msgs) != nil {
			return nil // mcp-go answers the parse error
		}
	} else {
		var m rpcCall
		if json.Unmarshal(body, &m) != nil {
			return nil
		}
		msgs = []rpcCall{m}
	}
	for _, m := range msgs {
		if m.Method != "tools/call" {
			continue
		}
		name := m.Params.Name
		if name == "call_operation" {
			name = m.Params.Arguments.Name
		}
		op, ok := clerkapi.Lookup(name)
		if !ok {
			continue // a discovery tool, or no such tool: mcp-go answers
		}
		if need := Needs(op); id.Level < need {
			return &Error{Status: http.StatusForbidden, Code: "insufficient_scope", Scope: v.scopeFor(need), Op: op,
				Description: name + " needs the scope " + v.cfg.Scopes.List()[need-1]}
		}
	}
	return nil
}

type rpcCall struct {
	Method string `json:"method"`
	Params struct {
		Name      string `json:"name"`
		Arguments struct {
			Name string `json:"name"`
		} `json:"arguments"`
	} `json:"params"`
}

// cache is a bounded map of verdicts by hash: fresh until one time, usable
// through an outage until another.
type cache[T any] struct {
	mu sync.Mutex
	m  map[[32]byte]entry[T]
}

type entry[T any] struct {
	v            T
	fresh, valid time.Time
}

// get returns the entry's value, whether it is fresh, and whether it is
// still valid (usable when the source cannot be reached).
func (c *cache[T]) get(k [32]byte, now time.Time) (T, bool, bool) {
	c.mu.Lock()
	e, ok := c.m[k]
	c.mu.Unlock()
	if !ok || !now.Before(e.valid) {
		var zero T
		return zero, false, false
	}
	return e.v, now.Before(e.fresh), true
}

func (c *cache[T]) put(k [32]byte, v T, now, fresh, valid time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[[32]byte]entry[T]{}
	}
	if len(c.m) >= maxCached {
		for k, e := range c.m {
			if !now.Before(e.valid) {
				delete(c.m, k)
			}
		}
		for k := range c.m { // still full: forget arbitrary entries
			if len(c.m) < maxCached*9/10 {
				break
			}
			delete(c.m, k)
		}
	}
	c.m[k] = entry[T]{v, fresh, valid}
}
