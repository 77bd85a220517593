package sandbox

import (
	"fmt"
	"slices"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Email addresses and phone numbers live inside their user, as Clerk nests
// them in the user object: the operations here find them there and keep the
// user's lists and primary IDs consistent.

// without returns s minus its i-th element, in a new array, so that nothing
// pointing into the old one (seeded primary IDs do) sees elements shift.
func without[T any](s []T, i int) []T {
	out := make([]T, 0, len(s)-1)
	out = append(out, s[:i]...)
	return append(out, s[i+1:]...)
}

// identifications counts what the user can sign in with: deleting the last
// one is refused.
func identifications(u *user) int {
	n := len(u.EmailAddresses) + len(u.PhoneNumbers) + len(u.Web3Wallets) +
		len(u.ExternalAccounts) + len(u.SAMLAccounts) + len(u.EnterpriseAccounts)
	if u.Username != nil && *u.Username != "" {
		n++
	}
	return n
}

func errLastIdentification(id string) *apiError {
	return &apiError{status: 400, code: "identification_deletion_failed", message: "Deletion failed",
		long: "You cannot delete your last identification: " + id + " is the user's only email address, phone number, username, web3 wallet or connected account."}
}

// errPrimaryDeletion refuses deleting a primary identification while the
// user has others of its kind, one of which must be made primary first.
func errPrimaryDeletion(what, op, id string) *apiError {
	return &apiError{status: 400, code: "identification_deletion_failed", message: "Deletion failed",
		long: fmt.Sprintf("%s is the user's primary %s and the user has others: make another one primary first (%s with primary: true), then delete this one.", id, what, op)}
}

func errSecondFactorUnverified(id string) *apiError {
	return &apiError{status: 400, code: "update_second_factor_unverified", message: "Update failed",
		long: "Cannot update second factor attributes for unverified identification " + id + ": it must be verified to be reserved for second factor.",
		meta: map[string]any{"param_name": "reserved_for_second_factor"}}
}

func isPrimary(p *string, id string) bool { return p != nil && *p == id }

// ---- email addresses ----

func (s *Sandbox) findEmail(id string) (*user, int, error) {
	for _, u := range s.users.all() {
		if i := slices.IndexFunc(u.EmailAddresses, func(e clerkapi.EmailAddress) bool { return e.ID == id }); i >= 0 {
			return u, i, nil
		}
	}
	return nil, -1, errNotFound("email address", id)
}

// ---- phone numbers ----

func (s *Sandbox) findPhone(id string) (*user, int, error) {
	for _, u := range s.users.all() {
		if i := slices.IndexFunc(u.PhoneNumbers, func(p clerkapi.PhoneNumber) bool { return p.ID == id }); i >= 0 {
			return u, i, nil
		}
	}
	return nil, -1, errNotFound("phone number", id)
}

// refreshSecondFactors keeps exactly one reserved phone number the default
// second factor, and the user's two-factor flags in step with TOTP, backup
// codes and reserved phones.
func refreshSecondFactors(u *user, now int64) {
	def := -1
	for i := range u.PhoneNumbers {
		p := &u.PhoneNumbers[i]
		if !p.ReservedForSecondFactor || def >= 0 {
			p.DefaultSecondFactor = false
			continue
		}
		if p.DefaultSecondFactor {
			def = i
		}
	}
	if def < 0 {
		if i := slices.IndexFunc(u.PhoneNumbers, func(p clerkapi.PhoneNumber) bool { return p.ReservedForSecondFactor }); i >= 0 {
			u.PhoneNumbers[i].DefaultSecondFactor = true
		}
	}
	on := u.TOTPEnabled || u.BackupCodeEnabled ||
		slices.ContainsFunc(u.PhoneNumbers, func(p clerkapi.PhoneNumber) bool { return p.ReservedForSecondFactor })
	switch {
	case on && !u.TwoFactorEnabled:
		u.MFAEnabledAt, u.MFADisabledAt = &now, nil
	case !on && u.TwoFactorEnabled:
		u.MFADisabledAt = &now
	}
	u.TwoFactorEnabled = on
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
