package hosting_test

// The attacks of the hardening issue, each performed over a real listener on
// 127.0.0.1: blank tokens (D1), slow bodies (D2), forged, deleted and
// oversized session IDs and session floods (D3), and floods of tool calls
// whose answers are huge (caps). Every loop is bounded in count and time.

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/hosting"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

// listen serves h with the http.Server main uses (hosting.NewServer) on
// 127.0.0.1 and returns its address.
func listen(t testing.TB, h *hosting.Host) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := hosting.NewServer(h)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() {
		h.CloseSessions(context.Background())
		_ = srv.Close()
	})
	return ln.Addr().String()
}

func TestParseTokens(t *testing.T) {
	const good, other = "tok_0123456789abcdef", "tok_fedcba9876543210"
	for _, c := range []struct {
		raw  string
		want []string
	}{
		{"", nil}, {" ", nil}, {",", nil}, {" , ", nil}, {",,", nil}, {"\t,\n", nil},
		{good, []string{good}},
		{" " + good + " , ", []string{good}},
		{good + "," + other, []string{good, other}},
	} {
		got, err := hosting.ParseTokens(c.raw)
		if err != nil || fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("ParseTokens(%q) = %q, %v; want %q", c.raw, got, err, c.want)
		}
	}
	for _, raw := range []string{"zZ9_secret", good + ",tok_12345", " QQ ", "0123456789abcde"} {
		_, err := hosting.ParseTokens(raw)
		if err == nil {
			t.Errorf("ParseTokens(%q) accepted a token under %d bytes", raw, hosting.MinTokenBytes)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, "--auth-token") || !strings.Contains(msg, "shorter than 16") {
			t.Errorf("ParseTokens(%q): %q does not name the flag and the rule", raw, msg)
		}
		for f := range strings.SplitSeq(raw, ",") {
			if f = strings.TrimSpace(f); strings.Contains(msg, f) {
				t.Errorf("ParseTokens(%q): the error echoes a token: %q", raw, msg)
			}
		}
	}
}

func TestCheckExposure(t *testing.T) {
	tok := []string{authToken}
	for _, addr := range []string{"127.0.0.1:8080", "localhost:8080", "[::1]:8080", "127.0.0.2:1"} {
		if insecure, err := hosting.CheckExposure(addr, nil, false); err != nil || insecure {
			t.Errorf("loopback %s without tokens: insecure=%v, %v", addr, insecure, err)
		}
	}
	for _, addr := range []string{"0.0.0.0:8080", ":8080", "[::]:8080", "10.1.2.3:80", "mcp.example.com:443"} {
		if _, err := hosting.CheckExposure(addr, nil, false); err == nil || !strings.Contains(err.Error(), "--auth-token") {
			t.Errorf("%s without tokens: %v, want a refusal naming --auth-token", addr, err)
		}
		if _, err := hosting.CheckExposure(addr, []string{}, false); err == nil {
			t.Errorf("%s with an empty token list was accepted", addr)
		}
		if insecure, err := hosting.CheckExposure(addr, nil, true); err != nil || !insecure {
			t.Errorf("%s with --insecure-no-auth: insecure=%v, %v; want true, nil", addr, insecure, err)
		}
		if insecure, err := hosting.CheckExposure(addr, tok, false); err != nil || insecure {
			t.Errorf("%s with a token: insecure=%v, %v", addr, insecure, err)
		}
	}
}

// TestBlankTokensFailClosed is D1: --auth-token " , " (or ",", " ") with a
// public address. The parsed list is empty, the exposure check refuses it,
// and a Host built from it anyway answers 401 to a caller with no token.
func TestBlankTokensFailClosed(t *testing.T) {
	fake, _ := newFake(t)
	for _, raw := range []string{" , ", ",", " ", ""} {
		t.Run(fmt.Sprintf("%q", raw), func(t *testing.T) {
			toks, err := hosting.ParseTokens(raw)
			if err != nil || len(toks) != 0 {
				t.Fatalf("ParseTokens: %q, %v", toks, err)
			}
			if _, err := hosting.CheckExposure("0.0.0.0:8080", toks, false); err == nil {
				t.Error("a public address with a blank token list was accepted")
			}
			srv := serve(t, newMCP(t, fake, nil), hosting.Options{SSE: true, Streamable: true, AuthTokens: toks})
			for _, hdr := range []map[string]string{nil, {"Authorization": "Bearer "}, {"Authorization": "Bearer ,"}, {"Authorization": "Bearer " + raw}} {
				if r := rpc(t, srv.URL, hdr, initMsg(1)); r.status != http.StatusUnauthorized {
					t.Errorf("POST /mcp with %q: HTTP %d, want 401: %s", hdr, r.status, r.body)
				}
				if r := send(t, http.MethodGet, srv.URL+"/sse", hdr, nil); r.status != http.StatusUnauthorized {
					t.Errorf("GET /sse with %q: HTTP %d, want 401", hdr, r.status)
				}
			}
			if r := rpc(t, srv.URL, nil, callMsg(2, "get_user", map[string]any{"user_id": "user_1"})); r.status != http.StatusUnauthorized {
				t.Errorf("tools/call without a token: HTTP %d", r.status)
			}
			if n := fake.Count(); n != 0 {
				t.Errorf("%d requests reached Clerk", n)
			}
		})
	}
}

// rawRequest opens a connection to addr and sends a request head; the
// caller trickles the body.
func rawRequest(t *testing.T, addr, method, path string, hdr map[string]string) net.Conn {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n", method, path, addr)
	for k, v := range hdr {
		fmt.Fprintf(&b, "%s: %s\r\n", k, v)
	}
	b.WriteString("\r\n")
	if _, err := io.WriteString(c, b.String()); err != nil {
		t.Fatal(err)
	}
	return c
}

// trickle writes one body byte every interval until stop closes or the
// connection fails, at most 600 bytes.
func trickle(c net.Conn, interval time.Duration, stop <-chan struct{}) {
	for range 600 {
		select {
		case <-stop:
			return
		case <-time.After(interval):
		}
		if _, err := c.Write([]byte(" ")); err != nil {
			return
		}
	}
}

// expectRefusal reads the answer on c within limit and checks its status,
// Connection: close, and that the server then closes the connection.
func expectRefusal(c net.Conn, want int, limit time.Duration) error {
	start := time.Now()
	_ = c.SetReadDeadline(start.Add(limit))
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return fmt.Errorf("no answer within %s: %v", limit, err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != want {
		return fmt.Errorf("HTTP %d, want %d", resp.StatusCode, want)
	}
	if !resp.Close {
		return fmt.Errorf("HTTP %d without Connection: close", resp.StatusCode)
	}
	// Closed: an end of stream, or a reset when body bytes were still
	// arriving as the server closed.
	if _, err := br.ReadByte(); !errors.Is(err, io.EOF) && !errors.Is(err, syscall.ECONNRESET) {
		return fmt.Errorf("the connection stayed open after the %d (%v)", want, err)
	}
	if d := time.Since(start); d > limit {
		return fmt.Errorf("answered after %s", d)
	}
	return nil
}

// TestSlowBodyRefusedUnread is D2: a POST announcing a 200,000-byte body and
// trickling it a byte at a time gets its 401 (or 403, 413) at once, and the
// connection is closed, instead of the server draining the body first.
func TestSlowBodyRefusedUnread(t *testing.T) {
	fake, _ := newFake(t)
	addr := listen(t, hosting.New(newMCP(t, fake, nil), hosting.Options{
		SSE: true, Streamable: true, AuthTokens: []string{authToken}, MaxBodyBytes: 100_000,
	}))
	auth := "Bearer " + authToken
	cases := []struct {
		name string
		path string
		hdr  map[string]string
		want int
	}{
		{"no token", "/mcp", map[string]string{"Content-Length": "90000"}, 401},
		{"wrong token", "/mcp", map[string]string{"Content-Length": "90000", "Authorization": "Bearer tok_wrong_0123456789abcdef"}, 401},
		{"no token, over the limit", "/mcp", map[string]string{"Content-Length": "200000"}, 401},
		{"no token, sse message", "/message?sessionId=x", map[string]string{"Content-Length": "90000"}, 401},
		{"foreign origin", "/mcp", map[string]string{"Content-Length": "90000", "Authorization": auth, "Origin": "https://evil.example"}, 403},
		{"over the limit", "/mcp", map[string]string{"Content-Length": "200000", "Authorization": auth}, 413},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			conn := rawRequest(t, addr, http.MethodPost, c.path, c.hdr)
			stop := make(chan struct{})
			defer close(stop)
			go trickle(conn, 100*time.Millisecond, stop)
			if err := expectRefusal(conn, c.want, 2*time.Second); err != nil {
				t.Fatal(err)
			}
		})
	}

	t.Run("50 sockets at once, health still answers", func(t *testing.T) {
		stop := make(chan struct{})
		defer close(stop)
		conns := make([]net.Conn, 50)
		for i := range conns {
			conns[i] = rawRequest(t, addr, http.MethodPost, "/mcp", map[string]string{"Content-Length": "200000"})
			go trickle(conns[i], 100*time.Millisecond, stop)
		}
		errs := make(chan error, len(conns))
		for _, c := range conns {
			go func() { errs <- expectRefusal(c, 401, 3*time.Second) }()
		}
		if r := send(t, http.MethodGet, "http://"+addr+"/healthz", nil, nil); r.status != 200 {
			t.Errorf("/healthz: HTTP %d", r.status)
		}
		for range conns {
			if err := <-errs; err != nil {
				t.Error(err)
			}
		}
	})
}

// TestSlowBodyCutOff is D2 for a caller with the token: a body trickled in
// is cut off at the body deadline (408, connection closed), while streams,
// which read no body, outlive it.
func TestSlowBodyCutOff(t *testing.T) {
	fake, _ := newFake(t)
	const deadline = 300 * time.Millisecond
	h := hosting.New(newMCP(t, fake, nil), hosting.Options{
		SSE: true, Streamable: true, AuthTokens: []string{authToken}, BodyReadTimeout: deadline,
	})
	addr := listen(t, h)
	auth := "Bearer " + authToken

	t.Run("slow body", func(t *testing.T) {
		start := time.Now()
		conn := rawRequest(t, addr, http.MethodPost, "/mcp", map[string]string{"Content-Length": "200000", "Authorization": auth})
		stop := make(chan struct{})
		defer close(stop)
		go trickle(conn, 50*time.Millisecond, stop)
		if err := expectRefusal(conn, http.StatusRequestTimeout, 3*time.Second); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d < deadline {
			t.Errorf("cut off after %s, before the %s deadline", d, deadline)
		}
	})

	t.Run("a body in time", func(t *testing.T) {
		if r := rpc(t, "http://"+addr, bearer(authToken), initMsg(1)); r.status != 200 {
			t.Fatalf("initialize: HTTP %d: %s", r.status, r.body)
		}
	})

	t.Run("a call outlasts the deadline", func(t *testing.T) {
		// The deadline covers the body only: a call answered after it, on
		// the same request, is not cut off.
		for _, stateless := range []bool{false, true} {
			addr := listen(t, hosting.New(newMCP(t, fake, nil), hosting.Options{
				Streamable: true, Stateless: stateless, AuthTokens: []string{authToken}, BodyReadTimeout: deadline,
			}))
			hdr := bearer(authToken)
			if !stateless {
				hdr = with(hdr, "Mcp-Session-Id", session(t, "http://"+addr))
			}
			r := rpc(t, "http://"+addr, hdr, callMsg(2, "get_user", map[string]any{"user_id": "pause_1"}))
			if isErr, text, _ := toolResult(t, r); isErr || !strings.Contains(text, "pause_1") {
				t.Errorf("stateless=%v: a call answered after the body deadline: %s", stateless, text)
			}
		}
	})

	t.Run("sse stream outlives the deadline", func(t *testing.T) {
		ctx := ctxFor(t, 20*time.Second)
		c := connectClient(t, ctx, "http://"+addr, "sse", bearer(authToken))
		time.Sleep(4 * deadline)
		res, err := callTool(ctx, c, "get_user", map[string]any{"user_id": "user_late"})
		if err != nil || res.IsError || !strings.Contains(resultText(res), "user_late") {
			t.Fatalf("a call on a stream older than the deadline: %v %v", err, res)
		}
	})
}

// session initializes a streamable HTTP session on base and returns its ID.
func session(t *testing.T, base string) string {
	t.Helper()
	r := rpc(t, base, bearer(authToken), initMsg(1))
	id := r.header.Get("Mcp-Session-Id")
	if r.status != 200 || id == "" {
		t.Fatalf("initialize: HTTP %d, session %q: %s", r.status, id, r.body)
	}
	return id
}

// TestSessionIDsValidated is D3: a deleted or a made-up session ID runs
// nothing (404, as the streamable HTTP transport says), on POST, GET and
// DELETE alike, and an oversized one is refused unread.
func TestSessionIDsValidated(t *testing.T) {
	fake, _ := newFake(t)
	srv := serve(t, newMCP(t, fake, nil), hosting.Options{Streamable: true, AuthTokens: []string{authToken}})
	call := callMsg(2, "get_user", map[string]any{"user_id": "user_1"})
	withID := func(id string) map[string]string { return with(bearer(authToken), "Mcp-Session-Id", id) }

	id := session(t, srv.URL)
	if isErr, text, _ := toolResult(t, rpc(t, srv.URL, withID(id), call)); isErr {
		t.Fatalf("a live session: %s", text)
	}
	if r := send(t, http.MethodDelete, srv.URL+"/mcp", withID(id), nil); r.status != 200 {
		t.Fatalf("DELETE: HTTP %d: %s", r.status, r.body)
	}
	before := fake.Count()
	forged := "mcp-session-" + uuid.NewString()
	for name, sid := range map[string]string{"deleted": id, "made up": forged, "not an id": "x"} {
		t.Run(name, func(t *testing.T) {
			if r := rpc(t, srv.URL, withID(sid), call); r.status != http.StatusNotFound {
				t.Errorf("tools/call: HTTP %d, want 404: %s", r.status, r.body)
			}
			if r := send(t, http.MethodGet, srv.URL+"/mcp", withID(sid), nil); r.status != http.StatusNotFound {
				t.Errorf("GET: HTTP %d, want 404", r.status)
			}
			if r := send(t, http.MethodDelete, srv.URL+"/mcp", withID(sid), nil); r.status != http.StatusNotFound {
				t.Errorf("DELETE: HTTP %d, want 404", r.status)
			}
		})
	}
	if n := fake.Count() - before; n != 0 {
		t.Errorf("ended or forged sessions reached Clerk %d times", n)
	}
	t.Run("GET without a session", func(t *testing.T) {
		if r := send(t, http.MethodGet, srv.URL+"/mcp", bearer(authToken), nil); r.status != http.StatusBadRequest {
			t.Errorf("HTTP %d, want 400", r.status)
		}
	})
	t.Run("oversized id", func(t *testing.T) {
		stateless := serve(t, newMCP(t, fake, nil), hosting.Options{Streamable: true, Stateless: true, AuthTokens: []string{authToken}})
		long := "mcp-session-" + strings.Repeat("a", hosting.MaxSessionIDBytes)
		for _, base := range []string{srv.URL, stateless.URL} {
			if r := rpc(t, base, withID(long), call); r.status != http.StatusBadRequest || !strings.Contains(r.body, "Mcp-Session-Id") {
				t.Errorf("%d-byte Mcp-Session-Id: HTTP %d, want 400: %s", len(long), r.status, r.body)
			}
		}
	})
}

// TestSessionCap is D3's cap: past MaxSessions (streamable sessions and SSE
// streams together) a new one is refused with 503 and Retry-After, and ending
// one frees its slot. Concurrent initializes never overshoot.
func TestSessionCap(t *testing.T) {
	fake, _ := newFake(t)
	srv := serve(t, newMCP(t, fake, nil), hosting.Options{SSE: true, Streamable: true, AuthTokens: []string{authToken}, MaxSessions: 3})
	ids := []string{session(t, srv.URL), session(t, srv.URL), session(t, srv.URL)}
	r := rpc(t, srv.URL, bearer(authToken), initMsg(9))
	if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" {
		t.Fatalf("initialize over the cap: HTTP %d, Retry-After %q", r.status, r.header.Get("Retry-After"))
	}
	if r := rpc(t, srv.URL, with(bearer(authToken), "Mcp-Session-Id", "mcp-session-"+uuid.NewString()), initMsg(9)); r.status != http.StatusServiceUnavailable {
		t.Errorf("initialize with a made-up session header over the cap: HTTP %d, want 503", r.status)
	}
	if r := send(t, http.MethodGet, srv.URL+"/sse", bearer(authToken), nil); r.status != http.StatusServiceUnavailable {
		t.Errorf("SSE stream over the cap: HTTP %d, want 503", r.status)
	}
	// Live sessions keep working at the cap.
	call := callMsg(2, "get_user", map[string]any{"user_id": "user_1"})
	if isErr, text, _ := toolResult(t, rpc(t, srv.URL, with(bearer(authToken), "Mcp-Session-Id", ids[0]), call)); isErr {
		t.Errorf("a live session at the cap: %s", text)
	}
	if r := send(t, http.MethodDelete, srv.URL+"/mcp", with(bearer(authToken), "Mcp-Session-Id", ids[0]), nil); r.status != 200 {
		t.Fatalf("DELETE: HTTP %d", r.status)
	}
	session(t, srv.URL)

	t.Run("concurrent initializes", func(t *testing.T) {
		srv := serve(t, newMCP(t, fake, nil), hosting.Options{Streamable: true, AuthTokens: []string{authToken}, MaxSessions: 5})
		var ok, full atomic.Int32
		var wg sync.WaitGroup
		for range 30 {
			wg.Go(func() {
				switch status, _, _ := post(context.Background(), srv.URL+"/mcp", nil, initMsg(1)); status {
				case 200:
					ok.Add(1)
				case 503:
					full.Add(1)
				}
			})
		}
		wg.Wait()
		if ok.Load() != 5 || full.Load() != 25 {
			t.Errorf("%d sessions opened and %d refused, want 5 and 25", ok.Load(), full.Load())
		}
	})
}

// post sends one JSON-RPC message with the token and returns the status, the
// session header and the body; it never fails the test (for goroutines).
func post(ctx context.Context, u string, hdr map[string]string, msg string) (int, string, string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(msg))
	if err != nil {
		return 0, "", err.Error()
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	req.Header.Set("Authorization", "Bearer "+authToken)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, resp.Header.Get("Mcp-Session-Id"), string(b)
}

// heapMB is the live heap after a collection, in MB.
func heapMB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// TestSessionFloodMemory is D3's memory: 20,000 initializes never closed,
// and 1,000 stateless requests with a 500 KB Mcp-Session-Id. The first keeps
// MaxSessions sessions (the rest are refused), the second keeps nothing.
func TestSessionFloodMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("floods the server; not in -short")
	}
	fake, _ := newFake(t)

	// Under the race detector: a tenth of the flood against a tenth of the cap.
	scale, maxSessions := 1, hosting.DefaultMaxSessions
	if raceEnabled {
		scale, maxSessions = 10, hosting.DefaultMaxSessions/10
	}

	t.Run("20,000 sessions", func(t *testing.T) {
		srv := serve(t, newMCP(t, fake, nil), hosting.Options{Streamable: true, AuthTokens: []string{authToken}, MaxSessions: maxSessions})
		base := heapMB()
		var opened, refused atomic.Int32
		var wg sync.WaitGroup
		const workers = 4
		total := 20_000 / scale
		for range workers {
			wg.Go(func() {
				for range total / workers {
					switch status, _, _ := post(t.Context(), srv.URL+"/mcp", nil, initMsg(1)); status {
					case 200:
						opened.Add(1)
					case 503:
						refused.Add(1)
					}
				}
			})
		}
		wg.Wait()
		grew := heapMB() - base
		t.Logf("%d initializes: %d sessions kept, %d refused; heap +%.1f MB", total, opened.Load(), refused.Load(), grew)
		if int(opened.Load()) != maxSessions || int(opened.Load()+refused.Load()) != total {
			t.Errorf("%d opened, %d refused; want %d and the rest", opened.Load(), refused.Load(), maxSessions)
		}
		if limit := 40 / float64(scale); grew > limit {
			t.Errorf("heap grew %.1f MB for %d sessions, want under %.0f MB", grew, opened.Load(), limit)
		}
	})

	t.Run("stateless, 1,000 × 500 KB ids", func(t *testing.T) {
		srv := serve(t, newMCP(t, fake, nil), hosting.Options{Streamable: true, Stateless: true, AuthTokens: []string{authToken}})
		long := strings.Repeat("a", 500<<10)
		call := callMsg(2, "get_user", map[string]any{"user_id": "user_1"})
		base := heapMB()
		var bad atomic.Int32
		var wg sync.WaitGroup
		for w := range 4 {
			wg.Go(func() {
				for i := range 250 / scale {
					id := fmt.Sprintf("%d-%03d-", w, i) + long // each one distinct
					if status, _, _ := post(t.Context(), srv.URL+"/mcp", map[string]string{"Mcp-Session-Id": id}, call); status == http.StatusBadRequest {
						bad.Add(1)
					}
				}
			})
		}
		wg.Wait()
		grew := heapMB() - base
		t.Logf("%d stateless requests with a 500 KB Mcp-Session-Id: %d refused (400); heap +%.1f MB", 1000/scale, bad.Load(), grew)
		if int(bad.Load()) != 1000/scale {
			t.Errorf("%d of %d refused, want all", bad.Load(), 1000/scale)
		}
		if grew > 10 {
			t.Errorf("heap grew %.1f MB, want under 10 MB", grew)
		}
	})

	t.Run("the server refuses the header unread", func(t *testing.T) {
		addr := listen(t, hosting.New(newMCP(t, fake, nil), hosting.Options{Streamable: true, Stateless: true, AuthTokens: []string{authToken}}))
		status, _, _ := post(t.Context(), "http://"+addr+"/mcp", map[string]string{"Mcp-Session-Id": strings.Repeat("a", 500<<10)}, initMsg(1))
		if status != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("500 KB header through NewServer: HTTP %d, want 431", status)
		}
	})
}

// hugeClerk is a fake Clerk whose every answer is an endless JSON string,
// streamed until the client stops reading (at most 64 MiB).
func hugeClerk(t *testing.T) string {
	chunk := []byte(strings.Repeat("x", 64<<10))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"object":"user","id":"user_1","first_name":"`)
		for range 1024 {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	t.Cleanup(func() {
		srv.CloseClientConnections()
		srv.Close()
	})
	return srv.URL
}

// openBodies is a transport that records the most Clerk answers open (sent
// and not yet closed by the client) at once.
type openBodies struct {
	now, peak atomic.Int32
}

func (o *openBodies) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	n := o.now.Add(1)
	for p := o.peak.Load(); n > p && !o.peak.CompareAndSwap(p, n); p = o.peak.Load() {
	}
	resp.Body = &countedBody{ReadCloser: resp.Body, o: o}
	return resp, nil
}

type countedBody struct {
	io.ReadCloser
	o    *openBodies
	once sync.Once
}

func (b *countedBody) Close() error {
	b.once.Do(func() { b.o.now.Add(-1) })
	return b.ReadCloser.Close()
}

// TestCallCap: 40 concurrent calls to a Clerk that streams huge answers. At
// most MaxConcurrentCalls answers are being read at once, so the memory of answers in
// flight stays within MaxConcurrentCalls × the client's response cap.
func TestCallCap(t *testing.T) {
	const calls, maxCalls, maxResp = 40, 4, 4 << 20
	upstream, open := hugeClerk(t), &openBodies{}
	s, err := tools.NewServer(tools.ServerConfig{Config: tools.Config{
		Client: clerkapi.New(clerkapi.Config{BaseURL: upstream + "/v1", SecretKey: envKey, MaxRetries: -1, Timeout: 60 * time.Second,
			MaxResponseBytes: maxResp, HTTPClient: &http.Client{Transport: open}}),
	}})
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, s, hosting.Options{Streamable: true, Stateless: true, AuthTokens: []string{authToken},
		MaxConcurrentCalls: maxCalls, BusyWait: 60 * time.Second})

	base := heapMB()
	var top atomic.Uint64
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > top.Load() {
				top.Store(m.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	var tooLarge atomic.Int32
	var wg sync.WaitGroup
	for i := range calls {
		wg.Go(func() {
			_, _, body := post(t.Context(), srv.URL+"/mcp", nil, callMsg(i, "get_user", map[string]any{"user_id": "user_1"}))
			if strings.Contains(body, "too large") || strings.Contains(body, "larger than") {
				tooLarge.Add(1)
			}
		})
	}
	wg.Wait()
	close(done)
	<-sampled
	grew := float64(top.Load())/(1<<20) - base
	// An answer read whole holds up to 3× its size (io.ReadAll doubles its
	// buffer), and the collector lets garbage reach as much again.
	bound := float64(maxCalls*maxResp*6)/(1<<20) + 32
	t.Logf("%d calls, cap %d, %d MiB answers: at most %d answers open at once; %d answered too large; peak heap +%.0f MB (bound %.0f MB)",
		calls, maxCalls, maxResp>>20, open.peak.Load(), tooLarge.Load(), grew, bound)
	if p := open.peak.Load(); p > maxCalls || p == 0 {
		t.Errorf("%d answers open at once, want 1..%d", p, maxCalls)
	}
	if tooLarge.Load() != calls {
		t.Errorf("%d of %d calls answered 'too large'", tooLarge.Load(), calls)
	}
	if grew > bound {
		t.Errorf("peak heap grew %.0f MB, over the %.0f MB bound", grew, bound)
	}
}

// TestCallCapBusy: a call over the cap waits BusyWait, then gets an isError
// "server busy" result, and reaches nothing.
func TestCallCapBusy(t *testing.T) {
	fake, sig := newFake(t)
	srv := serve(t, newMCP(t, fake, nil), hosting.Options{Streamable: true, Stateless: true, AuthTokens: []string{authToken},
		MaxConcurrentCalls: 1, BusyWait: 200 * time.Millisecond})
	ctx, cancel := context.WithCancel(t.Context())
	slow := make(chan struct{})
	go func() {
		defer close(slow)
		_, _, _ = post(ctx, srv.URL+"/mcp", nil, callMsg(1, "get_user", map[string]any{"user_id": "slow1"}))
	}()
	sig.expect(t, sig.started, "slow call", "slow1")
	start := time.Now()
	isErr, text, _ := toolResult(t, rpc(t, srv.URL, bearer(authToken), callMsg(2, "get_user", map[string]any{"user_id": "user_2"})))
	if !isErr || !strings.Contains(text, "server busy") {
		t.Errorf("a call over the cap: isError=%v %q", isErr, text)
	}
	if d := time.Since(start); d < 200*time.Millisecond {
		t.Errorf("refused after %s, without waiting", d)
	}
	if n := countMethod(fake, http.MethodGet); n != 1 {
		t.Errorf("%d requests reached Clerk, want only the slow one", n)
	}
	cancel()
	<-slow
	// The slot is free again.
	if isErr, text, _ := toolResult(t, rpc(t, srv.URL, bearer(authToken), callMsg(3, "get_user", map[string]any{"user_id": "user_3"}))); isErr {
		t.Errorf("after the slow call ended: %s", text)
	}
}
