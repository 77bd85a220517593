// Package sandbox is an in-memory, in-process Clerk: an http.Handler that
// answers the Backend API's paths and shapes under /v1, seeded with
// deterministic demo data, so the server can run without a Clerk account and
// tests get real stateful flows. The production client is used unchanged;
// only its base URL and http.RoundTripper point here.
//
// Operations the sandbox emulates keep state like Clerk does; every other
// operation of the catalog answers a Clerk-shaped 501 sandbox_not_emulated,
// never a made-up success.
package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// BaseURL is the base URL that pairs with Transport: requests to it never
// leave the process.
const BaseURL = "http://sandbox.invalid/v1"

// SecretKey is the key Config sends, and the one `sandbox serve` logs. The
// sandbox accepts any non-empty key; served, any key of the form sk_test_….
const SecretKey = "sk_test_sandbox"

// BaseTime is where SteppingClock starts in the tests: the seed data is
// then dated before it, the same on every run.
var BaseTime = time.Date(2026, time.May, 12, 9, 0, 0, 0, time.UTC)

// SteppingClock returns a deterministic clock for tests and golden files:
// its first reading is start, and each later one a second after the last.
func SteppingClock(start time.Time) func() time.Time {
	var mu sync.Mutex
	t := start.Add(-time.Second)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Second)
		return t
	}
}

// Sandbox is an in-memory Clerk instance. It is safe for concurrent use.
type Sandbox struct {
	mu    sync.Mutex
	clock func() time.Time
	now   int64 // Unix ms of the request being served (at New: the seed's "now")

	seq    map[string]int // per ID prefix
	traces int

	// Built on first use, so a sandbox that never reaches them pays nothing.
	mx   *machineState // machines.go, m2m_tokens.go, api_keys.go
	idp  *oauthState   // oauth_applications.go
	sso  *ssoState     // enterprise_connections.go, saml_connections.go, directories.go
	bill *billingState // billing.go

	instanceID string
	users      table[user]
	orgs       table[clerkapi.Organization]
	members    table[membership]
	orgInvites table[clerkapi.OrganizationInvitation]
	invites    table[clerkapi.Invitation]
	sessions   table[clerkapi.Session]
	templates  table[clerkapi.JWTTemplate]
	allow      table[clerkapi.AllowlistIdentifier]
	block      table[clerkapi.BlocklistIdentifier]
	redirects  table[clerkapi.RedirectURL]
	domains    table[clerkapi.Domain]
	orgDomains table[orgDomain]
	waitlist   table[waitlistEntry]

	instance      clerkapi.Instance
	restrictions  clerkapi.InstanceRestrictions
	protect       clerkapi.InstanceProtect
	communication clerkapi.InstanceCommunication
	oauthSettings clerkapi.OAuthApplicationSettings
	orgSettings   clerkapi.OrganizationSettings

	mint     mintState               // tokens.go, instancemisc.go, verification.go
	creds    map[string]*credentials // user_credentials.go, by user ID
	signer   *signer                 // signing.go, the key made on first use
	rbac     *rbacState              // roles.go, built on first use
	messages *messageState           // templates.go, built on first use

	testKeysOnly bool // serve.go: RequireTestKeys

	fixture  *Fixture // fixture.go: WithFixture; nil seeds the demo data
	deferred bool     // persist.go: Deferred; the seed is built at the first request
	store    *journal // persist.go: Open; nil keeps the sandbox in memory only
}

// Option configures a Sandbox.
type Option func(*Sandbox)

// WithClock sets the clock the sandbox reads: once at New, where the seed
// data is dated before that reading, and once per request served. The
// default is the real clock, so that a new invitation expires in the future
// and a session's age is real; tests pass SteppingClock(BaseTime) to get the
// same timestamps, and so the same golden files, on every run.
func WithClock(clock func() time.Time) Option {
	return func(s *Sandbox) { s.clock = clock }
}

// New returns a sandbox holding the seed data: the same IDs on every run,
// dated relative to the clock's first reading.
func New(opts ...Option) *Sandbox {
	s := &Sandbox{clock: time.Now, seq: map[string]int{}}
	for _, o := range opts {
		o(s)
	}
	s.now = s.clock().UnixMilli()
	if !s.deferred {
		s.seedData()
	}
	return s
}

// Config returns a client configuration that reaches this sandbox in-process.
// Retries are off: the sandbox never fails transiently, and a retried 501
// would only be slower.
func (s *Sandbox) Config() clerkapi.Config {
	return clerkapi.Config{
		BaseURL:    BaseURL,
		SecretKey:  SecretKey,
		MaxRetries: -1,
		HTTPClient: &http.Client{Transport: s.Transport()},
	}
}

// tick returns the time of the request being served, in Unix ms, for a
// write to stamp.
func (s *Sandbox) tick() int64 {
	return s.now
}

// ---- HTTP ----

// ServeHTTP answers one Backend API request.
func (s *Sandbox) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	status, body := s.serve(r)
	w.Header().Set("Content-Type", "application/json")
	if len(body) > 0 && body[0] == '<' { // the interstitial's HTML: JSON never starts with <
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	if body == nil {
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// serve routes, authenticates and runs the request under the lock, and
// returns the status and the encoded body (nil for no body).
//
// Every entry to the sandbox's state (this and the authorization server)
// calls begin under the lock.
func (s *Sandbox) serve(r *http.Request) (int, []byte) {
	var body []byte
	var readErr error
	if r.Body != nil {
		body, readErr = io.ReadAll(io.LimitReader(r.Body, 32<<20))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.begin()
	if readErr != nil {
		return s.encodeError(errBadRequest("malformed_request", "malformed request", "The request body could not be read."))
	}
	if s.store != nil {
		return s.serveDurably(r, body)
	}
	return s.route(r, body)
}

// route authenticates and runs one request; the caller holds the lock.
func (s *Sandbox) route(r *http.Request, body []byte) (int, []byte) {

	path, ok := strings.CutPrefix(r.URL.EscapedPath(), "/v1/")
	if !ok {
		return s.encodeError(errRouteNotFound(r))
	}
	segs := strings.Split(path, "/")
	for i, seg := range segs {
		v, err := url.PathUnescape(seg)
		if err != nil {
			return s.encodeError(errRouteNotFound(r))
		}
		segs[i] = v
	}
	rt, params := match(r.Method, segs)
	if rt == nil || !rt.op.NoAuth {
		if !authorized(r, s.testKeysOnly) {
			return s.encodeError(&apiError{status: 401, code: "authentication_invalid", message: "Invalid authentication",
				long: "Unable to authenticate the request, you need to supply an active API key"})
		}
	}
	if rt == nil {
		return s.encodeError(errRouteNotFound(r))
	}
	if rt.handle == nil {
		return s.encodeError(errNotEmulated(rt.op))
	}
	c := &call{op: rt.op, req: r, path: params, body: body}
	if err := c.open(); err != nil {
		return s.encodeFailure(err)
	}
	out, err := rt.handle(s, c)
	if err != nil {
		return s.encodeFailure(err)
	}
	status := http.StatusOK
	if a, ok := out.(answer); ok {
		status, out = a.status, a.body
	}
	switch v := out.(type) {
	case noContent:
		if status == http.StatusOK {
			status = http.StatusNoContent
		}
		return status, nil
	case html:
		return status, []byte(v)
	}
	b, err := json.Marshal(out)
	if err != nil {
		return s.encodeError(&apiError{status: 500, code: "internal_clerk_error", message: "Oops, an unexpected error occurred", long: err.Error()})
	}
	return status, b
}

// authorized checks the Authorization header the way Clerk rejects a missing
// key: any non-empty bearer token passes, or with testKeysOnly (sandbox
// serve) any token of the form sk_test_….
func authorized(r *http.Request, testKeysOnly bool) bool {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if testKeysOnly {
		return ok && strings.EqualFold(scheme, "Bearer") && testKey(token)
	}
	return ok && strings.EqualFold(scheme, "Bearer") && strings.TrimSpace(token) != ""
}

// noContent is the result of an operation Clerk answers with 204.
type noContent struct{}

// answer is a result Clerk sends with a status other than 200 (201, or 202
// with noContent).
type answer struct {
	status int
	body   any
}

// html is a text/html answer body.
type html string

// ---- errors ----

// apiError is an error answer in Clerk's shape.
type apiError struct {
	status  int
	code    string
	message string
	long    string
	meta    map[string]any
	also    []*apiError // further errors of the same answer (one per field at fault)
}

func (e *apiError) Error() string { return e.code + ": " + e.long }

type errorBody struct {
	Errors  []errorItem `json:"errors"`
	TraceID string      `json:"clerk_trace_id"`
}

type errorItem struct {
	Message     string         `json:"message"`
	LongMessage string         `json:"long_message"`
	Code        string         `json:"code"`
	Meta        map[string]any `json:"meta,omitempty"`
}

func (s *Sandbox) encodeError(e *apiError) (int, []byte) {
	s.traces++
	items := []errorItem{{Message: e.message, LongMessage: e.long, Code: e.code, Meta: e.meta}}
	for _, a := range e.also {
		items = append(items, errorItem{Message: a.message, LongMessage: a.long, Code: a.code, Meta: a.meta})
	}
	b, _ := json.Marshal(errorBody{Errors: items, TraceID: hashHex("trace", s.traces)[:32]})
	return e.status, b
}

// encodeFailure answers a handler's error: an *apiError as it is, anything
// else as Clerk's 500.
func (s *Sandbox) encodeFailure(err error) (int, []byte) {
	if ae, ok := err.(*apiError); ok {
		return s.encodeError(ae)
	}
	return s.encodeError(&apiError{status: 500, code: "internal_clerk_error", message: "Oops, an unexpected error occurred", long: err.Error()})
}

func errRouteNotFound(r *http.Request) *apiError {
	return &apiError{status: 404, code: "resource_not_found", message: "not found",
		long: fmt.Sprintf("The requested resource %s %s was not found.", r.Method, r.URL.Path)}
}

func errNotEmulated(op *clerkapi.Operation) *apiError {
	return &apiError{status: 501, code: "sandbox_not_emulated",
		message: op.Name + " is not emulated by the sandbox",
		long: fmt.Sprintf("The clerk-mcp sandbox does not emulate %s (%s %s); nothing was done. Run against a real Clerk instance to use it.",
			op.Name, op.Method, op.Path),
		meta: map[string]any{"operation": op.Name}}
}

// errNotFound is Clerk's 404 for a missing resource of the given kind.
func errNotFound(kind, id string) *apiError {
	return &apiError{status: 404, code: "resource_not_found", message: "not found",
		long: fmt.Sprintf("No %s was found with id %s", kind, id)}
}

func errParamMissing(param string) *apiError {
	return &apiError{status: 422, code: "form_param_missing", message: param + " is missing",
		long: param + " must be included.", meta: map[string]any{"param_name": param}}
}

func errParamInvalid(param, long string) *apiError {
	return &apiError{status: 422, code: "form_param_format_invalid", message: param + " is invalid",
		long: long, meta: map[string]any{"param_name": param}}
}

func errParamUnknown(param string) *apiError {
	return &apiError{status: 422, code: "form_param_unknown", message: "is unknown",
		long: param + " is not a valid parameter for this request.", meta: map[string]any{"param_name": param}}
}

// errTaken is Clerk's answer when a unique identifier is already in use.
func errTaken(param, what string) *apiError {
	return &apiError{status: 422, code: "form_identifier_exists", message: "That " + what + " is taken. Please try another.",
		long: "That " + what + " is taken. Please try another.", meta: map[string]any{"param_name": param}}
}

func errBadRequest(code, message, long string) *apiError {
	return &apiError{status: 400, code: code, message: message, long: long}
}

// ---- transport ----

// Transport returns an http.RoundTripper that serves requests in-process,
// opening no port: pair it with BaseURL.
func (s *Sandbox) Transport() http.RoundTripper { return roundTripper{s} }

type roundTripper struct{ h http.Handler }

func (t roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		_ = req.Body.Close()
		if err != nil {
			return nil, err
		}
		body = b
	}
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	in := req.Clone(req.Context())
	in.Body = io.NopCloser(bytes.NewReader(body))
	in.ContentLength = int64(len(body))
	in.RequestURI = req.URL.RequestURI()
	in.RemoteAddr = "127.0.0.1:0"
	if in.Host == "" {
		in.Host = req.URL.Host
	}
	rec := &recorder{header: http.Header{}}
	t.h.ServeHTTP(rec, in)
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", rec.status, http.StatusText(rec.status)),
		StatusCode:    rec.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        rec.header,
		Body:          io.NopCloser(bytes.NewReader(rec.body.Bytes())),
		ContentLength: int64(rec.body.Len()),
		Request:       req,
	}, nil
}

// recorder is the minimal http.ResponseWriter behind Transport.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}

// lazyRegexp compiles expr on first use: the sandbox is in every binary and
// used in few runs, so it costs start-up nothing.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// begin starts a request under the lock: the deferred seed is built at the
// first one, and the clock is read once (time never runs back).
func (s *Sandbox) begin() {
	if s.deferred {
		s.deferred = false
		s.seedData()
	}
	s.now = max(s.now, s.clock().UnixMilli())
}
