package tools

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// fuzzTools are representative tools for FuzzDecodeArguments: path, query
// (arrays, enums, integers), body (nested, free-form, whole-array),
// multipart upload, machine-key auth, and a destructive (gated) one.
var fuzzTools = []string{
	"get_user",
	"list_users",
	"create_user",
	"update_user",
	"update_user_metadata",
	"delete_user",
	"list_organization_memberships",
	"get_user_oauth_access_tokens",
	"upsert_template",
	"create_organization_invitations_bulk",
	"upload_organization_logo",
	"create_m2m_token",
}

// stubClerk answers every request at once, without a network.
type stubClerk struct{}

func (stubClerk) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		_ = r.Body.Close()
	}
	return &http.Response{
		StatusCode: http.StatusOK,
		Header:     http.Header{"Content-Type": {"application/json"}},
		Body:       io.NopCloser(strings.NewReader(`{"object":"user","id":"user_1","private_metadata":{"a":1}}`)),
		Request:    r,
	}, nil
}

// FuzzDecodeArguments feeds arbitrary argument bytes to a tool through the
// handler's whole path (decode, normalize, validate, gate, build, shape):
// nothing panics, a refusal is an isError text naming the tool, and any
// result is a non-empty text.
func FuzzDecodeArguments(f *testing.F) {
	for i, args := range []string{
		`{"user_id":"user_1"}`,
		`{"user_id":"../organizations"}`,
		`{"limit":10,"offset":0,"order_by":"-created_at","email_address":["a@b.c","d@e.f"]}`,
		`{"limit":"10","email_address":"a@b.c"}`,
		`{"email_address":["a@example.com"],"password":"x","public_metadata":{"a":[1,{"b":null}]},"skip_password_checks":true}`,
		`{"user_id":"u","first_name":null,"unsafe_metadata":"{\"x\":1}"}`,
		`{"user_id":"u","public_metadata":{"plan":"pro"},"private_metadata":null}`,
		`{"user_id":"user_1","confirm":"AAAAAAAAAAAAAAAAAAAAAAAAAAA"}`,
		`{"organization_id":"org_1","role":["admin"],"limit":500}`,
		`{"user_id":"u","provider":"oauth_google","limit":1e400}`,
		`{"template_type":"email","slug":"x","name":"n","body":"b","delivered_by_clerk":true}`,
		`{"organization_id":"org_1","invitations":[{"email_address":"a@b.c","role":"org:member"}]}`,
		`{"organization_id":"org_1","file_base64":"iVBORw0KGgo=","uploader_user_id":"u"}`,
		`{"machine_secret_key":"ak_fuzz","seconds_until_expiration":60,"claims":{"a":1}}`,
		``, `null`, `[]`, `"x"`, `{`, `{"a":1,"a":2}`, `{"user_id":"\ud800"}`,
	} {
		f.Add(uint8(i), []byte(args))
	}
	fakeClient := &http.Client{Transport: stubClerk{}}
	h := NewHandler(Config{
		Client: clerkapi.New(clerkapi.Config{
			BaseURL: "http://clerk.invalid/v1", SecretKey: "sk_test_fuzz", MaxRetries: -1,
			HTTPClient: fakeClient, Uploads: clerkapi.Uploads{HTTPClient: fakeClient},
		}),
		Gate:   NewGate([]byte("fuzz"), time.Minute),
		Policy: PolicyToken,
	})
	ops := make([]*clerkapi.Operation, len(fuzzTools))
	for i, name := range fuzzTools {
		op, ok := clerkapi.Lookup(name)
		if !ok {
			f.Fatalf("no tool %s", name)
		}
		ops[i] = op
	}
	f.Fuzz(func(t *testing.T, pick uint8, raw []byte) {
		op := ops[int(pick)%len(ops)]
		if _, problem := h.decode(op, append([]byte(nil), raw...), ProfileCanonical); problem != "" && !strings.HasPrefix(problem, "Invalid arguments for "+op.Name) {
			t.Fatalf("decode problem does not name the tool: %q", problem)
		}
		res := h.Call(context.Background(), op, raw)
		if res == nil || len(res.Content) == 0 {
			t.Fatalf("no result for %s %q", op.Name, raw)
		}
		got := text(res)
		if got == "" {
			t.Fatalf("empty text for %s %q", op.Name, raw)
		}
		if strings.Contains(got, "internal error in") {
			t.Fatalf("%s panicked on %q", op.Name, raw)
		}
		if strings.Contains(got, "sk_test_fuzz") {
			t.Fatalf("%s echoed the secret key: %q", op.Name, got)
		}
	})
}
