package sandbox

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// A seed fixture (--sandbox-seed FILE) replaces the demo data with your own:
// a JSON object of users, organizations, memberships, invitations and
// organization invitations, in a small format of its own (the fields you
// would send to create each, not Clerk's full answer shapes). Users are
// referenced by an email address or username, organizations by slug. IDs
// and timestamps are made by the sandbox, as for the demo data. The
// fixture is checked strictly: an unknown field, a null, a value of the
// wrong type, a malformed or duplicate identifier, or a reference to
// nothing is refused, naming its JSON path (users[2].email_addresses[0]: …).

// Fixture is a validated seed fixture.
type Fixture struct {
	raw                     []byte
	Users                   []fixtureUser       `json:"users"`
	Organizations           []fixtureOrg        `json:"organizations"`
	Memberships             []fixtureMembership `json:"memberships"`
	Invitations             []fixtureInvite     `json:"invitations"`
	OrganizationInvitations []fixtureOrgInvite  `json:"organization_invitations"`
}

type fixtureUser struct {
	FirstName       string         `json:"first_name"`
	LastName        string         `json:"last_name"`
	Username        string         `json:"username"`
	EmailAddresses  []string       `json:"email_addresses"`
	PhoneNumbers    []string       `json:"phone_numbers"`
	PublicMetadata  map[string]any `json:"public_metadata"`
	PrivateMetadata map[string]any `json:"private_metadata"`
	UnsafeMetadata  map[string]any `json:"unsafe_metadata"`
	Banned          bool           `json:"banned"`
}

type fixtureOrg struct {
	Name                  string         `json:"name"`
	Slug                  string         `json:"slug"`
	CreatedBy             string         `json:"created_by"`
	MaxAllowedMemberships int64          `json:"max_allowed_memberships"`
	PublicMetadata        map[string]any `json:"public_metadata"`
	PrivateMetadata       map[string]any `json:"private_metadata"`
}

type fixtureMembership struct {
	Organization    string         `json:"organization"`
	User            string         `json:"user"`
	Role            string         `json:"role"`
	PublicMetadata  map[string]any `json:"public_metadata"`
	PrivateMetadata map[string]any `json:"private_metadata"`
}

type fixtureInvite struct {
	EmailAddress   string         `json:"email_address"`
	PublicMetadata map[string]any `json:"public_metadata"`
}

type fixtureOrgInvite struct {
	Organization    string         `json:"organization"`
	EmailAddress    string         `json:"email_address"`
	Role            string         `json:"role"`
	Inviter         string         `json:"inviter"`
	PublicMetadata  map[string]any `json:"public_metadata"`
	PrivateMetadata map[string]any `json:"private_metadata"`
}

// The fixture's fields, by collection: the kind of each, and which must be
// given. The whole format is this table.
type fixtureField struct {
	kind     string // string, strings, bool, count, object
	required bool
	check    func(string) string // for string values: "" when fine, else what is expected
}

var fixtureFormat = map[string]map[string]fixtureField{
	"users": {
		"first_name": {kind: "string"}, "last_name": {kind: "string"},
		"username":        {kind: "string", check: checkUsername},
		"email_addresses": {kind: "strings", check: checkEmail},
		"phone_numbers":   {kind: "strings", check: checkPhone},
		"public_metadata": {kind: "object"}, "private_metadata": {kind: "object"}, "unsafe_metadata": {kind: "object"},
		"banned": {kind: "bool"},
	},
	"organizations": {
		"name": {kind: "string", required: true, check: checkNonEmpty}, "slug": {kind: "string", required: true, check: checkSlug},
		"created_by": {kind: "string"}, "max_allowed_memberships": {kind: "count"},
		"public_metadata": {kind: "object"}, "private_metadata": {kind: "object"},
	},
	"memberships": {
		"organization": {kind: "string", required: true}, "user": {kind: "string", required: true},
		"role": {kind: "string", check: checkRole}, "public_metadata": {kind: "object"}, "private_metadata": {kind: "object"},
	},
	"invitations": {
		"email_address": {kind: "string", required: true, check: checkEmail}, "public_metadata": {kind: "object"},
	},
	"organization_invitations": {
		"organization": {kind: "string", required: true}, "email_address": {kind: "string", required: true, check: checkEmail},
		"role": {kind: "string", check: checkRole}, "inviter": {kind: "string"},
		"public_metadata": {kind: "object"}, "private_metadata": {kind: "object"},
	},
}

var (
	fixtureEmailRE    = lazyRegexp(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	fixturePhoneRE    = lazyRegexp(`^\+[1-9][0-9]{6,14}$`)
	fixtureUsernameRE = lazyRegexp(`^[a-z0-9_.-]{3,64}$`)
	fixtureSlugRE     = lazyRegexp(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

func checkEmail(v string) string {
	if !fixtureEmailRE().MatchString(v) {
		return fmt.Sprintf("%q is not an email address (name@example.com)", v)
	}
	return ""
}

func checkPhone(v string) string {
	if !fixturePhoneRE().MatchString(v) {
		return fmt.Sprintf("%q is not a phone number in E.164 form (+14155550101)", v)
	}
	return ""
}

func checkUsername(v string) string {
	if !fixtureUsernameRE().MatchString(v) {
		return fmt.Sprintf("%q is not a username (3-64 lowercase letters, digits, _ . -)", v)
	}
	return ""
}

func checkSlug(v string) string {
	if !fixtureSlugRE().MatchString(v) {
		return fmt.Sprintf("%q is not a slug (lowercase letters and digits, words joined by -)", v)
	}
	return ""
}

func checkNonEmpty(v string) string {
	if strings.TrimSpace(v) == "" {
		return "must not be empty"
	}
	return ""
}

func checkRole(v string) string {
	if v != "org:admin" && v != "org:member" {
		return fmt.Sprintf("%q is not a role of the sandbox's default role set (org:admin or org:member)", v)
	}
	return ""
}

// LoadFixture reads and validates the seed fixture at path.
func LoadFixture(path string) (*Fixture, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("sandbox seed: %w", err)
	}
	f, err := ParseFixture(b)
	if err != nil {
		return nil, fmt.Errorf("sandbox seed %s: %w", path, err)
	}
	return f, nil
}

// WithFixture seeds the sandbox with f instead of the demo data.
func WithFixture(f *Fixture) Option {
	return func(s *Sandbox) { s.fixture = f }
}

// ParseFixture validates a seed fixture. The error lists every problem
// found (up to 20), one per line, each starting with its JSON path.
func ParseFixture(b []byte) (*Fixture, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var top any
	if err := dec.Decode(&top); err != nil {
		return nil, fmt.Errorf("not valid JSON: %v", err)
	}
	if dec.More() {
		return nil, errors.New("not valid JSON: more than one value")
	}
	var probs []string
	bad := func(path, format string, a ...any) { probs = append(probs, path+": "+fmt.Sprintf(format, a...)) }
	obj, ok := top.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("(top): must be an object with %s, not %s", strings.Join(slices.Sorted(maps.Keys(fixtureFormat)), ", "), jsonType(top))
	}
	for _, coll := range slices.Sorted(maps.Keys(obj)) {
		fields, ok := fixtureFormat[coll]
		if !ok {
			bad(coll, "unknown field; a fixture has %s", strings.Join(slices.Sorted(maps.Keys(fixtureFormat)), ", "))
			continue
		}
		items, ok := obj[coll].([]any)
		if !ok {
			bad(coll, "must be an array of objects, not %s", jsonType(obj[coll]))
			continue
		}
		for i, it := range items {
			path := fmt.Sprintf("%s[%d]", coll, i)
			item, ok := it.(map[string]any)
			if !ok {
				bad(path, "must be an object, not %s", jsonType(it))
				continue
			}
			for _, name := range slices.Sorted(maps.Keys(item)) {
				checkFixtureValue(path+"."+name, item[name], fields[name], fields, bad)
			}
			for _, name := range slices.Sorted(maps.Keys(fields)) {
				if _, ok := item[name]; !ok && fields[name].required {
					bad(path+"."+name, "is required")
				}
			}
		}
	}
	if len(probs) == 0 {
		var f Fixture
		if err := json.Unmarshal(b, &f); err != nil { // the shapes are checked: this cannot fail
			return nil, err
		}
		f.raw = bytes.Clone(b)
		probs = f.checkReferences()
		if len(probs) == 0 {
			return &f, nil
		}
	}
	if len(probs) > 20 {
		probs = append(probs[:20], fmt.Sprintf("… and %d more", len(probs)-20))
	}
	return nil, errors.New(strings.Join(probs, "\n"))
}

func checkFixtureValue(path string, v any, f fixtureField, fields map[string]fixtureField, bad func(string, string, ...any)) {
	if f.kind == "" {
		bad(path, "unknown field; expected one of %s", strings.Join(slices.Sorted(maps.Keys(fields)), ", "))
		return
	}
	if v == nil {
		bad(path, "is null; leave the field out instead")
		return
	}
	switch f.kind {
	case "string":
		s, ok := v.(string)
		if !ok {
			bad(path, "must be a string, not %s", jsonType(v))
		} else if f.check != nil {
			if msg := f.check(s); msg != "" {
				bad(path, "%s", msg)
			}
		}
	case "strings":
		list, ok := v.([]any)
		if !ok {
			bad(path, "must be an array of strings, not %s", jsonType(v))
			return
		}
		for i, e := range list {
			p := fmt.Sprintf("%s[%d]", path, i)
			s, ok := e.(string)
			switch {
			case !ok:
				bad(p, "must be a string, not %s", jsonType(e))
			case f.check != nil:
				if msg := f.check(s); msg != "" {
					bad(p, "%s", msg)
				}
			}
		}
	case "bool":
		if _, ok := v.(bool); !ok {
			bad(path, "must be true or false, not %s", jsonType(v))
		}
	case "count":
		n, ok := v.(json.Number)
		if !ok {
			bad(path, "must be a whole number ≥ 0, not %s", jsonType(v))
		} else if i, err := n.Int64(); err != nil || i < 0 {
			bad(path, "must be a whole number ≥ 0, not %s", n)
		}
	case "object":
		if _, ok := v.(map[string]any); !ok {
			bad(path, "must be an object, not %s", jsonType(v))
		}
	}
}

func jsonType(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("a string (%q)", x)
	case bool:
		return fmt.Sprintf("a boolean (%v)", x)
	case json.Number:
		return "a number (" + x.String() + ")"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// checkReferences checks what spans items: unique identifiers, and
// references to users and organizations the fixture holds.
func (f *Fixture) checkReferences() []string {
	var probs []string
	bad := func(path, format string, a ...any) { probs = append(probs, path+": "+fmt.Sprintf(format, a...)) }
	users := map[string]string{} // identifier -> path of the user holding it
	for i, u := range f.Users {
		path := fmt.Sprintf("users[%d]", i)
		if len(u.EmailAddresses) == 0 && len(u.PhoneNumbers) == 0 && u.Username == "" {
			bad(path, "needs an identifier: at least one of email_addresses, phone_numbers, username")
		}
		claim := func(p, id string) {
			id = strings.ToLower(id)
			if prev, ok := users[id]; ok {
				bad(p, "%q is already %s's", id, prev)
				return
			}
			users[id] = path
		}
		for j, e := range u.EmailAddresses {
			claim(fmt.Sprintf("%s.email_addresses[%d]", path, j), e)
		}
		for j, p := range u.PhoneNumbers {
			claim(fmt.Sprintf("%s.phone_numbers[%d]", path, j), p)
		}
		if u.Username != "" {
			claim(path+".username", u.Username)
		}
	}
	userRef := func(p, ref string) {
		if _, ok := users[strings.ToLower(ref)]; !ok {
			bad(p, "%q is no user's email address or username in this fixture", ref)
		}
	}
	orgs := map[string]bool{}
	for i, o := range f.Organizations {
		if orgs[o.Slug] {
			bad(fmt.Sprintf("organizations[%d].slug", i), "%q is already another organization's", o.Slug)
		}
		orgs[o.Slug] = true
		if o.CreatedBy != "" {
			userRef(fmt.Sprintf("organizations[%d].created_by", i), o.CreatedBy)
		}
	}
	orgRef := func(p, slug string) {
		if !orgs[slug] {
			bad(p, "%q is no organization's slug in this fixture", slug)
		}
	}
	pairs := map[string]bool{}
	for i, m := range f.Memberships {
		path := fmt.Sprintf("memberships[%d]", i)
		orgRef(path+".organization", m.Organization)
		userRef(path+".user", m.User)
		key := m.Organization + "\x00" + users[strings.ToLower(m.User)]
		if pairs[key] {
			bad(path, "the user is already a member of %q", m.Organization)
		}
		pairs[key] = true
	}
	for i, it := range f.OrganizationInvitations {
		path := fmt.Sprintf("organization_invitations[%d]", i)
		orgRef(path+".organization", it.Organization)
		if it.Inviter != "" {
			userRef(path+".inviter", it.Inviter)
		}
	}
	return probs
}

// seedFixture fills a new sandbox with the instance and the fixture's data,
// dated before the sandbox's first clock reading in fixture order.
func (s *Sandbox) seedFixture(f *Fixture) {
	s.seedInstance()
	base := s.now
	n := int64(len(f.Users) + len(f.Organizations) + len(f.Memberships) + len(f.Invitations) + len(f.OrganizationInvitations))
	step := int64(0)
	at := func() int64 { step++; return base - (n-step+1)*minute }
	byRef := map[string]*user{}
	for _, fu := range f.Users {
		created := at()
		u := &user{User: clerkapi.User{
			ID: s.newID("user"), Object: "user",
			ProfileImageURL: "https://www.gravatar.com/avatar?d=mp",
			PublicMetadata:  metadata(fu.PublicMetadata), PrivateMetadata: metadata(fu.PrivateMetadata), UnsafeMetadata: metadata(fu.UnsafeMetadata),
			EmailAddresses: []clerkapi.EmailAddress{}, PhoneNumbers: []clerkapi.PhoneNumber{}, Web3Wallets: []clerkapi.Web3Wallet{},
			Passkeys: []clerkapi.Passkey{}, ExternalAccounts: []clerkapi.ExternalAccountWithVerification{},
			SAMLAccounts: []clerkapi.SAMLAccount{}, EnterpriseAccounts: []clerkapi.EnterpriseAccount{},
			Banned: fu.Banned, VerificationAttemptsRemaining: ptr(int64(maxVerificationAttempts)),
			CreatedAt: created, UpdatedAt: created, DeleteSelfEnabled: true, CreateOrganizationEnabled: true,
		}}
		if fu.FirstName != "" {
			u.FirstName = ptr(fu.FirstName)
		}
		if fu.LastName != "" {
			u.LastName = ptr(fu.LastName)
		}
		if fu.Username != "" {
			u.Username = ptr(strings.ToLower(fu.Username))
			byRef[strings.ToLower(fu.Username)] = u
		}
		for _, e := range fu.EmailAddresses {
			u.EmailAddresses = append(u.EmailAddresses, clerkapi.EmailAddress{ID: s.newID("idn"), Object: "email_address", EmailAddress: strings.ToLower(e),
				Verification: verificationOTP("email_code", created, ""), LinkedTo: []clerkapi.IdentificationLink{}, CreatedAt: created, UpdatedAt: created})
			byRef[strings.ToLower(e)] = u
		}
		for _, p := range fu.PhoneNumbers {
			u.PhoneNumbers = append(u.PhoneNumbers, clerkapi.PhoneNumber{ID: s.newID("idn"), Object: "phone_number", PhoneNumber: p,
				Verification: verificationOTP("phone_code", created, "sms"), LinkedTo: []clerkapi.IdentificationLink{}, CreatedAt: created, UpdatedAt: created})
			byRef[strings.ToLower(p)] = u
		}
		if len(u.EmailAddresses) > 0 {
			u.PrimaryEmailAddressID = &u.EmailAddresses[0].ID
		}
		if len(u.PhoneNumbers) > 0 {
			u.PrimaryPhoneNumberID = &u.PhoneNumbers[0].ID
		}
		s.refreshUserImage(u)
		s.users.add(u.ID, u)
	}
	bySlug := map[string]*clerkapi.Organization{}
	for _, fo := range f.Organizations {
		created := at()
		o := &clerkapi.Organization{Object: "organization", ID: s.newID("org"), Name: fo.Name, Slug: fo.Slug,
			MaxAllowedMemberships: fo.MaxAllowedMemberships, AdminDeleteEnabled: true,
			PublicMetadata: metadata(fo.PublicMetadata), PrivateMetadata: metadata(fo.PrivateMetadata),
			CreatedAt: created, UpdatedAt: created, LastActiveAt: created}
		if u := byRef[strings.ToLower(fo.CreatedBy)]; u != nil {
			o.CreatedBy = u.ID
		}
		o.ImageURL = s.avatar("default", o.ID, initials(&o.Name, nil))
		s.orgs.add(o.ID, o)
		bySlug[o.Slug] = o
	}
	for _, fm := range f.Memberships {
		role := cmp.Or(fm.Role, "org:member")
		s.addMember(bySlug[fm.Organization].ID, byRef[strings.ToLower(fm.User)].ID, role, fm.PublicMetadata, fm.PrivateMetadata, at())
	}
	for _, fi := range f.Invitations {
		s.addInvite(&clerkapi.CreateInvitationsBulkRequestItem{EmailAddress: strings.ToLower(fi.EmailAddress), PublicMetadata: fi.PublicMetadata}, at())
	}
	for _, fi := range f.OrganizationInvitations {
		it := clerkapi.CreateOrganizationInvitationsBulkRequestItem{EmailAddress: strings.ToLower(fi.EmailAddress), Role: cmp.Or(fi.Role, "org:member"),
			PublicMetadata: fi.PublicMetadata, PrivateMetadata: fi.PrivateMetadata}
		if u := byRef[strings.ToLower(fi.Inviter)]; u != nil {
			it.InviterUserID = &u.ID
		}
		s.addOrgInvite(bySlug[fi.Organization], &it, at())
	}
}
