package clerkapi

var redirectURLsOperations = []Operation{
	{
		Name: "list_redirect_urls", OperationID: "ListRedirectURLs", Method: "GET", Path: "/redirect_urls",
		Description: "List the redirect URLs allowed for the instance (e.g. OAuth and mobile callbacks).",
		Request:     ListRedirectURLsRequest{}, Response: List[RedirectURL]{}, Paginated: true,
	},
	{
		Name: "create_redirect_url", OperationID: "CreateRedirectURL", Method: "POST", Path: "/redirect_urls",
		Description: "Add a URL to the instance's allowed redirect URLs.",
		Request:     CreateRedirectURLRequest{}, Response: RedirectURL{},
	},
	{
		Name: "get_redirect_url", OperationID: "GetRedirectURL", Method: "GET", Path: "/redirect_urls/{id}",
		Description: "Get an allowed redirect URL by ID.",
		Request:     GetRedirectURLRequest{}, Response: RedirectURL{},
	},
	{
		Name: "delete_redirect_url", OperationID: "DeleteRedirectURL", Method: "DELETE", Path: "/redirect_urls/{id}",
		Description: "Remove a URL from the instance's allowed redirect URLs.",
		Request:     DeleteRedirectURLRequest{}, Response: DeletedObject{},
	},
}

type ListRedirectURLsRequest struct {
	Limit  *int64 `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset *int64 `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
}

type CreateRedirectURLRequest struct {
	// Full https:// URL or custom scheme, e.g. my-app://oauth-callback.
	URL string `json:"url" in:"body" jsonschema:"required"`
}

type GetRedirectURLRequest struct {
	// Redirect URL ID.
	ID string `json:"id" in:"path" jsonschema:"required"`
}

type DeleteRedirectURLRequest struct {
	// Redirect URL ID.
	ID string `json:"id" in:"path" jsonschema:"required"`
}
