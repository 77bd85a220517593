package clerkapi

var roleSetsOperations = []Operation{
	{
		Name: "list_role_sets", OperationID: "ListRoleSets", Method: "GET", Path: "/role_sets",
		Description: "List role sets (the role bundles organizations use); search by ID, name or key.",
		Request:     ListRoleSetsRequest{}, Response: RoleSets{},
	},
	{
		Name: "create_role_set", OperationID: "CreateRoleSet", Method: "POST", Path: "/role_sets",
		Description: "Create a role set of 1-10 roles, naming the default and creator roles among them.",
		Request:     CreateRoleSetRequest{}, Response: RoleSet{},
	},
	{
		Name: "get_role_set", OperationID: "GetRoleSet", Method: "GET", Path: "/role_sets/{role_set_key_or_id}",
		Description: "Get a role set by key or ID.",
		Request:     GetRoleSetRequest{}, Response: RoleSet{},
	},
	{
		Name: "update_role_set", OperationID: "UpdateRoleSet", Method: "PATCH", Path: "/role_sets/{role_set_key_or_id}",
		Description: "Update a role set's name, key, description or default/creator role, or make it initial.",
		Request:     UpdateRoleSetRequest{}, Response: RoleSet{},
	},
	{
		Name: "replace_role_set", OperationID: "ReplaceRoleSet", Method: "POST", Path: "/role_sets/{role_set_key_or_id}/replace",
		Description: "Delete a role set, moving its organizations to another set and remapping member roles.",
		Request:     ReplaceRoleSetRequest{}, Response: DeletedObject{},
	},
	{
		Name: "add_role_set_roles", OperationID: "AddRolesToRoleSet", Method: "POST", Path: "/role_sets/{role_set_key_or_id}/roles",
		Description: "Add 1-10 roles to a role set, optionally making one the default or creator role.",
		Request:     AddRoleSetRolesRequest{}, Response: RoleSet{},
	},
	{
		Name: "replace_role_set_role", OperationID: "ReplaceRoleInRoleSet", Method: "POST", Path: "/role_sets/{role_set_key_or_id}/roles/replace",
		Description: "Remove a role from a role set, moving its members to another role in one step.",
		Request:     ReplaceRoleSetRoleRequest{}, Response: RoleSet{},
	},
}

type ListRoleSetsRequest struct {
	// Exact role set ID, or partial name or key.
	Query *string `json:"query,omitempty" in:"query"`
	// Sort field; prefix - for descending, + for ascending.
	OrderBy *string `json:"order_by,omitempty" in:"query" jsonschema:"default=-created_at"`
	Limit   *int64  `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset  *int64  `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
}

type CreateRoleSetRequest struct {
	Name string `json:"name" in:"body" jsonschema:"required"`
	// role_set: then lowercase letters, digits or _; default from name.
	Key         *string `json:"key,omitempty" in:"body"`
	Description *string `json:"description,omitempty" in:"body"`
	// Role new members get; must be in roles.
	DefaultRoleKey string `json:"default_role_key" in:"body" jsonschema:"required"`
	// Role organization creators get; must be in roles.
	CreatorRoleKey string `json:"creator_role_key" in:"body" jsonschema:"required"`
	// initial: default set for new orgs (one per instance).
	Type *string `json:"type,omitempty" in:"body" jsonschema:"enum=initial,enum=custom"`
	// Role keys.
	Roles []string `json:"roles" in:"body" jsonschema:"required,minItems=1,maxItems=10"`
}

type GetRoleSetRequest struct {
	RoleSetKeyOrID string `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
}

type UpdateRoleSetRequest struct {
	RoleSetKeyOrID string  `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
	Name           *string `json:"name,omitempty" in:"body"`
	// role_set: then lowercase letters, digits or _.
	Key         *string `json:"key,omitempty" in:"body"`
	Description *string `json:"description,omitempty" in:"body"`
	// Make this the default set for new orgs; the old one turns custom.
	Type *string `json:"type,omitempty" in:"body" jsonschema:"enum=initial"`
	// Role new members get; must be in the set.
	DefaultRoleKey *string `json:"default_role_key,omitempty" in:"body"`
	// Role organization creators get; must be in the set.
	CreatorRoleKey *string `json:"creator_role_key,omitempty" in:"body"`
}

type ReplaceRoleSetRequest struct {
	RoleSetKeyOrID string `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
	// Role set that takes over its organizations.
	DestRoleSetKey string `json:"dest_role_set_key" in:"body" jsonschema:"required"`
	// Old role key to new role key, where members need one.
	ReassignmentMappings map[string]string `json:"reassignment_mappings,omitempty" in:"body"`
}

type AddRoleSetRolesRequest struct {
	RoleSetKeyOrID string   `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
	RoleKeys       []string `json:"role_keys" in:"body" jsonschema:"required,minItems=1,maxItems=10"`
	// Make one of the added roles the default.
	DefaultRoleKey *string `json:"default_role_key,omitempty" in:"body"`
	// Make one of the added roles the creator role.
	CreatorRoleKey *string `json:"creator_role_key,omitempty" in:"body"`
}

type ReplaceRoleSetRoleRequest struct {
	RoleSetKeyOrID string `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
	// Role to remove from the set.
	RoleKey string `json:"role_key" in:"body" jsonschema:"required"`
	// Role its members move to.
	ToRoleKey string `json:"to_role_key" in:"body" jsonschema:"required"`
}
