package sandbox

import (
	"context"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

func init() {
	schemaCases = append(schemaCases,
		schemaCase{"create_session_token", func(e *env, _ map[string]map[string]any) string {
			return `{"session_id":"` + e.activeSession("ada") + `","expires_in_seconds":120}`
		}},
		schemaCase{"create_jwt_template", fixed(`{"name":"schema-rs","claims":{"email":"{{user.primary_email_address}}","org":"{{org.slug}}"}}`)},
		schemaCase{"create_session_token_from_template", func(e *env, _ map[string]map[string]any) string {
			return `{"session_id":"` + e.activeSession("ada") + `","template_name":"schema-rs"}`
		}},
		schemaCase{"refresh_session", func(e *env, got map[string]map[string]any) string {
			return `{"session_id":"` + e.activeSession("ada") + `","expired_token":"` + str(got["create_session_token"], "jwt") +
				`","refresh_token":"r","request_origin":"http://localhost:3000"}`
		}},
		schemaCase{"list_clients", fixed(`{"limit":3}`)},
		schemaCase{"get_client", func(e *env, _ map[string]map[string]any) string { return `{"client_id":"` + e.clientOf("ada") + `"}` }},
		schemaCase{"verify_client", func(e *env, _ map[string]map[string]any) string {
			return `{"token":"` + e.clientToken(e.clientOf("ada")) + `"}`
		}},
	)
}

// activeSession is the newest active session of a seeded user.
func (e *env) activeSession(identifier string) string {
	uid := e.userID(identifier)
	e.s.mu.Lock()
	defer e.s.mu.Unlock()
	id := ""
	for _, ss := range e.s.sessions.all() {
		if ss.UserID == uid && e.s.sessionStatus(ss) == "active" {
			id = ss.ID
		}
	}
	if id == "" {
		e.t.Fatalf("%s has no active session", identifier)
	}
	return id
}

func (e *env) clientOf(identifier string) string {
	sid := e.activeSession(identifier)
	e.s.mu.Lock()
	defer e.s.mu.Unlock()
	ss, _ := e.s.sessions.get(sid)
	return ss.ClientID
}

// clientToken signs a client token as the Frontend API would.
func (e *env) clientToken(clientID string) string {
	e.s.mu.Lock()
	defer e.s.mu.Unlock()
	return e.s.sign(map[string]any{"id": clientID, "rotating_token": "rt"})
}

// jwksKey reads the RSA public key get_jwks serves.
func jwksKey(t *testing.T, e *env) (string, *rsa.PublicKey) {
	t.Helper()
	resp, err := e.client.Do(context.Background(), op(t, "get_jwks"), args(t, `{}`))
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		Keys []struct{ Kid, Kty, Alg, N, E string }
	}
	if err := json.Unmarshal(resp.Body, &set); err != nil || len(set.Keys) != 1 {
		t.Fatalf("get_jwks: %v %s", err, resp.Body)
	}
	k := set.Keys[0]
	n, err1 := base64.RawURLEncoding.DecodeString(k.N)
	eb, err2 := base64.RawURLEncoding.DecodeString(k.E)
	if err1 != nil || err2 != nil || k.Kty != "RSA" || k.Alg != "RS256" {
		t.Fatalf("get_jwks key is not an RS256 RSA key: %s", resp.Body)
	}
	pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(eb).Int64())}
	if pub.N.BitLen() < 2048 {
		t.Fatalf("the served key has %d bits", pub.N.BitLen())
	}
	return k.Kid, pub
}

// verifyJWT checks a token with golang-jwt against the served key, at the
// sandbox's own time.
func verifyJWT(t *testing.T, e *env, token string) jwt.MapClaims {
	t.Helper()
	kid, pub := jwksKey(t, e)
	e.s.mu.Lock()
	now := time.UnixMilli(e.s.now)
	e.s.mu.Unlock()
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(tok *jwt.Token) (any, error) {
		if tok.Header["kid"] != kid {
			t.Errorf("token kid %v, JWKS kid %s", tok.Header["kid"], kid)
		}
		return pub, nil
	}, jwt.WithValidMethods([]string{"RS256"}), jwt.WithTimeFunc(func() time.Time { return now }),
		jwt.WithIssuer("https://"+frontendHost), jwt.WithExpirationRequired(), jwt.WithIssuedAt())
	if err != nil {
		t.Fatalf("golang-jwt rejects the sandbox's token: %v", err)
	}
	return claims
}

// TestSessionTokensVerifyAgainstJWKS checks session and template tokens with
// an independent JWT library against the key get_jwks serves.
func TestSessionTokensVerifyAgainstJWKS(t *testing.T) {
	e := newEnv(t)
	sid := e.activeSession("ada")
	tok := e.ok("create_session_token", args(t, `{"session_id":"`+sid+`","expires_in_seconds":300}`))
	claims := verifyJWT(t, e, str(tok, "jwt"))
	if claims["sid"] != sid || claims["sub"] != e.userID("ada") || claims["v"] != float64(2) {
		t.Errorf("session token claims: %v", claims)
	}
	if exp, iat := claims["exp"].(float64), claims["iat"].(float64); exp-iat != 300 {
		t.Errorf("expires_in_seconds 300 gave a token living %v s", exp-iat)
	}
	if o, _ := claims["o"].(map[string]any); o == nil || o["slg"] != "globex" || o["rol"] != "member" {
		t.Errorf("the active organization is missing from the token: %v", claims["o"])
	}
	// A token from another key, or tampered with, fails the same check.
	parts := strings.Split(str(tok, "jwt"), ".")
	if _, err := jwt.Parse(parts[0]+"."+parts[1]+"x."+parts[2], func(*jwt.Token) (any, error) { _, k := jwksKey(t, e); return k, nil },
		jwt.WithoutClaimsValidation()); err == nil {
		t.Error("a tampered token verifies")
	}

	e.ok("create_jwt_template", args(t, `{"name":"app","lifetime":90,"allowed_clock_skew":7,"claims":{"email":"{{user.primary_email_address}}","plan":"{{user.public_metadata.plan}}","org":"{{org.slug}}","who":"{{user.first_name}} {{user.last_name}}","none":"{{user.external_id}}"}}`))
	tt := e.ok("create_session_token_from_template", args(t, `{"session_id":"`+sid+`","template_name":"app"}`))
	tc := verifyJWT(t, e, str(tt, "jwt"))
	want := map[string]any{"email": "ada@acme.example.com", "plan": "enterprise", "org": "globex", "who": "Ada Lovelace", "none": nil}
	for k, v := range want {
		if tc[k] != v {
			t.Errorf("template claim %s = %v, want %v", k, tc[k], v)
		}
	}
	if tc["exp"].(float64)-tc["iat"].(float64) != 90 || tc["iat"].(float64)-tc["nbf"].(float64) != 7 {
		t.Errorf("template lifetime/skew not applied: %v", tc)
	}

	// Mistakes: a missing template, a lifetime below 30 s, an ended session,
	// a template with a custom key the sandbox cannot sign with.
	e.fails("create_session_token_from_template", args(t, `{"session_id":"`+sid+`","template_name":"nope"}`), 404, "resource_not_found")
	if ae := e.fails("create_session_token", args(t, `{"session_id":"`+sid+`","expires_in_seconds":29}`), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "expires_in_seconds") {
		t.Errorf("error does not name expires_in_seconds: %v", ae)
	}
	ended := first(e, &e.s.sessions, func(ss *clerkapi.Session) string { return ss.ID }, func(ss *clerkapi.Session) bool { return ss.Status == "ended" })
	e.fails("create_session_token", args(t, `{"session_id":"`+ended+`"}`), 404, "resource_not_found")
	e.fails("create_session_token_from_template", args(t, `{"session_id":"`+sid+`","template_name":"supabase"}`), 400, "custom_signing_key_unavailable")

	// refresh: the expired token must be ours and for this session.
	rf := e.ok("refresh_session", args(t, `{"session_id":"`+sid+`","expired_token":"`+str(tok, "jwt")+`","refresh_token":"r","request_origin":"http://localhost:3000"}`))
	verifyJWT(t, e, str(rf, "jwt"))
	other := e.activeSession("grace")
	e.fails("refresh_session", args(t, `{"session_id":"`+other+`","expired_token":"`+str(tok, "jwt")+`","refresh_token":"r","request_origin":"http://localhost:3000"}`), 401, "authentication_invalid")
	e.fails("refresh_session", args(t, `{"session_id":"`+sid+`","expired_token":"a.b.c","refresh_token":"r","request_origin":"http://localhost:3000"}`), 401, "authentication_invalid")
	ck := e.ok("refresh_session", args(t, `{"session_id":"`+sid+`","expired_token":"`+str(tok, "jwt")+`","refresh_token":"r","request_origin":"http://localhost:3000","format":"cookie"}`))
	if str(ck, "object") != "cookies" {
		t.Errorf("format cookie: %v", ck)
	}
}

func TestClients(t *testing.T) {
	e := newEnv(t)
	cid := e.clientOf("ada")
	cl := e.ok("get_client", args(t, `{"client_id":"`+cid+`"}`))
	if len(cl["sessions"].([]any)) == 0 || str(cl, "last_active_session_id") == "" {
		t.Errorf("get_client: %v", cl)
	}
	e.fails("get_client", args(t, `{"client_id":"client_missing"}`), 404, "resource_not_found")
	all := e.ok("list_clients", args(t, `{"limit":2}`))
	if len(items(all)) != 2 || count(all) < 5 {
		t.Errorf("list_clients: %v", all)
	}
	v := e.ok("verify_client", args(t, `{"token":"`+e.clientToken(cid)+`"}`))
	if str(v, "id") != cid {
		t.Errorf("verify_client: %v", v)
	}
	e.fails("verify_client", args(t, `{"token":"not-a-jwt"}`), 400, "client_token_invalid")
}

// TestSigningKeyIsMadeOnFirstUse checks that a new sandbox makes no key
// (start-up pays nothing) and that the key, once made, stays the same. (The
// roles are built with the seed, whose invitations name them.)
func TestSigningKeyIsMadeOnFirstUse(t *testing.T) {
	e := newEnv(t)
	e.s.mu.Lock()
	made := e.s.signer != nil || e.s.messages != nil || e.s.creds != nil
	e.s.mu.Unlock()
	if made {
		t.Fatal("New built the signing key, templates or credentials; they must wait for first use")
	}
	kid1, k1 := jwksKey(t, e)
	kid2, k2 := jwksKey(t, e)
	if kid1 != kid2 || k1.N.Cmp(k2.N) != 0 {
		t.Error("the served key changed between calls")
	}
}
