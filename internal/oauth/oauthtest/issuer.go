// Package oauthtest is a test authorization server on 127.0.0.1: RFC 8414
// (or only OpenID Connect) metadata and a JWKS with RSA and EC keys that can
// rotate, and helpers that sign access tokens — good and deliberately bad.
package oauthtest

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/golang-jwt/jwt/v5"
)

// Key is a signing key with its id and algorithm.
type Key struct {
	ID  string
	Alg string
	Key crypto.Signer
}

// Issuer is the test authorization server.
type Issuer struct {
	*httptest.Server
	// JWKSFetches and MetadataFetches count requests.
	JWKSFetches, MetadataFetches atomic.Int32
	// OIDCOnly serves only /.well-known/openid-configuration.
	OIDCOnly atomic.Bool
	// Down makes every request fail with 503.
	Down atomic.Bool

	// Subject is who /oauth/authorize signs in (headless: no page, no
	// password); default user_oauth.
	Subject string

	mu      sync.Mutex
	keys    []Key               // published
	clients map[string][]string // registered client id -> redirect URIs
	codes   map[string]grant    // authorization code -> what it grants
	RSA     Key
	EC      Key
}

// grant is what an authorization code was issued for.
type grant struct {
	client, redirect, challenge, scope, resource, subject string
}

// NewIssuer starts an issuer with one RSA (RS256) and one EC (ES256) key.
func NewIssuer() *Issuer {
	i := &Issuer{RSA: NewRSAKey("rsa-1"), EC: NewECKey("ec-1"), Subject: "user_oauth",
		clients: map[string][]string{}, codes: map[string]grant{}}
	i.keys = []Key{i.RSA, i.EC}
	i.Server = httptest.NewServer(http.HandlerFunc(i.serve))
	return i
}

// NewRSAKey makes a 2048-bit RS256 key.
func NewRSAKey(id string) Key {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return Key{ID: id, Alg: "RS256", Key: k}
}

// NewECKey makes a P-256 ES256 key.
func NewECKey(id string) Key {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		panic(err)
	}
	return Key{ID: id, Alg: "ES256", Key: k}
}

// Publish replaces the published keys (a rotation).
func (i *Issuer) Publish(keys ...Key) {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.keys = keys
}

func (i *Issuer) serve(w http.ResponseWriter, r *http.Request) {
	if i.Down.Load() {
		http.Error(w, "down", http.StatusServiceUnavailable)
		return
	}
	meta := map[string]any{
		"issuer":                                i.URL,
		"authorization_endpoint":                i.URL + "/oauth/authorize",
		"token_endpoint":                        i.URL + "/oauth/token",
		"registration_endpoint":                 i.URL + "/oauth/register",
		"jwks_uri":                              i.URL + "/.well-known/jwks.json",
		"response_types_supported":              []string{"code"},
		"grant_types_supported":                 []string{"authorization_code", "refresh_token"},
		"code_challenge_methods_supported":      []string{"S256"},
		"token_endpoint_auth_methods_supported": []string{"none", "client_secret_basic"},
		"scopes_supported":                      []string{"clerk:read", "clerk:write", "clerk:admin"},
	}
	switch r.URL.Path {
	case "/.well-known/oauth-authorization-server":
		i.MetadataFetches.Add(1)
		if i.OIDCOnly.Load() {
			http.NotFound(w, r)
			return
		}
		writeJSON(w, meta)
	case "/.well-known/openid-configuration":
		i.MetadataFetches.Add(1)
		writeJSON(w, meta)
	case "/.well-known/jwks.json":
		i.JWKSFetches.Add(1)
		i.mu.Lock()
		var set jose.JSONWebKeySet
		for _, k := range i.keys {
			set.Keys = append(set.Keys, jose.JSONWebKey{Key: k.Key.Public(), KeyID: k.ID, Algorithm: k.Alg, Use: "sig"})
		}
		i.mu.Unlock()
		writeJSON(w, set)
	case "/oauth/register":
		i.register(w, r)
	case "/oauth/authorize":
		i.authorize(w, r)
	case "/oauth/token":
		i.token(w, r)
	default:
		http.NotFound(w, r)
	}
}

// register is dynamic client registration (RFC 7591) for public clients.
func (i *Issuer) register(w http.ResponseWriter, r *http.Request) {
	var in struct {
		RedirectURIs []string `json:"redirect_uris"`
	}
	if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&in) != nil || len(in.RedirectURIs) == 0 {
		oauthError(w, "invalid_client_metadata")
		return
	}
	i.mu.Lock()
	id := "client_" + rand.Text()[:12]
	i.clients[id] = in.RedirectURIs
	i.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	writeJSON(w, map[string]any{"client_id": id, "redirect_uris": in.RedirectURIs, "token_endpoint_auth_method": "none"})
}

// authorize signs in Subject at once and redirects with a code; it needs
// PKCE S256 and a registered redirect URI.
func (i *Issuer) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	i.mu.Lock()
	defer i.mu.Unlock()
	uris := i.clients[q.Get("client_id")]
	if q.Get("response_type") != "code" || !slices.Contains(uris, q.Get("redirect_uri")) ||
		q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" {
		http.Error(w, "bad authorization request", http.StatusBadRequest)
		return
	}
	code := rand.Text()
	i.codes[code] = grant{client: q.Get("client_id"), redirect: q.Get("redirect_uri"), challenge: q.Get("code_challenge"),
		scope: q.Get("scope"), resource: q.Get("resource"), subject: i.Subject}
	u, _ := url.Parse(q.Get("redirect_uri"))
	back := u.Query()
	back.Set("code", code)
	back.Set("state", q.Get("state"))
	u.RawQuery = back.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// token exchanges a code (once) for an access token whose audience is the
// requested resource, after checking the PKCE verifier.
func (i *Issuer) token(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.ParseForm() != nil || r.PostForm.Get("grant_type") != "authorization_code" {
		oauthError(w, "unsupported_grant_type")
		return
	}
	i.mu.Lock()
	g, ok := i.codes[r.PostForm.Get("code")]
	delete(i.codes, r.PostForm.Get("code"))
	i.mu.Unlock()
	sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
	if !ok || g.client != r.PostForm.Get("client_id") || g.redirect != r.PostForm.Get("redirect_uri") ||
		base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge || (g.resource != "" && g.resource != r.PostForm.Get("resource")) {
		oauthError(w, "invalid_grant")
		return
	}
	tok := i.Token(i.RSA, Claims{Subject: g.subject, Audience: []string{g.resource}, Scope: g.scope, ClientID: g.client})
	writeJSON(w, map[string]any{"access_token": tok, "token_type": "Bearer", "expires_in": 3600, "scope": g.scope})
}

func oauthError(w http.ResponseWriter, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusBadRequest)
	writeJSON(w, map[string]string{"error": code})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// Claims are an access token's claims; Token fills iss, iat and exp when
// they are left zero.
type Claims struct {
	Issuer    string
	Subject   string
	Audience  []string
	Scope     string
	ClientID  string
	ExpiresAt time.Time
	NotBefore time.Time
}

// Token signs claims with key.
func (i *Issuer) Token(key Key, c Claims) string {
	now := time.Now()
	if c.Issuer == "" {
		c.Issuer = i.URL
	}
	if c.ExpiresAt.IsZero() {
		c.ExpiresAt = now.Add(time.Hour)
	}
	if c.ClientID == "" {
		c.ClientID = "client_test"
	}
	mc := jwt.MapClaims{"iss": c.Issuer, "sub": c.Subject, "aud": c.Audience, "scope": c.Scope,
		"client_id": c.ClientID, "iat": now.Unix(), "exp": c.ExpiresAt.Unix(), "jti": rand.Text()}
	if !c.NotBefore.IsZero() {
		mc["nbf"] = c.NotBefore.Unix()
	}
	t := jwt.NewWithClaims(jwt.GetSigningMethod(key.Alg), mc)
	t.Header["kid"] = key.ID
	t.Header["typ"] = "at+jwt"
	s, err := t.SignedString(key.Key)
	if err != nil {
		panic(err)
	}
	return s
}

// NoneToken is the claims with alg "none" and no signature.
func NoneToken(c jwt.MapClaims, kid string) string {
	t := jwt.NewWithClaims(jwt.SigningMethodNone, c)
	t.Header["kid"] = kid
	s, err := t.SignedString(jwt.UnsafeAllowNoneSignatureType)
	if err != nil {
		panic(err)
	}
	return s
}

// HS256WithPublicKey is the classic confusion attack: an HMAC signature
// whose secret is the RSA key's public key, as published.
func HS256WithPublicKey(c jwt.MapClaims, k Key) string {
	pub, err := json.Marshal(jose.JSONWebKey{Key: k.Key.Public(), KeyID: k.ID})
	if err != nil {
		panic(err)
	}
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, c)
	t.Header["kid"] = k.ID
	s, err := t.SignedString(pub)
	if err != nil {
		panic(err)
	}
	return s
}
