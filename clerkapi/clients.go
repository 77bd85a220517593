package clerkapi

var clientsOperations = []Operation{
	{
		Name: "list_clients", OperationID: "GetClientList", Method: "GET", Path: "/clients",
		Description: "Deprecated: List all clients (browser/device sign-in states), newest first.",
		Request:     ListClientsRequest{}, Response: List[ClientObject]{}, Deprecated: true, Paginated: true,
	},
	{
		Name: "verify_client", OperationID: "VerifyClient", Method: "POST", Path: "/clients/verify",
		Description: "Verify a client JWT and return the client it represents, with its sessions.",
		Request:     VerifyClientRequest{}, Response: ClientObject{},
	},
	{
		Name: "get_client", OperationID: "GetClient", Method: "GET", Path: "/clients/{client_id}",
		Description: "Get a client (a browser or device's sign-in state) with its sessions.",
		Request:     GetClientRequest{}, Response: ClientObject{},
	},
}

type ListClientsRequest struct {
	Limit  *int64 `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset *int64 `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
}

type VerifyClientRequest struct {
	// JWT representing the active client.
	Token string `json:"token" in:"body" jsonschema:"required"`
}

type GetClientRequest struct {
	ClientID string `json:"client_id" in:"path" jsonschema:"required"`
}
