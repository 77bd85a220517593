package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The server itself accepts what `clerk-mcp config` passes it (the
// subcommand's own tests are internal/clientconfig's).
func TestConfigArgsStartTheServer(t *testing.T) {
	clearEnv(t)
	code, stdout, stderr := runCapture("config", "--client", "cursor", "--via", "go-run", "--toolsets", "default,billing", "--tools", "get_jwks",
		"--exclude-tools", "delete_user", "--read-only", "--no-destructive", "--sandbox", "--", "--confirm", "token")
	require.Equal(t, 0, code, stderr)
	var doc struct {
		MCPServers map[string]struct {
			Args []string `json:"args"`
		} `json:"mcpServers"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	args := doc.MCPServers["clerk"].Args
	require.Equal(t, []string{"run", "github.com/clerk-mcp/clerk-mcp/cmd/clerk-mcp@latest"}, args[:2])
	code, listed, stderr := runCapture(append(args[2:], "--list-tools")...)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, listed, "get_jwks")
	assert.Contains(t, listed, "list_billing_plans")
	assert.NotContains(t, listed, "ban_user")
}
