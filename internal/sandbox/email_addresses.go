package sandbox

import (
	"slices"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// emailAddressesHandlers are the handlers of the operations in clerkapi/email_addresses.go.
var emailAddressesHandlers = map[string]handlerFunc{
	"create_email_address":               (*Sandbox).createEmail,
	"get_email_address":                  (*Sandbox).getEmail,
	"delete_email_address":               (*Sandbox).deleteEmail,
	"update_email_address":               (*Sandbox).updateEmail,
	"prepare_email_address_verification": flagged((*Sandbox).prepareVerification, true),
	"attempt_email_address_verification": flagged((*Sandbox).attemptVerification, true),
	"replace_user_email_address":         flagged((*Sandbox).replaceIdentification, true),
}

func (s *Sandbox) createEmail(c *call) (any, error) {
	var req clerkapi.CreateEmailAddressRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("user_id", req.UserID); err != nil {
		return nil, err
	}
	if err := requireString("email_address", req.EmailAddress); err != nil {
		return nil, err
	}
	u, err := s.findUser(req.UserID)
	if err != nil {
		return nil, err
	}
	// self is nil: the user already holding the address is a clash too.
	if err := s.checkIdentifier("email_address", req.EmailAddress, nil); err != nil {
		return nil, err
	}
	verified := req.Verified != nil && *req.Verified
	primary := req.Primary != nil && *req.Primary
	if primary && !verified {
		return nil, errParamInvalid("primary", "Only a verified email address can be primary: send verified: true with primary: true.")
	}
	now := s.tick()
	e := s.newEmail(req.EmailAddress, false, now)
	if !verified {
		e.Verification = nil
	}
	u.EmailAddresses = append(slices.Clip(u.EmailAddresses), e)
	if primary || u.PrimaryEmailAddressID == nil {
		u.PrimaryEmailAddressID = ptr(e.ID) // the first address is primary
	}
	u.UpdatedAt = now
	return e, nil
}

func (s *Sandbox) getEmail(c *call) (any, error) {
	u, i, err := s.findEmail(c.path["email_address_id"])
	if err != nil {
		return nil, err
	}
	return u.EmailAddresses[i], nil
}

func (s *Sandbox) updateEmail(c *call) (any, error) {
	u, i, err := s.findEmail(c.path["email_address_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpdateEmailAddressRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	e := &u.EmailAddresses[i]
	primary := isPrimary(u.PrimaryEmailAddressID, e.ID)
	verified := e.Verification != nil
	if req.Verified != nil {
		if !*req.Verified && primary {
			return nil, errParamInvalid("verified", "The primary email address cannot be marked unverified: make another verified address primary first.")
		}
		verified = *req.Verified
	}
	if req.Primary != nil {
		if *req.Primary && !verified {
			return nil, errParamInvalid("primary", "Only a verified email address can be primary: send verified: true with primary: true.")
		}
		if !*req.Primary && primary {
			return nil, errParamInvalid("primary", "An email address stops being primary when another one is made primary: send primary: true for the other address.")
		}
	}
	now := s.tick()
	if req.Verified != nil {
		switch {
		case *req.Verified && e.Verification == nil:
			e.Verification = verificationAdmin
			e.Reserved = false
		case !*req.Verified:
			e.Verification = nil
		}
	}
	if req.Primary != nil && *req.Primary {
		u.PrimaryEmailAddressID = ptr(e.ID)
	}
	e.UpdatedAt, u.UpdatedAt = now, now
	return *e, nil
}

func (s *Sandbox) deleteEmail(c *call) (any, error) {
	u, i, err := s.findEmail(c.path["email_address_id"])
	if err != nil {
		return nil, err
	}
	e := u.EmailAddresses[i]
	if identifications(u) <= 1 {
		return nil, errLastIdentification(e.ID)
	}
	primary := isPrimary(u.PrimaryEmailAddressID, e.ID)
	if primary && len(u.EmailAddresses) > 1 {
		return nil, errPrimaryDeletion("email address", "update_email_address", e.ID)
	}
	now := s.tick()
	u.EmailAddresses = without(u.EmailAddresses, i)
	if primary {
		u.PrimaryEmailAddressID = nil
	}
	u.UpdatedAt = now
	return deleted{Object: "email_address", ID: e.ID, Deleted: true}, nil
}
