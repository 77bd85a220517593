package sandbox

import (
	"fmt"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Instance state several groups share: the answer of the operations only a
// production instance serves (the development-instance error), the sign-ups
// table and the beta instance settings. The handlers live in their groups'
// files (sign_ups.go, proxy_checks.go, misc.go, webhooks.go, beta_features.go).

// productionOnlyOps answer the development-instance error: the sandbox is a
// development instance. (Tests use the list; it is the handlers' own data.)
var productionOnlyOps = map[string]bool{
	"verify_domain_proxy":               true,
	"update_production_instance_domain": true,
	"change_production_instance_domain": true,
}

// productionOnly answers Clerk's refusal of a production-instance operation
// on a development instance, after the body is checked like any other.
func productionOnly(s *Sandbox, c *call) (any, error) {
	var body map[string]any
	if err := c.bind(&body); err != nil {
		return nil, err
	}
	return nil, &apiError{status: 400, code: "production_instance_required", message: "not available in development instances",
		long: fmt.Sprintf("%s is only available for production instances; this sandbox is a development instance, so nothing was done.", c.op.Name)}
}

// ---- sign-ups ----

// signUps are made by the Frontend API, which the sandbox does not serve;
// two are seeded on first use: one completed (the newest seeded user's) and
// one still missing fields.
func (s *Sandbox) signUps() *table[clerkapi.SignUp] {
	t := &s.mint.signUps
	if s.mint.signUpsSeed {
		return t
	}
	s.mint.signUpsSeed = true
	none := &clerkapi.SignUpVerification{NextAction: "", SupportedStrategies: []string{}}
	base := BaseTime.UnixMilli()
	for _, u := range s.users.all() {
		if u.LastSignInAt == nil && len(u.EmailAddresses) > 0 && u.CreatedAt > base-7*day {
			email := u.EmailAddresses[0].EmailAddress
			su := &clerkapi.SignUp{Object: "sign_up_attempt", ID: s.newID("sua"), Status: "complete",
				RequiredFields: []string{"email_address"}, OptionalFields: []string{"first_name", "last_name", "password"},
				MissingFields: []string{}, UnverifiedFields: []string{},
				Verifications: clerkapi.SignUpVerifications{EmailAddress: &clerkapi.SignUpVerification{NextAction: "", SupportedStrategies: []string{"email_code"}},
					PhoneNumber: none, Web3Wallet: none},
				EmailAddress: &email, PasswordEnabled: true, FirstName: u.FirstName, LastName: u.LastName,
				UnsafeMetadata: map[string]any{}, PublicMetadata: map[string]any{},
				CreatedUserID: &u.ID, AbandonAt: u.CreatedAt + day, ExternalAccount: map[string]any{}}
			t.add(su.ID, su)
		}
	}
	pending := "pending.signup@example.com"
	su := &clerkapi.SignUp{Object: "sign_up_attempt", ID: s.newID("sua"), Status: "missing_requirements",
		RequiredFields: []string{"email_address"}, OptionalFields: []string{"first_name", "last_name", "password"},
		MissingFields: []string{}, UnverifiedFields: []string{"email_address"},
		Verifications: clerkapi.SignUpVerifications{EmailAddress: &clerkapi.SignUpVerification{NextAction: "needs_attempt", SupportedStrategies: []string{"email_code"}},
			PhoneNumber: none, Web3Wallet: none},
		EmailAddress: &pending, UnsafeMetadata: map[string]any{}, PublicMetadata: map[string]any{}, AbandonAt: base + day,
		ExternalAccount: map[string]any{}}
	t.add(su.ID, su)
	return t
}

func (s *Sandbox) authConfig() *clerkapi.UpdateInstanceAuthConfigResponse {
	if s.mint.authConfig == nil {
		s.mint.authConfig = &clerkapi.UpdateInstanceAuthConfigResponse{Object: "instance_settings", ID: s.instanceID,
			FromEmailAddress: "notifications", ProgressiveSignUp: true}
	}
	a := s.mint.authConfig
	a.RestrictedToAllowlist = s.restrictions.Allowlist // one setting, two operations
	return a
}
