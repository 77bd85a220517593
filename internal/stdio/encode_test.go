package stdio

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sameAsEncodingJSON: AppendMessage writes, on one line, the JSON
// json.Marshal writes, up to insignificant space and HTML escaping.
func sameAsEncodingJSON(t *testing.T, msg mcp.JSONRPCMessage) []byte {
	t.Helper()
	want, err := json.Marshal(msg)
	require.NoError(t, err)
	got, err := AppendMessage([]byte("prefix"), msg)
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(got, []byte("prefix")), "AppendMessage must append")
	got = got[len("prefix"):]
	require.NotContains(t, string(got), "\n")
	var compact, escaped bytes.Buffer
	require.NoError(t, json.Compact(&compact, got), "%s", got)
	json.HTMLEscape(&escaped, compact.Bytes())
	require.Equal(t, string(want), escaped.String())
	return got
}

func response(result any) mcp.JSONRPCMessage {
	return mcp.NewJSONRPCResultResponse(mcp.NewRequestId("req-1"), result)
}

func TestAppendCallToolResult(t *testing.T) {
	yes := true
	cases := []struct {
		name   string
		result *mcp.CallToolResult
		direct string // a part only the direct path writes (it keeps space)
	}{
		{"text and structured", &mcp.CallToolResult{
			Content:           []mcp.Content{mcp.NewTextContent(nasty), mcp.NewTextContent("second")},
			StructuredContent: encoded(` {"data": [{"id": "user_1", "html": "<a&b>"}], "total_count": 1} `),
		}, `{"data": [{"id": "user_1"`},
		{"structured with line breaks", &mcp.CallToolResult{
			Content:           []mcp.Content{mcp.NewTextContent("x")},
			StructuredContent: encoded("{\r\n  \"a\": \"line\\nbreak\"\n}\n"),
		}, ""},
		{"error", mcp.NewToolResultError("bad \"input\""), ""},
		{"empty", &mcp.CallToolResult{}, ""},
		{"result type", &mcp.CallToolResult{
			Result:            mcp.Result{ResultType: "complete"},
			Content:           []mcp.Content{mcp.NewTextContent("x")},
			StructuredContent: encoded(`{"ok": true}`),
		}, `{"ok": true}`},
		// Shapes the direct path leaves to encoding/json.
		{"raw message", &mcp.CallToolResult{Content: []mcp.Content{mcp.NewTextContent("x")}, StructuredContent: json.RawMessage(`{"a":1}`)}, ""},
		{"map", &mcp.CallToolResult{StructuredContent: map[string]any{"a": []int{1}}}, ""},
		{"image", &mcp.CallToolResult{Content: []mcp.Content{mcp.NewImageContent("AAAA", "image/png")}}, ""},
		{"annotated", &mcp.CallToolResult{Content: []mcp.Content{mcp.TextContent{Type: "text", Text: "x", Annotated: mcp.Annotated{Annotations: &mcp.Annotations{Priority: new(1.0)}}}}}, ""},
		{"meta", &mcp.CallToolResult{Result: mcp.Result{Meta: &mcp.Meta{AdditionalFields: map[string]any{"k": yes}}}, Content: []mcp.Content{mcp.NewTextContent("x")}}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := sameAsEncodingJSON(t, response(c.result))
			if c.direct != "" {
				assert.Contains(t, string(got), c.direct, "the direct path was not taken")
			}
		})
	}
}

func TestAppendListToolsResult(t *testing.T) {
	yes, no := true, false
	plain := mcp.NewToolWithRawSchema("get_user", "Get a <user> & more: \"quoted\"", json.RawMessage(`{"type": "object","properties":{}}`+"\n"))
	plain.RawOutputSchema = json.RawMessage(`{"type": "object"}`)
	plain.Annotations = mcp.ToolAnnotation{ReadOnlyHint: &yes, DestructiveHint: &no, OpenWorldHint: &yes}
	bare := mcp.NewToolWithRawSchema("ping", "", json.RawMessage(`{"type":"object"}`))
	bare.Annotations = mcp.ToolAnnotation{}
	titled := plain
	titled.Annotations.Title = "Get user"

	list := mcp.ListToolsResult{Tools: []mcp.Tool{plain, bare, titled}}
	got := sameAsEncodingJSON(t, response(list))
	assert.Contains(t, string(got), `{"type": "object","properties":{}}`, "the direct path was not taken")

	paged := list
	paged.NextCursor = "next-page"
	got = sameAsEncodingJSON(t, response(paged))
	assert.Contains(t, string(got), `"nextCursor":"next-page"`)

	withTitle := plain
	withTitle.Title = "Get user"
	sameAsEncodingJSON(t, response(mcp.ListToolsResult{Tools: []mcp.Tool{plain, withTitle}}))
	structured := mcp.NewTool("typed", mcp.WithString("x"))
	sameAsEncodingJSON(t, response(mcp.ListToolsResult{Tools: []mcp.Tool{structured}}))
	sameAsEncodingJSON(t, response(mcp.ListToolsResult{}))
}

func TestAppendOtherMessages(t *testing.T) {
	sameAsEncodingJSON(t, mcp.JSONRPCError{JSONRPC: "2.0", ID: mcp.NewRequestId(int64(3)), Error: mcp.NewJSONRPCErrorDetails(-32602, "bad <params>", nil)})
	sameAsEncodingJSON(t, response(mcp.EmptyResult{}))
	sameAsEncodingJSON(t, mcp.NewJSONRPCResultResponse(mcp.NewRequestId(nil), &mcp.CallToolResult{}))
	sameAsEncodingJSON(t, response((*mcp.CallToolResult)(nil)))
}

// FuzzAppendString: strings come out as encoding/json writes them, up to
// HTML escaping, invalid UTF-8 included.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", nasty, "\x00\x7f\u2029", "\xed\xa0\x80", "\\\"/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		var escaped bytes.Buffer
		json.HTMLEscape(&escaped, appendString(nil, s))
		if escaped.String() != string(want) {
			t.Fatalf("appendString(%q) = %s, want %s", s, escaped.Bytes(), want)
		}
	})
}
