package sandbox

import (
	"encoding/json"
	"strings"
	"testing"
)

func init() {
	uid := func(who string) func(e *env, _ map[string]map[string]any) string {
		return func(e *env, _ map[string]map[string]any) string { return `{"user_id":"` + e.userID(who) + `"}` }
	}
	schemaCases = append(schemaCases,
		schemaCase{"verify_user_password", func(e *env, _ map[string]map[string]any) string {
			return `{"user_id":"` + e.userID("grace") + `","password":"` + SeedPassword + `"}`
		}},
		schemaCase{"verify_user_totp", func(e *env, _ map[string]map[string]any) string {
			return `{"user_id":"` + e.userID("ada") + `","code":"` + SeedBackupCodes[0] + `"}`
		}},
		schemaCase{"list_user_trusted_devices", uid("ada")},
		schemaCase{"revoke_user_trusted_device", func(e *env, _ map[string]map[string]any) string {
			return `{"user_id":"` + e.userID("ada") + `","trusted_device_id":"` + e.trustedDevice("ada") + `"}`
		}},
		schemaCase{"get_user_oauth_access_tokens", func(e *env, _ map[string]map[string]any) string {
			return `{"user_id":"` + e.userID("grace") + `","provider":"oauth_google"}`
		}},
		schemaCase{"set_user_password_compromised", uid("aturing")},
		schemaCase{"unset_user_password_compromised", uid("aturing")},
		schemaCase{"remove_user_password", uid("aturing")},
		schemaCase{"delete_user_totp", uid("ada")},
		schemaCase{"delete_user_backup_codes", uid("ada")},
		schemaCase{"disable_user_mfa", uid("ada")},
		schemaCase{"delete_user_passkey", func(e *env, _ map[string]map[string]any) string {
			return `{"user_id":"` + e.userID("ada") + `","passkey_identification_id":"idn_` + idBody("passkey", 1) + `"}`
		}},
		schemaCase{"delete_user_web3_wallet", func(e *env, _ map[string]map[string]any) string {
			return `{"user_id":"` + e.userID("linus") + `","web3_wallet_identification_id":"idn_` + idBody("wallet", 1) + `"}`
		}},
		schemaCase{"delete_user_external_account", func(e *env, _ map[string]map[string]any) string {
			return `{"user_id":"` + e.userID("grace") + `","external_account_id":"eac_` + idBody("external account", 1) + `"}`
		}},
		schemaCase{"prepare_email_address_verification", func(e *env, _ map[string]map[string]any) string {
			return `{"email_address_id":"` + e.emailID("radia@globex.example.com") + `"}`
		}},
		schemaCase{"attempt_email_address_verification", func(e *env, got map[string]map[string]any) string {
			return `{"email_address_id":"` + e.emailID("radia@globex.example.com") + `","verification_id":"` + str(got["prepare_email_address_verification"], "id") + `","code":"` + SandboxOTP + `"}`
		}},
		schemaCase{"prepare_phone_number_verification", func(e *env, _ map[string]map[string]any) string {
			return `{"phone_number_id":"` + e.phoneID("+12065550110") + `"}`
		}},
		schemaCase{"attempt_phone_number_verification", func(e *env, got map[string]map[string]any) string {
			return `{"phone_number_id":"` + e.phoneID("+12065550110") + `","verification_id":"` + str(got["prepare_phone_number_verification"], "id") + `","code":"000000"}`
		}},
		schemaCase{"replace_user_email_address", func(e *env, _ map[string]map[string]any) string {
			return `{"user_id":"` + e.userID("radia") + `","email_address":"radia.new@example.com","identification_status":"reserved"}`
		}},
		schemaCase{"replace_user_phone_number", func(e *env, _ map[string]map[string]any) string {
			return `{"user_id":"` + e.userID("radia") + `","phone_number":"+12065550999"}`
		}},
		schemaCase{"verify_organization_domain_ownership", func(e *env, _ map[string]map[string]any) string {
			return `{"organization_id":"` + e.orgID("acme-corp") + `","domain_id":"` + e.orgDomainID("acme-labs.example.net") + `"}`
		}},
	)
}

func (e *env) trustedDevice(who string) string {
	uid := e.userID(who)
	e.s.mu.Lock()
	defer e.s.mu.Unlock()
	u, _ := e.s.users.get(uid)
	return e.s.credsOf(u).devices[0].ID
}

func (e *env) emailID(addr string) string {
	e.s.mu.Lock()
	defer e.s.mu.Unlock()
	for _, u := range e.s.users.all() {
		for _, em := range u.EmailAddresses {
			if em.EmailAddress == addr {
				return em.ID
			}
		}
	}
	e.t.Fatalf("no email address %s", addr)
	return ""
}

func (e *env) phoneID(num string) string {
	e.s.mu.Lock()
	defer e.s.mu.Unlock()
	for _, u := range e.s.users.all() {
		for _, p := range u.PhoneNumbers {
			if p.PhoneNumber == num {
				return p.ID
			}
		}
	}
	e.t.Fatalf("no phone number %s", num)
	return ""
}

func (e *env) orgDomainID(name string) string {
	return first(e, &e.s.orgDomains, func(d *orgDomain) string { return d.ID }, func(d *orgDomain) bool { return d.Name == name })
}

func TestPasswordsAndSecondFactors(t *testing.T) {
	e := newEnv(t)
	grace, ada := e.userID("grace"), e.userID("ada")
	e.ok("verify_user_password", args(t, `{"user_id":"`+grace+`","password":"`+SeedPassword+`"}`))
	if ae := e.fails("verify_user_password", args(t, `{"user_id":"`+grace+`","password":"wrong-password"}`), 422, "form_password_incorrect"); !strings.Contains(ae.Error(), "password") {
		t.Errorf("error does not name password: %v", ae)
	}
	e.fails("verify_user_password", args(t, `{"user_id":"user_missing","password":"x"}`), 404, "resource_not_found")

	// A password set through create_user and update_user is the one checked.
	u := e.ok("create_user", args(t, `{"email_address":["pw.user@example.com"],"password":"first-password-1"}`))
	id := str(u, "id")
	e.ok("verify_user_password", args(t, `{"user_id":"`+id+`","password":"first-password-1"}`))
	e.fails("verify_user_password", args(t, `{"user_id":"`+id+`","password":"`+SeedPassword+`"}`), 422, "form_password_incorrect")
	e.ok("update_user", args(t, `{"user_id":"`+id+`","password":"second-password-2"}`))
	e.fails("verify_user_password", args(t, `{"user_id":"`+id+`","password":"first-password-1"}`), 422, "form_password_incorrect")
	e.ok("verify_user_password", args(t, `{"user_id":"`+id+`","password":"second-password-2"}`))
	// An imported sha256 digest verifies; a bcrypt one says it cannot.
	d := e.ok("create_user", args(t, `{"email_address":["digest.user@example.com"],"password_digest":"5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8","password_hasher":"sha256"}`))
	e.ok("verify_user_password", args(t, `{"user_id":"`+str(d, "id")+`","password":"password"}`))
	b := e.ok("create_user", args(t, `{"email_address":["bcrypt.user@example.com"],"password_digest":"$2a$10$abcdefghijklmnopqrstuu","password_hasher":"bcrypt"}`))
	e.fails("verify_user_password", args(t, `{"user_id":"`+str(b, "id")+`","password":"password"}`), 400, "sandbox_hasher_unsupported")

	e.fails("unset_user_password_compromised", args(t, `{"user_id":"`+id+`"}`), 400, "password_not_compromised")
	e.ok("set_user_password_compromised", args(t, `{"user_id":"`+id+`"}`))
	e.ok("unset_user_password_compromised", args(t, `{"user_id":"`+id+`"}`))
	r := e.ok("remove_user_password", args(t, `{"user_id":"`+id+`"}`))
	if r["password_enabled"] != false {
		t.Errorf("remove_user_password: %v", r)
	}
	e.fails("verify_user_password", args(t, `{"user_id":"`+id+`","password":"second-password-2"}`), 400, "password_not_set")
	e.ok("remove_user_password", args(t, `{"user_id":"`+id+`"}`)) // no password: unchanged, no error

	// TOTP at the sandbox's time, then a backup code, which is used up.
	e.s.mu.Lock()
	code, _ := totpCode(SeedTOTPSecret, e.s.now/1000)
	e.s.mu.Unlock()
	if v := e.ok("verify_user_totp", args(t, `{"user_id":"`+ada+`","code":"`+code+`"}`)); str(v, "code_type") != "totp" {
		t.Errorf("verify_user_totp: %v", v)
	}
	if v := e.ok("verify_user_totp", args(t, `{"user_id":"`+ada+`","code":"`+SeedBackupCodes[1]+`"}`)); str(v, "code_type") != "backup_code" {
		t.Errorf("verify_user_totp backup code: %v", v)
	}
	e.fails("verify_user_totp", args(t, `{"user_id":"`+ada+`","code":"`+SeedBackupCodes[1]+`"}`), 422, "form_code_incorrect")
	e.fails("verify_user_totp", args(t, `{"user_id":"`+grace+`","code":"123456"}`), 400, "totp_not_enabled")
	e.ok("delete_user_totp", args(t, `{"user_id":"`+ada+`"}`))
	e.fails("verify_user_totp", args(t, `{"user_id":"`+ada+`","code":"`+code+`"}`), 422, "form_code_incorrect")
	if got := e.ok("get_user", args(t, `{"user_id":"`+ada+`"}`)); got["totp_enabled"] != false || got["two_factor_enabled"] != true {
		t.Errorf("after delete_user_totp, backup codes still count: %v %v", got["totp_enabled"], got["two_factor_enabled"])
	}
	e.ok("disable_user_mfa", args(t, `{"user_id":"`+ada+`"}`))
	if got := e.ok("get_user", args(t, `{"user_id":"`+ada+`"}`)); got["two_factor_enabled"] != false || got["backup_code_enabled"] != false {
		t.Errorf("disable_user_mfa left a factor: %v", got)
	}
	// TOTP secret set by update_user is the one checked (RFC 6238 test key).
	e.ok("update_user", args(t, `{"user_id":"`+grace+`","totp_secret":"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"}`))
	e.s.mu.Lock()
	gcode, _ := totpCode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", e.s.now/1000)
	e.s.mu.Unlock()
	e.ok("verify_user_totp", args(t, `{"user_id":"`+grace+`","code":"`+gcode+`"}`))
}

// TestTOTPKnownAnswer checks the code generator against RFC 6238's table.
func TestTOTPKnownAnswer(t *testing.T) {
	for unix, want := range map[int64]string{59: "287082", 1111111109: "081804", 1234567890: "005924", 2000000000: "279037"} {
		if got, _ := totpCode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", unix); got != want {
			t.Errorf("TOTP at %d = %s, want %s", unix, got, want)
		}
	}
}

func TestUserSubResources(t *testing.T) {
	e := newEnv(t)
	ada, grace, linus := e.userID("ada"), e.userID("grace"), e.userID("linus")
	pk := "idn_" + idBody("passkey", 1)
	e.ok("delete_user_passkey", args(t, `{"user_id":"`+ada+`","passkey_identification_id":"`+pk+`"}`))
	e.fails("delete_user_passkey", args(t, `{"user_id":"`+ada+`","passkey_identification_id":"`+pk+`"}`), 404, "resource_not_found")
	// Another user's wallet is not found under this user.
	wallet := "idn_" + idBody("wallet", 1)
	e.fails("delete_user_web3_wallet", args(t, `{"user_id":"`+ada+`","web3_wallet_identification_id":"`+wallet+`"}`), 404, "resource_not_found")
	e.ok("delete_user_web3_wallet", args(t, `{"user_id":"`+linus+`","web3_wallet_identification_id":"`+wallet+`"}`))
	if got := e.ok("get_user", args(t, `{"user_id":"`+linus+`"}`)); got["primary_web3_wallet_id"] != nil {
		t.Errorf("the deleted wallet is still primary: %v", got["primary_web3_wallet_id"])
	}

	toks := e.ok("get_user_oauth_access_tokens", args(t, `{"user_id":"`+grace+`","provider":"oauth_google"}`))
	if len(items(toks)) != 1 || str(items(toks)[0], "token") == "" {
		t.Errorf("get_user_oauth_access_tokens: %v", toks)
	}
	if none := e.ok("get_user_oauth_access_tokens", args(t, `{"user_id":"`+grace+`","provider":"oauth_github"}`)); len(items(none)) != 0 {
		t.Errorf("tokens for a provider the user never used: %v", none)
	}
	eac := "eac_" + idBody("external account", 1)
	e.ok("delete_user_external_account", args(t, `{"user_id":"`+grace+`","external_account_id":"`+eac+`"}`))
	if after := e.ok("get_user_oauth_access_tokens", args(t, `{"user_id":"`+grace+`","provider":"oauth_google"}`)); len(items(after)) != 0 {
		t.Errorf("the deleted account still has tokens: %v", after)
	}

	dev := e.trustedDevice("ada")
	if l := e.ok("list_user_trusted_devices", args(t, `{"user_id":"`+ada+`"}`)); count(l) != 1 {
		t.Fatalf("list_user_trusted_devices: %v", l)
	}
	r := e.ok("revoke_user_trusted_device", args(t, `{"user_id":"`+ada+`","trusted_device_id":"`+dev+`"}`))
	if str(r, "status") != "revoked" || r["revoked_at"] == nil {
		t.Errorf("revoke_user_trusted_device: %v", r)
	}
	if l := e.ok("list_user_trusted_devices", args(t, `{"user_id":"`+ada+`"}`)); count(l) != 0 {
		t.Errorf("a revoked device is still listed: %v", l)
	}
	e.fails("revoke_user_trusted_device", args(t, `{"user_id":"`+ada+`","trusted_device_id":"`+dev+`"}`), 404, "resource_not_found")
}

func TestIdentificationVerification(t *testing.T) {
	e := newEnv(t)
	u := e.ok("create_user", args(t, `{"email_address":["verify.me@example.com"],"email_address_identification_status":["reserved"],"phone_number":["+15555550123"]}`))
	em := e.emailID("verify.me@example.com")
	v := e.ok("prepare_email_address_verification", args(t, `{"email_address_id":"`+em+`"}`))
	if str(v, "status") != "unverified" || str(v, "strategy") != "email_code" {
		t.Fatalf("prepare: %v", v)
	}
	out := e.s.Outbox()
	if len(out) != 1 || out[0].To != "verify.me@example.com" || out[0].Code != SandboxOTP {
		t.Errorf("the code was not recorded in the outbox: %+v", out)
	}
	a := `{"email_address_id":"` + em + `","verification_id":"` + str(v, "id") + `","code":"`
	if w := e.ok("attempt_email_address_verification", args(t, a+`111111"}`)); str(w, "status") != "unverified" {
		t.Errorf("a wrong code must answer its status, not verify: %v", w)
	}
	if w := e.ok("attempt_email_address_verification", args(t, a+SandboxOTP+`"}`)); str(w, "status") != "verified" {
		t.Errorf("right code: %v", w)
	}
	e.fails("attempt_email_address_verification", args(t, a+SandboxOTP+`"}`), 400, "verification_already_verified")
	got := e.ok("get_email_address", args(t, `{"email_address_id":"`+em+`"}`))
	if !strings.Contains(string(mustJSON(t, got["verification"])), `"verified"`) {
		t.Errorf("the address was not marked verified: %v", got)
	}
	// Three wrong codes fail the verification.
	pv := e.ok("prepare_phone_number_verification", args(t, `{"phone_number_id":"`+e.phoneID("+15555550123")+`"}`))
	pa := `{"phone_number_id":"` + e.phoneID("+15555550123") + `","verification_id":"` + str(pv, "id") + `","code":"`
	var last map[string]any
	for range 3 {
		last = e.ok("attempt_phone_number_verification", args(t, pa+`999999"}`))
	}
	if str(last, "status") != "failed" {
		t.Errorf("after three wrong codes: %v", last)
	}
	// The verification of another address is not found under this one.
	e.fails("attempt_email_address_verification", args(t, `{"email_address_id":"`+e.emailID("ada@acme.example.com")+`","verification_id":"`+str(v, "id")+`","code":"1"}`), 404, "resource_not_found")

	uid := str(u, "id")
	r := e.ok("replace_user_email_address", args(t, `{"user_id":"`+uid+`","email_address":"replaced@example.com"}`))
	if g := e.ok("get_user", args(t, `{"user_id":"`+uid+`"}`)); len(g["email_addresses"].([]any)) != 1 || str(g, "primary_email_address_id") != str(r, "id") {
		t.Errorf("replace_user_email_address: %v", g)
	}
	if ae := e.fails("replace_user_email_address", args(t, `{"user_id":"`+uid+`","email_address":"ada@acme.example.com"}`), 422, "form_identifier_exists"); !strings.Contains(ae.Error(), "email_address") {
		t.Errorf("error does not name email_address: %v", ae)
	}
	if ae := e.fails("replace_user_phone_number", args(t, `{"user_id":"`+uid+`","phone_number":"555-0100"}`), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "phone_number") {
		t.Errorf("error does not name phone_number: %v", ae)
	}

	d := e.ok("verify_organization_domain_ownership", args(t, `{"organization_id":"acme-corp","domain_id":"`+e.orgDomainID("acme-labs.example.net")+`"}`))
	ov, _ := d["ownership_verification"].(map[string]any)
	if ov["strategy"] != "manual_override" || ov["status"] != "verified" {
		t.Errorf("verify_organization_domain_ownership: %v", d)
	}
	again := e.ok("verify_organization_domain_ownership", args(t, `{"organization_id":"acme-corp","domain_id":"`+e.orgDomainID("acme-labs.example.net")+`"}`))
	if again["updated_at"] != d["updated_at"] {
		t.Error("verifying ownership again changed the domain")
	}
	e.fails("verify_organization_domain_ownership", args(t, `{"organization_id":"globex","domain_id":"`+e.orgDomainID("acme-labs.example.net")+`"}`), 404, "resource_not_found")
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCreatedUsersGetNoSeedSecrets checks that a user made through
// create_user has only the secrets it was given: no seed password, TOTP
// secret or trusted device.
func TestCreatedUsersGetNoSeedSecrets(t *testing.T) {
	e := newEnv(t)
	u := e.ok("create_user", args(t, `{"email_address":["fresh@example.com"],"password":"fresh-password-1","totp_secret":"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"}`))
	id := str(u, "id")
	e.fails("verify_user_password", args(t, `{"user_id":"`+id+`","password":"`+SeedPassword+`"}`), 422, "form_password_incorrect")
	if l := e.ok("list_user_trusted_devices", args(t, `{"user_id":"`+id+`"}`)); count(l) != 0 {
		t.Errorf("a created user has seeded trusted devices: %v", l)
	}
	e.s.mu.Lock()
	seed, _ := totpCode(SeedTOTPSecret, e.s.now/1000)
	e.s.mu.Unlock()
	e.fails("verify_user_totp", args(t, `{"user_id":"`+id+`","code":"`+seed+`"}`), 422, "form_code_incorrect")
	if !seedUserIDs()[e.userID("ada")] || seedUserIDs()[id] {
		t.Error("seedUserIDs does not tell seeded users from created ones")
	}
}
