package clerkapi

import (
	"context"
	"net/url"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// spelledOutPage lists the list requests that declare limit and offset
// themselves instead of embedding a page struct, each with the reason.
var spelledOutPage = map[string]string{
	"list_all_organization_domains": "offset comes before limit, as in the spec; Page would reorder the schema",
}

// TestPageIsEmbedded holds every list operation's limit and offset to one
// declaration (Page, or Page100 for the lists the spec caps at 100) and checks
// that the request builder finds the embedded fields as query parameters.
func TestPageIsEmbedded(t *testing.T) {
	pages := map[reflect.Type]bool{reflect.TypeFor[Page](): true, reflect.TypeFor[Page100](): true}
	n := 0
	for i := range catalog {
		op := &catalog[i]
		if op.Request == nil {
			continue
		}
		p := op.Plan()
		limit, hasLimit := p.Param("limit")
		offset, hasOffset := p.Param("offset")
		if !hasLimit && !hasOffset {
			continue
		}
		n++
		assert.True(t, hasLimit && hasOffset, "%s: limit and offset come together", op.Name)
		assert.Equal(t, "query", limit.In, "%s: limit", op.Name)
		assert.Equal(t, "query", offset.In, "%s: offset", op.Name)
		embedded := false
		rt := reflect.TypeOf(op.Request)
		for j := range rt.NumField() {
			if f := rt.Field(j); f.Anonymous && pages[f.Type] {
				embedded = true
			}
		}
		if _, ok := spelledOutPage[op.Name]; ok {
			assert.False(t, embedded, "%s: embeds a page now; drop it from spelledOutPage", op.Name)
		} else {
			assert.True(t, embedded, "%s: declares limit/offset itself; embed Page (or Page100)", op.Name)
		}
	}
	assert.Equal(t, 37, n, "list operations with limit and offset")
}

// TestPageReachesTheQuery sends an embedded page's fields through a real
// catalog row: both land in the query string, nothing in a body.
func TestPageReachesTheQuery(t *testing.T) {
	for _, name := range []string{"list_organizations", "list_api_keys"} {
		t.Run(name, func(t *testing.T) {
			op, ok := Lookup(name)
			require.True(t, ok)
			h := newHarness(t)
			args := jargs(t, `{"limit":5,"offset":10}`)
			if name == "list_api_keys" {
				args = jargs(t, `{"subject":"user_1","limit":5,"offset":10}`)
			}
			_, err := h.c.Do(context.Background(), op, args)
			require.NoError(t, err)
			r := onlyRequest(t, h.srv)
			q, err := url.ParseQuery(r.RawQuery)
			require.NoError(t, err)
			assert.Equal(t, []string{"5"}, q["limit"])
			assert.Equal(t, []string{"10"}, q["offset"])
			assert.Empty(t, r.Body)
		})
	}
}
