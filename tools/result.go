package tools

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// shape turns Clerk's answer into a tool result: structuredContent is always
// an object matching the tool's output schema, and a text block carries the
// same data as JSON. Clerk's bytes pass through without re-encoding where
// they already have the right shape.
func shape(op *clerkapi.Operation, resp *clerkapi.Response) *mcp.CallToolResult {
	body := bytes.TrimSpace(resp.Body)
	var structured json.RawMessage
	switch {
	case op.HTML:
		b, _ := json.Marshal(map[string]string{"html": string(body)})
		structured = b
	case len(body) == 0:
		structured = json.RawMessage(`{"ok":true,"status":` + strconv.Itoa(resp.Status) + `}`)
	case body[0] == '{':
		structured = body
	case body[0] == '[':
		// A bare array: wrap it as a list so results are always objects.
		var items []json.RawMessage
		if err := json.Unmarshal(body, &items); err != nil {
			return mcp.NewToolResultError(op.Name + ": Clerk answered malformed JSON")
		}
		var buf bytes.Buffer
		buf.WriteString(`{"data":`)
		buf.Write(body)
		buf.WriteString(`,"total_count":`)
		buf.WriteString(strconv.Itoa(len(items)))
		buf.WriteByte('}')
		structured = buf.Bytes()
	default:
		structured = append(append(json.RawMessage(`{"value":`), body...), '}')
	}
	var text bytes.Buffer
	if err := json.Compact(&text, structured); err != nil {
		return mcp.NewToolResultError(op.Name + ": Clerk answered malformed JSON (HTTP " + strconv.Itoa(resp.Status) + ")")
	}
	return &mcp.CallToolResult{
		Content:           []mcp.Content{mcp.NewTextContent(text.String())},
		StructuredContent: structured,
	}
}
