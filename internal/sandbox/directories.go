package sandbox

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// SCIM directories: the scim_directories and directories operations are
// two names for the same resources. The scim flag of each handler picks the
// path parameter's name and the mapping object's name. The sandbox serves
// no SCIM endpoint: a directory's API key is minted, shown at creation and
// rotation only, and authenticates nothing here.

type directory struct {
	clerkapi.Directory
	apiKey string
}

type groupMapping struct {
	id, dirID, groupID, display, roleID string
	precedence                          int64
	createdAt, updatedAt                int64
}

var defaultDirAttributes = map[string]any{
	"user_id": "externalId", "email_address": "emails[primary eq true].value",
	"first_name": "name.givenName", "last_name": "name.familyName",
}

func dirParam(scim bool) string {
	if scim {
		return "scim_directory_id"
	}
	return "directory_id"
}

func (s *Sandbox) findDir(c *call, scim bool) (*directory, error) {
	kind := "directory"
	if scim {
		kind = "SCIM directory"
	}
	return s.ssoState().dirs.find(kind, c.path[dirParam(scim)])
}

// view is the directory without its API key; the scim operations name the
// object scim_directory.
func (d *directory) view(scim bool) clerkapi.Directory {
	v := d.Directory
	if scim {
		v.Object = "scim_directory"
	}
	v.AttributeMapping = metadata(d.AttributeMapping)
	v.CustomAttributes = slices.Clone(v.CustomAttributes)
	v.APIKey = nil
	return v
}

func (d *directory) withKey(scim bool) clerkapi.Directory {
	v := d.view(scim)
	v.APIKey = ptr(d.apiKey)
	return v
}

// orgRoles are the instance's organization roles by ID, read through the
// roles operation's own answer, so they follow however roles are kept.
func (s *Sandbox) orgRoles() map[string]clerkapi.Role {
	op, _ := clerkapi.Lookup("list_organization_roles")
	out, err := s.listOrgRoles(&call{op: op, args: clerkapi.Args{"limit": json.RawMessage("500")}, query: clerkapi.Args{"limit": json.RawMessage("500")}})
	if err != nil {
		return nil
	}
	page, ok := out.(clerkapi.List[clerkapi.Role])
	if !ok {
		b, _ := json.Marshal(out)
		_ = json.Unmarshal(b, &page)
	}
	roles := make(map[string]clerkapi.Role, len(page.Data))
	for _, r := range page.Data {
		roles[r.ID] = r
	}
	return roles
}

func (s *Sandbox) orgRole(id string) (clerkapi.Role, bool) {
	r, ok := s.orgRoles()[id]
	return r, ok
}

func (s *Sandbox) mappingView(m *groupMapping, scim bool, roles map[string]clerkapi.Role) any {
	role := roles[m.roleID]
	if scim {
		return clerkapi.SCIMGroupRoleMapping{Object: "scim_group_role_mapping", ID: m.id, SCIMDirectoryID: m.dirID, DirectoryID: m.dirID,
			SCIMGroupID: m.groupID, DirectoryGroupID: m.groupID, SCIMGroupDisplayName: m.display, DirectoryGroupDisplayName: m.display,
			Role: role, Precedence: m.precedence, CreatedAt: m.createdAt, UpdatedAt: m.updatedAt}
	}
	return clerkapi.DirectoryGroupRoleMapping{Object: "directory_group_role_mapping", ID: m.id, DirectoryID: m.dirID, SCIMDirectoryID: m.dirID,
		DirectoryGroupID: m.groupID, SCIMGroupID: m.groupID, DirectoryGroupDisplayName: m.display, SCIMGroupDisplayName: m.display,
		Role: role, Precedence: m.precedence, CreatedAt: m.createdAt, UpdatedAt: m.updatedAt}
}

// dirMappings are a directory's mappings by precedence.
func (s *Sandbox) dirMappings(dirID string) []*groupMapping {
	var out []*groupMapping
	for _, m := range s.ssoState().mappings.all() {
		if m.dirID == dirID {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b *groupMapping) int { return int(a.precedence - b.precedence) })
	return out
}

func (s *Sandbox) listDirs(c *call, scim bool) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	all := s.ssoState().dirs.all()
	slices.Reverse(all)
	return listOf(all, limit, offset, func(d *directory) clerkapi.Directory { return d.view(scim) }), nil
}

// mappingIn is one group-role mapping of a create or replace.
type mappingIn struct {
	group, display, role *string
	precedence           *int64
}

// checkMapping checks one mapping: a group ID (either name), a role that
// exists, a display name of at most 255 characters.
func (s *Sandbox) checkMapping(param string, m mappingIn) error {
	if m.group == nil || strings.TrimSpace(*m.group) == "" {
		return errParamMissing(param + "scim_group_id")
	}
	if m.display != nil && len([]rune(*m.display)) > 255 {
		return errParamInvalid(param+"scim_group_display_name", "The group display name must be at most 255 characters.")
	}
	if m.role == nil || *m.role == "" {
		return errParamMissing(param + "role_id")
	}
	if _, ok := s.orgRole(*m.role); !ok {
		return errParamInvalid(param+"role_id", "role_id "+*m.role+" is not an organization role of this instance.")
	}
	if m.precedence != nil && *m.precedence < 1 {
		return errParamInvalid(param+"precedence", "precedence must be at least 1.")
	}
	return nil
}

func either(a, b *string) *string {
	if a != nil {
		return a
	}
	return b
}

func (s *Sandbox) createDir(c *call, scim bool) (any, error) {
	var req clerkapi.CreateDirectoryRequest // the wider of the two shapes
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("enterprise_connection_id", req.EnterpriseConnectionID); err != nil {
		return nil, err
	}
	ec, err := s.findEntConn(req.EnterpriseConnectionID)
	if err != nil {
		return nil, err
	}
	if err := requireString("provider", req.Provider); err != nil {
		return nil, err
	}
	st := s.ssoState()
	for _, d := range st.dirs.all() {
		if d.EnterpriseConnectionID != nil && *d.EnterpriseConnectionID == ec.ID {
			return nil, errTaken("enterprise_connection_id", "enterprise connection already has a directory; it")
		}
	}
	var ins []mappingIn
	groups := map[string]bool{}
	for _, m := range req.GroupRoleMappings {
		in := mappingIn{group: either(m.SCIMGroupID, m.DirectoryGroupID), display: either(m.SCIMGroupDisplayName, m.DirectoryGroupDisplayName), role: &m.RoleID, precedence: m.Precedence}
		if err := s.checkMapping("group_role_mappings.", in); err != nil {
			return nil, err
		}
		if groups[*in.group] {
			return nil, errParamInvalid("group_role_mappings.scim_group_id", "group_role_mappings maps the group "+*in.group+" twice.")
		}
		groups[*in.group] = true
		ins = append(ins, in)
	}
	now := s.tick()
	name := ec.Name
	if req.Name != nil && strings.TrimSpace(*req.Name) != "" {
		name = *req.Name
	}
	d := &directory{Directory: clerkapi.Directory{
		Object: "directory", ID: s.newID("dir"), Name: name, EnterpriseConnectionID: ptr(ec.ID), Provider: req.Provider,
		Enabled: true, GroupRoleMappingEnabled: len(ins) > 0, AttributeMapping: metadata(defaultDirAttributes),
		CustomAttributes: slices.Clone(ec.CustomAttributes), CreatedAt: now, UpdatedAt: now,
	}, apiKey: "scim_" + s.secretHex("directory api key")}
	d.EndpointURL = "https://" + frontendHost + "/scim/v2/" + d.ID
	st.dirs.add(d.ID, d)
	slices.SortStableFunc(ins, func(a, b mappingIn) int { return int(prec(a.precedence) - prec(b.precedence)) })
	for _, in := range ins {
		s.insertMapping(d.ID, in, now)
	}
	return d.withKey(scim), nil
}

func prec(p *int64) int64 {
	if p == nil {
		return 1 << 40
	}
	return *p
}

// insertMapping adds a mapping at its precedence (the end when not given),
// moving the ones at or after it down by one.
func (s *Sandbox) insertMapping(dirID string, in mappingIn, now int64) *groupMapping {
	cur := s.dirMappings(dirID)
	p := int64(len(cur)) + 1
	if in.precedence != nil && *in.precedence < p {
		p = *in.precedence
	}
	for _, m := range cur {
		if m.precedence >= p {
			m.precedence++
			m.updatedAt = now
		}
	}
	m := &groupMapping{id: s.newID("dgrm"), dirID: dirID, groupID: *in.group, roleID: *in.role, precedence: p, createdAt: now, updatedAt: now}
	if in.display != nil {
		m.display = *in.display
	}
	s.ssoState().mappings.add(m.id, m)
	return m
}

func (s *Sandbox) getDir(c *call, scim bool) (any, error) {
	d, err := s.findDir(c, scim)
	if err != nil {
		return nil, err
	}
	return d.view(scim), nil
}

// updateDir merges attribute_mapping (null drops a key; values are
// attribute paths, strings).
func (s *Sandbox) updateDir(c *call, scim bool) (any, error) {
	var req clerkapi.UpdateDirectoryRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	d, err := s.findDir(c, scim)
	if err != nil {
		return nil, err
	}
	if req.Name != nil {
		if err := requireString("name", *req.Name); err != nil {
			return nil, err
		}
	}
	if req.Provider != nil {
		if err := requireString("provider", *req.Provider); err != nil {
			return nil, err
		}
	}
	for k, v := range req.AttributeMapping {
		if _, ok := v.(string); !ok && v != nil {
			return nil, errParamInvalid("attribute_mapping."+k, "attribute_mapping values are attribute paths (strings), or null to remove one.")
		}
	}
	now := s.tick()
	if req.Name != nil {
		d.Name = *req.Name
	}
	if req.Provider != nil {
		d.Provider = *req.Provider
	}
	if req.Enabled != nil {
		d.Enabled = *req.Enabled
	}
	if req.GroupRoleMappingEnabled != nil {
		d.GroupRoleMappingEnabled = *req.GroupRoleMappingEnabled
	}
	c.applyMetadata("attribute_mapping", &d.AttributeMapping, req.AttributeMapping, true)
	d.UpdatedAt = now
	return d.view(scim), nil
}

func (s *Sandbox) deleteDir(c *call, scim bool) (any, error) {
	d, err := s.findDir(c, scim)
	if err != nil {
		return nil, err
	}
	s.tick()
	s.dropDir(d)
	return deleted{Object: d.view(scim).Object, ID: d.ID, Deleted: true}, nil
}

func (s *Sandbox) dropDir(d *directory) {
	st := s.ssoState()
	st.dirs.remove(d.ID)
	st.mappings.removeWhere(func(m *groupMapping) bool { return m.dirID == d.ID })
}

func (s *Sandbox) rotateDirKey(c *call, scim bool) (any, error) {
	d, err := s.findDir(c, scim)
	if err != nil {
		return nil, err
	}
	d.UpdatedAt = s.tick()
	d.apiKey = "scim_" + s.secretHex("directory api key")
	return d.withKey(scim), nil
}

func (s *Sandbox) mappingList(dirID string, scim bool) any {
	ms := s.dirMappings(dirID)
	roles := s.orgRoles()
	if scim {
		out := clerkapi.SCIMGroupRoleMappings{Data: []clerkapi.SCIMGroupRoleMapping{}, TotalCount: int64(len(ms))}
		for _, m := range ms {
			out.Data = append(out.Data, s.mappingView(m, true, roles).(clerkapi.SCIMGroupRoleMapping))
		}
		return out
	}
	out := clerkapi.DirectoryGroupRoleMappings{Data: []clerkapi.DirectoryGroupRoleMapping{}, TotalCount: int64(len(ms))}
	for _, m := range ms {
		out.Data = append(out.Data, s.mappingView(m, false, roles).(clerkapi.DirectoryGroupRoleMapping))
	}
	return out
}

func (s *Sandbox) listMappings(c *call, scim bool) (any, error) {
	d, err := s.findDir(c, scim)
	if err != nil {
		return nil, err
	}
	return s.mappingList(d.ID, scim), nil
}

func (s *Sandbox) createMapping(c *call, scim bool) (any, error) {
	var req clerkapi.CreateDirectoryGroupRoleMappingRequest // the wider shape
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	d, err := s.findDir(c, scim)
	if err != nil {
		return nil, err
	}
	in := mappingIn{group: either(req.SCIMGroupID, req.DirectoryGroupID), role: &req.RoleID, precedence: req.Precedence}
	if err := s.checkMapping("", in); err != nil {
		return nil, err
	}
	for _, m := range s.dirMappings(d.ID) {
		if m.groupID == *in.group {
			return nil, errTaken("scim_group_id", "group is already mapped; it")
		}
	}
	if in.precedence != nil && *in.precedence > int64(len(s.dirMappings(d.ID)))+1 {
		return nil, errParamInvalid("precedence", "precedence must be between 1 and the number of mappings plus one.")
	}
	now := s.tick()
	m := s.insertMapping(d.ID, in, now)
	d.UpdatedAt = now
	return s.mappingView(m, scim, s.orgRoles()), nil
}

// replaceMappings sets the directory's mappings in the order given (which
// is their precedence); a group mapped before keeps its mapping ID.
func (s *Sandbox) replaceMappings(c *call, scim bool) (any, error) {
	var req clerkapi.ReplaceDirectoryGroupRoleMappingsRequest // the wider shape
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	d, err := s.findDir(c, scim)
	if err != nil {
		return nil, err
	}
	if _, sent := c.raw["mappings"]; !sent || c.sentNull("mappings") {
		return nil, errParamMissing("mappings")
	}
	seen := map[string]bool{}
	for _, m := range req.Mappings {
		in := mappingIn{group: either(m.SCIMGroupID, m.DirectoryGroupID), role: &m.RoleID}
		if err := s.checkMapping("mappings.", in); err != nil {
			return nil, err
		}
		if seen[*in.group] {
			return nil, errParamInvalid("mappings.scim_group_id", "mappings maps the group "+*in.group+" twice.")
		}
		seen[*in.group] = true
	}
	now := s.tick()
	old := map[string]*groupMapping{}
	for _, m := range s.dirMappings(d.ID) {
		old[m.groupID] = m
	}
	st := s.ssoState()
	st.mappings.removeWhere(func(m *groupMapping) bool { return m.dirID == d.ID && !seen[m.groupID] })
	for i, m := range req.Mappings {
		group := *either(m.SCIMGroupID, m.DirectoryGroupID)
		if gm, ok := old[group]; ok {
			gm.roleID, gm.precedence, gm.updatedAt = m.RoleID, int64(i+1), now
			continue
		}
		gm := &groupMapping{id: s.newID("dgrm"), dirID: d.ID, groupID: group, roleID: m.RoleID, precedence: int64(i + 1), createdAt: now, updatedAt: now}
		st.mappings.add(gm.id, gm)
	}
	d.UpdatedAt = now
	return s.mappingList(d.ID, scim), nil
}

func (s *Sandbox) deleteMapping(c *call, scim bool) (any, error) {
	d, err := s.findDir(c, scim)
	if err != nil {
		return nil, err
	}
	st := s.ssoState()
	m, ok := st.mappings.get(c.path["mapping_id"])
	if !ok || m.dirID != d.ID {
		return nil, errNotFound("group role mapping", c.path["mapping_id"])
	}
	now := s.tick()
	st.mappings.remove(m.id)
	for _, o := range s.dirMappings(d.ID) {
		if o.precedence > m.precedence {
			o.precedence--
			o.updatedAt = now
		}
	}
	object := "directory_group_role_mapping"
	if scim {
		object = "scim_group_role_mapping"
	}
	return clerkapi.DeletedResource{Object: object, ID: m.id, Deleted: true}, nil
}

// directoriesHandlers are the handlers of the operations in clerkapi/directories.go.
var directoriesHandlers = map[string]handlerFunc{
	"list_directories":                      flagged((*Sandbox).listDirs, false),
	"create_directory":                      flagged((*Sandbox).createDir, false),
	"get_directory":                         flagged((*Sandbox).getDir, false),
	"update_directory":                      flagged((*Sandbox).updateDir, false),
	"delete_directory":                      flagged((*Sandbox).deleteDir, false),
	"rotate_directory_api_key":              flagged((*Sandbox).rotateDirKey, false),
	"list_directory_group_role_mappings":    flagged((*Sandbox).listMappings, false),
	"create_directory_group_role_mapping":   flagged((*Sandbox).createMapping, false),
	"replace_directory_group_role_mappings": flagged((*Sandbox).replaceMappings, false),
	"delete_directory_group_role_mapping":   flagged((*Sandbox).deleteMapping, false),
}
