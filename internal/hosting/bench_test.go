package hosting_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/hosting"
	"github.com/clerk-mcp/clerk-mcp/internal/loadgen"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

// loadServer is the hosted stack main builds (auth guard, mcp-go's
// streamable HTTP, the tool pipeline, clerkapi) on a fast fake Clerk that
// answers get_user; hits counts the requests that reached it.
func loadServer(tb testing.TB) (url string, hits *atomic.Int64) {
	hits = &atomic.Int64{}
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		id := strings.TrimPrefix(r.URL.Path, "/v1/users/")
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"object":"user","id":%q,"first_name":"Ada","last_name":"Lovelace","email_addresses":[{"id":"idn_1","email_address":"ada@example.com"}],"primary_email_address_id":"idn_1","created_at":1700000000000}`, id)
	}))
	tb.Cleanup(upstream.Close)
	s, err := tools.NewServer(tools.ServerConfig{Config: tools.Config{
		// --rate-limit 0: the fake has no limit to respect.
		Client: clerkapi.New(clerkapi.Config{BaseURL: upstream.URL + "/v1", SecretKey: envKey, RateLimit: 0, MaxRetries: -1, Timeout: 30 * time.Second}),
	}})
	if err != nil {
		tb.Fatal(err)
	}
	srv := serve(tb, s, hosting.Options{Streamable: true, AuthTokens: []string{authToken}})
	return srv.URL + "/mcp", hits
}

// getUser is the load's call: get_user of a user per session and call.
func getUser(i, j int) (params, want string) {
	id := fmt.Sprintf("user_%d_%d", i, j)
	return `{"name":"get_user","arguments":{"user_id":"` + id + `"}}`, id
}

// BenchmarkStreamableHTTP: 200 concurrent sessions calling get_user over
// streamable HTTP, b.N calls in all; reports calls/s and the p99 latency.
//
//	go test ./internal/hosting -run '^$' -bench StreamableHTTP -benchtime 40000x
func BenchmarkStreamableHTTP(b *testing.B) {
	const sessions = 200
	url, _ := loadServer(b)
	calls := max(1, (b.N+sessions-1)/sessions)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	b.ResetTimer()
	res, err := loadgen.Run(ctx, loadgen.Config{URL: url, Token: authToken, Sessions: sessions, Calls: calls, Call: getUser})
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	if res.Errors > 0 {
		b.Fatalf("%d errors; first: %v", res.Errors, res.FirstErr)
	}
	b.ReportMetric(res.PerSecond(), "calls/s")
	b.ReportMetric(float64(res.P99.Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(res.P50.Microseconds())/1000, "p50-ms")
}
