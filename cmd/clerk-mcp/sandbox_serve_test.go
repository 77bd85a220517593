package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSandboxServeBinary runs `clerk-mcp sandbox serve --addr 127.0.0.1:0`
// as a user would: it logs its URL and key pair, answers GET /v1/users with
// a sk_test_ bearer and 401 without, serves `clerk-mcp --api-url URL` on the
// same state, and exits 0 on SIGTERM.
func TestSandboxServeBinary(t *testing.T) {
	bin := buildBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "sandbox", "serve", "--addr", "127.0.0.1:0")
	cmd.Env = []string{"PATH=/usr/bin:/bin"}
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	defer func() { _ = cmd.Process.Kill() }()

	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	urlRE := regexp.MustCompile(`url=(http://127\.0\.0\.1:\d+/v1)`)
	var base, logged string
	for base == "" {
		select {
		case l, ok := <-lines:
			require.True(t, ok, "exited before logging its URL:\n%s", logged)
			logged += l + "\n"
			if m := urlRE.FindStringSubmatch(l); m != nil {
				base = m[1]
				assert.Contains(t, l, "secret_key=sk_test_sandbox")
				assert.Regexp(t, `publishable_key=pk_test_\S+`, l)
			}
		case <-ctx.Done():
			t.Fatalf("no URL logged:\n%s", logged)
		}
	}

	status := func(auth string) (int, string) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/users", nil)
		require.NoError(t, err)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body := status("Bearer sk_test_sandbox")
	assert.Equal(t, http.StatusOK, code, body)
	assert.Contains(t, body, `"object":"user"`)
	code, body = status("")
	assert.Equal(t, http.StatusUnauthorized, code, body)
	assert.Contains(t, body, "authentication_invalid")

	// The MCP server on the same state: --api-url plus the sandbox's key, as
	// the README says; what the agent creates, the app's GET lists.
	tr := transport.NewStdioWithOptions(bin, []string{"PATH=/usr/bin:/bin", "CLERK_SECRET_KEY=sk_test_sandbox"},
		[]string{"--api-url", base})
	require.NoError(t, tr.Start(ctx))
	mc := client.NewClient(tr)
	defer func() { _ = mc.Close() }()
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "serve-binary", Version: "0"}
	_, err = mc.Initialize(ctx, init)
	require.NoError(t, err)
	req := mcp.CallToolRequest{}
	req.Params.Name = "create_user"
	req.Params.Arguments = map[string]any{"email_address": []any{"from-agent@example.com"}}
	res, err := mc.CallTool(ctx, req)
	require.NoError(t, err)
	require.False(t, res.IsError, "create_user through --api-url %s: %v", base, res.Content)
	code, body = status("Bearer sk_test_app")
	assert.Equal(t, http.StatusOK, code, body)
	assert.Contains(t, body, "from-agent@example.com", "the app lists the agent's user")
	require.NoError(t, mc.Close())

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	var rest strings.Builder
	for l := range lines {
		rest.WriteString(l + "\n")
	}
	require.NoError(t, cmd.Wait(), "exit status after SIGTERM:\n%s", rest.String())
	assert.Equal(t, 0, cmd.ProcessState.ExitCode())
	assert.Contains(t, rest.String(), "sandbox stopped")
}
