package main

import (
	"bytes"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/internal/golden"
)

// TestDockerfileBuildLine runs the Dockerfile's `go build` line exactly as
// written (output redirected to a temporary directory), so the image builds
// the binary the tests build: static (no interpreter), with -trimpath.
func TestDockerfileBuildLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	root := golden.Root(t)
	src, err := os.ReadFile(filepath.Join(root, "Dockerfile"))
	require.NoError(t, err)
	var line string
	for _, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(l, "RUN CGO_ENABLED=0 go build") {
			line = strings.TrimPrefix(l, "RUN ")
		}
	}
	require.NotEmpty(t, line, "the Dockerfile has no `RUN CGO_ENABLED=0 go build` line")
	require.Contains(t, line, "-trimpath")
	require.Contains(t, line, "-o /out/clerk-mcp ./cmd/clerk-mcp")
	out := filepath.Join(t.TempDir(), "clerk-mcp")
	cmd := exec.Command("sh", "-c", strings.Replace(line, "/out/clerk-mcp", out, 1))
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Run(), stderr.String())

	f, err := elf.Open(out)
	require.NoError(t, err)
	defer f.Close()
	for _, p := range f.Progs {
		assert.NotEqual(t, elf.PT_INTERP, p.Type, "the binary must be static")
	}
	v, err := exec.Command(out, "--version").Output()
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(v), "clerk-mcp "), string(v))
}
