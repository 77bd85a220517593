package sandbox

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Session tokens, JWT-template tokens and clients. Tokens are RS256 JWTs
// signed with the instance key get_jwks serves: an RSA key made on first
// use (so a sandbox that mints nothing never pays for it), one per sandbox.

// signingHandlers are the handlers of the operations in clerkapi/signing.go.
var signingHandlers = map[string]handlerFunc{
	"refresh_session":                    (*Sandbox).refreshSession,
	"create_session_token":               (*Sandbox).createSessionToken,
	"create_session_token_from_template": (*Sandbox).createTemplateToken,
}

// signer is the instance's signing key and its key ID.
type signer struct {
	key *rsa.PrivateKey
	kid string
}

// WithSigningKey makes the sandbox sign with key instead of a key of its
// own, so tests skip generating one.
func WithSigningKey(key *rsa.PrivateKey) Option {
	return func(s *Sandbox) { s.signer = &signer{key: key, kid: "ins_" + idBody("signing key", 1)} }
}

// signingKey returns the instance key, generating it on first use.
func (s *Sandbox) signingKey() *signer {
	if s.signer == nil {
		key, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic("sandbox: generating the signing key: " + err.Error())
		}
		s.signer = &signer{key: key, kid: "ins_" + idBody("signing key", 1)}
	}
	return s.signer
}

var b64 = base64.RawURLEncoding

// sign encodes claims as a compact RS256 JWS.
func (s *Sandbox) sign(claims map[string]any) string { return s.signTyped("JWT", claims) }

// signTyped is sign with the header's typ (at+jwt for OAuth access tokens,
// RFC 9068).
func (s *Sandbox) signTyped(typ string, claims map[string]any) string {
	k := s.signingKey()
	h, _ := json.Marshal(map[string]string{"alg": "RS256", "kid": k.kid, "typ": typ})
	p, _ := json.Marshal(claims)
	in := b64.EncodeToString(h) + "." + b64.EncodeToString(p)
	sum := sha256.Sum256([]byte(in))
	sig, err := rsa.SignPKCS1v15(nil, k.key, crypto.SHA256, sum[:])
	if err != nil {
		panic("sandbox: signing: " + err.Error())
	}
	return in + "." + b64.EncodeToString(sig)
}

// parseOwnJWT checks that token is an RS256 JWT this sandbox signed and
// returns its claims; it does not check times.
func (s *Sandbox) parseOwnJWT(token string) (map[string]any, bool) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, false
	}
	var h struct{ Alg, Kid string }
	hb, err1 := b64.DecodeString(parts[0])
	pb, err2 := b64.DecodeString(parts[1])
	sig, err3 := b64.DecodeString(parts[2])
	if err1 != nil || err2 != nil || err3 != nil || json.Unmarshal(hb, &h) != nil || h.Alg != "RS256" {
		return nil, false
	}
	k := s.signingKey()
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if h.Kid != k.kid || rsa.VerifyPKCS1v15(&k.key.PublicKey, crypto.SHA256, sum[:], sig) != nil {
		return nil, false
	}
	var claims map[string]any
	if json.Unmarshal(pb, &claims) != nil {
		return nil, false
	}
	return claims, true
}

// ---- session tokens ----

type tokenJSON struct {
	Object string `json:"object"`
	JWT    string `json:"jwt"`
}

type tokenRequest struct {
	ExpiresInSeconds *int64 `json:"expires_in_seconds,omitempty"`
}

// tokenSession finds an active session and reads the token lifetime.
func (s *Sandbox) tokenSession(c *call, def int64) (*clerkapi.Session, int64, error) {
	var req tokenRequest
	if err := c.bind(&req); err != nil {
		return nil, 0, err
	}
	if v := req.ExpiresInSeconds; v != nil && (*v < 30 || *v > 315360000) {
		return nil, 0, errParamInvalid("expires_in_seconds", "expires_in_seconds must be between 30 and 315360000.")
	}
	ss, err := s.findSession(c.path["session_id"])
	if err != nil {
		return nil, 0, err
	}
	if st := s.sessionStatus(ss); st != "active" {
		return nil, 0, errNotFound("active session", ss.ID+" ("+st+")")
	}
	if req.ExpiresInSeconds != nil {
		def = *req.ExpiresInSeconds
	}
	return ss, def, nil
}

// sessionClaims are the claims of a version 2 Clerk session token.
func (s *Sandbox) sessionClaims(ss *clerkapi.Session, iat, ttl int64) map[string]any {
	claims := map[string]any{
		"iss": "https://" + frontendHost, "sub": ss.UserID, "sid": ss.ID, "v": 2,
		"iat": iat, "nbf": iat - 10, "exp": iat + ttl, "fva": []int64{0, -1}, "sts": "active",
	}
	if len(s.instance.AllowedOrigins) > 0 {
		claims["azp"] = s.instance.AllowedOrigins[0]
	}
	if ss.Actor != nil {
		claims["act"] = ss.Actor
	}
	if ss.LastActiveOrganizationID != nil {
		if o, ok := s.orgs.get(*ss.LastActiveOrganizationID); ok {
			if m := s.membershipOf(o.ID, ss.UserID); m != nil {
				claims["o"] = map[string]any{"id": o.ID, "slg": o.Slug, "rol": strings.TrimPrefix(m.role, "org:")}
			}
		}
	}
	return claims
}

func (s *Sandbox) createSessionToken(c *call) (any, error) {
	ss, ttl, err := s.tokenSession(c, 60)
	if err != nil {
		return nil, err
	}
	iat := s.tick() / 1000
	return tokenJSON{Object: "token", JWT: s.sign(s.sessionClaims(ss, iat, ttl))}, nil
}

// createTemplateToken mints a token from a JWT template: its claims with the
// shortcodes ({{user.id}}, {{org.slug}}, ...) filled in, its lifetime and
// clock skew, and the standard claims Clerk adds.
func (s *Sandbox) createTemplateToken(c *call) (any, error) {
	name := c.path["template_name"]
	var tmpl *clerkapi.JWTTemplate
	for _, t := range s.templates.all() {
		if t.Name == name {
			tmpl = t
		}
	}
	if tmpl == nil {
		return nil, errNotFound("JWT template", name)
	}
	ss, ttl, err := s.tokenSession(c, tmpl.Lifetime)
	if err != nil {
		return nil, err
	}
	if tmpl.CustomSigningKey {
		return nil, errBadRequest("custom_signing_key_unavailable", "custom signing key not kept",
			"JWT template "+name+" signs with a custom key, which the sandbox does not keep; only templates signed with the instance key mint tokens here.")
	}
	u, err := s.findUser(ss.UserID)
	if err != nil {
		return nil, err
	}
	ctx := s.shortcodeContext(u, ss)
	claims, _ := fillShortcodes(deepCopy(tmpl.Claims), ctx).(map[string]any)
	if claims == nil {
		claims = map[string]any{}
	}
	iat := s.tick() / 1000
	s.seq["jti"]++
	for k, v := range map[string]any{"iss": "https://" + frontendHost, "sub": u.ID, "iat": iat,
		"nbf": iat - tmpl.AllowedClockSkew, "exp": iat + ttl, "jti": hashHex("jti", s.seq["jti"])[:20]} {
		claims[k] = v
	}
	if len(s.instance.AllowedOrigins) > 0 {
		claims["azp"] = s.instance.AllowedOrigins[0]
	}
	return tokenJSON{Object: "token", JWT: s.sign(claims)}, nil
}

// shortcodeContext is what template shortcodes read.
func (s *Sandbox) shortcodeContext(u *user, ss *clerkapi.Session) map[string]any {
	var full *string
	if n := strings.TrimSpace(deref(u.FirstName) + " " + deref(u.LastName)); n != "" {
		full = &n
	}
	emailVerified, phoneVerified := false, false
	for _, e := range u.EmailAddresses {
		emailVerified = emailVerified || (isPrimary(u.PrimaryEmailAddressID, e.ID) && verified(e.Verification))
	}
	for _, p := range u.PhoneNumbers {
		phoneVerified = phoneVerified || (isPrimary(u.PrimaryPhoneNumberID, p.ID) && verified(p.Verification))
	}
	userCtx := map[string]any{
		"id": u.ID, "external_id": u.ExternalID, "first_name": u.FirstName, "last_name": u.LastName, "full_name": full,
		"username": u.Username, "primary_email_address": nilIfEmpty(primaryEmail(u)), "primary_phone_number": nilIfEmpty(primaryPhone(u)),
		"image_url": u.ImageURL, "has_image": u.HasImage, "public_metadata": metadata(u.PublicMetadata),
		"unsafe_metadata": metadata(u.UnsafeMetadata), "created_at": u.CreatedAt / 1000, "updated_at": u.UpdatedAt / 1000,
		"two_factor_enabled": u.TwoFactorEnabled, "email_verified": emailVerified, "phone_number_verified": phoneVerified,
	}
	ctx := map[string]any{"user": userCtx, "session": map[string]any{"id": ss.ID, "actor": ss.Actor}}
	if ss.LastActiveOrganizationID != nil {
		if o, ok := s.orgs.get(*ss.LastActiveOrganizationID); ok {
			if m := s.membershipOf(o.ID, u.ID); m != nil {
				ctx["org"] = map[string]any{"id": o.ID, "name": o.Name, "slug": o.Slug, "image_url": o.ImageURL,
					"role": m.role, "public_metadata": metadata(o.PublicMetadata)}
			}
		}
	}
	return ctx
}

func nilIfEmpty(v string) *string {
	if v == "" {
		return nil
	}
	return &v
}

var shortcodeRE = lazyRegexp(`\{\{\s*([a-z_]+(?:\.[A-Za-z0-9_\-]+)+)\s*\}\}`)

// fillShortcodes replaces shortcodes in string values: a value that is one
// shortcode takes the value's JSON type (null when missing); shortcodes
// inside longer strings are interpolated as text.
func fillShortcodes(v any, ctx map[string]any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = fillShortcodes(e, ctx)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = fillShortcodes(e, ctx)
		}
		return x
	case string:
		if m := shortcodeRE().FindStringSubmatch(x); m != nil && m[0] == strings.TrimSpace(x) {
			return lookupPath(ctx, m[1])
		}
		return shortcodeRE().ReplaceAllStringFunc(x, func(code string) string {
			val := lookupPath(ctx, shortcodeRE().FindStringSubmatch(code)[1])
			if val == nil {
				return ""
			}
			if s, ok := val.(string); ok {
				return s
			}
			b, _ := json.Marshal(val)
			return string(b)
		})
	}
	return v
}

// lookupPath walks a dotted path through maps, dereferencing optional
// strings and int64s; anything missing is nil.
func lookupPath(ctx map[string]any, path string) any {
	var cur any = ctx
	for _, seg := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[seg]
	}
	switch p := cur.(type) {
	case *string:
		if p == nil {
			return nil
		}
		return *p
	case *int64:
		if p == nil {
			return nil
		}
		return *p
	}
	return cur
}

// refreshSession mints a new session token from the expired one: it must
// be a token this sandbox signed for the session (its expiry is not
// checked), and the session must still be active. Failures answer 401, which
// tells SDKs to fall back to the handshake.
func (s *Sandbox) refreshSession(c *call) (any, error) {
	var req clerkapi.RefreshSessionRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	for _, f := range []field[string]{{"expired_token", req.ExpiredToken}, {"refresh_token", req.RefreshToken}, {"request_origin", req.RequestOrigin}} {
		name, v := f.name, f.v
		if err := requireString(name, v); err != nil {
			return nil, err
		}
	}
	if u, err := url.Parse(req.RequestOrigin); err != nil || u.Scheme == "" || u.Host == "" {
		return nil, errParamInvalid("request_origin", "request_origin must be an origin such as https://example.com.")
	}
	format := "token"
	if req.Format != nil {
		format = *req.Format
		if format != "token" && format != "cookie" {
			return nil, errParamInvalid("format", "format must be token or cookie.")
		}
	}
	ss, err := s.findSession(c.path["session_id"])
	if err != nil {
		return nil, err
	}
	unauthorized := func(long string) error {
		return &apiError{status: 401, code: "authentication_invalid", message: "invalid session token", long: long, meta: map[string]any{"param_name": "expired_token"}}
	}
	claims, ok := s.parseOwnJWT(req.ExpiredToken)
	if !ok {
		return nil, unauthorized("expired_token is not a session token this instance signed.")
	}
	if claims["sid"] != ss.ID {
		return nil, unauthorized("expired_token belongs to another session, not " + ss.ID + ".")
	}
	if st := s.sessionStatus(ss); st != "active" {
		return nil, unauthorized("Session " + ss.ID + " is " + st + ", so it cannot be refreshed.")
	}
	iat := s.tick() / 1000
	jwt := s.sign(s.sessionClaims(ss, iat, 60))
	if format == "cookie" {
		return map[string]any{"object": "cookies", "cookies": []string{"__session=" + jwt + "; Path=/; Secure; SameSite=Lax"}}, nil
	}
	return tokenJSON{Object: "token", JWT: jwt}, nil
}

// ---- clients ----
