package clerkapi

var apiKeysOperations = []Operation{
	{
		Name: "create_api_key", OperationID: "createApiKey", Method: "POST", Path: "/api_keys",
		Description: "Create an API key for a user, organization or machine; returns its secret.",
		Request:     CreateAPIKeyRequest{}, Response: CreateAPIKeyResponse{}, Secret: true,
	},
	{
		Name: "list_api_keys", OperationID: "getApiKeys", Method: "GET", Path: "/api_keys",
		Description: "List the API keys of one subject (user, organization or machine); valid ones only by default.",
		Request:     ListAPIKeysRequest{}, Response: ListAPIKeysResponse{},
	},
	{
		Name: "get_api_key", OperationID: "getApiKey", Method: "GET", Path: "/api_keys/{apiKeyID}",
		Description: "Get an API key's details by ID, without its secret.",
		Request:     GetAPIKeyRequest{}, Response: GetAPIKeyResponse{},
	},
	{
		Name: "update_api_key", OperationID: "updateApiKey", Method: "PATCH", Path: "/api_keys/{apiKeyID}",
		Description: "Update an API key's claims, scopes, description, subject or expiry.",
		Request:     UpdateAPIKeyRequest{}, Response: UpdateAPIKeyResponse{},
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
		Description: "Revoke an API key so it no longer verifies; optionally record a reason.",
		Request:     RevokeAPIKeyRequest{}, Response: RevokeAPIKeyResponse{},
	},
	{
		Name: "verify_api_key", OperationID: "verifyApiKey", Method: "POST", Path: "/api_keys/verify",
		Description: "Check an API key secret and return the key's subject, scopes, claims and status.",
		Request:     VerifyAPIKeyRequest{}, Response: VerifyAPIKeyResponse{},
	},
}

type CreateAPIKeyRequest struct {
	Type        *string `json:"type,omitempty" in:"body" jsonschema:"minLength=3,maxLength=25,default=api_key"`
	Name        string  `json:"name" in:"body" jsonschema:"required,minLength=3"`
	Description *string `json:"description,omitempty" in:"body" jsonschema:"maxLength=255"`
	// Owner ID: a user_, org_, mch_ or scim_ ID.
	Subject string `json:"subject" in:"body" jsonschema:"required"`
	// Custom claims attached to the key.
	Claims map[string]any `json:"claims,omitempty" in:"body"`
	Scopes []string       `json:"scopes,omitempty" in:"body"`
	// ID of the user creating the key.
	CreatedBy *string `json:"created_by,omitempty" in:"body"`
	// Omit for a key that never expires.
	SecondsUntilExpiration *float64 `json:"seconds_until_expiration,omitempty" in:"body" jsonschema:"exclusiveMinimum=0"`
}

type ListAPIKeysRequest struct {
	Type *string `json:"type,omitempty" in:"query" jsonschema:"minLength=3,default=api_key"`
	// Owner ID: a user_, org_, mch_ or scim_ ID.
	Subject string `json:"subject" in:"query" jsonschema:"required"`
	// Also list revoked and expired keys.
	IncludeInvalid *string  `json:"include_invalid,omitempty" in:"query" jsonschema:"enum=true,enum=false,default=false"`
	Limit          *float64 `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=100,default=10"`
	Offset         *float64 `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
	Query          *string  `json:"query,omitempty" in:"query"`
}

type GetAPIKeyRequest struct {
	APIKeyID string `json:"apiKeyID" in:"path" jsonschema:"required"`
}

type UpdateAPIKeyRequest struct {
	APIKeyID string `json:"apiKeyID" in:"path" jsonschema:"required"`
	// Custom claims attached to the key.
	Claims      map[string]any `json:"claims,omitempty" in:"body"`
	Scopes      []string       `json:"scopes,omitempty" in:"body"`
	Description *string        `json:"description,omitempty" in:"body" jsonschema:"maxLength=255"`
	// Owner ID: a user_, org_, mch_ or scim_ ID.
	Subject                *string  `json:"subject,omitempty" in:"body"`
	SecondsUntilExpiration *float64 `json:"seconds_until_expiration,omitempty" in:"body" jsonschema:"exclusiveMinimum=0"`
}

type DeleteAPIKeyRequest struct {
	APIKeyID string `json:"apiKeyID" in:"path" jsonschema:"required"`
}

type GetAPIKeySecretRequest struct {
	APIKeyID string `json:"apiKeyID" in:"path" jsonschema:"required"`
}

type RevokeAPIKeyRequest struct {
	APIKeyID         string  `json:"apiKeyID" in:"path" jsonschema:"required"`
	RevocationReason *string `json:"revocation_reason,omitempty" in:"body"`
}

type VerifyAPIKeyRequest struct {
	// The API key secret to check.
	Secret string `json:"secret" in:"body" jsonschema:"required"`
}
