package sandbox

import (
	"strings"
	"testing"
)

func init() {
	schemaCases = append(schemaCases,
		schemaCase{"list_templates", fixed(`{"template_type":"email","limit":3}`)},
		schemaCase{"get_template", fixed(`{"template_type":"sms","slug":"verification_code"}`)},
		schemaCase{"upsert_template", fixed(`{"template_type":"email","slug":"verification_code","subject":"Code: {{otp_code}}","body":"<p>{{otp_code}}</p>","from_email_name":"auth"}`)},
		schemaCase{"preview_template", fixed(`{"template_type":"email","slug":"verification_code","body":"<b>{{otp_code}}</b>"}`)},
		schemaCase{"revert_template", fixed(`{"template_type":"email","slug":"verification_code"}`)},
		schemaCase{"toggle_template_delivery", fixed(`{"template_type":"email","slug":"password_changed","delivered_by_clerk":false}`)},
	)
}

func TestMessageTemplates(t *testing.T) {
	e := newEnv(t)
	l := e.ok("list_templates", args(t, `{"template_type":"sms"}`))
	if count(l) != 3 || str(items(l)[0], "slug") != "verification_code" {
		t.Fatalf("list_templates sms: %v", l)
	}
	e.fails("get_template", args(t, `{"template_type":"email","slug":"nope"}`), 404, "resource_not_found")

	// A body without the required variable, a subject on an SMS template
	// and a from name that is not a local part are refused by name.
	for _, c := range []struct{ args, field string }{
		{`{"template_type":"email","slug":"verification_code","body":"no code here"}`, "body"},
		{`{"template_type":"sms","slug":"verification_code","subject":"x"}`, "subject"},
		{`{"template_type":"email","slug":"invitation","from_email_name":"a@b"}`, "from_email_name"},
	} {
		_, ae := e.do("upsert_template", args(t, c.args))
		if ae == nil || ae.Status != 422 || !strings.Contains(ae.Error(), c.field) {
			t.Errorf("upsert_template %s: %v, want a 422 naming %s", c.args, ae, c.field)
		}
	}
	e.fails("revert_template", args(t, `{"template_type":"email","slug":"invitation"}`), 400, "template_not_revertable")
	up := e.ok("upsert_template", args(t, `{"template_type":"email","slug":"invitation","name":"Welcome","body":"Join: {{action_url}}"}`))
	if str(up, "resource_type") != "user" || up["can_revert"] != true || str(up, "body") != "Join: {{action_url}}" {
		t.Errorf("upsert_template: %v", up)
	}
	pv := e.ok("preview_template", args(t, `{"template_type":"email","slug":"invitation"}`))
	if !strings.HasPrefix(str(pv, "body"), "Join: https://") || str(pv, "from_email_address") == "" {
		t.Errorf("preview_template: %v", pv)
	}
	rv := e.ok("revert_template", args(t, `{"template_type":"email","slug":"invitation"}`))
	if str(rv, "resource_type") != "system" || str(rv, "name") != "Invitation" {
		t.Errorf("revert_template: %v", rv)
	}

	// Delivery off: a verification code is recorded as not delivered.
	if tg := e.ok("toggle_template_delivery", args(t, `{"template_type":"email","slug":"verification_code"}`)); tg["delivered_by_clerk"] != false {
		t.Errorf("toggle_template_delivery without a value must flip it: %v", tg)
	}
	e.ok("prepare_email_address_verification", args(t, `{"email_address_id":"`+e.emailID("ada@acme.example.com")+`"}`))
	if out := e.s.Outbox(); len(out) != 1 || out[0].Delivered {
		t.Errorf("outbox: %+v", out)
	}
	if tg := e.ok("toggle_template_delivery", args(t, `{"template_type":"email","slug":"verification_code","delivered_by_clerk":true}`)); tg["delivered_by_clerk"] != true {
		t.Errorf("toggle_template_delivery true: %v", tg)
	}
}
