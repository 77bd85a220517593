package tools

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/internal/hosting"
)

// The attacks of this file: a confirmation token obtained in one place is
// replayed in another, over the real transports where there is one. Each
// must be refused, and the token must still work, once, where it was issued.

const deleteUser1 = `{"user_id":"user_1"}`

// previewToken calls delete_user without confirm and returns the token.
func previewToken(t *testing.T, c *client.Client) string {
	t.Helper()
	res := callTool(t, c, "delete_user", map[string]any{"user_id": "user_1"})
	require.False(t, res.IsError, text(res))
	p, ok := res.StructuredContent.(map[string]any)
	require.True(t, ok, "structuredContent %T", res.StructuredContent)
	token, _ := p["confirm"].(string)
	require.NotEmpty(t, token, text(res))
	return token
}

func confirmWith(t *testing.T, c *client.Client, token string) *mcp.CallToolResult {
	t.Helper()
	return callTool(t, c, "delete_user", map[string]any{"user_id": "user_1", "confirm": token})
}

func deletes(f *fakeclerk.Server) int {
	n := 0
	for _, r := range f.Requests() {
		if r.Method == "DELETE" {
			n++
		}
	}
	return n
}

// hostedServer serves a token-policy server for clerk-mcp over HTTP on
// 127.0.0.1; mw, when set, wraps the hosting handler (as the lead's wiring
// of WithCaller would).
func hostedServer(t *testing.T, gate *Gate, o hosting.Options, mw func(http.Handler) http.Handler) (string, *fakeclerk.Server) {
	t.Helper()
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	cfg := Config{
		Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: goldenKey, MaxRetries: -1}),
		Gate:   gate, Policy: PolicyToken,
	}
	s, err := NewServer(ServerConfig{Config: cfg})
	require.NoError(t, err)
	o.WithKey = WithSecretKey
	o.WithCaller = WithCaller
	o.AllowNoAuth = len(o.AuthTokens) == 0 // a loopback test server, as main allows
	var h http.Handler = hosting.New(s, o)
	if mw != nil {
		h = mw(h)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL, fake
}

func startClient(t *testing.T, c *client.Client, err error) *client.Client {
	t.Helper()
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	require.NoError(t, c.Start(context.Background())) // the SSE stream lives as long as ctx
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "binding-test", Version: "1"}
	_, err = c.Initialize(ctx, init)
	require.NoError(t, err)
	return c
}

// TestTokenBoundToSession: over streamable HTTP, SSE and the in-process
// transport, a token from session A is refused in session B and accepted,
// once, in A.
func TestTokenBoundToSession(t *testing.T) {
	open := map[string]func(t *testing.T) (a, b *client.Client, fake *fakeclerk.Server){
		"streamable HTTP": func(t *testing.T) (*client.Client, *client.Client, *fakeclerk.Server) {
			url, fake := hostedServer(t, NewGate(nil, time.Minute), hosting.Options{Streamable: true}, nil)
			a, err := client.NewStreamableHttpClient(url + "/mcp")
			a = startClient(t, a, err)
			b, err := client.NewStreamableHttpClient(url + "/mcp")
			return a, startClient(t, b, err), fake
		},
		"SSE": func(t *testing.T) (*client.Client, *client.Client, *fakeclerk.Server) {
			url, fake := hostedServer(t, NewGate(nil, time.Minute), hosting.Options{SSE: true}, nil)
			a, err := client.NewSSEMCPClient(url + "/sse")
			a = startClient(t, a, err)
			b, err := client.NewSSEMCPClient(url + "/sse")
			return a, startClient(t, b, err), fake
		},
		"in-process": func(t *testing.T) (*client.Client, *client.Client, *fakeclerk.Server) {
			fake := fakeclerk.New()
			t.Cleanup(fake.Close)
			s, err := NewServer(ServerConfig{Config: Config{
				Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: goldenKey, MaxRetries: -1}),
				Gate:   NewGate(nil, time.Minute), Policy: PolicyToken,
			}})
			require.NoError(t, err)
			a, err := client.NewInProcessClient(s)
			a = startClient(t, a, err)
			time.Sleep(time.Millisecond) // in-process session ids are clock readings
			b, err := client.NewInProcessClient(s)
			return a, startClient(t, b, err), fake
		},
	}
	for name, open := range open {
		t.Run(name, func(t *testing.T) {
			a, b, fake := open(t)
			token := previewToken(t, a)
			res := confirmWith(t, b, token)
			require.True(t, res.IsError, "session B ran session A's token: %s", text(res))
			assert.Contains(t, text(res), "not valid for this tool, these arguments, this Clerk key and this session or caller")
			assert.Zero(t, deletes(fake))
			res = confirmWith(t, a, token)
			require.False(t, res.IsError, text(res))
			assert.Equal(t, 1, deletes(fake))
			res = confirmWith(t, a, token)
			assert.Contains(t, text(res), "already used")
			assert.Equal(t, 1, deletes(fake))
		})
	}
}

// TestTokenBoundToClerkKey: under --key-from-request without sessions,
// tenants are told apart by their Clerk keys only; a token minted with key
// K1 is refused with K2.
func TestTokenBoundToClerkKey(t *testing.T) {
	url, fake := hostedServer(t, NewGate(nil, time.Minute), hosting.Options{Streamable: true, Stateless: true, KeyFromRequest: true}, nil)
	tenant := func(key string) *client.Client {
		c, err := client.NewStreamableHttpClient(url+"/mcp", transport.WithHTTPHeaders(map[string]string{hosting.KeyHeader: key}))
		return startClient(t, c, err)
	}
	k1, k2 := tenant("sk_test_tenant_one_000000000000000"), tenant("sk_test_tenant_two_000000000000000")
	token := previewToken(t, k1)
	res := confirmWith(t, k2, token)
	require.True(t, res.IsError, "tenant K2 ran tenant K1's token: %s", text(res))
	assert.NotContains(t, text(res), "sk_test_tenant")
	assert.Zero(t, deletes(fake))
	require.False(t, confirmWith(t, k1, token).IsError)
	assert.Equal(t, 1, deletes(fake))
	assert.Contains(t, text(confirmWith(t, k1, token)), "already used")

	// Directly: the configured key and a caller's own key are different keys.
	h := NewHandler(Config{Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: goldenKey, MaxRetries: -1}), Policy: PolicyToken})
	o := op(t, "delete_user")
	tok := tokenOf(t, h.Call(context.Background(), o, []byte(deleteUser1)))
	res = h.Call(WithSecretKey(context.Background(), "sk_test_other_0000000000000000000"), o, withConfirm(deleteUser1, tok))
	assert.True(t, res.IsError, "a token minted with the server's key ran with a caller's key")
}

// TestTokenBoundToCaller: without sessions (--stateless) a token is bound to
// the caller WithCaller names; replicas sharing CLERK_MCP_CONFIRM_KEY accept
// it from the same caller only.
func TestTokenBoundToCaller(t *testing.T) {
	confirmKey := []byte("shared-confirm-key-0123456789abcdef")
	withCaller := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			next.ServeHTTP(w, r.WithContext(WithCaller(r.Context(), clerkapi.Fingerprint(tok))))
		})
	}
	opts := hosting.Options{Streamable: true, Stateless: true, AuthTokens: []string{"caller-x-token", "caller-y-token"}}
	replica1, fake1 := hostedServer(t, NewGate(confirmKey, time.Minute), opts, withCaller)
	replica2, fake2 := hostedServer(t, NewGate(confirmKey, time.Minute), opts, withCaller)
	as := func(url, token string) *client.Client {
		c, err := client.NewStreamableHttpClient(url+"/mcp", transport.WithHTTPHeaders(map[string]string{"Authorization": "Bearer " + token}))
		return startClient(t, c, err)
	}
	token := previewToken(t, as(replica1, "caller-x-token"))
	for _, url := range []string{replica1, replica2} {
		res := confirmWith(t, as(url, "caller-y-token"), token)
		require.True(t, res.IsError, "caller Y ran caller X's token: %s", text(res))
		assert.NotContains(t, text(res), "caller-")
	}
	assert.Zero(t, deletes(fake1)+deletes(fake2))
	x2 := as(replica2, "caller-x-token")
	require.False(t, confirmWith(t, x2, token).IsError, "a replica sharing the confirm key, same caller")
	assert.Equal(t, 1, deletes(fake2))
	assert.Contains(t, text(confirmWith(t, x2, token)), "already used")

	// Directly, without a transport: caller X's token, caller Y refused.
	h := NewHandler(Config{Client: clerkapi.New(clerkapi.Config{BaseURL: fake1.URL + "/v1", SecretKey: goldenKey, MaxRetries: -1}), Policy: PolicyToken})
	o := op(t, "delete_user")
	x, y := WithCaller(context.Background(), "fp-x"), WithCaller(context.Background(), "fp-y")
	tok := tokenOf(t, h.Call(x, o, []byte(deleteUser1)))
	assert.True(t, h.Call(y, o, withConfirm(deleteUser1, tok)).IsError)
	assert.True(t, h.Call(context.Background(), o, withConfirm(deleteUser1, tok)).IsError, "no caller is another caller")
	assert.False(t, h.Call(x, o, withConfirm(deleteUser1, tok)).IsError)
}

func tokenOf(t *testing.T, res *mcp.CallToolResult) string {
	t.Helper()
	require.False(t, res.IsError, text(res))
	p := mustPreview(t, res)
	require.NotEmpty(t, p.Confirm)
	return p.Confirm
}

func mustPreview(t *testing.T, res *mcp.CallToolResult) Preview {
	t.Helper()
	var p Preview
	require.NoError(t, json.Unmarshal(res.StructuredContent.(Structured), &p))
	return p
}

func withConfirm(args, token string) []byte {
	return []byte(strings.TrimSuffix(args, "}") + `,"confirm":"` + token + `"}`)
}

// TestStoreDownRefusesConfirmation: over streamable HTTP, when the shared
// single-use store cannot answer, a valid token is refused with an isError
// result naming the cause, nothing is sent to Clerk, and the token is not
// spent: once the store answers again the same call runs, once.
func TestStoreDownRefusesConfirmation(t *testing.T) {
	store := &switchableUse{}
	url, fake := hostedServer(t, NewGate(nil, time.Minute).WithStore(store), hosting.Options{Streamable: true}, nil)
	c, err := client.NewStreamableHttpClient(url + "/mcp")
	c = startClient(t, c, err)
	token := previewToken(t, c)
	store.down.Store(true)
	res := confirmWith(t, c, token)
	require.True(t, res.IsError, text(res))
	assert.Contains(t, text(res), "cannot be checked: the shared store is unreachable")
	assert.Contains(t, text(res), "Nothing was sent to Clerk")
	assert.Zero(t, deletes(fake))
	store.down.Store(false)
	res = confirmWith(t, c, token)
	require.False(t, res.IsError, text(res))
	assert.Equal(t, 1, deletes(fake))
	assert.Contains(t, text(confirmWith(t, c, token)), "already used")
	assert.Equal(t, 1, deletes(fake))
}

// switchableUse is a store in memory that can be made unreachable.
type switchableUse struct {
	down atomic.Bool
	used sync.Map
}

func (s *switchableUse) Claim(_ context.Context, id string, _ time.Time) (bool, error) {
	if s.down.Load() {
		return false, errors.New("the shared store is unreachable")
	}
	_, loaded := s.used.LoadOrStore(id, true)
	return !loaded, nil
}
