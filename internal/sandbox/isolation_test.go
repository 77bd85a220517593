package sandbox

import (
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
