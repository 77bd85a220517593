package sandbox

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// organizationsHandlers are the handlers of the operations in clerkapi/organizations.go.
var organizationsHandlers = map[string]handlerFunc{
	"list_organizations":                         (*Sandbox).listOrgs,
	"create_organization":                        (*Sandbox).createOrg,
	"get_organization":                           (*Sandbox).getOrg,
	"update_organization":                        (*Sandbox).updateOrg,
	"delete_organization":                        (*Sandbox).deleteOrg,
	"update_organization_metadata":               flagged((*Sandbox).orgMetadata, true),
	"replace_organization_metadata":              flagged((*Sandbox).orgMetadata, false),
	"upload_organization_logo":                   (*Sandbox).uploadOrgLogo,
	"delete_organization_logo":                   (*Sandbox).deleteOrgLogo,
	"get_organization_billing_subscription":      flagged((*Sandbox).getBillingSubscription, true),
	"get_organization_billing_credit_balance":    flagged((*Sandbox).getCreditBalance, true),
	"adjust_organization_billing_credit_balance": flagged((*Sandbox).adjustCredits, true),
}

// membership is a stored organization membership.
type membership struct {
	id, orgID, userID, role string
	public, private         map[string]any
	createdAt, updatedAt    int64
}

var slugRE = lazyRegexp(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// orgJSON is an organization as Clerk answers it: the counts appear only
// when asked for.
type orgJSON struct {
	*clerkapi.Organization
	MembersCount                         *int64 `json:"members_count,omitempty"`
	PendingInvitationsCount              *int64 `json:"pending_invitations_count,omitempty"`
	MissingMemberWithElevatedPermissions *bool  `json:"missing_member_with_elevated_permissions,omitempty"`
}

func (s *Sandbox) orgView(o *clerkapi.Organization, counts, missing bool) orgJSON {
	v := *o
	out := orgJSON{Organization: &v}
	if counts {
		members, pending := s.memberCount(o.ID), int64(0)
		for _, inv := range s.orgInvites.all() {
			if inv.OrganizationID == o.ID && s.orgInviteStatus(inv) == "pending" {
				pending++
			}
		}
		out.MembersCount, out.PendingInvitationsCount = &members, &pending
	}
	if missing {
		hasAdmin := slices.ContainsFunc(s.members.all(), func(m *membership) bool { return m.orgID == o.ID && m.role == "org:admin" })
		out.MissingMemberWithElevatedPermissions = ptr(!hasAdmin)
	}
	return out
}

type membershipJSON struct {
	clerkapi.OrganizationMembership
	Organization orgJSON `json:"organization"`
}

func (s *Sandbox) membershipView(m *membership) membershipJSON {
	o, _ := s.orgs.get(m.orgID)
	u, _ := s.users.get(m.userID)
	r := s.roleInfo(m.role)
	pud := clerkapi.OrganizationMembershipPublicUserData{UserID: m.userID}
	if u != nil {
		uv := s.userView(u)
		pud = clerkapi.OrganizationMembershipPublicUserData{
			UserID: u.ID, FirstName: u.FirstName, LastName: u.LastName,
			ProfileImageURL: &uv.ProfileImageURL, ImageURL: uv.ImageURL, HasImage: u.HasImage,
			Identifier: ptr(identifier(u)), Username: u.Username, Banned: u.Banned, Deprovisioned: u.Deprovisioned,
		}
	}
	return membershipJSON{
		OrganizationMembership: clerkapi.OrganizationMembership{
			ID: m.id, Object: "organization_membership", Role: m.role, RoleName: r.name,
			Permissions:    slices.Clone(r.perms),
			PublicMetadata: metadata(m.public), PrivateMetadata: metadata(m.private),
			PublicUserData: pud, CreatedAt: m.createdAt, UpdatedAt: m.updatedAt,
		},
		Organization: s.orgView(o, false, false),
	}
}

// orgInviteStatus is the invitation's status now: a pending invitation past
// its expiry reads as expired.
func (s *Sandbox) orgInviteStatus(inv *clerkapi.OrganizationInvitation) string {
	return s.statusNow(inv.Status, inv.ExpiresAt)
}

func (s *Sandbox) orgInviteView(inv *clerkapi.OrganizationInvitation) clerkapi.OrganizationInvitation {
	v := *inv
	v.Status = s.orgInviteStatus(inv)
	v.PublicMetadata, v.PrivateMetadata = metadata(v.PublicMetadata), metadata(v.PrivateMetadata)
	return v
}

// publicOrgData is the organization as invitations and domains show it.
func publicOrgData(o *clerkapi.Organization) clerkapi.OrganizationInvitationPublicOrganizationData {
	return clerkapi.OrganizationInvitationPublicOrganizationData{
		ID: o.ID, Name: o.Name, Slug: o.Slug, ImageURL: o.ImageURL, HasImage: o.HasImage}
}

type orgInviteWithOrgJSON struct {
	clerkapi.OrganizationInvitation
	PublicOrganizationData clerkapi.OrganizationInvitationPublicOrganizationData `json:"public_organization_data"`
}

func (s *Sandbox) orgInviteWithOrgView(inv *clerkapi.OrganizationInvitation) orgInviteWithOrgJSON {
	v := orgInviteWithOrgJSON{OrganizationInvitation: s.orgInviteView(inv)}
	if o, ok := s.orgs.get(inv.OrganizationID); ok {
		v.PublicOrganizationData = publicOrgData(o)
	}
	return v
}

// findOrg finds an organization by ID or slug.
func (s *Sandbox) findOrg(idOrSlug string) (*clerkapi.Organization, error) {
	if o, ok := s.orgs.get(idOrSlug); ok {
		return o, nil
	}
	if o := s.slugOwner(idOrSlug); o != nil {
		return o, nil
	}
	return nil, errNotFound("organization", idOrSlug)
}

func (s *Sandbox) slugOwner(slug string) *clerkapi.Organization {
	for _, o := range s.orgs.all() {
		if o.Slug == slug {
			return o
		}
	}
	return nil
}

func (s *Sandbox) membershipOf(orgID, userID string) *membership {
	for _, m := range s.members.all() {
		if m.orgID == orgID && m.userID == userID {
			return m
		}
	}
	return nil
}

func (s *Sandbox) memberCount(orgID string) int64 {
	var n int64
	for _, m := range s.members.all() {
		if m.orgID == orgID {
			n++
		}
	}
	return n
}

func slugify(name string) string {
	var sb strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			sb.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if sb.Len() == 0 {
		return "organization"
	}
	return sb.String()
}

func checkOrgName(name string) error {
	if err := requireString("name", name); err != nil {
		return err
	}
	if len(name) > 256 {
		return errParamInvalid("name", "name must be at most 256 characters long.")
	}
	return nil
}

func (s *Sandbox) checkSlug(slug string, self *clerkapi.Organization) error {
	if !slugRE().MatchString(slug) {
		return errParamInvalid("slug", "slug can contain only lowercase letters, digits and single dashes, e.g. acme-corp.")
	}
	if o := s.slugOwner(slug); o != nil && o != self {
		return errTaken("slug", "slug")
	}
	return nil
}

var orgOrder = func(s *Sandbox) sortKeys[*clerkapi.Organization] {
	return sortKeys[*clerkapi.Organization]{
		"created_at":    func(o *clerkapi.Organization) any { return o.CreatedAt },
		"name":          func(o *clerkapi.Organization) any { return o.Name },
		"members_count": func(o *clerkapi.Organization) any { return s.memberCount(o.ID) },
	}
}

func (s *Sandbox) listOrgs(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	counts, err := c.boolParam("include_members_count")
	if err != nil {
		return nil, err
	}
	missing, err := c.boolParam("include_missing_member_with_elevated_permissions")
	if err != nil {
		return nil, err
	}
	query, _ := c.str("query")
	q := strings.ToLower(query)
	incU, excU := split(c.strs("user_id"))
	incO, excO := split(c.strs("organization_id"))
	var out []*clerkapi.Organization
	for _, o := range s.orgs.all() {
		if q != "" && o.ID != query && !strings.Contains(strings.ToLower(o.Name), q) && !strings.Contains(o.Slug, q) {
			continue
		}
		if (len(incO) > 0 && !incO[o.ID]) || excO[o.ID] {
			continue
		}
		if len(incU) > 0 || len(excU) > 0 {
			hit, drop := len(incU) == 0, false
			for _, m := range s.members.all() {
				if m.orgID == o.ID {
					hit = hit || incU[m.userID]
					drop = drop || excU[m.userID]
				}
			}
			if !hit || drop {
				continue
			}
		}
		out = append(out, o)
	}
	if err := sortByParam(c, out, orgOrder(s)); err != nil {
		return nil, err
	}
	return listOf(out, limit, offset, func(o *clerkapi.Organization) orgJSON {
		return s.orgView(o, counts != nil && *counts, missing != nil && *missing)
	}), nil
}

func (s *Sandbox) createOrg(c *call) (any, error) {
	var req clerkapi.CreateOrganizationRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := checkOrgName(req.Name); err != nil {
		return nil, err
	}
	var slug string
	if req.Slug != nil {
		slug = *req.Slug
		if err := s.checkSlug(slug, nil); err != nil {
			return nil, err
		}
	} else {
		base := slugify(req.Name)
		slug = base
		for n := 2; s.slugOwner(slug) != nil; n++ {
			slug = fmt.Sprintf("%s-%d", base, n)
		}
	}
	var creator *user
	if req.CreatedBy != nil && *req.CreatedBy != "" {
		u, ok := s.users.get(*req.CreatedBy)
		if !ok {
			return nil, errParamInvalid("created_by", "created_by must be the ID of an existing user; there is no user "+*req.CreatedBy+".")
		}
		creator = u
	}
	maxMembers := s.orgSettings.MaxAllowedMemberships
	if req.MaxAllowedMemberships != nil {
		if *req.MaxAllowedMemberships < 0 {
			return nil, errParamInvalid("max_allowed_memberships", "max_allowed_memberships must be 0 (unlimited) or more.")
		}
		maxMembers = *req.MaxAllowedMemberships
	}
	var created int64
	if req.CreatedAt != nil {
		v, err := parseTime("created_at", req.CreatedAt)
		if err != nil {
			return nil, err
		}
		created = v
	}

	now := s.tick()
	o := &clerkapi.Organization{
		Object: "organization", ID: s.newID("org"), Name: req.Name, Slug: slug,
		MaxAllowedMemberships: maxMembers, AdminDeleteEnabled: s.orgSettings.AdminDeleteEnabled,
		PublicMetadata: metadata(req.PublicMetadata), PrivateMetadata: metadata(req.PrivateMetadata),
		CreatedAt: now, UpdatedAt: now, LastActiveAt: now, RoleSetKey: req.RoleSetKey,
	}
	if created != 0 {
		o.CreatedAt = created
	}
	o.ImageURL = s.avatar("default", o.ID, initials(&o.Name, nil))
	if creator != nil {
		o.CreatedBy = creator.ID
	}
	s.orgs.add(o.ID, o)
	if creator != nil {
		s.addMember(o.ID, creator.ID, s.orgSettings.CreatorRole, nil, nil, now)
	}
	return s.orgView(o, false, false), nil
}

func (s *Sandbox) addMember(orgID, userID, role string, pub, priv map[string]any, now int64) *membership {
	m := &membership{id: s.newID("orgmem"), orgID: orgID, userID: userID, role: role,
		public: metadata(pub), private: metadata(priv), createdAt: now, updatedAt: now}
	return s.members.add(m.id, m)
}

func (s *Sandbox) getOrg(c *call) (any, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	counts, err := c.boolParam("include_members_count")
	if err != nil {
		return nil, err
	}
	missing, err := c.boolParam("include_missing_member_with_elevated_permissions")
	if err != nil {
		return nil, err
	}
	return s.orgView(o, counts != nil && *counts, missing != nil && *missing), nil
}

func (s *Sandbox) updateOrg(c *call) (any, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpdateOrganizationRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if req.Name != nil {
		if err := checkOrgName(*req.Name); err != nil {
			return nil, err
		}
	}
	if req.Slug != nil {
		if err := s.checkSlug(*req.Slug, o); err != nil {
			return nil, err
		}
	}
	if req.MaxAllowedMemberships != nil && *req.MaxAllowedMemberships < 0 {
		return nil, errParamInvalid("max_allowed_memberships", "max_allowed_memberships must be 0 (unlimited) or more.")
	}
	var created int64
	if req.CreatedAt != nil {
		if created, err = parseTime("created_at", req.CreatedAt); err != nil {
			return nil, err
		}
	}
	now := s.tick()
	if req.Name != nil {
		o.Name = *req.Name
		if !o.HasImage {
			o.ImageURL = s.avatar("default", o.ID, initials(&o.Name, nil))
		}
	}
	if req.Slug != nil {
		o.Slug = *req.Slug
	}
	if req.MaxAllowedMemberships != nil {
		o.MaxAllowedMemberships = *req.MaxAllowedMemberships
	}
	if req.AdminDeleteEnabled != nil {
		o.AdminDeleteEnabled = *req.AdminDeleteEnabled
	}
	if req.CreatedAt != nil {
		o.CreatedAt = created
	}
	if req.RoleSetKey != nil || c.null("role_set_key") {
		o.RoleSetKey = req.RoleSetKey // null: back to the instance's default role set
	}
	o.UpdatedAt = now
	return s.orgView(o, false, false), nil
}

func (s *Sandbox) deleteOrg(c *call) (any, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	s.tick()
	s.members.removeWhere(func(m *membership) bool { return m.orgID == o.ID })
	s.orgInvites.removeWhere(func(inv *clerkapi.OrganizationInvitation) bool { return inv.OrganizationID == o.ID })
	s.orgDomains.removeWhere(func(d *orgDomain) bool { return d.OrganizationID == o.ID })
	s.orgs.remove(o.ID)
	return deleted{Object: "organization", ID: o.ID, Slug: o.Slug, Deleted: true}, nil
}

func (s *Sandbox) orgMetadata(c *call, merge bool) (any, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpdateOrganizationMetadataRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	o.UpdatedAt = s.tick()
	c.applyMetadata("public_metadata", &o.PublicMetadata, req.PublicMetadata, merge)
	c.applyMetadata("private_metadata", &o.PrivateMetadata, req.PrivateMetadata, merge)
	return s.orgView(o, false, false), nil
}

func (s *Sandbox) uploadOrgLogo(c *call) (any, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	form, err := c.upload()
	if err != nil {
		return nil, err
	}
	if uploader := form["uploader_user_id"]; uploader != "" {
		if _, err := s.findUser(uploader); err != nil {
			return nil, err
		}
	}
	o.UpdatedAt = s.tick()
	o.HasImage = true
	o.ImageURL = s.avatar("proxy", o.ID, s.newID("img"))
	return struct {
		orgJSON
		LogoURL string `json:"logo_url"`
	}{s.orgView(o, false, false), o.ImageURL}, nil
}

func (s *Sandbox) deleteOrgLogo(c *call) (any, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	o.UpdatedAt = s.tick()
	o.HasImage = false
	o.ImageURL = s.avatar("default", o.ID, initials(&o.Name, nil))
	return s.orgView(o, false, false), nil
}

var inviteStatuses = []string{"pending", "accepted", "revoked", "expired"}

// invitationStatus reads and checks the status filter.
func (c *call) invitationStatus() (string, error) {
	st, ok := c.str("status")
	if !ok || st == "" {
		return "", nil
	}
	if !slices.Contains(inviteStatuses, st) {
		return "", errParamInvalid("status", "status must be one of pending, accepted, revoked, expired.")
	}
	return st, nil
}
