package clerkapi

var adminPortalOperations = []Operation{
	{
		Name: "create_admin_portal_link_token", OperationID: "createAdminPortalLinkToken", Method: "POST", Path: "/admin_portal_link_tokens",
		Description: "Single-use; the token is shown once.",
		Request:     CreateAdminPortalLinkTokenRequest{}, Response: CreateAdminPortalLinkTokenResponse{}, Secret: true,
	},
	{
		Name: "revoke_admin_portal_link_token", OperationID: "revokeAdminPortalLinkToken", Method: "POST", Path: "/admin_portal_link_tokens/{adminPortalLinkTokenID}/revoke",
		Description: "Invalidate an admin portal link.",
		Request:     RevokeAdminPortalLinkTokenRequest{}, Response: RevokeAdminPortalLinkTokenResponse{},
	},
}

type CreateAdminPortalLinkTokenRequest struct {
	OrganizationID         *string  `json:"organization_id,omitempty" in:"body" jsonschema:"pattern=^org_\\w{27}$"`
	ItContactID            *string  `json:"it_contact_id,omitempty" in:"body" jsonschema:"minLength=1"`
	Scopes                 []string `json:"scopes,omitempty" in:"body" jsonschema:"minLength=1"`
	SecondsUntilExpiration *int64   `json:"seconds_until_expiration,omitempty" in:"body" jsonschema:"minimum=1,maximum=86400,default=3600"`
}

type RevokeAdminPortalLinkTokenRequest struct {
	AdminPortalLinkTokenID string  `json:"adminPortalLinkTokenID" in:"path" jsonschema:"required,pattern=^aplt_[0-9A-Fa-f]{32}$"`
	RevocationReason       *string `json:"revocation_reason,omitempty" in:"body,nullable"`
}

type CreateAdminPortalLinkTokenResponse struct {
	Object            string   `json:"object"`
	ID                string   `json:"id"`
	AdminPortalLinkID string   `json:"admin_portal_link_id"`
	InstanceID        string   `json:"instance_id"`
	OrganizationID    *string  `json:"organization_id" jsonschema:"nullable"`
	ItContactID       *string  `json:"it_contact_id" jsonschema:"nullable"`
	Scopes            []string `json:"scopes" jsonschema:"nullable"`
	Token             string   `json:"token"`
	Revoked           bool     `json:"revoked"`
	RevocationReason  *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired           bool     `json:"expired"`
	Expiration        *float64 `json:"expiration" jsonschema:"nullable"`
	CreatedAt         float64  `json:"created_at"`
	UpdatedAt         float64  `json:"updated_at"`
}

type RevokeAdminPortalLinkTokenResponse struct {
	Object            string   `json:"object"`
	ID                string   `json:"id"`
	AdminPortalLinkID string   `json:"admin_portal_link_id"`
	InstanceID        string   `json:"instance_id"`
	OrganizationID    *string  `json:"organization_id" jsonschema:"nullable"`
	ItContactID       *string  `json:"it_contact_id" jsonschema:"nullable"`
	Scopes            []string `json:"scopes" jsonschema:"nullable"`
	Revoked           bool     `json:"revoked"`
	RevocationReason  *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired           bool     `json:"expired"`
	Expiration        *float64 `json:"expiration" jsonschema:"nullable"`
	CreatedAt         float64  `json:"created_at"`
	UpdatedAt         float64  `json:"updated_at"`
}
