package sandbox

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Verifying email addresses and phone numbers from a backend (prepare sends
// a one-time code, attempt checks it), replacing all of a user's addresses
// or numbers with one, and the manual override of an organization domain's
// ownership.
//
// The sandbox sends nothing: prepare records the message in the outbox
// (see templates.go) and the code is always SandboxOTP, Clerk's test code.

// SandboxOTP is the one-time code every sandbox verification accepts.
const SandboxOTP = "424242"

// pendingVerification is a code sent by prepare_verification.
type pendingVerification struct {
	clerkapi.VerificationResponse
	identID string
}

const maxCodeAttempts = 3

// identification is an email address or phone number, found by ID.
type identification struct {
	u            *user
	id, value    string
	verification *json.RawMessage
}

func (s *Sandbox) findIdentification(email bool, id string) (identification, error) {
	if email {
		u, i, err := s.findEmail(id)
		if err != nil {
			return identification{}, err
		}
		e := &u.EmailAddresses[i]
		return identification{u, e.ID, e.EmailAddress, &e.Verification}, nil
	}
	u, i, err := s.findPhone(id)
	if err != nil {
		return identification{}, err
	}
	p := &u.PhoneNumbers[i]
	return identification{u, p.ID, p.PhoneNumber, &p.Verification}, nil
}

func pathParam(email bool) string {
	if email {
		return "email_address_id"
	}
	return "phone_number_id"
}

func (s *Sandbox) prepareVerification(c *call, email bool) (any, error) {
	if err := c.bind(&struct{}{}); err != nil {
		return nil, err
	}
	idn, err := s.findIdentification(email, c.path[pathParam(email)])
	if err != nil {
		return nil, err
	}
	now := s.tick()
	v := &pendingVerification{identID: idn.id, VerificationResponse: clerkapi.VerificationResponse{
		Object: "verification", ID: s.newID("ver"), Status: "unverified", Attempts: ptr(int64(0)), ExpireAt: ptr(now + 10*minute)}}
	if email {
		v.Strategy = "email_code"
		s.recordMessage("email", idn.value, "verification_code", SandboxOTP)
	} else {
		v.Strategy, v.Channel = "phone_code", ptr("sms")
		s.recordMessage("sms", idn.value, "verification_code", SandboxOTP)
	}
	s.mint.verifications.add(v.ID, v)
	return v.VerificationResponse, nil
}

// attemptVerification checks a code. A wrong or late code is answered in
// the status (unverified, then failed after three tries; expired), not as
// an error; a right one verifies the address or number too.
func (s *Sandbox) attemptVerification(c *call, email bool) (any, error) {
	var req clerkapi.AttemptEmailAddressVerificationRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	for _, f := range []field[string]{{"verification_id", req.VerificationID}, {"code", req.Code}} {
		name, v := f.name, f.v
		if err := requireString(name, v); err != nil {
			return nil, err
		}
	}
	idn, err := s.findIdentification(email, c.path[pathParam(email)])
	if err != nil {
		return nil, err
	}
	v, ok := s.mint.verifications.get(req.VerificationID)
	if !ok || v.identID != idn.id {
		return nil, errNotFound("verification", req.VerificationID)
	}
	now := s.tick()
	switch {
	case v.Status == "verified":
		return nil, errBadRequest("verification_already_verified", "already verified", "Verification "+v.ID+" was already verified.")
	case v.Status == "failed" || v.Status == "expired":
	case *v.ExpireAt <= now:
		v.Status = "expired"
	case req.Code == SandboxOTP:
		*v.Attempts++
		v.Status = "verified"
		if !verified(*idn.verification) {
			b, _ := json.Marshal(map[string]any{"object": "verification_otp", "status": "verified", "strategy": v.Strategy,
				"attempts": *v.Attempts, "expire_at": *v.ExpireAt})
			*idn.verification = b
			idn.u.UpdatedAt = now
		}
	default:
		*v.Attempts++
		if *v.Attempts >= maxCodeAttempts {
			v.Status = "failed"
		}
	}
	return v.VerificationResponse, nil
}

var identificationStatuses = []string{"verified", "reserved", "unverified"}

// replaceIdentification makes one address (or number) the user's only and
// primary one. Addresses linked to a connected account block it.
func (s *Sandbox) replaceIdentification(c *call, email bool) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	var req struct {
		EmailAddress                     *string `json:"email_address"`
		PhoneNumber                      *string `json:"phone_number"`
		IdentificationStatus             *string `json:"identification_status"`
		NotifyPrimaryEmailAddressChanged *bool   `json:"notify_primary_email_address_changed"`
	}
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	kind, value, re := "phone_number", deref(req.PhoneNumber), phoneRE
	if email {
		kind, value, re = "email_address", deref(req.EmailAddress), emailRE
	}
	if err := requireString(kind, value); err != nil {
		return nil, err
	}
	if !re.MatchString(value) {
		return nil, errParamInvalid(kind, fmt.Sprintf("%s is not a valid %s.", value, map[bool]string{true: "email address", false: "E.164 phone number"}[email]))
	}
	status := "verified"
	if req.IdentificationStatus != nil {
		status = *req.IdentificationStatus
		if !slices.Contains(identificationStatuses, status) {
			return nil, errParamInvalid("identification_status", "identification_status must be verified, reserved or unverified.")
		}
	}
	if err := s.checkIdentifier(kind, value, u); err != nil {
		return nil, err
	}
	linked := func(links []clerkapi.IdentificationLink) bool { return len(links) > 0 }
	if email && slices.ContainsFunc(u.EmailAddresses, func(e clerkapi.EmailAddress) bool { return linked(e.LinkedTo) }) ||
		!email && slices.ContainsFunc(u.PhoneNumbers, func(p clerkapi.PhoneNumber) bool { return linked(p.LinkedTo) }) {
		return nil, errBadRequest("identification_linked", "linked to a connected account",
			"One of the user's current "+kind+"s is linked to a connected account: remove the connected account first.")
	}
	now := s.tick()
	unverified := json.RawMessage(`{"object":"verification_otp","status":"unverified","strategy":"admin","attempts":null,"expire_at":null}`)
	u.UpdatedAt = now
	if email {
		e := s.newEmail(value, status == "reserved", now)
		if status == "unverified" {
			e.Verification = unverified
		}
		u.EmailAddresses = []clerkapi.EmailAddress{e}
		u.PrimaryEmailAddressID = &u.EmailAddresses[0].ID
		if req.NotifyPrimaryEmailAddressChanged != nil && *req.NotifyPrimaryEmailAddressChanged {
			s.recordMessage("email", value, "primary_email_address_changed", "")
		}
		return u.EmailAddresses[0], nil
	}
	p := s.newPhone(value, status == "reserved", now)
	if status == "unverified" {
		p.Verification = unverified
	}
	u.PhoneNumbers = []clerkapi.PhoneNumber{p}
	u.PrimaryPhoneNumberID = &u.PhoneNumbers[0].ID
	refreshSecondFactors(u, now)
	return u.PhoneNumbers[0], nil
}
