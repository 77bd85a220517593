package clerkapi

var sessionsOperations = []Operation{
	{
		Name: "list_sessions", OperationID: "GetSessionList", Method: "GET", Path: "/sessions",
		Description: "List sessions of a user or client (give user_id or client_id).",
		Request:     ListSessionsRequest{}, Response: List[Session]{}, Paginated: true,
	},
	{
		Name: "create_session", OperationID: "createSession", Method: "POST", Path: "/sessions",
		Description: "Testing only; not on production.",
		Request:     CreateSessionRequest{}, Response: Session{},
	},
	{
		Name: "get_session", OperationID: "GetSession", Method: "GET", Path: "/sessions/{session_id}",
		Description: "Get a session by ID.",
		Request:     GetSessionRequest{}, Response: Session{},
	},
	{
		Name: "refresh_session", OperationID: "RefreshSession", Method: "POST", Path: "/sessions/{session_id}/refresh",
		Description: "New token from an expired one.",
		Request:     RefreshSessionRequest{}, Response: map[string]any{}, Secret: true,
	},
	{
		Name: "revoke_session", OperationID: "RevokeSession", Method: "POST", Path: "/sessions/{session_id}/revoke",
		Description: "Signs the user out of this session.",
		Request:     RevokeSessionRequest{}, Response: Session{},
	},
	{
		Name: "create_session_token", OperationID: "CreateSessionToken", Method: "POST", Path: "/sessions/{session_id}/tokens",
		Description: "Mint a session JWT.",
		Request:     CreateSessionTokenRequest{}, Response: CreateSessionTokenResponse{}, Secret: true,
	},
	{
		Name: "create_session_token_from_template", OperationID: "CreateSessionTokenFromTemplate", Method: "POST", Path: "/sessions/{session_id}/tokens/{template_name}",
		Description: "Mint a JWT from a JWT template.",
		Request:     CreateSessionTokenFromTemplateRequest{}, Response: CreateSessionTokenFromTemplateResponse{}, Secret: true,
	},
}

type ListSessionsRequest struct {
	ClientID *string `json:"client_id,omitempty" in:"query"`
	UserID   *string `json:"user_id,omitempty" in:"query"`
	Status   *string `json:"status,omitempty" in:"query" jsonschema:"enum=abandoned,enum=active,enum=ended,enum=expired,enum=removed,enum=replaced,enum=revoked"`
	Limit    *int64  `json:"limit,omitempty" in:"query" jsonschema:"minimum=1,maximum=500,default=10"`
	Offset   *int64  `json:"offset,omitempty" in:"query" jsonschema:"minimum=0,default=0"`
}

type CreateSessionRequest struct {
	UserID               string  `json:"user_id" in:"body" jsonschema:"required"`
	ActiveOrganizationID *string `json:"active_organization_id,omitempty" in:"body"`
}

type GetSessionRequest struct {
	SessionID string `json:"session_id" in:"path" jsonschema:"required"`
}

type RefreshSessionRequest struct {
	SessionID            string         `json:"session_id" in:"path" jsonschema:"required"`
	ExpiredToken         string         `json:"expired_token" in:"body" jsonschema:"required"`
	RefreshToken         string         `json:"refresh_token" in:"body" jsonschema:"required"`
	RequestOrigin        string         `json:"request_origin" in:"body" jsonschema:"required"`
	RequestHeaders       map[string]any `json:"request_headers,omitempty" in:"body"`
	Format               *string        `json:"format,omitempty" in:"body" jsonschema:"default=token,enum=token,enum=cookie"`
	RequestOriginatingIP *string        `json:"request_originating_ip,omitempty" in:"body"`
}

type RevokeSessionRequest struct {
	SessionID string `json:"session_id" in:"path" jsonschema:"required"`
}

type CreateSessionTokenRequest struct {
	SessionID        string `json:"session_id" in:"path" jsonschema:"required"`
	ExpiresInSeconds *int64 `json:"expires_in_seconds,omitempty" in:"body" jsonschema:"minimum=30,maximum=315360000"`
}

type CreateSessionTokenFromTemplateRequest struct {
	SessionID        string `json:"session_id" in:"path" jsonschema:"required"`
	TemplateName     string `json:"template_name" in:"path" jsonschema:"required"`
	ExpiresInSeconds *int64 `json:"expires_in_seconds,omitempty" in:"body" jsonschema:"minimum=30,maximum=315360000"`
}
