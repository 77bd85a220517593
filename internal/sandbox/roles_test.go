package sandbox

import (
	"strings"
	"testing"
)

func init() {
	schemaCases = append(schemaCases,
		schemaCase{"create_organization_permission", fixed(`{"name":"Read invoices","key":"org:invoices:read","description":"See invoices."}`)},
		schemaCase{"update_organization_permission", func(e *env, got map[string]map[string]any) string {
			return `{"permission_id":"` + str(got["create_organization_permission"], "id") + `","name":"Read all invoices"}`
		}},
		schemaCase{"create_organization_role", func(e *env, got map[string]map[string]any) string {
			return `{"name":"Billing","key":"org:billing","description":"Pays","permissions":["` + str(got["create_organization_permission"], "id") + `"],"include_in_initial_role_set":true}`
		}},
		schemaCase{"get_organization_role", func(e *env, got map[string]map[string]any) string {
			return `{"organization_role_id":"` + str(got["create_organization_role"], "id") + `"}`
		}},
		schemaCase{"update_organization_role", func(e *env, got map[string]map[string]any) string {
			return `{"organization_role_id":"` + str(got["create_organization_role"], "id") + `","key":"org:billing_admin"}`
		}},
		schemaCase{"assign_organization_role_permission", func(e *env, got map[string]map[string]any) string {
			return `{"organization_role_id":"` + str(got["create_organization_role"], "id") + `","permission_id":"perm_billing_read"}`
		}},
		schemaCase{"remove_organization_role_permission", func(e *env, got map[string]map[string]any) string {
			return `{"organization_role_id":"` + str(got["create_organization_role"], "id") + `","permission_id":"perm_billing_read"}`
		}},
		schemaCase{"list_role_sets", fixed(`{"order_by":"name"}`)},
		schemaCase{"create_role_set", fixed(`{"name":"Lean","roles":["org:admin"],"default_role_key":"org:admin","creator_role_key":"org:admin"}`)},
		schemaCase{"get_role_set", fixed(`{"role_set_key_or_id":"role_set:lean"}`)},
		schemaCase{"update_role_set", fixed(`{"role_set_key_or_id":"role_set:lean","description":"Admins only"}`)},
		schemaCase{"add_role_set_roles", fixed(`{"role_set_key_or_id":"role_set:lean","role_keys":["org:member"],"default_role_key":"org:member"}`)},
		schemaCase{"replace_role_set_role", fixed(`{"role_set_key_or_id":"role_set:default","role_key":"org:billing_admin","to_role_key":"org:member"}`)},
		schemaCase{"replace_role_set", fixed(`{"role_set_key_or_id":"role_set:lean","dest_role_set_key":"role_set:default"}`)},
		schemaCase{"delete_organization_role", func(e *env, got map[string]map[string]any) string {
			return `{"organization_role_id":"` + str(got["create_organization_role"], "id") + `"}`
		}},
		schemaCase{"delete_organization_permission", func(e *env, got map[string]map[string]any) string {
			return `{"permission_id":"` + str(got["create_organization_permission"], "id") + `"}`
		}},
	)
}

func TestRolesAndPermissions(t *testing.T) {
	e := newEnv(t)
	p := e.ok("create_organization_permission", args(t, `{"name":"Edit posts","key":"org:posts:edit"}`))
	e.fails("create_organization_permission", args(t, `{"name":"Again","key":"org:posts:edit"}`), 422, "form_identifier_exists")
	for _, key := range []string{"org:sys_posts:edit", "posts:edit", "org:Posts:edit", "org:posts"} {
		if ae := e.fails("create_organization_permission", args(t, `{"name":"x","key":"`+key+`"}`), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "key") {
			t.Errorf("%s: error does not name key: %v", key, ae)
		}
	}
	e.fails("update_organization_permission", args(t, `{"permission_id":"perm_memberships_read","name":"x"}`), 403, "system_permission_immutable")
	e.fails("delete_organization_permission", args(t, `{"permission_id":"perm_memberships_read"}`), 403, "system_permission_immutable")

	r := e.ok("create_organization_role", args(t, `{"name":"Editor","key":"org:editor","permissions":["`+str(p, "id")+`","perm_memberships_read"]}`))
	rid := str(r, "id")
	if len(r["permissions"].([]any)) != 2 {
		t.Errorf("create_organization_role permissions: %v", r["permissions"])
	}
	e.fails("create_organization_role", args(t, `{"name":"Editor 2","key":"org:editor"}`), 422, "form_identifier_exists")
	if ae := e.fails("create_organization_role", args(t, `{"name":"x","key":"org:x","permissions":["org:posts:edit"]}`), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "permissions") {
		t.Errorf("a permission key instead of an ID must be refused naming permissions: %v", ae)
	}
	e.fails("create_organization_role", args(t, `{"name":"x","key":"editor"}`), 422, "form_param_format_invalid")

	// The new role is usable for memberships; then a key change cascades
	// to them, and the role in use cannot be deleted.
	m := e.ok("create_organization_membership", args(t, `{"organization_id":"initech","user_id":"`+e.userID("grace")+`","role":"org:editor"}`))
	if perms := m["permissions"].([]any); len(perms) != 2 || str(m, "role_name") != "Editor" {
		t.Errorf("membership with a custom role: %v", m)
	}
	e.ok("update_organization_role", args(t, `{"organization_role_id":"`+rid+`","key":"org:writer"}`))
	ms := e.ok("list_organization_memberships", args(t, `{"organization_id":"initech","role":["org:writer"]}`))
	if count(ms) != 1 {
		t.Errorf("the key change did not reach the membership: %v", ms)
	}
	if ae := e.fails("delete_organization_role", args(t, `{"organization_role_id":"`+rid+`"}`), 422, "organization_role_in_use"); !strings.Contains(ae.Error(), "members") {
		t.Errorf("delete of a used role: %v", ae)
	}
	e.fails("delete_organization_role", args(t, `{"organization_role_id":"role_2sbxAdminR0le000000000000"}`), 422, "organization_role_in_use")

	// Deleting a permission takes it from the role.
	e.ok("delete_organization_permission", args(t, `{"permission_id":"`+str(p, "id")+`"}`))
	if got := e.ok("get_organization_role", args(t, `{"organization_role_id":"`+rid+`"}`)); len(got["permissions"].([]any)) != 1 {
		t.Errorf("the deleted permission is still on the role: %v", got["permissions"])
	}
	e.fails("assign_organization_role_permission", args(t, `{"organization_role_id":"`+rid+`","permission_id":"perm_memberships_read"}`), 400, "permission_already_assigned")
	e.fails("remove_organization_role_permission", args(t, `{"organization_role_id":"`+rid+`","permission_id":"perm_billing_read"}`), 404, "resource_not_found")
	e.ok("delete_organization_membership", args(t, `{"organization_id":"initech","user_id":"`+e.userID("grace")+`"}`))
	e.ok("delete_organization_role", args(t, `{"organization_role_id":"`+rid+`"}`))
	e.fails("get_organization_role", args(t, `{"organization_role_id":"`+rid+`"}`), 404, "resource_not_found")
}

func TestRoleSets(t *testing.T) {
	e := newEnv(t)
	if l := e.ok("list_role_sets", args(t, `{}`)); count(l) != 1 || str(items(l)[0], "type") != "initial" {
		t.Fatalf("seeded role sets: %v", l)
	}
	e.ok("create_organization_role", args(t, `{"name":"Viewer","key":"org:viewer"}`))
	// Default and creator roles must be in the set.
	if ae := e.fails("create_role_set", args(t, `{"name":"A","roles":["org:viewer"],"default_role_key":"org:member","creator_role_key":"org:viewer"}`), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "default_role_key") {
		t.Errorf("error does not name default_role_key: %v", ae)
	}
	e.fails("create_role_set", args(t, `{"name":"A","roles":["org:nope"],"default_role_key":"org:nope","creator_role_key":"org:nope"}`), 422, "form_param_format_invalid")
	rs := e.ok("create_role_set", args(t, `{"name":"Viewers Only","roles":["org:viewer","org:admin"],"default_role_key":"org:viewer","creator_role_key":"org:admin"}`))
	if str(rs, "key") != "role_set:viewers_only" || str(rs, "type") != "custom" {
		t.Errorf("create_role_set: %v", rs)
	}
	e.fails("create_role_set", args(t, `{"name":"Viewers Only","roles":["org:viewer"],"default_role_key":"org:viewer","creator_role_key":"org:viewer"}`), 422, "form_identifier_exists")
	e.fails("add_role_set_roles", args(t, `{"role_set_key_or_id":"role_set:viewers_only","role_keys":["org:admin"]}`), 422, "form_param_format_invalid")

	// Replacing the initial set moves members whose role the destination
	// lacks, which needs a mapping.
	if ae := e.fails("replace_role_set", args(t, `{"role_set_key_or_id":"role_set:default","dest_role_set_key":"role_set:viewers_only"}`), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "reassignment_mappings") {
		t.Errorf("error does not name reassignment_mappings: %v", ae)
	}
	e.ok("replace_role_set", args(t, `{"role_set_key_or_id":"role_set:default","dest_role_set_key":"role_set:viewers_only","reassignment_mappings":{"org:member":"org:viewer"}}`))
	if got := e.ok("get_role_set", args(t, `{"role_set_key_or_id":"`+str(rs, "id")+`"}`)); str(got, "type") != "initial" {
		t.Errorf("the destination did not become the initial set: %v", got)
	}
	if ms := e.ok("list_organization_memberships", args(t, `{"organization_id":"acme-corp","role":["org:viewer"]}`)); count(ms) != 5 {
		t.Errorf("members were not moved to org:viewer: %v", count(ms))
	}
	e.fails("get_role_set", args(t, `{"role_set_key_or_id":"role_set:default"}`), 404, "resource_not_found")
	up := e.ok("replace_role_set_role", args(t, `{"role_set_key_or_id":"role_set:viewers_only","role_key":"org:viewer","to_role_key":"org:admin"}`))
	if d, _ := up["default_role"].(map[string]any); d["key"] != "org:admin" || len(up["roles"].([]any)) != 1 {
		t.Errorf("replace_role_set_role: %v", up)
	}
}
