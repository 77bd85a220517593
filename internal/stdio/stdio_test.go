package stdio

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	_ "github.com/clerk-mcp/clerk-mcp/internal/golden" // -update, as in every package
)

// peer is the client end of a transport under test, speaking raw lines.
type peer struct {
	t    *testing.T
	in   *io.PipeWriter
	out  *bufio.Reader
	done chan error
	wait time.Duration // for an answer (default 5s)
}

func newPeer(t *testing.T, s *server.MCPServer, opt Options) *peer {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	p := &peer{t: t, in: inW, out: bufio.NewReaderSize(outR, 1<<20), done: make(chan error, 1)}
	go func() {
		p.done <- Serve(t.Context(), s, inR, outW, opt)
		_ = outW.Close()
	}()
	t.Cleanup(func() {
		_ = inW.Close()
		go func() { _, _ = io.Copy(io.Discard, outR) }()
		select {
		case <-p.done:
		case <-time.After(5 * time.Second):
			t.Error("Serve did not return after input ended")
		}
	})
	return p
}

func (p *peer) send(line string) {
	p.t.Helper()
	_, err := io.WriteString(p.in, line+"\n")
	require.NoError(p.t, err)
}

// recv reads one line; each must be one JSON object.
func (p *peer) recv() map[string]any {
	p.t.Helper()
	type line struct {
		b   []byte
		err error
	}
	ch := make(chan line, 1)
	go func() {
		b, err := p.out.ReadBytes('\n')
		ch <- line{b, err}
	}()
	select {
	case l := <-ch:
		require.NoError(p.t, l.err)
		var m map[string]any
		require.NoError(p.t, json.Unmarshal(l.b, &m), "not one JSON object per line: %q", l.b)
		return m
	case <-time.After(cmp.Or(p.wait, 5*time.Second)):
		p.t.Fatalf("no answer within %v", cmp.Or(p.wait, 5*time.Second))
		return nil
	}
}

func (p *peer) initialize(caps string) {
	p.t.Helper()
	p.send(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":` + caps + `,"clientInfo":{"name":"peer","version":"1"}}}`)
	m := p.recv()
	require.Contains(p.t, m, "result", "%v", m)
	p.send(`{"jsonrpc":"2.0","method":"notifications/initialized"}`)
}

func newServer(tools ...server.ServerTool) *server.MCPServer {
	s := server.NewMCPServer("test", "1", server.WithToolCapabilities(false), server.WithElicitation())
	s.AddTools(tools...)
	return s
}

func tool(name string, h server.ToolHandlerFunc) server.ServerTool {
	return server.ServerTool{Tool: mcp.NewTool(name), Handler: h}
}

// nasty text: quotes, backslashes, control characters, line breaks, HTML,
// U+2028, non-ASCII and invalid UTF-8.
const nasty = "a \"quoted\" \\ path\n\ttab \x01\x1f <b>&amp;</b> \u2028 é 漢字 🙂 \xff\xfe end"

// noLeaks checks, after every cleanup, that the test left no goroutine.
func noLeaks(t *testing.T) {
	opt := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, opt) })
}

func TestServeRoundTrip(t *testing.T) {
	noLeaks(t)
	s := newServer(tool("echo", func(_ context.Context, r mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return &mcp.CallToolResult{
			Content:           []mcp.Content{mcp.NewTextContent(nasty + r.GetString("x", ""))},
			StructuredContent: encoded(`{"a": [1, "x\n"], "b": {"c": null}}`),
		}, nil
	}))
	p := newPeer(t, s, Options{})
	p.initialize(`{}`)

	p.send(`{"jsonrpc":"2.0","id":"list","method":"tools/list"}`)
	m := p.recv()
	assert.Equal(t, "list", m["id"])
	assert.Equal(t, "echo", m["result"].(map[string]any)["tools"].([]any)[0].(map[string]any)["name"])

	p.send(`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"x":"!"}}}`)
	m = p.recv()
	assert.EqualValues(t, 2, m["id"])
	res := m["result"].(map[string]any)
	assert.Equal(t, strings.Replace(nasty, "\xff\xfe", "\uFFFD\uFFFD", 1)+"!", res["content"].([]any)[0].(map[string]any)["text"])
	assert.Equal(t, map[string]any{"a": []any{1.0, "x\n"}, "b": map[string]any{"c": nil}}, res["structuredContent"])

	p.send(`{"jsonrpc":"2.0","id":3,"method":"ping"}`)
	assert.EqualValues(t, 3, p.recv()["id"])
}

// encoded is structuredContent as the tool pipeline produces it (see
// tools.Structured).
type encoded string

func (e encoded) EncodedJSON() []byte          { return []byte(e) }
func (e encoded) MarshalJSON() ([]byte, error) { return []byte(e), nil }

func TestServeBadInput(t *testing.T) {
	s := newServer()
	p := newPeer(t, s, Options{MaxLine: 1 << 10})
	p.initialize(`{}`)

	p.send(`{"jsonrpc":"2.0","id":1,"method":`)
	m := p.recv()
	assert.Nil(t, m["id"])
	assert.EqualValues(t, mcp.PARSE_ERROR, m["error"].(map[string]any)["code"])

	p.send(`{"jsonrpc":"2.0","id":2,"method":"ping","params":{"pad":"` + strings.Repeat("x", 200<<10) + `"}}`)
	m = p.recv()
	assert.EqualValues(t, mcp.PARSE_ERROR, m["error"].(map[string]any)["code"])
	assert.Contains(t, m["error"].(map[string]any)["message"], "longer than 1024 bytes")

	p.send(`{"jsonrpc":"2.0","id":3,"method":"no/such"}`)
	m = p.recv()
	assert.EqualValues(t, 3, m["id"])
	assert.EqualValues(t, mcp.METHOD_NOT_FOUND, m["error"].(map[string]any)["code"])

	p.send(``)
	p.send(`   `)
	p.send(`{"jsonrpc":"2.0","id":4,"method":"ping"}`)
	assert.EqualValues(t, 4, p.recv()["id"], "blank lines are skipped and the loop goes on")
}

func TestServeLongLine(t *testing.T) {
	s := newServer(tool("size", func(_ context.Context, r mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return mcp.NewToolResultText(fmt.Sprint(len(r.GetString("blob", "")))), nil
	}))
	p := newPeer(t, s, Options{})
	p.wait = time.Minute // decoding 3 MB takes 30s with -race on a loaded 2-core machine
	p.initialize(`{}`)
	blob := strings.Repeat("b", 3<<20) // many times the read buffer
	p.send(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"size","arguments":{"blob":"` + blob + `"}}}`)
	m := p.recv()
	assert.Equal(t, fmt.Sprint(len(blob)), m["result"].(map[string]any)["content"].([]any)[0].(map[string]any)["text"])
}

// askServer has a tool "ask" that asks its user "Sure?" and returns the
// action the answer carries, or the error.
func askServer() *server.MCPServer {
	s := newServer()
	s.AddTool(mcp.NewTool("ask"), func(ctx context.Context, _ mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		res, err := s.RequestElicitation(ctx, mcp.ElicitationRequest{Params: mcp.ElicitationParams{
			Message:         "Sure?",
			RequestedSchema: map[string]any{"type": "object", "properties": map[string]any{}},
		}})
		if err != nil {
			return mcp.NewToolResultError(err.Error()), nil
		}
		return mcp.NewToolResultText(string(res.Action)), nil
	})
	return s
}

func TestServeElicitation(t *testing.T) {
	s := askServer()
	p := newPeer(t, s, Options{})
	p.initialize(`{"elicitation":{}}`)

	for _, c := range []struct{ answer, want string }{
		{`"result":{"action":"accept","content":{}}`, "accept"},
		{`"result":{"action":"decline"}`, "decline"},
		{`"error":{"code":-32600,"message":"user closed the dialog"}`, "user closed the dialog"},
	} {
		p.send(`{"jsonrpc":"2.0","id":"call","method":"tools/call","params":{"name":"ask","arguments":{}}}`)
		req := p.recv()
		require.Equal(t, "elicitation/create", req["method"], "%v", req)
		assert.Equal(t, "Sure?", req["params"].(map[string]any)["message"])
		p.send(fmt.Sprintf(`{"jsonrpc":"2.0","id":%v,%s}`, req["id"], c.answer))
		m := p.recv()
		assert.Equal(t, "call", m["id"])
		assert.Contains(t, m["result"].(map[string]any)["content"].([]any)[0].(map[string]any)["text"], c.want)
	}

	// An answer nobody waits for is dropped; the session goes on.
	p.send(`{"jsonrpc":"2.0","id":999,"result":{"action":"accept"}}`)
	p.send(`{"jsonrpc":"2.0","id":5,"method":"ping"}`)
	assert.EqualValues(t, 5, p.recv()["id"])
}

func TestServeConcurrentCalls(t *testing.T) {
	const n = 40
	var mu sync.Mutex
	running, peak := 0, 0
	release := make(chan struct{})
	s := newServer(tool("wait", func(ctx context.Context, r mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		mu.Lock()
		running++
		peak = max(peak, running)
		mu.Unlock()
		select {
		case <-release:
		case <-ctx.Done():
		}
		mu.Lock()
		running--
		mu.Unlock()
		return mcp.NewToolResultText(r.GetString("i", "")), nil
	}))
	p := newPeer(t, s, Options{Concurrency: 8})
	p.initialize(`{}`)
	go func() {
		for i := range n {
			p.send(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"wait","arguments":{"i":"%d"}}}`, i, i))
		}
	}()
	require.Eventually(t, func() bool { mu.Lock(); defer mu.Unlock(); return running == 8 }, 5*time.Second, time.Millisecond)
	close(release)
	seen := map[float64]bool{}
	for range n {
		m := p.recv()
		id := m["id"].(float64)
		assert.Equal(t, fmt.Sprint(id), m["result"].(map[string]any)["content"].([]any)[0].(map[string]any)["text"])
		seen[id] = true
	}
	assert.Len(t, seen, n)
	assert.Equal(t, 8, peak, "Concurrency bounds the calls served at once")
}

func TestServeEndOfInputCancelsCalls(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	started, cancelled := make(chan struct{}), make(chan struct{})
	s := newServer(tool("block", func(ctx context.Context, _ mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		close(started)
		<-ctx.Done()
		close(cancelled)
		return nil, ctx.Err()
	}))
	inR, inW := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- Serve(context.Background(), s, inR, io.Discard, Options{}) }()
	_, _ = io.WriteString(inW, `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"block","arguments":{}}}`+"\n")
	<-started
	_ = inW.Close()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return at end of input")
	}
	select {
	case <-cancelled:
	default:
		t.Fatal("the call in flight was not cancelled")
	}
}

func TestServeNotificationsCancelled(t *testing.T) {
	started, cancelled := make(chan struct{}), make(chan struct{})
	s := newServer(tool("block", func(ctx context.Context, _ mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		close(started)
		<-ctx.Done()
		close(cancelled)
		return mcp.NewToolResultText("stopped"), nil
	}))
	p := newPeer(t, s, Options{})
	p.initialize(`{}`)
	p.send(`{"jsonrpc":"2.0","id":"slow","method":"tools/call","params":{"name":"block","arguments":{}}}`)
	<-started
	p.send(`{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"slow"}}`)
	select {
	case <-cancelled:
	case <-time.After(5 * time.Second):
		t.Fatal("notifications/cancelled did not reach the call")
	}
}

func TestServeContextEndsWhileReadBlocks(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	inR, inW := io.Pipe()
	defer inW.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, newServer(), inR, io.Discard, Options{}) }()
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return when its context ended")
	}
	_ = inR.Close() // lets the blocked reader go
}

func TestServePanicAnswered(t *testing.T) {
	s := newServer()
	s.AddNotificationHandler("boom", func(context.Context, mcp.JSONRPCNotification) { panic("boom") })
	p := newPeer(t, s, Options{})
	p.initialize(`{}`)
	p.send(`{"jsonrpc":"2.0","method":"boom"}`)
	p.send(`{"jsonrpc":"2.0","id":1,"method":"ping"}`)
	assert.EqualValues(t, 1, p.recv()["id"], "a panicking notification handler answers nothing and ends nothing")
}

func TestServeServerNotifications(t *testing.T) {
	s := newServer(tool("note", func(ctx context.Context, _ mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		srv := server.ServerFromContext(ctx)
		_ = srv.SendNotificationToClient(ctx, "notifications/message", map[string]any{"level": "info", "data": "hi"})
		return mcp.NewToolResultText("ok"), nil
	}))
	p := newPeer(t, s, Options{})
	p.initialize(`{}`)
	p.send(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"note","arguments":{}}}`)
	got := map[string]bool{}
	for range 2 {
		m := p.recv()
		if m["method"] != nil {
			got[m["method"].(string)] = true
		} else {
			got["answer"] = true
		}
	}
	assert.Equal(t, map[string]bool{"notifications/message": true, "answer": true}, got)
}

// TestServeReadsWhileEveryWorkerWaits: with every call slot taken by a call
// waiting on its user (elicitation), the answers still get read; so do
// requests beyond the slots, which wait for one.
func TestServeReadsWhileEveryWorkerWaits(t *testing.T) {
	s := askServer()
	p := newPeer(t, s, Options{Concurrency: 2})
	p.initialize(`{"elicitation":{}}`)
	const n = 5
	for i := range n {
		p.send(fmt.Sprintf(`{"jsonrpc":"2.0","id":"call-%d","method":"tools/call","params":{"name":"ask","arguments":{}}}`, i))
	}
	answered := 0
	for answered < n {
		m := p.recv()
		if m["method"] == "elicitation/create" {
			p.send(fmt.Sprintf(`{"jsonrpc":"2.0","id":%v,"result":{"action":"accept","content":{}}}`, m["id"]))
			continue
		}
		assert.Contains(t, m["id"], "call-")
		assert.Equal(t, "accept", m["result"].(map[string]any)["content"].([]any)[0].(map[string]any)["text"])
		answered++
	}
}

// TestServeCancelWhileWaiting: a request cancelled while it waits for a
// slot (before mcp-go has seen it) starts with its context done.
func TestServeCancelWhileWaiting(t *testing.T) {
	holding, release := make(chan struct{}), make(chan struct{})
	seen := make(chan error, 1)
	s := newServer(
		tool("hold", func(ctx context.Context, _ mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			close(holding)
			<-release
			return mcp.NewToolResultText("held"), nil
		}),
		tool("probe", func(ctx context.Context, _ mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			seen <- ctx.Err()
			return mcp.NewToolResultText("probed"), nil
		}),
	)
	p := newPeer(t, s, Options{Concurrency: 1})
	p.initialize(`{}`)
	p.send(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"hold","arguments":{}}}`)
	<-holding // the only slot is taken
	p.send(`{"jsonrpc":"2.0","id":"waiting","method":"tools/call","params":{"name":"probe","arguments":{}}}`)
	p.send(`{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"waiting","reason":"changed my mind"}}`)
	p.send(`{"jsonrpc":"2.0","id":2,"method":"ping"}`)
	assert.EqualValues(t, 2, p.recv()["id"], "reading goes on while the slot is taken")
	close(release)
	assert.EqualValues(t, 1, p.recv()["id"])
	select {
	case err := <-seen:
		t.Fatalf("the cancelled request ran (context error %v)", err)
	case <-time.After(200 * time.Millisecond):
	}
}

// TestServeLastLineWithoutNewline: input that ends without a newline still
// has its last message answered (the race with shutdown lost it 77 times in
// 200 before).
func TestServeLastLineWithoutNewline(t *testing.T) {
	for i := range 50 {
		var out strings.Builder
		err := Serve(context.Background(), newServer(), strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"ping"}`), &syncWriter{w: &out}, Options{})
		require.NoError(t, err)
		require.Contains(t, out.String(), `"id":1`, "run %d: the last line went unanswered", i)
	}
}

// syncWriter lets the test read what Serve wrote after it returned.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(b)
}

// TestServeMaxLineBelowTheBuffer: the size limit holds for lines shorter
// than the reader's own 64 KiB buffer too.
func TestServeMaxLineBelowTheBuffer(t *testing.T) {
	p := newPeer(t, newServer(), Options{MaxLine: 1 << 10})
	p.initialize(`{}`)
	p.send(`{"jsonrpc":"2.0","id":2,"method":"ping","params":{"pad":"` + strings.Repeat("x", 4<<10) + `"}}`)
	m := p.recv()
	assert.EqualValues(t, mcp.PARSE_ERROR, m["error"].(map[string]any)["code"])
	p.send(`{"jsonrpc":"2.0","id":3,"method":"ping"}`)
	assert.EqualValues(t, 3, p.recv()["id"])
}

// Session ids carry a per-process nonce: confirmation tokens bind the
// session, and two processes sharing CLERK_MCP_CONFIRM_KEY must not accept
// each other's tokens because both numbered their first session 1.
func TestSessionIDsDifferAcrossProcesses(t *testing.T) {
	if os.Getenv("STDIO_PRINT_NONCE") == "1" {
		fmt.Print(processNonce())
		return
	}
	var nonces []string
	for range 2 {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestSessionIDsDifferAcrossProcesses$")
		cmd.Env = append(os.Environ(), "STDIO_PRINT_NONCE=1")
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		n, _, _ := strings.Cut(string(out), "PASS")
		if len(strings.TrimSpace(n)) != 16 {
			t.Fatalf("nonce %q, want 16 hex characters", n)
		}
		nonces = append(nonces, strings.TrimSpace(n))
	}
	if nonces[0] == nonces[1] {
		t.Errorf("two processes share the session nonce %s", nonces[0])
	}
}
