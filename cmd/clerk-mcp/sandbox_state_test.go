package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serveProcess is a running `clerk-mcp sandbox serve`.
type serveProcess struct {
	cmd  *exec.Cmd
	base string
	log  *strings.Builder
}

// startServe starts `sandbox serve` on a free port with args and waits for
// its URL; it fails the test with the log when the process exits first.
func startServe(t *testing.T, ctx context.Context, args ...string) *serveProcess {
	t.Helper()
	cmd := exec.CommandContext(ctx, buildBinary(t), append([]string{"sandbox", "serve", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = []string{"PATH=/usr/bin:/bin"}
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	p := &serveProcess{cmd: cmd, log: &strings.Builder{}}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		re := regexp.MustCompile(`url=(http://127\.0\.0\.1:\d+/v1)`)
		for sc.Scan() {
			p.log.WriteString(sc.Text() + "\n") // read only after found or exit
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
		close(found)
	}()
	select {
	case base, ok := <-found:
		require.True(t, ok, "sandbox serve exited before logging its URL")
		p.base = base
	case <-ctx.Done():
		t.Fatal("sandbox serve logged no URL")
	}
	return p
}

func (p *serveProcess) do(t *testing.T, method, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, p.base+path, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer sk_test_app")
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

var idRE = regexp.MustCompile(`"id":"(org_[0-9A-Za-z]+)"`)

// TestSandboxStateKill9Serve: an organization `sandbox serve --sandbox-state`
// acknowledged survives kill -9 (no shutdown, no flush) and a restart; a
// second process on the same file is refused while the first holds it.
func TestSandboxStateKill9Serve(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	state := filepath.Join(t.TempDir(), "sandbox.db")
	p := startServe(t, ctx, "--sandbox-state", state)
	code, body := p.do(t, "POST", "/organizations", `{"name":"Survives Kill"}`)
	require.Equal(t, http.StatusOK, code, body)
	org := idRE.FindStringSubmatch(body)[1]
	code, body = p.do(t, "PATCH", "/organizations/"+org, `{"name":"Survives Kill","max_allowed_memberships":7}`)
	require.Equal(t, http.StatusOK, code, body)

	// A second process on the same file is refused, clearly.
	second := exec.CommandContext(ctx, buildBinary(t), "sandbox", "serve", "--addr", "127.0.0.1:0", "--sandbox-state", state)
	out, err := second.CombinedOutput()
	require.Error(t, err, "a second process opened a held state file:\n%s", out)
	assert.Contains(t, string(out), "in use by another process")

	require.NoError(t, p.cmd.Process.Kill()) // SIGKILL: nothing runs after
	_ = p.cmd.Wait()

	p = startServe(t, ctx, "--sandbox-state", state)
	code, body = p.do(t, "GET", "/organizations/"+org, "")
	require.Equal(t, http.StatusOK, code, "organization lost after kill -9: %s\nlog:\n%s", body, p.log)
	assert.Contains(t, body, `"name":"Survives Kill"`)
	assert.Contains(t, body, `"max_allowed_memberships":7`)
}

// TestSandboxStateKill9Stdio: the same over MCP stdio with `clerk-mcp
// --sandbox --sandbox-state`: create_organization answered, kill -9,
// restart, get_organization reads it back.
func TestSandboxStateKill9Stdio(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	state := filepath.Join(t.TempDir(), "sandbox.db")
	start := func() (*client.Client, *transport.Stdio) {
		tr := transport.NewStdioWithOptions(buildBinary(t), []string{"PATH=/usr/bin:/bin"},
			[]string{"--sandbox", "--sandbox-state", state, "--toolsets", "organizations"})
		require.NoError(t, tr.Start(ctx))
		mc := client.NewClient(tr)
		init := mcp.InitializeRequest{}
		init.Params.ProtocolVersion = mcp.LATEST_PROTOCOL_VERSION
		init.Params.ClientInfo = mcp.Implementation{Name: "state-kill9", Version: "0"}
		_, err := mc.Initialize(ctx, init)
		require.NoError(t, err)
		return mc, tr
	}
	call := func(mc *client.Client, name string, args map[string]any) *mcp.CallToolResult {
		req := mcp.CallToolRequest{}
		req.Params.Name, req.Params.Arguments = name, args
		res, err := mc.CallTool(ctx, req)
		require.NoError(t, err)
		return res
	}
	mc, _ := start()
	res := call(mc, "create_organization", map[string]any{"name": "Stdio Survivor"})
	require.False(t, res.IsError, "%v", res.Content)
	sc, _ := res.StructuredContent.(map[string]any)
	org, _ := sc["id"].(string)
	require.NotEmpty(t, org, "no organization ID in %v", res.StructuredContent)
	killChild(t, state)
	_ = mc.Close()

	mc, _ = start()
	defer mc.Close()
	res = call(mc, "get_organization", map[string]any{"organization_id": org})
	require.False(t, res.IsError, "organization lost after kill -9: %v", res.Content)
	assert.Contains(t, mcp.GetTextFromContent(res.Content[0]), "Stdio Survivor")
}

// killChild sends SIGKILL to the clerk-mcp process holding state open (the
// stdio transport gives no handle on its process).
func killChild(t *testing.T, state string) {
	t.Helper()
	entries, err := os.ReadDir("/proc")
	require.NoError(t, err)
	for _, e := range entries {
		fds, err := os.ReadDir(filepath.Join("/proc", e.Name(), "fd"))
		if err != nil {
			continue
		}
		for _, fd := range fds {
			if target, _ := os.Readlink(filepath.Join("/proc", e.Name(), "fd", fd.Name())); target == state {
				proc, err := os.FindProcess(atoi(e.Name()))
				require.NoError(t, err)
				require.NoError(t, proc.Kill())
				for range 200 { // until the kernel has closed its files (gone or a zombie)
					if fds, err := os.ReadDir(filepath.Join("/proc", e.Name(), "fd")); err != nil || len(fds) == 0 {
						return
					}
					time.Sleep(10 * time.Millisecond)
				}
				t.Fatal("the killed process still holds its files")
			}
		}
	}
	t.Fatal("no process holds " + state)
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// TestSandboxStateFlags: the env twin names the file; a file that is not a
// sandbox state stops the binary with a clear message, untouched; the state
// and seed flags without --sandbox are refused.
func TestSandboxStateFlags(t *testing.T) {
	bin := buildBinary(t)
	notes := filepath.Join(t.TempDir(), "notes.txt")
	require.NoError(t, os.WriteFile(notes, []byte("not a database, keep me\n"), 0o600))
	cmd := exec.Command(bin, "--sandbox")
	cmd.Env = []string{"PATH=/usr/bin:/bin", "CLERK_MCP_SANDBOX_STATE=" + notes}
	out, err := cmd.CombinedOutput()
	require.Error(t, err)
	assert.Contains(t, string(out), "not a clerk-mcp sandbox state")
	b, _ := os.ReadFile(notes)
	assert.Equal(t, "not a database, keep me\n", string(b))

	cmd = exec.Command(bin, "--sandbox-state", filepath.Join(t.TempDir(), "x.db"))
	cmd.Env = []string{"PATH=/usr/bin:/bin", "CLERK_SECRET_KEY=sk_test_x"}
	out, err = cmd.CombinedOutput()
	require.Error(t, err)
	assert.Equal(t, 2, cmd.ProcessState.ExitCode())
	assert.Contains(t, string(out), "need --sandbox")
}
