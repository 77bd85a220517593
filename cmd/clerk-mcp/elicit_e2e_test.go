package main

// Confirmation by elicitation over the real transports, at every protocol
// revision: mcp-go's client answers the question with an elicitation handler
// (a server-initiated elicitation/create before 2026-07-28, a multi
// round-trip input_required result from 2026-07-28 on). Accept runs the
// DELETE exactly once; decline, cancel and no answer send no write; a forged
// or replayed request state sends no write.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/internal/hosting"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

// e2eElicitTimeout is the server's --elicit-timeout in these tests: short,
// so that "no answer" is quick, and long enough for an immediate answer on a
// loaded 2-core machine under -race.
const e2eElicitTimeout = 1500 * time.Millisecond

// userAnswer is what the test's "human" answers.
type userAnswer int32

const (
	answerYes userAnswer = iota
	answerDecline
	answerCancel
	answerLate // a yes, after the elicit timeout
)

// human is an elicitation handler whose answer the test switches.
type human struct {
	answer atomic.Int32
	asked  atomic.Int32
	msg    atomic.Value // string: the last question
}

func (h *human) Elicit(ctx context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	h.asked.Add(1)
	h.msg.Store(req.Params.Message)
	res := &mcp.ElicitationResult{}
	switch userAnswer(h.answer.Load()) {
	case answerYes:
		res.Action, res.Content = mcp.ElicitationResponseActionAccept, map[string]any{"confirm": true}
	case answerDecline:
		res.Action = mcp.ElicitationResponseActionDecline
	case answerCancel:
		res.Action = mcp.ElicitationResponseActionCancel
	case answerLate:
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(e2eElicitTimeout + 400*time.Millisecond):
		}
		res.Action, res.Content = mcp.ElicitationResponseActionAccept, map[string]any{"confirm": true}
	}
	return res, nil
}

// newElicitFake is a fake Clerk that knows the user to delete.
func newElicitFake(t *testing.T) *fakeclerk.Server {
	t.Helper()
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	fake.Handle(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/v1/users/"+e2eUserID:
			fmt.Fprintf(w, `{"object":"user","id":%q,"first_name":"Del","last_name":"Etme"}`, e2eUserID)
		case r.Method == http.MethodDelete && r.URL.Path == "/v1/users/"+e2eUserID:
			fmt.Fprintf(w, `{"object":"user","id":%q,"deleted":true}`, e2eUserID)
		default:
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"errors":[{"message":"not found","long_message":"not found","code":"resource_not_found"}]}`))
		}
	})
	return fake
}

// deletes counts the DELETEs the fake received.
func deletes(fake *fakeclerk.Server) int {
	n := 0
	for _, r := range fake.Requests() {
		if r.Method != http.MethodGet {
			n++
		}
	}
	return n
}

// elicitHTTP serves an MCP server with the elicitation test settings.
func elicitHTTP(t *testing.T, fake *fakeclerk.Server, policy tools.Policy, o hosting.Options) *httptest.Server {
	t.Helper()
	s, err := tools.NewServer(tools.ServerConfig{
		Config: tools.Config{
			Client:        clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: fakeKey, MaxRetries: -1, Timeout: 5 * time.Second}),
			Gate:          tools.NewGate(nil, time.Minute),
			Policy:        policy,
			ElicitTimeout: e2eElicitTimeout,
		},
		Version: "e2e",
	})
	if err != nil {
		t.Fatal(err)
	}
	o.AllowNoAuth = len(o.AuthTokens) == 0 // a loopback test server, as main allows
	o.WithCaller = tools.WithCaller
	srv := httptest.NewServer(hosting.New(s, o))
	t.Cleanup(func() {
		srv.CloseClientConnections()
		srv.Close()
	})
	return srv
}

// elicitTransports start a client, with h as its elicitation handler, on each
// transport the server offers.
var elicitTransports = []struct {
	name string
	// legacyAsks: the transport can carry a server-initiated request, so
	// the human is asked before 2026-07-28 too.
	legacyAsks bool
	start      func(t *testing.T, ctx context.Context, fake *fakeclerk.Server, policy tools.Policy, h *human) *client.Client
}{
	{"stdio", true, func(t *testing.T, ctx context.Context, fake *fakeclerk.Server, policy tools.Policy, h *human) *client.Client {
		env := append(childEnv(fake), "CLERK_MCP_CONFIRM="+string(policy), "CLERK_MCP_ELICIT_TIMEOUT="+e2eElicitTimeout.String())
		tr := transport.NewStdioWithOptions(buildBinary(t), env, []string{"--transport", "stdio"})
		if err := tr.Start(ctx); err != nil {
			t.Fatal(err)
		}
		return startClient(t, ctx, tr, h)
	}},
	{"sse", false, func(t *testing.T, ctx context.Context, fake *fakeclerk.Server, policy tools.Policy, h *human) *client.Client {
		srv := elicitHTTP(t, fake, policy, hosting.Options{SSE: true})
		tr, err := transport.NewSSE(srv.URL + "/sse")
		if err != nil {
			t.Fatal(err)
		}
		return startClient(t, ctx, tr, h)
	}},
	{"streamable-stateful", true, func(t *testing.T, ctx context.Context, fake *fakeclerk.Server, policy tools.Policy, h *human) *client.Client {
		srv := elicitHTTP(t, fake, policy, hosting.Options{Streamable: true})
		tr, err := transport.NewStreamableHTTP(srv.URL + "/mcp")
		if err != nil {
			t.Fatal(err)
		}
		return startClient(t, ctx, tr, h)
	}},
	{"streamable-stateless", false, func(t *testing.T, ctx context.Context, fake *fakeclerk.Server, policy tools.Policy, h *human) *client.Client {
		srv := elicitHTTP(t, fake, policy, hosting.Options{Streamable: true, Stateless: true})
		tr, err := transport.NewStreamableHTTP(srv.URL + "/mcp")
		if err != nil {
			t.Fatal(err)
		}
		return startClient(t, ctx, tr, h)
	}},
}

func startClient(t *testing.T, ctx context.Context, tr transport.Interface, h *human) *client.Client {
	t.Helper()
	c := client.NewClient(tr, client.WithElicitationHandler(h))
	t.Cleanup(func() { _ = c.Close() })
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestE2EElicitation(t *testing.T) {
	buildBinary(t) // before any subtest's clock starts
	for _, tr := range elicitTransports {
		t.Run(tr.name, func(t *testing.T) {
			t.Parallel()
			for _, v := range protocolVersions {
				t.Run(subtestName(v), func(t *testing.T) {
					t.Parallel()
					ctx := testContext(t)
					modern := mcp.IsModernProtocol(negotiated(v))
					if modern || tr.legacyAsks {
						fake := newElicitFake(t)
						h := &human{}
						c := tr.start(t, ctx, fake, tools.PolicyAuto, h)
						initializeAt(t, ctx, c, v)
						exerciseElicitation(t, ctx, c, fake, h)
						if modern {
							exerciseRequestStateAttacks(t, ctx, c, fake)
						}
						return
					}
					// The transport cannot ask at this revision: auto falls
					// back to a preview and token; elicit refuses at once,
					// saying why. Neither asks, hangs or writes.
					for _, policy := range []tools.Policy{tools.PolicyAuto, tools.PolicyElicit} {
						fake := newElicitFake(t)
						h := &human{}
						c := tr.start(t, ctx, fake, policy, h)
						initializeAt(t, ctx, c, v)
						start := time.Now()
						res := callTool(t, ctx, c, "delete_user", map[string]any{"user_id": e2eUserID})
						if d := time.Since(start); d > e2eElicitTimeout {
							t.Errorf("%s: the call took %s", policy, d)
						}
						switch policy {
						case tools.PolicyAuto:
							if res.IsError || !strings.Contains(resultText(res), "NOT EXECUTED") {
								t.Errorf("auto: no token preview: %s", resultText(res))
							}
						case tools.PolicyElicit:
							if !res.IsError || !strings.Contains(resultText(res), "before protocol revision "+mcp.ProtocolVersion20260728) {
								t.Errorf("elicit: refusal does not say why: %s", resultText(res))
							}
						}
						if n := h.asked.Load(); n != 0 {
							t.Errorf("%s: the human was asked %d times", policy, n)
						}
						if n := deletes(fake); n != 0 {
							t.Errorf("%s: %d writes sent: %v", policy, n, summarize(fake.Requests()))
						}
					}
				})
			}
		})
	}
}

func initializeAt(t *testing.T, ctx context.Context, c *client.Client, v string) {
	t.Helper()
	ireq := mcp.InitializeRequest{}
	ireq.Params.ProtocolVersion = v
	ireq.Params.ClientInfo = mcp.Implementation{Name: "clerk-mcp-e2e-elicit", Version: "0"}
	ir, err := c.Initialize(ctx, ireq)
	if err != nil {
		t.Fatalf("initialize: %v", err)
	}
	if ir.ProtocolVersion != negotiated(v) {
		t.Fatalf("negotiated %q, want %q", ir.ProtocolVersion, negotiated(v))
	}
}

// exerciseElicitation: yes runs the DELETE once; decline, cancel and a late
// answer send nothing.
func exerciseElicitation(t *testing.T, ctx context.Context, c *client.Client, fake *fakeclerk.Server, h *human) {
	t.Helper()
	args := map[string]any{"user_id": e2eUserID}
	cases := []struct {
		name   string
		answer userAnswer
		want   string // in the refusal; "" runs
	}{
		{"accept", answerYes, ""},
		{"decline", answerDecline, "declined"},
		{"cancel", answerCancel, "cancelled"},
		{"no answer in time", answerLate, ""},
	}
	for _, tc := range cases {
		fake.Reset()
		h.answer.Store(int32(tc.answer))
		asked := h.asked.Load()
		start := time.Now()
		res := callTool(t, ctx, c, "delete_user", args)
		if h.asked.Load() != asked+1 {
			t.Errorf("%s: the human was asked %d times, want once", tc.name, h.asked.Load()-asked)
		}
		if msg, _ := h.msg.Load().(string); !strings.Contains(msg, "DELETE /users/"+e2eUserID) || !strings.Contains(msg, "Del Etme") {
			t.Errorf("%s: question %q does not show the request and its target", tc.name, msg)
		}
		if tc.answer == answerYes {
			if res.IsError || deletes(fake) != 1 {
				t.Errorf("accept: error %v, %d writes %v, want exactly one DELETE: %s", res.IsError, deletes(fake), summarize(fake.Requests()), resultText(res))
			}
			continue
		}
		if !res.IsError || !strings.Contains(resultText(res), "Nothing was sent to Clerk") {
			t.Errorf("%s: not refused: %s", tc.name, resultText(res))
		}
		if tc.want != "" && !strings.Contains(resultText(res), tc.want) {
			t.Errorf("%s: refusal %q does not say %q", tc.name, resultText(res), tc.want)
		}
		if tc.answer == answerLate {
			if !strings.Contains(resultText(res), "did not answer") && !strings.Contains(resultText(res), "expired") {
				t.Errorf("no answer: refusal %q says neither timeout nor expiry", resultText(res))
			}
			if d := time.Since(start); d > e2eElicitTimeout+3*time.Second {
				t.Errorf("no answer: the call took %s", d)
			}
		}
		if n := deletes(fake); n != 0 {
			t.Errorf("%s: %d writes sent: %v", tc.name, n, summarize(fake.Requests()))
		}
	}
}

// exerciseRequestStateAttacks drives the 2026-07-28 round trip by hand: a
// forged state runs nothing, the real one runs once, and replaying it runs
// nothing.
func exerciseRequestStateAttacks(t *testing.T, ctx context.Context, c *client.Client, fake *fakeclerk.Server) {
	t.Helper()
	fake.Reset()
	args := map[string]any{"user_id": e2eUserID}
	first := rawCallTool(t, ctx, c, "delete_user", args, nil)
	if !first.NeedsInput() || first.RequestState == "" || first.InputRequests["confirm"].Elicitation == nil {
		t.Fatalf("first call is not an input_required question: %+v", first)
	}
	accept := mcp.InputResponses{"confirm": mcp.NewElicitationInputResponse(mcp.ElicitationResult{
		ElicitationResponse: mcp.ElicitationResponse{Action: mcp.ElicitationResponseActionAccept, Content: map[string]any{"confirm": true}},
	})}
	state := first.RequestState
	// Change a character that carries whole bits of the MAC.
	i := len(state) - 2
	forged := state[:i] + "A" + state[i+1:]
	if forged == state {
		forged = state[:i] + "B" + state[i+1:]
	}
	for name, bad := range map[string]string{
		"forged state":  forged,
		"made-up state": "AAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAA",
	} {
		res := rawCallTool(t, ctx, c, "delete_user", args, &mcp.MultiRoundTripParams{RequestState: bad, InputResponses: accept})
		if !res.IsError || deletes(fake) != 0 {
			t.Errorf("%s: error %v, writes %v: %s", name, res.IsError, summarize(fake.Requests()), resultText(res))
		}
	}
	other := rawCallTool(t, ctx, c, "delete_user", map[string]any{"user_id": "user_someoneElse"}, &mcp.MultiRoundTripParams{RequestState: state, InputResponses: accept})
	if !other.IsError || deletes(fake) != 0 {
		t.Errorf("state for other arguments: error %v, writes %v: %s", other.IsError, summarize(fake.Requests()), resultText(other))
	}
	// The forged attempts did not spend the real state.
	res := rawCallTool(t, ctx, c, "delete_user", args, &mcp.MultiRoundTripParams{RequestState: state, InputResponses: accept})
	if res.IsError || deletes(fake) != 1 {
		t.Fatalf("real state: error %v, writes %v: %s", res.IsError, summarize(fake.Requests()), resultText(res))
	}
	res = rawCallTool(t, ctx, c, "delete_user", args, &mcp.MultiRoundTripParams{RequestState: state, InputResponses: accept})
	if !res.IsError || !strings.Contains(resultText(res), "already used") || deletes(fake) != 1 {
		t.Errorf("replayed state: error %v, writes %v: %s", res.IsError, summarize(fake.Requests()), resultText(res))
	}
}

// rawCallTool sends one tools/call at the client's (2026-07-28) revision
// through its transport, without the client's automatic retry, and returns
// the result as sent.
func rawCallTool(t *testing.T, ctx context.Context, c *client.Client, name string, args map[string]any, rt *mcp.MultiRoundTripParams) *mcp.CallToolResult {
	t.Helper()
	v := c.ProtocolVersion()
	params := map[string]any{
		"name":      name,
		"arguments": args,
		"_meta": map[string]any{
			mcp.MetaKeyProtocolVersion:    v,
			mcp.MetaKeyClientCapabilities: map[string]any{"elicitation": map[string]any{}},
			mcp.MetaKeyClientInfo:         map[string]any{"name": "clerk-mcp-e2e-raw", "version": "0"},
		},
	}
	if rt != nil {
		params["requestState"] = rt.RequestState
		params["inputResponses"] = rt.InputResponses
	}
	encoded, err := json.Marshal(params)
	if err != nil {
		t.Fatal(err)
	}
	header := http.Header{}
	for k, val := range mcp.StandardHeaders(v, mcp.MethodToolsCall, encoded) {
		header.Set(k, val)
	}
	resp, err := c.GetTransport().SendRequest(ctx, transport.JSONRPCRequest{
		JSONRPC: mcp.JSONRPC_VERSION,
		ID:      mcp.NewRequestId(fmt.Sprintf("raw-call-%d", rawCalls.Add(1))),
		Method:  string(mcp.MethodToolsCall),
		Params:  params,
		Header:  header,
	})
	if err != nil {
		t.Fatalf("raw tools/call: %v", err)
	}
	if resp.Error != nil {
		t.Fatalf("raw tools/call: %+v", resp.Error)
	}
	res, err := mcp.ParseCallToolResult(&resp.Result)
	if err != nil {
		t.Fatalf("raw tools/call result %s: %v", resp.Result, err)
	}
	return res
}

var rawCalls atomic.Int64

// A request state is bound to its caller: over stateless streamable HTTP
// with two callers' bearer tokens, caller B's retry with caller A's state and
// a yes runs nothing, and A's own retry still runs once.
func TestE2EElicitationStateIsPerCaller(t *testing.T) {
	fake := newElicitFake(t)
	srv := elicitHTTP(t, fake, tools.PolicyAuto, hosting.Options{Streamable: true, Stateless: true, AuthTokens: []string{"token-alice", "token-bob"}})
	ctx := testContext(t)
	as := func(token string) *client.Client {
		tr, err := transport.NewStreamableHTTP(srv.URL+"/mcp", transport.WithHTTPHeaders(map[string]string{"Authorization": "Bearer " + token}))
		if err != nil {
			t.Fatal(err)
		}
		c := startClient(t, ctx, tr, &human{})
		initializeAt(t, ctx, c, "")
		return c
	}
	alice, bob := as("token-alice"), as("token-bob")
	args := map[string]any{"user_id": e2eUserID}
	first := rawCallTool(t, ctx, alice, "delete_user", args, nil)
	if !first.NeedsInput() {
		t.Fatalf("first call is not a question: %s", resultText(first))
	}
	yes := &mcp.MultiRoundTripParams{RequestState: first.RequestState, InputResponses: mcp.InputResponses{"confirm": mcp.NewElicitationInputResponse(mcp.ElicitationResult{
		ElicitationResponse: mcp.ElicitationResponse{Action: mcp.ElicitationResponseActionAccept, Content: map[string]any{"confirm": true}},
	})}}
	fake.Reset()
	res := rawCallTool(t, ctx, bob, "delete_user", args, yes)
	if !res.IsError || !strings.Contains(resultText(res), "this caller") || deletes(fake) != 0 {
		t.Errorf("bob with alice's state: error %v, writes %v: %s", res.IsError, summarize(fake.Requests()), resultText(res))
	}
	res = rawCallTool(t, ctx, alice, "delete_user", args, yes)
	if res.IsError || deletes(fake) != 1 {
		t.Errorf("alice's own retry: error %v, writes %v: %s", res.IsError, summarize(fake.Requests()), resultText(res))
	}
}
