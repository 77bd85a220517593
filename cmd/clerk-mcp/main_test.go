package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
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

// clearEnv blanks every environment variable run reads, so the developer's
// environment cannot change the outcome.
func clearEnv(t *testing.T) {
	t.Helper()
	t.Setenv("CLERK_SECRET_KEY", "")
	t.Setenv("CLERK_MCP_CONFIRM_KEY", "")
	t.Setenv("CLERK_MACHINE_SECRET_KEY", "")
	for _, k := range envTwins {
		t.Setenv(k, "")
	}
}

func runCapture(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestRunWithoutSecretKey(t *testing.T) {
	clearEnv(t)
	code, stdout, stderr := runCapture()
	if code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "CLERK_SECRET_KEY") {
		t.Errorf("stderr = %q, want one line naming CLERK_SECRET_KEY", stderr)
	}
}

func TestRunVersion(t *testing.T) {
	clearEnv(t)
	code, stdout, stderr := runCapture("--version")
	if code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	if !strings.HasPrefix(stdout, "clerk-mcp ") || strings.Count(stdout, "\n") != 1 {
		t.Errorf("stdout = %q, want one line starting with clerk-mcp", stdout)
	}
	if stderr != "" {
		t.Errorf("stderr = %q, want nothing", stderr)
	}
}

func TestRunHelp(t *testing.T) {
	clearEnv(t)
	for _, arg := range []string{"--help", "-h"} {
		code, stdout, stderr := runCapture(arg)
		if code != 0 {
			t.Errorf("%s: exit code %d, want 0", arg, code)
		}
		if stdout != "" {
			t.Errorf("%s: stdout = %q, want nothing (usage goes to stderr)", arg, stdout)
		}
		for _, want := range []string{"Usage: clerk-mcp", "-transport", "CLERK_SECRET_KEY"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%s: usage lacks %q:\n%s", arg, want, stderr)
			}
		}
	}
}

func TestRunBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name, env, val string
		args           []string
		want           string
	}{
		{name: "transport flag", args: []string{"--transport", "carrier-pigeon"}, want: "--transport"},
		{name: "transport env", env: "CLERK_MCP_TRANSPORT", val: "carrier-pigeon", want: "--transport"},
		{name: "log level flag", args: []string{"--log-level", "loud"}, want: "--log-level"},
		{name: "log level env", env: "CLERK_MCP_LOG_LEVEL", val: "loud", want: "--log-level"},
		{name: "log format flag", args: []string{"--log-format", "xml"}, want: "--log-format"},
		{name: "unknown flag", args: []string{"--no-such-flag"}, want: "no-such-flag"},
		{name: "bad duration", args: []string{"--timeout", "soon"}, want: "timeout"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clearEnv(t)
			// A key is set so that only the bad setting can fail the run.
			t.Setenv("CLERK_SECRET_KEY", fakeKey)
			if tc.env != "" {
				t.Setenv(tc.env, tc.val)
			}
			code, stdout, stderr := runCapture(tc.args...)
			if code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr = %q, want it to name %s", stderr, tc.want)
			}
			if strings.Contains(stderr, fakeKey) {
				t.Errorf("stderr contains the secret key")
			}
		})
	}
}

// TestStdioWireIsJSONOnly runs the binary on raw pipes: every line on stdout
// must be a JSON-RPC message, logs (debug, JSON format) go to stderr only,
// and the secret key never appears in them.
func TestStdioWireIsJSONOnly(t *testing.T) {
	bin := buildBinary(t)
	fake := newFake(t)

	ctx, cancel := context.WithTimeout(t.Context(), 15*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--log-level", "debug", "--log-format", "json")
	cmd.Env = append(os.Environ(), childEnv(fake)...)
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	p := pipeCmd(t, cmd)
	stdin, stdout := p.in, p.out
	waited := false
	defer func() {
		if !waited {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	}()

	send := func(v any) {
		t.Helper()
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := stdin.Write(append(b, '\n')); err != nil {
			t.Fatalf("writing to the child: %v", err)
		}
	}
	rpc := func(id int, method string, params any) map[string]any {
		m := map[string]any{"jsonrpc": "2.0", "id": id, "method": method}
		if params != nil {
			m["params"] = params
		}
		return m
	}
	call := func(name string, args map[string]any) map[string]any {
		return map[string]any{"name": name, "arguments": args}
	}

	// Read stdout in the background, line by line.
	type line struct {
		text string
		err  error
	}
	lines := make(chan line, 64)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
		for sc.Scan() {
			lines <- line{text: sc.Text()}
		}
		if err := sc.Err(); err != nil {
			lines <- line{err: err}
		}
	}()
	var all []string
	responses := map[float64]map[string]any{}
	await := func(id float64) map[string]any {
		t.Helper()
		for responses[id] == nil {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("child stdout closed before response %v; stderr:\n%s", id, stderr.String())
				}
				if l.err != nil {
					t.Fatalf("reading child stdout: %v", l.err)
				}
				all = append(all, l.text)
				var msg map[string]any
				if err := json.Unmarshal([]byte(l.text), &msg); err != nil {
					t.Fatalf("child stdout line is not JSON: %q", truncate(l.text))
				}
				if n, ok := msg["id"].(float64); ok {
					responses[n] = msg
				}
			case <-ctx.Done():
				t.Fatalf("no response %v from the child; stderr:\n%s", id, stderr.String())
			}
		}
		return responses[id]
	}

	send(rpc(1, "initialize", map[string]any{
		"protocolVersion": mcp.LATEST_LEGACY_PROTOCOL_VERSION,
		"capabilities":    map[string]any{},
		"clientInfo":      map[string]any{"name": "raw-pipe", "version": "0"},
	}))
	if got := await(1); got["result"].(map[string]any)["protocolVersion"] != mcp.LATEST_LEGACY_PROTOCOL_VERSION {
		t.Errorf("initialize answered %v", got)
	}
	send(map[string]any{"jsonrpc": "2.0", "method": "notifications/initialized"})
	send(rpc(2, "tools/list", nil))
	send(rpc(3, "tools/call", call("list_users", map[string]any{"limit": 1})))
	send(rpc(4, "tools/call", call("delete_user", map[string]any{"user_id": e2eUserID})))
	send(rpc(5, "tools/call", call("get_user", map[string]any{"user_id": "user_missing"}))) // Clerk answers 404
	send(rpc(6, "tools/call", call("delete_user", map[string]any{"user_id": e2eUserID, "confirm": "forged"})))
	for id := 2.0; id <= 6; id++ {
		resp := await(id)
		if resp["error"] != nil {
			t.Errorf("request %v answered a JSON-RPC error: %v", id, resp["error"])
		}
	}
	isError := func(id float64) bool {
		res, _ := responses[id]["result"].(map[string]any)
		b, _ := res["isError"].(bool)
		return b
	}
	if isError(3) || isError(4) || !isError(5) || !isError(6) {
		t.Errorf("isError of calls 3..6 = %v %v %v %v, want false false true true", isError(3), isError(4), isError(5), isError(6))
	}
	tl, _ := responses[2]["result"].(map[string]any)
	toolsList, _ := tl["tools"].([]any)
	if len(toolsList) == 0 {
		t.Errorf("tools/list answered no tools")
	}

	// EOF on stdin ends the server with exit code 0.
	if err := stdin.Close(); err != nil {
		t.Fatal(err)
	}
	for l := range lines { // drain whatever else arrives
		if l.err != nil {
			t.Fatalf("reading child stdout: %v", l.err)
		}
		all = append(all, l.text)
	}
	waitErr := cmd.Wait()
	waited = true
	if waitErr != nil {
		t.Errorf("child exited with %v, want 0; stderr:\n%s", waitErr, stderr.String())
	}

	for i, l := range all {
		var msg map[string]any
		if err := json.Unmarshal([]byte(l), &msg); err != nil || msg["jsonrpc"] != "2.0" {
			t.Errorf("stdout line %d is not a JSON-RPC message: %q", i+1, truncate(l))
		}
	}

	logs := stderr.String()
	if strings.Contains(logs, fakeKey) {
		t.Errorf("child stderr contains the secret key:\n%s", logs)
	}
	var sawStart, sawToolCall bool
	for _, l := range strings.Split(strings.TrimSpace(logs), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Errorf("stderr line is not a JSON log record: %q", l)
			continue
		}
		switch rec["msg"] {
		case "starting":
			sawStart = true
			if rec["key_environment"] != "test" {
				t.Errorf("starting record: key_environment = %v, want test", rec["key_environment"])
			}
		case "tool call":
			sawToolCall = true
		}
	}
	if !sawStart || !sawToolCall {
		t.Errorf("stderr lacks the starting and tool call records:\n%s", logs)
	}
}

func truncate(s string) string {
	if len(s) > 300 {
		return s[:300] + fmt.Sprintf("… (%d bytes)", len(s))
	}
	return s
}

// TestBinarySIGTERM starts the binary on each transport, checks it serves
// (with clients connected and their streams open), and expects SIGTERM to end
// it promptly and cleanly with exit code 0.
func TestBinarySIGTERM(t *testing.T) {
	fake := newFake(t)
	for _, transportName := range []string{"stdio", "sse", "http"} {
		t.Run(transportName, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 15*time.Second)
			defer cancel()
			c := spawnChild(t, ctx, childEnv(fake), "--transport", transportName, "--addr", "127.0.0.1:0")

			if transportName == "stdio" {
				// Up once it answers a request.
				c.await(t, ctx, "starting")
				if _, err := io.WriteString(c.in, `{"jsonrpc":"2.0","id":1,"method":"ping"}`+"\n"); err != nil {
					t.Fatal(err)
				}
				line, err := c.out.ReadString('\n')
				if err != nil || !strings.Contains(line, `"id":1`) {
					t.Fatalf("ping answered %q, %v", line, err)
				}
			} else {
				go func() { _, _ = io.Copy(io.Discard, c.out) }()
				addr, _ := c.await(t, ctx, "listening")["addr"].(string)
				base := "http://" + addr
				for _, path := range []string{"/healthz", "/readyz"} {
					if code, err := httpStatus(ctx, base+path); err != nil || code != http.StatusOK {
						t.Errorf("GET %s: %d %v", path, code, err)
					}
				}
				// Connected clients hold streams open across the signal.
				sse, err := client.NewSSEMCPClient(base + "/sse")
				if err != nil {
					t.Fatal(err)
				}
				defer sse.Close()
				connect(t, ctx, sse)
				if transportName == "http" {
					//lint:ignore SA1019 the test holds a legacy standalone GET stream open across shutdown on purpose
					streamable, err := client.NewStreamableHttpClient(base+"/mcp", transport.WithContinuousListening())
					if err != nil {
						t.Fatal(err)
					}
					defer streamable.Close()
					connect(t, ctx, streamable)
				} else if code, err := httpStatus(ctx, base+"/mcp"); err != nil || code != http.StatusNotFound {
					t.Errorf("GET /mcp on the sse transport: %d %v, want 404", code, err)
				}
			}

			start := time.Now()
			for _, rec := range c.stop(t) {
				if rec["level"] != "INFO" {
					t.Errorf("after SIGTERM the child logged %v", rec)
				}
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("the child took %v to stop after SIGTERM", d)
			}
		})
	}
}

func connect(t *testing.T, ctx context.Context, c *client.Client) {
	t.Helper()
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	req := mcp.InitializeRequest{}
	req.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	req.Params.ClientInfo = mcp.Implementation{Name: "sigterm", Version: "0"}
	if _, err := c.Initialize(ctx, req); err != nil {
		t.Fatal(err)
	}
}

// httpStatus returns the status of a GET. It reads only the headers: some
// endpoints answer with a stream that never ends.
func httpStatus(ctx context.Context, url string) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	_ = resp.Body.Close()
	return resp.StatusCode, nil
}

// A stray word must not be ignored: `clerk-mcp --sandbox extra` does not
// start a server, and a mistyped command is named as one, not blamed on a
// missing key.
func TestRunRejectsStrayArguments(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--sandbox", "extra"}, `unexpected argument "extra" (the server takes flags only)`},
		{[]string{"foo", "--sandbox"}, `unknown command "foo"`},
		{[]string{"foo"}, `unknown command "foo"`},
		{[]string{"--sandbox", "config"}, `unexpected argument "config" (a command comes first: clerk-mcp config …)`},
		{[]string{"--sandbox", "--", "--read-only"}, `unexpected argument "--read-only"`},
		{[]string{"--list-tools", "--sandbox", "users"}, `unexpected argument "users"`},
	} {
		clearEnv(t)
		code, stdout, stderr := runCapture(tc.args...)
		assert.Equal(t, 2, code, "%v", tc.args)
		assert.Empty(t, stdout, "%v: nothing ran", tc.args)
		assert.True(t, strings.HasPrefix(stderr, "clerk-mcp: "+tc.want), "%v: stderr = %q", tc.args, stderr)
		assert.Contains(t, stderr, "\n"+usageLine+"\n", "%v: a usage line follows", tc.args)
		assert.NotContains(t, stderr, "CLERK_SECRET_KEY", "%v", tc.args)
		assert.NotContains(t, stderr, "starting", "%v: the server did not start", tc.args)
	}
}

// --help lists every subcommand, and every flag under its group, none
// ungrouped: a flag added without a group in flagGroups fails here.
func TestEveryFlagHasAGroup(t *testing.T) {
	clearEnv(t)
	code, _, help := runCapture("--help")
	require.Equal(t, 0, code)
	for _, c := range subcommands {
		assert.Regexp(t, `(?m)^  `+c.name+` +`+regexp.QuoteMeta(c.summary)+`$`, help)
	}
	assert.NotContains(t, help, "Other flags", "every flag belongs to a group in flagGroups (cli.go)")
	seen := map[string]string{}
	for i, g := range flagGroups {
		start := strings.Index(help, "\n"+g.title+":\n")
		require.GreaterOrEqual(t, start, 0, "group %q is printed", g.title)
		section := help[start:]
		if i+1 < len(flagGroups) {
			section = section[:strings.Index(section, "\n"+flagGroups[i+1].title+":\n")]
		}
		for _, name := range g.flags {
			assert.Regexp(t, `(?m)^  -`+name+`( |$)`, section, "--%s is defined and printed under %q", name, g.title)
			if prev, dup := seen[name]; dup {
				t.Errorf("--%s is in two groups: %q and %q", name, prev, g.title)
			}
			seen[name] = g.title
		}
		assert.Equal(t, len(g.flags), strings.Count(section, "\n  -"), "%q prints its flags and no others", g.title)
	}
	for name := range envTwins {
		assert.Contains(t, seen, name, "--%s has a group", name)
	}
}

// The start log, --list-tools and tools/list give one count of the listed
// tools, discovery tools included.
func TestListedCountIsOne(t *testing.T) {
	const session = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}
{"jsonrpc":"2.0","method":"notifications/initialized"}
{"jsonrpc":"2.0","id":2,"method":"tools/list"}
`
	for _, sel := range [][]string{
		nil,
		{"--toolsets", "none"},
		{"--toolsets", "all", "--discovery=false"},
		{"--toolsets", "users,jwt_templates", "--read-only"},
	} {
		clearEnv(t)
		args := append([]string{"--sandbox", "--log-format", "json"}, sel...)

		var out, errb bytes.Buffer
		require.Equal(t, 0, run(args, strings.NewReader(session), &out, &errb), errb.String())
		logged := -1
		for _, line := range strings.Split(errb.String(), "\n") {
			var rec struct {
				Msg    string `json:"msg"`
				Listed *int   `json:"listed"`
			}
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "tools" && rec.Listed != nil {
				logged = *rec.Listed
			}
		}
		served := -1
		for _, line := range strings.Split(out.String(), "\n") {
			var msg struct {
				ID     int `json:"id"`
				Result struct {
					Tools []json.RawMessage `json:"tools"`
				} `json:"result"`
			}
			if json.Unmarshal([]byte(line), &msg) == nil && msg.ID == 2 {
				served = len(msg.Result.Tools)
			}
		}

		code, listing, stderr := runCapture(append(args, "--list-tools")...)
		require.Equal(t, 0, code, stderr)
		lines := strings.Split(strings.TrimSpace(listing), "\n")
		var printed int
		_, err := fmt.Sscanf(lines[len(lines)-1], "%d tools listed", &printed)
		require.NoError(t, err, lines[len(lines)-1])

		assert.Positive(t, served, "%v: tools/list answered", sel)
		assert.Equal(t, served, logged, "%v: the start log's listed= is what tools/list serves", sel)
		assert.Equal(t, served, printed, "%v: --list-tools' count is what tools/list serves", sel)
		assert.Equal(t, served, len(lines)-2, "%v: --list-tools prints a row per listed tool", sel)
	}
}
