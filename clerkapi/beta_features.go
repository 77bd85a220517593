package clerkapi

var betaFeaturesOperations = []Operation{
	{
		Name: "update_instance_auth_config", OperationID: "UpdateInstanceAuthConfig", Method: "PATCH", Path: "/beta_features/instance_settings",
		Description: "Update instance auth settings: allowlist-only sign-up, sender email name, test mode.",
		Request:     UpdateInstanceAuthConfigRequest{}, Response: UpdateInstanceAuthConfigResponse{},
	},
	{
		Name: "update_production_instance_domain", OperationID: "UpdateProductionInstanceDomain", Method: "PUT", Path: "/beta_features/domain",
		Description: "Deprecated: use change_production_instance_domain. Move production to a new domain; signs all users out.",
		Request:     UpdateProductionInstanceDomainRequest{}, Response: nil, Deprecated: true,
	},
	{
		Name: "change_production_instance_domain", OperationID: "ChangeProductionInstanceDomain", Method: "POST", Path: "/instance/change_domain",
		Description: "Move the production instance to a new domain; signs all users out and needs new DNS, certs and keys.",
		Request:     ChangeProductionInstanceDomainRequest{}, Response: nil,
	},
}

type UpdateInstanceAuthConfigRequest struct {
	// Only allowlisted identifiers may sign up.
	RestrictedToAllowlist *bool `json:"restricted_to_allowlist,omitempty" in:"body" jsonschema:"default=false"`
	// Alphanumeric local part only, e.g. foo for foo@example.com.
	FromEmailAddress *string `json:"from_email_address,omitempty" in:"body"`
	// Deprecated feature.
	ProgressiveSignUp *bool `json:"progressive_sign_up,omitempty" in:"body"`
	// Allow test email addresses and phone numbers.
	TestMode *bool `json:"test_mode,omitempty" in:"body"`
}

type UpdateProductionInstanceDomainRequest struct {
	// New home URL, e.g. https://www.example.com.
	HomeURL *string `json:"home_url,omitempty" in:"body"`
	// Secondary app on a shared root domain: subdomain is significant.
	IsSecondary *bool `json:"is_secondary,omitempty" in:"body"`
}

type ChangeProductionInstanceDomainRequest struct {
	// New home URL, e.g. https://www.example.com.
	HomeURL *string `json:"home_url,omitempty" in:"body"`
	// Secondary app on a shared root domain: subdomain is significant.
	IsSecondary *bool `json:"is_secondary,omitempty" in:"body"`
}
