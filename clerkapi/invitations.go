package clerkapi

var invitationsOperations = []Operation{
	{
		Name: "create_invitation", OperationID: "CreateInvitation", Method: "POST", Path: "/invitations",
		Description: "Invite an email address to sign up.",
		Request:     CreateInvitationRequest{}, Response: Invitation{},
	},
	{
		Name: "list_invitations", OperationID: "ListInvitations", Method: "GET", Path: "/invitations",
		Description: "List sign-up invitations.",
		Request:     ListInvitationsRequest{}, Response: List[Invitation]{}, Paginated: true,
	},
	{
		Name: "create_invitations_bulk", OperationID: "CreateBulkInvitations", Method: "POST", Path: "/invitations/bulk",
		Description: "Up to 10; fails if any email has a user.",
		Request:     CreateInvitationsBulkRequest{}, Response: Items[Invitation]{},
	},
	{
		Name: "revoke_invitation", OperationID: "RevokeInvitation", Method: "POST", Path: "/invitations/{invitation_id}/revoke",
		Description: "Its link stops working.",
		Request:     RevokeInvitationRequest{}, Response: Invitation{},
	},
}

type CreateInvitationRequest struct {
	EmailAddress   string         `json:"email_address" in:"body" jsonschema:"required"`
	PublicMetadata map[string]any `json:"public_metadata,omitempty" in:"body"`
	// Where the invitation link lands.
	RedirectURL    *string `json:"redirect_url,omitempty" in:"body"`
	Notify         *bool   `json:"notify,omitempty" in:"body,nullable" jsonschema:"default=true"`
	IgnoreExisting *bool   `json:"ignore_existing,omitempty" in:"body,nullable" jsonschema:"default=false"`
	ExpiresInDays  *int64  `json:"expires_in_days,omitempty" in:"body,nullable" jsonschema:"minimum=1,maximum=365,default=30"`
	TemplateSlug   *string `json:"template_slug,omitempty" in:"body" jsonschema:"enum=invitation,enum=waitlist_invitation"`
}

type ListInvitationsRequest struct {
	Status *string `json:"status,omitempty" in:"query" jsonschema:"enum=pending,enum=accepted,enum=revoked,enum=expired"`
	Query  *string `json:"query,omitempty" in:"query"`
	// +/-field: created_at, email_address, expires_at.
	OrderBy *string `json:"order_by,omitempty" in:"query" jsonschema:"default=-created_at"`
	Page
}

type CreateInvitationsBulkRequest struct {
	Invitations []CreateInvitationsBulkRequestItem `json:"invitations" in:"body,whole" jsonschema:"required,minItems=1,maxItems=10"`
}

type CreateInvitationsBulkRequestItem struct {
	EmailAddress   string         `json:"email_address" jsonschema:"required"`
	PublicMetadata map[string]any `json:"public_metadata,omitempty" in:",nullable"`
	RedirectURL    *string        `json:"redirect_url,omitempty" in:",nullable"`
	Notify         *bool          `json:"notify,omitempty" in:",nullable" jsonschema:"default=true"`
	IgnoreExisting *bool          `json:"ignore_existing,omitempty" in:",nullable" jsonschema:"default=false"`
	ExpiresInDays  *int64         `json:"expires_in_days,omitempty" in:",nullable" jsonschema:"minimum=1,maximum=365,default=30"`
	TemplateSlug   *string        `json:"template_slug,omitempty" jsonschema:"default=invitation,enum=invitation,enum=waitlist_invitation"`
}

type RevokeInvitationRequest struct {
	InvitationID string `json:"invitation_id" in:"path" jsonschema:"required"`
}

type Invitation struct {
	Object         string         `json:"object"`
	ID             string         `json:"id"`
	EmailAddress   string         `json:"email_address"`
	PublicMetadata map[string]any `json:"public_metadata"`
	Revoked        bool           `json:"revoked"`
	Status         string         `json:"status"`
	URL            string         `json:"url"`
	ExpiresAt      *int64         `json:"expires_at" jsonschema:"nullable"`
	CreatedAt      int64          `json:"created_at"`
	UpdatedAt      int64          `json:"updated_at"`
}
