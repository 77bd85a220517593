package hosting_test

// Hosting safety through a real HTTP server (httptest on 127.0.0.1) in front
// of the real tool server, with a recording fake Clerk: authentication,
// Origin checks, body limits, session IDs, per-request Clerk keys, stateless
// replicas and cancellation. Every loop is bounded in count and time.

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	_ "github.com/clerk-mcp/clerk-mcp/internal/golden" // defines -update, which go test ./... -update passes to every package
	"io"
	"log/slog"
	"math/bits"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/internal/hosting"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

const (
	authToken = "tok_hosting_0123456789abcdef"
	// envKey is the server's own Clerk key. In key-from-request mode it must
	// never reach Clerk.
	envKey = "sk_test_SERVER_ENV_KEY_0000_must_never_be_used"
)

// newFake starts a fake Clerk: GET and DELETE /v1/users/{id} succeed,
// /v1/users/pause* answers after a second, and /v1/users/slow* waits for the
// caller to give up (at most 10 s), reporting on the channels it returns.
func newFake(t testing.TB) (*fakeclerk.Server, *slowSignals) {
	t.Helper()
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	sig := &slowSignals{started: make(chan string, 16), canceled: make(chan string, 16)}
	fake.Handle(func(w http.ResponseWriter, r *http.Request) {
		id, isUser := strings.CutPrefix(r.URL.Path, "/v1/users/")
		w.Header().Set("Content-Type", "application/json")
		switch {
		case isUser && strings.HasPrefix(id, "slow"):
			sig.started <- id
			select {
			case <-r.Context().Done():
				sig.canceled <- id
			case <-time.After(10 * time.Second):
				fmt.Fprintf(w, `{"object":"user","id":%q}`, id)
			}
		case isUser && strings.HasPrefix(id, "pause"):
			time.Sleep(time.Second)
			fmt.Fprintf(w, `{"object":"user","id":%q}`, id)
		case isUser && r.Method == http.MethodGet:
			fmt.Fprintf(w, `{"object":"user","id":%q,"first_name":"Ada"}`, id)
		case isUser && r.Method == http.MethodDelete:
			fmt.Fprintf(w, `{"object":"user","id":%q,"deleted":true}`, id)
		default:
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"errors":[{"code":"resource_not_found","message":"not found"}]}`)
		}
	})
	return fake, sig
}

// slowSignals reports a slow request arriving at the fake and its context
// ending there.
type slowSignals struct{ started, canceled chan string }

// expect waits (bounded) for id on ch.
func (s *slowSignals) expect(t *testing.T, ch chan string, what, id string) {
	t.Helper()
	select {
	case got := <-ch:
		if got != id {
			t.Fatalf("%s: got %q, want %q", what, got, id)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: %q never happened within 5s", what, id)
	}
}

// newMCP returns the tool server main builds, on the fake, with envKey as the
// configured Clerk key.
func newMCP(t testing.TB, fake *fakeclerk.Server, gate *tools.Gate) *server.MCPServer {
	t.Helper()
	if gate == nil {
		gate = tools.NewGate(nil, time.Minute)
	}
	s, err := tools.NewServer(tools.ServerConfig{
		Config: tools.Config{
			Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: envKey, MaxRetries: -1, Timeout: 15 * time.Second}),
			Gate:   gate,
		},
		Version: "hosting-test",
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// serve runs a Host for s on 127.0.0.1.
func serve(t testing.TB, s *server.MCPServer, o hosting.Options) *httptest.Server {
	t.Helper()
	if o.KeyFromRequest && o.WithKey == nil {
		o.WithKey = tools.WithSecretKey
	}
	h := hosting.New(s, o)
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		h.CloseSessions(context.Background())
		srv.CloseClientConnections()
		srv.Close()
	})
	return srv
}

func ctxFor(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), d)
	t.Cleanup(cancel)
	return ctx
}

// reply is an HTTP answer with its JSON-RPC message, if any.
type reply struct {
	status int
	header http.Header
	body   string
	msg    map[string]any
}

// send makes one HTTP request and reads the whole answer (never a stream).
func send(t *testing.T, method, u string, hdr map[string]string, body io.Reader) reply {
	t.Helper()
	ctx := ctxFor(t, 10*time.Second)
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json, text/event-stream")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		t.Fatalf("%s %s: reading the answer: %v", method, u, err)
	}
	r := reply{status: resp.StatusCode, header: resp.Header, body: string(b)}
	data := b
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		data = nil
		for line := range strings.SplitSeq(string(b), "\n") {
			if d, ok := strings.CutPrefix(line, "data: "); ok && strings.Contains(d, `"id"`) {
				data = []byte(d)
			}
		}
	}
	_ = json.Unmarshal(data, &r.msg)
	return r
}

// rpc posts one JSON-RPC message to the streamable endpoint.
func rpc(t *testing.T, base string, hdr map[string]string, msg string) reply {
	t.Helper()
	return send(t, http.MethodPost, base+"/mcp", hdr, strings.NewReader(msg))
}

func initMsg(id int) string {
	return fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"initialize","params":{"protocolVersion":%q,"capabilities":{},"clientInfo":{"name":"hosting-test","version":"0"}}}`,
		id, mcp.LATEST_LEGACY_PROTOCOL_VERSION)
}

func callMsg(id int, tool string, args map[string]any) string {
	b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": id, "method": "tools/call", "params": map[string]any{"name": tool, "arguments": args}})
	return string(b)
}

// toolResult returns a tools/call answer's result, failing on a JSON-RPC error.
func toolResult(t *testing.T, r reply) (isError bool, text string, structured map[string]any) {
	t.Helper()
	if r.status != http.StatusOK {
		t.Fatalf("HTTP %d: %s", r.status, r.body)
	}
	res, ok := r.msg["result"].(map[string]any)
	if !ok {
		t.Fatalf("no result in %s", r.body)
	}
	isError, _ = res["isError"].(bool)
	content, _ := res["content"].([]any)
	for _, c := range content {
		if m, ok := c.(map[string]any); ok {
			s, _ := m["text"].(string)
			text += s
		}
	}
	structured, _ = res["structuredContent"].(map[string]any)
	return isError, text, structured
}

func bearer(token string) map[string]string {
	return map[string]string{"Authorization": "Bearer " + token}
}

func with(h map[string]string, k, v string) map[string]string {
	out := map[string]string{k: v}
	for hk, hv := range h {
		out[hk] = hv
	}
	return out
}

// TestSecurity is the request-level security table: who gets in, from which
// Origin, with how large a body.
func TestSecurity(t *testing.T) {
	fake, _ := newFake(t)
	const limit = 64 << 10
	srv := serve(t, newMCP(t, fake, nil), hosting.Options{
		SSE: true, Streamable: true,
		AuthTokens:     []string{"tok_other_0000000000000000", authToken},
		AllowedOrigins: []string{"https://app.example.com"},
		MaxBodyBytes:   limit,
	})
	ok := bearer(authToken)
	init := initMsg(1)
	padded := init + strings.Repeat(" ", limit-len(init)) // exactly at the limit
	over := init + strings.Repeat(" ", limit+1-len(init))
	type chunked struct{ io.Reader } // hides the length: sent chunked

	cases := []struct {
		name   string
		method string
		path   string
		hdr    map[string]string
		body   func() io.Reader
		want   int
	}{
		{"no token", "POST", "/mcp", nil, nil, 401},
		{"wrong token", "POST", "/mcp", bearer("tok_wrong_0123456789abcdef"), nil, 401},
		{"token prefix", "POST", "/mcp", bearer(authToken[:len(authToken)-1]), nil, 401},
		{"token plus a byte", "POST", "/mcp", bearer(authToken + "x"), nil, 401},
		{"empty bearer", "POST", "/mcp", map[string]string{"Authorization": "Bearer "}, nil, 401},
		{"token without scheme", "POST", "/mcp", map[string]string{"Authorization": authToken}, nil, 401},
		{"basic scheme", "POST", "/mcp", map[string]string{"Authorization": "Basic " + base64.StdEncoding.EncodeToString([]byte("x:"+authToken))}, nil, 401},
		{"token in query", "POST", "/mcp?access_token=" + authToken, nil, nil, 401},
		{"right token", "POST", "/mcp", ok, nil, 200},
		{"second token", "POST", "/mcp", bearer("tok_other_0000000000000000"), nil, 200},
		{"scheme is case-insensitive", "POST", "/mcp", map[string]string{"Authorization": "bearer " + authToken}, nil, 200},
		{"sse without token", "GET", "/sse", nil, nil, 401},
		{"message without token", "POST", "/message?sessionId=x", nil, nil, 401},
		{"unknown path without token", "GET", "/anything", nil, nil, 401},
		{"healthz without token", "GET", "/healthz", nil, nil, 200},
		{"readyz without token", "GET", "/readyz", nil, nil, 200},
		{"foreign origin", "POST", "/mcp", with(ok, "Origin", "https://evil.example"), nil, 403},
		{"foreign origin, no token", "POST", "/mcp", map[string]string{"Origin": "https://evil.example"}, nil, 403},
		{"foreign origin on sse", "GET", "/sse", with(ok, "Origin", "https://evil.example"), nil, 403},
		{"null origin", "POST", "/mcp", with(ok, "Origin", "null"), nil, 403},
		{"localhost look-alike", "POST", "/mcp", with(ok, "Origin", "http://localhost.evil.example"), nil, 403},
		{"loopback look-alike", "POST", "/mcp", with(ok, "Origin", "http://127.0.0.1.evil.example"), nil, 403},
		{"non-web scheme", "POST", "/mcp", with(ok, "Origin", "file://localhost"), nil, 403},
		{"listed origin on another port", "POST", "/mcp", with(ok, "Origin", "https://app.example.com:8443"), nil, 403},
		{"localhost origin", "POST", "/mcp", with(ok, "Origin", "http://localhost:5173"), nil, 200},
		{"127.0.0.1 origin", "POST", "/mcp", with(ok, "Origin", "http://127.0.0.1:8080"), nil, 200},
		{"::1 origin", "POST", "/mcp", with(ok, "Origin", "http://[::1]:3000"), nil, 200},
		{"https localhost origin", "POST", "/mcp", with(ok, "Origin", "https://localhost"), nil, 200},
		{"listed origin", "POST", "/mcp", with(ok, "Origin", "https://app.example.com"), nil, 200},
		{"body at the limit", "POST", "/mcp", ok, func() io.Reader { return strings.NewReader(padded) }, 200},
		{"body over the limit (Content-Length)", "POST", "/mcp", ok, func() io.Reader { return strings.NewReader(over) }, 413},
		{"body over the limit (chunked)", "POST", "/mcp", ok, func() io.Reader { return chunked{strings.NewReader(over)} }, 413},
		{"body far over the limit (chunked)", "POST", "/mcp", ok, func() io.Reader { return chunked{strings.NewReader(strings.Repeat(" ", 4*limit))} }, 413},
		{"chunked body within the limit", "POST", "/mcp", ok, func() io.Reader { return chunked{strings.NewReader(init)} }, 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var body io.Reader
			switch {
			case c.body != nil:
				body = c.body()
			case c.method == "POST":
				body = strings.NewReader(init)
			}
			r := send(t, c.method, srv.URL+c.path, c.hdr, body)
			if r.status != c.want {
				t.Fatalf("HTTP %d, want %d: %s", r.status, c.want, r.body)
			}
			if c.want == 401 && !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without WWW-Authenticate: Bearer (got %q)", r.header.Get("WWW-Authenticate"))
			}
			if c.want == 200 && c.path == "/mcp" {
				if r.msg["result"] == nil {
					t.Errorf("initialize answered %s", r.body)
				}
			}
		})
	}
	if n := fake.Count(); n != 0 {
		t.Errorf("the table reached Clerk %d times", n)
	}

	t.Run("any origin with *", func(t *testing.T) {
		srv := serve(t, newMCP(t, fake, nil), hosting.Options{Streamable: true, AuthTokens: []string{authToken}, AllowedOrigins: []string{"*"}})
		if r := rpc(t, srv.URL, with(ok, "Origin", "https://evil.example"), init); r.status != 200 {
			t.Errorf("HTTP %d: %s", r.status, r.body)
		}
	})
	t.Run("no tokens configured", func(t *testing.T) {
		srv := serve(t, newMCP(t, fake, nil), hosting.Options{Streamable: true, AllowNoAuth: true})
		if r := rpc(t, srv.URL, nil, init); r.status != 200 {
			t.Errorf("HTTP %d: %s", r.status, r.body)
		}
		if r := rpc(t, srv.URL, map[string]string{"Origin": "https://evil.example"}, init); r.status != 403 {
			t.Errorf("foreign origin without auth: HTTP %d, want 403", r.status)
		}
	})
}

var sessionIDPattern = regexp.MustCompile(`^mcp-session-([0-9a-f]{8})-([0-9a-f]{4})-4([0-9a-f]{3})-([89ab][0-9a-f]{3})-([0-9a-f]{12})$`)
var uuidV4Pattern = regexp.MustCompile(`^([0-9a-f]{8})-([0-9a-f]{4})-4([0-9a-f]{3})-([89ab][0-9a-f]{3})-([0-9a-f]{12})$`)

// randomBits returns the 122 random bits of a version 4 UUID's hex groups
// (as hex, version nibble dropped; the variant bits stay but are constant).
func randomBits(m []string) []byte {
	b, _ := hex.DecodeString(strings.Join(m[1:], ""))
	return b
}

// checkUnguessable wants every ID distinct, in the version 4 UUID format
// (122 bits from crypto/rand), and unrelated to the one before it.
func checkUnguessable(t *testing.T, ids []string, re *regexp.Regexp) {
	t.Helper()
	seen := map[string]bool{}
	var prev []byte
	for _, id := range ids {
		m := re.FindStringSubmatch(id)
		if m == nil {
			t.Fatalf("session ID %q is not a version 4 UUID (122 random bits)", id)
		}
		if seen[id] {
			t.Fatalf("session ID %q issued twice", id)
		}
		seen[id] = true
		cur := randomBits(m)
		if prev != nil {
			d := 0
			for i := range cur {
				d += bits.OnesCount8(cur[i] ^ prev[i])
			}
			// Independent IDs differ in ~61 of these bits; sequential or
			// time-based ones in a handful.
			if d < 24 {
				t.Errorf("consecutive session IDs differ in only %d bits", d)
			}
		}
		prev = cur
	}
}

func TestSessionIDsAreUnguessable(t *testing.T) {
	fake, _ := newFake(t)
	srv := serve(t, newMCP(t, fake, nil), hosting.Options{SSE: true, Streamable: true, AuthTokens: []string{authToken}})

	t.Run("streamable", func(t *testing.T) {
		var ids []string
		for i := range 16 {
			r := rpc(t, srv.URL, bearer(authToken), initMsg(i+1))
			if r.status != 200 {
				t.Fatalf("initialize: HTTP %d: %s", r.status, r.body)
			}
			ids = append(ids, r.header.Get("Mcp-Session-Id"))
		}
		checkUnguessable(t, ids, sessionIDPattern)

	})

	t.Run("sse", func(t *testing.T) {
		var ids []string
		for range 4 {
			ids = append(ids, sseSessionID(t, srv.URL, bearer(authToken)))
		}
		checkUnguessable(t, ids, uuidV4Pattern)
	})
}

// sseStream opens GET /sse and returns the message endpoint it announces and
// a function that ends the stream.
func sseStream(t *testing.T, base string, hdr map[string]string) (endpoint string, closeStream func()) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/sse", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "text/event-stream")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	closeStream = func() {
		cancel()
		_ = resp.Body.Close()
	}
	if resp.StatusCode != http.StatusOK {
		closeStream()
		t.Fatalf("GET /sse: HTTP %d", resp.StatusCode)
	}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
			endpoint = d
			break
		}
	}
	if endpoint == "" {
		closeStream()
		t.Fatal("the SSE stream announced no endpoint")
	}
	if !strings.HasPrefix(endpoint, "http") {
		endpoint = base + endpoint
	}
	return endpoint, closeStream
}

func sseSessionID(t *testing.T, base string, hdr map[string]string) string {
	t.Helper()
	endpoint, closeStream := sseStream(t, base, hdr)
	defer closeStream()
	u, err := url.Parse(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get("sessionId")
}

// connectClient starts an MCP client (streamable or SSE) with headers and
// initializes it on the newest handshake revision.
func connectClient(t *testing.T, ctx context.Context, base, kind string, hdr map[string]string) *client.Client {
	t.Helper()
	var c *client.Client
	var err error
	switch kind {
	case "streamable":
		c, err = client.NewStreamableHttpClient(base+"/mcp", transport.WithHTTPHeaders(hdr))
	case "sse":
		c, err = client.NewSSEMCPClient(base+"/sse", transport.WithHeaders(hdr))
	default:
		t.Fatalf("unknown transport %q", kind)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	req := mcp.InitializeRequest{}
	req.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	req.Params.ClientInfo = mcp.Implementation{Name: "hosting-test", Version: "0"}
	if _, err := c.Initialize(ctx, req); err != nil {
		t.Fatal(err)
	}
	return c
}

func callTool(ctx context.Context, c *client.Client, name string, args map[string]any) (*mcp.CallToolResult, error) {
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	req.Params.Arguments = args
	return c.CallTool(ctx, req)
}

func resultText(res *mcp.CallToolResult) string {
	var sb strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(mcp.TextContent); ok {
			sb.WriteString(tc.Text)
		}
	}
	return sb.String()
}

func TestKeyFromRequest(t *testing.T) {
	fake, _ := newFake(t)
	srv := serve(t, newMCP(t, fake, nil), hosting.Options{SSE: true, Streamable: true, AuthTokens: []string{authToken}, KeyFromRequest: true})

	t.Run("missing key", func(t *testing.T) {
		for _, c := range []struct {
			name, method, path, key string
		}{
			{"streamable, no header", "POST", "/mcp", ""},
			{"streamable, blank header", "POST", "/mcp", "   "},
			{"sse, no header", "GET", "/sse", ""},
			{"message, no header", "POST", "/message?sessionId=x", ""},
		} {
			hdr := bearer(authToken)
			if c.key != "" {
				hdr[hosting.KeyHeader] = c.key
			}
			var body io.Reader
			if c.method == "POST" {
				body = strings.NewReader(initMsg(1))
			}
			r := send(t, c.method, srv.URL+c.path, hdr, body)
			if r.status != 401 || !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("%s: HTTP %d (WWW-Authenticate %q), want 401 with a Bearer challenge", c.name, r.status, r.header.Get("WWW-Authenticate"))
			}
		}
		// The key does not replace the caller's token.
		r := rpc(t, srv.URL, map[string]string{hosting.KeyHeader: "sk_test_someone"}, initMsg(1))
		if r.status != 401 {
			t.Errorf("a Clerk key without the bearer token: HTTP %d, want 401", r.status)
		}
		if n := fake.Count(); n != 0 {
			t.Errorf("refused requests reached Clerk %d times", n)
		}
	})

	for _, kind := range []string{"streamable", "sse"} {
		t.Run("sessions keep their own keys/"+kind, func(t *testing.T) {
			fake.Reset()
			ctx := ctxFor(t, 30*time.Second)
			keys := map[string]string{
				"a": "sk_test_CALLER_A_" + kind + "_aaaaaaaaaaaa",
				"b": "sk_test_CALLER_B_" + kind + "_bbbbbbbbbbbb",
			}
			clients := map[string]*client.Client{}
			for who, key := range keys {
				clients[who] = connectClient(t, ctx, srv.URL, kind, with(bearer(authToken), hosting.KeyHeader, key))
			}
			const workers, calls = 4, 15
			var wg sync.WaitGroup
			errs := make(chan error, 2*workers*calls)
			for who, c := range clients {
				for w := range workers {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for i := range calls {
							id := fmt.Sprintf("%s_%d_%d", who, w, i)
							res, err := callTool(ctx, c, "get_user", map[string]any{"user_id": id})
							switch {
							case err != nil:
								errs <- fmt.Errorf("%s: %v", id, err)
							case res.IsError || !strings.Contains(resultText(res), id):
								errs <- fmt.Errorf("%s: %s", id, resultText(res))
							}
						}
					}()
				}
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			reqs := fake.Requests()
			if len(reqs) != 2*workers*calls {
				t.Errorf("the fake saw %d requests, want %d", len(reqs), 2*workers*calls)
			}
			for _, r := range reqs {
				auth := r.Header.Get("Authorization")
				if strings.Contains(auth, envKey) {
					t.Fatalf("%s %s used the server's own key", r.Method, r.Path)
				}
				who, _, _ := strings.Cut(strings.TrimPrefix(r.Path, "/v1/users/"), "_")
				if want := "Bearer " + keys[who]; auth != want {
					t.Fatalf("%s %s carried %q, want caller %s's key", r.Method, r.Path, auth, who)
				}
			}
		})
	}
}

// TestStateless: without sessions any replica answers any request, and
// replicas sharing CLERK_MCP_CONFIRM_KEY accept each other's confirmation
// tokens.
func TestStateless(t *testing.T) {
	fake, _ := newFake(t)
	hdr := bearer(authToken)
	opts := hosting.Options{Streamable: true, Stateless: true, AuthTokens: []string{authToken}}
	confirmKey := []byte("shared-confirm-key-0123456789abcdef")
	replica1 := serve(t, newMCP(t, fake, tools.NewGate(confirmKey, time.Minute)), opts)
	replica2 := serve(t, newMCP(t, fake, tools.NewGate(confirmKey, time.Minute)), opts)
	stranger := serve(t, newMCP(t, fake, tools.NewGate([]byte("another-key-0123456789abcdef012345"), time.Minute)), opts)

	t.Run("tools/call without a session", func(t *testing.T) {
		r := rpc(t, replica1.URL, hdr, initMsg(1))
		if r.status != 200 || r.header.Get("Mcp-Session-Id") != "" {
			t.Fatalf("initialize: HTTP %d, session %q (want none)", r.status, r.header.Get("Mcp-Session-Id"))
		}
		for _, srv := range []*httptest.Server{replica1, replica2} {
			r := rpc(t, srv.URL, hdr, callMsg(2, "get_user", map[string]any{"user_id": "user_stateless"}))
			if r.header.Get("Mcp-Session-Id") != "" {
				t.Errorf("a stateless answer carries session %q", r.header.Get("Mcp-Session-Id"))
			}
			if isErr, text, _ := toolResult(t, r); isErr || !strings.Contains(text, "user_stateless") {
				t.Errorf("get_user: %s", text)
			}
		}
	})

	t.Run("confirmation across replicas", func(t *testing.T) {
		fake.Reset()
		preview := func(id int, user string) string {
			r := rpc(t, replica1.URL, hdr, callMsg(id, "delete_user", map[string]any{"user_id": user}))
			isErr, text, st := toolResult(t, r)
			token, _ := st["confirm"].(string)
			if isErr || token == "" {
				t.Fatalf("preview: %s", text)
			}
			return token
		}
		token := preview(3, "user_x")
		if n := countMethod(fake, "DELETE"); n != 0 {
			t.Fatalf("the preview deleted (%d DELETEs)", n)
		}

		// Another replica with another key refuses it.
		r := rpc(t, stranger.URL, hdr, callMsg(4, "delete_user", map[string]any{"user_id": "user_x", "confirm": token}))
		if isErr, text, _ := toolResult(t, r); !isErr || !strings.Contains(text, "not valid") {
			t.Errorf("a replica with another CLERK_MCP_CONFIRM_KEY: %s", text)
		}
		// A replica sharing the key runs it.
		r = rpc(t, replica2.URL, hdr, callMsg(5, "delete_user", map[string]any{"user_id": "user_x", "confirm": token}))
		if isErr, text, _ := toolResult(t, r); isErr {
			t.Fatalf("replica 2 refused replica 1's token: %s", text)
		}
		if n := countMethod(fake, "DELETE"); n != 1 {
			t.Fatalf("%d DELETEs, want 1", n)
		}
		// Single use on that replica.
		r = rpc(t, replica2.URL, hdr, callMsg(6, "delete_user", map[string]any{"user_id": "user_x", "confirm": token}))
		if isErr, text, _ := toolResult(t, r); !isErr || !strings.Contains(text, "already used") {
			t.Errorf("replay on replica 2: %s", text)
		}
		// The token is bound to its arguments on every replica.
		token = preview(7, "user_y")
		r = rpc(t, replica2.URL, hdr, callMsg(8, "delete_user", map[string]any{"user_id": "user_z", "confirm": token}))
		if isErr, text, _ := toolResult(t, r); !isErr || !strings.Contains(text, "not valid") {
			t.Errorf("token for other arguments: %s", text)
		}
		if n := countMethod(fake, "DELETE"); n != 1 {
			t.Errorf("%d DELETEs, want 1", n)
		}
	})
}

func countMethod(f *fakeclerk.Server, method string) int {
	n := 0
	for _, r := range f.Requests() {
		if r.Method == method {
			n++
		}
	}
	return n
}

// TestCancellation: a caller giving up on a slow call stops the request to
// Clerk, on every HTTP transport.
func TestCancellation(t *testing.T) {
	fake, sig := newFake(t)
	srv := serve(t, newMCP(t, fake, nil), hosting.Options{SSE: true, Streamable: true, AuthTokens: []string{authToken}})

	// The client's context ends: over streamable HTTP the request's
	// connection closes, which ends the server's request context.
	for _, version := range []string{mcp.LATEST_LEGACY_PROTOCOL_VERSION, ""} {
		name := "streamable/" + version
		if version == "" {
			name = "streamable/default"
		}
		t.Run(name, func(t *testing.T) {
			ctx := ctxFor(t, 20*time.Second)
			c, err := client.NewStreamableHttpClient(srv.URL+"/mcp", transport.WithHTTPHeaders(bearer(authToken)))
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if err := c.Start(ctx); err != nil {
				t.Fatal(err)
			}
			req := mcp.InitializeRequest{}
			req.Params.ProtocolVersion = version
			req.Params.ClientInfo = mcp.Implementation{Name: "hosting-test", Version: "0"}
			if _, err := c.Initialize(ctx, req); err != nil {
				t.Fatal(err)
			}
			callCtx, cancel := context.WithCancel(ctx)
			done := make(chan error, 1)
			go func() {
				_, err := callTool(callCtx, c, "get_user", map[string]any{"user_id": "slow_streamable"})
				done <- err
			}()
			sig.expect(t, sig.started, "request at Clerk", "slow_streamable")
			cancel()
			sig.expect(t, sig.canceled, "request context canceled at Clerk", "slow_streamable")
			if err := <-done; err == nil {
				t.Error("the cancelled call returned no error")
			}
			// The session keeps serving.
			res, err := callTool(ctx, c, "get_user", map[string]any{"user_id": "user_after"})
			if err != nil || res.IsError {
				t.Fatalf("next call: %v %v", err, res)
			}
		})
	}

	// Over SSE the client must say so: notifications/cancelled (mcp-go's
	// client sends it over stdio; SSE clients of other SDKs send it too).
	t.Run("sse/notifications-cancelled", func(t *testing.T) {
		endpoint, closeStream := sseStream(t, srv.URL, bearer(authToken))
		defer closeStream()
		post := func(msg string) {
			r := send(t, http.MethodPost, endpoint, bearer(authToken), strings.NewReader(msg))
			if r.status != http.StatusAccepted {
				t.Fatalf("POST %s: HTTP %d: %s", msg, r.status, r.body)
			}
		}
		post(initMsg(1))
		post(`{"jsonrpc":"2.0","method":"notifications/initialized"}`)
		post(callMsg(7, "get_user", map[string]any{"user_id": "slow_sse"}))
		sig.expect(t, sig.started, "request at Clerk", "slow_sse")
		post(`{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7,"reason":"user gave up"}}`)
		sig.expect(t, sig.canceled, "request context canceled at Clerk", "slow_sse")
	})

	// A client that goes away (its SSE stream ends) with a call in flight.
	t.Run("sse/stream-closed", func(t *testing.T) {
		endpoint, closeStream := sseStream(t, srv.URL, bearer(authToken))
		post := func(msg string) {
			r := send(t, http.MethodPost, endpoint, bearer(authToken), strings.NewReader(msg))
			if r.status != http.StatusAccepted {
				t.Fatalf("POST %s: HTTP %d: %s", msg, r.status, r.body)
			}
		}
		post(initMsg(1))
		post(`{"jsonrpc":"2.0","method":"notifications/initialized"}`)
		post(callMsg(2, "get_user", map[string]any{"user_id": "slow_sse_gone"}))
		sig.expect(t, sig.started, "request at Clerk", "slow_sse_gone")
		closeStream()
		sig.expect(t, sig.canceled, "request context canceled at Clerk", "slow_sse_gone")
	})
}

// TestPerRequestKeyNeverShows: a caller's X-Clerk-Secret-Key, echoed back by
// Clerk in every way it could be, appears in no answer and no log line.
func TestPerRequestKeyNeverShows(t *testing.T) {
	const callerKey = "sk_test_CANARY_header_5e4d3c2b1a0f9e8d7c6b"
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		switch strings.TrimPrefix(r.URL.Path, "/v1/users/") {
		case "clerk_error":
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprintf(w, `{"errors":[{"code":"authentication_invalid","message":"bad key %[1]s","meta":{"k":%[1]q}}],"clerk_trace_id":%[1]q}`, key)
		case "plain_error":
			w.Header().Set("Clerk-Trace-Id", key)
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, strings.Repeat("y", 295)+key)
		default:
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"object":"user","id":"user_1"}`)
		}
	}))
	defer upstream.Close()
	var logs strings.Builder
	var mu sync.Mutex
	logger := slog.New(slog.NewJSONHandler(writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return logs.Write(p)
	}), &slog.HandlerOptions{Level: slog.LevelDebug}))
	s, err := tools.NewServer(tools.ServerConfig{Config: tools.Config{
		Client: clerkapi.New(clerkapi.Config{BaseURL: upstream.URL + "/v1", SecretKey: envKey, MaxRetries: -1, Timeout: 5 * time.Second}),
		Logger: logger,
	}})
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, s, hosting.Options{Streamable: true, AuthTokens: []string{authToken}, KeyFromRequest: true})
	hdr := with(bearer(authToken), hosting.KeyHeader, callerKey)
	init := rpc(t, srv.URL, hdr, initMsg(100))
	if init.status != 200 || strings.Contains(init.body, "CANARY") {
		t.Fatalf("initialize: HTTP %d: %s", init.status, init.body)
	}
	hdr["Mcp-Session-Id"] = init.header.Get("Mcp-Session-Id")
	for i, user := range []string{"user_1", "clerk_error", "plain_error"} {
		r := rpc(t, srv.URL, hdr, callMsg(i+1, "get_user", map[string]any{"user_id": user}))
		isErr, text, _ := toolResult(t, r)
		if isErr != (user != "user_1") {
			t.Errorf("%s: isError=%v: %s", user, isErr, text)
		}
		var dump strings.Builder
		_ = r.header.Write(&dump)
		dump.WriteString(r.body)
		if strings.Contains(dump.String(), "CANARY") {
			t.Errorf("%s: the answer shows the caller's key:\n%s", user, dump.String())
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(logs.String(), "tool call") {
		t.Errorf("no debug records:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "CANARY") {
		t.Errorf("the logs show the caller's key:\n%s", logs.String())
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
