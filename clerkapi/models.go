package clerkapi

import "encoding/json"

var _ json.RawMessage

type JWKS struct {
	Keys []json.RawMessage `json:"keys"`
}

type ClientObject struct {
	Object                     string    `json:"object"`
	ID                         string    `json:"id"`
	SessionIDs                 []string  `json:"session_ids"`
	Sessions                   []Session `json:"sessions"`
	SignInID                   *string   `json:"sign_in_id" jsonschema:"nullable"`
	SignUpID                   *string   `json:"sign_up_id" jsonschema:"nullable"`
	LastActiveSessionID        *string   `json:"last_active_session_id" jsonschema:"nullable"`
	LastAuthenticationStrategy *string   `json:"last_authentication_strategy" jsonschema:"nullable"`
	UpdatedAt                  int64     `json:"updated_at"`
	CreatedAt                  int64     `json:"created_at"`
}

type Session struct {
	Object                   string                   `json:"object"`
	ID                       string                   `json:"id"`
	UserID                   string                   `json:"user_id"`
	ClientID                 string                   `json:"client_id"`
	Actor                    map[string]any           `json:"actor" jsonschema:"nullable"`
	Status                   string                   `json:"status"`
	LastActiveOrganizationID *string                  `json:"last_active_organization_id" jsonschema:"nullable"`
	LastActiveAt             int64                    `json:"last_active_at"`
	LatestActivity           *SessionActivityResponse `json:"latest_activity" jsonschema:"nullable"`
	ExpireAt                 int64                    `json:"expire_at"`
	AbandonAt                int64                    `json:"abandon_at"`
	UpdatedAt                int64                    `json:"updated_at"`
	CreatedAt                int64                    `json:"created_at"`
	Tasks                    []SessionTask            `json:"tasks" jsonschema:"nullable"`
}

type SessionActivityResponse struct {
	Object         string `json:"object"`
	ID             string `json:"id"`
	DeviceType     string `json:"device_type"`
	IsMobile       bool   `json:"is_mobile"`
	BrowserName    string `json:"browser_name"`
	BrowserVersion string `json:"browser_version"`
	IPAddress      string `json:"ip_address"`
	City           string `json:"city"`
	Country        string `json:"country"`
}

type SessionTask struct {
	Key string `json:"key"`
}

type EmailAddress struct {
	ID                   string               `json:"id"`
	Object               string               `json:"object"`
	EmailAddress         string               `json:"email_address"`
	Reserved             bool                 `json:"reserved"`
	Verification         json.RawMessage      `json:"verification" jsonschema:"nullable"`
	LinkedTo             []IdentificationLink `json:"linked_to"`
	MatchesSSOConnection bool                 `json:"matches_sso_connection"`
	CreatedAt            int64                `json:"created_at"`
	UpdatedAt            int64                `json:"updated_at"`
}

type IdentificationLink struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

type DeletedObject struct {
	Object     string `json:"object"`
	ID         string `json:"id"`
	Slug       string `json:"slug"`
	Deleted    bool   `json:"deleted"`
	ExternalID string `json:"external_id"`
}

type PrepareEmailAddressVerificationResponse struct {
	Object   string  `json:"object"`
	ID       string  `json:"id"`
	Status   string  `json:"status"`
	Strategy string  `json:"strategy"`
	Attempts *int64  `json:"attempts" jsonschema:"nullable"`
	ExpireAt *int64  `json:"expire_at" jsonschema:"nullable"`
	Channel  *string `json:"channel" jsonschema:"nullable"`
}

type AttemptEmailAddressVerificationResponse struct {
	Object   string  `json:"object"`
	ID       string  `json:"id"`
	Status   string  `json:"status"`
	Strategy string  `json:"strategy"`
	Attempts *int64  `json:"attempts" jsonschema:"nullable"`
	ExpireAt *int64  `json:"expire_at" jsonschema:"nullable"`
	Channel  *string `json:"channel" jsonschema:"nullable"`
}

type PhoneNumber struct {
	ID                      string               `json:"id"`
	Object                  string               `json:"object"`
	PhoneNumber             string               `json:"phone_number"`
	ReservedForSecondFactor bool                 `json:"reserved_for_second_factor"`
	DefaultSecondFactor     bool                 `json:"default_second_factor"`
	Reserved                bool                 `json:"reserved"`
	Verification            json.RawMessage      `json:"verification" jsonschema:"nullable"`
	LinkedTo                []IdentificationLink `json:"linked_to"`
	BackupCodes             []string             `json:"backup_codes" jsonschema:"nullable"`
	CreatedAt               int64                `json:"created_at"`
	UpdatedAt               int64                `json:"updated_at"`
}

type PreparePhoneNumberVerificationResponse struct {
	Object   string  `json:"object"`
	ID       string  `json:"id"`
	Status   string  `json:"status"`
	Strategy string  `json:"strategy"`
	Attempts *int64  `json:"attempts" jsonschema:"nullable"`
	ExpireAt *int64  `json:"expire_at" jsonschema:"nullable"`
	Channel  *string `json:"channel" jsonschema:"nullable"`
}

type AttemptPhoneNumberVerificationResponse struct {
	Object   string  `json:"object"`
	ID       string  `json:"id"`
	Status   string  `json:"status"`
	Strategy string  `json:"strategy"`
	Attempts *int64  `json:"attempts" jsonschema:"nullable"`
	ExpireAt *int64  `json:"expire_at" jsonschema:"nullable"`
	Channel  *string `json:"channel" jsonschema:"nullable"`
}

type CreateSessionTokenResponse struct {
	Object string `json:"object"`
	JWT    string `json:"jwt"`
}

type CreateSessionTokenFromTemplateResponse struct {
	Object string `json:"object"`
	JWT    string `json:"jwt"`
}

type Template struct {
	ID                  string   `json:"id"`
	Object              string   `json:"object"`
	InstanceID          *string  `json:"instance_id" jsonschema:"nullable"`
	ResourceType        string   `json:"resource_type"`
	TemplateType        string   `json:"template_type"`
	Name                string   `json:"name"`
	Slug                string   `json:"slug"`
	Position            int64    `json:"position"`
	CanRevert           bool     `json:"can_revert"`
	CanDelete           bool     `json:"can_delete"`
	CanEditBody         bool     `json:"can_edit_body"`
	CanToggle           bool     `json:"can_toggle"`
	Subject             *string  `json:"subject" jsonschema:"nullable"`
	Markup              string   `json:"markup"`
	Body                string   `json:"body"`
	AvailableVariables  []string `json:"available_variables"`
	RequiredVariables   []string `json:"required_variables"`
	FromEmailName       string   `json:"from_email_name"`
	ReplyToEmailName    string   `json:"reply_to_email_name"`
	DeliveredByClerk    bool     `json:"delivered_by_clerk"`
	Enabled             bool     `json:"enabled"`
	FlaggedAsSuspicious bool     `json:"flagged_as_suspicious"`
	UpdatedAt           int64    `json:"updated_at"`
	CreatedAt           int64    `json:"created_at"`
}

type User struct {
	ID                            string                            `json:"id"`
	Object                        string                            `json:"object"`
	ExternalID                    *string                           `json:"external_id" jsonschema:"nullable"`
	PrimaryEmailAddressID         *string                           `json:"primary_email_address_id" jsonschema:"nullable"`
	PrimaryPhoneNumberID          *string                           `json:"primary_phone_number_id" jsonschema:"nullable"`
	PrimaryWeb3WalletID           *string                           `json:"primary_web3_wallet_id" jsonschema:"nullable"`
	Username                      *string                           `json:"username" jsonschema:"nullable"`
	FirstName                     *string                           `json:"first_name" jsonschema:"nullable"`
	LastName                      *string                           `json:"last_name" jsonschema:"nullable"`
	Locale                        *string                           `json:"locale" jsonschema:"nullable"`
	ProfileImageURL               string                            `json:"profile_image_url"`
	ImageURL                      string                            `json:"image_url"`
	HasImage                      bool                              `json:"has_image"`
	PublicMetadata                map[string]any                    `json:"public_metadata"`
	PrivateMetadata               map[string]any                    `json:"private_metadata" jsonschema:"nullable"`
	UnsafeMetadata                map[string]any                    `json:"unsafe_metadata"`
	EmailAddresses                []EmailAddress                    `json:"email_addresses"`
	PhoneNumbers                  []PhoneNumber                     `json:"phone_numbers"`
	Web3Wallets                   []Web3Wallet                      `json:"web3_wallets"`
	Passkeys                      []Passkey                         `json:"passkeys"`
	PasswordEnabled               bool                              `json:"password_enabled"`
	TwoFactorEnabled              bool                              `json:"two_factor_enabled"`
	TOTPEnabled                   bool                              `json:"totp_enabled"`
	BackupCodeEnabled             bool                              `json:"backup_code_enabled"`
	MFAEnabledAt                  *int64                            `json:"mfa_enabled_at" jsonschema:"nullable"`
	MFADisabledAt                 *int64                            `json:"mfa_disabled_at" jsonschema:"nullable"`
	PasswordLastUpdatedAt         *int64                            `json:"password_last_updated_at" jsonschema:"nullable"`
	ExternalAccounts              []ExternalAccountWithVerification `json:"external_accounts"`
	SAMLAccounts                  []SAMLAccount                     `json:"saml_accounts"`
	EnterpriseAccounts            []EnterpriseAccount               `json:"enterprise_accounts"`
	OrganizationMemberships       []OrganizationMembership          `json:"organization_memberships"`
	LastSignInAt                  *int64                            `json:"last_sign_in_at" jsonschema:"nullable"`
	Banned                        bool                              `json:"banned"`
	Locked                        bool                              `json:"locked"`
	Deprovisioned                 bool                              `json:"deprovisioned"`
	LockoutExpiresInSeconds       *int64                            `json:"lockout_expires_in_seconds" jsonschema:"nullable"`
	VerificationAttemptsRemaining *int64                            `json:"verification_attempts_remaining" jsonschema:"nullable"`
	UpdatedAt                     int64                             `json:"updated_at"`
	CreatedAt                     int64                             `json:"created_at"`
	DeleteSelfEnabled             bool                              `json:"delete_self_enabled"`
	CreateOrganizationEnabled     bool                              `json:"create_organization_enabled"`
	CreateOrganizationsLimit      *int64                            `json:"create_organizations_limit" jsonschema:"nullable"`
	LastActiveAt                  *int64                            `json:"last_active_at" jsonschema:"nullable"`
	LegalAcceptedAt               *int64                            `json:"legal_accepted_at" jsonschema:"nullable"`
	BypassClientTrust             bool                              `json:"bypass_client_trust"`
	SCIM                          *SCIMUserMetadata                 `json:"scim" jsonschema:"nullable"`
}

type Web3Wallet struct {
	ID           string          `json:"id"`
	Object       string          `json:"object"`
	Web3Wallet   string          `json:"web3_wallet"`
	Verification json.RawMessage `json:"verification" jsonschema:"nullable"`
	CreatedAt    int64           `json:"created_at"`
	UpdatedAt    int64           `json:"updated_at"`
}

type Passkey struct {
	ID           string          `json:"id"`
	Object       string          `json:"object"`
	Name         string          `json:"name"`
	LastUsedAt   int64           `json:"last_used_at"`
	Verification json.RawMessage `json:"verification" jsonschema:"nullable"`
}

type ExternalAccountWithVerification struct {
	Object               string          `json:"object"`
	ID                   string          `json:"id"`
	Provider             string          `json:"provider"`
	IdentificationID     string          `json:"identification_id"`
	ProviderUserID       string          `json:"provider_user_id"`
	ApprovedScopes       string          `json:"approved_scopes"`
	EmailAddress         string          `json:"email_address"`
	EmailAddressVerified *bool           `json:"email_address_verified" jsonschema:"nullable"`
	FirstName            string          `json:"first_name"`
	LastName             string          `json:"last_name"`
	AvatarURL            string          `json:"avatar_url"`
	ImageURL             *string         `json:"image_url" jsonschema:"nullable"`
	Username             *string         `json:"username" jsonschema:"nullable"`
	PhoneNumber          *string         `json:"phone_number" jsonschema:"nullable"`
	PublicMetadata       map[string]any  `json:"public_metadata"`
	Label                *string         `json:"label" jsonschema:"nullable"`
	CreatedAt            int64           `json:"created_at"`
	UpdatedAt            int64           `json:"updated_at"`
	Verification         json.RawMessage `json:"verification" jsonschema:"nullable"`
}

type SAMLAccount struct {
	ID                  string          `json:"id"`
	Object              string          `json:"object"`
	Provider            string          `json:"provider"`
	Active              bool            `json:"active"`
	EmailAddress        string          `json:"email_address"`
	FirstName           *string         `json:"first_name" jsonschema:"nullable"`
	LastName            *string         `json:"last_name" jsonschema:"nullable"`
	ProviderUserID      *string         `json:"provider_user_id" jsonschema:"nullable"`
	LastAuthenticatedAt *int64          `json:"last_authenticated_at" jsonschema:"nullable"`
	PublicMetadata      map[string]any  `json:"public_metadata"`
	Verification        json.RawMessage `json:"verification" jsonschema:"nullable"`
	SAMLConnection      json.RawMessage `json:"saml_connection" jsonschema:"nullable"`
}

type EnterpriseAccount struct {
	ID                     string          `json:"id"`
	Object                 string          `json:"object"`
	Protocol               string          `json:"protocol"`
	Provider               string          `json:"provider"`
	Active                 bool            `json:"active"`
	EmailAddress           string          `json:"email_address"`
	FirstName              *string         `json:"first_name" jsonschema:"nullable"`
	LastName               *string         `json:"last_name" jsonschema:"nullable"`
	ProviderUserID         *string         `json:"provider_user_id" jsonschema:"nullable"`
	EnterpriseConnectionID *string         `json:"enterprise_connection_id" jsonschema:"nullable"`
	PublicMetadata         map[string]any  `json:"public_metadata"`
	Verification           json.RawMessage `json:"verification" jsonschema:"nullable"`
	EnterpriseConnection   json.RawMessage `json:"enterprise_connection" jsonschema:"nullable"`
	LastAuthenticatedAt    *int64          `json:"last_authenticated_at" jsonschema:"nullable"`
}

type OrganizationMembership struct {
	ID              string                               `json:"id"`
	Object          string                               `json:"object"`
	Role            string                               `json:"role"`
	RoleName        string                               `json:"role_name"`
	Permissions     []string                             `json:"permissions"`
	PublicMetadata  map[string]any                       `json:"public_metadata"`
	PrivateMetadata map[string]any                       `json:"private_metadata"`
	Organization    Organization                         `json:"organization"`
	PublicUserData  OrganizationMembershipPublicUserData `json:"public_user_data"`
	CreatedAt       int64                                `json:"created_at"`
	UpdatedAt       int64                                `json:"updated_at"`
}

type Organization struct {
	Object                               string         `json:"object"`
	ID                                   string         `json:"id"`
	Name                                 string         `json:"name"`
	Slug                                 string         `json:"slug"`
	ImageURL                             string         `json:"image_url"`
	HasImage                             bool           `json:"has_image"`
	MembersCount                         int64          `json:"members_count"`
	MissingMemberWithElevatedPermissions bool           `json:"missing_member_with_elevated_permissions"`
	PendingInvitationsCount              int64          `json:"pending_invitations_count"`
	MaxAllowedMemberships                int64          `json:"max_allowed_memberships"`
	AdminDeleteEnabled                   bool           `json:"admin_delete_enabled"`
	PublicMetadata                       map[string]any `json:"public_metadata"`
	PrivateMetadata                      map[string]any `json:"private_metadata"`
	CreatedBy                            string         `json:"created_by"`
	CreatedAt                            int64          `json:"created_at"`
	UpdatedAt                            int64          `json:"updated_at"`
	LastActiveAt                         int64          `json:"last_active_at"`
	RoleSetKey                           *string        `json:"role_set_key" jsonschema:"nullable"`
}

type OrganizationMembershipPublicUserData struct {
	UserID          string  `json:"user_id"`
	FirstName       *string `json:"first_name" jsonschema:"nullable"`
	LastName        *string `json:"last_name" jsonschema:"nullable"`
	ProfileImageURL *string `json:"profile_image_url" jsonschema:"nullable"`
	ImageURL        string  `json:"image_url"`
	HasImage        bool    `json:"has_image"`
	Identifier      *string `json:"identifier" jsonschema:"nullable"`
	Username        *string `json:"username" jsonschema:"nullable"`
	Banned          bool    `json:"banned"`
	Deprovisioned   bool    `json:"deprovisioned"`
}

type SCIMUserMetadata struct {
	DirectoryID      string  `json:"directory_id"`
	DirectoryEnabled bool    `json:"directory_enabled"`
	ExternalID       *string `json:"external_id" jsonschema:"nullable"`
}

type TotalCount struct {
	Object     string `json:"object"`
	TotalCount int64  `json:"total_count"`
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
	Totals        *CommerceTotalsResponse2                     `json:"totals" jsonschema:"nullable"`
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
	Quantity *int64                      `json:"quantity" jsonschema:"nullable"`
	Tiers    []CommercePerUnitTotalTier2 `json:"tiers"`
}

type CommercePerUnitTotalTier2 struct {
	Quantity    *int64                `json:"quantity" jsonschema:"nullable"`
	FeePerBlock CommerceMoneyResponse `json:"fee_per_block"`
	Total       CommerceMoneyResponse `json:"total"`
}

type CommerceTotalsResponse2 struct {
	Subtotal      CommerceMoneyResponse     `json:"subtotal"`
	BaseFee       CommerceMoneyResponse     `json:"base_fee"`
	TaxTotal      CommerceMoneyResponse     `json:"tax_total"`
	GrandTotal    CommerceMoneyResponse     `json:"grand_total"`
	PerUnitTotals []CommercePerUnitTotal2   `json:"per_unit_totals"`
	Credits       *CommerceCreditsResponse  `json:"credits" jsonschema:"nullable"`
	Discounts     *BillingDiscountsResponse `json:"discounts" jsonschema:"nullable"`
}

type CommercePerUnitTotal2 struct {
	Name      string                      `json:"name"`
	BlockSize int64                       `json:"block_size"`
	Tiers     []CommercePerUnitTotalTier2 `json:"tiers"`
}

type BillingDiscountsResponse struct {
	Proration *BillingProrationDiscountDetail `json:"proration" jsonschema:"nullable"`
	Total     CommerceMoneyResponse           `json:"total"`
}

type BillingProrationDiscountDetail struct {
	Amount             CommerceMoneyResponse `json:"amount"`
	CycleDaysPassed    int64                 `json:"cycle_days_passed"`
	CycleDaysTotal     int64                 `json:"cycle_days_total"`
	CyclePassedPercent float64               `json:"cycle_passed_percent"`
}

type CommerceSubscriptionNextPayment struct {
	Date          int64                    `json:"date"`
	Amount        CommerceMoneyResponse    `json:"amount"`
	PerUnitTotals []CommercePerUnitTotal2  `json:"per_unit_totals"`
	Totals        *CommerceTotalsResponse2 `json:"totals" jsonschema:"nullable"`
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

type GetUserOAuthAccessTokensItem struct {
	Object            string         `json:"object"`
	ExternalAccountID string         `json:"external_account_id"`
	ProviderUserID    string         `json:"provider_user_id"`
	Token             string         `json:"token"`
	ExpiresAt         *int64         `json:"expires_at" jsonschema:"nullable"`
	Provider          string         `json:"provider"`
	PublicMetadata    map[string]any `json:"public_metadata"`
	Label             *string        `json:"label" jsonschema:"nullable"`
	Scopes            []string       `json:"scopes"`
	IDToken           string         `json:"id_token"`
	TokenSecret       string         `json:"token_secret"`
}

type OrganizationMemberships struct {
	Data       []OrganizationMembership `json:"data"`
	TotalCount int64                    `json:"total_count"`
}

type OrganizationInvitationsWithPublicOrganizationData struct {
	Data       []OrganizationInvitationWithPublicOrganizationData `json:"data"`
	TotalCount int64                                              `json:"total_count"`
}

type OrganizationInvitationWithPublicOrganizationData struct {
	Object                 string                                       `json:"object"`
	ID                     string                                       `json:"id"`
	EmailAddress           string                                       `json:"email_address"`
	Role                   string                                       `json:"role"`
	RoleName               string                                       `json:"role_name"`
	OrganizationID         string                                       `json:"organization_id"`
	InviterID              *string                                      `json:"inviter_id" jsonschema:"nullable"`
	PublicInviterData      *OrganizationInvitationPublicUserData        `json:"public_inviter_data" jsonschema:"nullable"`
	Status                 string                                       `json:"status"`
	PublicMetadata         map[string]any                               `json:"public_metadata"`
	PrivateMetadata        map[string]any                               `json:"private_metadata"`
	URL                    *string                                      `json:"url" jsonschema:"nullable"`
	ExpiresAt              *int64                                       `json:"expires_at" jsonschema:"nullable"`
	CreatedAt              int64                                        `json:"created_at"`
	UpdatedAt              int64                                        `json:"updated_at"`
	PublicOrganizationData OrganizationInvitationPublicOrganizationData `json:"public_organization_data"`
}

type OrganizationInvitationPublicUserData struct {
	UserID     string  `json:"user_id"`
	FirstName  *string `json:"first_name" jsonschema:"nullable"`
	LastName   *string `json:"last_name" jsonschema:"nullable"`
	ImageURL   string  `json:"image_url"`
	HasImage   bool    `json:"has_image"`
	Identifier string  `json:"identifier"`
}

type OrganizationInvitationPublicOrganizationData struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Slug     string `json:"slug"`
	ImageURL string `json:"image_url"`
	HasImage bool   `json:"has_image"`
}

type VerifyUserPasswordResponse struct {
	Verified bool `json:"verified"`
}

type VerifyUserTOTPResponse struct {
	Verified bool   `json:"verified"`
	CodeType string `json:"code_type"`
}

type DisableUserMFAResponse struct {
	UserID string `json:"user_id"`
}

type DeleteUserBackupCodesResponse struct {
	UserID string `json:"user_id"`
}

type ListUserTrustedDevicesResponse struct {
	Data       []TrustedDevice `json:"data"`
	TotalCount int64           `json:"total_count"`
}

type TrustedDevice struct {
	Object        string  `json:"object"`
	ID            string  `json:"id"`
	Platform      string  `json:"platform"`
	AppIdentifier string  `json:"app_identifier"`
	Name          *string `json:"name" jsonschema:"nullable"`
	Algorithm     string  `json:"algorithm"`
	Status        string  `json:"status"`
	CreatedAt     int64   `json:"created_at"`
	UpdatedAt     int64   `json:"updated_at"`
	LastUsedAt    *int64  `json:"last_used_at" jsonschema:"nullable"`
	RevokedAt     *int64  `json:"revoked_at" jsonschema:"nullable"`
}

type DeleteUserTOTPResponse struct {
	UserID string `json:"user_id"`
}

type Invitation struct {
	Object         string         `json:"object"`
	ID             string         `json:"id"`
	EmailAddress   string         `json:"email_address"`
	PublicMetadata map[string]any `json:"public_metadata"`
	Revoked        bool           `json:"revoked"`
	Status         string         `json:"status"`
	URL            string         `json:"url"`
	ExpiresAt      *int64         `json:"expires_at" jsonschema:"nullable"`
	CreatedAt      int64          `json:"created_at"`
	UpdatedAt      int64          `json:"updated_at"`
}

type RevokeInvitationResponse struct {
	Object         string         `json:"object"`
	ID             string         `json:"id"`
	EmailAddress   string         `json:"email_address"`
	PublicMetadata map[string]any `json:"public_metadata"`
	Revoked        bool           `json:"revoked"`
	Status         string         `json:"status"`
	URL            string         `json:"url"`
	ExpiresAt      *int64         `json:"expires_at" jsonschema:"nullable"`
	CreatedAt      int64          `json:"created_at"`
	UpdatedAt      int64          `json:"updated_at"`
}

type AllowlistIdentifier struct {
	Object         string `json:"object"`
	ID             string `json:"id"`
	InvitationID   string `json:"invitation_id"`
	Identifier     string `json:"identifier"`
	IdentifierType string `json:"identifier_type"`
	InstanceID     string `json:"instance_id"`
	CreatedAt      int64  `json:"created_at"`
	UpdatedAt      int64  `json:"updated_at"`
}

type BlocklistIdentifiers struct {
	Data       []BlocklistIdentifier `json:"data"`
	TotalCount int64                 `json:"total_count"`
}

type BlocklistIdentifier struct {
	Object         string `json:"object"`
	ID             string `json:"id"`
	Identifier     string `json:"identifier"`
	IdentifierType string `json:"identifier_type"`
	InstanceID     string `json:"instance_id"`
	CreatedAt      int64  `json:"created_at"`
	UpdatedAt      int64  `json:"updated_at"`
}

type UpdateInstanceAuthConfigResponse struct {
	Object                      string `json:"object"`
	ID                          string `json:"id"`
	RestrictedToAllowlist       bool   `json:"restricted_to_allowlist"`
	FromEmailAddress            string `json:"from_email_address"`
	ProgressiveSignUp           bool   `json:"progressive_sign_up"`
	EnhancedEmailDeliverability bool   `json:"enhanced_email_deliverability"`
}

type ActorToken struct {
	Object    string         `json:"object"`
	ID        string         `json:"id"`
	Status    string         `json:"status"`
	UserID    string         `json:"user_id"`
	Actor     map[string]any `json:"actor"`
	Token     string         `json:"token"`
	URL       string         `json:"url"`
	CreatedAt int64          `json:"created_at"`
	UpdatedAt int64          `json:"updated_at"`
}

type Domains struct {
	Data       []Domain `json:"data"`
	TotalCount int64    `json:"total_count"`
}

type Domain struct {
	Object            string        `json:"object"`
	ID                string        `json:"id"`
	Name              string        `json:"name"`
	IsSatellite       bool          `json:"is_satellite"`
	FrontendAPIURL    string        `json:"frontend_api_url"`
	AccountsPortalURL *string       `json:"accounts_portal_url" jsonschema:"nullable"`
	ProxyURL          *string       `json:"proxy_url" jsonschema:"nullable"`
	DevelopmentOrigin string        `json:"development_origin"`
	CNAMETargets      []CNameTarget `json:"cname_targets" jsonschema:"nullable"`
}

type CNameTarget struct {
	Host     string `json:"host"`
	Value    string `json:"value"`
	Required bool   `json:"required"`
}

type Instance struct {
	Object          string   `json:"object"`
	ID              string   `json:"id"`
	EnvironmentType string   `json:"environment_type"`
	AllowedOrigins  []string `json:"allowed_origins" jsonschema:"nullable"`
	WorkspaceID     *string  `json:"workspace_id" jsonschema:"nullable"`
}

type InstanceRestrictions struct {
	Object                             string `json:"object"`
	Allowlist                          bool   `json:"allowlist"`
	Blocklist                          bool   `json:"blocklist"`
	AllowlistBlocklistDisabledOnSignIn bool   `json:"allowlist_blocklist_disabled_on_sign_in"`
	BlockEmailSubaddresses             bool   `json:"block_email_subaddresses"`
	BlockDisposableEmailDomains        bool   `json:"block_disposable_email_domains"`
}

type InstanceProtect struct {
	Object         string `json:"object"`
	RulesEnabled   bool   `json:"rules_enabled"`
	SpecterEnabled bool   `json:"specter_enabled"`
	ChecksBypassed bool   `json:"checks_bypassed"`
}

type InstanceCommunication struct {
	Object              string   `json:"object"`
	BlockedCountryCodes []string `json:"blocked_country_codes"`
}

type OAuthApplicationSettings struct {
	Object                                                 string   `json:"object"`
	DynamicOAuthClientRegistration                         bool     `json:"dynamic_oauth_client_registration"`
	DefaultScopes                                          []string `json:"default_scopes" jsonschema:"nullable"`
	OAuthJWTAccessTokens                                   bool     `json:"oauth_jwt_access_tokens"`
	ClientIDMetadataDocumentsAdvertised                    bool     `json:"client_id_metadata_documents_advertised"`
	ClientIDMetadataDocumentsOnlyAllowPreRegisteredClients bool     `json:"client_id_metadata_documents_only_allow_pre_registered_clients"`
	ClientIDMetadataDocumentsBlockImplicitlyAllowedClients bool     `json:"client_id_metadata_documents_block_implicitly_allowed_clients"`
}

type OrganizationSettings struct {
	Object                 string   `json:"object"`
	Enabled                bool     `json:"enabled"`
	MaxAllowedMemberships  int64    `json:"max_allowed_memberships"`
	MaxAllowedRoles        int64    `json:"max_allowed_roles"`
	MaxRoleSetsAllowed     int64    `json:"max_role_sets_allowed"`
	MaxAllowedDomains      int64    `json:"max_allowed_domains"`
	MaxAllowedPermissions  int64    `json:"max_allowed_permissions"`
	CreatorRole            string   `json:"creator_role"`
	AdminDeleteEnabled     bool     `json:"admin_delete_enabled"`
	DomainsEnabled         bool     `json:"domains_enabled"`
	SlugDisabled           bool     `json:"slug_disabled"`
	DomainsEnrollmentModes []string `json:"domains_enrollment_modes"`
	DomainsDefaultRole     string   `json:"domains_default_role"`
	InitialRoleSetKey      *string  `json:"initial_role_set_key" jsonschema:"nullable"`
}

type SvixURL struct {
	SvixURL string `json:"svix_url"`
}

type JWTTemplate struct {
	Object           string         `json:"object"`
	ID               string         `json:"id"`
	Name             string         `json:"name"`
	Claims           map[string]any `json:"claims"`
	Lifetime         int64          `json:"lifetime"`
	AllowedClockSkew int64          `json:"allowed_clock_skew"`
	CustomSigningKey bool           `json:"custom_signing_key"`
	SigningAlgorithm string         `json:"signing_algorithm"`
	CreatedAt        int64          `json:"created_at"`
	UpdatedAt        int64          `json:"updated_at"`
}

type ListMachinesResponse struct {
	Data       []Machine `json:"data"`
	TotalCount int64     `json:"total_count"`
}

type Machine struct {
	Object          string                         `json:"object"`
	ID              string                         `json:"id"`
	Name            string                         `json:"name"`
	InstanceID      string                         `json:"instance_id"`
	CreatedAt       int64                          `json:"created_at"`
	UpdatedAt       int64                          `json:"updated_at"`
	DefaultTokenTTL int64                          `json:"default_token_ttl"`
	ScopedMachines  []MachineWithoutScopedMachines `json:"scoped_machines"`
}

type MachineWithoutScopedMachines struct {
	Object          string `json:"object"`
	ID              string `json:"id"`
	Name            string `json:"name"`
	InstanceID      string `json:"instance_id"`
	CreatedAt       int64  `json:"created_at"`
	UpdatedAt       int64  `json:"updated_at"`
	DefaultTokenTTL int64  `json:"default_token_ttl"`
}

type CreateMachineResponse struct {
	Object          string                         `json:"object"`
	ID              string                         `json:"id"`
	Name            string                         `json:"name"`
	InstanceID      string                         `json:"instance_id"`
	CreatedAt       int64                          `json:"created_at"`
	UpdatedAt       int64                          `json:"updated_at"`
	DefaultTokenTTL int64                          `json:"default_token_ttl"`
	ScopedMachines  []MachineWithoutScopedMachines `json:"scoped_machines"`
	SecretKey       string                         `json:"secret_key"`
}

type DeleteMachineResponse struct {
	Object  string `json:"object"`
	ID      string `json:"id"`
	Deleted bool   `json:"deleted"`
}

type GetMachineSecretKeyResponse struct {
	Object string `json:"object"`
	Secret string `json:"secret"`
}

type RotateMachineSecretKeyResponse struct {
	Object string `json:"object"`
	Secret string `json:"secret"`
}

type MachineScope struct {
	Object        string `json:"object"`
	FromMachineID string `json:"from_machine_id"`
	ToMachineID   string `json:"to_machine_id"`
	CreatedAt     int64  `json:"created_at"`
}

type DeleteMachineScopeResponse struct {
	Object        string `json:"object"`
	FromMachineID string `json:"from_machine_id"`
	ToMachineID   string `json:"to_machine_id"`
	Deleted       bool   `json:"deleted"`
}

type Organizations struct {
	Data       []Organization `json:"data"`
	TotalCount int64          `json:"total_count"`
}

type OrganizationWithLogo struct {
	Object                               string         `json:"object"`
	ID                                   string         `json:"id"`
	Name                                 string         `json:"name"`
	Slug                                 string         `json:"slug"`
	ImageURL                             string         `json:"image_url"`
	HasImage                             bool           `json:"has_image"`
	MembersCount                         int64          `json:"members_count"`
	MissingMemberWithElevatedPermissions bool           `json:"missing_member_with_elevated_permissions"`
	PendingInvitationsCount              int64          `json:"pending_invitations_count"`
	MaxAllowedMemberships                int64          `json:"max_allowed_memberships"`
	AdminDeleteEnabled                   bool           `json:"admin_delete_enabled"`
	PublicMetadata                       map[string]any `json:"public_metadata"`
	PrivateMetadata                      map[string]any `json:"private_metadata"`
	CreatedBy                            string         `json:"created_by"`
	CreatedAt                            int64          `json:"created_at"`
	UpdatedAt                            int64          `json:"updated_at"`
	LastActiveAt                         int64          `json:"last_active_at"`
	RoleSetKey                           *string        `json:"role_set_key" jsonschema:"nullable"`
	LogoURL                              string         `json:"logo_url"`
}

type OrganizationInvitation struct {
	Object            string                                `json:"object"`
	ID                string                                `json:"id"`
	EmailAddress      string                                `json:"email_address"`
	Role              string                                `json:"role"`
	RoleName          string                                `json:"role_name"`
	OrganizationID    string                                `json:"organization_id"`
	InviterID         *string                               `json:"inviter_id" jsonschema:"nullable"`
	PublicInviterData *OrganizationInvitationPublicUserData `json:"public_inviter_data" jsonschema:"nullable"`
	Status            string                                `json:"status"`
	PublicMetadata    map[string]any                        `json:"public_metadata"`
	PrivateMetadata   map[string]any                        `json:"private_metadata"`
	URL               *string                               `json:"url" jsonschema:"nullable"`
	ExpiresAt         *int64                                `json:"expires_at" jsonschema:"nullable"`
	CreatedAt         int64                                 `json:"created_at"`
	UpdatedAt         int64                                 `json:"updated_at"`
}

type OrganizationInvitations struct {
	Data       []OrganizationInvitation `json:"data"`
	TotalCount int64                    `json:"total_count"`
}

type Roles struct {
	Data       []Role `json:"data"`
	TotalCount int64  `json:"total_count"`
}

type Role struct {
	Object            string       `json:"object"`
	ID                string       `json:"id"`
	Name              string       `json:"name"`
	Key               string       `json:"key"`
	Description       *string      `json:"description" jsonschema:"nullable"`
	IsCreatorEligible bool         `json:"is_creator_eligible"`
	Permissions       []Permission `json:"permissions"`
	CreatedAt         int64        `json:"created_at"`
	UpdatedAt         int64        `json:"updated_at"`
}

type Permission struct {
	Object      string `json:"object"`
	ID          string `json:"id"`
	Name        string `json:"name"`
	Key         string `json:"key"`
	Description string `json:"description"`
	Type        string `json:"type"`
	CreatedAt   int64  `json:"created_at"`
	UpdatedAt   int64  `json:"updated_at"`
}

type OrganizationDomain struct {
	Object                  string                                        `json:"object"`
	ID                      string                                        `json:"id"`
	OrganizationID          string                                        `json:"organization_id"`
	Name                    string                                        `json:"name"`
	EnrollmentMode          string                                        `json:"enrollment_mode"`
	AffiliationEmailAddress *string                                       `json:"affiliation_email_address" jsonschema:"nullable"`
	AffiliationVerification *OrganizationDomainVerification               `json:"affiliation_verification" jsonschema:"nullable"`
	OwnershipVerification   *OrganizationDomainVerification               `json:"ownership_verification" jsonschema:"nullable"`
	Verification            *OrganizationDomainVerification               `json:"verification" jsonschema:"nullable"`
	TotalPendingInvitations int64                                         `json:"total_pending_invitations"`
	TotalPendingSuggestions int64                                         `json:"total_pending_suggestions"`
	PublicOrganizationData  *OrganizationInvitationPublicOrganizationData `json:"public_organization_data" jsonschema:"nullable"`
	CreatedAt               int64                                         `json:"created_at"`
	UpdatedAt               int64                                         `json:"updated_at"`
}

type OrganizationDomainVerification struct {
	Status     string `json:"status"`
	Strategy   string `json:"strategy"`
	Attempts   *int64 `json:"attempts" jsonschema:"nullable"`
	ExpireAt   *int64 `json:"expire_at" jsonschema:"nullable"`
	VerifiedAt *int64 `json:"verified_at" jsonschema:"nullable"`
}

type OrganizationDomains struct {
	Data       []OrganizationDomain `json:"data"`
	TotalCount int64                `json:"total_count"`
}

type ProxyCheck struct {
	Object     string `json:"object"`
	ID         string `json:"id"`
	DomainID   string `json:"domain_id"`
	LastRunAt  *int64 `json:"last_run_at" jsonschema:"nullable"`
	ProxyURL   string `json:"proxy_url"`
	Successful bool   `json:"successful"`
	CreatedAt  int64  `json:"created_at"`
	UpdatedAt  int64  `json:"updated_at"`
}

type RedirectURL struct {
	Object    string `json:"object"`
	ID        string `json:"id"`
	URL       string `json:"url"`
	CreatedAt int64  `json:"created_at"`
	UpdatedAt int64  `json:"updated_at"`
}

type SignInToken struct {
	Object    string  `json:"object"`
	ID        string  `json:"id"`
	Status    string  `json:"status"`
	UserID    string  `json:"user_id"`
	Token     string  `json:"token"`
	URL       *string `json:"url" jsonschema:"nullable"`
	CreatedAt int64   `json:"created_at"`
	UpdatedAt int64   `json:"updated_at"`
}

type SignUp struct {
	Object           string              `json:"object"`
	ID               string              `json:"id"`
	Status           string              `json:"status"`
	RequiredFields   []string            `json:"required_fields"`
	OptionalFields   []string            `json:"optional_fields"`
	MissingFields    []string            `json:"missing_fields"`
	UnverifiedFields []string            `json:"unverified_fields"`
	Verifications    SignUpVerifications `json:"verifications"`
	Username         *string             `json:"username" jsonschema:"nullable"`
	EmailAddress     *string             `json:"email_address" jsonschema:"nullable"`
	PhoneNumber      *string             `json:"phone_number" jsonschema:"nullable"`
	Web3Wallet       *string             `json:"web3_wallet" jsonschema:"nullable"`
	PasswordEnabled  bool                `json:"password_enabled"`
	FirstName        *string             `json:"first_name" jsonschema:"nullable"`
	LastName         *string             `json:"last_name" jsonschema:"nullable"`
	UnsafeMetadata   map[string]any      `json:"unsafe_metadata"`
	PublicMetadata   map[string]any      `json:"public_metadata"`
	CustomAction     bool                `json:"custom_action"`
	ExternalID       *string             `json:"external_id" jsonschema:"nullable"`
	CreatedSessionID *string             `json:"created_session_id" jsonschema:"nullable"`
	CreatedUserID    *string             `json:"created_user_id" jsonschema:"nullable"`
	AbandonAt        int64               `json:"abandon_at"`
	LegalAcceptedAt  *int64              `json:"legal_accepted_at" jsonschema:"nullable"`
	Locale           *string             `json:"locale" jsonschema:"nullable"`
	ExternalAccount  map[string]any      `json:"external_account"`
}

type SignUpVerifications struct {
	EmailAddress    *SignUpVerification `json:"email_address" jsonschema:"nullable"`
	PhoneNumber     *SignUpVerification `json:"phone_number" jsonschema:"nullable"`
	Web3Wallet      *SignUpVerification `json:"web3_wallet" jsonschema:"nullable"`
	ExternalAccount map[string]any      `json:"external_account" jsonschema:"nullable"`
}

type SignUpVerification struct {
	NextAction          string   `json:"next_action"`
	SupportedStrategies []string `json:"supported_strategies"`
}

type OAuthApplications struct {
	Data       []OAuthApplication `json:"data"`
	TotalCount int64              `json:"total_count"`
}

type OAuthApplication struct {
	Object                string   `json:"object"`
	ID                    string   `json:"id"`
	InstanceID            string   `json:"instance_id"`
	Name                  string   `json:"name"`
	ClientID              string   `json:"client_id"`
	ClientURI             *string  `json:"client_uri" jsonschema:"nullable"`
	ClientImageURL        *string  `json:"client_image_url" jsonschema:"nullable"`
	DynamicallyRegistered bool     `json:"dynamically_registered"`
	ConsentScreenEnabled  bool     `json:"consent_screen_enabled"`
	PkceRequired          bool     `json:"pkce_required"`
	Public                bool     `json:"public"`
	Scopes                string   `json:"scopes"`
	RedirectUris          []string `json:"redirect_uris"`
	CallbackURL           string   `json:"callback_url"`
	AuthorizeURL          string   `json:"authorize_url"`
	TokenFetchURL         string   `json:"token_fetch_url"`
	UserInfoURL           string   `json:"user_info_url"`
	DiscoveryURL          string   `json:"discovery_url"`
	TokenIntrospectionURL string   `json:"token_introspection_url"`
	CreatedAt             int64    `json:"created_at"`
	UpdatedAt             int64    `json:"updated_at"`
}

type OAuthApplicationWithSecret struct {
	Object                string   `json:"object"`
	ID                    string   `json:"id"`
	InstanceID            string   `json:"instance_id"`
	Name                  string   `json:"name"`
	ClientID              string   `json:"client_id"`
	ClientURI             *string  `json:"client_uri" jsonschema:"nullable"`
	ClientImageURL        *string  `json:"client_image_url" jsonschema:"nullable"`
	DynamicallyRegistered bool     `json:"dynamically_registered"`
	ConsentScreenEnabled  bool     `json:"consent_screen_enabled"`
	PkceRequired          bool     `json:"pkce_required"`
	Public                bool     `json:"public"`
	Scopes                string   `json:"scopes"`
	RedirectUris          []string `json:"redirect_uris"`
	CallbackURL           string   `json:"callback_url"`
	AuthorizeURL          string   `json:"authorize_url"`
	TokenFetchURL         string   `json:"token_fetch_url"`
	UserInfoURL           string   `json:"user_info_url"`
	DiscoveryURL          string   `json:"discovery_url"`
	TokenIntrospectionURL string   `json:"token_introspection_url"`
	CreatedAt             int64    `json:"created_at"`
	UpdatedAt             int64    `json:"updated_at"`
	ClientSecret          string   `json:"client_secret"`
}

type SAMLConnections struct {
	Data       []json.RawMessage `json:"data"`
	TotalCount int64             `json:"total_count"`
}

type EnterpriseConnections struct {
	Data       []EnterpriseConnection `json:"data"`
	TotalCount int64                  `json:"total_count"`
}

type EnterpriseConnection struct {
	Object                           string                                     `json:"object"`
	ID                               string                                     `json:"id"`
	Name                             string                                     `json:"name"`
	Provider                         string                                     `json:"provider"`
	LogoPublicURL                    *string                                    `json:"logo_public_url" jsonschema:"nullable"`
	Active                           bool                                       `json:"active"`
	Domains                          []string                                   `json:"domains"`
	OrganizationID                   *string                                    `json:"organization_id" jsonschema:"nullable"`
	SyncUserAttributes               bool                                       `json:"sync_user_attributes"`
	DisableAdditionalIdentifications bool                                       `json:"disable_additional_identifications"`
	AllowOrganizationAccountLinking  bool                                       `json:"allow_organization_account_linking"`
	CustomAttributes                 []EnterpriseConnectionCustomAttributesItem `json:"custom_attributes"`
	SAMLConnection                   *EnterpriseConnectionSAMLConnection        `json:"saml_connection" jsonschema:"nullable"`
	OAuthConfig                      *EnterpriseConnectionOAuthConfig           `json:"oauth_config" jsonschema:"nullable"`
	CreatedAt                        int64                                      `json:"created_at"`
	UpdatedAt                        int64                                      `json:"updated_at"`
}

type EnterpriseConnectionCustomAttributesItem struct {
	Name          string `json:"name"`
	Key           string `json:"key"`
	SSOPath       string `json:"sso_path"`
	SCIMPath      string `json:"scim_path"`
	DirectoryPath string `json:"directory_path"`
	MultiValued   bool   `json:"multi_valued"`
}

type EnterpriseConnectionSAMLConnection struct {
	ID                string                                      `json:"id"`
	Name              string                                      `json:"name"`
	IDPEntityID       *string                                     `json:"idp_entity_id" jsonschema:"nullable"`
	IDPSSOURL         *string                                     `json:"idp_sso_url" jsonschema:"nullable"`
	IDPMetadataURL    *string                                     `json:"idp_metadata_url" jsonschema:"nullable"`
	ACSURL            *string                                     `json:"acs_url" jsonschema:"nullable"`
	SpEntityID        *string                                     `json:"sp_entity_id" jsonschema:"nullable"`
	SpMetadataURL     *string                                     `json:"sp_metadata_url" jsonschema:"nullable"`
	Active            bool                                        `json:"active"`
	AllowIDPInitiated bool                                        `json:"allow_idp_initiated"`
	AllowSubdomains   bool                                        `json:"allow_subdomains"`
	ForceAuthn        bool                                        `json:"force_authn"`
	LoginHint         EnterpriseConnectionSAMLConnectionLoginHint `json:"login_hint"`
}

type EnterpriseConnectionSAMLConnectionLoginHint struct {
	Mode   string `json:"mode"`
	Source string `json:"source"`
}

type EnterpriseConnectionOAuthConfig struct {
	ID            string  `json:"id"`
	Name          string  `json:"name"`
	ProviderKey   string  `json:"provider_key"`
	ClientID      *string `json:"client_id" jsonschema:"nullable"`
	DiscoveryURL  *string `json:"discovery_url" jsonschema:"nullable"`
	AuthURL       *string `json:"auth_url" jsonschema:"nullable"`
	TokenURL      *string `json:"token_url" jsonschema:"nullable"`
	UserInfoURL   *string `json:"user_info_url" jsonschema:"nullable"`
	RequiresPkce  bool    `json:"requires_pkce"`
	LogoPublicURL *string `json:"logo_public_url" jsonschema:"nullable"`
	CreatedAt     int64   `json:"created_at"`
	UpdatedAt     int64   `json:"updated_at"`
}

type EnterpriseConnectionTestRuns struct {
	Data       []EnterpriseConnectionTestRun `json:"data"`
	TotalCount int64                         `json:"total_count"`
}

type EnterpriseConnectionTestRun struct {
	ID             string                                     `json:"id"`
	Status         string                                     `json:"status"`
	ConnectionType string                                     `json:"connection_type"`
	ParsedUserInfo *EnterpriseConnectionTestRunParsedUserInfo `json:"parsed_user_info" jsonschema:"nullable"`
	Logs           []EnterpriseConnectionTestRunLogsItem      `json:"logs"`
	SAML           *EnterpriseConnectionTestRunSAML           `json:"saml" jsonschema:"nullable"`
	OAuth          *EnterpriseConnectionTestRunOAuth          `json:"oauth" jsonschema:"nullable"`
	CreatedAt      int64                                      `json:"created_at"`
}

type EnterpriseConnectionTestRunParsedUserInfo struct {
	EmailAddress string `json:"email_address"`
	FirstName    string `json:"first_name"`
	LastName     string `json:"last_name"`
	UserID       string `json:"user_id"`
}

type EnterpriseConnectionTestRunLogsItem struct {
	Level        string `json:"level"`
	Code         string `json:"code"`
	ShortMessage string `json:"short_message"`
	Message      string `json:"message"`
}

type EnterpriseConnectionTestRunSAML struct {
	SAMLRequest  string `json:"saml_request"`
	SAMLResponse string `json:"saml_response"`
	RelayState   string `json:"relay_state"`
}

type EnterpriseConnectionTestRunOAuth struct {
	IDToken     string `json:"id_token"`
	AccessToken string `json:"access_token"`
	UserInfo    string `json:"user_info"`
}

type EnterpriseConnectionTestRunResponse struct {
	URL string `json:"url"`
}

type TestingToken struct {
	Object    string `json:"object"`
	Token     string `json:"token"`
	ExpiresAt int64  `json:"expires_at"`
}

type AgentTask struct {
	Object      string `json:"object"`
	AgentID     string `json:"agent_id"`
	AgentTaskID string `json:"agent_task_id"`
	TaskID      string `json:"task_id"`
	URL         string `json:"url"`
}

type ListWaitlistEntriesResponse struct {
	Data       []WaitlistEntry `json:"data"`
	TotalCount int64           `json:"total_count"`
}

type WaitlistEntry struct {
	Object       string      `json:"object"`
	ID           string      `json:"id"`
	EmailAddress string      `json:"email_address"`
	Status       string      `json:"status"`
	IsLocked     bool        `json:"is_locked"`
	CreatedAt    int64       `json:"created_at"`
	UpdatedAt    int64       `json:"updated_at"`
	Invitation   *Invitation `json:"invitation" jsonschema:"nullable"`
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
	Totals             *CommerceTotalsResponse2      `json:"totals" jsonschema:"nullable"`
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

type Permissions struct {
	Data       []Permission `json:"data"`
	TotalCount int64        `json:"total_count"`
}

type RoleSets struct {
	Data       []RoleSet `json:"data"`
	TotalCount int64     `json:"total_count"`
}

type RoleSet struct {
	Object           string            `json:"object"`
	ID               string            `json:"id"`
	Name             string            `json:"name"`
	Key              string            `json:"key"`
	Description      *string           `json:"description" jsonschema:"nullable"`
	Roles            []RoleSetItem     `json:"roles"`
	DefaultRole      *RoleSetItem      `json:"default_role" jsonschema:"nullable"`
	CreatorRole      *RoleSetItem      `json:"creator_role" jsonschema:"nullable"`
	Type             string            `json:"type"`
	RoleSetMigration *RoleSetMigration `json:"role_set_migration" jsonschema:"nullable"`
	CreatedAt        int64             `json:"created_at"`
	UpdatedAt        int64             `json:"updated_at"`
}

type RoleSetItem struct {
	Object       string  `json:"object"`
	ID           string  `json:"id"`
	Name         string  `json:"name"`
	Key          string  `json:"key"`
	Description  *string `json:"description" jsonschema:"nullable"`
	MembersCount *int64  `json:"members_count" jsonschema:"nullable"`
	HasMembers   *bool   `json:"has_members" jsonschema:"nullable"`
	CreatedAt    int64   `json:"created_at"`
	UpdatedAt    int64   `json:"updated_at"`
}

type RoleSetMigration struct {
	Object          string         `json:"object"`
	ID              string         `json:"id"`
	OrganizationID  *string        `json:"organization_id" jsonschema:"nullable"`
	InstanceID      string         `json:"instance_id"`
	SourceRoleSetID string         `json:"source_role_set_id"`
	DestRoleSetID   *string        `json:"dest_role_set_id" jsonschema:"nullable"`
	TriggerType     string         `json:"trigger_type"`
	Status          string         `json:"status"`
	MigratedMembers int64          `json:"migrated_members"`
	Mappings        map[string]any `json:"mappings" jsonschema:"nullable"`
	StartedAt       *int64         `json:"started_at" jsonschema:"nullable"`
	CompletedAt     *int64         `json:"completed_at" jsonschema:"nullable"`
	CreatedAt       int64          `json:"created_at"`
	UpdatedAt       int64          `json:"updated_at"`
}

type ListSCIMDirectoriesResponse struct {
	Data       []SCIMDirectory `json:"data"`
	TotalCount int64           `json:"total_count"`
}

type SCIMDirectory struct {
	Object                  string                              `json:"object"`
	ID                      string                              `json:"id"`
	Name                    string                              `json:"name"`
	EnterpriseConnectionID  *string                             `json:"enterprise_connection_id" jsonschema:"nullable"`
	EndpointURL             string                              `json:"endpoint_url"`
	Provider                string                              `json:"provider"`
	Enabled                 bool                                `json:"enabled"`
	GroupRoleMappingEnabled bool                                `json:"group_role_mapping_enabled"`
	AttributeMapping        map[string]any                      `json:"attribute_mapping"`
	CustomAttributes        []SCIMDirectoryCustomAttributesItem `json:"custom_attributes"`
	APIKey                  *string                             `json:"api_key" jsonschema:"nullable"`
	CreatedAt               int64                               `json:"created_at"`
	UpdatedAt               int64                               `json:"updated_at"`
}

type SCIMDirectoryCustomAttributesItem struct {
	Name          string `json:"name"`
	Key           string `json:"key"`
	SSOPath       string `json:"sso_path"`
	SCIMPath      string `json:"scim_path"`
	DirectoryPath string `json:"directory_path"`
	MultiValued   bool   `json:"multi_valued"`
}

type ListSCIMGroupRoleMappingsResponse struct {
	Data       []SCIMGroupRoleMapping `json:"data"`
	TotalCount int64                  `json:"total_count"`
}

type SCIMGroupRoleMapping struct {
	Object                    string `json:"object"`
	ID                        string `json:"id"`
	SCIMDirectoryID           string `json:"scim_directory_id"`
	DirectoryID               string `json:"directory_id"`
	SCIMGroupID               string `json:"scim_group_id"`
	DirectoryGroupID          string `json:"directory_group_id"`
	SCIMGroupDisplayName      string `json:"scim_group_display_name"`
	DirectoryGroupDisplayName string `json:"directory_group_display_name"`
	Role                      Role   `json:"role"`
	Precedence                int64  `json:"precedence"`
	CreatedAt                 int64  `json:"created_at"`
	UpdatedAt                 int64  `json:"updated_at"`
}

type ReplaceSCIMGroupRoleMappingsResponse struct {
	Data       []SCIMGroupRoleMapping `json:"data"`
	TotalCount int64                  `json:"total_count"`
}

type DeleteSCIMGroupRoleMappingResponse struct {
	Object  string `json:"object"`
	ID      string `json:"id"`
	Deleted bool   `json:"deleted"`
}

type ListDirectoriesResponse struct {
	Data       []Directory `json:"data"`
	TotalCount int64       `json:"total_count"`
}

type Directory struct {
	Object                  string                          `json:"object"`
	ID                      string                          `json:"id"`
	Name                    string                          `json:"name"`
	EnterpriseConnectionID  *string                         `json:"enterprise_connection_id" jsonschema:"nullable"`
	EndpointURL             string                          `json:"endpoint_url"`
	Provider                string                          `json:"provider"`
	Enabled                 bool                            `json:"enabled"`
	GroupRoleMappingEnabled bool                            `json:"group_role_mapping_enabled"`
	AttributeMapping        map[string]any                  `json:"attribute_mapping"`
	CustomAttributes        []DirectoryCustomAttributesItem `json:"custom_attributes"`
	APIKey                  *string                         `json:"api_key" jsonschema:"nullable"`
	CreatedAt               int64                           `json:"created_at"`
	UpdatedAt               int64                           `json:"updated_at"`
}

type DirectoryCustomAttributesItem struct {
	Name          string `json:"name"`
	Key           string `json:"key"`
	SSOPath       string `json:"sso_path"`
	SCIMPath      string `json:"scim_path"`
	DirectoryPath string `json:"directory_path"`
	MultiValued   bool   `json:"multi_valued"`
}

type ListDirectoryGroupRoleMappingsResponse struct {
	Data       []DirectoryGroupRoleMapping `json:"data"`
	TotalCount int64                       `json:"total_count"`
}

type DirectoryGroupRoleMapping struct {
	Object                    string `json:"object"`
	ID                        string `json:"id"`
	DirectoryID               string `json:"directory_id"`
	SCIMDirectoryID           string `json:"scim_directory_id"`
	DirectoryGroupID          string `json:"directory_group_id"`
	SCIMGroupID               string `json:"scim_group_id"`
	DirectoryGroupDisplayName string `json:"directory_group_display_name"`
	SCIMGroupDisplayName      string `json:"scim_group_display_name"`
	Role                      Role   `json:"role"`
	Precedence                int64  `json:"precedence"`
	CreatedAt                 int64  `json:"created_at"`
	UpdatedAt                 int64  `json:"updated_at"`
}

type ReplaceDirectoryGroupRoleMappingsResponse struct {
	Data       []DirectoryGroupRoleMapping `json:"data"`
	TotalCount int64                       `json:"total_count"`
}

type DeleteDirectoryGroupRoleMappingResponse struct {
	Object  string `json:"object"`
	ID      string `json:"id"`
	Deleted bool   `json:"deleted"`
}

type CreateAdminPortalLinkTokenResponse struct {
	Object            string   `json:"object"`
	ID                string   `json:"id"`
	AdminPortalLinkID string   `json:"admin_portal_link_id"`
	InstanceID        string   `json:"instance_id"`
	OrganizationID    *string  `json:"organization_id" jsonschema:"nullable"`
	ItContactID       *string  `json:"it_contact_id" jsonschema:"nullable"`
	Scopes            []string `json:"scopes" jsonschema:"nullable"`
	Token             string   `json:"token"`
	Revoked           bool     `json:"revoked"`
	RevocationReason  *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired           bool     `json:"expired"`
	Expiration        *float64 `json:"expiration" jsonschema:"nullable"`
	CreatedAt         float64  `json:"created_at"`
	UpdatedAt         float64  `json:"updated_at"`
}

type RevokeAdminPortalLinkTokenResponse struct {
	Object            string   `json:"object"`
	ID                string   `json:"id"`
	AdminPortalLinkID string   `json:"admin_portal_link_id"`
	InstanceID        string   `json:"instance_id"`
	OrganizationID    *string  `json:"organization_id" jsonschema:"nullable"`
	ItContactID       *string  `json:"it_contact_id" jsonschema:"nullable"`
	Scopes            []string `json:"scopes" jsonschema:"nullable"`
	Revoked           bool     `json:"revoked"`
	RevocationReason  *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired           bool     `json:"expired"`
	Expiration        *float64 `json:"expiration" jsonschema:"nullable"`
	CreatedAt         float64  `json:"created_at"`
	UpdatedAt         float64  `json:"updated_at"`
}

type CreateAPIKeyResponse struct {
	Object           string   `json:"object"`
	ID               string   `json:"id"`
	Type             string   `json:"type"`
	Subject          string   `json:"subject"`
	Name             string   `json:"name"`
	Description      *string  `json:"description" jsonschema:"nullable"`
	Claims           any      `json:"claims" jsonschema:"nullable"`
	Scopes           []string `json:"scopes"`
	Secret           string   `json:"secret"`
	Revoked          bool     `json:"revoked"`
	RevocationReason *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired          bool     `json:"expired"`
	Expiration       *float64 `json:"expiration" jsonschema:"nullable"`
	CreatedBy        *string  `json:"created_by" jsonschema:"nullable"`
	LastUsedAt       *float64 `json:"last_used_at" jsonschema:"nullable"`
	CreatedAt        float64  `json:"created_at"`
	UpdatedAt        float64  `json:"updated_at"`
}

type ListAPIKeysResponse struct {
	Data       []ListAPIKeysResponseDataItem `json:"data"`
	TotalCount float64                       `json:"total_count"`
}

type ListAPIKeysResponseDataItem struct {
	Object           string   `json:"object"`
	ID               string   `json:"id"`
	Type             string   `json:"type"`
	Subject          string   `json:"subject"`
	Name             string   `json:"name"`
	Description      *string  `json:"description" jsonschema:"nullable"`
	Claims           any      `json:"claims" jsonschema:"nullable"`
	Scopes           []string `json:"scopes"`
	Revoked          bool     `json:"revoked"`
	RevocationReason *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired          bool     `json:"expired"`
	Expiration       *float64 `json:"expiration" jsonschema:"nullable"`
	CreatedBy        *string  `json:"created_by" jsonschema:"nullable"`
	LastUsedAt       *float64 `json:"last_used_at" jsonschema:"nullable"`
	CreatedAt        float64  `json:"created_at"`
	UpdatedAt        float64  `json:"updated_at"`
}

type GetAPIKeyResponse struct {
	Object           string   `json:"object"`
	ID               string   `json:"id"`
	Type             string   `json:"type"`
	Subject          string   `json:"subject"`
	Name             string   `json:"name"`
	Description      *string  `json:"description" jsonschema:"nullable"`
	Claims           any      `json:"claims" jsonschema:"nullable"`
	Scopes           []string `json:"scopes"`
	Revoked          bool     `json:"revoked"`
	RevocationReason *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired          bool     `json:"expired"`
	Expiration       *float64 `json:"expiration" jsonschema:"nullable"`
	CreatedBy        *string  `json:"created_by" jsonschema:"nullable"`
	LastUsedAt       *float64 `json:"last_used_at" jsonschema:"nullable"`
	CreatedAt        float64  `json:"created_at"`
	UpdatedAt        float64  `json:"updated_at"`
}

type UpdateAPIKeyResponse struct {
	Object           string   `json:"object"`
	ID               string   `json:"id"`
	Type             string   `json:"type"`
	Subject          string   `json:"subject"`
	Name             string   `json:"name"`
	Description      *string  `json:"description" jsonschema:"nullable"`
	Claims           any      `json:"claims" jsonschema:"nullable"`
	Scopes           []string `json:"scopes"`
	Revoked          bool     `json:"revoked"`
	RevocationReason *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired          bool     `json:"expired"`
	Expiration       *float64 `json:"expiration" jsonschema:"nullable"`
	CreatedBy        *string  `json:"created_by" jsonschema:"nullable"`
	LastUsedAt       *float64 `json:"last_used_at" jsonschema:"nullable"`
	CreatedAt        float64  `json:"created_at"`
	UpdatedAt        float64  `json:"updated_at"`
}

type DeleteAPIKeyResponse struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Deleted bool   `json:"deleted"`
}

type GetAPIKeySecretResponse struct {
	Secret string `json:"secret"`
}

type RevokeAPIKeyResponse struct {
	Object           string   `json:"object"`
	ID               string   `json:"id"`
	Type             string   `json:"type"`
	Subject          string   `json:"subject"`
	Name             string   `json:"name"`
	Description      *string  `json:"description" jsonschema:"nullable"`
	Claims           any      `json:"claims" jsonschema:"nullable"`
	Scopes           []string `json:"scopes"`
	Revoked          bool     `json:"revoked"`
	RevocationReason *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired          bool     `json:"expired"`
	Expiration       *float64 `json:"expiration" jsonschema:"nullable"`
	CreatedBy        *string  `json:"created_by" jsonschema:"nullable"`
	LastUsedAt       *float64 `json:"last_used_at" jsonschema:"nullable"`
	CreatedAt        float64  `json:"created_at"`
	UpdatedAt        float64  `json:"updated_at"`
}

type VerifyAPIKeyResponse struct {
	Object           string   `json:"object"`
	ID               string   `json:"id"`
	Type             string   `json:"type"`
	Subject          string   `json:"subject"`
	Name             string   `json:"name"`
	Description      *string  `json:"description" jsonschema:"nullable"`
	Claims           any      `json:"claims" jsonschema:"nullable"`
	Scopes           []string `json:"scopes"`
	Revoked          bool     `json:"revoked"`
	RevocationReason *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired          bool     `json:"expired"`
	Expiration       *float64 `json:"expiration" jsonschema:"nullable"`
	CreatedBy        *string  `json:"created_by" jsonschema:"nullable"`
	LastUsedAt       *float64 `json:"last_used_at" jsonschema:"nullable"`
	CreatedAt        float64  `json:"created_at"`
	UpdatedAt        float64  `json:"updated_at"`
}

type CreateM2MTokenResponse struct {
	Object           string   `json:"object"`
	ID               string   `json:"id"`
	Subject          string   `json:"subject"`
	Claims           any      `json:"claims" jsonschema:"nullable"`
	Scopes           []string `json:"scopes"`
	Token            string   `json:"token"`
	Revoked          bool     `json:"revoked"`
	RevocationReason *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired          bool     `json:"expired"`
	Expiration       *float64 `json:"expiration" jsonschema:"nullable"`
	LastUsedAt       *float64 `json:"last_used_at" jsonschema:"nullable"`
	CreatedAt        float64  `json:"created_at"`
	UpdatedAt        float64  `json:"updated_at"`
}

type ListM2MTokensResponse struct {
	M2MTokens  []ListM2MTokensResponseM2MTokensItem `json:"m2m_tokens"`
	TotalCount float64                              `json:"total_count"`
}

type ListM2MTokensResponseM2MTokensItem struct {
	Object           string   `json:"object"`
	ID               string   `json:"id"`
	Subject          string   `json:"subject"`
	Claims           any      `json:"claims" jsonschema:"nullable"`
	Scopes           []string `json:"scopes"`
	Revoked          bool     `json:"revoked"`
	RevocationReason *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired          bool     `json:"expired"`
	Expiration       *float64 `json:"expiration" jsonschema:"nullable"`
	LastUsedAt       *float64 `json:"last_used_at" jsonschema:"nullable"`
	CreatedAt        float64  `json:"created_at"`
	UpdatedAt        float64  `json:"updated_at"`
}

type RevokeM2MTokenResponse struct {
	Object           string   `json:"object"`
	ID               string   `json:"id"`
	Subject          string   `json:"subject"`
	Claims           any      `json:"claims" jsonschema:"nullable"`
	Scopes           []string `json:"scopes"`
	Revoked          bool     `json:"revoked"`
	RevocationReason *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired          bool     `json:"expired"`
	Expiration       *float64 `json:"expiration" jsonschema:"nullable"`
	LastUsedAt       *float64 `json:"last_used_at" jsonschema:"nullable"`
	CreatedAt        float64  `json:"created_at"`
	UpdatedAt        float64  `json:"updated_at"`
}

type VerifyM2MTokenResponse struct {
	Object           string   `json:"object"`
	ID               string   `json:"id"`
	Subject          string   `json:"subject"`
	Claims           any      `json:"claims" jsonschema:"nullable"`
	Scopes           []string `json:"scopes"`
	Revoked          bool     `json:"revoked"`
	RevocationReason *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired          bool     `json:"expired"`
	Expiration       *float64 `json:"expiration" jsonschema:"nullable"`
	LastUsedAt       *float64 `json:"last_used_at" jsonschema:"nullable"`
	CreatedAt        float64  `json:"created_at"`
	UpdatedAt        float64  `json:"updated_at"`
}
