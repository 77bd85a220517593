package tools

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/internal/golden"
	"github.com/clerk-mcp/clerk-mcp/internal/stdio"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

// The golden tests pin every tool: testdata/tools/<tool>.json is the
// definition served in tools/list; testdata/calls/<tool>.json holds call cases
// (arguments and Clerk's canned answers, written by hand) and what the server
// did with them (the HTTP requests sent and the MCP result, written by
// -update). A changed name, path, parameter or annotation fails here.

const goldenKey = "sk_test_golden0000000000000000000000000000"

var goldenTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

type caseFile struct {
	Cases []callCase `json:"cases"`
}

type callCase struct {
	Name      string          `json:"name"`
	Arguments json.RawMessage `json:"arguments"`
	Responses []canned        `json:"responses,omitempty"`
	// Identity is Clerk's canned answer to the read of a destructive tool's
	// target made for the preview (default: a small object).
	Identity *canned `json:"identity,omitempty"`
	// Identities, when given, are the answers to the preview's reads in
	// order (a session, then the user behind it); the last one repeats.
	Identities []canned `json:"identities,omitempty"`
	// PreviewRequests and Preview record the destructive tool called
	// without confirm: at most that read, and the preview result.
	PreviewRequests []recorded      `json:"preview_requests,omitempty"`
	Preview         json.RawMessage `json:"preview,omitempty"`
	Requests        []recorded      `json:"requests"`
	Result          json.RawMessage `json:"result"`

	sent []fakeclerk.Request // every request the case sent, as received (preview reads included)
}

type canned struct {
	Status  int               `json:"status"`
	Headers map[string]string `json:"headers,omitempty"`
	Body    json.RawMessage   `json:"body,omitempty"`
	Text    string            `json:"text,omitempty"`
}

type recorded struct {
	Method  string            `json:"method"`
	Path    string            `json:"path"`
	Query   []string          `json:"query,omitempty"`
	Headers map[string]string `json:"headers"`
	Body    json.RawMessage   `json:"body,omitempty"`
	Parts   []part            `json:"parts,omitempty"`
}

type part struct {
	Name        string `json:"name"`
	Filename    string `json:"filename,omitempty"`
	ContentType string `json:"content_type,omitempty"`
	Value       string `json:"value,omitempty"`
	Size        int    `json:"size,omitempty"`
	SHA256      string `json:"sha256,omitempty"`
}

// goldenEnv is a handler wired to a fake Clerk, with a deterministic gate.
type goldenEnv struct {
	fake *fakeclerk.Server
	h    *Handler
}

func newGoldenEnv(t *testing.T) *goldenEnv {
	t.Helper()
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	client := clerkapi.New(clerkapi.Config{
		BaseURL:          fake.URL + "/v1",
		SecretKey:        goldenKey,
		MachineSecretKey: "ak_golden_machine_key",
		UserAgent:        "clerk-mcp/test",
		MaxRetries:       -1,
		Uploads:          clerkapi.Uploads{AllowPaths: true},
	})
	gate := NewGate([]byte("golden-confirm-key"), 5*time.Minute)
	gate.now = func() time.Time { return goldenTime }
	gate.rand = bytes.NewReader(bytes.Repeat([]byte{7}, 1<<16))
	return &goldenEnv{fake: fake, h: NewHandler(Config{Client: client, Gate: gate})}
}

func TestGoldenDefinitions(t *testing.T) {
	for _, op := range catalogOps() {
		t.Run(op.Name, func(t *testing.T) {
			def, err := Definition(op)
			require.NoError(t, err)
			b, err := json.MarshalIndent(def, "", "  ")
			require.NoError(t, err)
			golden.Check(t, "testdata/tools/"+op.Name+".json", append(b, '\n'))
		})
	}
}

func TestGoldenCalls(t *testing.T) {
	for _, op := range catalogOps() {
		t.Run(op.Name, func(t *testing.T) {
			path := "testdata/calls/" + op.Name + ".json"
			var file caseFile
			readCases(t, op.Name, &file)
			for i := range file.Cases {
				runCase(t, op, &file.Cases[i])
			}
			out, err := json.MarshalIndent(file, "", "  ")
			require.NoError(t, err)
			golden.Check(t, path, append(out, '\n'))
		})
	}
}

func readCases(t *testing.T, tool string, file *caseFile) {
	t.Helper()
	path := "testdata/calls/" + tool + ".json"
	src, err := os.ReadFile(filepath.Join(golden.Root(t), path))
	require.NoError(t, err, "call cases %s are missing: write at least one case (arguments and responses), then run go test ./tools -update", path)
	require.NoError(t, json.Unmarshal(src, file), path)
	require.NotEmpty(t, file.Cases, "%s has no cases", path)
}

func runCase(t *testing.T, op *clerkapi.Operation, c *callCase) {
	t.Helper()
	env := newGoldenEnv(t)
	var rs []fakeclerk.Response
	for _, r := range c.Responses {
		rs = append(rs, r.response())
	}
	args := c.Arguments
	if len(args) == 0 {
		args = json.RawMessage("{}")
	}
	c.Preview, c.PreviewRequests = nil, nil
	var argMap map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(args, &argMap), "case %s: arguments", c.Name)
	if _, hasConfirm := argMap["confirm"]; op.Kind() == clerkapi.Destructive && !hasConfirm {
		identity := canned{Status: 200, Body: json.RawMessage(`{"object":"resource","id":"target_1","name":"Target"}`)}
		if c.Identity != nil {
			identity = *c.Identity
		}
		reads := []fakeclerk.Response{identity.response()}
		if len(c.Identities) > 0 {
			reads = nil
			for _, r := range c.Identities {
				reads = append(reads, r.response())
			}
		}
		env.fake.Respond(reads...)
		res := env.h.Call(context.Background(), op, args)
		c.sent = env.fake.Requests()
		for _, r := range c.sent {
			require.Equal(t, "GET", r.Method, "case %s: a destructive call without confirm sent %s %s", c.Name, r.Method, r.Path)
			c.PreviewRequests = append(c.PreviewRequests, record(t, r))
		}
		env.fake.Reset()
		c.Preview = marshalResult(t, res)
		if !res.IsError {
			var p Preview
			require.NoError(t, json.Unmarshal([]byte(res.StructuredContent.(Structured)), &p))
			tok, _ := json.Marshal(p.Confirm)
			argMap["confirm"] = tok
			args, _ = json.Marshal(argMap)
		}
	}
	env.fake.Respond(rs...)
	res := env.h.Call(context.Background(), op, args)
	c.Result = marshalResult(t, res)
	if !res.IsError {
		checkOutputSchema(t, op, res)
	}
	c.Requests = nil
	c.sent = append(c.sent, env.fake.Requests()...)
	for _, r := range env.fake.Requests() {
		c.Requests = append(c.Requests, record(t, r))
	}
}

func (r canned) response() fakeclerk.Response {
	fr := fakeclerk.Response{Status: r.Status, Header: r.Headers}
	switch {
	case r.Text != "":
		fr.Body = []byte(r.Text)
	case r.Body != nil:
		fr.Body = r.Body
	}
	return fr
}

// checkOutputSchema validates structuredContent against the tool's output schema.
func checkOutputSchema(t *testing.T, op *clerkapi.Operation, res *mcp.CallToolResult) {
	t.Helper()
	raw, ok := res.StructuredContent.(Structured)
	require.True(t, ok, "structuredContent must be checked, encoded JSON (Structured)")
	require.True(t, bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")), "structuredContent must be an object")
	schema, _ := schemas.Output(op.Name)
	v := validators{asListed: true}
	c, err := v.get("out:"+op.Name, schema)
	require.NoError(t, err)
	assert.Empty(t, c.validate(json.RawMessage(raw)), "structuredContent of %s does not match its output schema", op.Name)
	assert.NoError(t, independentCheck(schema, raw), "structuredContent of %s does not match its output schema (google/jsonschema-go)", op.Name)
}

func marshalResult(t *testing.T, res *mcp.CallToolResult) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(res)
	require.NoError(t, err)
	checkStdioEncoding(t, res)
	return b
}

// checkStdioEncoding holds the stdio transport's direct encoder to
// encoding/json: the same JSON up to insignificant space and HTML escaping,
// on one line.
func checkStdioEncoding(t *testing.T, res *mcp.CallToolResult) {
	t.Helper()
	checkStdioMessage(t, mcp.NewJSONRPCResultResponse(mcp.NewRequestId(int64(7)), res))
}

func checkStdioMessage(t *testing.T, msg mcp.JSONRPCMessage) {
	t.Helper()
	want, err := json.Marshal(msg)
	require.NoError(t, err)
	got, err := stdio.AppendMessage(nil, msg)
	require.NoError(t, err)
	require.NotContains(t, string(got), "\n", "a JSON-RPC line must not break")
	var compact, escaped bytes.Buffer
	require.NoError(t, json.Compact(&compact, got))
	json.HTMLEscape(&escaped, compact.Bytes())
	require.Equal(t, string(want), escaped.String(), "stdio encoding differs from encoding/json")
}

func record(t *testing.T, r fakeclerk.Request) recorded {
	t.Helper()
	rec := recorded{Method: r.Method, Path: r.Path, Headers: map[string]string{}}
	if r.RawQuery != "" {
		rec.Query = strings.Split(r.RawQuery, "&")
	}
	for _, h := range []string{"Authorization", "Clerk-Api-Version", "User-Agent", "Accept", "Content-Type"} {
		if v := r.Header.Get(h); v != "" {
			rec.Headers[h] = v
		}
	}
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case mt == "multipart/form-data":
		rec.Headers["Content-Type"] = mt + "; boundary=…"
		mr := multipart.NewReader(bytes.NewReader(r.Body), params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			data, _ := io.ReadAll(p)
			pt := part{Name: p.FormName(), Filename: p.FileName(), ContentType: p.Header.Get("Content-Type")}
			if pt.Filename != "" {
				sum := sha256.Sum256(data)
				pt.Size, pt.SHA256 = len(data), hex.EncodeToString(sum[:8])
			} else {
				pt.Value = string(data)
			}
			rec.Parts = append(rec.Parts, pt)
		}
	case len(r.Body) > 0:
		if json.Valid(r.Body) {
			rec.Body = r.Body
		} else {
			rec.Body, _ = json.Marshal(string(r.Body))
		}
	}
	return rec
}

func catalogOps() []*clerkapi.Operation {
	cat := clerkapi.Catalog()
	out := make([]*clerkapi.Operation, len(cat))
	for i := range cat {
		out[i] = &cat[i]
	}
	return out
}

// TestGoldenCoverage proves every tool has a definition and call cases, and
// that no golden file is left over from a removed tool.
func TestGoldenCoverage(t *testing.T) {
	root := golden.Root(t)
	want := map[string]bool{}
	for _, op := range catalogOps() {
		want[op.Name+".json"] = true
	}
	for _, dir := range []string{"testdata/tools", "testdata/calls"} {
		entries, err := os.ReadDir(filepath.Join(root, dir))
		require.NoError(t, err)
		have := map[string]bool{}
		for _, e := range entries {
			have[e.Name()] = true
			assert.True(t, want[e.Name()], "%s/%s belongs to no registered tool", dir, e.Name())
		}
		var missing []string
		for name := range want {
			if !have[name] {
				missing = append(missing, name)
			}
		}
		sort.Strings(missing)
		assert.Empty(t, missing, "tools without a golden file in %s", dir)
	}
	fmt.Fprintf(io.Discard, "%d tools", len(want))
}
