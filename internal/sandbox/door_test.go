package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/clerk/clerk-sdk-go/v2"
	"github.com/clerk/clerk-sdk-go/v2/jwttemplate"
	"github.com/clerk/clerk-sdk-go/v2/organization"
	sdkuser "github.com/clerk/clerk-sdk-go/v2/user"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serveSandbox serves s as `sandbox serve` does, on 127.0.0.1, until the
// test ends, and returns its /v1 base URL.
func serveSandbox(t *testing.T, s *Sandbox) string {
	t.Helper()
	ln, err := Listen("127.0.0.1:0", false)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, s) }()
	t.Cleanup(func() { cancel(); <-done })
	return URL(ln)
}

// stateSize counts what a refused request must not have changed.
func stateSize(s *Sandbox) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.users.order) + len(s.orgs.order) + len(s.invites.order) + len(s.templates.order) + len(s.orgInvites.order)
}

// TestDoorRefusesLikeClerk sends, straight over HTTP to `sandbox serve`, the
// mistakes a direct caller (or a confused model's code) makes — wrong types,
// floats for integers, numbers out of the Page bounds, values outside an
// enum, bad patterns, missing required fields, nulls, unknown fields,
// repeated scalars, broken cross-field rules, malformed JSON, the wrong
// content type — and checks Clerk's status, code and meta.param_name, and
// that nothing changed.
func TestDoorRefusesLikeClerk(t *testing.T) {
	s := New(RequireTestKeys())
	base := serveSandbox(t, s)
	ada := func() string { s.mu.Lock(); defer s.mu.Unlock(); return s.users.order[0] }()
	cases := []struct {
		name, method, path, ctype, body string
		status                          int
		code, param                     string
	}{
		{"limit above the Page tag", "GET", "/users?limit=501", "", "", 422, "form_param_format_invalid", "limit"},
		{"limit below the Page tag", "GET", "/organizations?limit=0", "", "", 422, "form_param_format_invalid", "limit"},
		{"offset negative", "GET", "/invitations?offset=-1", "", "", 422, "form_param_format_invalid", "offset"},
		{"limit not a number", "GET", "/users?limit=ten", "", "", 422, "form_param_format_invalid", "limit"},
		{"limit a float", "GET", "/users?limit=10.5", "", "", 422, "form_param_format_invalid", "limit"},
		{"limit twice", "GET", "/users?limit=1&limit=2", "", "", 422, "form_param_format_invalid", "limit"},
		{"Page100 limit", "GET", "/api_keys?subject=" + ada + "&limit=101", "", "", 400, "form_param_format_invalid", "limit"},
		{"boolean as yes", "GET", "/users?banned=yes", "", "", 422, "form_param_format_invalid", "banned"},
		{"status outside the enum", "GET", "/invitations?status=bogus", "", "", 422, "form_param_value_invalid", "status"},
		{"comma enum", "GET", "/organization_domains?enrollment_mode=manual_invitation,sometimes", "", "", 422, "form_param_value_invalid", "enrollment_mode[1]"},
		{"Unix seconds for ms", "GET", "/users?created_at_after=1700000000", "", "", 422, "form_param_format_invalid", "created_at_after"},
		{"repeated ids over the cap", "GET", "/users?" + strings.Repeat("user_id=u&", 101), "", "", 422, "form_param_format_invalid", "user_id"},
		{"unknown query parameter", "GET", "/users?shoe_size=9", "", "", 422, "form_param_unknown", "shoe_size"},
		{"subject pattern", "GET", "/api_keys?subject=bob", "", "", 400, "form_param_format_invalid", "subject"},
		{"subject missing", "GET", "/api_keys", "", "", 400, "form_param_missing", "subject"},
		{"sessions need user or client", "GET", "/sessions", "", "", 422, "form_param_missing", "user_id"},
		{"name missing", "POST", "/organizations", "application/json", `{}`, 422, "form_param_missing", "name"},
		{"name null", "POST", "/organizations", "application/json", `{"name":null}`, 422, "form_param_format_invalid", "name"},
		{"name a number", "POST", "/organizations", "application/json", `{"name":5}`, 422, "form_param_format_invalid", "name"},
		{"float for an integer", "POST", "/organizations", "application/json", `{"name":"x","max_allowed_memberships":1.5}`, 422, "form_param_format_invalid", "max_allowed_memberships"},
		{"date-time format", "POST", "/organizations", "application/json", `{"name":"x","created_at":"yesterday"}`, 422, "form_param_format_invalid", "created_at"},
		{"unknown body field", "POST", "/organizations", "application/json", `{"name":"x","nope":1}`, 422, "form_param_unknown", "nope"},
		{"query field in the body", "POST", "/organizations", "application/json", `{"name":"x","limit":1}`, 422, "form_param_unknown", "limit"},
		{"string for an array", "POST", "/users", "application/json", `{"email_address":"a@example.com"}`, 422, "form_param_format_invalid", "email_address"},
		{"statuses without addresses", "POST", "/users", "application/json", `{"email_address_identification_status":["verified"]}`, 422, "form_param_format_invalid", "email_address_identification_status"},
		{"invitation enum", "POST", "/invitations", "application/json", `{"email_address":"a@example.com","template_slug":"hello"}`, 422, "form_param_value_invalid", "template_slug"},
		{"invitation days", "POST", "/invitations", "application/json", `{"email_address":"a@example.com","expires_in_days":366}`, 422, "form_param_format_invalid", "expires_in_days"},
		{"custom key without its pair", "POST", "/jwt_templates", "application/json", `{"name":"t","claims":{},"custom_signing_key":true}`, 422, "form_param_missing", "signing_algorithm"},
		{"bulk item missing email", "POST", "/invitations/bulk", "application/json", `[{"notify":false}]`, 422, "form_param_missing", "invitations[0].email_address"},
		{"bulk as an object", "POST", "/invitations/bulk", "application/json", `{"email_address":"a@example.com"}`, 400, "malformed_request", ""},
		{"malformed JSON", "POST", "/organizations", "application/json", `{"name":`, 400, "malformed_request", ""},
		{"JSON array for an object", "POST", "/organizations", "application/json", `["x"]`, 400, "malformed_request", ""},
		{"wrong content type", "POST", "/organizations", "application/x-www-form-urlencoded", `name=x`, 400, "malformed_request", ""},
		{"path ID pattern", "GET", "/api_keys/ak_123", "", "", 400, "form_param_format_invalid", "apiKeyID"},
	}
	before := stateSize(s)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, base+tc.path, strings.NewReader(tc.body))
			require.NoError(t, err)
			req.Header.Set("Authorization", "Bearer "+SecretKey)
			if tc.ctype != "" {
				req.Header.Set("Content-Type", tc.ctype)
			}
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			raw, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			var eb errorBody
			require.NoError(t, json.Unmarshal(raw, &eb), "%s", raw)
			require.Equal(t, tc.status, resp.StatusCode, "%s", raw)
			require.NotEmpty(t, eb.Errors, "%s", raw)
			assert.Equal(t, tc.code, eb.Errors[0].Code, "%s", raw)
			assert.NotEmpty(t, eb.Errors[0].LongMessage)
			if tc.param != "" {
				assert.Equal(t, tc.param, eb.Errors[0].Meta["param_name"], "%s", raw)
			}
		})
	}
	assert.Equal(t, before, stateSize(s), "a refused request changed the sandbox")
}

// TestDoorNamesEveryField: one answer carries one error per field at fault,
// as Clerk's errors array does.
func TestDoorNamesEveryField(t *testing.T) {
	base := serveSandbox(t, New(RequireTestKeys()))
	req, err := http.NewRequest("GET", base+"/users?limit=0&offset=-1&banned=maybe", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+SecretKey)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var eb errorBody
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&eb))
	var names []any
	for _, e := range eb.Errors {
		names = append(names, e.Meta["param_name"])
	}
	assert.ElementsMatch(t, []any{"limit", "offset", "banned"}, names)
}

// TestDoorWithClerkSDK: Clerk's own Go SDK, pointed at `sandbox serve`,
// gets a *clerk.APIErrorResponse with Clerk's code and param_name for what
// the door refuses, and nothing is created.
func TestDoorWithClerkSDK(t *testing.T) {
	s := New(RequireTestKeys())
	cfg := sdkConfig(serveSandbox(t, s), SecretKey)
	ctx := context.Background()
	before := stateSize(s)
	check := func(err error, status int, code, param string) {
		t.Helper()
		var apiErr *clerk.APIErrorResponse
		require.True(t, errors.As(err, &apiErr), "want *clerk.APIErrorResponse, got %v", err)
		assert.Equal(t, status, apiErr.HTTPStatusCode)
		require.NotEmpty(t, apiErr.Errors)
		assert.Equal(t, code, apiErr.Errors[0].Code)
		var meta struct {
			ParamName string `json:"param_name"`
		}
		require.NoError(t, json.Unmarshal(apiErr.Errors[0].Meta, &meta))
		assert.Equal(t, param, meta.ParamName)
	}
	_, err := sdkuser.NewClient(cfg).List(ctx, &sdkuser.ListParams{ListParams: clerk.ListParams{Limit: clerk.Int64(600)}})
	check(err, 422, "form_param_format_invalid", "limit")
	_, err = sdkuser.NewClient(cfg).List(ctx, &sdkuser.ListParams{OrderBy: clerk.String("-created_at"), ListParams: clerk.ListParams{Offset: clerk.Int64(-5)}})
	check(err, 422, "form_param_format_invalid", "offset")
	_, err = organization.NewClient(cfg).Create(ctx, &organization.CreateParams{})
	check(err, 422, "form_param_missing", "name")
	_, err = jwttemplate.NewClient(cfg).Create(ctx, &jwttemplate.CreateParams{Name: clerk.String("t"), Claims: json.RawMessage(`{}`), CustomSigningKey: clerk.Bool(true)})
	check(err, 422, "form_param_missing", "signing_algorithm")
	_, err = jwttemplate.NewClient(cfg).Create(ctx, &jwttemplate.CreateParams{Name: clerk.String("t"), Claims: json.RawMessage(`{}`), Lifetime: clerk.Int64(5)})
	check(err, 422, "form_param_format_invalid", "lifetime")
	assert.Equal(t, before, stateSize(s), "a refused request changed the sandbox")

	// The same SDK's valid calls pass the door: defaults apply (10 per page).
	list, err := sdkuser.NewClient(cfg).List(ctx, &sdkuser.ListParams{})
	require.NoError(t, err)
	assert.Len(t, list.Users, 10, "limit defaults to the Page tag's 10")
}

// TestDoorInProcess: the MCP process reaches the sandbox through Transport,
// and the door checks there too — cheaply (BenchmarkGetUserBaseline), and
// so a Go caller of clerkapi that skipped the tools' validation meets the
// same refusal.
func TestDoorInProcess(t *testing.T) {
	e := newEnv(t)
	ae := e.fails("list_users", args(t, `{"limit":1000}`), 422, "form_param_format_invalid")
	assert.JSONEq(t, `{"param_name":"limit"}`, string(ae.Errors[0].Meta))
	e.fails("list_invitations", args(t, `{"status":"bogus"}`), 422, "form_param_value_invalid")
	assert.Len(t, items(e.ok("list_users", args(t, `{}`))), 10, "the default limit, from the Page tag")
	assert.Len(t, items(e.ok("list_users", args(t, `{"limit":3}`))), 3)
}

// TestNoGroupFileReadsTheQueryString: query parameters reach handlers only
// through the door (door.go), typed by the catalog's plan and schema; no
// group file parses a query string by hand.
func TestNoGroupFileReadsTheQueryString(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	hand := regexp.MustCompile(`URL\.Query\(|RawQuery|ParseQuery|FormValue\(|\.URL\.Query|c\.query\[|c\.req\.URL`)
	checked := 0
	for _, f := range files {
		// authserver.go serves OAuth endpoints, not catalog operations:
		// they have no plan to bind through.
		if strings.HasSuffix(f, "_test.go") || f == "door.go" || f == "call.go" || f == "authserver.go" {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		checked++
		for i, line := range strings.Split(string(src), "\n") {
			if hand.MatchString(line) {
				t.Errorf("%s:%d reads the query string by hand (bind through the door: c.bind, c.page, c.str): %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
	assert.Greater(t, checked, 20, "the group files were found")
}

// BenchmarkDoor is the door alone (read and check one request): the cost
// every sandbox call now pays, in process or served.
func BenchmarkDoor(b *testing.B) {
	for _, bc := range []struct{ name, method, target, body string }{
		{"get_user", "GET", "/v1/users/user_x", ""},
		{"list_users", "GET", "/v1/users?limit=5&order_by=-created_at&user_id=a&user_id=b", ""},
		{"update_user", "PATCH", "/v1/users/user_x", `{"first_name":"Ada","last_name":null,"backup_codes":["a","b"]}`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			req, _ := http.NewRequest(bc.method, "http://sandbox.invalid"+bc.target, nil)
			req.Header.Set("Content-Type", "application/json")
			path, _ := strings.CutPrefix(req.URL.Path, "/v1/")
			rt, params := match(bc.method, strings.Split(path, "/"))
			require.NotNil(b, rt)
			b.ReportAllocs()
			for b.Loop() {
				c := &call{op: rt.op, req: req, path: params, body: []byte(bc.body)}
				if err := c.open(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
