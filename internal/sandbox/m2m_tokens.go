package sandbox

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// m2mToken is a stored, opaque M2M token. JWT-format tokens (token_format
// "jwt") are stateless, as in Clerk: RS256 JWTs signed with the instance
// key get_jwks serves, never stored, listed or revoked, verified by their
// signature and expiry.
type m2mToken struct {
	clerkapi.M2MToken
	token string
}

func (s *Sandbox) m2mView(t *m2mToken) clerkapi.M2MToken {
	v := t.M2MToken
	v.Expired = t.Expiration != nil && int64(*t.Expiration) <= s.now
	v.Scopes = slices.Clone(t.Scopes)
	return v
}

// errMachineAuth is Clerk's answer to a machine-authenticated call without
// a valid machine secret key.
func errMachineAuth() *apiError {
	return &apiError{status: 401, code: "authentication_invalid", message: "Invalid authentication",
		long: "This endpoint must be authenticated with a valid machine secret key (ak_…); the key sent is not the current (or a still-valid rotated) secret key of any machine."}
}

func (s *Sandbox) createM2MToken(c *call) (any, error) {
	m := s.callingMachine(c)
	if m == nil {
		return nil, errMachineAuth()
	}
	var req clerkapi.CreateM2MTokenRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	jwt := false
	if req.TokenFormat != nil {
		switch *req.TokenFormat {
		case "opaque":
		case "jwt":
			jwt = true
		default:
			return nil, errParamInvalid("token_format", `token_format must be "opaque" or "jwt".`)
		}
	}
	lifetime := float64(m.DefaultTokenTTL)
	if req.SecondsUntilExpiration != nil {
		if v := *req.SecondsUntilExpiration; !(v > 0) || math.IsInf(v, 0) {
			return nil, errParamInvalid("seconds_until_expiration", "seconds_until_expiration must be greater than 0.")
		}
		lifetime = *req.SecondsUntilExpiration
	}
	var claims any
	if req.Claims != nil {
		claims = req.Claims
	}
	scopes := make([]string, 0, len(m.scopes))
	for _, sc := range m.scopes {
		scopes = append(scopes, sc.to)
	}
	mx := s.machineState()
	if jwt {
		return s.createM2MJWT(m, &req, claims, scopes, lifetime)
	}
	if req.MinRemainingTTLSeconds != nil {
		minTTL := *req.MinRemainingTTLSeconds
		if minTTL < 0 {
			return nil, errParamInvalid("min_remaining_ttl_seconds", "min_remaining_ttl_seconds must be at least 0.")
		}
		if float64(minTTL) >= lifetime {
			return nil, errBadRequest("form_param_value_invalid", "min_remaining_ttl_seconds is too large",
				"min_remaining_ttl_seconds ("+strconv.FormatInt(minTTL, 10)+") must be less than the token lifetime ("+strconv.FormatFloat(lifetime, 'f', -1, 64)+" seconds).")
		}
		for _, t := range slices.Backward(mx.tokens.all()) {
			v := s.m2mView(t)
			if v.Subject == m.ID && !v.Revoked && !v.Expired && v.Expiration != nil &&
				int64(*v.Expiration)-s.now >= minTTL*1000 && slices.Equal(v.Scopes, scopes) && sameJSON(v.Claims, claims) {
				return answer{status: 201, body: m2mCreated(v, t.token)}, nil
			}
		}
	}
	now := s.tick()
	exp := float64(now + int64(math.Round(lifetime*1000)))
	t := &m2mToken{M2MToken: clerkapi.M2MToken{
		Object: "machine_to_machine_token", ID: "mt_" + s.secretHex("m2m token id"), Subject: m.ID,
		Claims: claims, Scopes: scopes, Expiration: &exp, CreatedAt: float64(now), UpdatedAt: float64(now),
	}, token: "mt_" + s.secretHex("m2m token")}
	mx.tokens.add(t.ID, t)
	mx.byToken[t.token] = t.ID
	return answer{status: 201, body: m2mCreated(s.m2mView(t), t.token)}, nil
}

func m2mCreated(v clerkapi.M2MToken, token string) clerkapi.CreateM2MTokenResponse {
	return clerkapi.CreateM2MTokenResponse{
		Object: v.Object, ID: v.ID, Subject: v.Subject, Claims: v.Claims, Scopes: v.Scopes, Token: token,
		Revoked: v.Revoked, RevocationReason: v.RevocationReason, Expired: v.Expired, Expiration: v.Expiration,
		LastUsedAt: v.LastUsedAt, CreatedAt: v.CreatedAt, UpdatedAt: v.UpdatedAt,
	}
}

// sameJSON compares two claim values as JSON.
func sameJSON(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	var x, y any
	_ = json.Unmarshal(ja, &x)
	_ = json.Unmarshal(jb, &y)
	return reflect.DeepEqual(x, y)
}

func (s *Sandbox) listM2MTokens(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	subject, _ := c.str("subject")
	if subject == "" {
		return nil, errParamMissing("subject")
	}
	if _, err := s.findMachine(subject); err != nil {
		return nil, err
	}
	if m := s.callingMachine(c); m != nil && m.ID != subject {
		return nil, &apiError{status: 403, code: "authorization_invalid", message: "Unauthorized request",
			long: "A machine secret key can list only its own machine's tokens."}
	}
	revoked, err := c.boolParam("revoked")
	if err != nil {
		return nil, err
	}
	expired, err := c.boolParam("expired")
	if err != nil {
		return nil, err
	}
	out := []clerkapi.M2MToken{}
	for _, t := range slices.Backward(s.machineState().tokens.all()) {
		v := s.m2mView(t)
		if v.Subject == subject && v.Revoked == (revoked != nil && *revoked) && v.Expired == (expired != nil && *expired) {
			out = append(out, v)
		}
	}
	return clerkapi.ListM2MTokensResponse{M2MTokens: window(out, limit, offset), TotalCount: float64(len(out))}, nil
}

func (s *Sandbox) revokeM2MToken(c *call) (any, error) {
	var req clerkapi.RevokeM2MTokenRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	t, err := s.machineState().tokens.find("m2m token", c.path["m2m_token_id"])
	if err != nil {
		return nil, err
	}
	if t.Revoked {
		return nil, errBadRequest("token_already_revoked", "token is already revoked", "M2M token "+t.ID+" was already revoked.")
	}
	now := s.tick()
	t.Revoked, t.RevocationReason, t.UpdatedAt = true, req.RevocationReason, float64(now)
	return s.m2mView(t), nil
}

// verifyM2MToken answers a live token and records its use. Unknown tokens
// are 404; revoked and expired ones are refused with token_invalid. With a
// machine secret key, the token must be scoped to that machine.
func (s *Sandbox) verifyM2MToken(c *call) (any, error) {
	var req clerkapi.VerifyM2MTokenRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("token", req.Token); err != nil {
		return nil, err
	}
	mx := s.machineState()
	if strings.Count(req.Token, ".") == 2 && strings.HasPrefix(req.Token, "eyJ") {
		return s.verifyM2MJWT(c, req.Token)
	}
	id, ok := mx.byToken[req.Token]
	t, _ := mx.tokens.get(id)
	if !ok || t == nil {
		return nil, &apiError{status: 404, code: "resource_not_found", message: "not found", long: "No M2M token matches the token sent."}
	}
	if m := s.callingMachine(c); m != nil && !slices.Contains(t.Scopes, m.ID) {
		return nil, &apiError{status: 404, code: "resource_not_found", message: "not found",
			long: "No M2M token scoped to machine " + m.ID + " matches the token sent."}
	}
	if err := s.liveToken("M2M token", t.Revoked, t.Expiration); err != nil {
		return nil, err
	}
	now := float64(s.tick())
	t.LastUsedAt = &now
	return s.m2mView(t), nil
}

// liveToken refuses a revoked or expired token (expiration in Unix ms).
func (s *Sandbox) liveToken(kind string, revoked bool, expiration *float64) error {
	switch {
	case revoked:
		return errBadRequest("token_invalid", kind+" is revoked", "The "+kind+" was revoked and no longer verifies.")
	case expiration != nil && int64(*expiration) <= s.now:
		return errBadRequest("token_invalid", kind+" has expired", "The "+kind+" expired and no longer verifies.")
	}
	return nil
}

// m2mReservedClaims are the claims the sandbox sets in an M2M JWT; custom
// claims may not set them.
var m2mReservedClaims = []string{"iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scopes"}

// createM2MJWT mints a JWT-format M2M token: iss the instance's frontend
// API, sub the machine, jti the token ID, aud and scopes (space-separated)
// the machines it may reach, iat/nbf/exp in seconds, then the custom claims.
func (s *Sandbox) createM2MJWT(m *machine, req *clerkapi.CreateM2MTokenRequest, claims any, scopes []string, lifetime float64) (any, error) {
	if req.MinRemainingTTLSeconds != nil {
		return nil, errParamInvalid("min_remaining_ttl_seconds", "min_remaining_ttl_seconds reuses stored opaque tokens; JWT-format tokens are stateless and never reused. Leave it out, or use token_format \"opaque\".")
	}
	payload := map[string]any{}
	if claims != nil {
		custom, ok := claims.(map[string]any)
		if !ok {
			return nil, errParamInvalid("claims", "claims must be an object to go into a JWT-format token.")
		}
		for _, k := range m2mReservedClaims {
			if _, ok := custom[k]; ok {
				return nil, errParamInvalid("claims", "claims may not set "+k+": the token sets it ("+strings.Join(m2mReservedClaims, ", ")+" are reserved).")
			}
		}
		for k, v := range custom {
			payload[k] = v
		}
	}
	now := s.tick()
	iat := now / 1000
	exp := iat + int64(math.Ceil(lifetime))
	id := "mt_" + s.secretHex("m2m token id")
	payload["iss"], payload["sub"], payload["jti"] = "https://"+frontendHost, m.ID, id
	payload["iat"], payload["nbf"], payload["exp"] = iat, iat, exp
	if len(scopes) > 0 {
		payload["aud"], payload["scopes"] = scopes, strings.Join(scopes, " ")
	}
	expMS, at := float64(exp*1000), float64(iat*1000)
	v := clerkapi.M2MToken{Object: "machine_to_machine_token", ID: id, Subject: m.ID, Claims: claims, Scopes: scopes,
		Expiration: &expMS, CreatedAt: at, UpdatedAt: at}
	return answer{status: 201, body: m2mCreated(v, s.sign(payload))}, nil
}

// verifyM2MJWT checks a JWT-format M2M token: this instance's signature, an
// M2M subject, its expiry, and with a machine secret key, that the token
// may reach that machine (aud). Nothing is recorded: it is not stored.
func (s *Sandbox) verifyM2MJWT(c *call, token string) (any, error) {
	claims, ok := s.parseOwnJWT(token)
	sub, _ := claims["sub"].(string)
	id, _ := claims["jti"].(string)
	exp, hasExp := claims["exp"].(float64)
	iat, _ := claims["iat"].(float64)
	if !ok || !strings.HasPrefix(sub, "mch_") || !strings.HasPrefix(id, "mt_") || !hasExp {
		return nil, errBadRequest("token_invalid", "M2M token is invalid",
			"The token is not an M2M JWT signed by this instance's key (get_jwks): its signature, kid or claims do not match.")
	}
	var scopes []string
	if aud, ok := claims["aud"].([]any); ok {
		for _, a := range aud {
			if v, ok := a.(string); ok {
				scopes = append(scopes, v)
			}
		}
	}
	if m := s.callingMachine(c); m != nil && !slices.Contains(scopes, m.ID) {
		return nil, &apiError{status: 404, code: "resource_not_found", message: "not found",
			long: "No M2M token scoped to machine " + m.ID + " matches the token sent."}
	}
	expMS := exp * 1000
	if err := s.liveToken("M2M token", false, &expMS); err != nil {
		return nil, err
	}
	custom := map[string]any{}
	for k, v := range claims {
		if !slices.Contains(m2mReservedClaims, k) {
			custom[k] = v
		}
	}
	var cl any
	if len(custom) > 0 {
		cl = custom
	}
	return clerkapi.M2MToken{Object: "machine_to_machine_token", ID: id, Subject: sub, Claims: cl, Scopes: append([]string{}, scopes...),
		Expiration: &expMS, CreatedAt: iat * 1000, UpdatedAt: iat * 1000}, nil
}

// m2mTokensHandlers are the handlers of the operations in clerkapi/m2m_tokens.go.
var m2mTokensHandlers = map[string]handlerFunc{
	"create_m2m_token": (*Sandbox).createM2MToken,
	"list_m2m_tokens":  (*Sandbox).listM2MTokens,
	"revoke_m2m_token": (*Sandbox).revokeM2MToken,
	"verify_m2m_token": (*Sandbox).verifyM2MToken,
}

// bearer is the request's bearer token.
func (c *call) bearer() string {
	_, token, _ := strings.Cut(c.req.Header.Get("Authorization"), " ")
	return strings.TrimSpace(token)
}

// callingMachine is the machine whose secret key authenticates the request,
// or nil when it carries another key (the instance's secret key). A
// rotated-out key past its grace period authenticates nothing.
func (s *Sandbox) callingMachine(c *call) *machine {
	mk, ok := s.machineState().keys[c.bearer()]
	if !ok || (mk.until != 0 && mk.until <= s.now) {
		return nil
	}
	m, _ := s.machineState().machines.get(mk.machineID)
	return m
}
