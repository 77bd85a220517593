package sandbox

import "github.com/clerk-mcp/clerk-mcp/clerkapi"

// signInTokensHandlers are the handlers of the operations in clerkapi/sign_in_tokens.go.
var signInTokensHandlers = map[string]handlerFunc{
	"create_sign_in_token": (*Sandbox).createSignInToken,
	"revoke_sign_in_token": (*Sandbox).revokeSignInToken,
}

type signInTokenJSON struct {
	Object    string  `json:"object"`
	ID        string  `json:"id"`
	Status    string  `json:"status"`
	UserID    string  `json:"user_id"`
	Token     string  `json:"token,omitempty"`
	URL       *string `json:"url"`
	CreatedAt int64   `json:"created_at"`
	UpdatedAt int64   `json:"updated_at"`
}

func (s *Sandbox) createSignInToken(c *call) (any, error) {
	var req clerkapi.CreateSignInTokenRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("user_id", req.UserID); err != nil {
		return nil, err
	}
	if err := positive("expires_in_seconds", req.ExpiresInSeconds, 1); err != nil {
		return nil, err
	}
	u, err := s.findUser(req.UserID)
	if err != nil {
		return nil, err
	}
	if req.OrgID != nil && *req.OrgID != "" {
		o, err := s.findOrg(*req.OrgID)
		if err != nil {
			return nil, err
		}
		if s.membershipOf(o.ID, u.ID) == nil {
			return nil, errParamInvalid("org_id", "The user is not a member of organization "+o.ID+".")
		}
	}
	ttl := int64(30 * 24 * 3600)
	if req.ExpiresInSeconds != nil {
		ttl = *req.ExpiresInSeconds
	}
	now := s.tick()
	tok := s.ticket("sign_in")
	t := &mintedToken{ID: s.newID("sit"), Status: "pending", UserID: u.ID, Token: tok,
		URL:      "https://" + accountsHost + "/sign-in?__clerk_ticket=" + tok,
		ExpireAt: now + ttl*1000, CreatedAt: now, UpdatedAt: now}
	s.mint.signInTokens.add(t.ID, t)
	v := signInTokenView(t)
	v.Token, v.URL = t.Token, &t.URL
	return v, nil
}

func signInTokenView(t *mintedToken) signInTokenJSON {
	return signInTokenJSON{Object: "sign_in_token", ID: t.ID, Status: t.Status, UserID: t.UserID, CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt}
}

func (s *Sandbox) revokeSignInToken(c *call) (any, error) {
	t, err := s.revokeMinted(&s.mint.signInTokens, "sign-in token", c.path["sign_in_token_id"])
	if err != nil {
		return nil, err
	}
	return signInTokenView(t), nil
}
