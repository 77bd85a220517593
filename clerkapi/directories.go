package clerkapi

var directoriesOperations = []Operation{
	{
		Name: "list_directories", OperationID: "ListDirectories", Method: "GET", Path: "/directories",
		Description: "List SCIM provisioning directories.",
		Request:     ListDirectoriesRequest{}, Response: Directories{},
	},
	{
		Name: "create_directory", OperationID: "CreateDirectory", Method: "POST", Path: "/directories",
		Description: "For an SSO connection; API key shown once.",
		Request:     CreateDirectoryRequest{}, Response: Directory{}, Secret: true,
	},
	{
		Name: "get_directory", OperationID: "GetDirectory", Method: "GET", Path: "/directories/{directory_id}",
		Description: "Get a directory, without its API key.",
		Request:     GetDirectoryRequest{}, Response: Directory{},
	},
	{
		Name: "update_directory", OperationID: "UpdateDirectory", Method: "PATCH", Path: "/directories/{directory_id}",
		Description: "attribute_mapping merges; null drops a key.",
		Request:     UpdateDirectoryRequest{}, Response: Directory{},
	},
	{
		Name: "delete_directory", OperationID: "DeleteDirectory", Method: "DELETE", Path: "/directories/{directory_id}",
		Description: "Stops provisioning and voids its API key.",
		Request:     DeleteDirectoryRequest{}, Response: DeletedObject{},
	},
	{
		Name: "rotate_directory_api_key", OperationID: "RotateDirectoryAPIKey", Method: "POST", Path: "/directories/{directory_id}/rotate_api_key",
		Description: "Returns a new key; old one soon expires.",
		Request:     RotateDirectoryAPIKeyRequest{}, Response: Directory{}, Secret: true,
	},
	{
		Name: "list_directory_group_role_mappings", OperationID: "ListDirectoryGroupRoleMappings", Method: "GET", Path: "/directories/{directory_id}/group_role_mappings",
		Description: "Group-to-role mappings, by precedence.",
		Request:     ListDirectoryGroupRoleMappingsRequest{}, Response: DirectoryGroupRoleMappings{},
	},
	{
		Name: "create_directory_group_role_mapping", OperationID: "CreateDirectoryGroupRoleMapping", Method: "POST", Path: "/directories/{directory_id}/group_role_mappings",
		Description: "Map a group to an organization role.",
		Request:     CreateDirectoryGroupRoleMappingRequest{}, Response: DirectoryGroupRoleMapping{},
	},
	{
		Name: "replace_directory_group_role_mappings", OperationID: "ReplaceDirectoryGroupRoleMappings", Method: "PUT", Path: "/directories/{directory_id}/group_role_mappings",
		Description: "Order sets precedence; empty clears all.",
		Request:     ReplaceDirectoryGroupRoleMappingsRequest{}, Response: DirectoryGroupRoleMappings{},
	},
	{
		Name: "delete_directory_group_role_mapping", OperationID: "DeleteDirectoryGroupRoleMapping", Method: "DELETE", Path: "/directories/{directory_id}/group_role_mappings/{mapping_id}",
		Description: "Delete one group-to-role mapping.",
		Request:     DeleteDirectoryGroupRoleMappingRequest{}, Response: DeletedResource{},
	},
}

type ListDirectoriesRequest struct {
	Page
}

type CreateDirectoryRequest struct {
	EnterpriseConnectionID string                                    `json:"enterprise_connection_id" in:"body" jsonschema:"required"`
	Name                   *string                                   `json:"name,omitempty" in:"body"`
	Provider               string                                    `json:"provider" in:"body" jsonschema:"required"`
	GroupRoleMappings      []CreateDirectoryRequestGroupRoleMappings `json:"group_role_mappings,omitempty" in:"body"`
}

type CreateDirectoryRequestGroupRoleMappings struct {
	DirectoryGroupID          *string `json:"directory_group_id,omitempty"`
	SCIMGroupID               *string `json:"scim_group_id,omitempty"`
	DirectoryGroupDisplayName *string `json:"directory_group_display_name,omitempty" jsonschema:"maxLength=255"`
	SCIMGroupDisplayName      *string `json:"scim_group_display_name,omitempty" jsonschema:"maxLength=255"`
	RoleID                    string  `json:"role_id" jsonschema:"required"`
	Precedence                *int64  `json:"precedence,omitempty" jsonschema:"minimum=1"`
}

type GetDirectoryRequest struct {
	DirectoryID string `json:"directory_id" in:"path" jsonschema:"required"`
}

type UpdateDirectoryRequest struct {
	DirectoryID             string         `json:"directory_id" in:"path" jsonschema:"required"`
	Name                    *string        `json:"name,omitempty" in:"body"`
	Enabled                 *bool          `json:"enabled,omitempty" in:"body"`
	Provider                *string        `json:"provider,omitempty" in:"body"`
	AttributeMapping        map[string]any `json:"attribute_mapping,omitempty" in:"body"`
	GroupRoleMappingEnabled *bool          `json:"group_role_mapping_enabled,omitempty" in:"body"`
}

type DeleteDirectoryRequest struct {
	DirectoryID string `json:"directory_id" in:"path" jsonschema:"required"`
}

type RotateDirectoryAPIKeyRequest struct {
	DirectoryID string `json:"directory_id" in:"path" jsonschema:"required"`
}

type ListDirectoryGroupRoleMappingsRequest struct {
	DirectoryID string `json:"directory_id" in:"path" jsonschema:"required"`
}

type CreateDirectoryGroupRoleMappingRequest struct {
	DirectoryID      string  `json:"directory_id" in:"path" jsonschema:"required"`
	DirectoryGroupID *string `json:"directory_group_id,omitempty" in:"body"`
	SCIMGroupID      *string `json:"scim_group_id,omitempty" in:"body"`
	RoleID           string  `json:"role_id" in:"body" jsonschema:"required"`
	Precedence       *int64  `json:"precedence,omitempty" in:"body" jsonschema:"minimum=1"`
}

type ReplaceDirectoryGroupRoleMappingsRequest struct {
	DirectoryID string                                             `json:"directory_id" in:"path" jsonschema:"required"`
	Mappings    []ReplaceDirectoryGroupRoleMappingsRequestMappings `json:"mappings" in:"body" jsonschema:"required"`
}

type ReplaceDirectoryGroupRoleMappingsRequestMappings struct {
	DirectoryGroupID *string `json:"directory_group_id,omitempty"`
	SCIMGroupID      *string `json:"scim_group_id,omitempty"`
	RoleID           string  `json:"role_id" jsonschema:"required"`
}

type DeleteDirectoryGroupRoleMappingRequest struct {
	DirectoryID string `json:"directory_id" in:"path" jsonschema:"required"`
	MappingID   string `json:"mapping_id" in:"path" jsonschema:"required"`
}

type Directories struct {
	Data       []Directory `json:"data"`
	TotalCount int64       `json:"total_count"`
}

type Directory struct {
	Object                  string            `json:"object"`
	ID                      string            `json:"id"`
	Name                    string            `json:"name"`
	EnterpriseConnectionID  *string           `json:"enterprise_connection_id" jsonschema:"nullable"`
	EndpointURL             string            `json:"endpoint_url"`
	Provider                string            `json:"provider"`
	Enabled                 bool              `json:"enabled"`
	GroupRoleMappingEnabled bool              `json:"group_role_mapping_enabled"`
	AttributeMapping        map[string]any    `json:"attribute_mapping"`
	CustomAttributes        []CustomAttribute `json:"custom_attributes"`
	APIKey                  *string           `json:"api_key" jsonschema:"nullable"`
	CreatedAt               int64             `json:"created_at"`
	UpdatedAt               int64             `json:"updated_at"`
}

type DirectoryGroupRoleMappings struct {
	Data       []DirectoryGroupRoleMapping `json:"data"`
	TotalCount int64                       `json:"total_count"`
}

type DirectoryGroupRoleMapping struct {
	Object                    string `json:"object"`
	ID                        string `json:"id"`
	DirectoryID               string `json:"directory_id"`
	SCIMDirectoryID           string `json:"scim_directory_id"`
	DirectoryGroupID          string `json:"directory_group_id"`
	SCIMGroupID               string `json:"scim_group_id"`
	DirectoryGroupDisplayName string `json:"directory_group_display_name"`
	SCIMGroupDisplayName      string `json:"scim_group_display_name"`
	Role                      Role   `json:"role"`
	Precedence                int64  `json:"precedence"`
	CreatedAt                 int64  `json:"created_at"`
	UpdatedAt                 int64  `json:"updated_at"`
}
