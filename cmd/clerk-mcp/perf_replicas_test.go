//go:build perf

package main

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"runtime"
	"testing"

	"github.com/clerk-mcp/clerk-mcp/internal/loadgen"
	"github.com/clerk-mcp/clerk-mcp/internal/redistest"
)

// TestPerfReplicas is the load tool's replica mode: N server processes
// (--transport http --stateless), one redis-server, the fake Clerk in a
// process of its own, the load from this one, all on loopback; 200
// sessions spread over the replicas, 100 calls each after a warm-up call.
//
//	go test -tags perf -run TestPerfReplicas -count=1 -v ./cmd/clerk-mcp
//
// It prints one row per shape, beside the single process; it asserts only
// that no call failed.
func TestPerfReplicas(t *testing.T) {
	bin := buildBinary(t)
	fakeURL := startPerfFake(t)
	r := redistest.Start(t)
	env := append(os.Environ(), "CLERK_SECRET_KEY=sk_test_perf", "CLERK_API_URL="+fakeURL+"/v1", "CLERK_MCP_LOG_LEVEL=warn",
		"CLERK_MCP_TOOLSETS=users", "CLERK_MCP_CONFIRM_KEY=perf-replicas-confirm-key", "CLERK_MCP_AUTH_TOKEN=perf-token-0123456789")
	for _, shape := range []struct {
		name     string
		replicas int
		env      []string
	}{
		{"1 process, no Redis, --rate-limit 0", 1, []string{"CLERK_MCP_RATE_LIMIT=0"}},
		{"3 processes, one Redis, --rate-limit 0 (Redis for confirmations only)", 3, []string{"CLERK_MCP_RATE_LIMIT=0", "CLERK_MCP_REDIS_URL=" + r.URL()}},
		{"3 processes, one Redis, --rate-limit 100000 (every Clerk request checks the shared GCRA limit)", 3, []string{"CLERK_MCP_RATE_LIMIT=100000", "CLERK_MCP_REDIS_URL=" + r.URL()}},
	} {
		var urls []string
		for range shape.replicas {
			urls = append(urls, startReplica(t, bin, append(env, shape.env...))+"/mcp")
		}
		res, err := loadgen.Run(t.Context(), loadgen.Config{
			URLs: urls, Stateless: true, Token: "perf-token-0123456789", Sessions: 200, Calls: 100,
			Call: func(int, int) (string, string) {
				return `{"name":"get_user","arguments":{"user_id":"user_1"}}`, "user_"
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		if res.Errors > 0 {
			t.Errorf("%s: %d errors; first: %v", shape.name, res.Errors, res.FirstErr)
		}
		t.Logf("| %s | %.0f calls/s | %s | %s | %d |", shape.name, res.PerSecond(), ms(res.P50), ms(res.P99), res.Errors)
	}
	t.Logf("machine: %d cores, %s/%s, %s; load, fake Clerk, Redis and the replicas share them", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version())
}

// startReplica starts the binary serving stateless streamable HTTP and
// returns its base URL; it stops at the end of the test.
func startReplica(t *testing.T, bin string, env []string) string {
	cmd := exec.Command(bin, "--transport", "http", "--addr", "127.0.0.1:0", "--stateless", "--log-format", "json", "--log-level", "info")
	cmd.Env = env
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Signal(os.Interrupt); _ = cmd.Wait() })
	sc := bufio.NewScanner(stderr)
	addr := ""
	for addr == "" && sc.Scan() {
		var rec struct{ Msg, Addr string }
		if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Msg == "listening" {
			addr = rec.Addr
		}
	}
	if addr == "" {
		t.Fatal("a replica did not start")
	}
	go func() { _, _ = io.Copy(io.Discard, stderr) }()
	return "http://" + addr
}
