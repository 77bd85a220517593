package sandbox

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// billingHandlers are the handlers of the operations in clerkapi/billing.go.
var billingHandlers = map[string]handlerFunc{
	"list_billing_plans":                          (*Sandbox).listPlans,
	"list_billing_prices":                         (*Sandbox).listPrices,
	"create_billing_price":                        (*Sandbox).createPrice,
	"list_billing_subscription_items":             (*Sandbox).listSubItems,
	"cancel_billing_subscription_item":            (*Sandbox).cancelSubItem,
	"extend_billing_subscription_item_free_trial": (*Sandbox).extendTrial,
	"create_billing_price_transition":             (*Sandbox).priceTransition,
	"apply_billing_subscription_item_discount":    (*Sandbox).applyDiscount,
	"remove_billing_subscription_item_discount":   (*Sandbox).removeDiscount,
	"list_billing_statements":                     (*Sandbox).listStatements,
	"get_billing_statement":                       (*Sandbox).getStatement,
	"list_billing_statement_payment_attempts":     (*Sandbox).listPaymentAttempts,
}

func (s *Sandbox) listPlans(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	pt, err := checkPayerType(c)
	if err != nil {
		return nil, err
	}
	out := []clerkapi.CommercePlan{}
	for _, p := range s.billing().plans {
		if pt == "" || p.ForPayerType == pt {
			out = append(out, *p)
		}
	}
	return list(out, limit, offset), nil
}

func (s *Sandbox) listPrices(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	planID, _ := c.str("plan_id")
	if planID != "" && s.findPlan(planID) == nil {
		return nil, errNotFound("plan", planID)
	}
	out := []clerkapi.BillingPriceResponse{}
	for _, p := range s.billing().prices.all() {
		if planID == "" || p.PlanID == s.findPlan(planID).ID {
			out = append(out, *p)
		}
	}
	return list(out, limit, offset), nil
}

// createPrice adds a custom (non-default) price to a paid plan, in USD.
func (s *Sandbox) createPrice(c *call) (any, error) {
	var req clerkapi.CreateBillingPriceRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("plan_id", req.PlanID); err != nil {
		return nil, err
	}
	plan := s.findPlan(req.PlanID)
	if plan == nil {
		return nil, errNotFound("plan", req.PlanID)
	}
	if _, sent := c.raw["amount"]; !sent {
		return nil, errParamMissing("amount")
	}
	if req.Amount < 0 {
		return nil, errParamInvalid("amount", "amount is in cents and must be 0 or more.")
	}
	if req.Currency != nil && !strings.EqualFold(*req.Currency, "USD") {
		return nil, errParamInvalid("currency", "The sandbox's billing account charges in USD only.")
	}
	periods := "month"
	if req.SupportedBillingPeriods != nil {
		if !slices.Contains([]string{"month", "annual", "both"}, *req.SupportedBillingPeriods) {
			return nil, errParamInvalid("supported_billing_periods", "supported_billing_periods must be month, annual or both.")
		}
		periods = *req.SupportedBillingPeriods
	}
	var annual int64
	if req.AnnualMonthlyAmount != nil {
		if *req.AnnualMonthlyAmount < 0 {
			return nil, errParamInvalid("annual_monthly_amount", "annual_monthly_amount is in cents and must be 0 or more.")
		}
		annual = *req.AnnualMonthlyAmount
	} else if periods != "month" {
		return nil, errParamMissing("annual_monthly_amount")
	}
	return *s.addPrice(plan, req.Amount, annual, req.Description, periods, false, s.tick()), nil
}

var itemStatuses = []string{"active", "ended", "past_due", "upcoming", "free_trial"}

func (s *Sandbox) listSubItems(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	pt, err := checkPayerType(c)
	if err != nil {
		return nil, err
	}
	status, _ := c.str("status")
	if status != "" && !slices.Contains(itemStatuses, status) {
		return nil, errParamInvalid("status", "status must be one of "+strings.Join(itemStatuses, ", ")+".")
	}
	planID, _ := c.str("plan_id")
	free, err := c.boolParam("include_free")
	if err != nil {
		return nil, err
	}
	q, _ := c.str("query")
	q = strings.ToLower(q)
	s.ensurePayers()
	out := []clerkapi.CommerceSubscriptionItem{}
	for _, it := range slices.Backward(s.billing().items.all()) {
		v := s.itemView(it)
		plan := v.Plan
		switch {
		case pt != "" && plan.ForPayerType != pt,
			planID != "" && plan.ID != planID && plan.Slug != planID,
			(free == nil || !*free) && !plan.HasBaseFee,
			status == "free_trial" && !it.freeTrial,
			status != "" && status != "free_trial" && it.status != status:
			continue
		}
		if q != "" {
			hay, _ := json.Marshal(v.Payer)
			if !strings.Contains(strings.ToLower(string(hay)), q) {
				continue
			}
		}
		out = append(out, v)
	}
	return list(out, limit, offset), nil
}

// ensurePayers subscribes every user and organization without a payer to
// its free plan, as Clerk does when billing is on.
func (s *Sandbox) ensurePayers() {
	for _, u := range s.users.all() {
		s.payerOf(u.ID, false)
	}
	for _, o := range s.orgs.all() {
		s.payerOf(o.ID, true)
	}
}

func (s *Sandbox) findItem(c *call) (*subItem, error) {
	s.billing()
	s.ensurePayers()
	return s.bill.items.find("subscription item", c.path["subscription_item_id"])
}

func (s *Sandbox) cancelSubItem(c *call) (any, error) {
	it, err := s.findItem(c)
	if err != nil {
		return nil, err
	}
	endNow, err := c.boolParam("end_now")
	if err != nil {
		return nil, err
	}
	if it.status == "ended" || it.status == "canceled" || it.canceledAt != nil && (endNow == nil || !*endNow) {
		return nil, errBadRequest("subscription_item_already_canceled", "subscription item already canceled",
			"Subscription item "+it.id+" is already "+map[bool]string{true: "canceled", false: it.status}[it.canceledAt != nil]+".")
	}
	now := s.tick()
	it.canceledAt, it.updatedAt = &now, now
	if endNow != nil && *endNow {
		it.status, it.endedAt, it.periodEnd = "ended", &now, &now
	}
	return s.itemView(it), nil
}

func (s *Sandbox) extendTrial(c *call) (any, error) {
	var req clerkapi.ExtendBillingSubscriptionItemFreeTrialRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	it, err := s.findItem(c)
	if err != nil {
		return nil, err
	}
	if err := requireString("extend_to", req.ExtendTo); err != nil {
		return nil, err
	}
	to, err := parseTime("extend_to", &req.ExtendTo)
	if err != nil {
		return nil, err
	}
	if !it.freeTrial || it.status != "active" {
		return nil, errBadRequest("subscription_item_not_in_free_trial", "not in a free trial", "Subscription item "+it.id+" is not in an active free trial.")
	}
	if it.periodEnd != nil && to <= *it.periodEnd {
		return nil, errParamInvalid("extend_to", "extend_to must be after the trial's current end.")
	}
	if to > s.now+365*day {
		return nil, errParamInvalid("extend_to", "extend_to must be within a year from now.")
	}
	now := s.tick()
	it.periodEnd, it.updatedAt = &to, now
	return s.item2View(it), nil
}

// priceTransition moves an item to another price of a plan of the same
// payer type, at once and without a charge (simplified).
func (s *Sandbox) priceTransition(c *call) (any, error) {
	var req clerkapi.CreateBillingPriceTransitionRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	it, err := s.findItem(c)
	if err != nil {
		return nil, err
	}
	if err := requireString("from_price_id", req.FromPriceID); err != nil {
		return nil, err
	}
	if err := requireString("to_price_id", req.ToPriceID); err != nil {
		return nil, err
	}
	if req.FromPriceID != it.priceID {
		return nil, errParamInvalid("from_price_id", "from_price_id must be the item's current price, "+it.priceID+".")
	}
	b := s.billing()
	to, ok := b.prices.get(req.ToPriceID)
	if !ok {
		return nil, errParamInvalid("to_price_id", "to_price_id "+req.ToPriceID+" is not a price of this instance.")
	}
	if to.ID == it.priceID {
		return nil, errParamInvalid("to_price_id", "to_price_id is already the item's price.")
	}
	oldPlan, newPlan := s.findPlan(it.planID), s.findPlan(to.PlanID)
	if oldPlan.ForPayerType != newPlan.ForPayerType {
		return nil, errParamInvalid("to_price_id", "to_price_id belongs to a plan for "+newPlan.ForPayerType+" payers; the item's payer is a "+oldPlan.ForPayerType+".")
	}
	if it.status != "active" {
		return nil, errBadRequest("subscription_item_not_active", "subscription item not active", "Only active subscription items change price.")
	}
	oldPrice, _ := b.prices.get(it.priceID)
	now := s.tick()
	it.priceID, it.planID, it.updatedAt, it.canceledAt = to.ID, to.PlanID, now, nil
	if it.periodEnd == nil {
		it.periodEnd = ptr(now + 30*day)
	}
	return clerkapi.CommercePriceTransitionResponse{Object: "commerce_price_transition", SubscriptionItem: s.item2View(it),
		Transition: clerkapi.CommercePriceTransitionDetails{PreviousPlan: *s.plan2View(oldPlan), PreviousPrice: *oldPrice, EffectiveAt: now,
			EffectiveMode: "immediate", NextBillingDate: it.periodEnd, PreviousSubscriptionItemStatus: "ended", PreviousSubscriptionItemID: it.id}}, nil
}

func (s *Sandbox) applyDiscount(c *call) (any, error) {
	var req clerkapi.ApplyBillingSubscriptionItemDiscountRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	it, err := s.findItem(c)
	if err != nil {
		return nil, err
	}
	if err := requireString("discount_id", req.DiscountID); err != nil {
		return nil, err
	}
	if req.DiscountID != SeedDiscountID {
		return nil, errNotFound("discount", req.DiscountID)
	}
	now := s.tick()
	b := s.billing()
	if old := b.redemptions[it.id]; old != nil {
		old.Status = "removed"
	}
	r := &clerkapi.CommerceDiscountRedemptionResponse{Object: "commerce_discount_redemption", ID: s.newID("cdr"), SubscriptionItemID: it.id,
		DiscountID: SeedDiscountID, Name: "20% off", Source: "manual", PromoCode: "SANDBOX20", Effect: "percentage", PercentOff: ptr(20.0),
		CyclesRemaining: ptr(int64(3)), Status: "active", RedeemedAt: now}
	b.redemptions[it.id] = r
	it.updatedAt = now
	return *r, nil
}

func (s *Sandbox) removeDiscount(c *call) (any, error) {
	it, err := s.findItem(c)
	if err != nil {
		return nil, err
	}
	b := s.billing()
	r := b.redemptions[it.id]
	if r == nil || r.DiscountID != c.path["discount_id"] {
		return nil, errNotFound("active discount", c.path["discount_id"])
	}
	now := s.tick()
	delete(b.redemptions, it.id)
	r.Status = "removed"
	it.updatedAt = now
	return *r, nil
}

func (s *Sandbox) listStatements(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	out := []clerkapi.BillingStatement{}
	for _, st := range slices.Backward(s.billing().statements.all()) {
		out = append(out, *st)
	}
	return list(out, limit, offset), nil
}

func (s *Sandbox) getStatement(c *call) (any, error) {
	st, err := s.billing().statements.find("statement", c.path["statementID"])
	if err != nil {
		return nil, err
	}
	return *st, nil
}

func (s *Sandbox) listPaymentAttempts(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	st, err := s.billing().statements.find("statement", c.path["statementID"])
	if err != nil {
		return nil, err
	}
	out := []clerkapi.BillingPaymentAttempt{}
	for _, pa := range s.bill.attempts {
		if pa.StatementID == st.ID {
			out = append(out, *pa)
		}
	}
	return list(out, limit, offset), nil
}

// billingOwner finds the user or organization the path names.
func (s *Sandbox) billingOwner(c *call, org bool) (string, error) {
	if org {
		o, err := s.findOrg(c.path["organization_id"])
		if err != nil {
			return "", err
		}
		return o.ID, nil
	}
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return "", err
	}
	return u.ID, nil
}

func (s *Sandbox) getBillingSubscription(c *call, org bool) (any, error) {
	owner, err := s.billingOwner(c, org)
	if err != nil {
		return nil, err
	}
	py := s.payerOf(owner, org)
	sub := clerkapi.CommerceSubscription{Object: "commerce_subscription", ID: py.subID, InstanceID: s.instanceID, Status: "ended", PayerID: py.id,
		CreatedAt: py.createdAt, UpdatedAt: py.createdAt, SubscriptionItems: []clerkapi.CommerceSubscriptionItem{},
		NextPayment: clerkapi.CommerceSubscriptionNextPayment{Amount: money(0), PerUnitTotals: []clerkapi.CommercePerUnitTotal{}}}
	for _, it := range s.billing().items.all() {
		if it.payerID != py.id || it.status == "ended" {
			continue
		}
		v := s.itemView(it)
		sub.SubscriptionItems = append(sub.SubscriptionItems, v)
		sub.Status = "active"
		sub.ActiveAt = &it.createdAt
		sub.UpdatedAt = max(sub.UpdatedAt, it.updatedAt)
		if v.NextPayment != nil {
			sub.NextPayment.Date, sub.NextPayment.Amount = *v.NextPayment.Date, *v.NextPayment.Amount
		}
		if !it.freeTrial && s.findPlan(it.planID).HasBaseFee {
			sub.EligibleForFreeTrial = false
		}
	}
	return sub, nil
}

func (s *Sandbox) getCreditBalance(c *call, org bool) (any, error) {
	owner, err := s.billingOwner(c, org)
	if err != nil {
		return nil, err
	}
	py := s.payerOf(owner, org)
	return clerkapi.CommerceCreditBalanceResponse{Object: "commerce_credit_balance", Balance: ptr(money(py.credits))}, nil
}

// adjustCredits changes a payer's credit balance in cents. A repeated
// idempotency key answers the first adjustment again without applying it;
// a decrease below zero is refused.
func (s *Sandbox) adjustCredits(c *call, org bool) (any, error) {
	var req clerkapi.AdjustUserBillingCreditBalanceRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	owner, err := s.billingOwner(c, org)
	if err != nil {
		return nil, err
	}
	if _, sent := c.raw["amount"]; !sent {
		return nil, errParamMissing("amount")
	}
	if req.Amount < 1 {
		return nil, errParamInvalid("amount", "amount is a whole number of cents, at least 1.")
	}
	if req.Action != "increase" && req.Action != "decrease" {
		return nil, errParamInvalid("action", `action must be "increase" or "decrease".`)
	}
	if req.Currency != nil && !strings.EqualFold(*req.Currency, "USD") {
		return nil, errParamInvalid("currency", "The sandbox's billing account uses USD only.")
	}
	if err := requireString("idempotency_key", req.IdempotencyKey); err != nil {
		return nil, err
	}
	py := s.payerOf(owner, org)
	b := s.billing()
	if prev := b.ledger[py.id+"\x00"+req.IdempotencyKey]; prev != nil {
		return *prev, nil
	}
	delta := req.Amount
	if req.Action == "decrease" {
		if py.credits < req.Amount {
			return nil, errParamInvalid("amount", fmt.Sprintf("The payer has %s in credits; a decrease of %s would go below zero.", money(py.credits).AmountFormatted, money(req.Amount).AmountFormatted))
		}
		delta = -delta
	}
	now := s.tick()
	py.credits += delta
	e := &clerkapi.CommerceCreditLedgerResponse{Object: "commerce_credit_ledger", ID: s.newID("ccl"), PayerID: py.id, Amount: money(delta),
		SourceType: "grant", SourceID: req.IdempotencyKey, Note: req.Note, CreatedAt: time.UnixMilli(now).UTC().Format(time.RFC3339)}
	b.ledger[py.id+"\x00"+req.IdempotencyKey] = e
	return *e, nil
}
