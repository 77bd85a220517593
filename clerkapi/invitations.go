package clerkapi

var invitationsOperations = []Operation{
	{
		Name: "create_invitation", OperationID: "CreateInvitation", Method: "POST", Path: "/invitations",
		Description: "Invite an email to sign up; fails if it has a user or, by default, an invitation.",
		Request:     CreateInvitationRequest{}, Response: Invitation{},
	},
	{
		Name: "list_invitations", OperationID: "ListInvitations", Method: "GET", Path: "/invitations",
		Description: "List sign-up invitations; filter by status, or search by email or ID.",
		Request:     ListInvitationsRequest{}, Response: List[Invitation]{}, Paginated: true,
	},
	{
		Name: "create_invitations_bulk", OperationID: "CreateBulkInvitations", Method: "POST", Path: "/invitations/bulk",
		Description: "Create up to 10 sign-up invitations in one call; fails if any email already has a user.",
		Request:     CreateInvitationsBulkRequest{}, Response: List[Invitation]{},
	},
	{
		Name: "revoke_invitation", OperationID: "RevokeInvitation", Method: "POST", Path: "/invitations/{invitation_id}/revoke",
		Description: "Revoke a sign-up invitation so its link stops working; normal sign-up stays open to them.",
		Request:     RevokeInvitationRequest{}, Response: RevokeInvitationResponse{},
	},
}

type CreateInvitationRequest struct {
	EmailAddress string `json:"email_address" in:"body" jsonschema:"required"`
	// Becomes the new user's public metadata.
	PublicMetadata map[string]any `json:"public_metadata,omitempty" in:"body"`
	// Where the invitation link sends the invitee.
	RedirectURL *string `json:"redirect_url,omitempty" in:"body"`
	Notify      *bool   `json:"notify,omitempty" in:"body" jsonschema:"default=true"`
	// Create even if this email already has an invitation.
	IgnoreExisting *bool   `json:"ignore_existing,omitempty" in:"body" jsonschema:"default=false"`
	ExpiresInDays  *int64  `json:"expires_in_days,omitempty" in:"body" jsonschema:"minimum=1,maximum=365,default=30"`
	TemplateSlug   *string `json:"template_slug,omitempty" in:"body" jsonschema:"enum=invitation,enum=waitlist_invitation"`
}

type ListInvitationsRequest struct {
	Status *string `json:"status,omitempty" in:"query" jsonschema:"enum=pending,enum=accepted,enum=revoked,enum=expired"`
	// Matches email address or invitation ID.
	Query *string `json:"query,omitempty" in:"query"`
	// Sort field; prefix - for descending, + for ascending.
	OrderBy *string `json:"order_by,omitempty" in:"query" jsonschema:"default=-created_at"`
	Limit   *int64  `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset  *int64  `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
}

type CreateInvitationsBulkRequest struct {
	Invitations []CreateInvitationsBulkRequestItem `json:"invitations" in:"body,whole" jsonschema:"required,minItems=1,maxItems=10"`
}

type CreateInvitationsBulkRequestItem struct {
	EmailAddress string `json:"email_address" jsonschema:"required"`
	// Becomes the new user's public metadata.
	PublicMetadata map[string]any `json:"public_metadata,omitempty"`
	// Where the invitation link sends the invitee.
	RedirectURL *string `json:"redirect_url,omitempty"`
	Notify      *bool   `json:"notify,omitempty" jsonschema:"default=true"`
	// Create even if this email already has an invitation.
	IgnoreExisting *bool   `json:"ignore_existing,omitempty" jsonschema:"default=false"`
	ExpiresInDays  *int64  `json:"expires_in_days,omitempty" jsonschema:"minimum=1,maximum=365,default=30"`
	TemplateSlug   *string `json:"template_slug,omitempty" jsonschema:"default=invitation,enum=invitation,enum=waitlist_invitation"`
}

type RevokeInvitationRequest struct {
	InvitationID string `json:"invitation_id" in:"path" jsonschema:"required"`
}
