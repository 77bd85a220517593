package clerkapi

var machinesOperations = []Operation{
	{
		Name: "list_machines", OperationID: "ListMachines", Method: "GET", Path: "/machines",
		Description: "M2M machine identities.",
		Request:     ListMachinesRequest{}, Response: ListMachinesResponse{},
	},
	{
		Name: "create_machine", OperationID: "CreateMachine", Method: "POST", Path: "/machines",
		Description: "An M2M identity; returns its secret key.",
		Request:     CreateMachineRequest{}, Response: CreateMachineResponse{}, Secret: true,
	},
	{
		Name: "get_machine", OperationID: "GetMachine", Method: "GET", Path: "/machines/{machine_id}",
		Description: "Get a machine by ID.",
		Request:     GetMachineRequest{}, Response: Machine{},
	},
	{
		Name: "update_machine", OperationID: "UpdateMachine", Method: "PATCH", Path: "/machines/{machine_id}",
		Description: "Change name or default token lifetime.",
		Request:     UpdateMachineRequest{}, Response: Machine{},
	},
	{
		Name: "delete_machine", OperationID: "DeleteMachine", Method: "DELETE", Path: "/machines/{machine_id}",
		Description: "Delete a machine permanently.",
		Request:     DeleteMachineRequest{}, Response: DeletedResource{},
	},
	{
		Name: "get_machine_secret_key", OperationID: "GetMachineSecretKey", Method: "GET", Path: "/machines/{machine_id}/secret_key",
		Description: "Get a machine's secret key.",
		Request:     GetMachineSecretKeyRequest{}, Response: MachineSecretKey{}, Secret: true,
	},
	{
		Name: "rotate_machine_secret_key", OperationID: "RotateMachineSecretKey", Method: "POST", Path: "/machines/{machine_id}/secret_key/rotate",
		Description: "Old key lasts previous_token_ttl.",
		Request:     RotateMachineSecretKeyRequest{}, Response: MachineSecretKey{}, Secret: true,
	},
	{
		Name: "create_machine_scope", OperationID: "CreateMachineScope", Method: "POST", Path: "/machines/{machine_id}/scopes",
		Description: "Let a machine access another (max 150).",
		Request:     CreateMachineScopeRequest{}, Response: MachineScope{},
	},
	{
		Name: "delete_machine_scope", OperationID: "DeleteMachineScope", Method: "DELETE", Path: "/machines/{machine_id}/scopes/{other_machine_id}",
		Description: "End one machine's access to another.",
		Request:     DeleteMachineScopeRequest{}, Response: DeleteMachineScopeResponse{},
	},
}

type ListMachinesRequest struct {
	Page
	Query *string `json:"query,omitempty" in:"query"`
	// +/-field: name, created_at.
	OrderBy *string `json:"order_by,omitempty" in:"query" jsonschema:"default=-created_at"`
}

type CreateMachineRequest struct {
	Name           string   `json:"name" in:"body" jsonschema:"required,minLength=1,maxLength=255"`
	ScopedMachines []string `json:"scoped_machines,omitempty" in:"body" jsonschema:"maxItems=150"`
	// Seconds.
	DefaultTokenTTL *int64 `json:"default_token_ttl,omitempty" in:"body" jsonschema:"minimum=1,maximum=315360000,default=3600"`
}

type GetMachineRequest struct {
	MachineID string `json:"machine_id" in:"path" jsonschema:"required"`
}

type UpdateMachineRequest struct {
	MachineID string  `json:"machine_id" in:"path" jsonschema:"required"`
	Name      *string `json:"name,omitempty" in:"body" jsonschema:"minLength=1,maxLength=255"`
	// Seconds.
	DefaultTokenTTL *int64 `json:"default_token_ttl,omitempty" in:"body" jsonschema:"minimum=1,maximum=315360000"`
}

type DeleteMachineRequest struct {
	MachineID string `json:"machine_id" in:"path" jsonschema:"required"`
}

type GetMachineSecretKeyRequest struct {
	MachineID string `json:"machine_id" in:"path" jsonschema:"required"`
}

type RotateMachineSecretKeyRequest struct {
	MachineID string `json:"machine_id" in:"path" jsonschema:"required"`
	// Seconds.
	PreviousTokenTTL int64 `json:"previous_token_ttl" in:"body" jsonschema:"required,minimum=0,maximum=28800"`
}

type CreateMachineScopeRequest struct {
	MachineID   string `json:"machine_id" in:"path" jsonschema:"required"`
	ToMachineID string `json:"to_machine_id" in:"body" jsonschema:"required"`
}

type DeleteMachineScopeRequest struct {
	MachineID      string `json:"machine_id" in:"path" jsonschema:"required"`
	OtherMachineID string `json:"other_machine_id" in:"path" jsonschema:"required"`
}

type ListMachinesResponse struct {
	Data       []Machine `json:"data"`
	TotalCount int64     `json:"total_count"`
}

type Machine struct {
	Object          string                         `json:"object"`
	ID              string                         `json:"id"`
	Name            string                         `json:"name"`
	InstanceID      string                         `json:"instance_id"`
	CreatedAt       int64                          `json:"created_at"`
	UpdatedAt       int64                          `json:"updated_at"`
	DefaultTokenTTL int64                          `json:"default_token_ttl"`
	ScopedMachines  []MachineWithoutScopedMachines `json:"scoped_machines"`
}

type MachineWithoutScopedMachines struct {
	Object          string `json:"object"`
	ID              string `json:"id"`
	Name            string `json:"name"`
	InstanceID      string `json:"instance_id"`
	CreatedAt       int64  `json:"created_at"`
	UpdatedAt       int64  `json:"updated_at"`
	DefaultTokenTTL int64  `json:"default_token_ttl"`
}

type CreateMachineResponse struct {
	Object          string                         `json:"object"`
	ID              string                         `json:"id"`
	Name            string                         `json:"name"`
	InstanceID      string                         `json:"instance_id"`
	CreatedAt       int64                          `json:"created_at"`
	UpdatedAt       int64                          `json:"updated_at"`
	DefaultTokenTTL int64                          `json:"default_token_ttl"`
	ScopedMachines  []MachineWithoutScopedMachines `json:"scoped_machines"`
	SecretKey       string                         `json:"secret_key"`
}

type MachineSecretKey struct {
	Object string `json:"object"`
	Secret string `json:"secret"`
}

type MachineScope struct {
	Object        string `json:"object"`
	FromMachineID string `json:"from_machine_id"`
	ToMachineID   string `json:"to_machine_id"`
	CreatedAt     int64  `json:"created_at"`
}

type DeleteMachineScopeResponse struct {
	Object        string `json:"object"`
	FromMachineID string `json:"from_machine_id"`
	ToMachineID   string `json:"to_machine_id"`
	Deleted       bool   `json:"deleted"`
}
