package sandbox

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

// agent is an MCP client talking to the real server wired to a sandbox, as
// `clerk-mcp --sandbox` wires it.
type agent struct {
	t   *testing.T
	ctx context.Context
	c   *client.Client
}

func newAgent(t *testing.T) *agent {
	t.Helper()
	sb := testSandbox()
	srv, err := tools.NewServer(tools.ServerConfig{
		Config:  tools.Config{Client: clerkapi.New(sb.Config())},
		Version: "sandbox-test",
	})
	require.NoError(t, err)
	c, err := client.NewInProcessClient(srv)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	require.NoError(t, c.Start(ctx))
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "sandbox-e2e", Version: "0"}
	_, err = c.Initialize(ctx, init)
	require.NoError(t, err)
	return &agent{t: t, ctx: ctx, c: c}
}

// call runs a tool and returns its result and structuredContent.
func (a *agent) call(name string, args map[string]any) (*mcp.CallToolResult, map[string]any) {
	a.t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	req.Params.Arguments = args
	res, err := a.c.CallTool(a.ctx, req)
	require.NoError(a.t, err, name)
	var sc map[string]any
	raw := res.RawStructuredContent
	if len(raw) == 0 && res.StructuredContent != nil {
		raw, _ = json.Marshal(res.StructuredContent)
	}
	if len(raw) > 0 {
		require.NoError(a.t, json.Unmarshal(raw, &sc), "%s structuredContent", name)
	}
	return res, sc
}

// ok runs a tool that must succeed.
func (a *agent) ok(name string, args map[string]any) map[string]any {
	a.t.Helper()
	res, sc := a.call(name, args)
	require.False(a.t, res.IsError, "%s failed: %s", name, text(res))
	return sc
}

// confirmed runs a destructive tool through the confirmation gate: the
// first call only previews, the second, with the token, runs.
func (a *agent) confirmed(name string, args map[string]any) map[string]any {
	a.t.Helper()
	preview := a.ok(name, args)
	require.Equal(a.t, false, preview["executed"], "%s ran without confirmation", name)
	token, _ := preview["confirm"].(string)
	require.NotEmpty(a.t, token, "%s preview has no confirm token: %v", name, preview)
	args["confirm"] = token
	return a.ok(name, args)
}

func text(res *mcp.CallToolResult) string {
	var sb strings.Builder
	for _, c := range res.Content {
		if tc, ok := mcp.AsTextContent(c); ok {
			sb.WriteString(tc.Text)
		}
	}
	return sb.String()
}

func TestAgentOrganizationFlow(t *testing.T) {
	a := newAgent(t)

	org := a.ok("create_organization", map[string]any{"name": "Wayne Enterprises", "public_metadata": map[string]any{"tier": "trial"}})
	orgID := org["id"].(string)
	assert.True(t, strings.HasPrefix(orgID, "org_"), orgID)
	assert.Equal(t, "wayne-enterprises", org["slug"])

	inv := a.ok("create_organization_invitation", map[string]any{
		"organization_id": orgID, "email_address": "lucius@wayne.example.com", "role": "org:admin",
	})
	assert.Equal(t, "pending", inv["status"])
	assert.True(t, strings.HasPrefix(inv["id"].(string), "orginv_"))

	list := a.ok("list_organization_invitations", map[string]any{"organization_id": orgID, "status": "pending"})
	assert.EqualValues(t, 1, list["total_count"])
	assert.Equal(t, "lucius@wayne.example.com", list["data"].([]any)[0].(map[string]any)["email_address"])

	upd := a.ok("update_organization_metadata", map[string]any{
		"organization_id": orgID, "public_metadata": map[string]any{"tier": "enterprise", "region": "us-east"},
	})
	assert.Equal(t, map[string]any{"tier": "enterprise", "region": "us-east"}, upd["public_metadata"])

	del := a.confirmed("delete_organization", map[string]any{"organization_id": orgID})
	assert.Equal(t, true, del["deleted"])
	assert.Equal(t, orgID, del["id"])

	res, _ := a.call("get_organization", map[string]any{"organization_id": orgID})
	require.True(t, res.IsError, "the deleted organization is gone")
	assert.Contains(t, text(res), "404")
	assert.Contains(t, text(res), "resource_not_found")
}

func TestAgentUserFlow(t *testing.T) {
	a := newAgent(t)

	page := a.ok("list_users", map[string]any{"limit": 5, "order_by": "+created_at"})
	assert.EqualValues(t, 25, page["total_count"])
	users := page["data"].([]any)
	require.Len(t, users, 5)
	assert.Equal(t, "Ada", users[0].(map[string]any)["first_name"])

	u := a.ok("create_user", map[string]any{
		"email_address": []string{"selina@example.com"}, "username": "selina",
		"first_name": "Selina", "password": "nine-lives-9",
	})
	id := u["id"].(string)
	assert.True(t, strings.HasPrefix(id, "user_"), id)

	res, _ := a.call("create_user", map[string]any{"email_address": []string{"selina@example.com"}})
	require.True(t, res.IsError)
	assert.Contains(t, text(res), "form_identifier_exists")

	upd := a.ok("update_user", map[string]any{"user_id": id, "last_name": "Kyle"})
	assert.Equal(t, "Kyle", upd["last_name"])
	found := a.ok("list_users", map[string]any{"query": "kyle"})
	assert.EqualValues(t, 1, found["total_count"])

	del := a.confirmed("delete_user", map[string]any{"user_id": id})
	assert.Equal(t, true, del["deleted"])
	res, _ = a.call("get_user", map[string]any{"user_id": id})
	require.True(t, res.IsError)
	assert.Contains(t, text(res), "resource_not_found")

	// Groups beyond the core answer too (the 501 path is held by
	// TestOtherOperationsAnswer501 while any operation still reaches it).
	res, _ = a.call("list_oauth_applications", map[string]any{})
	require.False(t, res.IsError, text(res))
	assert.Contains(t, text(res), "Sandbox Demo App")
}
