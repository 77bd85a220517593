package sandbox

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// organizationRolesHandlers are the handlers of the operations in clerkapi/organization_roles.go.
var organizationRolesHandlers = map[string]handlerFunc{
	"list_organization_roles":             (*Sandbox).listOrgRoles,
	"create_organization_role":            (*Sandbox).createOrgRole,
	"get_organization_role":               (*Sandbox).getOrgRole,
	"update_organization_role":            (*Sandbox).updateOrgRole,
	"delete_organization_role":            (*Sandbox).deleteOrgRole,
	"assign_organization_role_permission": flagged((*Sandbox).roleGrant, true),
	"remove_organization_role_permission": flagged((*Sandbox).roleGrant, false),
}

func (s *Sandbox) roleView(r *storedRole) clerkapi.Role {
	v := r.Role
	v.Permissions = []clerkapi.Permission{}
	for _, id := range r.permIDs {
		if p, ok := s.rb().perms.get(id); ok {
			v.Permissions = append(v.Permissions, *p)
		}
	}
	return v
}

var roleOrder = sortKeys[*storedRole]{
	"created_at": func(r *storedRole) any { return r.CreatedAt },
	"name":       func(r *storedRole) any { return r.Name },
	"key":        func(r *storedRole) any { return r.Key },
}

func (s *Sandbox) listOrgRoles(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	roles := s.rb().roles.all()
	if q, ok := c.str("query"); ok && q != "" {
		q = strings.ToLower(q)
		roles = slices.DeleteFunc(roles, func(r *storedRole) bool {
			return !strings.Contains(strings.ToLower(r.Name+" "+r.Key+" "+r.ID), q)
		})
	}
	// Clerk's default order here is creation order, oldest first, unless
	// order_by is given.
	if ob, _ := c.str("order_by"); ob != "" {
		if err := order(roles, ob, roleOrder); err != nil {
			return nil, err
		}
	}
	return listOf(roles, limit, offset, s.roleView), nil
}

func (s *Sandbox) findRole(id string) (*storedRole, error) {
	return s.rb().roles.find("organization role", id)
}

func (s *Sandbox) getOrgRole(c *call) (any, error) {
	r, err := s.findRole(c.path["organization_role_id"])
	if err != nil {
		return nil, err
	}
	return s.roleView(r), nil
}

// checkPermIDs checks the permission IDs a role is given.
func (s *Sandbox) checkPermIDs(ids []string) ([]string, error) {
	out := []string{}
	for _, id := range ids {
		if _, ok := s.rb().perms.get(id); !ok {
			return nil, errParamInvalid("permissions", fmt.Sprintf("permissions must hold permission IDs; %q is not one (list_organization_permissions shows them).", id))
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

func (s *Sandbox) checkRoleKey(key string, self *storedRole) error {
	if !roleKeyRE().MatchString(key) {
		return errParamInvalid("key", fmt.Sprintf("key must start with org: followed by lowercase letters, digits and underscores; %q is not.", key))
	}
	if r := s.roleOfKey(key); r != nil && r != self {
		return errTaken("key", "role key")
	}
	return nil
}

func (s *Sandbox) createOrgRole(c *call) (any, error) {
	var req clerkapi.CreateOrganizationRoleRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("name", req.Name); err != nil {
		return nil, err
	}
	if err := requireString("key", req.Key); err != nil {
		return nil, err
	}
	if err := s.checkRoleKey(req.Key, nil); err != nil {
		return nil, err
	}
	perms, err := s.checkPermIDs(req.Permissions)
	if err != nil {
		return nil, err
	}
	if n := int64(len(s.rb().roles.order)); s.orgSettings.MaxAllowedRoles > 0 && n >= s.orgSettings.MaxAllowedRoles {
		return nil, &apiError{status: 403, code: "organization_roles_quota_exceeded", message: "role limit reached",
			long: fmt.Sprintf("The instance allows %d organization roles and has %d.", s.orgSettings.MaxAllowedRoles, n)}
	}
	now := s.tick()
	r := &storedRole{Role: clerkapi.Role{Object: "role", ID: s.newID("role"), Name: req.Name, Key: req.Key, Description: req.Description,
		CreatedAt: now, UpdatedAt: now}, permIDs: perms}
	s.rb().roles.add(r.ID, r)
	if req.IncludeInInitialRoleSet != nil && *req.IncludeInInitialRoleSet {
		for _, rs := range s.rb().roleSets.all() {
			if rs.Type == "initial" {
				rs.roleKeys, rs.UpdatedAt = append(rs.roleKeys, r.Key), now
			}
		}
	}
	return s.roleView(r), nil
}

func (s *Sandbox) updateOrgRole(c *call) (any, error) {
	r, err := s.findRole(c.path["organization_role_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpdateOrganizationRoleRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if req.Name != nil && strings.TrimSpace(*req.Name) == "" {
		return nil, errParamInvalid("name", "name must not be empty.")
	}
	if req.Key != nil {
		if err := s.checkRoleKey(*req.Key, r); err != nil {
			return nil, err
		}
	}
	var perms []string
	if _, sent := c.raw["permissions"]; sent {
		if perms, err = s.checkPermIDs(req.Permissions); err != nil {
			return nil, err
		}
	}
	now := s.tick()
	if req.Name != nil {
		r.Name = *req.Name
	}
	if _, sent := c.raw["description"]; sent {
		r.Description = req.Description // null clears it
	}
	if perms != nil {
		r.permIDs = perms
	}
	if req.Key != nil && *req.Key != r.Key {
		s.renameRole(r.Key, *req.Key, now)
		r.Key = *req.Key
	}
	r.UpdatedAt = now
	return s.roleView(r), nil
}

// renameRole moves everything that names a role key to the new key.
func (s *Sandbox) renameRole(from, to string, now int64) {
	for _, m := range s.members.all() {
		if m.role == from {
			m.role = to
		}
	}
	for _, inv := range s.orgInvites.all() {
		if inv.Role == from {
			inv.Role = to
		}
	}
	for _, rs := range s.rb().roleSets.all() {
		for i, k := range rs.roleKeys {
			if k == from {
				rs.roleKeys[i], rs.UpdatedAt = to, now
			}
		}
		if rs.defaultKey == from {
			rs.defaultKey = to
		}
		if rs.creatorKey == from {
			rs.creatorKey = to
		}
	}
	if s.orgSettings.CreatorRole == from {
		s.orgSettings.CreatorRole = to
	}
	if s.orgSettings.DomainsDefaultRole == from {
		s.orgSettings.DomainsDefaultRole = to
	}
}

// roleUse says what uses a role, or "" when nothing does.
func (s *Sandbox) roleUse(key string) string {
	switch {
	case s.orgSettings.CreatorRole == key:
		return "it is the instance's creator role"
	case s.orgSettings.DomainsDefaultRole == key:
		return "it is the instance's domain default role"
	case slices.ContainsFunc(s.members.all(), func(m *membership) bool { return m.role == key }):
		return "members have it"
	case slices.ContainsFunc(s.orgInvites.all(), func(inv *clerkapi.OrganizationInvitation) bool {
		return inv.Role == key && s.orgInviteStatus(inv) == "pending"
	}):
		return "pending invitations grant it"
	}
	return ""
}

func (s *Sandbox) deleteOrgRole(c *call) (any, error) {
	r, err := s.findRole(c.path["organization_role_id"])
	if err != nil {
		return nil, err
	}
	if use := s.roleUse(r.Key); use != "" {
		return nil, &apiError{status: 422, code: "organization_role_in_use", message: "role is in use",
			long: "Role " + r.Key + " cannot be deleted: " + use + "."}
	}
	now := s.tick()
	for _, rs := range s.rb().roleSets.all() {
		if i := slices.Index(rs.roleKeys, r.Key); i >= 0 {
			rs.roleKeys, rs.UpdatedAt = without(rs.roleKeys, i), now
		}
	}
	s.rb().roles.remove(r.ID)
	return deleted{Object: "role", ID: r.ID, Deleted: true}, nil
}

func (s *Sandbox) roleGrant(c *call, grant bool) (any, error) {
	r, err := s.findRole(c.path["organization_role_id"])
	if err != nil {
		return nil, err
	}
	pid := c.path["permission_id"]
	if _, err := s.rb().perms.find("organization permission", pid); err != nil {
		return nil, err
	}
	has := slices.Contains(r.permIDs, pid)
	switch {
	case grant && has:
		return nil, errBadRequest("permission_already_assigned", "permission already assigned", "Role "+r.Key+" already has permission "+pid+".")
	case !grant && !has:
		return nil, errNotFound("permission on role "+r.Key, pid)
	}
	r.UpdatedAt = s.tick()
	if grant {
		r.permIDs = append(r.permIDs, pid)
	} else {
		r.permIDs = slices.DeleteFunc(slices.Clone(r.permIDs), func(id string) bool { return id == pid })
	}
	return s.roleView(r), nil
}
