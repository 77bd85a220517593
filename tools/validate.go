package tools

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"sync"

	"github.com/clerk-mcp/clerk-mcp/internal/argcheck"
)

// validators compiles each tool's input schema on its first call and keeps it.
// The compiling and checking is package argcheck's, shared with the
// sandbox's door, so both refuse the same arguments the same way.
type validators struct {
	m sync.Map // tool name -> *compiled
	// asListed compiles schemas as they are; otherwise (the server's own
	// input checks) the top level is closed to unknown arguments.
	asListed bool
}

type compiled struct {
	once   sync.Once
	schema *argcheck.Schema
	tree   map[string]any // the schema as data, for normalize
	err    error
}

func (v *validators) get(tool string, schema json.RawMessage) (*compiled, error) {
	c, ok := v.m.Load(tool)
	if !ok {
		c, _ = v.m.LoadOrStore(tool, &compiled{})
	}
	cs := c.(*compiled)
	cs.once.Do(func() {
		// The listed schema leaves the top level open to save tokens;
		// the arguments are closed all the same (see schemagen.Input).
		cs.schema, cs.err = argcheck.Compile(tool, schema, !v.asListed)
		if cs.err == nil {
			cs.tree = cs.schema.Tree
		}
	})
	return cs, cs.err
}

// validate checks raw arguments against the tool's input schema and returns
// one message per problem, each naming the argument and what it expects.
func (c *compiled) validate(args json.RawMessage) []string {
	problems := c.schema.Problems(args)
	if len(problems) == 0 {
		return nil
	}
	msgs := make([]string, len(problems))
	for i, p := range problems {
		msgs[i] = p.String()
	}
	return msgs
}

// normalize makes arguments shaped by any schema profile canonical: a null
// for a declared (typed) property is taken out and its path ("proxy_url",
// "saml.idp_sso_url", "invitations[2].notify") appended to nulls, for the
// caller to send, refuse or (in the OpenAI strict profile) drop; a
// free-form object sent as a JSON string (as Gemini and OpenAI strict
// profiles ask) is parsed back into the object; and a whole number written
// as a float (10.0, 1e1) for an integer or number property is sent as an
// integer (10), since Clerk refuses 10.0 where it expects an integer. Nulls
// inside free-form objects, such as metadata keys to delete, are kept.
func normalize(schema map[string]any, args map[string]json.RawMessage, prefix string, nulls *[]string) (changed bool) {
	props, _ := schema["properties"].(map[string]any)
	for k, raw := range args {
		prop, ok := props[k].(map[string]any)
		if !ok {
			continue
		}
		raw = bytes.TrimSpace(raw)
		switch {
		case string(raw) == "null":
			delete(args, k)
			*nulls = append(*nulls, prefix+k)
			changed = true
		case isNumeric(prop) && len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9'):
			if n, ok := wholeNumber(raw); ok {
				args[k], changed = n, true
			}
		case prop["type"] == "array" && isNumeric(mapOf(prop["items"])) && len(raw) > 0 && raw[0] == '[':
			var elems []json.RawMessage
			if json.Unmarshal(raw, &elems) != nil {
				continue
			}
			whole := false
			for i, e := range elems {
				if n, ok := wholeNumber(bytes.TrimSpace(e)); ok {
					elems[i], whole = n, true
				}
			}
			if b, err := json.Marshal(elems); err == nil && whole {
				args[k], changed = b, true
			}
		case isFreeForm(prop) && len(raw) > 0 && raw[0] == '"':
			var s string
			if json.Unmarshal(raw, &s) == nil {
				if t := bytes.TrimSpace([]byte(s)); len(t) > 0 && t[0] == '{' && json.Valid(t) {
					args[k], changed = t, true
				}
			}
		case prop["type"] == "object" && len(raw) > 0 && raw[0] == '{':
			args[k], changed = normalizeObject(prop, raw, prefix+k+".", nulls), true
		case prop["type"] == "array" && len(raw) > 0 && raw[0] == '[':
			items, _ := prop["items"].(map[string]any)
			if items == nil || items["type"] != "object" || isFreeForm(items) {
				continue
			}
			var elems []json.RawMessage
			if json.Unmarshal(raw, &elems) != nil {
				continue
			}
			for i, e := range elems {
				if e = bytes.TrimSpace(e); len(e) > 0 && e[0] == '{' {
					elems[i] = normalizeObject(items, e, fmt.Sprintf("%s%s[%d].", prefix, k, i), nulls)
				}
			}
			if b, err := json.Marshal(elems); err == nil {
				args[k], changed = b, true
			}
		}
	}
	return changed
}

func normalizeObject(schema map[string]any, raw json.RawMessage, prefix string, nulls *[]string) json.RawMessage {
	if isFreeForm(schema) {
		return raw
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return raw
	}
	normalize(schema, m, prefix, nulls)
	b, err := json.Marshal(m)
	if err != nil {
		return raw
	}
	return b
}

func mapOf(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// isNumeric reports a property typed integer or number.
func isNumeric(n map[string]any) bool {
	return n["type"] == "integer" || n["type"] == "number"
}

// wholeNumber rewrites a JSON number literal with a fraction or exponent
// whose value is whole (10.0, 1e1) as an integer literal; ok is false for
// anything else, which is left as sent (a fraction then fails validation
// on an integer property, naming it).
func wholeNumber(raw json.RawMessage) (json.RawMessage, bool) {
	if len(raw) > 64 || !bytes.ContainsAny(raw, ".eE") || !json.Valid(raw) {
		return nil, false
	}
	// Bounded first: big.Rat would expand an exponent such as 1e999999999.
	if f, err := strconv.ParseFloat(string(raw), 64); err != nil || math.Abs(f) > 1e18 {
		return nil, false
	}
	r, ok := new(big.Rat).SetString(string(raw))
	if !ok || !r.IsInt() {
		return nil, false
	}
	return json.RawMessage(r.Num().String()), true
}

// isFreeForm reports an object schema that declares no properties.
func isFreeForm(n map[string]any) bool {
	_, has := n["properties"]
	return n["type"] == "object" && !has
}
