package sandbox

import "github.com/clerk-mcp/clerk-mcp/clerkapi"

// adminPortalHandlers are the handlers of the operations in clerkapi/admin_portal.go.
var adminPortalHandlers = map[string]handlerFunc{
	"create_admin_portal_link_token": (*Sandbox).createPortalLink,
	"revoke_admin_portal_link_token": (*Sandbox).revokePortalLink,
}

var orgIDRE = lazyRegexp(`^org_\w{27}$`)

func (s *Sandbox) createPortalLink(c *call) (any, error) {
	var req clerkapi.CreateAdminPortalLinkTokenRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if req.OrganizationID != nil {
		if !orgIDRE().MatchString(*req.OrganizationID) {
			return nil, errParamInvalid("organization_id", "organization_id must be an organization ID (org_ and 27 characters).")
		}
		if _, err := s.orgs.find("organization", *req.OrganizationID); err != nil {
			return nil, err
		}
	}
	if req.ItContactID != nil && *req.ItContactID == "" {
		return nil, errParamInvalid("it_contact_id", "it_contact_id must not be empty.")
	}
	for _, sc := range req.Scopes {
		if sc == "" {
			return nil, errParamInvalid("scopes", "scopes must not hold empty strings.")
		}
	}
	ttl := int64(3600)
	if req.SecondsUntilExpiration != nil {
		ttl = *req.SecondsUntilExpiration
		if ttl < 1 || ttl > 86400 {
			return nil, errParamInvalid("seconds_until_expiration", "seconds_until_expiration must be between 1 and 86400.")
		}
	}
	now := s.tick()
	s.seq["aplt"]++
	l := &portalLink{clerkapi.RevokeAdminPortalLinkTokenResponse{Object: "admin_portal_link_token",
		ID: "aplt_" + hashHex("aplt", s.seq["aplt"])[:32], AdminPortalLinkID: "apl_" + idBody("apl", 1), InstanceID: s.instanceID,
		OrganizationID: req.OrganizationID, ItContactID: req.ItContactID, Scopes: req.Scopes,
		Expiration: ptr(float64(now + ttl*1000)), CreatedAt: float64(now), UpdatedAt: float64(now)}}
	s.mint.portalLinks.add(l.ID, l)
	r := l.RevokeAdminPortalLinkTokenResponse
	return answer{201, clerkapi.CreateAdminPortalLinkTokenResponse{Object: r.Object, ID: r.ID, AdminPortalLinkID: r.AdminPortalLinkID,
		InstanceID: r.InstanceID, OrganizationID: r.OrganizationID, ItContactID: r.ItContactID, Scopes: r.Scopes,
		Token: "aplt_" + s.ticket("aplt")[:32], Expiration: r.Expiration, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}}, nil
}

func (s *Sandbox) portalView(l *portalLink) clerkapi.RevokeAdminPortalLinkTokenResponse {
	v := l.RevokeAdminPortalLinkTokenResponse
	v.Expired = v.Expiration != nil && int64(*v.Expiration) <= s.now
	return v
}

func (s *Sandbox) revokePortalLink(c *call) (any, error) {
	var req clerkapi.RevokeAdminPortalLinkTokenRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	id := c.path["adminPortalLinkTokenID"]
	l, err := s.mint.portalLinks.find("admin portal link token", id)
	if err != nil {
		return nil, err
	}
	if l.Revoked {
		return nil, errBadRequest("admin_portal_link_token_revoked", "already revoked", "Admin portal link token "+id+" is already revoked.")
	}
	now := s.tick()
	l.Revoked, l.RevocationReason, l.UpdatedAt = true, req.RevocationReason, float64(now)
	return s.portalView(l), nil
}
