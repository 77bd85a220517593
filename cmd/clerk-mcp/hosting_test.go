package main

// Start-up rules of hosted (HTTP) serving: no listening beyond loopback
// without a token unless the operator insists, and then loudly; and the
// Kubernetes example in deploy/ only uses flags that exist.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestPublicListenNeedsAToken(t *testing.T) {
	for _, args := range [][]string{
		{"--transport", "http", "--addr", "0.0.0.0:0"},
		{"--transport", "sse", "--addr", "0.0.0.0:0"},
		{"--transport", "http", "--addr", "[::]:0"},
		{"--transport", "http", "--addr", ":0"},
		{"--transport", "http", "--addr", "0.0.0.0:0", "--key-from-request"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			clearEnv(t)
			t.Setenv("CLERK_SECRET_KEY", fakeKey)
			code, stdout, stderr := runCapture(args...)
			if code != 2 {
				t.Fatalf("exit code %d, want 2 (stderr %q)", code, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout = %q", stdout)
			}
			lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
			if len(lines) != 1 || !strings.Contains(stderr, "refusing to listen on") ||
				!strings.Contains(stderr, "--auth-token") || !strings.Contains(stderr, "--insecure-no-auth") {
				t.Errorf("stderr = %q, want one line refusing, naming --auth-token and --insecure-no-auth", stderr)
			}
			if strings.Contains(stderr, fakeKey) {
				t.Error("stderr shows the secret key")
			}
		})
	}
	// D1: a blank token list is no token. Before the fix these started on
	// 0.0.0.0 without the INSECURE warning and answered /mcp unauthenticated.
	for _, blank := range []string{" , ", ",", " ", ",,, ,"} {
		for _, viaEnv := range []bool{true, false} {
			t.Run(fmt.Sprintf("blank token %q env=%v", blank, viaEnv), func(t *testing.T) {
				clearEnv(t)
				t.Setenv("CLERK_SECRET_KEY", fakeKey)
				args := []string{"--transport", "http", "--addr", "0.0.0.0:0"}
				if viaEnv {
					t.Setenv("CLERK_MCP_AUTH_TOKEN", blank)
				} else {
					args = append(args, "--auth-token", blank)
				}
				if code, _, stderr := runCapture(args...); code != 2 || !strings.Contains(stderr, "refusing to listen on") {
					t.Errorf("exit %d, stderr %q; want 2, refusing", code, stderr)
				}
			})
		}
	}
	t.Run("short token", func(t *testing.T) {
		clearEnv(t)
		t.Setenv("CLERK_SECRET_KEY", fakeKey)
		code, _, stderr := runCapture("--transport", "http", "--addr", "0.0.0.0:0", "--auth-token", "hunter2, ")
		if code != 2 || !strings.Contains(stderr, "shorter than 16") || strings.Contains(stderr, "hunter2") {
			t.Errorf("exit %d, stderr %q; want 2, naming the length and not the token", code, stderr)
		}
	})
	t.Run("env address", func(t *testing.T) {
		clearEnv(t)
		t.Setenv("CLERK_SECRET_KEY", fakeKey)
		t.Setenv("CLERK_MCP_TRANSPORT", "http")
		t.Setenv("CLERK_MCP_ADDR", "0.0.0.0:0")
		if code, _, stderr := runCapture(); code != 2 || !strings.Contains(stderr, "refusing to listen") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
	})
}

// child is the binary, with its stdin and stdout piped and its JSON log
// records streamed; before holds the records await has read.
type child struct {
	cmd     *exec.Cmd
	in      io.WriteCloser // kept open: only a signal ends a stdio child
	out     *bufio.Reader
	records chan map[string]any
	before  []map[string]any
	base    string // http://127.0.0.1:<port>, set by startChild
	waited  bool
}

// spawnChild runs the binary with args (plus --log-format json) and the
// fake's environment plus env; it waits for nothing.
func spawnChild(t *testing.T, ctx context.Context, env []string, args ...string) *child {
	t.Helper()
	cmd := exec.CommandContext(ctx, buildBinary(t), append(args, "--log-format", "json")...)
	cmd.Env = append(os.Environ(), env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := pipeCmd(t, cmd)
	c := &child{cmd: cmd, in: p.in, out: p.out, records: make(chan map[string]any, 64)}
	t.Cleanup(func() {
		if !c.waited {
			_ = c.cmd.Process.Kill()
			_ = c.cmd.Wait()
		}
	})
	go func() {
		defer close(c.records)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var rec map[string]any
			if json.Unmarshal(sc.Bytes(), &rec) == nil {
				c.records <- rec
			}
		}
	}()
	return c
}

// await returns the first record logging msg, keeping every record read in
// c.before.
func (c *child) await(t *testing.T, ctx context.Context, msg string) map[string]any {
	t.Helper()
	for {
		select {
		case rec, ok := <-c.records:
			if !ok {
				t.Fatalf("the child stopped before it logged %q; it logged %v", msg, c.before)
			}
			c.before = append(c.before, rec)
			if rec["msg"] == msg {
				return rec
			}
		case <-ctx.Done():
			t.Fatalf("the child never logged %q", msg)
		}
	}
}

// startChild spawns the binary serving HTTP and waits (bounded) until it
// listens.
func startChild(t *testing.T, ctx context.Context, env []string, args ...string) *child {
	t.Helper()
	c := spawnChild(t, ctx, env, args...)
	go func() { _, _ = io.Copy(io.Discard, c.out) }()
	addr, _ := c.await(t, ctx, "listening")["addr"].(string)
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatalf("listening on %q: %v", addr, err)
	}
	c.base = "http://127.0.0.1:" + port
	return c
}

// stop sends SIGTERM, expects a clean exit, and returns the records logged
// after the signal.
func (c *child) stop(t *testing.T) []map[string]any {
	t.Helper()
	if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	var after []map[string]any
	for rec := range c.records { // until the child closes stderr
		after = append(after, rec)
	}
	err := c.cmd.Wait()
	c.waited = true
	if err != nil {
		t.Errorf("after SIGTERM the child exited with %v, want 0", err)
	}
	return after
}

const initBody = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"0"}}}`

// postMCP posts body to /mcp with headers and returns the status and the
// session id.
func postMCP(t *testing.T, ctx context.Context, base, body string, hdr map[string]string) (int, string) {
	t.Helper()
	code, h := postRaw(t, ctx, base, body, hdr)
	return code, h.Get("Mcp-Session-Id")
}

// TestInsecureNoAuthStartsLoudly runs the binary on 0.0.0.0 with
// --insecure-no-auth (reached only through 127.0.0.1), expects the warning,
// an open door, and a clean stop on SIGTERM.
func TestInsecureNoAuthStartsLoudly(t *testing.T) {
	fake := newFake(t)
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	c := startChild(t, ctx, childEnv(fake), "--transport", "http", "--addr", "0.0.0.0:0", "--insecure-no-auth")
	var warning map[string]any
	for _, rec := range c.before {
		if msg, _ := rec["msg"].(string); strings.HasPrefix(msg, "INSECURE") {
			warning = rec
		}
	}
	if warning == nil || warning["level"] != "WARN" || !strings.Contains(warning["msg"].(string), "--auth-token") {
		t.Errorf("no loud warning before listening; the child logged %v", c.before)
	}
	if code, err := httpStatus(ctx, c.base+"/healthz"); err != nil || code != http.StatusOK {
		t.Errorf("GET /healthz: %d %v", code, err)
	}
	// No token needed: the operator accepted that.
	if code, _ := postMCP(t, ctx, c.base, initBody, nil); code != http.StatusOK {
		t.Errorf("initialize without a token: HTTP %d, want 200", code)
	}
	c.stop(t)
}

// TestKeyFromRequestBinary: as main wires it, each caller's key reaches
// Clerk and CLERK_SECRET_KEY never does.
func TestKeyFromRequestBinary(t *testing.T) {
	fake := newFake(t)
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	c := startChild(t, ctx, append(childEnv(fake), "CLERK_MCP_AUTH_TOKEN=tok_binary_0123456789"),
		"--transport", "http", "--addr", "127.0.0.1:0", "--key-from-request")
	const callerKey = "sk_test_caller_binary_0123456789"
	hdr := map[string]string{"Authorization": "Bearer tok_binary_0123456789", "X-Clerk-Secret-Key": callerKey}
	if code, _ := postMCP(t, ctx, c.base, initBody, map[string]string{"Authorization": "Bearer tok_binary_0123456789"}); code != http.StatusUnauthorized {
		t.Errorf("without %s: HTTP %d, want 401", "X-Clerk-Secret-Key", code)
	}
	code, session := postMCP(t, ctx, c.base, initBody, hdr)
	if code != http.StatusOK {
		t.Fatalf("initialize: HTTP %d", code)
	}
	hdr["Mcp-Session-Id"] = session
	code, _ = postMCP(t, ctx, c.base, `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_users","arguments":{}}}`, hdr)
	c.stop(t)
	reqs := fake.Requests()
	if len(reqs) == 0 {
		t.Fatalf("nothing reached Clerk (HTTP %d)", code)
	}
	for _, r := range reqs {
		if got := r.Header.Get("Authorization"); got != "Bearer "+callerKey {
			t.Errorf("%s %s carried %q, want the caller's key", r.Method, r.Path, got)
		}
	}
}

// TestDeployManifest checks the Kubernetes example: the flags it passes
// exist, and it keeps the properties the README promises.
func TestDeployManifest(t *testing.T) {
	b, err := os.ReadFile("../../deploy/kubernetes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	m := regexp.MustCompile(`(?m)^\s+args:\s*(\[.*\])\s*$`).FindStringSubmatch(doc)
	if m == nil {
		t.Fatal("no args: [...] line in deploy/kubernetes.yaml")
	}
	var args []string
	if err := json.Unmarshal([]byte(m[1]), &args); err != nil {
		t.Fatalf("args %s: %v", m[1], err)
	}
	for _, want := range []string{"--transport http", "--addr 0.0.0.0:8080", "--stateless"} {
		if !strings.Contains(strings.Join(args, " "), want) {
			t.Errorf("args %v lack %s", args, want)
		}
	}
	// run accepts them (stopping at --list-tools, before any listening).
	clearEnv(t)
	t.Setenv("CLERK_SECRET_KEY", fakeKey)
	t.Setenv("CLERK_MCP_AUTH_TOKEN", "tok")
	if code, _, stderr := runCapture(append(args, "--list-tools")...); code != 0 {
		t.Errorf("run %v: exit %d: %s", args, code, stderr)
	}
	for _, want := range []string{
		"kind: Deployment", "kind: Service",
		"path: /healthz", "path: /readyz",
		"runAsNonRoot: true", "allowPrivilegeEscalation: false", "readOnlyRootFilesystem: true",
		"limits:", "requests:",
		"name: CLERK_SECRET_KEY", "name: CLERK_MCP_AUTH_TOKEN", "name: CLERK_MCP_CONFIRM_KEY", "secretKeyRef:",
		"containerPort: 8080",
		// The shared store, and the URL pointing at it (the password from the Secret).
		"name: CLERK_MCP_REDIS_URL", `value: "redis://:$(REDIS_PASSWORD)@clerk-mcp-redis:6379/0"`,
		"name: clerk-mcp-redis", "--maxmemory-policy\", \"noeviction", "key: redis-password",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("deploy/kubernetes.yaml lacks %q", want)
		}
	}
	r := regexp.MustCompile(`(?m)^\s+replicas:\s*(\d+)`).FindStringSubmatch(doc)
	if r == nil {
		t.Fatal("no replicas:")
	}
	if n, _ := strconv.Atoi(r[1]); n < 2 {
		t.Errorf("replicas: %d, want 2 or more", n)
	}
}

// TestHostedGC: serving HTTP, the collector runs at GOGC=200 unless GOGC
// is set, and the listening record says which.
func TestHostedGC(t *testing.T) {
	fake := newFake(t)
	for _, c := range []struct{ env, want string }{{"", "200"}, {"GOGC=150", "150"}} {
		if _, set := os.LookupEnv("GOGC"); set && c.env == "" {
			continue // this test's own environment decides
		}
		ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
		env := childEnv(fake)
		if c.env != "" {
			env = append(env, c.env)
		}
		ch := startChild(t, ctx, env, "--transport", "http", "--addr", "127.0.0.1:0")
		if got := ch.before[len(ch.before)-1]["gogc"]; got != c.want {
			t.Errorf("%q: the listening record says gogc %v, want %s", c.env, got, c.want)
		}
		ch.stop(t)
		cancel()
	}
}

// TestListeningLogsEndpoints: the listening record names the URLs a client
// connects to (streamable HTTP's /mcp only with --transport http).
func TestListeningLogsEndpoints(t *testing.T) {
	fake := newFake(t)
	for _, transport := range []string{"http", "sse"} {
		ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
		ch := startChild(t, ctx, childEnv(fake), "--transport", transport, "--addr", "127.0.0.1:0")
		rec := ch.before[len(ch.before)-1]
		want := []any{ch.base + "/sse"}
		if transport == "http" {
			want = []any{ch.base + "/mcp", ch.base + "/sse"}
		}
		if got, _ := rec["endpoints"].([]any); !slices.Equal(got, want) {
			t.Errorf("--transport %s: the listening record says endpoints %v, want %v", transport, rec["endpoints"], want)
		}
		ch.stop(t)
		cancel()
	}
}
