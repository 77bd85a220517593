package tools

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// DefaultTools is the curated everyday set: user, organization, membership,
// invitation and session work. No deprecated tool and none that returns a
// credential; everything else stays reachable through discovery.
var DefaultTools = []string{
	"list_users", "get_user", "count_users", "create_user", "update_user", "update_user_metadata",
	"delete_user", "ban_user", "unban_user", "lock_user", "unlock_user",
	"list_user_organization_memberships",
	"list_organizations", "get_organization", "create_organization", "update_organization",
	"update_organization_metadata", "delete_organization",
	"list_organization_memberships", "create_organization_membership", "update_organization_membership",
	"delete_organization_membership", "list_organization_roles",
	"list_organization_invitations", "create_organization_invitation", "revoke_organization_invitation",
	"list_invitations", "create_invitation", "revoke_invitation",
	"list_sessions", "get_session", "revoke_session",
}

// Selection is what the operator asked to expose.
type Selection struct {
	Toolsets      []string // toolset names, "default", "all" or "none"; empty means default
	Tools         []string // single tools added to the listing
	Exclude       []string // tools removed from everything, discovery included
	ReadOnly      bool     // only read tools, and no credential oracle; wins over Tools
	NoDestructive bool     // writes stay, destructive tools go
	NoDiscovery   bool     // no search/describe/call tools
}

// Surface is a resolved selection: the tools listed, and every operation a
// call may reach (listed, or through call_operation).
type Surface struct {
	Listed    []*clerkapi.Operation
	Discovery bool
	allowed   map[string]*clerkapi.Operation
	order     []*clerkapi.Operation
}

// Allowed returns the operation if the selection lets calls reach it.
func (s *Surface) Allowed(name string) (*clerkapi.Operation, bool) {
	op, ok := s.allowed[name]
	return op, ok
}

// Reachable returns every operation calls may reach, in catalog order.
func (s *Surface) Reachable() []*clerkapi.Operation { return s.order }

// Resolve applies the selection to the catalog. Unknown toolset or tool
// names are errors that suggest the closest known name.
func (sel Selection) Resolve(ops []clerkapi.Operation) (*Surface, error) {
	byName := map[string]*clerkapi.Operation{}
	toolsets := map[string]bool{"default": true, "all": true, "none": true}
	var names, setNames []string
	for i := range ops {
		byName[ops[i].Name] = &ops[i]
		names = append(names, ops[i].Name)
		if !toolsets[ops[i].Toolset] {
			toolsets[ops[i].Toolset] = true
			setNames = append(setNames, ops[i].Toolset)
		}
	}
	setNames = append(setNames, "default", "all", "none")
	check := func(kind string, list []string, known func(string) bool, pool []string) error {
		for _, n := range list {
			if !known(n) {
				return fmt.Errorf("unknown %s %q%s", kind, n, suggest(n, pool))
			}
		}
		return nil
	}
	sets := sel.Toolsets
	if len(sets) == 0 {
		sets = []string{"default"}
	}
	if err := check("toolset", sets, func(n string) bool { return toolsets[n] }, setNames); err != nil {
		return nil, err
	}
	isTool := func(n string) bool { return byName[n] != nil }
	if err := check("tool", sel.Tools, isTool, names); err != nil {
		return nil, err
	}
	if err := check("tool", sel.Exclude, isTool, names); err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, n := range sel.Tools {
		want[n] = true
	}
	s := &Surface{Discovery: !sel.NoDiscovery, allowed: map[string]*clerkapi.Operation{}}
	for i := range ops {
		op := &ops[i]
		k := op.Kind()
		if slices.Contains(sel.Exclude, op.Name) || (sel.ReadOnly && (k != clerkapi.Read || op.Oracle)) || (sel.NoDestructive && k == clerkapi.Destructive) {
			continue
		}
		s.allowed[op.Name] = op
		s.order = append(s.order, op)
		listed := want[op.Name]
		for _, set := range sets {
			switch set {
			case "all":
				listed = true
			case "default":
				listed = listed || slices.Contains(DefaultTools, op.Name)
			default:
				listed = listed || set == op.Toolset
			}
		}
		if listed {
			s.Listed = append(s.Listed, op)
		}
	}
	return s, nil
}

// suggest returns a did-you-mean clause for the closest name in pool.
func suggest(name string, pool []string) string {
	best, bestD := "", len(name)/2+2
	for _, p := range pool {
		if d := distance(name, p); d < bestD {
			best, bestD = p, d
		}
	}
	if best == "" {
		for _, p := range pool {
			if strings.Contains(p, name) || strings.Contains(name, p) {
				return fmt.Sprintf("; did you mean %q?", p)
			}
		}
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// distance is the Levenshtein edit distance.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
