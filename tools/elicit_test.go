package tools

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
)

// elicitSession is a client session that declared elicitation.
type elicitSession struct {
	id   string
	caps mcp.ClientCapabilities
}

func (s *elicitSession) Initialize()                                         {}
func (s *elicitSession) Initialized() bool                                   { return true }
func (s *elicitSession) NotificationChannel() chan<- mcp.JSONRPCNotification { return nil }
func (s *elicitSession) SessionID() string                                   { return s.id }
func (s *elicitSession) GetClientInfo() mcp.Implementation                   { return mcp.Implementation{} }
func (s *elicitSession) SetClientInfo(mcp.Implementation)                    {}
func (s *elicitSession) GetClientCapabilities() mcp.ClientCapabilities       { return s.caps }
func (s *elicitSession) SetClientCapabilities(c mcp.ClientCapabilities)      { s.caps = c }

// modern is a caller at protocol revision 2026-07-28: session, optional
// per-request Clerk key and Authorization header.
type modern struct {
	t       *testing.T
	h       *Handler
	session string
	key     string
	auth    string
	// undeclared: the request does not declare elicitation in its _meta.
	undeclared bool
}

func newModern(t *testing.T, elicitTimeout time.Duration) (*modern, *fakeclerk.Server) {
	t.Helper()
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	h := NewHandler(Config{
		Client:        clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: goldenKey, MaxRetries: -1}),
		ElicitTimeout: elicitTimeout,
	})
	h.elicitor = server.NewMCPServer("test", "1", server.WithElicitation()) // as register sets it
	return &modern{t: t, h: h, session: "session-a"}, fake
}

// call sends tools/call through the server's tool middleware, as mcp-go does.
func (m *modern) call(tool string, args map[string]any, rt mcp.MultiRoundTripParams) *mcp.CallToolResult {
	m.t.Helper()
	op, ok := clerkapi.Lookup(tool)
	require.True(m.t, ok, tool)
	caps := mcp.ClientCapabilities{Elicitation: &mcp.ElicitationCapability{}}
	ctx := (&server.MCPServer{}).WithContext(context.Background(), &elicitSession{id: m.session, caps: caps})
	if m.undeclared {
		caps = mcp.ClientCapabilities{} // an earlier request's declaration does not count
	}
	ctx = server.WithRequestProtocolInfo(ctx, &server.RequestProtocolInfo{
		Modern: true, ProtocolVersion: mcp.ProtocolVersion20260728, ClientCapabilities: &caps,
	})
	if m.key != "" {
		ctx = WithSecretKey(ctx, m.key)
	}
	if m.auth != "" { // as the hosting layer does for a bearer-token caller
		ctx = WithCaller(ctx, clerkapi.Fingerprint(m.auth))
	}
	req := mcp.CallToolRequest{}
	req.Params.Name = tool
	req.Params.Arguments = args
	req.Params.MultiRoundTripParams = rt
	req.Header = http.Header{}
	if m.auth != "" {
		req.Header.Set("Authorization", m.auth)
	}
	res, err := carryCallInfo(m.h.For(op))(ctx, req)
	require.NoError(m.t, err)
	return res
}

// ask makes the first call and returns its question's request state.
func (m *modern) ask(tool string, args map[string]any) string {
	m.t.Helper()
	res := m.call(tool, args, mcp.MultiRoundTripParams{})
	require.True(m.t, res.NeedsInput(), "first call does not ask: %s", text(res))
	q, ok := res.InputRequests[confirmInput]
	require.True(m.t, ok, "no %q input request: %+v", confirmInput, res.InputRequests)
	require.Equal(m.t, mcp.MethodElicitationCreate, q.Method)
	require.NotNil(m.t, q.Elicitation)
	assert.Contains(m.t, q.Elicitation.Message, "Allow "+tool+"?")
	require.NotEmpty(m.t, res.RequestState)
	return res.RequestState
}

func reply(state string, action mcp.ElicitationResponseAction, content any) mcp.MultiRoundTripParams {
	return mcp.MultiRoundTripParams{
		RequestState: state,
		InputResponses: mcp.InputResponses{confirmInput: mcp.NewElicitationInputResponse(mcp.ElicitationResult{
			ElicitationResponse: mcp.ElicitationResponse{Action: action, Content: content},
		})},
	}
}

var (
	user1 = map[string]any{"user_id": "user_1"}
	yes   = map[string]any{"confirm": true}
)

func TestElicitRoundTripRunsOnceOnAccept(t *testing.T) {
	m, fake := newModern(t, time.Minute)
	state := m.ask("delete_user", user1)
	assert.Zero(t, writes(fake), "asking sent a write")

	res := m.call("delete_user", user1, reply(state, mcp.ElicitationResponseActionAccept, yes))
	require.False(t, res.IsError, text(res))
	assert.False(t, res.NeedsInput())
	assert.Equal(t, 1, writes(fake))

	// The same retry again: the state is single use.
	res = m.call("delete_user", user1, reply(state, mcp.ElicitationResponseActionAccept, yes))
	require.True(t, res.IsError)
	assert.Contains(t, text(res), "already used")
	assert.Equal(t, 1, writes(fake))
}

func TestElicitRoundTripRefusals(t *testing.T) {
	accept := func(s string) mcp.MultiRoundTripParams { return reply(s, mcp.ElicitationResponseActionAccept, yes) }
	cases := []struct {
		name  string
		retry func(t *testing.T, m *modern, state string) *mcp.CallToolResult
		want  string
	}{
		{"decline", func(_ *testing.T, m *modern, s string) *mcp.CallToolResult {
			return m.call("delete_user", user1, reply(s, mcp.ElicitationResponseActionDecline, nil))
		}, "declined"},
		{"cancel", func(_ *testing.T, m *modern, s string) *mcp.CallToolResult {
			return m.call("delete_user", user1, reply(s, mcp.ElicitationResponseActionCancel, nil))
		}, "cancelled"},
		{"accept with no", func(_ *testing.T, m *modern, s string) *mcp.CallToolResult {
			return m.call("delete_user", user1, reply(s, mcp.ElicitationResponseActionAccept, map[string]any{"confirm": false}))
		}, "answered no"},
		{"accept with a string yes", func(_ *testing.T, m *modern, s string) *mcp.CallToolResult {
			return m.call("delete_user", user1, reply(s, mcp.ElicitationResponseActionAccept, map[string]any{"confirm": "true"}))
		}, "answered no"},
		{"unknown action", func(_ *testing.T, m *modern, s string) *mcp.CallToolResult {
			return m.call("delete_user", user1, reply(s, "approve", yes))
		}, "no known action"},
		{"answer under another key", func(_ *testing.T, m *modern, s string) *mcp.CallToolResult {
			rt := accept(s)
			rt.InputResponses = mcp.InputResponses{"other": rt.InputResponses[confirmInput]}
			return m.call("delete_user", user1, rt)
		}, "no readable answer"},
		{"state without answer", func(_ *testing.T, m *modern, s string) *mcp.CallToolResult {
			return m.call("delete_user", user1, mcp.MultiRoundTripParams{RequestState: s})
		}, "no readable answer"},
		{"answer without state", func(_ *testing.T, m *modern, _ string) *mcp.CallToolResult {
			return m.call("delete_user", user1, accept(""))
		}, "malformed"},
		{"altered token", func(_ *testing.T, m *modern, s string) *mcp.CallToolResult {
			return m.call("delete_user", user1, accept(flipLast(s)))
		}, "not valid"},
		{"altered deadline", func(_ *testing.T, m *modern, s string) *mcp.CallToolResult {
			head, tok, _ := strings.Cut(s, ".")
			return m.call("delete_user", user1, accept(flipLast(head)+"."+tok))
		}, "not valid"},
		{"garbage state", func(_ *testing.T, m *modern, _ string) *mcp.CallToolResult {
			return m.call("delete_user", user1, accept("not-a-state"))
		}, "malformed"},
		{"other arguments", func(_ *testing.T, m *modern, s string) *mcp.CallToolResult {
			return m.call("delete_user", map[string]any{"user_id": "user_2"}, accept(s))
		}, "not valid"},
		{"other tool", func(_ *testing.T, m *modern, s string) *mcp.CallToolResult {
			return m.call("ban_user", user1, accept(s))
		}, "not valid"},
		{"other session", func(_ *testing.T, m *modern, s string) *mcp.CallToolResult {
			m.session = "session-b"
			return m.call("delete_user", user1, accept(s))
		}, "not valid"},
		{"other Clerk key", func(_ *testing.T, m *modern, s string) *mcp.CallToolResult {
			m.key = "sk_test_someoneElse"
			return m.call("delete_user", user1, accept(s))
		}, "not valid"},
		{"other Authorization", func(_ *testing.T, m *modern, s string) *mcp.CallToolResult {
			m.auth = "Bearer mallory"
			return m.call("delete_user", user1, accept(s))
		}, "not valid"},
		{"confirm token as state", func(_ *testing.T, m *modern, _ string) *mcp.CallToolResult {
			_, canon, _ := canonical(clerkapi.Args{"user_id": []byte(`"user_1"`)})
			token, _ := m.h.gate.Issue(Scope{Tool: "delete_user", Args: canon, Key: clerkapi.Fingerprint(m.key),
				Session: m.session, Caller: clerkapi.Fingerprint(m.auth)})
			return m.call("delete_user", user1, accept("AAAAAAAAAAA."+token))
		}, "not valid"},
		{"state of another server", func(t *testing.T, m *modern, _ string) *mcp.CallToolResult {
			other, _ := newModern(t, time.Minute)
			return m.call("delete_user", user1, accept(other.ask("delete_user", user1)))
		}, "not valid"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, fake := newModern(t, time.Minute)
			m.auth = "Bearer alice"
			m.key = "sk_test_alice"
			state := m.ask("delete_user", user1)
			res := c.retry(t, m, state)
			require.True(t, res.IsError, "not refused: %s", text(res))
			assert.Contains(t, text(res), c.want)
			assert.Contains(t, text(res), "Nothing was sent to Clerk")
			assert.Zero(t, writes(fake))
		})
	}
}

// flipLast changes the last byte the string encodes: the character before
// the last, which carries whole bits (the last one may carry padding bits).
func flipLast(s string) string {
	if len(s) < 2 {
		return "AA"
	}
	i := len(s) - 2
	repl := byte('A')
	if s[i] == 'A' {
		repl = 'B'
	}
	return s[:i] + string(repl) + s[i+1:]
}

// A state's last character has unused low bits; a second spelling of the
// same state is refused, not taken for the same state.
func TestElicitStateHasOneSpelling(t *testing.T) {
	m, fake := newModern(t, time.Minute)
	state := m.ask("delete_user", user1)
	// 20-byte token: 27 characters, the last carrying 4 bits and 2 unused.
	last := strings.IndexByte(base64URL, state[len(state)-1])
	require.GreaterOrEqual(t, last, 0)
	other := state[:len(state)-1] + string(base64URL[last^1])
	res := m.call("delete_user", user1, reply(other, mcp.ElicitationResponseActionAccept, yes))
	require.True(t, res.IsError, text(res))
	assert.Contains(t, text(res), "malformed")
	assert.Zero(t, writes(fake))
}

const base64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

func TestElicitRoundTripExpires(t *testing.T) {
	m, fake := newModern(t, 50*time.Millisecond)
	state := m.ask("delete_user", user1)
	time.Sleep(80 * time.Millisecond)
	res := m.call("delete_user", user1, reply(state, mcp.ElicitationResponseActionAccept, yes))
	require.True(t, res.IsError)
	assert.Contains(t, text(res), "expired")
	assert.Zero(t, writes(fake))
}

// Concurrent retries with one accepted state: exactly one runs.
func TestElicitRoundTripConcurrentReplay(t *testing.T) {
	m, fake := newModern(t, time.Minute)
	state := m.ask("delete_user", user1)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { m.call("delete_user", user1, reply(state, mcp.ElicitationResponseActionAccept, yes)) })
	}
	wg.Wait()
	assert.Equal(t, 1, writes(fake))
}

// The request state carries no secret: the caller's key and Authorization
// enter the HMAC only, hashed.
func TestElicitStateCarriesNoSecret(t *testing.T) {
	m, _ := newModern(t, time.Minute)
	m.key = "sk_test_VerySecretCallerKey"
	m.auth = "Bearer VerySecretBearer"
	state := m.ask("delete_user", user1)
	for _, s := range []string{"VerySecret", "sk_test", "Bearer"} {
		assert.NotContains(t, state, s)
	}
	res := m.call("delete_user", user1, mcp.MultiRoundTripParams{})
	b := text(res)
	assert.NotContains(t, b, "VerySecret")
}

// At 2026-07-28 the capability is read from the request itself: a request
// that does not declare elicitation gets a token preview under auto and a
// refusal under elicit, and nothing runs.
func TestElicitModernNeedsTheRequestsCapability(t *testing.T) {
	m, fake := newModern(t, time.Minute)
	m.undeclared = true
	res := m.call("delete_user", user1, mcp.MultiRoundTripParams{})
	require.False(t, res.IsError, text(res))
	assert.False(t, res.NeedsInput())
	assert.Contains(t, text(res), "NOT EXECUTED")
	m.h.policy = PolicyElicit
	res = m.call("delete_user", user1, mcp.MultiRoundTripParams{})
	require.True(t, res.IsError)
	assert.Contains(t, text(res), "did not declare the elicitation capability")
	assert.Zero(t, writes(fake))
}

// Before 2026-07-28 the human is always asked: answers sent along with the
// call (inputResponses saying yes, any requestState) do not skip the
// question.
func TestElicitLegacyIgnoresSentAnswers(t *testing.T) {
	cl, fake := mcpSession(t, Config{}, answer(mcp.ElicitationResponseActionDecline, nil))
	// Sent raw: mcp-go's CallTool would drop the round-trip fields.
	resp, err := cl.GetTransport().SendRequest(context.Background(), transport.JSONRPCRequest{
		JSONRPC: mcp.JSONRPC_VERSION,
		ID:      mcp.NewRequestId("legacy-with-answers"),
		Method:  string(mcp.MethodToolsCall),
		Params: map[string]any{
			"name":           "delete_user",
			"arguments":      user1,
			"requestState":   "AAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"inputResponses": reply("", mcp.ElicitationResponseActionAccept, yes).InputResponses,
		},
	})
	require.NoError(t, err)
	require.Nil(t, resp.Error)
	res, err := mcp.ParseCallToolResult(&resp.Result)
	require.NoError(t, err)
	require.True(t, res.IsError, text(res))
	assert.Contains(t, text(res), "declined")
	assert.Zero(t, writes(fake))
}

// The middleware costs a plain call (no retry, no Authorization) nothing.
func TestCarryCallInfoAllocatesNothingForPlainCalls(t *testing.T) {
	next := func(context.Context, mcp.CallToolRequest) (*mcp.CallToolResult, error) { return nil, nil }
	mw := carryCallInfo(next)
	req := mcp.CallToolRequest{}
	req.Params.Name = "get_user"
	ctx := context.Background()
	if n := testing.AllocsPerRun(100, func() { _, _ = mw(ctx, req) }); n != 0 {
		t.Errorf("carryCallInfo allocates %v times per plain call", n)
	}
}
