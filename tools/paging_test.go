package tools

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
)

// cursorPage is a bare-array page of n users, as Clerk answers GET /users.
func cursorPage(n int) []byte {
	items := make([]string, n)
	for i := range items {
		items[i] = `{"object":"user","id":"user_2x8kQ3mZp7Lw9VnB4cYt` + string(rune('A'+i)) + `"}`
	}
	return []byte("[" + strings.Join(items, ",") + "]")
}

// TestCursorPageNeverHintsOffset is the reported lie: list_users with
// starting_after answered next_offset, and following it (starting_after
// with a non-zero offset) gets Clerk's 422. A full cursor page hints
// next_starting_after (its last user's id, the default limit of 10 when
// none is given); a short one is the last; an offset page keeps next_offset.
func TestCursorPageNeverHintsOffset(t *testing.T) {
	env := newGoldenEnv(t)
	total := fakeclerk.Response{Status: 200, Body: []byte(`{"object":"total_count","total_count":57}`)}
	for _, tc := range []struct {
		args, want, never string
		page              int
	}{
		{`{"starting_after":"user_2x8kQ3mZp7Lw9VnB4cYt00"}`, `"next_starting_after":"user_2x8kQ3mZp7Lw9VnB4cYtJ"`, "next_offset", 10},
		{`{"starting_after":"user_2x8kQ3mZp7Lw9VnB4cYt00","limit":3}`, `"next_starting_after":"user_2x8kQ3mZp7Lw9VnB4cYtC"`, "next_offset", 3},
		{`{"starting_after":"user_2x8kQ3mZp7Lw9VnB4cYt00","limit":5}`, "", "next_", 4},
		{`{"starting_after":"user_2x8kQ3mZp7Lw9VnB4cYt00"}`, "", "next_", 9},
		{`{"limit":3,"offset":6}`, `"next_offset":9`, "next_starting_after", 3},
	} {
		env.fake.Reset()
		env.fake.Respond(fakeclerk.Response{Status: 200, Body: cursorPage(tc.page)}, total)
		res := env.h.Call(context.Background(), op(t, "list_users"), json.RawMessage(tc.args))
		require.False(t, res.IsError, text(res))
		got := text(res)
		if tc.want != "" {
			assert.Contains(t, got, tc.want, tc.args)
		}
		assert.NotContains(t, got, tc.never, tc.args)
		checkOutputSchema(t, op(t, "list_users"), res)
	}
}

// TestBulkResultsHaveNoTotal: ban_users, unban_users and the bulk creates
// answer a bare array of what the call sent; the result is {data} with no
// total_count (the array's length would pass for the size of a larger set).
func TestBulkResultsHaveNoTotal(t *testing.T) {
	for _, name := range []string{"ban_users", "unban_users", "create_invitations_bulk", "create_waitlist_entries_bulk"} {
		t.Run(name, func(t *testing.T) {
			var file caseFile
			readCases(t, name, &file)
			c := file.Cases[0]
			runCase(t, op(t, name), &c)
			require.NotEmpty(t, c.Requests)
			var res struct {
				Content           []struct{ Text string } `json:"content"`
				StructuredContent map[string]json.RawMessage
				IsError           bool `json:"isError"`
			}
			require.NoError(t, json.Unmarshal(c.Result, &res))
			require.False(t, res.IsError)
			assert.Contains(t, res.StructuredContent, "data")
			assert.NotContains(t, res.StructuredContent, "total_count")
			assert.NotContains(t, res.Content[0].Text, "total_count")
			assert.NotContains(t, res.Content[0].Text, "next_offset")
			out, _ := json.Marshal(op(t, name).Response)
			assert.NotContains(t, string(out), "total_count", "the output schema's type has no total")
		})
	}
}
