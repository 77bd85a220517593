package sandbox

// The machine, OAuth, SSO and billing groups, one in-process call each
// (benchCall, bench_k_test.go).

import "testing"

func BenchmarkVerifyAPIKey(b *testing.B) {
	benchCall(b, "verify_api_key", func(e *env) string {
		return `{"secret":"` + str(e.ok("create_api_key", args(e.t, `{"name":"bench","subject":"`+e.userID("ada")+`"}`)), "secret") + `"}`
	})
}

func BenchmarkVerifyM2MToken(b *testing.B) {
	benchCall(b, "verify_m2m_token", func(e *env) string {
		m := e.ok("create_machine", args(e.t, `{"name":"bench"}`))
		tok := e.ok("create_m2m_token", args(e.t, `{"machine_secret_key":"`+str(m, "secret_key")+`","seconds_until_expiration":1e9}`))
		return `{"token":"` + str(tok, "token") + `"}`
	})
}

func BenchmarkGetEnterpriseConnection(b *testing.B) {
	benchCall(b, "get_enterprise_connection", func(e *env) string {
		ec := e.ok("create_enterprise_connection", args(e.t, `{"name":"b","provider":"saml_okta","domains":["b.example.com"]}`))
		return `{"enterprise_connection_id":"` + str(ec, "id") + `"}`
	})
}

func BenchmarkListDirectoryMappings(b *testing.B) {
	benchCall(b, "list_directory_group_role_mappings", func(e *env) string {
		ec := e.ok("create_enterprise_connection", args(e.t, `{"name":"b","provider":"saml_okta","domains":["b.example.com"]}`))
		d := e.ok("create_directory", args(e.t, `{"enterprise_connection_id":"`+str(ec, "id")+`","provider":"okta",`+
			`"group_role_mappings":[{"directory_group_id":"g","role_id":"`+roleID(e, "org:member")+`"}]}`))
		return `{"directory_id":"` + str(d, "id") + `"}`
	})
}

func BenchmarkGetUserBillingSubscription(b *testing.B) {
	benchCall(b, "get_user_billing_subscription", func(e *env) string { return `{"user_id":"` + e.userID("ada") + `"}` })
}

func BenchmarkGetOAuthApplication(b *testing.B) {
	benchCall(b, "get_oauth_application", func(e *env) string {
		return `{"oauth_application_id":"` + str(e.ok("create_oauth_application", args(e.t, `{"name":"b"}`)), "id") + `"}`
	})
}

// BenchmarkGetUserForL is a core single-object read, for comparison.
func BenchmarkGetUserForL(b *testing.B) {
	benchCall(b, "get_user", func(e *env) string { return `{"user_id":"` + e.userID("ada") + `"}` })
}
