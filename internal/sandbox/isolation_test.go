package sandbox

import (
	"github.com/clerk-mcp/clerk-mcp/tools"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Each sandbox starts from its own copy of the seed: what one does never
// shows in another (the seed's metadata maps are literals shared by code).
func TestSandboxesShareNoState(t *testing.T) {
	a, b := newEnv(t), newEnv(t)
	a.ok("update_organization_metadata", args(t, `{"organization_id":"acme-corp","public_metadata":{"tier":null,"leak":1}}`))
	org := b.ok("get_organization", args(t, `{"organization_id":"acme-corp"}`))
	meta := org["public_metadata"].(map[string]any)
	assert.Equal(t, "enterprise", meta["tier"])
	assert.NotContains(t, meta, "leak")
}

// The default surface is what a newcomer tries first: every tool in it must
// really work in the sandbox.
func TestSandboxEmulatesTheDefaultSet(t *testing.T) {
	for _, name := range tools.DefaultTools {
		assert.True(t, Emulated(name), "%s is in the default set but answers sandbox_not_emulated", name)
	}
}
