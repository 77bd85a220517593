package clerkapi

var instanceOperations = []Operation{
	{
		Name: "get_instance", OperationID: "GetInstance", Method: "GET", Path: "/instance",
		Description: "Get the current instance: its ID, environment type, allowed origins and workspace.",
		Request:     GetInstanceRequest{}, Response: Instance{},
	},
	{
		Name: "update_instance", OperationID: "UpdateInstance", Method: "PATCH", Path: "/instance",
		Description: "Update general instance settings: test mode, HIBP, origins, support email and more.",
		Request:     UpdateInstanceRequest{}, Response: nil,
	},
	{
		Name: "update_instance_restrictions", OperationID: "UpdateInstanceRestrictions", Method: "PATCH", Path: "/instance/restrictions",
		Description: "Turn allowlist, blocklist, email subaddress and disposable email restrictions on or off.",
		Request:     UpdateInstanceRestrictionsRequest{}, Response: InstanceRestrictions{},
	},
	{
		Name: "get_instance_protect", OperationID: "GetInstanceProtect", Method: "GET", Path: "/instance/protect",
		Description: "Get the instance's Clerk Protect settings (rules and Specter).",
		Request:     GetInstanceProtectRequest{}, Response: InstanceProtect{},
	},
	{
		Name: "update_instance_protect", OperationID: "UpdateInstanceProtect", Method: "PATCH", Path: "/instance/protect",
		Description: "Turn Clerk Protect rules or Specter on or off for the instance.",
		Request:     UpdateInstanceProtectRequest{}, Response: InstanceProtect{},
	},
	{
		Name: "get_instance_communication", OperationID: "GetInstanceCommunication", Method: "GET", Path: "/instance/communication",
		Description: "Get the instance's SMS settings, including countries blocked from SMS.",
		Request:     GetInstanceCommunicationRequest{}, Response: InstanceCommunication{},
	},
	{
		Name: "update_instance_communication", OperationID: "UpdateInstanceCommunication", Method: "PATCH", Path: "/instance/communication",
		Description: "Replace the whole SMS country blocklist; unsupported codes are silently dropped.",
		Request:     UpdateInstanceCommunicationRequest{}, Response: InstanceCommunication{},
	},
	{
		Name: "get_instance_oauth_application_settings", OperationID: "GetInstanceOAuthApplicationSettings", Method: "GET", Path: "/instance/oauth_application_settings",
		Description: "Get instance-wide OAuth app settings: dynamic registration, JWT access tokens, CIMD.",
		Request:     GetInstanceOAuthApplicationSettingsRequest{}, Response: OAuthApplicationSettings{},
	},
	{
		Name: "update_instance_oauth_application_settings", OperationID: "UpdateInstanceOAuthApplicationSettings", Method: "PATCH", Path: "/instance/oauth_application_settings",
		Description: "Update instance-wide OAuth app settings: dynamic registration, token format, scopes, CIMD.",
		Request:     UpdateInstanceOAuthApplicationSettingsRequest{}, Response: OAuthApplicationSettings{},
	},
	{
		Name: "get_instance_organization_settings", OperationID: "GetInstanceOrganizationSettings", Method: "GET", Path: "/instance/organization_settings",
		Description: "Get the instance's organization settings (enabled, limits, domains, default roles).",
		Request:     GetInstanceOrganizationSettingsRequest{}, Response: OrganizationSettings{},
	},
	{
		Name: "update_instance_organization_settings", OperationID: "UpdateInstanceOrganizationSettings", Method: "PATCH", Path: "/instance/organization_settings",
		Description: "Update the instance's organization settings (enabled, limits, domains, default roles).",
		Request:     UpdateInstanceOrganizationSettingsRequest{}, Response: OrganizationSettings{},
	},
}

type GetInstanceRequest struct {
}

type UpdateInstanceRequest struct {
	// Allow test email addresses and phone numbers.
	TestMode *bool `json:"test_mode,omitempty" in:"body"`
	// Reject passwords found in breaches (Have I Been Pwned).
	Hibp              *bool   `json:"hibp,omitempty" in:"body"`
	SupportEmail      *string `json:"support_email,omitempty" in:"body"`
	ClerkJsVersion    *string `json:"clerk_js_version,omitempty" in:"body"`
	DevelopmentOrigin *string `json:"development_origin,omitempty" in:"body"`
	// e.g. chrome-extension://<id>, capacitor://localhost.
	AllowedOrigins []string `json:"allowed_origins,omitempty" in:"body"`
	// Deprecated: use url_based_session_syncing.
	CookielessDev *bool `json:"cookieless_dev,omitempty" in:"body"`
	// Dev: sync sessions via URL, no third-party cookies.
	URLBasedSessionSyncing *bool `json:"url_based_session_syncing,omitempty" in:"body"`
	// Applies only when passwords are required; "" clears it.
	PreferredSignInStrategyWhenPasswordRequired *string `json:"preferred_sign_in_strategy_when_password_required,omitempty" in:"body" jsonschema:"enum=password,enum=otp,enum="`
}

type UpdateInstanceRestrictionsRequest struct {
	// Only allowlisted identifiers may sign up.
	Allowlist *bool `json:"allowlist,omitempty" in:"body"`
	// Blocklisted identifiers are refused.
	Blocklist *bool `json:"blocklist,omitempty" in:"body"`
	// Enforce the lists at sign-up only.
	AllowlistBlocklistDisabledOnSignIn *bool `json:"allowlist_blocklist_disabled_on_sign_in,omitempty" in:"body"`
	// Reject +tag addresses like a+b@example.com.
	BlockEmailSubaddresses      *bool `json:"block_email_subaddresses,omitempty" in:"body"`
	BlockDisposableEmailDomains *bool `json:"block_disposable_email_domains,omitempty" in:"body"`
}

type GetInstanceProtectRequest struct {
}

type UpdateInstanceProtectRequest struct {
	RulesEnabled   *bool `json:"rules_enabled,omitempty" in:"body"`
	SpecterEnabled *bool `json:"specter_enabled,omitempty" in:"body"`
}

type GetInstanceCommunicationRequest struct {
}

type UpdateInstanceCommunicationRequest struct {
	// Uppercase ISO 3166-1 alpha-2 codes; replaces the whole list.
	BlockedCountryCodes []string `json:"blocked_country_codes,omitempty" in:"body" jsonschema:"maxItems=250,uniqueItems=true,pattern=^[A-Z]{2}$"`
}

type GetInstanceOAuthApplicationSettingsRequest struct {
}

type UpdateInstanceOAuthApplicationSettingsRequest struct {
	// RFC 7591 dynamic client registration.
	DynamicOAuthClientRegistration *bool    `json:"dynamic_oauth_client_registration,omitempty" in:"body"`
	DefaultScopes                  []string `json:"default_scopes,omitempty" in:"body"`
	// Issue JWT access tokens instead of opaque ones.
	OAuthJWTAccessTokens *bool `json:"oauth_jwt_access_tokens,omitempty" in:"body"`
	// Advertise Client ID Metadata Document (CIMD) support.
	ClientIDMetadataDocumentsAdvertised *bool `json:"client_id_metadata_documents_advertised,omitempty" in:"body"`
	// Reject unknown CIMD clients.
	ClientIDMetadataDocumentsOnlyAllowPreRegisteredClients *bool `json:"client_id_metadata_documents_only_allow_pre_registered_clients,omitempty" in:"body"`
	// Reject implicitly allowed CIMD clients; tokens stay valid.
	ClientIDMetadataDocumentsBlockImplicitlyAllowedClients *bool `json:"client_id_metadata_documents_block_implicitly_allowed_clients,omitempty" in:"body"`
}

type GetInstanceOrganizationSettingsRequest struct {
}

type UpdateInstanceOrganizationSettingsRequest struct {
	Enabled *bool `json:"enabled,omitempty" in:"body"`
	// Default member limit per organization.
	MaxAllowedMemberships *int64 `json:"max_allowed_memberships,omitempty" in:"body"`
	// Let organization admins delete their organization.
	AdminDeleteEnabled *bool `json:"admin_delete_enabled,omitempty" in:"body"`
	DomainsEnabled     *bool `json:"domains_enabled,omitempty" in:"body"`
	SlugDisabled       *bool `json:"slug_disabled,omitempty" in:"body"`
	// Modes to enable: automatic_invitation, automatic_suggestion.
	DomainsEnrollmentModes []string `json:"domains_enrollment_modes,omitempty" in:"body"`
	// Default role for an organization's creator.
	CreatorRoleID *string `json:"creator_role_id,omitempty" in:"body"`
	// Default role for members joining via a verified domain.
	DomainsDefaultRoleID *string `json:"domains_default_role_id,omitempty" in:"body"`
}
