package tools

import (
	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTokenBudgetAllTools holds the whole catalog to ≤ 100 tokens per tool
// on average. Over budget? Shorten descriptions and schemas, not the budget.
func TestTokenBudgetAllTools(t *testing.T) {
	type cost struct {
		name   string
		tokens int
	}
	var all []cost
	total := 0
	for _, op := range catalogOps() {
		def, err := Definition(op)
		require.NoError(t, err)
		n := Tokens(def)
		all = append(all, cost{op.Name, n})
		total += n
	}
	sort.Slice(all, func(i, j int) bool { return all[i].tokens > all[j].tokens })
	avg := float64(total) / float64(len(all))
	t.Logf("all %d tools: %d tokens, %.1f per tool; largest: %v", len(all), total, avg, all[:10])
	if avg > 100 {
		t.Errorf("average %.1f tokens per tool is over the budget of 100", avg)
	}
}

func surfaceTokens(t *testing.T, sel Selection) int {
	t.Helper()
	s, err := sel.Resolve(clerkapi.Catalog())
	require.NoError(t, err)
	total := 0
	for _, op := range s.Listed {
		def, err := Definition(op)
		require.NoError(t, err)
		total += Tokens(def)
	}
	if s.Discovery {
		for _, d := range DiscoveryDefinitions(s) {
			total += Tokens(d)
		}
	}
	return total
}

// TestTokenBudgetSurfaces holds the default surface (default set plus
// discovery) to 6,000 tokens and discovery alone to 1,000.
func TestTokenBudgetSurfaces(t *testing.T) {
	def := surfaceTokens(t, Selection{})
	only := surfaceTokens(t, Selection{Toolsets: []string{"none"}})
	t.Logf("default surface: %d tokens; discovery only: %d tokens", def, only)
	if def > 6000 {
		t.Errorf("default surface costs %d tokens, over the budget of 6,000", def)
	}
	if only > 1000 {
		t.Errorf("discovery alone costs %d tokens, over the budget of 1,000", only)
	}
}
