package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/clerk-mcp/clerk-mcp/internal/golden"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// specRelPath locates the pinned Clerk OpenAPI spec relative to the
// repository root (the directory holding go.mod).

const specURL = "https://spec.clerk.test/openapi.json"

// spec validates answers against the response schemas of the OpenAPI spec,
// converted to JSON Schema 2020-12.
type spec struct {
	root     map[string]any
	byOpID   map[string]map[string]any // operationId -> operation object
	compiler *jsonschema.Compiler
	compiled map[string]*jsonschema.Schema
}

func loadSpec(t *testing.T) *spec {
	t.Helper()
	data := golden.Spec(t, clerkapi.APIVersion)
	path := "the " + clerkapi.APIVersion + " OpenAPI spec"
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parsing %s: %v", path, err)
	}
	sp := &spec{root: doc.(map[string]any), byOpID: map[string]map[string]any{}, compiled: map[string]*jsonschema.Schema{}}
	for _, item := range sp.root["paths"].(map[string]any) {
		for method, o := range item.(map[string]any) {
			if om, ok := o.(map[string]any); ok && method != "parameters" {
				if id, ok := om["operationId"].(string); ok {
					sp.byOpID[id] = om
				}
			}
		}
	}
	schemas := map[string]any{}
	for name, sch := range sp.components("schemas") {
		schemas[name] = convertSchema(sch, func(ref string) string { return ref })
	}
	sp.compiler = jsonschema.NewCompiler()
	sp.compiler.DefaultDraft(jsonschema.Draft2020)
	if err := sp.compiler.AddResource(specURL, map[string]any{"components": map[string]any{"schemas": schemas}}); err != nil {
		t.Fatal(err)
	}
	return sp
}

func (sp *spec) components(kind string) map[string]any {
	return sp.root["components"].(map[string]any)[kind].(map[string]any)
}

// convertSchema turns an OpenAPI 3.0 schema into JSON Schema: nullable
// becomes a union with null, OpenAPI-only keywords go, boolean exclusive
// bounds become numeric ones, and $ref goes through ref.
func convertSchema(v any, ref func(string) string) any {
	s, ok := v.(map[string]any)
	if !ok {
		return v
	}
	out := map[string]any{}
	for k, val := range s {
		switch {
		case k == "$ref":
			out[k] = ref(val.(string))
		case k == "nullable", k == "example", k == "examples", k == "discriminator", k == "xml", k == "externalDocs", strings.HasPrefix(k, "x-"):
		case k == "properties", k == "patternProperties":
			props := map[string]any{}
			for name, p := range val.(map[string]any) {
				props[name] = convertSchema(p, ref)
			}
			out[k] = props
		case k == "items", k == "not", k == "additionalProperties":
			out[k] = convertSchema(val, ref)
		case k == "allOf", k == "anyOf", k == "oneOf":
			var subs []any
			for _, sub := range val.([]any) {
				subs = append(subs, convertSchema(sub, ref))
			}
			out[k] = subs
		default:
			out[k] = val
		}
	}
	for _, bound := range []string{"exclusiveMinimum", "exclusiveMaximum"} {
		if b, ok := out[bound].(bool); ok {
			limit := strings.Replace(strings.TrimPrefix(bound, "exclusive"), "M", "m", 1)
			delete(out, bound)
			if b {
				out[bound] = out[limit]
				delete(out, limit)
			}
		}
	}
	if n, _ := s["nullable"].(bool); n {
		return map[string]any{"anyOf": []any{map[string]any{"type": "null"}, out}}
	}
	return out
}

// responseSchema returns the JSON schema of the operation's 2xx answer, or
// nil when the spec gives it no JSON body.
func (sp *spec) responseSchema(opID string) (map[string]any, int) {
	o := sp.byOpID[opID]
	for code, r := range o["responses"].(map[string]any) {
		if !strings.HasPrefix(code, "2") {
			continue
		}
		rm := r.(map[string]any)
		if ref, ok := rm["$ref"].(string); ok {
			rm = sp.components("responses")[ref[strings.LastIndex(ref, "/")+1:]].(map[string]any)
		}
		status := 0
		fmt.Sscan(code, &status)
		content, _ := rm["content"].(map[string]any)
		media, _ := content["application/json"].(map[string]any)
		sch, _ := media["schema"].(map[string]any)
		return sch, status
	}
	return nil, 0
}

// validator returns the compiled response schema of op; paginated wraps a
// bare-array schema as the {data, total_count} page Clerk sends instead.
func (sp *spec) validator(t *testing.T, o *clerkapi.Operation, paginated bool) (*jsonschema.Schema, int) {
	t.Helper()
	raw, status := sp.responseSchema(o.OperationID)
	if raw == nil {
		return nil, status
	}
	key := fmt.Sprintf("%s/%v", o.Name, paginated)
	if sch, ok := sp.compiled[key]; ok {
		return sch, status
	}
	if ref, ok := raw["$ref"].(string); ok && paginated { // a named array schema, e.g. OAuthAccessToken
		if target, _ := sp.components("schemas")[ref[strings.LastIndex(ref, "/")+1:]].(map[string]any); target["type"] == "array" {
			raw = target
		}
	}
	conv := convertSchema(raw, func(ref string) string { return specURL + ref }).(map[string]any)
	if paginated && conv["type"] == "array" {
		conv = map[string]any{
			"type": "object", "required": []any{"data", "total_count"}, "additionalProperties": false,
			"properties": map[string]any{"data": conv, "total_count": map[string]any{"type": "integer"}},
		}
	}
	loc := "https://spec.clerk.test/responses/" + key + ".json"
	if err := sp.compiler.AddResource(loc, conv); err != nil {
		t.Fatal(err)
	}
	sch, err := sp.compiler.Compile(loc)
	if err != nil {
		t.Fatalf("compiling the response schema of %s: %v", o.Name, err)
	}
	sp.compiled[key] = sch
	return sch, status
}

// check validates every 2xx answer the sandbox sent against the schema of
// the operation it belongs to, and returns how many it checked.
func (sp *spec) check(t *testing.T, xs []exchange) int {
	t.Helper()
	n := 0
	for _, x := range xs {
		if x.status < 200 || x.status > 299 {
			continue
		}
		segs := strings.Split(strings.TrimPrefix(x.path, "/v1/"), "/")
		rt, _ := match(x.method, segs)
		if rt == nil {
			t.Errorf("%s %s answered %d but matches no operation", x.method, x.path, x.status)
			continue
		}
		q, _ := url.ParseQuery(x.query)
		sch, status := sp.validator(t, rt.op, q.Get("paginated") == "true")
		if x.status != status {
			t.Errorf("%s: answered %d, spec says %d", rt.op.Name, x.status, status)
		}
		n++
		if sch == nil {
			if len(x.body) > 0 && !rt.op.HTML {
				t.Errorf("%s: spec gives no body, sandbox sent %s", rt.op.Name, x.body)
			}
			continue
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(x.body))
		if err != nil {
			t.Errorf("%s: answer is not JSON: %v", rt.op.Name, err)
			continue
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: answer does not match the spec's response schema:\n%v\nbody: %s", rt.op.Name, err, x.body)
		}
	}
	return n
}

// schemaCase calls one emulated operation. got holds the latest answer of
// each operation called before, to reach what earlier cases created.
type schemaCase struct {
	name string
	args func(e *env, got map[string]map[string]any) string
}

func fixed(js string) func(*env, map[string]map[string]any) string {
	return func(*env, map[string]map[string]any) string { return js }
}

// schemaCases exercise every emulated operation, in an order where each
// case finds what it needs.
var schemaCases = []schemaCase{
	{"get_jwks", fixed(`{}`)},
	{"get_instance", fixed(`{}`)},
	{"update_instance", fixed(`{"allowed_origins":["http://localhost:3000","https://app.example.com"],"test_mode":true}`)},
	{"update_instance_restrictions", fixed(`{"allowlist":true,"block_email_subaddresses":true}`)},
	{"get_instance_protect", fixed(`{}`)},
	{"update_instance_protect", fixed(`{"rules_enabled":true}`)},
	{"get_instance_communication", fixed(`{}`)},
	{"update_instance_communication", fixed(`{"blocked_country_codes":["RU","KP"]}`)},
	{"get_instance_oauth_application_settings", fixed(`{}`)},
	{"update_instance_oauth_application_settings", fixed(`{"dynamic_oauth_client_registration":true,"default_scopes":["openid","email"]}`)},
	{"get_instance_organization_settings", fixed(`{}`)},
	{"update_instance_organization_settings", fixed(`{"max_allowed_memberships":10,"creator_role_id":"org:admin","domains_enrollment_modes":["automatic_invitation"]}`)},

	{"list_users", fixed(`{"limit":5,"order_by":"-last_sign_in_at"}`)},
	{"list_users", fixed(`{"organization_id":["acme-corp"],"query":"a"}`)},
	{"count_users", fixed(`{"query":"example"}`)},
	{"create_user", fixed(`{"email_address":["schema.user@example.com"],"username":"schema_user","first_name":"Schema","last_name":"User",` +
		`"password":"correct-horse-battery","phone_number":["+15555550199"],"web3_wallet":["0x1111111111111111111111111111111111111111"],"public_metadata":{"plan":"free"}}`)},
	{"get_user", func(e *env, _ map[string]map[string]any) string { return `{"user_id":"` + e.userID("ada") + `"}` }},
	{"update_user", func(e *env, got map[string]map[string]any) string {
		return `{"user_id":"` + str(got["create_user"], "id") + `","first_name":"Schemata","totp_secret":"JBSWY3DPEHPK3PXP"}`
	}},
	{"update_user_metadata", func(e *env, got map[string]map[string]any) string {
		return `{"user_id":"` + str(got["create_user"], "id") + `","public_metadata":{"plan":null,"tier":{"level":2}},"private_metadata":{"note":"x"}}`
	}},
	{"replace_user_metadata", func(e *env, got map[string]map[string]any) string {
		return `{"user_id":"` + str(got["create_user"], "id") + `","unsafe_metadata":{"theme":"dark"}}`
	}},
	{"ban_user", func(e *env, got map[string]map[string]any) string {
		return `{"user_id":"` + str(got["create_user"], "id") + `"}`
	}},
	{"unban_user", func(e *env, got map[string]map[string]any) string {
		return `{"user_id":"` + str(got["create_user"], "id") + `"}`
	}},
	{"ban_users", func(e *env, got map[string]map[string]any) string {
		return `{"user_ids":["` + str(got["create_user"], "id") + `"]}`
	}},
	{"unban_users", func(e *env, got map[string]map[string]any) string {
		return `{"user_ids":["` + str(got["create_user"], "id") + `"]}`
	}},
	{"lock_user", func(e *env, got map[string]map[string]any) string {
		return `{"user_id":"` + str(got["create_user"], "id") + `"}`
	}},
	{"unlock_user", func(e *env, _ map[string]map[string]any) string { return `{"user_id":"` + e.userID("sophie") + `"}` }},
	{"set_user_profile_image", func(e *env, got map[string]map[string]any) string {
		return `{"user_id":"` + str(got["create_user"], "id") + `","file_base64":"` + pngBase64 + `"}`
	}},
	{"delete_user_profile_image", func(e *env, got map[string]map[string]any) string {
		return `{"user_id":"` + str(got["create_user"], "id") + `"}`
	}},
	{"create_email_address", func(e *env, got map[string]map[string]any) string {
		return `{"user_id":"` + str(got["create_user"], "id") + `","email_address":"schema.second@example.com","verified":false}`
	}},
	{"get_email_address", func(e *env, got map[string]map[string]any) string {
		return `{"email_address_id":"` + str(got["create_email_address"], "id") + `"}`
	}},
	{"update_email_address", func(e *env, got map[string]map[string]any) string {
		return `{"email_address_id":"` + str(got["create_email_address"], "id") + `","verified":true}`
	}},
	{"delete_email_address", func(e *env, got map[string]map[string]any) string {
		return `{"email_address_id":"` + str(got["create_email_address"], "id") + `"}`
	}},
	{"create_phone_number", func(e *env, got map[string]map[string]any) string {
		return `{"user_id":"` + str(got["create_user"], "id") + `","phone_number":"+15555550188","verified":true,"reserved_for_second_factor":true}`
	}},
	{"get_phone_number", func(e *env, got map[string]map[string]any) string {
		return `{"phone_number_id":"` + str(got["create_phone_number"], "id") + `"}`
	}},
	{"update_phone_number", func(e *env, got map[string]map[string]any) string {
		return `{"phone_number_id":"` + str(got["create_phone_number"], "id") + `","reserved_for_second_factor":false}`
	}},
	{"delete_phone_number", func(e *env, got map[string]map[string]any) string {
		return `{"phone_number_id":"` + str(got["create_phone_number"], "id") + `"}`
	}},
	{"list_user_organization_memberships", func(e *env, _ map[string]map[string]any) string { return `{"user_id":"` + e.userID("ada") + `"}` }},
	{"list_user_organization_invitations", func(e *env, _ map[string]map[string]any) string {
		return `{"user_id":"` + e.userID("annie.easley@example.com") + `","status":"pending"}`
	}},

	{"list_organizations", fixed(`{"include_members_count":true,"include_missing_member_with_elevated_permissions":true,"order_by":"-members_count"}`)},
	{"create_organization", func(e *env, _ map[string]map[string]any) string {
		return `{"name":"Schema Test Org","created_by":"` + e.userID("ada") + `","public_metadata":{"tier":"trial"},"private_metadata":{"crm":"1"}}`
	}},
	{"get_organization", fixed(`{"organization_id":"acme-corp","include_members_count":true}`)},
	{"update_organization", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","name":"Schema Test Org 2","max_allowed_memberships":20}`
	}},
	{"update_organization_metadata", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","public_metadata":{"tier":"paid"}}`
	}},
	{"replace_organization_metadata", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","private_metadata":{"crm":"2"}}`
	}},
	{"upload_organization_logo", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","uploader_user_id":"` + e.userID("ada") + `","file_base64":"` + pngBase64 + `"}`
	}},
	{"delete_organization_logo", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `"}`
	}},
	{"create_organization_membership", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","user_id":"` + e.userID("grace") + `","role":"org:member","public_metadata":{"team":"ops"}}`
	}},
	{"list_organization_memberships", fixed(`{"organization_id":"acme-corp","order_by":"first_name","role":["org:member"]}`)},
	{"update_organization_membership", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","user_id":"` + e.userID("grace") + `","role":"org:admin"}`
	}},
	{"update_organization_membership_metadata", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","user_id":"` + e.userID("grace") + `","private_metadata":{"level":3}}`
	}},
	{"list_all_organization_memberships", fixed(`{"limit":50,"order_by":"-created_at"}`)},
	{"list_organization_roles", fixed(`{"limit":10}`)},
	{"list_organization_permissions", fixed(`{"order_by":"key","limit":20}`)},
	{"get_organization_permission", fixed(`{"permission_id":"perm_memberships_read"}`)},
	{"delete_organization_membership", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","user_id":"` + e.userID("grace") + `"}`
	}},
	{"list_all_organization_invitations", fixed(`{"status":"pending","limit":50}`)},
	{"create_organization_invitation", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","email_address":"invitee@example.com","role":"org:member","inviter_user_id":"` + e.userID("ada") + `","expires_in_days":7}`
	}},
	{"list_organization_invitations", fixed(`{"organization_id":"acme-corp"}`)},
	{"create_organization_invitations_bulk", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","organization_invitations":[` +
			`{"email_address":"bulk1@example.com","role":"org:member"},{"email_address":"bulk2@example.com","role":"org:admin","public_metadata":{"vip":true}}]}`
	}},
	{"list_pending_organization_invitations", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `"}`
	}},
	{"get_organization_invitation", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","invitation_id":"` + str(got["create_organization_invitation"], "id") + `"}`
	}},
	{"revoke_organization_invitation", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","invitation_id":"` + str(got["create_organization_invitation"], "id") + `"}`
	}},
	{"create_organization_domain", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","name":"schema-test.example.com","enrollment_mode":"automatic_invitation"}`
	}},
	{"list_organization_domains", fixed(`{"organization_id":"acme-corp"}`)},
	{"update_organization_domain", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","domain_id":"` + str(got["create_organization_domain"], "id") + `","verified":false,"enrollment_mode":"manual_invitation"}`
	}},
	{"list_all_organization_domains", fixed(`{"enrollment_mode":["automatic_invitation","automatic_suggestion","-enterprise_sso"],"order_by":"name","limit":50}`)},
	{"list_all_organization_domains", fixed(`{"verified":"false"}`)},
	{"delete_organization_domain", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `","domain_id":"` + str(got["create_organization_domain"], "id") + `"}`
	}},
	{"delete_organization", func(e *env, got map[string]map[string]any) string {
		return `{"organization_id":"` + str(got["create_organization"], "id") + `"}`
	}},

	{"create_invitation", fixed(`{"email_address":"schema.invitee@example.com","public_metadata":{"cohort":"x"},"redirect_url":"https://app.example.com/welcome"}`)},
	{"list_invitations", fixed(`{"status":"pending"}`)},
	{"create_invitations_bulk", fixed(`{"invitations":[{"email_address":"bulk.a@example.com"},{"email_address":"bulk.b@example.com","expires_in_days":3}]}`)},
	{"revoke_invitation", func(e *env, got map[string]map[string]any) string {
		return `{"invitation_id":"` + str(got["create_invitation"], "id") + `"}`
	}},

	{"list_waitlist_entries", fixed(`{"limit":50}`)},
	{"list_waitlist_entries", fixed(`{"status":"completed","order_by":"-invited_at"}`)},
	{"create_waitlist_entry", fixed(`{"email_address":"schema.waiting@example.com","notify":false}`)},
	{"create_waitlist_entries_bulk", fixed(`{"waitlist_entries":[{"email_address":"bulk.wait1@example.com"},{"email_address":"hopeful@example.org","notify":false}]}`)},
	{"invite_waitlist_entry", func(e *env, got map[string]map[string]any) string {
		return `{"waitlist_entry_id":"` + str(got["create_waitlist_entry"], "id") + `"}`
	}},
	{"reject_waitlist_entry", func(e *env, got map[string]map[string]any) string {
		return `{"waitlist_entry_id":"` + str(got["create_waitlist_entry"], "id") + `"}`
	}},
	{"delete_waitlist_entry", func(e *env, _ map[string]map[string]any) string {
		return `{"waitlist_entry_id":"` + first(e, &e.s.waitlist, func(w *waitlistEntry) string { return w.ID }, func(w *waitlistEntry) bool { return w.Status == "pending" }) + `"}`
	}},

	{"list_sessions", func(e *env, _ map[string]map[string]any) string { return `{"user_id":"` + e.userID("ada") + `"}` }},
	{"create_session", func(e *env, _ map[string]map[string]any) string {
		return `{"user_id":"` + e.userID("grace") + `","active_organization_id":"` + e.orgID("globex") + `"}`
	}},
	{"get_session", func(e *env, got map[string]map[string]any) string {
		return `{"session_id":"` + str(got["create_session"], "id") + `"}`
	}},
	{"revoke_session", func(e *env, got map[string]map[string]any) string {
		return `{"session_id":"` + str(got["create_session"], "id") + `"}`
	}},

	{"list_allowlist_identifiers", fixed(`{}`)},
	{"create_allowlist_identifier", fixed(`{"identifier":"new.vip@example.com","notify":true}`)},
	{"delete_allowlist_identifier", func(e *env, got map[string]map[string]any) string {
		return `{"identifier_id":"` + str(got["create_allowlist_identifier"], "id") + `"}`
	}},
	{"list_blocklist_identifiers", fixed(`{}`)},
	{"create_blocklist_identifier", fixed(`{"identifier":"bad.actor@example.net"}`)},
	{"delete_blocklist_identifier", func(e *env, got map[string]map[string]any) string {
		return `{"identifier_id":"` + str(got["create_blocklist_identifier"], "id") + `"}`
	}},

	{"list_redirect_urls", fixed(`{}`)},
	{"create_redirect_url", fixed(`{"url":"https://staging.example.com/callback"}`)},
	{"get_redirect_url", func(e *env, got map[string]map[string]any) string {
		return `{"id":"` + str(got["create_redirect_url"], "id") + `"}`
	}},
	{"delete_redirect_url", func(e *env, got map[string]map[string]any) string {
		return `{"id":"` + str(got["create_redirect_url"], "id") + `"}`
	}},

	{"list_jwt_templates", fixed(`{}`)},
	{"create_jwt_template", fixed(`{"name":"hasura","claims":{"https://hasura.io/jwt/claims":{"x-hasura-user-id":"{{user.id}}"}},"lifetime":300}`)},
	{"get_jwt_template", func(e *env, got map[string]map[string]any) string {
		return `{"template_id":"` + str(got["create_jwt_template"], "id") + `"}`
	}},
	{"update_jwt_template", func(e *env, got map[string]map[string]any) string {
		return `{"template_id":"` + str(got["create_jwt_template"], "id") + `","name":"hasura-v2","claims":{"role":"user"},"allowed_clock_skew":10}`
	}},
	{"delete_jwt_template", func(e *env, got map[string]map[string]any) string {
		return `{"template_id":"` + str(got["create_jwt_template"], "id") + `"}`
	}},

	{"list_domains", fixed(`{}`)},
	{"add_domain", fixed(`{"name":"satellite.example.com","is_satellite":true}`)},
	{"update_domain", func(e *env, got map[string]map[string]any) string {
		return `{"domain_id":"` + str(got["add_domain"], "id") + `","name":"sat2.example.com"}`
	}},
	{"delete_domain", func(e *env, got map[string]map[string]any) string {
		return `{"domain_id":"` + str(got["add_domain"], "id") + `"}`
	}},

	{"delete_user", func(e *env, got map[string]map[string]any) string {
		return `{"user_id":"` + str(got["create_user"], "id") + `"}`
	}},
}

// TestAnswersMatchTheSpec calls every emulated operation and validates each
// answer the sandbox sent against the spec's response schema.
func TestAnswersMatchTheSpec(t *testing.T) {
	sp := loadSpec(t)
	// The converted schemas do reject: a user without its required fields
	// fails, so a pass below means something.
	userSchema, _ := sp.validator(t, op(t, "get_user"), false)
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"id":"user_x","object":"user","email_addresses":null}`))
	if userSchema.Validate(bad) == nil {
		t.Fatal("the get_user schema accepts a broken user: the OpenAPI conversion is vacuous")
	}
	e := newEnv(t)
	covered := map[string]bool{}
	got := map[string]map[string]any{}
	checked := 0
	for _, sc := range schemaCases {
		if !Emulated(sc.name) {
			t.Errorf("schema case %s: the sandbox does not emulate it", sc.name)
			continue
		}
		covered[sc.name] = true
		a := args(t, sc.args(e, got))
		resp, err := e.client.Do(context.Background(), op(t, sc.name), a)
		if err != nil {
			t.Errorf("%s %s: %v", sc.name, sc.args(e, got), err)
			e.rec.take()
			continue
		}
		var body map[string]any
		_ = json.Unmarshal(resp.Body, &body)
		got[sc.name] = body
		checked += sp.check(t, e.rec.take())
	}
	for name := range handlers {
		if !covered[name] && !productionOnlyOps[name] { // those never answer 2xx here
			t.Errorf("emulated operation %s has no schema case", name)
		}
	}
	t.Logf("validated %d answers of %d emulated operations against %s", checked, len(handlers), "Clerk's spec")
}

// TestEveryOperationIsEmulated: no catalog operation reaches the 501 guard;
// it stays only for operations added to the catalog later, and answers in
// Clerk's error shape naming the operation.
func TestEveryOperationIsEmulated(t *testing.T) {
	var missing []string
	for _, o := range clerkapi.Catalog() {
		if !Emulated(o.Name) {
			missing = append(missing, o.Name)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d catalog operations reach sandbox_not_emulated: %v", len(missing), missing)
	}
	if len(handlers) != len(clerkapi.Catalog()) {
		t.Errorf("%d handlers for %d catalog operations: a handler names no operation", len(handlers), len(clerkapi.Catalog()))
	}
	op := &clerkapi.Operation{Name: "get_future_thing", Method: "GET", Path: "/future_things/{id}"}
	status, body := testSandbox().encodeError(errNotEmulated(op))
	var e errorBody
	if err := json.Unmarshal(body, &e); err != nil || status != http.StatusNotImplemented || len(e.Errors) != 1 ||
		e.Errors[0].Code != "sandbox_not_emulated" || !strings.Contains(e.Errors[0].Message, op.Name) {
		t.Errorf("the 501 guard answers %d %s", status, body)
	}
}
