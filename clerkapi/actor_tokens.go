package clerkapi

var actorTokensOperations = []Operation{
	{
		Name: "create_actor_token", OperationID: "CreateActorToken", Method: "POST", Path: "/actor_tokens",
		Description: "Its URL lets an actor impersonate a user.",
		Request:     CreateActorTokenRequest{}, Response: ActorToken{}, Secret: true,
	},
	{
		Name: "revoke_actor_token", OperationID: "RevokeActorToken", Method: "POST", Path: "/actor_tokens/{actor_token_id}/revoke",
		Description: "Revoke a pending actor token.",
		Request:     RevokeActorTokenRequest{}, Response: ActorToken{},
	},
}

type CreateActorTokenRequest struct {
	UserID                      string                       `json:"user_id" in:"body" jsonschema:"required"`
	Actor                       CreateActorTokenRequestActor `json:"actor" in:"body" jsonschema:"required"`
	ExpiresInSeconds            *int64                       `json:"expires_in_seconds,omitempty" in:"body" jsonschema:"default=3600"`
	SessionMaxDurationInSeconds *int64                       `json:"session_max_duration_in_seconds,omitempty" in:"body" jsonschema:"default=1800"`
}

type CreateActorTokenRequestActor struct {
	// Impersonator's user ID.
	Sub string `json:"sub" jsonschema:"required"`
}

type RevokeActorTokenRequest struct {
	ActorTokenID string `json:"actor_token_id" in:"path" jsonschema:"required"`
}

type ActorToken struct {
	Object    string         `json:"object"`
	ID        string         `json:"id"`
	Status    string         `json:"status"`
	UserID    string         `json:"user_id"`
	Actor     map[string]any `json:"actor"`
	Token     string         `json:"token"`
	URL       string         `json:"url"`
	CreatedAt int64          `json:"created_at"`
	UpdatedAt int64          `json:"updated_at"`
}

// OpenObject marks the actor as open: the spec lets it carry custom actor
// claims beside sub.
func (CreateActorTokenRequestActor) OpenObject() {}
