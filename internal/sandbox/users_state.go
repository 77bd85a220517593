package sandbox

import (
	"encoding/base64"
	"encoding/json"
	"regexp"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// The stored user, its Clerk view, filters and lookups: the users group's
// state, which the organization, session and identifier groups read too.

// user is a stored user: the Clerk object plus what the sandbox tracks
// beside it.
type user struct {
	clerkapi.User
	lockedUntil int64 // Unix ms the lockout ends; 0 when not locked
}

// lockout is how long lock_user locks a user out (the instance setting).
const lockoutMillis = 60 * 60 * 1000

// maxVerificationAttempts is the instance's attempts before lockout.
const maxVerificationAttempts = 100

var (
	emailRE    = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$`)
	phoneRE    = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)
	web3RE     = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)
	usernameRE = regexp.MustCompile(`^[a-zA-Z0-9_-]+$`)
)

var verificationAdmin = json.RawMessage(`{"object":"verification_admin","status":"verified","strategy":"admin","attempts":null,"expire_at":null}`)

// userJSON is a user as Clerk answers it. The Backend API leaves
// organization_memberships out of user objects.
type userJSON struct {
	*clerkapi.User
	OrganizationMemberships []clerkapi.OrganizationMembership `json:"organization_memberships,omitempty"`
}

func (s *Sandbox) userView(u *user) userJSON {
	v := u.User
	if u.lockedUntil > 0 {
		if left := (u.lockedUntil - s.now) / 1000; left > 0 {
			v.Locked = true
			v.LockoutExpiresInSeconds = &left
			v.VerificationAttemptsRemaining = ptr(int64(0))
		} else {
			v.Locked = false
		}
	}
	return userJSON{User: &v}
}

func (s *Sandbox) findUser(id string) (*user, error) {
	return s.users.find("user", id)
}

// avatar is a Clerk-style image URL: img.clerk.com with a base64 JSON payload.
func (s *Sandbox) avatar(kind, resourceID, initials string) string {
	payload, _ := json.Marshal(map[string]string{"type": kind, "iid": s.instanceID, "rid": resourceID, "initials": initials})
	return "https://img.clerk.com/" + base64.RawURLEncoding.EncodeToString(payload)
}

func initials(first, last *string) string {
	var out string
	for _, p := range []*string{first, last} {
		if p != nil && *p != "" {
			out += strings.ToUpper((*p)[:1])
		}
	}
	return out
}

func (s *Sandbox) refreshUserImage(u *user) {
	if !u.HasImage {
		u.ImageURL = s.avatar("default", u.ID, initials(u.FirstName, u.LastName))
	}
}

func primaryEmail(u *user) string {
	for _, e := range u.EmailAddresses {
		if u.PrimaryEmailAddressID != nil && e.ID == *u.PrimaryEmailAddressID {
			return e.EmailAddress
		}
	}
	return ""
}

func primaryPhone(u *user) string {
	for _, p := range u.PhoneNumbers {
		if u.PrimaryPhoneNumberID != nil && p.ID == *u.PrimaryPhoneNumberID {
			return p.PhoneNumber
		}
	}
	return ""
}

// identifier is the user's primary identifier as shown in public user data.
func identifier(u *user) string {
	if e := primaryEmail(u); e != "" {
		return e
	}
	if p := primaryPhone(u); p != "" {
		return p
	}
	if u.Username != nil {
		return *u.Username
	}
	return ""
}

func userEmails(u *user) []string {
	out := make([]string, 0, len(u.EmailAddresses))
	for _, e := range u.EmailAddresses {
		out = append(out, e.EmailAddress)
	}
	return out
}

func userPhones(u *user) []string {
	out := make([]string, 0, len(u.PhoneNumbers))
	for _, p := range u.PhoneNumbers {
		out = append(out, p.PhoneNumber)
	}
	return out
}

func userWallets(u *user) []string {
	out := make([]string, 0, len(u.Web3Wallets))
	for _, w := range u.Web3Wallets {
		out = append(out, w.Web3Wallet)
	}
	return out
}

// ownerOf returns the user holding an identifier (case-insensitive), if any.
func (s *Sandbox) ownerOf(kind, value string) *user {
	for _, u := range s.users.all() {
		var vals []string
		switch kind {
		case "email_address":
			vals = userEmails(u)
		case "phone_number":
			vals = userPhones(u)
		case "web3_wallet":
			vals = userWallets(u)
		case "username":
			if u.Username != nil {
				vals = []string{*u.Username}
			}
		case "external_id":
			if u.ExternalID != nil {
				vals = []string{*u.ExternalID}
			}
		}
		for _, v := range vals {
			if strings.EqualFold(v, value) {
				return u
			}
		}
	}
	return nil
}

// ---- filters ----

// userFilters builds the user search filters shared by list_users,
// count_users and the membership lists, from the query parameters the
// operation takes.
func (s *Sandbox) userFilters(c *call) (func(*user) bool, error) {
	plan := c.op.Plan()
	takes := func(name string) bool { _, ok := plan.Param(name); return ok }
	var preds []func(*user) bool
	add := func(p func(*user) bool) { preds = append(preds, p) }

	// anyOf keeps users with any of the values; for IDs (signed), a -
	// prefix excludes instead and + is the default.
	anyOf := func(name string, signed bool, vals func(*user) []string) {
		want := c.strs(name)
		if name == "email_address" || name == "username" {
			want = lowerAll(want)
		}
		if !takes(name) || len(want) == 0 {
			return
		}
		inc, exc := map[string]bool{}, map[string]bool{}
		if signed {
			inc, exc = split(want)
		} else {
			for _, w := range want {
				inc[w] = true
			}
		}
		add(func(u *user) bool {
			have := vals(u)
			hit := len(inc) == 0
			for _, v := range have {
				if inc[strings.ToLower(v)] || inc[v] {
					hit = true
				}
				if exc[strings.ToLower(v)] || exc[v] {
					return false
				}
			}
			return hit
		})
	}
	lower := func(f func(*user) []string) func(*user) []string {
		return func(u *user) []string {
			vs := f(u)
			for i := range vs {
				vs[i] = strings.ToLower(vs[i])
			}
			return vs
		}
	}
	anyOf("email_address", false, lower(userEmails))
	anyOf("phone_number", false, userPhones)
	anyOf("web3_wallet", false, lower(userWallets))
	anyOf("username", false, func(u *user) []string {
		if u.Username == nil {
			return nil
		}
		return []string{strings.ToLower(*u.Username)}
	})
	anyOf("external_id", true, func(u *user) []string {
		if u.ExternalID == nil {
			return nil
		}
		return []string{*u.ExternalID}
	})
	anyOf("user_id", true, func(u *user) []string { return []string{u.ID} })
	anyOf("organization_id", true, func(u *user) []string {
		var ids []string
		for _, m := range s.members.all() {
			if m.userID == u.ID {
				ids = append(ids, m.orgID)
			}
		}
		return ids
	})

	partial := func(name string, fields func(*user) []string) {
		q, ok := c.str(name)
		if !takes(name) || !ok || q == "" {
			return
		}
		q = strings.ToLower(q)
		add(func(u *user) bool {
			for _, f := range fields(u) {
				if strings.Contains(strings.ToLower(f), q) {
					return true
				}
			}
			return false
		})
	}
	names := func(u *user) []string {
		var out []string
		first, last := deref(u.FirstName), deref(u.LastName)
		out = append(out, first, last, strings.TrimSpace(first+" "+last))
		return out
	}
	partial("query", func(u *user) []string {
		out := append(userEmails(u), userPhones(u)...)
		out = append(out, userWallets(u)...)
		out = append(out, u.ID, deref(u.Username))
		return append(out, names(u)...)
	})
	partial("email_address_query", userEmails)
	partial("phone_number_query", userPhones)
	partial("username_query", func(u *user) []string { return []string{deref(u.Username)} })
	partial("name_query", names)

	if takes("banned") {
		b, err := c.boolParam("banned")
		if err != nil {
			return nil, err
		}
		if b != nil {
			add(func(u *user) bool { return u.Banned == *b })
		}
	}
	times := []struct {
		name   string
		before bool
		value  func(*user) *int64
	}{
		{"last_active_at_before", true, func(u *user) *int64 { return u.LastActiveAt }},
		{"last_active_at_after", false, func(u *user) *int64 { return u.LastActiveAt }},
		{"last_active_at_since", false, func(u *user) *int64 { return u.LastActiveAt }},
		{"created_at_before", true, func(u *user) *int64 { return &u.CreatedAt }},
		{"created_at_after", false, func(u *user) *int64 { return &u.CreatedAt }},
		{"last_sign_in_at_before", true, func(u *user) *int64 { return u.LastSignInAt }},
		{"last_sign_in_at_after", false, func(u *user) *int64 { return u.LastSignInAt }},
	}
	for _, tf := range times {
		if !takes(tf.name) {
			continue
		}
		limit, err := c.intParam(tf.name)
		if err != nil {
			return nil, err
		}
		if limit == nil {
			continue
		}
		add(func(u *user) bool {
			v := tf.value(u)
			if v == nil {
				return false
			}
			if tf.before {
				return *v < *limit
			}
			return *v > *limit
		})
	}
	if takes("provider") {
		_, hasProvider := c.str("provider")
		if len(c.strs("provider_user_id")) > 0 && !hasProvider {
			return nil, errParamMissing("provider")
		}
		if hasProvider {
			// Sandbox users have no external accounts: no user matches.
			add(func(*user) bool { return false })
		}
	}
	return func(u *user) bool {
		for _, p := range preds {
			if !p(u) {
				return false
			}
		}
		return true
	}, nil
}

func lowerAll(vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = strings.ToLower(v)
	}
	return out
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func (s *Sandbox) matchingUsers(c *call) ([]*user, error) {
	keep, err := s.userFilters(c)
	if err != nil {
		return nil, err
	}
	var out []*user
	for _, u := range s.users.all() {
		if keep(u) {
			out = append(out, u)
		}
	}
	return out, nil
}

var userOrder = sortKeys[*user]{
	"created_at":      func(u *user) any { return u.CreatedAt },
	"updated_at":      func(u *user) any { return u.UpdatedAt },
	"email_address":   func(u *user) any { return strKey(ptr(primaryEmail(u))) },
	"phone_number":    func(u *user) any { return strKey(ptr(primaryPhone(u))) },
	"web3wallet":      func(u *user) any { return strKey(firstOr(userWallets(u))) },
	"first_name":      func(u *user) any { return strKey(u.FirstName) },
	"last_name":       func(u *user) any { return strKey(u.LastName) },
	"username":        func(u *user) any { return strKey(u.Username) },
	"last_active_at":  func(u *user) any { return intKey(u.LastActiveAt) },
	"last_sign_in_at": func(u *user) any { return intKey(u.LastSignInAt) },
}

func firstOr(vs []string) *string {
	if len(vs) == 0 {
		return nil
	}
	return &vs[0]
}
