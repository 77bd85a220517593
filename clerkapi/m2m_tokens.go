package clerkapi

var m2mTokensOperations = []Operation{
	{
		Name: "create_m2m_token", OperationID: "createM2MToken", Method: "POST", Path: "/m2m_tokens",
		Description: "Mint an M2M token for the machine whose secret key authenticates the call; returns the token.",
		Request:     CreateM2MTokenRequest{}, Response: CreateM2MTokenResponse{}, Secret: true, MachineAuth: true,
	},
	{
		Name: "list_m2m_tokens", OperationID: "getM2MTokens", Method: "GET", Path: "/m2m_tokens",
		Description: "List a machine's stored opaque M2M tokens (JWT-format tokens are not stored).",
		Request:     ListM2MTokensRequest{}, Response: ListM2MTokensResponse{},
	},
	{
		Name: "revoke_m2m_token", OperationID: "revokeM2MToken", Method: "POST", Path: "/m2m_tokens/{m2m_token_id}/revoke",
		Description: "Revoke an opaque M2M token; JWT-format tokens can't be revoked.",
		Request:     RevokeM2MTokenRequest{}, Response: RevokeM2MTokenResponse{},
	},
	{
		Name: "verify_m2m_token", OperationID: "verifyM2MToken", Method: "POST", Path: "/m2m_tokens/verify",
		Description: "Check an M2M token and return its subject, scopes, claims and status.",
		Request:     VerifyM2MTokenRequest{}, Response: VerifyM2MTokenResponse{},
	},
}

type CreateM2MTokenRequest struct {
	// The machine's secret key; default: the server's CLERK_MACHINE_SECRET_KEY.
	MachineSecretKey *string `json:"machine_secret_key,omitempty" in:"auth"`
	TokenFormat      *string `json:"token_format,omitempty" in:"body" jsonschema:"default=opaque,enum=opaque,enum=jwt"`
	// Lifetime; defaults to the machine's default_token_ttl.
	SecondsUntilExpiration *float64 `json:"seconds_until_expiration,omitempty" in:"body" jsonschema:"exclusiveMinimum=0"`
	// Custom claims to embed in the token.
	Claims map[string]any `json:"claims,omitempty" in:"body"`
	// Opaque only: reuse a live token with this much TTL left.
	MinRemainingTTLSeconds *int64 `json:"min_remaining_ttl_seconds,omitempty" in:"body" jsonschema:"minimum=0"`
}

type ListM2MTokensRequest struct {
	// Machine ID (mch_...).
	Subject string `json:"subject" in:"query" jsonschema:"required"`
	// Include revoked tokens.
	Revoked *bool `json:"revoked,omitempty" in:"query" jsonschema:"default=false"`
	// Include expired tokens.
	Expired *bool    `json:"expired,omitempty" in:"query" jsonschema:"default=false"`
	Limit   *float64 `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=100,default=10"`
	Offset  *float64 `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
}

type RevokeM2MTokenRequest struct {
	M2MTokenID       string  `json:"m2m_token_id" in:"path" jsonschema:"required"`
	RevocationReason *string `json:"revocation_reason,omitempty" in:"body"`
}

type VerifyM2MTokenRequest struct {
	Token string `json:"token" in:"body" jsonschema:"required"`
}
