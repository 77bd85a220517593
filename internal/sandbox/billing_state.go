package sandbox

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// The billing state (plans, payers, subscription items) and its views,
// shared by the billing group and the user and organization billing
// operations.

// SeedDiscountID is the seed's discount: 20% off for three cycles.
const SeedDiscountID = "disc_sandbox_20_off"

type billingState struct {
	plans       []*clerkapi.CommercePlan
	prices      table[clerkapi.BillingPriceResponse]
	payers      map[string]*payer // by user or organization ID
	items       table[subItem]
	statements  table[clerkapi.BillingStatement]
	attempts    []*clerkapi.BillingPaymentAttempt
	redemptions map[string]*clerkapi.CommerceDiscountRedemptionResponse // active one by item ID
	ledger      map[string]*clerkapi.CommerceCreditLedgerResponse       // by payer ID + idempotency key
}

type payer struct {
	id, subID, userID, orgID string
	credits                  int64 // cents
	createdAt                int64
}

type subItem struct {
	id, payerID, planID, priceID, period, status string
	freeTrial                                    bool
	periodStart                                  int64
	periodEnd, canceledAt, endedAt               *int64
	lifetimePaid                                 int64
	createdAt, updatedAt                         int64
}

func money(cents int64) clerkapi.CommerceMoneyResponse {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return clerkapi.CommerceMoneyResponse{Amount: cents, AmountFormatted: fmt.Sprintf("%s%d.%02d", sign, cents/100, cents%100), Currency: "USD", CurrencySymbol: "$"}
}

func (s *Sandbox) billing() *billingState {
	if s.bill != nil {
		return s.bill
	}
	b := &billingState{payers: map[string]*payer{}, redemptions: map[string]*clerkapi.CommerceDiscountRedemptionResponse{}, ledger: map[string]*clerkapi.CommerceCreditLedgerResponse{}}
	s.bill = b
	at := BaseTime.UnixMilli() - 90*day
	feature := func(slug, name string) clerkapi.FeatureResponse {
		return clerkapi.FeatureResponse{Object: "feature", ID: "feat_" + slug, Name: name, Slug: slug}
	}
	for _, p := range []struct {
		slug, name, payerType string
		fee, annualMonthly    int64
		features              []clerkapi.FeatureResponse
	}{
		{"free_user", "Free", "user", 0, 0, []clerkapi.FeatureResponse{feature("basic", "Basic access")}},
		{"pro", "Pro", "user", 2000, 1600, []clerkapi.FeatureResponse{feature("basic", "Basic access"), feature("priority_support", "Priority support")}},
		{"free_org", "Free", "org", 0, 0, []clerkapi.FeatureResponse{feature("basic", "Basic access")}},
		{"team", "Team", "org", 5000, 4000, []clerkapi.FeatureResponse{feature("basic", "Basic access"), feature("sso", "Enterprise SSO")}},
	} {
		plan := &clerkapi.CommercePlan{Object: "commerce_plan", ID: "cplan_" + p.slug, Name: p.name, ProductID: "cprod_" + p.payerType,
			IsDefault: p.fee == 0, IsRecurring: true, PubliclyVisible: true, HasBaseFee: p.fee > 0, ForPayerType: p.payerType, Slug: p.slug,
			Features: p.features, UnitPrices: []clerkapi.CommercePlanUnitPrice{}, FreeTrialEnabled: p.fee > 0}
		if p.fee > 0 {
			plan.Fee, plan.AnnualMonthlyFee, plan.AnnualFee = ptr(money(p.fee)), ptr(money(p.annualMonthly)), ptr(money(p.annualMonthly*12))
			plan.FreeTrialDays = ptr(int64(14))
		}
		b.plans = append(b.plans, plan)
		periods := "both"
		if p.fee == 0 {
			periods = "month"
		}
		s.addPrice(plan, p.fee, p.annualMonthly, nil, periods, true, at)
	}
	if u := s.ownerOf("username", "ada"); u != nil {
		py := s.payerOf(u.ID, false)
		it := b.items.byID[b.items.order[len(b.items.order)-1]]
		pro := b.plans[1]
		it.planID, it.priceID, it.lifetimePaid = pro.ID, "cprice_pro", 2000
		it.periodStart = BaseTime.UnixMilli() - 10*day
		it.periodEnd = ptr(it.periodStart + 30*day)
		py.credits = 500
		paidAt := it.periodStart
		st := &clerkapi.BillingStatement{Object: "commerce_statement", ID: "cstmt_" + s.secretHex("statement")[:24], InstanceID: s.instanceID,
			Timestamp: paidAt, Payer: s.payerView(py), Status: "closed",
			Totals: clerkapi.BillingStatementTotals{GrandTotal: money(2000), Subtotal: money(2000), BaseFee: money(2000), TaxTotal: money(0)}}
		pa := &clerkapi.BillingPaymentAttempt{Object: "commerce_payment", ID: "cpay_" + s.secretHex("payment")[:24], PaymentID: "cpay_" + s.secretHex("payment id")[:24],
			InstanceID: s.instanceID, ChargeType: "recurring", PayeeID: s.instanceID, Payee: map[string]any{"id": s.instanceID, "object": "commerce_payee"},
			PayerID: py.id, Payer: s.payerView(py), SubscriptionItemID: it.id,
			SubscriptionItem: map[string]any{"object": "commerce_subscription_item", "id": it.id, "plan_id": pro.ID, "price_id": it.priceID}, Amount: money(2000), PaymentMethodID: "cpm_" + py.id,
			PaymentMethod: s.paymentMethod(py), StatementID: st.ID, Status: "paid", PaidAt: &paidAt, CreatedAt: paidAt, UpdatedAt: paidAt}
		st.Groups = []clerkapi.BillingStatementGroupsItem{{Object: "commerce_statement_group", Timestamp: paidAt, Items: []clerkapi.BillingPaymentAttempt{*pa}}}
		b.statements.add(st.ID, st)
		b.attempts = append(b.attempts, pa)
	}
	return b
}

func (s *Sandbox) addPrice(plan *clerkapi.CommercePlan, amount, annualMonthly int64, desc *string, periods string, isDefault bool, at int64) *clerkapi.BillingPriceResponse {
	id := "cprice_" + plan.Slug
	if !isDefault {
		id = s.newID("cprice")
	}
	p := &clerkapi.BillingPriceResponse{Object: "commerce_price", ID: id, PlanID: plan.ID, InstanceID: s.instanceID, Currency: "USD", CurrencySymbol: "$",
		Amount: amount, AnnualMonthlyAmount: annualMonthly, Fee: ptr(money(amount)), AnnualMonthlyFee: ptr(money(annualMonthly)),
		Description: desc, IsDefault: isDefault, CreatedAt: at, SupportedBillingPeriods: periods}
	s.bill.prices.add(p.ID, p)
	return p
}

func (s *Sandbox) findPlan(id string) *clerkapi.CommercePlan {
	for _, p := range s.billing().plans {
		if p.ID == id || p.Slug == id {
			return p
		}
	}
	return nil
}

// payerOf is the payer of a user or organization, made on first use and
// subscribed to the free default plan of its type.
func (s *Sandbox) payerOf(ownerID string, org bool) *payer {
	b := s.billing()
	if py, ok := b.payers[ownerID]; ok {
		return py
	}
	at := s.now
	py := &payer{id: "cpayer_" + s.secretHex("payer")[:24], subID: "csub_" + s.secretHex("subscription")[:24], createdAt: at}
	plan := b.plans[0]
	if org {
		py.orgID, plan = ownerID, b.plans[2]
	} else {
		py.userID = ownerID
	}
	b.payers[ownerID] = py
	it := &subItem{id: "csubi_" + s.secretHex("subscription item")[:24], payerID: py.id, planID: plan.ID, priceID: "cprice_" + plan.Slug,
		period: "month", status: "active", periodStart: at, createdAt: at, updatedAt: at}
	b.items.add(it.id, it)
	return py
}

func (s *Sandbox) payerByID(id string) *payer {
	for _, py := range s.billing().payers {
		if py.id == id {
			return py
		}
	}
	return nil
}

func (s *Sandbox) payerView(py *payer) clerkapi.CommercePayerResponse {
	v := clerkapi.CommercePayerResponse{Object: "commerce_payer", ID: py.id, InstanceID: s.instanceID, CreditsBalance: money(py.credits),
		CreatedAt: py.createdAt, UpdatedAt: py.createdAt}
	if u, ok := s.users.get(py.userID); ok {
		uv := s.userView(u)
		v.UserID, v.FirstName, v.LastName, v.ImageURL = ptr(u.ID), uv.FirstName, uv.LastName, uv.ImageURL
		for _, e := range uv.EmailAddresses {
			if uv.PrimaryEmailAddressID != nil && e.ID == *uv.PrimaryEmailAddressID {
				v.Email = ptr(e.EmailAddress)
			}
		}
	}
	if o, ok := s.orgs.get(py.orgID); ok {
		v.OrganizationID, v.OrganizationName, v.ImageURL = ptr(o.ID), ptr(o.Name), o.ImageURL
	}
	return v
}

func (s *Sandbox) paymentMethod(py *payer) clerkapi.CommercePaymentMethodResponse {
	return clerkapi.CommercePaymentMethodResponse{Object: "commerce_payment_method", ID: "cpm_" + py.id, PayerID: py.id, PaymentType: "card",
		IsDefault: true, Gateway: "stripe", GatewayExternalID: "pm_sandbox_" + py.id[len(py.id)-8:], Last4: ptr("4242"), Status: "active",
		CardType: ptr("visa"), ExpiryYear: ptr(int64(2030)), ExpiryMonth: ptr(int64(12)), CreatedAt: py.createdAt, UpdatedAt: py.createdAt, IsRemovable: true}
}

func (s *Sandbox) itemView(it *subItem) clerkapi.CommerceSubscriptionItem {
	b := s.billing()
	py := s.payerByID(it.payerID)
	plan := s.findPlan(it.planID)
	price, _ := b.prices.get(it.priceID)
	v := clerkapi.CommerceSubscriptionItem{Object: "commerce_subscription_item", ID: it.id, InstanceID: s.instanceID, Status: it.status,
		PlanID: ptr(it.planID), PriceID: it.priceID, Plan: plan, PlanPeriod: it.period, PaymentMethod: s.paymentMethod(py),
		LifetimePaid: money(it.lifetimePaid), PayerID: py.id, Payer: s.payerView(py), IsFreeTrial: it.freeTrial, PeriodStart: it.periodStart,
		PeriodEnd: it.periodEnd, ProrationDate: time.UnixMilli(it.periodStart).UTC().Format("2006-01-02"),
		CanceledAt: it.canceledAt, EndedAt: it.endedAt, CreatedAt: it.createdAt, UpdatedAt: it.updatedAt}
	if it.status == "active" && it.canceledAt == nil && price != nil && price.Amount > 0 && it.periodEnd != nil {
		v.NextPayment = &clerkapi.CommerceSubscriptionItemNextPaymentResponse{Amount: ptr(money(s.discounted(it, price.Amount))), Date: it.periodEnd,
			PerUnitTotals: []clerkapi.CommercePerUnitTotal{}}
	}
	return v
}

// discounted applies the item's active discount to an amount.
func (s *Sandbox) discounted(it *subItem, amount int64) int64 {
	if r := s.billing().redemptions[it.id]; r != nil && r.PercentOff != nil {
		return amount - int64(float64(amount)**r.PercentOff/100)
	}
	return amount
}

func (s *Sandbox) item2View(it *subItem) clerkapi.CommerceSubscriptionItem2 {
	v := s.itemView(it)
	b, _ := json.Marshal(v)
	var out clerkapi.CommerceSubscriptionItem2
	_ = json.Unmarshal(b, &out)
	out.Credit, out.Payer, out.Plan, out.PaymentSource, out.NextInvoice, out.Amount = nil, nil, s.plan2View(s.findPlan(it.planID)), nil, nil, nil
	out.PeriodStart = &it.periodStart
	out.LifetimePaid = ptr(money(it.lifetimePaid))
	if out.Status == "canceled" || out.Status == "expired" {
		out.Status = "ended"
	}
	return out
}

func (s *Sandbox) plan2View(p *clerkapi.CommercePlan) *clerkapi.CommercePlan2 {
	if p == nil {
		return nil
	}
	price, _ := s.billing().prices.get("cprice_" + p.Slug)
	v := &clerkapi.CommercePlan2{Object: "commerce_plan", ID: p.ID, Name: p.Name, Fee: p.Fee, AnnualMonthlyFee: p.AnnualMonthlyFee, AnnualFee: p.AnnualFee,
		CurrencySymbol: "$", Currency: "USD", ProductID: p.ProductID, IsDefault: p.IsDefault, IsRecurring: p.IsRecurring,
		PubliclyVisible: p.PubliclyVisible, HasBaseFee: p.HasBaseFee, PayerType: []string{p.ForPayerType}, ForPayerType: p.ForPayerType,
		Slug: p.Slug, Period: "month", Interval: 1, Features: []clerkapi.FeatureResponse2{}, FreeTrialEnabled: p.FreeTrialEnabled, FreeTrialDays: p.FreeTrialDays}
	if price != nil {
		m, am, a := money(price.Amount), money(price.AnnualMonthlyAmount), money(price.AnnualMonthlyAmount*12)
		v.Amount, v.AmountFormatted, v.AnnualMonthlyAmount, v.AnnualMonthlyAmountFormatted, v.AnnualAmount, v.AnnualAmountFormatted =
			m.Amount, m.AmountFormatted, am.Amount, am.AmountFormatted, a.Amount, a.AmountFormatted
	}
	for _, f := range p.Features {
		v.Features = append(v.Features, clerkapi.FeatureResponse2{Object: f.Object, ID: f.ID, Name: f.Name, Slug: f.Slug})
	}
	return v
}

func checkPayerType(c *call) (string, error) {
	pt, _ := c.str("payer_type")
	if pt != "" && pt != "user" && pt != "org" {
		return "", errParamInvalid("payer_type", `payer_type must be "user" or "org".`)
	}
	return pt, nil
}
