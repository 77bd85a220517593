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
	Limit     *int64  `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset    *int64  `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
	PayerType *string `json:"payer_type,omitempty" in:"query" jsonschema:"enum=user,enum=org"`
}

type ListBillingPricesRequest struct {
	Limit  *int64  `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset *int64  `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
	PlanID *string `json:"plan_id,omitempty" in:"query"`
}

type CreateBillingPriceRequest struct {
	PlanID   string  `json:"plan_id" in:"body" jsonschema:"required"`
	Currency *string `json:"currency,omitempty" in:"body" jsonschema:"default=USD"`
	// Monthly, in cents.
	Amount int64 `json:"amount" in:"body" jsonschema:"required"`
	// Monthly, in cents, if billed yearly.
	AnnualMonthlyAmount     *int64  `json:"annual_monthly_amount,omitempty" in:"body"`
	Description             *string `json:"description,omitempty" in:"body"`
	SupportedBillingPeriods *string `json:"supported_billing_periods,omitempty" in:"body" jsonschema:"enum=month,enum=annual,enum=both"`
}

type ListBillingSubscriptionItemsRequest struct {
	Limit       *int64  `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset      *int64  `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
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
	Limit  *int64 `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset *int64 `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
}

type GetBillingStatementRequest struct {
	StatementID string `json:"statementID" in:"path" jsonschema:"required"`
}

type ListBillingStatementPaymentAttemptsRequest struct {
	StatementID string `json:"statementID" in:"path" jsonschema:"required"`
	Limit       *int64 `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset      *int64 `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
}
