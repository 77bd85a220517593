package sandbox

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Organization roles, permissions and role sets. The instance starts with
// Clerk's two default roles (org:admin, org:member), the system permissions
// they carry and one initial role set holding both; all three are built on
// first use. Memberships, invitations and the organization settings refer
// to roles by key, so a key change cascades to them, and a role anything
// uses cannot be deleted.

// rbacState holds the roles (with their permission IDs), the permissions
// and the role sets (with their role keys).
type rbacState struct {
	roles    table[storedRole]
	perms    table[clerkapi.Permission]
	roleSets table[storedRoleSet]
}

type storedRole struct {
	clerkapi.Role // Permissions unused: see permIDs
	permIDs       []string
}

type storedRoleSet struct {
	clerkapi.RoleSet // Roles, DefaultRole, CreatorRole unused: see the keys
	roleKeys         []string
	defaultKey       string
	creatorKey       string
}

// role is a role's name and permission keys, as memberships show them.
type role struct {
	name  string
	perms []string
}

var (
	roleKeyRE    = lazyRegexp(`^org:[a-z0-9_]+$`)
	permKeyRE    = lazyRegexp(`^org:[a-z0-9_]+:[a-z0-9_]+$`)
	roleSetKeyRE = lazyRegexp(`^role_set:[a-z0-9_]+$`)
)

// rb returns the roles state, seeding Clerk's defaults on first use.
func (s *Sandbox) rb() *rbacState {
	if s.rbac != nil {
		return s.rbac
	}
	r := &rbacState{}
	s.rbac = r
	d := defaultRBAC()
	for _, p := range d.perms {
		r.perms.add(p.ID, &p)
	}
	for _, ro := range d.roles {
		ro.permIDs = slices.Clone(ro.permIDs)
		r.roles.add(ro.ID, &ro)
	}
	set := d.set
	set.roleKeys = slices.Clone(set.roleKeys)
	r.roleSets.add(set.ID, &set)
	return r
}

// defaultRBAC is Clerk's default roles, system permissions and initial role
// set, built once and copied into each sandbox.
var defaultRBAC = sync.OnceValue(func() (d struct {
	perms []clerkapi.Permission
	roles []storedRole
	set   storedRoleSet
}) {
	at := BaseTime.UnixMilli() - 400*day
	ids := strings.NewReplacer("org:sys_", "", ":", "_")
	perm := func(key, name, desc string) string {
		p := clerkapi.Permission{Object: "permission", ID: "perm_" + ids.Replace(key),
			Name: name, Key: key, Description: desc, Type: "system", CreatedAt: at, UpdatedAt: at}
		d.perms = append(d.perms, p)
		return p.ID
	}
	all := []string{
		perm("org:sys_profile:manage", "Manage organization", "Update the organization's name, slug and logo."),
		perm("org:sys_profile:delete", "Delete organization", "Delete the organization."),
		perm("org:sys_memberships:manage", "Manage members", "Invite, remove and change the roles of members."),
		perm("org:sys_memberships:read", "Read members", "See the organization's members."),
		perm("org:sys_domains:manage", "Manage domains", "Add, verify and remove verified domains."),
		perm("org:sys_domains:read", "Read domains", "See the organization's verified domains."),
		perm("org:sys_billing:read", "Read billing", "See the organization's plan and invoices."),
		perm("org:sys_billing:manage", "Manage billing", "Change the organization's plan and payment method."),
	}
	admin, member := "Full control of the organization.", "Sees the organization and its members."
	d.roles = []storedRole{
		{Role: clerkapi.Role{Object: "role", ID: "role_2sbxAdminR0le000000000000", Name: "Admin",
			Key: "org:admin", Description: &admin, IsCreatorEligible: true, CreatedAt: at, UpdatedAt: at}, permIDs: all},
		{Role: clerkapi.Role{Object: "role", ID: "role_2sbxMemberR0le00000000000", Name: "Member",
			Key: "org:member", Description: &member, CreatedAt: at, UpdatedAt: at}, permIDs: []string{all[3]}},
	}
	desc := "The roles every new organization gets."
	d.set = storedRoleSet{RoleSet: clerkapi.RoleSet{Object: "role_set", ID: "rs_" + idBody("role set", 1), Name: "Default", Key: "role_set:default",
		Description: &desc, Type: "initial", CreatedAt: at, UpdatedAt: at},
		roleKeys: []string{"org:admin", "org:member"}, defaultKey: "org:member", creatorKey: "org:admin"}
	return d
})

func (s *Sandbox) roleOfKey(key string) *storedRole {
	for _, r := range s.rb().roles.all() {
		if r.Key == key {
			return r
		}
	}
	return nil
}

// roleInfo is a role's name and permission keys, by role key.
func (s *Sandbox) roleInfo(key string) role {
	r := s.roleOfKey(key)
	if r == nil {
		return role{}
	}
	out := role{name: r.Name, perms: []string{}}
	for _, id := range r.permIDs {
		if p, ok := s.rb().perms.get(id); ok {
			out.perms = append(out.perms, p.Key)
		}
	}
	return out
}

// checkRole checks a role key a membership or invitation is given.
func (s *Sandbox) checkRole(r string) error {
	if strings.TrimSpace(r) == "" {
		return errParamMissing("role")
	}
	if s.roleOfKey(r) == nil {
		return errParamInvalid("role", fmt.Sprintf("role %q does not exist in this instance; list_organization_roles shows the keys.", r))
	}
	return nil
}
