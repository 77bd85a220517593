// Command clerk-mcp is an MCP server that exposes every operation of the
// Clerk Backend API as a tool, over stdio, SSE or streamable HTTP.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/lmittmann/tint"
	"github.com/mark3labs/mcp-go/server"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/audit"
	"github.com/clerk-mcp/clerk-mcp/internal/hosting"
	"github.com/clerk-mcp/clerk-mcp/internal/oauth"
	"github.com/clerk-mcp/clerk-mcp/internal/redisstore"
	"github.com/clerk-mcp/clerk-mcp/internal/sandbox"
	"github.com/clerk-mcp/clerk-mcp/internal/stdio"
	"github.com/clerk-mcp/clerk-mcp/internal/telemetry"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

// config is every setting; each flag has an environment twin.
type config struct {
	transport           string
	addr                string
	logLevel            string
	logFormat           string
	apiURL              string
	timeout             time.Duration
	retries             int
	confirm             string
	confirmTTL          time.Duration
	elicitTimeout       time.Duration
	allowUnconfirmed    bool
	hidePrivateMetadata bool
	toolsets            string
	tools               string
	excludeTools        string
	readOnly            bool
	noDestructive       bool
	discovery           bool
	listTools           bool
	maxResultBytes      int
	schemaProfile       string
	sandbox             bool
	sandboxState        string
	sandboxSeed         string
	authTokens          string
	tokens              []string // authTokens parsed
	maxSessions         int
	maxConcurrentCalls  int
	allowInsecureAPIURL bool
	insecureNoAuth      bool
	allowedOrigins      string
	maxBodyBytes        int64
	keyFromRequest      bool
	stateless           bool
	rateLimit           string
	oauthIssuer         string
	oauthResource       string
	oauthScopes         string
	oauthRequireOrg     string
	auditLog            string
	auditReads          bool
	auditRequired       bool
	redisURL            string
	ready               func() error // /readyz: nil, or the shared store's health
	version             bool
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// envTwins maps each flag to the environment variable that sets it when the
// flag is not given.
var envTwins = map[string]string{
	"transport":              "CLERK_MCP_TRANSPORT",
	"addr":                   "CLERK_MCP_ADDR",
	"log-level":              "CLERK_MCP_LOG_LEVEL",
	"log-format":             "CLERK_MCP_LOG_FORMAT",
	"api-url":                "CLERK_API_URL",
	"timeout":                "CLERK_MCP_TIMEOUT",
	"retries":                "CLERK_MCP_RETRIES",
	"confirm":                "CLERK_MCP_CONFIRM",
	"confirm-ttl":            "CLERK_MCP_CONFIRM_TTL",
	"elicit-timeout":         "CLERK_MCP_ELICIT_TIMEOUT",
	"allow-unconfirmed-live": "CLERK_MCP_ALLOW_UNCONFIRMED_LIVE",
	"hide-private-metadata":  "CLERK_MCP_HIDE_PRIVATE_METADATA",
	"toolsets":               "CLERK_MCP_TOOLSETS",
	"tools":                  "CLERK_MCP_TOOLS",
	"exclude-tools":          "CLERK_MCP_EXCLUDE_TOOLS",
	"read-only":              "CLERK_MCP_READ_ONLY",
	"no-destructive":         "CLERK_MCP_NO_DESTRUCTIVE",
	"discovery":              "CLERK_MCP_DISCOVERY",
	"max-result-bytes":       "CLERK_MCP_MAX_RESULT_BYTES",
	"schema-profile":         "CLERK_MCP_SCHEMA_PROFILE",
	"sandbox":                "CLERK_MCP_SANDBOX",
	"sandbox-state":          "CLERK_MCP_SANDBOX_STATE",
	"sandbox-seed":           "CLERK_MCP_SANDBOX_SEED",
	"auth-token":             "CLERK_MCP_AUTH_TOKEN",
	"insecure-no-auth":       "CLERK_MCP_INSECURE_NO_AUTH",
	"allowed-origins":        "CLERK_MCP_ALLOWED_ORIGINS",
	"max-body-bytes":         "CLERK_MCP_MAX_BODY_BYTES",
	"key-from-request":       "CLERK_MCP_KEY_FROM_REQUEST",
	"stateless":              "CLERK_MCP_STATELESS",
	"rate-limit":             "CLERK_MCP_RATE_LIMIT",
	"oauth-issuer":           "CLERK_MCP_OAUTH_ISSUER",
	"oauth-resource":         "CLERK_MCP_OAUTH_RESOURCE",
	"oauth-scopes":           "CLERK_MCP_OAUTH_SCOPES",
	"oauth-require-org":      "CLERK_MCP_OAUTH_REQUIRE_ORG",
	"redis-url":              "CLERK_MCP_REDIS_URL",
	"max-sessions":           "CLERK_MCP_MAX_SESSIONS",
	"max-concurrent-calls":   "CLERK_MCP_MAX_CONCURRENT_CALLS",
	"allow-insecure-api-url": "CLERK_MCP_ALLOW_INSECURE_API_URL",
	"audit-log":              "CLERK_MCP_AUDIT_LOG",
	"audit-reads":            "CLERK_MCP_AUDIT_READS",
	"audit-required":         "CLERK_MCP_AUDIT_REQUIRED",
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		if i := slices.IndexFunc(subcommands, isCommand(args[0])); i >= 0 {
			return subcommands[i].run(args[1:], stdout, stderr)
		}
		fmt.Fprintf(stderr, "clerk-mcp: unknown command %q\n%s\n", args[0], usageLine)
		return 2
	}
	var cfg config
	fs := flag.NewFlagSet("clerk-mcp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.transport, "transport", "stdio", "stdio, sse (legacy SSE only) or http (streamable HTTP at /mcp plus SSE at /sse)")
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "listen address for sse and http")
	fs.StringVar(&cfg.logLevel, "log-level", "info", "debug, info, warn or error")
	fs.StringVar(&cfg.logFormat, "log-format", "text", "text or json, always on stderr")
	fs.StringVar(&cfg.apiURL, "api-url", clerkapi.DefaultBaseURL, "Clerk Backend API base URL")
	fs.DurationVar(&cfg.timeout, "timeout", 30*time.Second, "time limit of one Clerk call, retries included")
	fs.IntVar(&cfg.retries, "retries", 3, "retries after a 429, or a 5xx or network error on an idempotent call")
	fs.StringVar(&cfg.confirm, "confirm", "auto", "confirmation of destructive calls: auto (ask the user through the client when it can, else a token), token, elicit (ask the user or refuse), off")
	fs.DurationVar(&cfg.confirmTTL, "confirm-ttl", 5*time.Minute, "how long a confirmation token stays valid")
	fs.DurationVar(&cfg.elicitTimeout, "elicit-timeout", 2*time.Minute, "how long to wait for the user to answer a confirmation request")
	fs.BoolVar(&cfg.allowUnconfirmed, "allow-unconfirmed-live", false, "allow --confirm off with a live (sk_live_) key")
	fs.BoolVar(&cfg.hidePrivateMetadata, "hide-private-metadata", false, "strip private_metadata from every result")
	fs.StringVar(&cfg.toolsets, "toolsets", "default", "comma list of toolsets to list: names, default, all or none")
	fs.StringVar(&cfg.tools, "tools", "", "comma list of single tools to list as well")
	fs.StringVar(&cfg.excludeTools, "exclude-tools", "", "comma list of tools to remove everywhere, discovery included (wins over all)")
	fs.BoolVar(&cfg.readOnly, "read-only", false, "only read tools (wins over --tools)")
	fs.BoolVar(&cfg.noDestructive, "no-destructive", false, "drop destructive tools; writes stay")
	fs.BoolVar(&cfg.discovery, "discovery", true, "add search_operations, describe_operation and call_operation, which reach every allowed operation")
	fs.IntVar(&cfg.maxResultBytes, "max-result-bytes", tools.DefaultMaxResultBytes, "cap on a result's text block, cut at an item boundary (structuredContent stays whole); 0: no cap")
	fs.StringVar(&cfg.schemaProfile, "schema-profile", "auto", "input schema dialect: auto (from the client's name), canonical, gemini or openai-strict")
	fs.BoolVar(&cfg.listTools, "list-tools", false, "print the effective tools (name, kind, toolset, tokens) and exit")
	fs.BoolVar(&cfg.sandbox, "sandbox", false, "run against an embedded, in-memory Clerk with seed data (no account or key needed)")
	fs.StringVar(&cfg.sandboxState, "sandbox-state", "", "with --sandbox: keep the sandbox in this file (created if missing); every change is durable before its answer")
	fs.StringVar(&cfg.sandboxSeed, "sandbox-seed", "", "with --sandbox: seed from this JSON fixture instead of the demo data (with --sandbox-state: only a new file)")
	fs.StringVar(&cfg.authTokens, "auth-token", "", "comma list of bearer tokens HTTP callers must present")
	fs.BoolVar(&cfg.insecureNoAuth, "insecure-no-auth", false, "allow listening on a non-loopback address without --auth-token")
	fs.StringVar(&cfg.allowedOrigins, "allowed-origins", "", "comma list of browser Origins allowed besides loopback pages; * allows any")
	fs.Int64Var(&cfg.maxBodyBytes, "max-body-bytes", hosting.DefaultMaxBodyBytes, "largest HTTP request body accepted (413 above)")
	fs.IntVar(&cfg.maxSessions, "max-sessions", hosting.DefaultMaxSessions, "live streamable HTTP sessions and SSE streams kept at once (503 with Retry-After above)")
	fs.IntVar(&cfg.maxConcurrentCalls, "max-concurrent-calls", hosting.DefaultMaxConcurrentCalls, "HTTP: tool calls running at once; a call over it waits briefly, then is answered \"server busy\"")
	fs.BoolVar(&cfg.allowInsecureAPIURL, "allow-insecure-api-url", false, "allow an http:// --api-url to a host beyond loopback (the key would travel in clear)")
	fs.BoolVar(&cfg.keyFromRequest, "key-from-request", false, "HTTP: take each caller's Clerk secret key from the "+hosting.KeyHeader+" header instead of CLERK_SECRET_KEY")
	fs.BoolVar(&cfg.stateless, "stateless", false, "HTTP: streamable HTTP without sessions, for replicas behind a load balancer (SSE still needs sticky sessions)")
	fs.StringVar(&cfg.rateLimit, "rate-limit", "auto", "Clerk requests per second per key: auto (9 for test keys, 90 for live keys, below Clerk's limits of 100 and 1,000 per 10 s), a number, or 0 for no limit")
	fs.StringVar(&cfg.oauthIssuer, "oauth-issuer", "", "HTTP: accept OAuth access tokens from this issuer (your Clerk Frontend API URL; \"sandbox\" with --sandbox)")
	fs.StringVar(&cfg.oauthResource, "oauth-resource", "", "HTTP with --oauth-issuer: this server's public /mcp URL, the tokens' audience (default http://ADDR/mcp on loopback)")
	fs.StringVar(&cfg.oauthScopes, "oauth-scopes", "", "scope names for read,write,admin (default "+oauth.DefaultReadScope+","+oauth.DefaultWriteScope+","+oauth.DefaultAdminScope+")")
	fs.StringVar(&cfg.oauthRequireOrg, "oauth-require-org", "", "ORG[:ROLE]: admit only members of this organization (id or slug), with that role")
	fs.StringVar(&cfg.auditLog, "audit-log", "", "append a JSON line per write, destructive call and refusal to this file (reopened on SIGHUP); - is stdout (HTTP transports only)")
	fs.BoolVar(&cfg.auditReads, "audit-reads", false, "record read calls in the audit log as well")
	fs.BoolVar(&cfg.auditRequired, "audit-required", false, "refuse writes and destructive calls while the audit log cannot be written (fail closed)")
	fs.StringVar(&cfg.redisURL, "redis-url", "", "redis://… or rediss://…: replicas share the single use of confirmation tokens and the per-key rate limit through this Redis")
	fs.BoolVar(&cfg.version, "version", false, "print the version and exit")
	fs.Usage = func() { printUsage(stderr, fs) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		hint := "the server takes flags only"
		if slices.ContainsFunc(subcommands, isCommand(fs.Arg(0))) {
			hint = "a command comes first: clerk-mcp " + fs.Arg(0) + " …"
		}
		fmt.Fprintf(stderr, "clerk-mcp: unexpected argument %q (%s)\n%s\n", fs.Arg(0), hint, usageLine)
		return 2
	}
	if err := applyEnv(fs); err != nil {
		fmt.Fprintln(stderr, "clerk-mcp:", err)
		return 2
	}
	if cfg.version {
		fmt.Fprintln(stdout, "clerk-mcp", versionString())
		return 0
	}
	logger, err := newLogger(stderr, cfg.logLevel, cfg.logFormat)
	if err != nil {
		fmt.Fprintln(stderr, "clerk-mcp:", err)
		return 2
	}
	switch cfg.transport {
	case "stdio", "sse", "http":
	default:
		fmt.Fprintf(stderr, "clerk-mcp: --transport must be stdio, sse or http (got %q)\n", cfg.transport)
		return 2
	}
	policy, err := tools.ParsePolicy(cfg.confirm)
	if err != nil {
		fmt.Fprintln(stderr, "clerk-mcp:", err)
		return 2
	}
	profile, err := tools.ParseProfile(cfg.schemaProfile)
	if err != nil {
		fmt.Fprintln(stderr, "clerk-mcp:", err)
		return 2
	}
	sel := tools.Selection{
		Toolsets:      list(cfg.toolsets),
		Tools:         list(cfg.tools),
		Exclude:       list(cfg.excludeTools),
		ReadOnly:      cfg.readOnly,
		NoDestructive: cfg.noDestructive,
		NoDiscovery:   !cfg.discovery,
	}
	surface, err := sel.Resolve(clerkapi.Catalog())
	if err != nil {
		fmt.Fprintln(stderr, "clerk-mcp:", err)
		return 2
	}
	if cfg.listTools {
		printTools(stdout, surface)
		return 0
	}
	oauthCfg, err := checkOAuth(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "clerk-mcp:", err)
		return 2
	}
	insecure := false
	if cfg.transport != "stdio" {
		// The parsed list decides: " , " is no token at all (D1). OAuth
		// protects a listener beyond loopback by itself.
		if cfg.tokens, err = hosting.ParseTokens(cfg.authTokens); err == nil && oauthCfg == nil {
			insecure, err = hosting.CheckExposure(cfg.addr, cfg.tokens, cfg.insecureNoAuth)
		}
		if err != nil {
			fmt.Fprintln(stderr, "clerk-mcp:", err)
			return 2
		}
	}
	if !cfg.sandbox {
		if err := clerkapi.CheckBaseURL(cfg.apiURL, cfg.allowInsecureAPIURL); err != nil {
			fmt.Fprintln(stderr, "clerk-mcp:", err)
			return 2
		}
	}
	key := os.Getenv("CLERK_SECRET_KEY")
	switch {
	case cfg.sandbox:
		key = sandbox.SecretKey
	case cfg.keyFromRequest && cfg.transport != "stdio":
		// Each caller brings a key; a configured one is never used, not
		// even as a fallback: a call without the caller's key fails.
		key = ""
	case cfg.keyFromRequest:
		fmt.Fprintln(stderr, "clerk-mcp: --key-from-request needs an HTTP transport (--transport http or sse)")
		return 2
	case key == "":
		fmt.Fprintln(stderr, "clerk-mcp: CLERK_SECRET_KEY is not set; export your instance's secret key (sk_test_… or sk_live_…) from the Clerk dashboard, API keys page, or try --sandbox")
		return 2
	}
	env := clerkapi.KeyEnvironment(key)
	if cfg.sandbox {
		env, cfg.apiURL = "sandbox", "embedded sandbox"
	} else if cfg.keyFromRequest {
		env = "per-request"
	}
	// Fail closed: a key that is not recognisably a test key counts as live.
	if policy == tools.PolicyOff && env != "test" && env != "sandbox" && !cfg.allowUnconfirmed {
		fmt.Fprintf(stderr, "clerk-mcp: --confirm off with a %s key also needs --allow-unconfirmed-live; only a test key (sk_test_…) or the sandbox runs unconfirmed without it, since destructive tools would otherwise run on what may be production data\n", env)
		return 2
	}
	if (cfg.auditReads || cfg.auditRequired) && cfg.auditLog == "" {
		fmt.Fprintln(stderr, "clerk-mcp: --audit-reads and --audit-required need --audit-log")
		return 2
	}
	if cfg.auditLog == "-" && cfg.transport == "stdio" {
		fmt.Fprintln(stderr, "clerk-mcp: --audit-log - (stdout) needs an HTTP transport: over stdio, stdout carries the MCP protocol; give a file path")
		return 2
	}
	var auditLog *audit.Log
	if cfg.auditLog != "" {
		if auditLog, err = audit.Open(cfg.auditLog, audit.Options{Reads: cfg.auditReads, Required: cfg.auditRequired, Logger: logger}); err != nil {
			fmt.Fprintln(stderr, "clerk-mcp:", err)
			return 2
		}
		defer auditLog.Close()
		hup := make(chan os.Signal, 1)
		signal.Notify(hup, syscall.SIGHUP)
		defer signal.Stop(hup)
		done := make(chan struct{})
		defer close(done)
		go func() {
			for {
				select {
				case <-hup:
					if auditLog.Reopen() == nil {
						logger.Info("audit log reopened", "path", cfg.auditLog)
					}
				case <-done:
					return
				}
			}
		}()
	}
	ver := version()
	var tracer *telemetry.Tracing // nil, and nothing of OpenTelemetry set up, unless OTEL_* asks
	if on, err := telemetry.Wanted(os.Getenv); err != nil {
		fmt.Fprintln(stderr, "clerk-mcp:", err)
		return 2
	} else if on {
		if tracer, err = telemetry.Start(context.Background(), ver, os.Getenv); err != nil {
			fmt.Fprintln(stderr, "clerk-mcp:", err)
			return 2
		}
		defer func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if err := tracer.Shutdown(ctx); err != nil {
				logger.Warn("traces not all exported", "error", err)
			}
		}()
		logger.Info("tracing on: OTLP over HTTP, from the OTEL_* environment")
	}
	logger.Info("starting", "version", ver, "transport", cfg.transport, "api", cfg.apiURL, "key_environment", env, "confirm", string(policy))
	listed := listedTools(surface)
	logger.Info("tools", "listed", len(listed), "discovery", surface.Discovery, "reachable", len(surface.Reachable()), "names", strings.Join(listed, ","))
	if policy == tools.PolicyOff {
		logger.Warn("confirmation is OFF: destructive tools (delete, ban, revoke, rotate, replace) run without any confirmation", "key_environment", env)
	}
	if insecure {
		logger.Warn("INSECURE: listening beyond loopback without --auth-token; anyone who reaches this address can act on your Clerk instance", "addr", cfg.addr)
	}

	rateLimit := float64(clerkapi.RateLimitByKey)
	if cfg.rateLimit != "auto" {
		if rateLimit, err = strconv.ParseFloat(cfg.rateLimit, 64); err != nil || !(rateLimit >= 0 && rateLimit <= 1e6) {
			fmt.Fprintf(stderr, "clerk-mcp: --rate-limit must be auto, 0 (no limit) or a number of requests per second (got %q)\n", cfg.rateLimit)
			return 2
		}
	}
	ccfg := clerkapi.Config{
		BaseURL:   cfg.apiURL,
		SecretKey: key,
		// Machine secret key for create_m2m_token, when not passed per call.
		MachineSecretKey: os.Getenv("CLERK_MACHINE_SECRET_KEY"),
		MaxRetries:       noneAsNegative(cfg.retries),
		RateLimit:        rateLimit,
	}
	if (cfg.sandboxState != "" || cfg.sandboxSeed != "") && !cfg.sandbox {
		fmt.Fprintln(stderr, "clerk-mcp: --sandbox-state and --sandbox-seed need --sandbox (or use them with clerk-mcp sandbox serve)")
		return 2
	}
	var sb *sandbox.Sandbox
	if cfg.sandbox {
		var where string
		if sb, where, err = sandbox.Start(cfg.sandboxState, cfg.sandboxSeed); err != nil {
			fmt.Fprintln(stderr, "clerk-mcp:", err)
			return 1
		}
		defer sb.Close()
		ccfg = sb.Config()
		logger.Warn("SANDBOX: serving an embedded Clerk with seed data; nothing reaches a real Clerk instance; its data is " + where)
	}
	ccfg.UserAgent = "clerk-mcp/" + ver
	ccfg.Timeout = cfg.timeout
	ccfg.Uploads = clerkapi.Uploads{AllowPaths: cfg.transport == "stdio"}
	var callTracer tools.CallTracer
	if tracer != nil {
		ccfg.Observer, callTracer = tracer, tracer
	}
	gate := tools.NewGate([]byte(os.Getenv("CLERK_MCP_CONFIRM_KEY")), cfg.confirmTTL)
	if cfg.redisURL != "" {
		// stdio is accepted too: a local process then shares its key's
		// rate limit with the hosted replicas of the same key.
		store, err := redisstore.Open(redisstore.Options{URL: cfg.redisURL, TokenTTL: cfg.confirmTTL, Logger: logger})
		if err != nil {
			fmt.Fprintln(stderr, "clerk-mcp:", err) // never the password (redisstore redacts)
			return 2
		}
		defer store.Close()
		gate.WithStore(store)
		ccfg.SharedLimiter = store
		cfg.ready = store.Ready
	}
	client := clerkapi.New(ccfg)
	s, err := tools.NewServer(tools.ServerConfig{
		Config: tools.Config{
			Client:              client,
			Gate:                gate,
			Logger:              logger,
			Policy:              policy,
			ElicitTimeout:       cfg.elicitTimeout,
			HidePrivateMetadata: cfg.hidePrivateMetadata,
			MaxResultBytes:      noneAsNegative(cfg.maxResultBytes),
			Audit:               auditLog,
			DefaultCaller:       defaultCaller(cfg.transport),
			Tracer:              callTracer,
		},
		Version:       ver,
		Surface:       surface,
		SchemaProfile: profile,
	})
	if err != nil {
		logger.Error("cannot build the tool catalog", "error", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if cfg.transport == "stdio" {
		if f, ok := stdin.(*os.File); ok && isTerminal(f) {
			logger.Info("waiting for an MCP client on stdin/stdout; start this command from a client (clerk-mcp config --client …), or serve HTTP with --transport http and point a client or the MCP Inspector at http://" + cfg.addr + "/mcp")
		}
		if err := stdio.Serve(ctx, s, stdin, stdout, stdio.Options{Logger: logger}); err != nil && !errors.Is(err, context.Canceled) {
			logger.Error("stdio transport stopped", "error", err)
			return 1
		}
		return 0
	}
	return serveHTTP(ctx, cfg, s, logger, oauthCfg, client, sb, scopeRefusalAudit(auditLog))
}

func serveHTTP(ctx context.Context, cfg config, s *server.MCPServer, logger *slog.Logger, oauthCfg *oauth.Config, client *clerkapi.Client, sb *sandbox.Sandbox,
	onScopeRefusal func(*http.Request, *oauth.Identity, *oauth.Error)) int {
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		logger.Error("cannot listen", "addr", cfg.addr, "error", err)
		return 1
	}
	var verifier *oauth.Verifier
	var routes map[string]http.Handler
	if oauthCfg != nil {
		here := "http://" + ln.Addr().String()
		if oauthCfg.Resource == "" {
			oauthCfg.Resource = here + "/mcp"
		}
		if oauthCfg.Issuer == "sandbox" {
			oauthCfg.Issuer = here + sandbox.AuthServerPath
			routes = sb.AuthorizationServer(oauthCfg.Issuer)
		}
		oauthCfg.Clerk, oauthCfg.Logger = client, logger
		if verifier, err = oauth.New(*oauthCfg); err != nil {
			logger.Error("cannot start OAuth", "error", err)
			_ = ln.Close()
			return 2
		}
		logger.Info("oauth resource server", "issuer", oauthCfg.Issuer, "resource", oauthCfg.Resource,
			"metadata", oauth.MetadataURL(oauthCfg.Resource), "scopes", strings.Join(oauthCfg.Scopes.List(), ","), "static_tokens", len(cfg.tokens))
	}
	h := hosting.New(s, hosting.Options{
		SSE:                true,
		Streamable:         cfg.transport == "http",
		Stateless:          cfg.stateless,
		AuthTokens:         cfg.tokens,
		AllowNoAuth:        len(cfg.tokens) == 0 && verifier == nil, // CheckExposure allowed it: loopback, or --insecure-no-auth
		AllowedOrigins:     list(cfg.allowedOrigins),
		MaxBodyBytes:       cfg.maxBodyBytes,
		MaxSessions:        cfg.maxSessions,
		MaxConcurrentCalls: cfg.maxConcurrentCalls,
		KeyFromRequest:     cfg.keyFromRequest,
		WithKey:            tools.WithSecretKey,
		WithCaller:         tools.WithCaller,
		OAuth:              verifier,
		WithIdentity:       withIdentity,
		OnScopeRefusal:     onScopeRefusal,
		Routes:             routes,
		Ready:              cfg.ready,
	})
	srv := hosting.NewServer(h)
	// Open SSE and listening streams never end by themselves; without this,
	// Shutdown waits out its timeout whenever a client is connected. A stream
	// whose request was already in a handler when shutdown began opens after
	// the first close, so closing repeats until Shutdown is over.
	shutdownDone := make(chan struct{})
	srv.RegisterOnShutdown(func() {
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			h.CloseSessions(context.Background())
			select {
			case <-shutdownDone:
				return
			case <-tick.C:
			}
		}
	})
	endpoints := []string{"http://" + ln.Addr().String() + "/sse"} // the URLs clients connect to
	if cfg.transport == "http" {
		endpoints = append([]string{"http://" + ln.Addr().String() + "/mcp"}, endpoints...)
	}
	logger.Info("listening", "addr", ln.Addr().String(), "endpoints", endpoints, "streamable", cfg.transport == "http", "sse", true, "gogc", hostedGC())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		logger.Error("http server stopped", "error", err)
		return 1
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = srv.Shutdown(shutdownCtx)
	close(shutdownDone)
	if err != nil {
		logger.Warn("shutdown incomplete", "error", err)
	}
	return 0
}

// defaultCaller names, in audit records, a caller without a bearer token.
func defaultCaller(transport string) string {
	if transport == "stdio" {
		return "stdio"
	}
	return "anonymous"
}

// hostedGC lets the garbage collector run half as often when serving HTTP,
// unless GOGC says otherwise: at 200 sessions that served 15–25% more calls
// with a p99 10 ms lower, for a heap up to three times the live data instead
// of two (README, Load). It returns the setting in force.
func hostedGC() string {
	if v, set := os.LookupEnv("GOGC"); set {
		return v
	}
	debug.SetGCPercent(200)
	return "200"
}

func newLogger(w io.Writer, level, format string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("--log-level must be debug, info, warn or error (got %q)", level)
	}
	switch format {
	case "text":
		return slog.New(tint.NewTextHandler(w, &tint.Options{Level: lv, NoColor: !isTerminal(w), TimeFormat: time.TimeOnly})), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: lv})), nil
	}
	return nil, fmt.Errorf("--log-format must be text or json (got %q)", format)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// noneAsNegative maps a flag's 0 (no cap, no retries) to the negative that
// tools.Config.MaxResultBytes and clerkapi.Config.MaxRetries take for none;
// their own 0 means the default.
func noneAsNegative(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

// version is the module version from build info ("devel" in a work tree).
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// versionString adds the VCS revision and time when the build recorded them.
func versionString() string {
	v := version()
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	var rev, at, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev != "" {
		v += " (" + rev + dirty
		if at != "" {
			v += ", " + at
		}
		v += ")"
	}
	return v + " " + bi.GoVersion
}

// list splits a comma list, dropping blanks.
func list(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// printTools writes the effective tool list with each definition's cost.
func printTools(w io.Writer, s *tools.Surface) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tTOOLSET\tTOKENS")
	total := 0
	for _, op := range s.Listed {
		def, err := tools.Definition(op)
		if err != nil {
			continue
		}
		n := tools.Tokens(def)
		total += n
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\n", op.Name, op.Kind(), op.Toolset, n)
	}
	if s.Discovery {
		for _, d := range tools.DiscoveryDefinitions(s) {
			n := tools.Tokens(d)
			total += n
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\n", d.Name, "discovery", "-", n)
		}
	}
	_ = tw.Flush()
	fmt.Fprintf(w, "%d tools listed, %d tokens; %d operations reachable\n", len(listedTools(s)), total, len(s.Reachable()))
}

// applyEnv sets every flag not given on the command line from its
// environment twin, reporting a bad value with the variable's name.
func applyEnv(fs *flag.FlagSet) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		name, ok := envTwins[f.Name]
		if !ok || given[f.Name] || err != nil {
			return
		}
		if v, set := os.LookupEnv(name); set && v != "" {
			if e := fs.Set(f.Name, v); e != nil {
				err = fmt.Errorf("invalid %s=%q: %v", name, v, e)
			}
		}
	})
	return err
}

// checkOAuth reads the --oauth-* flags: nil when OAuth is off. The issuer
// "sandbox" and the default resource are settled once the listener's
// address is known (serveHTTP).
func checkOAuth(cfg config) (*oauth.Config, error) {
	if cfg.oauthIssuer == "" {
		for _, f := range []struct{ name, v string }{{"oauth-resource", cfg.oauthResource}, {"oauth-scopes", cfg.oauthScopes}, {"oauth-require-org", cfg.oauthRequireOrg}} {
			if f.v != "" {
				return nil, fmt.Errorf("--%s goes with --oauth-issuer", f.name)
			}
		}
		return nil, nil
	}
	switch {
	case cfg.transport == "stdio":
		return nil, errors.New("--oauth-issuer protects an HTTP server: add --transport http (or sse)")
	case cfg.keyFromRequest:
		return nil, errors.New("--oauth-issuer and --key-from-request are two identity models: OAuth callers act with this server's key, so choose one")
	case cfg.oauthIssuer == "sandbox" && !cfg.sandbox:
		return nil, errors.New("--oauth-issuer sandbox needs --sandbox (the sandbox plays the authorization server); with a real instance, pass its Frontend API URL")
	case cfg.oauthIssuer == "sandbox" && cfg.sandboxState != "":
		// The journal records Backend API requests only; the authorization
		// server's registrations and grants would be missing on replay.
		return nil, errors.New("--oauth-issuer sandbox does not go with --sandbox-state yet: the state file keeps Backend API changes, not the sandbox authorization server's clients and grants; drop one of them")
	case cfg.oauthResource == "" && !hosting.IsLoopback(cfg.addr):
		return nil, fmt.Errorf("--oauth-resource is required beyond loopback: the public URL of /mcp clients connect to (e.g. https://mcp.example.com/mcp), the audience tokens must name")
	}
	scopes, err := oauth.ParseScopes(cfg.oauthScopes)
	if err != nil {
		return nil, err
	}
	org, err := oauth.ParseOrg(cfg.oauthRequireOrg)
	if err != nil {
		return nil, err
	}
	c := &oauth.Config{Issuer: cfg.oauthIssuer, Resource: cfg.oauthResource, Scopes: scopes, RequireOrg: org}
	if c.Issuer != "sandbox" || c.Resource != "" {
		// Check the URLs now, not after listening.
		probe := *c
		if probe.Issuer == "sandbox" {
			probe.Issuer = "http://127.0.0.1/sandbox"
		}
		if probe.Resource == "" {
			probe.Resource = "http://127.0.0.1/mcp"
		}
		if _, err := oauth.New(probe); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// scopeRefusalAudit records the calls hosting refuses with 403
// insufficient_scope, which never reach the tool handlers (nil: no audit).
func scopeRefusalAudit(l *audit.Log) func(*http.Request, *oauth.Identity, *oauth.Error) {
	if l == nil {
		return nil
	}
	return func(r *http.Request, _ *oauth.Identity, e *oauth.Error) {
		if e.Op != nil {
			tools.AuditRefusal(r.Context(), l, e.Op, r.Header.Get("Mcp-Session-Id"), "beyond the caller's scopes: "+e.Description)
		}
	}
}

// withIdentity puts an OAuth caller's reach in the context of its requests.
func withIdentity(ctx context.Context, id *oauth.Identity) context.Context {
	ctx = tools.WithSubject(ctx, id.Subject, id.ClientID) // for the audit trail
	return tools.WithAllow(ctx, id.Allows)
}
