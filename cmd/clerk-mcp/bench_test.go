package main

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
)

// BenchmarkStartup measures process start to `initialize` answered over
// stdio, with every tool registered: what an IDE pays per window.
// Run: go test ./cmd/clerk-mcp -run '^$' -bench Startup
func BenchmarkStartup(b *testing.B) {
	bin := buildBinary(b)
	init := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}`
	env := append(os.Environ(), "CLERK_SECRET_KEY=sk_test_bench", "CLERK_MCP_LOG_LEVEL=error", "CLERK_MCP_TOOLSETS=all", "CLERK_MCP_DISCOVERY=false")
	b.ResetTimer()
	for b.Loop() {
		c := startPiped(b, bin, env)
		c.roundTrip(b, init)
		b.StopTimer()
		c.stop()
		b.StartTimer()
	}
}

// BenchmarkPeakRSS reports the binary's peak resident memory after serving
// tools/list of every tool 200 times and 1,000 get_user calls, b.N times
// over (as the perf table does, against a fake Clerk in this process).
//
//	go test ./cmd/clerk-mcp -run '^$' -bench PeakRSS
func BenchmarkPeakRSS(b *testing.B) {
	bin := buildBinary(b)
	fake := fakeclerk.New()
	b.Cleanup(fake.Close)
	fake.Handle(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"object":"user","id":%q,"first_name":"Ada","email_addresses":[{"id":"idn_1","email_address":"ada@example.com"}]}`, strings.TrimPrefix(r.URL.Path, "/v1/users/"))
	})
	c := startPiped(b, bin, append(os.Environ(), "CLERK_SECRET_KEY=sk_test_bench", "CLERK_API_URL="+fake.URL+"/v1", "CLERK_MCP_LOG_LEVEL=error",
		"CLERK_MCP_RATE_LIMIT=0", "CLERK_MCP_TOOLSETS=all", "CLERK_MCP_DISCOVERY=false"))
	defer c.stop()
	roundTrip := func(line string) []byte { return c.roundTrip(b, line) }
	roundTrip(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}`)
	for b.Loop() {
		for range 200 {
			roundTrip(`{"jsonrpc":"2.0","id":1,"method":"tools/list"}`)
		}
		for i := range 1000 {
			resp := roundTrip(fmt.Sprintf(`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_user","arguments":{"user_id":"user_%d"}}}`, i))
			if strings.Contains(string(resp[:min(len(resp), 300)]), `"isError":true`) {
				b.Fatalf("get_user failed: %s", resp)
			}
		}
	}
	b.ReportMetric(float64(peakRSS(b, c.cmd.Process.Pid))/1024, "peak-MB")
}

// peakRSS reads a process's high-water resident set size, in KB.
func peakRSS(t testing.TB, pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skip("no /proc: peak RSS not measured")
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			var kb int
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:")), "%d", &kb)
			return kb
		}
	}
	return 0
}

// pipedChild is a process this test started, spoken to in lines over its
// stdin and stdout.
type pipedChild struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func startPiped(t testing.TB, bin string, env []string, args ...string) *pipedChild {
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	return pipeCmd(t, cmd)
}

// pipeCmd starts cmd, prepared by the caller, with its stdin and stdout piped.
func pipeCmd(t testing.TB, cmd *exec.Cmd) *pipedChild {
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return &pipedChild{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<20)}
}

func (c *pipedChild) send(t testing.TB, line string) {
	if _, err := io.WriteString(c.in, line+"\n"); err != nil {
		t.Fatal(err)
	}
}

// roundTrip sends a line and returns the answer, valid until the next call
// (the measuring side allocates nothing per answer).
func (c *pipedChild) roundTrip(t testing.TB, line string) []byte {
	c.send(t, line)
	resp, err := c.out.ReadSlice('\n')
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func (c *pipedChild) stop() {
	_ = c.in.Close()
	_ = c.cmd.Wait()
}
