package sandbox

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

func ids(list map[string]any) []string {
	var out []string
	for _, it := range items(list) {
		out = append(out, str(it, "id"))
	}
	return out
}

func meta(ae *clerkapi.APIError) map[string]any {
	var m map[string]any
	_ = json.Unmarshal(ae.Errors[0].Meta, &m)
	return m
}

// raw sends a request straight to the handler, bypassing the client.
func raw(s *Sandbox, method, path, body string, auth bool) (int, errorBody) {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if auth {
		req.Header.Set("Authorization", "Bearer sk_test_anything")
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Clerk-API-Version", clerkapi.APIVersion)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	var eb errorBody
	_ = json.Unmarshal(w.Body.Bytes(), &eb)
	return w.Code, eb
}

func TestErrors(t *testing.T) {
	e := newEnv(t)
	ada, grace := e.userID("ada"), e.userID("grace")
	acme := e.orgID("acme-corp")
	cases := []struct {
		name   string
		op     string
		args   string
		status int
		code   string
		param  string
	}{
		{"email taken, any case", "create_user", `{"email_address":["ADA@acme.example.com"]}`, 422, "form_identifier_exists", "email_address"},
		{"username taken", "create_user", `{"username":"Grace"}`, 422, "form_identifier_exists", "username"},
		{"phone taken", "create_user", `{"phone_number":["+14155550101"]}`, 422, "form_identifier_exists", "phone_number"},
		{"email format", "create_user", `{"email_address":["not-an-email"]}`, 422, "form_param_format_invalid", "email_address"},
		{"phone format", "create_user", `{"phone_number":["555-0100"]}`, 422, "form_param_format_invalid", "phone_number"},
		{"short password", "create_user", `{"email_address":["pw@example.com"],"password":"short"}`, 422, "form_password_length_too_short", "password"},
		{"username taken on update", "update_user", `{"user_id":"` + ada + `","username":"grace"}`, 422, "form_identifier_exists", "username"},
		{"slug taken", "create_organization", `{"name":"Acme Two","slug":"acme-corp"}`, 422, "form_identifier_exists", "slug"},
		{"slug taken on update", "update_organization", `{"organization_id":"globex","slug":"initech"}`, 422, "form_identifier_exists", "slug"},
		{"bad slug", "create_organization", `{"name":"X","slug":"Bad Slug"}`, 422, "form_param_format_invalid", "slug"},
		{"organization name missing", "create_organization", `{"name":""}`, 422, "form_param_missing", "name"},
		{"already a member", "create_organization_membership", `{"organization_id":"` + acme + `","user_id":"` + ada + `","role":"org:member"}`, 422, "already_a_member_in_organization", "user_id"},
		{"unknown role", "create_organization_membership", `{"organization_id":"` + acme + `","user_id":"` + grace + `","role":"org:owner"}`, 422, "form_param_format_invalid", "role"},
		{"member user missing", "create_organization_membership", `{"organization_id":"` + acme + `","user_id":"user_missing","role":"org:member"}`, 404, "resource_not_found", ""},
		{"invite an existing member", "create_organization_invitation", `{"organization_id":"acme-corp","email_address":"linus@acme.example.com","role":"org:member"}`, 400, "already_a_member_in_organization", "email_address"},
		{"invite twice", "create_organization_invitation", `{"organization_id":"acme-corp","email_address":"new.hire@acme.example.com","role":"org:member"}`, 400, "duplicate_record", "email_address"},
		{"inviter not an admin", "create_organization_invitation", `{"organization_id":"acme-corp","email_address":"x@example.com","role":"org:member","inviter_user_id":"` + grace + `"}`, 403, "not_an_admin_in_organization", ""},
		{"sign-up invitation for a user", "create_invitation", `{"email_address":"grace@globex.example.com"}`, 422, "form_identifier_exists", "email_address"},
		{"sign-up invitation twice", "create_invitation", `{"email_address":"beta.tester@example.com"}`, 400, "duplicate_record", "email_address"},
		{"allowlist duplicate", "create_allowlist_identifier", `{"identifier":"vip@example.com"}`, 400, "duplicate_record", "identifier"},
		{"allowlist garbage", "create_allowlist_identifier", `{"identifier":"nope"}`, 422, "form_param_format_invalid", "identifier"},
		{"JWT template name taken", "create_jwt_template", `{"name":"supabase","claims":{}}`, 422, "form_identifier_exists", "name"},
		{"JWT reserved claim", "create_jwt_template", `{"name":"x","claims":{"sub":"me"}}`, 422, "form_param_format_invalid", "claims"},
		{"primary domain", "delete_domain", `{"domain_id":"` + first(e, &e.s.domains, func(d *clerkapi.Domain) string { return d.ID }, func(d *clerkapi.Domain) bool { return !d.IsSatellite }) + `"}`, 403, "operation_not_allowed_on_primary_domain", ""},
		{"satellite only", "add_domain", `{"name":"primary.example.com","is_satellite":false}`, 422, "form_param_format_invalid", "is_satellite"},
		{"sessions need a user or client", "list_sessions", `{}`, 422, "form_param_missing", "user_id"},
		{"bad order_by", "list_users", `{"order_by":"-shoe_size"}`, 422, "form_param_format_invalid", "order_by"},
		{"cursor needs created_at order", "list_users", `{"starting_after":"` + ada + `","order_by":"first_name"}`, 422, "form_param_format_invalid", "order_by"},
		{"cursor and offset", "list_users", `{"starting_after":"` + ada + `","offset":1}`, 422, "form_param_format_invalid", "offset"},
		{"user 404", "get_user", `{"user_id":"user_2doesnotexist"}`, 404, "resource_not_found", ""},
		{"organization 404", "get_organization", `{"organization_id":"no-such-org"}`, 404, "resource_not_found", ""},
		{"membership 404", "update_organization_membership", `{"organization_id":"acme-corp","user_id":"` + grace + `","role":"org:admin"}`, 404, "resource_not_found", ""},
		{"invitation of another org 404", "get_organization_invitation", `{"organization_id":"globex","invitation_id":"` + first(e, &e.s.orgInvites, func(i *clerkapi.OrganizationInvitation) string { return i.ID }, func(i *clerkapi.OrganizationInvitation) bool { return i.OrganizationID == acme }) + `"}`, 404, "resource_not_found", ""},
		{"session 404", "get_session", `{"session_id":"sess_nope"}`, 404, "resource_not_found", ""},
		{"invitation 404", "revoke_invitation", `{"invitation_id":"inv_nope"}`, 404, "resource_not_found", ""},
		{"JWT template 404", "get_jwt_template", `{"template_id":"jtmp_nope"}`, 404, "resource_not_found", ""},
		{"redirect URL 404", "get_redirect_url", `{"id":"ru_nope"}`, 404, "resource_not_found", ""},
		{"blocklist 404", "delete_blocklist_identifier", `{"identifier_id":"blid_nope"}`, 404, "resource_not_found", ""},
		{"API keys need a subject", "list_api_keys", `{}`, 400, "form_param_missing", "subject"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e.t = t
			ae := e.fails(c.op, args(t, c.args), c.status, c.code)
			assert.NotEmpty(t, ae.TraceID)
			assert.NotEmpty(t, ae.Errors[0].Message)
			assert.NotEmpty(t, ae.Errors[0].LongMessage)
			if c.param != "" {
				assert.Equal(t, c.param, meta(ae)["param_name"], "meta.param_name")
			}
		})
	}
}

func TestRequestHandling(t *testing.T) {
	s := testSandbox()
	status, eb := raw(s, "GET", "/v1/users", "", false)
	assert.Equal(t, 401, status)
	assert.Equal(t, "authentication_invalid", eb.Errors[0].Code)

	req := httptest.NewRequest("GET", "/v1/users", nil)
	req.Header.Set("Authorization", "Bearer ")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	assert.Equal(t, 401, w.Code, "an empty key is no key")

	status, eb = raw(s, "GET", "/v1/no/such/path", "", true)
	assert.Equal(t, 404, status)
	assert.Equal(t, "resource_not_found", eb.Errors[0].Code)
	status, _ = raw(s, "PUT", "/v1/users", "", true)
	assert.Equal(t, 404, status, "a known path with an unknown method")
	status, _ = raw(s, "GET", "/users", "", true)
	assert.Equal(t, 404, status, "outside /v1")

	status, eb = raw(s, "POST", "/v1/organizations", `{"name":"X","colour":"red"}`, true)
	assert.Equal(t, 422, status)
	assert.Equal(t, "form_param_unknown", eb.Errors[0].Code)
	assert.Equal(t, "colour", eb.Errors[0].Meta["param_name"])

	status, eb = raw(s, "POST", "/v1/organizations", `{"name":42}`, true)
	assert.Equal(t, 422, status)
	assert.Equal(t, "form_param_format_invalid", eb.Errors[0].Code)

	status, eb = raw(s, "GET", "/v1/users?limit=0", "", true)
	assert.Equal(t, 422, status)
	assert.Equal(t, "limit", eb.Errors[0].Meta["param_name"])

	status, _ = raw(s, "GET", "/v1/users/count", "", true)
	assert.Equal(t, 200, status, "/users/count is not /users/{user_id}")
	status, _ = raw(s, "GET", "/v1/organizations/acme-corp", "", true)
	assert.Equal(t, 200, status, "organizations are found by slug")
}

func TestMetadataMerge(t *testing.T) {
	e := newEnv(t)
	ada := e.userID("ada")
	e.ok("update_user_metadata", args(t, `{"user_id":"`+ada+`","public_metadata":{"plan":null,"prefs":{"a":1,"b":{"c":2,"keep":true}},"big":12345678901234567890}}`))
	u := e.ok("update_user_metadata", args(t, `{"user_id":"`+ada+`","public_metadata":{"prefs":{"a":null,"b":{"c":null,"d":3}}}}`))
	pub, _ := json.Marshal(u["public_metadata"])
	assert.JSONEq(t, `{"onboarded":true,"title":"Founder","big":12345678901234567890,"prefs":{"b":{"keep":true,"d":3}}}`, string(pub))
	assert.Contains(t, string(pub), "12345678901234567890", "numbers pass through exactly")
	priv, _ := json.Marshal(u["private_metadata"])
	assert.JSONEq(t, `{"stripe_customer_id":"cus_Q1a2B3c4D5e6F7","internal_notes":"Design partner"}`, string(priv), "objects not sent are untouched")

	u = e.ok("replace_user_metadata", args(t, `{"user_id":"`+ada+`","private_metadata":{"only":"this"}}`))
	priv, _ = json.Marshal(u["private_metadata"])
	assert.JSONEq(t, `{"only":"this"}`, string(priv), "PUT replaces the object sent")
	pub2, _ := json.Marshal(u["public_metadata"])
	assert.JSONEq(t, string(pub), string(pub2), "PUT leaves the others")

	o := e.ok("update_organization_metadata", args(t, `{"organization_id":"acme-corp","public_metadata":{"seats":null,"plan":{"name":"scale"}},"private_metadata":{"renewal_date":"2027-01-01"}}`))
	op, _ := json.Marshal(o["public_metadata"])
	assert.JSONEq(t, `{"tier":"enterprise","industry":"manufacturing","plan":{"name":"scale"}}`, string(op))
	assert.Equal(t, "2027-01-01", o["private_metadata"].(map[string]any)["renewal_date"])
	o = e.ok("replace_organization_metadata", args(t, `{"organization_id":"acme-corp","public_metadata":{}}`))
	assert.Empty(t, o["public_metadata"])

	m := e.ok("update_organization_membership_metadata", args(t, `{"organization_id":"acme-corp","user_id":"`+ada+`","public_metadata":{"title":null,"team":"exec"}}`))
	mp, _ := json.Marshal(m["public_metadata"])
	assert.JSONEq(t, `{"team":"exec"}`, string(mp))
}

func TestUserLists(t *testing.T) {
	e := newEnv(t)
	list := func(a string) []string { return ids(e.ok("list_users", args(t, a))) }
	countOf := func(a string) int64 { return count(e.ok("count_users", args(t, a))) }
	all := list(`{"limit":500}`)
	require.Len(t, all, 25)
	assert.Equal(t, e.userID("marvin@example.org"), all[0], "newest first by default")
	assert.Equal(t, e.userID("ada"), all[24])
	oldest := list(`{"order_by":"+created_at","limit":1}`)
	assert.Equal(t, []string{e.userID("ada")}, oldest)
	assert.Equal(t, all[5:10], list(`{"limit":5,"offset":5}`), "limit and offset")
	assert.Empty(t, list(`{"offset":100}`))

	page1 := list(`{"limit":3}`)
	page2 := list(`{"limit":3,"starting_after":"` + page1[2] + `"}`)
	assert.Equal(t, all[3:6], page2, "starting_after continues after the cursor")

	res := e.ok("list_users", args(t, `{"limit":2}`))
	assert.EqualValues(t, 25, count(res), "list_users gets total_count from count_users")

	sorted := func(order string, key func(map[string]any) string, desc bool) {
		t.Helper()
		us := items(e.ok("list_users", args(t, `{"limit":500,"order_by":"`+order+`"}`)))
		var keys []string
		for _, u := range us {
			if k := key(u); k != "" {
				keys = append(keys, strings.ToLower(k))
			}
		}
		want := slices.Clone(keys)
		slices.Sort(want)
		if desc {
			slices.Reverse(want)
		}
		assert.Equal(t, want, keys, order)
	}
	sorted("first_name", func(u map[string]any) string { return str(u, "first_name") }, false)
	sorted("-last_name", func(u map[string]any) string { return str(u, "last_name") }, true)
	sorted("username", func(u map[string]any) string { return str(u, "username") }, false)
	sorted("-last_sign_in_at", func(u map[string]any) string {
		if n, ok := u["last_sign_in_at"].(json.Number); ok {
			return fmt.Sprintf("%020s", n.String())
		}
		return ""
	}, true)

	filters := []struct {
		args string
		want int64
	}{
		{`{"email_address":["GRACE@globex.example.com"]}`, 1},
		{`{"email_address":["grace@globex.example.com","alan@initech.example.com","nobody@example.com"]}`, 2},
		{`{"username":["ada","ken"]}`, 2},
		{`{"phone_number":["+14155550101"]}`, 1},
		{`{"user_id":["-` + e.userID("ada") + `"]}`, 24},
		{`{"user_id":["` + e.userID("ada") + `","` + e.userID("grace") + `"]}`, 2},
		{`{"organization_id":["` + e.orgID("acme-corp") + `"]}`, 7},
		{`{"organization_id":["-` + e.orgID("acme-corp") + `"]}`, 18},
		{`{"organization_id":["` + e.orgID("acme-corp") + `","` + e.orgID("globex") + `"]}`, 11},
		{`{"query":"lovelace"}`, 1},
		{`{"query":"Ada Love"}`, 1},
		{`{"query":"initech"}`, 4},
		{`{"email_address_query":"example.org"}`, 4},
		{`{"name_query":"john"}`, 2},
		{`{"banned":true}`, 2},
		{`{"banned":false,"query":"globex"}`, 3},
		{`{"last_sign_in_at_after":` + fmt.Sprint(BaseTime.UnixMilli()-2*day) + `}`, 5},
		{`{"created_at_before":` + fmt.Sprint(BaseTime.UnixMilli()-150*day) + `}`, 4},
	}
	for _, f := range filters {
		assert.EqualValues(t, f.want, countOf(f.args), "count %s", f.args)
		assert.Len(t, list(strings.TrimSuffix(f.args, "}")+`,"limit":500}`), int(f.want), "list %s", f.args)
	}
}

func TestOtherLists(t *testing.T) {
	e := newEnv(t)
	orgs := e.ok("list_organizations", args(t, `{"query":"glob"}`))
	require.Len(t, items(orgs), 1)
	assert.Equal(t, "globex", str(items(orgs)[0], "slug"))
	assert.Nil(t, items(orgs)[0]["members_count"], "counts only when asked")

	orgs = e.ok("list_organizations", args(t, `{"user_id":["`+e.userID("ada")+`"],"order_by":"name","include_members_count":true}`))
	require.Len(t, items(orgs), 2)
	assert.Equal(t, "Acme Corp", str(items(orgs)[0], "name"))
	assert.EqualValues(t, "7", items(orgs)[0]["members_count"].(json.Number).String())
	assert.EqualValues(t, 3, count(e.ok("list_organizations", args(t, `{"limit":1}`))))
	byCount := items(e.ok("list_organizations", args(t, `{"order_by":"-members_count"}`)))
	assert.Equal(t, "acme-corp", str(byCount[0], "slug"))

	mems := e.ok("list_organization_memberships", args(t, `{"organization_id":"acme-corp","role":["org:admin"],"order_by":"first_name"}`))
	require.Len(t, items(mems), 2)
	assert.Equal(t, "Ada", items(mems)[0]["public_user_data"].(map[string]any)["first_name"])
	mems = e.ok("list_organization_memberships", args(t, `{"organization_id":"acme-corp","query":"linus"}`))
	assert.EqualValues(t, 1, count(mems))
	assert.EqualValues(t, 16, count(e.ok("list_all_organization_memberships", args(t, `{"limit":1}`))))
	um := e.ok("list_user_organization_memberships", args(t, `{"user_id":"`+e.userID("ada")+`"}`))
	assert.EqualValues(t, 2, count(um))

	inv := e.ok("list_invitations", args(t, `{"status":"expired"}`))
	require.Len(t, items(inv), 1)
	assert.Equal(t, "late@example.com", str(items(inv)[0], "email_address"))
	assert.EqualValues(t, 5, count(e.ok("list_invitations", args(t, `{"limit":1}`))))
	assert.EqualValues(t, 1, count(e.ok("list_invitations", args(t, `{"query":"partner"}`))))
	assert.EqualValues(t, 1, count(e.ok("list_invitations", args(t, `{"query":"`+ids(inv)[0]+`"}`))), "query matches an invitation ID")
	assert.EqualValues(t, 1, count(e.ok("list_organizations", args(t, `{"query":"`+e.orgID("initech")+`"}`))), "query matches an organization ID")

	oi := e.ok("list_organization_invitations", args(t, `{"organization_id":"acme-corp","status":"pending","order_by":"email_address"}`))
	assert.Equal(t, []string{"contractor@example.org", "new.hire@acme.example.com"}, []string{str(items(oi)[0], "email_address"), str(items(oi)[1], "email_address")})
	assert.EqualValues(t, 1, count(e.ok("list_all_organization_invitations", args(t, `{"status":"expired"}`))))
	ui := e.ok("list_user_organization_invitations", args(t, `{"user_id":"`+e.userID("annie.easley@example.com")+`"}`))
	require.Len(t, items(ui), 1)
	assert.Equal(t, "initech", items(ui)[0]["public_organization_data"].(map[string]any)["slug"])

	ada := e.userID("ada")
	ss := e.ok("list_sessions", args(t, `{"user_id":"`+ada+`"}`))
	assert.EqualValues(t, 3, count(ss))
	ss = e.ok("list_sessions", args(t, `{"user_id":"`+ada+`","status":"active"}`))
	assert.EqualValues(t, 2, count(ss))
	client := str(items(ss)[0], "client_id")
	assert.EqualValues(t, 2, count(e.ok("list_sessions", args(t, `{"client_id":"`+client+`"}`))), "sessions of one client")

	assert.EqualValues(t, 3, count(e.ok("list_allowlist_identifiers", args(t, `{}`))))
	assert.EqualValues(t, 3, count(e.ok("list_blocklist_identifiers", args(t, `{}`))))
	assert.EqualValues(t, 3, count(e.ok("list_redirect_urls", args(t, `{}`))))
	assert.EqualValues(t, 1, count(e.ok("list_jwt_templates", args(t, `{}`))))
	assert.EqualValues(t, 1, count(e.ok("list_domains", args(t, `{}`))))
}

func TestBanAndLock(t *testing.T) {
	e := newEnv(t)
	ada := e.userID("ada")
	u := e.ok("ban_user", args(t, `{"user_id":"`+ada+`"}`))
	assert.Equal(t, true, u["banned"])
	active := e.ok("list_sessions", args(t, `{"user_id":"`+ada+`","status":"active"}`))
	assert.Zero(t, count(active), "a ban revokes the user's sessions")
	assert.EqualValues(t, 3, count(e.ok("count_users", args(t, `{"banned":true}`))))
	u = e.ok("unban_user", args(t, `{"user_id":"`+ada+`"}`))
	assert.Equal(t, false, u["banned"])

	resp, err := e.client.Do(context.Background(), op(t, "ban_users"), args(t, `{"user_ids":["`+ada+`","`+e.userID("grace")+`","user_missing"]}`))
	require.NoError(t, err)
	var banned []clerkapi.User
	require.NoError(t, json.Unmarshal(resp.Body, &banned))
	require.Len(t, banned, 2, "IDs not found are ignored")
	assert.True(t, banned[0].Banned && banned[1].Banned)
	e.ok("unban_users", args(t, `{"user_ids":["`+ada+`","`+e.userID("grace")+`"]}`))
	assert.EqualValues(t, 2, count(e.ok("count_users", args(t, `{"banned":true}`))))

	u = e.ok("lock_user", args(t, `{"user_id":"`+ada+`"}`))
	assert.Equal(t, true, u["locked"])
	assert.Equal(t, "3600", u["lockout_expires_in_seconds"].(json.Number).String())
	u = e.ok("unlock_user", args(t, `{"user_id":"`+ada+`"}`))
	assert.Equal(t, false, u["locked"])
	assert.Nil(t, u["lockout_expires_in_seconds"])
	assert.Equal(t, "100", u["verification_attempts_remaining"].(json.Number).String())

	sophie := e.ok("get_user", args(t, `{"user_id":"`+e.userID("sophie")+`"}`))
	assert.Equal(t, true, sophie["locked"], "the seed has a locked user")
}

func TestMembershipsAndOrganizations(t *testing.T) {
	e := newEnv(t)
	ada, grace, radia := e.userID("ada"), e.userID("grace"), e.userID("radia")
	m := e.ok("update_organization_membership", args(t, `{"organization_id":"globex","user_id":"`+radia+`","role":"org:admin"}`))
	assert.Equal(t, "org:admin", m["role"])
	assert.Equal(t, "Admin", m["role_name"])
	assert.Contains(t, m["permissions"], "org:sys_memberships:manage")
	admins := e.ok("list_organization_memberships", args(t, `{"organization_id":"globex","role":["org:admin"]}`))
	assert.EqualValues(t, 2, count(admins))

	o := e.ok("create_organization", args(t, `{"name":"Umbrella Labs","created_by":"`+grace+`"}`))
	assert.Equal(t, "umbrella-labs", str(o, "slug"))
	assert.Equal(t, grace, str(o, "created_by"))
	org := str(o, "id")
	mine := e.ok("list_organization_memberships", args(t, `{"organization_id":"`+org+`"}`))
	require.Len(t, items(mine), 1)
	assert.Equal(t, "org:admin", items(mine)[0]["role"], "the creator becomes admin")
	o2 := e.ok("create_organization", args(t, `{"name":"Umbrella Labs"}`))
	assert.Equal(t, "umbrella-labs-2", str(o2, "slug"), "a derived slug never collides")

	// The default cap is 5 members.
	for _, who := range []string{"ada", "radia", "ken", "frances@globex.example.com"} {
		e.ok("create_organization_membership", args(t, `{"organization_id":"`+org+`","user_id":"`+e.userID(who)+`","role":"org:member"}`))
	}
	e.fails("create_organization_membership", args(t, `{"organization_id":"`+org+`","user_id":"`+e.userID("aturing")+`","role":"org:member"}`), 403, "organization_membership_quota_exceeded")
	d := e.ok("delete_organization_membership", args(t, `{"organization_id":"`+org+`","user_id":"`+ada+`"}`))
	assert.Equal(t, "organization_membership", str(d, "object"))
	e.ok("create_organization_membership", args(t, `{"organization_id":"`+org+`","user_id":"`+e.userID("aturing")+`","role":"org:member"}`))

	inv := e.ok("create_organization_invitation", args(t, `{"organization_id":"`+org+`","email_address":"new@example.com","role":"org:member","inviter_user_id":"`+grace+`"}`))
	assert.Equal(t, grace, str(inv, "inviter_id"))
	del := e.ok("delete_organization", args(t, `{"organization_id":"`+org+`"}`))
	assert.Equal(t, map[string]any{"object": "organization", "id": org, "slug": "umbrella-labs", "deleted": true}, del)
	e.fails("get_organization", args(t, `{"organization_id":"`+org+`"}`), 404, "resource_not_found")
	assert.EqualValues(t, 1, count(e.ok("list_user_organization_memberships", args(t, `{"user_id":"`+grace+`"}`))), "memberships go with the organization")
	assert.Zero(t, count(e.ok("list_all_organization_invitations", args(t, `{"query":"new@example.com"}`))), "invitations go with the organization")

	u := e.ok("delete_user", args(t, `{"user_id":"`+radia+`"}`))
	assert.Equal(t, map[string]any{"object": "user", "id": radia, "deleted": true}, u)
	assert.EqualValues(t, 4, count(e.ok("list_organization_memberships", args(t, `{"organization_id":"globex"}`))), "memberships go with the user")
	e.fails("get_user", args(t, `{"user_id":"`+radia+`"}`), 404, "resource_not_found")
}

func TestRevocations(t *testing.T) {
	e := newEnv(t)
	inv := e.ok("create_invitation", args(t, `{"email_address":"someone@example.com"}`))
	assert.Equal(t, "pending", str(inv, "status"))
	r := e.ok("revoke_invitation", args(t, `{"invitation_id":"`+str(inv, "id")+`"}`))
	assert.Equal(t, "revoked", str(r, "status"))
	assert.Equal(t, true, r["revoked"])
	e.fails("revoke_invitation", args(t, `{"invitation_id":"`+str(inv, "id")+`"}`), 400, "invitation_already_revoked")
	assert.Contains(t, ids(e.ok("list_invitations", args(t, `{"status":"revoked"}`))), str(inv, "id"))
	e.ok("create_invitation", args(t, `{"email_address":"someone@example.com"}`)) // revoked ones do not block a new one

	before := e.ok("get_organization", args(t, `{"organization_id":"acme-corp","include_members_count":true}`))
	pending := e.ok("list_pending_organization_invitations", args(t, `{"organization_id":"acme-corp"}`))
	id := ids(pending)[0]
	oi := e.ok("revoke_organization_invitation", args(t, `{"organization_id":"acme-corp","invitation_id":"`+id+`","requesting_user_id":"`+e.userID("ada")+`"}`))
	assert.Equal(t, "revoked", str(oi, "status"))
	e.fails("revoke_organization_invitation", args(t, `{"organization_id":"acme-corp","invitation_id":"`+id+`"}`), 400, "organization_invitation_not_pending")
	assert.Contains(t, ids(e.ok("list_organization_invitations", args(t, `{"organization_id":"acme-corp","status":"revoked"}`))), id)
	after := e.ok("get_organization", args(t, `{"organization_id":"acme-corp","include_members_count":true}`))
	b, _ := before["pending_invitations_count"].(json.Number).Int64()
	a, _ := after["pending_invitations_count"].(json.Number).Int64()
	assert.Equal(t, b-1, a)

	grace := e.userID("grace")
	ss := e.ok("list_sessions", args(t, `{"user_id":"`+grace+`","status":"active"}`))
	require.Len(t, items(ss), 1)
	sid := ids(ss)[0]
	rs := e.ok("revoke_session", args(t, `{"session_id":"`+sid+`"}`))
	assert.Equal(t, "revoked", str(rs, "status"))
	e.fails("revoke_session", args(t, `{"session_id":"`+sid+`"}`), 400, "session_not_active")
	assert.Zero(t, count(e.ok("list_sessions", args(t, `{"user_id":"`+grace+`","status":"active"}`))))
	assert.Equal(t, "revoked", str(e.ok("get_session", args(t, `{"session_id":"`+sid+`"}`)), "status"))
}

func TestDeterminismAndClock(t *testing.T) {
	dump := func(s *Sandbox) string {
		c := clerkapi.New(s.Config())
		var sb strings.Builder
		for _, name := range []string{"list_users", "list_organizations", "list_all_organization_memberships", "list_invitations", "list_all_organization_invitations"} {
			resp, err := c.Do(context.Background(), op(t, name), clerkapi.Args{"limit": json.RawMessage("500")})
			require.NoError(t, err)
			sb.Write(resp.Body)
		}
		return sb.String()
	}
	assert.Equal(t, dump(testSandbox()), dump(testSandbox()), "two sandboxes hold the same data")

	e := newEnv(t)
	u1 := e.ok("create_user", args(t, `{"email_address":["one@example.com"]}`))
	u2 := e.ok("create_user", args(t, `{"email_address":["two@example.com"]}`))
	assert.Equal(t, BaseTime.Add(time.Second).UnixMilli(), mustInt(t, u1["created_at"]), "the first write happens one second after BaseTime")
	assert.Equal(t, BaseTime.Add(2*time.Second).UnixMilli(), mustInt(t, u2["created_at"]))

	at := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	s := New(WithClock(func() time.Time { return at }))
	resp, err := clerkapi.New(s.Config()).Do(context.Background(), op(t, "create_organization"), args(t, `{"name":"Clocked"}`))
	require.NoError(t, err)
	var o map[string]any
	require.NoError(t, json.Unmarshal(resp.Body, &o))
	assert.EqualValues(t, at.UnixMilli(), o["created_at"])
}

func mustInt(t *testing.T, v any) int64 {
	t.Helper()
	n, err := v.(json.Number).Int64()
	require.NoError(t, err)
	return n
}

func TestConcurrentUse(t *testing.T) {
	s := testSandbox()
	c := clerkapi.New(s.Config())
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			_, err := c.Do(ctx, op(t, "create_user"), argsOf(t, map[string]any{"email_address": []string{fmt.Sprintf("c%d@example.com", i)}}))
			assert.NoError(t, err)
			_, err = c.Do(ctx, op(t, "list_users"), clerkapi.Args{})
			assert.NoError(t, err)
			_, err = c.Do(ctx, op(t, "update_organization_metadata"), argsOf(t, map[string]any{"organization_id": "acme-corp", "public_metadata": map[string]any{fmt.Sprint("k", i): i}}))
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	resp, err := c.Do(context.Background(), op(t, "count_users"), clerkapi.Args{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"object":"total_count","total_count":41}`, string(resp.Body))
}

func TestTransport(t *testing.T) {
	s := testSandbox()
	hc := &http.Client{Transport: s.Transport()}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", BaseURL+"/users", nil)
	_, err := hc.Do(req)
	assert.Error(t, err, "a cancelled request is not served")

	req, _ = http.NewRequest("GET", BaseURL+"/users/count", nil)
	req.Header.Set("Authorization", "Bearer x")
	resp, err := hc.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	var tc clerkapi.TotalCount
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&tc))
	assert.Equal(t, clerkapi.TotalCount{Object: "total_count", TotalCount: 25}, tc)
}
