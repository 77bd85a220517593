package clientconfig

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tailscale/hujson"
)

// configRunAs runs `clerk-mcp config …` as the binary exe, with this
// package's compiled source at src ("" : built with -trimpath).
func configRunAs(t *testing.T, exe, src string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	oldExe, oldNow, oldSrc := executable, now, sourceFile
	executable = func() (string, error) { return exe, nil }
	sourceFile = func() string { return src }
	now = func() time.Time { return time.Date(2026, 5, 12, 9, 30, 0, 0, time.UTC) }
	defer func() { executable, now, sourceFile = oldExe, oldNow, oldSrc }()
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// fakeModule makes a checkout of this module (its go.mod) in a temporary
// directory and returns its root.
func fakeModule(t *testing.T) string {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	require.NoError(t, err)
	writeFile(t, filepath.Join(root, "go.mod"), "module "+ModulePath+"\n\ngo 1.26\n")
	require.NoError(t, os.MkdirAll(filepath.Join(root, "cmd", "clerk-mcp"), 0o755))
	return root
}

func cursorEntry(t *testing.T, path string) (string, []string) {
	t.Helper()
	var doc struct {
		MCPServers map[string]struct {
			Command string   `json:"command"`
			Args    []string `json:"args"`
		} `json:"mcpServers"`
	}
	require.NoError(t, json.Unmarshal([]byte(readFile(t, path)), &doc))
	return doc.MCPServers["clerk"].Command, doc.MCPServers["clerk"].Args
}

// Under `go run` the executable is deleted when go exits: the entry runs the
// module's source with `go -C <root> run ./cmd/clerk-mcp`, never the
// temporary path.
func TestConfigGoRunWritesGoC(t *testing.T) {
	clearEnv(t)
	t.Setenv("HOME", t.TempDir())
	root := fakeModule(t)
	cache := t.TempDir()
	t.Setenv("GOCACHE", cache)
	for _, exe := range []string{
		filepath.Join(os.TempDir(), "go-build2290707337", "b001", "exe", "clerk-mcp"),
		filepath.Join(cache, "3f", "3fa9c0-d", "clerk-mcp"),
	} {
		// From the module's directory (go run ./cmd/clerk-mcp), from a
		// subdirectory, and from elsewhere with the compiled source found.
		for _, c := range []struct{ wd, src string }{
			{root, ""},
			{filepath.Join(root, "cmd", "clerk-mcp"), ""},
			{t.TempDir(), filepath.Join(root, "internal", "clientconfig", "clients.go")},
		} {
			t.Chdir(c.wd)
			path := filepath.Join(t.TempDir(), "mcp.json")
			code, stdout, stderr := configRunAs(t, exe, c.src, "--client", "cursor", "--write", "--file", path, "--sandbox")
			require.Equal(t, 0, code, stderr)
			assert.Contains(t, stdout, "created "+path)
			cmd, args := cursorEntry(t, path)
			assert.Equal(t, "go", cmd, exe)
			assert.Equal(t, []string{"-C", root, "run", "./cmd/clerk-mcp", "--sandbox"}, args, "%s from %s", exe, c.wd)
			assert.NotContains(t, readFile(t, path), exe, "never the temporary path")
			assert.Contains(t, stderr, "the entry runs the source in "+root)
		}
	}

	// Printing goes the same way (Claude Code's line).
	t.Chdir(root)
	code, stdout, _ := configRunAs(t, filepath.Join(os.TempDir(), "go-build1", "b001", "exe", "clerk-mcp"), "", "--client", "claude-code", "--sandbox")
	require.Equal(t, 0, code)
	assert.Equal(t, "claude mcp add clerk -- go -C "+shellQuote(root)+" run ./cmd/clerk-mcp --sandbox\n", stdout)

	// A binary that is not a go run build keeps its own path.
	path := filepath.Join(t.TempDir(), "mcp.json")
	code, _, stderr := configRunAs(t, "/usr/local/bin/clerk-mcp", "", "--client", "cursor", "--write", "--file", path)
	require.Equal(t, 0, code, stderr)
	cmd, _ := cursorEntry(t, path)
	assert.Equal(t, "/usr/local/bin/clerk-mcp", cmd)
}

// Without the source at hand (-trimpath, run from elsewhere) it refuses and
// names the commands to run instead; nothing is written.
func TestConfigGoRunWithoutSourceRefuses(t *testing.T) {
	clearEnv(t)
	t.Setenv("HOME", t.TempDir())
	t.Chdir(t.TempDir())
	path := filepath.Join(t.TempDir(), "mcp.json")
	exe := filepath.Join(os.TempDir(), "go-build42", "b001", "exe", "clerk-mcp")
	code, stdout, stderr := configRunAs(t, exe, "", "--client", "cursor", "--write", "--file", path, "--sandbox")
	assert.Equal(t, 2, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "temporary `go run` build")
	assert.Contains(t, stderr, "go install "+ModulePath+"/cmd/clerk-mcp@latest")
	assert.Contains(t, stderr, "clerk-mcp config --client cursor --write --file "+path+" --sandbox", "the exact command to run instead")
	assert.NoFileExists(t, path)
}

// --with-secret never writes the key into a project's file (one a
// repository shares) unless --file names another file.
func TestConfigWithSecretRefusesProjectFiles(t *testing.T) {
	clearEnv(t)
	const key = "sk_test_pr0jectLEAK"
	t.Setenv(secretEnv, key)
	home, err := filepath.EvalSymlinks(t.TempDir())
	require.NoError(t, err)
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	project := filepath.Join(home, "src", "app")
	require.NoError(t, os.MkdirAll(filepath.Join(project, ".git"), 0o755))
	plain := t.TempDir() // no repository
	t.Chdir(project)
	for _, c := range []struct {
		args []string
		path string
	}{
		{[]string{"--client", "claude-code"}, filepath.Join(project, ".mcp.json")},
		{[]string{"--client", "vscode"}, filepath.Join(project, ".vscode", "mcp.json")},
		{[]string{"--client", "cursor", "--file", filepath.Join(project, ".cursor", "mcp.json")}, filepath.Join(project, ".cursor", "mcp.json")},
		{[]string{"--client", "cursor", "--file", filepath.Join(project, "config", "private.json")}, filepath.Join(project, "config", "private.json")},
		{[]string{"--client", "claude-code", "--file", filepath.Join(plain, ".mcp.json")}, filepath.Join(plain, ".mcp.json")},
		{[]string{"--client", "vscode", "--file", filepath.Join(plain, ".vscode", "mcp.json")}, filepath.Join(plain, ".vscode", "mcp.json")},
	} {
		args := append(c.args, "--write", "--with-secret")
		code, stdout, stderr := configRun(t, args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, "--with-secret would write your secret key into "+c.path, "%v", args)
		assert.Contains(t, stderr, "--file")
		assert.NotContains(t, stderr, key)
		assert.NoFileExists(t, c.path, "nothing written")
	}
	// A private file named with --file, and the user-level files, take it.
	for _, args := range [][]string{
		{"--client", "claude-code", "--file", filepath.Join(plain, "claude-private.json")},
		{"--client", "vscode", "--file", filepath.Join(home, ".config", "Code", "User", "mcp.json")},
		{"--client", "cursor"},
		{"--client", "claude-desktop"},
	} {
		code, _, stderr := configRun(t, append(args, "--write", "--with-secret")...)
		require.Equal(t, 0, code, "%v: %s", args, stderr)
	}
	assert.Contains(t, readFile(t, filepath.Join(home, ".cursor", "mcp.json")), key)
	// Without --with-secret the project file is fine: it holds a reference.
	code, _, stderr := configRun(t, "--client", "claude-code", "--write")
	require.Equal(t, 0, code, stderr)
	assert.NotContains(t, readFile(t, filepath.Join(project, ".mcp.json")), key)
}

func TestConfigSaysUpdatedOrAdded(t *testing.T) {
	clearEnv(t)
	for _, c := range clients {
		path := filepath.Join(t.TempDir(), "config")
		code, stdout, _ := configRun(t, "--client", c.id, "--write", "--file", path)
		require.Equal(t, 0, code)
		assert.Contains(t, stdout, "created "+path, c.id)
		code, stdout, _ = configRun(t, "--client", c.id, "--write", "--file", path, "--name", "clerk-prod")
		require.Equal(t, 0, code)
		assert.Contains(t, stdout, `added "clerk-prod" to `+path, c.id)
		code, stdout, _ = configRun(t, "--client", c.id, "--write", "--file", path, "--read-only")
		require.Equal(t, 0, code)
		assert.Contains(t, stdout, `updated "clerk" in `+path, c.id)
		assert.NotContains(t, stdout, "added", c.id)
		code, stdout, _ = configRun(t, "--client", c.id, "--write", "--file", path, "--read-only")
		require.Equal(t, 0, code)
		assert.Contains(t, stdout, "nothing to do", c.id)
	}
}

// Real files are JSON with comments and trailing commas (VS Code's mcp.json
// is JSONC; Cursor and Claude Desktop read theirs leniently too): the entry
// is merged and every comment, comma and space of the rest stays.
func TestConfigWriteKeepsJSONCComments(t *testing.T) {
	clearEnv(t)
	for _, c := range []struct {
		client, name, orig, want string
	}{
		{"vscode", "mcp.json", `{
	// 💡 Inputs are prompted on first server start, then stored securely by VS Code.
	"inputs": [
		{
			"type": "promptString",
			"id": "github_token",
			"description": "GitHub Personal Access Token",
			"password": true,
		},
	],
	"servers": {
		// https://github.com/github/github-mcp-server
		"github": {
			"type": "http",
			"url": "https://api.githubcopilot.com/mcp/",
		},
		/* local tools */
		"fetch": {
			"type": "stdio",
			"command": "uvx",
			"args": ["mcp-server-fetch"], // pinned later
		},
	},
}
`, `{
	// 💡 Inputs are prompted on first server start, then stored securely by VS Code.
	"inputs": [
		{
			"type": "promptString",
			"id": "github_token",
			"description": "GitHub Personal Access Token",
			"password": true,
		},
		{
			"type": "promptString",
			"id": "clerk-secret-key",
			"description": "Clerk secret key (sk_test_… or sk_live_…)",
			"password": true
		},
	],
	"servers": {
		// https://github.com/github/github-mcp-server
		"github": {
			"type": "http",
			"url": "https://api.githubcopilot.com/mcp/",
		},
		/* local tools */
		"fetch": {
			"type": "stdio",
			"command": "uvx",
			"args": ["mcp-server-fetch"], // pinned later
		},
		"clerk": {
			"type": "stdio",
			"command": "/opt/clerk/bin/clerk-mcp",
			"args": [
				"--read-only"
			],
			"env": {
				"CLERK_SECRET_KEY": "${input:clerk-secret-key}"
			}
		},
	},
}
`},
		{"cursor", "mcp.json", `{
  "mcpServers": {
    // Linear's hosted server
    "linear": {
      "url": "https://mcp.linear.app/sse"
    },
    "clerk": {
      "command": "/old/clerk-mcp", // the old build
      "args": ["--toolsets", "all"],
      "env": {
        "CLERK_SECRET_KEY": "${env:CLERK_SECRET_KEY}",
        // staging
        "CLERK_API_URL": "https://api.clerk.dev/v1",
      },
    },
  },
}
`, `{
  "mcpServers": {
    // Linear's hosted server
    "linear": {
      "url": "https://mcp.linear.app/sse"
    },
    "clerk": {
      "command": "/opt/clerk/bin/clerk-mcp", // the old build
      "args": ["--read-only"],
      "env": {
        "CLERK_SECRET_KEY": "${env:CLERK_SECRET_KEY}",
        // staging
        "CLERK_API_URL": "https://api.clerk.dev/v1",
      },
    },
  },
}
`},
		{"claude-desktop", "claude_desktop_config.json", `{
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": [
        "-y",
        "@modelcontextprotocol/server-filesystem",
        "/Users/ann/Desktop", // temporary
      ]
    } // more to come
  },
  /* set by the app */
  "globalShortcut": ""
}`, `{
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": [
        "-y",
        "@modelcontextprotocol/server-filesystem",
        "/Users/ann/Desktop", // temporary
      ]
    }, // more to come
    "clerk": {
      "command": "/opt/clerk/bin/clerk-mcp",
      "args": [
        "--read-only"
      ],
      "env": {
        "CLERK_SECRET_KEY": "REPLACE_WITH_YOUR_CLERK_SECRET_KEY"
      }
    }
  },
  /* set by the app */
  "globalShortcut": ""
}`},
	} {
		path := filepath.Join(t.TempDir(), c.name)
		writeFile(t, path, c.orig)
		code, _, stderr := configRun(t, "--client", c.client, "--write", "--file", path, "--read-only")
		require.Equal(t, 0, code, "%s: %s", c.client, stderr)
		got := readFile(t, path)
		assert.Equal(t, c.want, got, c.client)
		assert.Equal(t, c.orig, readFile(t, backups(t, path)[0]), "%s: the backup is the original", c.client)
		_, err := hujson.Standardize([]byte(got))
		require.NoError(t, err, "%s: still parses", c.client)

		// Again: nothing to do; then back to no flags: only the entry moves.
		code, stdout, _ := configRun(t, "--client", c.client, "--write", "--file", path, "--read-only")
		require.Equal(t, 0, code)
		assert.Contains(t, stdout, "nothing to do", c.client)
		code, stdout, _ = configRun(t, "--client", c.client, "--write", "--file", path)
		require.Equal(t, 0, code)
		assert.Contains(t, stdout, `updated "clerk" in`, c.client)
		again := readFile(t, path)
		for _, line := range strings.Split(c.orig, "\n") {
			if i := strings.Index(line, "//"); i >= 0 && !strings.Contains(line, "http") {
				assert.Contains(t, again, strings.TrimSpace(line[i:]), "%s: comment kept", c.client)
			}
		}
		assert.NotContains(t, again, "--read-only", c.client)
	}
}
