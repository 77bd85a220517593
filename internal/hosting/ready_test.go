package hosting_test

import (
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/internal/hosting"
	"github.com/clerk-mcp/clerk-mcp/internal/redisstore"
	"github.com/clerk-mcp/clerk-mcp/internal/redistest"
)

// TestReadyzFollowsTheSharedStore: /readyz answers 200 while Redis does,
// 503 naming Redis (no auth needed) while it is
// down, and 200 again once it is back, without a restart; /healthz stays
// 200 throughout (the process is alive: restarting it would not help).
func TestReadyzFollowsTheSharedStore(t *testing.T) {
	r := redistest.Start(t)
	store, err := redisstore.Open(redisstore.Options{URL: r.URL(), PingEvery: 50 * time.Millisecond})
	require.NoError(t, err)
	t.Cleanup(func() { _ = store.Close() })
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	srv := serve(t, newMCP(t, fake, nil), hosting.Options{Streamable: true, AuthTokens: []string{authToken}, Ready: store.Ready})
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, _ := get("/readyz")
	assert.Equal(t, 200, code)

	r.Kill()
	require.Eventually(t, func() bool { c, _ := get("/readyz"); return c == 503 }, 3*time.Second, 20*time.Millisecond)
	code, body := get("/readyz")
	assert.Equal(t, 503, code)
	assert.Contains(t, body, "the shared store (Redis) is unreachable")
	code, _ = get("/healthz")
	assert.Equal(t, 200, code)

	r.Restart()
	require.Eventually(t, func() bool { c, _ := get("/readyz"); return c == 200 }, 5*time.Second, 20*time.Millisecond)
}
