package tools

import (
	"github.com/mark3labs/mcp-go/server"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Instructions tell the model, once per session, how this server behaves.
const Instructions = "Tools call the Clerk Backend API of one instance. Destructive tools first return a preview and a confirm token; run them by calling again with the same arguments plus confirm, after the user agrees. Lists take limit and offset and return total_count."

// ServerConfig configures an MCP server for the catalog.
type ServerConfig struct {
	Config
	Version    string
	Operations []clerkapi.Operation // default: the whole catalog
}

// NewServer returns an MCP server with a tool for every operation.
func NewServer(cfg ServerConfig) (*server.MCPServer, error) {
	s := server.NewMCPServer("clerk-mcp", cfg.Version,
		server.WithToolCapabilities(false),
		server.WithInstructions(Instructions),
		server.WithElicitation(),
	)
	ops := cfg.Operations
	if ops == nil {
		ops = clerkapi.Catalog()
	}
	if err := Register(s, ops, cfg.Config); err != nil {
		return nil, err
	}
	return s, nil
}
