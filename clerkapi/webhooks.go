package clerkapi

var webhooksOperations = []Operation{
	{
		Name: "create_svix_app", OperationID: "CreateSvixApp", Method: "POST", Path: "/webhooks/svix",
		Description: "Create the instance's Svix webhooks app; returns a dashboard URL.",
		Request:     CreateSvixAppRequest{}, Response: SvixURL{}, Secret: true,
	},
	{
		Name: "delete_svix_app", OperationID: "DeleteSvixApp", Method: "DELETE", Path: "/webhooks/svix",
		Description: "Delete the instance's Svix webhooks app.",
		Request:     DeleteSvixAppRequest{}, Response: nil,
	},
	{
		Name: "generate_svix_auth_url", OperationID: "GenerateSvixAuthURL", Method: "POST", Path: "/webhooks/svix_url",
		Description: "Get a temporary URL to the Svix webhooks dashboard for the instance.",
		Request:     GenerateSvixAuthURLRequest{}, Response: SvixURL{}, Secret: true,
	},
}

type CreateSvixAppRequest struct {
}

type DeleteSvixAppRequest struct {
}

type GenerateSvixAuthURLRequest struct {
}
