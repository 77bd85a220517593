package sandbox

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestGroupErrorsTable is the error table of the token, credential,
// verification, role, signing and template groups: 404s, uniqueness, and
// the field a refusal names (meta.param_name).
func TestGroupErrorsTable(t *testing.T) {
	e := newEnv(t)
	ada, grace := e.userID("ada"), e.userID("grace")
	sid := e.activeSession("ada")
	cases := []struct {
		name, op, args string
		status         int
		code, param    string
	}{
		{"actor token user 404", "create_actor_token", `{"user_id":"user_nope","actor":{"sub":"x"}}`, 404, "resource_not_found", ""},
		{"actor token without sub", "create_actor_token", `{"user_id":"` + ada + `","actor":{"reason":"x"}}`, 422, "form_param_missing", "actor.sub"},
		{"actor token 404", "revoke_actor_token", `{"actor_token_id":"act_nope"}`, 404, "resource_not_found", ""},
		{"sign-in token org of another user", "create_sign_in_token", `{"user_id":"` + grace + `","org_id":"` + e.orgID("acme-corp") + `"}`, 422, "form_param_format_invalid", "org_id"},
		{"sign-in token 404", "revoke_sign_in_token", `{"sign_in_token_id":"sit_nope"}`, 404, "resource_not_found", ""},
		{"portal link org 404", "create_admin_portal_link_token", `{"organization_id":"org_` + idBody("nope", 1) + `"}`, 404, "resource_not_found", ""},
		{"portal link 404", "revoke_admin_portal_link_token", `{"adminPortalLinkTokenID":"aplt_00000000000000000000000000000000"}`, 404, "resource_not_found", ""},
		{"agent task bad redirect", "create_agent_task", `{"on_behalf_of":{"user_id":"` + ada + `"},"permissions":"*","agent_name":"a","task_description":"t","redirect_url":"/relative"}`, 422, "form_param_format_invalid", "redirect_url"},
		{"agent task 404", "revoke_agent_task", `{"agent_task_id":"agtask_nope"}`, 404, "resource_not_found", ""},
		{"sign-up 404", "update_sign_up", `{"id":"sua_nope","custom_action":true}`, 404, "resource_not_found", ""},
		{"production-only", "update_production_instance_domain", `{"home_url":"https://example.com"}`, 400, "production_instance_required", ""},
		{"session token of an unknown session", "create_session_token", `{"session_id":"sess_nope"}`, 404, "resource_not_found", ""},
		{"token lifetime too long", "create_session_token", `{"session_id":"` + sid + `","expires_in_seconds":315360001}`, 422, "form_param_format_invalid", "expires_in_seconds"},
		{"refresh without origin", "refresh_session", `{"session_id":"` + sid + `","expired_token":"a","refresh_token":"b","request_origin":"nope"}`, 422, "form_param_format_invalid", "request_origin"},
		{"client 404", "get_client", `{"client_id":"client_nope"}`, 404, "resource_not_found", ""},
		{"wrong password", "verify_user_password", `{"user_id":"` + ada + `","password":"nope-nope"}`, 422, "form_password_incorrect", "password"},
		{"wrong TOTP", "verify_user_totp", `{"user_id":"` + ada + `","code":"000000"}`, 422, "form_code_incorrect", "code"},
		{"passkey 404", "delete_user_passkey", `{"user_id":"` + grace + `","passkey_identification_id":"idn_nope"}`, 404, "resource_not_found", ""},
		{"external account 404", "delete_user_external_account", `{"user_id":"` + ada + `","external_account_id":"eac_nope"}`, 404, "resource_not_found", ""},
		{"trusted device 404", "revoke_user_trusted_device", `{"user_id":"` + grace + `","trusted_device_id":"td_nope"}`, 404, "resource_not_found", ""},
		{"verification of an unknown address", "prepare_email_address_verification", `{"email_address_id":"idn_nope"}`, 404, "resource_not_found", ""},
		{"attempt without code", "attempt_phone_number_verification", `{"phone_number_id":"` + e.phoneID("+14155550101") + `","verification_id":"ver_x","code":""}`, 422, "form_param_missing", "code"},
		{"replace with a taken number", "replace_user_phone_number", `{"user_id":"` + grace + `","phone_number":"+14155550101"}`, 422, "form_identifier_exists", "phone_number"},
		{"replace with a bad status", "replace_user_email_address", `{"user_id":"` + grace + `","email_address":"g2@example.com","identification_status":"maybe"}`, 422, "form_param_value_invalid", "identification_status"},
		{"domain 404", "verify_organization_domain_ownership", `{"organization_id":"acme-corp","domain_id":"orgdmn_nope"}`, 404, "resource_not_found", ""},
		{"role key taken", "create_organization_role", `{"name":"Admin 2","key":"org:admin"}`, 422, "form_identifier_exists", "key"},
		{"role key format", "create_organization_role", `{"name":"X","key":"org:Bad-Key"}`, 422, "form_param_format_invalid", "key"},
		{"role 404", "get_organization_role", `{"organization_role_id":"role_nope"}`, 404, "resource_not_found", ""},
		{"permission key reserved for system", "create_organization_permission", `{"name":"X","key":"org:sys_memberships:read"}`, 422, "form_param_format_invalid", "key"},
		{"permission 404", "get_organization_permission", `{"permission_id":"perm_nope"}`, 404, "resource_not_found", ""},
		{"role set key taken", "create_role_set", `{"name":"D","key":"role_set:default","roles":["org:admin"],"default_role_key":"org:admin","creator_role_key":"org:admin"}`, 422, "form_identifier_exists", "key"},
		{"role set lists a role twice", "create_role_set", `{"name":"D","roles":["org:admin","org:admin"],"default_role_key":"org:admin","creator_role_key":"org:admin"}`, 422, "form_param_format_invalid", "roles"},
		{"role set 404", "get_role_set", `{"role_set_key_or_id":"role_set:nope"}`, 404, "resource_not_found", ""},
		{"replace into itself", "replace_role_set", `{"role_set_key_or_id":"role_set:default","dest_role_set_key":"role_set:default"}`, 422, "form_param_format_invalid", "dest_role_set_key"},
		{"template 404", "get_template", `{"template_type":"email","slug":"nope"}`, 404, "resource_not_found", ""},
		{"template body without its variable", "upsert_template", `{"template_type":"sms","slug":"verification_code","body":"hello"}`, 422, "form_param_value_invalid", "body"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e.t = t
			ae := e.fails(c.op, args(t, c.args), c.status, c.code)
			assert.NotEmpty(t, ae.TraceID)
			assert.NotEmpty(t, ae.Errors[0].LongMessage)
			if c.param != "" {
				assert.Equal(t, c.param, meta(ae)["param_name"], "meta.param_name")
			}
		})
	}
}
