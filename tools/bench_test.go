package tools

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/internal/stdio"
)

// The benchmarks measure what the server adds to a Clerk call: a tool call
// over stdio framing (JSON-RPC lines through the stdio transport, the whole
// pipeline, a fake Clerk on loopback) against the same HTTP request made
// directly to the same fake. The client side only writes and reads lines, so
// no client decoding is counted. Run:
//
//	go test ./tools -run '^$' -bench . -benchmem

// benchUser is a realistic Clerk user object (~1 KB).
const benchUser = `{"id":"user_2x8kQ3mZp7Lw9VnB4cYt1R","object":"user","username":"ada","first_name":"Ada","last_name":"Lovelace","image_url":"https://img.clerk.com/abc","has_image":true,"primary_email_address_id":"idn_1","primary_phone_number_id":null,"primary_web3_wallet_id":null,"password_enabled":true,"two_factor_enabled":false,"totp_enabled":false,"backup_code_enabled":false,"email_addresses":[{"id":"idn_1","object":"email_address","email_address":"ada@example.com","reserved":false,"verification":{"status":"verified","strategy":"email_code","attempts":1,"expire_at":1767225600000},"linked_to":[],"created_at":1767225600000,"updated_at":1767225600000}],"phone_numbers":[],"web3_wallets":[],"passkeys":[],"external_accounts":[],"saml_accounts":[],"enterprise_accounts":[],"public_metadata":{"plan":"pro"},"private_metadata":{},"unsafe_metadata":{},"external_id":null,"last_sign_in_at":1767225600000,"banned":false,"locked":false,"lockout_expires_in_seconds":null,"verification_attempts_remaining":100,"created_at":1767225600000,"updated_at":1767225600000,"delete_self_enabled":true,"create_organization_enabled":true,"last_active_at":1767225600000,"mfa_enabled_at":null,"mfa_disabled_at":null,"legal_accepted_at":null,"profile_image_url":"https://img.clerk.com/abc"}`

func usersPage(n int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = strings.Replace(benchUser, "user_2x8kQ3mZp7Lw9VnB4cYt1R", fmt.Sprintf("user_%026d", i), 1)
	}
	return `{"data":[` + strings.Join(items, ",") + `],"total_count":` + fmt.Sprint(n*10) + `}`
}

// stdioBench is a server on a fake Clerk behind the stdio transport (internal/stdio).
type stdioBench struct {
	fake *fakeclerk.Server
	in   *io.PipeWriter
	out  *bufio.Reader
}

func newStdioBench(b *testing.B, body string, cfg ServerConfig) *stdioBench {
	b.Helper()
	fake := fakeclerk.New()
	b.Cleanup(fake.Close)
	fake.Handle(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, body)
	})
	cfg.Client = clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: "sk_test_bench"})
	s, err := NewServer(cfg)
	if err != nil {
		b.Fatal(err)
	}
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	go func() { _ = stdio.Serve(ctx, s, inR, outW, stdio.Options{}) }()
	b.Cleanup(func() { cancel(); _ = inW.Close(); _ = outW.Close() })
	sb := &stdioBench{fake: fake, in: inW, out: bufio.NewReaderSize(outR, 1<<20)}
	sb.roundTrip(b, `{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}`)
	if _, err := io.WriteString(inW, `{"jsonrpc":"2.0","method":"notifications/initialized"}`+"\n"); err != nil {
		b.Fatal(err)
	}
	return sb
}

func (s *stdioBench) roundTrip(b *testing.B, line string) []byte {
	if _, err := io.WriteString(s.in, line+"\n"); err != nil {
		b.Fatal(err)
	}
	resp, err := s.out.ReadSlice('\n')
	if err != nil {
		b.Fatal(err)
	}
	return resp
}

func benchStdio(b *testing.B, body, tool, args string) {
	s := newStdioBench(b, body, ServerConfig{})
	line := `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"` + tool + `","arguments":` + args + `}}`
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		resp := s.roundTrip(b, line)
		if strings.Contains(string(resp[:min(len(resp), 200)]), `"isError":true`) {
			b.Fatalf("call failed: %s", resp)
		}
	}
}

func benchDirect(b *testing.B, body, path string) {
	fake := fakeclerk.New()
	b.Cleanup(fake.Close)
	fake.Handle(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, body)
	})
	hc := &http.Client{Transport: clerkapi.NewTransport()}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		req, _ := http.NewRequest(http.MethodGet, fake.URL+path, nil)
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

func BenchmarkStdioGetUser(b *testing.B) {
	benchStdio(b, benchUser, "get_user", `{"user_id":"user_1"}`)
}
func BenchmarkDirectGetUser(b *testing.B) { benchDirect(b, benchUser, "/v1/users/user_1") }

func BenchmarkStdioList10(b *testing.B) {
	benchStdio(b, usersPage(10), "list_organization_memberships", `{"organization_id":"org_1","limit":10}`)
}
func BenchmarkDirectList10(b *testing.B) {
	benchDirect(b, usersPage(10), "/v1/organizations/org_1/memberships")
}

func BenchmarkStdioList100(b *testing.B) {
	benchStdio(b, usersPage(100), "list_organization_memberships", `{"organization_id":"org_1","limit":100}`)
}
func BenchmarkDirectList100(b *testing.B) {
	benchDirect(b, usersPage(100), "/v1/organizations/org_1/memberships")
}

// BenchmarkToolsList serves tools/list of all 249 tools over stdio.
func BenchmarkToolsList(b *testing.B) {
	s := newStdioBench(b, "{}", ServerConfig{})
	line := `{"jsonrpc":"2.0","id":1,"method":"tools/list"}`
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if resp := s.roundTrip(b, line); len(resp) < 100_000 {
			b.Fatalf("short tools/list: %d bytes: %s", len(resp), resp)
		}
	}
}

// BenchmarkShape100 is the pipeline's own work on a 100-user page (the text
// block and the result), without HTTP or framing.
func BenchmarkShape100(b *testing.B) {
	h := NewHandler(Config{})
	op, _ := clerkapi.Lookup("list_organization_memberships")
	resp := &clerkapi.Response{Status: 200, Body: []byte(usersPage(100))}
	args := clerkapi.Args{"limit": []byte("100")}
	b.ReportAllocs()
	for b.Loop() {
		if res := h.shape(op, args, resp); res.IsError {
			b.Fatal("shape failed")
		}
	}
}

// BenchmarkNewServer builds the server with every tool registered, as the
// binary does at start-up.
func BenchmarkNewServer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewServer(ServerConfig{Selection: &Selection{Toolsets: []string{"all"}}}); err != nil {
			b.Fatal(err)
		}
	}
}
