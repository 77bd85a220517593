package clerkapi

var clientsOperations = []Operation{
	{
		Name: "list_clients", OperationID: "GetClientList", Method: "GET", Path: "/clients",
		Description: "Deprecated: list all clients.",
		Request:     ListClientsRequest{}, Response: List[ClientObject]{}, Deprecated: true, Paginated: true,
	},
	{
		Name: "verify_client", OperationID: "VerifyClient", Method: "POST", Path: "/clients/verify",
		Description: "Check a client JWT; returns the client.",
		Request:     VerifyClientRequest{}, Response: ClientObject{},
	},
	{
		Name: "get_client", OperationID: "GetClient", Method: "GET", Path: "/clients/{client_id}",
		Description: "A device's sign-in state.",
		Request:     GetClientRequest{}, Response: ClientObject{},
	},
}

type ListClientsRequest struct {
	Page
}

type VerifyClientRequest struct {
	Token string `json:"token" in:"body" jsonschema:"required"`
}

type GetClientRequest struct {
	ClientID string `json:"client_id" in:"path" jsonschema:"required"`
}

type ClientObject struct {
	Object                     string    `json:"object"`
	ID                         string    `json:"id"`
	SessionIDs                 []string  `json:"session_ids"`
	Sessions                   []Session `json:"sessions"`
	SignInID                   *string   `json:"sign_in_id" jsonschema:"nullable"`
	SignUpID                   *string   `json:"sign_up_id" jsonschema:"nullable"`
	LastActiveSessionID        *string   `json:"last_active_session_id" jsonschema:"nullable"`
	LastAuthenticationStrategy *string   `json:"last_authentication_strategy" jsonschema:"nullable"`
	UpdatedAt                  int64     `json:"updated_at"`
	CreatedAt                  int64     `json:"created_at"`
}
