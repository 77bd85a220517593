package clerkapi

var redirectURLsOperations = []Operation{
	{
		Name: "list_redirect_urls", OperationID: "ListRedirectURLs", Method: "GET", Path: "/redirect_urls",
		Description: "Allowed redirect URLs.",
		Request:     ListRedirectURLsRequest{}, Response: List[RedirectURL]{}, Paginated: true,
	},
	{
		Name: "create_redirect_url", OperationID: "CreateRedirectURL", Method: "POST", Path: "/redirect_urls",
		Description: "Allow a redirect URL.",
		Request:     CreateRedirectURLRequest{}, Response: RedirectURL{},
	},
	{
		Name: "get_redirect_url", OperationID: "GetRedirectURL", Method: "GET", Path: "/redirect_urls/{id}",
		Description: "Get an allowed redirect URL.",
		Request:     GetRedirectURLRequest{}, Response: RedirectURL{},
	},
	{
		Name: "delete_redirect_url", OperationID: "DeleteRedirectURL", Method: "DELETE", Path: "/redirect_urls/{id}",
		Description: "Disallow a redirect URL.",
		Request:     DeleteRedirectURLRequest{}, Response: DeletedObject{},
	},
}

type ListRedirectURLsRequest struct {
	Page
}

type CreateRedirectURLRequest struct {
	URL string `json:"url" in:"body" jsonschema:"required"`
}

type GetRedirectURLRequest struct {
	ID string `json:"id" in:"path" jsonschema:"required"`
}

type DeleteRedirectURLRequest struct {
	ID string `json:"id" in:"path" jsonschema:"required"`
}

type RedirectURL struct {
	Object    string `json:"object"`
	ID        string `json:"id"`
	URL       string `json:"url"`
	CreatedAt int64  `json:"created_at"`
	UpdatedAt int64  `json:"updated_at"`
}
