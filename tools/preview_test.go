package tools

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

// testSession is an MCP session that declares elicitation (or not).
type testSession struct {
	id     string
	elicit bool
}

func (s *testSession) Initialize()                                         {}
func (s *testSession) Initialized() bool                                   { return true }
func (s *testSession) NotificationChannel() chan<- mcp.JSONRPCNotification { return nil }
func (s *testSession) SessionID() string                                   { return s.id }
func (s *testSession) GetClientInfo() mcp.Implementation                   { return mcp.Implementation{} }
func (s *testSession) SetClientInfo(mcp.Implementation)                    {}
func (s *testSession) SetClientCapabilities(mcp.ClientCapabilities)        {}
func (s *testSession) GetClientCapabilities() mcp.ClientCapabilities {
	if s.elicit {
		return mcp.ClientCapabilities{Elicitation: &mcp.ElicitationCapability{}}
	}
	return mcp.ClientCapabilities{}
}

// RequestElicitation makes testSession a session that can carry a question
// (as stdio and streamable HTTP sessions can); the handler asks through its
// own elicitor.
func (s *testSession) RequestElicitation(context.Context, mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	return nil, errors.New("ask through the handler's elicitor")
}

// inSession returns ctx as served in the session.
func inSession(ctx context.Context, s server.ClientSession) context.Context {
	return server.NewMCPServer("test", "1").WithContext(ctx, s)
}

// recordingElicitor declines every request and keeps its message.
type recordingElicitor struct{ messages []string }

func (r *recordingElicitor) RequestElicitation(_ context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	r.messages = append(r.messages, req.Params.Message)
	return &mcp.ElicitationResult{ElicitationResponse: mcp.ElicitationResponse{Action: mcp.ElicitationResponseActionDecline}}, nil
}

// everyArgument is a realistic call of op with every argument of its input
// schema: the golden case's (required ones, real ids) plus a valid value
// for each optional one.
func everyArgument(t *testing.T, op *clerkapi.Operation) map[string]json.RawMessage {
	t.Helper()
	args := sampleArgs(t, op)
	in, _ := schemas.Input(op.Name)
	var s struct {
		Properties map[string]map[string]any `json:"properties"`
	}
	require.NoError(t, json.Unmarshal(in, &s))
	for name, prop := range s.Properties {
		if name == "unset" { // clear one nullable field instead of giving it
			enum, _ := prop["enum"].([]any)
			if items, ok := prop["items"].(map[string]any); ok && enum == nil {
				enum, _ = items["enum"].([]any)
			}
			field := enum[len(enum)-1].(string)
			delete(args, field)
			args[name] = mustJSON(t, []string{field})
			continue
		}
		if _, ok := args[name]; !ok && name != "confirm" {
			args[name] = mustJSON(t, exampleValue(name, prop))
		}
		if secretName(name) || credentialParam(op, name) {
			args[name] = mustJSON(t, "secret_value_of_"+name+"_0123456789")
		}
	}
	if raw, ok := args["unset"]; ok { // the loop may have given the field back
		var fields []string
		require.NoError(t, json.Unmarshal(raw, &fields))
		delete(args, fields[0])
	}
	return args
}

// exampleValue is a value its schema accepts, recognisable in a preview.
func exampleValue(name string, s map[string]any) any {
	if enum, ok := s["enum"].([]any); ok {
		return enum[len(enum)-1]
	}
	switch s["type"] {
	case "boolean":
		return true
	case "integer", "number":
		if m, ok := s["maximum"].(float64); ok {
			return int(m)
		}
		return 42
	case "array":
		items, _ := s["items"].(map[string]any)
		if items["pattern"] == "^[A-Z]{2}$" {
			return []any{"FR", "DE", "NL"}
		}
		return []any{exampleValue(name, items), exampleValue(name+"_2", items)}
	case "object":
		props, _ := s["properties"].(map[string]any)
		if extra, ok := s["additionalProperties"].(map[string]any); ok {
			return map[string]any{"org:viewer": exampleValue(name, extra)}
		}
		if len(props) == 0 {
			return map[string]any{"plan": "enterprise", "seats": 12}
		}
		out := map[string]any{}
		for k, p := range props {
			out[k] = exampleValue(k, p.(map[string]any))
		}
		return out
	}
	if strings.HasSuffix(name, "url") {
		return "https://" + strings.ReplaceAll(name, "_", "-") + ".example.com/"
	}
	return "value-of-" + name
}

// TestConfirmationShowsEveryArgument: for every destructive tool, called
// with every argument its schema declares, the preview (text and
// structuredContent) and the elicitation message name every argument and
// show its value, secrets as [hidden] and never their value, and the
// preview matches the tool's output schema.
func TestConfirmationShowsEveryArgument(t *testing.T) {
	n := 0
	for _, op := range catalogOps() {
		if op.Kind() != clerkapi.Destructive {
			continue
		}
		n++
		t.Run(op.Name, func(t *testing.T) {
			env := newGoldenEnv(t)
			args := everyArgument(t, op)
			raw := mustJSON(t, args)
			// unset is shown as what is sent: each field it names, as null.
			if u, ok := args["unset"]; ok {
				var fields []string
				require.NoError(t, json.Unmarshal(u, &fields))
				delete(args, "unset")
				for _, f := range fields {
					args[f] = json.RawMessage("null")
				}
			}
			_, problem := env.h.decode(op, raw, ProfileCanonical)
			require.Empty(t, problem, "the example arguments are valid")

			res := env.h.Call(context.Background(), op, raw)
			require.False(t, res.IsError, text(res))
			checkOutputSchema(t, op, res)
			var p Preview
			require.NoError(t, json.Unmarshal(res.StructuredContent.(Structured), &p))

			asked := &recordingElicitor{}
			env.h.elicitor = asked
			env.h.policy = PolicyAuto
			refusal := env.h.Call(inSession(context.Background(), &testSession{id: "s", elicit: true}), op, raw)
			require.True(t, refusal.IsError)
			require.Len(t, asked.messages, 1)
			message := asked.messages[0]
			assert.Contains(t, message, p.Request)

			preview := text(res)
			structured := string(res.StructuredContent.(Structured))
			assert.ElementsMatch(t, slices.Collect(maps.Keys(args)), slices.Collect(maps.Keys(p.Arguments)))
			for name, v := range args {
				if secretName(name) || credentialParam(op, name) {
					for _, where := range []string{preview, message} {
						assert.Contains(t, where, "- "+name+": \"[hidden]\"")
					}
					assert.Equal(t, hiddenValue, p.Arguments[name])
					var secret string
					require.NoError(t, json.Unmarshal(v, &secret))
					for _, where := range []string{preview, message, structured} {
						assert.NotContains(t, where, secret, "the secret %s leaked", name)
					}
					continue
				}
				var tree any
				require.NoError(t, json.Unmarshal(v, &tree))
				line := "- " + name + ": " + displayJSON(tree)
				assert.Contains(t, preview, line)
				assert.Contains(t, message, line)
				assert.JSONEq(t, string(v), string(mustJSON(t, p.Arguments[name])), name)
			}
		})
	}
	assert.Equal(t, 69, n, "destructive tools")
}

// TestBanUsersShowsWhoIsBanned is D6 as reported: the dialog named only
// POST /users/ban.
func TestBanUsersShowsWhoIsBanned(t *testing.T) {
	env := newGoldenEnv(t)
	asked := &recordingElicitor{}
	env.h.elicitor = asked
	raw := json.RawMessage(`{"user_ids":["user_ceo","user_cto","user_admin1"]}`)
	env.h.Call(inSession(context.Background(), &testSession{id: "s", elicit: true}), op(t, "ban_users"), raw)
	require.Len(t, asked.messages, 1)
	assert.Equal(t, "Allow ban_users? ban_users is destructive: POST /users/ban. Arguments:\n- user_ids: [\"user_ceo\",\"user_cto\",\"user_admin1\"]", asked.messages[0])
	res := env.h.Call(context.Background(), op(t, "ban_users"), raw)
	assert.Contains(t, text(res), `- user_ids: ["user_ceo","user_cto","user_admin1"]`)
}

// TestShownArgumentsAreCapped: long strings, long lists and large objects
// are cut with what was left out counted; secrets are hidden at any depth.
func TestShownArgumentsAreCapped(t *testing.T) {
	codes := make([]any, 120)
	for i := range codes {
		codes[i] = fmt.Sprintf("C%03d", i)
	}
	meta := map[string]any{}
	for i := range 80 {
		meta[fmt.Sprintf("k%02d", i)] = i
	}
	meta["stripe_secret"] = "whsec_nested_value"
	meta["nested"] = map[string]any{"signing_key": "sk_nested", "apiKey": "k_nested", "role_key": "org:admin"}
	long := strings.Repeat("é", 500)
	got := shownArguments(op(t, "update_instance_communication"), map[string]any{
		"blocked_country_codes": codes,
		"public_metadata":       meta,
		"note":                  long,
		"password":              "hunter2",
		"sign_in_token_id":      "sit_1",
	})
	list := got["blocked_country_codes"].([]any)
	require.Len(t, list, shownListMax+1)
	assert.Equal(t, "C049", list[shownListMax-1])
	assert.Equal(t, "and 70 more", list[shownListMax])
	assert.Equal(t, strings.Repeat("é", shownStringMax)+"…", got["note"])
	assert.Equal(t, hiddenValue, got["password"])
	assert.Equal(t, "sit_1", got["sign_in_token_id"], "an id of a token is not a secret")
	m := got["public_metadata"].(map[string]any)
	assert.Len(t, m, shownListMax+1)
	assert.Equal(t, "and 32 more", m["…"])
	b, _ := json.Marshal(got)
	for _, secret := range []string{"hunter2", "whsec_nested_value", "sk_nested", "k_nested"} {
		assert.NotContains(t, string(b), secret)
	}
	// Within the cap, nested secrets are hidden and their siblings shown.
	small := shownArguments(op(t, "replace_user_metadata"), map[string]any{"public_metadata": map[string]any{
		"stripe_secret": "whsec_x", "nested": map[string]any{"signing_key": "sk_x", "role_key": "org:admin"}}})
	assert.Equal(t, map[string]any{"public_metadata": map[string]any{"stripe_secret": hiddenValue,
		"nested": map[string]any{"signing_key": hiddenValue, "role_key": "org:admin"}}}, small)

	// The whole display is bounded, however deep and wide the arguments.
	deep := map[string]any{}
	for i := range 50 {
		inner := make([]any, 50)
		for j := range inner {
			inner[j] = []any{"x", "y", "z"}
		}
		deep[fmt.Sprint(i)] = inner
	}
	b, _ = json.Marshal(shownArguments(op(t, "replace_user_metadata"), map[string]any{"public_metadata": deep}))
	assert.Less(t, len(b), 40_000)
}

func TestSecretNames(t *testing.T) {
	for name, secret := range map[string]bool{
		"password": true, "new_password": true, "password_digest": true, "client_secret": true,
		"secret": true, "machine_secret_key": true, "private_key": true, "signing_key": true,
		"apiKey": true, "token": true, "refresh_tokens": true, "backup_codes": true, "totp_secret": true,
		"sign_in_token_id": false, "apiKeyID": false, "previous_token_ttl": false, "role_key": false,
		"dest_role_set_key": false, "skip_password_checks": false, "password_hasher": false,
		"blocked_country_codes": false, "user_id": false, "adminPortalLinkTokenID": false, "": false,
	} {
		assert.Equal(t, secret, secretName(name), name)
	}
	assert.True(t, credentialParam(op(t, "create_m2m_token"), "machine_secret_key"))
	assert.False(t, credentialParam(op(t, "delete_user"), "user_id"))
}

// TestUnknownTargetGetsNoToken: delete_user on an id Clerk answers 404 for
// is refused plainly, with no token and no DELETE, by either confirmation
// path; a token obtained elsewhere for those arguments is not needed to see
// that nothing is sent.
func TestUnknownTargetGetsNoToken(t *testing.T) {
	env := newGoldenEnv(t)
	env.fake.Respond(fakeclerk.Response{Status: 404, Body: []byte(`{"errors":[{"code":"resource_not_found","message":"not found"}]}`)})
	raw := json.RawMessage(`{"user_id":"user_nobody"}`)
	res := env.h.Call(context.Background(), op(t, "delete_user"), raw)
	require.True(t, res.IsError, text(res))
	assert.Equal(t, `Refused delete_user: Clerk has no user "user_nobody"; nothing was sent.`, text(res))
	assert.Nil(t, res.StructuredContent, "no preview, no token")

	asked := &recordingElicitor{}
	env.h.elicitor = asked
	env.h.policy = PolicyAuto
	res = env.h.Call(inSession(context.Background(), &testSession{id: "s", elicit: true}), op(t, "delete_user"), raw)
	require.True(t, res.IsError)
	assert.Contains(t, text(res), `Clerk has no user "user_nobody"`)
	assert.Empty(t, asked.messages, "the user is not asked about a target Clerk does not have")

	for _, r := range env.fake.Requests() {
		assert.Equal(t, "GET", r.Method, "%s %s", r.Method, r.Path)
		assert.Equal(t, "/v1/users/user_nobody", r.Path)
	}
	assert.Equal(t, 2, env.fake.Count(), "one read per call")
}

// TestPreviewNamesTargets: the preview and the elicitation message name the
// person, the organization, the identifier or the email behind the ids,
// read with one or two GETs; a failed read (not 404) still previews and
// says so.
func TestPreviewNamesTargets(t *testing.T) {
	user := `{"object":"user","id":"user_1","first_name":"Ada","last_name":"Lovelace","primary_email_address_id":"e1","email_addresses":[{"id":"e1","email_address":"ada@example.com"}]}`
	for _, tc := range []struct {
		tool, args string
		answers    []string
		status     int
		want       []string
		reads      []string
	}{
		{"delete_organization_membership", `{"organization_id":"org_1","user_id":"user_1"}`,
			[]string{`{"data":[{"object":"organization_membership","id":"mem_1","public_user_data":{"user_id":"user_1","first_name":"Ada","last_name":"Lovelace","identifier":"ada@example.com"},"organization":{"object":"organization","id":"org_1","name":"Acme Inc"}}],"total_count":1}`},
			200, []string{"Ada Lovelace", "ada@example.com", `name="Acme Inc"`}, []string{"/v1/organizations/org_1/memberships?user_id=user_1"}},
		{"delete_allowlist_identifier", `{"identifier_id":"alid_2"}`,
			[]string{`{"data":[{"id":"alid_1","identifier":"a@x.example"},{"object":"allowlist_identifier","id":"alid_2","identifier":"*@acme.example"}],"total_count":2}`},
			200, []string{`identifier="*@acme.example"`}, []string{"/v1/allowlist_identifiers?limit=500&paginated=true"}},
		{"delete_blocklist_identifier", `{"identifier_id":"blid_1"}`,
			[]string{`{"data":[{"object":"blocklist_identifier","id":"blid_1","identifier":"spam@x.example"}],"total_count":1}`},
			200, []string{`identifier="spam@x.example"`}, []string{"/v1/blocklist_identifiers"}},
		{"revoke_invitation", `{"invitation_id":"inv_1"}`,
			[]string{`[{"object":"invitation","id":"inv_1","email_address":"new@acme.example"}]`},
			200, []string{`email_address="new@acme.example"`}, []string{"/v1/invitations?paginated=true&query=inv_1"}},
		{"revoke_session", `{"session_id":"sess_1"}`,
			[]string{`{"object":"session","id":"sess_1","user_id":"user_1","status":"active"}`, user},
			200, []string{"session sess_1", "Ada Lovelace <ada@example.com>"}, []string{"/v1/sessions/sess_1", "/v1/users/user_1"}},
		{"delete_allowlist_identifier", `{"identifier_id":"alid_9"}`,
			[]string{`{"data":[{"id":"alid_1","identifier":"a@x.example"}],"total_count":1}`},
			200, []string{`a target list_allowlist_identifiers does not list (identifier_id "alid_9")`}, []string{"/v1/allowlist_identifiers?limit=500&paginated=true"}},
		{"delete_user", `{"user_id":"user_1"}`, []string{`{"errors":[{"message":"boom"}]}`},
			503, []string{"a target that could not be read (HTTP 503 on get_user)"}, []string{"/v1/users/user_1"}},
	} {
		t.Run(tc.tool, func(t *testing.T) {
			env := newGoldenEnv(t)
			var rs []fakeclerk.Response
			for _, a := range tc.answers {
				rs = append(rs, fakeclerk.Response{Status: tc.status, Body: []byte(a)})
			}
			env.fake.Respond(rs...)
			res := env.h.Call(context.Background(), op(t, tc.tool), json.RawMessage(tc.args))
			require.False(t, res.IsError, text(res))
			var got []string
			for _, r := range env.fake.Requests() {
				require.Equal(t, "GET", r.Method)
				got = append(got, strings.TrimSuffix(r.Path+"?"+r.RawQuery, "?"))
			}
			assert.Equal(t, tc.reads, got)
			var p Preview
			require.NoError(t, json.Unmarshal(res.StructuredContent.(Structured), &p))
			assert.NotEmpty(t, p.Confirm)

			env.fake.Reset()
			env.fake.Respond(rs...)
			asked := &recordingElicitor{}
			env.h.elicitor = asked
			env.h.policy = PolicyAuto
			env.h.Call(inSession(context.Background(), &testSession{id: "s", elicit: true}), op(t, tc.tool), json.RawMessage(tc.args))
			require.Len(t, asked.messages, 1)
			for _, w := range tc.want {
				assert.Contains(t, text(res), w)
				assert.Contains(t, p.Target, w)
				assert.Contains(t, asked.messages[0], w)
			}
		})
	}
}
