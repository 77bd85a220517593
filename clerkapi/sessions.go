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
		Request:     CreateSessionTokenRequest{}, Response: SessionToken{}, Secret: true,
	},
	{
		Name: "create_session_token_from_template", OperationID: "CreateSessionTokenFromTemplate", Method: "POST", Path: "/sessions/{session_id}/tokens/{template_name}",
		Description: "Mint a JWT from a JWT template.",
		Request:     CreateSessionTokenFromTemplateRequest{}, Response: SessionToken{}, Secret: true,
	},
}

type ListSessionsRequest struct {
	ClientID *string `json:"client_id,omitempty" in:"query"`
	UserID   *string `json:"user_id,omitempty" in:"query"`
	Status   *string `json:"status,omitempty" in:"query" jsonschema:"enum=abandoned,enum=active,enum=ended,enum=expired,enum=removed,enum=replaced,enum=revoked"`
	Page
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
	RequestHeaders       map[string]any `json:"request_headers,omitempty" in:"body,nullable"`
	Format               *string        `json:"format,omitempty" in:"body,nullable" jsonschema:"default=token,enum=token,enum=cookie"`
	RequestOriginatingIP *string        `json:"request_originating_ip,omitempty" in:"body,nullable"`
}

type RevokeSessionRequest struct {
	SessionID string `json:"session_id" in:"path" jsonschema:"required"`
}

type CreateSessionTokenRequest struct {
	SessionID        string `json:"session_id" in:"path" jsonschema:"required"`
	ExpiresInSeconds *int64 `json:"expires_in_seconds,omitempty" in:"body,nullable" jsonschema:"minimum=30,maximum=315360000"`
}

type CreateSessionTokenFromTemplateRequest struct {
	SessionID        string `json:"session_id" in:"path" jsonschema:"required"`
	TemplateName     string `json:"template_name" in:"path" jsonschema:"required"`
	ExpiresInSeconds *int64 `json:"expires_in_seconds,omitempty" in:"body,nullable" jsonschema:"minimum=30,maximum=315360000"`
}

type Session struct {
	Object                   string                   `json:"object"`
	ID                       string                   `json:"id"`
	UserID                   string                   `json:"user_id"`
	ClientID                 string                   `json:"client_id"`
	Actor                    map[string]any           `json:"actor" jsonschema:"nullable"`
	Status                   string                   `json:"status"`
	LastActiveOrganizationID *string                  `json:"last_active_organization_id" jsonschema:"nullable"`
	LastActiveAt             int64                    `json:"last_active_at"`
	LatestActivity           *SessionActivityResponse `json:"latest_activity" jsonschema:"nullable"`
	ExpireAt                 int64                    `json:"expire_at"`
	AbandonAt                int64                    `json:"abandon_at"`
	UpdatedAt                int64                    `json:"updated_at"`
	CreatedAt                int64                    `json:"created_at"`
	Tasks                    []SessionTask            `json:"tasks" jsonschema:"nullable"`
}

type SessionActivityResponse struct {
	Object         string `json:"object"`
	ID             string `json:"id"`
	DeviceType     string `json:"device_type"`
	IsMobile       bool   `json:"is_mobile"`
	BrowserName    string `json:"browser_name"`
	BrowserVersion string `json:"browser_version"`
	IPAddress      string `json:"ip_address"`
	City           string `json:"city"`
	Country        string `json:"country"`
}

type SessionTask struct {
	Key string `json:"key"`
}

type SessionToken struct {
	Object string `json:"object"`
	JWT    string `json:"jwt"`
}
