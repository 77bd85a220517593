package sandbox

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// The sandbox is a development instance on these hosts.
const (
	frontendHost = "sandbox-otter-42.clerk.accounts.dev"
	accountsHost = "sandbox-otter-42.accounts.dev"
)

// ---- instance settings ----

func (s *Sandbox) getInstance(*call) (any, error) { return s.instance, nil }

func (s *Sandbox) updateInstance(c *call) (any, error) {
	var req clerkapi.UpdateInstanceRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	for _, o := range req.AllowedOrigins {
		if u, err := url.Parse(o); err != nil || u.Scheme == "" || u.Host == "" {
			return nil, errParamInvalid("allowed_origins", fmt.Sprintf("allowed_origins must hold origins such as https://example.com; %q is not one.", o))
		}
	}
	if req.SupportEmail != nil && *req.SupportEmail != "" && !emailRE.MatchString(*req.SupportEmail) {
		return nil, errParamInvalid("support_email", "support_email must be a valid email address.")
	}
	if p := req.PreferredSignInStrategyWhenPasswordRequired; p != nil && *p != "" && *p != "password" && *p != "otp" {
		return nil, errParamInvalid("preferred_sign_in_strategy_when_password_required", "preferred_sign_in_strategy_when_password_required must be password, otp or empty.")
	}
	var dev string
	if req.DevelopmentOrigin != nil && *req.DevelopmentOrigin != "" {
		u, err := url.Parse(*req.DevelopmentOrigin)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return nil, errParamInvalid("development_origin", "development_origin must be an origin such as http://localhost:3000.")
		}
		dev = *req.DevelopmentOrigin
	}
	s.tick()
	if req.AllowedOrigins != nil {
		s.instance.AllowedOrigins = slices.Clone(req.AllowedOrigins)
	}
	if dev != "" {
		for _, d := range s.domains.all() {
			if !d.IsSatellite {
				d.DevelopmentOrigin = dev
			}
		}
	}
	return noContent{}, nil
}

func (s *Sandbox) updateRestrictions(c *call) (any, error) {
	var req clerkapi.UpdateInstanceRestrictionsRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	s.tick()
	r := &s.restrictions
	setBool(&r.Allowlist, req.Allowlist)
	setBool(&r.Blocklist, req.Blocklist)
	setBool(&r.AllowlistBlocklistDisabledOnSignIn, req.AllowlistBlocklistDisabledOnSignIn)
	setBool(&r.BlockEmailSubaddresses, req.BlockEmailSubaddresses)
	setBool(&r.BlockDisposableEmailDomains, req.BlockDisposableEmailDomains)
	return s.restrictions, nil
}

func setBool(dst *bool, v *bool) {
	if v != nil {
		*dst = *v
	}
}

func (s *Sandbox) getProtect(*call) (any, error) { return s.protect, nil }

func (s *Sandbox) updateProtect(c *call) (any, error) {
	var req clerkapi.UpdateInstanceProtectRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	s.tick()
	setBool(&s.protect.RulesEnabled, req.RulesEnabled)
	setBool(&s.protect.SpecterEnabled, req.SpecterEnabled)
	return s.protect, nil
}

var countryRE = lazyRegexp(`^[A-Z]{2}$`)

func (s *Sandbox) getCommunication(*call) (any, error) { return s.communication, nil }

func (s *Sandbox) updateCommunication(c *call) (any, error) {
	var req clerkapi.UpdateInstanceCommunicationRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if len(req.BlockedCountryCodes) > 250 {
		return nil, errParamInvalid("blocked_country_codes", "blocked_country_codes takes at most 250 codes.")
	}
	codes := []string{}
	for _, cc := range req.BlockedCountryCodes {
		if !countryRE().MatchString(cc) {
			return nil, errParamInvalid("blocked_country_codes", fmt.Sprintf("blocked_country_codes must hold uppercase ISO 3166-1 alpha-2 codes; %q is not one.", cc))
		}
		if !slices.Contains(codes, cc) {
			codes = append(codes, cc)
		}
	}
	s.tick()
	s.communication.BlockedCountryCodes = codes
	return s.communication, nil
}

func (s *Sandbox) getOAuthSettings(*call) (any, error) { return s.oauthSettings, nil }

// defaultOAuthScopes are the instance's default OAuth scopes as Clerk
// provides them; a null default_scopes goes back to them.
var defaultOAuthScopes = []string{"openid", "email", "profile"}

func (s *Sandbox) updateOAuthSettings(c *call) (any, error) {
	var req clerkapi.UpdateInstanceOAuthApplicationSettingsRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	s.tick()
	o := &s.oauthSettings
	setBool(&o.DynamicOAuthClientRegistration, req.DynamicOAuthClientRegistration)
	setBool(&o.OAuthJWTAccessTokens, req.OAuthJWTAccessTokens)
	setBool(&o.ClientIDMetadataDocumentsAdvertised, req.ClientIDMetadataDocumentsAdvertised)
	setBool(&o.ClientIDMetadataDocumentsOnlyAllowPreRegisteredClients, req.ClientIDMetadataDocumentsOnlyAllowPreRegisteredClients)
	setBool(&o.ClientIDMetadataDocumentsBlockImplicitlyAllowedClients, req.ClientIDMetadataDocumentsBlockImplicitlyAllowedClients)
	if req.DefaultScopes != nil {
		var scopes []string
		for _, sc := range req.DefaultScopes {
			if !slices.Contains(scopes, sc) {
				scopes = append(scopes, sc)
			}
		}
		o.DefaultScopes = scopes
	}
	if c.null("default_scopes") {
		o.DefaultScopes = slices.Clone(defaultOAuthScopes)
	}
	return s.oauthSettings, nil
}

func (s *Sandbox) getOrgSettings(*call) (any, error) { return s.orgSettings, nil }

func (s *Sandbox) updateOrgSettings(c *call) (any, error) {
	var req clerkapi.UpdateInstanceOrganizationSettingsRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if req.MaxAllowedMemberships != nil && *req.MaxAllowedMemberships < 0 {
		return nil, errParamInvalid("max_allowed_memberships", "max_allowed_memberships must be 0 (unlimited) or more.")
	}
	for _, m := range req.DomainsEnrollmentModes {
		if m != "automatic_invitation" && m != "automatic_suggestion" {
			return nil, errParamInvalid("domains_enrollment_modes", "domains_enrollment_modes takes automatic_invitation and automatic_suggestion.")
		}
	}
	var creator, domainRole string
	var err error
	if req.CreatorRoleID != nil {
		if creator, err = s.roleKey("creator_role_id", *req.CreatorRoleID); err != nil {
			return nil, err
		}
	}
	if req.DomainsDefaultRoleID != nil {
		if domainRole, err = s.roleKey("domains_default_role_id", *req.DomainsDefaultRoleID); err != nil {
			return nil, err
		}
	}
	s.tick()
	o := &s.orgSettings
	setBool(&o.Enabled, req.Enabled)
	setBool(&o.AdminDeleteEnabled, req.AdminDeleteEnabled)
	setBool(&o.DomainsEnabled, req.DomainsEnabled)
	setBool(&o.SlugDisabled, req.SlugDisabled)
	if req.MaxAllowedMemberships != nil {
		o.MaxAllowedMemberships = *req.MaxAllowedMemberships
	}
	if req.DomainsEnrollmentModes != nil {
		o.DomainsEnrollmentModes = append([]string{"manual_invitation"}, req.DomainsEnrollmentModes...)
	}
	if creator != "" {
		o.CreatorRole = creator
	}
	if domainRole != "" {
		o.DomainsDefaultRole = domainRole
	}
	return s.orgSettings, nil
}

// ---- allowlist and blocklist ----

// allowJSON leaves invitation_id out when no invitation was sent.
type allowJSON struct {
	*clerkapi.AllowlistIdentifier
}

func (a allowJSON) MarshalJSON() ([]byte, error) {
	type plain clerkapi.AllowlistIdentifier
	v := struct {
		*plain
		InvitationID string `json:"invitation_id,omitempty"`
	}{(*plain)(a.AllowlistIdentifier), a.InvitationID}
	return json.Marshal(v)
}

// ---- domains ----

// instanceHandlers are the handlers of the operations in clerkapi/instance.go.
var instanceHandlers = map[string]handlerFunc{
	"get_instance":                               (*Sandbox).getInstance,
	"update_instance":                            (*Sandbox).updateInstance,
	"update_instance_restrictions":               (*Sandbox).updateRestrictions,
	"get_instance_protect":                       (*Sandbox).getProtect,
	"update_instance_protect":                    (*Sandbox).updateProtect,
	"get_instance_communication":                 (*Sandbox).getCommunication,
	"update_instance_communication":              (*Sandbox).updateCommunication,
	"get_instance_oauth_application_settings":    (*Sandbox).getOAuthSettings,
	"update_instance_oauth_application_settings": (*Sandbox).updateOAuthSettings,
	"get_instance_organization_settings":         (*Sandbox).getOrgSettings,
	"update_instance_organization_settings":      (*Sandbox).updateOrgSettings,
}

// roleKey resolves a role ID, or a role key, to the role key.
func (s *Sandbox) roleKey(param, v string) (string, error) {
	if r, ok := s.rb().roles.get(v); ok {
		return r.Key, nil
	}
	if s.roleOfKey(v) != nil {
		return v, nil
	}
	return "", errParamInvalid(param, fmt.Sprintf("%s must be the ID or key of one of the instance's roles; %q is neither.", param, v))
}
