package tools

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Guards against performance regressions that are not timed tests: start-up
// does no reflection over the catalog, the binary does not carry the schema
// reflector, and the pipeline's allocations per call stay under ceilings.

func TestStartupDoesNoReflection(t *testing.T) {
	before := clerkapi.PlanCalls()
	_, err := NewServer(ServerConfig{})
	require.NoError(t, err)
	assert.Equal(t, before, clerkapi.PlanCalls(), "NewServer read an operation's plan: start-up must not reflect over the catalog")
}

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
	_, _ = h.decode(getUser, args) // compile the validator once
	page := &clerkapi.Response{Status: 200, Body: []byte(usersPage(100))}
	one := &clerkapi.Response{Status: 200, Body: []byte(benchUser)}
	listArgs := clerkapi.Args{"organization_id": json.RawMessage(`"org_1"`), "limit": json.RawMessage(`100`)}
	cases := []struct {
		name    string
		ceiling float64
		run     func()
	}{
		{"decode and validate get_user arguments", 60, func() { _, _ = h.decode(getUser, args) }},
		{"shape a user", 12, func() { h.shape(getUser, clerkapi.Args{}, one) }},
		{"shape a 100-item page", 250, func() { h.shape(list, listArgs, page) }},
	}
	for _, c := range cases {
		n := testing.AllocsPerRun(50, c.run)
		t.Logf("%s: %.0f allocations (ceiling %.0f)", c.name, n, c.ceiling)
		assert.LessOrEqual(t, n, c.ceiling, c.name)
	}
}
