//go:build load

package hosting_test

// Load: many concurrent streamable HTTP sessions calling a tool against a
// fast fake Clerk over loopback, through the whole hosted stack (auth guard,
// mcp-go, handler, clerkapi client). Not part of the unit tests:
//
//	go test -tags load -run TestLoad -count=1 -v ./internal/hosting
//
// LOAD_SESSIONS and LOAD_CALLS change the shape (default 500 × 20).

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/hosting"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func TestLoad(t *testing.T) {
	sessions, calls := envInt("LOAD_SESSIONS", 500), envInt("LOAD_CALLS", 20)
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()

	var upstreamHits atomic.Int64
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		upstreamHits.Add(1)
		id := strings.TrimPrefix(r.URL.Path, "/v1/users/")
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"object":"user","id":%q,"first_name":"Ada","last_name":"Lovelace","email_addresses":[{"id":"idn_1","email_address":"ada@example.com"}],"primary_email_address_id":"idn_1","created_at":1700000000000}`, id)
	}))
	defer upstream.Close()
	s, err := tools.NewServer(tools.ServerConfig{Config: tools.Config{
		// --rate-limit 0: the fake has no limit to respect.
		Client: clerkapi.New(clerkapi.Config{BaseURL: upstream.URL + "/v1", SecretKey: envKey, RateLimit: 0, MaxRetries: -1, Timeout: 30 * time.Second}),
	}})
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, s, hosting.Options{Streamable: true, AuthTokens: []string{authToken}})
	httpClient := &http.Client{Transport: &http.Transport{MaxIdleConns: 2 * sessions, MaxIdleConnsPerHost: 2 * sessions, IdleConnTimeout: time.Minute}}
	defer httpClient.CloseIdleConnections()

	var (
		errs     atomic.Int64
		firstErr atomic.Value
		ready    sync.WaitGroup
		done     sync.WaitGroup
		start    = make(chan struct{})
	)
	fail := func(err error) {
		errs.Add(1)
		firstErr.CompareAndSwap(nil, err)
	}
	latencies := make([][]time.Duration, sessions)
	for i := range sessions {
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			c, err := client.NewStreamableHttpClient(srv.URL+"/mcp",
				transport.WithHTTPBasicClient(httpClient), transport.WithHTTPHeaders(bearer(authToken)))
			if err == nil {
				defer c.Close()
				err = c.Start(ctx)
			}
			if err == nil {
				req := mcp.InitializeRequest{}
				req.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
				req.Params.ClientInfo = mcp.Implementation{Name: "load", Version: "0"}
				_, err = c.Initialize(ctx, req)
			}
			ready.Done()
			if err != nil {
				fail(fmt.Errorf("session %d: %w", i, err))
				return
			}
			<-start
			lat := make([]time.Duration, 0, calls)
			for j := range calls {
				id := fmt.Sprintf("user_%d_%d", i, j)
				t0 := time.Now()
				res, err := callTool(ctx, c, "get_user", map[string]any{"user_id": id})
				lat = append(lat, time.Since(t0))
				switch {
				case err != nil:
					fail(fmt.Errorf("%s: %w", id, err))
				case res.IsError || !strings.Contains(resultText(res), id):
					fail(fmt.Errorf("%s: %s", id, resultText(res)))
				}
			}
			latencies[i] = lat
		}()
	}
	ready.Wait()
	if err, _ := firstErr.Load().(error); err != nil {
		close(start)
		done.Wait()
		t.Fatalf("%d errors while connecting; first: %v", errs.Load(), err)
	}
	t0 := time.Now()
	close(start)
	done.Wait()
	elapsed := time.Since(t0)

	all := slices.Concat(latencies...)
	slices.Sort(all)
	total := sessions * calls
	if n := errs.Load(); n > 0 {
		t.Errorf("%d errors; first: %v", n, firstErr.Load())
	}
	if len(all) != total || upstreamHits.Load() != int64(total) {
		t.Errorf("%d calls timed, %d reached Clerk, want %d", len(all), upstreamHits.Load(), total)
	}
	if len(all) == 0 {
		return
	}
	pct := func(p float64) time.Duration { return all[min(len(all)-1, int(p*float64(len(all))))] }
	t.Logf("%d sessions × %d calls = %d tools/call in %v on GOMAXPROCS=%d: %.0f calls/s, p50 %v, p99 %v, max %v, errors %d",
		sessions, calls, total, elapsed.Round(time.Millisecond), runtime.GOMAXPROCS(0),
		float64(total)/elapsed.Seconds(), pct(0.50).Round(time.Microsecond*10), pct(0.99).Round(time.Microsecond*10),
		all[len(all)-1].Round(time.Millisecond), errs.Load())
}
