package sandbox

import (
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// The instance's organization roles: Clerk's two defaults, with the system
// permissions they carry. Read-only in the sandbox (role editing answers
// sandbox_not_emulated).
func defaultRoles() []clerkapi.Role {
	at := BaseTime.UnixMilli() - 400*86_400_000
	perm := func(key, name, desc string) clerkapi.Permission {
		return clerkapi.Permission{Object: "permission", ID: "perm_" + strings.NewReplacer("org:sys_", "", ":", "_").Replace(key),
			Name: name, Key: key, Description: desc, Type: "system", CreatedAt: at, UpdatedAt: at}
	}
	read := perm("org:sys_memberships:read", "Read members", "See the organization's members.")
	all := []clerkapi.Permission{
		perm("org:sys_profile:manage", "Manage organization", "Update the organization's name, slug and logo."),
		perm("org:sys_profile:delete", "Delete organization", "Delete the organization."),
		perm("org:sys_memberships:manage", "Manage members", "Invite, remove and change the roles of members."),
		read,
		perm("org:sys_domains:manage", "Manage domains", "Add, verify and remove verified domains."),
		perm("org:sys_domains:read", "Read domains", "See the organization's verified domains."),
		perm("org:sys_billing:read", "Read billing", "See the organization's plan and invoices."),
		perm("org:sys_billing:manage", "Manage billing", "Change the organization's plan and payment method."),
	}
	admin, member := "Full control of the organization.", "Sees the organization and its members."
	return []clerkapi.Role{
		{Object: "role", ID: "role_admin", Name: "Admin", Key: "org:admin", Description: &admin, IsCreatorEligible: true, Permissions: all, CreatedAt: at, UpdatedAt: at},
		{Object: "role", ID: "role_member", Name: "Member", Key: "org:member", Description: &member, Permissions: []clerkapi.Permission{read}, CreatedAt: at, UpdatedAt: at},
	}
}

func (s *Sandbox) listOrgRoles(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	roles := defaultRoles()
	if q, ok := c.str("query"); ok && q != "" {
		q = strings.ToLower(q)
		roles = slices.DeleteFunc(roles, func(r clerkapi.Role) bool {
			return !strings.Contains(strings.ToLower(r.Name+" "+r.Key+" "+r.ID), q)
		})
	}
	return list(roles, limit, offset), nil
}

// orgPermissions are the instance's organization permissions: the system
// permissions the default roles carry, in the admin role's order.
func orgPermissions() []clerkapi.Permission {
	var out []clerkapi.Permission
	for _, r := range defaultRoles() {
		for _, p := range r.Permissions {
			if !slices.ContainsFunc(out, func(q clerkapi.Permission) bool { return q.ID == p.ID }) {
				out = append(out, p)
			}
		}
	}
	return out
}

var permissionOrder = sortKeys[clerkapi.Permission]{
	"created_at": func(p clerkapi.Permission) any { return p.CreatedAt },
	"name":       func(p clerkapi.Permission) any { return p.Name },
	"key":        func(p clerkapi.Permission) any { return p.Key },
}

func (s *Sandbox) listOrgPermissions(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	perms := orgPermissions()
	// The query matches a permission ID exactly, or a name or key in part.
	if q, ok := c.str("query"); ok && q != "" {
		lq := strings.ToLower(q)
		perms = slices.DeleteFunc(perms, func(p clerkapi.Permission) bool {
			return p.ID != q && !strings.Contains(strings.ToLower(p.Name), lq) && !strings.Contains(strings.ToLower(p.Key), lq)
		})
	}
	if err := sortByParam(c, perms, permissionOrder); err != nil {
		return nil, err
	}
	return list(perms, limit, offset), nil
}

func (s *Sandbox) getOrgPermission(c *call) (any, error) {
	id := c.path["permission_id"]
	for _, p := range orgPermissions() {
		if p.ID == id {
			return p, nil
		}
	}
	return nil, errNotFound("organization permission", id)
}
