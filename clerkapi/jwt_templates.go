package clerkapi

var jwtTemplatesOperations = []Operation{
	{
		Name: "list_jwt_templates", OperationID: "ListJWTTemplates", Method: "GET", Path: "/jwt_templates",
		Description: "List JWT templates.",
		Request:     ListJWTTemplatesRequest{}, Response: List[JWTTemplate]{}, Paginated: true,
	},
	{
		Name: "create_jwt_template", OperationID: "CreateJWTTemplate", Method: "POST", Path: "/jwt_templates",
		Description: "Custom token claims, lifetime, signing.",
		Request:     CreateJWTTemplateRequest{}, Response: JWTTemplate{},
	},
	{
		Name: "get_jwt_template", OperationID: "GetJWTTemplate", Method: "GET", Path: "/jwt_templates/{template_id}",
		Description: "Get a JWT template by ID.",
		Request:     GetJWTTemplateRequest{}, Response: JWTTemplate{},
	},
	{
		Name: "update_jwt_template", OperationID: "UpdateJWTTemplate", Method: "PATCH", Path: "/jwt_templates/{template_id}",
		Description: "Update a JWT template.",
		Request:     UpdateJWTTemplateRequest{}, Response: JWTTemplate{},
	},
	{
		Name: "delete_jwt_template", OperationID: "DeleteJWTTemplate", Method: "DELETE", Path: "/jwt_templates/{template_id}",
		Description: "Delete a JWT template.",
		Request:     DeleteJWTTemplateRequest{}, Response: DeletedObject{},
	},
}

type ListJWTTemplatesRequest struct {
	Page
}

type CreateJWTTemplateRequest struct {
	Name   string         `json:"name" in:"body" jsonschema:"required"`
	Claims map[string]any `json:"claims" in:"body" jsonschema:"required"`
	// Seconds.
	Lifetime *int64 `json:"lifetime,omitempty" in:"body,nullable" jsonschema:"minimum=30,maximum=315360000"`
	// Seconds.
	AllowedClockSkew *int64  `json:"allowed_clock_skew,omitempty" in:"body,nullable" jsonschema:"minimum=0,maximum=300"`
	CustomSigningKey *bool   `json:"custom_signing_key,omitempty" in:"body"`
	SigningAlgorithm *string `json:"signing_algorithm,omitempty" in:"body,nullable"`
	SigningKey       *string `json:"signing_key,omitempty" in:"body,nullable"`
}

type GetJWTTemplateRequest struct {
	TemplateID string `json:"template_id" in:"path" jsonschema:"required"`
}

type UpdateJWTTemplateRequest struct {
	TemplateID string         `json:"template_id" in:"path" jsonschema:"required"`
	Name       string         `json:"name" in:"body" jsonschema:"required"`
	Claims     map[string]any `json:"claims" in:"body" jsonschema:"required"`
	// Seconds.
	Lifetime *int64 `json:"lifetime,omitempty" in:"body,nullable" jsonschema:"minimum=30,maximum=315360000"`
	// Seconds.
	AllowedClockSkew *int64  `json:"allowed_clock_skew,omitempty" in:"body,nullable" jsonschema:"minimum=0,maximum=300"`
	CustomSigningKey *bool   `json:"custom_signing_key,omitempty" in:"body"`
	SigningAlgorithm *string `json:"signing_algorithm,omitempty" in:"body,nullable"`
	SigningKey       *string `json:"signing_key,omitempty" in:"body,nullable"`
}

type DeleteJWTTemplateRequest struct {
	TemplateID string `json:"template_id" in:"path" jsonschema:"required"`
}

type JWTTemplate struct {
	Object           string         `json:"object"`
	ID               string         `json:"id"`
	Name             string         `json:"name"`
	Claims           map[string]any `json:"claims"`
	Lifetime         int64          `json:"lifetime"`
	AllowedClockSkew int64          `json:"allowed_clock_skew"`
	CustomSigningKey bool           `json:"custom_signing_key"`
	SigningAlgorithm string         `json:"signing_algorithm"`
	CreatedAt        int64          `json:"created_at"`
	UpdatedAt        int64          `json:"updated_at"`
}
