package clerkapi

var roleSetsOperations = []Operation{
	{
		Name: "list_role_sets", OperationID: "ListRoleSets", Method: "GET", Path: "/role_sets",
		Description: "",
		Request:     ListRoleSetsRequest{}, Response: RoleSets{},
	},
	{
		Name: "create_role_set", OperationID: "CreateRoleSet", Method: "POST", Path: "/role_sets",
		Description: "",
		Request:     CreateRoleSetRequest{}, Response: RoleSet{},
	},
	{
		Name: "get_role_set", OperationID: "GetRoleSet", Method: "GET", Path: "/role_sets/{role_set_key_or_id}",
		Description: "",
		Request:     GetRoleSetRequest{}, Response: RoleSet{},
	},
	{
		Name: "update_role_set", OperationID: "UpdateRoleSet", Method: "PATCH", Path: "/role_sets/{role_set_key_or_id}",
		Description: "",
		Request:     UpdateRoleSetRequest{}, Response: RoleSet{},
	},
	{
		Name: "replace_role_set", OperationID: "ReplaceRoleSet", Method: "POST", Path: "/role_sets/{role_set_key_or_id}/replace",
		Description: "",
		Request:     ReplaceRoleSetRequest{}, Response: DeletedObject{},
	},
	{
		Name: "add_role_set_roles", OperationID: "AddRolesToRoleSet", Method: "POST", Path: "/role_sets/{role_set_key_or_id}/roles",
		Description: "",
		Request:     AddRoleSetRolesRequest{}, Response: RoleSet{},
	},
	{
		Name: "replace_role_set_role", OperationID: "ReplaceRoleInRoleSet", Method: "POST", Path: "/role_sets/{role_set_key_or_id}/roles/replace",
		Description: "",
		Request:     ReplaceRoleSetRoleRequest{}, Response: RoleSet{},
	},
}

type ListRoleSetsRequest struct {
	Query   *string `json:"query,omitempty" in:"query"`
	OrderBy *string `json:"order_by,omitempty" in:"query" jsonschema:"default=-created_at"`
	Limit   *int64  `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset  *int64  `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
}

type CreateRoleSetRequest struct {
	Name           string   `json:"name" in:"body" jsonschema:"required"`
	Key            *string  `json:"key,omitempty" in:"body"`
	Description    *string  `json:"description,omitempty" in:"body"`
	DefaultRoleKey string   `json:"default_role_key" in:"body" jsonschema:"required"`
	CreatorRoleKey string   `json:"creator_role_key" in:"body" jsonschema:"required"`
	Type           *string  `json:"type,omitempty" in:"body" jsonschema:"enum=initial,enum=custom"`
	Roles          []string `json:"roles" in:"body" jsonschema:"required"`
}

type GetRoleSetRequest struct {
	RoleSetKeyOrID string `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
}

type UpdateRoleSetRequest struct {
	RoleSetKeyOrID string  `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
	Name           *string `json:"name,omitempty" in:"body"`
	Key            *string `json:"key,omitempty" in:"body"`
	Description    *string `json:"description,omitempty" in:"body"`
	Type           *string `json:"type,omitempty" in:"body" jsonschema:"enum=initial"`
	DefaultRoleKey *string `json:"default_role_key,omitempty" in:"body"`
	CreatorRoleKey *string `json:"creator_role_key,omitempty" in:"body"`
}

type ReplaceRoleSetRequest struct {
	RoleSetKeyOrID       string         `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
	DestRoleSetKey       string         `json:"dest_role_set_key" in:"body" jsonschema:"required"`
	ReassignmentMappings map[string]any `json:"reassignment_mappings,omitempty" in:"body"`
}

type AddRoleSetRolesRequest struct {
	RoleSetKeyOrID string   `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
	RoleKeys       []string `json:"role_keys" in:"body" jsonschema:"required"`
	DefaultRoleKey *string  `json:"default_role_key,omitempty" in:"body"`
	CreatorRoleKey *string  `json:"creator_role_key,omitempty" in:"body"`
}

type ReplaceRoleSetRoleRequest struct {
	RoleSetKeyOrID string `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
	RoleKey        string `json:"role_key" in:"body" jsonschema:"required"`
	ToRoleKey      string `json:"to_role_key" in:"body" jsonschema:"required"`
}
