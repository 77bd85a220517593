package argcheck_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/internal/argcheck"
	_ "github.com/clerk-mcp/clerk-mcp/internal/golden" // defines -update
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

// TestProblemKinds: each mistake is reported with its field and kind, which
// the sandbox's door turns into Clerk's codes and the tools into messages.
func TestProblemKinds(t *testing.T) {
	schema := json.RawMessage(`{"type":"object","required":["name"],"properties":{
		"name":{"type":"string","maxLength":3},
		"limit":{"type":"integer","minimum":1,"maximum":500},
		"status":{"type":"string","enum":["a","b"]},
		"id":{"type":"string","pattern":"^u_"},
		"items":{"type":"array","maxItems":1,"items":{"type":"object","required":["x"],"properties":{"x":{"type":"boolean"}}}}}}`)
	s, err := argcheck.Compile("t", schema, true)
	require.NoError(t, err)
	for _, tc := range []struct {
		args  string
		field string
		kind  argcheck.Kind
	}{
		{`{}`, "name", argcheck.Missing},
		{`{"name":"a","nope":1}`, "nope", argcheck.Unknown},
		{`{"name":5}`, "name", argcheck.Type},
		{`{"name":null}`, "name", argcheck.Type},
		{`{"name":"a","limit":1.5}`, "limit", argcheck.Type},
		{`{"name":"a","limit":501}`, "limit", argcheck.Range},
		{`{"name":"abcd"}`, "name", argcheck.Range},
		{`{"name":"a","status":"c"}`, "status", argcheck.Enum},
		{`{"name":"a","id":"x"}`, "id", argcheck.Pattern},
		{`{"name":"a","items":[{}]}`, "items.0.x", argcheck.Missing},
		{`{"name":"a","items":[{"x":true},{"x":false}]}`, "items", argcheck.Range},
		{`{"name":`, "arguments", argcheck.Invalid},
	} {
		ps := s.Problems(json.RawMessage(tc.args))
		if assert.Len(t, ps, 1, tc.args) {
			assert.Equal(t, tc.field, ps[0].Field, tc.args)
			assert.Equal(t, tc.kind, ps[0].Kind, tc.args)
			assert.Contains(t, ps[0].String(), tc.field+": ", tc.args)
		}
	}
	assert.Empty(t, s.Problems(json.RawMessage(`{"name":"abc","limit":500,"status":"a","id":"u_1","items":[{"x":true}]}`)))
}

// TestCacheCompilesEveryInputSchema: the cache the door uses compiles every
// embedded input schema once, closed at the top.
func TestCacheCompilesEveryInputSchema(t *testing.T) {
	var c argcheck.Cache
	raw, ok := schemas.Input("list_users")
	require.True(t, ok)
	a, err := c.Get("list_users", raw)
	require.NoError(t, err)
	b, err := c.Get("list_users", nil) // cached: the schema is not read again
	require.NoError(t, err)
	assert.Same(t, a, b)
	ps := a.Problems(json.RawMessage(`{"shoe_size":9}`))
	require.Len(t, ps, 1)
	assert.Equal(t, argcheck.Unknown, ps[0].Kind)
}
