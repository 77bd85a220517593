package tools

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/golden"
)

// TestReadmeToolsets keeps the README's toolset table equal to the catalog.
// `go test ./tools -update` rewrites it.
func TestReadmeToolsets(t *testing.T) {
	path := filepath.Join(golden.Root(t), "README.md")
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	const start, end = "<!-- toolsets:start -->\n", "<!-- toolsets:end -->"
	i, j := strings.Index(string(src), start), strings.Index(string(src), end)
	require.True(t, i >= 0 && j > i, "README.md lacks the toolsets markers")
	want := string(src[:i+len(start)]) + ToolsetTable(clerkapi.Catalog()) + string(src[j:])
	if golden.Update() {
		require.NoError(t, os.WriteFile(path, []byte(want), 0o644))
		return
	}
	require.Equal(t, want, string(src), "the README toolset table is stale: run go test ./tools -update")
}

// ToolsetTable renders the toolsets with their tool counts per kind.
func ToolsetTable(ops []clerkapi.Operation) string {
	type row struct{ read, write, destructive, deprecated, secret int }
	var order []string
	rows := map[string]*row{}
	total := &row{}
	for i := range ops {
		op := &ops[i]
		r, ok := rows[op.Toolset]
		if !ok {
			r = &row{}
			rows[op.Toolset] = r
			order = append(order, op.Toolset)
		}
		for _, x := range []*row{r, total} {
			switch op.Kind() {
			case clerkapi.Read:
				x.read++
			case clerkapi.Write:
				x.write++
			default:
				x.destructive++
			}
			if op.Deprecated {
				x.deprecated++
			}
			if op.Secret {
				x.secret++
			}
		}
	}
	var sb strings.Builder
	sb.WriteString("| toolset | tools | read | write | destructive | deprecated | return secrets |\n|---|---|---|---|---|---|---|\n")
	line := func(name string, r *row) {
		fmt.Fprintf(&sb, "| %s | %d | %d | %d | %d | %d | %d |\n", name, r.read+r.write+r.destructive, r.read, r.write, r.destructive, r.deprecated, r.secret)
	}
	for _, name := range order {
		line("`"+name+"`", rows[name])
	}
	line("**all**", total)
	return sb.String()
}
