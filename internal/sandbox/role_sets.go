package sandbox

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// roleSetsHandlers are the handlers of the operations in clerkapi/role_sets.go.
var roleSetsHandlers = map[string]handlerFunc{
	"list_role_sets":        (*Sandbox).listRoleSets,
	"create_role_set":       (*Sandbox).createRoleSet,
	"get_role_set":          (*Sandbox).getRoleSet,
	"update_role_set":       (*Sandbox).updateRoleSet,
	"replace_role_set":      (*Sandbox).replaceRoleSet,
	"add_role_set_roles":    (*Sandbox).addRoleSetRoles,
	"replace_role_set_role": (*Sandbox).replaceRoleSetRole,
}

func (s *Sandbox) roleSetItem(key string) *clerkapi.RoleSetItem {
	r := s.roleOfKey(key)
	if r == nil {
		return nil
	}
	n := int64(0)
	for _, m := range s.members.all() {
		if m.role == key {
			n++
		}
	}
	return &clerkapi.RoleSetItem{Object: "role_set_item", ID: r.ID, Name: r.Name, Key: r.Key, Description: r.Description,
		MembersCount: &n, HasMembers: ptr(n > 0), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

func (s *Sandbox) roleSetView(rs *storedRoleSet) clerkapi.RoleSet {
	v := rs.RoleSet
	v.Roles = []clerkapi.RoleSetItem{}
	for _, k := range rs.roleKeys {
		if it := s.roleSetItem(k); it != nil {
			v.Roles = append(v.Roles, *it)
		}
	}
	v.DefaultRole, v.CreatorRole = s.roleSetItem(rs.defaultKey), s.roleSetItem(rs.creatorKey)
	return v
}

var roleSetOrder = sortKeys[*storedRoleSet]{
	"created_at": func(r *storedRoleSet) any { return r.CreatedAt },
	"name":       func(r *storedRoleSet) any { return r.Name },
	"key":        func(r *storedRoleSet) any { return r.Key },
}

func (s *Sandbox) listRoleSets(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	sets := s.rb().roleSets.all()
	if q, ok := c.str("query"); ok && q != "" {
		q = strings.ToLower(q)
		sets = slices.DeleteFunc(sets, func(r *storedRoleSet) bool {
			return !strings.Contains(strings.ToLower(r.Name+" "+r.Key+" "+r.ID), q)
		})
	}
	if err := sortByParam(c, sets, roleSetOrder); err != nil {
		return nil, err
	}
	return listOf(sets, limit, offset, s.roleSetView), nil
}

func (s *Sandbox) findRoleSet(keyOrID string) (*storedRoleSet, error) {
	for _, rs := range s.rb().roleSets.all() {
		if rs.ID == keyOrID || rs.Key == keyOrID {
			return rs, nil
		}
	}
	return nil, errNotFound("role set", keyOrID)
}

func (s *Sandbox) getRoleSet(c *call) (any, error) {
	rs, err := s.findRoleSet(c.path["role_set_key_or_id"])
	if err != nil {
		return nil, err
	}
	return s.roleSetView(rs), nil
}

// checkRoleKeys checks 1-10 existing, distinct role keys.
func (s *Sandbox) checkRoleKeys(param string, keys []string) error {
	if len(keys) < 1 || len(keys) > 10 {
		return errParamInvalid(param, param+" must hold 1 to 10 role keys.")
	}
	for i, k := range keys {
		if s.roleOfKey(k) == nil {
			return errParamInvalid(param, fmt.Sprintf("%s: %q is not a role key of this instance.", param, k))
		}
		if slices.Contains(keys[:i], k) {
			return errParamInvalid(param, fmt.Sprintf("%s lists %s twice.", param, k))
		}
	}
	return nil
}

func (s *Sandbox) checkRoleSetKey(key string, self *storedRoleSet) error {
	if !roleSetKeyRE().MatchString(key) {
		return errParamInvalid("key", fmt.Sprintf("key must start with role_set: followed by lowercase letters, digits and underscores; %q is not.", key))
	}
	for _, rs := range s.rb().roleSets.all() {
		if rs.Key == key && rs != self {
			return errTaken("key", "role set key")
		}
	}
	return nil
}

func inSet(param, key string, keys []string) error {
	if !slices.Contains(keys, key) {
		return errParamInvalid(param, fmt.Sprintf("%s %q must be one of the role set's roles.", param, key))
	}
	return nil
}

// makeInitial makes rs the one initial role set.
func (s *Sandbox) makeInitial(rs *storedRoleSet, now int64) {
	for _, o := range s.rb().roleSets.all() {
		if o != rs && o.Type == "initial" {
			o.Type, o.UpdatedAt = "custom", now
		}
	}
	rs.Type = "initial"
}

var nonKeyRE = lazyRegexp(`[^a-z0-9]+`)

func (s *Sandbox) createRoleSet(c *call) (any, error) {
	var req clerkapi.CreateRoleSetRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("name", req.Name); err != nil {
		return nil, err
	}
	if err := s.checkRoleKeys("roles", req.Roles); err != nil {
		return nil, err
	}
	for _, f := range []field[string]{{"default_role_key", req.DefaultRoleKey}, {"creator_role_key", req.CreatorRoleKey}} {
		param, k := f.name, f.v
		if err := requireString(param, k); err != nil {
			return nil, err
		}
		if err := inSet(param, k, req.Roles); err != nil {
			return nil, err
		}
	}
	key := "role_set:" + strings.Trim(nonKeyRE().ReplaceAllString(strings.ToLower(req.Name), "_"), "_")
	if req.Key != nil {
		key = *req.Key
	}
	if err := s.checkRoleSetKey(key, nil); err != nil {
		return nil, err
	}
	typ := "custom"
	if req.Type != nil {
		if *req.Type != "initial" && *req.Type != "custom" {
			return nil, errParamInvalid("type", "type must be initial or custom.")
		}
		typ = *req.Type
	}
	now := s.tick()
	rs := &storedRoleSet{RoleSet: clerkapi.RoleSet{Object: "role_set", ID: s.newID("rs"), Name: req.Name, Key: key, Description: req.Description,
		Type: "custom", CreatedAt: now, UpdatedAt: now}, roleKeys: slices.Clone(req.Roles), defaultKey: req.DefaultRoleKey, creatorKey: req.CreatorRoleKey}
	if typ == "initial" {
		s.makeInitial(rs, now)
	}
	s.rb().roleSets.add(rs.ID, rs)
	return s.roleSetView(rs), nil
}

func (s *Sandbox) updateRoleSet(c *call) (any, error) {
	rs, err := s.findRoleSet(c.path["role_set_key_or_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpdateRoleSetRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if req.Name != nil && strings.TrimSpace(*req.Name) == "" {
		return nil, errParamInvalid("name", "name must not be empty.")
	}
	if req.Key != nil {
		if err := s.checkRoleSetKey(*req.Key, rs); err != nil {
			return nil, err
		}
	}
	if req.Type != nil && *req.Type != "initial" {
		return nil, errParamInvalid("type", "type can only be set to initial (making another role set initial makes this one custom).")
	}
	for _, f := range []field[*string]{{"default_role_key", req.DefaultRoleKey}, {"creator_role_key", req.CreatorRoleKey}} {
		param, k := f.name, f.v
		if k != nil {
			if err := inSet(param, *k, rs.roleKeys); err != nil {
				return nil, err
			}
		}
	}
	now := s.tick()
	for dst, src := range map[*string]*string{&rs.Name: req.Name, &rs.Key: req.Key, &rs.defaultKey: req.DefaultRoleKey, &rs.creatorKey: req.CreatorRoleKey} {
		if src != nil {
			*dst = *src
		}
	}
	if _, sent := c.raw["description"]; sent {
		rs.Description = req.Description
	}
	if req.Type != nil {
		s.makeInitial(rs, now)
	}
	rs.UpdatedAt = now
	return s.roleSetView(rs), nil
}

// replaceRoleSet deletes a role set, moving what used it to another. The
// sandbox's organizations all use the initial role set, so members whose
// role the destination lacks must be mapped (reassignment_mappings) and are
// moved at once; the migration completes within the call.
func (s *Sandbox) replaceRoleSet(c *call) (any, error) {
	rs, err := s.findRoleSet(c.path["role_set_key_or_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.ReplaceRoleSetRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("dest_role_set_key", req.DestRoleSetKey); err != nil {
		return nil, err
	}
	dest, err := s.findRoleSet(req.DestRoleSetKey)
	if err != nil {
		return nil, err
	}
	if dest == rs {
		return nil, errParamInvalid("dest_role_set_key", "dest_role_set_key must name another role set.")
	}
	moves := map[string]string{}
	if rs.Type == "initial" {
		for _, m := range s.members.all() {
			if slices.Contains(dest.roleKeys, m.role) {
				continue
			}
			to, ok := req.ReassignmentMappings[m.role]
			if !ok {
				return nil, errParamInvalid("reassignment_mappings", fmt.Sprintf("members have role %s, which %s lacks: map it to one of %s.", m.role, dest.Key, strings.Join(dest.roleKeys, ", ")))
			}
			if err := inSet("reassignment_mappings", to, dest.roleKeys); err != nil {
				return nil, err
			}
			moves[m.role] = to
		}
	}
	now := s.tick()
	for _, m := range s.members.all() {
		if to, ok := moves[m.role]; ok {
			m.role, m.updatedAt = to, now
		}
	}
	if rs.Type == "initial" {
		s.makeInitial(dest, now)
		dest.UpdatedAt = now
	}
	s.rb().roleSets.remove(rs.ID)
	return deleted{Object: "role_set", ID: rs.ID, Deleted: true}, nil
}

func (s *Sandbox) addRoleSetRoles(c *call) (any, error) {
	rs, err := s.findRoleSet(c.path["role_set_key_or_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.AddRoleSetRolesRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := s.checkRoleKeys("role_keys", req.RoleKeys); err != nil {
		return nil, err
	}
	for _, k := range req.RoleKeys {
		if slices.Contains(rs.roleKeys, k) {
			return nil, errParamInvalid("role_keys", fmt.Sprintf("role %s is already in role set %s.", k, rs.Key))
		}
	}
	if len(rs.roleKeys)+len(req.RoleKeys) > 10 {
		return nil, errParamInvalid("role_keys", "a role set holds at most 10 roles.")
	}
	for _, f := range []field[*string]{{"default_role_key", req.DefaultRoleKey}, {"creator_role_key", req.CreatorRoleKey}} {
		param, k := f.name, f.v
		if k != nil {
			if err := inSet(param, *k, req.RoleKeys); err != nil {
				return nil, err
			}
		}
	}
	rs.UpdatedAt = s.tick()
	rs.roleKeys = append(rs.roleKeys, req.RoleKeys...)
	if req.DefaultRoleKey != nil {
		rs.defaultKey = *req.DefaultRoleKey
	}
	if req.CreatorRoleKey != nil {
		rs.creatorKey = *req.CreatorRoleKey
	}
	return s.roleSetView(rs), nil
}

// replaceRoleSetRole drops a role from a set, moving its members (in the
// initial set, which every sandbox organization uses) to another of the
// set's roles; it also takes over as default or creator role.
func (s *Sandbox) replaceRoleSetRole(c *call) (any, error) {
	rs, err := s.findRoleSet(c.path["role_set_key_or_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.ReplaceRoleSetRoleRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	for _, f := range []field[string]{{"role_key", req.RoleKey}, {"to_role_key", req.ToRoleKey}} {
		param, k := f.name, f.v
		if err := requireString(param, k); err != nil {
			return nil, err
		}
		if err := inSet(param, k, rs.roleKeys); err != nil {
			return nil, err
		}
	}
	if req.RoleKey == req.ToRoleKey {
		return nil, errParamInvalid("to_role_key", "to_role_key must differ from role_key.")
	}
	now := s.tick()
	if rs.Type == "initial" {
		for _, m := range s.members.all() {
			if m.role == req.RoleKey {
				m.role, m.updatedAt = req.ToRoleKey, now
			}
		}
	}
	rs.roleKeys = slices.DeleteFunc(slices.Clone(rs.roleKeys), func(k string) bool { return k == req.RoleKey })
	if rs.defaultKey == req.RoleKey {
		rs.defaultKey = req.ToRoleKey
	}
	if rs.creatorKey == req.RoleKey {
		rs.creatorKey = req.ToRoleKey
	}
	rs.UpdatedAt = now
	return s.roleSetView(rs), nil
}
