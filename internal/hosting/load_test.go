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
	"slices"
	"strconv"
	"strings"
	"sync"
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
	run := loadgen.Run
	if os.Getenv("LOAD_CLIENT") == "mcp-go" {
		name, run = "mcp-go", mcpGoRun
	}
	res, err := run(ctx, cfg)
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

// mcpGoRun is loadgen.Run with mcp-go's full client in every session.
func mcpGoRun(ctx context.Context, cfg loadgen.Config) (loadgen.Result, error) {
	hc := &http.Client{Transport: &http.Transport{MaxIdleConns: 2 * cfg.Sessions, MaxIdleConnsPerHost: 2 * cfg.Sessions, IdleConnTimeout: time.Minute}}
	defer hc.CloseIdleConnections()
	var (
		mu        sync.Mutex
		res       loadgen.Result
		openErr   error
		ready     sync.WaitGroup
		done      sync.WaitGroup
		start     = make(chan struct{})
		latencies = make([][]time.Duration, cfg.Sessions)
	)
	for i := range cfg.Sessions {
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			call, err := mcpGoSession(ctx, hc, cfg.URL)
			if err == nil {
				err = call(cfg.Call(i, -1))
			}
			ready.Done()
			if err != nil {
				mu.Lock()
				openErr = fmt.Errorf("session %d: %w", i, err)
				mu.Unlock()
				return
			}
			<-start
			for j := range cfg.Calls {
				t0 := time.Now()
				err := call(cfg.Call(i, j))
				latencies[i] = append(latencies[i], time.Since(t0))
				if err != nil {
					mu.Lock()
					res.Errors++
					if res.FirstErr == nil {
						res.FirstErr = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	ready.Wait()
	if openErr != nil {
		close(start)
		done.Wait()
		return res, openErr
	}
	t0 := time.Now()
	close(start)
	done.Wait()
	res.Elapsed = time.Since(t0)
	all := slices.Concat(latencies...)
	slices.Sort(all)
	res.Calls = len(all)
	if len(all) > 0 {
		pct := func(p float64) time.Duration { return all[min(len(all)-1, int(p*float64(len(all))))] }
		res.P50, res.P99, res.Max = pct(0.50), pct(0.99), all[len(all)-1]
	}
	return res, nil
}

// mcpGoSession opens a session with mcp-go's client and returns its call.
func mcpGoSession(ctx context.Context, hc *http.Client, url string) (func(params, want string) error, error) {
	c, err := client.NewStreamableHttpClient(url, transport.WithHTTPBasicClient(hc), transport.WithHTTPHeaders(bearer(authToken)))
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
