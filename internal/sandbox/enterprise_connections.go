package sandbox

import (
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// enterpriseConnectionsHandlers are the handlers of the operations in clerkapi/enterprise_connections.go.
var enterpriseConnectionsHandlers = map[string]handlerFunc{
	"list_enterprise_connections":           (*Sandbox).listEntConns,
	"create_enterprise_connection":          (*Sandbox).createEntConn,
	"get_enterprise_connection":             (*Sandbox).getEntConn,
	"update_enterprise_connection":          (*Sandbox).updateEntConn,
	"delete_enterprise_connection":          (*Sandbox).deleteEntConn,
	"list_enterprise_connection_test_runs":  (*Sandbox).listEntConnTestRuns,
	"create_enterprise_connection_test_run": (*Sandbox).createEntConnTestRun,
}

func (s *Sandbox) listEntConns(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	org, _ := c.str("organization_id")
	active, err := c.boolParam("active")
	if err != nil {
		return nil, err
	}
	out := []*entConn{}
	for _, ec := range slices.Backward(s.ssoState().conns.all()) {
		if (org == "" || (ec.OrganizationID != nil && *ec.OrganizationID == org)) && (active == nil || ec.Active == *active) {
			out = append(out, ec)
		}
	}
	return listOf(out, limit, offset, s.entConnView), nil
}

func (s *Sandbox) createEntConn(c *call) (any, error) {
	var req clerkapi.CreateEnterpriseConnectionRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("name", req.Name); err != nil {
		return nil, err
	}
	if !slices.Contains(samlProviders, req.Provider) && !slices.Contains(oidcProviders, req.Provider) {
		return nil, errParamInvalid("provider", "provider must be one of "+strings.Join(append(slices.Clone(samlProviders), oidcProviders...), ", ")+".")
	}
	if len(req.Domains) == 0 {
		return nil, errParamMissing("domains")
	}
	domains, err := s.checkDomains("domains", req.Domains, "")
	if err != nil {
		return nil, err
	}
	org, err := s.checkOrgRef("organization_id", req.OrganizationID)
	if err != nil {
		return nil, err
	}
	var sp *samlPatch
	var op *oidcPatch
	switch {
	case isSAML(req.Provider) && req.Oidc != nil:
		return nil, errParamInvalid("oidc", "oidc configures OIDC providers; "+req.Provider+" is a SAML provider (use saml).")
	case !isSAML(req.Provider) && req.SAML != nil:
		return nil, errParamInvalid("saml", "saml configures SAML providers; "+req.Provider+" is an OIDC provider (use oidc).")
	case req.SAML != nil:
		sp = samlFromEnterprise(req.SAML)
	case req.Oidc != nil:
		o := req.Oidc
		op = &oidcPatch{o.ClientID, o.ClientSecret, o.DiscoveryURL, o.AuthURL, o.TokenURL, o.UserInfoURL, o.RequiresPkce}
	}
	if sp != nil {
		if err := sp.check(); err != nil {
			return nil, err
		}
	}
	if op != nil {
		if err := op.check(); err != nil {
			return nil, err
		}
	}
	attrs, err := checkCustomAttrs(customFromCreate(req.CustomAttributes))
	if err != nil {
		return nil, err
	}
	now := s.tick()
	ec := s.newEntConn(req.Name, req.Provider, domains, org, now)
	ec.CustomAttributes = attrs
	if sp != nil {
		s.applySAML(ec, sp, now)
	}
	if op != nil {
		ec.applyOIDC(op, now)
	}
	if req.AllowOrganizationAccountLinking != nil {
		ec.AllowOrganizationAccountLinking = *req.AllowOrganizationAccountLinking
	}
	if req.Active != nil {
		if err := s.activate(ec, *req.Active); err != nil {
			s.ssoState().conns.remove(ec.ID)
			return nil, err
		}
	}
	return answer{status: 201, body: s.entConnView(ec)}, nil
}

func samlFromEnterprise(in *clerkapi.CreateEnterpriseConnectionRequestSAML) *samlPatch {
	p := &samlPatch{prefix: "saml.", IDPEntityID: in.IDPEntityID, IDPSSOURL: in.IDPSSOURL, IDPCertificate: in.IDPCertificate,
		IDPMetadataURL: in.IDPMetadataURL, IDPMetadata: in.IDPMetadata, AllowSubdomains: in.AllowSubdomains,
		AllowIDPInitiated: in.AllowIDPInitiated, ForceAuthn: in.ForceAuthn}
	if a := in.AttributeMapping; a != nil {
		p.Attributes = &clerkapi.CreateSAMLConnectionRequestAttributeMapping{UserID: a.UserID, EmailAddress: a.EmailAddress, FirstName: a.FirstName, LastName: a.LastName}
	}
	if in.LoginHint != nil {
		p.LoginMode, p.LoginSource = &in.LoginHint.Mode, in.LoginHint.Source
	}
	return p
}

func customFromCreate(in []clerkapi.CreateEnterpriseConnectionRequestCustomAttributes) []customAttr {
	out := make([]customAttr, 0, len(in))
	for _, a := range in {
		out = append(out, customAttr{a.Name, a.Key, a.SSOPath, a.SCIMPath, a.DirectoryPath, a.MultiValued})
	}
	return out
}

func (s *Sandbox) getEntConn(c *call) (any, error) {
	ec, err := s.findEntConn(c.path["enterprise_connection_id"])
	if err != nil {
		return nil, err
	}
	return s.entConnView(ec), nil
}

func (s *Sandbox) updateEntConn(c *call) (any, error) {
	var req clerkapi.UpdateEnterpriseConnectionRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	ec, err := s.findEntConn(c.path["enterprise_connection_id"])
	if err != nil {
		return nil, err
	}
	_, sentDomains := c.raw["domains"]
	u, err := s.checkConnUpdate(ec, req.Name, sentDomains, req.Domains, req.OrganizationID)
	if err != nil {
		return nil, err
	}
	switch {
	case ec.SAMLConnection != nil && req.Oidc != nil:
		return nil, errParamInvalid("oidc", "oidc configures OIDC connections; this is a SAML connection (use saml).")
	case ec.OAuthConfig != nil && req.SAML != nil:
		return nil, errParamInvalid("saml", "saml configures SAML connections; this is an OIDC connection (use oidc).")
	case req.SAML != nil:
		in := req.SAML
		u.saml = &samlPatch{prefix: "saml.", IDPEntityID: in.IDPEntityID, IDPSSOURL: in.IDPSSOURL, IDPCertificate: in.IDPCertificate,
			IDPMetadataURL: in.IDPMetadataURL, IDPMetadata: in.IDPMetadata, AllowSubdomains: in.AllowSubdomains,
			AllowIDPInitiated: in.AllowIDPInitiated, ForceAuthn: in.ForceAuthn}
		if a := in.AttributeMapping; a != nil {
			u.saml.Attributes = &clerkapi.CreateSAMLConnectionRequestAttributeMapping{UserID: a.UserID, EmailAddress: a.EmailAddress, FirstName: a.FirstName, LastName: a.LastName}
		}
		if in.LoginHint != nil {
			u.saml.LoginMode, u.saml.LoginSource = &in.LoginHint.Mode, in.LoginHint.Source
		}
		if err := u.saml.check(); err != nil {
			return nil, err
		}
	case req.Oidc != nil:
		o := req.Oidc
		u.oidc = &oidcPatch{o.ClientID, o.ClientSecret, o.DiscoveryURL, o.AuthURL, o.TokenURL, o.UserInfoURL, o.RequiresPkce}
		if err := u.oidc.check(); err != nil {
			return nil, err
		}
	}
	if _, sent := c.raw["custom_attributes"]; sent {
		in := make([]customAttr, 0, len(req.CustomAttributes))
		for _, a := range req.CustomAttributes {
			in = append(in, customAttr{a.Name, a.Key, a.SSOPath, a.SCIMPath, a.DirectoryPath, a.MultiValued})
		}
		if u.attrs, err = checkCustomAttrs(in); err != nil {
			return nil, err
		}
	}
	u.sync, u.disableIDs, u.linking, u.active = req.SyncUserAttributes, req.DisableAdditionalIdentifications, req.AllowOrganizationAccountLinking, req.Active
	if err := s.updateConn(c, ec, u); err != nil {
		return nil, err
	}
	return s.entConnView(ec), nil
}

// connUpdate is a checked update of one enterprise connection, whichever
// name it arrives under: update_enterprise_connection and the deprecated
// update_saml_connection reach one state through updateConn.
type connUpdate struct {
	name                              *string
	domains                           []string // nil: unchanged
	org                               *string  // applied when organization_id was sent
	saml                              *samlPatch
	oidc                              *oidcPatch
	attrs                             []clerkapi.CustomAttribute // nil: unchanged
	sync, disableIDs, linking, active *bool
}

// checkConnUpdate checks what both update operations share: a non-blank
// name, at least one free domain when domains are replaced, and an existing
// organization.
func (s *Sandbox) checkConnUpdate(ec *entConn, name *string, replaceDomains bool, domains []string, orgID *string) (connUpdate, error) {
	u := connUpdate{name: name}
	if name != nil {
		if err := requireString("name", *name); err != nil {
			return u, err
		}
	}
	var err error
	if replaceDomains {
		if len(domains) == 0 {
			return u, errParamInvalid("domains", "A connection needs at least one domain.")
		}
		if u.domains, err = s.checkDomains("domains", domains, ec.ID); err != nil {
			return u, err
		}
	}
	u.org, err = s.checkOrgRef("organization_id", orgID)
	return u, err
}

// updateConn applies a checked update. Activation is checked first on a
// copy, so a refused activation changes nothing.
func (s *Sandbox) updateConn(c *call, ec *entConn, u connUpdate) error {
	next := *ec
	next.EnterpriseConnection.Domains = slices.Clone(ec.Domains)
	if ec.SAMLConnection != nil {
		next.SAMLConnection = ptr(*ec.SAMLConnection)
	}
	if ec.OAuthConfig != nil {
		next.OAuthConfig = ptr(*ec.OAuthConfig)
	}
	if u.saml != nil {
		s.applySAMLDry(&next, u.saml)
	}
	if u.oidc != nil {
		next.applyOIDC(u.oidc, s.now)
	}
	if u.domains != nil {
		next.Domains = u.domains
	}
	if u.active != nil && *u.active && !ec.Active {
		if ok, need := next.configured(); !ok {
			return errParamInvalid("active", "The connection cannot be activated before it has "+need+".")
		}
	}
	now := s.tick()
	if u.saml != nil {
		s.applySAML(ec, u.saml, now)
	}
	if u.oidc != nil {
		ec.applyOIDC(u.oidc, now)
	}
	if u.domains != nil {
		ec.Domains = u.domains
	}
	if u.name != nil {
		ec.Name = *u.name
		if ec.SAMLConnection != nil {
			ec.SAMLConnection.Name = *u.name
		}
		if ec.OAuthConfig != nil {
			ec.OAuthConfig.Name = *u.name
		}
	}
	if _, sent := c.raw["organization_id"]; sent {
		ec.OrganizationID = u.org
	}
	if u.attrs != nil {
		ec.CustomAttributes = u.attrs
	}
	for _, f := range []struct {
		dst *bool
		src *bool
	}{
		{&ec.SyncUserAttributes, u.sync}, {&ec.DisableAdditionalIdentifications, u.disableIDs},
		{&ec.AllowOrganizationAccountLinking, u.linking},
	} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	if u.active != nil {
		_ = s.activate(ec, *u.active) // checked above
	}
	ec.UpdatedAt = now
	return nil
}

// applySAMLDry applies a patch to a copy without recording fetches.
func (s *Sandbox) applySAMLDry(ec *entConn, p *samlPatch) {
	q := *p
	q.IDPMetadataURL = nil
	s.applySAML(ec, &q, s.now)
	if p.IDPMetadataURL != nil && *p.IDPMetadataURL != "" {
		ec.SAMLConnection.IDPMetadataURL = p.IDPMetadataURL
	}
}

// deleteEntConn removes the connection, its test runs and its directories
// with their mappings.
func (s *Sandbox) deleteEntConn(c *call) (any, error) {
	ec, err := s.findEntConn(c.path["enterprise_connection_id"])
	if err != nil {
		return nil, err
	}
	s.tick()
	s.dropEntConn(ec)
	return deleted{Object: "enterprise_connection", ID: ec.ID, Deleted: true}, nil
}

func (s *Sandbox) dropEntConn(ec *entConn) {
	st := s.ssoState()
	st.conns.remove(ec.ID)
	if ec.SAMLConnection != nil {
		delete(st.bySAML, ec.SAMLConnection.ID)
	}
	delete(st.runs, ec.ID)
	for _, d := range st.dirs.all() {
		if d.EnterpriseConnectionID != nil && *d.EnterpriseConnectionID == ec.ID {
			s.dropDir(d)
		}
	}
}

var testRunStatuses = []string{"pending", "success", "failed"}

func (s *Sandbox) listEntConnTestRuns(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	ec, err := s.findEntConn(c.path["enterprise_connection_id"])
	if err != nil {
		return nil, err
	}
	want := c.strs("status")
	for _, st := range want {
		if !slices.Contains(testRunStatuses, st) {
			return nil, errParamInvalid("status", "status must be one of pending, success, failed.")
		}
	}
	out := []clerkapi.EnterpriseConnectionTestRun{}
	for _, r := range slices.Backward(s.ssoState().runs[ec.ID]) {
		if len(want) == 0 || slices.Contains(want, r.Status) {
			out = append(out, *r)
		}
	}
	return list(out, limit, offset), nil
}

// createEntConnTestRun starts a test run: the URL would take a person
// through the IdP; the sandbox runs no IdP, so the run stays pending.
func (s *Sandbox) createEntConnTestRun(c *call) (any, error) {
	ec, err := s.findEntConn(c.path["enterprise_connection_id"])
	if err != nil {
		return nil, err
	}
	if ok, need := ec.configured(); !ok {
		return nil, errBadRequest("enterprise_connection_not_configured", "connection not configured",
			"Enterprise connection "+ec.ID+" cannot be tested before it has "+need+".")
	}
	now := s.tick()
	typ := "oauth"
	if ec.SAMLConnection != nil {
		typ = "saml"
	}
	r := &clerkapi.EnterpriseConnectionTestRun{ID: s.newID("ectr"), Status: "pending", ConnectionType: typ,
		Logs: []clerkapi.EnterpriseConnectionTestRunLogsItem{}, CreatedAt: now}
	st := s.ssoState()
	st.runs[ec.ID] = append(st.runs[ec.ID], r)
	return clerkapi.EnterpriseConnectionTestRunResponse{URL: "https://" + accountsHost + "/sso-test?test_run_id=" + r.ID}, nil
}
