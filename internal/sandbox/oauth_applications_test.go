package sandbox

import (
	"strings"
	"testing"
)

func init() {
	schemaCases = append(schemaCases,
		schemaCase{"create_oauth_application", fixed(`{"name":"Schema App","redirect_uris":["https://app.example.com/cb"],"scopes":"profile email openid"}`)},
		schemaCase{"list_oauth_applications", fixed(`{"name_query":"app","order_by":"-name"}`)},
		schemaCase{"get_oauth_application", func(e *env, got map[string]map[string]any) string {
			return `{"oauth_application_id":"` + str(got["create_oauth_application"], "id") + `"}`
		}},
		schemaCase{"update_oauth_application", func(e *env, got map[string]map[string]any) string {
			return `{"oauth_application_id":"` + str(got["create_oauth_application"], "id") + `","name":"Schema App 2","consent_screen_enabled":false}`
		}},
		schemaCase{"upload_oauth_application_logo", func(e *env, got map[string]map[string]any) string {
			return `{"oauth_application_id":"` + str(got["create_oauth_application"], "id") + `","file_base64":"` + pngBase64 + `"}`
		}},
		schemaCase{"rotate_oauth_application_secret", func(e *env, got map[string]map[string]any) string {
			return `{"oauth_application_id":"` + str(got["create_oauth_application"], "id") + `"}`
		}},
		schemaCase{"verify_oauth_access_token", fixed(`{"access_token":"` + SeedOAuthAccessToken + `"}`)},
		schemaCase{"revoke_oauth_application_token", func(e *env, got map[string]map[string]any) string {
			demo := first(e, &e.s.oauthState().apps, func(a *oauthApp) string { return a.ID }, func(a *oauthApp) bool { return a.ClientID == str(got["verify_oauth_access_token"], "client_id") })
			return `{"oauth_application_id":"` + demo + `","token":"` + SeedOAuthRefreshToken + `"}`
		}},
		schemaCase{"delete_oauth_application", func(e *env, got map[string]map[string]any) string {
			return `{"oauth_application_id":"` + str(got["create_oauth_application"], "id") + `"}`
		}},
	)
}

func TestOAuthApplicationsBehaviour(t *testing.T) {
	e := newEnv(t)
	app := e.ok("create_oauth_application", args(t, `{"name":"My App","callback_url":"https://app.example.com/cb"}`))
	id, secret := str(app, "id"), str(app, "client_secret")
	if secret == "" || str(app, "scopes") != "profile email" || str(app, "callback_url") != "https://app.example.com/cb" {
		t.Fatalf("created %v", app)
	}
	// The secret is shown once: get and list never carry it.
	if _, has := e.ok("get_oauth_application", args(t, `{"oauth_application_id":"`+id+`"}`))["client_secret"]; has {
		t.Error("get_oauth_application returned the client secret")
	}
	for _, it := range items(e.ok("list_oauth_applications", args(t, `{}`))) {
		if _, has := it["client_secret"]; has {
			t.Error("list_oauth_applications returned a client secret")
		}
	}
	rot := e.ok("rotate_oauth_application_secret", args(t, `{"oauth_application_id":"`+id+`"}`))
	if s2 := str(rot, "client_secret"); s2 == "" || s2 == secret {
		t.Errorf("rotation answered secret %q (old %q)", s2, secret)
	}
	pub := e.ok("create_oauth_application", args(t, `{"name":"SPA","public":true}`))
	if str(pub, "client_secret") != "" || pub["pkce_required"] != true {
		t.Errorf("public app: %v", pub)
	}
	e.fails("rotate_oauth_application_secret", args(t, `{"oauth_application_id":"`+str(pub, "id")+`"}`), 400, "oauth_application_public")
	// Ordering: +created_at by default, the seeded demo app first.
	list := items(e.ok("list_oauth_applications", args(t, `{}`)))
	if len(list) != 3 || str(list[0], "name") != "Sandbox Demo App" || str(list[2], "name") != "SPA" {
		t.Errorf("list order: %v", list)
	}
	// Confused arguments name the field and store nothing.
	for _, tc := range []struct{ args, field string }{
		{`{"name":"x","scopes":"profile admin"}`, "scopes"},
		{`{"name":"x","redirect_uris":["/relative"]}`, "redirect_uris"},
		{`{"name":"x","public":"yes"}`, "public"},
		{`{"name":"x","public":true,"pkce_required":false}`, "pkce_required"},
	} {
		if _, ae := e.do("create_oauth_application", args(t, tc.args)); ae == nil || !strings.Contains(ae.Error(), tc.field) {
			t.Errorf("create_oauth_application %s: %v, want an error naming %s", tc.args, ae, tc.field)
		}
	}
	if n := count(e.ok("list_oauth_applications", args(t, `{}`))); n != 3 {
		t.Errorf("refused creates stored apps: %d", n)
	}
	e.ok("delete_oauth_application", args(t, `{"oauth_application_id":"`+id+`"}`))
	e.fails("get_oauth_application", args(t, `{"oauth_application_id":"`+id+`"}`), 404, "resource_not_found")
}

func TestOAuthAccessTokensVerify(t *testing.T) {
	e := newEnv(t)
	v := e.ok("verify_oauth_access_token", args(t, `{"access_token":"`+SeedOAuthAccessToken+`"}`))
	if str(v, "subject") != e.userID("ada") || str(v, "object") != "clerk_idp_oauth_access_token" {
		t.Fatalf("verify: %v", v)
	}
	if ae := e.fails("verify_oauth_access_token", args(t, `{"access_token":"`+SeedOAuthExpiredAccessToken+`"}`), 400, "token_invalid"); !strings.Contains(ae.Error(), "expired") {
		t.Errorf("%v", ae)
	}
	e.fails("verify_oauth_access_token", args(t, `{"access_token":"made-up"}`), 404, "resource_not_found")
	if ae := e.fails("verify_oauth_access_token", args(t, `{}`), 422, "form_param_missing"); !strings.Contains(ae.Error(), "access_token") {
		t.Errorf("%v", ae)
	}
	appID := str(items(e.ok("list_oauth_applications", args(t, `{}`)))[0], "id")
	other := e.ok("create_oauth_application", args(t, `{"name":"Other"}`))
	// Revoking through another application finds nothing; through its own,
	// by refresh token, it revokes the grant's access token too.
	e.fails("revoke_oauth_application_token", args(t, `{"oauth_application_id":"`+str(other, "id")+`","token":"`+SeedOAuthAccessToken+`"}`), 404, "resource_not_found")
	e.ok("revoke_oauth_application_token", args(t, `{"oauth_application_id":"`+appID+`","token":"`+SeedOAuthRefreshToken+`"}`))
	if ae := e.fails("verify_oauth_access_token", args(t, `{"access_token":"`+SeedOAuthAccessToken+`"}`), 400, "token_invalid"); !strings.Contains(ae.Error(), "revoked") {
		t.Errorf("%v", ae)
	}
	// Deleting the application removes its grants.
	e.ok("delete_oauth_application", args(t, `{"oauth_application_id":"`+appID+`"}`))
	e.fails("verify_oauth_access_token", args(t, `{"access_token":"`+SeedOAuthAccessToken+`"}`), 404, "resource_not_found")
}
