package clerkapi

var signInTokensOperations = []Operation{
	{
		Name: "create_sign_in_token", OperationID: "CreateSignInToken", Method: "POST", Path: "/sign_in_tokens",
		Description: "Its URL signs the user in.",
		Request:     CreateSignInTokenRequest{}, Response: SignInToken{}, Secret: true,
	},
	{
		Name: "revoke_sign_in_token", OperationID: "RevokeSignInToken", Method: "POST", Path: "/sign_in_tokens/{sign_in_token_id}/revoke",
		Description: "Revoke a pending sign-in token.",
		Request:     RevokeSignInTokenRequest{}, Response: SignInToken{},
	},
}

type CreateSignInTokenRequest struct {
	UserID           string  `json:"user_id" in:"body" jsonschema:"required"`
	OrgID            *string `json:"org_id,omitempty" in:"body,nullable"`
	ExpiresInSeconds *int64  `json:"expires_in_seconds,omitempty" in:"body,nullable" jsonschema:"minimum=1,default=2592000"`
}

type RevokeSignInTokenRequest struct {
	SignInTokenID string `json:"sign_in_token_id" in:"path" jsonschema:"required"`
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
