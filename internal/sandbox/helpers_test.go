package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// exchange is one request the sandbox answered, as it went over the wire.
type exchange struct {
	method, path string
	query        string
	status       int
	body         []byte
}

// recordingTransport keeps the raw answers, so tests see the sandbox's own
// bytes rather than what the client made of them.
type recordingTransport struct {
	next http.RoundTripper
	mu   sync.Mutex
	log  []exchange
}

func (r *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	r.mu.Lock()
	r.log = append(r.log, exchange{req.Method, req.URL.Path, req.URL.RawQuery, resp.StatusCode, body})
	r.mu.Unlock()
	return resp, nil
}

func (r *recordingTransport) take() []exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.log
	r.log = nil
	return out
}

// env is a fresh sandbox with a client on it.
type env struct {
	t      *testing.T
	s      *Sandbox
	client *clerkapi.Client
	rec    *recordingTransport
}

// testSandbox is a sandbox on the deterministic test clock: seeded at
// BaseTime, a second later at each request, so timestamps (and golden
// files) are the same on every run.
func testSandbox(opts ...Option) *Sandbox {
	return New(append([]Option{WithClock(SteppingClock(BaseTime))}, opts...)...)
}

func newEnv(t *testing.T) *env {
	t.Helper()
	s := testSandbox()
	rec := &recordingTransport{next: s.Transport()}
	cfg := s.Config()
	cfg.HTTPClient = &http.Client{Transport: rec}
	cfg.Timeout = 10 * time.Second
	return &env{t: t, s: s, client: clerkapi.New(cfg), rec: rec}
}

func op(t *testing.T, name string) *clerkapi.Operation {
	t.Helper()
	o, ok := clerkapi.Lookup(name)
	if !ok {
		t.Fatalf("no operation %s", name)
	}
	return o
}

// args builds arguments from a JSON object literal.
func args(t *testing.T, js string) clerkapi.Args {
	t.Helper()
	var a clerkapi.Args
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		t.Fatalf("bad test arguments %s: %v", js, err)
	}
	return a
}

// argsOf builds arguments from a Go value.
func argsOf(t *testing.T, v any) clerkapi.Args {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return args(t, string(b))
}

// do calls an operation and returns the decoded body, or the API error.
func (e *env) do(name string, a clerkapi.Args) (map[string]any, *clerkapi.APIError) {
	e.t.Helper()
	resp, err := e.client.Do(context.Background(), op(e.t, name), a)
	if err != nil {
		var ae *clerkapi.APIError
		if errors.As(err, &ae) {
			return nil, ae
		}
		e.t.Fatalf("%s: %v", name, err)
	}
	var out map[string]any
	if body := bytes.TrimSpace(resp.Body); len(body) > 0 && body[0] == '[' {
		resp.Body = []byte(`{"data":` + string(body) + `}`) // a bare array, e.g. ban_users
	}
	if len(resp.Body) > 0 {
		dec := json.NewDecoder(bytes.NewReader(resp.Body))
		dec.UseNumber()
		if err := dec.Decode(&out); err != nil {
			e.t.Fatalf("%s: body is not an object: %v\n%s", name, err, resp.Body)
		}
	}
	return out, nil
}

// ok calls an operation that must succeed.
func (e *env) ok(name string, a clerkapi.Args) map[string]any {
	e.t.Helper()
	out, ae := e.do(name, a)
	if ae != nil {
		e.t.Fatalf("%s %v: %v", name, a, ae)
	}
	return out
}

// fails calls an operation that must fail with the status and code.
func (e *env) fails(name string, a clerkapi.Args, status int, code string) *clerkapi.APIError {
	e.t.Helper()
	_, ae := e.do(name, a)
	if ae == nil {
		e.t.Fatalf("%s %v succeeded; want %d %s", name, a, status, code)
		return nil
	}
	if ae.Status != status || ae.Code() != code {
		e.t.Fatalf("%s %v: got %d %s, want %d %s (%v)", name, a, ae.Status, ae.Code(), status, code, ae)
	}
	return ae
}

// userID returns the ID of the user holding an email address or username.
func (e *env) userID(identifier string) string {
	e.t.Helper()
	e.s.mu.Lock()
	defer e.s.mu.Unlock()
	for _, kind := range []string{"email_address", "username", "phone_number"} {
		if u := e.s.ownerOf(kind, identifier); u != nil {
			return u.ID
		}
	}
	e.t.Fatalf("no user %s", identifier)
	return ""
}

// orgID returns the ID of the organization with a slug.
func (e *env) orgID(slug string) string {
	e.t.Helper()
	e.s.mu.Lock()
	defer e.s.mu.Unlock()
	o := e.s.slugOwner(slug)
	if o == nil {
		e.t.Fatalf("no organization %s", slug)
	}
	return o.ID
}

// first returns the ID of the first stored item the predicate accepts.
func first[T any](e *env, tb *table[T], id func(*T) string, keep func(*T) bool) string {
	e.t.Helper()
	e.s.mu.Lock()
	defer e.s.mu.Unlock()
	for _, v := range tb.all() {
		if keep(v) {
			return id(v)
		}
	}
	e.t.Fatal("no matching seed item")
	return ""
}

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func items(m map[string]any) []map[string]any {
	raw, _ := m["data"].([]any)
	out := make([]map[string]any, 0, len(raw))
	for _, r := range raw {
		out = append(out, r.(map[string]any))
	}
	return out
}

func count(m map[string]any) int64 {
	n, _ := m["total_count"].(json.Number).Int64()
	return n
}

// pngBase64 is a 1×1 PNG.
const pngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
