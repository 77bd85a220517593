// Package clientconfig is the `clerk-mcp config` subcommand: `clerk-mcp
// config --client X` prints, or with --write merges into the client's own
// file, the configuration that starts this server from an MCP client. The
// secret key is referenced by name (each client's own variable or input
// syntax) and only written when --with-secret asks for it.
//
// Files by concern: clients.go (the client table and where each keeps its
// file), command.go (the subcommand's flags and what they configure),
// jsonmerge.go and tomlmerge.go (merging into an existing file, keeping the
// rest of it), write.go (backup and atomic write).
package clientconfig

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// ModulePath is the Go module the configuration installs or runs.
const ModulePath = "github.com/clerk-mcp/clerk-mcp"

const (
	secretEnv    = "CLERK_SECRET_KEY"
	defaultImage = "clerk-mcp"
)

// executable returns this binary's absolute path with symlinks resolved; a
// variable so tests can pin it.
var executable = func() (string, error) {
	p, err := os.Executable()
	if err != nil {
		return "", err
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	return filepath.Abs(p)
}

// goRunBuild reports whether exe is a binary `go run` built: in a go-build*
// directory under the temporary directory ($GOTMPDIR), or in the build cache.
func goRunBuild(exe string) bool {
	for _, part := range strings.Split(filepath.ToSlash(exe), "/") {
		if strings.HasPrefix(part, "go-build") {
			return true
		}
	}
	if cache := os.Getenv("GOCACHE"); cache != "" && strings.HasPrefix(exe, filepath.Clean(cache)+string(filepath.Separator)) {
		return true
	}
	return false
}

// sourceFile is this file's path as compiled (empty under -trimpath); a
// variable so tests can pin it.
var sourceFile = func() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok || !filepath.IsAbs(file) {
		return ""
	}
	return file
}

// moduleRoot finds this module's source: the directory holding its go.mod,
// above the working directory (where `go run ./cmd/clerk-mcp` ran, or -C's
// directory) or above the compiled source file. "" when neither has it.
func moduleRoot() string {
	var starts []string
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	if f := sourceFile(); f != "" {
		starts = append(starts, filepath.Dir(f))
	}
	for _, dir := range starts {
		for {
			if isModuleRoot(dir) {
				return dir
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return ""
}

// isModuleRoot: dir/go.mod declares this module.
func isModuleRoot(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "module" && strings.Trim(f[1], `"`) == ModulePath {
			return true
		}
	}
	return false
}

// now stamps backup file names.
var now = time.Now

// clientKind is how a client's configuration is laid out.
type clientKind int

const (
	jsonMCPServers clientKind = iota // {"mcpServers": {name: {command, args, env}}}
	jsonVSCode                       // {"inputs": [...], "servers": {name: {type, command, args, env}}}
	tomlCodex                        // [mcp_servers.name] command, args, env_vars / [mcp_servers.name.env]
)

type clientInfo struct {
	id    string
	title string
	kind  clientKind
	// typeStdio adds "type": "stdio" to the entry.
	typeStdio bool
	// placeholder is the key's value when --with-secret is not given: the
	// client's own reference to an environment variable, or a marker to
	// replace where the client expands none.
	placeholder string
	// file is the configuration file at its standard location.
	file func() (string, error)
	// note tells the user what happens to the key, printed on stderr.
	note string
	// urlKey holds a remote server's URL ("" : the client's file has no
	// remote servers); bearer references the token's environment variable.
	urlKey string
	bearer func(env string) string
	// project: the standard file belongs to the project in the working
	// directory (shared with everyone who clones it).
	project bool
}

var clients = []*clientInfo{
	{
		id: "claude-desktop", title: "Claude Desktop", kind: jsonMCPServers,
		placeholder: "REPLACE_WITH_YOUR_CLERK_SECRET_KEY",
		file: func() (string, error) {
			return claudeDesktopPath(runtime.GOOS, os.Getenv("HOME"), os.Getenv("APPDATA"), os.Getenv("XDG_CONFIG_HOME"))
		},
		note: "Claude Desktop expands no environment variables: replace REPLACE_WITH_YOUR_CLERK_SECRET_KEY with your key (sk_test_… or sk_live_…) in the file, or run again with --with-secret. Then restart Claude Desktop.",
	},
	{
		id: "claude-code", title: "Claude Code", kind: jsonMCPServers, typeStdio: true,
		placeholder: "${" + secretEnv + "}",
		file:        func() (string, error) { return filepath.Abs(".mcp.json") },
		note:        "Claude Code expands ${CLERK_SECRET_KEY} from its own environment when it starts the server: export CLERK_SECRET_KEY before starting claude.",
		urlKey:      "url",
		bearer:      func(env string) string { return "${" + env + "}" },
		project:     true,
	},
	{
		id: "cursor", title: "Cursor", kind: jsonMCPServers,
		placeholder: "${env:" + secretEnv + "}",
		file:        homeFile(".cursor", "mcp.json"),
		note:        "Cursor reads ${env:CLERK_SECRET_KEY} from the environment it was started in (on macOS, start it from a shell where the key is exported), or run again with --with-secret.",
		urlKey:      "url",
		bearer:      func(env string) string { return "${env:" + env + "}" },
	},
	{
		id: "vscode", title: "VS Code", kind: jsonVSCode, typeStdio: true,
		file:    func() (string, error) { return filepath.Abs(filepath.Join(".vscode", "mcp.json")) },
		note:    "VS Code asks for the key the first time it starts the server (a password prompt) and stores it in its secret storage.",
		urlKey:  "url",
		project: true,
	},
	{
		id: "windsurf", title: "Windsurf", kind: jsonMCPServers,
		placeholder: "${env:" + secretEnv + "}",
		file:        homeFile(".codeium", "windsurf", "mcp_config.json"),
		note:        "Windsurf reads ${env:CLERK_SECRET_KEY} from the environment it was started in, or run again with --with-secret.",
		urlKey:      "serverUrl",
		bearer:      func(env string) string { return "${env:" + env + "}" },
	},
	{
		id: "codex", title: "Codex", kind: tomlCodex,
		file:   codexPath,
		note:   "Codex forwards CLERK_SECRET_KEY from its own environment to the server (env_vars): export it before starting codex, or run again with --with-secret.",
		urlKey: "url",
	},
}

func clientByID(id string) *clientInfo {
	for _, c := range clients {
		if c.id == id {
			return c
		}
	}
	return nil
}

func clientIDs() string {
	var ids []string
	for _, c := range clients {
		ids = append(ids, c.id)
	}
	return strings.Join(ids, ", ")
}

func homeFile(parts ...string) func() (string, error) {
	return func() (string, error) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(append([]string{home}, parts...)...), nil
	}
}

// claudeDesktopPath is claude_desktop_config.json's standard location:
// ~/Library/Application Support/Claude on macOS, %APPDATA%\Claude on
// Windows, ~/.config/Claude ($XDG_CONFIG_HOME/Claude) elsewhere.
func claudeDesktopPath(goos, home, appData, xdgConfig string) (string, error) {
	const file = "claude_desktop_config.json"
	switch goos {
	case "darwin":
		if home == "" {
			return "", errors.New("$HOME is not set")
		}
		return filepath.Join(home, "Library", "Application Support", "Claude", file), nil
	case "windows":
		if appData == "" {
			return "", errors.New("%APPDATA% is not set")
		}
		return filepath.Join(appData, "Claude", file), nil
	}
	if xdgConfig != "" {
		return filepath.Join(xdgConfig, "Claude", file), nil
	}
	if home == "" {
		return "", errors.New("$HOME is not set")
	}
	return filepath.Join(home, ".config", "Claude", file), nil
}

// codexPath is $CODEX_HOME/config.toml, by default ~/.codex/config.toml.
func codexPath() (string, error) {
	if h := os.Getenv("CODEX_HOME"); h != "" {
		return filepath.Join(h, "config.toml"), nil
	}
	return homeFile(".codex", "config.toml")()
}
