package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/audit"
)

const auditBearer = "audit-bearer-7c1e0b9a5d3f"

// readAudit decodes an audit file's lines.
func readAudit(t *testing.T, path string) ([]audit.Record, string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []audit.Record
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		var r audit.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("audit line %q: %v", sc.Text(), err)
		}
		out = append(out, r)
	}
	return out, string(b)
}

// httpClient connects to the child's streamable HTTP endpoint with the
// bearer token, initialized at protocol revision v ("": the newest).
func httpClient(t *testing.T, ctx context.Context, base, v string) *client.Client {
	t.Helper()
	tr, err := transport.NewStreamableHTTP(base+"/mcp", transport.WithHTTPHeaders(map[string]string{"Authorization": "Bearer " + auditBearer}))
	if err != nil {
		t.Fatal(err)
	}
	c := client.NewClient(tr)
	t.Cleanup(func() { _ = c.Close() })
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	ireq := mcp.InitializeRequest{}
	ireq.Params.ProtocolVersion = v
	ireq.Params.ClientInfo = mcp.Implementation{Name: "clerk-mcp-audit", Version: "0"}
	if _, err := c.Initialize(ctx, ireq); err != nil {
		t.Fatalf("initialize: %v", err)
	}
	return c
}

// deleteConfirmed previews a delete and confirms it with the token; it
// returns the token.
func deleteConfirmed(t *testing.T, ctx context.Context, c *client.Client) string {
	t.Helper()
	args := map[string]any{"user_id": e2eUserID}
	var p struct {
		Confirm string `json:"confirm"`
	}
	structured(t, callTool(t, ctx, c, "delete_user", args), &p)
	if p.Confirm == "" {
		t.Fatal("no confirmation token in the preview")
	}
	args["confirm"] = p.Confirm
	if res := callTool(t, ctx, c, "delete_user", args); res.IsError {
		t.Fatalf("confirmed delete failed: %s", resultText(res))
	}
	return p.Confirm
}

// TestAuditOverTheWire runs the built binary over streamable HTTP with a
// bearer token at every protocol revision: each preview and confirmed
// delete lands in the audit file with the caller's fingerprint, the session
// and Clerk's trace id, and neither the key, the bearer token nor a
// confirmation token appears in it. Then the file is renamed, SIGHUP sent,
// and new records land in a new file (log rotation).
func TestAuditOverTheWire(t *testing.T) {
	fake := newFake(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "audit.jsonl")
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	c := startChild(t, ctx, childEnv(fake), "--transport", "http", "--addr", "127.0.0.1:0", "--auth-token", auditBearer,
		"--confirm", "token", "--audit-log", path)

	var tokens []string
	for _, v := range protocolVersions {
		tokens = append(tokens, deleteConfirmed(t, ctx, httpClient(t, ctx, c.base, v)))
	}
	recs, raw := readAudit(t, path)
	if len(recs) != 2*len(protocolVersions) {
		t.Fatalf("%d records, want %d:\n%s", len(recs), 2*len(protocolVersions), raw)
	}
	for i, r := range recs {
		wantOutcome, wantConf := "preview", "issued"
		if i%2 == 1 {
			wantOutcome, wantConf = "ok", "redeemed"
		}
		if r.Outcome != wantOutcome || r.Confirmation == nil || r.Confirmation.Mode != "token" || r.Confirmation.Outcome != wantConf {
			t.Errorf("record %d: outcome %q confirmation %+v, want %s / token %s", i, r.Outcome, r.Confirmation, wantOutcome, wantConf)
		}
		if r.Caller != "bearer:"+clerkapi.Fingerprint(auditBearer) || r.Tool != "delete_user" || r.Path != "/users/{user_id}" || r.Targets["user_id"] != e2eUserID {
			t.Errorf("record %d: %+v", i, r)
		}
		if i%2 == 1 && r.ClerkStatus != 200 {
			t.Errorf("record %d: Clerk status %d, want 200", i, r.ClerkStatus)
		}
		if r.Time.IsZero() || r.DurationMS <= 0 {
			t.Errorf("record %d: time %v, duration %v", i, r.Time, r.DurationMS)
		}
	}
	if recs[0].Session == "" {
		t.Error("a stateful streamable HTTP call's record has no session")
	}
	for _, secret := range append(tokens, fakeKey, auditBearer) {
		if strings.Contains(raw, secret) {
			t.Errorf("the audit file holds a secret (%.6s…)", secret)
		}
	}

	// Rotation: rename, SIGHUP, and the next record lands in a new file.
	if err := os.Rename(path, path+".1"); err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	c.await(t, ctx, "audit log reopened")
	deleteConfirmed(t, ctx, httpClient(t, ctx, c.base, mcp.ProtocolVersion20250618))
	old, _ := readAudit(t, path+".1")
	fresh, _ := readAudit(t, path)
	if len(old) != len(recs) || len(fresh) != 2 {
		t.Errorf("after rotation: %d records in the old file (want %d), %d in the new one (want 2)", len(old), len(recs), len(fresh))
	}
	c.stop(t)
}

// TestAuditRequiredFailsClosedOverTheWire: with --audit-required and an
// audit log whose writes fail (/dev/full), the first change runs (its
// record fails), every later change is refused with nothing sent to Clerk,
// and reads still work.
func TestAuditRequiredFailsClosedOverTheWire(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full on this system")
	}
	fake := newFake(t)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	c := startChild(t, ctx, childEnv(fake), "--transport", "http", "--addr", "127.0.0.1:0", "--auth-token", auditBearer,
		"--confirm", "off", "--audit-log", "/dev/full", "--audit-required")
	cl := httpClient(t, ctx, c.base, mcp.ProtocolVersion20250618)
	args := map[string]any{"user_id": e2eUserID}
	if res := callTool(t, ctx, cl, "delete_user", args); res.IsError {
		t.Fatalf("the first delete: %s", resultText(res))
	}
	c.await(t, ctx, "cannot write the audit log")
	res := callTool(t, ctx, cl, "delete_user", args)
	if !res.IsError || !strings.Contains(resultText(res), "audit log cannot be written") {
		t.Errorf("a delete while the audit log fails: %s", resultText(res))
	}
	if n := deletes(fake); n != 1 {
		t.Errorf("Clerk got %d deletes, want 1", n)
	}
	if res := callTool(t, ctx, cl, "list_users", map[string]any{}); res.IsError {
		t.Errorf("a read while the audit log fails: %s", resultText(res))
	}
	c.stop(t)
}

// TestAuditStdoutNeedsHTTP: --audit-log - is refused at start over stdio,
// where stdout carries the protocol, and accepted over HTTP.
func TestAuditStdoutNeedsHTTP(t *testing.T) {
	t.Setenv("CLERK_SECRET_KEY", fakeKey)
	var stdout, stderr bytes.Buffer
	code := run([]string{"--transport", "stdio", "--audit-log", "-"}, strings.NewReader(""), &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "--audit-log - (stdout) needs an HTTP transport") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout got %q", stdout.String())
	}
	code = run([]string{"--audit-reads"}, strings.NewReader(""), &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "need --audit-log") {
		t.Errorf("--audit-reads alone: exit %d, stderr %q", code, stderr.String())
	}

	fake := newFake(t)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	c := spawnChild(t, ctx, childEnv(fake), "--transport", "http", "--addr", "127.0.0.1:0", "--audit-log", "-", "--audit-reads")
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(c.out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	addr, _ := c.await(t, ctx, "listening")["addr"].(string)
	cl, err := client.NewStreamableHttpClient("http://" + addr + "/mcp")
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	if err := cl.Start(ctx); err != nil {
		t.Fatal(err)
	}
	ireq := mcp.InitializeRequest{}
	ireq.Params.ProtocolVersion = mcp.ProtocolVersion20250618
	if _, err := cl.Initialize(ctx, ireq); err != nil {
		t.Fatal(err)
	}
	callTool(t, ctx, cl, "list_users", map[string]any{})
	select {
	case line := <-lines:
		var r audit.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil || r.Tool != "list_users" || r.Caller != "anonymous" || r.Outcome != "ok" {
			t.Errorf("stdout line %q (%v)", line, err)
		}
	case <-ctx.Done():
		t.Fatal("no audit record on stdout")
	}
	c.stop(t)
}

// TestTracingOverTheWire: the built binary with OTEL_EXPORTER_OTLP_ENDPOINT
// set exports, by the time it stops, the tools/call span parented on the
// request's params._meta.traceparent and its Clerk child span, to a
// receiver on 127.0.0.1; the secret key never appears in the export.
func TestTracingOverTheWire(t *testing.T) {
	const callerTrace, callerSpan = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
	var (
		mu     sync.Mutex
		bodies []string
	)
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, r.URL.Path+" "+string(b))
		mu.Unlock()
	}))
	defer recv.Close()
	fake := newFake(t)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	c := startChild(t, ctx, append(childEnv(fake), "OTEL_EXPORTER_OTLP_ENDPOINT="+recv.URL), "--transport", "http", "--addr", "127.0.0.1:0")
	traced := false
	for _, rec := range c.before { // logged before "listening"
		traced = traced || rec["msg"] == "tracing on: OTLP over HTTP, from the OTEL_* environment"
	}
	if !traced {
		t.Errorf("no tracing on record in %v", c.before)
	}
	cl, err := client.NewStreamableHttpClient(c.base + "/mcp")
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	if err := cl.Start(ctx); err != nil {
		t.Fatal(err)
	}
	ireq := mcp.InitializeRequest{}
	ireq.Params.ProtocolVersion = mcp.ProtocolVersion20250618
	if _, err := cl.Initialize(ctx, ireq); err != nil {
		t.Fatal(err)
	}
	req := mcp.CallToolRequest{}
	req.Params.Name = "list_users"
	req.Params.Arguments = map[string]any{}
	req.Params.Meta = &mcp.Meta{AdditionalFields: map[string]any{"traceparent": "00-" + callerTrace + "-" + callerSpan + "-01"}}
	if res, err := cl.CallTool(ctx, req); err != nil || res.IsError {
		t.Fatalf("list_users: %v %v", err, res)
	}
	c.stop(t) // flushes the batch
	mu.Lock()
	defer mu.Unlock()
	all := strings.Join(bodies, "\n")
	for _, want := range []string{"/v1/traces ", `"name":"tools/call list_users"`, `"traceId":"` + callerTrace + `"`, `"parentSpanId":"` + callerSpan + `"`, `"name":"GET /users"`, `"stringValue":"/users"`} {
		if !strings.Contains(all, want) {
			t.Errorf("the export lacks %s:\n%s", want, all)
		}
	}
	if strings.Contains(all, fakeKey) {
		t.Error("the export holds the secret key")
	}
}
