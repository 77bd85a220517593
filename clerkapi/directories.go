package clerkapi

var directoriesOperations = []Operation{
	{
		Name: "list_directories", OperationID: "ListDirectories", Method: "GET", Path: "/directories",
		Description: "List the instance's user provisioning directories (SCIM).",
		Request:     ListDirectoriesRequest{}, Response: ListDirectoriesResponse{},
	},
	{
		Name: "create_directory", OperationID: "CreateDirectory", Method: "POST", Path: "/directories",
		Description: "Create a provisioning directory for an enterprise connection; returns its API key (shown only now).",
		Request:     CreateDirectoryRequest{}, Response: Directory{}, Secret: true,
	},
	{
		Name: "get_directory", OperationID: "GetDirectory", Method: "GET", Path: "/directories/{directory_id}",
		Description: "Get a provisioning directory by ID (endpoint URL, attribute mapping); the API key is not returned.",
		Request:     GetDirectoryRequest{}, Response: Directory{},
	},
	{
		Name: "update_directory", OperationID: "UpdateDirectory", Method: "PATCH", Path: "/directories/{directory_id}",
		Description: "Update a directory's name, provider, enabled flags or attribute mapping (merged; null removes a key).",
		Request:     UpdateDirectoryRequest{}, Response: Directory{},
	},
	{
		Name: "delete_directory", OperationID: "DeleteDirectory", Method: "DELETE", Path: "/directories/{directory_id}",
		Description: "Delete a provisioning directory; provisioning stops and its API key is rejected from then on.",
		Request:     DeleteDirectoryRequest{}, Response: DeletedObject{},
	},
	{
		Name: "rotate_directory_api_key", OperationID: "RotateDirectoryAPIKey", Method: "POST", Path: "/directories/{directory_id}/rotate_api_key",
		Description: "Issue a new API key for a directory and return it; the old key expires after a short grace period.",
		Request:     RotateDirectoryAPIKeyRequest{}, Response: Directory{}, Secret: true,
	},
	{
		Name: "list_directory_group_role_mappings", OperationID: "ListDirectoryGroupRoleMappings", Method: "GET", Path: "/directories/{directory_id}/group_role_mappings",
		Description: "List a directory's group-to-organization-role mappings, by precedence.",
		Request:     ListDirectoryGroupRoleMappingsRequest{}, Response: ListDirectoryGroupRoleMappingsResponse{},
	},
	{
		Name: "create_directory_group_role_mapping", OperationID: "CreateDirectoryGroupRoleMapping", Method: "POST", Path: "/directories/{directory_id}/group_role_mappings",
		Description: "Map a directory group to an organization role; group role mapping must be enabled on the directory.",
		Request:     CreateDirectoryGroupRoleMappingRequest{}, Response: DirectoryGroupRoleMapping{},
	},
	{
		Name: "replace_directory_group_role_mappings", OperationID: "ReplaceDirectoryGroupRoleMappings", Method: "PUT", Path: "/directories/{directory_id}/group_role_mappings",
		Description: "Replace all group-to-role mappings of a directory; list order sets precedence, empty clears all.",
		Request:     ReplaceDirectoryGroupRoleMappingsRequest{}, Response: ReplaceDirectoryGroupRoleMappingsResponse{},
	},
	{
		Name: "delete_directory_group_role_mapping", OperationID: "DeleteDirectoryGroupRoleMapping", Method: "DELETE", Path: "/directories/{directory_id}/group_role_mappings/{mapping_id}",
		Description: "Delete one group-to-role mapping from a directory.",
		Request:     DeleteDirectoryGroupRoleMappingRequest{}, Response: DeleteDirectoryGroupRoleMappingResponse{},
	},
}

type ListDirectoriesRequest struct {
	Limit  *int64 `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset *int64 `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
}

type CreateDirectoryRequest struct {
	EnterpriseConnectionID string  `json:"enterprise_connection_id" in:"body" jsonschema:"required"`
	Name                   *string `json:"name,omitempty" in:"body"`
	Provider               string  `json:"provider" in:"body" jsonschema:"required"`
	// Initial mappings; list order sets precedence if omitted.
	GroupRoleMappings []CreateDirectoryRequestGroupRoleMappings `json:"group_role_mappings,omitempty" in:"body"`
}

type CreateDirectoryRequestGroupRoleMappings struct {
	// Group ID from the IdP; this or scim_group_id is required.
	DirectoryGroupID *string `json:"directory_group_id,omitempty"`
	// Legacy name of directory_group_id; must match if both.
	SCIMGroupID               *string `json:"scim_group_id,omitempty"`
	DirectoryGroupDisplayName *string `json:"directory_group_display_name,omitempty" jsonschema:"maxLength=255"`
	// Legacy name of directory_group_display_name.
	SCIMGroupDisplayName *string `json:"scim_group_display_name,omitempty" jsonschema:"maxLength=255"`
	// Organization role given to group members.
	RoleID string `json:"role_id" jsonschema:"required"`
	// Lower wins when a user is in several mapped groups.
	Precedence *int64 `json:"precedence,omitempty" jsonschema:"minimum=1"`
}

type GetDirectoryRequest struct {
	DirectoryID string `json:"directory_id" in:"path" jsonschema:"required"`
}

type UpdateDirectoryRequest struct {
	DirectoryID string  `json:"directory_id" in:"path" jsonschema:"required"`
	Name        *string `json:"name,omitempty" in:"body"`
	Enabled     *bool   `json:"enabled,omitempty" in:"body"`
	Provider    *string `json:"provider,omitempty" in:"body"`
	// User attribute name to directory attribute path.
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
	DirectoryID string `json:"directory_id" in:"path" jsonschema:"required"`
	// Group ID from the IdP; this or scim_group_id is required.
	DirectoryGroupID *string `json:"directory_group_id,omitempty" in:"body"`
	// Legacy name of directory_group_id; must match if both.
	SCIMGroupID *string `json:"scim_group_id,omitempty" in:"body"`
	// Organization role given to group members.
	RoleID string `json:"role_id" in:"body" jsonschema:"required"`
	// Lower wins when a user is in several groups; default last.
	Precedence *int64 `json:"precedence,omitempty" in:"body" jsonschema:"minimum=1"`
}

type ReplaceDirectoryGroupRoleMappingsRequest struct {
	DirectoryID string `json:"directory_id" in:"path" jsonschema:"required"`
	// Full new set; first item gets precedence 1.
	Mappings []ReplaceDirectoryGroupRoleMappingsRequestMappings `json:"mappings" in:"body" jsonschema:"required"`
}

type ReplaceDirectoryGroupRoleMappingsRequestMappings struct {
	// Group ID from the IdP; this or scim_group_id is required.
	DirectoryGroupID *string `json:"directory_group_id,omitempty"`
	// Legacy name of directory_group_id; must match if both.
	SCIMGroupID *string `json:"scim_group_id,omitempty"`
	// Organization role given to group members.
	RoleID string `json:"role_id" jsonschema:"required"`
}

type DeleteDirectoryGroupRoleMappingRequest struct {
	DirectoryID string `json:"directory_id" in:"path" jsonschema:"required"`
	MappingID   string `json:"mapping_id" in:"path" jsonschema:"required"`
}
