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
