package clientconfig

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "github.com/clerk-mcp/clerk-mcp/internal/golden" // -update, as in every package
)

const testExe = "/opt/clerk/bin/clerk-mcp"

// clearEnv blanks the variables the subcommand reads, so the developer's
// environment cannot change the outcome.
func clearEnv(t *testing.T) {
	t.Helper()
	t.Setenv(secretEnv, "")
}

// configRun runs `clerk-mcp config …` with the executable pinned and the
// backup clock fixed. (The server's side, that it accepts what the
// configuration passes it, is cmd/clerk-mcp's TestConfigArgsStartTheServer.)
func configRun(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	oldExe, oldNow := executable, now
	executable = func() (string, error) { return testExe, nil }
	now = func() time.Time { return time.Date(2026, 5, 12, 9, 30, 0, 0, time.UTC) }
	defer func() { executable, now = oldExe, oldNow }()
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}

func backups(t *testing.T, path string) []string {
	t.Helper()
	m, err := filepath.Glob(path + ".bak-*")
	require.NoError(t, err)
	return m
}

func TestConfigPrintsEachClient(t *testing.T) {
	clearEnv(t)
	want := map[string]string{
		"claude-desktop": `{
  "mcpServers": {
    "clerk": {
      "command": "/opt/clerk/bin/clerk-mcp",
      "args": [
        "--toolsets",
        "default,jwt_templates",
        "--read-only"
      ],
      "env": {
        "CLERK_SECRET_KEY": "REPLACE_WITH_YOUR_CLERK_SECRET_KEY"
      }
    }
  }
}
`,
		"claude-code": `claude mcp add clerk --env 'CLERK_SECRET_KEY=${CLERK_SECRET_KEY}' -- /opt/clerk/bin/clerk-mcp --toolsets default,jwt_templates --read-only
`,
		"cursor": `{
  "mcpServers": {
    "clerk": {
      "command": "/opt/clerk/bin/clerk-mcp",
      "args": [
        "--toolsets",
        "default,jwt_templates",
        "--read-only"
      ],
      "env": {
        "CLERK_SECRET_KEY": "${env:CLERK_SECRET_KEY}"
      }
    }
  }
}
`,
		"vscode": `{
  "inputs": [
    {
      "type": "promptString",
      "id": "clerk-secret-key",
      "description": "Clerk secret key (sk_test_… or sk_live_…)",
      "password": true
    }
  ],
  "servers": {
    "clerk": {
      "type": "stdio",
      "command": "/opt/clerk/bin/clerk-mcp",
      "args": [
        "--toolsets",
        "default,jwt_templates",
        "--read-only"
      ],
      "env": {
        "CLERK_SECRET_KEY": "${input:clerk-secret-key}"
      }
    }
  }
}
`,
		"windsurf": `{
  "mcpServers": {
    "clerk": {
      "command": "/opt/clerk/bin/clerk-mcp",
      "args": [
        "--toolsets",
        "default,jwt_templates",
        "--read-only"
      ],
      "env": {
        "CLERK_SECRET_KEY": "${env:CLERK_SECRET_KEY}"
      }
    }
  }
}
`,
		"codex": `[mcp_servers.clerk]
command = "/opt/clerk/bin/clerk-mcp"
args = ["--toolsets", "default,jwt_templates", "--read-only"]
env_vars = ["CLERK_SECRET_KEY"]
`,
	}
	require.Len(t, want, len(clients), "every client has a golden snippet")
	for _, c := range clients {
		code, stdout, stderr := configRun(t, "--client", c.id, "--toolsets", "default, jwt_templates", "--read-only")
		require.Equal(t, 0, code, "%s: %s", c.id, stderr)
		assert.Equal(t, want[c.id], stdout, c.id)
		assert.Contains(t, stderr, c.note, "%s: says what happens to the key", c.id)
	}
}

func TestConfigVia(t *testing.T) {
	clearEnv(t)
	entry := func(stdout string) (string, []string, map[string]string) {
		var doc struct {
			MCPServers map[string]struct {
				Command string            `json:"command"`
				Args    []string          `json:"args"`
				Env     map[string]string `json:"env"`
			} `json:"mcpServers"`
		}
		require.NoError(t, json.Unmarshal([]byte(stdout), &doc), stdout)
		e := doc.MCPServers["clerk"]
		return e.Command, e.Args, e.Env
	}
	code, stdout, _ := configRun(t, "--client", "cursor", "--via", "go-run", "--no-destructive")
	require.Equal(t, 0, code)
	cmd, args, env := entry(stdout)
	assert.Equal(t, "go", cmd)
	assert.Equal(t, []string{"run", "github.com/clerk-mcp/clerk-mcp/cmd/clerk-mcp@latest", "--no-destructive"}, args)
	assert.Equal(t, map[string]string{"CLERK_SECRET_KEY": "${env:CLERK_SECRET_KEY}"}, env)

	code, stdout, _ = configRun(t, "--client", "claude-desktop", "--via", "docker")
	require.Equal(t, 0, code)
	cmd, args, env = entry(stdout)
	assert.Equal(t, "docker", cmd)
	assert.Equal(t, []string{"run", "-i", "--rm", "-e", "CLERK_SECRET_KEY", "clerk-mcp"}, args)
	assert.Contains(t, env, "CLERK_SECRET_KEY", "docker -e passes the variable the client sets")

	code, stdout, _ = configRun(t, "--client", "cursor", "--via", "docker", "--image", "docker.io/clerkmcp/clerk-mcp:0.1.0", "--sandbox")
	require.Equal(t, 0, code)
	cmd, args, env = entry(stdout)
	assert.Equal(t, "docker", cmd)
	assert.Equal(t, []string{"run", "-i", "--rm", "docker.io/clerkmcp/clerk-mcp:0.1.0", "--sandbox"}, args, "the sandbox needs no key")
	assert.Empty(t, env)

	code, _, stderr := configRun(t, "--client", "cursor", "--via", "npx")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--via must be binary, go-run or docker")
}

func TestConfigCarriesServerFlags(t *testing.T) {
	clearEnv(t)
	code, stdout, stderr := configRun(t, "--client", "codex", "--name", "clerk-prod",
		"--toolsets", "default,billing", "--tools", "get_jwks", "--exclude-tools", "delete_user,ban_user",
		"--read-only", "--no-destructive", "--sandbox", "--", "--confirm", "token")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, `[mcp_servers.clerk-prod]
command = "/opt/clerk/bin/clerk-mcp"
args = ["--toolsets", "default,billing", "--tools", "get_jwks", "--exclude-tools", "delete_user,ban_user", "--read-only", "--no-destructive", "--sandbox", "--confirm", "token"]
`, stdout, "sandbox: no key forwarded")

	code, stdout, _ = configRun(t, "--client", "claude-code", "--sandbox")
	require.Equal(t, 0, code)
	assert.Equal(t, "claude mcp add clerk -- /opt/clerk/bin/clerk-mcp --sandbox\n", stdout)

	code, stdout, _ = configRun(t, "--client", "cursor", "--sandbox=false")
	require.Equal(t, 0, code)
	assert.NotContains(t, stdout, "--sandbox")
	assert.Contains(t, stdout, "CLERK_SECRET_KEY")

	code, stdout, _ = configRun(t, "--client", "cursor")
	require.Equal(t, 0, code)
	assert.NotContains(t, stdout, `"args"`, "no flags, no args")
}

func TestConfigRejectsBadUse(t *testing.T) {
	clearEnv(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "--client is required"},
		{[]string{"--client", "zed"}, `unknown --client "zed"`},
		{[]string{"--client", "cursor", "--name", "clerk prod"}, `--name "clerk prod"`},
		{[]string{"--client", "cursor", "--file", "x.json"}, "--file goes with --write"},
		{[]string{"--client", "cursor", "--toolsets", "user"}, `unknown toolset "user"; did you mean "users"?`},
		{[]string{"--client", "cursor", "--tools", "delete_usr"}, `unknown tool "delete_usr"`},
		{[]string{"--client", "cursor", "extra"}, `unexpected argument "extra"`},
		{[]string{"--client", "cursor", "--with-secret"}, "CLERK_SECRET_KEY, which is not set"},
		{[]string{"--client", "cursor", "--with-secret", "--sandbox"}, "the sandbox needs no secret key"},
		{[]string{"--client", "cursor", "--bogus"}, "flag provided but not defined: -bogus"},
	} {
		code, stdout, stderr := configRun(t, c.args...)
		assert.Equal(t, 2, code, "%v", c.args)
		assert.Empty(t, stdout, "%v", c.args)
		assert.Contains(t, stderr, c.want, "%v", c.args)
	}
	code, _, stderr := configRun(t, "--help")
	assert.Equal(t, 0, code)
	assert.Contains(t, stderr, "Usage: clerk-mcp config --client CLIENT")
}

func TestConfigWriteCreatesMissingFile(t *testing.T) {
	clearEnv(t)
	for _, c := range clients {
		dir := t.TempDir()
		path := filepath.Join(dir, "nested", "deeper", "config")
		code, stdout, stderr := configRun(t, "--client", c.id, "--write", "--file", path, "--tools", "get_jwks")
		require.Equal(t, 0, code, "%s: %s", c.id, stderr)
		assert.Contains(t, stdout, "created "+path, c.id)
		got := readFile(t, path)
		assert.Empty(t, backups(t, path), "%s: nothing to back up", c.id)
		_, printed, _ := configRun(t, "--client", c.id, "--tools", "get_jwks")
		switch c.id {
		case "claude-code":
			// The project's .mcp.json format, not the command line.
			var doc map[string]map[string]map[string]any
			require.NoError(t, json.Unmarshal([]byte(got), &doc))
			assert.Equal(t, map[string]any{
				"type": "stdio", "command": testExe, "args": []any{"--tools", "get_jwks"},
				"env": map[string]any{"CLERK_SECRET_KEY": "${CLERK_SECRET_KEY}"},
			}, doc["mcpServers"]["clerk"])
		default:
			assert.Equal(t, printed, got, "%s: the file holds what is printed", c.id)
		}
		if runtime.GOOS != "windows" {
			fi, err := os.Stat(path)
			require.NoError(t, err)
			assert.Equal(t, os.FileMode(0o644), fi.Mode().Perm(), c.id)
		}
	}
}

func TestConfigWriteMergesJSON(t *testing.T) {
	clearEnv(t)
	path := filepath.Join(t.TempDir(), "claude_desktop_config.json")
	orig := `{
    "globalShortcut": "Ctrl+Space",
    "mcpServers": {
        "github": {
            "command": "docker",
            "args": ["run", "-i", "--rm", "ghcr.io/github/github-mcp-server"],
            "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_x<y>&z"}
        },
        "clerk": {
            "command": "/old/clerk-mcp",
            "args": ["--toolsets", "all"],
            "disabled": false,
            "env": {"CLERK_SECRET_KEY": "sk_test_old", "CLERK_API_URL": "https://api.clerk.dev/v1"}
        },
        "memory": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"]}
    },
    "unknownFlag": {"nested": [1, 2.50, true, null]}
}
`
	writeFile(t, path, orig)
	code, stdout, stderr := configRun(t, "--client", "claude-desktop", "--write", "--file", path, "--read-only")
	require.Equal(t, 0, code, stderr)
	got := readFile(t, path)

	assert.Equal(t, []string{path + ".bak-20260512-093000"}, backups(t, path))
	assert.Equal(t, orig, readFile(t, path+".bak-20260512-093000"), "the backup is the original")
	assert.Contains(t, stdout, "backup: "+path+".bak-20260512-093000")
	assert.Contains(t, stderr, "literal CLERK_SECRET_KEY")
	assert.NotContains(t, got, "sk_test_old", "a literal key is replaced by the placeholder without --with-secret")

	want := strings.Replace(orig, `            "command": "/old/clerk-mcp",
            "args": ["--toolsets", "all"],
            "disabled": false,
            "env": {"CLERK_SECRET_KEY": "sk_test_old", "CLERK_API_URL": "https://api.clerk.dev/v1"}`, `            "command": "/opt/clerk/bin/clerk-mcp",
            "args": ["--read-only"],
            "disabled": false,
            "env": {"CLERK_SECRET_KEY": "REPLACE_WITH_YOUR_CLERK_SECRET_KEY", "CLERK_API_URL": "https://api.clerk.dev/v1"}`, 1)
	require.NotEqual(t, orig, want)
	assert.Equal(t, want, got, "only the entry's values change: other servers, unknown keys, key order, numbers and the formatting stay byte for byte")
	assert.Contains(t, stdout, `updated "clerk" in `, "an existing entry is updated, not added")

	// Running it again changes nothing and makes no second backup.
	code, stdout, _ = configRun(t, "--client", "claude-desktop", "--write", "--file", path, "--read-only")
	require.Equal(t, 0, code)
	assert.Contains(t, stdout, "nothing to do")
	assert.Len(t, backups(t, path), 1)
}

func TestConfigWriteMergesVSCode(t *testing.T) {
	clearEnv(t)
	path := filepath.Join(t.TempDir(), ".vscode", "mcp.json")
	writeFile(t, path, `{"servers": {"fetch": {"type": "stdio", "command": "uvx", "args": ["mcp-server-fetch"]}}, "inputs": [{"type": "promptString", "id": "other", "password": true}]}`)
	code, _, stderr := configRun(t, "--client", "vscode", "--write", "--file", path)
	require.Equal(t, 0, code, stderr)
	var doc struct {
		Inputs  []map[string]any          `json:"inputs"`
		Servers map[string]map[string]any `json:"servers"`
	}
	require.NoError(t, json.Unmarshal([]byte(readFile(t, path)), &doc))
	assert.Equal(t, []map[string]any{
		{"type": "promptString", "id": "other", "password": true},
		{"type": "promptString", "id": "clerk-secret-key", "description": "Clerk secret key (sk_test_… or sk_live_…)", "password": true},
	}, doc.Inputs)
	assert.Equal(t, "uvx", doc.Servers["fetch"]["command"])
	assert.Equal(t, map[string]any{"type": "stdio", "command": testExe, "env": map[string]any{"CLERK_SECRET_KEY": "${input:clerk-secret-key}"}}, doc.Servers["clerk"])
	assert.Less(t, strings.Index(readFile(t, path), `"servers"`), strings.Index(readFile(t, path), `"inputs"`), "key order kept")
	assert.Len(t, backups(t, path), 1)

	code, stdout, _ := configRun(t, "--client", "vscode", "--write", "--file", path)
	require.Equal(t, 0, code)
	assert.Contains(t, stdout, "nothing to do", "the input is not added twice")
}

func TestConfigWriteMergesCodex(t *testing.T) {
	clearEnv(t)
	path := filepath.Join(t.TempDir(), "config.toml")
	orig := `# Codex settings
model = "o3"
notes = """
[mcp_servers.clerk]
not a table: inside a string
"""

[mcp_servers.github]
command = "docker"
args = [
  "run", "-i", # comment inside an array
  ["nested"],
]

[mcp_servers."clerk"]
command = "/old/clerk-mcp"
args = ["--toolsets", "all"]
startup_timeout_sec = 20

[mcp_servers.clerk.env]
CLERK_SECRET_KEY = "sk_test_old"
CLERK_API_URL = "https://api.clerk.dev/v1"

[mcp_servers.clerk.tools.delete_user]
approval_mode = "prompt"

[profiles.fast]
model = 'o4-mini'
`
	writeFile(t, path, orig)
	code, _, stderr := configRun(t, "--client", "codex", "--write", "--file", path, "--toolsets", "default,jwt_templates")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, `# Codex settings
model = "o3"
notes = """
[mcp_servers.clerk]
not a table: inside a string
"""

[mcp_servers.github]
command = "docker"
args = [
  "run", "-i", # comment inside an array
  ["nested"],
]

[mcp_servers.clerk]
command = "/opt/clerk/bin/clerk-mcp"
args = ["--toolsets", "default,jwt_templates"]
env_vars = ["CLERK_SECRET_KEY"]
startup_timeout_sec = 20

[mcp_servers.clerk.env]
CLERK_API_URL = "https://api.clerk.dev/v1"

[mcp_servers.clerk.tools.delete_user]
approval_mode = "prompt"

[profiles.fast]
model = 'o4-mini'
`, readFile(t, path))
	assert.Contains(t, stderr, "literal CLERK_SECRET_KEY")
	assert.Equal(t, orig, readFile(t, backups(t, path)[0]))

	// Appended to a file without the server; the rest stays byte for byte.
	path = filepath.Join(t.TempDir(), "config.toml")
	writeFile(t, path, "model = \"o3\"\r\n[mcp_servers.github]\r\ncommand = \"docker\"")
	code, _, stderr = configRun(t, "--client", "codex", "--write", "--file", path)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "model = \"o3\"\r\n[mcp_servers.github]\r\ncommand = \"docker\"\r\n\r\n[mcp_servers.clerk]\r\ncommand = \"/opt/clerk/bin/clerk-mcp\"\r\nenv_vars = [\"CLERK_SECRET_KEY\"]\r\n", readFile(t, path))
}

func TestConfigWriteRefusesWhatItCannotParse(t *testing.T) {
	clearEnv(t)
	for _, c := range []struct {
		client, content, want string
	}{
		{"cursor", "{\n  // my servers\n  \"mcpServers\": {\n}\n", "not valid JSON"},
		{"cursor", `{"mcpServers": {}} /* unterminated`, "not valid JSON"},
		{"vscode", `{"servers": {"a": 1 "b": 2}}`, "not valid JSON"},
		{"claude-desktop", `{"mcpServers": {},, }`, "not valid JSON"},
		{"claude-desktop", `[1, 2]`, "top level is not a JSON object"},
		{"windsurf", `{"mcpServers": []}`, `"mcpServers" is not a JSON object`},
		{"vscode", `{"inputs": {}, "servers": {}}`, `"inputs" is not a JSON array`},
		{"claude-code", `{"mcpServers": {}} {}`, "not valid JSON"},
		{"codex", "model = \"o3\n", "line 1: unterminated string"},
		{"codex", "[mcp_servers.clerk\ncommand = \"x\"\n", "malformed table header"},
		{"codex", "args = [\"a\",\n", "unterminated array"},
		{"codex", "[mcp_servers]\nclerk = { command = \"x\" }\n", "dotted keys or an inline table"},
		{"codex", "mcp_servers = { github = { command = \"x\" } }\n", "dotted keys or an inline table"},
		{"codex", "mcp_servers.clerk.command = \"x\"\n", "dotted keys or an inline table"},
		{"codex", "[[mcp_servers]]\nname = \"x\"\n", "array of tables"},
		{"codex", "[mcp_servers.clerk]\n[mcp_servers.clerk]\n", "defined twice"},
		{"codex", "just words\n", "expected = after the key"},
	} {
		path := filepath.Join(t.TempDir(), "config")
		writeFile(t, path, c.content)
		code, stdout, stderr := configRun(t, "--client", c.client, "--write", "--file", path)
		assert.Equal(t, 1, code, "%s %q", c.client, c.content)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, c.want, "%s %q", c.client, c.content)
		assert.Contains(t, stderr, "left untouched")
		assert.Equal(t, c.content, readFile(t, path), "untouched")
		assert.Empty(t, backups(t, path), "no backup of a file not written")
	}
}

func TestConfigSecretOnlyWithWithSecret(t *testing.T) {
	clearEnv(t)
	const key = "sk_test_s3cr3tKEY"
	t.Setenv("CLERK_SECRET_KEY", key)
	for _, c := range clients {
		path := filepath.Join(t.TempDir(), "config")
		code, stdout, stderr := configRun(t, "--client", c.id)
		require.Equal(t, 0, code)
		assert.NotContains(t, stdout+stderr, key, "%s: printed without --with-secret", c.id)
		code, stdout, stderr = configRun(t, "--client", c.id, "--write", "--file", path)
		require.Equal(t, 0, code, stderr)
		assert.NotContains(t, readFile(t, path)+stdout+stderr, key, "%s: written without --with-secret", c.id)

		path = filepath.Join(t.TempDir(), "config")
		code, _, stderr = configRun(t, "--client", c.id, "--write", "--file", path, "--with-secret")
		require.Equal(t, 0, code, stderr)
		got := readFile(t, path)
		assert.Contains(t, got, key, c.id)
		assert.Contains(t, stderr, "keep the file private")
		if c.kind == jsonVSCode {
			assert.NotContains(t, got, "promptString", "no prompt for a key already there")
		}
		if runtime.GOOS != "windows" {
			fi, err := os.Stat(path)
			require.NoError(t, err)
			assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "%s: a new file holding the key is private", c.id)
		}
	}
	code, stdout, _ := configRun(t, "--client", "codex", "--with-secret")
	require.Equal(t, 0, code)
	assert.Equal(t, "[mcp_servers.clerk]\ncommand = \"/opt/clerk/bin/clerk-mcp\"\n\n[mcp_servers.clerk.env]\nCLERK_SECRET_KEY = \"sk_test_s3cr3tKEY\"\n", stdout)
	code, stdout, _ = configRun(t, "--client", "claude-code", "--with-secret")
	require.Equal(t, 0, code)
	assert.Equal(t, "claude mcp add clerk --env CLERK_SECRET_KEY=sk_test_s3cr3tKEY -- /opt/clerk/bin/clerk-mcp\n", stdout)
}

func TestConfigStandardLocations(t *testing.T) {
	for _, c := range []struct {
		goos, home, appData, xdg, want string
	}{
		{"darwin", "/Users/ann", "", "", "/Users/ann/Library/Application Support/Claude/claude_desktop_config.json"},
		{"windows", `C:\Users\ann`, `C:\Users\ann\AppData\Roaming`, "", filepath.Join(`C:\Users\ann\AppData\Roaming`, "Claude", "claude_desktop_config.json")},
		{"linux", "/home/ann", "", "", "/home/ann/.config/Claude/claude_desktop_config.json"},
		{"linux", "/home/ann", "", "/home/ann/.xdg", "/home/ann/.xdg/Claude/claude_desktop_config.json"},
	} {
		got, err := claudeDesktopPath(c.goos, c.home, c.appData, c.xdg)
		require.NoError(t, err)
		assert.Equal(t, filepath.FromSlash(c.want), got, c.goos)
	}
	_, err := claudeDesktopPath("windows", "", "", "")
	assert.Error(t, err)

	if runtime.GOOS == "windows" {
		t.Skip("the rest sets $HOME")
	}
	clearEnv(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("CODEX_HOME", "")
	work := t.TempDir()
	t.Chdir(work)
	work, _ = os.Getwd()
	want := map[string]string{
		"cursor":      filepath.Join(home, ".cursor", "mcp.json"),
		"windsurf":    filepath.Join(home, ".codeium", "windsurf", "mcp_config.json"),
		"codex":       filepath.Join(home, ".codex", "config.toml"),
		"claude-code": filepath.Join(work, ".mcp.json"),
		"vscode":      filepath.Join(work, ".vscode", "mcp.json"),
	}
	if runtime.GOOS == "linux" {
		want["claude-desktop"] = filepath.Join(home, ".config", "Claude", "claude_desktop_config.json")
	}
	for id, path := range want {
		code, stdout, stderr := configRun(t, "--client", id, "--write")
		require.Equal(t, 0, code, "%s: %s", id, stderr)
		assert.Contains(t, stdout, "created "+path, id)
		assert.FileExists(t, path, id)
	}
	t.Setenv("CODEX_HOME", filepath.Join(home, "codex-home"))
	code, stdout, _ := configRun(t, "--client", "codex", "--write")
	require.Equal(t, 0, code)
	assert.Contains(t, stdout, filepath.Join(home, "codex-home", "config.toml"))
}

func TestConfigWritesThroughSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks")
	}
	clearEnv(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "dotfiles", "mcp.json")
	writeFile(t, target, `{"mcpServers": {}}`)
	link := filepath.Join(dir, "mcp.json")
	require.NoError(t, os.Symlink(target, link))
	code, _, stderr := configRun(t, "--client", "cursor", "--write", "--file", link)
	require.Equal(t, 0, code, stderr)
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the link stays a link")
	assert.Contains(t, readFile(t, target), testExe)
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"plain/path-1.0":     "plain/path-1.0",
		"":                   "''",
		"with space":         "'with space'",
		"it's":               `'it'\''s'`,
		"KEY=${KEY}":         "'KEY=${KEY}'",
		"/Users/a b/clerk":   "'/Users/a b/clerk'",
		"default,jwt_tokens": "default,jwt_tokens",
	} {
		assert.Equal(t, want, shellQuote(in), in)
	}
}

func TestTOMLStrings(t *testing.T) {
	assert.Equal(t, `"C:\\Program Files\\clerk-mcp.exe"`, tomlString(`C:\Program Files\clerk-mcp.exe`))
	assert.Equal(t, `"a\"b\u0001\n"`, tomlString("a\"b\x01\n"))
	stmts, err := scanTOML("a = 'x'\n[ mcp_servers . \"cl.erk\" ] # c\nb = \"\"\"\nq\"\"\"\"\n")
	require.NoError(t, err)
	require.Len(t, stmts, 3)
	assert.Equal(t, []string{"mcp_servers", "cl.erk"}, stmts[1].path)
	assert.True(t, stmts[1].header)
}

func TestConfigRemoteServer(t *testing.T) {
	clearEnv(t)
	const url = "https://mcp.example.com/mcp"
	want := map[string]string{
		"claude-code": "claude mcp add --transport http clerk https://mcp.example.com/mcp --header 'Authorization: Bearer ${CLERK_MCP_TOKEN}'\n",
		"cursor":      `{"mcpServers":{"clerk":{"url":"https://mcp.example.com/mcp","headers":{"Authorization":"Bearer ${env:CLERK_MCP_TOKEN}"}}}}`,
		"windsurf":    `{"mcpServers":{"clerk":{"serverUrl":"https://mcp.example.com/mcp","headers":{"Authorization":"Bearer ${env:CLERK_MCP_TOKEN}"}}}}`,
		"vscode": `{"inputs":[{"type":"promptString","id":"clerk-token","description":"Bearer token of the clerk-mcp server","password":true}],` +
			`"servers":{"clerk":{"type":"http","url":"https://mcp.example.com/mcp","headers":{"Authorization":"Bearer ${input:clerk-token}"}}}}`,
		"codex": "[mcp_servers.clerk]\nurl = \"https://mcp.example.com/mcp\"\nbearer_token_env_var = \"CLERK_MCP_TOKEN\"\n",
	}
	for id, w := range want {
		code, stdout, stderr := configRun(t, "--client", id, "--url", url, "--bearer-env", "CLERK_MCP_TOKEN")
		require.Equal(t, 0, code, "%s: %s", id, stderr)
		if strings.HasPrefix(w, "{") {
			assert.JSONEq(t, w, stdout, id)
		} else {
			assert.Equal(t, w, stdout, id)
		}
		assert.NotContains(t, stdout, "CLERK_SECRET_KEY", "%s: the key stays with the server", id)
	}
	code, stdout, _ := configRun(t, "--client", "cursor", "--url", url)
	require.Equal(t, 0, code)
	assert.JSONEq(t, `{"mcpServers":{"clerk":{"url":"https://mcp.example.com/mcp"}}}`, stdout, "no token, no header")

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--client", "claude-desktop", "--url", url}, "Settings → Connectors"},
		{[]string{"--client", "cursor", "--url", "mcp.example.com"}, "--url must be an http:// or https:// URL"},
		{[]string{"--client", "cursor", "--url", url, "--toolsets", "all"}, "--toolsets belongs on that server"},
		{[]string{"--client", "cursor", "--url", url, "--with-secret"}, "--with-secret belongs on that server"},
		{[]string{"--client", "cursor", "--url", url, "--", "--read-only"}, "not after --"},
		{[]string{"--client", "cursor", "--bearer-env", "TOKEN"}, "--bearer-env goes with --url"},
		{[]string{"--client", "cursor", "--url", url, "--bearer-env", "MY-TOKEN"}, "not an environment variable name"},
	} {
		code, _, stderr := configRun(t, c.args...)
		assert.Equal(t, 2, code, "%v", c.args)
		assert.Contains(t, stderr, c.want, "%v", c.args)
	}

	// Switching an entry between a command and a URL drops the other's keys.
	path := filepath.Join(t.TempDir(), "mcp.json")
	code, _, _ = configRun(t, "--client", "windsurf", "--write", "--file", path, "--read-only")
	require.Equal(t, 0, code)
	code, _, stderr := configRun(t, "--client", "windsurf", "--write", "--file", path, "--url", url)
	require.Equal(t, 0, code, stderr)
	assert.JSONEq(t, `{"mcpServers":{"clerk":{"serverUrl":"https://mcp.example.com/mcp"}}}`, readFile(t, path))
	code, _, _ = configRun(t, "--client", "windsurf", "--write", "--file", path)
	require.Equal(t, 0, code)
	assert.JSONEq(t, `{"mcpServers":{"clerk":{"command":"/opt/clerk/bin/clerk-mcp","env":{"CLERK_SECRET_KEY":"${env:CLERK_SECRET_KEY}"}}}}`, readFile(t, path))

	path = filepath.Join(t.TempDir(), "config.toml")
	writeFile(t, path, "[mcp_servers.clerk]\ncommand = \"x\"\nenv_vars = [\"CLERK_SECRET_KEY\"]\nstartup_timeout_sec = 5\n\n[mcp_servers.clerk.env]\nCLERK_API_URL = \"y\"\n")
	code, _, stderr = configRun(t, "--client", "codex", "--write", "--file", path, "--url", url, "--bearer-env", "TOKEN")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "[mcp_servers.clerk]\nurl = \"https://mcp.example.com/mcp\"\nbearer_token_env_var = \"TOKEN\"\nstartup_timeout_sec = 5\n\n", readFile(t, path))
}

// TestConfigRemoteOAuth: --url --oauth writes entries without any bearer
// header (an OAuth client sends its own access token), replaces a header a
// former --bearer-env entry had, and says how each client signs in.
func TestConfigRemoteOAuth(t *testing.T) {
	clearEnv(t)
	const url = "https://mcp.example.com/mcp"
	want := map[string]string{
		"claude-code": "claude mcp add --transport http clerk https://mcp.example.com/mcp\n",
		"cursor":      `{"mcpServers":{"clerk":{"url":"https://mcp.example.com/mcp"}}}`,
		"windsurf":    `{"mcpServers":{"clerk":{"serverUrl":"https://mcp.example.com/mcp"}}}`,
		"vscode":      `{"servers":{"clerk":{"type":"http","url":"https://mcp.example.com/mcp"}}}`,
		"codex":       "[mcp_servers.clerk]\nurl = \"https://mcp.example.com/mcp\"\n",
	}
	for id, w := range want {
		code, stdout, stderr := configRun(t, "--client", id, "--url", url, "--oauth")
		require.Equal(t, 0, code, "%s: %s", id, stderr)
		if strings.HasPrefix(w, "{") {
			assert.JSONEq(t, w, stdout, id)
		} else {
			assert.Equal(t, w, stdout, id)
		}
		assert.NotContains(t, strings.ToLower(stdout), "authorization", id)
		assert.NotContains(t, stdout, "bearer", id)
		assert.Contains(t, stderr, "signs in through your browser", id)
	}
	_, _, stderr := configRun(t, "--client", "claude-code", "--url", url, "--oauth")
	assert.Contains(t, stderr, "run /mcp")
	_, _, stderr = configRun(t, "--client", "codex", "--url", url, "--oauth")
	assert.Contains(t, stderr, "codex mcp login clerk")

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--client", "cursor", "--oauth"}, "--oauth goes with --url"},
		{[]string{"--client", "cursor", "--url", url, "--oauth", "--bearer-env", "TOKEN"}, "--oauth and --bearer-env"},
	} {
		code, stdout, stderr := configRun(t, c.args...)
		assert.Equal(t, 2, code, "%v", c.args)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, c.want, "%v", c.args)
	}

	// From a static token to OAuth: the written entry loses its header.
	for _, id := range []string{"cursor", "vscode", "codex"} {
		path := filepath.Join(t.TempDir(), "cfg")
		code, _, stderr := configRun(t, "--client", id, "--write", "--file", path, "--url", url, "--bearer-env", "TOKEN")
		require.Equal(t, 0, code, stderr)
		require.Contains(t, strings.ToLower(readFile(t, path)), "bearer")
		code, _, stderr = configRun(t, "--client", id, "--write", "--file", path, "--url", url, "--oauth")
		require.Equal(t, 0, code, stderr)
		got := readFile(t, path)
		assert.NotContains(t, got, "TOKEN", id)
		assert.NotContains(t, got, "Authorization", id)
		assert.Contains(t, got, url, id)
	}
}
