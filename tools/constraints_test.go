package tools

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

const (
	testAPIKeyID = "ak_3beecc9c60adb5f9b850e91a8ee1e992"
	testUserID   = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk"
	testMachine  = "mch_2xhFjEI5X2qWRvtV13BzSj8H6Dk"
	testOrgID    = "org_2xhFjEI5X2qWRvtV13BzSj8H6Dk"
	agentTask    = `"permissions":"*","agent_name":"a","task_description":"t","redirect_url":"https://example.com/done"`
)

// TestSpecConstraintsAreCheckedBeforeClerk performs the mistakes a confused
// model makes against the spec's patterns, lengths, item limits, units and
// cross-field rules: each is refused naming the argument, and no request
// reaches Clerk.
func TestSpecConstraintsAreCheckedBeforeClerk(t *testing.T) {
	env := newGoldenEnv(t)
	cases := []struct {
		name, tool, args string
		want             []string
	}{
		{"user ID for an API key ID", "get_api_key", `{"apiKeyID":"user_123"}`,
			[]string{"apiKeyID: must match ^(ak|api_key)_[0-9A-Fa-f]{32}$", `"user_123"`}},
		{"API key ID, every tool", "revoke_api_key", `{"apiKeyID":"ak_123"}`, []string{"apiKeyID: must match"}},
		{"M2M token ID", "revoke_m2m_token", `{"m2m_token_id":"tok_1"}`, []string{"m2m_token_id: must match ^mt_"}},
		{"admin portal token ID", "revoke_admin_portal_link_token", `{"adminPortalLinkTokenID":"aplt_xyz"}`, []string{"adminPortalLinkTokenID: must match ^aplt_"}},
		{"short organization ID", "create_admin_portal_link_token", `{"organization_id":"org_1"}`, []string{"organization_id: must match ^org_"}},
		{"empty scope", "create_admin_portal_link_token", `{"scopes":[""]}`, []string{"scopes.0: needs at least 1 characters"}},
		{"API key subject", "list_api_keys", `{"subject":"usr_1"}`, []string{"subject: must match ^(user|org|mch|scim)_"}},
		{"M2M subject is a machine", "list_m2m_tokens", `{"subject":"` + testUserID + `"}`, []string{"subject: must match ^mch_"}},
		{"API key name with outer spaces", "create_api_key", `{"name":" key ","subject":"` + testUserID + `"}`, []string{"name: must match"}},
		{"API key creator", "create_api_key", `{"name":"key","subject":"` + testUserID + `","created_by":"` + testOrgID + `"}`, []string{"created_by: must match ^user_"}},
		{"more than 100 IDs", "list_users", `{"user_id":[` + strings.TrimSuffix(strings.Repeat(`"u",`, 101), ",") + `]}`,
			[]string{"user_id: takes at most 100 items (got 101)"}},
		{"time filter in seconds", "list_users", `{"created_at_after":1700000000}`,
			[]string{"created_at_after: Unix milliseconds expected; this looks like seconds (got 1700000000)"}},
		{"time filter in seconds, memberships", "list_organization_memberships", `{"organization_id":"` + testOrgID + `","last_active_at_before":1700000000}`,
			[]string{"last_active_at_before: Unix milliseconds expected; this looks like seconds"}},
		{"fraction for an integer", "list_users", `{"limit":10.5}`, []string{"limit: expected integer, got number"}},
		{"fraction for a nested integer", "create_invitation", `{"email_address":"a@example.com","expires_in_days":30.5}`, []string{"expires_in_days: expected integer"}},
		{"empty on_behalf_of", "create_agent_task", `{"on_behalf_of":{},` + agentTask + `}`,
			[]string{"on_behalf_of.user_id, on_behalf_of.identifier: give exactly one of them (got 0)"}},
		{"both on_behalf_of", "create_agent_task", `{"on_behalf_of":{"user_id":"` + testUserID + `","identifier":"a@example.com"},` + agentTask + `}`,
			[]string{"on_behalf_of.user_id, on_behalf_of.identifier: give exactly one of them (got 2)"}},
		{"SAML connection without a domain", "create_saml_connection", `{"name":"n","provider":"saml_okta"}`,
			[]string{"domain, domains: give at least one of them"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := env.h.Call(context.Background(), op(t, c.tool), json.RawMessage(c.args))
			require.True(t, res.IsError, text(res))
			for _, w := range c.want {
				assert.Contains(t, text(res), w)
			}
		})
	}
	assert.Zero(t, env.fake.Count(), "refused calls never reach Clerk")
}

// TestSpecConstraintsAcceptWhatTheSpecAllows is the other side: realistic
// values pass every pattern, milliseconds pass, and an actor carries custom
// claims (the spec leaves the object open).
func TestSpecConstraintsAcceptWhatTheSpecAllows(t *testing.T) {
	env := newGoldenEnv(t)
	cases := []struct{ tool, args, body string }{
		{"get_api_key", `{"apiKeyID":"` + testAPIKeyID + `"}`, ""},
		{"get_api_key", `{"apiKeyID":"api_key_3BEECC9C60ADB5F9B850E91A8EE1E992"}`, ""},
		{"list_m2m_tokens", `{"subject":"` + testMachine + `"}`, ""},
		{"list_users", `{"created_at_after":1700000000000}`, ""},
		{"create_api_key", `{"name":"my key","subject":"` + testOrgID + `","created_by":"` + testUserID + `"}`, ""},
		{"create_actor_token", `{"user_id":"` + testUserID + `","actor":{"sub":"` + testUserID + `","role":"support","ticket":42}}`,
			`{"user_id":"` + testUserID + `","actor":{"sub":"` + testUserID + `","role":"support","ticket":42}}`},
	}
	for _, c := range cases {
		t.Run(c.tool, func(t *testing.T) {
			env.fake.Reset()
			env.fake.Respond(fakeclerk.Response{Status: 200, Body: []byte(`{}`)})
			res := env.h.Call(context.Background(), op(t, c.tool), json.RawMessage(c.args))
			require.False(t, res.IsError, text(res))
			reqs := env.fake.Requests()
			require.Len(t, reqs, 1)
			if c.body != "" {
				assert.JSONEq(t, c.body, string(reqs[0].Body))
			}
		})
	}
}

// TestWholeFloatsAreSentAsIntegers: a model writing 10.0 for an integer
// gets 10 sent, in the query and in the body, nested too.
func TestWholeFloatsAreSentAsIntegers(t *testing.T) {
	env := newGoldenEnv(t)
	cases := []struct {
		tool, args string
		query      url.Values
		body       string
	}{
		{"list_users", `{"limit":10.0,"offset":2e1}`, url.Values{"limit": {"10"}, "offset": {"20"}}, ""},
		{"list_api_keys", `{"subject":"` + testUserID + `","limit":5.0}`, url.Values{"limit": {"5"}}, ""},
		{"create_invitation", `{"email_address":"a@example.com","expires_in_days":30.0}`, nil,
			`{"email_address":"a@example.com","expires_in_days":30}`},
		{"create_invitations_bulk", `{"invitations":[{"email_address":"a@example.com","expires_in_days":7.000}]}`, nil,
			`[{"email_address":"a@example.com","expires_in_days":7}]`},
	}
	for _, c := range cases {
		t.Run(c.tool, func(t *testing.T) {
			env.fake.Reset()
			env.fake.Respond(fakeclerk.Response{Status: 200, Body: []byte(`{}`)})
			res := env.h.Call(context.Background(), op(t, c.tool), json.RawMessage(c.args))
			require.False(t, res.IsError, text(res))
			reqs := env.fake.Requests()
			require.Len(t, reqs, 1)
			q, err := url.ParseQuery(reqs[0].RawQuery)
			require.NoError(t, err)
			for k, v := range c.query {
				assert.Equal(t, v, q[k], k)
			}
			if c.body != "" {
				assert.Equal(t, c.body, string(reqs[0].Body), "sent exactly, integers as integers")
			}
		})
	}
}

// ruleCases holds, for every row of clerkapi.Rules (by index), arguments
// that break it and arguments that keep it, plus what the error must name.
var ruleCases = map[int]struct {
	bad, good []string
	want      []string
}{
	0: {bad: []string{`{"on_behalf_of":{}}`, `{"on_behalf_of":{"user_id":"u","identifier":"i"}}`, `{"on_behalf_of":{"user_id":null,"identifier":""}}`},
		good: []string{`{"on_behalf_of":{"user_id":"u"}}`, `{"on_behalf_of":{"identifier":"a@example.com"}}`},
		want: []string{"on_behalf_of.user_id", "on_behalf_of.identifier"}},
	1: {bad: []string{`{"group_role_mappings":[{"role_id":"r","directory_group_id":"g"},{"role_id":"r"}]}`, `{"group_role_mappings":[{"role_id":"r","directory_group_id":"a","scim_group_id":"b"}]}`},
		good: []string{`{}`, `{"group_role_mappings":[{"role_id":"r","directory_group_id":"g"},{"role_id":"r","scim_group_id":"s"},{"role_id":"r","directory_group_id":"x","scim_group_id":"x"}]}`},
		want: []string{"group_role_mappings[", "directory_group_id", "scim_group_id"}},
	2: {bad: []string{`{"role_id":"r"}`, `{"role_id":"r","directory_group_id":"a","scim_group_id":"b"}`},
		good: []string{`{"role_id":"r","directory_group_id":"g"}`, `{"role_id":"r","scim_group_id":"g"}`, `{"role_id":"r","directory_group_id":"g","scim_group_id":"g"}`},
		want: []string{"directory_group_id", "scim_group_id"}},
	3: {bad: []string{`{"mappings":[{"role_id":"r"}]}`},
		good: []string{`{"mappings":[]}`, `{"mappings":[{"role_id":"r","scim_group_id":"g"}]}`},
		want: []string{"mappings[0].directory_group_id", "mappings[0].scim_group_id"}},
	4: {bad: []string{`{"name":"n"}`, `{"domain":"","domains":[]}`},
		good: []string{`{"domain":"example.com"}`, `{"domains":["example.com"]}`},
		want: []string{"domain", "domains"}},
	5: {bad: []string{`{}`, `{"status":"active"}`},
		good: []string{`{"user_id":"u"}`, `{"client_id":"c"}`},
		want: []string{"user_id", "client_id"}},
	6: {bad: []string{`{}`, `{"proxy_url":"https://example.com"}`},
		good: []string{`{"frontend_api":"f"}`, `{"frontendApi":"f"}`, `{"publishable_key":"pk_test_x"}`},
		want: []string{"frontend_api", "frontendApi", "publishable_key"}},
	7: {bad: []string{`{"provider":"oauth_google"}`, `{"provider_user_id":["1"]}`},
		good: []string{`{}`, `{"provider":"oauth_google","provider_user_id":["1"]}`},
		want: []string{"provider", "provider_user_id"}},
	8: {bad: []string{`{"provider":"oauth_google"}`},
		good: []string{`{"provider":"oauth_google","provider_user_id":["1"]}`},
		want: []string{"provider", "provider_user_id"}},
	9: {bad: []string{`{"custom_signing_key":true}`, `{"custom_signing_key":true,"signing_key":"k"}`},
		good: []string{`{"custom_signing_key":false}`, `{"custom_signing_key":true,"signing_algorithm":"RS256","signing_key":"k"}`},
		want: []string{"signing_algorithm", "custom_signing_key=true"}},
	10: {bad: []string{`{"custom_signing_key":true,"signing_algorithm":"RS256"}`},
		good: []string{`{"name":"n"}`, `{"custom_signing_key":true,"signing_algorithm":"RS256","signing_key":"k"}`},
		want: []string{"signing_key: required with custom_signing_key=true"}},
	11: {bad: []string{`{"email_address":["a@example.com","b@example.com"],"email_address_identification_status":["reserved"]}`, `{"email_address_identification_status":["verified"]}`},
		good: []string{`{"email_address":["a@example.com"]}`, `{"email_address":["a@example.com"],"email_address_identification_status":[]}`, `{"email_address":["a@example.com","b@example.com"],"email_address_identification_status":["reserved","verified"]}`},
		want: []string{"email_address_identification_status", "email_address"}},
	12: {bad: []string{`{"phone_number":["+15550100"],"phone_number_identification_status":["reserved","verified"]}`},
		good: []string{`{"phone_number":["+15550100"],"phone_number_identification_status":["reserved"]}`},
		want: []string{"phone_number_identification_status", "phone_number"}},
	13: {bad: []string{`{"starting_after":"user_1","offset":10}`, `{"starting_after":"user_1","order_by":"-last_sign_in_at"}`},
		good: []string{`{"offset":10,"order_by":"name"}`, `{"starting_after":"user_1"}`, `{"starting_after":"user_1","offset":0,"order_by":"+created_at"}`},
		want: []string{"with starting_after"}},
	14: {bad: []string{`{"created_at_after":1700000000}`, `{"last_sign_in_at_before":99999999999}`},
		good: []string{`{"created_at_after":1700000000000}`, `{"last_active_at_since":100000000000}`},
		want: []string{"Unix milliseconds expected; this looks like seconds"}},
	15: {bad: []string{`{"last_active_at_since":1700000000}`},
		good: []string{`{"last_active_at_since":1700000000000}`},
		want: []string{"last_active_at_since: Unix milliseconds expected"}},
	16: {bad: []string{`{"created_at_before":1}`},
		good: []string{`{"created_at_before":1730160000000}`},
		want: []string{"created_at_before: Unix milliseconds expected"}},
	17: {bad: []string{`{"active":true}`, `{"active":true,"saml":null}`},
		good: []string{`{"active":false}`, `{"active":true,"saml":{"idp_metadata_url":"https://idp.example.com/md"}}`},
		want: []string{"saml: required with active=true"}},
}

// TestEveryRuleRowHoldsBothWays checks each row of the rule table against
// arguments that break it (refused, naming the fields) and arguments that
// keep it (accepted), and that no row is left without cases.
func TestEveryRuleRowHoldsBothWays(t *testing.T) {
	for i, r := range clerkapi.Rules {
		c, ok := ruleCases[i]
		require.True(t, ok, "rule %d (%s %s %v) has no cases in ruleCases", i, r.Tool, r.Kind, r.Fields)
		require.NotEmpty(t, c.bad)
		require.NotEmpty(t, c.good)
		t.Run(fmt.Sprintf("%d_%s", i, r.Tool), func(t *testing.T) {
			for _, bad := range c.bad {
				msgs := clerkapi.CheckRules(r.Tool, args(t, bad))
				require.NotEmpty(t, msgs, "breaks the rule: %s", bad)
				for _, w := range c.want {
					assert.Contains(t, strings.Join(msgs, "\n"), w, bad)
				}
			}
			for _, good := range c.good {
				assert.Empty(t, clerkapi.CheckRules(r.Tool, args(t, good)), "keeps the rule: %s", good)
			}
		})
	}
	assert.Len(t, ruleCases, len(clerkapi.Rules), "ruleCases has rows the table does not")
}

func args(t *testing.T, s string) clerkapi.Args {
	t.Helper()
	var a clerkapi.Args
	require.NoError(t, json.Unmarshal([]byte(s), &a))
	return a
}

// TestRulesAreCheckedBeforeClerk: a call that passes the schema but breaks
// a rule is refused by the handler, with no request.
func TestRulesAreCheckedBeforeClerk(t *testing.T) {
	env := newGoldenEnv(t)
	cases := []struct{ tool, args, want string }{
		{"list_sessions", `{}`, "user_id, client_id: give at least one of them"},
		{"list_users", `{"provider":"oauth_google"}`, "provider, provider_user_id: give all of them or none (got only provider)"},
		{"list_users", `{"starting_after":"` + testUserID + `","offset":3}`, `offset: with starting_after it must be absent or 0 (got 3)`},
		{"create_user", `{"email_address":["a@example.com"],"email_address_identification_status":["reserved","verified"]}`,
			"email_address_identification_status: needs one item per item of email_address (got 2 for 1)"},
		{"create_jwt_template", `{"name":"n","claims":{},"custom_signing_key":true}`, "signing_algorithm: required with custom_signing_key=true"},
		{"create_enterprise_connection", `{"name":"n","provider":"saml_okta","domains":["example.com"],"active":true}`, "saml: required with active=true"},
		{"get_public_interstitial", `{}`, "frontend_api, frontendApi, publishable_key: give at least one of them"},
		{"create_directory_group_role_mapping", `{"directory_id":"dir_1","role_id":"r"}`, "directory_group_id, scim_group_id: give one of them"},
	}
	for _, c := range cases {
		res := env.h.Call(context.Background(), op(t, c.tool), json.RawMessage(c.args))
		require.True(t, res.IsError, "%s %s: %s", c.tool, c.args, text(res))
		assert.Contains(t, text(res), c.want)
	}
	assert.Zero(t, env.fake.Count(), "refused calls never reach Clerk")
}

// TestRulesNameArgumentsAndSayThemInDescriptions: every rule's fields exist
// in its tool's input schema (at its At), and each argument the rule is
// about carries the rule's words in its description.
func TestRulesNameArgumentsAndSayThemInDescriptions(t *testing.T) {
	for _, r := range clerkapi.Rules {
		raw, ok := schemas.Input(r.Tool)
		require.True(t, ok, "rule for unknown tool %s", r.Tool)
		var s struct {
			Properties map[string]struct {
				Description string          `json:"description"`
				Properties  json.RawMessage `json:"properties"`
				Items       struct {
					Properties json.RawMessage `json:"properties"`
				} `json:"items"`
			} `json:"properties"`
		}
		require.NoError(t, json.Unmarshal(raw, &s))
		props := map[string]json.RawMessage{}
		for k := range s.Properties {
			props[k] = nil
		}
		if r.At != "" {
			name, each := strings.CutSuffix(r.At, "[]")
			p, ok := s.Properties[name]
			require.True(t, ok, "%s: rule At %s is not an argument", r.Tool, r.At)
			inner := p.Properties
			if each {
				inner = p.Items.Properties
			}
			props = map[string]json.RawMessage{}
			require.NoError(t, json.Unmarshal(inner, &props), "%s: %s declares no properties", r.Tool, r.At)
		}
		for _, f := range slices.Concat(r.Fields, []string{r.If}) {
			if f == "" {
				continue
			}
			_, ok := props[f]
			assert.True(t, ok, "%s: rule field %s is not declared at %q", r.Tool, f, r.At)
		}
		for _, target := range r.Targets() {
			assert.Contains(t, s.Properties[target].Description, r.Say, "%s.%s must say the rule", r.Tool, target)
		}
	}
}

// TestDescribeOperationStatesTheRules: describe_operation carries each rule
// in full, beside the schema.
func TestDescribeOperationStatesTheRules(t *testing.T) {
	res := describe(op(t, "list_users"))
	assert.Contains(t, text(res), `"rules":[`)
	assert.Contains(t, text(res), `provider, provider_user_id`)
	assert.Contains(t, text(res), `starting_after requires offset absent or 0, order_by absent or \"created_at\"`)
	assert.Contains(t, text(res), `Unix milliseconds`)
	assert.NotContains(t, text(describe(op(t, "get_user"))), `"rules"`)
}

// TestProfilesStripConstraintsButTheServerChecks: the Gemini profile cannot
// carry patterns and the OpenAI strict one no lengths, yet a call is checked
// against the canonical schema whatever the session's profile.
func TestProfilesStripConstraintsButTheServerChecks(t *testing.T) {
	in, _ := schemas.Input("get_api_key")
	gemini, err := AdaptSchema(ProfileGemini, in)
	require.NoError(t, err)
	assert.NotContains(t, string(gemini), "pattern")
	in, _ = schemas.Input("create_admin_portal_link_token")
	strict, err := AdaptSchema(ProfileOpenAIStrict, in)
	require.NoError(t, err)
	assert.NotContains(t, string(strict), "minLength")

	env := newGoldenEnv(t)
	res := env.h.Call(context.Background(), op(t, "get_api_key"), json.RawMessage(`{"apiKeyID":"user_123"}`))
	require.True(t, res.IsError)
	assert.Contains(t, text(res), "apiKeyID: must match")
	// OpenAI strict sends every argument, null for "not given".
	res = env.h.Call(context.Background(), op(t, "create_admin_portal_link_token"),
		json.RawMessage(`{"organization_id":null,"it_contact_id":null,"scopes":[""],"seconds_until_expiration":null}`))
	require.True(t, res.IsError)
	assert.Contains(t, text(res), "scopes.0: needs at least 1 characters")
	assert.Zero(t, env.fake.Count())
}

// BenchmarkDecodeWithRules measures decoding a list_users call that goes
// through every added step: a whole float normalized, the schema, and the
// rule table (Together, Requires, UnixMillis).
func BenchmarkDecodeWithRules(b *testing.B) {
	h := NewHandler(Config{})
	o, _ := clerkapi.Lookup("list_users")
	raw := json.RawMessage(`{"limit":10.0,"created_at_after":1700000000000,"provider":"oauth_google","provider_user_id":["1"],"starting_after":"user_1","order_by":"-created_at"}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, problem := h.decode(o, raw, ProfileCanonical); problem != "" {
			b.Fatal(problem)
		}
	}
}
