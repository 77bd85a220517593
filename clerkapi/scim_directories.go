package clerkapi

var scimDirectoriesOperations = []Operation{
	{
		Name: "list_scim_directories", OperationID: "ListSCIMDirectories", Method: "GET", Path: "/scim_directories",
		Description: "Same resources as list_directories.",
		Request:     ListSCIMDirectoriesRequest{}, Response: Directories{},
	},
	{
		Name: "create_scim_directory", OperationID: "CreateSCIMDirectory", Method: "POST", Path: "/scim_directories",
		Description: "For an SSO connection; API key shown once.",
		Request:     CreateSCIMDirectoryRequest{}, Response: Directory{}, Secret: true,
	},
	{
		Name: "get_scim_directory", OperationID: "GetSCIMDirectory", Method: "GET", Path: "/scim_directories/{scim_directory_id}",
		Description: "Get a directory, without its API key.",
		Request:     GetSCIMDirectoryRequest{}, Response: Directory{},
	},
	{
		Name: "update_scim_directory", OperationID: "UpdateSCIMDirectory", Method: "PATCH", Path: "/scim_directories/{scim_directory_id}",
		Description: "attribute_mapping merges; null drops a key.",
		Request:     UpdateSCIMDirectoryRequest{}, Response: Directory{},
	},
	{
		Name: "delete_scim_directory", OperationID: "DeleteSCIMDirectory", Method: "DELETE", Path: "/scim_directories/{scim_directory_id}",
		Description: "Stops provisioning and voids its API key.",
		Request:     DeleteSCIMDirectoryRequest{}, Response: DeletedObject{},
	},
	{
		Name: "rotate_scim_directory_api_key", OperationID: "RotateSCIMDirectoryAPIKey", Method: "POST", Path: "/scim_directories/{scim_directory_id}/rotate_api_key",
		Description: "Returns a new key; old one soon expires.",
		Request:     RotateSCIMDirectoryAPIKeyRequest{}, Response: Directory{}, Secret: true,
	},
	{
		Name: "list_scim_group_role_mappings", OperationID: "ListSCIMGroupRoleMappings", Method: "GET", Path: "/scim_directories/{scim_directory_id}/group_role_mappings",
		Description: "Group-to-role mappings, by precedence.",
		Request:     ListSCIMGroupRoleMappingsRequest{}, Response: SCIMGroupRoleMappings{},
	},
	{
		Name: "create_scim_group_role_mapping", OperationID: "CreateSCIMGroupRoleMapping", Method: "POST", Path: "/scim_directories/{scim_directory_id}/group_role_mappings",
		Description: "Map a group to an organization role.",
		Request:     CreateSCIMGroupRoleMappingRequest{}, Response: SCIMGroupRoleMapping{},
	},
	{
		Name: "replace_scim_group_role_mappings", OperationID: "ReplaceSCIMGroupRoleMappings", Method: "PUT", Path: "/scim_directories/{scim_directory_id}/group_role_mappings",
		Description: "Order sets precedence; empty clears all.",
		Request:     ReplaceSCIMGroupRoleMappingsRequest{}, Response: SCIMGroupRoleMappings{},
	},
	{
		Name: "delete_scim_group_role_mapping", OperationID: "DeleteSCIMGroupRoleMapping", Method: "DELETE", Path: "/scim_directories/{scim_directory_id}/group_role_mappings/{mapping_id}",
		Description: "Delete one group-to-role mapping.",
		Request:     DeleteSCIMGroupRoleMappingRequest{}, Response: DeletedResource{},
	},
}

type ListSCIMDirectoriesRequest struct {
	Page
}

type CreateSCIMDirectoryRequest struct {
	EnterpriseConnectionID string                                        `json:"enterprise_connection_id" in:"body" jsonschema:"required"`
	Name                   *string                                       `json:"name,omitempty" in:"body"`
	Provider               string                                        `json:"provider" in:"body" jsonschema:"required"`
	GroupRoleMappings      []CreateSCIMDirectoryRequestGroupRoleMappings `json:"group_role_mappings,omitempty" in:"body"`
}

type CreateSCIMDirectoryRequestGroupRoleMappings struct {
	SCIMGroupID          string  `json:"scim_group_id" jsonschema:"required"`
	SCIMGroupDisplayName *string `json:"scim_group_display_name,omitempty" jsonschema:"maxLength=255"`
	RoleID               string  `json:"role_id" jsonschema:"required"`
	Precedence           *int64  `json:"precedence,omitempty" jsonschema:"minimum=1"`
}

type GetSCIMDirectoryRequest struct {
	SCIMDirectoryID string `json:"scim_directory_id" in:"path" jsonschema:"required"`
}

type UpdateSCIMDirectoryRequest struct {
	SCIMDirectoryID         string         `json:"scim_directory_id" in:"path" jsonschema:"required"`
	Name                    *string        `json:"name,omitempty" in:"body"`
	Enabled                 *bool          `json:"enabled,omitempty" in:"body"`
	Provider                *string        `json:"provider,omitempty" in:"body"`
	AttributeMapping        map[string]any `json:"attribute_mapping,omitempty" in:"body"`
	GroupRoleMappingEnabled *bool          `json:"group_role_mapping_enabled,omitempty" in:"body"`
}

type DeleteSCIMDirectoryRequest struct {
	SCIMDirectoryID string `json:"scim_directory_id" in:"path" jsonschema:"required"`
}

type RotateSCIMDirectoryAPIKeyRequest struct {
	SCIMDirectoryID string `json:"scim_directory_id" in:"path" jsonschema:"required"`
}

type ListSCIMGroupRoleMappingsRequest struct {
	SCIMDirectoryID string `json:"scim_directory_id" in:"path" jsonschema:"required"`
}

type CreateSCIMGroupRoleMappingRequest struct {
	SCIMDirectoryID string `json:"scim_directory_id" in:"path" jsonschema:"required"`
	SCIMGroupID     string `json:"scim_group_id" in:"body" jsonschema:"required"`
	RoleID          string `json:"role_id" in:"body" jsonschema:"required"`
	Precedence      *int64 `json:"precedence,omitempty" in:"body" jsonschema:"minimum=1"`
}

type ReplaceSCIMGroupRoleMappingsRequest struct {
	SCIMDirectoryID string                                        `json:"scim_directory_id" in:"path" jsonschema:"required"`
	Mappings        []ReplaceSCIMGroupRoleMappingsRequestMappings `json:"mappings" in:"body" jsonschema:"required"`
}

type ReplaceSCIMGroupRoleMappingsRequestMappings struct {
	SCIMGroupID string `json:"scim_group_id" jsonschema:"required"`
	RoleID      string `json:"role_id" jsonschema:"required"`
}

type DeleteSCIMGroupRoleMappingRequest struct {
	SCIMDirectoryID string `json:"scim_directory_id" in:"path" jsonschema:"required"`
	MappingID       string `json:"mapping_id" in:"path" jsonschema:"required"`
}

type SCIMGroupRoleMappings struct {
	Data       []SCIMGroupRoleMapping `json:"data"`
	TotalCount int64                  `json:"total_count"`
}

type SCIMGroupRoleMapping struct {
	Object                    string `json:"object"`
	ID                        string `json:"id"`
	SCIMDirectoryID           string `json:"scim_directory_id"`
	DirectoryID               string `json:"directory_id"`
	SCIMGroupID               string `json:"scim_group_id"`
	DirectoryGroupID          string `json:"directory_group_id"`
	SCIMGroupDisplayName      string `json:"scim_group_display_name"`
	DirectoryGroupDisplayName string `json:"directory_group_display_name"`
	Role                      Role   `json:"role"`
	Precedence                int64  `json:"precedence"`
	CreatedAt                 int64  `json:"created_at"`
	UpdatedAt                 int64  `json:"updated_at"`
}
