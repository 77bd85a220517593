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
	"github.com/clerk-mcp/clerk-mcp/internal/textblock"
)

// The README's generated parts: each lives between two markers and is
// rewritten by `go test ./tools -update`; a stale one fails.
func TestReadmeGenerated(t *testing.T) {
	raw := golden.UsersPage(t, 100)
	text, err := textblock.Render(raw, textblock.Paging{Limit: 100}, 0)
	require.NoError(t, err)
	saved := 100 * (1 - float64(len(text))/float64(len(raw)))
	readmeSection(t, "<!-- toolsets:start -->\n", "<!-- toolsets:end -->", ToolsetTable(clerkapi.Catalog()))
	readmeSection(t, "<!-- budgets:start -->\n", "<!-- budgets:end -->", budgetTable(t))
	readmeSection(t, "<!-- compaction -->", "<!-- /compaction -->", fmt.Sprintf("%.0f%%", saved))
}

func readmeSection(t *testing.T, start, end, content string) {
	t.Helper()
	path := filepath.Join(golden.Root(t), "README.md")
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	i, j := strings.Index(string(src), start), strings.Index(string(src), end)
	require.True(t, i >= 0 && j > i, "README.md lacks the markers %q … %q", start, end)
	want := string(src[:i+len(start)]) + content + string(src[j:])
	if golden.Update() {
		require.NoError(t, os.WriteFile(path, []byte(want), 0o644))
		return
	}
	require.Equal(t, want, string(src), "a generated README section is stale: run go test ./tools -update")
}

func budgetTable(t *testing.T) string {
	all := surfaceTokens(t, Selection{Toolsets: []string{"all"}, NoDiscovery: true})
	n := len(clerkapi.Catalog())
	def := surfaceTokens(t, Selection{})
	only := surfaceTokens(t, Selection{Toolsets: []string{"none"}})
	return fmt.Sprintf("| surface | tools | tokens | budget |\n|---|---|---|---|\n"+
		"| every operation (`--toolsets all --discovery=false`) | %d | %d (%.1f per tool) | ≤ 100 per tool |\n"+
		"| default surface: default set + discovery | %d | %d | ≤ 6,000 |\n"+
		"| discovery only (`--toolsets none`) | 3 | %d | ≤ 1,000 |\n",
		n, all, float64(all)/float64(n), len(DefaultTools)+3, def, only)
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
