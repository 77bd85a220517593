package sandbox

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func init() {
	schemaCases = append(schemaCases,
		schemaCase{"create_machine", fixed(`{"name":"schema-worker","default_token_ttl":600}`)},
		schemaCase{"create_machine_scope", func(e *env, got map[string]map[string]any) string {
			other := e.ok("create_machine", args(e.t, `{"name":"schema-target"}`))
			return `{"machine_id":"` + str(got["create_machine"], "id") + `","to_machine_id":"` + str(other, "id") + `"}`
		}},
		schemaCase{"list_machines", fixed(`{"query":"schema","order_by":"name"}`)},
		schemaCase{"get_machine", func(e *env, got map[string]map[string]any) string {
			return `{"machine_id":"` + str(got["create_machine"], "id") + `"}`
		}},
		schemaCase{"update_machine", func(e *env, got map[string]map[string]any) string {
			return `{"machine_id":"` + str(got["create_machine"], "id") + `","name":"schema-worker-2","default_token_ttl":900}`
		}},
		schemaCase{"get_machine_secret_key", func(e *env, got map[string]map[string]any) string {
			return `{"machine_id":"` + str(got["create_machine"], "id") + `"}`
		}},
		schemaCase{"create_m2m_token", func(e *env, got map[string]map[string]any) string {
			return `{"machine_secret_key":"` + str(got["get_machine_secret_key"], "secret") + `","claims":{"env":"test"},"seconds_until_expiration":3600}`
		}},
		schemaCase{"verify_m2m_token", func(e *env, got map[string]map[string]any) string {
			return `{"token":"` + str(got["create_m2m_token"], "token") + `"}`
		}},
		schemaCase{"list_m2m_tokens", func(e *env, got map[string]map[string]any) string {
			return `{"subject":"` + str(got["create_machine"], "id") + `","limit":5}`
		}},
		schemaCase{"revoke_m2m_token", func(e *env, got map[string]map[string]any) string {
			return `{"m2m_token_id":"` + str(got["create_m2m_token"], "id") + `","revocation_reason":"rotated"}`
		}},
		schemaCase{"rotate_machine_secret_key", func(e *env, got map[string]map[string]any) string {
			return `{"machine_id":"` + str(got["create_machine"], "id") + `","previous_token_ttl":60}`
		}},
		schemaCase{"create_api_key", func(e *env, got map[string]map[string]any) string {
			return `{"name":"schema key","subject":"` + e.userID("ada") + `","scopes":["read"],"claims":{"tier":"gold"},"description":"for tests","seconds_until_expiration":86400}`
		}},
		schemaCase{"list_api_keys", func(e *env, _ map[string]map[string]any) string {
			return `{"subject":"` + e.userID("ada") + `","include_invalid":"true"}`
		}},
		schemaCase{"get_api_key", func(e *env, got map[string]map[string]any) string {
			return `{"apiKeyID":"` + str(got["create_api_key"], "id") + `"}`
		}},
		schemaCase{"get_api_key_secret", func(e *env, got map[string]map[string]any) string {
			return `{"apiKeyID":"` + str(got["create_api_key"], "id") + `"}`
		}},
		schemaCase{"update_api_key", func(e *env, got map[string]map[string]any) string {
			return `{"apiKeyID":"` + str(got["create_api_key"], "id") + `","description":"renamed","scopes":["read","write"]}`
		}},
		schemaCase{"verify_api_key", func(e *env, got map[string]map[string]any) string {
			return `{"secret":"` + str(got["create_api_key"], "secret") + `"}`
		}},
		schemaCase{"revoke_api_key", func(e *env, got map[string]map[string]any) string {
			return `{"apiKeyID":"` + str(got["create_api_key"], "id") + `","revocation_reason":"leaked"}`
		}},
		schemaCase{"delete_api_key", func(e *env, got map[string]map[string]any) string {
			return `{"apiKeyID":"` + str(got["create_api_key"], "id") + `"}`
		}},
		schemaCase{"delete_machine_scope", func(e *env, got map[string]map[string]any) string {
			return `{"machine_id":"` + str(got["create_machine"], "id") + `","other_machine_id":"` + str(got["create_machine_scope"], "to_machine_id") + `"}`
		}},
		schemaCase{"delete_machine", func(e *env, got map[string]map[string]any) string {
			return `{"machine_id":"` + str(got["create_machine"], "id") + `"}`
		}},
	)
}

// TestMachineSecretKeyAuthenticatesM2MTokens: create_m2m_token is refused
// without the machine's own current key, and a rotated-out key lasts its
// grace period only.
func TestMachineSecretKeyAuthenticatesM2MTokens(t *testing.T) {
	e := newEnv(t)
	m := e.ok("create_machine", args(t, `{"name":"worker"}`))
	key := str(m, "secret_key")
	if !strings.HasPrefix(key, "ak_") {
		t.Fatalf("machine secret key %q is not ak_…", key)
	}
	for _, bad := range []string{SecretKey, "ak_00000000000000000000000000000000", key + "x"} {
		ae := e.fails("create_m2m_token", args(t, `{"machine_secret_key":"`+bad+`"}`), 401, "authentication_invalid")
		if !strings.Contains(ae.Error(), "machine secret key") {
			t.Errorf("refusal does not say a machine secret key is needed: %v", ae)
		}
	}
	if n := len(e.s.machineState().tokens.all()); n != 0 {
		t.Fatalf("refused calls minted %d tokens", n)
	}
	tok := e.ok("create_m2m_token", args(t, `{"machine_secret_key":"`+key+`"}`))
	if str(tok, "subject") != str(m, "id") || !strings.HasPrefix(str(tok, "token"), "mt_") {
		t.Fatalf("token %v", tok)
	}
	// Rotation with a grace period: the old key works until it lapses.
	rot := e.ok("rotate_machine_secret_key", args(t, `{"machine_id":"`+str(m, "id")+`","previous_token_ttl":2}`))
	newKey := str(rot, "secret")
	if newKey == key {
		t.Fatal("rotation kept the key")
	}
	e.ok("create_m2m_token", args(t, `{"machine_secret_key":"`+key+`"}`)) // within 2 s (one write = 1 s)
	e.ok("create_m2m_token", args(t, `{"machine_secret_key":"`+newKey+`"}`))
	e.fails("create_m2m_token", args(t, `{"machine_secret_key":"`+key+`"}`), 401, "authentication_invalid")
	// Rotation without grace: the old key stops at once.
	rot2 := e.ok("rotate_machine_secret_key", args(t, `{"machine_id":"`+str(m, "id")+`","previous_token_ttl":0}`))
	e.fails("create_m2m_token", args(t, `{"machine_secret_key":"`+newKey+`"}`), 401, "authentication_invalid")
	e.ok("create_m2m_token", args(t, `{"machine_secret_key":"`+str(rot2, "secret")+`"}`))
	// A deleted machine's key authenticates nothing.
	e.ok("delete_machine", args(t, `{"machine_id":"`+str(m, "id")+`"}`))
	e.fails("create_m2m_token", args(t, `{"machine_secret_key":"`+str(rot2, "secret")+`"}`), 401, "authentication_invalid")
}

func TestM2MTokenLifecycle(t *testing.T) {
	e := newEnv(t)
	a := e.ok("create_machine", args(t, `{"name":"a","default_token_ttl":5}`))
	b := e.ok("create_machine", args(t, `{"name":"b","scoped_machines":["`+str(a, "id")+`"]}`))
	bKey := str(b, "secret_key")
	tok := e.ok("create_m2m_token", args(t, `{"machine_secret_key":"`+bKey+`","claims":{"k":1}}`))
	if sc, _ := tok["scopes"].([]any); len(sc) != 1 || sc[0] != str(a, "id") {
		t.Fatalf("token scopes %v, want the machine's scoped machines", tok["scopes"])
	}
	// Reuse: an identical live token with enough lifetime left comes back.
	again := e.ok("create_m2m_token", args(t, `{"machine_secret_key":"`+bKey+`","claims":{"k":1},"min_remaining_ttl_seconds":60}`))
	if str(again, "id") != str(tok, "id") {
		t.Errorf("min_remaining_ttl_seconds did not reuse the live token")
	}
	e.fails("create_m2m_token", args(t, `{"machine_secret_key":"`+bKey+`","min_remaining_ttl_seconds":3600}`), 400, "form_param_value_invalid")
	ae := e.fails("create_m2m_token", args(t, `{"machine_secret_key":"`+bKey+`","token_format":"paseto"}`), 400, "form_param_value_invalid")
	if !strings.Contains(ae.Error(), "token_format") {
		t.Errorf("format refusal does not name token_format: %v", ae)
	}
	v := e.ok("verify_m2m_token", args(t, `{"token":"`+str(tok, "token")+`"}`))
	if _, has := v["token"]; has || v["last_used_at"] == nil {
		t.Errorf("verify answer %v: must not echo the token and must record the use", v)
	}
	e.fails("verify_m2m_token", args(t, `{"token":"mt_nope"}`), 404, "resource_not_found")
	list := e.ok("list_m2m_tokens", args(t, `{"subject":"`+str(b, "id")+`"}`))
	if n := len(list["m2m_tokens"].([]any)); n != 1 {
		t.Errorf("list_m2m_tokens has %d live tokens, want 1", n)
	}
	e.ok("revoke_m2m_token", args(t, `{"m2m_token_id":"`+str(tok, "id")+`"}`))
	e.fails("revoke_m2m_token", args(t, `{"m2m_token_id":"`+str(tok, "id")+`"}`), 400, "token_already_revoked")
	if ae := e.fails("verify_m2m_token", args(t, `{"token":"`+str(tok, "token")+`"}`), 400, "token_invalid"); !strings.Contains(ae.Error(), "revoked") {
		t.Errorf("%v", ae)
	}
	revoked := e.ok("list_m2m_tokens", args(t, `{"subject":"`+str(b, "id")+`","revoked":true}`))
	if n := len(revoked["m2m_tokens"].([]any)); n != 1 {
		t.Errorf("revoked=true lists %d tokens, want 1", n)
	}
	// Expiry: a 1-second token is expired once the clock moves on.
	short := e.ok("create_m2m_token", args(t, `{"machine_secret_key":"`+bKey+`","seconds_until_expiration":1}`))
	e.ok("update_machine", args(t, `{"machine_id":"`+str(a, "id")+`","name":"a2"}`))
	if ae := e.fails("verify_m2m_token", args(t, `{"token":"`+str(short, "token")+`"}`), 400, "token_invalid"); !strings.Contains(ae.Error(), "expired") {
		t.Errorf("%v", ae)
	}
	// Confused arguments: a float limit, an unknown machine.
	e.fails("list_m2m_tokens", args(t, `{"subject":"`+str(b, "id")+`","limit":2.5}`), 422, "form_param_format_invalid")
	e.fails("list_m2m_tokens", args(t, `{"subject":"mch_2xxxxxxxxxxxxxxxxxxxxxxxxxx"}`), 404, "resource_not_found")
}

func TestMachinesBehaviour(t *testing.T) {
	e := newEnv(t)
	a := e.ok("create_machine", args(t, `{"name":"alpha"}`))
	if a["default_token_ttl"].(interface{ String() string }).String() != "3600" {
		t.Errorf("default_token_ttl %v, want the default 3600", a["default_token_ttl"])
	}
	b := e.ok("create_machine", args(t, `{"name":"beta"}`))
	aID, bID := str(a, "id"), str(b, "id")
	// A second read never shows the secret key; get_machine_secret_key does.
	if _, has := e.ok("get_machine", args(t, `{"machine_id":"`+aID+`"}`))["secret_key"]; has {
		t.Error("get_machine returned the secret key")
	}
	if str(e.ok("get_machine_secret_key", args(t, `{"machine_id":"`+aID+`"}`)), "secret") != str(a, "secret_key") {
		t.Error("get_machine_secret_key does not answer the current key")
	}
	e.ok("create_machine_scope", args(t, `{"machine_id":"`+aID+`","to_machine_id":"`+bID+`"}`))
	e.fails("create_machine_scope", args(t, `{"machine_id":"`+aID+`","to_machine_id":"`+bID+`"}`), 409, "duplicate_record")
	e.fails("create_machine_scope", args(t, `{"machine_id":"`+aID+`","to_machine_id":"`+aID+`"}`), 422, "form_param_format_invalid")
	e.fails("create_machine_scope", args(t, `{"machine_id":"`+aID+`","to_machine_id":"mch_2xxxxxxxxxxxxxxxxxxxxxxxxxx"}`), 404, "resource_not_found")
	got := e.ok("get_machine", args(t, `{"machine_id":"`+aID+`"}`))
	if sm, _ := got["scoped_machines"].([]any); len(sm) != 1 {
		t.Fatalf("scoped_machines %v", got["scoped_machines"])
	}
	// Deleting b drops a's scope on it.
	e.ok("delete_machine", args(t, `{"machine_id":"`+bID+`"}`))
	got = e.ok("get_machine", args(t, `{"machine_id":"`+aID+`"}`))
	if sm, _ := got["scoped_machines"].([]any); len(sm) != 0 {
		t.Errorf("deleted machine still scoped: %v", sm)
	}
	e.fails("delete_machine_scope", args(t, `{"machine_id":"`+aID+`","other_machine_id":"`+bID+`"}`), 404, "resource_not_found")
	// Confused bodies: wrong types and ranges name the field.
	for _, tc := range []struct{ args, field string }{
		{`{"name":"x","default_token_ttl":0}`, "default_token_ttl"},
		{`{"name":"x","default_token_ttl":1.5}`, "default_token_ttl"},
		{`{"name":"x","default_token_ttl":"3600"}`, "default_token_ttl"},
		{`{"name":"x","scoped_machines":["mch_2xxxxxxxxxxxxxxxxxxxxxxxxxx"]}`, "scoped_machines"},
	} {
		before := len(e.s.machineState().machines.all())
		_, ae := e.do("create_machine", args(t, tc.args))
		if ae == nil || !strings.Contains(ae.Error(), tc.field) {
			t.Errorf("create_machine %s: %v, want an error naming %s", tc.args, ae, tc.field)
		}
		if after := len(e.s.machineState().machines.all()); after != before {
			t.Errorf("create_machine %s stored a machine", tc.args)
		}
	}
	e.fails("rotate_machine_secret_key", args(t, `{"machine_id":"`+aID+`","previous_token_ttl":28801}`), 422, "form_param_format_invalid")
	page := e.ok("list_machines", args(t, `{"limit":1,"order_by":"-name"}`))
	if count(page) != 1 || str(items(page)[0], "name") != "alpha" {
		t.Errorf("list_machines: %v", page)
	}
	e.fails("list_machines", args(t, `{"order_by":"secret"}`), 422, "form_param_format_invalid")
}

func TestAPIKeysBehaviour(t *testing.T) {
	e := newEnv(t)
	ada := e.userID("ada")
	k := e.ok("create_api_key", args(t, `{"name":"ci key","subject":"`+ada+`","seconds_until_expiration":6}`))
	id, secret := str(k, "id"), str(k, "secret")
	if !apiKeyIDRE().MatchString(id) || !strings.HasPrefix(id, "ak_") || len(id) != 35 {
		t.Fatalf("API key ID %q does not match ak_<32 hex>", id)
	}
	if secret == "" || secret == id {
		t.Fatalf("secret %q", secret)
	}
	// Shown once: get and list never carry the secret.
	if _, has := e.ok("get_api_key", args(t, `{"apiKeyID":"`+id+`"}`))["secret"]; has {
		t.Error("get_api_key returned the secret")
	}
	for _, it := range items(e.ok("list_api_keys", args(t, `{"subject":"`+ada+`"}`))) {
		if _, has := it["secret"]; has {
			t.Error("list_api_keys returned a secret")
		}
	}
	if str(e.ok("get_api_key_secret", args(t, `{"apiKeyID":"`+id+`"}`)), "secret") != secret {
		t.Error("get_api_key_secret does not answer the secret")
	}
	if str(e.ok("verify_api_key", args(t, `{"secret":"`+secret+`"}`)), "id") != id {
		t.Error("verify_api_key does not find the key")
	}
	e.fails("verify_api_key", args(t, `{"secret":"ak_wrong"}`), 404, "resource_not_found")
	// Expiry after six seconds (the test clock steps a second per request):
	// seven requests later it no longer verifies and leaves the default list.
	e.ok("create_api_key", args(t, `{"name":"other","subject":"`+ada+`"}`))
	if ae := e.fails("verify_api_key", args(t, `{"secret":"`+secret+`"}`), 400, "token_invalid"); !strings.Contains(ae.Error(), "expired") {
		t.Errorf("%v", ae)
	}
	if n := count(e.ok("list_api_keys", args(t, `{"subject":"`+ada+`"}`))); n != 1 {
		t.Errorf("default list has %d keys, want 1 (the expired one hidden)", n)
	}
	if n := count(e.ok("list_api_keys", args(t, `{"subject":"`+ada+`","include_invalid":"true"}`))); n != 2 {
		t.Errorf("include_invalid list has %d keys, want 2", n)
	}
	// Update: null clears a nullable field; revoke stops verification.
	upd := e.ok("update_api_key", args(t, `{"apiKeyID":"`+id+`","seconds_until_expiration":null,"description":"d"}`))
	if upd["expiration"] != nil || str(upd, "description") != "d" {
		t.Errorf("update: %v", upd)
	}
	e.ok("verify_api_key", args(t, `{"secret":"`+secret+`"}`))
	e.ok("revoke_api_key", args(t, `{"apiKeyID":"`+id+`"}`))
	e.fails("revoke_api_key", args(t, `{"apiKeyID":"`+id+`"}`), 400, "api_key_already_revoked")
	e.fails("verify_api_key", args(t, `{"secret":"`+secret+`"}`), 400, "token_invalid")
	e.ok("delete_api_key", args(t, `{"apiKeyID":"`+id+`"}`))
	e.fails("get_api_key", args(t, `{"apiKeyID":"`+id+`"}`), 404, "resource_not_found")
	e.fails("verify_api_key", args(t, `{"secret":"`+secret+`"}`), 404, "resource_not_found")
	// Confused arguments: nothing stored, the field named.
	before := len(e.s.machineState().apiKeys.all())
	for _, tc := range []struct{ args, field string }{
		{`{"name":"ok key","subject":"user_missing"}`, "subject"},
		{`{"name":"ok key","subject":"user_2xxxxxxxxxxxxxxxxxxxxxxxxxx"}`, "subject"},
		{`{"name":" padded ","subject":"` + ada + `"}`, "name"},
		{`{"name":"ok key","subject":"` + ada + `","seconds_until_expiration":0}`, "seconds_until_expiration"},
		{`{"name":"ok key","subject":"` + ada + `","seconds_until_expiration":"60"}`, "seconds_until_expiration"},
		{`{"name":"ok key","subject":"` + ada + `","created_by":"someone"}`, "created_by"},
	} {
		_, ae := e.do("create_api_key", args(t, tc.args))
		if ae == nil || !strings.Contains(ae.Error(), tc.field) {
			t.Errorf("create_api_key %s: %v, want an error naming %s", tc.args, ae, tc.field)
		}
	}
	if after := len(e.s.machineState().apiKeys.all()); after != before {
		t.Errorf("refused creates stored %d keys", after-before)
	}
	e.fails("get_api_key", args(t, `{"apiKeyID":"ak_123"}`), 400, "form_param_format_invalid") // the spec's pattern, at the door
	e.fails("list_api_keys", args(t, `{"subject":"`+ada+`","limit":101}`), 400, "form_param_format_invalid")
}

// TestM2MTokenWithoutMachineKey sends create_m2m_token over HTTP without a
// key and with the instance key: both are refused, nothing is minted.
func TestM2MTokenWithoutMachineKey(t *testing.T) {
	s := New()
	for _, auth := range []string{"", "Bearer " + SecretKey, "Bearer "} {
		req := httptest.NewRequest("POST", "/v1/m2m_tokens", strings.NewReader(`{}`))
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != http.StatusUnauthorized || !strings.Contains(w.Body.String(), "authentication_invalid") {
			t.Errorf("Authorization %q: %d %s", auth, w.Code, w.Body)
		}
	}
	if s.mx != nil && len(s.mx.tokens.all()) != 0 {
		t.Error("a refused call minted a token")
	}
}
