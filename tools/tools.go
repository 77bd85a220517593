// Package tools turns the clerkapi operation table into MCP tools. There is
// no per-tool code: one generic handler decodes and validates the arguments,
// applies the confirmation gate to destructive operations, calls Clerk through
// clerkapi, and shapes the result.
package tools

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/audit"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

// Definition returns the MCP tool for an operation, with its embedded,
// pre-generated schemas and all four annotations set from its kind.
func Definition(op *clerkapi.Operation) (mcp.Tool, error) {
	in, ok := schemas.Input(op.Name)
	if !ok {
		return mcp.Tool{}, fmt.Errorf("no input schema for %s (run go generate ./...)", op.Name)
	}
	out, ok := schemas.Output(op.Name)
	if !ok {
		return mcp.Tool{}, fmt.Errorf("no output schema for %s (run go generate ./...)", op.Name)
	}
	t := mcp.NewToolWithRawSchema(op.Name, op.Description, in)
	t.RawOutputSchema = out
	t.Annotations = Annotations(op)
	return t, nil
}

// Annotations derives the four hints from the operation's kind:
// read → readOnly; write → not destructive; destructive → destructive.
// idempotentHint follows Operation.Idempotent; every tool reaches Clerk, an
// external system, so openWorldHint is true.
func Annotations(op *clerkapi.Operation) mcp.ToolAnnotation {
	k := op.Kind()
	return mcp.ToolAnnotation{
		ReadOnlyHint:    mcp.ToBoolPtr(k == clerkapi.Read),
		DestructiveHint: mcp.ToBoolPtr(k == clerkapi.Destructive),
		IdempotentHint:  mcp.ToBoolPtr(op.Idempotent()),
		OpenWorldHint:   mcp.ToBoolPtr(true),
	}
}

// Config is what the tool handlers need.
type Config struct {
	Client *clerkapi.Client
	Gate   *Gate
	Logger *slog.Logger
	// Policy chooses how destructive calls are confirmed (default auto).
	Policy Policy
	// ElicitTimeout bounds the wait for a human answer (default 2 minutes).
	ElicitTimeout time.Duration
	// HidePrivateMetadata strips private_metadata from every result.
	HidePrivateMetadata bool
	// MaxResultBytes caps a result's text block (default
	// DefaultMaxResultBytes; negative: no cap). structuredContent is whole.
	MaxResultBytes int
	// Audit, when set, records calls (internal/audit).
	Audit *audit.Log
	// Tracer, when set, opens a span per call (internal/telemetry).
	Tracer CallTracer
	// DefaultCaller names a caller the host did not fingerprint in audit
	// records: "stdio", or "anonymous" (the default).
	DefaultCaller string

	// profile is ServerConfig.SchemaProfile, which the handler needs to
	// read nulls by the session's dialect.
	profile Profile
}

// DefaultMaxResultBytes caps a text block at about 8,000 tokens.
const DefaultMaxResultBytes = 32 << 10

// register adds the surface's listed tools to s, all served by one handler,
// and the discovery tools when the surface has them.
//
// mcp-go gets each tool's name, description, annotations, output schema and
// handler; the input schema goes to inputs, and schemaHook attaches it (in
// the session's profile) whenever tools are listed. AddTools would otherwise
// decode all 249 input schemas at start-up to look for x-mcp-header
// annotations, 2.4 of the server's start-up milliseconds; ours have none
// (TestNoHeaderAnnotations runs mcp-go's own check on every definition).
func register(s *server.MCPServer, surface *Surface, cfg Config, inputs *inputSchemas) error {
	h := NewHandler(cfg)
	h.elicitor = s
	h.watchSessions(s)
	tools := make([]server.ServerTool, 0, len(surface.Listed)+len(discoveryTools))
	add := func(def mcp.Tool, handler server.ToolHandlerFunc) {
		inputs.m[def.Name] = def.RawInputSchema
		def.RawInputSchema = listedLater
		tools = append(tools, server.ServerTool{Tool: def, Handler: handler})
	}
	for _, op := range surface.Listed {
		def, err := Definition(op)
		if err != nil {
			return err
		}
		add(def, h.For(op))
	}
	if surface.Discovery {
		for _, def := range DiscoveryDefinitions(surface) {
			add(def, h.discoveryHandler(surface, def))
		}
	}
	s.AddTools(tools...)
	return nil
}

// listedLater stands for an input schema in mcp-go's registry: schemaHook
// puts the tool's own schema in its place in every tools/list.
var listedLater = json.RawMessage(`{"type":"object"}`)

// Tokens estimates what a tool definition costs the model's context: bytes/4
// of the compact JSON of name, description and inputSchema, which is what
// clients pass to the model.
func Tokens(t mcp.Tool) int {
	var schema bytes.Buffer
	_ = json.Compact(&schema, t.RawInputSchema)
	b, _ := json.Marshal(struct {
		Name        string          `json:"name"`
		Description string          `json:"description"`
		InputSchema json.RawMessage `json:"inputSchema"`
	}{t.Name, t.Description, schema.Bytes()})
	return len(b) / 4
}
