package sandbox

import "github.com/clerk-mcp/clerk-mcp/clerkapi"

// signUpsHandlers are the handlers of the operations in clerkapi/sign_ups.go.
var signUpsHandlers = map[string]handlerFunc{
	"get_sign_up":    (*Sandbox).getSignUp,
	"update_sign_up": (*Sandbox).updateSignUp,
}

func (s *Sandbox) getSignUp(c *call) (any, error) {
	return s.signUps().find("sign up", c.path["id"])
}

func (s *Sandbox) updateSignUp(c *call) (any, error) {
	su, err := s.signUps().find("sign up", c.path["id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpdateSignUpRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	s.tick()
	if _, sent := c.raw["external_id"]; sent {
		su.ExternalID = req.ExternalID // null clears it
		if su.ExternalID != nil && *su.ExternalID == "" {
			su.ExternalID = nil
		}
	}
	if req.CustomAction != nil {
		su.CustomAction = *req.CustomAction
	}
	return su, nil
}
