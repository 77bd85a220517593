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
