package clerkapi

var instanceOperations = []Operation{
	{
		Name: "get_instance", OperationID: "GetInstance", Method: "GET", Path: "/instance",
		Description: "Get the current instance.",
		Request:     GetInstanceRequest{}, Response: Instance{},
	},
	{
		Name: "update_instance", OperationID: "UpdateInstance", Method: "PATCH", Path: "/instance",
		Description: "General instance settings.",
		Request:     UpdateInstanceRequest{}, Response: nil,
	},
	{
		Name: "update_instance_restrictions", OperationID: "UpdateInstanceRestrictions", Method: "PATCH", Path: "/instance/restrictions",
		Description: "Toggle allowlist, blocklist, email rules.",
		Request:     UpdateInstanceRestrictionsRequest{}, Response: InstanceRestrictions{},
	},
	{
		Name: "get_instance_protect", OperationID: "GetInstanceProtect", Method: "GET", Path: "/instance/protect",
		Description: "Get Clerk Protect settings.",
		Request:     GetInstanceProtectRequest{}, Response: InstanceProtect{},
	},
	{
		Name: "update_instance_protect", OperationID: "UpdateInstanceProtect", Method: "PATCH", Path: "/instance/protect",
		Description: "Toggle Clerk Protect rules or Specter.",
		Request:     UpdateInstanceProtectRequest{}, Response: InstanceProtect{},
	},
	{
		Name: "get_instance_communication", OperationID: "GetInstanceCommunication", Method: "GET", Path: "/instance/communication",
		Description: "Get SMS settings.",
		Request:     GetInstanceCommunicationRequest{}, Response: InstanceCommunication{},
	},
	{
		Name: "update_instance_communication", OperationID: "UpdateInstanceCommunication", Method: "PATCH", Path: "/instance/communication",
		Description: "Replaces the whole SMS country blocklist.",
		Request:     UpdateInstanceCommunicationRequest{}, Response: InstanceCommunication{},
	},
	{
		Name: "get_instance_oauth_application_settings", OperationID: "GetInstanceOAuthApplicationSettings", Method: "GET", Path: "/instance/oauth_application_settings",
		Description: "Instance-wide OAuth app settings.",
		Request:     GetInstanceOAuthApplicationSettingsRequest{}, Response: OAuthApplicationSettings{},
	},
	{
		Name: "update_instance_oauth_application_settings", OperationID: "UpdateInstanceOAuthApplicationSettings", Method: "PATCH", Path: "/instance/oauth_application_settings",
		Description: "Instance-wide OAuth app settings.",
		Request:     UpdateInstanceOAuthApplicationSettingsRequest{}, Response: OAuthApplicationSettings{},
	},
	{
		Name: "get_instance_organization_settings", OperationID: "GetInstanceOrganizationSettings", Method: "GET", Path: "/instance/organization_settings",
		Description: "Organization feature settings.",
		Request:     GetInstanceOrganizationSettingsRequest{}, Response: OrganizationSettings{},
	},
	{
		Name: "update_instance_organization_settings", OperationID: "UpdateInstanceOrganizationSettings", Method: "PATCH", Path: "/instance/organization_settings",
		Description: "Organization feature settings.",
		Request:     UpdateInstanceOrganizationSettingsRequest{}, Response: OrganizationSettings{},
	},
}

type GetInstanceRequest struct {
}

type UpdateInstanceRequest struct {
	TestMode                                    *bool    `json:"test_mode,omitempty" in:"body,nullable"`
	Hibp                                        *bool    `json:"hibp,omitempty" in:"body,nullable"`
	SupportEmail                                *string  `json:"support_email,omitempty" in:"body,nullable"`
	ClerkJsVersion                              *string  `json:"clerk_js_version,omitempty" in:"body,nullable"`
	DevelopmentOrigin                           *string  `json:"development_origin,omitempty" in:"body,nullable"`
	AllowedOrigins                              []string `json:"allowed_origins,omitempty" in:"body"`
	CookielessDev                               *bool    `json:"cookieless_dev,omitempty" in:"body,nullable"`
	URLBasedSessionSyncing                      *bool    `json:"url_based_session_syncing,omitempty" in:"body,nullable"`
	PreferredSignInStrategyWhenPasswordRequired *string  `json:"preferred_sign_in_strategy_when_password_required,omitempty" in:"body,nullable" jsonschema:"enum=password,enum=otp,enum="`
}

type UpdateInstanceRestrictionsRequest struct {
	Allowlist                          *bool `json:"allowlist,omitempty" in:"body,nullable"`
	Blocklist                          *bool `json:"blocklist,omitempty" in:"body,nullable"`
	AllowlistBlocklistDisabledOnSignIn *bool `json:"allowlist_blocklist_disabled_on_sign_in,omitempty" in:"body,nullable"`
	BlockEmailSubaddresses             *bool `json:"block_email_subaddresses,omitempty" in:"body,nullable"`
	BlockDisposableEmailDomains        *bool `json:"block_disposable_email_domains,omitempty" in:"body,nullable"`
}

type GetInstanceProtectRequest struct {
}

type UpdateInstanceProtectRequest struct {
	RulesEnabled   *bool `json:"rules_enabled,omitempty" in:"body,nullable"`
	SpecterEnabled *bool `json:"specter_enabled,omitempty" in:"body,nullable"`
}

type GetInstanceCommunicationRequest struct {
}

type UpdateInstanceCommunicationRequest struct {
	BlockedCountryCodes []string `json:"blocked_country_codes,omitempty" in:"body,nullable" jsonschema:"maxItems=250,uniqueItems=true,pattern=^[A-Z]{2}$"`
}

type GetInstanceOAuthApplicationSettingsRequest struct {
}

type UpdateInstanceOAuthApplicationSettingsRequest struct {
	DynamicOAuthClientRegistration                         *bool    `json:"dynamic_oauth_client_registration,omitempty" in:"body,nullable"`
	DefaultScopes                                          []string `json:"default_scopes,omitempty" in:"body,nullable"`
	OAuthJWTAccessTokens                                   *bool    `json:"oauth_jwt_access_tokens,omitempty" in:"body,nullable"`
	ClientIDMetadataDocumentsAdvertised                    *bool    `json:"client_id_metadata_documents_advertised,omitempty" in:"body,nullable"`
	ClientIDMetadataDocumentsOnlyAllowPreRegisteredClients *bool    `json:"client_id_metadata_documents_only_allow_pre_registered_clients,omitempty" in:"body,nullable"`
	ClientIDMetadataDocumentsBlockImplicitlyAllowedClients *bool    `json:"client_id_metadata_documents_block_implicitly_allowed_clients,omitempty" in:"body,nullable"`
}

type GetInstanceOrganizationSettingsRequest struct {
}

type UpdateInstanceOrganizationSettingsRequest struct {
	Enabled                *bool    `json:"enabled,omitempty" in:"body,nullable"`
	MaxAllowedMemberships  *int64   `json:"max_allowed_memberships,omitempty" in:"body,nullable"`
	AdminDeleteEnabled     *bool    `json:"admin_delete_enabled,omitempty" in:"body,nullable"`
	DomainsEnabled         *bool    `json:"domains_enabled,omitempty" in:"body,nullable"`
	SlugDisabled           *bool    `json:"slug_disabled,omitempty" in:"body,nullable"`
	DomainsEnrollmentModes []string `json:"domains_enrollment_modes,omitempty" in:"body"`
	CreatorRoleID          *string  `json:"creator_role_id,omitempty" in:"body,nullable"`
	DomainsDefaultRoleID   *string  `json:"domains_default_role_id,omitempty" in:"body,nullable"`
}

type Instance struct {
	Object          string   `json:"object"`
	ID              string   `json:"id"`
	EnvironmentType string   `json:"environment_type"`
	AllowedOrigins  []string `json:"allowed_origins" jsonschema:"nullable"`
	WorkspaceID     *string  `json:"workspace_id" jsonschema:"nullable"`
}

type InstanceRestrictions struct {
	Object                             string `json:"object"`
	Allowlist                          bool   `json:"allowlist"`
	Blocklist                          bool   `json:"blocklist"`
	AllowlistBlocklistDisabledOnSignIn bool   `json:"allowlist_blocklist_disabled_on_sign_in"`
	BlockEmailSubaddresses             bool   `json:"block_email_subaddresses"`
	BlockDisposableEmailDomains        bool   `json:"block_disposable_email_domains"`
}

type InstanceProtect struct {
	Object         string `json:"object"`
	RulesEnabled   bool   `json:"rules_enabled"`
	SpecterEnabled bool   `json:"specter_enabled"`
	ChecksBypassed bool   `json:"checks_bypassed"`
}

type InstanceCommunication struct {
	Object              string   `json:"object"`
	BlockedCountryCodes []string `json:"blocked_country_codes"`
}

type OAuthApplicationSettings struct {
	Object                                                 string   `json:"object"`
	DynamicOAuthClientRegistration                         bool     `json:"dynamic_oauth_client_registration"`
	DefaultScopes                                          []string `json:"default_scopes" jsonschema:"nullable"`
	OAuthJWTAccessTokens                                   bool     `json:"oauth_jwt_access_tokens"`
	ClientIDMetadataDocumentsAdvertised                    bool     `json:"client_id_metadata_documents_advertised"`
	ClientIDMetadataDocumentsOnlyAllowPreRegisteredClients bool     `json:"client_id_metadata_documents_only_allow_pre_registered_clients"`
	ClientIDMetadataDocumentsBlockImplicitlyAllowedClients bool     `json:"client_id_metadata_documents_block_implicitly_allowed_clients"`
}

type OrganizationSettings struct {
	Object                 string   `json:"object"`
	Enabled                bool     `json:"enabled"`
	MaxAllowedMemberships  int64    `json:"max_allowed_memberships"`
	MaxAllowedRoles        int64    `json:"max_allowed_roles"`
	MaxRoleSetsAllowed     int64    `json:"max_role_sets_allowed"`
	MaxAllowedDomains      int64    `json:"max_allowed_domains"`
	MaxAllowedPermissions  int64    `json:"max_allowed_permissions"`
	CreatorRole            string   `json:"creator_role"`
	AdminDeleteEnabled     bool     `json:"admin_delete_enabled"`
	DomainsEnabled         bool     `json:"domains_enabled"`
	SlugDisabled           bool     `json:"slug_disabled"`
	DomainsEnrollmentModes []string `json:"domains_enrollment_modes"`
	DomainsDefaultRole     string   `json:"domains_default_role"`
	InitialRoleSetKey      *string  `json:"initial_role_set_key" jsonschema:"nullable"`
}
