package sandbox

import (
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// oauthAccessTokensHandlers are the handlers of the operations in clerkapi/oauth_access_tokens.go.
var oauthAccessTokensHandlers = map[string]handlerFunc{
	"verify_oauth_access_token": (*Sandbox).verifyOAuthAccessToken,
}

// verifyOAuthAccessToken answers a live access token, opaque or JWT (both
// issued by the sandbox authorization server, authserver.go); unknown
// tokens are 404, revoked ones token_invalid, expired opaque ones
// token_invalid and expired JWTs {"active": false}, as the spec says.
func (s *Sandbox) verifyOAuthAccessToken(c *call) (any, error) {
	var req clerkapi.VerifyOAuthAccessTokenRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	tok := req.AccessToken
	if tok == nil || *tok == "" {
		tok = req.Secret
	}
	if tok == nil || strings.TrimSpace(*tok) == "" {
		return nil, errParamMissing("access_token")
	}
	for _, g := range s.oauthState().grants {
		if g.access != *tok {
			continue
		}
		if g.jwt && !g.tok.Revoked && g.tok.Expiration != nil && int64(*g.tok.Expiration) <= s.now {
			return map[string]bool{"active": false}, nil // Clerk's answer for an expired JWT access token
		}
		if err := s.liveToken("OAuth access token", g.tok.Revoked, g.tok.Expiration); err != nil {
			return nil, err
		}
		v := g.tok
		v.Scopes = slices.Clone(v.Scopes)
		return v, nil
	}
	return nil, &apiError{status: 404, code: "resource_not_found", message: "not found", long: "No OAuth access token matches the token sent."}
}
