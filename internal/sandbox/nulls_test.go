package sandbox

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// TestNullsClear: a null clears what Clerk clears — a user's username and
// names, a domain's proxy URL (back to DNS), an organization's role set (back
// to the default), the instance's default OAuth scopes (back to Clerk's) —
// and leaves the fields not sent as they were.
func TestNullsClear(t *testing.T) {
	e := newEnv(t)
	ada := e.userID("ada")
	u := e.ok("update_user", args(t, `{"user_id":"`+ada+`","username":null,"first_name":null}`))
	assert.Nil(t, u["username"], "username cleared")
	assert.Nil(t, u["first_name"], "first_name cleared")
	assert.Equal(t, "Lovelace", u["last_name"], "a field not sent is kept")

	dmn := first(e, &e.s.domains, func(d *clerkapi.Domain) string { return d.ID }, func(*clerkapi.Domain) bool { return true })
	proxy := "https://example.com/__clerk"
	e.s.mu.Lock()
	d, err := e.s.findDomain(dmn)
	require.NoError(t, err)
	d.ProxyURL = &proxy
	name := d.Name
	e.s.mu.Unlock()
	got := e.ok("update_domain", args(t, `{"domain_id":"`+dmn+`","proxy_url":null}`))
	assert.Nil(t, got["proxy_url"], "proxy_url cleared: the domain is served over DNS again")
	assert.Equal(t, name, got["name"])

	org := e.orgID("acme-corp")
	key := "role_set:custom"
	e.s.mu.Lock()
	o, err := e.s.findOrg(org)
	require.NoError(t, err)
	o.RoleSetKey = &key
	e.s.mu.Unlock()
	got = e.ok("update_organization", args(t, `{"organization_id":"`+org+`","role_set_key":null}`))
	assert.Nil(t, got["role_set_key"], "role_set_key cleared")

	e.ok("update_instance_oauth_application_settings", args(t, `{"default_scopes":["openid"]}`))
	got = e.ok("update_instance_oauth_application_settings", args(t, `{"default_scopes":null}`))
	assert.Equal(t, []any{"openid", "email", "profile"}, got["default_scopes"], "null resets to Clerk's defaults")
	got = e.ok("update_instance_oauth_application_settings", args(t, `{"oauth_jwt_access_tokens":true}`))
	assert.Equal(t, []any{"openid", "email", "profile"}, got["default_scopes"], "not sent: unchanged")
}
