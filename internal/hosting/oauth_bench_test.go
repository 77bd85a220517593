package hosting_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/internal/hosting"
	"github.com/clerk-mcp/clerk-mcp/internal/loadgen"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

// BenchmarkStreamableHTTPOAuth is BenchmarkStreamableHTTP with OAuth on:
// every request carries a JWT access token (clerk:read), verified once and
// then answered from the verifier's cache.
//
//	go test ./internal/hosting -run '^$' -bench StreamableHTTPOAuth -benchtime 40000x
func BenchmarkStreamableHTTPOAuth(b *testing.B) {
	const sessions = 200
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := strings.TrimPrefix(r.URL.Path, "/v1/users/")
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"object":"user","id":%q,"first_name":"Ada","last_name":"Lovelace","email_addresses":[{"id":"idn_1","email_address":"ada@example.com"}],"primary_email_address_id":"idn_1","created_at":1700000000000}`, id)
	}))
	b.Cleanup(upstream.Close)
	s, err := tools.NewServer(tools.ServerConfig{Config: tools.Config{
		Client: clerkapi.New(clerkapi.Config{BaseURL: upstream.URL + "/v1", SecretKey: envKey, RateLimit: 0, MaxRetries: -1, Timeout: 30 * time.Second}),
	}})
	if err != nil {
		b.Fatal(err)
	}
	fake := fakeclerk.New() // the verifier's Backend API: a JWT never reaches it
	b.Cleanup(fake.Close)
	h := serveOAuth(b, s, fake, hosting.Options{Streamable: true})
	token := h.token("user_bench", "clerk:read")
	calls := max(1, (b.N+sessions-1)/sessions)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	b.ResetTimer()
	res, err := loadgen.Run(ctx, loadgen.Config{URL: h.base + "/mcp", Token: token, Sessions: sessions, Calls: calls, Call: getUser})
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	if res.Errors > 0 {
		b.Fatalf("%d errors; first: %v", res.Errors, res.FirstErr)
	}
	if fake.Count() != 0 {
		b.Fatalf("%d Backend API calls for verification", fake.Count())
	}
	b.ReportMetric(res.PerSecond(), "calls/s")
	b.ReportMetric(float64(res.P99.Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(res.P50.Microseconds())/1000, "p50-ms")
}
