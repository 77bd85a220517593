package clerkapi

var organizationPermissionsOperations = []Operation{
	{
		Name: "list_organization_permissions", OperationID: "ListOrganizationPermissions", Method: "GET", Path: "/organization_permissions",
		Description: "List organization permissions.",
		Request:     ListOrganizationPermissionsRequest{}, Response: Permissions{},
	},
	{
		Name: "create_organization_permission", OperationID: "CreateOrganizationPermission", Method: "POST", Path: "/organization_permissions",
		Description: "Custom permission, key org:feature:action.",
		Request:     CreateOrganizationPermissionRequest{}, Response: Permission{},
	},
	{
		Name: "get_organization_permission", OperationID: "GetOrganizationPermission", Method: "GET", Path: "/organization_permissions/{permission_id}",
		Description: "Get a permission by ID.",
		Request:     GetOrganizationPermissionRequest{}, Response: Permission{},
	},
	{
		Name: "update_organization_permission", OperationID: "UpdateOrganizationPermission", Method: "PATCH", Path: "/organization_permissions/{permission_id}",
		Description: "Not for system permissions.",
		Request:     UpdateOrganizationPermissionRequest{}, Response: Permission{},
	},
	{
		Name: "delete_organization_permission", OperationID: "DeleteOrganizationPermission", Method: "DELETE", Path: "/organization_permissions/{permission_id}",
		Description: "Custom permissions only.",
		Request:     DeleteOrganizationPermissionRequest{}, Response: DeletedObject{},
	},
}

type ListOrganizationPermissionsRequest struct {
	Query *string `json:"query,omitempty" in:"query"`
	// +/-field: created_at, name, key.
	OrderBy *string `json:"order_by,omitempty" in:"query"`
	Page
}

type CreateOrganizationPermissionRequest struct {
	Name        string  `json:"name" in:"body" jsonschema:"required"`
	Key         string  `json:"key" in:"body" jsonschema:"required"`
	Description *string `json:"description,omitempty" in:"body"`
}

type GetOrganizationPermissionRequest struct {
	PermissionID string `json:"permission_id" in:"path" jsonschema:"required"`
}

type UpdateOrganizationPermissionRequest struct {
	PermissionID string  `json:"permission_id" in:"path" jsonschema:"required"`
	Name         *string `json:"name,omitempty" in:"body"`
	Key          *string `json:"key,omitempty" in:"body"`
	Description  *string `json:"description,omitempty" in:"body"`
}

type DeleteOrganizationPermissionRequest struct {
	PermissionID string `json:"permission_id" in:"path" jsonschema:"required"`
}

type Permission struct {
	Object      string `json:"object"`
	ID          string `json:"id"`
	Name        string `json:"name"`
	Key         string `json:"key"`
	Description string `json:"description"`
	Type        string `json:"type"`
	CreatedAt   int64  `json:"created_at"`
	UpdatedAt   int64  `json:"updated_at"`
}

type Permissions struct {
	Data       []Permission `json:"data"`
	TotalCount int64        `json:"total_count"`
}
