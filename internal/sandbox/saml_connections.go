package sandbox

import (
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// The deprecated SAML-connection operations are a view of the SAML
// enterprise connections: both reach the same state.

type samlAttrs struct {
	UserID       string `json:"user_id"`
	EmailAddress string `json:"email_address"`
	FirstName    string `json:"first_name"`
	LastName     string `json:"last_name"`
}

type samlLoginHint struct {
	Mode   string `json:"mode"`
	Source string `json:"source,omitempty"`
}

// samlConnJSON is Clerk's SAMLConnection.
type samlConnJSON struct {
	Object                           string        `json:"object"`
	ID                               string        `json:"id"`
	Name                             string        `json:"name"`
	Domain                           string        `json:"domain"`
	Domains                          []string      `json:"domains"`
	IDPEntityID                      *string       `json:"idp_entity_id"`
	IDPSSOURL                        *string       `json:"idp_sso_url"`
	IDPCertificate                   *string       `json:"idp_certificate"`
	IDPCertificateIssuedAt           *int64        `json:"idp_certificate_issued_at"`
	IDPCertificateExpiresAt          *int64        `json:"idp_certificate_expires_at"`
	IDPMetadataURL                   *string       `json:"idp_metadata_url"`
	IDPMetadata                      *string       `json:"idp_metadata"`
	ACSURL                           string        `json:"acs_url"`
	SpEntityID                       string        `json:"sp_entity_id"`
	SpMetadataURL                    string        `json:"sp_metadata_url"`
	OrganizationID                   *string       `json:"organization_id"`
	AttributeMapping                 samlAttrs     `json:"attribute_mapping"`
	Active                           bool          `json:"active"`
	Provider                         string        `json:"provider"`
	UserCount                        int64         `json:"user_count"`
	SyncUserAttributes               bool          `json:"sync_user_attributes"`
	AllowSubdomains                  bool          `json:"allow_subdomains"`
	AllowIDPInitiated                bool          `json:"allow_idp_initiated"`
	DisableAdditionalIdentifications bool          `json:"disable_additional_identifications"`
	AllowOrganizationAccountLinking  bool          `json:"allow_organization_account_linking"`
	Authenticatable                  bool          `json:"authenticatable"`
	ForceAuthn                       bool          `json:"force_authn"`
	LoginHint                        samlLoginHint `json:"login_hint"`
	DisableJITProvisioning           bool          `json:"disable_jit_provisioning"`
	EnterpriseConnectionID           *string       `json:"enterprise_connection_id"`
	CreatedAt                        int64         `json:"created_at"`
	UpdatedAt                        int64         `json:"updated_at"`
}

func derefOr(p *string, def string) string {
	if p == nil {
		return def
	}
	return *p
}

func (s *Sandbox) samlView(ec *entConn) samlConnJSON {
	sc := ec.SAMLConnection
	v := samlConnJSON{
		Object: "saml_connection", ID: sc.ID, Name: ec.Name, Domains: slices.Clone(ec.Domains),
		IDPEntityID: sc.IDPEntityID, IDPSSOURL: sc.IDPSSOURL, IDPCertificate: ec.idpCertificate,
		IDPMetadataURL: sc.IDPMetadataURL, IDPMetadata: ec.idpMetadata,
		ACSURL: derefOr(sc.ACSURL, ""), SpEntityID: derefOr(sc.SpEntityID, ""), SpMetadataURL: derefOr(sc.SpMetadataURL, ""),
		OrganizationID: ec.OrganizationID, Active: ec.Active, Provider: ec.Provider, UserCount: 0,
		AttributeMapping: samlAttrs{
			UserID: derefOr(ec.attributes.UserID, "user_id"), EmailAddress: derefOr(ec.attributes.EmailAddress, "email"),
			FirstName: derefOr(ec.attributes.FirstName, "first_name"), LastName: derefOr(ec.attributes.LastName, "last_name"),
		},
		SyncUserAttributes: ec.SyncUserAttributes, AllowSubdomains: sc.AllowSubdomains, AllowIDPInitiated: sc.AllowIDPInitiated,
		DisableAdditionalIdentifications: ec.DisableAdditionalIdentifications, AllowOrganizationAccountLinking: ec.AllowOrganizationAccountLinking,
		Authenticatable: ec.Active, ForceAuthn: sc.ForceAuthn, LoginHint: samlLoginHint{Mode: sc.LoginHint.Mode, Source: sc.LoginHint.Source},
		EnterpriseConnectionID: ptr(ec.ID), CreatedAt: ec.CreatedAt, UpdatedAt: ec.UpdatedAt,
	}
	if len(ec.Domains) > 0 {
		v.Domain = ec.Domains[0]
	}
	if ec.idpCertificate != nil {
		// The sandbox does not parse certificates: it reports the validity
		// window of a one-year certificate issued when it was set.
		issued, expires := ec.UpdatedAt, ec.UpdatedAt+365*86_400_000
		v.IDPCertificateIssuedAt, v.IDPCertificateExpiresAt = &issued, &expires
	}
	return v
}

func (s *Sandbox) findSAMLConn(id string) (*entConn, error) {
	st := s.ssoState()
	if ec, ok := st.conns.get(st.bySAML[id]); ok {
		return ec, nil
	}
	return nil, errNotFound("SAML connection", id)
}

func (s *Sandbox) listSAMLConns(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	q, _ := c.str("query")
	q = strings.ToLower(q)
	orgs := c.strs("organization_id")
	include, exclude := split(orgs)
	out := []*entConn{}
	for _, ec := range s.ssoState().conns.all() {
		if ec.SAMLConnection == nil {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(ec.Name+" "+strings.Join(ec.Domains, " ")), q) {
			continue
		}
		org := derefOr(ec.OrganizationID, "")
		if (len(include) > 0 && !include[org]) || exclude[org] {
			continue
		}
		out = append(out, ec)
	}
	if err := sortByParam(c, out, sortKeys[*entConn]{
		"created_at": func(ec *entConn) any { return ec.CreatedAt },
		"name":       func(ec *entConn) any { return ec.Name },
	}); err != nil {
		return nil, err
	}
	return listOf(out, limit, offset, s.samlView), nil
}

func samlFromLegacy(idpEntity, sso, cert, metaURL, meta *string, attrs *clerkapi.CreateSAMLConnectionRequestAttributeMapping, force *bool, mode, source *string) *samlPatch {
	return &samlPatch{IDPEntityID: idpEntity, IDPSSOURL: sso, IDPCertificate: cert, IDPMetadataURL: metaURL, IDPMetadata: meta,
		Attributes: attrs, ForceAuthn: force, LoginMode: mode, LoginSource: source}
}

// legacyDomains joins the deprecated domain with domains.
func legacyDomains(domain *string, domains []string) []string {
	out := slices.Clone(domains)
	if domain != nil && *domain != "" && !slices.Contains(out, *domain) {
		out = append([]string{*domain}, out...)
	}
	return out
}

func (s *Sandbox) createSAMLConn(c *call) (any, error) {
	var req clerkapi.CreateSAMLConnectionRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("name", req.Name); err != nil {
		return nil, err
	}
	if !slices.Contains(samlProviders, req.Provider) {
		return nil, errParamInvalid("provider", "provider must be one of "+strings.Join(samlProviders, ", ")+".")
	}
	all := legacyDomains(req.Domain, req.Domains)
	if len(all) == 0 {
		return nil, errParamMissing("domains")
	}
	domains, err := s.checkDomains("domains", all, "")
	if err != nil {
		return nil, err
	}
	org, err := s.checkOrgRef("organization_id", req.OrganizationID)
	if err != nil {
		return nil, err
	}
	var mode, source *string
	if req.LoginHint != nil {
		mode, source = &req.LoginHint.Mode, req.LoginHint.Source
	}
	p := samlFromLegacy(req.IDPEntityID, req.IDPSSOURL, req.IDPCertificate, req.IDPMetadataURL, req.IDPMetadata, req.AttributeMapping, req.ForceAuthn, mode, source)
	if err := p.check(); err != nil {
		return nil, err
	}
	now := s.tick()
	ec := s.newEntConn(req.Name, req.Provider, domains, org, now)
	s.applySAML(ec, p, now)
	return s.samlView(ec), nil
}

func (s *Sandbox) getSAMLConn(c *call) (any, error) {
	ec, err := s.findSAMLConn(c.path["saml_connection_id"])
	if err != nil {
		return nil, err
	}
	return s.samlView(ec), nil
}

func (s *Sandbox) updateSAMLConn(c *call) (any, error) {
	var req clerkapi.UpdateSAMLConnectionRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	ec, err := s.findSAMLConn(c.path["saml_connection_id"])
	if err != nil {
		return nil, err
	}
	_, sentDomains := c.raw["domains"]
	u, err := s.checkConnUpdate(ec, req.Name, sentDomains || req.Domain != nil, legacyDomains(req.Domain, req.Domains), req.OrganizationID)
	if err != nil {
		return nil, err
	}
	var attrs *clerkapi.CreateSAMLConnectionRequestAttributeMapping
	if a := req.AttributeMapping; a != nil {
		attrs = &clerkapi.CreateSAMLConnectionRequestAttributeMapping{UserID: a.UserID, EmailAddress: a.EmailAddress, FirstName: a.FirstName, LastName: a.LastName}
	}
	var mode, source *string
	if req.LoginHint != nil {
		mode, source = &req.LoginHint.Mode, req.LoginHint.Source
	}
	u.saml = samlFromLegacy(req.IDPEntityID, req.IDPSSOURL, req.IDPCertificate, req.IDPMetadataURL, req.IDPMetadata, attrs, req.ForceAuthn, mode, source)
	u.saml.AllowSubdomains, u.saml.AllowIDPInitiated = req.AllowSubdomains, req.AllowIDPInitiated
	if err := u.saml.check(); err != nil {
		return nil, err
	}
	u.sync, u.disableIDs, u.linking, u.active = req.SyncUserAttributes, req.DisableAdditionalIdentifications, req.AllowOrganizationAccountLinking, req.Active
	if err := s.updateConn(c, ec, u); err != nil {
		return nil, err
	}
	return s.samlView(ec), nil
}

func (s *Sandbox) deleteSAMLConn(c *call) (any, error) {
	ec, err := s.findSAMLConn(c.path["saml_connection_id"])
	if err != nil {
		return nil, err
	}
	id := ec.SAMLConnection.ID
	s.tick()
	s.dropEntConn(ec)
	return deleted{Object: "saml_connection", ID: id, Deleted: true}, nil
}

// samlConnectionsHandlers are the handlers of the operations in clerkapi/saml_connections.go.
var samlConnectionsHandlers = map[string]handlerFunc{
	"list_saml_connections":  (*Sandbox).listSAMLConns,
	"create_saml_connection": (*Sandbox).createSAMLConn,
	"get_saml_connection":    (*Sandbox).getSAMLConn,
	"update_saml_connection": (*Sandbox).updateSAMLConn,
	"delete_saml_connection": (*Sandbox).deleteSAMLConn,
}
