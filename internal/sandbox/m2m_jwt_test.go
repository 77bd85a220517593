package sandbox

import (
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// TestM2MJWTVerifiesWithAnIndependentLibrary: token_format "jwt" mints an
// RS256 JWT that golang-jwt verifies against the served JWKS, with Clerk's
// M2M claims (iss, sub = machine, jti = token ID, aud/scopes = the machines
// it may reach, exp from the lifetime) and the custom claims;
// verify_m2m_token accepts it, also with a scoped machine's key.
func TestM2MJWTVerifiesWithAnIndependentLibrary(t *testing.T) {
	e := newEnv(t)
	a := e.ok("create_machine", args(t, `{"name":"api"}`))
	b := e.ok("create_machine", args(t, `{"name":"worker","scoped_machines":["`+str(a, "id")+`"]}`))
	tok := e.ok("create_m2m_token", args(t, `{"machine_secret_key":"`+str(b, "secret_key")+`","token_format":"jwt","seconds_until_expiration":60,"claims":{"role":"reader"}}`))
	raw := str(tok, "token")
	kid, pub := jwksKey(t, e)

	claims := jwt.MapClaims{}
	parsed, err := jwt.ParseWithClaims(raw, claims, func(tk *jwt.Token) (any, error) {
		if tk.Header["kid"] != kid {
			t.Errorf("kid %v, JWKS has %s", tk.Header["kid"], kid)
		}
		return pub, nil
	}, jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer("https://"+frontendHost), jwt.WithAudience(str(a, "id")),
		jwt.WithTimeFunc(func() time.Time { return BaseTime.Add(30 * time.Second) })) // within the token's minute
	if err != nil || !parsed.Valid {
		t.Fatalf("golang-jwt refuses the M2M JWT: %v", err)
	}
	if claims["sub"] != str(b, "id") || claims["jti"] != str(tok, "id") || claims["role"] != "reader" || claims["scopes"] != str(a, "id") {
		t.Errorf("claims %v", claims)
	}
	if exp, iat := claims["exp"].(float64), claims["iat"].(float64); exp-iat != 60 {
		t.Errorf("exp-iat = %v, want 60", exp-iat)
	}
	// The create answer describes the same token.
	if exp := tok["expiration"]; exp == nil {
		t.Error("no expiration in the create answer")
	}

	v := e.ok("verify_m2m_token", args(t, `{"token":"`+raw+`"}`))
	if str(v, "id") != str(tok, "id") || str(v, "subject") != str(b, "id") {
		t.Errorf("verify %v", v)
	}
	if c, _ := v["claims"].(map[string]any); c["role"] != "reader" || c["sub"] != nil {
		t.Errorf("verify claims %v: want the custom claims only", v["claims"])
	}
	if _, has := v["token"]; has {
		t.Error("verify echoes the token")
	}
	// With a machine key: the machine the token may reach verifies it;
	// another machine's key finds nothing.
	if code, body := hit(t, e.s, "POST", "/m2m_tokens/verify", `{"token":"`+raw+`"}`, str(a, "secret_key")); code != 200 {
		t.Errorf("verify with the reached machine's key: %d %s", code, body)
	}
	other := e.ok("create_machine", args(t, `{"name":"other"}`))
	if code, body := hit(t, e.s, "POST", "/m2m_tokens/verify", `{"token":"`+raw+`"}`, str(other, "secret_key")); code != 404 {
		t.Errorf("verify with an unrelated machine's key: %d %s", code, body)
	}

	// Stateless, as in Clerk: not listed, not revocable.
	list := e.ok("list_m2m_tokens", args(t, `{"subject":"`+str(b, "id")+`"}`))
	if n := len(list["m2m_tokens"].([]any)); n != 0 {
		t.Errorf("list_m2m_tokens lists %d JWT tokens, want 0", n)
	}
	e.fails("revoke_m2m_token", args(t, `{"m2m_token_id":"`+str(tok, "id")+`"}`), 404, "resource_not_found")
}

// TestM2MJWTRefusals: what a confused caller or an attacker sends is
// refused and names the field or the reason, and mints nothing.
func TestM2MJWTRefusals(t *testing.T) {
	e := newEnv(t)
	m := e.ok("create_machine", args(t, `{"name":"m","default_token_ttl":5}`))
	key := str(m, "secret_key")
	for _, tc := range []struct {
		body, field string
		status      int // the door answers 400 for this operation (its spec documents no 422)
	}{
		{`"claims":{"sub":"mch_evil"}`, "claims", 422},
		{`"claims":{"exp":99999999999}`, "claims", 422},
		{`"claims":"role=admin"`, "claims", 400},
		{`"min_remaining_ttl_seconds":1`, "min_remaining_ttl_seconds", 422},
	} {
		ae := e.fails("create_m2m_token", args(t, `{"machine_secret_key":"`+key+`","token_format":"jwt",`+tc.body+`}`), tc.status, "form_param_format_invalid")
		if !strings.Contains(ae.Error(), tc.field) {
			t.Errorf("%s: refusal does not name %s: %v", tc.body, tc.field, ae)
		}
	}
	// The instance key is not a machine key: no JWT is minted with it.
	e.fails("create_m2m_token", args(t, `{"machine_secret_key":"`+SecretKey+`","token_format":"jwt"}`), 401, "authentication_invalid")
	seq := e.s.seq["#m2m token id"]

	tok := str(e.ok("create_m2m_token", args(t, `{"machine_secret_key":"`+key+`","token_format":"jwt"}`)), "token")
	if e.s.seq["#m2m token id"] != seq+1 {
		t.Errorf("refused calls minted tokens")
	}
	parts := strings.Split(tok, ".")
	// A changed payload, an unsigned token, and a token with a foreign kid.
	var payload map[string]any
	pb, _ := base64.RawURLEncoding.DecodeString(parts[1])
	_ = json.Unmarshal(pb, &payload)
	payload["sub"] = "mch_someone_else"
	forged, _ := json.Marshal(payload)
	none := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`))
	for name, bad := range map[string]string{
		"forged payload": parts[0] + "." + base64.RawURLEncoding.EncodeToString(forged) + "." + parts[2],
		"alg none":       none + "." + parts[1] + ".",
		"bad signature":  parts[0] + "." + parts[1] + "." + base64.RawURLEncoding.EncodeToString([]byte("nope")),
	} {
		ae := e.fails("verify_m2m_token", args(t, `{"token":"`+bad+`"}`), 400, "token_invalid")
		if !strings.Contains(ae.Error(), "signed by this instance") {
			t.Errorf("%s: %v", name, ae)
		}
	}
	// A session token is a JWT of this instance, but not an M2M token.
	var sid string
	for _, ss := range e.s.sessions.all() {
		if ss.Status == "active" && sid == "" {
			sid = ss.ID
		}
	}
	st := str(e.ok("create_session_token", args(t, `{"session_id":"`+sid+`"}`)), "jwt")
	e.fails("verify_m2m_token", args(t, `{"token":"`+st+`"}`), 400, "token_invalid")
	// Expiry: the machine's 5 s default lifetime runs out as the clock moves.
	for range 6 {
		e.ok("get_machine", args(t, `{"machine_id":"`+str(m, "id")+`"}`))
	}
	if ae := e.fails("verify_m2m_token", args(t, `{"token":"`+tok+`"}`), 400, "token_invalid"); !strings.Contains(ae.Error(), "expired") {
		t.Errorf("expired JWT: %v", ae)
	}
	if !slices.Contains(m2mReservedClaims, "jti") {
		t.Error("jti must be reserved")
	}
}
