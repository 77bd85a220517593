package clerkapi

var enterpriseConnectionsOperations = []Operation{
	{
		Name: "list_enterprise_connections", OperationID: "ListEnterpriseConnections", Method: "GET", Path: "/enterprise_connections",
		Description: "List SAML/OIDC SSO connections.",
		Request:     ListEnterpriseConnectionsRequest{}, Response: EnterpriseConnections{},
	},
	{
		Name: "create_enterprise_connection", OperationID: "CreateEnterpriseConnection", Method: "POST", Path: "/enterprise_connections",
		Description: "SAML or OIDC SSO for email domains.",
		Request:     CreateEnterpriseConnectionRequest{}, Response: EnterpriseConnection{},
	},
	{
		Name: "get_enterprise_connection", OperationID: "GetEnterpriseConnection", Method: "GET", Path: "/enterprise_connections/{enterprise_connection_id}",
		Description: "Get an SSO connection by ID.",
		Request:     GetEnterpriseConnectionRequest{}, Response: EnterpriseConnection{},
	},
	{
		Name: "update_enterprise_connection", OperationID: "UpdateEnterpriseConnection", Method: "PATCH", Path: "/enterprise_connections/{enterprise_connection_id}",
		Description: "Enabling deletes clashing org domains.",
		Request:     UpdateEnterpriseConnectionRequest{}, Response: EnterpriseConnection{},
	},
	{
		Name: "delete_enterprise_connection", OperationID: "DeleteEnterpriseConnection", Method: "DELETE", Path: "/enterprise_connections/{enterprise_connection_id}",
		Description: "Delete an SSO connection permanently.",
		Request:     DeleteEnterpriseConnectionRequest{}, Response: DeletedObject{},
	},
	{
		Name: "list_enterprise_connection_test_runs", OperationID: "ListEnterpriseConnectionTestRuns", Method: "GET", Path: "/enterprise_connections/{enterprise_connection_id}/test_runs",
		Description: "SSO test runs, with logs.",
		Request:     ListEnterpriseConnectionTestRunsRequest{}, Response: EnterpriseConnectionTestRuns{},
	},
	{
		Name: "create_enterprise_connection_test_run", OperationID: "CreateEnterpriseConnectionTestRun", Method: "POST", Path: "/enterprise_connections/{enterprise_connection_id}/test_runs",
		Description: "Returns a short-lived URL to test SSO.",
		Request:     CreateEnterpriseConnectionTestRunRequest{}, Response: EnterpriseConnectionTestRunResponse{},
	},
}

type ListEnterpriseConnectionsRequest struct {
	Page
	OrganizationID *string `json:"organization_id,omitempty" in:"query"`
	Active         *bool   `json:"active,omitempty" in:"query"`
}

type CreateEnterpriseConnectionRequest struct {
	Name                            string                                              `json:"name" in:"body" jsonschema:"required"`
	Provider                        string                                              `json:"provider" in:"body" jsonschema:"required,enum=saml_custom,enum=saml_okta,enum=saml_google,enum=saml_microsoft,enum=oidc_custom,enum=oidc_github_enterprise,enum=oidc_gitlab"`
	Domains                         []string                                            `json:"domains" in:"body" jsonschema:"required,minItems=1"`
	OrganizationID                  *string                                             `json:"organization_id,omitempty" in:"body,nullable"`
	AllowOrganizationAccountLinking *bool                                               `json:"allow_organization_account_linking,omitempty" in:"body,nullable"`
	Active                          *bool                                               `json:"active,omitempty" in:"body,nullable"`
	SAML                            *CreateEnterpriseConnectionRequestSAML              `json:"saml,omitempty" in:"body,nullable"`
	Oidc                            *CreateEnterpriseConnectionRequestOidc              `json:"oidc,omitempty" in:"body,nullable"`
	CustomAttributes                []CreateEnterpriseConnectionRequestCustomAttributes `json:"custom_attributes,omitempty" in:"body"`
}

type CreateEnterpriseConnectionRequestSAML struct {
	IDPEntityID       *string                                                `json:"idp_entity_id,omitempty" in:",nullable"`
	IDPSSOURL         *string                                                `json:"idp_sso_url,omitempty" in:",nullable"`
	IDPCertificate    *string                                                `json:"idp_certificate,omitempty" in:",nullable"`
	IDPMetadataURL    *string                                                `json:"idp_metadata_url,omitempty" in:",nullable"`
	IDPMetadata       *string                                                `json:"idp_metadata,omitempty" in:",nullable"`
	AttributeMapping  *CreateEnterpriseConnectionRequestSAMLAttributeMapping `json:"attribute_mapping,omitempty" in:",nullable"`
	AllowSubdomains   *bool                                                  `json:"allow_subdomains,omitempty" in:",nullable"`
	AllowIDPInitiated *bool                                                  `json:"allow_idp_initiated,omitempty" in:",nullable"`
	ForceAuthn        *bool                                                  `json:"force_authn,omitempty" in:",nullable"`
	LoginHint         *CreateEnterpriseConnectionRequestSAMLLoginHint        `json:"login_hint,omitempty" in:",nullable"`
}

type CreateEnterpriseConnectionRequestSAMLAttributeMapping struct {
	UserID       *string `json:"user_id,omitempty" in:",nullable"`
	EmailAddress *string `json:"email_address,omitempty" in:",nullable"`
	FirstName    *string `json:"first_name,omitempty" in:",nullable"`
	LastName     *string `json:"last_name,omitempty" in:",nullable"`
}

type CreateEnterpriseConnectionRequestSAMLLoginHint struct {
	Mode   string  `json:"mode" jsonschema:"required,enum=email_address,enum=custom_attribute,enum=off"`
	Source *string `json:"source,omitempty"`
}

type CreateEnterpriseConnectionRequestOidc struct {
	ClientID     *string `json:"client_id,omitempty" in:",nullable"`
	ClientSecret *string `json:"client_secret,omitempty" in:",nullable"`
	DiscoveryURL *string `json:"discovery_url,omitempty" in:",nullable"`
	AuthURL      *string `json:"auth_url,omitempty" in:",nullable"`
	TokenURL     *string `json:"token_url,omitempty" in:",nullable"`
	UserInfoURL  *string `json:"user_info_url,omitempty" in:",nullable"`
	RequiresPkce *bool   `json:"requires_pkce,omitempty" in:",nullable"`
}

type CreateEnterpriseConnectionRequestCustomAttributes struct {
	Name          string  `json:"name" jsonschema:"required,minLength=1"`
	Key           string  `json:"key" jsonschema:"required,minLength=1,pattern=^[^_][A-Za-z0-9_-]*$"`
	SSOPath       *string `json:"sso_path,omitempty"`
	SCIMPath      *string `json:"scim_path,omitempty"`
	DirectoryPath *string `json:"directory_path,omitempty"`
	MultiValued   *bool   `json:"multi_valued,omitempty"`
}

type GetEnterpriseConnectionRequest struct {
	EnterpriseConnectionID string `json:"enterprise_connection_id" in:"path" jsonschema:"required"`
}

type UpdateEnterpriseConnectionRequest struct {
	EnterpriseConnectionID string  `json:"enterprise_connection_id" in:"path" jsonschema:"required"`
	Name                   *string `json:"name,omitempty" in:"body,nullable"`
	// Replaces all domains.
	Domains                          []string `json:"domains,omitempty" in:"body,nullable"`
	Active                           *bool    `json:"active,omitempty" in:"body,nullable"`
	SyncUserAttributes               *bool    `json:"sync_user_attributes,omitempty" in:"body,nullable"`
	DisableAdditionalIdentifications *bool    `json:"disable_additional_identifications,omitempty" in:"body,nullable"`
	AllowOrganizationAccountLinking  *bool    `json:"allow_organization_account_linking,omitempty" in:"body,nullable"`
	// Permanent; cannot be unlinked.
	OrganizationID   *string                                             `json:"organization_id,omitempty" in:"body,nullable"`
	SAML             *UpdateEnterpriseConnectionRequestSAML              `json:"saml,omitempty" in:"body,nullable"`
	Oidc             *UpdateEnterpriseConnectionRequestOidc              `json:"oidc,omitempty" in:"body,nullable"`
	CustomAttributes []UpdateEnterpriseConnectionRequestCustomAttributes `json:"custom_attributes,omitempty" in:"body,nullable"`
}

type UpdateEnterpriseConnectionRequestSAML struct {
	Name              *string                                                `json:"name,omitempty" in:",nullable"`
	IDPEntityID       *string                                                `json:"idp_entity_id,omitempty" in:",nullable"`
	IDPSSOURL         *string                                                `json:"idp_sso_url,omitempty" in:",nullable"`
	IDPCertificate    *string                                                `json:"idp_certificate,omitempty" in:",nullable"`
	IDPMetadataURL    *string                                                `json:"idp_metadata_url,omitempty" in:",nullable"`
	IDPMetadata       *string                                                `json:"idp_metadata,omitempty" in:",nullable"`
	AttributeMapping  *UpdateEnterpriseConnectionRequestSAMLAttributeMapping `json:"attribute_mapping,omitempty" in:",nullable"`
	AllowSubdomains   *bool                                                  `json:"allow_subdomains,omitempty" in:",nullable"`
	AllowIDPInitiated *bool                                                  `json:"allow_idp_initiated,omitempty" in:",nullable"`
	ForceAuthn        *bool                                                  `json:"force_authn,omitempty" in:",nullable"`
	LoginHint         *UpdateEnterpriseConnectionRequestSAMLLoginHint        `json:"login_hint,omitempty" in:",nullable"`
}

type UpdateEnterpriseConnectionRequestSAMLAttributeMapping struct {
	UserID       *string `json:"user_id,omitempty" in:",nullable"`
	EmailAddress *string `json:"email_address,omitempty" in:",nullable"`
	FirstName    *string `json:"first_name,omitempty" in:",nullable"`
	LastName     *string `json:"last_name,omitempty" in:",nullable"`
}

type UpdateEnterpriseConnectionRequestSAMLLoginHint struct {
	Mode   string  `json:"mode" jsonschema:"required,enum=email_address,enum=custom_attribute,enum=off"`
	Source *string `json:"source,omitempty"`
}

type UpdateEnterpriseConnectionRequestOidc struct {
	ClientID     *string `json:"client_id,omitempty" in:",nullable"`
	ClientSecret *string `json:"client_secret,omitempty" in:",nullable"`
	DiscoveryURL *string `json:"discovery_url,omitempty" in:",nullable"`
	AuthURL      *string `json:"auth_url,omitempty" in:",nullable"`
	TokenURL     *string `json:"token_url,omitempty" in:",nullable"`
	UserInfoURL  *string `json:"user_info_url,omitempty" in:",nullable"`
	RequiresPkce *bool   `json:"requires_pkce,omitempty" in:",nullable"`
}

type UpdateEnterpriseConnectionRequestCustomAttributes struct {
	Name          string  `json:"name" jsonschema:"required,minLength=1"`
	Key           string  `json:"key" jsonschema:"required,minLength=1,pattern=^[^_][A-Za-z0-9_-]*$"`
	SSOPath       *string `json:"sso_path,omitempty"`
	SCIMPath      *string `json:"scim_path,omitempty"`
	DirectoryPath *string `json:"directory_path,omitempty"`
	MultiValued   *bool   `json:"multi_valued,omitempty"`
}

type DeleteEnterpriseConnectionRequest struct {
	EnterpriseConnectionID string `json:"enterprise_connection_id" in:"path" jsonschema:"required"`
}

type ListEnterpriseConnectionTestRunsRequest struct {
	EnterpriseConnectionID string   `json:"enterprise_connection_id" in:"path" jsonschema:"required"`
	Status                 []string `json:"status,omitempty" in:"query" jsonschema:"enum=pending,enum=success,enum=failed"`
	Page
}

type CreateEnterpriseConnectionTestRunRequest struct {
	EnterpriseConnectionID string `json:"enterprise_connection_id" in:"path" jsonschema:"required"`
}

type EnterpriseConnections struct {
	Data       []EnterpriseConnection `json:"data"`
	TotalCount int64                  `json:"total_count"`
}

type EnterpriseConnection struct {
	Object                           string                              `json:"object"`
	ID                               string                              `json:"id"`
	Name                             string                              `json:"name"`
	Provider                         string                              `json:"provider"`
	LogoPublicURL                    *string                             `json:"logo_public_url" jsonschema:"nullable"`
	Active                           bool                                `json:"active"`
	Domains                          []string                            `json:"domains"`
	OrganizationID                   *string                             `json:"organization_id" jsonschema:"nullable"`
	SyncUserAttributes               bool                                `json:"sync_user_attributes"`
	DisableAdditionalIdentifications bool                                `json:"disable_additional_identifications"`
	AllowOrganizationAccountLinking  bool                                `json:"allow_organization_account_linking"`
	CustomAttributes                 []CustomAttribute                   `json:"custom_attributes"`
	SAMLConnection                   *EnterpriseConnectionSAMLConnection `json:"saml_connection" jsonschema:"nullable"`
	OAuthConfig                      *EnterpriseConnectionOAuthConfig    `json:"oauth_config" jsonschema:"nullable"`
	CreatedAt                        int64                               `json:"created_at"`
	UpdatedAt                        int64                               `json:"updated_at"`
}

type CustomAttribute struct {
	Name          string `json:"name"`
	Key           string `json:"key"`
	SSOPath       string `json:"sso_path"`
	SCIMPath      string `json:"scim_path"`
	DirectoryPath string `json:"directory_path"`
	MultiValued   bool   `json:"multi_valued"`
}

type EnterpriseConnectionSAMLConnection struct {
	ID                string                                      `json:"id"`
	Name              string                                      `json:"name"`
	IDPEntityID       *string                                     `json:"idp_entity_id" jsonschema:"nullable"`
	IDPSSOURL         *string                                     `json:"idp_sso_url" jsonschema:"nullable"`
	IDPMetadataURL    *string                                     `json:"idp_metadata_url" jsonschema:"nullable"`
	ACSURL            *string                                     `json:"acs_url" jsonschema:"nullable"`
	SpEntityID        *string                                     `json:"sp_entity_id" jsonschema:"nullable"`
	SpMetadataURL     *string                                     `json:"sp_metadata_url" jsonschema:"nullable"`
	Active            bool                                        `json:"active"`
	AllowIDPInitiated bool                                        `json:"allow_idp_initiated"`
	AllowSubdomains   bool                                        `json:"allow_subdomains"`
	ForceAuthn        bool                                        `json:"force_authn"`
	LoginHint         EnterpriseConnectionSAMLConnectionLoginHint `json:"login_hint"`
}

type EnterpriseConnectionSAMLConnectionLoginHint struct {
	Mode   string `json:"mode"`
	Source string `json:"source"`
}

type EnterpriseConnectionOAuthConfig struct {
	ID            string  `json:"id"`
	Name          string  `json:"name"`
	ProviderKey   string  `json:"provider_key"`
	ClientID      *string `json:"client_id" jsonschema:"nullable"`
	DiscoveryURL  *string `json:"discovery_url" jsonschema:"nullable"`
	AuthURL       *string `json:"auth_url" jsonschema:"nullable"`
	TokenURL      *string `json:"token_url" jsonschema:"nullable"`
	UserInfoURL   *string `json:"user_info_url" jsonschema:"nullable"`
	RequiresPkce  bool    `json:"requires_pkce"`
	LogoPublicURL *string `json:"logo_public_url" jsonschema:"nullable"`
	CreatedAt     int64   `json:"created_at"`
	UpdatedAt     int64   `json:"updated_at"`
}

type EnterpriseConnectionTestRuns struct {
	Data       []EnterpriseConnectionTestRun `json:"data"`
	TotalCount int64                         `json:"total_count"`
}

type EnterpriseConnectionTestRun struct {
	ID             string                                     `json:"id"`
	Status         string                                     `json:"status"`
	ConnectionType string                                     `json:"connection_type"`
	ParsedUserInfo *EnterpriseConnectionTestRunParsedUserInfo `json:"parsed_user_info" jsonschema:"nullable"`
	Logs           []EnterpriseConnectionTestRunLogsItem      `json:"logs"`
	SAML           *EnterpriseConnectionTestRunSAML           `json:"saml" jsonschema:"nullable"`
	OAuth          *EnterpriseConnectionTestRunOAuth          `json:"oauth" jsonschema:"nullable"`
	CreatedAt      int64                                      `json:"created_at"`
}

type EnterpriseConnectionTestRunParsedUserInfo struct {
	EmailAddress string `json:"email_address"`
	FirstName    string `json:"first_name"`
	LastName     string `json:"last_name"`
	UserID       string `json:"user_id"`
}

type EnterpriseConnectionTestRunLogsItem struct {
	Level        string `json:"level"`
	Code         string `json:"code"`
	ShortMessage string `json:"short_message"`
	Message      string `json:"message"`
}

type EnterpriseConnectionTestRunSAML struct {
	SAMLRequest  string `json:"saml_request"`
	SAMLResponse string `json:"saml_response"`
	RelayState   string `json:"relay_state"`
}

type EnterpriseConnectionTestRunOAuth struct {
	IDToken     string `json:"id_token"`
	AccessToken string `json:"access_token"`
	UserInfo    string `json:"user_info"`
}

type EnterpriseConnectionTestRunResponse struct {
	URL string `json:"url"`
}
