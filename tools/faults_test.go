package tools

// Faults of the upstream Clerk through the whole MCP pipeline (mcp-go client,
// server, handler, clerkapi client, a real HTTP connection to 127.0.0.1):
// each ends in bounded retries and a clear isError result, the server serves
// the next call, and no goroutine outlives the test.

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"go.uber.org/goleak"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/stdio"
)

const faultKey = "sk_test_FAULTS_000000000000000000000000000000"

// faultClerk is an upstream whose behaviour the test sets; n counts the
// requests since the last set, from 1.
type faultClerk struct {
	srv      *httptest.Server
	mu       sync.Mutex
	h        func(w http.ResponseWriter, r *http.Request, n int64)
	hits     atomic.Int64
	started  chan struct{}
	canceled chan struct{}
}

func (f *faultClerk) set(h func(w http.ResponseWriter, r *http.Request, n int64)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.h = h
	f.hits.Store(0)
}

func (f *faultClerk) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	h := f.h
	f.mu.Unlock()
	_, _ = io.Copy(io.Discard, r.Body)
	h(w, r, f.hits.Add(1))
}

func answerOK(w http.ResponseWriter, r *http.Request, _ int64) {
	w.Header().Set("Content-Type", "application/json")
	if r.Method == http.MethodGet {
		_, _ = io.WriteString(w, `{"object":"user","id":"user_1","first_name":"Ada"}`)
		return
	}
	_, _ = io.WriteString(w, `{"object":"organization","id":"org_1","name":"Acme"}`)
}

// hold waits for the caller to give up (at most 10 s), reporting both ends.
func (f *faultClerk) hold(w http.ResponseWriter, r *http.Request, _ int64) {
	f.started <- struct{}{}
	select {
	case <-r.Context().Done():
		f.canceled <- struct{}{}
	case <-time.After(10 * time.Second):
		answerOK(w, r, 0)
	}
}

func (f *faultClerk) await(t *testing.T, ch chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: not within 5s", what)
	}
}

// verifyNoLeaks registers, first so that it runs last, a check that every
// goroutine the test started has ended.
func verifyNoLeaks(t *testing.T) {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
}

// newFaultServer returns the MCP server on a fresh fault upstream.
func newFaultServer(t *testing.T, timeout time.Duration, retries int) (*server.MCPServer, *faultClerk) {
	t.Helper()
	fc := &faultClerk{h: answerOK, started: make(chan struct{}, 8), canceled: make(chan struct{}, 8)}
	fc.srv = httptest.NewServer(http.HandlerFunc(fc.serve))
	t.Cleanup(fc.srv.Close)
	tr := clerkapi.NewTransport()
	t.Cleanup(tr.CloseIdleConnections)
	s, err := NewServer(ServerConfig{Config: Config{
		Client: clerkapi.New(clerkapi.Config{
			BaseURL: fc.srv.URL + "/v1", SecretKey: faultKey,
			Timeout: timeout, MaxRetries: retries,
			HTTPClient: &http.Client{Transport: tr},
		}),
	}})
	if err != nil {
		t.Fatal(err)
	}
	return s, fc
}

func initialize(t *testing.T, ctx context.Context, c *client.Client) {
	t.Helper()
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	req := mcp.InitializeRequest{}
	req.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	req.Params.ClientInfo = mcp.Implementation{Name: "faults", Version: "0"}
	if _, err := c.Initialize(ctx, req); err != nil {
		t.Fatal(err)
	}
}

// newFaultEnv connects an in-process client.
func newFaultEnv(t *testing.T, timeout time.Duration, retries int) (*client.Client, *faultClerk) {
	t.Helper()
	s, fc := newFaultServer(t, timeout, retries)
	c, err := client.NewInProcessClient(s)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	initialize(t, t.Context(), c)
	return c, fc
}

func faultCall(ctx context.Context, c *client.Client, tool string, args map[string]any) (*mcp.CallToolResult, error) {
	req := mcp.CallToolRequest{}
	req.Params.Name = tool
	req.Params.Arguments = args
	return c.CallTool(ctx, req)
}

var (
	readCall  = []any{"get_user", map[string]any{"user_id": "user_1"}}
	writeCall = []any{"create_organization", map[string]any{"name": "Acme"}}
)

// reset hangs up with a TCP reset, before any answer.
func reset(w http.ResponseWriter, _ *http.Request, _ int64) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(err)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = conn.Close()
}

func status(code int, header map[string]string, body string) func(http.ResponseWriter, *http.Request, int64) {
	return func(w http.ResponseWriter, _ *http.Request, _ int64) {
		for k, v := range header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(code)
		_, _ = io.WriteString(w, body)
	}
}

// thenOK answers with first for the first n requests, then succeeds.
func thenOK(n int64, first func(http.ResponseWriter, *http.Request, int64)) func(http.ResponseWriter, *http.Request, int64) {
	return func(w http.ResponseWriter, r *http.Request, i int64) {
		if i <= n {
			first(w, r, i)
			return
		}
		answerOK(w, r, i)
	}
}

const tooMany = `{"errors":[{"code":"too_many_requests","message":"Too many requests","long_message":"Too many requests, retry later"}]}`

func TestUpstreamFaults(t *testing.T) {
	cycle5xx := func(w http.ResponseWriter, _ *http.Request, n int64) {
		code := []int{500, 502, 503}[(n-1)%3]
		w.WriteHeader(code)
		fmt.Fprintf(w, `{"errors":[{"code":"internal","message":"upstream %d"}]}`, code)
	}
	big := func(w http.ResponseWriter, _ *http.Request, _ int64) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"object":"user","id":"user_1","blob":"`)
		chunk := strings.Repeat("x", 1<<20)
		for range 20 {
			if _, err := io.WriteString(w, chunk); err != nil {
				return
			}
		}
		_, _ = io.WriteString(w, `"}`)
	}
	cases := []struct {
		name     string
		timeout  time.Duration
		retries  int
		upstream func(*faultClerk) func(http.ResponseWriter, *http.Request, int64)
		call     []any
		wantOK   bool
		wantHits int64
		wantText []string
		min, max time.Duration
	}{
		{name: "429 with Retry-After, then success", retries: 3, call: readCall, wantOK: true, wantHits: 2, min: time.Second, max: 5 * time.Second,
			upstream: func(*faultClerk) func(http.ResponseWriter, *http.Request, int64) {
				return thenOK(1, status(429, map[string]string{"Retry-After": "1"}, tooMany))
			}},
		{name: "429 on a write is retried too", retries: 3, call: writeCall, wantOK: true, wantHits: 2, max: 5 * time.Second,
			upstream: func(*faultClerk) func(http.ResponseWriter, *http.Request, int64) {
				return thenOK(1, status(429, map[string]string{"Retry-After": "0"}, tooMany))
			}},
		{name: "429 until retries run out", retries: 1, call: readCall, wantHits: 2, min: time.Second, max: 5 * time.Second,
			wantText: []string{"HTTP 429", "too_many_requests"},
			upstream: func(*faultClerk) func(http.ResponseWriter, *http.Request, int64) {
				return status(429, map[string]string{"Retry-After": "1"}, tooMany)
			}},
		{name: "429 with Retry-After past the deadline", timeout: 2 * time.Second, retries: 3, call: readCall, wantHits: 1, max: time.Second,
			wantText: []string{"HTTP 429"},
			upstream: func(*faultClerk) func(http.ResponseWriter, *http.Request, int64) {
				return status(429, map[string]string{"Retry-After": "3600"}, tooMany)
			}},
		{name: "500 502 503 on a read", retries: 2, call: readCall, wantHits: 3, max: 5 * time.Second,
			wantText: []string{"HTTP 503", "upstream 503"},
			upstream: func(*faultClerk) func(http.ResponseWriter, *http.Request, int64) { return cycle5xx }},
		{name: "502 on a read, then success", retries: 2, call: readCall, wantOK: true, wantHits: 2, max: 5 * time.Second,
			upstream: func(*faultClerk) func(http.ResponseWriter, *http.Request, int64) {
				return thenOK(1, status(502, nil, "<html>Bad Gateway</html>"))
			}},
		{name: "503 on a write is not retried", retries: 3, call: writeCall, wantHits: 1, max: 2 * time.Second,
			wantText: []string{"HTTP 500"},
			upstream: func(*faultClerk) func(http.ResponseWriter, *http.Request, int64) { return cycle5xx }},
		{name: "connection reset on a read", retries: 2, call: readCall, wantHits: 3, max: 5 * time.Second,
			wantText: []string{"get_user failed", "Nothing is known about whether Clerk applied it"},
			upstream: func(*faultClerk) func(http.ResponseWriter, *http.Request, int64) { return reset }},
		{name: "connection reset on a write", retries: 3, call: writeCall, wantHits: 1, max: 2 * time.Second,
			wantText: []string{"create_organization failed", "Nothing is known"},
			upstream: func(*faultClerk) func(http.ResponseWriter, *http.Request, int64) { return reset }},
		{name: "slower than the timeout", timeout: 300 * time.Millisecond, retries: 3, call: readCall, wantHits: 1, min: 300 * time.Millisecond, max: 3 * time.Second,
			wantText: []string{"no answer from Clerk within 300ms"},
			upstream: func(f *faultClerk) func(http.ResponseWriter, *http.Request, int64) { return f.hold }},
		{name: "malformed JSON object", retries: 3, call: readCall, wantHits: 1, max: 2 * time.Second,
			wantText: []string{"malformed JSON"},
			upstream: func(*faultClerk) func(http.ResponseWriter, *http.Request, int64) {
				return status(200, map[string]string{"Content-Type": "application/json"}, `{"object":"user","id":`)
			}},
		{name: "malformed JSON array", retries: 3, call: readCall, wantHits: 1, max: 2 * time.Second,
			wantText: []string{"malformed JSON"},
			upstream: func(*faultClerk) func(http.ResponseWriter, *http.Request, int64) {
				return status(200, map[string]string{"Content-Type": "application/json"}, `[{"id":1},`)
			}},
		{name: "HTML instead of JSON", retries: 3, call: readCall, wantHits: 1, max: 2 * time.Second,
			wantText: []string{"malformed JSON"},
			upstream: func(*faultClerk) func(http.ResponseWriter, *http.Request, int64) {
				return status(200, map[string]string{"Content-Type": "text/html"}, `<html>maintenance</html>`)
			}},
		{name: "20 MB body", retries: 3, call: readCall, wantHits: 1, max: 10 * time.Second,
			wantText: []string{"larger than 16777216 bytes"},
			upstream: func(*faultClerk) func(http.ResponseWriter, *http.Request, int64) { return big }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			verifyNoLeaks(t)
			timeout := c.timeout
			if timeout == 0 {
				timeout = 10 * time.Second
			}
			cl, fc := newFaultEnv(t, timeout, c.retries)
			fc.set(c.upstream(fc))
			ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
			defer cancel()
			start := time.Now()
			res, err := faultCall(ctx, cl, c.call[0].(string), c.call[1].(map[string]any))
			elapsed := time.Since(start)
			if err != nil {
				t.Fatalf("protocol error instead of a result: %v", err)
			}
			got := text(res)
			if res.IsError == c.wantOK {
				t.Errorf("isError=%v, want %v: %s", res.IsError, !c.wantOK, got)
			}
			for _, w := range c.wantText {
				if !strings.Contains(got, w) {
					t.Errorf("result lacks %q:\n%s", w, got)
				}
			}
			if len(got) > 4096 {
				t.Errorf("error text of %d bytes", len(got))
			}
			if n := fc.hits.Load(); n != c.wantHits {
				t.Errorf("%d requests reached Clerk, want %d", n, c.wantHits)
			}
			if elapsed < c.min || elapsed > c.max {
				t.Errorf("took %v, want between %v and %v", elapsed, c.min, c.max)
			}
			if strings.Contains(got, faultKey) {
				t.Error("the secret key is in the result")
			}
			// The server keeps serving.
			fc.set(answerOK)
			res, err = faultCall(ctx, cl, "get_user", map[string]any{"user_id": "user_1"})
			if err != nil || res.IsError || !strings.Contains(text(res), "Ada") {
				t.Fatalf("the next call: %v %s", err, text(res))
			}
		})
	}
}

// TestCancelStopsTheClerkCall: a caller giving up stops the request to
// Clerk. In process the caller's context is the handler's; over stdio
// mcp-go's client sends notifications/cancelled, which the server honours;
// and the end of a session cancels what it still has in flight.
func TestCancelStopsTheClerkCall(t *testing.T) {
	t.Run("in-process", func(t *testing.T) {
		verifyNoLeaks(t)
		c, fc := newFaultEnv(t, 20*time.Second, 0)
		cancelAndCheck(t, c, fc)
	})

	t.Run("stdio notifications/cancelled", func(t *testing.T) {
		verifyNoLeaks(t)
		s, fc := newFaultServer(t, 20*time.Second, 0)
		clientRead, serverWrite := io.Pipe()
		serverRead, clientWrite := io.Pipe()
		listenCtx, stopListen := context.WithCancel(context.Background())
		listening := make(chan struct{})
		go func() {
			defer close(listening)
			_ = stdio.Serve(listenCtx, s, serverRead, serverWrite, stdio.Options{})
		}()
		c := client.NewClient(transport.NewIO(clientRead, clientWrite, io.NopCloser(strings.NewReader(""))))
		t.Cleanup(func() {
			_ = c.Close()
			stopListen()
			_ = serverRead.Close()
			_ = serverWrite.Close()
			select {
			case <-listening:
			case <-time.After(5 * time.Second):
				t.Error("the stdio server did not stop")
			}
		})
		initialize(t, t.Context(), c)
		cancelAndCheck(t, c, fc)
	})

	t.Run("session end", func(t *testing.T) {
		verifyNoLeaks(t)
		s, fc := newFaultServer(t, 20*time.Second, 0)
		c, err := client.NewInProcessClient(s)
		if err != nil {
			t.Fatal(err)
		}
		initialize(t, t.Context(), c)
		fc.set(fc.hold)
		done := make(chan struct{})
		go func() {
			defer close(done)
			_, _ = faultCall(context.Background(), c, "get_user", map[string]any{"user_id": "user_1"})
		}()
		fc.await(t, fc.started, "request at Clerk")
		_ = c.Close()
		fc.await(t, fc.canceled, "request context canceled at Clerk")
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("the call did not return")
		}
	})
}

func cancelAndCheck(t *testing.T, c *client.Client, fc *faultClerk) {
	t.Helper()
	fc.set(fc.hold)
	ctx, cancel := context.WithCancel(t.Context())
	type outcome struct {
		res *mcp.CallToolResult
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := faultCall(ctx, c, "get_user", map[string]any{"user_id": "user_1"})
		done <- outcome{res, err}
	}()
	fc.await(t, fc.started, "request at Clerk")
	cancel()
	fc.await(t, fc.canceled, "request context canceled at Clerk")
	select {
	case o := <-done:
		// The caller has its context's error, or (in process, where the
		// handler sees the cancellation first) a "was cancelled" result.
		if o.err == nil && !(o.res.IsError && strings.Contains(text(o.res), "was cancelled")) {
			t.Errorf("the cancelled call returned %s", text(o.res))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the cancelled call did not return")
	}
	fc.set(answerOK)
	res, err := faultCall(t.Context(), c, "get_user", map[string]any{"user_id": "user_1"})
	if err != nil || res.IsError {
		t.Fatalf("the next call: %v %v", err, res)
	}
}
