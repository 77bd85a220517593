//go:build load

package hosting_test

// Load: many concurrent streamable HTTP sessions calling a tool against a
// fast fake Clerk over loopback, through the whole hosted stack (auth guard,
// mcp-go, handler, clerkapi client). Not part of the unit tests:
//
//	go test -tags load -run TestLoad -count=1 -v ./internal/hosting
//
// LOAD_SESSIONS and LOAD_CALLS change the shape (default 500 × 20).
// LOAD_CLIENT picks the client: "raw" (default) speaks the protocol with
// pre-encoded requests and reads answers as bytes, like wrk, so that the
// clients' own JSON work does not eat the two cores the server is measured
// on; "mcp-go" runs mcp-go's full client in every session.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/clerk-mcp/clerk-mcp/internal/loadgen"
)

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func TestLoad(t *testing.T) {
	sessions, calls := envInt("LOAD_SESSIONS", 500), envInt("LOAD_CALLS", 20)
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	url, hits := loadServer(t)
	cfg := loadgen.Config{URL: url, Token: authToken, Sessions: sessions, Calls: calls, Call: getUser}
	name := "raw"
	if os.Getenv("LOAD_CLIENT") == "mcp-go" {
		name, cfg.Open = "mcp-go", mcpGoSession
	}
	res, err := loadgen.Run(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors > 0 {
		t.Errorf("%d errors; first: %v", res.Errors, res.FirstErr)
	}
	if want := sessions * (calls + 1); res.Calls != sessions*calls || hits.Load() != int64(want) {
		t.Errorf("%d calls timed, %d reached Clerk, want %d and %d (with warm-up)", res.Calls, hits.Load(), sessions*calls, want)
	}
	t.Logf("%d sessions (%s client) × %d calls on GOMAXPROCS=%d: %v", sessions, name, calls, runtime.GOMAXPROCS(0), res)
}

// mcpGoSession opens a session with mcp-go's client and returns its call.
func mcpGoSession(ctx context.Context, hc *http.Client, cfg loadgen.Config) (loadgen.Call, error) {
	c, err := client.NewStreamableHttpClient(cfg.URL, transport.WithHTTPBasicClient(hc), transport.WithHTTPHeaders(bearer(cfg.Token)))
	if err != nil {
		return nil, err
	}
	context.AfterFunc(ctx, func() { _ = c.Close() })
	if err := c.Start(ctx); err != nil {
		return nil, err
	}
	req := mcp.InitializeRequest{}
	req.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	req.Params.ClientInfo = mcp.Implementation{Name: "load", Version: "0"}
	if _, err := c.Initialize(ctx, req); err != nil {
		return nil, err
	}
	return func(params, want string) error {
		var p struct {
			Name      string         `json:"name"`
			Arguments map[string]any `json:"arguments"`
		}
		if err := json.Unmarshal([]byte(params), &p); err != nil {
			return err
		}
		res, err := callTool(ctx, c, p.Name, p.Arguments)
		switch {
		case err != nil:
			return err
		case res.IsError || !strings.Contains(resultText(res), want):
			return fmt.Errorf("%s", resultText(res))
		}
		return nil
	}, nil
}
