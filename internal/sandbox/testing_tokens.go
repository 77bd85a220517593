package sandbox

import (
	"fmt"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// testingTokensHandlers are the handlers of the operations in clerkapi/testing_tokens.go.
var testingTokensHandlers = map[string]handlerFunc{
	"create_testing_token": (*Sandbox).createTestingToken,
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
