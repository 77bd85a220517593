package sandbox

import "github.com/clerk-mcp/clerk-mcp/clerkapi"

// betaFeaturesHandlers are the handlers of the operations in clerkapi/beta_features.go.
var betaFeaturesHandlers = map[string]handlerFunc{
	"update_instance_auth_config":       (*Sandbox).updateAuthConfig,
	"update_production_instance_domain": productionOnly,
	"change_production_instance_domain": productionOnly,
}

var localPartRE = lazyRegexp(`^[a-zA-Z0-9]+$`)

func (s *Sandbox) updateAuthConfig(c *call) (any, error) {
	var req clerkapi.UpdateInstanceAuthConfigRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if req.FromEmailAddress != nil && !localPartRE().MatchString(*req.FromEmailAddress) {
		return nil, errParamInvalid("from_email_address", "from_email_address must be the alphanumeric local part of an address, e.g. notifications.")
	}
	a := s.authConfig()
	s.tick()
	if req.RestrictedToAllowlist != nil {
		s.restrictions.Allowlist = *req.RestrictedToAllowlist
	}
	if req.FromEmailAddress != nil {
		a.FromEmailAddress = *req.FromEmailAddress
	}
	if req.ProgressiveSignUp != nil {
		a.ProgressiveSignUp = *req.ProgressiveSignUp
	}
	if req.TestMode != nil {
		s.mint.testMode = *req.TestMode
	}
	return s.authConfig(), nil
}
