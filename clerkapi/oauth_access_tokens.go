package clerkapi

var oauthAccessTokensOperations = []Operation{
	{
		Name: "verify_oauth_access_token", OperationID: "verifyOAuthAccessToken", Method: "POST", Path: "/oauth_applications/access_tokens/verify",
		Description: "Returns subject and scopes, or active=false.",
		Request:     VerifyOAuthAccessTokenRequest{}, Response: map[string]any{},
	},
}

type VerifyOAuthAccessTokenRequest struct {
	AccessToken *string `json:"access_token,omitempty" in:"body"`
	Secret      *string `json:"secret,omitempty" in:"body"`
}
