package sandbox

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
	"strings"
	"syscall"
	"time"
)

// PublishableKey is the publishable key that pairs with SecretKey: what a
// frontend SDK of an app served by `clerk-mcp sandbox serve` is given. Like
// Clerk's, it is pk_test_ and the base64 of the frontend API host plus "$".
const PublishableKey = "pk_test_c2FuZGJveC5pbnZhbGlkJA"

// RequireTestKeys makes the sandbox answer 401, as Clerk does, to a request
// whose bearer key is missing or not of the form sk_test_…: what `sandbox
// serve` enforces, so an app that would send a live key fails at once
// instead of working against the sandbox.
func RequireTestKeys() Option {
	return func(s *Sandbox) { s.testKeysOnly = true }
}

// testKey reports whether key has the form of a Clerk test secret key.
func testKey(key string) bool {
	rest, ok := strings.CutPrefix(key, "sk_test_")
	if !ok || rest == "" || len(rest) > 200 {
		return false
	}
	for _, c := range rest {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// Listen opens the listener `sandbox serve` answers on. An address beyond
// loopback (":8080", "0.0.0.0:8080", a LAN IP) is refused unless insecure:
// the sandbox has no real authentication, so anyone who reaches it can read
// and change its data.
func Listen(addr string, insecure bool) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("--addr %q is not host:port (as in 127.0.0.1:8081)", addr)
	}
	if !insecure && !loopback(host) {
		return nil, fmt.Errorf("--addr %q listens beyond loopback; the sandbox accepts any sk_test_ key, so use 127.0.0.1:PORT, or pass --insecure-listen to serve it to other machines anyway", addr)
	}
	return net.Listen("tcp", addr)
}

func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// URL is the Backend API base URL a client of the sandbox served on ln uses.
func URL(ln net.Listener) string {
	return "http://" + ln.Addr().String() + "/v1"
}

// Serve answers the Backend API at /v1 on ln until ctx ends, then shuts down
// gracefully: requests under way finish (for up to 5 s). It returns nil
// after a shutdown asked by ctx.
func Serve(ctx context.Context, ln net.Listener, s *Sandbox) error {
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-done; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// Run is the `clerk-mcp sandbox` command; its one subcommand is serve.
func Run(args []string, _, stderr io.Writer) int {
	const usage = "usage: clerk-mcp sandbox serve [--addr 127.0.0.1:8081] [--insecure-listen] [--sandbox-state FILE] [--sandbox-seed FILE]"
	if len(args) == 0 || args[0] != "serve" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			fmt.Fprintln(stderr, usage)
			return 0
		}
		fmt.Fprintln(stderr, "clerk-mcp sandbox: expected the subcommand serve\n"+usage)
		return 2
	}
	fs := flag.NewFlagSet("clerk-mcp sandbox serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8081", "listen address (host:port; port 0 picks a free one)")
	insecure := fs.Bool("insecure-listen", false, "allow an --addr beyond loopback (anyone who reaches it can read and change the sandbox)")
	state := fs.String("sandbox-state", os.Getenv("CLERK_MCP_SANDBOX_STATE"), "keep the sandbox in this file (created if missing); every change is durable before its answer (env CLERK_MCP_SANDBOX_STATE)")
	seed := fs.String("sandbox-seed", os.Getenv("CLERK_MCP_SANDBOX_SEED"), "seed from this JSON fixture instead of the demo data; with --sandbox-state, only a new file (env CLERK_MCP_SANDBOX_SEED)")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage+"\n\nServes the in-memory Clerk (seed data, all Backend API operations) over HTTP at /v1,\n"+
			"for an app's Clerk SDK (CLERK_API_URL) and for clerk-mcp --api-url, so both see one state.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "clerk-mcp sandbox serve: unexpected argument %q\n%s\n", fs.Arg(0), usage)
		return 2
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	sb, where, err := Start(*state, *seed, RequireTestKeys())
	if err != nil {
		logger.Error("cannot start the sandbox", "error", err)
		return 1
	}
	defer sb.Close()
	ln, err := Listen(*addr, *insecure)
	if err != nil {
		logger.Error("cannot listen", "error", err)
		return 1
	}
	base := URL(ln)
	logger.Info("sandbox serving the Clerk Backend API", "url", base,
		"secret_key", SecretKey, "publishable_key", PublishableKey)
	logger.Info("point an app's Clerk SDK here with CLERK_API_URL=" + base + " CLERK_SECRET_KEY=" + SecretKey +
		" (any sk_test_ key is accepted), and clerk-mcp with --api-url " + base + " and the same key; the data is " + where)
	if host, _, _ := net.SplitHostPort(ln.Addr().String()); !loopback(host) {
		logger.Warn("INSECURE: serving the sandbox beyond loopback; anyone who reaches this address can read and change it", "addr", ln.Addr().String())
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := Serve(ctx, ln, sb); err != nil {
		logger.Error("sandbox server stopped", "error", err)
		return 1
	}
	logger.Info("sandbox stopped")
	return 0
}
