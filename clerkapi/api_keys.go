package clerkapi

var apiKeysOperations = []Operation{
	{
		Name: "create_api_key", OperationID: "createApiKey", Method: "POST", Path: "/api_keys",
		Description: "For a user, org or machine.",
		Request:     CreateAPIKeyRequest{}, Response: CreateAPIKeyResponse{}, Secret: true,
	},
	{
		Name: "list_api_keys", OperationID: "getApiKeys", Method: "GET", Path: "/api_keys",
		Description: "Keys of one subject.",
		Request:     ListAPIKeysRequest{}, Response: ListAPIKeysResponse{},
	},
	{
		Name: "get_api_key", OperationID: "getApiKey", Method: "GET", Path: "/api_keys/{apiKeyID}",
		Description: "Get an API key, without its secret.",
		Request:     GetAPIKeyRequest{}, Response: APIKey{},
	},
	{
		Name: "update_api_key", OperationID: "updateApiKey", Method: "PATCH", Path: "/api_keys/{apiKeyID}",
		Description: "Update an API key.",
		Request:     UpdateAPIKeyRequest{}, Response: APIKey{},
	},
	{
		Name: "delete_api_key", OperationID: "deleteApiKey", Method: "DELETE", Path: "/api_keys/{apiKeyID}",
		Description: "Delete an API key permanently.",
		Request:     DeleteAPIKeyRequest{}, Response: DeleteAPIKeyResponse{},
	},
	{
		Name: "get_api_key_secret", OperationID: "getApiKeySecret", Method: "GET", Path: "/api_keys/{apiKeyID}/secret",
		Description: "Get an API key's secret.",
		Request:     GetAPIKeySecretRequest{}, Response: GetAPIKeySecretResponse{}, Secret: true,
	},
	{
		Name: "revoke_api_key", OperationID: "revokeApiKey", Method: "POST", Path: "/api_keys/{apiKeyID}/revoke",
		Description: "The key stops verifying.",
		Request:     RevokeAPIKeyRequest{}, Response: APIKey{},
	},
	{
		Name: "verify_api_key", OperationID: "verifyApiKey", Method: "POST", Path: "/api_keys/verify",
		Description: "Returns the key's subject and scopes.",
		Request:     VerifyAPIKeyRequest{}, Response: APIKey{},
	},
}

type CreateAPIKeyRequest struct {
	Type                   *string        `json:"type,omitempty" in:"body" jsonschema:"minLength=3,maxLength=25,default=api_key"`
	Name                   string         `json:"name" in:"body" jsonschema:"required,minLength=3,pattern=^(\\S(.*\\S)?)?$"`
	Description            *string        `json:"description,omitempty" in:"body,nullable" jsonschema:"maxLength=255"`
	Subject                string         `json:"subject" in:"body" jsonschema:"required,pattern=^(user|org|mch|scim)_\\w{27}$"`
	Claims                 map[string]any `json:"claims,omitempty" in:"body,nullable"`
	Scopes                 []string       `json:"scopes,omitempty" in:"body"`
	CreatedBy              *string        `json:"created_by,omitempty" in:"body,nullable" jsonschema:"pattern=^user_\\w{27}$"`
	SecondsUntilExpiration *float64       `json:"seconds_until_expiration,omitempty" in:"body,nullable" jsonschema:"exclusiveMinimum=0"`
}

type ListAPIKeysRequest struct {
	Type           *string `json:"type,omitempty" in:"query" jsonschema:"minLength=3,default=api_key"`
	Subject        string  `json:"subject" in:"query" jsonschema:"required,pattern=^(user|org|mch|scim)_\\w{27}$"`
	IncludeInvalid *string `json:"include_invalid,omitempty" in:"query" jsonschema:"enum=true,enum=false,default=false"`
	Page100
	Query *string `json:"query,omitempty" in:"query"`
}

type GetAPIKeyRequest struct {
	APIKeyID string `json:"apiKeyID" in:"path" jsonschema:"required,pattern=^(ak|api_key)_[0-9A-Fa-f]{32}$"`
}

type UpdateAPIKeyRequest struct {
	APIKeyID               string         `json:"apiKeyID" in:"path" jsonschema:"required,pattern=^(ak|api_key)_[0-9A-Fa-f]{32}$"`
	Claims                 map[string]any `json:"claims,omitempty" in:"body,nullable"`
	Scopes                 []string       `json:"scopes,omitempty" in:"body"`
	Description            *string        `json:"description,omitempty" in:"body,nullable" jsonschema:"maxLength=255"`
	Subject                *string        `json:"subject,omitempty" in:"body" jsonschema:"pattern=^(user|org|mch|scim)_\\w{27}$"`
	SecondsUntilExpiration *float64       `json:"seconds_until_expiration,omitempty" in:"body,nullable" jsonschema:"exclusiveMinimum=0"`
}

type DeleteAPIKeyRequest struct {
	APIKeyID string `json:"apiKeyID" in:"path" jsonschema:"required,pattern=^(ak|api_key)_[0-9A-Fa-f]{32}$"`
}

type GetAPIKeySecretRequest struct {
	APIKeyID string `json:"apiKeyID" in:"path" jsonschema:"required,pattern=^(ak|api_key)_[0-9A-Fa-f]{32}$"`
}

type RevokeAPIKeyRequest struct {
	APIKeyID         string  `json:"apiKeyID" in:"path" jsonschema:"required,pattern=^(ak|api_key)_[0-9A-Fa-f]{32}$"`
	RevocationReason *string `json:"revocation_reason,omitempty" in:"body,nullable"`
}

type VerifyAPIKeyRequest struct {
	Secret string `json:"secret" in:"body" jsonschema:"required"`
}

type CreateAPIKeyResponse struct {
	Object           string   `json:"object"`
	ID               string   `json:"id"`
	Type             string   `json:"type"`
	Subject          string   `json:"subject"`
	Name             string   `json:"name"`
	Description      *string  `json:"description" jsonschema:"nullable"`
	Claims           any      `json:"claims" jsonschema:"nullable"`
	Scopes           []string `json:"scopes"`
	Secret           string   `json:"secret"`
	Revoked          bool     `json:"revoked"`
	RevocationReason *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired          bool     `json:"expired"`
	Expiration       *float64 `json:"expiration" jsonschema:"nullable"`
	CreatedBy        *string  `json:"created_by" jsonschema:"nullable"`
	LastUsedAt       *float64 `json:"last_used_at" jsonschema:"nullable"`
	CreatedAt        float64  `json:"created_at"`
	UpdatedAt        float64  `json:"updated_at"`
}

type ListAPIKeysResponse struct {
	Data       []APIKey `json:"data"`
	TotalCount float64  `json:"total_count"`
}

type APIKey struct {
	Object           string   `json:"object"`
	ID               string   `json:"id"`
	Type             string   `json:"type"`
	Subject          string   `json:"subject"`
	Name             string   `json:"name"`
	Description      *string  `json:"description" jsonschema:"nullable"`
	Claims           any      `json:"claims" jsonschema:"nullable"`
	Scopes           []string `json:"scopes"`
	Revoked          bool     `json:"revoked"`
	RevocationReason *string  `json:"revocation_reason" jsonschema:"nullable"`
	Expired          bool     `json:"expired"`
	Expiration       *float64 `json:"expiration" jsonschema:"nullable"`
	CreatedBy        *string  `json:"created_by" jsonschema:"nullable"`
	LastUsedAt       *float64 `json:"last_used_at" jsonschema:"nullable"`
	CreatedAt        float64  `json:"created_at"`
	UpdatedAt        float64  `json:"updated_at"`
}

type DeleteAPIKeyResponse struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Deleted bool   `json:"deleted"`
}

type GetAPIKeySecretResponse struct {
	Secret string `json:"secret"`
}
