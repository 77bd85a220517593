package sandbox

import (
	"net/url"
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

type ssoState struct {
	conns    table[entConn]
	bySAML   map[string]string // SAML connection ID -> enterprise connection ID
	runs     map[string][]*clerkapi.EnterpriseConnectionTestRun
	dirs     table[directory]
	mappings table[groupMapping]
	// Fetches records the IdP metadata URLs Clerk would fetch, in order.
	fetches []metadataFetch
}

type metadataFetch struct {
	connectionID, url string
	at                int64
}

// entConn is an enterprise connection with what its answers do not show.
type entConn struct {
	clerkapi.EnterpriseConnection
	idpCertificate, idpMetadata *string
	attributes                  clerkapi.CreateSAMLConnectionRequestAttributeMapping
	oidcSecret                  *string
}

// entConnJSON adds the fields the spec requires that clerkapi's struct
// does not declare.
type entConnJSON struct {
	clerkapi.EnterpriseConnection
	Authenticatable        bool `json:"authenticatable"`
	DisableJITProvisioning bool `json:"disable_jit_provisioning"`
}

var (
	samlProviders = []string{"saml_custom", "saml_okta", "saml_google", "saml_microsoft"}
	oidcProviders = []string{"oidc_custom", "oidc_github_enterprise", "oidc_gitlab"}
	loginHints    = []string{"email_address", "custom_attribute", "off"}
	attrKeyRE     = lazyRegexp(`^[^_][A-Za-z0-9_-]*$`)
)

func (s *Sandbox) ssoState() *ssoState {
	if s.sso == nil {
		s.sso = &ssoState{bySAML: map[string]string{}, runs: map[string][]*clerkapi.EnterpriseConnectionTestRun{}}
	}
	return s.sso
}

func isSAML(provider string) bool { return strings.HasPrefix(provider, "saml_") }

// configured reports whether the connection has what an active connection
// needs: SAML, the IdP's entity ID, SSO URL and certificate, or its
// metadata; OIDC, a client ID and secret and a discovery URL or the
// authorize, token and user-info URLs.
func (ec *entConn) configured() (bool, string) {
	if sc := ec.SAMLConnection; sc != nil {
		if ec.idpMetadata != nil || sc.IDPMetadataURL != nil || (sc.IDPEntityID != nil && sc.IDPSSOURL != nil && ec.idpCertificate != nil) {
			return true, ""
		}
		return false, "the IdP's entity ID, SSO URL and certificate, or its metadata"
	}
	if oc := ec.OAuthConfig; oc != nil {
		if oc.ClientID != nil && ec.oidcSecret != nil && (oc.DiscoveryURL != nil || (oc.AuthURL != nil && oc.TokenURL != nil && oc.UserInfoURL != nil)) {
			return true, ""
		}
		return false, "a client ID and secret and a discovery URL (or the authorize, token and user-info URLs)"
	}
	return false, "an IdP configuration"
}

func (s *Sandbox) entConnView(ec *entConn) entConnJSON {
	v := ec.EnterpriseConnection
	v.Domains = slices.Clone(v.Domains)
	v.CustomAttributes = slices.Clone(v.CustomAttributes)
	if v.SAMLConnection != nil {
		sc := *v.SAMLConnection
		sc.Active = v.Active
		v.SAMLConnection = &sc
	}
	if v.OAuthConfig != nil {
		oc := *v.OAuthConfig
		v.OAuthConfig = &oc
	}
	return entConnJSON{EnterpriseConnection: v, Authenticatable: v.Active}
}

func (s *Sandbox) findEntConn(id string) (*entConn, error) {
	return s.ssoState().conns.find("enterprise connection", id)
}

// checkDomains checks the domains' form and that no other connection
// claims one of them.
func (s *Sandbox) checkDomains(param string, domains []string, self string) ([]string, error) {
	out := make([]string, 0, len(domains))
	for _, d := range domains {
		d = strings.ToLower(strings.TrimSpace(d))
		if !domainRE().MatchString(d) {
			return nil, errParamInvalid(param, param+" must hold domain names such as example.com; "+d+" is not one.")
		}
		if slices.Contains(out, d) {
			return nil, errParamInvalid(param, param+" names "+d+" twice.")
		}
		for _, o := range s.ssoState().conns.all() {
			if o.ID != self && slices.Contains(o.Domains, d) {
				return nil, errTaken(param, "domain")
			}
		}
		out = append(out, d)
	}
	return out, nil
}

func (s *Sandbox) checkOrgRef(param string, id *string) (*string, error) {
	if id == nil || *id == "" {
		return nil, nil
	}
	o, ok := s.orgs.get(*id)
	if !ok {
		return nil, errParamInvalid(param, param+" "+*id+" is not an organization of this instance.")
	}
	return &o.ID, nil
}

func checkURL(param string, v *string) error {
	if v == nil {
		return nil
	}
	u, err := url.Parse(*v)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return errParamInvalid(param, param+" must be an absolute http(s) URL.")
	}
	return nil
}

// samlPatch is the SAML configuration a create or update sends, in the
// enterprise shape (the SAML-connection operations map theirs onto it).
type samlPatch struct {
	prefix                                                              string // "saml." or "" for the error's field name
	IDPEntityID, IDPSSOURL, IDPCertificate, IDPMetadataURL, IDPMetadata *string
	Attributes                                                          *clerkapi.CreateSAMLConnectionRequestAttributeMapping
	AllowSubdomains, AllowIDPInitiated, ForceAuthn                      *bool
	LoginMode, LoginSource                                              *string
}

func (p *samlPatch) check() error {
	if err := checkURL(p.prefix+"idp_sso_url", p.IDPSSOURL); err != nil {
		return err
	}
	if err := checkURL(p.prefix+"idp_metadata_url", p.IDPMetadataURL); err != nil {
		return err
	}
	if p.IDPCertificate != nil && *p.IDPCertificate != "" && !strings.Contains(*p.IDPCertificate, "MII") {
		return errParamInvalid(p.prefix+"idp_certificate", p.prefix+"idp_certificate must be the IdP's X.509 certificate, PEM or base64 DER (it starts with MII…).")
	}
	if p.IDPMetadata != nil && *p.IDPMetadata != "" && !strings.Contains(*p.IDPMetadata, "EntityDescriptor") {
		return errParamInvalid(p.prefix+"idp_metadata", p.prefix+"idp_metadata must be the IdP's SAML metadata XML (an EntityDescriptor).")
	}
	if p.LoginMode != nil {
		if !slices.Contains(loginHints, *p.LoginMode) {
			return errParamInvalid(p.prefix+"login_hint.mode", p.prefix+"login_hint.mode must be one of email_address, custom_attribute, off.")
		}
		if *p.LoginMode == "custom_attribute" && (p.LoginSource == nil || *p.LoginSource == "") {
			return errParamMissing(p.prefix + "login_hint.source")
		}
	}
	return nil
}

// apply writes the patch into the connection; a metadata URL is recorded as
// a fetch Clerk would make.
func (s *Sandbox) applySAML(ec *entConn, p *samlPatch, now int64) {
	sc := ec.SAMLConnection
	set := func(dst **string, v *string) {
		if v != nil {
			if *v == "" {
				*dst = nil
			} else {
				*dst = ptr(*v)
			}
		}
	}
	set(&sc.IDPEntityID, p.IDPEntityID)
	set(&sc.IDPSSOURL, p.IDPSSOURL)
	set(&ec.idpCertificate, p.IDPCertificate)
	set(&ec.idpMetadata, p.IDPMetadata)
	if p.IDPMetadataURL != nil {
		set(&sc.IDPMetadataURL, p.IDPMetadataURL)
		if sc.IDPMetadataURL != nil {
			st := s.ssoState()
			st.fetches = append(st.fetches, metadataFetch{connectionID: ec.ID, url: *sc.IDPMetadataURL, at: now})
		}
	}
	if a := p.Attributes; a != nil {
		for _, f := range []struct{ dst, src **string }{
			{&ec.attributes.UserID, &a.UserID}, {&ec.attributes.EmailAddress, &a.EmailAddress},
			{&ec.attributes.FirstName, &a.FirstName}, {&ec.attributes.LastName, &a.LastName},
		} {
			if *f.src != nil {
				*f.dst = ptr(**f.src)
			}
		}
	}
	for _, f := range []struct {
		dst *bool
		src *bool
	}{{&sc.AllowSubdomains, p.AllowSubdomains}, {&sc.AllowIDPInitiated, p.AllowIDPInitiated}, {&sc.ForceAuthn, p.ForceAuthn}} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	if p.LoginMode != nil {
		sc.LoginHint = clerkapi.EnterpriseConnectionSAMLConnectionLoginHint{Mode: *p.LoginMode}
		if p.LoginSource != nil {
			sc.LoginHint.Source = *p.LoginSource
		}
	}
}

type oidcPatch struct {
	ClientID, ClientSecret, DiscoveryURL, AuthURL, TokenURL, UserInfoURL *string
	RequiresPkce                                                         *bool
}

func (p *oidcPatch) check() error {
	for _, f := range []struct {
		name string
		v    *string
	}{{"oidc.discovery_url", p.DiscoveryURL}, {"oidc.auth_url", p.AuthURL}, {"oidc.token_url", p.TokenURL}, {"oidc.user_info_url", p.UserInfoURL}} {
		if err := checkURL(f.name, f.v); err != nil {
			return err
		}
	}
	return nil
}

func (ec *entConn) applyOIDC(p *oidcPatch, now int64) {
	oc := ec.OAuthConfig
	for _, f := range []struct{ dst, src **string }{
		{&oc.ClientID, &p.ClientID}, {&oc.DiscoveryURL, &p.DiscoveryURL}, {&oc.AuthURL, &p.AuthURL},
		{&oc.TokenURL, &p.TokenURL}, {&oc.UserInfoURL, &p.UserInfoURL}, {&ec.oidcSecret, &p.ClientSecret},
	} {
		if *f.src != nil {
			*f.dst = ptr(**f.src)
		}
	}
	if p.RequiresPkce != nil {
		oc.RequiresPkce = *p.RequiresPkce
	}
	oc.UpdatedAt = now
}

type customAttr struct {
	Name, Key                        string
	SSOPath, SCIMPath, DirectoryPath *string
	MultiValued                      *bool
}

func checkCustomAttrs(in []customAttr) ([]clerkapi.CustomAttribute, error) {
	out := []clerkapi.CustomAttribute{}
	for _, a := range in {
		if strings.TrimSpace(a.Name) == "" {
			return nil, errParamMissing("custom_attributes.name")
		}
		if a.Key == "" || !attrKeyRE().MatchString(a.Key) {
			return nil, errParamInvalid("custom_attributes.key", "custom_attributes.key must be letters, digits, _ or -, not starting with _.")
		}
		for _, o := range out {
			if o.Key == a.Key {
				return nil, errParamInvalid("custom_attributes.key", "custom_attributes names the key "+a.Key+" twice.")
			}
		}
		v := clerkapi.CustomAttribute{Name: a.Name, Key: a.Key}
		if a.SSOPath != nil {
			v.SSOPath = *a.SSOPath
		}
		if a.SCIMPath != nil {
			v.SCIMPath = *a.SCIMPath
		}
		if a.DirectoryPath != nil {
			v.DirectoryPath = *a.DirectoryPath
		}
		if a.MultiValued != nil {
			v.MultiValued = *a.MultiValued
		}
		out = append(out, v)
	}
	return out, nil
}

// newEntConn stores a connection of a provider; the caller has checked
// its fields.
func (s *Sandbox) newEntConn(name, provider string, domains []string, org *string, now int64) *entConn {
	ec := &entConn{EnterpriseConnection: clerkapi.EnterpriseConnection{
		Object: "enterprise_connection", ID: s.newID("ent"), Name: name, Provider: provider, Domains: domains,
		OrganizationID: org, CustomAttributes: []clerkapi.CustomAttribute{}, CreatedAt: now, UpdatedAt: now,
	}}
	if isSAML(provider) {
		id := s.newID("samlc")
		base := "https://" + frontendHost
		ec.SAMLConnection = &clerkapi.EnterpriseConnectionSAMLConnection{
			ID: id, Name: name, ACSURL: ptr(base + "/v1/saml/acs/" + id), SpEntityID: ptr(base + "/saml/" + id),
			SpMetadataURL: ptr(base + "/v1/saml/metadata/" + id), LoginHint: clerkapi.EnterpriseConnectionSAMLConnectionLoginHint{Mode: "email_address"},
		}
		s.ssoState().bySAML[id] = ec.ID
	} else {
		ec.OAuthConfig = &clerkapi.EnterpriseConnectionOAuthConfig{ID: s.newID("oac"), Name: name, ProviderKey: provider, CreatedAt: now, UpdatedAt: now}
	}
	s.ssoState().conns.add(ec.ID, ec)
	return ec
}

// activate sets the active flag: a connection is activated only once
// configured, and activation removes the same domains from other
// organizations' domain lists (Clerk deletes clashing organization domains).
func (s *Sandbox) activate(ec *entConn, active bool) error {
	if active {
		if ok, need := ec.configured(); !ok {
			return errParamInvalid("active", "The connection cannot be activated before it has "+need+".")
		}
		s.orgDomains.removeWhere(func(d *orgDomain) bool {
			return slices.Contains(ec.Domains, d.Name) && (ec.OrganizationID == nil || d.OrganizationID != *ec.OrganizationID)
		})
	}
	ec.Active = active
	return nil
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
