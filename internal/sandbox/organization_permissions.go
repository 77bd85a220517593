package sandbox

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// organizationPermissionsHandlers are the handlers of the operations in clerkapi/organization_permissions.go.
var organizationPermissionsHandlers = map[string]handlerFunc{
	"list_organization_permissions":  (*Sandbox).listOrgPermissions,
	"create_organization_permission": (*Sandbox).createOrgPermission,
	"get_organization_permission":    (*Sandbox).getOrgPermission,
	"update_organization_permission": (*Sandbox).updateOrgPermission,
	"delete_organization_permission": (*Sandbox).deleteOrgPermission,
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
	perms := views(s.rb().perms.all(), func(p *clerkapi.Permission) clerkapi.Permission { return *p })
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
	return s.rb().perms.find("organization permission", c.path["permission_id"])
}

func (s *Sandbox) checkPermKey(key string, self *clerkapi.Permission) error {
	if strings.HasPrefix(key, "org:sys_") {
		return errParamInvalid("key", "key must not begin with org:sys_, which is reserved for system permissions.")
	}
	if !permKeyRE().MatchString(key) {
		return errParamInvalid("key", fmt.Sprintf("key must have the form org:feature:action (lowercase letters, digits, underscores); %q does not.", key))
	}
	for _, p := range s.rb().perms.all() {
		if p.Key == key && p != self {
			return errTaken("key", "permission key")
		}
	}
	return nil
}

func (s *Sandbox) createOrgPermission(c *call) (any, error) {
	var req clerkapi.CreateOrganizationPermissionRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("name", req.Name); err != nil {
		return nil, err
	}
	if err := requireString("key", req.Key); err != nil {
		return nil, err
	}
	if err := s.checkPermKey(req.Key, nil); err != nil {
		return nil, err
	}
	if n := int64(len(s.rb().perms.order)); s.orgSettings.MaxAllowedPermissions > 0 && n >= s.orgSettings.MaxAllowedPermissions {
		return nil, &apiError{status: 402, code: "organization_permissions_quota_exceeded", message: "permission limit reached",
			long: fmt.Sprintf("The instance allows %d organization permissions and has %d.", s.orgSettings.MaxAllowedPermissions, n)}
	}
	now := s.tick()
	p := &clerkapi.Permission{Object: "permission", ID: s.newID("perm"), Name: req.Name, Key: req.Key, Description: deref(req.Description),
		Type: "user", CreatedAt: now, UpdatedAt: now}
	return s.rb().perms.add(p.ID, p), nil
}

func (s *Sandbox) customPermission(id string) (*clerkapi.Permission, error) {
	p, err := s.rb().perms.find("organization permission", id)
	if err != nil {
		return nil, err
	}
	if p.Type == "system" {
		return nil, &apiError{status: 403, code: "system_permission_immutable", message: "system permissions cannot be changed",
			long: "Permission " + p.Key + " is a system permission; only custom permissions can be updated or deleted."}
	}
	return p, nil
}

func (s *Sandbox) updateOrgPermission(c *call) (any, error) {
	p, err := s.customPermission(c.path["permission_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpdateOrganizationPermissionRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if req.Name != nil && strings.TrimSpace(*req.Name) == "" {
		return nil, errParamInvalid("name", "name must not be empty.")
	}
	if req.Key != nil {
		if err := s.checkPermKey(*req.Key, p); err != nil {
			return nil, err
		}
	}
	p.UpdatedAt = s.tick()
	for dst, src := range map[*string]*string{&p.Name: req.Name, &p.Key: req.Key, &p.Description: req.Description} {
		if src != nil {
			*dst = *src
		}
	}
	return p, nil
}

// deleteOrgPermission deletes a custom permission and takes it from every
// role.
func (s *Sandbox) deleteOrgPermission(c *call) (any, error) {
	p, err := s.customPermission(c.path["permission_id"])
	if err != nil {
		return nil, err
	}
	now := s.tick()
	for _, r := range s.rb().roles.all() {
		if slices.Contains(r.permIDs, p.ID) {
			r.permIDs = slices.DeleteFunc(slices.Clone(r.permIDs), func(id string) bool { return id == p.ID })
			r.UpdatedAt = now
		}
	}
	s.rb().perms.remove(p.ID)
	return deleted{Object: "permission", ID: p.ID, Deleted: true}, nil
}
