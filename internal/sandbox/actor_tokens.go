package sandbox

import "strings"

// actorTokensHandlers are the handlers of the operations in clerkapi/actor_tokens.go.
var actorTokensHandlers = map[string]handlerFunc{
	"create_actor_token": (*Sandbox).createActorToken,
	"revoke_actor_token": (*Sandbox).revokeActorToken,
}

// actorTokenJSON and signInTokenJSON are the answers; Token is empty (left
// out) everywhere but in the create answer.
type actorTokenJSON struct {
	Object    string         `json:"object"`
	ID        string         `json:"id"`
	Status    string         `json:"status"`
	UserID    string         `json:"user_id"`
	Actor     map[string]any `json:"actor"`
	Token     string         `json:"token,omitempty"`
	URL       string         `json:"url,omitempty"`
	CreatedAt int64          `json:"created_at"`
	UpdatedAt int64          `json:"updated_at"`
}

// actorTokenRequest is the body of create_actor_token with the actor whole:
// it may carry keys beyond sub, all of which go into the act claim.
type actorTokenRequest struct {
	UserID                      string         `json:"user_id"`
	Actor                       map[string]any `json:"actor"`
	ExpiresInSeconds            *int64         `json:"expires_in_seconds"`
	SessionMaxDurationInSeconds *int64         `json:"session_max_duration_in_seconds"`
}

func (s *Sandbox) createActorToken(c *call) (any, error) {
	var req actorTokenRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("user_id", req.UserID); err != nil {
		return nil, err
	}
	if req.Actor == nil {
		return nil, errParamMissing("actor")
	}
	if sub, _ := req.Actor["sub"].(string); strings.TrimSpace(sub) == "" {
		return nil, errParamMissing("actor.sub")
	}
	if err := positive("expires_in_seconds", req.ExpiresInSeconds, 1); err != nil {
		return nil, err
	}
	if err := positive("session_max_duration_in_seconds", req.SessionMaxDurationInSeconds, 1); err != nil {
		return nil, err
	}
	if _, err := s.findUser(req.UserID); err != nil {
		return nil, err
	}
	actor := req.Actor
	ttl := int64(3600)
	if req.ExpiresInSeconds != nil {
		ttl = *req.ExpiresInSeconds
	}
	now := s.tick()
	tok := s.ticket("actor")
	t := &mintedToken{ID: s.newID("act"), Status: "pending", UserID: req.UserID, Token: tok, Actor: actor,
		URL:      "https://" + frontendHost + "/v1/tickets/accept?ticket=" + tok,
		ExpireAt: now + ttl*1000, CreatedAt: now, UpdatedAt: now}
	s.mint.actorTokens.add(t.ID, t)
	v := actorTokenView(t)
	v.Token, v.URL = t.Token, t.URL
	return v, nil
}

func actorTokenView(t *mintedToken) actorTokenJSON {
	return actorTokenJSON{Object: "actor_token", ID: t.ID, Status: t.Status, UserID: t.UserID, Actor: metadata(t.Actor),
		CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt}
}

func (s *Sandbox) revokeActorToken(c *call) (any, error) {
	t, err := s.revokeMinted(&s.mint.actorTokens, "actor token", c.path["actor_token_id"])
	if err != nil {
		return nil, err
	}
	return actorTokenView(t), nil
}
