package sandbox

import (
	"cmp"
	"net/http/httptest"
	"strings"
	"testing"
)

// The token-minting and instance-misc operations' schema cases.
func init() {
	schemaCases = append(schemaCases,
		schemaCase{"create_actor_token", func(e *env, _ map[string]map[string]any) string {
			return `{"user_id":"` + e.userID("grace") + `","actor":{"sub":"` + e.userID("ada") + `","reason":"support"},"expires_in_seconds":600}`
		}},
		schemaCase{"revoke_actor_token", func(e *env, got map[string]map[string]any) string {
			return `{"actor_token_id":"` + str(got["create_actor_token"], "id") + `"}`
		}},
		schemaCase{"create_sign_in_token", func(e *env, _ map[string]map[string]any) string {
			return `{"user_id":"` + e.userID("ada") + `","org_id":"` + e.orgID("acme-corp") + `","expires_in_seconds":3600}`
		}},
		schemaCase{"revoke_sign_in_token", func(e *env, got map[string]map[string]any) string {
			return `{"sign_in_token_id":"` + str(got["create_sign_in_token"], "id") + `"}`
		}},
		schemaCase{"create_testing_token", fixed(`{}`)},
		schemaCase{"create_admin_portal_link_token", func(e *env, _ map[string]map[string]any) string {
			return `{"organization_id":"` + e.orgID("acme-corp") + `","scopes":["admin_portal:read"],"seconds_until_expiration":600}`
		}},
		schemaCase{"revoke_admin_portal_link_token", func(e *env, got map[string]map[string]any) string {
			return `{"adminPortalLinkTokenID":"` + str(got["create_admin_portal_link_token"], "id") + `","revocation_reason":"done"}`
		}},
		schemaCase{"create_agent_task", fixed(`{"on_behalf_of":{"identifier":"ada@acme.example.com"},"permissions":"*","agent_name":"helper","task_description":"Book a room","redirect_url":"http://localhost:3000/done"}`)},
		schemaCase{"revoke_agent_task", func(e *env, got map[string]map[string]any) string {
			return `{"agent_task_id":"` + str(got["create_agent_task"], "agent_task_id") + `"}`
		}},
		schemaCase{"get_sign_up", func(e *env, _ map[string]map[string]any) string { return `{"id":"` + e.signUpID(0) + `"}` }},
		schemaCase{"update_sign_up", func(e *env, _ map[string]map[string]any) string {
			return `{"id":"` + e.signUpID(1) + `","external_id":"ext-42","custom_action":true}`
		}},
		schemaCase{"get_public_interstitial", fixed(`{"publishable_key":"pk_test_c2FuZGJveA"}`)},
		schemaCase{"create_svix_app", fixed(`{}`)},
		schemaCase{"generate_svix_auth_url", fixed(`{}`)},
		schemaCase{"delete_svix_app", fixed(`{}`)},
		schemaCase{"update_instance_auth_config", fixed(`{"restricted_to_allowlist":true,"from_email_address":"hello","progressive_sign_up":false,"test_mode":true}`)},
	)
}

// signUpID is the i-th seeded sign-up.
func (e *env) signUpID(i int) string {
	e.s.mu.Lock()
	defer e.s.mu.Unlock()
	return e.s.signUps().all()[i].ID
}

func TestActorAndSignInTokens(t *testing.T) {
	e := newEnv(t)
	ada, grace := e.userID("ada"), e.userID("grace")
	a := e.ok("create_actor_token", args(t, `{"user_id":"`+grace+`","actor":{"sub":"`+ada+`","note":"kept"}}`))
	if str(a, "status") != "pending" || str(a, "token") == "" || !strings.Contains(str(a, "url"), str(a, "token")) {
		t.Fatalf("create_actor_token: %v", a)
	}
	if act := a["actor"].(map[string]any); act["note"] != "kept" {
		t.Errorf("the actor payload lost its extra key: %v", act)
	}
	r := e.ok("revoke_actor_token", args(t, `{"actor_token_id":"`+str(a, "id")+`"}`))
	if str(r, "status") != "revoked" || r["token"] != nil {
		t.Errorf("revoke_actor_token must answer revoked without the secret: %v", r)
	}
	e.fails("revoke_actor_token", args(t, `{"actor_token_id":"`+str(a, "id")+`"}`), 400, "token_not_pending")
	e.fails("revoke_actor_token", args(t, `{"actor_token_id":"act_missing"}`), 404, "resource_not_found")
	e.fails("create_actor_token", args(t, `{"user_id":"user_missing","actor":{"sub":"x"}}`), 404, "resource_not_found")
	if ae := e.fails("create_actor_token", args(t, `{"user_id":"`+grace+`","actor":{"sub":""}}`), 422, "form_param_missing"); !strings.Contains(ae.Error(), "actor.sub") {
		t.Errorf("error does not name actor.sub: %v", ae)
	}
	if ae := e.fails("create_actor_token", args(t, `{"user_id":"`+grace+`","actor":{"sub":"x"},"expires_in_seconds":0}`), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "expires_in_seconds") {
		t.Errorf("error does not name expires_in_seconds: %v", ae)
	}

	si := e.ok("create_sign_in_token", args(t, `{"user_id":"`+ada+`"}`))
	if str(si, "token") == "" || str(si, "url") == "" {
		t.Fatalf("create_sign_in_token: %v", si)
	}
	// Grace is not in Initech: the org must be one of hers.
	if ae := e.fails("create_sign_in_token", args(t, `{"user_id":"`+grace+`","org_id":"`+e.orgID("initech")+`"}`), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "org_id") {
		t.Errorf("error does not name org_id: %v", ae)
	}
	rs := e.ok("revoke_sign_in_token", args(t, `{"sign_in_token_id":"`+str(si, "id")+`"}`))
	if str(rs, "status") != "revoked" || rs["token"] != nil {
		t.Errorf("revoke_sign_in_token: %v", rs)
	}
	e.fails("revoke_sign_in_token", args(t, `{"sign_in_token_id":"`+str(si, "id")+`"}`), 400, "token_not_pending")
}

func TestPortalLinksAgentTasksAndTestingTokens(t *testing.T) {
	e := newEnv(t)
	tt := e.ok("create_testing_token", args(t, `{}`))
	if exp, _ := tt["expires_at"].(interface{ String() string }); exp == nil || !strings.HasPrefix(str(tt, "token"), "17") {
		t.Errorf("testing token is not <unix seconds>-<secret> with expires_at: %v", tt)
	}
	l := e.ok("create_admin_portal_link_token", args(t, `{"organization_id":"`+e.orgID("globex")+`"}`))
	if str(l, "token") == "" || l["revoked"] != false {
		t.Fatalf("create_admin_portal_link_token: %v", l)
	}
	e.fails("create_admin_portal_link_token", args(t, `{"organization_id":"acme-corp"}`), 400, "form_param_format_invalid")
	e.fails("create_admin_portal_link_token", args(t, `{"seconds_until_expiration":86401}`), 400, "form_param_format_invalid")
	rv := e.ok("revoke_admin_portal_link_token", args(t, `{"adminPortalLinkTokenID":"`+str(l, "id")+`","revocation_reason":"leaked"}`))
	if rv["revoked"] != true || str(rv, "revocation_reason") != "leaked" || rv["token"] != nil {
		t.Errorf("revoke_admin_portal_link_token: %v", rv)
	}
	e.fails("revoke_admin_portal_link_token", args(t, `{"adminPortalLinkTokenID":"`+str(l, "id")+`"}`), 400, "admin_portal_link_token_revoked")

	task := func(by string) string {
		return `{"on_behalf_of":` + by + `,"permissions":"*","agent_name":"Helper","task_description":"x","redirect_url":"https://app.example.com/done"}`
	}
	t1 := e.ok("create_agent_task", args(t, task(`{"user_id":"`+e.userID("ada")+`"}`)))
	t2 := e.ok("create_agent_task", args(t, task(`{"identifier":"grace@globex.example.com"}`)))
	if str(t1, "agent_id") != str(t2, "agent_id") || str(t1, "agent_task_id") == str(t2, "agent_task_id") || str(t1, "url") == "" {
		t.Errorf("agent_id must be stable per agent name and the task ID unique: %v %v", t1, t2)
	}
	// A confused model sends both, or neither, of the exclusive pair.
	for _, by := range []string{`{"user_id":"` + e.userID("ada") + `","identifier":"ada@acme.example.com"}`, `{}`} {
		if ae := e.fails("create_agent_task", args(t, task(by)), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "on_behalf_of") {
			t.Errorf("error does not name on_behalf_of: %v", ae)
		}
	}
	e.fails("create_agent_task", args(t, task(`{"identifier":"nobody@example.com"}`)), 404, "resource_not_found")
	r := e.ok("revoke_agent_task", args(t, `{"agent_task_id":"`+str(t1, "agent_task_id")+`"}`))
	if r["url"] != nil {
		t.Errorf("revoke_agent_task shows the URL again: %v", r)
	}
	e.fails("revoke_agent_task", args(t, `{"agent_task_id":"`+str(t1, "agent_task_id")+`"}`), 400, "agent_task_not_pending")
}

func TestInstanceMisc(t *testing.T) {
	e := newEnv(t)
	e.fails("generate_svix_auth_url", args(t, `{}`), 400, "svix_app_missing")
	e.fails("delete_svix_app", args(t, `{}`), 400, "svix_app_missing")
	if u := e.ok("create_svix_app", args(t, `{}`)); !strings.HasPrefix(str(u, "svix_url"), "https://app.svix.com/") {
		t.Errorf("create_svix_app: %v", u)
	}
	e.fails("create_svix_app", args(t, `{}`), 400, "svix_app_exists")
	e.ok("generate_svix_auth_url", args(t, `{}`))
	e.ok("delete_svix_app", args(t, `{}`))
	e.fails("generate_svix_auth_url", args(t, `{}`), 400, "svix_app_missing")

	prodArgs := map[string]string{ // each call valid but for the instance being a development one
		"update_production_instance_domain": `{"home_url":"https://example.com"}`,
		"change_production_instance_domain": `{"home_url":"https://example.com"}`,
	}
	for name := range productionOnlyOps {
		a := cmp.Or(prodArgs[name], `{}`)
		if ae := e.fails(name, args(t, a), 400, "production_instance_required"); !strings.Contains(ae.Error(), "development instance") {
			t.Errorf("%s: %v", name, ae)
		}
	}

	cfg := e.ok("update_instance_auth_config", args(t, `{"restricted_to_allowlist":true}`))
	if cfg["restricted_to_allowlist"] != true || e.ok("get_instance", args(t, `{}`)) == nil {
		t.Errorf("update_instance_auth_config: %v", cfg)
	}
	e.s.mu.Lock()
	allow := e.s.restrictions.Allowlist
	e.s.mu.Unlock()
	if !allow {
		t.Error("restricted_to_allowlist did not reach the instance restrictions")
	}
	if ae := e.fails("update_instance_auth_config", args(t, `{"from_email_address":"no-reply@x"}`), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "from_email_address") {
		t.Errorf("error does not name from_email_address: %v", ae)
	}

	su := e.ok("update_sign_up", args(t, `{"id":"`+e.signUpID(1)+`","external_id":"abc"}`))
	if str(su, "external_id") != "abc" {
		t.Fatalf("update_sign_up: %v", su)
	}
	e.fails("get_sign_up", args(t, `{"id":"sua_missing"}`), 404, "resource_not_found")

	resp, err := e.client.Do(t.Context(), op(t, "get_public_interstitial"), args(t, `{"publishable_key":"pk_test_x"}`))
	if err != nil || !strings.Contains(string(resp.Body), "clerk.browser.js") {
		t.Errorf("get_public_interstitial: %v %s", err, resp.Body)
	}
	e.fails("get_public_interstitial", args(t, `{}`), 400, "form_param_missing")
}

// TestConfusedBodiesAreRefusedByName sends, straight to the sandbox, the
// bodies a confused model would: floats and strings for integers, nulls for
// required objects, seconds as milliseconds. Each is refused naming the
// field, and nothing is minted.
func TestConfusedBodiesAreRefusedByName(t *testing.T) {
	s := New()
	s.mu.Lock()
	var sid string
	for _, ss := range s.sessions.all() {
		if s.sessionStatus(ss) == "active" {
			sid = ss.ID
		}
	}
	user := s.users.all()[0].ID
	s.mu.Unlock()
	for _, c := range []struct{ method, path, body, field string }{
		{"POST", "/v1/sessions/" + sid + "/tokens", `{"expires_in_seconds":60.5}`, "expires_in_seconds"},
		{"POST", "/v1/sessions/" + sid + "/tokens", `{"expires_in_seconds":"60"}`, "expires_in_seconds"},
		{"POST", "/v1/sessions/" + sid + "/tokens", `{"expires_in_seconds":3600000000}`, "expires_in_seconds"}, // ms for s
		{"POST", "/v1/actor_tokens", `{"user_id":"` + user + `","actor":null}`, "actor"},
		{"POST", "/v1/actor_tokens", `{"user_id":"` + user + `","actor":{"sub":"x"},"expires_in_seconds":1.5}`, "expires_in_seconds"},
		{"POST", "/v1/sign_in_tokens", `{"user_id":"` + user + `","expires_in_seconds":-1}`, "expires_in_seconds"},
		{"POST", "/v1/admin_portal_link_tokens", `{"seconds_until_expiration":0}`, "seconds_until_expiration"},
		{"POST", "/v1/agents/tasks", `{"on_behalf_of":null,"permissions":"*","agent_name":"a","task_description":"t","redirect_url":"https://x.example.com"}`, "on_behalf_of"},
		{"POST", "/v1/organization_roles", `{"name":"R","key":"org:r","permissions":"perm_memberships_read"}`, "permissions"},
		{"POST", "/v1/role_sets", `{"name":"S","roles":[],"default_role_key":"org:admin","creator_role_key":"org:admin"}`, "roles"},
		{"PUT", "/v1/templates/email/invitation", `{"delivered_by_clerk":"yes"}`, "delivered_by_clerk"},
	} {
		req := httptest.NewRequest(c.method, c.path, strings.NewReader(c.body))
		req.Header.Set("Authorization", "Bearer sk_test_x")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code < 400 || w.Code >= 500 || !strings.Contains(w.Body.String(), c.field) {
			t.Errorf("%s %s %s: %d %s; want a 4xx naming %s", c.method, c.path, c.body, w.Code, w.Body, c.field)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if n := len(s.mint.actorTokens.order) + len(s.mint.signInTokens.order) + len(s.mint.portalLinks.order) + len(s.mint.agentTasks.order); n != 0 {
		t.Errorf("%d tokens were minted by refused calls", n)
	}
}
