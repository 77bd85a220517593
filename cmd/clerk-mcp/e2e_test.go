package main

// End-to-end tests through mcp-go's real client over every transport the
// server offers: in-process, stdio (against the built binary), legacy SSE and
// streamable HTTP. Clerk is a recording fake on 127.0.0.1; nothing else is
// reached over the network.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/internal/hosting"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

// fakeKey is a recognisable, fake secret key: it must reach the fake as the
// bearer token and must never show up in logs.
const fakeKey = "sk_test_E2Efake0SecretKey0MustNeverBeLogged0xyz"

// e2eUserID is the user the destructive calls delete.
const e2eUserID = "user_e2eDeleteMe"

// fakeTotal is what the fake's count endpoint answers; the users page itself
// holds fewer, so total_count proves the count endpoint was asked.
const fakeTotal = 42

// protocolVersions are the revisions each transport is exercised at: two
// asked for in initialize (an older one, and the newest the handshake can
// reach), and "" for the client's default, which probes server/discover and
// settles on the newest, handshake-free revision.
var protocolVersions = []string{mcp.ProtocolVersion20250618, mcp.LATEST_LEGACY_PROTOCOL_VERSION, ""}

// negotiated is the version a client asking for v ends up with.
func negotiated(v string) string {
	if v == "" {
		return mcp.LATEST_PROTOCOL_VERSION
	}
	return v
}

// subtestName names the subtest of a requested version.
func subtestName(v string) string {
	if v == "" {
		return "default-" + mcp.LATEST_PROTOCOL_VERSION
	}
	return v
}

// binDir holds the binary the stdio tests build; TestMain removes it.
var (
	binDir    string
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "clerk-mcp-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// buildBinary builds the clerk-mcp binary once per test binary.
func buildBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			buildErr = fmt.Errorf("go tool not found: %w", err)
			return
		}
		out := filepath.Join(binDir, "clerk-mcp")
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, goTool, "build", "-o", out, ".")
		if b, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, b)
			return
		}
		binPath = out
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// newFake starts a fake Clerk answering the users endpoints the tests use.
func newFake(t *testing.T) *fakeclerk.Server {
	t.Helper()
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	fake.Handle(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/v1/users":
			_, _ = w.Write([]byte(`[{"object":"user","id":"user_1","first_name":"Ada"},{"object":"user","id":"user_2","first_name":"Grace"}]`))
		case r.Method == http.MethodGet && r.URL.Path == "/v1/users/count":
			fmt.Fprintf(w, `{"object":"total_count","total_count":%d}`, fakeTotal)
		case r.Method == http.MethodGet && r.URL.Path == "/v1/users/"+e2eUserID: // the preview's read of the target
			fmt.Fprintf(w, `{"object":"user","id":%q,"first_name":"Del"}`, e2eUserID)
		case r.Method == http.MethodDelete && r.URL.Path == "/v1/users/"+e2eUserID:
			fmt.Fprintf(w, `{"object":"user","id":%q,"deleted":true}`, e2eUserID)
		default:
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"errors":[{"message":"not found","long_message":"not found","code":"resource_not_found"}]}`))
		}
	})
	return fake
}

// newServer returns the MCP server wired to fake, as main wires it.
func newServer(t *testing.T, fake *fakeclerk.Server) *server.MCPServer {
	t.Helper()
	s, err := tools.NewServer(tools.ServerConfig{
		Config: tools.Config{
			Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: fakeKey, MaxRetries: -1, Timeout: 5 * time.Second}),
			Gate:   tools.NewGate(nil, time.Minute),
		},
		Version: "e2e",
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 15*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestE2EInProcess(t *testing.T) {
	fake := newFake(t)
	s := newServer(t, fake)
	exerciseEach(t, fake, func() (*client.Client, error) { return client.NewInProcessClient(s) })
}

func TestE2EStdio(t *testing.T) {
	bin := buildBinary(t)
	fake := newFake(t)
	for _, v := range protocolVersions {
		t.Run(subtestName(v), func(t *testing.T) {
			ctx := testContext(t)
			var stderr lockedBuffer
			tr := transport.NewStdioWithOptions(bin, childEnv(fake), []string{"--transport", "stdio", "--log-level", "debug"},
				transport.WithCommandStderrWriter(&stderr))
			if err := tr.Start(ctx); err != nil {
				t.Fatal(err)
			}
			c := client.NewClient(tr)
			closed := false
			defer func() {
				if !closed {
					_ = c.Close()
				}
			}()
			if err := c.Start(ctx); err != nil {
				t.Fatal(err)
			}
			exercise(t, ctx, c, fake, v)

			// Closing stdin ends the child, which exits cleanly.
			if err := c.Close(); err != nil {
				t.Errorf("closing the stdio client (child exit): %v", err)
			}
			closed = true
			// The stderr drain may lag the exit by a moment.
			deadline := time.Now().Add(2 * time.Second)
			for !strings.Contains(stderr.String(), "tool call") && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			logs := stderr.String()
			if !strings.Contains(logs, "starting") || !strings.Contains(logs, "tool call") {
				t.Errorf("child stderr lacks the startup and debug tool-call logs:\n%s", logs)
			}
			if strings.Contains(logs, fakeKey) {
				t.Errorf("child stderr contains the secret key:\n%s", logs)
			}
		})
	}
}

func TestE2ESSE(t *testing.T) {
	fake := newFake(t)
	srv := newHostingServer(t, newServer(t, fake))
	exerciseEach(t, fake, func() (*client.Client, error) { return client.NewSSEMCPClient(srv.URL + "/sse") })
}

func TestE2EStreamableHTTP(t *testing.T) {
	fake := newFake(t)
	srv := newHostingServer(t, newServer(t, fake))
	exerciseEach(t, fake, func() (*client.Client, error) { return client.NewStreamableHttpClient(srv.URL + "/mcp") })
}

// exerciseEach runs exercise at every protocol version, each on a client
// newClient makes.
func exerciseEach(t *testing.T, fake *fakeclerk.Server, newClient func() (*client.Client, error)) {
	for _, v := range protocolVersions {
		t.Run(subtestName(v), func(t *testing.T) {
			ctx := testContext(t)
			c, err := newClient()
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if err := c.Start(ctx); err != nil {
				t.Fatal(err)
			}
			exercise(t, ctx, c, fake, v)
		})
	}
}

func newHostingServer(t *testing.T, s *server.MCPServer) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(hosting.New(s, hosting.Options{SSE: true, Streamable: true, AllowNoAuth: true}))
	t.Cleanup(func() {
		srv.CloseClientConnections()
		srv.Close()
	})
	return srv
}

// childEnv points the child at the fake and pins every setting the parent's
// environment could otherwise change.
func childEnv(fake *fakeclerk.Server) []string {
	return []string{
		"CLERK_SECRET_KEY=" + fakeKey,
		"CLERK_API_URL=" + fake.URL + "/v1",
		"CLERK_MCP_TRANSPORT=stdio",
		"CLERK_MCP_LOG_LEVEL=debug",
		"CLERK_MCP_LOG_FORMAT=text",
		"CLERK_MCP_RETRIES=0",
		"CLERK_MCP_TIMEOUT=5s",
		"CLERK_MCP_CONFIRM_TTL=1m",
		"CLERK_MCP_CONFIRM_KEY=",
		// The whole catalog, as the in-process and HTTP servers serve it.
		"CLERK_MCP_TOOLSETS=all",
		"CLERK_MCP_DISCOVERY=false",
	}
}

// exercise runs the scenario every transport must pass.
func exercise(t *testing.T, ctx context.Context, c *client.Client, fake *fakeclerk.Server, version string) {
	t.Helper()

	// initialize, negotiating version.
	ireq := mcp.InitializeRequest{}
	ireq.Params.ProtocolVersion = version
	ireq.Params.ClientInfo = mcp.Implementation{Name: "clerk-mcp-e2e", Version: "0"}
	ir, err := c.Initialize(ctx, ireq)
	if err != nil {
		t.Fatalf("initialize: %v", err)
	}
	want := negotiated(version)
	if ir.ProtocolVersion != want {
		t.Errorf("negotiated protocol version %q, want %q", ir.ProtocolVersion, want)
	}
	if got := c.ProtocolVersion(); got != want {
		t.Errorf("client's protocol version %q, want %q", got, want)
	}
	if ir.ServerInfo.Name != "clerk-mcp" {
		t.Errorf("server name %q, want clerk-mcp", ir.ServerInfo.Name)
	}
	if ir.Capabilities.Tools == nil {
		t.Error("server does not declare the tools capability")
	}
	if ir.Instructions == "" {
		t.Error("server sends no instructions")
	}

	// tools/list, typed and raw.
	fake.Reset()
	checkToolsTyped(t, ctx, c)
	checkToolsRaw(t, ctx, c)
	if n := fake.Count(); n != 0 {
		t.Errorf("listing tools made %d requests to Clerk", n)
	}

	// list_users reaches the fake and returns {data, total_count}.
	fake.Reset()
	res := callTool(t, ctx, c, "list_users", map[string]any{"limit": 2, "query": "ad"})
	if res.IsError {
		t.Fatalf("list_users failed: %s", resultText(res))
	}
	reqs := fake.Requests()
	if len(reqs) != 2 {
		t.Fatalf("list_users made %d requests, want 2 (page and count): %+v", len(reqs), summarize(reqs))
	}
	if reqs[0].Method != http.MethodGet || reqs[0].Path != "/v1/users" {
		t.Errorf("list_users first request %s %s, want GET /v1/users", reqs[0].Method, reqs[0].Path)
	}
	if !strings.Contains(reqs[0].RawQuery, "limit=2") || !strings.Contains(reqs[0].RawQuery, "query=ad") {
		t.Errorf("list_users query %q lacks limit=2 and query=ad", reqs[0].RawQuery)
	}
	if reqs[1].Method != http.MethodGet || reqs[1].Path != "/v1/users/count" {
		t.Errorf("list_users second request %s %s, want GET /v1/users/count", reqs[1].Method, reqs[1].Path)
	}
	for _, r := range reqs {
		if got := r.Header.Get("Authorization"); got != "Bearer "+fakeKey {
			t.Errorf("%s %s sent Authorization %q, want the bearer secret key", r.Method, r.Path, got)
		}
	}
	var page struct {
		Data       []map[string]any `json:"data"`
		TotalCount *int             `json:"total_count"`
	}
	structured(t, res, &page)
	if len(page.Data) != 2 || page.TotalCount == nil || *page.TotalCount != fakeTotal {
		t.Errorf("list_users structuredContent = %s, want 2 users and total_count %d", res.RawStructuredContent, fakeTotal)
	}

	// delete_user without confirm: a preview; only the target is read.
	fake.Reset()
	args := map[string]any{"user_id": e2eUserID}
	res = callTool(t, ctx, c, "delete_user", args)
	if res.IsError {
		t.Fatalf("delete_user preview is an error: %s", resultText(res))
	}
	if reqs := fake.Requests(); len(reqs) > 1 || (len(reqs) == 1 && (reqs[0].Method != "GET" || reqs[0].Path != "/v1/users/"+e2eUserID)) {
		t.Fatalf("delete_user preview sent more than the identity read: %+v", summarize(reqs))
	}
	var preview struct {
		Executed             *bool  `json:"executed"`
		ConfirmationRequired bool   `json:"confirmation_required"`
		Confirm              string `json:"confirm"`
		Tool                 string `json:"tool"`
		Request              string `json:"request"`
	}
	structured(t, res, &preview)
	if preview.Executed == nil || *preview.Executed || !preview.ConfirmationRequired || preview.Confirm == "" {
		t.Fatalf("delete_user preview structuredContent = %s", res.RawStructuredContent)
	}
	if preview.Tool != "delete_user" || preview.Request != "DELETE /users/"+e2eUserID {
		t.Errorf("preview names %q / %q", preview.Tool, preview.Request)
	}
	if !strings.Contains(resultText(res), preview.Confirm) {
		t.Errorf("preview text does not carry the token: %s", resultText(res))
	}

	// With the token: exactly one DELETE.
	fake.Reset()
	confirmed := map[string]any{"user_id": e2eUserID, "confirm": preview.Confirm}
	res = callTool(t, ctx, c, "delete_user", confirmed)
	if res.IsError {
		t.Fatalf("confirmed delete_user failed: %s", resultText(res))
	}
	reqs = fake.Requests()
	if len(reqs) != 1 || reqs[0].Method != http.MethodDelete || reqs[0].Path != "/v1/users/"+e2eUserID {
		t.Fatalf("confirmed delete_user made %+v, want exactly DELETE /v1/users/%s", summarize(reqs), e2eUserID)
	}
	var deleted struct {
		ID      string `json:"id"`
		Deleted bool   `json:"deleted"`
	}
	structured(t, res, &deleted)
	if deleted.ID != e2eUserID || !deleted.Deleted {
		t.Errorf("confirmed delete_user structuredContent = %s", res.RawStructuredContent)
	}

	// The token is single use.
	fake.Reset()
	res = callTool(t, ctx, c, "delete_user", confirmed)
	if !res.IsError {
		t.Errorf("reusing the token was not refused: %s", resultText(res))
	}
	if !strings.Contains(resultText(res), "already used") {
		t.Errorf("refusal does not say the token was used: %s", resultText(res))
	}
	if n := fake.Count(); n != 0 {
		t.Errorf("reusing the token made %d requests to Clerk", n)
	}
}

func checkToolsTyped(t *testing.T, ctx context.Context, c *client.Client) {
	t.Helper()
	lr, err := c.ListTools(ctx, mcp.ListToolsRequest{})
	if err != nil {
		t.Fatalf("tools/list: %v", err)
	}
	if want := len(clerkapi.Catalog()); len(lr.Tools) != want {
		t.Errorf("tools/list returned %d tools, want %d", len(lr.Tools), want)
	}
	seen := map[string]bool{}
	for _, tool := range lr.Tools {
		if seen[tool.Name] {
			t.Errorf("tool %s listed twice", tool.Name)
		}
		seen[tool.Name] = true
		if tool.InputSchema.Type != "object" || len(tool.InputSchema.Defs) > 0 {
			t.Errorf("%s: inputSchema type %q, %d $defs", tool.Name, tool.InputSchema.Type, len(tool.InputSchema.Defs))
		}
		if tool.OutputSchema.Type != "object" {
			t.Errorf("%s: outputSchema type %q", tool.Name, tool.OutputSchema.Type)
		}
		a := tool.Annotations
		if a.ReadOnlyHint == nil || a.DestructiveHint == nil || a.IdempotentHint == nil || a.OpenWorldHint == nil {
			t.Errorf("%s: annotations incomplete: %+v", tool.Name, a)
		}
	}
	for name, want := range map[string][2]bool{"list_users": {true, false}, "delete_user": {false, true}} {
		var found bool
		for _, tool := range lr.Tools {
			if tool.Name != name {
				continue
			}
			found = true
			a := tool.Annotations
			if a.ReadOnlyHint != nil && a.DestructiveHint != nil && (*a.ReadOnlyHint != want[0] || *a.DestructiveHint != want[1]) {
				t.Errorf("%s: readOnly %v destructive %v, want %v %v", name, *a.ReadOnlyHint, *a.DestructiveHint, want[0], want[1])
			}
		}
		if !found {
			t.Errorf("tool %s not listed", name)
		}
	}
}

// checkToolsRaw sends tools/list through the client's transport and checks
// the schemas as sent: the typed client drops keys it does not model.
func checkToolsRaw(t *testing.T, ctx context.Context, c *client.Client) {
	t.Helper()
	var all []map[string]json.RawMessage
	cursor := ""
	for page := 0; ; page++ {
		if page > 100 {
			t.Fatal("tools/list pagination does not end")
		}
		params := map[string]any{}
		if cursor != "" {
			params["cursor"] = cursor
		}
		var header http.Header
		if v := c.ProtocolVersion(); mcp.IsModernProtocol(v) {
			// Handshake-free revisions carry the protocol metadata in every
			// request, and mirror the method in HTTP headers.
			params["_meta"] = map[string]any{
				mcp.MetaKeyProtocolVersion:    v,
				mcp.MetaKeyClientCapabilities: map[string]any{},
				mcp.MetaKeyClientInfo:         map[string]any{"name": "clerk-mcp-e2e", "version": "0"},
			}
			encoded, err := json.Marshal(params)
			if err != nil {
				t.Fatal(err)
			}
			header = http.Header{}
			for k, val := range mcp.StandardHeaders(v, mcp.MethodToolsList, encoded) {
				header.Set(k, val)
			}
		}
		req := transport.JSONRPCRequest{
			JSONRPC: mcp.JSONRPC_VERSION,
			ID:      mcp.NewRequestId(fmt.Sprintf("raw-tools-list-%d", page)),
			Method:  string(mcp.MethodToolsList),
			Params:  params,
			Header:  header,
		}
		resp, err := c.GetTransport().SendRequest(ctx, req)
		if err != nil {
			t.Fatalf("raw tools/list: %v", err)
		}
		if resp.Error != nil {
			t.Fatalf("raw tools/list: %+v", resp.Error)
		}
		var lr struct {
			Tools      []map[string]json.RawMessage `json:"tools"`
			NextCursor string                       `json:"nextCursor"`
		}
		if err := json.Unmarshal(resp.Result, &lr); err != nil {
			t.Fatalf("raw tools/list result: %v", err)
		}
		all = append(all, lr.Tools...)
		if lr.NextCursor == "" {
			break
		}
		cursor = lr.NextCursor
	}
	if want := len(clerkapi.Catalog()); len(all) != want {
		t.Errorf("raw tools/list returned %d tools, want %d", len(all), want)
	}
	for _, tool := range all {
		var name string
		_ = json.Unmarshal(tool["name"], &name)
		for _, p := range schemaProblems(tool["inputSchema"]) {
			t.Errorf("%s: inputSchema %s", name, p)
		}
		if len(tool["outputSchema"]) == 0 {
			t.Errorf("%s: no outputSchema", name)
		} else {
			var out map[string]any
			if err := json.Unmarshal(tool["outputSchema"], &out); err != nil || out["type"] != "object" {
				t.Errorf("%s: outputSchema is not an object schema", name)
			}
		}
		var ann map[string]any
		_ = json.Unmarshal(tool["annotations"], &ann)
		for _, k := range []string{"readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"} {
			if _, ok := ann[k].(bool); !ok {
				t.Errorf("%s: annotation %s missing", name, k)
			}
		}
	}
}

// schemaProblems reports why raw is not a flat object input schema.
func schemaProblems(raw json.RawMessage) []string {
	var s map[string]any
	if err := json.Unmarshal(raw, &s); err != nil || s == nil {
		return []string{"is not a JSON object"}
	}
	var problems []string
	if s["type"] != "object" {
		problems = append(problems, fmt.Sprintf("has type %v, want object", s["type"]))
	}
	if _, ok := s["properties"].(map[string]any); !ok {
		problems = append(problems, "has no properties object")
	}
	for _, k := range []string{"anyOf", "oneOf", "allOf"} {
		if _, ok := s[k]; ok {
			problems = append(problems, "has top-level "+k)
		}
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, child := range v {
				switch k {
				case "$ref", "$defs", "definitions", "$schema":
					problems = append(problems, "has "+k+" at "+path)
				}
				walk(path+"/"+k, child)
			}
		case []any:
			for i, child := range v {
				walk(fmt.Sprintf("%s/%d", path, i), child)
			}
		}
	}
	walk("#", s)
	return problems
}

func callTool(t *testing.T, ctx context.Context, c *client.Client, name string, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	req.Params.Arguments = args
	res, err := c.CallTool(ctx, req)
	if err != nil {
		t.Fatalf("tools/call %s: %v", name, err)
	}
	return res
}

// structured decodes the result's structuredContent into v.
func structured(t *testing.T, res *mcp.CallToolResult, v any) {
	t.Helper()
	raw := res.RawStructuredContent
	if len(raw) == 0 {
		if res.StructuredContent == nil {
			t.Fatalf("result has no structuredContent: %s", resultText(res))
		}
		b, err := json.Marshal(res.StructuredContent)
		if err != nil {
			t.Fatal(err)
		}
		raw = b
		res.RawStructuredContent = b
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("structuredContent %s: %v", raw, err)
	}
}

func resultText(res *mcp.CallToolResult) string {
	var b strings.Builder
	for _, c := range res.Content {
		if tc, ok := mcp.AsTextContent(c); ok {
			b.WriteString(tc.Text)
		}
	}
	return b.String()
}

func summarize(reqs []fakeclerk.Request) []string {
	out := make([]string, len(reqs))
	for i, r := range reqs {
		out[i] = r.Method + " " + r.Path
	}
	return out
}

// lockedBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
