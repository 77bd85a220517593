package stdio

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
)

// FuzzServe feeds arbitrary bytes to the transport as its input: nothing
// panics, every line written is one JSON-RPC 2.0 message (an answer with an
// id and exactly one of result and error, or a request or notification with
// a method), and Serve returns once input ends, with tools that answer at
// once, block until cancelled, or ask the user, and limits small enough for
// long lines and a full queue.
func FuzzServe(f *testing.F) {
	call := func(id, name string) string {
		return `{"jsonrpc":"2.0","id":` + id + `,"method":"tools/call","params":{"name":"` + name + `","arguments":{"x":"` + nasty + `"}}}`
	}
	for _, seed := range []string{
		`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{"elicitation":{}},"clientInfo":{"name":"f","version":"1"}}}` + "\n" +
			`{"jsonrpc":"2.0","method":"notifications/initialized"}` + "\n" + call("1", "echo") + "\n" + `{"jsonrpc":"2.0","id":2,"method":"tools/list"}`,
		call("1", "block") + "\n" + call("2", "block") + "\n" + call("3", "block") + "\n" + call(`"4"`, "block") + "\n" + `{"jsonrpc":"2.0","id":5,"method":"ping"}` + "\n",
		call("1", "block") + "\n" + `{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1}}` + "\n",
		call("1", "ask") + "\n" + `{"jsonrpc":"2.0","id":1,"result":{"action":"accept","content":{}}}` + "\n",
		`{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":"` + strings.Repeat("x", 300) + `"}}` + "\n",
		"[1,2]\n{\n\n  \n\xff\x00\r\n" + `{"id":null,"method":"ping"}` + "\n" + `{"jsonrpc":"2.0","id":{},"method":"x"}`,
		`{"jsonrpc":"2.0","id":7,"error":{"code":1,"message":"m"}}` + "\n" + `{"jsonrpc":"2.0","id":1,"method":"no/such"}`,
	} {
		f.Add([]byte(seed))
	}
	s := newServer(
		tool("echo", func(_ context.Context, r mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			return &mcp.CallToolResult{
				Content:           []mcp.Content{mcp.NewTextContent(r.GetString("x", ""))},
				StructuredContent: encoded(`{"a":[1,"x\n"]}`),
			}, nil
		}),
		tool("block", func(ctx context.Context, _ mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			<-ctx.Done()
			return nil, ctx.Err()
		}),
	)
	s.AddTool(mcp.NewTool("ask"), func(ctx context.Context, _ mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		res, err := s.RequestElicitation(ctx, mcp.ElicitationRequest{Params: mcp.ElicitationParams{Message: "Sure?"}})
		if err != nil {
			return mcp.NewToolResultError(err.Error()), nil
		}
		return mcp.NewToolResultText(string(res.Action)), nil
	})
	f.Fuzz(func(t *testing.T, in []byte) {
		var out syncWriter
		var buf bytes.Buffer
		out.w = &buf
		done := make(chan error, 1)
		go func() {
			done <- Serve(context.Background(), s, bytes.NewReader(in), &out, Options{MaxLine: 256, Concurrency: 2, Queue: 1})
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("Serve did not return after input ended on %q", in)
		}
		out.mu.Lock()
		defer out.mu.Unlock()
		written := buf.Bytes()
		if len(written) > 0 && written[len(written)-1] != '\n' {
			t.Fatalf("output does not end with a newline: %q", written)
		}
		for line := range bytes.Lines(written) {
			checkMessage(t, line)
		}
	})
}

// checkMessage fails unless line is one JSON-RPC 2.0 message on one line.
func checkMessage(t *testing.T, line []byte) {
	t.Helper()
	body := bytes.TrimSuffix(line, []byte("\n"))
	if bytes.ContainsAny(body, "\r\n") {
		t.Fatalf("a line break inside a message: %q", line)
	}
	var m struct {
		JSONRPC string `json:"jsonrpc"`
		Method  string `json:"method"`
		Error   *struct {
			Code    *int    `json:"code"`
			Message *string `json:"message"`
		} `json:"error"`
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(body, &members); err != nil {
		t.Fatalf("not one JSON object: %q: %v", line, err)
	}
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("not a JSON-RPC message: %q: %v", line, err)
	}
	_, hasID := members["id"] // null for an unparsable request
	_, hasResult := members["result"]
	if m.JSONRPC != "2.0" {
		t.Fatalf("no jsonrpc 2.0: %q", line)
	}
	switch {
	case m.Method != "":
		if hasResult || members["error"] != nil {
			t.Fatalf("a request or notification with a result or error: %q", line)
		}
	case !hasID:
		t.Fatalf("an answer without an id: %q", line)
	case hasResult == (members["error"] != nil):
		t.Fatalf("an answer needs exactly one of result and error: %q", line)
	case m.Error != nil && (m.Error.Code == nil || m.Error.Message == nil):
		t.Fatalf("an error without code or message: %q", line)
	}
}
