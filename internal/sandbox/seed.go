package sandbox

import (
	"encoding/json"
	"slices"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

const (
	minute = int64(60 * 1000)
	hour   = 60 * minute
	day    = 24 * hour
)

type seedUser struct {
	first, last, email, username, phone string
	age                                 int64 // days between creation and BaseTime
	lastSignIn                          int64 // days before BaseTime; -1: never signed in
	banned, locked, mfa                 bool
	public, private, unsafe             map[string]any
}

// seedUsers are the demo users, oldest first.
var seedUsers = []seedUser{
	{first: "Ada", last: "Lovelace", email: "ada@acme.example.com", username: "ada", phone: "+14155550101", age: 180, lastSignIn: 0, mfa: true,
		public:  map[string]any{"plan": "enterprise", "onboarded": true, "title": "Founder"},
		private: map[string]any{"stripe_customer_id": "cus_Q1a2B3c4D5e6F7", "internal_notes": "Design partner"},
		unsafe:  map[string]any{"theme": "dark"}},
	{first: "Grace", last: "Hopper", email: "grace@globex.example.com", username: "grace", phone: "+12025550102", age: 175, lastSignIn: 1,
		public: map[string]any{"plan": "pro", "onboarded": true}, private: map[string]any{"stripe_customer_id": "cus_R2b3C4d5E6f7G8"}},
	{first: "Alan", last: "Turing", email: "alan@initech.example.com", username: "aturing", age: 170, lastSignIn: 2,
		public: map[string]any{"plan": "free", "onboarded": true}},
	{first: "Katherine", last: "Johnson", email: "katherine@acme.example.com", username: "kjohnson", phone: "+17575550104", age: 160, lastSignIn: 9,
		public: map[string]any{"plan": "enterprise", "onboarded": true, "department": "Engineering"}},
	{first: "Linus", last: "Torvalds", email: "linus@acme.example.com", username: "linus", age: 150, lastSignIn: 3,
		public: map[string]any{"plan": "enterprise", "onboarded": true}, unsafe: map[string]any{"editor": "vim"}},
	{first: "Margaret", last: "Hamilton", email: "margaret@acme.example.com", age: 140, lastSignIn: 12,
		public: map[string]any{"plan": "enterprise", "onboarded": false}},
	{first: "Tim", last: "Berners-Lee", email: "tim@acme.example.com", username: "timbl", phone: "+442075550107", age: 130, lastSignIn: 30,
		public: map[string]any{"plan": "enterprise"}},
	{first: "Barbara", last: "Liskov", email: "barbara.liskov@example.org", username: "bliskov", age: 120, lastSignIn: 5,
		public: map[string]any{"plan": "pro", "onboarded": true}},
	{first: "Dennis", last: "Ritchie", email: "dmr@example.com", username: "dmr", age: 110, lastSignIn: 60,
		public: map[string]any{"plan": "free"}},
	{first: "Radia", last: "Perlman", email: "radia@globex.example.com", username: "radia", phone: "+12065550110", age: 100, lastSignIn: 4,
		public: map[string]any{"plan": "pro", "onboarded": true}},
	{first: "Ken", last: "Thompson", email: "ken@globex.example.com", username: "ken", age: 95, lastSignIn: 40, banned: true,
		public: map[string]any{"plan": "pro"}, private: map[string]any{"ban_reason": "Chargeback fraud", "banned_by": "support@globex.example.com"}},
	{first: "Frances", last: "Allen", email: "frances@globex.example.com", age: 90, lastSignIn: 7,
		public: map[string]any{"plan": "pro", "onboarded": true}},
	{first: "Donald", last: "Knuth", email: "don@initech.example.com", username: "knuth", age: 85, lastSignIn: 14,
		public: map[string]any{"plan": "free", "onboarded": true}, unsafe: map[string]any{"newsletter": false}},
	{first: "Hedy", last: "Lamarr", email: "hedy@initech.example.com", phone: "+13105550114", age: 80, lastSignIn: 6,
		public: map[string]any{"plan": "free"}},
	{first: "Edsger", last: "Dijkstra", email: "edsger@initech.example.com", username: "ewd", age: 75, lastSignIn: 20,
		public: map[string]any{"plan": "free", "onboarded": true}},
	{first: "Annie", last: "Easley", email: "annie.easley@example.com", age: 70, lastSignIn: 8,
		public: map[string]any{"plan": "free", "onboarded": false}},
	{first: "John", last: "McCarthy", email: "jmc@example.net", username: "jmc", age: 60, lastSignIn: 45, banned: true,
		private: map[string]any{"ban_reason": "Automated sign-ups"}},
	{first: "Shafi", last: "Goldwasser", email: "shafi@example.org", username: "shafi", phone: "+16175550118", age: 50, lastSignIn: 2,
		public: map[string]any{"plan": "pro", "onboarded": true}, private: map[string]any{"stripe_customer_id": "cus_S3c4D5e6F7g8H9"}},
	{first: "Guido", last: "van Rossum", email: "guido@example.com", username: "gvr", age: 40, lastSignIn: 1,
		public: map[string]any{"plan": "pro", "onboarded": true}, unsafe: map[string]any{"theme": "light", "language": "python"}},
	{first: "Sophie", last: "Wilson", email: "sophie.wilson@example.org", username: "sophie", age: 30, lastSignIn: 0, locked: true,
		public: map[string]any{"plan": "free"}, private: map[string]any{"failed_sign_ins": 100}},
	{first: "Leslie", last: "Lamport", email: "leslie@example.com", username: "lamport", age: 25, lastSignIn: 10,
		public: map[string]any{"plan": "free", "onboarded": true}},
	{first: "Evelyn", last: "Boyd Granville", email: "evelyn@example.net", age: 20, lastSignIn: -1,
		public: map[string]any{"plan": "free", "onboarded": false}},
	{first: "Bjarne", last: "Stroustrup", email: "bjarne@example.com", username: "bjarne", phone: "+19175550123", age: 14, lastSignIn: 3,
		public: map[string]any{"plan": "pro"}},
	{first: "Joan", last: "Clarke", username: "jclarke", phone: "+447700900124", age: 7, lastSignIn: 1,
		public: map[string]any{"plan": "free", "onboarded": true}},
	{first: "Marvin", last: "Minsky", email: "marvin@example.org", age: 2, lastSignIn: -1,
		public: map[string]any{"plan": "free", "onboarded": false}, unsafe: map[string]any{"referral": "hacker-news"}},
}

type seedOrg struct {
	name, slug      string
	age             int64
	max             int64
	public, private map[string]any
	members         []seedMember
}

type seedMember struct {
	email, role     string
	public, private map[string]any
}

var seedOrgs = []seedOrg{
	{name: "Acme Corp", slug: "acme-corp", age: 178,
		public:  map[string]any{"tier": "enterprise", "industry": "manufacturing", "seats": 25},
		private: map[string]any{"salesforce_account_id": "0015g00000XyZ12AAB", "renewal_date": "2026-11-01"},
		members: []seedMember{
			{"ada@acme.example.com", "org:admin", map[string]any{"title": "CEO"}, map[string]any{"employee_id": "E-1001"}},
			{"katherine@acme.example.com", "org:admin", map[string]any{"title": "VP Engineering"}, map[string]any{"employee_id": "E-1002"}},
			{"linus@acme.example.com", "org:member", map[string]any{"title": "Kernel Engineer"}, nil},
			{"margaret@acme.example.com", "org:member", nil, nil},
			{"tim@acme.example.com", "org:member", map[string]any{"title": "Web Lead"}, nil},
			{"barbara.liskov@example.org", "org:member", map[string]any{"title": "Advisor"}, map[string]any{"contract": "part-time"}},
			{"dmr@example.com", "org:member", nil, nil},
		}},
	{name: "Globex", slug: "globex", age: 172, max: 10,
		public:  map[string]any{"tier": "startup", "industry": "energy"},
		private: map[string]any{"billing_email": "finance@globex.example.com"},
		members: []seedMember{
			{"grace@globex.example.com", "org:admin", map[string]any{"title": "CTO"}, nil},
			{"radia@globex.example.com", "org:member", nil, nil},
			{"ken@globex.example.com", "org:member", nil, map[string]any{"offboarding": true}},
			{"frances@globex.example.com", "org:member", nil, nil},
			{"ada@acme.example.com", "org:member", map[string]any{"title": "Board member"}, nil},
		}},
	{name: "Initech", slug: "initech", age: 168, max: 5,
		public: map[string]any{"tier": "free", "region": "eu"},
		members: []seedMember{
			{"alan@initech.example.com", "org:admin", nil, nil},
			{"don@initech.example.com", "org:member", nil, nil},
			{"hedy@initech.example.com", "org:member", nil, nil},
			{"edsger@initech.example.com", "org:member", nil, nil},
		}},
}

func verificationOTP(strategy string, at int64, channel string) json.RawMessage {
	v := map[string]any{"object": "verification_otp", "status": "verified", "strategy": strategy, "attempts": 1, "expire_at": at + 10*minute}
	if channel != "" {
		v["channel"] = channel
	}
	b, _ := json.Marshal(v)
	return b
}

// seedInstance makes the instance, its settings and its primary domain.
func (s *Sandbox) seedInstance() {
	s.instanceID = s.newID("ins")
	s.instance = clerkapi.Instance{Object: "instance", ID: s.instanceID, EnvironmentType: "development",
		AllowedOrigins: []string{"http://localhost:3000"}}
	s.restrictions = clerkapi.InstanceRestrictions{Object: "instance_restrictions"}
	s.protect = clerkapi.InstanceProtect{Object: "instance_protect"}
	s.communication = clerkapi.InstanceCommunication{Object: "instance_communication", BlockedCountryCodes: []string{}}
	s.oauthSettings = clerkapi.OAuthApplicationSettings{Object: "oauth_application_settings", DefaultScopes: slices.Clone(defaultOAuthScopes)}
	s.orgSettings = clerkapi.OrganizationSettings{Object: "organization_settings", Enabled: true, MaxAllowedMemberships: 5,
		MaxAllowedRoles: 10, MaxRoleSetsAllowed: 1, MaxAllowedDomains: 10, MaxAllowedPermissions: 50, CreatorRole: "org:admin",
		AdminDeleteEnabled: true, DomainsEnabled: true, DomainsDefaultRole: "org:member",
		DomainsEnrollmentModes: []string{"manual_invitation", "automatic_invitation", "automatic_suggestion"}}
	primary := &clerkapi.Domain{Object: "domain", ID: s.newID("dmn"), Name: frontendHost, FrontendAPIURL: "https://" + frontendHost,
		AccountsPortalURL: ptr("https://" + accountsHost), DevelopmentOrigin: "http://localhost:3000"}
	s.domains.add(primary.ID, primary)
}

// seed fills the sandbox with the demo instance: the same IDs on every run,
// timestamps relative to the clock's reading at New (fixed under a test
// clock).
func (s *Sandbox) seed() {
	s.seedInstance()
	base := s.now

	byEmail := map[string]*user{}
	for i, su := range seedUsers {
		created := base - su.age*day + int64(i)*17*minute
		u := &user{User: clerkapi.User{
			ID: s.newID("user"), Object: "user",
			FirstName: ptr(su.first), LastName: ptr(su.last),
			ProfileImageURL: "https://www.gravatar.com/avatar?d=mp",
			PublicMetadata:  metadata(su.public), PrivateMetadata: metadata(su.private), UnsafeMetadata: metadata(su.unsafe),
			EmailAddresses: []clerkapi.EmailAddress{}, PhoneNumbers: []clerkapi.PhoneNumber{}, Web3Wallets: []clerkapi.Web3Wallet{},
			Passkeys: []clerkapi.Passkey{}, ExternalAccounts: []clerkapi.ExternalAccountWithVerification{},
			SAMLAccounts: []clerkapi.SAMLAccount{}, EnterpriseAccounts: []clerkapi.EnterpriseAccount{},
			PasswordEnabled: true, PasswordLastUpdatedAt: ptr(created),
			Banned: su.banned, VerificationAttemptsRemaining: ptr(int64(maxVerificationAttempts)),
			CreatedAt: created, UpdatedAt: created + 2*hour,
			DeleteSelfEnabled: true, CreateOrganizationEnabled: true,
			LegalAcceptedAt: ptr(created),
		}}
		if su.username != "" {
			u.Username = ptr(su.username)
		}
		if su.email != "" {
			e := clerkapi.EmailAddress{ID: s.newID("idn"), Object: "email_address", EmailAddress: su.email,
				Verification: verificationOTP("email_code", created, ""), LinkedTo: []clerkapi.IdentificationLink{}, CreatedAt: created, UpdatedAt: created}
			u.EmailAddresses = append(u.EmailAddresses, e)
			u.PrimaryEmailAddressID = &u.EmailAddresses[0].ID
			byEmail[su.email] = u
		}
		if su.phone != "" {
			p := clerkapi.PhoneNumber{ID: s.newID("idn"), Object: "phone_number", PhoneNumber: su.phone,
				Verification: verificationOTP("phone_code", created, "sms"), LinkedTo: []clerkapi.IdentificationLink{}, CreatedAt: created, UpdatedAt: created}
			u.PhoneNumbers = append(u.PhoneNumbers, p)
			u.PrimaryPhoneNumberID = &u.PhoneNumbers[0].ID
		}
		if su.mfa {
			u.TwoFactorEnabled, u.TOTPEnabled, u.BackupCodeEnabled = true, true, true
			u.MFAEnabledAt = ptr(created + day)
		}
		if su.lastSignIn >= 0 {
			at := base - su.lastSignIn*day - int64(i)*7*minute
			u.LastSignInAt = &at
			u.LastActiveAt = ptr(at - at%day) // day precision, as Clerk reports it
			u.UpdatedAt = max(u.UpdatedAt, at)
		}
		if su.banned {
			u.UpdatedAt = base - 3*day
		}
		if su.locked {
			u.Locked = true
			u.lockedUntil = base + 45*minute
		}
		s.refreshUserImage(u)
		s.users.add(u.ID, u)
	}

	for i, so := range seedOrgs {
		created := base - so.age*day + int64(i)*31*minute
		creator := byEmail[so.members[0].email]
		o := &clerkapi.Organization{Object: "organization", ID: s.newID("org"), Name: so.name, Slug: so.slug,
			MaxAllowedMemberships: so.max, AdminDeleteEnabled: true,
			PublicMetadata: metadata(so.public), PrivateMetadata: metadata(so.private),
			CreatedBy: creator.ID, CreatedAt: created, UpdatedAt: created + day, LastActiveAt: base - int64(i+1)*hour}
		o.ImageURL = s.avatar("default", o.ID, initials(&o.Name, nil))
		s.orgs.add(o.ID, o)
		for j, sm := range so.members {
			at := created + int64(j)*(3*day+hour)
			m := s.addMember(o.ID, byEmail[sm.email].ID, sm.role, sm.public, sm.private, at)
			m.updatedAt = at
		}
	}
	orgs := s.orgs.all()
	acme, globex, initech := orgs[0], orgs[1], orgs[2]
	ada, grace, alan := byEmail["ada@acme.example.com"], byEmail["grace@globex.example.com"], byEmail["alan@initech.example.com"]

	type seedOrgInvite struct {
		org     *clerkapi.Organization
		email   string
		role    string
		inviter *user
		status  string
		age     int64 // days before BaseTime
		days    int64 // validity
	}
	for _, si := range []seedOrgInvite{
		{acme, "new.hire@acme.example.com", "org:member", ada, "pending", 3, 30},
		{acme, "contractor@example.org", "org:member", ada, "pending", 10, 30},
		{acme, "linus@acme.example.com", "org:member", ada, "accepted", 148, 30},
		{acme, "wrong.person@example.com", "org:member", ada, "revoked", 20, 30},
		{globex, "cfo@globex.example.com", "org:admin", grace, "pending", 2, 30},
		{globex, "old.invite@example.net", "org:member", grace, "pending", 45, 30}, // expired
		{initech, "milton@initech.example.com", "org:member", alan, "pending", 5, 14},
		{initech, "annie.easley@example.com", "org:member", alan, "pending", 1, 30},
	} {
		at := base - si.age*day
		it := clerkapi.CreateOrganizationInvitationsBulkRequestItem{EmailAddress: si.email, Role: si.role, InviterUserID: &si.inviter.ID, ExpiresInDays: &si.days}
		inv := s.addOrgInvite(si.org, &it, at)
		inv.Status = si.status
		if si.status != "pending" {
			inv.UpdatedAt = at + 2*day
		}
	}

	type seedDomain struct {
		org      *clerkapi.Organization
		name     string
		mode     string
		verified bool
		age      int64 // days before BaseTime
	}
	for _, sd := range []seedDomain{
		{acme, "acme.example.com", "automatic_invitation", true, 170},
		{globex, "globex.example.com", "automatic_suggestion", true, 165},
		{initech, "initech.example.com", "manual_invitation", true, 160},
		{acme, "acme-labs.example.net", "manual_invitation", false, 12},
	} {
		d := s.addOrgDomain(sd.org, sd.name, sd.mode, sd.verified, base-sd.age*day)
		d.UpdatedAt = d.CreatedAt + hour
	}

	invites := map[string]*clerkapi.Invitation{}
	type seedInvite struct {
		email  string
		status string
		age    int64
		public map[string]any
	}
	for _, si := range []seedInvite{
		{"sophie.wilson@example.org", "accepted", 31, map[string]any{"source": "waitlist"}},
		{"spam@example.net", "revoked", 26, nil},
		{"late@example.com", "pending", 40, nil}, // expired
		{"partner@example.org", "pending", 6, map[string]any{"partner": true, "cohort": "2026-Q2"}},
		{"beta.tester@example.com", "pending", 1, map[string]any{"cohort": "beta", "invited_by": "ada@acme.example.com"}},
	} {
		at := base - si.age*day
		inv := s.addInvite(&clerkapi.CreateInvitationsBulkRequestItem{EmailAddress: si.email, PublicMetadata: metadata(si.public)}, at)
		invites[si.email] = inv
		inv.Status = si.status
		if si.status != "pending" {
			inv.UpdatedAt = at + day
			inv.Revoked = si.status == "revoked"
		}
	}

	// The waitlist: Sophie joined it, was invited and signed up (her
	// invitation is accepted, so her entry reads completed).
	type seedWaitlist struct {
		email  string
		status string
		age    int64 // days before BaseTime
	}
	for _, sw := range []seedWaitlist{
		{"sophie.wilson@example.org", "invited", 40},
		{"spam.bot@example.net", "rejected", 21},
		{"early.bird@example.com", "pending", 12},
		{"beta.tester@example.com", "invited", 9},
		{"curious.cat@example.net", "pending", 4},
		{"hopeful@example.org", "pending", 1},
	} {
		w := s.addWaitlistEntry(sw.email, base-sw.age*day)
		w.Status = sw.status
		switch sw.status {
		case "invited":
			inv := invites[sw.email]
			w.inviteID, w.UpdatedAt = inv.ID, inv.CreatedAt
		case "rejected":
			w.UpdatedAt = w.CreatedAt + 2*day
		}
	}

	browsers := []clerkapi.SessionActivityResponse{
		{DeviceType: "Macintosh", BrowserName: "Chrome", BrowserVersion: "124.0.0.0", IPAddress: "203.0.113.10", City: "San Francisco", Country: "US"},
		{DeviceType: "iPhone", IsMobile: true, BrowserName: "Safari", BrowserVersion: "17.4", IPAddress: "198.51.100.23", City: "New York", Country: "US"},
		{DeviceType: "Windows", BrowserName: "Firefox", BrowserVersion: "125.0", IPAddress: "203.0.113.77", City: "London", Country: "GB"},
	}
	type seedSession struct {
		user   *user
		status string
		client int // sessions sharing a client share a browser
		age    int64
		org    *clerkapi.Organization
	}
	clients := map[int]string{}
	for i, ss := range []seedSession{
		{ada, "ended", 0, 9 * day, acme},
		{ada, "active", 0, 2 * hour, acme},
		{ada, "active", 1, 1 * day, globex},
		{grace, "active", 2, 1 * day, globex},
		{alan, "revoked", 3, 5 * day, initech},
		{alan, "active", 3, 2 * day, initech},
		{byEmail["katherine@acme.example.com"], "expired", 4, 9 * day, acme},
		{byEmail["ken@globex.example.com"], "revoked", 5, 40 * day, nil},
		{byEmail["linus@acme.example.com"], "abandoned", 6, 35 * day, nil},
	} {
		if _, ok := clients[ss.client]; !ok {
			clients[ss.client] = s.newID("client")
		}
		at := base - ss.age
		act := browsers[ss.client%len(browsers)]
		act.Object, act.ID = "session_activity", s.newID("sess_activity")
		var org *string
		if ss.org != nil {
			org = &ss.org.ID
		}
		updated := at + 20*minute + int64(i)*minute
		sess := s.addSession(ss.user, clients[ss.client], ss.status, org, &act, at, updated)
		if ss.status == "expired" {
			sess.ExpireAt = at + 7*day
		}
	}

	tmpl := &clerkapi.JWTTemplate{Object: "jwt_template", ID: s.newID("jtmp"), Name: "supabase", Lifetime: 60, AllowedClockSkew: 5,
		SigningAlgorithm: "HS256", CustomSigningKey: true, CreatedAt: base - 100*day, UpdatedAt: base - 30*day,
		Claims: map[string]any{"aud": "authenticated", "role": "authenticated", "email": "{{user.primary_email_address}}",
			"app_metadata": map[string]any{}, "user_metadata": map[string]any{"plan": "{{user.public_metadata.plan}}"}}}
	s.templates.add(tmpl.ID, tmpl)

	for i, a := range []struct{ id, kind string }{{"*@acme.example.com", "email_address"}, {"vip@example.com", "email_address"}, {"+14155550199", "phone_number"}} {
		at := base - int64(60-10*i)*day
		v := &clerkapi.AllowlistIdentifier{Object: "allowlist_identifier", ID: s.newID("alid"), Identifier: a.id, IdentifierType: a.kind,
			InstanceID: s.instanceID, CreatedAt: at, UpdatedAt: at}
		s.allow.add(v.ID, v)
	}
	for i, b := range []struct{ id, kind string }{{"spammer@example.net", "email_address"}, {"+18005550100", "phone_number"}, {"0x52908400098527886E0F7030069857D2E4169EE7", "web3_wallet"}} {
		at := base - int64(45-10*i)*day
		v := &clerkapi.BlocklistIdentifier{Object: "blocklist_identifier", ID: s.newID("blid"), Identifier: b.id, IdentifierType: b.kind,
			InstanceID: s.instanceID, CreatedAt: at, UpdatedAt: at}
		s.block.add(v.ID, v)
	}
	for i, u := range []string{"http://localhost:3000/sso-callback", "https://app.example.com/oauth/callback", "com.example.app://oauth-callback"} {
		at := base - int64(150-40*i)*day
		r := &clerkapi.RedirectURL{Object: "redirect_url", ID: s.newID("ru"), URL: u, CreatedAt: at, UpdatedAt: at}
		s.redirects.add(r.ID, r)
	}
	s.seedUserExtras()
}
