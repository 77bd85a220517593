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
