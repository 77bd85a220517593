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
	ExternalID   *string `json:"external_id,omitempty" in:"body"`
	CustomAction *bool   `json:"custom_action,omitempty" in:"body"`
}
