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
