package oauth

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	_ "github.com/clerk-mcp/clerk-mcp/internal/golden"
	"github.com/clerk-mcp/clerk-mcp/internal/oauth/oauthtest"
)

const resource = "http://127.0.0.1:9999/mcp"

// clerk is a fake Backend API that answers verify_oauth_access_token for
// a few opaque tokens and the memberships of user_member.
func clerk(t testing.TB) *fakeclerk.Server {
	fc := fakeclerk.New()
	t.Cleanup(fc.Close)
	fc.Handle(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.URL.Path == "/v1/oauth_applications/access_tokens/verify":
			var in struct {
				AccessToken string `json:"access_token"`
			}
			reqs := fc.Requests() // the fake read the body already
			_ = json.Unmarshal(reqs[len(reqs)-1].Body, &in)
			exp := time.Now().Add(time.Hour).Unix()
			switch in.AccessToken {
			case "oat_active_read_0123456789":
				_, _ = w.Write([]byte(`{"object":"clerk_idp_oauth_access_token","id":"oat_1","client_id":"client_a","subject":"user_a","scopes":["clerk:read"],"revoked":false,"revocation_reason":null,"expired":false,"expiration":` + jsonInt(exp) + `,"created_at":1,"updated_at":1}`))
			case "oat_revoked_0123456789":
				_, _ = w.Write([]byte(`{"object":"clerk_idp_oauth_access_token","id":"oat_2","client_id":"client_a","subject":"user_a","scopes":["clerk:admin"],"revoked":true,"revocation_reason":"Revoked by user","expired":false,"expiration":` + jsonInt(exp) + `,"created_at":1,"updated_at":1}`))
			case "oat_inactive_0123456789":
				_, _ = w.Write([]byte(`{"active":false}`))
			default:
				w.WriteHeader(404)
				_, _ = w.Write([]byte(`{"errors":[{"code":"resource_not_found","message":"not found","long_message":"not found"}]}`))
			}
		case strings.HasPrefix(r.URL.Path, "/v1/users/") && strings.HasSuffix(r.URL.Path, "/organization_memberships"):
			if strings.Contains(r.URL.Path, "user_member") {
				_, _ = w.Write([]byte(`{"data":[{"role":"org:admin","organization":{"id":"org_1","slug":"acme"}},{"role":"org:member","organization":{"id":"org_2","slug":"other"}}],"total_count":2}`))
				return
			}
			_, _ = w.Write([]byte(`{"data":[],"total_count":0}`))
		default:
			w.WriteHeader(500)
		}
	})
	return fc
}

func jsonInt(n int64) string { b, _ := json.Marshal(n); return string(b) }

type rig struct {
	iss   *oauthtest.Issuer
	clerk *fakeclerk.Server
	v     *Verifier
	now   atomic.Pointer[time.Time]
}

func newRig(t testing.TB, mod func(*Config)) *rig {
	r := &rig{iss: oauthtest.NewIssuer(), clerk: clerk(t)}
	t.Cleanup(r.iss.Close)
	now := time.Now()
	r.now.Store(&now)
	cfg := Config{Issuer: r.iss.URL, Resource: resource,
		Clerk: clerkapi.New(clerkapi.Config{BaseURL: r.clerk.URL + "/v1", SecretKey: "sk_test_server", MaxRetries: -1, Timeout: 5 * time.Second}),
		Now:   func() time.Time { return *r.now.Load() }}
	if mod != nil {
		mod(&cfg)
	}
	v, err := New(cfg)
	require.NoError(t, err)
	r.v = v
	return r
}

func (r *rig) advance(d time.Duration) {
	n := r.now.Load().Add(d)
	r.now.Store(&n)
}

func (r *rig) good(scope string) oauthtest.Claims {
	return oauthtest.Claims{Subject: "user_a", Audience: []string{resource}, Scope: scope}
}

func TestVerifyTable(t *testing.T) {
	r := newRig(t, nil)
	now := time.Now()
	base := func() jwt.MapClaims {
		return jwt.MapClaims{"iss": r.iss.URL, "sub": "user_a", "aud": resource, "scope": "clerk:admin", "exp": now.Add(time.Hour).Unix()}
	}
	tampered := func() string {
		tok := r.iss.Token(r.iss.RSA, r.good("clerk:read"))
		parts := strings.Split(tok, ".")
		// Same header and signature, claims raised to admin.
		c := base()
		b, _ := json.Marshal(c)
		parts[1] = base64.RawURLEncoding.EncodeToString(b)
		return strings.Join(parts, ".")
	}
	badSig := func() string {
		tok := r.iss.Token(r.iss.EC, r.good("clerk:read"))
		b := []byte(tok)
		b[len(b)-5] ^= 'A' ^ 'B'
		if b[len(b)-5] == tok[len(tok)-5] {
			b[len(b)-5] = 'x'
		}
		return string(b)
	}
	rows := []struct {
		name   string
		token  string
		status int    // 0: accepted
		want   string // in the description, or the subject when accepted
		level  Level
	}{
		{"RS256 read", r.iss.Token(r.iss.RSA, r.good("clerk:read")), 0, "user_a", Read},
		{"ES256 write and more", r.iss.Token(r.iss.EC, r.good("openid clerk:write")), 0, "user_a", Write},
		{"admin", r.iss.Token(r.iss.RSA, r.good("clerk:admin")), 0, "user_a", Admin},
		{"aud among several", r.iss.Token(r.iss.RSA, oauthtest.Claims{Subject: "user_a", Audience: []string{"https://other", resource}, Scope: "clerk:read"}), 0, "user_a", Read},
		{"expired within leeway", r.iss.Token(r.iss.RSA, oauthtest.Claims{Subject: "user_a", Audience: []string{resource}, Scope: "clerk:read", ExpiresAt: now.Add(-30 * time.Second)}), 0, "user_a", Read},
		{"expired", r.iss.Token(r.iss.RSA, oauthtest.Claims{Subject: "user_a", Audience: []string{resource}, Scope: "clerk:read", ExpiresAt: now.Add(-2 * time.Minute)}), 401, "expired", 0},
		{"not yet valid", r.iss.Token(r.iss.RSA, oauthtest.Claims{Subject: "user_a", Audience: []string{resource}, Scope: "clerk:read", NotBefore: now.Add(2 * time.Minute)}), 401, "not valid yet", 0},
		{"wrong issuer", r.iss.Token(r.iss.RSA, oauthtest.Claims{Issuer: "https://evil.example", Subject: "user_a", Audience: []string{resource}, Scope: "clerk:read"}), 401, "another issuer", 0},
		{"issuer with a trailing slash", r.iss.Token(r.iss.RSA, oauthtest.Claims{Issuer: r.iss.URL + "/", Subject: "user_a", Audience: []string{resource}, Scope: "clerk:read"}), 401, "another issuer", 0},
		{"wrong audience", r.iss.Token(r.iss.RSA, oauthtest.Claims{Subject: "user_a", Audience: []string{"http://127.0.0.1:9999/other"}, Scope: "clerk:read"}), 401, "audience", 0},
		{"no audience", r.iss.Token(r.iss.RSA, oauthtest.Claims{Subject: "user_a", Scope: "clerk:read"}), 401, "", 0},
		{"no subject", r.iss.Token(r.iss.RSA, oauthtest.Claims{Audience: []string{resource}, Scope: "clerk:read"}), 401, "subject", 0},
		{"alg none", oauthtest.NoneToken(base(), "rsa-1"), 401, "", 0},
		{"HS256 with the public key as secret", oauthtest.HS256WithPublicKey(base(), r.iss.RSA), 401, "", 0},
		{"tampered claims", tampered(), 401, "signature", 0},
		{"tampered signature", badSig(), 401, "", 0},
		{"missing scope", r.iss.Token(r.iss.RSA, r.good("openid profile")), 403, "grants none", 0},
		{"garbage JWT", "a.b.c", 401, "malformed", 0},
		{"opaque active", "oat_active_read_0123456789", 0, "user_a", Read},
		{"opaque revoked", "oat_revoked_0123456789", 401, "revoked", 0},
		{"opaque inactive", "oat_inactive_0123456789", 401, "not active", 0},
		{"opaque unknown", "oat_unknown_0123456789", 401, "not valid", 0},
		{"neither", "sk_test_somebodyskey", 401, "neither", 0},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			r.clerk.Reset()
			id, e := r.v.Verify(context.Background(), row.token)
			if row.status == 0 {
				require.Nil(t, e)
				assert.Equal(t, row.want, id.Subject)
				assert.Equal(t, row.level, id.Level)
			} else {
				require.NotNil(t, e, "accepted")
				assert.Nil(t, id)
				assert.Equal(t, row.status, e.Status)
				assert.Contains(t, e.Description, row.want)
				assert.NotContains(t, e.Description, row.token)
				if row.status == 401 {
					assert.Equal(t, "invalid_token", e.Code)
				}
			}
			calls := r.clerk.Requests()
			if strings.HasPrefix(row.token, "oat_") {
				require.Len(t, calls, 1, "one verify call")
				assert.Equal(t, "/v1/oauth_applications/access_tokens/verify", calls[0].Path)
				assert.Equal(t, "Bearer sk_test_server", calls[0].Header.Get("Authorization"), "the server's key acts, never the caller's token")
				assert.Contains(t, string(calls[0].Body), row.token)
				// Asked again: answered from the cache, positive or negative.
				r.clerk.Reset()
				_, _ = r.v.Verify(context.Background(), row.token)
				assert.Zero(t, r.clerk.Count(), "cached")
			} else {
				assert.Zero(t, len(calls), "no Backend API call for a JWT")
			}
		})
	}
	assert.Equal(t, int32(1), r.iss.JWKSFetches.Load(), "one JWKS fetch for all the rows")
}

func TestUnknownKidRefetchesOnceAMinute(t *testing.T) {
	r := newRig(t, nil)
	_, e := r.v.Verify(context.Background(), r.iss.Token(r.iss.RSA, r.good("clerk:read")))
	require.Nil(t, e)
	require.Equal(t, int32(1), r.iss.JWKSFetches.Load())
	// Within a minute of the first fetch, an unknown kid fetches nothing.
	_, e = r.v.Verify(context.Background(), r.iss.Token(oauthtest.NewRSAKey("early"), r.good("clerk:read")))
	require.NotNil(t, e)
	require.Equal(t, int32(1), r.iss.JWKSFetches.Load())
	r.advance(RefetchEvery + time.Second)

	stranger := oauthtest.NewRSAKey("stranger")
	for i := range 5 {
		c := r.good("clerk:read")
		c.Subject = "user_" + string(rune('a'+i))
		_, e := r.v.Verify(context.Background(), r.iss.Token(stranger, c))
		require.NotNil(t, e)
		assert.Contains(t, e.Description, "key id")
	}
	assert.Equal(t, int32(2), r.iss.JWKSFetches.Load(), "one refetch for five unknown kids within a minute")

	// Rotation: a new key is published; within the minute it is not fetched,
	// after it, it is (once), and tokens with it verify.
	rotated := oauthtest.NewECKey("ec-2")
	r.iss.Publish(r.iss.RSA, rotated)
	_, e = r.v.Verify(context.Background(), r.iss.Token(rotated, r.good("clerk:read")))
	require.NotNil(t, e)
	r.advance(RefetchEvery + time.Second)
	id, e := r.v.Verify(context.Background(), r.iss.Token(rotated, r.good("clerk:write")))
	require.Nil(t, e)
	assert.Equal(t, Write, id.Level)
	assert.Equal(t, int32(3), r.iss.JWKSFetches.Load())
}

func TestConcurrentUnknownKidsFetchOnce(t *testing.T) {
	r := newRig(t, nil)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := r.good("clerk:read")
			c.Subject = "user_" + jsonInt(int64(i))
			_, e := r.v.Verify(context.Background(), r.iss.Token(r.iss.RSA, c))
			assert.Nil(t, e)
		}()
	}
	wg.Wait()
	assert.Equal(t, int32(1), r.iss.JWKSFetches.Load(), "singleflight")
}

func TestOIDCDiscoveryFallback(t *testing.T) {
	r := newRig(t, nil)
	r.iss.OIDCOnly.Store(true)
	_, e := r.v.Verify(context.Background(), r.iss.Token(r.iss.EC, r.good("clerk:read")))
	require.Nil(t, e)
	assert.Equal(t, int32(2), r.iss.MetadataFetches.Load(), "RFC 8414 tried first, then OpenID Connect")
}

func TestMetadataMustNameTheIssuer(t *testing.T) {
	r := newRig(t, func(c *Config) { c.Issuer = strings.Replace(c.Issuer, "127.0.0.1", "localhost", 1) })
	_, e := r.v.Verify(context.Background(), r.iss.Token(r.iss.RSA, r.good("clerk:read")))
	require.NotNil(t, e)
	assert.Equal(t, 401, e.Status)
	assert.Contains(t, e.Description, "cannot be fetched")
}

func TestOutageKeepsVerifiedTokens(t *testing.T) {
	r := newRig(t, nil)
	jwtTok := r.iss.Token(r.iss.RSA, r.good("clerk:read"))
	_, e := r.v.Verify(context.Background(), jwtTok)
	require.Nil(t, e)
	_, e = r.v.Verify(context.Background(), "oat_active_read_0123456789")
	require.Nil(t, e)

	r.iss.Down.Store(true)
	r.clerk.Handle(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(503) })
	r.advance(2 * CacheFor)
	_, e = r.v.Verify(context.Background(), jwtTok)
	assert.Nil(t, e, "a verified JWT keeps working through an issuer outage")
	_, e = r.v.Verify(context.Background(), "oat_active_read_0123456789")
	assert.Nil(t, e, "a verified opaque token keeps working through a Clerk outage")

	_, e = r.v.Verify(context.Background(), "oat_never_seen_0123456789")
	require.NotNil(t, e)
	assert.Equal(t, 401, e.Status, "a new token in an outage: 401, never 500")
}

func TestMembershipPolicy(t *testing.T) {
	for _, row := range []struct {
		org, sub string
		ok       bool
	}{
		{"org_1", "user_member", true},
		{"acme", "user_member", true},
		{"acme:admin", "user_member", true},
		{"acme:org:admin", "user_member", true},
		{"other:admin", "user_member", false},
		{"acme", "user_stranger", false},
	} {
		t.Run(row.org+"/"+row.sub, func(t *testing.T) {
			org, err := ParseOrg(row.org)
			require.NoError(t, err)
			r := newRig(t, func(c *Config) { c.RequireOrg = org })
			c := r.good("clerk:read")
			c.Subject = row.sub
			tok := r.iss.Token(r.iss.RSA, c)
			_, e := r.v.Verify(context.Background(), tok)
			if row.ok {
				assert.Nil(t, e)
			} else {
				require.NotNil(t, e)
				assert.Equal(t, 403, e.Status)
				assert.Contains(t, e.Description, org.String())
			}
			require.Equal(t, 1, r.clerk.Count())
			assert.Equal(t, "Bearer sk_test_server", r.clerk.Requests()[0].Header.Get("Authorization"))
			_, _ = r.v.Verify(context.Background(), tok)
			assert.Equal(t, 1, r.clerk.Count(), "cached")
			r.advance(CacheFor + time.Second)
			_, _ = r.v.Verify(context.Background(), tok)
			assert.Equal(t, 2, r.clerk.Count(), "checked again after a minute")
		})
	}
}

func TestBearerTokenForms(t *testing.T) {
	for _, row := range []struct {
		name    string
		headers []string
		query   string
		token   string
		present bool
		bad     bool
	}{
		{"none", nil, "", "", false, false},
		{"good", []string{"Bearer abc.def-_~+/="}, "", "abc.def-_~+/=", true, false},
		{"lower-case scheme", []string{"bearer tok"}, "", "tok", true, false},
		{"blank", []string{"Bearer"}, "", "", true, true},
		{"blank with space", []string{"Bearer "}, "", "", true, true},
		{"two spaces", []string{"bearer  x"}, "", "", true, true},
		{"trailing space", []string{"Bearer x "}, "", "", true, true},
		{"two headers", []string{"Bearer a", "Bearer b"}, "", "", true, true},
		{"basic", []string{"Basic dXNlcjpwYXNz"}, "", "", true, true},
		{"query string", nil, "access_token=abc", "", true, true},
		{"query string beside a header", []string{"Bearer abc"}, "access_token=abc", "", true, true},
		{"quote", []string{`Bearer a"b`}, "", "", true, true},
	} {
		t.Run(row.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/mcp?"+row.query, nil)
			for _, h := range row.headers {
				r.Header.Add("Authorization", h)
			}
			tok, present, e := BearerToken(r)
			assert.Equal(t, row.present, present)
			assert.Equal(t, row.bad, e != nil)
			assert.Equal(t, row.token, tok)
		})
	}
}

func TestAuthorizeScopes(t *testing.T) {
	r := newRig(t, nil)
	read := &Identity{Subject: "user_a", Level: Read}
	write := &Identity{Subject: "user_a", Level: Write}
	admin := &Identity{Subject: "user_a", Level: Admin}
	call := func(name string) string {
		return `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"` + name + `","arguments":{"user_id":"user_x"}}}`
	}
	viaCallOp := `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"call_operation","arguments":{"name":"delete_user","arguments":{"user_id":"user_x"}}}}`
	escaped := `{"jsonrpc":"2.0","id":1,"method":"tools\/call","params":{"name":"delete\u005fuser","arguments":{"user_id":"user_x"}}}`
	batch := `[{"jsonrpc":"2.0","id":1,"method":"tools/list"},` + call("ban_user") + `]`
	for _, row := range []struct {
		name  string
		id    *Identity
		body  string
		scope string // "" : allowed
	}{
		{"read lists", read, `{"jsonrpc":"2.0","id":1,"method":"tools/list"}`, ""},
		{"read reads", read, call("get_user"), ""},
		{"read writes", read, call("update_user"), "clerk:read clerk:write"},
		{"read deletes", read, call("delete_user"), "clerk:read clerk:write clerk:admin"},
		{"read deletes through call_operation", read, viaCallOp, "clerk:read clerk:write clerk:admin"},
		{"read deletes with escapes", read, escaped, "clerk:read clerk:write clerk:admin"},
		{"read bans in a batch", read, batch, "clerk:read clerk:write clerk:admin"},
		{"read checks a password (oracle)", read, call("verify_user_password"), "clerk:read clerk:write"},
		{"write writes", write, call("update_user"), ""},
		{"write deletes", write, call("delete_user"), "clerk:read clerk:write clerk:admin"},
		{"admin deletes", admin, viaCallOp, ""},
		{"discovery search", read, call("search_operations"), ""},
	} {
		t.Run(row.name, func(t *testing.T) {
			e := r.v.Authorize(row.id, []byte(row.body))
			if row.scope == "" {
				assert.Nil(t, e)
				return
			}
			require.NotNil(t, e)
			assert.Equal(t, 403, e.Status)
			assert.Equal(t, "insufficient_scope", e.Code)
			assert.Equal(t, row.scope, e.Scope)
			assert.Contains(t, r.v.Challenge(e), `error="insufficient_scope", scope="`+row.scope+`"`)
		})
	}
}

func TestMetadataAndChallenge(t *testing.T) {
	r := newRig(t, func(c *Config) { c.Scopes = Scopes{"mcp:r", "mcp:w", "mcp:a"} })
	var prm map[string]any
	require.NoError(t, json.Unmarshal(r.v.Metadata(), &prm))
	assert.Equal(t, resource, prm["resource"])
	assert.Equal(t, []any{r.iss.URL}, prm["authorization_servers"])
	assert.Equal(t, []any{"mcp:r", "mcp:w", "mcp:a"}, prm["scopes_supported"])
	assert.Equal(t, []any{"header"}, prm["bearer_methods_supported"])
	assert.Equal(t, "http://127.0.0.1:9999/.well-known/oauth-protected-resource/mcp", MetadataURL(resource))
	assert.Equal(t, "/.well-known/oauth-protected-resource/mcp", r.v.MetadataPath())
	assert.Equal(t, "https://h.example/.well-known/oauth-protected-resource/clerk/mcp", MetadataURL("https://h.example/clerk/mcp"))
	assert.Equal(t, `Bearer resource_metadata="http://127.0.0.1:9999/.well-known/oauth-protected-resource/mcp"`, r.v.Challenge(nil))
	assert.Equal(t, `Bearer resource_metadata="http://127.0.0.1:9999/.well-known/oauth-protected-resource/mcp", error="invalid_token", error_description="bad 'x'"`,
		r.v.Challenge(invalid("bad \"x\"")))
}

func TestConfigRefusals(t *testing.T) {
	for _, row := range []struct{ name, issuer, resource, want string }{
		{"http issuer beyond loopback", "http://clerk.example.com", resource, "https"},
		{"relative issuer", "clerk.example.com", resource, "absolute"},
		{"resource with query", "https://clerk.example.com", "https://mcp.example.com/mcp?x=1", "query"},
	} {
		t.Run(row.name, func(t *testing.T) {
			_, err := New(Config{Issuer: row.issuer, Resource: row.resource})
			require.Error(t, err)
			assert.Contains(t, err.Error(), row.want)
		})
	}
	_, err := New(Config{Issuer: "https://clerk.example.com", Resource: resource, Algorithms: []string{"HS256"}})
	assert.ErrorContains(t, err, "asymmetric")
	for _, bad := range []string{"a,b", "a,b,c,d", "a,,c", `a,b,"c"`, "a,a,b", "a b,c,d"} {
		_, err := ParseScopes(bad)
		assert.Error(t, err, bad)
	}
	for _, bad := range []string{":admin", "acme:", "a/b"} {
		_, err := ParseOrg(bad)
		assert.Error(t, err, bad)
	}
}

func BenchmarkVerifyCachedJWT(b *testing.B) {
	r := newRig(b, nil)
	tok := r.iss.Token(r.iss.RSA, r.good("clerk:read"))
	_, e := r.v.Verify(context.Background(), tok)
	require.Nil(b, e)
	b.ReportAllocs()
	for b.Loop() {
		if _, e := r.v.Verify(context.Background(), tok); e != nil {
			b.Fatal(e)
		}
	}
}

// BenchmarkVerifyJWTSignature is the first sight of a token: keys cached,
// signature and claims checked.
func BenchmarkVerifyJWTSignature(b *testing.B) {
	for _, alg := range []string{"RS256", "ES256"} {
		b.Run(alg, func(b *testing.B) {
			r := newRig(b, nil)
			key := r.iss.RSA
			if alg == "ES256" {
				key = r.iss.EC
			}
			tok := r.iss.Token(key, r.good("clerk:read"))
			_, e := r.v.Verify(context.Background(), tok)
			require.Nil(b, e)
			b.ReportAllocs()
			for b.Loop() {
				r.v.tokens = cache[*Identity]{}
				if _, e := r.v.Verify(context.Background(), tok); e != nil {
					b.Fatal(e)
				}
			}
		})
	}
}
