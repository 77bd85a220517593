package tools

import (
	"context"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/stdio"
)

// Guards against performance regressions that are not timed tests: the
// binary does not carry the schema reflector, and the pipeline's allocations
// per call stay under ceilings. (That start-up does no reflection over the
// catalog is clerkapi's TestStartupDoesNoReflection: only clerkapi's own
// tests can see its plan cache.)

func TestBinaryDoesNotLinkTheReflector(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", "github.com/clerk-mcp/clerk-mcp/cmd/clerk-mcp").Output()
	require.NoError(t, err)
	for _, pkg := range []string{"github.com/invopop/jsonschema", "github.com/clerk-mcp/clerk-mcp/internal/schemagen"} {
		assert.NotContains(t, strings.Fields(string(out)), pkg, "the server would reflect schemas at run time")
	}
}

// TestPipelineAllocations holds the handler's own work per call (decoding and
// validating arguments, shaping the result; the HTTP client excluded) under
// stated ceilings, measured with testing.AllocsPerRun.
func TestPipelineAllocations(t *testing.T) {
	h := NewHandler(Config{})
	getUser, _ := clerkapi.Lookup("get_user")
	list, _ := clerkapi.Lookup("list_organization_memberships")
	args := json.RawMessage(`{"user_id":"user_2x8kQ3mZp7Lw9VnB4cYt1R"}`)
	_, _ = h.decode(getUser, args, ProfileCanonical) // compile the validator once
	page := &clerkapi.Response{Status: 200, Body: []byte(usersPage(100))}
	one := &clerkapi.Response{Status: 200, Body: []byte(benchUser)}
	listArgs := clerkapi.Args{"organization_id": json.RawMessage(`"org_1"`), "limit": json.RawMessage(`100`)}
	cases := []struct {
		name    string
		ceiling float64
		run     func()
	}{
		{"decode and validate get_user arguments", 60, func() { _, _ = h.decode(getUser, args, ProfileCanonical) }},
		{"shape a user", 12, func() { h.shape(getUser, clerkapi.Args{}, one) }},
		{"shape a 100-item page", 100, func() { h.shape(list, listArgs, page) }},
	}
	for _, c := range cases {
		n := testing.AllocsPerRun(50, c.run)
		t.Logf("%s: %.0f allocations (ceiling %.0f)", c.name, n, c.ceiling)
		assert.LessOrEqual(t, n, c.ceiling, c.name)
	}
}

// TestToolsListEncoding: tools/list of every tool, in every schema profile,
// is written by the stdio transport's direct encoder (a handful of
// allocations; encoding/json takes thousands) and reads as encoding/json's.
func TestToolsListEncoding(t *testing.T) {
	for _, p := range Profiles {
		t.Run(string(p), func(t *testing.T) {
			s, err := NewServer(ServerConfig{SchemaProfile: p, Selection: &Selection{Toolsets: []string{"all"}}})
			require.NoError(t, err)
			ctx := context.Background()
			s.HandleMessage(ctx, json.RawMessage(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}`))
			msg := s.HandleMessage(ctx, json.RawMessage(`{"jsonrpc":"2.0","id":1,"method":"tools/list"}`))
			res, ok := msg.(mcp.JSONRPCResponse)
			require.True(t, ok, "%v", msg)
			require.Len(t, res.Result.(mcp.ListToolsResult).Tools, len(clerkapi.Catalog())+len(discoveryTools))
			checkStdioMessage(t, msg)
			buf := make([]byte, 0, 1<<20)
			n := testing.AllocsPerRun(5, func() { _, _ = stdio.AppendMessage(buf[:0], msg) })
			t.Logf("encoding tools/list: %.0f allocations", n)
			// encoding/json would take thousands; the margin absorbs sync.Pool
			// dropping items at random under the race detector.
			assert.LessOrEqual(t, n, 50.0, "tools/list left the direct encoder")
		})
	}
}
