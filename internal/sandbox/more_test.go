package sandbox

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// emailsOf returns the addresses on a user object, in order.
func emailsOf(u map[string]any) []string {
	var out []string
	for _, e := range u["email_addresses"].([]any) {
		out = append(out, str(e.(map[string]any), "email_address"))
	}
	return out
}

func phonesOf(u map[string]any) []map[string]any {
	var out []map[string]any
	for _, p := range u["phone_numbers"].([]any) {
		out = append(out, p.(map[string]any))
	}
	return out
}

func (e *env) user(id string) map[string]any {
	e.t.Helper()
	return e.ok("get_user", args(e.t, `{"user_id":"`+id+`"}`))
}

func TestEmailAddresses(t *testing.T) {
	e := newEnv(t)
	ada, grace := e.userID("ada"), e.userID("grace")
	adaPrimary := str(e.user(ada), "primary_email_address_id")

	// Created unverified and not primary by default; the user's list grows.
	em := e.ok("create_email_address", args(t, `{"user_id":"`+ada+`","email_address":"ada@analytical.example.com"}`))
	id := str(em, "id")
	assert.True(t, strings.HasPrefix(id, "idn_"))
	assert.Equal(t, "email_address", str(em, "object"))
	assert.Nil(t, em["verification"], "unverified unless verified: true")
	u := e.user(ada)
	assert.Equal(t, []string{"ada@acme.example.com", "ada@analytical.example.com"}, emailsOf(u))
	assert.Equal(t, adaPrimary, str(u, "primary_email_address_id"), "not primary unless asked")
	assert.Equal(t, em, e.ok("get_email_address", args(t, `{"email_address_id":"`+id+`"}`)))
	assert.EqualValues(t, 1, count(e.ok("list_users", args(t, `{"email_address":["ada@analytical.example.com"]}`))), "list_users sees the new address")

	// Unique across users, in any case, and on the same user.
	for _, who := range []string{grace, ada} {
		ae := e.fails("create_email_address", args(t, `{"user_id":"`+who+`","email_address":"ADA@analytical.example.com"}`), 422, "form_identifier_exists")
		assert.Equal(t, "email_address", meta(ae)["param_name"])
	}
	e.fails("create_email_address", args(t, `{"user_id":"`+grace+`","email_address":"not-an-email"}`), 422, "form_param_format_invalid")
	e.fails("create_email_address", args(t, `{"user_id":"`+grace+`"}`), 422, "form_param_missing")
	e.fails("create_email_address", args(t, `{"user_id":"user_nope","email_address":"x@example.com"}`), 404, "resource_not_found")
	e.fails("create_email_address", args(t, `{"user_id":"`+grace+`","email_address":"x@example.com","primary":true}`), 422, "form_param_format_invalid")
	e.fails("get_email_address", args(t, `{"email_address_id":"idn_nope"}`), 404, "resource_not_found")
	e.fails("update_email_address", args(t, `{"email_address_id":"`+id+`","primary":true}`), 422, "form_param_format_invalid")

	// Verified and made primary: the user's primary follows, and so does
	// what memberships show as the user's identifier.
	em = e.ok("update_email_address", args(t, `{"email_address_id":"`+id+`","verified":true,"primary":true}`))
	assert.Equal(t, "verification_admin", em["verification"].(map[string]any)["object"])
	u = e.user(ada)
	assert.Equal(t, id, str(u, "primary_email_address_id"))
	mems := e.ok("list_organization_memberships", args(t, `{"organization_id":"acme-corp","user_id":["`+ada+`"]}`))
	require.Len(t, items(mems), 1)
	assert.Equal(t, "ada@analytical.example.com", items(mems)[0]["public_user_data"].(map[string]any)["identifier"])
	e.fails("update_email_address", args(t, `{"email_address_id":"`+id+`","verified":false}`), 422, "form_param_format_invalid")
	e.fails("update_email_address", args(t, `{"email_address_id":"`+id+`","primary":false}`), 422, "form_param_format_invalid")

	// The primary cannot go while others remain; the old one can.
	ae := e.fails("delete_email_address", args(t, `{"email_address_id":"`+id+`"}`), 400, "identification_deletion_failed")
	assert.Contains(t, ae.Errors[0].LongMessage, "primary")
	d := e.ok("delete_email_address", args(t, `{"email_address_id":"`+adaPrimary+`"}`))
	assert.Equal(t, map[string]any{"object": "email_address", "id": adaPrimary, "deleted": true}, d)
	assert.Equal(t, []string{"ada@analytical.example.com"}, emailsOf(e.user(ada)))
	e.fails("get_email_address", args(t, `{"email_address_id":"`+adaPrimary+`"}`), 404, "resource_not_found")
	// The freed address can go to someone else.
	e.ok("create_email_address", args(t, `{"user_id":"`+grace+`","email_address":"ada@acme.example.com","verified":true}`))

	// A user's only email goes if something else identifies them (Linus
	// has a username); the last identification never goes.
	linus := e.userID("linus")
	linusEmail := str(e.user(linus), "primary_email_address_id")
	e.ok("delete_email_address", args(t, `{"email_address_id":"`+linusEmail+`"}`))
	u = e.user(linus)
	assert.Empty(t, u["email_addresses"])
	assert.NotNil(t, u["email_addresses"], "an empty list, not null")
	assert.Nil(t, u["primary_email_address_id"])
	margaret := e.user(e.userID("margaret@acme.example.com")) // email only
	ae = e.fails("delete_email_address", args(t, `{"email_address_id":"`+str(margaret, "primary_email_address_id")+`"}`), 400, "identification_deletion_failed")
	assert.Contains(t, ae.Errors[0].LongMessage, "last identification")

	// The first address of a user without one becomes primary.
	nu := e.ok("create_user", args(t, `{"username":"no_email_yet"}`))
	first := e.ok("create_email_address", args(t, `{"user_id":"`+str(nu, "id")+`","email_address":"first@example.com"}`))
	assert.Equal(t, str(first, "id"), str(e.user(str(nu, "id")), "primary_email_address_id"))
}

func TestPhoneNumbers(t *testing.T) {
	e := newEnv(t)
	grace := e.userID("grace")
	old := str(e.user(grace), "primary_phone_number_id")

	for _, bad := range []string{"555-0100", "+0123456789", "+1", "14155550100"} {
		ae := e.fails("create_phone_number", args(t, `{"user_id":"`+grace+`","phone_number":"`+bad+`"}`), 422, "form_param_format_invalid")
		assert.Equal(t, "phone_number", meta(ae)["param_name"], bad)
	}
	e.fails("create_phone_number", args(t, `{"user_id":"`+grace+`","phone_number":"+14155550101"}`), 422, "form_identifier_exists") // Ada's
	e.fails("create_phone_number", args(t, `{"user_id":"user_nope","phone_number":"+14155550177"}`), 404, "resource_not_found")
	e.fails("create_phone_number", args(t, `{"user_id":"`+grace+`","phone_number":"+14155550177","reserved_for_second_factor":true}`), 400, "update_second_factor_unverified")

	// A verified number reserved for second factor turns MFA on and is the
	// default second factor.
	assert.Equal(t, false, e.user(grace)["two_factor_enabled"])
	p1 := e.ok("create_phone_number", args(t, `{"user_id":"`+grace+`","phone_number":"+14155550177","verified":true,"reserved_for_second_factor":true}`))
	assert.Equal(t, true, p1["reserved_for_second_factor"])
	assert.Equal(t, true, p1["default_second_factor"])
	u := e.user(grace)
	assert.Equal(t, true, u["two_factor_enabled"])
	assert.NotNil(t, u["mfa_enabled_at"])
	assert.Equal(t, old, str(u, "primary_phone_number_id"))
	p2 := e.ok("create_phone_number", args(t, `{"user_id":"`+grace+`","phone_number":"+14155550178","verified":true,"reserved_for_second_factor":true,"primary":true}`))
	assert.Equal(t, false, p2["default_second_factor"], "one default second factor")
	assert.Equal(t, str(p2, "id"), str(e.user(grace), "primary_phone_number_id"))
	assert.Len(t, phonesOf(e.user(grace)), 3)
	assert.EqualValues(t, 1, count(e.ok("count_users", args(t, `{"phone_number":["+14155550178"]}`))))

	// Deleting the default hands it to the other reserved number; with no
	// reserved number left, MFA is off.
	e.ok("delete_phone_number", args(t, `{"phone_number_id":"`+str(p1, "id")+`"}`))
	p2 = e.ok("get_phone_number", args(t, `{"phone_number_id":"`+str(p2, "id")+`"}`))
	assert.Equal(t, true, p2["default_second_factor"])
	e.fails("update_phone_number", args(t, `{"phone_number_id":"`+str(p2, "id")+`","verified":false}`), 422, "form_param_format_invalid") // primary
	p2 = e.ok("update_phone_number", args(t, `{"phone_number_id":"`+str(p2, "id")+`","reserved_for_second_factor":false}`))
	assert.Equal(t, false, p2["default_second_factor"])
	u = e.user(grace)
	assert.Equal(t, false, u["two_factor_enabled"])
	assert.NotNil(t, u["mfa_disabled_at"])

	// The old primary is no longer primary and can go; the primary cannot
	// while another remains.
	e.fails("delete_phone_number", args(t, `{"phone_number_id":"`+str(p2, "id")+`"}`), 400, "identification_deletion_failed")
	e.ok("update_phone_number", args(t, `{"phone_number_id":"`+old+`","verified":false}`))
	e.fails("update_phone_number", args(t, `{"phone_number_id":"`+old+`","reserved_for_second_factor":true}`), 400, "update_second_factor_unverified")
	assert.Nil(t, e.ok("get_phone_number", args(t, `{"phone_number_id":"`+old+`"}`))["verification"])
	e.ok("delete_phone_number", args(t, `{"phone_number_id":"`+old+`"}`))
	e.fails("get_phone_number", args(t, `{"phone_number_id":"`+old+`"}`), 404, "resource_not_found")
	assert.Len(t, phonesOf(e.user(grace)), 1)
	e.ok("create_phone_number", args(t, `{"user_id":"`+e.userID("ada")+`","phone_number":"+12025550102"}`)) // freed

	// A user with only a phone number keeps it.
	solo := e.ok("create_user", args(t, `{"phone_number":["+15555550142"]}`))
	e.fails("delete_phone_number", args(t, `{"phone_number_id":"`+str(solo, "primary_phone_number_id")+`"}`), 400, "identification_deletion_failed")
	// Joan has a username too, so hers can go.
	joan := e.user(e.userID("jclarke"))
	e.ok("delete_phone_number", args(t, `{"phone_number_id":"`+str(joan, "primary_phone_number_id")+`"}`))
	assert.Nil(t, e.user(e.userID("jclarke"))["primary_phone_number_id"])
}

func TestOrganizationDomains(t *testing.T) {
	e := newEnv(t)
	acme, globex := e.orgID("acme-corp"), e.orgID("globex")
	all := func(a string) map[string]any { return e.ok("list_all_organization_domains", args(t, a)) }
	names := func(m map[string]any) []string {
		var out []string
		for _, it := range items(m) {
			out = append(out, str(it, "name"))
		}
		return out
	}

	res := all(`{"limit":500}`)
	assert.EqualValues(t, 4, count(res))
	assert.Equal(t, "acme-labs.example.net", names(res)[0], "newest first")
	assert.Equal(t, "acme-corp", items(res)[0]["public_organization_data"].(map[string]any)["slug"])
	filters := []struct {
		args string
		want []string
	}{
		{`{"enrollment_mode":["automatic_invitation","automatic_suggestion"],"order_by":"name"}`, []string{"acme.example.com", "globex.example.com"}},
		{`{"enrollment_mode":["-manual_invitation"],"order_by":"name"}`, []string{"acme.example.com", "globex.example.com"}},
		{`{"enrollment_mode":["manual_invitation","-manual_invitation"]}`, nil},
		{`{"enrollment_mode":["-enterprise_sso"]}`, []string{"acme-labs.example.net", "initech.example.com", "globex.example.com", "acme.example.com"}},
		{`{"verified":"false"}`, []string{"acme-labs.example.net"}},
		{`{"verified":"true","order_by":"-name"}`, []string{"initech.example.com", "globex.example.com", "acme.example.com"}},
		{`{"query":"ACME","order_by":"name"}`, []string{"acme-labs.example.net", "acme.example.com"}},
		{`{"query":"` + globex + `"}`, []string{"globex.example.com"}},
		{`{"organization_id":"` + acme + `","order_by":"+created_at"}`, []string{"acme.example.com", "acme-labs.example.net"}},
		{`{"domains":["Globex.example.com","initech.example.com","nope.example.com"],"order_by":"name"}`, []string{"globex.example.com", "initech.example.com"}},
		{`{"limit":1,"offset":1,"order_by":"name"}`, []string{"acme.example.com"}},
	}
	for _, f := range filters {
		assert.Equal(t, f.want, names(all(f.args)), f.args)
	}
	e.fails("list_all_organization_domains", args(t, `{"enrollment_mode":["sometimes"]}`), 422, "form_param_value_invalid")
	e.fails("list_all_organization_domains", args(t, `{"query":"  "}`), 422, "form_param_format_invalid")
	e.fails("list_all_organization_domains", args(t, `{"order_by":"-size"}`), 422, "form_param_format_invalid")

	org := func(slug, a string) map[string]any {
		return e.ok("list_organization_domains", args(t, `{"organization_id":"`+slug+`"`+a+`}`))
	}
	assert.EqualValues(t, 2, count(org("acme-corp", "")))
	assert.Equal(t, []string{"acme.example.com"}, names(org("acme-corp", `,"verified":"true"`)))
	assert.Equal(t, []string{"acme.example.com"}, names(org("acme-corp", `,"enrollment_mode":"-manual_invitation"`)))
	assert.Equal(t, []string{"acme-labs.example.net"}, names(org("acme-corp", `,"enrollment_mode":"manual_invitation"`)))
	e.fails("list_organization_domains", args(t, `{"organization_id":"acme-corp","verified":"yes"}`), 422, "form_param_format_invalid")
	e.fails("list_organization_domains", args(t, `{"organization_id":"no-such-org"}`), 404, "resource_not_found")

	// Creation: verified and manual by default, names unique across
	// organizations, no free mail providers.
	d := e.ok("create_organization_domain", args(t, `{"organization_id":"globex","name":"Globex-Energy.example.com"}`))
	assert.Equal(t, "globex-energy.example.com", str(d, "name"))
	assert.Equal(t, "manual_invitation", str(d, "enrollment_mode"))
	assert.Equal(t, "verified", d["affiliation_verification"].(map[string]any)["status"])
	assert.True(t, strings.HasPrefix(str(d, "id"), "orgdmn_"))
	ae := e.fails("create_organization_domain", args(t, `{"organization_id":"globex","name":"ACME.example.com"}`), 422, "organization_domain_already_exists")
	assert.Equal(t, "name", meta(ae)["param_name"])
	e.fails("create_organization_domain", args(t, `{"organization_id":"globex","name":"gmail.com"}`), 422, "organization_domain_common")
	e.fails("create_organization_domain", args(t, `{"organization_id":"globex","name":"not a domain"}`), 422, "form_param_format_invalid")
	e.fails("create_organization_domain", args(t, `{"organization_id":"globex"}`), 422, "form_param_missing")
	e.fails("create_organization_domain", args(t, `{"organization_id":"globex","name":"x.example.com","enrollment_mode":"whenever"}`), 422, "form_param_format_invalid")
	e.fails("create_organization_domain", args(t, `{"organization_id":"globex","name":"x.example.com","enrollment_mode":"enterprise_sso"}`), 422, "form_param_format_invalid")
	e.fails("create_organization_domain", args(t, `{"organization_id":"nope","name":"x.example.com"}`), 404, "resource_not_found")
	un := e.ok("create_organization_domain", args(t, `{"organization_id":"globex","name":"unverified.example.com","verified":false,"enrollment_mode":"automatic_suggestion"}`))
	assert.Nil(t, un["affiliation_verification"])
	assert.Nil(t, un["verification"])
	assert.EqualValues(t, 3, count(org("globex", "")))

	// The enrollment modes follow the instance settings.
	e.ok("update_instance_organization_settings", args(t, `{"domains_enrollment_modes":["automatic_invitation"]}`))
	e.fails("create_organization_domain", args(t, `{"organization_id":"globex","name":"y.example.com","enrollment_mode":"automatic_suggestion"}`), 403, "organization_domain_enrollment_mode_not_enabled")
	e.fails("update_organization_domain", args(t, `{"organization_id":"globex","domain_id":"`+str(d, "id")+`","enrollment_mode":"automatic_suggestion"}`), 403, "organization_domain_enrollment_mode_not_enabled")

	up := e.ok("update_organization_domain", args(t, `{"organization_id":"globex","domain_id":"`+str(un, "id")+`","verified":true,"enrollment_mode":"automatic_invitation"}`))
	assert.Equal(t, "automatic_invitation", str(up, "enrollment_mode"))
	assert.Equal(t, "verified", up["verification"].(map[string]any)["status"])
	assert.Greater(t, mustInt(t, up["updated_at"]), mustInt(t, up["created_at"]))
	assert.Contains(t, names(all(`{"verified":"true","enrollment_mode":["automatic_invitation"]}`)), "unverified.example.com")

	// A domain is reached only through its organization.
	e.fails("update_organization_domain", args(t, `{"organization_id":"acme-corp","domain_id":"`+str(un, "id")+`","verified":false}`), 404, "resource_not_found")
	e.fails("delete_organization_domain", args(t, `{"organization_id":"acme-corp","domain_id":"`+str(un, "id")+`"}`), 404, "resource_not_found")
	del := e.ok("delete_organization_domain", args(t, `{"organization_id":"globex","domain_id":"`+str(un, "id")+`"}`))
	assert.Equal(t, map[string]any{"object": "organization_domain", "id": str(un, "id"), "deleted": true}, del)
	e.fails("delete_organization_domain", args(t, `{"organization_id":"globex","domain_id":"`+str(un, "id")+`"}`), 404, "resource_not_found")
	e.ok("create_organization_domain", args(t, `{"organization_id":"acme-corp","name":"unverified.example.com"}`)) // the name is free again

	// Deleting an organization deletes its domains.
	e.ok("delete_organization", args(t, `{"organization_id":"globex"}`))
	assert.Zero(t, count(all(`{"organization_id":"`+globex+`"}`)))
	e.ok("create_organization_domain", args(t, `{"organization_id":"initech","name":"globex.example.com"}`))

	// At most max_allowed_domains (10) per organization.
	o := e.ok("create_organization", args(t, `{"name":"Many Domains"}`))
	for i := range 10 {
		e.ok("create_organization_domain", args(t, fmt.Sprintf(`{"organization_id":"%s","name":"d%d.example.com"}`, str(o, "id"), i)))
	}
	e.fails("create_organization_domain", args(t, `{"organization_id":"`+str(o, "id")+`","name":"d10.example.com"}`), 403, "organization_domain_quota_exceeded")
}

func TestWaitlist(t *testing.T) {
	e := newEnv(t)
	wl := func(a string) map[string]any { return e.ok("list_waitlist_entries", args(t, a)) }
	emails := func(m map[string]any) []string {
		var out []string
		for _, it := range items(m) {
			out = append(out, str(it, "email_address"))
		}
		return out
	}

	res := wl(`{"limit":500}`)
	assert.EqualValues(t, 6, count(res))
	assert.Equal(t, "hopeful@example.org", emails(res)[0], "newest first")
	for status, want := range map[string][]string{
		"pending":   {"hopeful@example.org", "curious.cat@example.net", "early.bird@example.com"},
		"invited":   {"beta.tester@example.com"},
		"completed": {"sophie.wilson@example.org"},
		"rejected":  {"spam.bot@example.net"},
	} {
		assert.Equal(t, want, emails(wl(`{"status":"`+status+`"}`)), status)
	}
	completed := items(wl(`{"status":"completed"}`))[0]
	assert.Equal(t, "accepted", completed["invitation"].(map[string]any)["status"], "completed: the invitation was accepted")
	assert.Nil(t, items(wl(`{"status":"pending","limit":1}`))[0]["invitation"])
	assert.Equal(t, []string{"curious.cat@example.net", "spam.bot@example.net"}, emails(wl(`{"query":"EXAMPLE.NET"}`)))
	assert.Equal(t, []string{"beta.tester@example.com", "curious.cat@example.net"}, emails(wl(`{"order_by":"email_address","limit":2}`)))
	assert.Equal(t, []string{"early.bird@example.com"}, emails(wl(`{"order_by":"email_address","limit":1,"offset":2}`)))
	assert.Equal(t, []string{"sophie.wilson@example.org", "beta.tester@example.com"}, emails(wl(`{"order_by":"invited_at","limit":2}`)), "never invited last")
	e.fails("list_waitlist_entries", args(t, `{"status":"waiting"}`), 422, "form_param_value_invalid")
	e.fails("list_waitlist_entries", args(t, `{"order_by":"name"}`), 422, "form_param_format_invalid")

	// Creating is idempotent per email address.
	w := e.ok("create_waitlist_entry", args(t, `{"email_address":"newcomer@example.com"}`))
	assert.Equal(t, "pending", str(w, "status"))
	assert.True(t, strings.HasPrefix(str(w, "id"), "wle_"))
	again := e.ok("create_waitlist_entry", args(t, `{"email_address":"NEWCOMER@example.com","notify":false}`))
	assert.Equal(t, w, again, "the existing entry, unchanged")
	assert.EqualValues(t, 7, count(wl(`{}`)))
	assert.Equal(t, []string{str(w, "id")}, ids(wl(`{"query":"`+str(w, "id")+`"}`)), "query matches an ID")
	e.fails("create_waitlist_entry", args(t, `{"email_address":"nope"}`), 422, "form_param_format_invalid")
	e.fails("create_waitlist_entry", args(t, `{}`), 422, "form_param_missing")

	bulk := e.ok("create_waitlist_entries_bulk", args(t, `{"waitlist_entries":[{"email_address":"b1@example.com"},{"email_address":"newcomer@example.com"},{"email_address":"b2@example.com","notify":false}]}`))
	require.Len(t, items(bulk), 3)
	assert.Equal(t, str(w, "id"), str(items(bulk)[1], "id"), "an email already listed gets its entry back")
	assert.EqualValues(t, 9, count(wl(`{}`)))
	e.fails("create_waitlist_entries_bulk", args(t, `{"waitlist_entries":[{"email_address":"d@example.com"},{"email_address":"D@example.com"}]}`), 422, "form_param_format_invalid")
	many := make([]map[string]string, 51)
	for i := range many {
		many[i] = map[string]string{"email_address": fmt.Sprintf("m%d@example.com", i)}
	}
	e.fails("create_waitlist_entries_bulk", argsOf(t, map[string]any{"waitlist_entries": many}), 422, "form_param_format_invalid")
	assert.EqualValues(t, 9, count(wl(`{}`)), "a refused bulk request adds nothing")

	// Inviting creates a sign-up invitation.
	inv := e.ok("invite_waitlist_entry", args(t, `{"waitlist_entry_id":"`+str(w, "id")+`"}`))
	assert.Equal(t, "invited", str(inv, "status"))
	invitation := inv["invitation"].(map[string]any)
	assert.Equal(t, "pending", invitation["status"])
	assert.Equal(t, "newcomer@example.com", invitation["email_address"])
	assert.Contains(t, ids(e.ok("list_invitations", args(t, `{"query":"newcomer"}`))), str(invitation, "id"))
	e.fails("invite_waitlist_entry", args(t, `{"waitlist_entry_id":"`+str(w, "id")+`"}`), 400, "waitlist_entry_already_invited")
	// Once the invitation is revoked, the entry can be invited again.
	e.ok("revoke_invitation", args(t, `{"invitation_id":"`+str(invitation, "id")+`"}`))
	inv = e.ok("invite_waitlist_entry", args(t, `{"waitlist_entry_id":"`+str(w, "id")+`"}`))
	assert.NotEqual(t, str(invitation, "id"), str(inv["invitation"].(map[string]any), "id"))

	// An email that has a user or a pending invitation needs ignore_existing.
	taken := e.ok("create_waitlist_entry", args(t, `{"email_address":"grace@globex.example.com"}`))
	e.fails("invite_waitlist_entry", args(t, `{"waitlist_entry_id":"`+str(taken, "id")+`"}`), 422, "form_identifier_exists")
	e.ok("invite_waitlist_entry", args(t, `{"waitlist_entry_id":"`+str(taken, "id")+`","ignore_existing":true}`))
	e.ok("create_invitation", args(t, `{"email_address":"b1@example.com"}`))
	e.fails("invite_waitlist_entry", args(t, `{"waitlist_entry_id":"`+str(items(bulk)[0], "id")+`"}`), 400, "duplicate_record")
	e.ok("invite_waitlist_entry", args(t, `{"waitlist_entry_id":"`+str(items(bulk)[0], "id")+`","ignore_existing":true}`))

	// Rejecting an invited entry revokes its invitation; rejected entries
	// can still be invited.
	rej := e.ok("reject_waitlist_entry", args(t, `{"waitlist_entry_id":"`+str(w, "id")+`"}`))
	assert.Equal(t, "rejected", str(rej, "status"))
	assert.Equal(t, "revoked", rej["invitation"].(map[string]any)["status"])
	e.fails("reject_waitlist_entry", args(t, `{"waitlist_entry_id":"`+str(w, "id")+`"}`), 400, "waitlist_entry_already_rejected")
	e.fails("reject_waitlist_entry", args(t, `{"waitlist_entry_id":"`+str(completed, "id")+`"}`), 400, "waitlist_entry_already_completed")
	e.fails("invite_waitlist_entry", args(t, `{"waitlist_entry_id":"`+str(completed, "id")+`"}`), 400, "waitlist_entry_already_completed")
	assert.Equal(t, "invited", str(e.ok("invite_waitlist_entry", args(t, `{"waitlist_entry_id":"`+str(w, "id")+`"}`)), "status"))

	// Only pending entries can be deleted.
	e.fails("delete_waitlist_entry", args(t, `{"waitlist_entry_id":"`+str(w, "id")+`"}`), 400, "waitlist_entry_not_pending")
	pending := items(wl(`{"status":"pending","query":"b2@"}`))[0]
	d := e.ok("delete_waitlist_entry", args(t, `{"waitlist_entry_id":"`+str(pending, "id")+`"}`))
	assert.Equal(t, map[string]any{"object": "waitlist_entry", "id": str(pending, "id"), "deleted": true}, d)
	assert.Zero(t, count(wl(`{"query":"b2@"}`)))
	for _, name := range []string{"delete_waitlist_entry", "invite_waitlist_entry", "reject_waitlist_entry"} {
		e.fails(name, args(t, `{"waitlist_entry_id":"wle_nope"}`), 404, "resource_not_found")
	}
}

func TestOrganizationPermissions(t *testing.T) {
	e := newEnv(t)
	res := e.ok("list_organization_permissions", args(t, `{"limit":500}`))
	assert.EqualValues(t, 8, count(res))
	keys := func(m map[string]any) []string {
		var out []string
		for _, it := range items(m) {
			out = append(out, str(it, "key"))
		}
		return out
	}
	sorted := keys(e.ok("list_organization_permissions", args(t, `{"order_by":"key"}`)))
	assert.True(t, slices.IsSorted(sorted), "%v", sorted)
	assert.Equal(t, []string{"org:sys_domains:read", "org:sys_domains:manage"}, keys(e.ok("list_organization_permissions", args(t, `{"query":"DOMAINS","order_by":"-key"}`))))
	assert.Equal(t, []string{"org:sys_memberships:read"}, keys(e.ok("list_organization_permissions", args(t, `{"query":"perm_memberships_read"}`))), "exact ID")
	assert.Len(t, items(e.ok("list_organization_permissions", args(t, `{"limit":2,"offset":7}`))), 1)
	e.fails("list_organization_permissions", args(t, `{"order_by":"type"}`), 422, "form_param_format_invalid")
	e.fails("get_organization_permission", args(t, `{"permission_id":"perm_nope"}`), 404, "resource_not_found")

	// Every permission a role carries is one of them, the same object.
	roles := e.ok("list_organization_roles", args(t, `{}`))
	n := 0
	for _, r := range items(roles) {
		for _, p := range r["permissions"].([]any) {
			pm := p.(map[string]any)
			assert.Equal(t, pm, e.ok("get_organization_permission", args(t, `{"permission_id":"`+str(pm, "id")+`"}`)))
			n++
		}
	}
	assert.Equal(t, 9, n, "admin carries all 8, member carries read")
}

// The new seed data is as deterministic as the rest.
func TestMoreSeedIsDeterministic(t *testing.T) {
	dump := func(s *Sandbox) string {
		c := clerkapi.New(s.Config())
		var sb strings.Builder
		for _, name := range []string{"list_waitlist_entries", "list_all_organization_domains", "list_organization_permissions"} {
			resp, err := c.Do(context.Background(), op(t, name), clerkapi.Args{"limit": json.RawMessage("500")})
			require.NoError(t, err)
			sb.Write(resp.Body)
		}
		return sb.String()
	}
	assert.Equal(t, dump(testSandbox()), dump(testSandbox()))
}
