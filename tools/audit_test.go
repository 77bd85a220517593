package tools

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/audit"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
)

// syncBuffer is an audit sink tests read while the server writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// records decodes the audit lines, each one JSON object on its own line,
// with the time, duration and session normalised (checked first).
func records(t *testing.T, lines string) []audit.Record {
	t.Helper()
	var out []audit.Record
	sc := bufio.NewScanner(strings.NewReader(lines))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var r audit.Record
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		require.NoError(t, dec.Decode(&r), sc.Text())
		require.False(t, r.Time.IsZero(), "record without time: %s", sc.Text())
		require.WithinDuration(t, time.Now(), r.Time, time.Minute)
		require.GreaterOrEqual(t, r.DurationMS, 0.0)
		r.Time, r.DurationMS, r.Session = time.Time{}, 0, ""
		out = append(out, r)
	}
	return out
}

// auditedSession is an in-process MCP session (protocol 2025-06-18) on a
// server whose audit trail is buf; nil elicit declares no elicitation.
func auditedSession(t *testing.T, cfg Config, sel *Selection, elicit client.ElicitationHandler) (*client.Client, *fakeclerk.Server, *syncBuffer) {
	t.Helper()
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	fake.Respond(fakeclerk.Response{Status: 200, Header: map[string]string{clerkapi.TraceHeader: "trace_ok"}, Body: []byte(`{"object":"user","id":"user_1"}`)})
	buf := &syncBuffer{}
	cfg.Client = clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: goldenKey, MaxRetries: -1})
	cfg.Audit = audit.New(buf, audit.Options{})
	s, err := NewServer(ServerConfig{Config: cfg, Selection: sel})
	require.NoError(t, err)
	var opts []client.ClientOption
	if elicit != nil {
		opts = append(opts, client.WithElicitationHandler(elicit))
	}
	c, err := client.NewInProcessClientWithOptions(s, opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	require.NoError(t, c.Start(context.Background()))
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "test", Version: "1"}
	if elicit != nil {
		init.Params.Capabilities.Elicitation = &mcp.ElicitationCapability{}
	}
	_, err = c.Initialize(context.Background(), init)
	require.NoError(t, err)
	return c, fake, buf
}

// The expected records' shared parts.
func delRec(outcome string, conf *audit.Confirmation) audit.Record {
	return audit.Record{Caller: "anonymous", Tool: "delete_user", Kind: "destructive", Method: "DELETE", Path: "/users/{user_id}",
		Targets: map[string]string{"user_id": "user_1"}, Arguments: map[string]any{"user_id": "user_1"}, Confirmation: conf, Outcome: outcome}
}

func ran(r audit.Record) audit.Record {
	r.ClerkStatus, r.ClerkTraceID = 200, "trace_ok"
	return r
}

func refusedRec(r audit.Record, reason string) audit.Record {
	r.Reason = reason
	return r
}

func conf(mode, outcome, reason string) *audit.Confirmation {
	return &audit.Confirmation{Mode: mode, Outcome: outcome, Reason: reason}
}

// A step is one call; confirm sends the last preview's token, expire
// moves the gate's clock past its expiry.
type step struct {
	tool    string
	args    map[string]any
	confirm bool
	expire  bool
}

var del = map[string]any{"user_id": "user_1"}

// TestAuditGateMatrix runs every row of the confirmation gate matrix and
// compares the audit trail with exactly the records expected, and the
// requests Clerk got with exactly the writes that ran.
func TestAuditGateMatrix(t *testing.T) {
	slow := elicitFunc(func(ctx context.Context, _ mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	})
	yes := answer(mcp.ElicitationResponseActionAccept, map[string]any{"confirm": true})
	readOnly := &Selection{Toolsets: []string{"all"}, ReadOnly: true}
	cases := []struct {
		name   string
		policy Policy
		sel    *Selection
		elicit client.ElicitationHandler
		steps  []step
		writes int
		want   []audit.Record
	}{
		{"token issued, then redeemed", PolicyToken, nil, nil,
			[]step{{tool: "delete_user", args: del}, {tool: "delete_user", args: del, confirm: true}}, 1,
			[]audit.Record{delRec("preview", conf("token", "issued", "")), ran(delRec("ok", conf("token", "redeemed", "")))}},
		{"token replayed", PolicyToken, nil, nil,
			[]step{{tool: "delete_user", args: del}, {tool: "delete_user", args: del, confirm: true}, {tool: "delete_user", args: del, confirm: true}}, 1,
			[]audit.Record{delRec("preview", conf("token", "issued", "")), ran(delRec("ok", conf("token", "redeemed", ""))),
				refusedRec(delRec("refused", conf("token", "refused", ErrTokenUsed.Error())), ErrTokenUsed.Error())}},
		{"token mismatched (other arguments)", PolicyToken, nil, nil,
			[]step{{tool: "delete_user", args: map[string]any{"user_id": "user_2"}}, {tool: "delete_user", args: del, confirm: true}}, 0,
			[]audit.Record{
				func() audit.Record {
					r := delRec("preview", conf("token", "issued", ""))
					r.Targets, r.Arguments = map[string]string{"user_id": "user_2"}, map[string]any{"user_id": "user_2"}
					return r
				}(),
				refusedRec(delRec("refused", conf("token", "refused", ErrTokenMismatch.Error())), ErrTokenMismatch.Error())}},
		{"token expired", PolicyToken, nil, nil,
			[]step{{tool: "delete_user", args: del}, {tool: "delete_user", args: del, confirm: true, expire: true}}, 0,
			[]audit.Record{delRec("preview", conf("token", "issued", "")),
				refusedRec(delRec("refused", conf("token", "refused", ErrTokenExpired.Error())), ErrTokenExpired.Error())}},
		{"token malformed", PolicyToken, nil, nil,
			[]step{{tool: "delete_user", args: map[string]any{"user_id": "user_1", "confirm": "not-a-token"}}}, 0,
			[]audit.Record{refusedRec(delRec("refused", conf("token", "refused", ErrTokenMalformed.Error())), ErrTokenMalformed.Error())}},
		{"auto without elicitation falls back to a token", PolicyAuto, nil, nil,
			[]step{{tool: "delete_user", args: del}}, 0,
			[]audit.Record{delRec("preview", conf("token", "issued", ""))}},
		{"elicitation accepted", PolicyAuto, nil, yes,
			[]step{{tool: "delete_user", args: del}}, 1,
			[]audit.Record{ran(delRec("ok", conf("elicitation", "accepted", "")))}},
		{"elicitation declined", PolicyElicit, nil, answer(mcp.ElicitationResponseActionDecline, nil),
			[]step{{tool: "delete_user", args: del}}, 0,
			[]audit.Record{refusedRec(delRec("refused", conf("elicitation", "declined", "")), "confirmation declined")}},
		{"elicitation cancelled", PolicyAuto, nil, answer(mcp.ElicitationResponseActionCancel, nil),
			[]step{{tool: "delete_user", args: del}}, 0,
			[]audit.Record{refusedRec(delRec("refused", conf("elicitation", "cancelled", "")), "confirmation cancelled")}},
		{"elicitation timeout", PolicyAuto, nil, slow,
			[]step{{tool: "delete_user", args: del}}, 0,
			[]audit.Record{refusedRec(delRec("refused", conf("elicitation", "timeout", "")), "confirmation timeout")}},
		{"elicit policy without client support", PolicyElicit, nil, nil,
			[]step{{tool: "delete_user", args: del}}, 0,
			[]audit.Record{refusedRec(delRec("refused", conf("elicitation", "refused", "this client did not declare the elicitation capability")), "this client did not declare the elicitation capability")}},
		{"elicit policy refuses a token", PolicyElicit, nil, yes,
			[]step{{tool: "delete_user", args: map[string]any{"user_id": "user_1", "confirm": "AAAAAAAAAAAAAAAAAAAAAAAAAAA"}}}, 0,
			[]audit.Record{refusedRec(delRec("refused", conf("elicitation", "refused", "a token was given; this server confirms with the user only")), "a token was given; this server confirms with the user only")}},
		{"policy off", PolicyOff, nil, nil,
			[]step{{tool: "delete_user", args: del}}, 1,
			[]audit.Record{ran(delRec("ok", conf("off", "none", "")))}},
		{"write runs, read is not recorded", PolicyToken, nil, nil,
			[]step{{tool: "update_user", args: map[string]any{"user_id": "user_1", "first_name": "Ada"}}, {tool: "get_user", args: del}}, 1,
			[]audit.Record{{Caller: "anonymous", Tool: "update_user", Kind: "write", Method: "PATCH", Path: "/users/{user_id}",
				Targets: map[string]string{"user_id": "user_1"}, Arguments: map[string]any{"user_id": "user_1", "first_name": "Ada"},
				ClerkStatus: 200, ClerkTraceID: "trace_ok", Outcome: "ok"}}},
		{"validation refusal of a write", PolicyToken, nil, nil,
			[]step{{tool: "update_user", args: map[string]any{"user_id": "user_1", "first_name": 5}}, {tool: "delete_user", args: map[string]any{"user_id": nil}}}, 0,
			[]audit.Record{
				{Caller: "anonymous", Tool: "update_user", Kind: "write", Method: "PATCH", Path: "/users/{user_id}", Outcome: "invalid", Reason: "invalid arguments"},
				{Caller: "anonymous", Tool: "delete_user", Kind: "destructive", Method: "DELETE", Path: "/users/{user_id}", Outcome: "invalid", Reason: "invalid arguments"}}},
		{"read-only refusal through call_operation", PolicyToken, readOnly, nil,
			[]step{{tool: "call_operation", args: map[string]any{"name": "delete_user", "arguments": del}},
				{tool: "call_operation", args: map[string]any{"name": "get_user", "arguments": del}},
				{tool: "delete_user", args: del}, {tool: "update_user", args: map[string]any{"user_id": "user_1", "first_name": "Ada"}}}, 0,
			[]audit.Record{{Caller: "anonymous", Tool: "delete_user", Via: "call_operation", Kind: "destructive", Method: "DELETE", Path: "/users/{user_id}",
				Outcome: "refused", Reason: "operation not allowed on this server"},
				{Caller: "anonymous", Tool: "delete_user", Kind: "destructive", Method: "DELETE", Path: "/users/{user_id}",
					Outcome: "refused", Reason: "tool not listed on this server"},
				{Caller: "anonymous", Tool: "update_user", Kind: "write", Method: "PATCH", Path: "/users/{user_id}",
					Outcome: "refused", Reason: "tool not listed on this server"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			gate := NewGate(nil, time.Minute)
			cfg := Config{Policy: c.policy, Gate: gate, ElicitTimeout: 5 * time.Second}
			if c.name == "elicitation timeout" {
				cfg.ElicitTimeout = 50 * time.Millisecond
			}
			cl, fake, buf := auditedSession(t, cfg, c.sel, c.elicit)
			var token string
			for _, s := range c.steps {
				args := map[string]any{}
				for k, v := range s.args {
					args[k] = v
				}
				if s.confirm {
					require.NotEmpty(t, token, "no preview token to confirm with")
					args["confirm"] = token
				}
				if s.expire {
					gate.now = func() time.Time { return time.Now().Add(2 * time.Minute) }
				}
				req := mcp.CallToolRequest{}
				req.Params.Name, req.Params.Arguments = s.tool, args
				res, err := cl.CallTool(context.Background(), req) // an unlisted tool is a protocol error
				if err == nil {
					if tok := clientToken(res); tok != "" {
						token = tok
					}
				}
			}
			assert.Equal(t, c.writes, writes(fake), "writes Clerk received")
			assert.Equal(t, c.want, records(t, buf.String()))
		})
	}
}

// clientToken is the confirmation token of a preview a client received, or "".
func clientToken(res *mcp.CallToolResult) string {
	if res == nil {
		return ""
	}
	var p Preview
	if b, err := json.Marshal(res.StructuredContent); err == nil && json.Unmarshal(b, &p) == nil {
		return p.Confirm
	}
	return ""
}

// TestAuditModernElicitation: at 2026-07-28 the question is a result
// (asked, nothing run), the retry with the human's answer is accepted or
// declined, and a replayed request state is refused.
func TestAuditModernElicitation(t *testing.T) {
	m, fake := newModern(t, time.Minute)
	buf := &syncBuffer{}
	m.h.audit = audit.New(buf, audit.Options{})
	m.h.defaultCaller = "anonymous"
	state := m.ask("delete_user", user1)
	res := m.call("delete_user", user1, reply(state, mcp.ElicitationResponseActionAccept, yes))
	require.False(t, res.IsError, text(res))
	m.call("delete_user", user1, reply(state, mcp.ElicitationResponseActionAccept, yes)) // replay
	state = m.ask("delete_user", user1)
	m.call("delete_user", user1, reply(state, mcp.ElicitationResponseActionDecline, nil))
	assert.Equal(t, 1, writes(fake))
	got := records(t, buf.String())
	require.Len(t, got, 5)
	for i, want := range []struct{ outcome, conf string }{
		{"asked", "asked"}, {"ok", "accepted"}, {"refused", "refused"}, {"asked", "asked"}, {"refused", "declined"},
	} {
		assert.Equal(t, want.outcome, got[i].Outcome, "record %d", i)
		require.NotNil(t, got[i].Confirmation, "record %d", i)
		assert.Equal(t, "elicitation", got[i].Confirmation.Mode, "record %d", i)
		assert.Equal(t, want.conf, got[i].Confirmation.Outcome, "record %d", i)
	}
	assert.Contains(t, got[2].Reason, "already used")
}

// TestAuditCallerAndReads: the caller is the bearer token's fingerprint (or
// the host's default), OAuth subject and client id fill their fields, and
// --audit-reads records reads.
func TestAuditCallerAndReads(t *testing.T) {
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	buf := &syncBuffer{}
	h := NewHandler(Config{
		Client:        clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: goldenKey, MaxRetries: -1}),
		Audit:         audit.New(buf, audit.Options{Reads: true}),
		DefaultCaller: "stdio",
	})
	get := op(t, "get_user")
	h.Call(context.Background(), get, json.RawMessage(`{"user_id":"user_1"}`))
	ctx := WithSubject(WithCaller(context.Background(), clerkapi.Fingerprint("bearer-secret")), "user_admin", "client_abc")
	h.Call(ctx, get, json.RawMessage(`{"user_id":"user_1"}`))
	got := records(t, buf.String())
	require.Len(t, got, 2)
	assert.Equal(t, "stdio", got[0].Caller)
	assert.Equal(t, "read", got[0].Kind)
	assert.Equal(t, clerkapi.Fingerprint("bearer-secret"), got[1].Caller)
	assert.Equal(t, "user_admin", got[1].Subject)
	assert.Equal(t, "client_abc", got[1].ClientID)
}

// failingWriter fails every write until told otherwise.
type failingWriter struct {
	mu   sync.Mutex
	fail bool
	buf  bytes.Buffer
}

func (w *failingWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.fail {
		return 0, errors.New("disk full")
	}
	return w.buf.Write(p)
}

func (w *failingWriter) set(fail bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.fail = fail
}

// TestAuditRequiredFailsClosed: with --audit-required, once a record cannot
// be written, writes and destructive calls are refused with no request
// sent; reads go on; the first record that lands again restores service.
func TestAuditRequiredFailsClosed(t *testing.T) {
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	w := &failingWriter{fail: true}
	h := NewHandler(Config{
		Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: goldenKey, MaxRetries: -1}),
		Audit:  audit.New(w, audit.Options{Required: true}),
		Policy: PolicyOff,
	})
	update := op(t, "update_user")
	args := json.RawMessage(`{"user_id":"user_1","first_name":"Ada"}`)
	res := h.Call(context.Background(), update, args) // runs; its record fails
	require.False(t, res.IsError, text(res))
	require.Equal(t, 1, writes(fake))

	res = h.Call(context.Background(), update, args)
	require.True(t, res.IsError)
	assert.Contains(t, text(res), "audit log cannot be written")
	assert.Contains(t, text(res), "Nothing was sent to Clerk")
	res = h.Call(context.Background(), op(t, "delete_user"), json.RawMessage(`{"user_id":"user_1"}`))
	require.True(t, res.IsError)
	assert.Equal(t, 1, writes(fake), "a change ran while the audit log was failing")

	res = h.Call(context.Background(), op(t, "get_user"), json.RawMessage(`{"user_id":"user_1"}`))
	assert.False(t, res.IsError, "reads stop too: %s", text(res))

	w.set(false)
	res = h.Call(context.Background(), update, args) // refused, but its record lands
	require.True(t, res.IsError)
	res = h.Call(context.Background(), update, args)
	require.False(t, res.IsError, text(res))
	assert.Equal(t, 2, writes(fake))
	got := records(t, w.buf.String())
	require.Len(t, got, 2)
	assert.Equal(t, "refused", got[0].Outcome)
	assert.Equal(t, "audit log not writable", got[0].Reason)
	assert.Equal(t, "ok", got[1].Outcome)
}

// TestAuditSecretScan: the audit trail never holds the Clerk secret key, a
// bearer token, a confirmation token or a secret argument, whatever path
// the calls take.
func TestAuditSecretScan(t *testing.T) {
	const bearer = "bearer_token_value_9f8e7d6c5b4a"
	const password = "correct horse battery staple 42"
	gate := NewGate(nil, time.Minute)
	cl, fake, buf := auditedSession(t, Config{Policy: PolicyToken, Gate: gate}, nil, nil)
	fake.Respond(fakeclerk.Response{Status: 200, Header: map[string]string{clerkapi.TraceHeader: "trace_ok"}, Body: []byte(`{"object":"user","id":"user_1","password":"` + password + `"}`)})
	var tokens []string
	tokens = append(tokens, clientToken(callTool(t, cl, "delete_user", del)))
	require.NotEmpty(t, tokens[0])
	callTool(t, cl, "delete_user", map[string]any{"user_id": "user_1", "confirm": tokens[0]})
	callTool(t, cl, "delete_user", map[string]any{"user_id": "user_1", "confirm": tokens[0]}) // replay
	callTool(t, cl, "create_user", map[string]any{"email_address": []any{"a@example.com"}, "password": password})
	callTool(t, cl, "update_user", map[string]any{"user_id": "user_1", "password": password})
	fake.Respond(fakeclerk.Response{Status: 422, Header: map[string]string{clerkapi.TraceHeader: "trace_err"},
		Body: []byte(`{"errors":[{"code":"form_password_pwned","message":"` + password + `"}]}`)})
	callTool(t, cl, "update_user", map[string]any{"user_id": "user_1", "password": password})

	// The hosting layer sets the caller to the bearer token's fingerprint.
	h := NewHandler(Config{Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: goldenKey, MaxRetries: -1}),
		Audit: audit.New(buf, audit.Options{}), Policy: PolicyToken, Gate: gate})
	ctx := WithSecretKey(WithCaller(context.Background(), clerkapi.Fingerprint(bearer)), "sk_test_callerkey000000000000000000000")
	res := h.Call(ctx, op(t, "delete_user"), json.RawMessage(`{"user_id":"user_1"}`))
	tokens = append(tokens, tokenOf(t, res))
	h.Call(ctx, op(t, "delete_user"), json.RawMessage(`{"user_id":"user_1","confirm":"`+tokens[1]+`"}`))

	trail := buf.String()
	require.Len(t, records(t, trail), 8)
	for _, secret := range append(tokens, goldenKey, "sk_test_callerkey000000000000000000000", bearer, password) {
		assert.NotContains(t, trail, secret)
		for i := 0; i+12 <= len(secret); i++ { // no 12-character run of it either
			if !assert.NotContains(t, trail, secret[i:i+12]) {
				break
			}
		}
	}
	assert.Contains(t, trail, `"password":"[hidden]"`)
	assert.Contains(t, trail, clerkapi.Fingerprint(bearer))
}

// TestAuditOffCostsNothing: without an audit trail or tracer no record is
// made, and a call not recorded (a read, without --audit-reads) allocates
// exactly as many times as a call on a server without an audit trail.
func TestAuditOffCostsNothing(t *testing.T) {
	h := NewHandler(Config{})
	ctx := context.Background()
	got, r := h.startRecord(ctx, op(t, "delete_user"), time.Now())
	assert.Nil(t, r)
	assert.Equal(t, ctx, got)

	newH := func(a *audit.Log) *Handler {
		return NewHandler(Config{Audit: a, Client: clerkapi.New(clerkapi.Config{BaseURL: "https://api.clerk.com/v1", SecretKey: goldenKey,
			HTTPClient: &http.Client{Transport: stubClerk{}}})})
	}
	if raceEnabled {
		// The text block renders into pooled buffers, and sync.Pool drops
		// items at random under the race detector: counts wobble by one.
		t.Skip("allocation counts are not exact under -race")
	}
	plain, audited := newH(nil), newH(audit.New(io.Discard, audit.Options{}))
	get, args := op(t, "get_user"), json.RawMessage(`{"user_id":"user_1"}`)
	plain.Call(ctx, get, args)
	audited.Call(ctx, get, args)
	a := testing.AllocsPerRun(50, func() { plain.Call(ctx, get, args) })
	b := testing.AllocsPerRun(50, func() { audited.Call(ctx, get, args) })
	assert.Equal(t, a, b, "an unrecorded call allocates more with an audit trail configured")
}

// BenchmarkAuditedCall: the cost of recording a write (update_user) in the
// audit trail, against the same call unrecorded, Clerk stubbed.
func BenchmarkAuditedCall(b *testing.B) {
	for _, on := range []bool{false, true} {
		name := "off"
		var a *audit.Log
		if on {
			name, a = "on", audit.New(io.Discard, audit.Options{})
		}
		b.Run(name, func(b *testing.B) {
			h := NewHandler(Config{Audit: a, Client: clerkapi.New(clerkapi.Config{BaseURL: "https://api.clerk.com/v1", SecretKey: goldenKey,
				HTTPClient: &http.Client{Transport: stubClerk{}}})})
			update, _ := clerkapi.Lookup("update_user")
			args := json.RawMessage(`{"user_id":"user_1","first_name":"Ada","last_name":"Lovelace","password":"correct horse battery"}`)
			ctx := context.Background()
			if res := h.Call(ctx, update, args); res.IsError {
				b.Fatal(text(res))
			}
			b.ReportAllocs()
			for b.Loop() {
				h.Call(ctx, update, args)
			}
		})
	}
}
