package tools

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

// The discovery tools reach every allowed operation, listed or not, while the
// listed surface stays small: search, describe, then call through the very
// same pipeline (validation, filters, confirmation gate, result shaping).
var discoveryTools = []struct {
	name, description, input, output string
}{
	{"search_operations",
		"Find Clerk API operations by keywords (also ones not listed as tools); returns names, kinds and summaries.",
		`{"type":"object","properties":{"query":{"type":"string","description":"Keywords, e.g. \"ban user\"."},"limit":{"type":"integer","minimum":1,"maximum":25,"default":8}},"required":["query"],"additionalProperties":false}`,
		`{"type":"object","properties":{"matches":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"kind":{"type":"string"},"toolset":{"type":"string"},"description":{"type":"string"},"listed":{"type":"boolean"}}}},"total":{"type":"integer"}}}`},
	{"describe_operation",
		"Show an operation's input schema, kind and whether it needs confirmation.",
		`{"type":"object","properties":{"name":{"type":"string"}},"required":["name"],"additionalProperties":false}`,
		`{"type":"object","properties":{"name":{"type":"string"},"description":{"type":"string"},"kind":{"type":"string"},"toolset":{"type":"string"},"deprecated":{"type":"boolean"},"returns_secret":{"type":"boolean"},"confirmation_required":{"type":"boolean"},"annotations":{"type":"object"},"input_schema":{"type":"object"}}}`},
	{"call_operation",
		"Run an operation by name with its arguments (a confirm token goes inside arguments); same checks and confirmation as its own tool.",
		`{"type":"object","properties":{"name":{"type":"string"},"arguments":{"type":"object"}},"required":["name"],"additionalProperties":false}`,
		`{"type":"object"}`},
}

// DiscoveryDefinitions returns the discovery tools for a surface.
func DiscoveryDefinitions(s *Surface) []mcp.Tool {
	reads, destructive := true, false
	for _, op := range s.Reachable() {
		reads = reads && op.Kind() == clerkapi.Read
		destructive = destructive || op.Kind() == clerkapi.Destructive
	}
	var out []mcp.Tool
	for _, d := range discoveryTools {
		t := mcp.NewToolWithRawSchema(d.name, d.description, json.RawMessage(d.input))
		t.RawOutputSchema = json.RawMessage(d.output)
		t.Annotations = mcp.ToolAnnotation{
			ReadOnlyHint:    mcp.ToBoolPtr(true),
			DestructiveHint: mcp.ToBoolPtr(false),
			IdempotentHint:  mcp.ToBoolPtr(true),
			OpenWorldHint:   mcp.ToBoolPtr(false),
		}
		if d.name == "call_operation" {
			t.Annotations = mcp.ToolAnnotation{
				ReadOnlyHint:    mcp.ToBoolPtr(reads),
				DestructiveHint: mcp.ToBoolPtr(destructive),
				IdempotentHint:  mcp.ToBoolPtr(reads),
				OpenWorldHint:   mcp.ToBoolPtr(true),
			}
		}
		out = append(out, t)
	}
	return out
}

// discoveryHandler serves one discovery tool.
func (h *Handler) discoveryHandler(s *Surface, def mcp.Tool) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		raw := rawArguments(req)
		v, err := h.valid.get(def.Name, def.RawInputSchema)
		if err != nil {
			return nil, err
		}
		if msgs := v.validate(raw); len(msgs) > 0 {
			return mcp.NewToolResultError("Invalid arguments for " + def.Name + ":\n- " + strings.Join(msgs, "\n- ")), nil
		}
		var in struct {
			Query     string          `json:"query"`
			Limit     int             `json:"limit"`
			Name      string          `json:"name"`
			Arguments json.RawMessage `json:"arguments"`
		}
		if err := json.Unmarshal(raw, &in); err != nil {
			return mcp.NewToolResultError("Invalid arguments for " + def.Name + ": " + err.Error()), nil
		}
		switch def.Name {
		case "search_operations":
			return search(ctx, s, in.Query, in.Limit), nil
		}
		op, ok := s.Allowed(in.Name)
		if !ok || !callerAllows(ctx, op) {
			if known, found := clerkapi.Lookup(in.Name); found && def.Name == "call_operation" {
				why := "operation not allowed on this server"
				if ok {
					why = "beyond the caller's scopes"
				}
				h.recordRefusal(withCallOperation(ctx), known, why)
			}
			var names []string
			for _, o := range s.Reachable() {
				if callerAllows(ctx, o) {
					names = append(names, o.Name)
				}
			}
			return mcp.NewToolResultError(fmt.Sprintf("No operation %q is available here%s. Use search_operations to find one.", in.Name, suggest(in.Name, names))), nil
		}
		if def.Name == "describe_operation" {
			return describe(op), nil
		}
		if len(in.Arguments) == 0 {
			in.Arguments = json.RawMessage("{}")
		}
		return h.Call(withCallOperation(ctx), op, in.Arguments), nil
	}
}

type match struct {
	Name        string `json:"name"`
	Kind        string `json:"kind"`
	Toolset     string `json:"toolset"`
	Description string `json:"description"`
	Listed      bool   `json:"listed"`
	score       int
}

// search ranks reachable operations by keyword: name words weigh most, then
// toolset, then description.
func search(ctx context.Context, s *Surface, query string, limit int) *mcp.CallToolResult {
	if limit <= 0 {
		limit = 8
	}
	listed := map[string]bool{}
	for _, op := range s.Listed {
		listed[op.Name] = true
	}
	terms := words(query)
	var ms []match
	for _, op := range s.Reachable() {
		if !callerAllows(ctx, op) {
			continue
		}
		name, set, desc := words(op.Name), words(op.Toolset), strings.ToLower(op.Description)
		score := 0
		for _, t := range terms {
			switch {
			case slices.Contains(name, t):
				score += 4
			case slices.Contains(set, t):
				score += 2
			case strings.Contains(desc, t):
				score++
			}
		}
		if score > 0 {
			ms = append(ms, match{op.Name, string(op.Kind()), op.Toolset, op.Description, listed[op.Name], score})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].score != ms[j].score {
			return ms[i].score > ms[j].score
		}
		return len(ms[i].Name) < len(ms[j].Name)
	})
	total := len(ms)
	ms = ms[:min(limit, len(ms))]
	if ms == nil {
		ms = []match{}
	}
	b, _ := json.Marshal(map[string]any{"matches": ms, "total": total})
	return &mcp.CallToolResult{Content: []mcp.Content{mcp.NewTextContent(string(b))}, StructuredContent: Structured(b)}
}

// words splits on anything but letters and digits, lowercases, and drops a
// plural s so "users" finds "user".
func words(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	for i, w := range f {
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			f[i] = w[:len(w)-1]
		}
	}
	return f
}

func describe(op *clerkapi.Operation) *mcp.CallToolResult {
	in, _ := schemas.Input(op.Name)
	d := map[string]any{
		"name":                  op.Name,
		"description":           op.Description,
		"kind":                  op.Kind(),
		"toolset":               op.Toolset,
		"deprecated":            op.Deprecated,
		"returns_secret":        op.Secret,
		"confirmation_required": op.Kind() == clerkapi.Destructive,
		"annotations":           Annotations(op),
		"input_schema":          json.RawMessage(in),
	}
	var rules []string
	for _, r := range clerkapi.RulesFor(op.Name) {
		rules = append(rules, r.String())
	}
	if rules != nil {
		d["rules"] = rules // checked before any request, besides the schema
	}
	b, _ := json.Marshal(d)
	return &mcp.CallToolResult{Content: []mcp.Content{mcp.NewTextContent(string(b))}, StructuredContent: Structured(b)}
}
