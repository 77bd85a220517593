package sandbox

import (
	"slices"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// phoneNumbersHandlers are the handlers of the operations in clerkapi/phone_numbers.go.
var phoneNumbersHandlers = map[string]handlerFunc{
	"create_phone_number":               (*Sandbox).createPhone,
	"get_phone_number":                  (*Sandbox).getPhone,
	"delete_phone_number":               (*Sandbox).deletePhone,
	"update_phone_number":               (*Sandbox).updatePhone,
	"prepare_phone_number_verification": flagged((*Sandbox).prepareVerification, false),
	"attempt_phone_number_verification": flagged((*Sandbox).attemptVerification, false),
	"replace_user_phone_number":         flagged((*Sandbox).replaceIdentification, false),
}

func errSecondFactorUnverified(id string) *apiError {
	return &apiError{status: 400, code: "update_second_factor_unverified", message: "Update failed",
		long: "Cannot update second factor attributes for unverified identification " + id + ": it must be verified to be reserved for second factor.",
		meta: map[string]any{"param_name": "reserved_for_second_factor"}}
}

func (s *Sandbox) createPhone(c *call) (any, error) {
	var req clerkapi.CreatePhoneNumberRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("user_id", req.UserID); err != nil {
		return nil, err
	}
	if err := requireString("phone_number", req.PhoneNumber); err != nil {
		return nil, err
	}
	u, err := s.findUser(req.UserID)
	if err != nil {
		return nil, err
	}
	if err := s.checkIdentifier("phone_number", req.PhoneNumber, nil); err != nil {
		return nil, err
	}
	verified := req.Verified != nil && *req.Verified
	primary := req.Primary != nil && *req.Primary
	mfa := req.ReservedForSecondFactor != nil && *req.ReservedForSecondFactor
	if primary && !verified {
		return nil, errParamInvalid("primary", "Only a verified phone number can be primary: send verified: true with primary: true.")
	}
	if mfa && !verified {
		return nil, errSecondFactorUnverified(req.PhoneNumber)
	}
	now := s.tick()
	p := s.newPhone(req.PhoneNumber, false, now)
	if !verified {
		p.Verification = nil
	}
	p.ReservedForSecondFactor = mfa
	u.PhoneNumbers = append(slices.Clip(u.PhoneNumbers), p)
	if primary || u.PrimaryPhoneNumberID == nil {
		u.PrimaryPhoneNumberID = ptr(p.ID) // the first number is primary
	}
	refreshSecondFactors(u, now)
	u.UpdatedAt = now
	return u.PhoneNumbers[len(u.PhoneNumbers)-1], nil
}

func (s *Sandbox) getPhone(c *call) (any, error) {
	u, i, err := s.findPhone(c.path["phone_number_id"])
	if err != nil {
		return nil, err
	}
	return u.PhoneNumbers[i], nil
}

func (s *Sandbox) updatePhone(c *call) (any, error) {
	u, i, err := s.findPhone(c.path["phone_number_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpdatePhoneNumberRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	p := &u.PhoneNumbers[i]
	primary := isPrimary(u.PrimaryPhoneNumberID, p.ID)
	verified := p.Verification != nil
	if req.Verified != nil {
		if !*req.Verified && primary {
			return nil, errParamInvalid("verified", "The primary phone number cannot be marked unverified: make another verified number primary first.")
		}
		verified = *req.Verified
	}
	if req.Primary != nil {
		if *req.Primary && !verified {
			return nil, errParamInvalid("primary", "Only a verified phone number can be primary: send verified: true with primary: true.")
		}
		if !*req.Primary && primary {
			return nil, errParamInvalid("primary", "A phone number stops being primary when another one is made primary: send primary: true for the other number.")
		}
	}
	mfa := p.ReservedForSecondFactor
	if req.ReservedForSecondFactor != nil {
		mfa = *req.ReservedForSecondFactor
	}
	if mfa && !verified {
		return nil, errSecondFactorUnverified(p.ID)
	}
	now := s.tick()
	if req.Verified != nil {
		switch {
		case *req.Verified && p.Verification == nil:
			p.Verification = verificationAdmin
			p.Reserved = false
		case !*req.Verified:
			p.Verification = nil
		}
	}
	if req.Primary != nil && *req.Primary {
		u.PrimaryPhoneNumberID = ptr(p.ID)
	}
	p.ReservedForSecondFactor = mfa
	p.UpdatedAt, u.UpdatedAt = now, now
	refreshSecondFactors(u, now)
	return *p, nil
}

func (s *Sandbox) deletePhone(c *call) (any, error) {
	u, i, err := s.findPhone(c.path["phone_number_id"])
	if err != nil {
		return nil, err
	}
	p := u.PhoneNumbers[i]
	if identifications(u) <= 1 {
		return nil, errLastIdentification(p.ID)
	}
	primary := isPrimary(u.PrimaryPhoneNumberID, p.ID)
	if primary && len(u.PhoneNumbers) > 1 {
		return nil, errPrimaryDeletion("phone number", "update_phone_number", p.ID)
	}
	now := s.tick()
	u.PhoneNumbers = without(u.PhoneNumbers, i)
	if primary {
		u.PrimaryPhoneNumberID = nil
	}
	refreshSecondFactors(u, now)
	u.UpdatedAt = now
	return deleted{Object: "phone_number", ID: p.ID, Deleted: true}, nil
}
