package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/golden"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

// A count the README or server.json states, found by the exact phrase
// around it (%d marks the number) and rewritten in place by -update. Every
// mention of the operation count belongs here (or in a generated section),
// so a new operation needs no hand edit: TestCountsFollowAnExtraOperation.
type countPhrase struct {
	format string
	n      int
}

type catalogCounts struct{ operations, secret, defaultSet, defaultSurface int }

func counts(t *testing.T) catalogCounts {
	t.Helper()
	ops := clerkapi.Catalog()
	c := catalogCounts{operations: len(ops)}
	for _, op := range ops {
		if op.Secret {
			c.secret++
		}
	}
	def, err := tools.Selection{}.Resolve(ops)
	require.NoError(t, err)
	c.defaultSet, c.defaultSurface = len(def.Listed), len(listedTools(def))
	return c
}

func serverJSONCounts(c catalogCounts) []countPhrase {
	return []countPhrase{{"All %d Clerk Backend API operations", c.operations}}
}

func readmeCounts(c catalogCounts) []countPhrase {
	return []countPhrase{
		{"agent's hands: %d tools", c.operations},
		{"Keep the default surface (%d tools)", c.defaultSurface},
		{"%d tools are about twice what VS Code accepts", c.operations},
		{"**default set** of %d everyday tools", c.defaultSet},
		{"%d operations return a credential", c.secret},
		{"`initialize` answered, %d tools registered", c.operations},
		{"`tools/list` of all %d tools", c.operations},
		{"registering %d tools", c.operations},
		{"`ToolsList` (%d tools)", c.operations},
	}
}

// restate rewrites each phrase's number in src; a phrase not found is an
// error naming it.
func restate(src string, phrases []countPhrase) (string, []string) {
	var missing []string
	for _, p := range phrases {
		before, after, _ := strings.Cut(p.format, "%d")
		re := regexp.MustCompile(regexp.QuoteMeta(before) + `\d[\d,]*` + regexp.QuoteMeta(after))
		if !re.MatchString(src) {
			missing = append(missing, p.format)
			continue
		}
		src = re.ReplaceAllLiteralString(src, fmt.Sprintf(p.format, p.n))
	}
	return src, missing
}

// checkCounts holds the stated counts of a file at the root to phrases, or
// rewrites them with -update.
func checkCounts(t *testing.T, file string, phrases []countPhrase) {
	t.Helper()
	path := filepath.Join(golden.Root(t), file)
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	src := string(raw)
	want, missing := restate(src, phrases)
	for _, m := range missing {
		t.Errorf("%s no longer says %q: restore the phrase, or change it in the phrase table of counts_test.go", file, m)
	}
	if want == src {
		return
	}
	if golden.Update() {
		require.NoError(t, os.WriteFile(path, []byte(want), 0o644))
		return
	}
	t.Errorf("%s states counts the catalog does not have: run `go test ./cmd/clerk-mcp -update` (or `go test ./... -update`) and review the diff\n%s", file, golden.Diff(want, src))
}

func TestReadmeCountsStayTrue(t *testing.T) {
	checkCounts(t, "README.md", readmeCounts(counts(t)))
}

// staleMentions lists the lines of src, outside its generated sections
// (<!-- x:start --> … <!-- x:end -->, rewritten by the tools tests), that
// still name the number n.
func staleMentions(src string, n int) []string {
	var out []string
	mention := regexp.MustCompile(`\b` + strconv.Itoa(n) + `\b`)
	generated := false
	for i, line := range strings.Split(src, "\n") {
		switch {
		case strings.HasPrefix(line, "<!-- ") && strings.HasSuffix(line, ":start -->"):
			generated = true
		case strings.HasPrefix(line, "<!-- ") && strings.HasSuffix(line, ":end -->"):
			generated = false
		case !generated && mention.MatchString(line):
			out = append(out, fmt.Sprintf("line %d: %s", i+1, line))
		}
	}
	return out
}

// A made-up extra operation: restating the README and server.json with one
// operation more leaves no mention of the old count, so every mention is in
// the phrase tables and -update alone brings them up to date.
func TestCountsFollowAnExtraOperation(t *testing.T) {
	c := counts(t)
	more := c
	more.operations++
	for file, phrases := range map[string][]countPhrase{"README.md": readmeCounts(more), "server.json": serverJSONCounts(more)} {
		raw, err := os.ReadFile(filepath.Join(golden.Root(t), file))
		require.NoError(t, err)
		got, missing := restate(string(raw), phrases)
		assert.Empty(t, missing, file)
		assert.Empty(t, staleMentions(got, c.operations), "%s mentions the operation count outside the phrase table of counts_test.go: add the phrase there", file)
		assert.Contains(t, got, fmt.Sprintf(phrases[0].format, more.operations), file)
	}

	// The check itself catches a mention the table does not know.
	stray := fmt.Sprintf("All %d Clerk Backend API operations; all %d of them.\n", c.operations, c.operations)
	got, _ := restate(stray, serverJSONCounts(more))
	assert.Len(t, staleMentions(got, c.operations), 1)
}
