package sandbox

import (
	"encoding/json"
	"fmt"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Token and URL minting: actor tokens, sign-in tokens, testing tokens, admin
// portal links and agent tasks. A token is shown once, in the answer that
// creates it; revoking answers the object without it. Nothing is sent
// anywhere: the URLs point at the sandbox's development hosts.

// tokenHandlers are the handlers of the operations in clerkapi/tokens.go.
var tokenHandlers = map[string]handlerFunc{
	"create_sign_in_token": (*Sandbox).createSignInToken,
	"revoke_sign_in_token": (*Sandbox).revokeSignInToken,
	"create_testing_token": (*Sandbox).createTestingToken,
}

// mintState is what the minting and instance-misc operations keep.
type mintState struct {
	actorTokens   table[mintedToken]
	signInTokens  table[mintedToken]
	portalLinks   table[portalLink]
	agentTasks    table[agentTask]
	signUps       table[clerkapi.SignUp]
	signUpsSeed   bool
	svixApp       string // the Svix app's ID; "" when there is none
	authConfig    *clerkapi.UpdateInstanceAuthConfigResponse
	verifications table[pendingVerification]
	testMode      bool // recorded; no answer shows it
}

// mintedToken is a stored actor or sign-in token.
type mintedToken struct {
	ID, Status, UserID, Token, URL string
	Actor                          map[string]any
	ExpireAt, CreatedAt, UpdatedAt int64
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

// positive checks an optional body integer that must be at least lo.
func positive(name string, v *int64, lo int64) error {
	if v != nil && *v < lo {
		return errParamInvalid(name, fmt.Sprintf("%s must be at least %d.", name, lo))
	}
	return nil
}

// ticket is a one-time secret: deterministic per kind and count, like IDs.
func (s *Sandbox) ticket(kind string) string {
	s.seq["ticket "+kind]++
	return hashHex(kind+" ticket", s.seq["ticket "+kind])[:48]
}

// revokeMinted revokes a pending token; others are refused as Clerk does.
func (s *Sandbox) revokeMinted(t *table[mintedToken], kind, id string) (*mintedToken, error) {
	tok, err := t.find(kind, id)
	if err != nil {
		return nil, err
	}
	if tok.Status != "pending" {
		return nil, errBadRequest("token_not_pending", kind+" is not pending",
			fmt.Sprintf("Only pending tokens can be revoked; %s %s is %s.", kind, id, tok.Status))
	}
	tok.Status, tok.UpdatedAt = "revoked", s.tick()
	return tok, nil
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

// createTestingToken answers a token valid for an hour, in Clerk's form
// "<issued unix seconds>-<secret>"; expires_at is in seconds.
func (s *Sandbox) createTestingToken(c *call) (any, error) {
	if err := c.bind(&struct{}{}); err != nil {
		return nil, err
	}
	now := s.tick() / 1000
	return clerkapi.TestingToken{Object: "testing_token", Token: fmt.Sprintf("%d-c_%s", now, s.ticket("testing")[:40]), ExpiresAt: now + 3600}, nil
}

// ---- admin portal links ----

type portalLink struct {
	clerkapi.RevokeAdminPortalLinkTokenResponse
}

// ---- agent tasks ----

type agentTask struct {
	agentTaskJSON
	status, userID string
}

// agentTaskJSON is clerkapi.AgentTask with the URL shown only on creation.
type agentTaskJSON struct {
	Object      string `json:"object"`
	AgentID     string `json:"agent_id"`
	AgentTaskID string `json:"agent_task_id"`
	TaskID      string `json:"task_id"`
	URL         string `json:"url,omitempty"`
}

// verified reports whether an identification's verification reads verified.
func verified(v json.RawMessage) bool {
	var st struct {
		Status string `json:"status"`
	}
	return json.Unmarshal(v, &st) == nil && st.Status == "verified"
}

// field is a named request value, for checks that must report the first
// bad one in a fixed order.
type field[T any] struct {
	name string
	v    T
}
