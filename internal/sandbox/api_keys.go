package sandbox

import (
	"bytes"
	"math"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// apiKey is an API key; its secret is answered by create_api_key and
// get_api_key_secret only.
type apiKey struct {
	clerkapi.APIKey
	secret string
}

var (
	apiKeyIDRE      = lazyRegexp(`^(ak|api_key)_[0-9A-Fa-f]{32}$`)
	apiKeySubjectRE = lazyRegexp(`^(user|org|mch|scim)_\w{27}$`)
	apiKeyNameRE    = lazyRegexp(`^(\S(.*\S)?)?$`)
	userIDRE        = lazyRegexp(`^user_\w{27}$`)
)

func (s *Sandbox) apiKeyView(k *apiKey) clerkapi.APIKey {
	v := k.APIKey
	v.Expired = k.Expiration != nil && int64(*k.Expiration) <= s.now
	v.Scopes = slices.Clone(k.Scopes)
	return v
}

// findAPIKey checks the ID's form (Clerk answers 400 for a malformed one)
// and finds the key.
func (s *Sandbox) findAPIKey(c *call) (*apiKey, error) {
	id := c.path["apiKeyID"]
	if !apiKeyIDRE().MatchString(id) {
		return nil, errBadRequest("bad_request", "Bad Request", "Invalid 'url_parameter.apiKeyID': Failed regex check; an API key ID is ak_ followed by 32 hex digits.")
	}
	return s.machineState().apiKeys.find("API key", id)
}

// checkSubject checks an API key subject's form and that it exists (a SCIM
// subject is checked for form only).
func (s *Sandbox) checkSubject(subject string) error {
	if !apiKeySubjectRE().MatchString(subject) {
		return errParamInvalid("subject", "subject must be the ID of a user, organization, machine or SCIM directory (user_…, org_…, mch_…, scim_…).")
	}
	var ok bool
	switch subject[:strings.IndexByte(subject, '_')] {
	case "user":
		_, ok = s.users.get(subject)
	case "org":
		_, ok = s.orgs.get(subject)
	case "mch":
		_, ok = s.machineState().machines.get(subject)
	default:
		ok = true
	}
	if !ok {
		return errParamInvalid("subject", "subject "+subject+" does not exist in this instance.")
	}
	return nil
}

// expiryFrom turns seconds_until_expiration into an expiration in Unix ms.
func expiryFrom(secs *float64, now int64) (*float64, error) {
	if secs == nil {
		return nil, nil
	}
	if !(*secs > 0) || math.IsInf(*secs, 0) {
		return nil, errParamInvalid("seconds_until_expiration", "seconds_until_expiration must be greater than 0.")
	}
	exp := float64(now + int64(math.Round(*secs*1000)))
	return &exp, nil
}

// sentNull reports whether the body sent the field as null (clear it).
func (c *call) sentNull(name string) bool {
	raw, ok := c.raw[name]
	return ok && bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

func checkDescription(d *string) error {
	if d != nil && len([]rune(*d)) > 255 {
		return errParamInvalid("description", "description must be at most 255 characters.")
	}
	return nil
}

func (s *Sandbox) createAPIKey(c *call) (any, error) {
	var req clerkapi.CreateAPIKeyRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("name", req.Name); err != nil {
		return nil, err
	}
	if len([]rune(req.Name)) < 3 || !apiKeyNameRE().MatchString(req.Name) {
		return nil, errParamInvalid("name", "name must be at least 3 characters, without leading or trailing spaces.")
	}
	if err := requireString("subject", req.Subject); err != nil {
		return nil, err
	}
	if err := s.checkSubject(req.Subject); err != nil {
		return nil, err
	}
	typ := "api_key"
	if req.Type != nil {
		if n := len([]rune(*req.Type)); n < 3 || n > 25 {
			return nil, errParamInvalid("type", "type must be 3 to 25 characters.")
		}
		typ = *req.Type
	}
	if err := checkDescription(req.Description); err != nil {
		return nil, err
	}
	if req.CreatedBy != nil && !userIDRE().MatchString(*req.CreatedBy) {
		return nil, errParamInvalid("created_by", "created_by must be a user ID (user_…).")
	}
	exp, err := expiryFrom(req.SecondsUntilExpiration, s.now)
	if err != nil {
		return nil, err
	}
	now := s.tick()
	if exp != nil {
		exp, _ = expiryFrom(req.SecondsUntilExpiration, now)
	}
	k := &apiKey{APIKey: clerkapi.APIKey{
		Object: "api_key", ID: "ak_" + s.secretHex("api key id"), Type: typ, Subject: req.Subject, Name: req.Name,
		Description: req.Description, Scopes: []string{}, Expiration: exp, CreatedBy: req.CreatedBy,
		CreatedAt: float64(now), UpdatedAt: float64(now),
	}, secret: "ak_" + s.secretHex("api key secret")}
	if req.Claims != nil {
		k.Claims = req.Claims
	}
	if req.Scopes != nil {
		k.Scopes = req.Scopes
	}
	mx := s.machineState()
	mx.apiKeys.add(k.ID, k)
	mx.bySecret[k.secret] = k.ID
	v := s.apiKeyView(k)
	return clerkapi.CreateAPIKeyResponse{
		Object: v.Object, ID: v.ID, Type: v.Type, Subject: v.Subject, Name: v.Name, Description: v.Description,
		Claims: v.Claims, Scopes: v.Scopes, Secret: k.secret, Revoked: v.Revoked, RevocationReason: v.RevocationReason,
		Expired: v.Expired, Expiration: v.Expiration, CreatedBy: v.CreatedBy, LastUsedAt: v.LastUsedAt,
		CreatedAt: v.CreatedAt, UpdatedAt: v.UpdatedAt,
	}, nil
}

// listAPIKeys lists one subject's keys of a type, newest first; revoked and
// expired keys only with include_invalid=true.
func (s *Sandbox) listAPIKeys(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	subject, _ := c.str("subject")
	if subject == "" {
		return nil, errParamMissing("subject")
	}
	typ := "api_key"
	if v, ok := c.str("type"); ok {
		if len([]rune(v)) < 3 {
			return nil, errParamInvalid("type", "type must be at least 3 characters.")
		}
		typ = v
	}
	invalid := false
	if v, ok := c.str("include_invalid"); ok {
		if v != "true" && v != "false" {
			return nil, errParamInvalid("include_invalid", `include_invalid must be "true" or "false".`)
		}
		invalid = v == "true"
	}
	q, _ := c.str("query")
	q = strings.ToLower(q)
	out := []clerkapi.APIKey{}
	for _, k := range slices.Backward(s.machineState().apiKeys.all()) {
		v := s.apiKeyView(k)
		if v.Subject != subject || v.Type != typ || (!invalid && (v.Revoked || v.Expired)) {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(v.Name), q) {
			continue
		}
		out = append(out, v)
	}
	return clerkapi.ListAPIKeysResponse{Data: window(out, limit, offset), TotalCount: float64(len(out))}, nil
}

func (s *Sandbox) getAPIKey(c *call) (any, error) {
	k, err := s.findAPIKey(c)
	if err != nil {
		return nil, err
	}
	return s.apiKeyView(k), nil
}

// updateAPIKey changes what the body sends; description, claims and
// seconds_until_expiration sent as null clear them.
func (s *Sandbox) updateAPIKey(c *call) (any, error) {
	var req clerkapi.UpdateAPIKeyRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	k, err := s.findAPIKey(c)
	if err != nil {
		return nil, err
	}
	if err := checkDescription(req.Description); err != nil {
		return nil, err
	}
	if req.Subject != nil {
		if err := s.checkSubject(*req.Subject); err != nil {
			return nil, err
		}
	}
	if _, err := expiryFrom(req.SecondsUntilExpiration, s.now); err != nil {
		return nil, err
	}
	now := s.tick()
	if req.Description != nil || c.sentNull("description") {
		k.Description = req.Description
	}
	if req.Claims != nil {
		k.Claims = req.Claims
	} else if c.sentNull("claims") {
		k.Claims = nil
	}
	if req.Scopes != nil {
		k.Scopes = req.Scopes
	}
	if req.Subject != nil {
		k.Subject = *req.Subject
	}
	if req.SecondsUntilExpiration != nil {
		k.Expiration, _ = expiryFrom(req.SecondsUntilExpiration, now)
	} else if c.sentNull("seconds_until_expiration") {
		k.Expiration = nil
	}
	k.UpdatedAt = float64(now)
	return s.apiKeyView(k), nil
}

func (s *Sandbox) deleteAPIKey(c *call) (any, error) {
	k, err := s.findAPIKey(c)
	if err != nil {
		return nil, err
	}
	mx := s.machineState()
	s.tick()
	mx.apiKeys.remove(k.ID)
	delete(mx.bySecret, k.secret)
	return clerkapi.DeleteAPIKeyResponse{ID: k.ID, Object: "api_key", Deleted: true}, nil
}

func (s *Sandbox) getAPIKeySecret(c *call) (any, error) {
	k, err := s.findAPIKey(c)
	if err != nil {
		return nil, err
	}
	return clerkapi.GetAPIKeySecretResponse{Secret: k.secret}, nil
}

func (s *Sandbox) revokeAPIKey(c *call) (any, error) {
	var req clerkapi.RevokeAPIKeyRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	k, err := s.findAPIKey(c)
	if err != nil {
		return nil, err
	}
	if k.Revoked {
		return nil, errBadRequest("api_key_already_revoked", "API key is already revoked", "API key "+k.ID+" was already revoked.")
	}
	now := s.tick()
	k.Revoked, k.RevocationReason, k.UpdatedAt = true, req.RevocationReason, float64(now)
	return s.apiKeyView(k), nil
}

// verifyAPIKey answers the key a live secret belongs to and records its
// use; unknown secrets are 404, revoked and expired keys token_invalid.
func (s *Sandbox) verifyAPIKey(c *call) (any, error) {
	var req clerkapi.VerifyAPIKeyRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("secret", req.Secret); err != nil {
		return nil, err
	}
	mx := s.machineState()
	k, ok := mx.apiKeys.get(mx.bySecret[req.Secret])
	if !ok {
		return nil, &apiError{status: 404, code: "resource_not_found", message: "not found", long: "No API key matches the secret sent."}
	}
	if err := s.liveToken("API key", k.Revoked, k.Expiration); err != nil {
		return nil, err
	}
	now := float64(s.tick())
	k.LastUsedAt = &now
	return s.apiKeyView(k), nil
}

// apiKeysHandlers are the handlers of the operations in clerkapi/api_keys.go.
var apiKeysHandlers = map[string]handlerFunc{
	"create_api_key":     (*Sandbox).createAPIKey,
	"list_api_keys":      (*Sandbox).listAPIKeys,
	"get_api_key":        (*Sandbox).getAPIKey,
	"update_api_key":     (*Sandbox).updateAPIKey,
	"delete_api_key":     (*Sandbox).deleteAPIKey,
	"get_api_key_secret": (*Sandbox).getAPIKeySecret,
	"revoke_api_key":     (*Sandbox).revokeAPIKey,
	"verify_api_key":     (*Sandbox).verifyAPIKey,
}
