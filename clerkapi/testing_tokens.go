package clerkapi

var testingTokensOperations = []Operation{
	{
		Name: "create_testing_token", OperationID: "CreateTestingToken", Method: "POST", Path: "/testing_tokens",
		Description: "Bypasses bot protection in tests.",
		Request:     CreateTestingTokenRequest{}, Response: TestingToken{}, Secret: true,
	},
}

type CreateTestingTokenRequest struct {
}

type TestingToken struct {
	Object    string `json:"object"`
	Token     string `json:"token"`
	ExpiresAt int64  `json:"expires_at"`
}
