package main

import (
	"bufio"
	"os"
	"os/exec"
	"testing"
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
