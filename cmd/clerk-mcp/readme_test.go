package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/internal/mcpb"
)

// The README's newcomer path, run as written from outside the clone: the
// Claude Desktop sandbox entry and the Inspector line (`go -C …`), `config`
// under `go run` (it must write that same entry), and every documented
// `clerk-mcp config` command in a temporary HOME.

// readmeEnv is the environment for commands run as a newcomer would: a
// fresh HOME and working directory, the Go caches and settings of this
// machine kept (a fresh HOME would otherwise rebuild everything).
func readmeEnv(t *testing.T) (env []string, home string) {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go tool is not on the PATH")
	}
	out, err := exec.Command(goTool, "env", "-json", "GOCACHE", "GOMODCACHE", "GOPATH", "GOFLAGS", "GOPROXY", "GOTOOLCHAIN").Output()
	require.NoError(t, err)
	var goenv map[string]string
	require.NoError(t, json.Unmarshal(out, &goenv))
	home = t.TempDir()
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k == "HOME" || k == "XDG_CONFIG_HOME" || k == "CODEX_HOME" || k == "GOENV" || strings.HasPrefix(k, "CLERK_") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "HOME="+home)
	for k, v := range goenv {
		env = append(env, k+"="+v)
	}
	return env, home
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	root, err = filepath.EvalSymlinks(root)
	require.NoError(t, err)
	require.FileExists(t, filepath.Join(root, "go.mod"))
	return root
}

func readmeText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	require.NoError(t, err)
	return string(b)
}

// shBlocks returns the lines of the README's ```sh blocks, comments cut.
func shBlocks(readme string) []string {
	var lines []string
	for _, m := range regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(readme, -1) {
		for _, line := range strings.Split(m[1], "\n") {
			if i := strings.Index(line, " #"); i >= 0 {
				line = line[:i]
			}
			if line = strings.TrimSpace(line); line != "" {
				lines = append(lines, line)
			}
		}
	}
	return lines
}

// initializeOver starts command in dir and checks it answers MCP's
// initialize over stdio.
func initializeOver(t *testing.T, env []string, dir string, command string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, command, args...)
	cmd.Dir, cmd.Env = dir, env
	var stderr strings.Builder
	cmd.Stderr = &stderr
	in, err := cmd.StdinPipe()
	require.NoError(t, err)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	// go run's child keeps the pipes: end it by closing its input (the
	// server stops at end of input), and bound the wait for the pipes.
	cmd.WaitDelay = 10 * time.Second
	require.NoError(t, cmd.Start())
	defer func() { _ = in.Close(); _ = cmd.Wait() }()
	_, err = in.Write([]byte(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"readme","version":"1"}}}` + "\n"))
	require.NoError(t, err)
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		_ = in.Close()
		_ = cmd.Wait() // stderr is complete (and no longer written) after Wait
		t.Fatalf("%s %v answered nothing (%v); stderr: %s", command, args, err, stderr.String())
	}
	var resp struct {
		Result struct {
			ServerInfo struct{ Name string } `json:"serverInfo"`
		} `json:"result"`
	}
	require.NoError(t, json.Unmarshal([]byte(line), &resp), line)
	assert.Equal(t, "clerk-mcp", resp.Result.ServerInfo.Name, line)
}

func TestReadmeGoCFormFromAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go run (seconds)")
	}
	env, home := readmeEnv(t)
	root := repoRoot(t)
	readme := readmeText(t)
	const placeholder = "/path/to/clerk-mcp"

	// The Claude Desktop sandbox entry, as printed in the README.
	m := regexp.MustCompile(`(?m)^\{ "mcpServers": \{ "clerk-sandbox": .*$`).FindString(readme)
	require.NotEmpty(t, m, "the README's Claude Desktop sandbox entry")
	var doc struct {
		MCPServers map[string]struct {
			Command string   `json:"command"`
			Args    []string `json:"args"`
		} `json:"mcpServers"`
	}
	require.NoError(t, json.Unmarshal([]byte(m), &doc), m)
	entry := doc.MCPServers["clerk-sandbox"]
	require.Equal(t, "go", entry.Command)
	args := slices.Clone(entry.Args)
	for i := range args {
		args[i] = strings.ReplaceAll(args[i], placeholder, root)
	}
	require.NotEqual(t, entry.Args, args, "the entry names the clone's path")

	// The Inspector line starts the same command.
	insp := regexp.MustCompile(`(?m)^npx @modelcontextprotocol/inspector -- (.*)$`).FindStringSubmatch(readme)
	require.NotNil(t, insp, "the README's Inspector line")
	assert.Equal(t, append([]string{entry.Command}, entry.Args...), strings.Fields(insp[1]), "the Inspector runs the Claude Desktop entry's command")

	elsewhere := t.TempDir()
	initializeOver(t, env, elsewhere, "go", args...)

	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "-C", root, "run", "./cmd/clerk-mcp", "--version")
	cmd.Dir, cmd.Env = elsewhere, env
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.True(t, strings.HasPrefix(string(out), "clerk-mcp "), "%s", out)

	// `go run … config --write` from the clone writes that same entry: the
	// go -C form, never go run's temporary binary.
	line := regexp.MustCompile("`(go run ./cmd/clerk-mcp config [^`]*)`").FindStringSubmatch(readme)
	require.NotNil(t, line, "the README's go run config line")
	f := strings.Fields(line[1])
	cmd = exec.CommandContext(ctx, f[0], f[1:]...)
	cmd.Dir, cmd.Env = root, env
	out, err = cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	written, err := os.ReadFile(filepath.Join(home, ".config", "Claude", "claude_desktop_config.json"))
	require.NoError(t, err, "%s", out)
	var got struct {
		MCPServers map[string]struct {
			Command string   `json:"command"`
			Args    []string `json:"args"`
		} `json:"mcpServers"`
	}
	require.NoError(t, json.Unmarshal(written, &got), "%s", written)
	assert.Equal(t, "go", got.MCPServers["clerk-sandbox"].Command, "%s", written)
	assert.Equal(t, args, got.MCPServers["clerk-sandbox"].Args, "the written entry is the README's")
	assert.NotContains(t, string(written), "go-build", "never go run's temporary binary")
}

// Every `clerk-mcp config` command of the README's shell blocks runs as
// written (the installed binary's name standing for the built binary) in a
// fresh HOME and directory.
func TestReadmeConfigCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	env, home := readmeEnv(t)
	bin := buildBinary(t)
	env = append(env, "CLERK_SECRET_KEY=sk_test_readme")
	var ran int
	for _, line := range shBlocks(readmeText(t)) {
		words := strings.Fields(line)
		for len(words) > 0 && strings.Contains(words[0], "=") {
			words = words[1:] // VAR=value prefixes: the environment has the key
		}
		if len(words) < 2 || words[0] != "clerk-mcp" || words[1] != "config" {
			continue
		}
		dir := t.TempDir()
		cmd := exec.Command(bin, words[1:]...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s\n%s", line, out)
		ran++
	}
	assert.GreaterOrEqual(t, ran, 10, "the README documents the config commands")
	assert.FileExists(t, filepath.Join(home, ".cursor", "mcp.json"))
	assert.FileExists(t, filepath.Join(home, ".codex", "config.toml"))
}

// The MCP Bundle's arguments, as Claude Desktop fills them in from the
// user's settings, start the server; without the sandbox and with the key
// left empty it stops with the one-line explanation.
func TestBundleArgsStartTheServer(t *testing.T) {
	clearEnv(t)
	fill := func(sandbox, readOnly string) []string {
		r := strings.NewReplacer("${user_config.sandbox}", sandbox, "${user_config.read_only}", readOnly)
		var args []string
		for _, a := range mcpb.ServerArgs {
			args = append(args, r.Replace(a))
		}
		require.NotContains(t, strings.Join(args, " "), "${", "every user_config reference is filled")
		return args
	}
	code, listed, stderr := runCapture(append(fill("true", "true"), "--list-tools")...)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, listed, "get_user")
	assert.NotContains(t, listed, "delete_user", "read only")
	code, listed, stderr = runCapture(append(fill("true", "false"), "--list-tools")...)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, listed, "delete_user")
	code, _, stderr = runCapture(fill("false", "false")...)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "CLERK_SECRET_KEY")
}
