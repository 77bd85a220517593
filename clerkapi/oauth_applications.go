package clerkapi

var oauthApplicationsOperations = []Operation{
	{
		Name: "list_oauth_applications", OperationID: "ListOAuthApplications", Method: "GET", Path: "/oauth_applications",
		Description: "Apps using Clerk as OAuth provider.",
		Request:     ListOAuthApplicationsRequest{}, Response: OAuthApplications{},
	},
	{
		Name: "create_oauth_application", OperationID: "CreateOAuthApplication", Method: "POST", Path: "/oauth_applications",
		Description: "The client secret is shown only here.",
		Request:     CreateOAuthApplicationRequest{}, Response: OAuthApplicationWithSecret{}, Secret: true,
	},
	{
		Name: "get_oauth_application", OperationID: "GetOAuthApplication", Method: "GET", Path: "/oauth_applications/{oauth_application_id}",
		Description: "Get an OAuth app by ID.",
		Request:     GetOAuthApplicationRequest{}, Response: OAuthApplication{},
	},
	{
		Name: "update_oauth_application", OperationID: "UpdateOAuthApplication", Method: "PATCH", Path: "/oauth_applications/{oauth_application_id}",
		Description: "Update an OAuth app's settings.",
		Request:     UpdateOAuthApplicationRequest{}, Response: OAuthApplication{},
	},
	{
		Name: "delete_oauth_application", OperationID: "DeleteOAuthApplication", Method: "DELETE", Path: "/oauth_applications/{oauth_application_id}",
		Description: "Delete an OAuth app permanently.",
		Request:     DeleteOAuthApplicationRequest{}, Response: DeletedObject{},
	},
	{
		Name: "upload_oauth_application_logo", OperationID: "UploadOAuthApplicationLogo", Method: "PUT", Path: "/oauth_applications/{oauth_application_id}/logo",
		Description: "Set an OAuth app's logo.",
		Request:     UploadOAuthApplicationLogoRequest{}, Response: OAuthApplication{},
	},
	{
		Name: "rotate_oauth_application_secret", OperationID: "RotateOAuthApplicationSecret", Method: "POST", Path: "/oauth_applications/{oauth_application_id}/rotate_secret",
		Description: "Returns a new secret; the old one dies.",
		Request:     RotateOAuthApplicationSecretRequest{}, Response: OAuthApplicationWithSecret{}, Secret: true,
	},
	{
		Name: "revoke_oauth_application_token", OperationID: "RevokeOAuthApplicationToken", Method: "POST", Path: "/oauth_applications/{oauth_application_id}/revoke_token",
		Description: "Revokes the grant; not JWT access tokens.",
		Request:     RevokeOAuthApplicationTokenRequest{}, Response: nil,
	},
}

type ListOAuthApplicationsRequest struct {
	Page
	// +/-field: created_at, name.
	OrderBy   *string `json:"order_by,omitempty" in:"query" jsonschema:"default=+created_at"`
	NameQuery *string `json:"name_query,omitempty" in:"query"`
}

type CreateOAuthApplicationRequest struct {
	Name         string   `json:"name" in:"body" jsonschema:"required,maxLength=256"`
	RedirectUris []string `json:"redirect_uris,omitempty" in:"body,nullable"`
	CallbackURL  *string  `json:"callback_url,omitempty" in:"body,nullable" jsonschema:"maxLength=1024"`
	// Space-separated.
	Scopes               *string `json:"scopes,omitempty" in:"body,nullable" jsonschema:"maxLength=1024,default=profile email"`
	ConsentScreenEnabled *bool   `json:"consent_screen_enabled,omitempty" in:"body,nullable" jsonschema:"default=true"`
	PkceRequired         *bool   `json:"pkce_required,omitempty" in:"body,nullable" jsonschema:"default=false"`
	Public               *bool   `json:"public,omitempty" in:"body,nullable"`
}

type GetOAuthApplicationRequest struct {
	OAuthApplicationID string `json:"oauth_application_id" in:"path" jsonschema:"required"`
}

type UpdateOAuthApplicationRequest struct {
	OAuthApplicationID string   `json:"oauth_application_id" in:"path" jsonschema:"required"`
	Name               *string  `json:"name,omitempty" in:"body,nullable" jsonschema:"maxLength=256"`
	RedirectUris       []string `json:"redirect_uris,omitempty" in:"body,nullable"`
	CallbackURL        *string  `json:"callback_url,omitempty" in:"body,nullable" jsonschema:"maxLength=1024"`
	// Space-separated.
	Scopes               *string `json:"scopes,omitempty" in:"body,nullable" jsonschema:"maxLength=1024"`
	ConsentScreenEnabled *bool   `json:"consent_screen_enabled,omitempty" in:"body,nullable"`
	PkceRequired         *bool   `json:"pkce_required,omitempty" in:"body,nullable"`
	Public               *bool   `json:"public,omitempty" in:"body,nullable"`
}

type DeleteOAuthApplicationRequest struct {
	OAuthApplicationID string `json:"oauth_application_id" in:"path" jsonschema:"required"`
}

type UploadOAuthApplicationLogoRequest struct {
	OAuthApplicationID string  `json:"oauth_application_id" in:"path" jsonschema:"required"`
	UploaderUserID     *string `json:"uploader_user_id,omitempty" in:"form"`
	Upload
}

type RotateOAuthApplicationSecretRequest struct {
	OAuthApplicationID string `json:"oauth_application_id" in:"path" jsonschema:"required"`
}

type RevokeOAuthApplicationTokenRequest struct {
	OAuthApplicationID string `json:"oauth_application_id" in:"path" jsonschema:"required"`
	Token              string `json:"token" in:"body" jsonschema:"required"`
}

type OAuthApplications struct {
	Data       []OAuthApplication `json:"data"`
	TotalCount int64              `json:"total_count"`
}

type OAuthApplication struct {
	Object                string   `json:"object"`
	ID                    string   `json:"id"`
	InstanceID            string   `json:"instance_id"`
	Name                  string   `json:"name"`
	ClientID              string   `json:"client_id"`
	ClientURI             *string  `json:"client_uri" jsonschema:"nullable"`
	ClientImageURL        *string  `json:"client_image_url" jsonschema:"nullable"`
	DynamicallyRegistered bool     `json:"dynamically_registered"`
	ConsentScreenEnabled  bool     `json:"consent_screen_enabled"`
	PkceRequired          bool     `json:"pkce_required"`
	Public                bool     `json:"public"`
	Scopes                string   `json:"scopes"`
	RedirectUris          []string `json:"redirect_uris"`
	CallbackURL           string   `json:"callback_url"`
	AuthorizeURL          string   `json:"authorize_url"`
	TokenFetchURL         string   `json:"token_fetch_url"`
	UserInfoURL           string   `json:"user_info_url"`
	DiscoveryURL          string   `json:"discovery_url"`
	TokenIntrospectionURL string   `json:"token_introspection_url"`
	CreatedAt             int64    `json:"created_at"`
	UpdatedAt             int64    `json:"updated_at"`
}

type OAuthApplicationWithSecret struct {
	Object                string   `json:"object"`
	ID                    string   `json:"id"`
	InstanceID            string   `json:"instance_id"`
	Name                  string   `json:"name"`
	ClientID              string   `json:"client_id"`
	ClientURI             *string  `json:"client_uri" jsonschema:"nullable"`
	ClientImageURL        *string  `json:"client_image_url" jsonschema:"nullable"`
	DynamicallyRegistered bool     `json:"dynamically_registered"`
	ConsentScreenEnabled  bool     `json:"consent_screen_enabled"`
	PkceRequired          bool     `json:"pkce_required"`
	Public                bool     `json:"public"`
	Scopes                string   `json:"scopes"`
	RedirectUris          []string `json:"redirect_uris"`
	CallbackURL           string   `json:"callback_url"`
	AuthorizeURL          string   `json:"authorize_url"`
	TokenFetchURL         string   `json:"token_fetch_url"`
	UserInfoURL           string   `json:"user_info_url"`
	DiscoveryURL          string   `json:"discovery_url"`
	TokenIntrospectionURL string   `json:"token_introspection_url"`
	CreatedAt             int64    `json:"created_at"`
	UpdatedAt             int64    `json:"updated_at"`
	ClientSecret          string   `json:"client_secret"`
}
