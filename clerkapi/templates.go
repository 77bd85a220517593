package clerkapi

var templatesOperations = []Operation{
	{
		Name: "list_templates", OperationID: "GetTemplateList", Method: "GET", Path: "/templates/{template_type}",
		Description: "Deprecated: list templates.",
		Request:     ListTemplatesRequest{}, Response: List[Template]{}, Deprecated: true, Paginated: true,
	},
	{
		Name: "get_template", OperationID: "GetTemplate", Method: "GET", Path: "/templates/{template_type}/{slug}",
		Description: "Deprecated: get a template.",
		Request:     GetTemplateRequest{}, Response: Template{}, Deprecated: true,
	},
	{
		Name: "upsert_template", OperationID: "UpsertTemplate", Method: "PUT", Path: "/templates/{template_type}/{slug}",
		Description: "Deprecated: edit a template.",
		Request:     UpsertTemplateRequest{}, Response: Template{}, Deprecated: true,
	},
	{
		Name: "revert_template", OperationID: "RevertTemplate", Method: "POST", Path: "/templates/{template_type}/{slug}/revert",
		Description: "Deprecated: reset a template.",
		Request:     RevertTemplateRequest{}, Response: Template{}, Deprecated: true,
	},
	{
		Name: "preview_template", OperationID: "PreviewTemplate", Method: "POST", Path: "/templates/{template_type}/{slug}/preview",
		Description: "Deprecated: render a template.",
		Request:     PreviewTemplateRequest{}, Response: map[string]any{}, Deprecated: true,
	},
	{
		Name: "toggle_template_delivery", OperationID: "ToggleTemplateDelivery", Method: "POST", Path: "/templates/{template_type}/{slug}/toggle_delivery",
		Description: "Deprecated: set if Clerk sends it.",
		Request:     ToggleTemplateDeliveryRequest{}, Response: Template{}, Deprecated: true,
	},
}

type ListTemplatesRequest struct {
	TemplateType string `json:"template_type" in:"path" jsonschema:"required,enum=email,enum=sms"`
	Page
}

type GetTemplateRequest struct {
	TemplateType string `json:"template_type" in:"path" jsonschema:"required,enum=email,enum=sms"`
	Slug         string `json:"slug" in:"path" jsonschema:"required"`
}

type UpsertTemplateRequest struct {
	TemplateType     string  `json:"template_type" in:"path" jsonschema:"required,enum=email,enum=sms"`
	Slug             string  `json:"slug" in:"path" jsonschema:"required"`
	Name             *string `json:"name,omitempty" in:"body"`
	Subject          *string `json:"subject,omitempty" in:"body,nullable"`
	Markup           *string `json:"markup,omitempty" in:"body,nullable"`
	Body             *string `json:"body,omitempty" in:"body"`
	DeliveredByClerk *bool   `json:"delivered_by_clerk,omitempty" in:"body,nullable"`
	FromEmailName    *string `json:"from_email_name,omitempty" in:"body"`
	ReplyToEmailName *string `json:"reply_to_email_name,omitempty" in:"body"`
}

type RevertTemplateRequest struct {
	TemplateType string `json:"template_type" in:"path" jsonschema:"required,enum=email,enum=sms"`
	Slug         string `json:"slug" in:"path" jsonschema:"required"`
}

type PreviewTemplateRequest struct {
	TemplateType     string  `json:"template_type" in:"path" jsonschema:"required,enum=email,enum=sms"`
	Slug             string  `json:"slug" in:"path" jsonschema:"required"`
	Subject          *string `json:"subject,omitempty" in:"body,nullable"`
	Body             *string `json:"body,omitempty" in:"body"`
	FromEmailName    *string `json:"from_email_name,omitempty" in:"body"`
	ReplyToEmailName *string `json:"reply_to_email_name,omitempty" in:"body"`
}

type ToggleTemplateDeliveryRequest struct {
	TemplateType string `json:"template_type" in:"path" jsonschema:"required,enum=email,enum=sms"`
	Slug         string `json:"slug" in:"path" jsonschema:"required"`
	// false: you deliver via email/sms.created webhooks.
	DeliveredByClerk *bool `json:"delivered_by_clerk,omitempty" in:"body"`
}

type Template struct {
	ID                  string   `json:"id"`
	Object              string   `json:"object"`
	InstanceID          *string  `json:"instance_id" jsonschema:"nullable"`
	ResourceType        string   `json:"resource_type"`
	TemplateType        string   `json:"template_type"`
	Name                string   `json:"name"`
	Slug                string   `json:"slug"`
	Position            int64    `json:"position"`
	CanRevert           bool     `json:"can_revert"`
	CanDelete           bool     `json:"can_delete"`
	CanEditBody         bool     `json:"can_edit_body"`
	CanToggle           bool     `json:"can_toggle"`
	Subject             *string  `json:"subject" jsonschema:"nullable"`
	Markup              string   `json:"markup"`
	Body                string   `json:"body"`
	AvailableVariables  []string `json:"available_variables"`
	RequiredVariables   []string `json:"required_variables"`
	FromEmailName       string   `json:"from_email_name"`
	ReplyToEmailName    string   `json:"reply_to_email_name"`
	DeliveredByClerk    bool     `json:"delivered_by_clerk"`
	Enabled             bool     `json:"enabled"`
	FlaggedAsSuspicious bool     `json:"flagged_as_suspicious"`
	UpdatedAt           int64    `json:"updated_at"`
	CreatedAt           int64    `json:"created_at"`
}
