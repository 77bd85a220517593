package sandbox

import (
	"strings"
	"testing"
)

// adaItem is the ID of ada's Pro subscription item.
func adaItem(e *env) string {
	sub := e.ok("get_user_billing_subscription", args(e.t, `{"user_id":"`+e.userID("ada")+`"}`))
	for _, raw := range sub["subscription_items"].([]any) {
		it := raw.(map[string]any)
		if str(it, "plan_id") == "cplan_pro" {
			return str(it, "id")
		}
	}
	e.t.Fatal("ada has no Pro item")
	return ""
}

func init() {
	schemaCases = append(schemaCases,
		schemaCase{"list_billing_plans", fixed(`{"payer_type":"user"}`)},
		schemaCase{"list_billing_prices", fixed(`{"plan_id":"cplan_pro"}`)},
		schemaCase{"create_billing_price", fixed(`{"plan_id":"cplan_pro","amount":1500,"annual_monthly_amount":1200,"supported_billing_periods":"both","description":"Launch price"}`)},
		schemaCase{"get_user_billing_subscription", func(e *env, _ map[string]map[string]any) string { return `{"user_id":"` + e.userID("ada") + `"}` }},
		schemaCase{"get_organization_billing_subscription", func(e *env, _ map[string]map[string]any) string {
			return `{"organization_id":"` + e.orgID("acme-corp") + `"}`
		}},
		schemaCase{"list_billing_subscription_items", fixed(`{"include_free":true,"limit":50}`)},
		schemaCase{"apply_billing_subscription_item_discount", func(e *env, _ map[string]map[string]any) string {
			return `{"subscription_item_id":"` + adaItem(e) + `","discount_id":"` + SeedDiscountID + `"}`
		}},
		schemaCase{"remove_billing_subscription_item_discount", func(e *env, _ map[string]map[string]any) string {
			return `{"subscription_item_id":"` + adaItem(e) + `","discount_id":"` + SeedDiscountID + `"}`
		}},
		schemaCase{"create_billing_price_transition", func(e *env, got map[string]map[string]any) string {
			return `{"subscription_item_id":"` + adaItem(e) + `","from_price_id":"cprice_pro","to_price_id":"` + str(got["create_billing_price"], "id") + `"}`
		}},
		schemaCase{"extend_billing_subscription_item_free_trial", func(e *env, _ map[string]map[string]any) string {
			id := adaItem(e)
			e.s.mu.Lock()
			e.s.bill.items.byID[id].freeTrial = true // the seed has no trial: start one
			e.s.mu.Unlock()
			return `{"subscription_item_id":"` + id + `","extend_to":"2026-07-01T00:00:00Z"}`
		}},
		schemaCase{"cancel_billing_subscription_item", func(e *env, _ map[string]map[string]any) string {
			return `{"subscription_item_id":"` + adaItem(e) + `"}`
		}},
		schemaCase{"list_billing_statements", fixed(`{}`)},
		schemaCase{"get_billing_statement", func(e *env, got map[string]map[string]any) string {
			return `{"statementID":"` + str(items(got["list_billing_statements"])[0], "id") + `"}`
		}},
		schemaCase{"list_billing_statement_payment_attempts", func(e *env, got map[string]map[string]any) string {
			return `{"statementID":"` + str(items(got["list_billing_statements"])[0], "id") + `"}`
		}},
		schemaCase{"get_user_billing_credit_balance", func(e *env, _ map[string]map[string]any) string { return `{"user_id":"` + e.userID("ada") + `"}` }},
		schemaCase{"adjust_user_billing_credit_balance", func(e *env, _ map[string]map[string]any) string {
			return `{"user_id":"` + e.userID("ada") + `","amount":250,"action":"increase","idempotency_key":"k1","note":"goodwill"}`
		}},
		schemaCase{"get_organization_billing_credit_balance", func(e *env, _ map[string]map[string]any) string {
			return `{"organization_id":"` + e.orgID("acme-corp") + `"}`
		}},
		schemaCase{"adjust_organization_billing_credit_balance", func(e *env, _ map[string]map[string]any) string {
			return `{"organization_id":"` + e.orgID("acme-corp") + `","amount":1000,"action":"increase","idempotency_key":"org-k1"}`
		}},
	)
}

func TestBillingBehaviour(t *testing.T) {
	e := newEnv(t)
	// The seed is lazy: a sandbox nobody asks about billing builds none.
	if e.s.bill != nil {
		t.Fatal("billing seed built before use")
	}
	ada := e.userID("ada")
	if n := count(e.ok("list_billing_plans", args(t, `{}`))); n != 4 {
		t.Errorf("%d plans, want 4", n)
	}
	if n := count(e.ok("list_billing_subscription_items", args(t, `{}`))); n != 1 {
		t.Errorf("%d paid items, want ada's only (free items need include_free)", n)
	}
	id := adaItem(e)
	// Credits: idempotent by key; a decrease below zero is refused by name.
	bal := func() string {
		return str(e.ok("get_user_billing_credit_balance", args(t, `{"user_id":"`+ada+`"}`))["balance"].(map[string]any), "amount_formatted")
	}
	if got := bal(); got != "5.00" {
		t.Errorf("seed balance %s", got)
	}
	e.ok("adjust_user_billing_credit_balance", args(t, `{"user_id":"`+ada+`","amount":100,"action":"increase","idempotency_key":"a"}`))
	e.ok("adjust_user_billing_credit_balance", args(t, `{"user_id":"`+ada+`","amount":100,"action":"increase","idempotency_key":"a"}`))
	if got := bal(); got != "6.00" {
		t.Errorf("after a repeated key the balance is %s, want 6.00", got)
	}
	if ae := e.fails("adjust_user_billing_credit_balance", args(t, `{"user_id":"`+ada+`","amount":601,"action":"decrease","idempotency_key":"b"}`), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "amount") {
		t.Errorf("%v", ae)
	}
	for _, tc := range []struct{ args, field string }{
		{`{"user_id":"` + ada + `","amount":1.5,"action":"increase","idempotency_key":"c"}`, "amount"},
		{`{"user_id":"` + ada + `","amount":"100","action":"increase","idempotency_key":"c"}`, "amount"},
		{`{"user_id":"` + ada + `","amount":100,"action":"add","idempotency_key":"c"}`, "action"},
		{`{"user_id":"` + ada + `","amount":100,"action":"increase","idempotency_key":"c","currency":"EUR"}`, "currency"},
	} {
		if _, ae := e.do("adjust_user_billing_credit_balance", args(t, tc.args)); ae == nil || !strings.Contains(ae.Error(), tc.field) {
			t.Errorf("adjust %s: %v, want an error naming %s", tc.args, ae, tc.field)
		}
	}
	if got := bal(); got != "6.00" {
		t.Errorf("refused adjustments changed the balance to %s", got)
	}
	// Discounts change the next payment; removal restores it.
	next := func() string {
		for _, it := range items(e.ok("list_billing_subscription_items", args(t, `{}`))) {
			if str(it, "id") == id {
				return str(it["next_payment"].(map[string]any)["amount"].(map[string]any), "amount_formatted")
			}
		}
		return ""
	}
	e.ok("apply_billing_subscription_item_discount", args(t, `{"subscription_item_id":"`+id+`","discount_id":"`+SeedDiscountID+`"}`))
	if got := next(); got != "16.00" {
		t.Errorf("discounted next payment %s, want 16.00", got)
	}
	e.fails("apply_billing_subscription_item_discount", args(t, `{"subscription_item_id":"`+id+`","discount_id":"disc_nope"}`), 404, "resource_not_found")
	e.ok("remove_billing_subscription_item_discount", args(t, `{"subscription_item_id":"`+id+`","discount_id":"`+SeedDiscountID+`"}`))
	e.fails("remove_billing_subscription_item_discount", args(t, `{"subscription_item_id":"`+id+`","discount_id":"`+SeedDiscountID+`"}`), 404, "resource_not_found")
	// Price transitions: from must be current; to must suit the payer.
	e.fails("create_billing_price_transition", args(t, `{"subscription_item_id":"`+id+`","from_price_id":"cprice_free_user","to_price_id":"cprice_pro"}`), 422, "form_param_format_invalid")
	if ae := e.fails("create_billing_price_transition", args(t, `{"subscription_item_id":"`+id+`","from_price_id":"cprice_pro","to_price_id":"cprice_team"}`), 422, "form_param_format_invalid"); !strings.Contains(ae.Error(), "to_price_id") {
		t.Errorf("%v", ae)
	}
	e.fails("extend_billing_subscription_item_free_trial", args(t, `{"subscription_item_id":"`+id+`","extend_to":"2026-07-01T00:00:00Z"}`), 400, "subscription_item_not_in_free_trial")
	// Cancelling: at period end keeps it active; end_now ends it.
	c := e.ok("cancel_billing_subscription_item", args(t, `{"subscription_item_id":"`+id+`"}`))
	if str(c, "status") != "active" || c["canceled_at"] == nil || c["next_payment"] != nil {
		t.Errorf("cancel at period end: %v", c)
	}
	e.fails("cancel_billing_subscription_item", args(t, `{"subscription_item_id":"`+id+`"}`), 400, "subscription_item_already_canceled")
	c = e.ok("cancel_billing_subscription_item", args(t, `{"subscription_item_id":"`+id+`","end_now":true}`))
	if str(c, "status") != "ended" || c["ended_at"] == nil {
		t.Errorf("cancel now: %v", c)
	}
	// Prices: custom prices in USD, annual amount needed for annual billing.
	e.fails("create_billing_price", args(t, `{"plan_id":"cplan_pro","amount":100,"supported_billing_periods":"annual"}`), 422, "form_param_missing")
	e.fails("create_billing_price", args(t, `{"plan_id":"cplan_pro","amount":100,"currency":"EUR"}`), 422, "form_param_format_invalid")
	e.fails("create_billing_price", args(t, `{"plan_id":"cplan_nope","amount":100}`), 404, "resource_not_found")
	if n := count(e.ok("list_billing_prices", args(t, `{"plan_id":"cplan_pro"}`))); n != 1 {
		t.Errorf("refused prices stored: %d", n)
	}
	// A user made later gets the free plan when first read.
	u := e.ok("create_user", args(t, `{"email_address":["late@example.com"],"password":"correct-horse-battery"}`))
	sub := e.ok("get_user_billing_subscription", args(t, `{"user_id":"`+str(u, "id")+`"}`))
	if its := sub["subscription_items"].([]any); len(its) != 1 || str(its[0].(map[string]any), "plan_id") != "cplan_free_user" {
		t.Errorf("new user's subscription %v", sub)
	}
}
