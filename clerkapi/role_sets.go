package clerkapi

var roleSetsOperations = []Operation{
	{
		Name: "list_role_sets", OperationID: "ListRoleSets", Method: "GET", Path: "/role_sets",
		Description: "Role bundles used by organizations.",
		Request:     ListRoleSetsRequest{}, Response: RoleSets{},
	},
	{
		Name: "create_role_set", OperationID: "CreateRoleSet", Method: "POST", Path: "/role_sets",
		Description: "1-10 roles incl. default and creator.",
		Request:     CreateRoleSetRequest{}, Response: RoleSet{},
	},
	{
		Name: "get_role_set", OperationID: "GetRoleSet", Method: "GET", Path: "/role_sets/{role_set_key_or_id}",
		Description: "Get a role set by key or ID.",
		Request:     GetRoleSetRequest{}, Response: RoleSet{},
	},
	{
		Name: "update_role_set", OperationID: "UpdateRoleSet", Method: "PATCH", Path: "/role_sets/{role_set_key_or_id}",
		Description: "Update a role set.",
		Request:     UpdateRoleSetRequest{}, Response: RoleSet{},
	},
	{
		Name: "replace_role_set", OperationID: "ReplaceRoleSet", Method: "POST", Path: "/role_sets/{role_set_key_or_id}/replace",
		Description: "Deletes it; its orgs move to another set.",
		Request:     ReplaceRoleSetRequest{}, Response: DeletedObject{},
	},
	{
		Name: "add_role_set_roles", OperationID: "AddRolesToRoleSet", Method: "POST", Path: "/role_sets/{role_set_key_or_id}/roles",
		Description: "Add 1-10 roles to a role set.",
		Request:     AddRoleSetRolesRequest{}, Response: RoleSet{},
	},
	{
		Name: "replace_role_set_role", OperationID: "ReplaceRoleInRoleSet", Method: "POST", Path: "/role_sets/{role_set_key_or_id}/roles/replace",
		Description: "Drops a role; members move to another.",
		Request:     ReplaceRoleSetRoleRequest{}, Response: RoleSet{},
	},
}

type ListRoleSetsRequest struct {
	Query *string `json:"query,omitempty" in:"query"`
	// +/-field: created_at, name, key.
	OrderBy *string `json:"order_by,omitempty" in:"query" jsonschema:"default=-created_at"`
	Page
}

type CreateRoleSetRequest struct {
	Name           string  `json:"name" in:"body" jsonschema:"required"`
	Key            *string `json:"key,omitempty" in:"body"`
	Description    *string `json:"description,omitempty" in:"body,nullable"`
	DefaultRoleKey string  `json:"default_role_key" in:"body" jsonschema:"required"`
	CreatorRoleKey string  `json:"creator_role_key" in:"body" jsonschema:"required"`
	Type           *string `json:"type,omitempty" in:"body" jsonschema:"enum=initial,enum=custom"`
	// Role keys.
	Roles []string `json:"roles" in:"body" jsonschema:"required,minItems=1,maxItems=10"`
}

type GetRoleSetRequest struct {
	RoleSetKeyOrID string `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
}

type UpdateRoleSetRequest struct {
	RoleSetKeyOrID string  `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
	Name           *string `json:"name,omitempty" in:"body,nullable"`
	Key            *string `json:"key,omitempty" in:"body,nullable"`
	Description    *string `json:"description,omitempty" in:"body,nullable"`
	Type           *string `json:"type,omitempty" in:"body,nullable" jsonschema:"enum=initial"`
	DefaultRoleKey *string `json:"default_role_key,omitempty" in:"body,nullable"`
	CreatorRoleKey *string `json:"creator_role_key,omitempty" in:"body,nullable"`
}

type ReplaceRoleSetRequest struct {
	RoleSetKeyOrID string `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
	DestRoleSetKey string `json:"dest_role_set_key" in:"body" jsonschema:"required"`
	// Old role key to new role key.
	ReassignmentMappings map[string]string `json:"reassignment_mappings,omitempty" in:"body"`
}

type AddRoleSetRolesRequest struct {
	RoleSetKeyOrID string   `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
	RoleKeys       []string `json:"role_keys" in:"body" jsonschema:"required,minItems=1,maxItems=10"`
	// One of role_keys.
	DefaultRoleKey *string `json:"default_role_key,omitempty" in:"body"`
	// One of role_keys.
	CreatorRoleKey *string `json:"creator_role_key,omitempty" in:"body"`
}

type ReplaceRoleSetRoleRequest struct {
	RoleSetKeyOrID string `json:"role_set_key_or_id" in:"path" jsonschema:"required"`
	RoleKey        string `json:"role_key" in:"body" jsonschema:"required"`
	ToRoleKey      string `json:"to_role_key" in:"body" jsonschema:"required"`
}

type RoleSets struct {
	Data       []RoleSet `json:"data"`
	TotalCount int64     `json:"total_count"`
}

type RoleSet struct {
	Object           string            `json:"object"`
	ID               string            `json:"id"`
	Name             string            `json:"name"`
	Key              string            `json:"key"`
	Description      *string           `json:"description" jsonschema:"nullable"`
	Roles            []RoleSetItem     `json:"roles"`
	DefaultRole      *RoleSetItem      `json:"default_role" jsonschema:"nullable"`
	CreatorRole      *RoleSetItem      `json:"creator_role" jsonschema:"nullable"`
	Type             string            `json:"type"`
	RoleSetMigration *RoleSetMigration `json:"role_set_migration" jsonschema:"nullable"`
	CreatedAt        int64             `json:"created_at"`
	UpdatedAt        int64             `json:"updated_at"`
}

type RoleSetItem struct {
	Object       string  `json:"object"`
	ID           string  `json:"id"`
	Name         string  `json:"name"`
	Key          string  `json:"key"`
	Description  *string `json:"description" jsonschema:"nullable"`
	MembersCount *int64  `json:"members_count" jsonschema:"nullable"`
	HasMembers   *bool   `json:"has_members" jsonschema:"nullable"`
	CreatedAt    int64   `json:"created_at"`
	UpdatedAt    int64   `json:"updated_at"`
}

type RoleSetMigration struct {
	Object          string         `json:"object"`
	ID              string         `json:"id"`
	OrganizationID  *string        `json:"organization_id" jsonschema:"nullable"`
	InstanceID      string         `json:"instance_id"`
	SourceRoleSetID string         `json:"source_role_set_id"`
	DestRoleSetID   *string        `json:"dest_role_set_id" jsonschema:"nullable"`
	TriggerType     string         `json:"trigger_type"`
	Status          string         `json:"status"`
	MigratedMembers int64          `json:"migrated_members"`
	Mappings        map[string]any `json:"mappings" jsonschema:"nullable"`
	StartedAt       *int64         `json:"started_at" jsonschema:"nullable"`
	CompletedAt     *int64         `json:"completed_at" jsonschema:"nullable"`
	CreatedAt       int64          `json:"created_at"`
	UpdatedAt       int64          `json:"updated_at"`
}
