package clerkapi

var organizationInvitationsOperations = []Operation{
	{
		Name: "list_all_organization_invitations", OperationID: "ListInstanceOrganizationInvitations", Method: "GET", Path: "/organization_invitations",
		Description: "Invitations of all organizations.",
		Request:     ListAllOrganizationInvitationsRequest{}, Response: OrganizationInvitationsWithPublicOrganizationData{},
	},
	{
		Name: "create_organization_invitation", OperationID: "CreateOrganizationInvitation", Method: "POST", Path: "/organizations/{organization_id}/invitations",
		Description: "Invite an email with a role.",
		Request:     CreateOrganizationInvitationRequest{}, Response: OrganizationInvitation{},
	},
	{
		Name: "list_organization_invitations", OperationID: "ListOrganizationInvitations", Method: "GET", Path: "/organizations/{organization_id}/invitations",
		Description: "An organization's invitations.",
		Request:     ListOrganizationInvitationsRequest{}, Response: OrganizationInvitations{},
	},
	{
		Name: "create_organization_invitations_bulk", OperationID: "CreateOrganizationInvitationBulk", Method: "POST", Path: "/organizations/{organization_id}/invitations/bulk",
		Description: "Up to 10 at once.",
		Request:     CreateOrganizationInvitationsBulkRequest{}, Response: OrganizationInvitations{},
	},
	{
		Name: "list_pending_organization_invitations", OperationID: "ListPendingOrganizationInvitations", Method: "GET", Path: "/organizations/{organization_id}/invitations/pending",
		Description: "Deprecated: use list_organization_invitations.",
		Request:     ListPendingOrganizationInvitationsRequest{}, Response: OrganizationInvitations{}, Deprecated: true,
	},
	{
		Name: "get_organization_invitation", OperationID: "GetOrganizationInvitation", Method: "GET", Path: "/organizations/{organization_id}/invitations/{invitation_id}",
		Description: "Get an organization invitation.",
		Request:     GetOrganizationInvitationRequest{}, Response: OrganizationInvitation{},
	},
	{
		Name: "revoke_organization_invitation", OperationID: "RevokeOrganizationInvitation", Method: "POST", Path: "/organizations/{organization_id}/invitations/{invitation_id}/revoke",
		Description: "Revoke a pending invitation.",
		Request:     RevokeOrganizationInvitationRequest{}, Response: OrganizationInvitation{},
	},
}

type ListAllOrganizationInvitationsRequest struct {
	// +/-field: created_at, email_address.
	OrderBy *string `json:"order_by,omitempty" in:"query" jsonschema:"default=-created_at"`
	Status  *string `json:"status,omitempty" in:"query" jsonschema:"enum=pending,enum=accepted,enum=revoked,enum=expired"`
	Query   *string `json:"query,omitempty" in:"query"`
	Page
}

type CreateOrganizationInvitationRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
	EmailAddress   string `json:"email_address" in:"body" jsonschema:"required"`
	// Member shown as the sender.
	InviterUserID *string `json:"inviter_user_id,omitempty" in:"body,nullable"`
	// Role key, e.g. org:member.
	Role            string         `json:"role" in:"body" jsonschema:"required"`
	PublicMetadata  map[string]any `json:"public_metadata,omitempty" in:"body,nullable"`
	PrivateMetadata map[string]any `json:"private_metadata,omitempty" in:"body,nullable"`
	// Where the invitation link lands.
	RedirectURL   *string `json:"redirect_url,omitempty" in:"body,nullable"`
	ExpiresInDays *int64  `json:"expires_in_days,omitempty" in:"body,nullable" jsonschema:"minimum=1,maximum=365,default=30"`
	Notify        *bool   `json:"notify,omitempty" in:"body,nullable" jsonschema:"default=true"`
}

type ListOrganizationInvitationsRequest struct {
	OrganizationID string  `json:"organization_id" in:"path" jsonschema:"required"`
	Status         *string `json:"status,omitempty" in:"query" jsonschema:"enum=pending,enum=accepted,enum=revoked,enum=expired"`
	EmailAddress   *string `json:"email_address,omitempty" in:"query"`
	// +/-field: created_at, email_address.
	OrderBy *string `json:"order_by,omitempty" in:"query" jsonschema:"default=-created_at"`
	Page
}

type CreateOrganizationInvitationsBulkRequest struct {
	OrganizationID          string                                         `json:"organization_id" in:"path" jsonschema:"required"`
	OrganizationInvitations []CreateOrganizationInvitationsBulkRequestItem `json:"organization_invitations" in:"body,whole" jsonschema:"required,minItems=1,maxItems=10"`
}

type CreateOrganizationInvitationsBulkRequestItem struct {
	EmailAddress  string  `json:"email_address" jsonschema:"required"`
	InviterUserID *string `json:"inviter_user_id,omitempty" in:",nullable"`
	// Role key, e.g. org:member.
	Role            string         `json:"role" jsonschema:"required"`
	PublicMetadata  map[string]any `json:"public_metadata,omitempty" in:",nullable"`
	PrivateMetadata map[string]any `json:"private_metadata,omitempty" in:",nullable"`
	RedirectURL     *string        `json:"redirect_url,omitempty" in:",nullable"`
	ExpiresInDays   *int64         `json:"expires_in_days,omitempty" in:",nullable" jsonschema:"minimum=1,maximum=365,default=30"`
	Notify          *bool          `json:"notify,omitempty" in:",nullable" jsonschema:"default=true"`
}

type ListPendingOrganizationInvitationsRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
	Page
}

type GetOrganizationInvitationRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
	InvitationID   string `json:"invitation_id" in:"path" jsonschema:"required"`
}

type RevokeOrganizationInvitationRequest struct {
	OrganizationID   string  `json:"organization_id" in:"path" jsonschema:"required"`
	InvitationID     string  `json:"invitation_id" in:"path" jsonschema:"required"`
	RequestingUserID *string `json:"requesting_user_id,omitempty" in:"body,nullable"`
}

type OrganizationInvitationsWithPublicOrganizationData struct {
	Data       []OrganizationInvitationWithPublicOrganizationData `json:"data"`
	TotalCount int64                                              `json:"total_count"`
}

type OrganizationInvitationWithPublicOrganizationData struct {
	Object                 string                                       `json:"object"`
	ID                     string                                       `json:"id"`
	EmailAddress           string                                       `json:"email_address"`
	Role                   string                                       `json:"role"`
	RoleName               string                                       `json:"role_name"`
	OrganizationID         string                                       `json:"organization_id"`
	InviterID              *string                                      `json:"inviter_id" jsonschema:"nullable"`
	PublicInviterData      *OrganizationInvitationPublicUserData        `json:"public_inviter_data" jsonschema:"nullable"`
	Status                 string                                       `json:"status"`
	PublicMetadata         map[string]any                               `json:"public_metadata"`
	PrivateMetadata        map[string]any                               `json:"private_metadata"`
	URL                    *string                                      `json:"url" jsonschema:"nullable"`
	ExpiresAt              *int64                                       `json:"expires_at" jsonschema:"nullable"`
	CreatedAt              int64                                        `json:"created_at"`
	UpdatedAt              int64                                        `json:"updated_at"`
	PublicOrganizationData OrganizationInvitationPublicOrganizationData `json:"public_organization_data"`
}

type OrganizationInvitationPublicUserData struct {
	UserID     string  `json:"user_id"`
	FirstName  *string `json:"first_name" jsonschema:"nullable"`
	LastName   *string `json:"last_name" jsonschema:"nullable"`
	ImageURL   string  `json:"image_url"`
	HasImage   bool    `json:"has_image"`
	Identifier string  `json:"identifier"`
}

type OrganizationInvitationPublicOrganizationData struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Slug     string `json:"slug"`
	ImageURL string `json:"image_url"`
	HasImage bool   `json:"has_image"`
}

type OrganizationInvitation struct {
	Object            string                                `json:"object"`
	ID                string                                `json:"id"`
	EmailAddress      string                                `json:"email_address"`
	Role              string                                `json:"role"`
	RoleName          string                                `json:"role_name"`
	OrganizationID    string                                `json:"organization_id"`
	InviterID         *string                               `json:"inviter_id" jsonschema:"nullable"`
	PublicInviterData *OrganizationInvitationPublicUserData `json:"public_inviter_data" jsonschema:"nullable"`
	Status            string                                `json:"status"`
	PublicMetadata    map[string]any                        `json:"public_metadata"`
	PrivateMetadata   map[string]any                        `json:"private_metadata"`
	URL               *string                               `json:"url" jsonschema:"nullable"`
	ExpiresAt         *int64                                `json:"expires_at" jsonschema:"nullable"`
	CreatedAt         int64                                 `json:"created_at"`
	UpdatedAt         int64                                 `json:"updated_at"`
}

type OrganizationInvitations struct {
	Data       []OrganizationInvitation `json:"data"`
	TotalCount int64                    `json:"total_count"`
}
