// Package hosting serves an MCP server over HTTP for hosted agents:
// streamable HTTP at /mcp, legacy SSE at /sse (messages at /message), and
// health probes, behind caller authentication, an Origin check and a body
// limit.
package hosting

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/server"
)

// KeyHeader carries a caller's Clerk secret key when Options.KeyFromRequest
// is on.
const KeyHeader = "X-Clerk-Secret-Key"

// SessionIdleTTL is how long an idle streamable HTTP session is kept.
const SessionIdleTTL = 30 * time.Minute

// DefaultMaxBodyBytes bounds a request body: room for a 10 MB image sent as
// base64 in a tool call, and not much more.
const DefaultMaxBodyBytes = 16 << 20

// Options configures the HTTP handler.
type Options struct {
	// BaseURL is the externally visible origin SSE clients post messages to,
	// e.g. https://mcp.example.com. Empty: taken from each request.
	BaseURL string
	// SSE serves the legacy SSE transport; Streamable serves /mcp.
	SSE, Streamable bool
	// Stateless serves streamable HTTP without sessions, so any replica can
	// answer any request (SSE always needs sticky sessions).
	Stateless bool
	// AuthTokens are the bearer tokens callers may present; empty: no auth.
	AuthTokens []string
	// AllowedOrigins lists the Origin values accepted besides loopback pages
	// (http://localhost, 127.0.0.1, [::1] on any port); "*" accepts any.
	AllowedOrigins []string
	// MaxBodyBytes bounds request bodies (default DefaultMaxBodyBytes).
	MaxBodyBytes int64
	// KeyFromRequest takes each caller's Clerk secret key from KeyHeader, and
	// WithKey puts it in the request context for the tool handlers.
	KeyFromRequest bool
	WithKey        func(ctx context.Context, key string) context.Context
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
	mcpMux := http.NewServeMux()
	if o.Streamable {
		h.streamable = server.NewStreamableHTTPServer(s, server.WithEndpointPath("/mcp"), server.WithStateLess(o.Stateless),
			// Forget sessions a client abandoned without DELETE.
			server.WithSessionIdleTTL(SessionIdleTTL))
		mcpMux.Handle("/mcp", h.streamable)
	}
	if o.SSE {
		opts := []server.SSEOption{server.WithSSEEndpoint("/sse"), server.WithMessageEndpoint("/message")}
		if o.BaseURL != "" {
			opts = append(opts, server.WithBaseURL(o.BaseURL))
		}
		h.sse = server.NewSSEServer(s, opts...)
		mcpMux.Handle("/sse", h.sse.SSEHandler())
		mcpMux.Handle("/message", h.sse.MessageHandler())
	}
	mux := http.NewServeMux()
	ok := func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	}
	mux.HandleFunc("GET /healthz", ok)
	mux.HandleFunc("GET /readyz", ok)
	mux.Handle("/", guard(o, mcpMux))
	h.Handler = mux
	return h
}

// guard checks Origin, the caller's token, the body size and, in
// key-from-request mode, the Clerk key, before any MCP handling.
func guard(o Options, next http.Handler) http.Handler {
	tokens := make([][32]byte, len(o.AuthTokens))
	for i, t := range o.AuthTokens {
		tokens[i] = sha256.Sum256([]byte(t))
	}
	limit := o.MaxBodyBytes
	if limit <= 0 {
		limit = DefaultMaxBodyBytes
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); origin != "" && !originAllowed(origin, o.AllowedOrigins) {
			http.Error(w, "Forbidden: Origin "+origin+" is not allowed (see --allowed-origins)", http.StatusForbidden)
			return
		}
		if len(tokens) > 0 && !authorized(r, tokens) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="clerk-mcp"`)
			http.Error(w, "Unauthorized: send Authorization: Bearer <token>", http.StatusUnauthorized)
			return
		}
		if r.ContentLength > limit {
			http.Error(w, "Request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			// Read the (small, JSON-RPC) body up front so a body over the
			// limit is a 413 whatever its framing.
			body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
			if err != nil {
				var tooBig *http.MaxBytesError
				if errors.As(err, &tooBig) {
					http.Error(w, "Request body too large", http.StatusRequestEntityTooLarge)
				} else {
					http.Error(w, "Bad request body", http.StatusBadRequest)
				}
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		if o.KeyFromRequest {
			key := strings.TrimSpace(r.Header.Get(KeyHeader))
			if key == "" {
				w.Header().Set("WWW-Authenticate", `Bearer realm="clerk-mcp"`)
				http.Error(w, "Unauthorized: send your Clerk secret key in "+KeyHeader, http.StatusUnauthorized)
				return
			}
			if o.WithKey != nil {
				r = r.WithContext(o.WithKey(r.Context(), key))
			}
		}
		next.ServeHTTP(w, r)
	})
}

func authorized(r *http.Request, tokens [][32]byte) bool {
	// The scheme is case-insensitive (RFC 9110 §11.1): "bearer x" is valid.
	scheme, got, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	sum := sha256.Sum256([]byte(strings.TrimSpace(got)))
	match := 0
	for _, t := range tokens {
		match |= subtle.ConstantTimeCompare(sum[:], t[:])
	}
	return match == 1
}

func originAllowed(origin string, allowed []string) bool {
	if slices.Contains(allowed, "*") || slices.Contains(allowed, origin) {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	return loopbackHost(u.Hostname())
}

// IsLoopback reports whether a listen address only accepts local callers.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	return loopbackHost(host)
}

// loopbackHost reports localhost or a loopback IP.
func loopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
