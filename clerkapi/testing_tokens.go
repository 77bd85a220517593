package clerkapi

var testingTokensOperations = []Operation{
	{
		Name: "create_testing_token", OperationID: "CreateTestingToken", Method: "POST", Path: "/testing_tokens",
		Description: "Create a short-lived testing token that bypasses bot protection in Frontend API tests.",
		Request:     CreateTestingTokenRequest{}, Response: TestingToken{}, Secret: true,
	},
}

type CreateTestingTokenRequest struct {
}
