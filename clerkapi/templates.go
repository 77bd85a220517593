package clerkapi

var templatesOperations = []Operation{
	{
		Name: "list_templates", OperationID: "GetTemplateList", Method: "GET", Path: "/templates/{template_type}",
		Description: "Deprecated: List email or SMS notification templates, in display order.",
		Request:     ListTemplatesRequest{}, Response: List[Template]{}, Deprecated: true, Paginated: true,
	},
	{
		Name: "get_template", OperationID: "GetTemplate", Method: "GET", Path: "/templates/{template_type}/{slug}",
		Description: "Deprecated: Get an email or SMS template by slug.",
		Request:     GetTemplateRequest{}, Response: Template{}, Deprecated: true,
	},
	{
		Name: "upsert_template", OperationID: "UpsertTemplate", Method: "PUT", Path: "/templates/{template_type}/{slug}",
		Description: "Deprecated: Update an existing email or SMS template's content and sender.",
		Request:     UpsertTemplateRequest{}, Response: Template{}, Deprecated: true,
	},
	{
		Name: "revert_template", OperationID: "RevertTemplate", Method: "POST", Path: "/templates/{template_type}/{slug}/revert",
		Description: "Deprecated: Reset a customized template to Clerk's default, discarding edits.",
		Request:     RevertTemplateRequest{}, Response: Template{}, Deprecated: true,
	},
	{
		Name: "preview_template", OperationID: "PreviewTemplate", Method: "POST", Path: "/templates/{template_type}/{slug}/preview",
		Description: "Deprecated: Render a preview of a template with the given body; saves nothing.",
		Request:     PreviewTemplateRequest{}, Response: map[string]any{}, Deprecated: true,
	},
	{
		Name: "toggle_template_delivery", OperationID: "ToggleTemplateDelivery", Method: "POST", Path: "/templates/{template_type}/{slug}/toggle_delivery",
		Description: "Deprecated: Set whether Clerk sends a template's messages; if off, handle the created webhooks.",
		Request:     ToggleTemplateDeliveryRequest{}, Response: Template{}, Deprecated: true,
	},
}

type ListTemplatesRequest struct {
	TemplateType string `json:"template_type" in:"path" jsonschema:"required,enum=email,enum=sms"`
	Limit        *int64 `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset       *int64 `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
}

type GetTemplateRequest struct {
	TemplateType string `json:"template_type" in:"path" jsonschema:"required,enum=email,enum=sms"`
	Slug         string `json:"slug" in:"path" jsonschema:"required"`
}

type UpsertTemplateRequest struct {
	TemplateType string  `json:"template_type" in:"path" jsonschema:"required,enum=email,enum=sms"`
	Slug         string  `json:"slug" in:"path" jsonschema:"required"`
	Name         *string `json:"name,omitempty" in:"body"`
	// Email templates only.
	Subject *string `json:"subject,omitempty" in:"body"`
	// Editor markup behind the body.
	Markup *string `json:"markup,omitempty" in:"body"`
	// Body before variable interpolation.
	Body *string `json:"body,omitempty" in:"body"`
	// false: Clerk does not send; handle email/sms.created webhooks.
	DeliveredByClerk *bool `json:"delivered_by_clerk,omitempty" in:"body"`
	// Local part of the From address; email only.
	FromEmailName *string `json:"from_email_name,omitempty" in:"body"`
	// Local part of the Reply-To address; email only.
	ReplyToEmailName *string `json:"reply_to_email_name,omitempty" in:"body"`
}

type RevertTemplateRequest struct {
	TemplateType string `json:"template_type" in:"path" jsonschema:"required,enum=email,enum=sms"`
	Slug         string `json:"slug" in:"path" jsonschema:"required"`
}

type PreviewTemplateRequest struct {
	TemplateType string `json:"template_type" in:"path" jsonschema:"required,enum=email,enum=sms"`
	Slug         string `json:"slug" in:"path" jsonschema:"required"`
	// Email templates only.
	Subject *string `json:"subject,omitempty" in:"body"`
	// Body before variable interpolation.
	Body *string `json:"body,omitempty" in:"body"`
	// Local part of the From address; email only.
	FromEmailName *string `json:"from_email_name,omitempty" in:"body"`
	// Local part of the Reply-To address; email only.
	ReplyToEmailName *string `json:"reply_to_email_name,omitempty" in:"body"`
}

type ToggleTemplateDeliveryRequest struct {
	TemplateType string `json:"template_type" in:"path" jsonschema:"required,enum=email,enum=sms"`
	Slug         string `json:"slug" in:"path" jsonschema:"required"`
	// false: Clerk does not send; handle email/sms.created webhooks.
	DeliveredByClerk *bool `json:"delivered_by_clerk,omitempty" in:"body"`
}
