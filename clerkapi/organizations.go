package clerkapi

var organizationsOperations = []Operation{
	{
		Name: "list_organizations", OperationID: "ListOrganizations", Method: "GET", Path: "/organizations",
		Description: "Find organizations by name, slug, ID or member.",
		Request:     ListOrganizationsRequest{}, Response: Organizations{},
	},
	{
		Name: "create_organization", OperationID: "CreateOrganization", Method: "POST", Path: "/organizations",
		Description: "Create an organization; created_by becomes its admin.",
		Request:     CreateOrganizationRequest{}, Response: Organization{},
	},
	{
		Name: "get_organization", OperationID: "GetOrganization", Method: "GET", Path: "/organizations/{organization_id}",
		Description: "Get an organization by ID or slug.",
		Request:     GetOrganizationRequest{}, Response: Organization{},
	},
	{
		Name: "update_organization", OperationID: "UpdateOrganization", Method: "PATCH", Path: "/organizations/{organization_id}",
		Description: "Update an organization's name, slug, member cap or role set.",
		Request:     UpdateOrganizationRequest{}, Response: Organization{},
	},
	{
		Name: "delete_organization", OperationID: "DeleteOrganization", Method: "DELETE", Path: "/organizations/{organization_id}",
		Description: "Also deletes memberships and invitations.",
		Request:     DeleteOrganizationRequest{}, Response: DeletedObject{},
	},
	{
		Name: "update_organization_metadata", OperationID: "MergeOrganizationMetadata", Method: "PATCH", Path: "/organizations/{organization_id}/metadata",
		Description: "Merges keys; null deletes a key.",
		Request:     UpdateOrganizationMetadataRequest{}, Response: Organization{},
	},
	{
		Name: "replace_organization_metadata", OperationID: "ReplaceOrganizationMetadata", Method: "PUT", Path: "/organizations/{organization_id}/metadata",
		Description: "Overwrites each object sent; others kept.",
		Request:     ReplaceOrganizationMetadataRequest{}, Response: Organization{},
	},
	{
		Name: "upload_organization_logo", OperationID: "UploadOrganizationLogo", Method: "PUT", Path: "/organizations/{organization_id}/logo",
		Description: "Set an organization's logo.",
		Request:     UploadOrganizationLogoRequest{}, Response: OrganizationWithLogo{},
	},
	{
		Name: "delete_organization_logo", OperationID: "DeleteOrganizationLogo", Method: "DELETE", Path: "/organizations/{organization_id}/logo",
		Description: "Remove an organization's logo.",
		Request:     DeleteOrganizationLogoRequest{}, Response: Organization{},
	},
	{
		Name: "get_organization_billing_subscription", OperationID: "GetOrganizationBillingSubscription", Method: "GET", Path: "/organizations/{organization_id}/billing/subscription",
		Description: "Plans and payment status.",
		Request:     GetOrganizationBillingSubscriptionRequest{}, Response: CommerceSubscription{},
	},
	{
		Name: "get_organization_billing_credit_balance", OperationID: "GetOrganizationBillingCreditBalance", Method: "GET", Path: "/organizations/{organization_id}/billing/credits",
		Description: "Get an organization's credits.",
		Request:     GetOrganizationBillingCreditBalanceRequest{}, Response: CommerceCreditBalanceResponse{},
	},
	{
		Name: "adjust_organization_billing_credit_balance", OperationID: "AdjustOrganizationBillingCreditBalance", Method: "POST", Path: "/organizations/{organization_id}/billing/credits",
		Description: "Add or deduct credits.",
		Request:     AdjustOrganizationBillingCreditBalanceRequest{}, Response: CommerceCreditLedgerResponse{},
	},
}

type ListOrganizationsRequest struct {
	IncludeMembersCount                         *bool `json:"include_members_count,omitempty" in:"query"`
	IncludeMissingMemberWithElevatedPermissions *bool `json:"include_missing_member_with_elevated_permissions,omitempty" in:"query"`
	// Partial match on name, slug or ID.
	Query *string `json:"query,omitempty" in:"query"`
	// +id includes, -id excludes.
	UserID []string `json:"user_id,omitempty" in:"query"`
	// +id includes, -id excludes.
	OrganizationID []string `json:"organization_id,omitempty" in:"query" jsonschema:"maxItems=100"`
	// +/-field: name, created_at, members_count.
	OrderBy *string `json:"order_by,omitempty" in:"query" jsonschema:"default=-created_at"`
	Page
}

type CreateOrganizationRequest struct {
	Name                  string         `json:"name" in:"body" jsonschema:"required,maxLength=256"`
	CreatedBy             *string        `json:"created_by,omitempty" in:"body,nullable"`
	PrivateMetadata       map[string]any `json:"private_metadata,omitempty" in:"body,nullable"`
	PublicMetadata        map[string]any `json:"public_metadata,omitempty" in:"body,nullable"`
	Slug                  *string        `json:"slug,omitempty" in:"body,nullable"`
	MaxAllowedMemberships *int64         `json:"max_allowed_memberships,omitempty" in:"body,nullable" jsonschema:"minimum=0"`
	CreatedAt             *string        `json:"created_at,omitempty" in:"body,nullable" jsonschema:"format=date-time"`
	RoleSetKey            *string        `json:"role_set_key,omitempty" in:"body,nullable"`
}

type GetOrganizationRequest struct {
	OrganizationID                              string `json:"organization_id" in:"path" jsonschema:"required"`
	IncludeMembersCount                         *bool  `json:"include_members_count,omitempty" in:"query"`
	IncludeMissingMemberWithElevatedPermissions *bool  `json:"include_missing_member_with_elevated_permissions,omitempty" in:"query"`
}

type UpdateOrganizationRequest struct {
	OrganizationID        string  `json:"organization_id" in:"path" jsonschema:"required"`
	Name                  *string `json:"name,omitempty" in:"body,nullable" jsonschema:"maxLength=256"`
	Slug                  *string `json:"slug,omitempty" in:"body,nullable"`
	MaxAllowedMemberships *int64  `json:"max_allowed_memberships,omitempty" in:"body,nullable" jsonschema:"minimum=0"`
	AdminDeleteEnabled    *bool   `json:"admin_delete_enabled,omitempty" in:"body,nullable"`
	CreatedAt             *string `json:"created_at,omitempty" in:"body,nullable" jsonschema:"format=date-time"`
	RoleSetKey            *string `json:"role_set_key,omitempty" in:"body,nullable"`
}

type DeleteOrganizationRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
}

type UpdateOrganizationMetadataRequest struct {
	OrganizationID  string         `json:"organization_id" in:"path" jsonschema:"required"`
	PublicMetadata  map[string]any `json:"public_metadata,omitempty" in:"body"`
	PrivateMetadata map[string]any `json:"private_metadata,omitempty" in:"body"`
}

type ReplaceOrganizationMetadataRequest struct {
	OrganizationID  string         `json:"organization_id" in:"path" jsonschema:"required"`
	PublicMetadata  map[string]any `json:"public_metadata,omitempty" in:"body"`
	PrivateMetadata map[string]any `json:"private_metadata,omitempty" in:"body"`
}

type UploadOrganizationLogoRequest struct {
	OrganizationID string  `json:"organization_id" in:"path" jsonschema:"required"`
	UploaderUserID *string `json:"uploader_user_id,omitempty" in:"form"`
	Upload
}

type DeleteOrganizationLogoRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
}

type GetOrganizationBillingSubscriptionRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
}

type GetOrganizationBillingCreditBalanceRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
}

type AdjustOrganizationBillingCreditBalanceRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
	// In cents.
	Amount         int64   `json:"amount" in:"body" jsonschema:"required,minimum=1"`
	Action         string  `json:"action" in:"body" jsonschema:"required,enum=increase,enum=decrease"`
	Currency       *string `json:"currency,omitempty" in:"body"`
	IdempotencyKey string  `json:"idempotency_key" in:"body" jsonschema:"required"`
	Note           *string `json:"note,omitempty" in:"body"`
}

type Organization struct {
	Object                               string         `json:"object"`
	ID                                   string         `json:"id"`
	Name                                 string         `json:"name"`
	Slug                                 string         `json:"slug"`
	ImageURL                             string         `json:"image_url"`
	HasImage                             bool           `json:"has_image"`
	MembersCount                         int64          `json:"members_count"`
	MissingMemberWithElevatedPermissions bool           `json:"missing_member_with_elevated_permissions"`
	PendingInvitationsCount              int64          `json:"pending_invitations_count"`
	MaxAllowedMemberships                int64          `json:"max_allowed_memberships"`
	AdminDeleteEnabled                   bool           `json:"admin_delete_enabled"`
	PublicMetadata                       map[string]any `json:"public_metadata"`
	PrivateMetadata                      map[string]any `json:"private_metadata"`
	CreatedBy                            string         `json:"created_by"`
	CreatedAt                            int64          `json:"created_at"`
	UpdatedAt                            int64          `json:"updated_at"`
	LastActiveAt                         int64          `json:"last_active_at"`
	RoleSetKey                           *string        `json:"role_set_key" jsonschema:"nullable"`
}

type Organizations struct {
	Data       []Organization `json:"data"`
	TotalCount int64          `json:"total_count"`
}

type OrganizationWithLogo struct {
	Object                               string         `json:"object"`
	ID                                   string         `json:"id"`
	Name                                 string         `json:"name"`
	Slug                                 string         `json:"slug"`
	ImageURL                             string         `json:"image_url"`
	HasImage                             bool           `json:"has_image"`
	MembersCount                         int64          `json:"members_count"`
	MissingMemberWithElevatedPermissions bool           `json:"missing_member_with_elevated_permissions"`
	PendingInvitationsCount              int64          `json:"pending_invitations_count"`
	MaxAllowedMemberships                int64          `json:"max_allowed_memberships"`
	AdminDeleteEnabled                   bool           `json:"admin_delete_enabled"`
	PublicMetadata                       map[string]any `json:"public_metadata"`
	PrivateMetadata                      map[string]any `json:"private_metadata"`
	CreatedBy                            string         `json:"created_by"`
	CreatedAt                            int64          `json:"created_at"`
	UpdatedAt                            int64          `json:"updated_at"`
	LastActiveAt                         int64          `json:"last_active_at"`
	RoleSetKey                           *string        `json:"role_set_key" jsonschema:"nullable"`
	LogoURL                              string         `json:"logo_url"`
}
