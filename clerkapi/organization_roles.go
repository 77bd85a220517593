package clerkapi

var organizationRolesOperations = []Operation{
	{
		Name: "list_organization_roles", OperationID: "ListOrganizationRoles", Method: "GET", Path: "/organization_roles",
		Description: "List organization roles.",
		Request:     ListOrganizationRolesRequest{}, Response: Roles{},
	},
	{
		Name: "create_organization_role", OperationID: "CreateOrganizationRole", Method: "POST", Path: "/organization_roles",
		Description: "A role with an org:... key.",
		Request:     CreateOrganizationRoleRequest{}, Response: Role{},
	},
	{
		Name: "get_organization_role", OperationID: "GetOrganizationRole", Method: "GET", Path: "/organization_roles/{organization_role_id}",
		Description: "Get a role by ID.",
		Request:     GetOrganizationRoleRequest{}, Response: Role{},
	},
	{
		Name: "update_organization_role", OperationID: "UpdateOrganizationRole", Method: "PATCH", Path: "/organization_roles/{organization_role_id}",
		Description: "A new key cascades to settings using it.",
		Request:     UpdateOrganizationRoleRequest{}, Response: Role{},
	},
	{
		Name: "delete_organization_role", OperationID: "DeleteOrganizationRole", Method: "DELETE", Path: "/organization_roles/{organization_role_id}",
		Description: "Refused while anything uses the role.",
		Request:     DeleteOrganizationRoleRequest{}, Response: DeletedObject{},
	},
	{
		Name: "assign_organization_role_permission", OperationID: "AssignPermissionToOrganizationRole", Method: "POST", Path: "/organization_roles/{organization_role_id}/permissions/{permission_id}",
		Description: "Grant a permission to a role.",
		Request:     AssignOrganizationRolePermissionRequest{}, Response: Role{},
	},
	{
		Name: "remove_organization_role_permission", OperationID: "RemovePermissionFromOrganizationRole", Method: "DELETE", Path: "/organization_roles/{organization_role_id}/permissions/{permission_id}",
		Description: "Take a permission from a role.",
		Request:     RemoveOrganizationRolePermissionRequest{}, Response: Role{},
	},
}

type ListOrganizationRolesRequest struct {
	Query *string `json:"query,omitempty" in:"query"`
	// +/-field: created_at, name, key.
	OrderBy *string `json:"order_by,omitempty" in:"query" jsonschema:"default=-created_at"`
	Page
}

type CreateOrganizationRoleRequest struct {
	Name        string  `json:"name" in:"body" jsonschema:"required"`
	Key         string  `json:"key" in:"body" jsonschema:"required"`
	Description *string `json:"description,omitempty" in:"body,nullable"`
	// Permission IDs.
	Permissions             []string `json:"permissions,omitempty" in:"body,nullable"`
	IncludeInInitialRoleSet *bool    `json:"include_in_initial_role_set,omitempty" in:"body,nullable"`
}

type GetOrganizationRoleRequest struct {
	OrganizationRoleID string `json:"organization_role_id" in:"path" jsonschema:"required"`
}

type UpdateOrganizationRoleRequest struct {
	OrganizationRoleID string  `json:"organization_role_id" in:"path" jsonschema:"required"`
	Name               *string `json:"name,omitempty" in:"body,nullable"`
	Key                *string `json:"key,omitempty" in:"body,nullable"`
	Description        *string `json:"description,omitempty" in:"body,nullable"`
	// Permission IDs; replaces all.
	Permissions []string `json:"permissions,omitempty" in:"body,nullable"`
}

type DeleteOrganizationRoleRequest struct {
	OrganizationRoleID string `json:"organization_role_id" in:"path" jsonschema:"required"`
}

type AssignOrganizationRolePermissionRequest struct {
	OrganizationRoleID string `json:"organization_role_id" in:"path" jsonschema:"required"`
	PermissionID       string `json:"permission_id" in:"path" jsonschema:"required"`
}

type RemoveOrganizationRolePermissionRequest struct {
	OrganizationRoleID string `json:"organization_role_id" in:"path" jsonschema:"required"`
	PermissionID       string `json:"permission_id" in:"path" jsonschema:"required"`
}

type Roles struct {
	Data       []Role `json:"data"`
	TotalCount int64  `json:"total_count"`
}

type Role struct {
	Object            string       `json:"object"`
	ID                string       `json:"id"`
	Name              string       `json:"name"`
	Key               string       `json:"key"`
	Description       *string      `json:"description" jsonschema:"nullable"`
	IsCreatorEligible bool         `json:"is_creator_eligible"`
	Permissions       []Permission `json:"permissions"`
	CreatedAt         int64        `json:"created_at"`
	UpdatedAt         int64        `json:"updated_at"`
}
