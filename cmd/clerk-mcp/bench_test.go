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
	init := []byte(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}` + "\n")
	env := append(os.Environ(), "CLERK_SECRET_KEY=sk_test_bench", "CLERK_MCP_LOG_LEVEL=error", "CLERK_MCP_TOOLSETS=all", "CLERK_MCP_DISCOVERY=false")
	b.ResetTimer()
	for b.Loop() {
		cmd := exec.Command(bin)
		cmd.Env = env
		stdin, err := cmd.StdinPipe()
		if err != nil {
			b.Fatal(err)
		}
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		if _, err := stdin.Write(init); err != nil {
			b.Fatal(err)
		}
		line, err := bufio.NewReader(stdout).ReadBytes('\n')
		if err != nil || len(line) == 0 {
			b.Fatalf("no initialize answer: %v", err)
		}
		b.StopTimer()
		_ = stdin.Close()
		_ = cmd.Wait()
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
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "CLERK_SECRET_KEY=sk_test_bench", "CLERK_API_URL="+fake.URL+"/v1", "CLERK_MCP_LOG_LEVEL=error",
		"CLERK_MCP_RATE_LIMIT=0", "CLERK_MCP_TOOLSETS=all", "CLERK_MCP_DISCOVERY=false")
	in, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	outPipe, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { _ = in.Close(); _ = cmd.Wait() }()
	out := bufio.NewReaderSize(outPipe, 1<<20)
	roundTrip := func(line string) []byte {
		if _, err := io.WriteString(in, line+"\n"); err != nil {
			b.Fatal(err)
		}
		resp, err := out.ReadSlice('\n')
		if err != nil {
			b.Fatal(err)
		}
		return resp
	}
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
	b.ReportMetric(float64(peakRSS(b, cmd.Process.Pid))/1024, "peak-MB")
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
