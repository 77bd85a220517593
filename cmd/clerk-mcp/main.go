// Command clerk-mcp is an MCP server that exposes every operation of the
// Clerk Backend API as a tool, over stdio, SSE or streamable HTTP.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/lmittmann/tint"
	"github.com/mark3labs/mcp-go/server"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/hosting"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

// config is every setting; each flag has an environment twin.
type config struct {
	transport  string
	addr       string
	logLevel   string
	logFormat  string
	apiURL     string
	timeout    time.Duration
	retries    int
	confirmTTL time.Duration
	version    bool
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var cfg config
	fs := flag.NewFlagSet("clerk-mcp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.transport, "transport", env("CLERK_MCP_TRANSPORT", "stdio"), "stdio, sse (legacy SSE only) or http (streamable HTTP at /mcp plus SSE at /sse) (env CLERK_MCP_TRANSPORT)")
	fs.StringVar(&cfg.addr, "addr", env("CLERK_MCP_ADDR", "127.0.0.1:8080"), "listen address for sse and http (env CLERK_MCP_ADDR)")
	fs.StringVar(&cfg.logLevel, "log-level", env("CLERK_MCP_LOG_LEVEL", "info"), "debug, info, warn or error (env CLERK_MCP_LOG_LEVEL)")
	fs.StringVar(&cfg.logFormat, "log-format", env("CLERK_MCP_LOG_FORMAT", "text"), "text or json, always on stderr (env CLERK_MCP_LOG_FORMAT)")
	fs.StringVar(&cfg.apiURL, "api-url", env("CLERK_API_URL", clerkapi.DefaultBaseURL), "Clerk Backend API base URL (env CLERK_API_URL)")
	fs.DurationVar(&cfg.timeout, "timeout", envDuration("CLERK_MCP_TIMEOUT", 30*time.Second), "time limit of one Clerk call, retries included (env CLERK_MCP_TIMEOUT)")
	fs.IntVar(&cfg.retries, "retries", envInt("CLERK_MCP_RETRIES", 3), "retries after a 429, or a 5xx or network error on an idempotent call (env CLERK_MCP_RETRIES)")
	fs.DurationVar(&cfg.confirmTTL, "confirm-ttl", envDuration("CLERK_MCP_CONFIRM_TTL", 5*time.Minute), "how long a destructive tool's confirmation token stays valid (env CLERK_MCP_CONFIRM_TTL)")
	fs.BoolVar(&cfg.version, "version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: clerk-mcp [flags]\n\nMCP server for the Clerk Backend API. The secret key comes from CLERK_SECRET_KEY;\nCLERK_MCP_CONFIRM_KEY (optional) signs confirmation tokens so replicas accept each other's.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
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
	key := os.Getenv("CLERK_SECRET_KEY")
	if key == "" {
		fmt.Fprintln(stderr, "clerk-mcp: CLERK_SECRET_KEY is not set; export your instance's secret key (sk_test_… or sk_live_…) from the Clerk dashboard, API keys page")
		return 2
	}
	logger.Info("starting", "version", version(), "transport", cfg.transport, "api", cfg.apiURL, "key_environment", keyEnvironment(key))

	client := clerkapi.New(clerkapi.Config{
		BaseURL:    cfg.apiURL,
		SecretKey:  key,
		UserAgent:  "clerk-mcp/" + version(),
		Timeout:    cfg.timeout,
		MaxRetries: retriesSetting(cfg.retries),
		Uploads:    clerkapi.Uploads{AllowPaths: cfg.transport == "stdio"},
	})
	s, err := tools.NewServer(tools.ServerConfig{
		Config: tools.Config{
			Client: client,
			Gate:   tools.NewGate([]byte(os.Getenv("CLERK_MCP_CONFIRM_KEY")), cfg.confirmTTL),
			Logger: logger,
		},
		Version: version(),
	})
	if err != nil {
		logger.Error("cannot build the tool catalog", "error", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if cfg.transport == "stdio" {
		stdio := server.NewStdioServer(s)
		stdio.SetErrorLogger(slog.NewLogLogger(logger.Handler(), slog.LevelError))
		if err := stdio.Listen(ctx, stdin, stdout); err != nil && !errors.Is(err, context.Canceled) {
			logger.Error("stdio transport stopped", "error", err)
			return 1
		}
		return 0
	}
	return serveHTTP(ctx, cfg, s, logger)
}

func serveHTTP(ctx context.Context, cfg config, s *server.MCPServer, logger *slog.Logger) int {
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		logger.Error("cannot listen", "addr", cfg.addr, "error", err)
		return 1
	}
	h := hosting.New(s, hosting.Options{SSE: true, Streamable: cfg.transport == "http"})
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	// Open SSE and listening streams never end by themselves; without this,
	// Shutdown waits out its timeout whenever a client is connected.
	srv.RegisterOnShutdown(func() { h.CloseSessions(context.Background()) })
	logger.Info("listening", "addr", ln.Addr().String(), "streamable", cfg.transport == "http", "sse", true)
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
	if err := srv.Shutdown(shutdownCtx); err != nil {
		logger.Warn("shutdown incomplete", "error", err)
	}
	return 0
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

// keyEnvironment names the instance environment a key is for, never the key.
func keyEnvironment(key string) string {
	switch {
	case strings.HasPrefix(key, "sk_live_"):
		return "live"
	case strings.HasPrefix(key, "sk_test_"):
		return "test"
	}
	return "unknown"
}

func retriesSetting(n int) int {
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

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(name)); err == nil {
		return d
	}
	return def
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return n
	}
	return def
}
