package sandbox

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// organizationDomainsHandlers are the handlers of the operations in clerkapi/organization_domains.go.
var organizationDomainsHandlers = map[string]handlerFunc{
	"create_organization_domain":           (*Sandbox).createOrgDomain,
	"list_organization_domains":            (*Sandbox).listOrgDomains,
	"update_organization_domain":           (*Sandbox).updateOrgDomain,
	"delete_organization_domain":           (*Sandbox).deleteOrgDomain,
	"verify_organization_domain_ownership": (*Sandbox).verifyDomainOwnership,
	"list_all_organization_domains":        (*Sandbox).listAllOrgDomains,
}

// orgDomain is a stored organization domain.
type orgDomain struct {
	clerkapi.OrganizationDomain
	verified bool
	ownedAt  int64 // when verify_organization_domain_ownership verified it; 0: never
}

var enrollmentModes = []string{"manual_invitation", "automatic_invitation", "automatic_suggestion", "enterprise_sso"}

var domainRE = lazyRegexp(`^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$`)

// commonEmailDomains are free mail providers, which Clerk refuses as
// organization domains.
var commonEmailDomains = []string{
	"gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
	"icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "mail.com", "yandex.com", "zoho.com",
}

func (s *Sandbox) orgDomainView(d *orgDomain) clerkapi.OrganizationDomain {
	v := d.OrganizationDomain
	v.AffiliationVerification, v.Verification, v.OwnershipVerification = nil, nil, nil
	if d.verified {
		v.AffiliationVerification = &clerkapi.OrganizationDomainVerification{Status: "verified", Strategy: "admin"}
		v.Verification = &clerkapi.OrganizationDomainVerification{Status: "verified", Strategy: "admin"}
	}
	if d.ownedAt > 0 {
		v.OwnershipVerification = &clerkapi.OrganizationDomainVerification{Status: "verified", Strategy: "manual_override", VerifiedAt: &d.ownedAt}
	}
	v.PublicOrganizationData = nil
	if o, ok := s.orgs.get(d.OrganizationID); ok {
		v.PublicOrganizationData = ptr(publicOrgData(o))
	}
	return v
}

// checkEnrollmentMode validates a mode to set on a domain: one of Clerk's
// four, enabled in the instance's organization settings.
func (s *Sandbox) checkEnrollmentMode(mode string) error {
	if !slices.Contains(enrollmentModes, mode) {
		return errParamInvalid("enrollment_mode", fmt.Sprintf("enrollment_mode must be one of %s; got %q.", strings.Join(enrollmentModes, ", "), mode))
	}
	if mode == "enterprise_sso" {
		return errParamInvalid("enrollment_mode", "enterprise_sso is set by an enterprise connection for the domain; the sandbox has none.")
	}
	if !slices.Contains(s.orgSettings.DomainsEnrollmentModes, mode) {
		return &apiError{status: 403, code: "organization_domain_enrollment_mode_not_enabled", message: "organization enrollment mode not enabled",
			long: fmt.Sprintf("Enrollment mode %s is not enabled for this instance's organizations (update_instance_organization_settings domains_enrollment_modes).", mode)}
	}
	return nil
}

// enrollmentFilter reads enrollment_mode values (repeated or comma-joined);
// a - prefix excludes a mode, and includes and excludes combine with AND.
func (c *call) enrollmentFilter() (func(mode string) bool, error) {
	vals := c.strs("enrollment_mode") // the door split the comma-joined values
	for _, v := range vals {
		if !slices.Contains(enrollmentModes, strings.TrimLeft(v, "+-")) {
			return nil, errParamInvalid("enrollment_mode", fmt.Sprintf("enrollment_mode takes %s, each optionally prefixed with - to exclude it; got %q.", strings.Join(enrollmentModes, ", "), v))
		}
	}
	inc, exc := split(vals)
	return func(mode string) bool { return (len(inc) == 0 || inc[mode]) && !exc[mode] }, nil
}

// verifiedFilter reads the verified filter, which Clerk takes as the
// strings true and false.
func (c *call) verifiedFilter() (*bool, error) {
	v, ok := c.str("verified")
	if !ok || v == "" {
		return nil, nil
	}
	switch v {
	case "true":
		return ptr(true), nil
	case "false":
		return ptr(false), nil
	}
	return nil, errParamInvalid("verified", "verified must be true or false.")
}

var orgDomainOrder = sortKeys[*orgDomain]{
	"created_at": func(d *orgDomain) any { return d.CreatedAt },
	"name":       func(d *orgDomain) any { return d.Name },
}

func (s *Sandbox) findOrgDomain(c *call) (*orgDomain, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	id := c.path["domain_id"]
	d, ok := s.orgDomains.get(id)
	if !ok || d.OrganizationID != o.ID {
		return nil, errNotFound("organization domain", id)
	}
	return d, nil
}

func (s *Sandbox) createOrgDomain(c *call) (any, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.CreateOrganizationDomainRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	name := strings.ToLower(strings.TrimSpace(deref(req.Name)))
	if err := requireString("name", name); err != nil {
		return nil, err
	}
	if !domainRE().MatchString(name) {
		return nil, errParamInvalid("name", fmt.Sprintf("name must be a domain name such as example.com; %q is not one.", deref(req.Name)))
	}
	if slices.Contains(commonEmailDomains, name) {
		return nil, &apiError{status: 422, code: "organization_domain_common", message: "common email domain",
			long: "This is a common email provider domain. Please use a different one.", meta: map[string]any{"param_name": "name"}}
	}
	for _, d := range s.orgDomains.all() {
		if d.Name == name {
			long := "This domain is already used by another organization."
			if d.OrganizationID == o.ID {
				long = "This domain already belongs to this organization."
			}
			return nil, &apiError{status: 422, code: "organization_domain_already_exists", message: "organization domain already exists",
				long: long, meta: map[string]any{"param_name": "name"}}
		}
	}
	mode := "manual_invitation"
	if req.EnrollmentMode != nil {
		mode = *req.EnrollmentMode
	}
	if err := s.checkEnrollmentMode(mode); err != nil {
		return nil, err
	}
	var n int64
	for _, d := range s.orgDomains.all() {
		if d.OrganizationID == o.ID {
			n++
		}
	}
	if limit := s.orgSettings.MaxAllowedDomains; limit > 0 && n >= limit {
		return nil, &apiError{status: 403, code: "organization_domain_quota_exceeded", message: "organization domains quota exceeded",
			long: fmt.Sprintf("You have reached your limit of %d domains per organization.", limit)}
	}
	d := s.addOrgDomain(o, name, mode, req.Verified == nil || *req.Verified, s.tick())
	return s.orgDomainView(d), nil
}

func (s *Sandbox) addOrgDomain(o *clerkapi.Organization, name, mode string, verified bool, now int64) *orgDomain {
	d := &orgDomain{OrganizationDomain: clerkapi.OrganizationDomain{
		Object: "organization_domain", ID: s.newID("orgdmn"), OrganizationID: o.ID, Name: name, EnrollmentMode: mode,
		CreatedAt: now, UpdatedAt: now,
	}, verified: verified}
	return s.orgDomains.add(d.ID, d)
}

func (s *Sandbox) listOrgDomains(c *call) (any, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	verified, err := c.verifiedFilter()
	if err != nil {
		return nil, err
	}
	mode, err := c.enrollmentFilter()
	if err != nil {
		return nil, err
	}
	var out []*orgDomain
	for _, d := range s.orgDomains.all() {
		if d.OrganizationID == o.ID && (verified == nil || d.verified == *verified) && mode(d.EnrollmentMode) {
			out = append(out, d)
		}
	}
	if err := order(out, "", orgDomainOrder); err != nil {
		return nil, err
	}
	return listOf(out, limit, offset, s.orgDomainView), nil
}

func (s *Sandbox) listAllOrgDomains(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	verified, err := c.verifiedFilter()
	if err != nil {
		return nil, err
	}
	mode, err := c.enrollmentFilter()
	if err != nil {
		return nil, err
	}
	orgID, _ := c.str("organization_id")
	query, hasQuery := c.str("query")
	if hasQuery && strings.TrimSpace(query) == "" {
		return nil, errParamInvalid("query", "query must not be empty or only whitespace.")
	}
	q := strings.ToLower(strings.TrimSpace(query))
	names := lowerAll(c.strs("domains"))
	var out []*orgDomain
	for _, d := range s.orgDomains.all() {
		switch {
		case orgID != "" && d.OrganizationID != orgID,
			verified != nil && d.verified != *verified,
			!mode(d.EnrollmentMode),
			len(names) > 0 && !slices.Contains(names, d.Name):
			continue
		case q != "":
			// A query starting org_ is an exact organization ID; anything
			// else a partial, case-insensitive match on the name.
			if strings.HasPrefix(q, "org_") {
				if d.OrganizationID != strings.TrimSpace(query) {
					continue
				}
			} else if !strings.Contains(d.Name, q) {
				continue
			}
		}
		out = append(out, d)
	}
	if err := sortByParam(c, out, orgDomainOrder); err != nil {
		return nil, err
	}
	return listOf(out, limit, offset, s.orgDomainView), nil
}

func (s *Sandbox) updateOrgDomain(c *call) (any, error) {
	d, err := s.findOrgDomain(c)
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpdateOrganizationDomainRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if req.EnrollmentMode != nil && *req.EnrollmentMode != d.EnrollmentMode {
		if err := s.checkEnrollmentMode(*req.EnrollmentMode); err != nil {
			return nil, err
		}
	}
	now := s.tick()
	if req.EnrollmentMode != nil {
		d.EnrollmentMode = *req.EnrollmentMode
	}
	if req.Verified != nil {
		d.verified = *req.Verified
	}
	d.UpdatedAt = now
	return s.orgDomainView(d), nil
}

func (s *Sandbox) deleteOrgDomain(c *call) (any, error) {
	d, err := s.findOrgDomain(c)
	if err != nil {
		return nil, err
	}
	s.tick()
	s.orgDomains.remove(d.ID)
	return deleted{Object: "organization_domain", ID: d.ID, Deleted: true}, nil
}

// verifyDomainOwnership marks the domain's ownership verified by manual
// override; calling it again changes nothing.
func (s *Sandbox) verifyDomainOwnership(c *call) (any, error) {
	d, err := s.findOrgDomain(c)
	if err != nil {
		return nil, err
	}
	if err := c.bind(&struct{}{}); err != nil {
		return nil, err
	}
	if d.ownedAt == 0 {
		d.ownedAt = s.tick()
		d.UpdatedAt = d.ownedAt
	}
	return s.orgDomainView(d), nil
}
