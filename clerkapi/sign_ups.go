package clerkapi

var signUpsOperations = []Operation{
	{
		Name: "get_sign_up", OperationID: "GetSignUp", Method: "GET", Path: "/sign_ups/{id}",
		Description: "Get a sign-up attempt by ID.",
		Request:     GetSignUpRequest{}, Response: SignUp{},
	},
	{
		Name: "update_sign_up", OperationID: "UpdateSignUp", Method: "PATCH", Path: "/sign_ups/{id}",
		Description: "Set external ID or custom-action flag.",
		Request:     UpdateSignUpRequest{}, Response: SignUp{},
	},
}

type GetSignUpRequest struct {
	ID string `json:"id" in:"path" jsonschema:"required"`
}

type UpdateSignUpRequest struct {
	ID           string  `json:"id" in:"path" jsonschema:"required"`
	ExternalID   *string `json:"external_id,omitempty" in:"body,nullable"`
	CustomAction *bool   `json:"custom_action,omitempty" in:"body,nullable"`
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
