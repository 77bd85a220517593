package clerkapi

var betaFeaturesOperations = []Operation{
	{
		Name: "update_instance_auth_config", OperationID: "UpdateInstanceAuthConfig", Method: "PATCH", Path: "/beta_features/instance_settings",
		Description: "Allowlist-only, sender name, test mode.",
		Request:     UpdateInstanceAuthConfigRequest{}, Response: UpdateInstanceAuthConfigResponse{},
	},
	{
		Name: "update_production_instance_domain", OperationID: "UpdateProductionInstanceDomain", Method: "PUT", Path: "/beta_features/domain",
		Description: "Deprecated: use change_production_instance_domain.",
		Request:     UpdateProductionInstanceDomainRequest{}, Response: nil, Deprecated: true,
	},
	{
		Name: "change_production_instance_domain", OperationID: "ChangeProductionInstanceDomain", Method: "POST", Path: "/instance/change_domain",
		Description: "Signs everyone out; needs new DNS and keys.",
		Request:     ChangeProductionInstanceDomainRequest{}, Response: nil,
	},
}

type UpdateInstanceAuthConfigRequest struct {
	RestrictedToAllowlist *bool `json:"restricted_to_allowlist,omitempty" in:"body,nullable" jsonschema:"default=false"`
	// Local part only, e.g. support.
	FromEmailAddress  *string `json:"from_email_address,omitempty" in:"body,nullable"`
	ProgressiveSignUp *bool   `json:"progressive_sign_up,omitempty" in:"body,nullable"`
	TestMode          *bool   `json:"test_mode,omitempty" in:"body,nullable"`
}

type UpdateProductionInstanceDomainRequest struct {
	HomeURL     *string `json:"home_url,omitempty" in:"body"`
	IsSecondary *bool   `json:"is_secondary,omitempty" in:"body"`
}

type ChangeProductionInstanceDomainRequest struct {
	HomeURL     *string `json:"home_url,omitempty" in:"body"`
	IsSecondary *bool   `json:"is_secondary,omitempty" in:"body"`
}

type UpdateInstanceAuthConfigResponse struct {
	Object                      string `json:"object"`
	ID                          string `json:"id"`
	RestrictedToAllowlist       bool   `json:"restricted_to_allowlist"`
	FromEmailAddress            string `json:"from_email_address"`
	ProgressiveSignUp           bool   `json:"progressive_sign_up"`
	EnhancedEmailDeliverability bool   `json:"enhanced_email_deliverability"`
}
