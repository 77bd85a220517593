package sandbox

import (
	"context"
	"testing"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// benchCall measures one in-process sandbox call through the production
// client and the sandbox's transport.
func benchCall(b *testing.B, name string, js func(e *env) string) {
	t := &testing.T{}
	e := newEnv(t)
	a := args(t, js(e))
	o := op(t, name)
	client := clerkapi.New(e.s.Config())
	if _, err := client.Do(context.Background(), o, a); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := client.Do(context.Background(), o, a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGetOrganizationRole(b *testing.B) {
	benchCall(b, "get_organization_role", func(*env) string { return `{"organization_role_id":"role_2sbxAdminR0le000000000000"}` })
}

func BenchmarkGetTemplate(b *testing.B) {
	benchCall(b, "get_template", func(*env) string { return `{"template_type":"email","slug":"invitation"}` })
}

func BenchmarkVerifyUserPassword(b *testing.B) {
	benchCall(b, "verify_user_password", func(e *env) string {
		return `{"user_id":"` + e.userID("grace") + `","password":"` + SeedPassword + `"}`
	})
}

func BenchmarkGetClient(b *testing.B) {
	benchCall(b, "get_client", func(e *env) string { return `{"client_id":"` + e.clientOf("ada") + `"}` })
}

// BenchmarkCreateSessionToken is bound by one RSA-2048 signature.
func BenchmarkCreateSessionToken(b *testing.B) {
	benchCall(b, "create_session_token", func(e *env) string { return `{"session_id":"` + e.activeSession("ada") + `"}` })
}

// BenchmarkGetUserBaseline is a core operation, for comparison.
func BenchmarkGetUserBaseline(b *testing.B) {
	benchCall(b, "get_user", func(e *env) string { return `{"user_id":"` + e.userID("ada") + `"}` })
}
