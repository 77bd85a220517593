package tools

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/golden"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

// TestListParametersSayWhatAModelNeeds reads the spec's query parameters and
// checks the descriptions a model fills a list call from: every order_by
// lists its fields with the +/- prefix (every field the spec's text names in
// backticks), every time filter says Unix ms and is checked by a UnixMillis
// rule, every ID filter the spec lets prefix with + or - says so.
func TestListParametersSayWhatAModelNeeds(t *testing.T) {
	var spec struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Parameters map[string]json.RawMessage `json:"parameters"`
		} `json:"components"`
	}
	require.NoError(t, json.Unmarshal(golden.Spec(t, clerkapi.APIVersion), &spec))
	byID := map[string]*clerkapi.Operation{}
	for i := range clerkapi.Catalog() {
		op := &clerkapi.Catalog()[i]
		byID[op.OperationID] = op
	}
	millis := map[string][]string{}
	for _, r := range clerkapi.Rules {
		if r.Kind == clerkapi.UnixMillis {
			millis[r.Tool] = append(millis[r.Tool], r.Fields...)
		}
	}
	backticked := regexp.MustCompile("`[+-]?([a-z_0-9]+)`")
	timeName := regexp.MustCompile(`_(before|after|since)$`)
	var orderBy, times, ids int
	for _, item := range spec.Paths {
		for _, raw := range item {
			type param struct {
				Ref         string `json:"$ref"`
				Name        string `json:"name"`
				In          string `json:"in"`
				Description string `json:"description"`
				Schema      struct {
					Type string `json:"type"`
				} `json:"schema"`
			}
			var o struct {
				OperationID string  `json:"operationId"`
				Parameters  []param `json:"parameters"`
			}
			if json.Unmarshal(raw, &o) != nil || o.OperationID == "" {
				continue
			}
			for i, p := range o.Parameters {
				if name, ok := strings.CutPrefix(p.Ref, "#/components/parameters/"); ok {
					require.NoError(t, json.Unmarshal(spec.Components.Parameters[name], &o.Parameters[i]), p.Ref)
				}
			}
			op, ok := byID[o.OperationID]
			require.True(t, ok, o.OperationID)
			in, _ := schemas.Input(op.Name)
			var s struct {
				Properties map[string]struct {
					Description string `json:"description"`
				} `json:"properties"`
			}
			require.NoError(t, json.Unmarshal(in, &s))
			for _, p := range o.Parameters {
				if p.In != "query" {
					continue
				}
				desc := s.Properties[p.Name].Description
				p.Description = strings.Join(strings.Fields(p.Description), " ")
				switch {
				case p.Name == "order_by":
					orderBy++
					assert.True(t, strings.HasPrefix(desc, "+/-field"), "%s.order_by: %q", op.Name, desc)
					if op.Name != "list_saml_connections" { // the spec copies the memberships' fields there
						for _, m := range backticked.FindAllStringSubmatch(p.Description, -1) {
							if m[1] != "order_by" {
								assert.Contains(t, desc, m[1], "%s.order_by lists the spec's fields", op.Name)
							}
						}
					}
				case p.Schema.Type == "integer" && (timeName.MatchString(p.Name) || strings.Contains(p.Description, "millisecond")):
					times++
					assert.Contains(t, desc, "Unix ms.", "%s.%s", op.Name, p.Name)
					assert.Contains(t, millis[op.Name], p.Name, "%s.%s: no UnixMillis rule checks it", op.Name, p.Name)
				case strings.Contains(p.Description, "`+` and `-` can be prepended"):
					ids++
					assert.Contains(t, desc, "+id includes, -id excludes.", "%s.%s", op.Name, p.Name)
				}
			}
		}
	}
	t.Logf("described: %d order_by parameters, %d time filters, %d ID filters with a +/- prefix", orderBy, times, ids)
	assert.Equal(t, []int{15, 18, 8}, []int{orderBy, times, ids}, "the spec's counts changed: review the descriptions")
	var ruled int
	for _, fs := range millis {
		ruled += len(fs)
	}
	assert.Equal(t, times, ruled, "every UnixMillis field is a time filter of the spec")
}

// TestTheSevenWarningsAreSaid holds the descriptions that say what a call
// really does where the spec hides it in prose.
func TestTheSevenWarningsAreSaid(t *testing.T) {
	cases := []struct{ tool, arg, want string }{
		{"replace_user_phone_number", "identification_status", "unverified can lock the user out"},
		{"update_saml_connection", "consent_verified_domains_deletion", "deletes clashing verified org domains"},
		{"create_m2m_token", "min_remaining_ttl_seconds", "Reuse a live token"},
		{"create_allowlist_identifier", "notify", "sends an invitation"},
		{"add_role_set_roles", "default_role_key", "One of role_keys"},
		{"add_role_set_roles", "creator_role_key", "One of role_keys"},
		{"toggle_template_delivery", "delivered_by_clerk", "you deliver via email/sms.created webhooks"},
		{"create_directory_group_role_mapping", "directory_group_id", "directory_group_id or alias scim_group_id required"},
		{"create_directory_group_role_mapping", "scim_group_id", "directory_group_id or alias scim_group_id required"},
	}
	for _, c := range cases {
		in, ok := schemas.Input(c.tool)
		require.True(t, ok, c.tool)
		var s struct {
			Properties map[string]struct {
				Description string `json:"description"`
			} `json:"properties"`
		}
		require.NoError(t, json.Unmarshal(in, &s))
		assert.Contains(t, s.Properties[c.arg].Description, c.want, "%s.%s", c.tool, c.arg)
	}
	assert.True(t, slices.ContainsFunc(clerkapi.Rules, func(r clerkapi.Rule) bool {
		return r.Tool == "create_directory_group_role_mapping"
	}), "the directory mapping rule is enforced, not only described")
}
