package clerkapi

var enterpriseConnectionsOperations = []Operation{
	{
		Name: "list_enterprise_connections", OperationID: "ListEnterpriseConnections", Method: "GET", Path: "/enterprise_connections",
		Description: "List enterprise SSO (SAML/OIDC) connections, optionally filtered by organization or active state.",
		Request:     ListEnterpriseConnectionsRequest{}, Response: EnterpriseConnections{},
	},
	{
		Name: "create_enterprise_connection", OperationID: "CreateEnterpriseConnection", Method: "POST", Path: "/enterprise_connections",
		Description: "Create an enterprise SSO connection (SAML or OIDC) for one or more email domains.",
		Request:     CreateEnterpriseConnectionRequest{}, Response: EnterpriseConnection{},
	},
	{
		Name: "get_enterprise_connection", OperationID: "GetEnterpriseConnection", Method: "GET", Path: "/enterprise_connections/{enterprise_connection_id}",
		Description: "Get an enterprise SSO connection by ID, with its SAML/OIDC settings.",
		Request:     GetEnterpriseConnectionRequest{}, Response: EnterpriseConnection{},
	},
	{
		Name: "update_enterprise_connection", OperationID: "UpdateEnterpriseConnection", Method: "PATCH", Path: "/enterprise_connections/{enterprise_connection_id}",
		Description: "Update an enterprise SSO connection; enabling it deletes clashing verified organization domains.",
		Request:     UpdateEnterpriseConnectionRequest{}, Response: EnterpriseConnection{},
	},
	{
		Name: "delete_enterprise_connection", OperationID: "DeleteEnterpriseConnection", Method: "DELETE", Path: "/enterprise_connections/{enterprise_connection_id}",
		Description: "Delete an enterprise SSO connection permanently.",
		Request:     DeleteEnterpriseConnectionRequest{}, Response: DeletedObject{},
	},
	{
		Name: "list_enterprise_connection_test_runs", OperationID: "ListEnterpriseConnectionTestRuns", Method: "GET", Path: "/enterprise_connections/{enterprise_connection_id}/test_runs",
		Description: "List the SSO test runs of an enterprise connection, with their logs and parsed user info.",
		Request:     ListEnterpriseConnectionTestRunsRequest{}, Response: EnterpriseConnectionTestRuns{},
	},
	{
		Name: "create_enterprise_connection_test_run", OperationID: "CreateEnterpriseConnectionTestRun", Method: "POST", Path: "/enterprise_connections/{enterprise_connection_id}/test_runs",
		Description: "Start an SSO test run for an enterprise connection; returns a short-lived URL that begins the IdP flow.",
		Request:     CreateEnterpriseConnectionTestRunRequest{}, Response: EnterpriseConnectionTestRunResponse{},
	},
}

type ListEnterpriseConnectionsRequest struct {
	Limit          *int64  `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset         *int64  `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
	OrganizationID *string `json:"organization_id,omitempty" in:"query"`
	// Omit to list both active and inactive.
	Active *bool `json:"active,omitempty" in:"query"`
}

type CreateEnterpriseConnectionRequest struct {
	Name     string `json:"name" in:"body" jsonschema:"required"`
	Provider string `json:"provider" in:"body" jsonschema:"required,enum=saml_custom,enum=saml_okta,enum=saml_google,enum=saml_microsoft,enum=oidc_custom,enum=oidc_github_enterprise,enum=oidc_gitlab"`
	// Email domains routed to this connection.
	Domains                         []string `json:"domains" in:"body" jsonschema:"required,minItems=1"`
	OrganizationID                  *string  `json:"organization_id,omitempty" in:"body"`
	AllowOrganizationAccountLinking *bool    `json:"allow_organization_account_linking,omitempty" in:"body"`
	// true requires IdP metadata in saml.
	Active *bool `json:"active,omitempty" in:"body"`
	// SAML settings; used only by saml_* providers.
	SAML *CreateEnterpriseConnectionRequestSAML `json:"saml,omitempty" in:"body"`
	// OIDC settings; used only by oidc_* providers.
	Oidc *CreateEnterpriseConnectionRequestOidc `json:"oidc,omitempty" in:"body"`
	// Map IdP values into user metadata; feature must be enabled.
	CustomAttributes []CreateEnterpriseConnectionRequestCustomAttributes `json:"custom_attributes,omitempty" in:"body"`
}

type CreateEnterpriseConnectionRequestSAML struct {
	IDPEntityID *string `json:"idp_entity_id,omitempty"`
	IDPSSOURL   *string `json:"idp_sso_url,omitempty"`
	// PEM certificate.
	IDPCertificate *string `json:"idp_certificate,omitempty"`
	IDPMetadataURL *string `json:"idp_metadata_url,omitempty"`
	// Raw metadata XML.
	IDPMetadata      *string                                                `json:"idp_metadata,omitempty"`
	AttributeMapping *CreateEnterpriseConnectionRequestSAMLAttributeMapping `json:"attribute_mapping,omitempty"`
	// Also accept email subdomains.
	AllowSubdomains   *bool `json:"allow_subdomains,omitempty"`
	AllowIDPInitiated *bool `json:"allow_idp_initiated,omitempty"`
	// Force IdP re-authentication on each sign-in.
	ForceAuthn *bool                                           `json:"force_authn,omitempty"`
	LoginHint  *CreateEnterpriseConnectionRequestSAMLLoginHint `json:"login_hint,omitempty"`
}

type CreateEnterpriseConnectionRequestSAMLAttributeMapping struct {
	UserID       *string `json:"user_id,omitempty"`
	EmailAddress *string `json:"email_address,omitempty"`
	FirstName    *string `json:"first_name,omitempty"`
	LastName     *string `json:"last_name,omitempty"`
}

type CreateEnterpriseConnectionRequestSAMLLoginHint struct {
	Mode string `json:"mode" jsonschema:"required,enum=email_address,enum=custom_attribute,enum=off"`
	// public_metadata key sent when mode is custom_attribute.
	Source *string `json:"source,omitempty"`
}

type CreateEnterpriseConnectionRequestOidc struct {
	ClientID     *string `json:"client_id,omitempty"`
	ClientSecret *string `json:"client_secret,omitempty"`
	DiscoveryURL *string `json:"discovery_url,omitempty"`
	AuthURL      *string `json:"auth_url,omitempty"`
	TokenURL     *string `json:"token_url,omitempty"`
	UserInfoURL  *string `json:"user_info_url,omitempty"`
	// Must be true for public clients without a secret.
	RequiresPkce *bool `json:"requires_pkce,omitempty"`
}

type CreateEnterpriseConnectionRequestCustomAttributes struct {
	Name string `json:"name" jsonschema:"required,minLength=1"`
	// Metadata key for the value.
	Key string `json:"key" jsonschema:"required,minLength=1,pattern=^[^_][A-Za-z0-9_-]*$"`
	// Path in SSO claims.
	SSOPath *string `json:"sso_path,omitempty"`
	// GJSON path in SCIM user resources.
	SCIMPath *string `json:"scim_path,omitempty"`
	// New name of scim_path; must match if both sent.
	DirectoryPath *string `json:"directory_path,omitempty"`
	// Store values as an array.
	MultiValued *bool `json:"multi_valued,omitempty"`
}

type GetEnterpriseConnectionRequest struct {
	EnterpriseConnectionID string `json:"enterprise_connection_id" in:"path" jsonschema:"required"`
}

type UpdateEnterpriseConnectionRequest struct {
	EnterpriseConnectionID string  `json:"enterprise_connection_id" in:"path" jsonschema:"required"`
	Name                   *string `json:"name,omitempty" in:"body"`
	// Replaces all domains; an empty list changes nothing.
	Domains []string `json:"domains,omitempty" in:"body"`
	Active  *bool    `json:"active,omitempty" in:"body"`
	// Refresh user attributes on every sign-in.
	SyncUserAttributes               *bool `json:"sync_user_attributes,omitempty" in:"body"`
	DisableAdditionalIdentifications *bool `json:"disable_additional_identifications,omitempty" in:"body"`
	AllowOrganizationAccountLinking  *bool `json:"allow_organization_account_linking,omitempty" in:"body"`
	// Links an organization; it can never be unlinked.
	OrganizationID *string `json:"organization_id,omitempty" in:"body"`
	// SAML settings; used only by SAML connections.
	SAML *UpdateEnterpriseConnectionRequestSAML `json:"saml,omitempty" in:"body"`
	// OIDC settings; used only by OIDC connections.
	Oidc *UpdateEnterpriseConnectionRequestOidc `json:"oidc,omitempty" in:"body"`
	// Map IdP values into user metadata; feature must be enabled.
	CustomAttributes []UpdateEnterpriseConnectionRequestCustomAttributes `json:"custom_attributes,omitempty" in:"body"`
}

type UpdateEnterpriseConnectionRequestSAML struct {
	Name        *string `json:"name,omitempty"`
	IDPEntityID *string `json:"idp_entity_id,omitempty"`
	IDPSSOURL   *string `json:"idp_sso_url,omitempty"`
	// PEM certificate.
	IDPCertificate *string `json:"idp_certificate,omitempty"`
	IDPMetadataURL *string `json:"idp_metadata_url,omitempty"`
	// Raw metadata XML.
	IDPMetadata      *string                                                `json:"idp_metadata,omitempty"`
	AttributeMapping *UpdateEnterpriseConnectionRequestSAMLAttributeMapping `json:"attribute_mapping,omitempty"`
	// Also accept email subdomains.
	AllowSubdomains   *bool `json:"allow_subdomains,omitempty"`
	AllowIDPInitiated *bool `json:"allow_idp_initiated,omitempty"`
	// Force IdP re-authentication on each sign-in.
	ForceAuthn *bool                                           `json:"force_authn,omitempty"`
	LoginHint  *UpdateEnterpriseConnectionRequestSAMLLoginHint `json:"login_hint,omitempty"`
}

type UpdateEnterpriseConnectionRequestSAMLAttributeMapping struct {
	UserID       *string `json:"user_id,omitempty"`
	EmailAddress *string `json:"email_address,omitempty"`
	FirstName    *string `json:"first_name,omitempty"`
	LastName     *string `json:"last_name,omitempty"`
}

type UpdateEnterpriseConnectionRequestSAMLLoginHint struct {
	Mode string `json:"mode" jsonschema:"required,enum=email_address,enum=custom_attribute,enum=off"`
	// public_metadata key sent when mode is custom_attribute.
	Source *string `json:"source,omitempty"`
}

type UpdateEnterpriseConnectionRequestOidc struct {
	ClientID     *string `json:"client_id,omitempty"`
	ClientSecret *string `json:"client_secret,omitempty"`
	DiscoveryURL *string `json:"discovery_url,omitempty"`
	AuthURL      *string `json:"auth_url,omitempty"`
	TokenURL     *string `json:"token_url,omitempty"`
	UserInfoURL  *string `json:"user_info_url,omitempty"`
	// Must be true for public clients without a secret.
	RequiresPkce *bool `json:"requires_pkce,omitempty"`
}

type UpdateEnterpriseConnectionRequestCustomAttributes struct {
	Name string `json:"name" jsonschema:"required,minLength=1"`
	// Metadata key for the value.
	Key string `json:"key" jsonschema:"required,minLength=1,pattern=^[^_][A-Za-z0-9_-]*$"`
	// Path in SSO claims.
	SSOPath *string `json:"sso_path,omitempty"`
	// GJSON path in SCIM user resources.
	SCIMPath *string `json:"scim_path,omitempty"`
	// New name of scim_path; must match if both sent.
	DirectoryPath *string `json:"directory_path,omitempty"`
	// Store values as an array.
	MultiValued *bool `json:"multi_valued,omitempty"`
}

type DeleteEnterpriseConnectionRequest struct {
	EnterpriseConnectionID string `json:"enterprise_connection_id" in:"path" jsonschema:"required"`
}

type ListEnterpriseConnectionTestRunsRequest struct {
	EnterpriseConnectionID string   `json:"enterprise_connection_id" in:"path" jsonschema:"required"`
	Status                 []string `json:"status,omitempty" in:"query" jsonschema:"enum=pending,enum=success,enum=failed"`
	Limit                  *int64   `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset                 *int64   `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
}

type CreateEnterpriseConnectionTestRunRequest struct {
	EnterpriseConnectionID string `json:"enterprise_connection_id" in:"path" jsonschema:"required"`
}
