package sandbox

import (
	"strings"
	"testing"
)

const testCert = "MIIDdzCCAl+gAwIBAgIEbySuqTANBgkqhkiG9w0BAQsFADBsMRAwDgYDVQQGEwdVbmtub3du"

func init() {
	schemaCases = append(schemaCases,
		schemaCase{"create_enterprise_connection", fixed(`{"name":"Acme SAML","provider":"saml_okta","domains":["acme-sso.example.com"],` +
			`"saml":{"idp_entity_id":"https://idp.example.com","idp_sso_url":"https://idp.example.com/sso","idp_certificate":"` + testCert + `","login_hint":{"mode":"off"}},` +
			`"active":true,"custom_attributes":[{"name":"Department","key":"department","sso_path":"dept"}]}`)},
		schemaCase{"list_enterprise_connections", fixed(`{"active":true}`)},
		schemaCase{"get_enterprise_connection", func(e *env, got map[string]map[string]any) string {
			return `{"enterprise_connection_id":"` + str(got["create_enterprise_connection"], "id") + `"}`
		}},
		schemaCase{"update_enterprise_connection", func(e *env, got map[string]map[string]any) string {
			return `{"enterprise_connection_id":"` + str(got["create_enterprise_connection"], "id") + `","name":"Acme SSO","sync_user_attributes":true}`
		}},
		schemaCase{"create_enterprise_connection_test_run", func(e *env, got map[string]map[string]any) string {
			return `{"enterprise_connection_id":"` + str(got["create_enterprise_connection"], "id") + `"}`
		}},
		schemaCase{"list_enterprise_connection_test_runs", func(e *env, got map[string]map[string]any) string {
			return `{"enterprise_connection_id":"` + str(got["create_enterprise_connection"], "id") + `","status":["pending"]}`
		}},
		schemaCase{"create_saml_connection", fixed(`{"name":"Legacy SAML","provider":"saml_custom","domain":"legacy-sso.example.com","idp_metadata_url":"https://idp.example.com/metadata"}`)},
		schemaCase{"list_saml_connections", fixed(`{"query":"sso","order_by":"name"}`)},
		schemaCase{"get_saml_connection", func(e *env, got map[string]map[string]any) string {
			return `{"saml_connection_id":"` + str(got["create_saml_connection"], "id") + `"}`
		}},
		schemaCase{"update_saml_connection", func(e *env, got map[string]map[string]any) string {
			return `{"saml_connection_id":"` + str(got["create_saml_connection"], "id") + `","active":true,"idp_certificate":"` + testCert + `","allow_idp_initiated":true}`
		}},
		schemaCase{"create_scim_directory", func(e *env, got map[string]map[string]any) string {
			return `{"enterprise_connection_id":"` + str(got["create_enterprise_connection"], "id") + `","provider":"okta",` +
				`"group_role_mappings":[{"scim_group_id":"g-admins","scim_group_display_name":"Admins","role_id":"` + roleID(e, "org:admin") + `"}]}`
		}},
		schemaCase{"list_scim_directories", fixed(`{}`)},
		schemaCase{"get_scim_directory", func(e *env, got map[string]map[string]any) string {
			return `{"scim_directory_id":"` + str(got["create_scim_directory"], "id") + `"}`
		}},
		schemaCase{"update_scim_directory", func(e *env, got map[string]map[string]any) string {
			return `{"scim_directory_id":"` + str(got["create_scim_directory"], "id") + `","attribute_mapping":{"first_name":null,"nickname":"nickName"}}`
		}},
		schemaCase{"rotate_scim_directory_api_key", func(e *env, got map[string]map[string]any) string {
			return `{"scim_directory_id":"` + str(got["create_scim_directory"], "id") + `"}`
		}},
		schemaCase{"create_scim_group_role_mapping", func(e *env, got map[string]map[string]any) string {
			return `{"scim_directory_id":"` + str(got["create_scim_directory"], "id") + `","scim_group_id":"g-staff","role_id":"` + roleID(e, "org:member") + `","precedence":1}`
		}},
		schemaCase{"list_scim_group_role_mappings", func(e *env, got map[string]map[string]any) string {
			return `{"scim_directory_id":"` + str(got["create_scim_directory"], "id") + `"}`
		}},
		schemaCase{"replace_scim_group_role_mappings", func(e *env, got map[string]map[string]any) string {
			return `{"scim_directory_id":"` + str(got["create_scim_directory"], "id") + `","mappings":[{"scim_group_id":"g-staff","role_id":"` + roleID(e, "org:admin") + `"},{"scim_group_id":"g-new","role_id":"` + roleID(e, "org:member") + `"}]}`
		}},
		schemaCase{"delete_scim_group_role_mapping", func(e *env, got map[string]map[string]any) string {
			return `{"scim_directory_id":"` + str(got["create_scim_directory"], "id") + `","mapping_id":"` + str(got["create_scim_group_role_mapping"], "id") + `"}`
		}},
		schemaCase{"delete_scim_directory", func(e *env, got map[string]map[string]any) string {
			return `{"scim_directory_id":"` + str(got["create_scim_directory"], "id") + `"}`
		}},
		schemaCase{"create_directory", func(e *env, got map[string]map[string]any) string {
			return `{"enterprise_connection_id":"` + str(got["create_enterprise_connection"], "id") + `","provider":"azure","name":"Azure AD"}`
		}},
		schemaCase{"list_directories", fixed(`{"limit":2}`)},
		schemaCase{"get_directory", func(e *env, got map[string]map[string]any) string {
			return `{"directory_id":"` + str(got["create_directory"], "id") + `"}`
		}},
		schemaCase{"update_directory", func(e *env, got map[string]map[string]any) string {
			return `{"directory_id":"` + str(got["create_directory"], "id") + `","enabled":false,"group_role_mapping_enabled":true}`
		}},
		schemaCase{"rotate_directory_api_key", func(e *env, got map[string]map[string]any) string {
			return `{"directory_id":"` + str(got["create_directory"], "id") + `"}`
		}},
		schemaCase{"create_directory_group_role_mapping", func(e *env, got map[string]map[string]any) string {
			return `{"directory_id":"` + str(got["create_directory"], "id") + `","directory_group_id":"grp-1","role_id":"` + roleID(e, "org:member") + `"}`
		}},
		schemaCase{"list_directory_group_role_mappings", func(e *env, got map[string]map[string]any) string {
			return `{"directory_id":"` + str(got["create_directory"], "id") + `"}`
		}},
		schemaCase{"replace_directory_group_role_mappings", func(e *env, got map[string]map[string]any) string {
			return `{"directory_id":"` + str(got["create_directory"], "id") + `","mappings":[{"directory_group_id":"grp-1","role_id":"` + roleID(e, "org:admin") + `"}]}`
		}},
		schemaCase{"delete_directory_group_role_mapping", func(e *env, got map[string]map[string]any) string {
			return `{"directory_id":"` + str(got["create_directory"], "id") + `","mapping_id":"` + str(got["create_directory_group_role_mapping"], "id") + `"}`
		}},
		schemaCase{"delete_directory", func(e *env, got map[string]map[string]any) string {
			return `{"directory_id":"` + str(got["create_directory"], "id") + `"}`
		}},
		schemaCase{"delete_saml_connection", func(e *env, got map[string]map[string]any) string {
			return `{"saml_connection_id":"` + str(got["create_saml_connection"], "id") + `"}`
		}},
		schemaCase{"delete_enterprise_connection", func(e *env, got map[string]map[string]any) string {
			return `{"enterprise_connection_id":"` + str(got["create_enterprise_connection"], "id") + `"}`
		}},
	)
}

func TestEnterpriseConnectionsBehaviour(t *testing.T) {
	e := newEnv(t)
	ec := e.ok("create_enterprise_connection", args(t, `{"name":"Okta","provider":"saml_okta","domains":["Corp.Example.com"]}`))
	id := str(ec, "id")
	if ec["active"] != false || ec["domains"].([]any)[0] != "corp.example.com" {
		t.Fatalf("created %v", ec)
	}
	// Domains are unique across connections.
	if ae := e.fails("create_enterprise_connection", args(t, `{"name":"Dup","provider":"oidc_custom","domains":["corp.example.com"]}`), 422, "form_identifier_exists"); !strings.Contains(ae.Error(), "domains") {
		t.Errorf("%v", ae)
	}
	// Activation needs the IdP configuration; refused, nothing changes.
	if ae := e.fails("update_enterprise_connection", args(t, `{"enterprise_connection_id":"`+id+`","active":true,"name":"Renamed"}`), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "active") {
		t.Errorf("%v", ae)
	}
	if got := e.ok("get_enterprise_connection", args(t, `{"enterprise_connection_id":"`+id+`"}`)); str(got, "name") != "Okta" || got["active"] != false {
		t.Errorf("refused update changed the connection: %v", got)
	}
	e.fails("create_enterprise_connection_test_run", args(t, `{"enterprise_connection_id":"`+id+`"}`), 400, "enterprise_connection_not_configured")
	// A metadata URL configures it; the fetch is recorded, not performed.
	up := e.ok("update_enterprise_connection", args(t, `{"enterprise_connection_id":"`+id+`","active":true,"saml":{"idp_metadata_url":"https://idp.example.com/md"}}`))
	if up["active"] != true {
		t.Fatalf("not activated: %v", up)
	}
	if f := e.s.ssoState().fetches; len(f) != 1 || f[0].url != "https://idp.example.com/md" || f[0].connectionID != id {
		t.Errorf("metadata fetches %v", f)
	}
	// Blocks must match the provider; bad fields are named.
	for _, tc := range []struct{ args, field string }{
		{`{"name":"x","provider":"saml_custom","domains":["x.example.com"],"oidc":{"client_id":"a"}}`, "oidc"},
		{`{"name":"x","provider":"oidc_custom","domains":["x.example.com"],"saml":{}}`, "saml"},
		{`{"name":"x","provider":"ldap","domains":["x.example.com"]}`, "provider"},
		{`{"name":"x","provider":"saml_custom","domains":["not a domain"]}`, "domains"},
		{`{"name":"x","provider":"saml_custom","domains":["x.example.com"],"saml":{"idp_sso_url":"ftp://x"}}`, "saml.idp_sso_url"},
		{`{"name":"x","provider":"oidc_custom","domains":["x.example.com"],"active":true,"oidc":{"client_id":"a"}}`, "active"},
		{`{"name":"x","provider":"saml_custom","domains":["x.example.com"],"organization_id":"org_missing"}`, "organization_id"},
		{`{"name":"x","provider":"saml_custom","domains":["x.example.com"],"saml":{"login_hint":{"mode":"custom_attribute"}}}`, "saml.login_hint.source"},
		{`{"name":"x","provider":"saml_custom","domains":["x.example.com"],"custom_attributes":[{"name":"A","key":"_bad"}]}`, "custom_attributes[0].key"},
	} {
		if _, ae := e.do("create_enterprise_connection", args(t, tc.args)); ae == nil || !strings.Contains(ae.Error(), tc.field) {
			t.Errorf("create_enterprise_connection %s: %v, want an error naming %s", tc.args, ae, tc.field)
		}
	}
	if n := count(e.ok("list_enterprise_connections", args(t, `{}`))); n != 1 {
		t.Errorf("refused creates stored connections: %d", n)
	}
	oidc := e.ok("create_enterprise_connection", args(t, `{"name":"GitLab","provider":"oidc_gitlab","domains":["gl.example.com"],`+
		`"oidc":{"client_id":"cid","client_secret":"shh","discovery_url":"https://gitlab.example.com/.well-known/openid-configuration"}}`))
	if oc, _ := oidc["oauth_config"].(map[string]any); oc == nil || oc["client_secret"] != nil || oidc["saml_connection"] != nil {
		t.Errorf("OIDC connection %v: oauth_config without the secret, no saml_connection", oidc)
	}
	// Created inactive: the catalog's rule (active true needs saml) is checked at the door.
	if n := count(e.ok("list_enterprise_connections", args(t, `{"active":false}`))); n != 1 {
		t.Errorf("active=false lists %d, want the OIDC one", n)
	}
	// The SAML connection view reaches the same connection.
	samlID := ec["saml_connection"].(map[string]any)["id"].(string)
	sc := e.ok("get_saml_connection", args(t, `{"saml_connection_id":"`+samlID+`"}`))
	if str(sc, "enterprise_connection_id") != id || sc["active"] != true {
		t.Errorf("SAML view %v", sc)
	}
	if n := count(e.ok("list_saml_connections", args(t, `{}`))); n != 1 {
		t.Errorf("list_saml_connections lists %d, want the SAML one only", n)
	}
	// Deleting cascades to directories and mappings.
	dir := e.ok("create_scim_directory", args(t, `{"enterprise_connection_id":"`+id+`","provider":"okta"}`))
	e.fails("create_directory", args(t, `{"enterprise_connection_id":"`+id+`","provider":"okta"}`), 422, "form_identifier_exists")
	e.ok("delete_saml_connection", args(t, `{"saml_connection_id":"`+samlID+`"}`))
	e.fails("get_enterprise_connection", args(t, `{"enterprise_connection_id":"`+id+`"}`), 404, "resource_not_found")
	e.fails("get_scim_directory", args(t, `{"scim_directory_id":"`+str(dir, "id")+`"}`), 404, "resource_not_found")
}

func TestDirectoriesBehaviour(t *testing.T) {
	e := newEnv(t)
	ec := e.ok("create_enterprise_connection", args(t, `{"name":"Okta","provider":"saml_okta","domains":["corp.example.com"]}`))
	d := e.ok("create_directory", args(t, `{"enterprise_connection_id":"`+str(ec, "id")+`","provider":"okta"}`))
	id, key := str(d, "id"), str(d, "api_key")
	if key == "" {
		t.Fatal("create_directory did not show the API key")
	}
	// Shown once: a second read has no key; rotation shows a new one.
	if got := e.ok("get_directory", args(t, `{"directory_id":"`+id+`"}`)); got["api_key"] != nil {
		t.Errorf("get_directory returned the API key: %v", got["api_key"])
	}
	if got := e.ok("get_scim_directory", args(t, `{"scim_directory_id":"`+id+`"}`)); got["api_key"] != nil {
		t.Errorf("get_scim_directory returned the API key")
	}
	if k2 := str(e.ok("rotate_directory_api_key", args(t, `{"directory_id":"`+id+`"}`)), "api_key"); k2 == "" || k2 == key {
		t.Errorf("rotation answered %q", k2)
	}
	// Precedence: inserting at 1 moves the others down; delete closes the gap.
	a := e.ok("create_directory_group_role_mapping", args(t, `{"directory_id":"`+id+`","directory_group_id":"a","role_id":"`+roleID(e, "org:member")+`"}`))
	e.ok("create_directory_group_role_mapping", args(t, `{"directory_id":"`+id+`","directory_group_id":"b","role_id":"`+roleID(e, "org:admin")+`","precedence":1}`))
	order := func() string {
		var out []string
		for _, m := range items(e.ok("list_directory_group_role_mappings", args(t, `{"directory_id":"`+id+`"}`))) {
			out = append(out, str(m, "directory_group_id")+"="+m["precedence"].(interface{ String() string }).String())
		}
		return strings.Join(out, ",")
	}
	if got := order(); got != "b=1,a=2" {
		t.Errorf("order %s", got)
	}
	e.fails("create_directory_group_role_mapping", args(t, `{"directory_id":"`+id+`","directory_group_id":"a","role_id":"`+roleID(e, "org:admin")+`"}`), 422, "form_identifier_exists")
	e.fails("create_directory_group_role_mapping", args(t, `{"directory_id":"`+id+`","directory_group_id":"c","role_id":"`+roleID(e, "org:admin")+`","precedence":9}`), 422, "form_param_format_invalid")
	if ae := e.fails("create_directory_group_role_mapping", args(t, `{"directory_id":"`+id+`","directory_group_id":"c","role_id":"role_owner"}`), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "role_id") {
		t.Errorf("%v", ae)
	}
	e.ok("delete_directory_group_role_mapping", args(t, `{"directory_id":"`+id+`","mapping_id":"`+str(a, "id")+`"}`))
	if got := order(); got != "b=1" {
		t.Errorf("after delete %s", got)
	}
	// Replace: order is precedence, empty clears, duplicates refused.
	e.ok("replace_directory_group_role_mappings", args(t, `{"directory_id":"`+id+`","mappings":[{"directory_group_id":"x","role_id":"`+roleID(e, "org:member")+`"},{"directory_group_id":"b","role_id":"`+roleID(e, "org:member")+`"}]}`))
	if got := order(); got != "x=1,b=2" {
		t.Errorf("after replace %s", got)
	}
	e.fails("replace_directory_group_role_mappings", args(t, `{"directory_id":"`+id+`","mappings":[{"directory_group_id":"x","role_id":"`+roleID(e, "org:member")+`"},{"directory_group_id":"x","role_id":"`+roleID(e, "org:admin")+`"}]}`), 422, "form_param_format_invalid")
	e.ok("replace_directory_group_role_mappings", args(t, `{"directory_id":"`+id+`","mappings":[]}`))
	if got := order(); got != "" {
		t.Errorf("empty replace left %s", got)
	}
	// attribute_mapping merges; null drops; a non-string is refused by name.
	up := e.ok("update_directory", args(t, `{"directory_id":"`+id+`","attribute_mapping":{"first_name":null,"nick":"nickName"}}`))
	am := up["attribute_mapping"].(map[string]any)
	if _, has := am["first_name"]; has || am["nick"] != "nickName" || am["last_name"] == nil {
		t.Errorf("attribute_mapping %v", am)
	}
	if ae := e.fails("update_directory", args(t, `{"directory_id":"`+id+`","attribute_mapping":{"nick":5}}`), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "attribute_mapping.nick") {
		t.Errorf("%v", ae)
	}
}

// roleID is the ID of the organization role with a key, read through the
// roles operation, so the tests follow however roles are kept.
func roleID(e *env, key string) string {
	e.t.Helper()
	for _, r := range items(e.ok("list_organization_roles", args(e.t, `{"limit":100}`))) {
		if str(r, "key") == key {
			return str(r, "id")
		}
	}
	e.t.Fatalf("no organization role %s", key)
	return ""
}
