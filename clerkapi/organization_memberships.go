package clerkapi

var organizationMembershipsOperations = []Operation{
	{
		Name: "create_organization_membership", OperationID: "CreateOrganizationMembership", Method: "POST", Path: "/organizations/{organization_id}/memberships",
		Description: "Add an existing user with a role.",
		Request:     CreateOrganizationMembershipRequest{}, Response: OrganizationMembership{},
	},
	{
		Name: "list_organization_memberships", OperationID: "ListOrganizationMemberships", Method: "GET", Path: "/organizations/{organization_id}/memberships",
		Description: "An organization's members.",
		Request:     ListOrganizationMembershipsRequest{}, Response: OrganizationMemberships{},
	},
	{
		Name: "update_organization_membership", OperationID: "UpdateOrganizationMembership", Method: "PATCH", Path: "/organizations/{organization_id}/memberships/{user_id}",
		Description: "Change a member's role.",
		Request:     UpdateOrganizationMembershipRequest{}, Response: OrganizationMembership{},
	},
	{
		Name: "delete_organization_membership", OperationID: "DeleteOrganizationMembership", Method: "DELETE", Path: "/organizations/{organization_id}/memberships/{user_id}",
		Description: "Remove a user from an organization.",
		Request:     DeleteOrganizationMembershipRequest{}, Response: OrganizationMembership{},
	},
	{
		Name: "update_organization_membership_metadata", OperationID: "UpdateOrganizationMembershipMetadata", Method: "PATCH", Path: "/organizations/{organization_id}/memberships/{user_id}/metadata",
		Description: "Merges keys; null deletes a key.",
		Request:     UpdateOrganizationMembershipMetadataRequest{}, Response: OrganizationMembership{},
	},
	{
		Name: "list_all_organization_memberships", OperationID: "InstanceGetOrganizationMemberships", Method: "GET", Path: "/organization_memberships",
		Description: "Memberships of all organizations.",
		Request:     ListAllOrganizationMembershipsRequest{}, Response: OrganizationMemberships{},
	},
}

type CreateOrganizationMembershipRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
	UserID         string `json:"user_id" in:"body" jsonschema:"required"`
	// Role key, e.g. org:member.
	Role            string         `json:"role" in:"body" jsonschema:"required"`
	PublicMetadata  map[string]any `json:"public_metadata,omitempty" in:"body,nullable"`
	PrivateMetadata map[string]any `json:"private_metadata,omitempty" in:"body,nullable"`
}

type ListOrganizationMembershipsRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
	// +/-field: phone_number, email_address, created_at, first_name, last_name, username.
	OrderBy *string `json:"order_by,omitempty" in:"query"`
	// +id includes, -id excludes.
	UserID             []string `json:"user_id,omitempty" in:"query" jsonschema:"maxItems=100"`
	EmailAddress       []string `json:"email_address,omitempty" in:"query" jsonschema:"maxItems=100"`
	PhoneNumber        []string `json:"phone_number,omitempty" in:"query" jsonschema:"maxItems=100"`
	Username           []string `json:"username,omitempty" in:"query" jsonschema:"maxItems=100"`
	Web3Wallet         []string `json:"web3_wallet,omitempty" in:"query" jsonschema:"maxItems=100"`
	Role               []string `json:"role,omitempty" in:"query" jsonschema:"maxItems=100"`
	Query              *string  `json:"query,omitempty" in:"query"`
	EmailAddressQuery  *string  `json:"email_address_query,omitempty" in:"query"`
	PhoneNumberQuery   *string  `json:"phone_number_query,omitempty" in:"query"`
	UsernameQuery      *string  `json:"username_query,omitempty" in:"query"`
	NameQuery          *string  `json:"name_query,omitempty" in:"query"`
	LastActiveAtBefore *int64   `json:"last_active_at_before,omitempty" in:"query"`
	LastActiveAtAfter  *int64   `json:"last_active_at_after,omitempty" in:"query"`
	CreatedAtBefore    *int64   `json:"created_at_before,omitempty" in:"query"`
	CreatedAtAfter     *int64   `json:"created_at_after,omitempty" in:"query"`
	Page
}

type UpdateOrganizationMembershipRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
	UserID         string `json:"user_id" in:"path" jsonschema:"required"`
	// Role key, e.g. org:member.
	Role string `json:"role" in:"body" jsonschema:"required"`
}

type DeleteOrganizationMembershipRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
	UserID         string `json:"user_id" in:"path" jsonschema:"required"`
}

type UpdateOrganizationMembershipMetadataRequest struct {
	OrganizationID  string         `json:"organization_id" in:"path" jsonschema:"required"`
	UserID          string         `json:"user_id" in:"path" jsonschema:"required"`
	PublicMetadata  map[string]any `json:"public_metadata,omitempty" in:"body"`
	PrivateMetadata map[string]any `json:"private_metadata,omitempty" in:"body"`
}

type ListAllOrganizationMembershipsRequest struct {
	// +/-field: phone_number, email_address, created_at, first_name, last_name, username.
	OrderBy *string `json:"order_by,omitempty" in:"query"`
	Page
}

type OrganizationMembership struct {
	ID              string                               `json:"id"`
	Object          string                               `json:"object"`
	Role            string                               `json:"role"`
	RoleName        string                               `json:"role_name"`
	Permissions     []string                             `json:"permissions"`
	PublicMetadata  map[string]any                       `json:"public_metadata"`
	PrivateMetadata map[string]any                       `json:"private_metadata"`
	Organization    Organization                         `json:"organization"`
	PublicUserData  OrganizationMembershipPublicUserData `json:"public_user_data"`
	CreatedAt       int64                                `json:"created_at"`
	UpdatedAt       int64                                `json:"updated_at"`
}

type OrganizationMembershipPublicUserData struct {
	UserID          string  `json:"user_id"`
	FirstName       *string `json:"first_name" jsonschema:"nullable"`
	LastName        *string `json:"last_name" jsonschema:"nullable"`
	ProfileImageURL *string `json:"profile_image_url" jsonschema:"nullable"`
	ImageURL        string  `json:"image_url"`
	HasImage        bool    `json:"has_image"`
	Identifier      *string `json:"identifier" jsonschema:"nullable"`
	Username        *string `json:"username" jsonschema:"nullable"`
	Banned          bool    `json:"banned"`
	Deprovisioned   bool    `json:"deprovisioned"`
}

type OrganizationMemberships struct {
	Data       []OrganizationMembership `json:"data"`
	TotalCount int64                    `json:"total_count"`
}
