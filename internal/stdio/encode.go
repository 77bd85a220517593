package stdio

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"

	"github.com/mark3labs/mcp-go/mcp"
)

// Encoded is implemented by a structuredContent value whose bytes are
// already a valid JSON document: AppendMessage copies them as they are.
// The tool pipeline sets it only on bytes its own scanner has checked.
type Encoded interface {
	EncodedJSON() []byte
}

// AppendMessage appends the JSON of msg to dst. Tool results and tool lists
// in the shapes this server produces are written directly; anything else
// goes through encoding/json. Either way the output is what json.Marshal
// writes, up to insignificant space and HTML escaping (json.HTMLEscape of
// it equals json.Marshal's; the tests hold that).
func AppendMessage(dst []byte, msg mcp.JSONRPCMessage) ([]byte, error) {
	if r, ok := msg.(mcp.JSONRPCResponse); ok {
		var (
			out []byte
			ok  bool
		)
		start := len(dst)
		dst = append(dst, `{"jsonrpc":`...)
		dst = appendString(dst, r.JSONRPC)
		dst = append(dst, `,"id":`...)
		id, err := json.Marshal(r.ID)
		if err != nil {
			return dst[:start], err
		}
		dst = append(dst, id...)
		dst = append(dst, `,"result":`...)
		switch res := r.Result.(type) {
		case *mcp.CallToolResult:
			if res != nil {
				out, ok = appendCallToolResult(dst, res)
			}
		case mcp.ListToolsResult:
			out, ok = appendListToolsResult(dst, &res)
		}
		if ok {
			return append(out, '}'), nil
		}
		dst = dst[:start]
	}
	b, err := json.Marshal(msg)
	if err != nil {
		return dst, err
	}
	return append(dst, b...), nil
}

// appendCallToolResult writes the members mcp.CallToolResult.MarshalJSON
// writes, in its (sorted) order, when every part is one this encoder knows:
// text content without annotations, and structuredContent that is Encoded
// or absent. It reports false, having written nothing useful, otherwise.
func appendCallToolResult(dst []byte, r *mcp.CallToolResult) ([]byte, bool) {
	if r.Meta != nil || len(r.InputRequests) > 0 || r.RequestState != "" || len(r.RawStructuredContent) > 0 {
		return dst, false
	}
	var structured []byte
	switch sc := r.StructuredContent.(type) {
	case nil:
	case Encoded:
		structured = sc.EncodedJSON()
	default:
		return dst, false
	}
	dst = append(dst, `{"content":[`...)
	for i, c := range r.Content {
		t, ok := c.(mcp.TextContent)
		if !ok || t.Annotations != nil || t.Meta != nil {
			return dst, false
		}
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"type":`...)
		dst = appendString(dst, t.Type)
		dst = append(dst, `,"text":`...)
		dst = appendString(dst, t.Text)
		dst = append(dst, '}')
	}
	dst = append(dst, ']')
	if r.IsError {
		dst = append(dst, `,"isError":true`...)
	}
	if r.ResultType != "" {
		dst = append(dst, `,"resultType":`...)
		dst = appendString(dst, string(r.ResultType))
	}
	if structured != nil {
		dst = append(dst, `,"structuredContent":`...)
		var err error
		if dst, err = appendRaw(dst, structured); err != nil {
			return dst, false
		}
	}
	return append(dst, '}'), true
}

// appendListToolsResult writes the result's own members with encoding/json
// (they are few and small) and the tools directly.
func appendListToolsResult(dst []byte, r *mcp.ListToolsResult) ([]byte, bool) {
	for i := range r.Tools {
		if !plainTool(&r.Tools[i]) {
			return dst, false
		}
	}
	tools := r.Tools
	if tools == nil {
		return dst, false
	}
	r.Tools = nil
	head, err := json.Marshal(r)
	r.Tools = tools
	const tail = `"tools":null}`
	if err != nil || len(head) < len(tail) || string(head[len(head)-len(tail):]) != tail {
		return dst, false
	}
	dst = append(dst, head[:len(head)-len(`null}`)]...)
	dst = append(dst, '[')
	for i := range tools {
		if i > 0 {
			dst = append(dst, ',')
		}
		var err error
		if dst, err = appendTool(dst, &tools[i]); err != nil {
			return dst, false
		}
	}
	return append(dst, "]}"...), true
}

// plainTool reports whether appendTool writes t exactly: raw schemas, no
// title, icons, execution, deferral or _meta.
func plainTool(t *mcp.Tool) bool {
	return t.Meta == nil && t.Title == "" && !t.DeferLoading && t.Icons == nil && t.Execution == nil &&
		t.RawInputSchema != nil && t.InputSchema.Type == "" && t.OutputSchema.Type == ""
}

// appendTool writes the members mcp.Tool.MarshalJSON writes, in its
// (sorted) order. The schemas are this server's own embedded, compact JSON.
func appendTool(dst []byte, t *mcp.Tool) ([]byte, error) {
	dst = append(dst, `{"annotations":{`...)
	a := t.Annotations
	n := len(dst)
	if a.Title != "" {
		dst = append(dst, `"title":`...)
		dst = appendString(dst, a.Title)
	}
	dst = appendHint(dst, n, "readOnlyHint", a.ReadOnlyHint)
	dst = appendHint(dst, n, "destructiveHint", a.DestructiveHint)
	dst = appendHint(dst, n, "idempotentHint", a.IdempotentHint)
	dst = appendHint(dst, n, "openWorldHint", a.OpenWorldHint)
	dst = append(dst, '}')
	if t.Description != "" {
		dst = append(dst, `,"description":`...)
		dst = appendString(dst, t.Description)
	}
	dst = append(dst, `,"inputSchema":`...)
	dst, err := appendRaw(dst, t.RawInputSchema)
	if err != nil {
		return dst, err
	}
	dst = append(dst, `,"name":`...)
	dst = appendString(dst, t.Name)
	if t.RawOutputSchema != nil {
		dst = append(dst, `,"outputSchema":`...)
		if dst, err = appendRaw(dst, t.RawOutputSchema); err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}

// appendRaw appends a JSON value known to be valid. A line of JSON-RPC must
// not break, so a value with a line break between its tokens is compacted
// (inside strings, line breaks are always escaped).
func appendRaw(dst, raw []byte) ([]byte, error) {
	raw = bytes.TrimSpace(raw)
	if bytes.IndexByte(raw, '\n') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		return append(dst, raw...), nil
	}
	buf := bytes.NewBuffer(dst)
	err := json.Compact(buf, raw)
	return buf.Bytes(), err
}

func appendHint(dst []byte, start int, name string, v *bool) []byte {
	if v == nil {
		return dst
	}
	if len(dst) > start {
		dst = append(dst, ',')
	}
	dst = append(dst, '"')
	dst = append(dst, name...)
	dst = append(dst, `":`...)
	if *v {
		return append(dst, "true"...)
	}
	return append(dst, "false"...)
}

// appendString writes s as a JSON string the way encoding/json does,
// invalid UTF-8 becoming U+FFFD, except that <, >, & and U+2028/U+2029 are
// left as they are: they need no escaping in JSON.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

const hex = "0123456789abcdef"
