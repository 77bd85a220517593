package sandbox

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// jwtTemplatesHandlers are the handlers of the operations in clerkapi/jwt_templates.go.
var jwtTemplatesHandlers = map[string]handlerFunc{
	"list_jwt_templates":  (*Sandbox).listTemplates,
	"create_jwt_template": (*Sandbox).createTemplate,
	"get_jwt_template":    (*Sandbox).getTemplate,
	"update_jwt_template": (*Sandbox).updateTemplate,
	"delete_jwt_template": (*Sandbox).deleteTemplate,
}

var signingAlgorithms = []string{"RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "HS256", "HS384", "HS512", "EdDSA"}

var reservedClaims = []string{"azp", "exp", "iat", "iss", "jti", "nbf", "sub"}

// checkTemplate validates a JWT template body (create and update take the
// same fields).
func (s *Sandbox) checkTemplate(req *clerkapi.CreateJWTTemplateRequest, self *clerkapi.JWTTemplate) error {
	if err := requireString("name", req.Name); err != nil {
		return err
	}
	if req.Claims == nil {
		return errParamMissing("claims")
	}
	for _, k := range reservedClaims {
		if _, ok := req.Claims[k]; ok {
			return errParamInvalid("claims", fmt.Sprintf("claims cannot set the reserved claim %q (reserved: %s).", k, strings.Join(reservedClaims, ", ")))
		}
	}
	if req.Lifetime != nil && (*req.Lifetime < 30 || *req.Lifetime > 315360000) {
		return errParamInvalid("lifetime", "lifetime must be between 30 and 315360000 seconds.")
	}
	if req.AllowedClockSkew != nil && (*req.AllowedClockSkew < 0 || *req.AllowedClockSkew > 300) {
		return errParamInvalid("allowed_clock_skew", "allowed_clock_skew must be between 0 and 300 seconds.")
	}
	if req.SigningAlgorithm != nil && !slices.Contains(signingAlgorithms, *req.SigningAlgorithm) {
		return errParamInvalid("signing_algorithm", "signing_algorithm must be one of "+strings.Join(signingAlgorithms, ", ")+".")
	}
	if req.CustomSigningKey != nil && *req.CustomSigningKey {
		if req.SigningAlgorithm == nil {
			return errParamMissing("signing_algorithm")
		}
		if req.SigningKey == nil || *req.SigningKey == "" {
			return errParamMissing("signing_key")
		}
	}
	for _, t := range s.templates.all() {
		if t != self && t.Name == req.Name {
			return errTaken("name", "JWT template name")
		}
	}
	return nil
}

func applyTemplate(t *clerkapi.JWTTemplate, req *clerkapi.CreateJWTTemplateRequest, now int64) {
	t.Name, t.Claims, t.UpdatedAt = req.Name, req.Claims, now
	if req.Lifetime != nil {
		t.Lifetime = *req.Lifetime
	}
	if req.AllowedClockSkew != nil {
		t.AllowedClockSkew = *req.AllowedClockSkew
	}
	if req.CustomSigningKey != nil {
		t.CustomSigningKey = *req.CustomSigningKey
		if !t.CustomSigningKey {
			t.SigningAlgorithm = "RS256"
		}
	}
	if req.SigningAlgorithm != nil && t.CustomSigningKey {
		t.SigningAlgorithm = *req.SigningAlgorithm
	}
}

func (s *Sandbox) findTemplate(id string) (*clerkapi.JWTTemplate, error) {
	return s.templates.find("JWT template", id)
}

func (s *Sandbox) listTemplates(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	return legacyList(c, s.templates.all(), limit, offset), nil
}

func (s *Sandbox) createTemplate(c *call) (any, error) {
	var req clerkapi.CreateJWTTemplateRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := s.checkTemplate(&req, nil); err != nil {
		return nil, err
	}
	now := s.tick()
	t := &clerkapi.JWTTemplate{Object: "jwt_template", ID: s.newID("jtmp"), Lifetime: 60, AllowedClockSkew: 5,
		SigningAlgorithm: "RS256", CreatedAt: now}
	applyTemplate(t, &req, now)
	return s.templates.add(t.ID, t), nil
}

func (s *Sandbox) getTemplate(c *call) (any, error) {
	return s.findTemplate(c.path["template_id"])
}

func (s *Sandbox) updateTemplate(c *call) (any, error) {
	t, err := s.findTemplate(c.path["template_id"])
	if err != nil {
		return nil, err
	}
	var upd clerkapi.UpdateJWTTemplateRequest
	if err := c.bind(&upd); err != nil {
		return nil, err
	}
	req := clerkapi.CreateJWTTemplateRequest{Name: upd.Name, Claims: upd.Claims, Lifetime: upd.Lifetime, AllowedClockSkew: upd.AllowedClockSkew,
		CustomSigningKey: upd.CustomSigningKey, SigningAlgorithm: upd.SigningAlgorithm, SigningKey: upd.SigningKey}
	if err := s.checkTemplate(&req, t); err != nil {
		return nil, err
	}
	applyTemplate(t, &req, s.tick())
	return t, nil
}

func (s *Sandbox) deleteTemplate(c *call) (any, error) {
	return deleteByID(s, &s.templates, "JWT template", "jwt_template", c.path["template_id"])
}
