package clerkapi

var organizationDomainsOperations = []Operation{
	{
		Name: "create_organization_domain", OperationID: "CreateOrganizationDomain", Method: "POST", Path: "/organizations/{organization_id}/domains",
		Description: "Add an email domain; verified by default.",
		Request:     CreateOrganizationDomainRequest{}, Response: OrganizationDomain{},
	},
	{
		Name: "list_organization_domains", OperationID: "ListOrganizationDomains", Method: "GET", Path: "/organizations/{organization_id}/domains",
		Description: "An organization's domains.",
		Request:     ListOrganizationDomainsRequest{}, Response: OrganizationDomains{},
	},
	{
		Name: "update_organization_domain", OperationID: "UpdateOrganizationDomain", Method: "PATCH", Path: "/organizations/{organization_id}/domains/{domain_id}",
		Description: "Set enrollment mode or verified flag.",
		Request:     UpdateOrganizationDomainRequest{}, Response: OrganizationDomain{},
	},
	{
		Name: "delete_organization_domain", OperationID: "DeleteOrganizationDomain", Method: "DELETE", Path: "/organizations/{organization_id}/domains/{domain_id}",
		Description: "Remove a domain from an organization.",
		Request:     DeleteOrganizationDomainRequest{}, Response: DeletedObject{},
	},
	{
		Name: "verify_organization_domain_ownership", OperationID: "VerifyOrganizationDomainOwnership", Method: "POST", Path: "/organizations/{organization_id}/domains/{domain_id}/verify_ownership",
		Description: "Mark verified, skipping the DNS check.",
		Request:     VerifyOrganizationDomainOwnershipRequest{}, Response: OrganizationDomain{},
	},
	{
		Name: "list_all_organization_domains", OperationID: "ListAllOrganizationDomains", Method: "GET", Path: "/organization_domains",
		Description: "Domains of all organizations.",
		Request:     ListAllOrganizationDomainsRequest{}, Response: OrganizationDomains{},
	},
}

type CreateOrganizationDomainRequest struct {
	OrganizationID string  `json:"organization_id" in:"path" jsonschema:"required"`
	Name           *string `json:"name,omitempty" in:"body"`
	// manual_invitation, automatic_invitation, automatic_suggestion or enterprise_sso.
	EnrollmentMode *string `json:"enrollment_mode,omitempty" in:"body"`
	Verified       *bool   `json:"verified,omitempty" in:"body,nullable" jsonschema:"default=true"`
}

type ListOrganizationDomainsRequest struct {
	OrganizationID string  `json:"organization_id" in:"path" jsonschema:"required"`
	Verified       *string `json:"verified,omitempty" in:"query"`
	EnrollmentMode *string `json:"enrollment_mode,omitempty" in:"query"`
	Page
}

type UpdateOrganizationDomainRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
	DomainID       string `json:"domain_id" in:"path" jsonschema:"required"`
	// manual_invitation, automatic_invitation, automatic_suggestion or enterprise_sso.
	EnrollmentMode *string `json:"enrollment_mode,omitempty" in:"body,nullable"`
	Verified       *bool   `json:"verified,omitempty" in:"body,nullable"`
}

type DeleteOrganizationDomainRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
	DomainID       string `json:"domain_id" in:"path" jsonschema:"required"`
}

type VerifyOrganizationDomainOwnershipRequest struct {
	OrganizationID string `json:"organization_id" in:"path" jsonschema:"required"`
	DomainID       string `json:"domain_id" in:"path" jsonschema:"required"`
}

// ListAllOrganizationDomainsRequest spells out offset before limit, as the
// spec does; embedding Page would reorder its published input schema.
type ListAllOrganizationDomainsRequest struct {
	OrganizationID *string  `json:"organization_id,omitempty" in:"query"`
	Verified       *string  `json:"verified,omitempty" in:"query" jsonschema:"enum=true,enum=false"`
	EnrollmentMode []string `json:"enrollment_mode,omitempty" in:"query,comma" jsonschema:"enum=manual_invitation,enum=automatic_invitation,enum=automatic_suggestion,enum=enterprise_sso,enum=-manual_invitation,enum=-automatic_invitation,enum=-automatic_suggestion,enum=-enterprise_sso"`
	Query          *string  `json:"query,omitempty" in:"query" jsonschema:"minLength=1"`
	Domains        []string `json:"domains,omitempty" in:"query"`
	// +/-field: name, created_at.
	OrderBy *string `json:"order_by,omitempty" in:"query" jsonschema:"default=-created_at"`
	Offset  *int64  `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
	Limit   *int64  `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
}

type OrganizationDomain struct {
	Object                  string                                        `json:"object"`
	ID                      string                                        `json:"id"`
	OrganizationID          string                                        `json:"organization_id"`
	Name                    string                                        `json:"name"`
	EnrollmentMode          string                                        `json:"enrollment_mode"`
	AffiliationEmailAddress *string                                       `json:"affiliation_email_address" jsonschema:"nullable"`
	AffiliationVerification *OrganizationDomainVerification               `json:"affiliation_verification" jsonschema:"nullable"`
	OwnershipVerification   *OrganizationDomainVerification               `json:"ownership_verification" jsonschema:"nullable"`
	Verification            *OrganizationDomainVerification               `json:"verification" jsonschema:"nullable"`
	TotalPendingInvitations int64                                         `json:"total_pending_invitations"`
	TotalPendingSuggestions int64                                         `json:"total_pending_suggestions"`
	PublicOrganizationData  *OrganizationInvitationPublicOrganizationData `json:"public_organization_data" jsonschema:"nullable"`
	CreatedAt               int64                                         `json:"created_at"`
	UpdatedAt               int64                                         `json:"updated_at"`
}

type OrganizationDomainVerification struct {
	Status     string `json:"status"`
	Strategy   string `json:"strategy"`
	Attempts   *int64 `json:"attempts" jsonschema:"nullable"`
	ExpireAt   *int64 `json:"expire_at" jsonschema:"nullable"`
	VerifiedAt *int64 `json:"verified_at" jsonschema:"nullable"`
}

type OrganizationDomains struct {
	Data       []OrganizationDomain `json:"data"`
	TotalCount int64                `json:"total_count"`
}
