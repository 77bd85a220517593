package clerkapi

import "encoding/json"

var samlConnectionsOperations = []Operation{
	{
		Name: "list_saml_connections", OperationID: "ListSAMLConnections", Method: "GET", Path: "/saml_connections",
		Description: "Deprecated: use list_enterprise_connections.",
		Request:     ListSAMLConnectionsRequest{}, Response: SAMLConnections{}, Deprecated: true,
	},
	{
		Name: "create_saml_connection", OperationID: "CreateSAMLConnection", Method: "POST", Path: "/saml_connections",
		Description: "Deprecated: use create_enterprise_connection.",
		Request:     CreateSAMLConnectionRequest{}, Response: map[string]any{}, Deprecated: true,
	},
	{
		Name: "get_saml_connection", OperationID: "GetSAMLConnection", Method: "GET", Path: "/saml_connections/{saml_connection_id}",
		Description: "Deprecated: use get_enterprise_connection.",
		Request:     GetSAMLConnectionRequest{}, Response: map[string]any{}, Deprecated: true,
	},
	{
		Name: "update_saml_connection", OperationID: "UpdateSAMLConnection", Method: "PATCH", Path: "/saml_connections/{saml_connection_id}",
		Description: "Deprecated: use update_enterprise_connection.",
		Request:     UpdateSAMLConnectionRequest{}, Response: map[string]any{}, Deprecated: true,
	},
	{
		Name: "delete_saml_connection", OperationID: "DeleteSAMLConnection", Method: "DELETE", Path: "/saml_connections/{saml_connection_id}",
		Description: "Deprecated: use delete_enterprise_connection.",
		Request:     DeleteSAMLConnectionRequest{}, Response: DeletedObject{}, Deprecated: true,
	},
}

type ListSAMLConnectionsRequest struct {
	Page
	Query *string `json:"query,omitempty" in:"query"`
	// +/-field, e.g. -created_at.
	OrderBy *string `json:"order_by,omitempty" in:"query"`
	// +id includes, -id excludes.
	OrganizationID []string `json:"organization_id,omitempty" in:"query" jsonschema:"maxItems=100"`
}

type CreateSAMLConnectionRequest struct {
	Name             string                                       `json:"name" in:"body" jsonschema:"required"`
	Domain           *string                                      `json:"domain,omitempty" in:"body"`
	Domains          []string                                     `json:"domains,omitempty" in:"body"`
	Provider         string                                       `json:"provider" in:"body" jsonschema:"required,enum=saml_custom,enum=saml_okta,enum=saml_google,enum=saml_microsoft"`
	IDPEntityID      *string                                      `json:"idp_entity_id,omitempty" in:"body,nullable"`
	IDPSSOURL        *string                                      `json:"idp_sso_url,omitempty" in:"body,nullable"`
	IDPCertificate   *string                                      `json:"idp_certificate,omitempty" in:"body,nullable"`
	IDPMetadataURL   *string                                      `json:"idp_metadata_url,omitempty" in:"body,nullable"`
	IDPMetadata      *string                                      `json:"idp_metadata,omitempty" in:"body,nullable"`
	OrganizationID   *string                                      `json:"organization_id,omitempty" in:"body,nullable"`
	AttributeMapping *CreateSAMLConnectionRequestAttributeMapping `json:"attribute_mapping,omitempty" in:"body,nullable"`
	ForceAuthn       *bool                                        `json:"force_authn,omitempty" in:"body"`
	LoginHint        *CreateSAMLConnectionRequestLoginHint        `json:"login_hint,omitempty" in:"body,nullable"`
}

type CreateSAMLConnectionRequestAttributeMapping struct {
	UserID       *string `json:"user_id,omitempty"`
	EmailAddress *string `json:"email_address,omitempty"`
	FirstName    *string `json:"first_name,omitempty"`
	LastName     *string `json:"last_name,omitempty"`
}

type CreateSAMLConnectionRequestLoginHint struct {
	Mode   string  `json:"mode" jsonschema:"required,enum=email_address,enum=custom_attribute,enum=off"`
	Source *string `json:"source,omitempty"`
}

type GetSAMLConnectionRequest struct {
	SAMLConnectionID string `json:"saml_connection_id" in:"path" jsonschema:"required"`
}

type UpdateSAMLConnectionRequest struct {
	SAMLConnectionID                 string                                       `json:"saml_connection_id" in:"path" jsonschema:"required"`
	Name                             *string                                      `json:"name,omitempty" in:"body,nullable"`
	Domain                           *string                                      `json:"domain,omitempty" in:"body,nullable"`
	Domains                          []string                                     `json:"domains,omitempty" in:"body,nullable"`
	IDPEntityID                      *string                                      `json:"idp_entity_id,omitempty" in:"body,nullable"`
	IDPSSOURL                        *string                                      `json:"idp_sso_url,omitempty" in:"body,nullable"`
	IDPCertificate                   *string                                      `json:"idp_certificate,omitempty" in:"body,nullable"`
	IDPMetadataURL                   *string                                      `json:"idp_metadata_url,omitempty" in:"body,nullable"`
	IDPMetadata                      *string                                      `json:"idp_metadata,omitempty" in:"body,nullable"`
	OrganizationID                   *string                                      `json:"organization_id,omitempty" in:"body,nullable"`
	AttributeMapping                 *UpdateSAMLConnectionRequestAttributeMapping `json:"attribute_mapping,omitempty" in:"body,nullable"`
	Active                           *bool                                        `json:"active,omitempty" in:"body,nullable"`
	SyncUserAttributes               *bool                                        `json:"sync_user_attributes,omitempty" in:"body,nullable"`
	AllowSubdomains                  *bool                                        `json:"allow_subdomains,omitempty" in:"body,nullable"`
	AllowIDPInitiated                *bool                                        `json:"allow_idp_initiated,omitempty" in:"body,nullable"`
	DisableAdditionalIdentifications *bool                                        `json:"disable_additional_identifications,omitempty" in:"body,nullable"`
	AllowOrganizationAccountLinking  *bool                                        `json:"allow_organization_account_linking,omitempty" in:"body,nullable"`
	ForceAuthn                       *bool                                        `json:"force_authn,omitempty" in:"body"`
	LoginHint                        *UpdateSAMLConnectionRequestLoginHint        `json:"login_hint,omitempty" in:"body,nullable"`
	// true deletes clashing verified org domains.
	ConsentVerifiedDomainsDeletion *bool `json:"consent_verified_domains_deletion,omitempty" in:"body,nullable"`
}

type UpdateSAMLConnectionRequestAttributeMapping struct {
	UserID       *string `json:"user_id,omitempty"`
	EmailAddress *string `json:"email_address,omitempty"`
	FirstName    *string `json:"first_name,omitempty"`
	LastName     *string `json:"last_name,omitempty"`
}

type UpdateSAMLConnectionRequestLoginHint struct {
	Mode   string  `json:"mode" jsonschema:"required,enum=email_address,enum=custom_attribute,enum=off"`
	Source *string `json:"source,omitempty"`
}

type DeleteSAMLConnectionRequest struct {
	SAMLConnectionID string `json:"saml_connection_id" in:"path" jsonschema:"required"`
}

type SAMLConnections struct {
	Data       []json.RawMessage `json:"data"`
	TotalCount int64             `json:"total_count"`
}
