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
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/clerk-mcp/clerk-mcp/internal/oauth"
)

// KeyHeader carries a caller's Clerk secret key when Options.KeyFromRequest
// is on.
const KeyHeader = "X-Clerk-Secret-Key"

// SessionIdleTTL is how long an idle streamable HTTP session is kept.
const SessionIdleTTL = 30 * time.Minute

// DefaultMaxBodyBytes bounds a request body: room for a 10 MB image sent as
// base64 in a tool call, and not much more.
const DefaultMaxBodyBytes = 16 << 20

// MinBodyRate is the slowest upload a body read allows: the default body
// deadline is 10 s plus the body limit at this rate (42 s for 16 MiB).
const MinBodyRate = 512 << 10

// Options configures the HTTP handler. Zero values take the defaults.
type Options struct {
	// BaseURL is the externally visible origin SSE clients post messages to,
	// e.g. https://mcp.example.com. Empty: taken from each request.
	BaseURL string
	// SSE serves the legacy SSE transport; Streamable serves /mcp.
	SSE, Streamable bool
	// Stateless serves streamable HTTP without sessions, so any replica can
	// answer any request (SSE always needs sticky sessions).
	Stateless bool
	// AuthTokens are the bearer tokens callers may present (see ParseTokens).
	AuthTokens []string
	// AllowNoAuth must be set to serve without AuthTokens: only on loopback,
	// or beyond it with --insecure-no-auth (see CheckExposure). Without
	// tokens and without it, every request is refused with 401.
	AllowNoAuth bool
	// AllowedOrigins lists the Origin values accepted besides loopback pages
	// (http://localhost, 127.0.0.1, [::1] on any port); "*" accepts any.
	AllowedOrigins []string
	// MaxBodyBytes bounds request bodies (default DefaultMaxBodyBytes).
	MaxBodyBytes int64
	// BodyReadTimeout bounds the reading of one request body (default 10 s
	// plus MaxBodyBytes at MinBodyRate).
	BodyReadTimeout time.Duration
	// MaxSessions caps live streamable HTTP sessions and SSE streams
	// together (default DefaultMaxSessions); above it, 503 with Retry-After.
	MaxSessions int
	// SessionIdleTTL ends streamable HTTP sessions idle that long (default
	// SessionIdleTTL; never in stateless mode, which keeps no sessions).
	SessionIdleTTL time.Duration
	// MaxConcurrentCalls caps tool calls running at once (default
	// DefaultMaxConcurrentCalls); a call over it waits up to BusyWait
	// (default DefaultBusyWait), then is answered "server busy".
	MaxConcurrentCalls int
	BusyWait           time.Duration
	// KeyFromRequest takes each caller's Clerk secret key from KeyHeader, and
	// WithKey puts it in the request context for the tool handlers.
	KeyFromRequest bool
	WithKey        func(ctx context.Context, key string) context.Context
	// WithCaller, when set, puts a fingerprint of the caller's bearer token
	// (never the token) in the request context, so confirmations bind to
	// the caller (tools.WithCaller).
	WithCaller func(ctx context.Context, fingerprint string) context.Context
	// OAuth, when set, makes the server an OAuth resource server: it serves
	// Protected Resource Metadata, accepts access tokens the verifier
	// accepts (beside AuthTokens: either credential will do), answers 401
	// with the resource_metadata challenge, and refuses a tools/call beyond
	// the caller's scopes with 403 insufficient_scope.
	OAuth *oauth.Verifier
	// WithIdentity puts a verified OAuth caller in the request context.
	WithIdentity func(ctx context.Context, id *oauth.Identity) context.Context
	// OnScopeRefusal, when set, hears of every tools/call refused with 403
	// insufficient_scope (for the audit trail): r's context carries what
	// WithCaller and WithIdentity put there.
	OnScopeRefusal func(r *http.Request, id *oauth.Identity, e *oauth.Error)
	// Routes are more handlers on the same listener (ServeMux patterns),
	// served without the MCP authentication but with the Origin check and
	// the body limit: e.g. the sandbox's authorization server.
	Routes map[string]http.Handler
	// Ready, when set, decides /readyz: an error is 503 with its text (a
	// shared store that is down). It must answer without waiting.
	Ready func() error
}

// withDefaults returns o with every zero limit set to its default.
func (o Options) withDefaults() Options {
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.BodyReadTimeout <= 0 {
		o.BodyReadTimeout = 10*time.Second + time.Duration(o.MaxBodyBytes/MinBodyRate)*time.Second
	}
	if o.MaxSessions <= 0 {
		o.MaxSessions = DefaultMaxSessions
	}
	if o.SessionIdleTTL <= 0 {
		o.SessionIdleTTL = SessionIdleTTL
	}
	if o.MaxConcurrentCalls <= 0 {
		o.MaxConcurrentCalls = DefaultMaxConcurrentCalls
	}
	if o.BusyWait <= 0 {
		o.BusyWait = DefaultBusyWait
	}
	return o
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

// New returns the HTTP handler for s. It also caps the concurrent tool calls
// of s (Options.MaxConcurrentCalls): call it once per server.
func New(s *server.MCPServer, o Options) *Host {
	o = o.withDefaults()
	h := &Host{}
	g := &guard{o: o, slots: newSessions(o.MaxSessions)}
	s.Use(limitCalls(o.MaxConcurrentCalls, o.BusyWait))
	mcpMux := http.NewServeMux()
	if o.Streamable {
		opts := []server.StreamableHTTPOption{server.WithEndpointPath("/mcp")}
		if o.Stateless {
			// No session, no per-session state: nothing to expire.
			opts = append(opts, server.WithStateLess(true))
		} else {
			g.sessions = g.slots
			opts = append(opts, server.WithSessionIdManager(g.sessions),
				// Forget sessions a client abandoned without DELETE.
				server.WithSessionIdleTTL(o.SessionIdleTTL))
		}
		h.streamable = server.NewStreamableHTTPServer(s, opts...)
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
	if o.OAuth != nil {
		prm := protectedResourceMetadata(o.OAuth.Metadata())
		mux.Handle("/.well-known/oauth-protected-resource", prm)
		mux.Handle("/.well-known/oauth-protected-resource/mcp", prm)
		if p := o.OAuth.MetadataPath(); p != "" && !strings.HasSuffix(p, "/oauth-protected-resource") && !strings.HasSuffix(p, "/oauth-protected-resource/mcp") {
			mux.Handle(p, prm) // a resource behind a path prefix
		}
	}
	for pattern, rh := range o.Routes {
		mux.Handle(pattern, route(o, rh))
	}
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if o.Ready != nil {
			if err := o.Ready(); err != nil {
				http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
				return
			}
		}
		ok(w, r)
	})
	g.tokens = make([][32]byte, len(o.AuthTokens))
	for i, t := range o.AuthTokens {
		g.tokens[i] = sha256.Sum256([]byte(t))
	}
	g.next = mcpMux
	mux.Handle("/", g)
	h.Handler = mux
	return h
}

// NewServer returns the http.Server for a Host: headers within 10 s and
// 64 KiB, idle connections closed after 2 min. It sets no ReadTimeout or
// WriteTimeout, which would cut SSE and listening streams: the guard bounds
// each body read instead.
func NewServer(h *Host) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
}

// guard checks, in order and before any body byte is read: Origin, the
// caller's token, the per-request Clerk key, the session header and the
// declared body size; then it reserves a session slot for a request that may
// open one, reads the body within its deadline, and passes the request on.
// Every refusal made before the body is read closes the connection, so
// net/http does not drain (up to 256 KB of) a body nobody wants.
type guard struct {
	o      Options
	tokens [][32]byte
	// slots counts live sessions and SSE streams; sessions is the same
	// manager when streamable HTTP is stateful, nil otherwise.
	slots, sessions *sessions
	next            http.Handler
}

func (g *guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if origin := r.Header.Get("Origin"); origin != "" && !originAllowed(origin, g.o.AllowedOrigins) {
		refuse(w, http.StatusForbidden, "Forbidden: Origin "+origin+" is not allowed (see --allowed-origins)")
		return
	}
	var id *oauth.Identity
	if g.o.OAuth != nil {
		var ok bool
		if r, id, ok = g.authenticate(w, r); !ok {
			return
		}
	} else if len(g.tokens) > 0 || !g.o.AllowNoAuth {
		fp, ok := authorized(r, g.tokens)
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="clerk-mcp"`)
			refuse(w, http.StatusUnauthorized, "Unauthorized: send Authorization: Bearer <token>")
			return
		}
		if g.o.WithCaller != nil {
			r = r.WithContext(g.o.WithCaller(r.Context(), fp))
		}
	}
	if g.o.KeyFromRequest {
		key := strings.TrimSpace(r.Header.Get(KeyHeader))
		if key == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="clerk-mcp"`)
			refuse(w, http.StatusUnauthorized, "Unauthorized: send your Clerk secret key in "+KeyHeader)
			return
		}
		if g.o.WithKey != nil {
			r = r.WithContext(g.o.WithKey(r.Context(), key))
		}
	}
	sid := r.Header.Get(server.HeaderKeySessionID)
	if len(sid) > MaxSessionIDBytes {
		refuse(w, http.StatusBadRequest, fmt.Sprintf("Bad request: the Mcp-Session-Id header is over %d bytes", MaxSessionIDBytes))
		return
	}
	if r.ContentLength > g.o.MaxBodyBytes {
		refuse(w, http.StatusRequestEntityTooLarge, "Request body too large")
		return
	}
	if g.sessions != nil && r.URL.Path == "/mcp" && (r.Method == http.MethodGet || r.Method == http.MethodDelete) &&
		!mcp.IsModernProtocol(r.Header.Get(mcp.HeaderProtocolVersion)) {
		// mcp-go opens a stream for any GET and ends nothing on an unknown
		// DELETE: only sessions this server issued may do either.
		switch {
		case sid == "":
			refuse(w, http.StatusBadRequest, "Bad request: the Mcp-Session-Id header is required")
			return
		case !g.sessions.known(sid):
			refuse(w, http.StatusNotFound, "Session not found: start a new session with initialize")
			return
		}
	}
	if r.Method == http.MethodGet && r.URL.Path == "/sse" {
		if !g.reserve(w) {
			return
		}
		defer g.slots.release()
	}
	if r.Body != nil && r.Body != http.NoBody {
		body, ok := g.readBody(w, r)
		if !ok {
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		if id != nil && r.Method == http.MethodPost {
			// A call beyond the caller's scopes is refused here, as HTTP,
			// so the client can step up (every revision: the body of a
			// streamable HTTP POST, stateful or not, or of an SSE message
			// POST, is the JSON-RPC message itself).
			if e := g.o.OAuth.Authorize(id, body); e != nil {
				if g.o.OnScopeRefusal != nil {
					g.o.OnScopeRefusal(r, id, e)
				}
				w.Header().Set("WWW-Authenticate", g.o.OAuth.Challenge(e))
				http.Error(w, "Forbidden: "+e.Description, e.Status)
				return
			}
		}
		if g.sessions != nil && r.Method == http.MethodPost && r.URL.Path == "/mcp" && isInitialize(body) {
			// mcp-go issues a new ID for every initialize, whatever header
			// it carries.
			if !g.reserve(w) {
				return
			}
			defer g.slots.release()
		}
	}
	g.next.ServeHTTP(w, r)
}

// reserve takes a session slot, or answers 503.
func (g *guard) reserve(w http.ResponseWriter) bool {
	if g.slots.reserve() {
		return true
	}
	w.Header().Set("Retry-After", "30")
	http.Error(w, fmt.Sprintf("Service unavailable: %d sessions are open, the most this server keeps; retry later", g.o.MaxSessions), http.StatusServiceUnavailable)
	return false
}

// readBody reads the (small, JSON-RPC) body up front, within the limit and
// the deadline, so a body over the limit is a 413 whatever its framing and a
// body trickled in is cut off.
func (g *guard) readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Now().Add(g.o.BodyReadTimeout))
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, g.o.MaxBodyBytes))
	if err == nil {
		// The deadline is for the body only, not the call or stream the
		// request then runs (net/http clears it too, today).
		_ = rc.SetReadDeadline(time.Time{})
		return body, true
	}
	var tooBig *http.MaxBytesError
	var netErr net.Error
	switch {
	case errors.As(err, &tooBig):
		refuse(w, http.StatusRequestEntityTooLarge, "Request body too large")
	case errors.As(err, &netErr) && netErr.Timeout():
		refuse(w, http.StatusRequestTimeout, fmt.Sprintf("Request timeout: the body took over %s", g.o.BodyReadTimeout))
	default:
		refuse(w, http.StatusBadRequest, "Bad request body")
	}
	return nil, false
}

// refuseLinger is how long a refused connection may still send body bytes
// after its answer (the 0.5 s net/http itself lingers before a close): the
// answer goes out first, and closing with unread input before the client
// has read it would reset the connection and lose it.
const refuseLinger = 500 * time.Millisecond

// refuse answers an error and closes the connection. After a handler,
// net/http reads up to 256 KB of an unread body before it lets go of the
// connection, at whatever pace the client sends it: the read deadline ends
// that refuseLinger after the answer.
func refuse(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Connection", "close")
	http.Error(w, msg, code)
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(refuseLinger))
}

// isInitialize reports whether a JSON-RPC body is an initialize request.
func isInitialize(body []byte) bool {
	if !bytes.Contains(body, []byte(`"initialize"`)) {
		return false
	}
	var m struct {
		Method string `json:"method"`
	}
	return json.Unmarshal(body, &m) == nil && m.Method == string(mcp.MethodInitialize)
}

// authorized reports whether the request presents one of the tokens, and a
// fingerprint of the token it presented (the first 16 bytes of its SHA-256,
// hex): who the caller is, without the credential.
func authorized(r *http.Request, tokens [][32]byte) (string, bool) {
	// The scheme is case-insensitive (RFC 9110 §11.1): "bearer x" is valid.
	scheme, got, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	sum := sha256.Sum256([]byte(strings.TrimSpace(got)))
	match := 0
	for _, t := range tokens {
		match |= subtle.ConstantTimeCompare(sum[:], t[:])
	}
	return "bearer:" + hex.EncodeToString(sum[:16]), match == 1
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

// authenticate admits a caller with one of the static tokens, or with an
// access token the OAuth verifier accepts; otherwise it answers the
// challenge: 401 with resource_metadata (plus error="invalid_token" when a
// token was presented and failed), or 403 for a caller whose scopes or
// memberships admit nothing.
func (g *guard) authenticate(w http.ResponseWriter, r *http.Request) (*http.Request, *oauth.Identity, bool) {
	if len(g.tokens) > 0 {
		if fp, ok := authorized(r, g.tokens); ok && len(r.Header.Values("Authorization")) == 1 {
			if g.o.WithCaller != nil {
				r = r.WithContext(g.o.WithCaller(r.Context(), fp))
			}
			return r, nil, true
		}
	}
	v := g.o.OAuth
	token, present, e := oauth.BearerToken(r)
	if !present {
		w.Header().Set("WWW-Authenticate", v.Challenge(nil))
		refuse(w, http.StatusUnauthorized, "Unauthorized: sign in with OAuth (see /.well-known/oauth-protected-resource) or send Authorization: Bearer <token>")
		return r, nil, false
	}
	var id *oauth.Identity
	if e == nil {
		id, e = v.Verify(r.Context(), token)
	}
	if e != nil {
		w.Header().Set("WWW-Authenticate", v.Challenge(e))
		what := "Unauthorized"
		if e.Status == http.StatusForbidden {
			what = "Forbidden"
		}
		refuse(w, e.Status, what+": "+e.Description)
		return r, nil, false
	}
	ctx := r.Context()
	if g.o.WithIdentity != nil {
		ctx = g.o.WithIdentity(ctx, id)
	}
	if g.o.WithCaller != nil {
		ctx = g.o.WithCaller(ctx, id.Caller())
	}
	return r.WithContext(ctx), id, true
}

// protectedResourceMetadata serves RFC 9728 metadata to anyone, browsers
// included (it is public and holds no secret).
func protectedResourceMetadata(doc []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		switch r.Method {
		case http.MethodGet, http.MethodHead:
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Cache-Control", "max-age=300")
			_, _ = w.Write(doc)
		case http.MethodOptions:
			w.Header().Set("Access-Control-Allow-Methods", "GET, OPTIONS")
			w.Header().Set("Access-Control-Allow-Headers", "*")
			w.WriteHeader(http.StatusNoContent)
		default:
			w.Header().Set("Allow", "GET, HEAD, OPTIONS")
			http.Error(w, "Method not allowed", http.StatusMethodNotAllowed)
		}
	})
}

// route wraps an extra handler (Options.Routes) with the Origin check and
// the body limit; it gets no MCP authentication.
func route(o Options, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); origin != "" && !originAllowed(origin, o.AllowedOrigins) {
			refuse(w, http.StatusForbidden, "Forbidden: Origin "+origin+" is not allowed (see --allowed-origins)")
			return
		}
		if r.ContentLength > o.MaxBodyBytes {
			refuse(w, http.StatusRequestEntityTooLarge, "Request body too large")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, o.MaxBodyBytes)
		h.ServeHTTP(w, r)
	})
}
