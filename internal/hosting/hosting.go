// Package hosting serves an MCP server over HTTP: streamable HTTP at /mcp,
// legacy SSE at /sse (messages at /message), and health probes.
package hosting

import (
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
	mux := http.NewServeMux()
	if o.Streamable {
		mux.Handle("/mcp", server.NewStreamableHTTPServer(s, server.WithEndpointPath("/mcp")))
	}
	if o.SSE {
		opts := []server.SSEOption{server.WithSSEEndpoint("/sse"), server.WithMessageEndpoint("/message")}
		if o.BaseURL != "" {
			opts = append(opts, server.WithBaseURL(o.BaseURL))
		}
		sse := server.NewSSEServer(s, opts...)
		mux.Handle("/sse", sse.SSEHandler())
		mux.Handle("/message", sse.MessageHandler())
	}
	ok := func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	}
	mux.HandleFunc("GET /healthz", ok)
	mux.HandleFunc("GET /readyz", ok)
	return mux
}
