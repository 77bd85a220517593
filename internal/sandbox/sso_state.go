package sandbox

import (
	"net/url"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// The enterprise connection state behind both names (enterprise
// connections and the deprecated SAML connections) and the checks and
// patches their create and update handlers share.

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
