package tools

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/textblock"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

// shape turns Clerk's answer into a tool result: structuredContent is always
// an object matching the tool's output schema, and a text block carries the
// same data as JSON. Clerk's bytes pass through without re-encoding where
// they already have the right shape.
func (h *Handler) shape(op *clerkapi.Operation, args clerkapi.Args, resp *clerkapi.Response) *mcp.CallToolResult {
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
		// A bare array (ban_users, unban_users, the bulk creates): wrap it
		// so results are always objects. No total_count: the array's length
		// would only count what the call sent, not a total of anything
		// (list operations get Clerk's own total, clerkapi.Client.addTotal).
		structured = append(append(json.RawMessage(`{"data":`), body...), '}')
	default:
		structured = append(append(json.RawMessage(`{"value":`), body...), '}')
	}
	if h.hidePrivate && bytes.Contains(structured, []byte(`"private_metadata"`)) {
		var err error
		if structured, err = stripKey(structured, "private_metadata"); err != nil {
			return mcp.NewToolResultError(op.Name + ": Clerk answered malformed JSON (HTTP " + strconv.Itoa(resp.Status) + ")")
		}
	}
	text, err := textblock.RenderText(structured, h.paging(op, args), h.maxResult)
	if err != nil {
		return mcp.NewToolResultError(op.Name + ": Clerk answered malformed JSON (HTTP " + strconv.Itoa(resp.Status) + ")")
	}
	content := []mcp.Content{mcp.NewTextContent(text)}
	if op.Secret {
		content = append(content, mcp.NewTextContent(SecretNotice))
	}
	// textblock.Render's scan has checked structured is valid JSON.
	return &mcp.CallToolResult{Content: content, StructuredContent: Structured(structured)}
}

// Structured is structuredContent already encoded as one valid JSON object.
// encoding/json writes it as it would a json.RawMessage; the stdio
// transport copies it without another check (stdio.Encoded).
type Structured []byte

// MarshalJSON returns the bytes themselves.
func (s Structured) MarshalJSON() ([]byte, error) { return s, nil }

// EncodedJSON returns the bytes themselves.
func (s Structured) EncodedJSON() []byte { return s }

// SecretNotice follows every result of an operation that returns a
// credential. The credential itself is never masked: a one-time secret
// masked would be lost.
const SecretNotice = "This result contains a credential (secret, token or sign-in link). Show or store it only where the user asked; do not paste it into chats, logs or files."

// stripKey removes every member named key, at any depth.
func stripKey(doc json.RawMessage, key string) (json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	var walk func(any)
	walk = func(n any) {
		switch x := n.(type) {
		case map[string]any:
			delete(x, key)
			for _, c := range x {
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	walk(v)
	return json.Marshal(v)
}

// paging is how the call asked for its page. A page fetched with
// starting_after is a cursor page: its hint is next_starting_after, and the
// page size in effect (the limit, else its default) tells the last page.
func (h *Handler) paging(op *clerkapi.Operation, args clerkapi.Args) textblock.Paging {
	pg := textblock.Paging{Offset: intArg(args, "offset"), Limit: intArg(args, "limit")}
	after := bytes.TrimSpace(args["starting_after"])
	if len(after) <= 2 || after[0] != '"' { // absent, null or ""
		return pg
	}
	pg.After = string(after)
	if pg.Limit == 0 {
		schema, _ := schemas.Input(op.Name)
		if c, err := h.valid.get(op.Name, schema); err == nil {
			props, _ := c.tree["properties"].(map[string]any)
			limit, _ := props["limit"].(map[string]any)
			if n, ok := limit["default"].(json.Number); ok {
				pg.Limit, _ = n.Int64()
			}
		}
	}
	return pg
}

// intArg reads an integer argument, 0 when absent.
func intArg(args clerkapi.Args, name string) int64 {
	n, _ := strconv.ParseInt(string(bytes.TrimSpace(args[name])), 10, 64)
	return n
}
