package sandbox

import (
	"fmt"
	"slices"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// organizationMembershipsHandlers are the handlers of the operations in clerkapi/organization_memberships.go.
var organizationMembershipsHandlers = map[string]handlerFunc{
	"create_organization_membership":          (*Sandbox).createMembership,
	"list_organization_memberships":           (*Sandbox).listMemberships,
	"update_organization_membership":          (*Sandbox).updateMembership,
	"delete_organization_membership":          (*Sandbox).deleteMembership,
	"update_organization_membership_metadata": (*Sandbox).updateMembershipMetadata,
	"list_all_organization_memberships":       (*Sandbox).listAllMemberships,
}

func (s *Sandbox) findMembership(orgID, userID string) (*membership, error) {
	if m := s.membershipOf(orgID, userID); m != nil {
		return m, nil
	}
	return nil, &apiError{status: 404, code: "resource_not_found", message: "not found",
		long: fmt.Sprintf("No organization membership was found for user %s in organization %s", userID, orgID)}
}

var membershipOrder = func(s *Sandbox) sortKeys[*membership] {
	u := func(m *membership) *user { u, _ := s.users.get(m.userID); return u }
	str := func(f func(*user) *string) func(*membership) any {
		return func(m *membership) any {
			if x := u(m); x != nil {
				return strKey(f(x))
			}
			return nil
		}
	}
	return sortKeys[*membership]{
		"created_at":    func(m *membership) any { return m.createdAt },
		"first_name":    str(func(x *user) *string { return x.FirstName }),
		"last_name":     str(func(x *user) *string { return x.LastName }),
		"username":      str(func(x *user) *string { return x.Username }),
		"email_address": str(func(x *user) *string { return ptr(primaryEmail(x)) }),
		"phone_number":  str(func(x *user) *string { return ptr(primaryPhone(x)) }),
	}
}

func (s *Sandbox) createMembership(c *call) (any, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.CreateOrganizationMembershipRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("user_id", req.UserID); err != nil {
		return nil, err
	}
	if err := s.checkRole(req.Role); err != nil {
		return nil, err
	}
	if _, err := s.findUser(req.UserID); err != nil {
		return nil, err
	}
	if s.membershipOf(o.ID, req.UserID) != nil {
		return nil, &apiError{status: 422, code: "already_a_member_in_organization", message: "already a member",
			long: fmt.Sprintf("User %s is already a member of organization %s.", req.UserID, o.ID), meta: map[string]any{"param_name": "user_id"}}
	}
	if o.MaxAllowedMemberships > 0 && s.memberCount(o.ID) >= o.MaxAllowedMemberships {
		return nil, &apiError{status: 403, code: "organization_membership_quota_exceeded", message: "membership quota exceeded",
			long: fmt.Sprintf("Organization %s has reached its limit of %d members.", o.ID, o.MaxAllowedMemberships)}
	}
	m := s.addMember(o.ID, req.UserID, req.Role, req.PublicMetadata, req.PrivateMetadata, s.tick())
	return s.membershipView(m), nil
}

func (s *Sandbox) listMemberships(c *call) (any, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	keep, err := s.userFilters(c)
	if err != nil {
		return nil, err
	}
	wantRoles := c.strs("role")
	var out []*membership
	for _, m := range s.members.all() {
		if m.orgID != o.ID || (len(wantRoles) > 0 && !slices.Contains(wantRoles, m.role)) {
			continue
		}
		if u, ok := s.users.get(m.userID); !ok || !keep(u) {
			continue
		}
		out = append(out, m)
	}
	if err := sortByParam(c, out, membershipOrder(s)); err != nil {
		return nil, err
	}
	return listOf(out, limit, offset, s.membershipView), nil
}

func (s *Sandbox) listAllMemberships(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	out := s.members.all()
	if err := sortByParam(c, out, membershipOrder(s)); err != nil {
		return nil, err
	}
	return listOf(out, limit, offset, s.membershipView), nil
}

func (s *Sandbox) updateMembership(c *call) (any, error) {
	m, err := s.pathMembership(c)
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpdateOrganizationMembershipRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := s.checkRole(req.Role); err != nil {
		return nil, err
	}
	m.role = req.Role
	m.updatedAt = s.tick()
	return s.membershipView(m), nil
}

// pathMembership finds the membership the path names by organization and user.
func (s *Sandbox) pathMembership(c *call) (*membership, error) {
	o, err := s.findOrg(c.path["organization_id"])
	if err != nil {
		return nil, err
	}
	return s.findMembership(o.ID, c.path["user_id"])
}

func (s *Sandbox) deleteMembership(c *call) (any, error) {
	m, err := s.pathMembership(c)
	if err != nil {
		return nil, err
	}
	s.tick()
	v := s.membershipView(m)
	s.members.remove(m.id)
	return v, nil
}

func (s *Sandbox) updateMembershipMetadata(c *call) (any, error) {
	m, err := s.pathMembership(c)
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpdateOrganizationMembershipMetadataRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	m.updatedAt = s.tick()
	c.applyMetadata("public_metadata", &m.public, req.PublicMetadata, true)
	c.applyMetadata("private_metadata", &m.private, req.PrivateMetadata, true)
	return s.membershipView(m), nil
}
