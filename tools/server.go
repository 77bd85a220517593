package tools

import (
	"encoding/json"

	"github.com/mark3labs/mcp-go/server"
	"github.com/mark3labs/mcp-go/tracing"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Instructions tell the model, once per session, how this server behaves.
const Instructions = "Tools call the Clerk Backend API of one instance. Destructive tools first return a preview and a confirm token; run them by calling again with the same arguments plus confirm, after the user agrees. Lists take limit and offset; their text is a table at any length (common: the rows' object; columns; rows, null for a missing or empty value) with total_count and next_offset (next_starting_after for a page fetched with starting_after). Text results leave out null and empty values and Clerk's image-proxy URLs (has_image stays), and show *_at times as RFC 3339 UTC; structuredContent has Clerk's full objects, times in Unix milliseconds. order_by is a field name prefixed with - (descending) or + (ascending). ID filters take a - prefix to exclude. Integer times are Unix milliseconds. To clear a field (send null), name it in unset."

// ServerConfig configures an MCP server for the catalog.
type ServerConfig struct {
	Config
	Version    string
	Operations []clerkapi.Operation // default: the whole catalog
	// Selection picks the listed tools; nil lists every operation and adds
	// no discovery tools.
	Selection *Selection
	// Surface, when set, is the selection already resolved (it wins).
	Surface *Surface
	// SchemaProfile forces one schema profile; empty chooses per client.
	SchemaProfile Profile
}

// NewServer returns an MCP server with a tool for every operation.
func NewServer(cfg ServerConfig) (*server.MCPServer, error) {
	inputs := &inputSchemas{m: map[string]json.RawMessage{}}
	hooks := schemaHook(cfg.SchemaProfile, inputs)
	auditUnlisted(hooks, cfg.Config)
	s := server.NewMCPServer("clerk-mcp", cfg.Version,
		server.WithToolCapabilities(false),
		server.WithPromptCapabilities(false),
		server.WithInstructions(Instructions),
		server.WithElicitation(),
		// Retried calls bring the user's answer (2026-07-28); see elicit.go.
		server.WithToolHandlerMiddleware(carryCallInfo),
		server.WithHooks(hooks),
		// Hosted OAuth callers see and call only what their scopes reach.
		server.WithToolFilter(allowFilter),
	)
	if mp, ok := cfg.Tracer.(tracing.MetaPropagator); ok {
		// The caller's trace context in params._meta parents the call's span.
		server.WithMetaPropagator(mp)(s)
	}
	surface := cfg.Surface
	if surface == nil {
		ops := cfg.Operations
		if ops == nil {
			ops = clerkapi.Catalog()
		}
		sel := Selection{Toolsets: []string{"all"}, NoDiscovery: true}
		if cfg.Selection != nil {
			sel = *cfg.Selection
		}
		var err error
		if surface, err = sel.Resolve(ops); err != nil {
			return nil, err
		}
	}
	tc := cfg.Config
	tc.profile = cfg.SchemaProfile
	if err := register(s, surface, tc, inputs); err != nil {
		return nil, err
	}
	RegisterPrompts(s)
	RegisterResources(s, surface, cfg.Config)
	return s, nil
}
