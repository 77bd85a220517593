package sandbox

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// TestCreateUserRefusedLikeClerk: what Clerk refuses on POST /users, the
// sandbox refuses with Clerk's code and the field's name, and creates
// nobody: no identifier at all, an identification-status array whose length
// is not its identifiers', a password found in breaches.
func TestCreateUserRefusedLikeClerk(t *testing.T) {
	e := newEnv(t)
	users := func() int64 { return count(e.ok("count_users", args(t, `{}`))) }
	before := users()
	for _, c := range []struct {
		name, args, code, field string
	}{
		{"nothing", `{}`, "form_data_missing", "email_address"},
		{"names only", `{"first_name":"Ada","last_name":"Lovelace","password":"correct-horse-battery"}`, "form_data_missing", "email_address"},
		{"empty identifiers", `{"email_address":[],"username":"","external_id":""}`, "form_data_missing", "email_address"},
		{"status for no email", `{"username":"ada_l","email_address_identification_status":["verified"]}`, "form_param_format_invalid", "email_address_identification_status"},
		{"fewer statuses than emails", `{"email_address":["a1@example.com","a2@example.com"],"email_address_identification_status":["reserved"]}`, "form_param_format_invalid", "email_address_identification_status"},
		{"more statuses than phones", `{"phone_number":["+15555550123"],"phone_number_identification_status":["verified","reserved"]}`, "form_param_format_invalid", "phone_number_identification_status"},
		{"breached password", `{"email_address":["pw1@example.com"],"password":"password"}`, "form_password_pwned", "password"},
		{"breached password, any case", `{"email_address":["pw2@example.com"],"password":"Password123"}`, "form_password_pwned", "password"},
		{"short password", `{"email_address":["pw3@example.com"],"password":"hunter2"}`, "form_password_length_too_short", "password"},
	} {
		ae := e.fails("create_user", args(t, c.args), 422, c.code)
		require.NotEmpty(t, ae.Errors, c.name)
		assert.Equal(t, c.field, paramName(t, ae), c.name)
	}
	assert.Equal(t, before, users(), "no user was created")

	// What Clerk accepts still passes: any one identifier, matching
	// statuses, a breached password with skip_password_checks.
	for _, ok := range []string{
		`{"external_id":"crm-4711"}`,
		`{"username":"grace_h"}`,
		`{"web3_wallet":["0x71C7656EC7ab88b098defB751B7401B5f6d8976F"]}`,
		`{"email_address":["b1@example.com","b2@example.com"],"email_address_identification_status":["verified","reserved"]}`,
		`{"email_address":["b3@example.com"],"email_address_identification_status":[]}`,
		`{"email_address":["b4@example.com"],"password":"password","skip_password_checks":true}`,
		`{"email_address":["b5@example.com"],"password":"correct-horse-battery"}`,
	} {
		e.ok("create_user", args(t, ok))
	}
	assert.Equal(t, before+7, users())
	// The breached list holds for a password change too.
	id := e.userID("b5@example.com")
	e.fails("update_user", args(t, `{"user_id":"`+id+`","password":"iloveyou"}`), 422, "form_password_pwned")
}

// TestProxyURLOnlyInProduction: the sandbox is a development instance, and
// Clerk takes proxy_url only on production instances; the domain is left
// as it was.
func TestProxyURLOnlyInProduction(t *testing.T) {
	e := newEnv(t)
	assert.Equal(t, "development", str(e.ok("get_instance", args(t, `{}`)), "environment_type"))
	dom := items(e.ok("list_domains", args(t, `{}`)))[0]
	id := str(dom, "id")
	ae := e.fails("update_domain", args(t, `{"domain_id":"`+id+`","proxy_url":"https://proxy.example.com/__clerk"}`), 400, "production_instance_required")
	assert.Equal(t, "proxy_url", paramName(t, ae))
	assert.Contains(t, ae.Error(), "development instance")
	after := items(e.ok("list_domains", args(t, `{}`)))[0]
	assert.Nil(t, after["proxy_url"], "the domain is unchanged")
	e.fails("add_domain", args(t, `{"name":"sat.example.com","is_satellite":true,"proxy_url":"https://proxy.example.com/__clerk"}`), 400, "production_instance_required")
	assert.Len(t, items(e.ok("list_domains", args(t, `{}`))), 1, "no domain was added")
	// Clearing it changes nothing on a development instance, and passes.
	e.ok("update_domain", args(t, `{"domain_id":"`+id+`","proxy_url":""}`))
}

// TestClockIsTheRealClock: the default clock is the real one, so a new
// invitation expires in the future (it "expired" months ago when the clock
// was pinned to BaseTime) and the seed data is recent; the test clock is
// only what tests ask for.
func TestClockIsTheRealClock(t *testing.T) {
	start := time.Now()
	s := New()
	c := clerkapi.New(s.Config())
	resp, err := c.Do(context.Background(), op(t, "create_invitation"), args(t, `{"email_address":"new.hire@example.com"}`))
	require.NoError(t, err)
	end := time.Now()
	var inv struct {
		Status    string `json:"status"`
		CreatedAt int64  `json:"created_at"`
		ExpiresAt int64  `json:"expires_at"`
	}
	require.NoError(t, json.Unmarshal(resp.Body, &inv))
	assert.Equal(t, "pending", inv.Status)
	assert.GreaterOrEqual(t, inv.CreatedAt, start.UnixMilli())
	assert.LessOrEqual(t, inv.CreatedAt, end.UnixMilli())
	assert.Greater(t, inv.ExpiresAt, end.Add(24*time.Hour).UnixMilli(), "a new invitation expires days from now")

	resp, err = c.Do(context.Background(), op(t, "list_invitations"), args(t, `{"status":"pending","limit":500}`))
	require.NoError(t, err)
	assert.Contains(t, string(resp.Body), `"status":"pending"`, "seeded pending invitations are still pending today")
	resp, err = c.Do(context.Background(), op(t, "list_users"), args(t, `{"limit":1,"order_by":"-created_at"}`))
	require.NoError(t, err)
	var page struct {
		Data []struct {
			CreatedAt int64 `json:"created_at"`
		} `json:"data"`
	}
	require.NoError(t, json.Unmarshal(resp.Body, &page))
	require.NotEmpty(t, page.Data)
	assert.Less(t, start.UnixMilli()-page.Data[0].CreatedAt, int64(400*24*time.Hour/time.Millisecond), "the seed is dated relative to now")

	// Under the test clock, two sandboxes are the same to the millisecond.
	a, b := testSandbox(), testSandbox()
	ra, _ := clerkapi.New(a.Config()).Do(context.Background(), op(t, "list_users"), args(t, `{"limit":500}`))
	rb, _ := clerkapi.New(b.Config()).Do(context.Background(), op(t, "list_users"), args(t, `{"limit":500}`))
	assert.Equal(t, string(ra.Body), string(rb.Body))
	assert.True(t, strings.Contains(string(ra.Body), `"created_at"`))
}

// paramName is the field Clerk's error names (meta.param_name).
func paramName(t *testing.T, ae *clerkapi.APIError) string {
	t.Helper()
	require.NotEmpty(t, ae.Errors)
	var meta struct {
		ParamName string `json:"param_name"`
	}
	require.NoError(t, json.Unmarshal(ae.Errors[0].Meta, &meta))
	return meta.ParamName
}

// TestFollowingPagingHints: a model that does only what the text block
// says — next_offset for an offset page, next_starting_after for a cursor
// page — walks every user exactly once and never meets Clerk's 422
// (starting_after with a non-zero offset), through the real server.
func TestFollowingPagingHints(t *testing.T) {
	a := newAgent(t)
	total := int(a.ok("count_users", map[string]any{})["total_count"].(float64))
	for _, start := range []map[string]any{
		{"limit": 4},
		{"limit": 4, "starting_after": ""}, // filled in below: a cursor walk
	} {
		seen := map[string]bool{}
		args := start
		if _, cursor := start["starting_after"]; cursor {
			first := a.ok("list_users", map[string]any{"limit": 1})
			id := str(items(first)[0], "id")
			seen[id] = true
			args = map[string]any{"limit": 4, "starting_after": id}
		}
		for pages := 0; ; pages++ {
			require.Less(t, pages, 50, "the hints loop")
			res, sc := a.call("list_users", args)
			require.False(t, res.IsError, "following the hint failed: %v -> %s", args, text(res))
			for _, u := range items(sc) {
				id := str(u, "id")
				require.False(t, seen[id], "%s seen twice", id)
				seen[id] = true
			}
			var hint map[string]any
			require.NoError(t, json.Unmarshal([]byte(text(res)), &hint))
			if _, cursor := args["starting_after"]; cursor {
				assert.NotContains(t, hint, "next_offset", "a cursor page hints no offset")
				next, ok := hint["next_starting_after"].(string)
				if !ok {
					break
				}
				args = map[string]any{"limit": 4, "starting_after": next}
				continue
			}
			next, ok := hint["next_offset"].(float64)
			if !ok {
				break
			}
			args = map[string]any{"limit": 4, "offset": int(next)}
		}
		assert.Len(t, seen, total, "every user once, starting from %v", start)
	}
}
