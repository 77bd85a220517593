package tools

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
)

// The benchmarks compare a tool call made through the whole MCP pipeline
// (in-process client → server → handler → clerkapi → fake Clerk on loopback)
// with the same HTTP request made directly, so the difference is what the
// server adds. Run: go test ./tools -run '^$' -bench . -benchmem

// benchUser is a realistic Clerk user object (~1 KB).
const benchUser = `{"id":"user_2x8kQ3mZp7Lw9VnB4cYt1R","object":"user","username":"ada","first_name":"Ada","last_name":"Lovelace","image_url":"https://img.clerk.com/abc","has_image":true,"primary_email_address_id":"idn_1","primary_phone_number_id":null,"primary_web3_wallet_id":null,"password_enabled":true,"two_factor_enabled":false,"totp_enabled":false,"backup_code_enabled":false,"email_addresses":[{"id":"idn_1","object":"email_address","email_address":"ada@example.com","reserved":false,"verification":{"status":"verified","strategy":"email_code","attempts":1,"expire_at":1767225600000},"linked_to":[],"created_at":1767225600000,"updated_at":1767225600000}],"phone_numbers":[],"web3_wallets":[],"passkeys":[],"external_accounts":[],"saml_accounts":[],"enterprise_accounts":[],"public_metadata":{"plan":"pro"},"private_metadata":{},"unsafe_metadata":{},"external_id":null,"last_sign_in_at":1767225600000,"banned":false,"locked":false,"lockout_expires_in_seconds":null,"verification_attempts_remaining":100,"created_at":1767225600000,"updated_at":1767225600000,"delete_self_enabled":true,"create_organization_enabled":true,"last_active_at":1767225600000,"mfa_enabled_at":null,"mfa_disabled_at":null,"legal_accepted_at":null,"profile_image_url":"https://img.clerk.com/abc"}`

func usersPage(n int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = strings.Replace(benchUser, "user_2x8kQ3mZp7Lw9VnB4cYt1R", fmt.Sprintf("user_%026d", i), 1)
	}
	return `{"data":[` + strings.Join(items, ",") + `],"total_count":` + fmt.Sprint(n*10) + `}`
}

type benchEnv struct {
	fake *fakeclerk.Server
	mcp  *client.Client
}

func newBenchEnv(b *testing.B, body string) *benchEnv {
	b.Helper()
	fake := fakeclerk.New()
	b.Cleanup(fake.Close)
	fake.Handle(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, body)
	})
	s, err := NewServer(ServerConfig{Config: Config{Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: "sk_test_bench"})}})
	if err != nil {
		b.Fatal(err)
	}
	c, err := client.NewInProcessClient(s)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = c.Close() })
	ctx := context.Background()
	if err := c.Start(ctx); err != nil {
		b.Fatal(err)
	}
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "bench", Version: "1"}
	if _, err := c.Initialize(ctx, init); err != nil {
		b.Fatal(err)
	}
	return &benchEnv{fake: fake, mcp: c}
}

func benchTool(b *testing.B, body, tool string, args map[string]any) {
	env := newBenchEnv(b, body)
	req := mcp.CallToolRequest{}
	req.Params.Name = tool
	req.Params.Arguments = args
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := env.mcp.CallTool(ctx, req)
		if err != nil || res.IsError {
			b.Fatalf("call failed: %v %v", err, res)
		}
	}
}

func benchDirect(b *testing.B, body, path string) {
	env := newBenchEnv(b, body)
	hc := &http.Client{Transport: clerkapi.NewTransport()}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		req, _ := http.NewRequest(http.MethodGet, env.fake.URL+path, nil)
		req.Header.Set("Authorization", "Bearer sk_test_bench")
		req.Header.Set("Clerk-API-Version", clerkapi.APIVersion)
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.ReadAll(resp.Body); err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
	}
}

func BenchmarkCallGetUser(b *testing.B) {
	benchTool(b, benchUser, "get_user", map[string]any{"user_id": "user_1"})
}
func BenchmarkDirectGetUser(b *testing.B) { benchDirect(b, benchUser, "/v1/users/user_1") }

func BenchmarkCallListOrganizationMemberships10(b *testing.B) {
	benchTool(b, usersPage(10), "list_organization_memberships", map[string]any{"organization_id": "org_1", "limit": 10})
}
func BenchmarkDirectList10(b *testing.B) {
	benchDirect(b, usersPage(10), "/v1/organizations/org_1/memberships")
}

func BenchmarkCallListOrganizationMemberships100(b *testing.B) {
	benchTool(b, usersPage(100), "list_organization_memberships", map[string]any{"organization_id": "org_1", "limit": 100})
}
func BenchmarkDirectList100(b *testing.B) {
	benchDirect(b, usersPage(100), "/v1/organizations/org_1/memberships")
}

// BenchmarkToolsList serves tools/list of the whole catalog.
func BenchmarkToolsList(b *testing.B) {
	env := newBenchEnv(b, "{}")
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := env.mcp.ListTools(ctx, mcp.ListToolsRequest{})
		if err != nil || len(res.Tools) != len(clerkapi.Catalog()) {
			b.Fatalf("tools/list: %v (%d tools)", err, len(res.Tools))
		}
	}
}

// BenchmarkToolsListEncode measures serving tools/list as bytes on the wire.
func BenchmarkToolsListEncode(b *testing.B) {
	env := newBenchEnv(b, "{}")
	res, err := env.mcp.ListTools(context.Background(), mcp.ListToolsRequest{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := json.Marshal(res); err != nil {
			b.Fatal(err)
		}
	}
}
