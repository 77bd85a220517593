package sandbox

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

func (s *Sandbox) listUsers(c *call) (any, error) {
	var req clerkapi.ListUsersRequest // its query parameters, typed and checked at the door
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	us, err := s.matchingUsers(c)
	if err != nil {
		return nil, err
	}
	if err := order(us, deref(req.OrderBy), userOrder); err != nil {
		return nil, err
	}
	// The door has held starting_after to offset 0 and created_at order
	// (clerkapi.Rules); what is left is whether the cursor is in the set.
	if after := deref(req.StartingAfter); after != "" {
		i := slices.IndexFunc(us, func(u *user) bool { return u.ID == after })
		if i < 0 {
			return nil, errParamInvalid("starting_after", "starting_after must be the ID of a user in the result set; "+after+" is not.")
		}
		us = us[i+1:]
	}
	return views(window(us, limit, offset), s.userView), nil
}

func (s *Sandbox) countUsers(c *call) (any, error) {
	us, err := s.matchingUsers(c)
	if err != nil {
		return nil, err
	}
	return clerkapi.TotalCount{Object: "total_count", TotalCount: int64(len(us))}, nil
}

func (s *Sandbox) getUser(c *call) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	return s.userView(u), nil
}

// checkIdentifier validates one identifier's format and that no other user
// holds it.
func (s *Sandbox) checkIdentifier(kind, value string, self *user) error {
	switch kind {
	case "email_address":
		if !emailRE.MatchString(value) {
			return errParamInvalid(kind, "email_address must be a valid email address.")
		}
	case "phone_number":
		if !phoneRE.MatchString(value) {
			return errParamInvalid(kind, "phone_number must be a valid phone number in E.164 format, e.g. +15555550100.")
		}
	case "web3_wallet":
		if !web3RE.MatchString(value) {
			return errParamInvalid(kind, "web3_wallet must be a 0x-prefixed Ethereum address.")
		}
	case "username":
		if n := len(value); n < 4 || n > 64 {
			return &apiError{status: 422, code: "form_username_invalid_length", message: "Username must be between 4 and 64 characters long.",
				long: "Username must be between 4 and 64 characters long.", meta: map[string]any{"param_name": "username"}}
		}
		if !usernameRE.MatchString(value) {
			return &apiError{status: 422, code: "form_username_invalid_character", message: "Username can only contain letters, numbers, '_' and '-'.",
				long: "Username can only contain letters, numbers, '_' and '-'.", meta: map[string]any{"param_name": "username"}}
		}
	}
	if o := s.ownerOf(kind, value); o != nil && o != self {
		return errTaken(kind, strings.ReplaceAll(kind, "_", " "))
	}
	return nil
}

func checkPassword(pw string, skip *bool) error {
	if skip != nil && *skip {
		return nil
	}
	if len(pw) < 8 {
		return &apiError{status: 422, code: "form_password_length_too_short", message: "Passwords must be 8 characters or more.",
			long: "Passwords must be 8 characters or more.", meta: map[string]any{"param_name": "password"}}
	}
	if breached[strings.ToLower(pw)] {
		return &apiError{status: 422, code: "form_password_pwned", message: "Password has been found in an online data breach. For account safety, please use a different password.",
			long: "Password has been found in an online data breach. For account safety, please use a different password.", meta: map[string]any{"param_name": "password"}}
	}
	return nil
}

// breached holds the commonest passwords of 8 characters or more found in
// data breaches: Clerk checks passwords against HaveIBeenPwned and refuses
// these (form_password_pwned) unless skip_password_checks is set.
var breached = map[string]bool{
	"password": true, "password1": true, "password12": true, "password123": true, "passw0rd": true,
	"12345678": true, "123456789": true, "1234567890": true, "87654321": true, "11111111": true,
	"00000000": true, "qwertyui": true, "qwerty123": true, "qwertyuiop": true, "1q2w3e4r": true,
	"1qaz2wsx": true, "abc12345": true, "abcd1234": true, "iloveyou": true, "sunshine": true,
	"princess": true, "football": true, "baseball": true, "welcome1": true, "letmein1": true,
	"superman": true, "trustno1": true, "starwars": true, "asdfghjkl": true, "zaq12wsx": true,
}

// checkStatuses holds an identification-status array to its identifiers:
// when given (non-empty), exactly one status per identifier, by position.
func checkStatuses(param string, statuses []string, n int) error {
	if len(statuses) > 0 && len(statuses) != n {
		return errParamInvalid(param, fmt.Sprintf("%s must have exactly one entry per identifier: it has %d for %d.", param, len(statuses), n))
	}
	for _, st := range statuses {
		if st != "verified" && st != "reserved" {
			return errParamInvalid(param, param+" entries must be verified or reserved.")
		}
	}
	return nil
}

func (s *Sandbox) createUser(c *call) (any, error) {
	var req clerkapi.CreateUserRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if len(req.EmailAddress) == 0 && len(req.PhoneNumber) == 0 && len(req.Web3Wallet) == 0 &&
		(req.Username == nil || *req.Username == "") && (req.ExternalID == nil || *req.ExternalID == "") {
		// Clerk answers form_data_missing when a user would have no
		// identifier the instance can sign in or match by.
		return nil, &apiError{status: 422, code: "form_data_missing", message: "missing data",
			long: "A user needs at least one identifier: email_address, phone_number, username, web3_wallet or external_id.",
			meta: map[string]any{"param_name": "email_address"}}
	}
	seen := map[string]bool{}
	for kind, vals := range map[string][]string{"email_address": req.EmailAddress, "phone_number": req.PhoneNumber, "web3_wallet": req.Web3Wallet} {
		for _, v := range vals {
			if seen[strings.ToLower(v)] {
				return nil, errParamInvalid(kind, kind+" lists "+v+" twice.")
			}
			seen[strings.ToLower(v)] = true
			if err := s.checkIdentifier(kind, v, nil); err != nil {
				return nil, err
			}
		}
	}
	if req.Username != nil {
		if err := s.checkIdentifier("username", *req.Username, nil); err != nil {
			return nil, err
		}
	}
	if req.ExternalID != nil && *req.ExternalID != "" {
		if err := s.checkIdentifier("external_id", *req.ExternalID, nil); err != nil {
			return nil, err
		}
	}
	if err := checkStatuses("email_address_identification_status", req.EmailAddressIdentificationStatus, len(req.EmailAddress)); err != nil {
		return nil, err
	}
	if err := checkStatuses("phone_number_identification_status", req.PhoneNumberIdentificationStatus, len(req.PhoneNumber)); err != nil {
		return nil, err
	}
	if req.Password != nil {
		if err := checkPassword(*req.Password, req.SkipPasswordChecks); err != nil {
			return nil, err
		}
	}
	if req.PasswordDigest != nil && req.PasswordHasher == nil {
		return nil, errParamMissing("password_hasher")
	}
	if req.CreateOrganizationsLimit != nil && *req.CreateOrganizationsLimit < 0 {
		return nil, errParamInvalid("create_organizations_limit", "create_organizations_limit must be 0 (unlimited) or more.")
	}
	var legal, created *int64
	if req.LegalAcceptedAt != nil {
		v, err := parseTime("legal_accepted_at", req.LegalAcceptedAt)
		if err != nil {
			return nil, err
		}
		legal = &v
	}
	if req.CreatedAt != nil {
		v, err := parseTime("created_at", req.CreatedAt)
		if err != nil {
			return nil, err
		}
		created = &v
	}

	now := s.tick()
	u := &user{User: clerkapi.User{
		ID: s.newID("user"), Object: "user",
		ExternalID: req.ExternalID, Username: req.Username, FirstName: req.FirstName, LastName: req.LastName, Locale: req.Locale,
		ProfileImageURL: "https://www.gravatar.com/avatar?d=mp",
		PublicMetadata:  metadata(req.PublicMetadata), PrivateMetadata: metadata(req.PrivateMetadata), UnsafeMetadata: metadata(req.UnsafeMetadata),
		EmailAddresses: []clerkapi.EmailAddress{}, PhoneNumbers: []clerkapi.PhoneNumber{}, Web3Wallets: []clerkapi.Web3Wallet{},
		Passkeys: []clerkapi.Passkey{}, ExternalAccounts: []clerkapi.ExternalAccountWithVerification{},
		SAMLAccounts: []clerkapi.SAMLAccount{}, EnterpriseAccounts: []clerkapi.EnterpriseAccount{},
		PasswordEnabled:               req.Password != nil || req.PasswordDigest != nil,
		TOTPEnabled:                   req.TOTPSecret != nil,
		BackupCodeEnabled:             len(req.BackupCodes) > 0,
		Banned:                        req.Banned != nil && *req.Banned,
		VerificationAttemptsRemaining: ptr(int64(maxVerificationAttempts)),
		CreatedAt:                     now, UpdatedAt: now,
		DeleteSelfEnabled:         req.DeleteSelfEnabled == nil || *req.DeleteSelfEnabled,
		CreateOrganizationEnabled: req.CreateOrganizationEnabled == nil || *req.CreateOrganizationEnabled,
		CreateOrganizationsLimit:  req.CreateOrganizationsLimit,
		LegalAcceptedAt:           legal,
		BypassClientTrust:         req.BypassClientTrust != nil && *req.BypassClientTrust,
	}}
	if created != nil {
		u.CreatedAt = *created
	}
	u.TwoFactorEnabled = u.TOTPEnabled || u.BackupCodeEnabled
	if u.TwoFactorEnabled {
		u.MFAEnabledAt = &now
	}
	if u.PasswordEnabled {
		u.PasswordLastUpdatedAt = &now
	}
	for i, addr := range req.EmailAddress {
		reserved := i < len(req.EmailAddressIdentificationStatus) && req.EmailAddressIdentificationStatus[i] == "reserved"
		u.EmailAddresses = append(u.EmailAddresses, s.newEmail(addr, reserved, now))
	}
	for i, num := range req.PhoneNumber {
		reserved := i < len(req.PhoneNumberIdentificationStatus) && req.PhoneNumberIdentificationStatus[i] == "reserved"
		u.PhoneNumbers = append(u.PhoneNumbers, s.newPhone(num, reserved, now))
	}
	for _, w := range req.Web3Wallet {
		u.Web3Wallets = append(u.Web3Wallets, clerkapi.Web3Wallet{ID: s.newID("idn"), Object: "web3_wallet", Web3Wallet: w,
			Verification: json.RawMessage(`{"object":"verification_web3","status":"verified","strategy":"web3_metamask_signature","attempts":null,"expire_at":null}`),
			CreatedAt:    now, UpdatedAt: now})
	}
	if len(u.EmailAddresses) > 0 {
		u.PrimaryEmailAddressID = &u.EmailAddresses[0].ID
	}
	if len(u.PhoneNumbers) > 0 {
		u.PrimaryPhoneNumberID = &u.PhoneNumbers[0].ID
	}
	if len(u.Web3Wallets) > 0 {
		u.PrimaryWeb3WalletID = &u.Web3Wallets[0].ID
	}
	if req.Locked != nil && *req.Locked {
		u.Locked = true
		u.lockedUntil = now + lockoutMillis
	}
	s.refreshUserImage(u)
	s.users.add(u.ID, u)
	s.setCredentials(u, req.Password, req.PasswordDigest, req.PasswordHasher, req.TOTPSecret, req.BackupCodes)
	return s.userView(u), nil
}

func (s *Sandbox) newEmail(addr string, reserved bool, now int64) clerkapi.EmailAddress {
	e := clerkapi.EmailAddress{ID: s.newID("idn"), Object: "email_address", EmailAddress: addr, Reserved: reserved,
		LinkedTo: []clerkapi.IdentificationLink{}, CreatedAt: now, UpdatedAt: now}
	if !reserved {
		e.Verification = verificationAdmin
	}
	return e
}

func (s *Sandbox) newPhone(num string, reserved bool, now int64) clerkapi.PhoneNumber {
	p := clerkapi.PhoneNumber{ID: s.newID("idn"), Object: "phone_number", PhoneNumber: num, Reserved: reserved,
		LinkedTo: []clerkapi.IdentificationLink{}, CreatedAt: now, UpdatedAt: now}
	if !reserved {
		p.Verification = verificationAdmin
	}
	return p
}

func (s *Sandbox) updateUser(c *call) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpdateUserRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if req.Username != nil && *req.Username != "" {
		if err := s.checkIdentifier("username", *req.Username, u); err != nil {
			return nil, err
		}
	}
	if req.ExternalID != nil && *req.ExternalID != "" {
		if err := s.checkIdentifier("external_id", *req.ExternalID, u); err != nil {
			return nil, err
		}
	}
	if req.PrimaryEmailAddressID != nil && !slices.ContainsFunc(u.EmailAddresses, func(e clerkapi.EmailAddress) bool {
		return e.ID == *req.PrimaryEmailAddressID && e.Verification != nil
	}) {
		return nil, errParamInvalid("primary_email_address_id", "primary_email_address_id must be the ID of one of the user's verified email addresses.")
	}
	if req.PrimaryPhoneNumberID != nil && !slices.ContainsFunc(u.PhoneNumbers, func(p clerkapi.PhoneNumber) bool {
		return p.ID == *req.PrimaryPhoneNumberID && p.Verification != nil
	}) {
		return nil, errParamInvalid("primary_phone_number_id", "primary_phone_number_id must be the ID of one of the user's verified phone numbers.")
	}
	if req.PrimaryWeb3WalletID != nil && !slices.ContainsFunc(u.Web3Wallets, func(w clerkapi.Web3Wallet) bool { return w.ID == *req.PrimaryWeb3WalletID }) {
		return nil, errParamInvalid("primary_web3_wallet_id", "primary_web3_wallet_id must be the ID of one of the user's web3 wallets.")
	}
	if req.ProfileImageID != nil {
		return nil, errParamInvalid("profile_image_id", "profile_image_id must be the ID of an uploaded image; the sandbox has none. Use set_user_profile_image.")
	}
	if req.Password != nil {
		if err := checkPassword(*req.Password, req.SkipPasswordChecks); err != nil {
			return nil, err
		}
	}
	if req.PasswordDigest != nil && req.PasswordHasher == nil {
		return nil, errParamMissing("password_hasher")
	}
	if req.CreateOrganizationsLimit != nil && *req.CreateOrganizationsLimit < 0 {
		return nil, errParamInvalid("create_organizations_limit", "create_organizations_limit must be 0 (unlimited) or more.")
	}
	var legal, created int64
	if req.LegalAcceptedAt != nil {
		if legal, err = parseTime("legal_accepted_at", req.LegalAcceptedAt); err != nil {
			return nil, err
		}
	}
	if req.CreatedAt != nil {
		if created, err = parseTime("created_at", req.CreatedAt); err != nil {
			return nil, err
		}
	}

	now := s.tick()
	// An empty string or a null clears the field.
	set := func(name string, dst **string, v *string) {
		switch {
		case c.null(name):
			*dst = nil
		case v != nil:
			*dst = v
			if *v == "" {
				*dst = nil
			}
		}
	}
	set("external_id", &u.ExternalID, req.ExternalID)
	set("first_name", &u.FirstName, req.FirstName)
	set("last_name", &u.LastName, req.LastName)
	set("locale", &u.Locale, req.Locale)
	set("username", &u.Username, req.Username)
	if req.PrimaryEmailAddressID != nil {
		u.PrimaryEmailAddressID = req.PrimaryEmailAddressID
	}
	if req.PrimaryPhoneNumberID != nil {
		u.PrimaryPhoneNumberID = req.PrimaryPhoneNumberID
	}
	if req.PrimaryWeb3WalletID != nil {
		u.PrimaryWeb3WalletID = req.PrimaryWeb3WalletID
	}
	if req.Password != nil || req.PasswordDigest != nil {
		u.PasswordEnabled = true
		u.PasswordLastUpdatedAt = &now
		if req.SignOutOfOtherSessions != nil && *req.SignOutOfOtherSessions {
			s.endSessions(u.ID, "revoked", now)
		}
	}
	if req.TOTPSecret != nil {
		u.TOTPEnabled = true
	}
	if len(req.BackupCodes) > 0 {
		u.BackupCodeEnabled = true
	}
	s.setCredentials(u, req.Password, req.PasswordDigest, req.PasswordHasher, req.TOTPSecret, req.BackupCodes)
	if mfa := u.TOTPEnabled || u.BackupCodeEnabled; mfa && !u.TwoFactorEnabled {
		u.TwoFactorEnabled = true
		u.MFAEnabledAt = &now
	}
	if req.DeleteSelfEnabled != nil {
		u.DeleteSelfEnabled = *req.DeleteSelfEnabled
	}
	if req.CreateOrganizationEnabled != nil {
		u.CreateOrganizationEnabled = *req.CreateOrganizationEnabled
	}
	if req.CreateOrganizationsLimit != nil {
		u.CreateOrganizationsLimit = req.CreateOrganizationsLimit
	}
	if req.LegalAcceptedAt != nil {
		u.LegalAcceptedAt = &legal
	}
	if c.null("legal_accepted_at") {
		u.LegalAcceptedAt = nil
	}
	if req.CreatedAt != nil {
		u.CreatedAt = created
	}
	if req.BypassClientTrust != nil {
		u.BypassClientTrust = *req.BypassClientTrust
	}
	u.UpdatedAt = now
	s.refreshUserImage(u)
	return s.userView(u), nil
}

func (s *Sandbox) deleteUser(c *call) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	s.tick()
	s.members.removeWhere(func(m *membership) bool { return m.userID == u.ID })
	s.sessions.removeWhere(func(ss *clerkapi.Session) bool { return ss.UserID == u.ID })
	s.users.remove(u.ID)
	return deleted{Object: "user", ID: u.ID, Deleted: true}, nil
}

// deleted is Clerk's DeletedObject, without the fields a kind lacks.
type deleted struct {
	Object  string `json:"object"`
	ID      string `json:"id,omitempty"`
	Slug    string `json:"slug,omitempty"`
	Deleted bool   `json:"deleted"`
}

// endSessions moves a user's active sessions to status, as ban and password
// changes do.
func (s *Sandbox) endSessions(userID, status string, now int64) {
	for _, ss := range s.sessions.all() {
		if ss.UserID == userID && ss.Status == "active" {
			ss.Status = status
			ss.UpdatedAt = now
		}
	}
}

func (s *Sandbox) setBanned(u *user, banned bool, now int64) {
	u.Banned = banned
	u.UpdatedAt = now
	if banned {
		s.endSessions(u.ID, "revoked", now)
	}
}

func (s *Sandbox) banOne(c *call, banned bool) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	s.setBanned(u, banned, s.tick())
	return s.userView(u), nil
}

// banMany (un)bans the listed users that exist; IDs not found are ignored.
func (s *Sandbox) banMany(c *call, banned bool) (any, error) {
	var req clerkapi.BanUsersRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if len(req.UserIDs) == 0 {
		return nil, errParamMissing("user_ids")
	}
	if len(req.UserIDs) > 50 {
		return nil, errParamInvalid("user_ids", "user_ids takes at most 50 IDs.")
	}
	now := s.tick()
	out := []userJSON{}
	for _, id := range req.UserIDs {
		if u, ok := s.users.get(id); ok {
			s.setBanned(u, banned, now)
			out = append(out, s.userView(u))
		}
	}
	return out, nil
}

func (s *Sandbox) lockUser(c *call) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	now := s.tick()
	u.Locked = true
	u.lockedUntil = now + lockoutMillis
	u.UpdatedAt = now
	return s.userView(u), nil
}

func (s *Sandbox) unlockUser(c *call) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	now := s.tick()
	u.Locked = false
	u.lockedUntil = 0
	u.LockoutExpiresInSeconds = nil
	u.VerificationAttemptsRemaining = ptr(int64(maxVerificationAttempts))
	u.UpdatedAt = now
	return s.userView(u), nil
}

// userMetadata merges (PATCH) or replaces (PUT) the metadata objects sent;
// objects not sent are left as they are.
func (s *Sandbox) userMetadata(c *call, merge bool) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.UpdateUserMetadataRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	u.UpdatedAt = s.tick()
	c.applyMetadata("public_metadata", &u.PublicMetadata, req.PublicMetadata, merge)
	c.applyMetadata("private_metadata", &u.PrivateMetadata, req.PrivateMetadata, merge)
	c.applyMetadata("unsafe_metadata", &u.UnsafeMetadata, req.UnsafeMetadata, merge)
	return s.userView(u), nil
}

func (s *Sandbox) setUserProfileImage(c *call) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	if _, err := c.upload(); err != nil {
		return nil, err
	}
	now := s.tick()
	u.HasImage = true
	u.ImageURL = s.avatar("proxy", u.ID, s.newID("img"))
	u.ProfileImageURL = u.ImageURL
	u.UpdatedAt = now
	return s.userView(u), nil
}

func (s *Sandbox) deleteUserProfileImage(c *call) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	u.UpdatedAt = s.tick()
	u.HasImage = false
	u.ProfileImageURL = "https://www.gravatar.com/avatar?d=mp"
	s.refreshUserImage(u)
	return s.userView(u), nil
}

func (s *Sandbox) listUserMemberships(c *call) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	var ms []*membership
	for _, m := range s.members.all() {
		if m.userID == u.ID {
			ms = append(ms, m)
		}
	}
	slices.Reverse(ms) // newest first
	return listOf(ms, limit, offset, s.membershipView), nil
}

func (s *Sandbox) listUserOrgInvitations(c *call) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	status, err := c.invitationStatus()
	if err != nil {
		return nil, err
	}
	emails := lowerAll(userEmails(u))
	var out []*clerkapi.OrganizationInvitation
	for _, inv := range s.orgInvites.all() {
		if slices.Contains(emails, strings.ToLower(inv.EmailAddress)) && (status == "" || s.orgInviteStatus(inv) == status) {
			out = append(out, inv)
		}
	}
	slices.Reverse(out)
	return listOf(out, limit, offset, s.orgInviteWithOrgView), nil
}

// usersHandlers are the handlers of the operations in clerkapi/users.go.
var usersHandlers = map[string]handlerFunc{
	"list_users":                         (*Sandbox).listUsers,
	"create_user":                        (*Sandbox).createUser,
	"count_users":                        (*Sandbox).countUsers,
	"get_user":                           (*Sandbox).getUser,
	"update_user":                        (*Sandbox).updateUser,
	"delete_user":                        (*Sandbox).deleteUser,
	"ban_user":                           flagged((*Sandbox).banOne, true),
	"unban_user":                         flagged((*Sandbox).banOne, false),
	"ban_users":                          flagged((*Sandbox).banMany, true),
	"unban_users":                        flagged((*Sandbox).banMany, false),
	"lock_user":                          (*Sandbox).lockUser,
	"unlock_user":                        (*Sandbox).unlockUser,
	"set_user_profile_image":             (*Sandbox).setUserProfileImage,
	"delete_user_profile_image":          (*Sandbox).deleteUserProfileImage,
	"update_user_metadata":               flagged((*Sandbox).userMetadata, true),
	"replace_user_metadata":              flagged((*Sandbox).userMetadata, false),
	"get_user_billing_subscription":      flagged((*Sandbox).getBillingSubscription, false),
	"get_user_billing_credit_balance":    flagged((*Sandbox).getCreditBalance, false),
	"adjust_user_billing_credit_balance": flagged((*Sandbox).adjustCredits, false),
	"get_user_oauth_access_tokens":       (*Sandbox).oauthAccessTokens,
	"list_user_organization_memberships": (*Sandbox).listUserMemberships,
	"list_user_organization_invitations": (*Sandbox).listUserOrgInvitations,
	"remove_user_password":               (*Sandbox).removePassword,
	"verify_user_password":               (*Sandbox).verifyPassword,
	"verify_user_totp":                   (*Sandbox).verifyTOTP,
	"disable_user_mfa":                   (*Sandbox).disableMFA,
	"delete_user_backup_codes":           (*Sandbox).deleteBackupCodes,
	"delete_user_passkey":                (*Sandbox).deletePasskey,
	"list_user_trusted_devices":          (*Sandbox).listTrustedDevices,
	"revoke_user_trusted_device":         (*Sandbox).revokeTrustedDevice,
	"delete_user_web3_wallet":            (*Sandbox).deleteWeb3Wallet,
	"delete_user_totp":                   (*Sandbox).deleteTOTP,
	"delete_user_external_account":       (*Sandbox).deleteExternalAccount,
	"set_user_password_compromised":      flagged((*Sandbox).passwordCompromised, true),
	"unset_user_password_compromised":    flagged((*Sandbox).passwordCompromised, false),
}
