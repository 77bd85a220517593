package clerkapi_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

// TestStartupDoesNoReflection: building the MCP server over the whole
// catalog, and serving tools/list, read no operation's plan (each read
// reflects over a request struct). It lives in clerkapi's external test
// package because only clerkapi's own tests can see the plan cache, and an
// external test package may import tools (which imports clerkapi) without a
// cycle; the server is built from the test build of clerkapi, so it fills
// the very cache the test watches.
func TestStartupDoesNoReflection(t *testing.T) {
	configs := map[string]tools.ServerConfig{
		"every operation":         {},
		"all toolsets, discovery": {Selection: &tools.Selection{Toolsets: []string{"all"}}},
	}
	for name, cfg := range configs {
		t.Run(name, func(t *testing.T) {
			clerkapi.ForgetPlans()
			s, err := tools.NewServer(cfg)
			require.NoError(t, err)
			assert.Zero(t, clerkapi.CachedPlans(), "NewServer read an operation's plan: start-up must not reflect over the catalog")

			ctx := context.Background()
			s.HandleMessage(ctx, json.RawMessage(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}`))
			msg := s.HandleMessage(ctx, json.RawMessage(`{"jsonrpc":"2.0","id":1,"method":"tools/list"}`))
			res, ok := msg.(mcp.JSONRPCResponse)
			require.True(t, ok, "%v", msg)
			assert.NotEmpty(t, res.Result.(mcp.ListToolsResult).Tools)
			assert.Zero(t, clerkapi.CachedPlans(), "tools/list read an operation's plan")
		})
	}
	t.Run("the probe sees a plan being read", func(t *testing.T) {
		clerkapi.ForgetPlans()
		op, ok := clerkapi.Lookup("get_user")
		require.True(t, ok)
		op.Plan()
		op.Plan()
		assert.Equal(t, 1, clerkapi.CachedPlans(), "one operation, read twice, is one cached plan")
	})
}
