// Package mcpb builds clerk-mcp.mcpb, the MCP Bundle Claude Desktop installs
// in one click: a zip holding manifest.json, the server binary for each
// platform (darwin, linux, windows × amd64, arm64) and a launcher per
// operating system that starts the binary of the machine's architecture
// (the manifest chooses by operating system only). The secret key is a
// sensitive user_config field (kept in the OS keychain by Claude Desktop);
// the sandbox and read-only mode are switches.
//
// Build it with `go run ./internal/mcpb/mkmcpb` (see the README).
package mcpb

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
)

// Platforms are the GOOS/GOARCH pairs the bundle carries a binary for.
var Platforms = []struct{ GOOS, GOARCH string }{
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"linux", "amd64"}, {"linux", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

// BinaryPath is a platform's binary inside the bundle.
func BinaryPath(goos, goarch string) string {
	name := "clerk-mcp"
	if goos == "windows" {
		name += ".exe"
	}
	return path.Join("server", goos+"-"+goarch, name)
}

// unixLauncher picks the binary by `uname -m` (Claude Desktop on macOS and
// Linux runs the manifest's command directly; the shebang makes it sh).
const unixLauncher = `#!/bin/sh
# Starts the clerk-mcp binary of this machine's operating system and architecture.
dir=$(cd "$(dirname "$0")" && pwd)
case "$(uname -s)" in Darwin) os=darwin ;; *) os=linux ;; esac
case "$(uname -m)" in arm64|aarch64) arch=arm64 ;; *) arch=amd64 ;; esac
exec "$dir/$os-$arch/clerk-mcp" "$@"
`

// windowsLauncher: cmd.exe runs it (PROCESSOR_ARCHITEW6432 is the machine's
// architecture when cmd itself runs emulated).
const windowsLauncher = "@echo off\r\n" +
	"rem Starts the clerk-mcp binary of this machine's architecture.\r\n" +
	"set arch=amd64\r\n" +
	"if /i \"%PROCESSOR_ARCHITECTURE%\"==\"ARM64\" set arch=arm64\r\n" +
	"if /i \"%PROCESSOR_ARCHITEW6432%\"==\"ARM64\" set arch=arm64\r\n" +
	"\"%~dp0windows-%arch%\\clerk-mcp.exe\" %*\r\n" +
	"exit /b %ERRORLEVEL%\r\n"

// ServerArgs are the server's arguments, from the user's settings
// (Claude Desktop substitutes ${user_config.NAME}).
var ServerArgs = []string{"--sandbox=${user_config.sandbox}", "--read-only=${user_config.read_only}"}

// Manifest returns manifest.json (MCPB manifest_version 0.3).
func Manifest(version string) ([]byte, error) {
	type obj = map[string]any
	m := obj{
		"manifest_version": "0.3",
		"name":             "clerk-mcp",
		"display_name":     "Clerk",
		"version":          version,
		"description":      "Manage your Clerk instance: users, organizations, invitations, sessions and every other Backend API operation.",
		"long_description": "All 249 Clerk Backend API operations as tools. Destructive operations (delete, ban, revoke, rotate) run only after your confirmation. Turn on the sandbox to try it without a Clerk account: an in-memory Clerk with sample users and organizations.",
		"author":           obj{"name": "clerk-mcp", "url": "https://github.com/clerk-mcp/clerk-mcp"},
		"repository":       obj{"type": "git", "url": "https://github.com/clerk-mcp/clerk-mcp"},
		"homepage":         "https://github.com/clerk-mcp/clerk-mcp#readme",
		"documentation":    "https://github.com/clerk-mcp/clerk-mcp#readme",
		"license":          "MIT",
		"keywords":         []string{"clerk", "auth", "users", "organizations"},
		"server": obj{
			"type":        "binary",
			"entry_point": "server/clerk-mcp",
			"mcp_config": obj{
				"command": "${__dirname}/server/clerk-mcp",
				"args":    ServerArgs,
				"env":     obj{"CLERK_SECRET_KEY": "${user_config.secret_key}"},
				"platform_overrides": obj{
					"win32": obj{
						"command": "cmd.exe",
						"args":    append([]string{"/d", "/c", "${__dirname}\\server\\clerk-mcp.cmd"}, ServerArgs...),
					},
				},
			},
		},
		"tools_generated":   true,
		"prompts_generated": true,
		"compatibility":     obj{"platforms": []string{"darwin", "win32", "linux"}},
		"user_config": obj{
			"secret_key": obj{
				"type": "string", "title": "Clerk secret key", "sensitive": true, "required": false,
				"description": "Your instance's secret key (Clerk dashboard → API keys): sk_test_… for a development instance, sk_live_… for production. Not needed with the sandbox.",
			},
			"sandbox": obj{
				"type": "boolean", "title": "Sandbox", "default": false,
				"description": "Serve an in-memory Clerk with sample data instead of your instance: nothing real is changed.",
			},
			"read_only": obj{
				"type": "boolean", "title": "Read only", "default": false,
				"description": "Offer only tools that read.",
			},
		},
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Builder compiles the server for goos/goarch into the file dst.
type Builder func(goos, goarch, dst string) error

// Write builds the bundle into w: the manifest, the launchers and a binary
// per platform, built by build into tmp.
func Write(w io.Writer, version, tmp string, build Builder) error {
	manifest, err := Manifest(version)
	if err != nil {
		return err
	}
	z := zip.NewWriter(w)
	add := func(name string, mode os.FileMode, r io.Reader) error {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate}
		h.SetMode(mode)
		f, err := z.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = io.Copy(f, r)
		return err
	}
	if err := add("manifest.json", 0o644, bytes.NewReader(manifest)); err != nil {
		return err
	}
	if err := add("server/clerk-mcp", 0o755, bytes.NewReader([]byte(unixLauncher))); err != nil {
		return err
	}
	if err := add("server/clerk-mcp.cmd", 0o644, bytes.NewReader([]byte(windowsLauncher))); err != nil {
		return err
	}
	for _, p := range Platforms {
		dst := path.Join(tmp, p.GOOS+"-"+p.GOARCH)
		if err := build(p.GOOS, p.GOARCH, dst); err != nil {
			return fmt.Errorf("building %s/%s: %w", p.GOOS, p.GOARCH, err)
		}
		f, err := os.Open(dst)
		if err != nil {
			return err
		}
		err = add(BinaryPath(p.GOOS, p.GOARCH), 0o755, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return z.Close()
}
