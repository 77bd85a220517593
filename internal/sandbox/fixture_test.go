package sandbox

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func loadExample(t *testing.T) *Fixture {
	t.Helper()
	f, err := LoadFixture(filepath.Join("testdata", "seed-example.json"))
	if err != nil {
		t.Fatalf("the example seed is refused: %v", err)
	}
	return f
}

// TestFixtureSeedsTheSandbox: the example fixture (the README's) replaces
// the demo data: its users, organization, memberships and invitations,
// referenced by email, username and slug, and nothing else.
func TestFixtureSeedsTheSandbox(t *testing.T) {
	s := testSandbox(WithFixture(loadExample(t)))
	users := hit1(t, s, "/users?limit=500")
	for _, want := range []string{`"ada@example.com"`, `"+14155550101"`, `"username":"ada"`, `"plan":"pro"`, `"crm_id":"c-1"`, `"alan@example.com"`, `"banned":true`} {
		if !strings.Contains(users, want) {
			t.Errorf("users lack %s", want)
		}
	}
	if strings.Contains(users, "acme.example.com") {
		t.Error("the demo users are still there")
	}
	orgs := hit1(t, s, "/organizations?limit=500")
	if !strings.Contains(orgs, `"slug":"acme"`) || !strings.Contains(orgs, `"max_allowed_memberships":10`) || strings.Contains(orgs, "globex") {
		t.Fatalf("organizations %s", orgs)
	}
	org := idOf(t, hit1(t, s, "/organizations/acme"))
	members := hit1(t, s, "/organizations/"+org+"/memberships")
	if strings.Count(members, `"object":"organization_membership"`) != 2 || !strings.Contains(members, `"role":"org:admin"`) {
		t.Errorf("memberships %s", members)
	}
	if inv := hit1(t, s, "/invitations?paginated=true"); !strings.Contains(inv, "grace@example.com") || !strings.Contains(inv, `"cohort":"beta"`) {
		t.Errorf("invitations %s", inv)
	}
	if inv := hit1(t, s, "/organizations/"+org+"/invitations"); !strings.Contains(inv, "linus@example.com") || !strings.Contains(inv, `"inviter_id"`) {
		t.Errorf("organization invitations %s", inv)
	}
}

// TestFixtureRefusals: every mistake names its JSON path and what is
// expected, and no sandbox is made from a refused fixture.
func TestFixtureRefusals(t *testing.T) {
	for _, tc := range []struct{ fixture, want string }{
		{`{"users":[{"email_addresses":["a@example.com"]},{"email_addresses":["b@example.com"]},{"email_addresses":["not-an-email"]}]}`,
			`users[2].email_addresses[0]: "not-an-email" is not an email address`},
		{`{"users":[{"emails":["a@example.com"]}]}`, `users[0].emails: unknown field; expected one of`},
		{`{"groups":[]}`, `groups: unknown field`},
		{`{"users":[{"username":"abc","first_name":null}]}`, `users[0].first_name: is null; leave the field out`},
		{`{"users":[{"username":123}]}`, `users[0].username: must be a string, not a number (123)`},
		{`{"users":[{"username":"abc","banned":"yes"}]}`, `users[0].banned: must be true or false, not a string ("yes")`},
		{`{"users":[{"username":"abc","public_metadata":"{}"}]}`, `users[0].public_metadata: must be an object`},
		{`{"users":[{"phone_numbers":["4155550101"]}]}`, `users[0].phone_numbers[0]: "4155550101" is not a phone number in E.164 form`},
		{`{"users":[{"email_addresses":"a@example.com"}]}`, `users[0].email_addresses: must be an array of strings`},
		{`{"users":[{"first_name":"Nobody"}]}`, `users[0]: needs an identifier`},
		{`{"users":[{"email_addresses":["a@example.com"]},{"email_addresses":["A@example.com"]}]}`, `users[1].email_addresses[0]: "a@example.com" is already users[0]'s`},
		{`{"users":{}}`, `users: must be an array of objects, not an object`},
		{`{"users":[42]}`, `users[0]: must be an object, not a number (42)`},
		{`{"organizations":[{"name":"A","slug":"a","max_allowed_memberships":2.5}]}`, `organizations[0].max_allowed_memberships: must be a whole number ≥ 0, not 2.5`},
		{`{"organizations":[{"name":"A","slug":"a","max_allowed_memberships":-1}]}`, `organizations[0].max_allowed_memberships: must be a whole number ≥ 0, not -1`},
		{`{"organizations":[{"name":"A"}]}`, `organizations[0].slug: is required`},
		{`{"organizations":[{"name":"A","slug":"Not A Slug"}]}`, `organizations[0].slug: "Not A Slug" is not a slug`},
		{`{"organizations":[{"name":"A","slug":"a"},{"name":"B","slug":"a"}]}`, `organizations[1].slug: "a" is already another organization's`},
		{`{"organizations":[{"name":"A","slug":"a","created_by":"ghost"}]}`, `organizations[0].created_by: "ghost" is no user's email address or username`},
		{`{"users":[{"username":"abc"}],"organizations":[{"name":"A","slug":"a"}],"memberships":[{"organization":"a"}]}`, `memberships[0].user: is required`},
		{`{"users":[{"username":"abc"}],"memberships":[{"organization":"nope","user":"abc"}]}`, `memberships[0].organization: "nope" is no organization's slug`},
		{`{"users":[{"username":"abc"}],"organizations":[{"name":"A","slug":"a"}],"memberships":[{"organization":"a","user":"abc","role":"admin"}]}`, `memberships[0].role: "admin" is not a role`},
		{`{"users":[{"username":"abc"}],"organizations":[{"name":"A","slug":"a"}],"memberships":[{"organization":"a","user":"abc"},{"organization":"a","user":"abc"}]}`, `memberships[1]: the user is already a member of "a"`},
		{`{"invitations":[{"email_address":"x"}]}`, `invitations[0].email_address: "x" is not an email address`},
		{`{"organization_invitations":[{"organization":"a","email_address":"x@example.com","inviter":"ghost"}]}`, `organization_invitations[0].organization: "a" is no organization's slug`},
		{`[]`, `(top): must be an object`},
		{`{"users":[]`, `not valid JSON`},
		{`{"users":[]} {"users":[]}`, `more than one value`},
	} {
		f, err := ParseFixture([]byte(tc.fixture))
		if err == nil || f != nil {
			t.Errorf("%s: accepted", tc.fixture)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s:\n got %v\nwant %s", tc.fixture, err, tc.want)
		}
	}
	// A bad file's error names the file.
	path := filepath.Join(t.TempDir(), "seed.json")
	if err := os.WriteFile(path, []byte(`{"users":[{"username":1}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Start("", path); err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "users[0].username") {
		t.Errorf("Start with a bad seed: %v", err)
	}
}

// TestFixtureWithState: with a state file, the seed applies when the file
// is new; later, the file's own seed stays and a different one given is
// reported as not applied.
func TestFixtureWithState(t *testing.T) {
	dir := t.TempDir()
	state := filepath.Join(dir, "state.db")
	seed := filepath.Join("testdata", "seed-example.json")
	s, where, err := Start(state, seed, WithSigningKey(stateTestKey()))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(where, "not applied") {
		t.Errorf("a new state file reports its seed as not applied: %s", where)
	}
	hit(t, s, "POST", "/organizations", `{"name":"After Seed"}`)
	s.Close()

	other := filepath.Join(dir, "other.json")
	if err := os.WriteFile(other, []byte(`{"users":[{"username":"someone"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	s, where, err = Start(state, other, WithSigningKey(stateTestKey()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !strings.Contains(where, "--sandbox-seed "+other+" was not applied") {
		t.Errorf("the ignored seed is not reported: %s", where)
	}
	users := hit1(t, s, "/users?limit=500")
	if !strings.Contains(users, "ada@example.com") || strings.Contains(users, "someone") {
		t.Errorf("after restart with another seed, users are %s", users)
	}
	if orgs := hit1(t, s, "/organizations?limit=500"); !strings.Contains(orgs, "After Seed") {
		t.Error("the change after the seed is lost")
	}
}

// TestFixtureExampleInREADME: the README shows the example fixture the
// tests load, byte for byte.
func TestFixtureExampleInREADME(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Skip("no README: ", err)
	}
	example, err := os.ReadFile(filepath.Join("testdata", "seed-example.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```json\n"+string(example)+"```") {
		t.Error("README.md does not show internal/sandbox/testdata/seed-example.json as a ```json block; copy it there")
	}
}
