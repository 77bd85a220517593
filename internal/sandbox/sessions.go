package sandbox

import (
	"cmp"
	"encoding/json"
	"net/url"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

var sessionStatuses = []string{"abandoned", "active", "ended", "expired", "removed", "replaced", "revoked"}

// sessionStatus is the session's status now: an active session past its
// expiry reads as expired.
func (s *Sandbox) sessionStatus(ss *clerkapi.Session) string {
	if ss.Status == "active" && ss.ExpireAt <= s.now {
		return "expired"
	}
	return ss.Status
}

func (s *Sandbox) sessionView(ss *clerkapi.Session) clerkapi.Session {
	v := *ss
	v.Status = s.sessionStatus(ss)
	return v
}

func (s *Sandbox) findSession(id string) (*clerkapi.Session, error) {
	return s.sessions.find("session", id)
}

func (s *Sandbox) listSessions(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	userID, _ := c.str("user_id")
	clientID, _ := c.str("client_id")
	if userID == "" && clientID == "" {
		e := errParamMissing("user_id")
		e.long = "Provide user_id or client_id to list sessions."
		return nil, e
	}
	status, _ := c.str("status")
	if status != "" && !slices.Contains(sessionStatuses, status) {
		return nil, errParamInvalid("status", "status must be one of abandoned, active, ended, expired, removed, replaced, revoked.")
	}
	out := []clerkapi.Session{}
	for _, ss := range s.sessions.all() {
		if (userID == "" || ss.UserID == userID) && (clientID == "" || ss.ClientID == clientID) && (status == "" || s.sessionStatus(ss) == status) {
			out = append(out, s.sessionView(ss))
		}
	}
	slices.SortStableFunc(out, func(a, b clerkapi.Session) int { return cmp.Compare(b.CreatedAt, a.CreatedAt) })
	return legacyList(c, out, limit, offset), nil
}

func (s *Sandbox) getSession(c *call) (any, error) {
	ss, err := s.findSession(c.path["session_id"])
	if err != nil {
		return nil, err
	}
	return s.sessionView(ss), nil
}

func (s *Sandbox) revokeSession(c *call) (any, error) {
	ss, err := s.findSession(c.path["session_id"])
	if err != nil {
		return nil, err
	}
	if st := s.sessionStatus(ss); st != "active" {
		return nil, errBadRequest("session_not_active", "session is not active",
			"Only active sessions can be revoked; session "+ss.ID+" is "+st+".")
	}
	now := s.tick()
	ss.Status = "revoked"
	ss.UpdatedAt = now
	return s.sessionView(ss), nil
}

func (s *Sandbox) createSession(c *call) (any, error) {
	var req clerkapi.CreateSessionRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("user_id", req.UserID); err != nil {
		return nil, err
	}
	u, err := s.findUser(req.UserID)
	if err != nil {
		return nil, err
	}
	if req.ActiveOrganizationID != nil && *req.ActiveOrganizationID != "" {
		o, err := s.findOrg(*req.ActiveOrganizationID)
		if err != nil {
			return nil, err
		}
		if s.membershipOf(o.ID, u.ID) == nil {
			return nil, errParamInvalid("active_organization_id", "The user is not a member of organization "+o.ID+".")
		}
		req.ActiveOrganizationID = &o.ID
	}
	if u.Banned {
		return nil, &apiError{status: 403, code: "user_banned", message: "user is banned", long: "User " + u.ID + " is banned and cannot sign in."}
	}
	now := s.tick()
	ss := s.addSession(u, s.newID("client"), "active", req.ActiveOrganizationID, nil, now, now)
	u.LastSignInAt, u.LastActiveAt = &now, &now
	return s.sessionView(ss), nil
}

// addSession stores a session created at the given time.
func (s *Sandbox) addSession(u *user, clientID, status string, org *string, activity *clerkapi.SessionActivityResponse, created, updated int64) *clerkapi.Session {
	ss := &clerkapi.Session{
		Object: "session", ID: s.newID("sess"), UserID: u.ID, ClientID: clientID, Status: status,
		LastActiveOrganizationID: org, LastActiveAt: updated, LatestActivity: activity,
		ExpireAt: created + 7*24*3600*1000, AbandonAt: created + 30*24*3600*1000,
		CreatedAt: created, UpdatedAt: updated,
	}
	return s.sessions.add(ss.ID, ss)
}

// sessionsHandlers are the handlers of the operations in clerkapi/sessions.go.
var sessionsHandlers = map[string]handlerFunc{
	"list_sessions":                      (*Sandbox).listSessions,
	"create_session":                     (*Sandbox).createSession,
	"get_session":                        (*Sandbox).getSession,
	"refresh_session":                    (*Sandbox).refreshSession,
	"revoke_session":                     (*Sandbox).revokeSession,
	"create_session_token":               (*Sandbox).createSessionToken,
	"create_session_token_from_template": (*Sandbox).createTemplateToken,
}

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
