package clerkapi

var m2mTokensOperations = []Operation{
	{
		Name: "create_m2m_token", OperationID: "createM2MToken", Method: "POST", Path: "/m2m_tokens",
		Description: "Authenticated by a machine secret key.",
		Request:     CreateM2MTokenRequest{}, Response: CreateM2MTokenResponse{}, Secret: true, MachineAuth: true,
	},
	{
		Name: "list_m2m_tokens", OperationID: "getM2MTokens", Method: "GET", Path: "/m2m_tokens",
		Description: "A machine's opaque tokens only.",
		Request:     ListM2MTokensRequest{}, Response: ListM2MTokensResponse{},
	},
	{
		Name: "revoke_m2m_token", OperationID: "revokeM2MToken", Method: "POST", Path: "/m2m_tokens/{m2m_token_id}/revoke",
		Description: "Opaque tokens only, not JWTs.",
		Request:     RevokeM2MTokenRequest{}, Response: M2MToken{},
	},
	{
		Name: "verify_m2m_token", OperationID: "verifyM2MToken", Method: "POST", Path: "/m2m_tokens/verify",
		Description: "Check a token; returns subject and scopes.",
		Request:     VerifyM2MTokenRequest{}, Response: M2MToken{},
	},
}

type CreateM2MTokenRequest struct {
	// Default: CLERK_MACHINE_SECRET_KEY.
	MachineSecretKey       *string        `json:"machine_secret_key,omitempty" in:"auth"`
	TokenFormat            *string        `json:"token_format,omitempty" in:"body" jsonschema:"default=opaque,enum=opaque,enum=jwt"`
	SecondsUntilExpiration *float64       `json:"seconds_until_expiration,omitempty" in:"body,nullable" jsonschema:"exclusiveMinimum=0"`
	Claims                 map[string]any `json:"claims,omitempty" in:"body,nullable"`
	// Reuse a live token with this TTL left.
	MinRemainingTTLSeconds *int64 `json:"min_remaining_ttl_seconds,omitempty" in:"body" jsonschema:"minimum=0"`
}

type ListM2MTokensRequest struct {
	// Machine ID.
	Subject string `json:"subject" in:"query" jsonschema:"required,pattern=^mch_\\w{27}$"`
	Revoked *bool  `json:"revoked,omitempty" in:"query" jsonschema:"default=false"`
	Expired *bool  `json:"expired,omitempty" in:"query" jsonschema:"default=false"`
	Page100
}

type RevokeM2MTokenRequest struct {
	M2MTokenID       string  `json:"m2m_token_id" in:"path" jsonschema:"required,pattern=^mt_[0-9A-Fa-f]{32}$"`
	RevocationReason *string `json:"revocation_reason,omitempty" in:"body,nullable"`
}

type VerifyM2MTokenRequest struct {
	Token string `json:"token" in:"body" jsonschema:"required"`
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
	M2MTokens  []M2MToken `json:"m2m_tokens"`
	TotalCount float64    `json:"total_count"`
}

type M2MToken struct {
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
