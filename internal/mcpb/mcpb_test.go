package mcpb

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "github.com/clerk-mcp/clerk-mcp/internal/golden" // -update, as in every package
)

// mcpbCLI is the bundle tool the manifest is validated with (npm package
// checked with `npm view @anthropic-ai/mcpb`).
const mcpbCLI = "@anthropic-ai/mcpb@2.1.2"

// TestManifestValidates runs the official validator on the manifest.
func TestManifestValidates(t *testing.T) {
	npx, err := exec.LookPath("npx")
	if err != nil {
		t.Skip("Node.js (npx) is not installed: the manifest is validated with `npx " + mcpbCLI + " validate` where it is")
	}
	if testing.Short() {
		t.Skip("runs npx")
	}
	m, err := Manifest("0.1.0")
	require.NoError(t, err)
	dir := t.TempDir()
	path := filepath.Join(dir, "manifest.json")
	require.NoError(t, os.WriteFile(path, m, 0o644))
	ctx, cancel := context.WithTimeout(t.Context(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, npx, "--yes", mcpbCLI, "validate", path)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "mcpb validate:\n%s", out)
	assert.Contains(t, strings.ToLower(string(out)), "valid", "%s", out)
}

func TestManifestConfig(t *testing.T) {
	m, err := Manifest("1.2.3")
	require.NoError(t, err)
	var doc struct {
		Version string
		Server  struct {
			EntryPoint string `json:"entry_point"`
			MCPConfig  struct {
				Command           string
				Args              []string
				Env               map[string]string
				PlatformOverrides map[string]struct {
					Command string
					Args    []string
				} `json:"platform_overrides"`
			} `json:"mcp_config"`
		}
		UserConfig map[string]struct {
			Type      string
			Sensitive bool
			Required  bool
			Default   any
		} `json:"user_config"`
	}
	require.NoError(t, json.Unmarshal(m, &doc))
	assert.Equal(t, "1.2.3", doc.Version)
	key := doc.UserConfig["secret_key"]
	assert.True(t, key.Sensitive, "the secret key is a sensitive field (kept in the OS keychain)")
	assert.Equal(t, "string", key.Type)
	assert.False(t, key.Required, "the sandbox needs no key")
	assert.Equal(t, map[string]string{"CLERK_SECRET_KEY": "${user_config.secret_key}"}, doc.Server.MCPConfig.Env)
	assert.Equal(t, "boolean", doc.UserConfig["sandbox"].Type)
	assert.Equal(t, false, doc.UserConfig["sandbox"].Default)
	for name := range doc.UserConfig {
		if name == "secret_key" {
			continue
		}
		used := strings.Contains(strings.Join(doc.Server.MCPConfig.Args, " "), "${user_config."+name+"}")
		assert.True(t, used, "user_config %s reaches the server's arguments", name)
	}
	assert.Equal(t, "${__dirname}/"+doc.Server.EntryPoint, doc.Server.MCPConfig.Command)
	win := doc.Server.MCPConfig.PlatformOverrides["win32"]
	assert.Equal(t, "cmd.exe", win.Command)
	assert.Equal(t, doc.Server.MCPConfig.Args, win.Args[len(win.Args)-len(doc.Server.MCPConfig.Args):], "same server arguments on Windows")
}

// bundle builds a bundle with stand-in binaries (shell scripts that say
// which one they are) and returns its files.
func bundle(t *testing.T) map[string]*zip.File {
	t.Helper()
	var buf bytes.Buffer
	tmp := t.TempDir()
	require.NoError(t, Write(&buf, "0.1.0", tmp, func(goos, goarch, dst string) error {
		return os.WriteFile(dst, []byte("#!/bin/sh\necho "+goos+"-"+goarch+" \"$@\"\n"), 0o755)
	}))
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	return files
}

func TestBundleLayout(t *testing.T) {
	files := bundle(t)
	want, err := Manifest("0.1.0")
	require.NoError(t, err)
	require.Contains(t, files, "manifest.json")
	rc, err := files["manifest.json"].Open()
	require.NoError(t, err)
	got, _ := io.ReadAll(rc)
	assert.Equal(t, string(want), string(got))
	for _, p := range Platforms {
		f, ok := files[BinaryPath(p.GOOS, p.GOARCH)]
		require.True(t, ok, "%s/%s binary", p.GOOS, p.GOARCH)
		assert.Equal(t, os.FileMode(0o755), f.Mode().Perm(), "%s/%s executable", p.GOOS, p.GOARCH)
	}
	assert.Len(t, Platforms, 6)
	require.Contains(t, files, "server/clerk-mcp", "the entry point (unix launcher)")
	assert.Equal(t, os.FileMode(0o755), files["server/clerk-mcp"].Mode().Perm())
	require.Contains(t, files, "server/clerk-mcp.cmd", "the Windows launcher")
	assert.Contains(t, windowsLauncher, `windows-%arch%\clerk-mcp.exe`)
	assert.Contains(t, BinaryPath("windows", "arm64"), "windows-arm64/clerk-mcp.exe")
}

// The unix launcher starts this machine's binary with the arguments given.
func TestUnixLauncherPicksTheBinary(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("a unix launcher")
	}
	dir := t.TempDir()
	for name, f := range bundle(t) {
		if !strings.HasPrefix(name, "server/") {
			continue
		}
		dst := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(dst), 0o755))
		rc, err := f.Open()
		require.NoError(t, err)
		b, _ := io.ReadAll(rc)
		require.NoError(t, os.WriteFile(dst, b, f.Mode().Perm()))
	}
	out, err := exec.Command(filepath.Join(dir, "server", "clerk-mcp"), "--sandbox=true", "a b").Output()
	require.NoError(t, err)
	assert.Equal(t, runtime.GOOS+"-"+runtime.GOARCH+" --sandbox=true a b\n", string(out))
}
