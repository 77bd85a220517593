package clerkapi

var billingOperations = []Operation{
	{
		Name: "list_billing_plans", OperationID: "GetCommercePlanList", Method: "GET", Path: "/billing/plans",
		Description: "Free and paid billing plans.",
		Request:     ListBillingPlansRequest{}, Response: PaginatedCommercePlanResponse{}, Paginated: true,
	},
	{
		Name: "list_billing_prices", OperationID: "GetBillingPriceList", Method: "GET", Path: "/billing/prices",
		Description: "Default and custom plan prices.",
		Request:     ListBillingPricesRequest{}, Response: PaginatedBillingPriceResponse{}, Paginated: true,
	},
	{
		Name: "create_billing_price", OperationID: "CreateBillingPrice", Method: "POST", Path: "/billing/prices",
		Description: "Add a custom price to a plan.",
		Request:     CreateBillingPriceRequest{}, Response: BillingPriceResponse{},
	},
	{
		Name: "list_billing_subscription_items", OperationID: "GetCommerceSubscriptionItemList", Method: "GET", Path: "/billing/subscription_items",
		Description: "Subscription items of users and orgs.",
		Request:     ListBillingSubscriptionItemsRequest{}, Response: PaginatedCommerceSubscriptionItemResponse{}, Paginated: true,
	},
	{
		Name: "cancel_billing_subscription_item", OperationID: "CancelCommerceSubscriptionItem", Method: "DELETE", Path: "/billing/subscription_items/{subscription_item_id}",
		Description: "At period end, or now with end_now.",
		Request:     CancelBillingSubscriptionItemRequest{}, Response: CommerceSubscriptionItem{},
	},
	{
		Name: "extend_billing_subscription_item_free_trial", OperationID: "ExtendBillingSubscriptionItemFreeTrial", Method: "POST", Path: "/billing/subscription_items/{subscription_item_id}/extend_free_trial",
		Description: "Move a trial's end later.",
		Request:     ExtendBillingSubscriptionItemFreeTrialRequest{}, Response: CommerceSubscriptionItem2{},
	},
	{
		Name: "create_billing_price_transition", OperationID: "CreateBillingPriceTransition", Method: "POST", Path: "/billing/subscription_items/{subscription_item_id}/price_transition",
		Description: "Move a subscription item to another price.",
		Request:     CreateBillingPriceTransitionRequest{}, Response: CommercePriceTransitionResponse{},
	},
	{
		Name: "apply_billing_subscription_item_discount", OperationID: "ApplyBillingSubscriptionItemDiscount", Method: "POST", Path: "/billing/subscription_items/{subscription_item_id}/discounts",
		Description: "Replaces any active discount.",
		Request:     ApplyBillingSubscriptionItemDiscountRequest{}, Response: CommerceDiscountRedemptionResponse{},
	},
	{
		Name: "remove_billing_subscription_item_discount", OperationID: "RemoveBillingSubscriptionItemDiscount", Method: "DELETE", Path: "/billing/subscription_items/{subscription_item_id}/discounts/{discount_id}",
		Description: "Remove an item's active discount.",
		Request:     RemoveBillingSubscriptionItemDiscountRequest{}, Response: CommerceDiscountRedemptionResponse{},
	},
	{
		Name: "list_billing_statements", OperationID: "GetBillingStatementList", Method: "GET", Path: "/billing/statements",
		Description: "List billing statements.",
		Request:     ListBillingStatementsRequest{}, Response: PaginatedBillingStatementResponse{}, Paginated: true,
	},
	{
		Name: "get_billing_statement", OperationID: "GetBillingStatement", Method: "GET", Path: "/billing/statements/{statementID}",
		Description: "Get a billing statement.",
		Request:     GetBillingStatementRequest{}, Response: BillingStatement{},
	},
	{
		Name: "list_billing_statement_payment_attempts", OperationID: "GetBillingStatementPaymentAttempts", Method: "GET", Path: "/billing/statements/{statementID}/payment_attempts",
		Description: "Payment attempts of one statement.",
		Request:     ListBillingStatementPaymentAttemptsRequest{}, Response: PaginatedBillingPaymentAttemptResponse{}, Paginated: true,
	},
}

type ListBillingPlansRequest struct {
	Page
	PayerType *string `json:"payer_type,omitempty" in:"query" jsonschema:"enum=user,enum=org"`
}

type ListBillingPricesRequest struct {
	Page
	PlanID *string `json:"plan_id,omitempty" in:"query"`
}

type CreateBillingPriceRequest struct {
	PlanID   string  `json:"plan_id" in:"body" jsonschema:"required"`
	Currency *string `json:"currency,omitempty" in:"body" jsonschema:"default=USD"`
	// Monthly, in cents.
	Amount int64 `json:"amount" in:"body,nullable" jsonschema:"required"`
	// Monthly, in cents, if billed yearly.
	AnnualMonthlyAmount     *int64  `json:"annual_monthly_amount,omitempty" in:"body,nullable"`
	Description             *string `json:"description,omitempty" in:"body"`
	SupportedBillingPeriods *string `json:"supported_billing_periods,omitempty" in:"body" jsonschema:"enum=month,enum=annual,enum=both"`
}

type ListBillingSubscriptionItemsRequest struct {
	Page
	Status      *string `json:"status,omitempty" in:"query" jsonschema:"enum=active,enum=ended,enum=past_due,enum=upcoming,enum=free_trial"`
	PayerType   *string `json:"payer_type,omitempty" in:"query" jsonschema:"enum=user,enum=org"`
	PlanID      *string `json:"plan_id,omitempty" in:"query"`
	IncludeFree *bool   `json:"include_free,omitempty" in:"query" jsonschema:"default=false"`
	Query       *string `json:"query,omitempty" in:"query"`
}

type CancelBillingSubscriptionItemRequest struct {
	SubscriptionItemID string `json:"subscription_item_id" in:"path" jsonschema:"required"`
	EndNow             *bool  `json:"end_now,omitempty" in:"query" jsonschema:"default=false"`
}

type ExtendBillingSubscriptionItemFreeTrialRequest struct {
	SubscriptionItemID string `json:"subscription_item_id" in:"path" jsonschema:"required"`
	ExtendTo           string `json:"extend_to" in:"body" jsonschema:"required,format=date-time"`
}

type CreateBillingPriceTransitionRequest struct {
	SubscriptionItemID string `json:"subscription_item_id" in:"path" jsonschema:"required"`
	FromPriceID        string `json:"from_price_id" in:"body" jsonschema:"required"`
	ToPriceID          string `json:"to_price_id" in:"body" jsonschema:"required"`
}

type ApplyBillingSubscriptionItemDiscountRequest struct {
	SubscriptionItemID string `json:"subscription_item_id" in:"path" jsonschema:"required"`
	DiscountID         string `json:"discount_id" in:"body" jsonschema:"required"`
}

type RemoveBillingSubscriptionItemDiscountRequest struct {
	SubscriptionItemID string `json:"subscription_item_id" in:"path" jsonschema:"required"`
	DiscountID         string `json:"discount_id" in:"path" jsonschema:"required"`
}

type ListBillingStatementsRequest struct {
	Page
}

type GetBillingStatementRequest struct {
	StatementID string `json:"statementID" in:"path" jsonschema:"required"`
}

type ListBillingStatementPaymentAttemptsRequest struct {
	StatementID string `json:"statementID" in:"path" jsonschema:"required"`
	Page
}

type CommerceSubscription struct {
	Object               string                          `json:"object"`
	ID                   string                          `json:"id"`
	InstanceID           string                          `json:"instance_id"`
	Status               string                          `json:"status"`
	PayerID              string                          `json:"payer_id"`
	CreatedAt            int64                           `json:"created_at"`
	UpdatedAt            int64                           `json:"updated_at"`
	ActiveAt             *int64                          `json:"active_at" jsonschema:"nullable"`
	PastDueAt            *int64                          `json:"past_due_at" jsonschema:"nullable"`
	SubscriptionItems    []CommerceSubscriptionItem      `json:"subscription_items"`
	NextPayment          CommerceSubscriptionNextPayment `json:"next_payment"`
	EligibleForFreeTrial bool                            `json:"eligible_for_free_trial"`
}

type CommerceSubscriptionItem struct {
	Object        string                                       `json:"object"`
	ID            string                                       `json:"id"`
	InstanceID    string                                       `json:"instance_id"`
	Status        string                                       `json:"status"`
	Credit        CommerceSubscriptionCreditResponse           `json:"credit"`
	Credits       *CommerceCreditsResponse                     `json:"credits" jsonschema:"nullable"`
	PlanID        *string                                      `json:"plan_id" jsonschema:"nullable"`
	PriceID       string                                       `json:"price_id"`
	Plan          *CommercePlan                                `json:"plan" jsonschema:"nullable"`
	PlanPeriod    string                                       `json:"plan_period"`
	PaymentMethod CommercePaymentMethodResponse                `json:"payment_method"`
	LifetimePaid  CommerceMoneyResponse                        `json:"lifetime_paid"`
	NextPayment   *CommerceSubscriptionItemNextPaymentResponse `json:"next_payment" jsonschema:"nullable"`
	PayerID       string                                       `json:"payer_id"`
	Payer         CommercePayerResponse                        `json:"payer"`
	IsFreeTrial   bool                                         `json:"is_free_trial"`
	PeriodStart   int64                                        `json:"period_start"`
	PeriodEnd     *int64                                       `json:"period_end" jsonschema:"nullable"`
	ProrationDate string                                       `json:"proration_date"`
	CanceledAt    *int64                                       `json:"canceled_at" jsonschema:"nullable"`
	PastDueAt     *int64                                       `json:"past_due_at" jsonschema:"nullable"`
	EndedAt       *int64                                       `json:"ended_at" jsonschema:"nullable"`
	CreatedAt     int64                                        `json:"created_at"`
	UpdatedAt     int64                                        `json:"updated_at"`
	Seats         *CommerceSubscriptionItemSeatsResponse       `json:"seats" jsonschema:"nullable"`
	Totals        *CommerceTotalsResponse                      `json:"totals" jsonschema:"nullable"`
}

type CommerceSubscriptionCreditResponse struct {
	Amount                *CommerceMoneyResponse `json:"amount" jsonschema:"nullable"`
	CycleRemainingPercent float64                `json:"cycle_remaining_percent"`
}

type CommerceMoneyResponse struct {
	Amount          int64  `json:"amount"`
	AmountFormatted string `json:"amount_formatted"`
	Currency        string `json:"currency"`
	CurrencySymbol  string `json:"currency_symbol"`
}

type CommerceCreditsResponse struct {
	Proration *CommerceProrationCreditDetailResponse `json:"proration" jsonschema:"nullable"`
	Payer     *CommercePayerCreditResponse           `json:"payer" jsonschema:"nullable"`
	Total     CommerceMoneyResponse                  `json:"total"`
}

type CommerceProrationCreditDetailResponse struct {
	Amount                CommerceMoneyResponse `json:"amount"`
	CycleDaysRemaining    int64                 `json:"cycle_days_remaining"`
	CycleDaysTotal        int64                 `json:"cycle_days_total"`
	CycleRemainingPercent float64               `json:"cycle_remaining_percent"`
}

type CommercePayerCreditResponse struct {
	RemainingBalance CommerceMoneyResponse `json:"remaining_balance"`
	AppliedAmount    CommerceMoneyResponse `json:"applied_amount"`
}

type CommercePlan struct {
	Object           string                  `json:"object"`
	ID               string                  `json:"id"`
	Name             string                  `json:"name"`
	Fee              *CommerceMoneyResponse  `json:"fee" jsonschema:"nullable"`
	AnnualMonthlyFee *CommerceMoneyResponse  `json:"annual_monthly_fee" jsonschema:"nullable"`
	AnnualFee        *CommerceMoneyResponse  `json:"annual_fee" jsonschema:"nullable"`
	Description      *string                 `json:"description" jsonschema:"nullable"`
	ProductID        string                  `json:"product_id"`
	IsDefault        bool                    `json:"is_default"`
	IsRecurring      bool                    `json:"is_recurring"`
	PubliclyVisible  bool                    `json:"publicly_visible"`
	HasBaseFee       bool                    `json:"has_base_fee"`
	ForPayerType     string                  `json:"for_payer_type"`
	Slug             string                  `json:"slug"`
	AvatarURL        *string                 `json:"avatar_url" jsonschema:"nullable"`
	Features         []FeatureResponse       `json:"features"`
	FreeTrialEnabled bool                    `json:"free_trial_enabled"`
	FreeTrialDays    *int64                  `json:"free_trial_days" jsonschema:"nullable"`
	UnitPrices       []CommercePlanUnitPrice `json:"unit_prices"`
}

type FeatureResponse struct {
	Object      string  `json:"object"`
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Description *string `json:"description" jsonschema:"nullable"`
	Slug        string  `json:"slug"`
	AvatarURL   *string `json:"avatar_url" jsonschema:"nullable"`
}

type CommercePlanUnitPrice struct {
	Name      string                      `json:"name"`
	BlockSize int64                       `json:"block_size"`
	Tiers     []CommercePlanUnitPriceTier `json:"tiers"`
}

type CommercePlanUnitPriceTier struct {
	StartsAtBlock  int64                 `json:"starts_at_block"`
	EndsAfterBlock *int64                `json:"ends_after_block" jsonschema:"nullable"`
	FeePerBlock    CommerceMoneyResponse `json:"fee_per_block"`
}

type CommercePaymentMethodResponse struct {
	Object                   string  `json:"object"`
	ID                       string  `json:"id"`
	PayerID                  string  `json:"payer_id"`
	PaymentType              string  `json:"payment_type"`
	IsDefault                bool    `json:"is_default"`
	Gateway                  string  `json:"gateway"`
	GatewayExternalID        string  `json:"gateway_external_id"`
	GatewayExternalAccountID *string `json:"gateway_external_account_id" jsonschema:"nullable"`
	Last4                    *string `json:"last4" jsonschema:"nullable"`
	Status                   string  `json:"status"`
	WalletType               *string `json:"wallet_type" jsonschema:"nullable"`
	CardType                 *string `json:"card_type" jsonschema:"nullable"`
	ExpiryYear               *int64  `json:"expiry_year" jsonschema:"nullable"`
	ExpiryMonth              *int64  `json:"expiry_month" jsonschema:"nullable"`
	CreatedAt                int64   `json:"created_at"`
	UpdatedAt                int64   `json:"updated_at"`
	IsRemovable              bool    `json:"is_removable"`
}

type CommerceSubscriptionItemNextPaymentResponse struct {
	Amount        *CommerceMoneyResponse  `json:"amount" jsonschema:"nullable"`
	Date          *int64                  `json:"date" jsonschema:"nullable"`
	PerUnitTotals []CommercePerUnitTotal  `json:"per_unit_totals"`
	Totals        *CommerceTotalsResponse `json:"totals" jsonschema:"nullable"`
}

type CommercePerUnitTotal struct {
	Name      string                     `json:"name"`
	BlockSize int64                      `json:"block_size"`
	Tiers     []CommercePerUnitTotalTier `json:"tiers"`
}

type CommercePerUnitTotalTier struct {
	Quantity    *int64                `json:"quantity" jsonschema:"nullable"`
	FeePerBlock CommerceMoneyResponse `json:"fee_per_block"`
	Total       CommerceMoneyResponse `json:"total"`
}

type CommerceTotalsResponse struct {
	Subtotal      CommerceMoneyResponse      `json:"subtotal"`
	BaseFee       CommerceMoneyResponse      `json:"base_fee"`
	TaxTotal      CommerceMoneyResponse      `json:"tax_total"`
	GrandTotal    CommerceMoneyResponse      `json:"grand_total"`
	PerUnitTotals []CommercePerUnitTotal     `json:"per_unit_totals"`
	Credits       *CommerceCreditsResponse   `json:"credits" jsonschema:"nullable"`
	Discounts     *CommerceDiscountsResponse `json:"discounts" jsonschema:"nullable"`
}

type CommerceDiscountsResponse struct {
	Proration *CommerceProrationDiscountResponse `json:"proration" jsonschema:"nullable"`
	Total     CommerceMoneyResponse              `json:"total"`
}

type CommerceProrationDiscountResponse struct {
	Amount             CommerceMoneyResponse `json:"amount"`
	CycleDaysPassed    int64                 `json:"cycle_days_passed"`
	CycleDaysTotal     int64                 `json:"cycle_days_total"`
	CyclePassedPercent float64               `json:"cycle_passed_percent"`
}

type CommercePayerResponse struct {
	Object           string                `json:"object"`
	ID               string                `json:"id"`
	InstanceID       string                `json:"instance_id"`
	UserID           *string               `json:"user_id" jsonschema:"nullable"`
	FirstName        *string               `json:"first_name" jsonschema:"nullable"`
	LastName         *string               `json:"last_name" jsonschema:"nullable"`
	Email            *string               `json:"email" jsonschema:"nullable"`
	OrganizationID   *string               `json:"organization_id" jsonschema:"nullable"`
	OrganizationName *string               `json:"organization_name" jsonschema:"nullable"`
	ImageURL         string                `json:"image_url"`
	CreditsBalance   CommerceMoneyResponse `json:"credits_balance"`
	CreatedAt        int64                 `json:"created_at"`
	UpdatedAt        int64                 `json:"updated_at"`
}

type CommerceSubscriptionItemSeatsResponse struct {
	Quantity *int64                     `json:"quantity" jsonschema:"nullable"`
	Tiers    []CommercePerUnitTotalTier `json:"tiers"`
}

type CommerceSubscriptionNextPayment struct {
	Date          int64                   `json:"date"`
	Amount        CommerceMoneyResponse   `json:"amount"`
	PerUnitTotals []CommercePerUnitTotal  `json:"per_unit_totals"`
	Totals        *CommerceTotalsResponse `json:"totals" jsonschema:"nullable"`
}

type CommerceCreditBalanceResponse struct {
	Object  string                 `json:"object"`
	Balance *CommerceMoneyResponse `json:"balance" jsonschema:"nullable"`
}

type CommerceCreditLedgerResponse struct {
	Object     string                `json:"object"`
	ID         string                `json:"id"`
	PayerID    string                `json:"payer_id"`
	Amount     CommerceMoneyResponse `json:"amount"`
	SourceType string                `json:"source_type"`
	SourceID   string                `json:"source_id"`
	Note       *string               `json:"note" jsonschema:"nullable"`
	CreatedAt  string                `json:"created_at"`
}

type PaginatedCommercePlanResponse struct {
	Data       []CommercePlan `json:"data"`
	TotalCount int64          `json:"total_count"`
}

type PaginatedBillingPriceResponse struct {
	Data       []BillingPriceResponse `json:"data"`
	TotalCount int64                  `json:"total_count"`
}

type BillingPriceResponse struct {
	Object                  string                 `json:"object"`
	ID                      string                 `json:"id"`
	PlanID                  string                 `json:"plan_id"`
	InstanceID              string                 `json:"instance_id"`
	Currency                string                 `json:"currency"`
	CurrencySymbol          string                 `json:"currency_symbol"`
	Amount                  int64                  `json:"amount"`
	AnnualMonthlyAmount     int64                  `json:"annual_monthly_amount"`
	Fee                     *CommerceMoneyResponse `json:"fee" jsonschema:"nullable"`
	AnnualMonthlyFee        *CommerceMoneyResponse `json:"annual_monthly_fee" jsonschema:"nullable"`
	Description             *string                `json:"description" jsonschema:"nullable"`
	IsDefault               bool                   `json:"is_default"`
	CreatedAt               int64                  `json:"created_at"`
	SupportedBillingPeriods string                 `json:"supported_billing_periods"`
}

type PaginatedCommerceSubscriptionItemResponse struct {
	Data       []CommerceSubscriptionItem `json:"data"`
	TotalCount int64                      `json:"total_count"`
}

type CommerceSubscriptionItem2 struct {
	Object          string                                       `json:"object"`
	ID              string                                       `json:"id"`
	InstanceID      string                                       `json:"instance_id"`
	Status          string                                       `json:"status"`
	Credit          *CommerceSubscriptionCreditResponse          `json:"credit" jsonschema:"nullable"`
	PlanID          string                                       `json:"plan_id"`
	PriceID         string                                       `json:"price_id"`
	Plan            *CommercePlan2                               `json:"plan" jsonschema:"nullable"`
	PlanPeriod      string                                       `json:"plan_period"`
	PaymentSourceID string                                       `json:"payment_source_id"`
	PaymentSource   *CommercePaymentSourceResponse               `json:"payment_source" jsonschema:"nullable"`
	LifetimePaid    *CommerceMoneyResponse                       `json:"lifetime_paid" jsonschema:"nullable"`
	Amount          *CommerceMoneyResponse                       `json:"amount" jsonschema:"nullable"`
	NextInvoice     *CommerceSubscriptionItemNextPaymentResponse `json:"next_invoice" jsonschema:"nullable"`
	NextPayment     *CommerceSubscriptionItemNextPaymentResponse `json:"next_payment" jsonschema:"nullable"`
	PayerID         string                                       `json:"payer_id"`
	Payer           *CommercePayerResponse2                      `json:"payer" jsonschema:"nullable"`
	IsFreeTrial     bool                                         `json:"is_free_trial"`
	PeriodStart     *int64                                       `json:"period_start" jsonschema:"nullable"`
	PeriodEnd       *int64                                       `json:"period_end" jsonschema:"nullable"`
	ProrationDate   string                                       `json:"proration_date"`
	CanceledAt      *int64                                       `json:"canceled_at" jsonschema:"nullable"`
	PastDueAt       *int64                                       `json:"past_due_at" jsonschema:"nullable"`
	EndedAt         *int64                                       `json:"ended_at" jsonschema:"nullable"`
	CreatedAt       int64                                        `json:"created_at"`
	UpdatedAt       int64                                        `json:"updated_at"`
}

type CommercePlan2 struct {
	Object                       string                 `json:"object"`
	ID                           string                 `json:"id"`
	Name                         string                 `json:"name"`
	Fee                          *CommerceMoneyResponse `json:"fee" jsonschema:"nullable"`
	AnnualMonthlyFee             *CommerceMoneyResponse `json:"annual_monthly_fee" jsonschema:"nullable"`
	AnnualFee                    *CommerceMoneyResponse `json:"annual_fee" jsonschema:"nullable"`
	Amount                       int64                  `json:"amount"`
	AmountFormatted              string                 `json:"amount_formatted"`
	AnnualMonthlyAmount          int64                  `json:"annual_monthly_amount"`
	AnnualMonthlyAmountFormatted string                 `json:"annual_monthly_amount_formatted"`
	AnnualAmount                 int64                  `json:"annual_amount"`
	AnnualAmountFormatted        string                 `json:"annual_amount_formatted"`
	CurrencySymbol               string                 `json:"currency_symbol"`
	Currency                     string                 `json:"currency"`
	Description                  string                 `json:"description"`
	ProductID                    string                 `json:"product_id"`
	IsDefault                    bool                   `json:"is_default"`
	IsRecurring                  bool                   `json:"is_recurring"`
	PubliclyVisible              bool                   `json:"publicly_visible"`
	HasBaseFee                   bool                   `json:"has_base_fee"`
	PayerType                    []string               `json:"payer_type"`
	ForPayerType                 string                 `json:"for_payer_type"`
	Slug                         string                 `json:"slug"`
	AvatarURL                    string                 `json:"avatar_url"`
	Period                       string                 `json:"period"`
	Interval                     int64                  `json:"interval"`
	Features                     []FeatureResponse2     `json:"features"`
	FreeTrialEnabled             bool                   `json:"free_trial_enabled"`
	FreeTrialDays                *int64                 `json:"free_trial_days" jsonschema:"nullable"`
}

type FeatureResponse2 struct {
	Object      string `json:"object"`
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Slug        string `json:"slug"`
	AvatarURL   string `json:"avatar_url"`
}

type CommercePaymentSourceResponse struct {
	Object                   string  `json:"object"`
	ID                       string  `json:"id"`
	PayerID                  string  `json:"payer_id"`
	PaymentMethod            string  `json:"payment_method"`
	IsDefault                *bool   `json:"is_default" jsonschema:"nullable"`
	Gateway                  string  `json:"gateway"`
	GatewayExternalID        string  `json:"gateway_external_id"`
	GatewayExternalAccountID *string `json:"gateway_external_account_id" jsonschema:"nullable"`
	Last4                    string  `json:"last4"`
	Status                   string  `json:"status"`
	WalletType               string  `json:"wallet_type"`
	CardType                 string  `json:"card_type"`
	ExpiryYear               int64   `json:"expiry_year"`
	ExpiryMonth              int64   `json:"expiry_month"`
	CreatedAt                int64   `json:"created_at"`
	UpdatedAt                int64   `json:"updated_at"`
	IsRemovable              *bool   `json:"is_removable" jsonschema:"nullable"`
}

type CommercePayerResponse2 struct {
	Object           string                `json:"object"`
	ID               string                `json:"id"`
	InstanceID       string                `json:"instance_id"`
	UserID           string                `json:"user_id"`
	FirstName        string                `json:"first_name"`
	LastName         string                `json:"last_name"`
	Email            string                `json:"email"`
	OrganizationID   string                `json:"organization_id"`
	OrganizationName string                `json:"organization_name"`
	ImageURL         string                `json:"image_url"`
	CreditsBalance   CommerceMoneyResponse `json:"credits_balance"`
	CreatedAt        int64                 `json:"created_at"`
	UpdatedAt        int64                 `json:"updated_at"`
}

type CommercePriceTransitionResponse struct {
	Object           string                         `json:"object"`
	SubscriptionItem CommerceSubscriptionItem2      `json:"subscription_item"`
	Transition       CommercePriceTransitionDetails `json:"transition"`
}

type CommercePriceTransitionDetails struct {
	PreviousPlan                   CommercePlan2          `json:"previous_plan"`
	PreviousPrice                  BillingPriceResponse   `json:"previous_price"`
	EffectiveAt                    int64                  `json:"effective_at"`
	EffectiveMode                  string                 `json:"effective_mode"`
	NextBillingDate                *int64                 `json:"next_billing_date" jsonschema:"nullable"`
	ChargedImmediately             bool                   `json:"charged_immediately"`
	ImmediateCharge                *CommerceMoneyResponse `json:"immediate_charge" jsonschema:"nullable"`
	PreviousSubscriptionItemStatus string                 `json:"previous_subscription_item_status"`
	PreviousSubscriptionItemID     string                 `json:"previous_subscription_item_id"`
}

type CommerceDiscountRedemptionResponse struct {
	Object             string                 `json:"object"`
	ID                 string                 `json:"id"`
	SubscriptionItemID string                 `json:"subscription_item_id"`
	DiscountID         string                 `json:"discount_id"`
	Name               string                 `json:"name"`
	Source             string                 `json:"source"`
	PromoCode          string                 `json:"promo_code"`
	Effect             string                 `json:"effect"`
	PercentOff         *float64               `json:"percent_off" jsonschema:"nullable"`
	AmountOff          *CommerceMoneyResponse `json:"amount_off" jsonschema:"nullable"`
	Amount             *CommerceMoneyResponse `json:"amount" jsonschema:"nullable"`
	CyclesRemaining    *int64                 `json:"cycles_remaining" jsonschema:"nullable"`
	CyclesApplied      int64                  `json:"cycles_applied"`
	Status             string                 `json:"status"`
	RedeemedAt         int64                  `json:"redeemed_at"`
	RedeemedBy         *string                `json:"redeemed_by" jsonschema:"nullable"`
}

type PaginatedBillingStatementResponse struct {
	Data       []BillingStatement `json:"data"`
	TotalCount int64              `json:"total_count"`
}

type BillingStatement struct {
	Object     string                       `json:"object"`
	ID         string                       `json:"id"`
	InstanceID string                       `json:"instance_id"`
	Timestamp  int64                        `json:"timestamp"`
	Payer      CommercePayerResponse        `json:"payer"`
	Status     string                       `json:"status"`
	Totals     BillingStatementTotals       `json:"totals"`
	Groups     []BillingStatementGroupsItem `json:"groups"`
}

type BillingStatementTotals struct {
	GrandTotal CommerceMoneyResponse `json:"grand_total"`
	Subtotal   CommerceMoneyResponse `json:"subtotal"`
	BaseFee    CommerceMoneyResponse `json:"base_fee"`
	TaxTotal   CommerceMoneyResponse `json:"tax_total"`
}

type BillingStatementGroupsItem struct {
	Object    string                  `json:"object"`
	Timestamp int64                   `json:"timestamp"`
	Items     []BillingPaymentAttempt `json:"items"`
}

type BillingPaymentAttempt struct {
	Object             string                        `json:"object"`
	ID                 string                        `json:"id"`
	PaymentID          string                        `json:"payment_id"`
	InstanceID         string                        `json:"instance_id"`
	ChargeType         string                        `json:"charge_type"`
	PayeeID            string                        `json:"payee_id"`
	Payee              map[string]any                `json:"payee"`
	PayerID            string                        `json:"payer_id"`
	Payer              CommercePayerResponse         `json:"payer"`
	SubscriptionItemID string                        `json:"subscription_item_id"`
	SubscriptionItem   map[string]any                `json:"subscription_item"`
	Amount             CommerceMoneyResponse         `json:"amount"`
	Totals             *CommerceTotalsResponse       `json:"totals" jsonschema:"nullable"`
	PaymentMethodID    string                        `json:"payment_method_id"`
	PaymentMethod      CommercePaymentMethodResponse `json:"payment_method"`
	StatementID        string                        `json:"statement_id"`
	GatewayExternalID  *string                       `json:"gateway_external_id" jsonschema:"nullable"`
	GatewayExternalURL *string                       `json:"gateway_external_url" jsonschema:"nullable"`
	Status             string                        `json:"status"`
	PaidAt             *int64                        `json:"paid_at" jsonschema:"nullable"`
	FailedAt           *int64                        `json:"failed_at" jsonschema:"nullable"`
	CreatedAt          int64                         `json:"created_at"`
	UpdatedAt          int64                         `json:"updated_at"`
}

type PaginatedBillingPaymentAttemptResponse struct {
	Data       []BillingPaymentAttempt `json:"data"`
	TotalCount int64                   `json:"total_count"`
}
