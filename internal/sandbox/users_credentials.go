package sandbox

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// User sub-resources and credentials: passwords, TOTP and backup codes
// (checked for real), passkeys, web3 wallets, external accounts, trusted
// devices and OAuth access tokens.
//
// Seeded users sign in with SeedPassword; Ada (the seeded MFA user) has
// the TOTP secret SeedTOTPSecret and the backup codes SeedBackupCodes.
// Passwords set through create_user or update_user are kept as salted
// SHA-256 digests; password_digest values are checked for the sha256 and
// md5 hashers (others are kept but cannot be checked, and say so).

const (
	SeedPassword   = "sandbox-password"
	SeedTOTPSecret = "JBSWY3DPEHPK3PXP"
)

// SeedBackupCodes are Ada's backup codes.
var SeedBackupCodes = []string{"a1b2c3d4", "e5f6g7h8", "j9k0m1n2", "p3q4r5s6", "t7u8v9w0"}

// credentials are a user's secrets, which the user object never shows.
type credentials struct {
	digest, hasher string // hasher "sandbox": salted SHA-256 of a password set here
	totp           string // base32 secret; "" when none
	backup         []string
	compromised    bool
	devices        []clerkapi.TrustedDevice
}

func passwordDigest(userID, pw string) string {
	sum := sha256.Sum256([]byte("clerk-mcp sandbox password " + userID + "\x00" + pw))
	return hex.EncodeToString(sum[:])
}

// credsOf returns the user's credentials. A seeded user's are made on first
// use: SeedPassword, and Ada's TOTP secret, backup codes and trusted device.
func (s *Sandbox) credsOf(u *user) *credentials {
	if s.creds == nil {
		s.creds = map[string]*credentials{}
	}
	if cr, ok := s.creds[u.ID]; ok {
		return cr
	}
	cr := &credentials{}
	s.creds[u.ID] = cr
	if !seedUserIDs()[u.ID] {
		return cr // a user made here: setCredentials records its secrets
	}
	if u.PasswordEnabled {
		cr.digest, cr.hasher = passwordDigest(u.ID, SeedPassword), "sandbox"
	}
	if u.TOTPEnabled {
		cr.totp = SeedTOTPSecret
	}
	if u.BackupCodeEnabled {
		cr.backup = slices.Clone(SeedBackupCodes)
	}
	if u.TOTPEnabled { // the MFA user also trusts her phone
		at := u.CreatedAt + day
		cr.devices = []clerkapi.TrustedDevice{{Object: "trusted_device", ID: "td_" + idBody("td "+u.ID, 1), Platform: "ios",
			AppIdentifier: "com.example.app", Name: ptr("iPhone 15"), Algorithm: "ES256", Status: "active",
			CreatedAt: at, UpdatedAt: at, LastUsedAt: ptr(BaseTime.UnixMilli() - day)}}
	}
	return cr
}

// seedUserIDs are the seeded users' IDs: the first IDs of the user prefix,
// the same in every sandbox.
var seedUserIDs = sync.OnceValue(func() map[string]bool {
	ids := make(map[string]bool, len(seedUsers))
	for i := range seedUsers {
		ids["user_"+idBody("user", i+1)] = true
	}
	return ids
})

// setCredentials records the secrets create_user and update_user were sent.
func (s *Sandbox) setCredentials(u *user, password, digest, hasher, totp *string, backup []string) {
	if password == nil && digest == nil && totp == nil && len(backup) == 0 {
		return
	}
	cr := s.credsOf(u)
	switch {
	case password != nil:
		cr.digest, cr.hasher, cr.compromised = passwordDigest(u.ID, *password), "sandbox", false
	case digest != nil:
		cr.digest, cr.hasher, cr.compromised = *digest, deref(hasher), false
	}
	if totp != nil {
		cr.totp = strings.ToUpper(strings.ReplaceAll(*totp, " ", ""))
	}
	if len(backup) > 0 {
		cr.backup = slices.Clone(backup)
	}
}

// checkPassword reports whether pw matches the stored digest, or an error
// when the digest's hasher is one the sandbox cannot check.
func (cr *credentials) matches(userID, pw string) (bool, error) {
	var got string
	switch strings.ToLower(cr.hasher) {
	case "sandbox":
		got = passwordDigest(userID, pw)
	case "sha256":
		sum := sha256.Sum256([]byte(pw))
		got = hex.EncodeToString(sum[:])
	case "md5":
		sum := md5.Sum([]byte(pw))
		got = hex.EncodeToString(sum[:])
	default:
		return false, errBadRequest("sandbox_hasher_unsupported", "cannot check this digest",
			"The user's password was imported as a "+cr.hasher+" digest, which the sandbox keeps but cannot check (it checks sha256 and md5 digests, and passwords set in plain text).")
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(strings.ToLower(cr.digest))) == 1, nil
}

func (s *Sandbox) verifyPassword(c *call) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.VerifyUserPasswordRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if _, sent := c.raw["password"]; !sent {
		return nil, errParamMissing("password")
	}
	cr := s.credsOf(u)
	if !u.PasswordEnabled || cr.digest == "" {
		return nil, errBadRequest("password_not_set", "no password", "User "+u.ID+" has no password.")
	}
	ok, err := cr.matches(u.ID, req.Password)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &apiError{status: 422, code: "form_password_incorrect", message: "Password is incorrect. Try again, or use another method.",
			long: "Password is incorrect. Try again, or use another method.", meta: map[string]any{"param_name": "password"}}
	}
	return clerkapi.VerifyUserPasswordResponse{Verified: true}, nil
}

// totpCode is the RFC 6238 code (SHA-1, 30 s, 6 digits) at a Unix time.
func totpCode(secret string, unix int64) (string, bool) {
	key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.TrimRight(secret, "="))
	if err != nil {
		return "", false
	}
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], uint64(unix/30))
	mac := hmac.New(sha1.New, key)
	mac.Write(msg[:])
	sum := mac.Sum(nil)
	off := sum[len(sum)-1] & 0x0f
	v := binary.BigEndian.Uint32(sum[off:off+4]) & 0x7fffffff
	return fmt.Sprintf("%06d", v%1_000_000), true
}

// verifyTOTP checks a TOTP code at the sandbox's time (one step either
// way), or a backup code, which is then used up.
func (s *Sandbox) verifyTOTP(c *call) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.VerifyUserTOTPRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if err := requireString("code", req.Code); err != nil {
		return nil, err
	}
	cr := s.credsOf(u)
	if cr.totp == "" && len(cr.backup) == 0 {
		return nil, errBadRequest("totp_not_enabled", "TOTP is not enabled", "User "+u.ID+" has no TOTP or backup codes.")
	}
	code := strings.TrimSpace(req.Code)
	if cr.totp != "" {
		for _, step := range []int64{0, -30, 30} {
			if want, ok := totpCode(cr.totp, s.now/1000+step); ok && subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
				return clerkapi.VerifyUserTOTPResponse{Verified: true, CodeType: "totp"}, nil
			}
		}
	}
	if i := slices.Index(cr.backup, code); i >= 0 {
		s.tick()
		cr.backup = slices.Delete(cr.backup, i, i+1)
		return clerkapi.VerifyUserTOTPResponse{Verified: true, CodeType: "backup_code"}, nil
	}
	return nil, &apiError{status: 422, code: "form_code_incorrect", message: "Incorrect code",
		long: "The code is neither the user's current TOTP code nor one of their unused backup codes.", meta: map[string]any{"param_name": "code"}}
}

func (s *Sandbox) removePassword(c *call) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.RemoveUserPasswordRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if !u.PasswordEnabled {
		return s.userView(u), nil // unchanged, as Clerk answers
	}
	cr := s.credsOf(u)
	now := s.tick()
	cr.digest, cr.hasher, cr.compromised = "", "", false
	u.PasswordEnabled, u.PasswordLastUpdatedAt, u.UpdatedAt = false, nil, now
	if req.SignOutOfOtherSessions != nil && *req.SignOutOfOtherSessions {
		s.endSessions(u.ID, "revoked", now)
	}
	return s.userView(u), nil
}

// passwordCompromised marks the password compromised (the user must reset
// it at the next sign-in; the Backend API's user object does not show it)
// or clears the mark.
func (s *Sandbox) passwordCompromised(c *call, set bool) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	var req clerkapi.SetUserPasswordCompromisedRequest
	if err := c.bind(&req); err != nil {
		return nil, err
	}
	if !u.PasswordEnabled {
		return nil, errBadRequest("password_not_set", "no password", "User "+u.ID+" has no password to mark.")
	}
	cr := s.credsOf(u)
	if !set && !cr.compromised {
		return nil, errBadRequest("password_not_compromised", "password is not compromised", "User "+u.ID+"'s password is not marked compromised.")
	}
	now := s.tick()
	cr.compromised = set
	u.UpdatedAt = now
	if set && req.RevokeAllSessions != nil && *req.RevokeAllSessions {
		s.endSessions(u.ID, "revoked", now)
	}
	return s.userView(u), nil
}

func (s *Sandbox) mfaChange(c *call, change func(*user, *credentials)) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	cr := s.credsOf(u)
	now := s.tick()
	change(u, cr)
	refreshSecondFactors(u, now)
	u.UpdatedAt = now
	return clerkapi.UserIDResponse{UserID: u.ID}, nil
}

func (s *Sandbox) deleteTOTP(c *call) (any, error) {
	return s.mfaChange(c, func(u *user, cr *credentials) { u.TOTPEnabled, cr.totp = false, "" })
}

func (s *Sandbox) deleteBackupCodes(c *call) (any, error) {
	return s.mfaChange(c, func(u *user, cr *credentials) { u.BackupCodeEnabled, cr.backup = false, nil })
}

// disableMFA turns off every second factor: TOTP, backup codes and phone
// numbers reserved for second factor.
func (s *Sandbox) disableMFA(c *call) (any, error) {
	return s.mfaChange(c, func(u *user, cr *credentials) {
		u.TOTPEnabled, u.BackupCodeEnabled, cr.totp, cr.backup = false, false, "", nil
		for i := range u.PhoneNumbers {
			u.PhoneNumbers[i].ReservedForSecondFactor, u.PhoneNumbers[i].DefaultSecondFactor = false, false
		}
	})
}

// deleteFrom removes the element with the ID from one of the user's lists,
// refusing to remove the user's last way to sign in when counts says so.
func deleteFrom[T any](s *Sandbox, c *call, kind, object, param string, list func(*user) *[]T, id func(T) string, counts bool) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	want := c.path[param]
	items := list(u)
	i := slices.IndexFunc(*items, func(v T) bool { return id(v) == want })
	if i < 0 {
		return nil, errNotFound(kind, want)
	}
	if counts && identifications(u) <= 1 {
		return nil, errLastIdentification(want)
	}
	now := s.tick()
	*items = without(*items, i)
	u.UpdatedAt = now
	return deleted{Object: object, ID: want, Deleted: true}, nil
}

func (s *Sandbox) deletePasskey(c *call) (any, error) {
	return deleteFrom(s, c, "passkey", "passkey", "passkey_identification_id",
		func(u *user) *[]clerkapi.Passkey { return &u.Passkeys }, func(p clerkapi.Passkey) string { return p.ID }, false)
}

func (s *Sandbox) deleteWeb3Wallet(c *call) (any, error) {
	out, err := deleteFrom(s, c, "web3 wallet", "web3_wallet", "web3_wallet_identification_id",
		func(u *user) *[]clerkapi.Web3Wallet { return &u.Web3Wallets }, func(w clerkapi.Web3Wallet) string { return w.ID }, true)
	if err == nil {
		if u, _ := s.findUser(c.path["user_id"]); isPrimary(u.PrimaryWeb3WalletID, c.path["web3_wallet_identification_id"]) {
			u.PrimaryWeb3WalletID = nil
		}
	}
	return out, err
}

func (s *Sandbox) deleteExternalAccount(c *call) (any, error) {
	return deleteFrom(s, c, "external account", "external_account", "external_account_id",
		func(u *user) *[]clerkapi.ExternalAccountWithVerification { return &u.ExternalAccounts },
		func(a clerkapi.ExternalAccountWithVerification) string { return a.ID }, true)
}

// oauthAccessTokens lists the provider tokens of the user's external
// accounts for one provider (oauth_google, or google). The sandbox holds no
// provider and refreshes nothing: each token is the one stored at sign-in.
func (s *Sandbox) oauthAccessTokens(c *call) (any, error) {
	limit, offset, err := c.page()
	if err != nil {
		return nil, err
	}
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	provider := "oauth_" + strings.TrimPrefix(c.path["provider"], "oauth_")
	out := []clerkapi.GetUserOAuthAccessTokensItem{}
	for _, a := range u.ExternalAccounts {
		if a.Provider != provider {
			continue
		}
		out = append(out, clerkapi.GetUserOAuthAccessTokensItem{Object: "oauth_access_token", ExternalAccountID: a.ID,
			ProviderUserID: a.ProviderUserID, Token: "ya29.sandbox-" + hashHex("oauth token "+a.ID, 1)[:32],
			ExpiresAt: ptr(BaseTime.UnixMilli() + 10*365*day), Provider: provider, PublicMetadata: metadata(a.PublicMetadata),
			Label: a.Label, Scopes: strings.Fields(a.ApprovedScopes)})
	}
	return legacyList(c, out, limit, offset), nil
}

func (s *Sandbox) listTrustedDevices(c *call) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	out := []clerkapi.TrustedDevice{}
	for _, d := range s.credsOf(u).devices {
		if d.Status == "active" {
			out = append(out, d)
		}
	}
	return clerkapi.ListUserTrustedDevicesResponse{Data: out, TotalCount: int64(len(out))}, nil
}

func (s *Sandbox) revokeTrustedDevice(c *call) (any, error) {
	u, err := s.findUser(c.path["user_id"])
	if err != nil {
		return nil, err
	}
	id := c.path["trusted_device_id"]
	cr := s.credsOf(u)
	i := slices.IndexFunc(cr.devices, func(d clerkapi.TrustedDevice) bool { return d.ID == id && d.Status == "active" })
	if i < 0 {
		return nil, errNotFound("active trusted device", id)
	}
	now := s.tick()
	d := &cr.devices[i]
	d.Status, d.RevokedAt, d.UpdatedAt = "revoked", &now, now
	return *d, nil
}

// seedUserExtras gives seeded users the sign-in methods the seed's plain
// users lack: a passkey (Ada), a Google account (Grace) and a wallet
// (Linus). IDs come from their own counters, so no other ID moves.
func (s *Sandbox) seedUserExtras() {
	x := userExtras()
	if u := s.ownerOf("email_address", "ada@acme.example.com"); u != nil {
		u.Passkeys = append(u.Passkeys, x.passkey)
	}
	if u := s.ownerOf("email_address", "grace@globex.example.com"); u != nil {
		a := x.google
		a.PublicMetadata = map[string]any{}
		u.ExternalAccounts = append(u.ExternalAccounts, a)
	}
	if u := s.ownerOf("email_address", "linus@acme.example.com"); u != nil {
		u.Web3Wallets = append(u.Web3Wallets, x.wallet)
		u.PrimaryWeb3WalletID = &u.Web3Wallets[len(u.Web3Wallets)-1].ID
	}
}

// userExtras are built once and copied into each sandbox.
var userExtras = sync.OnceValue(func() (x struct {
	passkey clerkapi.Passkey
	google  clerkapi.ExternalAccountWithVerification
	wallet  clerkapi.Web3Wallet
}) {
	at := BaseTime.UnixMilli() - 60*day
	x.passkey = clerkapi.Passkey{ID: "idn_" + idBody("passkey", 1), Object: "passkey", Name: "MacBook Touch ID",
		LastUsedAt: at + 50*day, Verification: json.RawMessage(`{"object":"verification_passkey","status":"verified","strategy":"passkey","attempts":null,"expire_at":null,"nonce":"nonce"}`)}
	x.google = clerkapi.ExternalAccountWithVerification{Object: "external_account",
		ID: "eac_" + idBody("external account", 1), Provider: "oauth_google", IdentificationID: "idn_" + idBody("google idn", 1),
		ProviderUserID: "113245678901234567890", ApprovedScopes: "email https://www.googleapis.com/auth/userinfo.email openid profile",
		EmailAddress: "grace@globex.example.com", EmailAddressVerified: ptr(true), FirstName: "Grace", LastName: "Hopper",
		AvatarURL: "https://lh3.googleusercontent.com/a/sandbox", ImageURL: ptr("https://img.clerk.com/sandbox-google"),
		CreatedAt: at, UpdatedAt: at,
		Verification: json.RawMessage(`{"object":"verification_oauth","status":"verified","strategy":"oauth_google","attempts":null,"expire_at":1773393000000}`)}
	x.wallet = clerkapi.Web3Wallet{ID: "idn_" + idBody("wallet", 1), Object: "web3_wallet", Web3Wallet: "0x8ba1f109551bd432803012645ac136ddd64dba72",
		Verification: json.RawMessage(`{"object":"verification_web3","status":"verified","strategy":"web3_metamask_signature","attempts":1,"expire_at":null}`),
		CreatedAt:    at, UpdatedAt: at}
	return x
})
