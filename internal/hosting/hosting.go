// Package hosting serves an MCP server over HTTP: streamable HTTP at /mcp,
// legacy SSE at /sse (messages at /message), and health probes.
package hosting

import (
	"context"
	"net/http"

	"github.com/mark3labs/mcp-go/server"
)

// Options configures the HTTP handler.
type Options struct {
	// BaseURL is the externally visible origin SSE clients post messages to,
	// e.g. http://127.0.0.1:8080. Empty: taken from each request.
	BaseURL string
	// SSE serves the legacy SSE transport; Streamable serves /mcp.
	SSE, Streamable bool
}

// Handler returns the HTTP handler for s.
func Handler(s *server.MCPServer, o Options) http.Handler {
	return New(s, o)
}

// Host is the HTTP handler for an MCP server, with the means to end its
// long-lived streams.
type Host struct {
	http.Handler
	sse        *server.SSEServer
	streamable *server.StreamableHTTPServer
}

// CloseSessions ends every open SSE stream and streamable HTTP listening
// stream. http.Server.Shutdown waits for handlers to return, and those never
// do while a client stays connected: register this with
// http.Server.RegisterOnShutdown so shutdown can complete.
func (h *Host) CloseSessions(ctx context.Context) {
	if h.sse != nil {
		h.sse.CloseSessions()
	}
	if h.streamable != nil {
		h.streamable.CloseSessions(ctx)
	}
}

// New returns the HTTP handler for s.
func New(s *server.MCPServer, o Options) *Host {
	h := &Host{}
	mux := http.NewServeMux()
	h.Handler = mux
	if o.Streamable {
		h.streamable = server.NewStreamableHTTPServer(s, server.WithEndpointPath("/mcp"))
		mux.Handle("/mcp", h.streamable)
	}
	if o.SSE {
		opts := []server.SSEOption{server.WithSSEEndpoint("/sse"), server.WithMessageEndpoint("/message")}
		if o.BaseURL != "" {
			opts = append(opts, server.WithBaseURL(o.BaseURL))
		}
		h.sse = server.NewSSEServer(s, opts...)
		mux.Handle("/sse", h.sse.SSEHandler())
		mux.Handle("/message", h.sse.MessageHandler())
	}
	ok := func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	}
	mux.HandleFunc("GET /healthz", ok)
	mux.HandleFunc("GET /readyz", ok)
	return h
}
