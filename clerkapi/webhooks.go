package clerkapi

var webhooksOperations = []Operation{
	{
		Name: "create_svix_app", OperationID: "CreateSvixApp", Method: "POST", Path: "/webhooks/svix",
		Description: "Returns a Svix dashboard URL.",
		Request:     CreateSvixAppRequest{}, Response: SvixURL{}, Secret: true,
	},
	{
		Name: "delete_svix_app", OperationID: "DeleteSvixApp", Method: "DELETE", Path: "/webhooks/svix",
		Description: "Delete the Svix webhooks app.",
		Request:     DeleteSvixAppRequest{}, Response: nil,
	},
	{
		Name: "generate_svix_auth_url", OperationID: "GenerateSvixAuthURL", Method: "POST", Path: "/webhooks/svix_url",
		Description: "Temporary Svix dashboard URL.",
		Request:     GenerateSvixAuthURLRequest{}, Response: SvixURL{}, Secret: true,
	},
}

type CreateSvixAppRequest struct {
}

type DeleteSvixAppRequest struct {
}

type GenerateSvixAuthURLRequest struct {
}

type SvixURL struct {
	SvixURL string `json:"svix_url"`
}
