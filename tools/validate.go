package tools

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

var english = message.NewPrinter(language.English)

// validators compiles each tool's input schema on its first call and keeps it.
type validators struct {
	m sync.Map // tool name -> *compiled
	// asListed compiles schemas as they are; otherwise (the server's own
	// input checks) the top level is closed to unknown arguments.
	asListed bool
}

type compiled struct {
	once   sync.Once
	schema *jsonschema.Schema
	tree   map[string]any // the schema as data, for normalize
	names  []string       // declared argument names, for error messages
	err    error
}

func (v *validators) get(tool string, schema json.RawMessage) (*compiled, error) {
	c, ok := v.m.Load(tool)
	if !ok {
		c, _ = v.m.LoadOrStore(tool, &compiled{})
	}
	cs := c.(*compiled)
	cs.once.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
		if err != nil {
			cs.err = err
			return
		}
		cs.tree, _ = doc.(map[string]any)
		if cs.tree == nil {
			cs.err = fmt.Errorf("the input schema of %s is not an object", tool)
			return
		}
		if !v.asListed {
			// The listed schema leaves the top level open to save tokens;
			// the arguments are closed all the same (see schemagen.Input).
			cs.tree["additionalProperties"] = false
		}
		if props, ok := cs.tree["properties"].(map[string]any); ok {
			cs.names = slices.Sorted(maps.Keys(props))
		}
		comp := jsonschema.NewCompiler()
		comp.AssertFormat()
		url := "mem:///" + tool + ".json"
		if err := comp.AddResource(url, doc); err != nil {
			cs.err = err
			return
		}
		cs.schema, cs.err = comp.Compile(url)
	})
	return cs, cs.err
}

// validate checks raw arguments against the tool's input schema and returns
// one message per problem, each naming the argument and what it expects.
func (c *compiled) validate(args json.RawMessage) []string {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(args))
	if err != nil {
		return []string{"arguments: not valid JSON"}
	}
	err = c.schema.Validate(inst)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return []string{err.Error()}
	}
	var msgs []string
	c.collect(ve, &msgs)
	slices.Sort(msgs)
	return slices.Compact(msgs)
}

func (c *compiled) collect(ve *jsonschema.ValidationError, msgs *[]string) {
	if len(ve.Causes) > 0 {
		for _, cause := range ve.Causes {
			c.collect(cause, msgs)
		}
		return
	}
	where := strings.Join(ve.InstanceLocation, ".")
	name := where
	if name == "" {
		name = "arguments"
	}
	switch k := ve.ErrorKind.(type) {
	case *kind.Required:
		for _, m := range k.Missing {
			*msgs = append(*msgs, joinPath(where, m)+": required")
		}
	case *kind.AdditionalProperties:
		for _, p := range k.Properties {
			msg := joinPath(where, p) + ": unknown argument"
			if where == "" {
				msg += "; accepted: " + strings.Join(c.names, ", ")
			}
			*msgs = append(*msgs, msg)
		}
	case *kind.Type:
		*msgs = append(*msgs, fmt.Sprintf("%s: expected %s, got %s", name, strings.Join(k.Want, " or "), k.Got))
	case *kind.Enum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			b, _ := json.Marshal(w)
			want[i] = string(b)
		}
		got, _ := json.Marshal(k.Got)
		*msgs = append(*msgs, fmt.Sprintf("%s: must be one of %s (got %s)", name, strings.Join(want, ", "), got))
	case *kind.Minimum:
		*msgs = append(*msgs, fmt.Sprintf("%s: must be ≥ %s (got %s)", name, rat(k.Want), rat(k.Got)))
	case *kind.Maximum:
		*msgs = append(*msgs, fmt.Sprintf("%s: must be ≤ %s (got %s)", name, rat(k.Want), rat(k.Got)))
	case *kind.MinItems:
		*msgs = append(*msgs, fmt.Sprintf("%s: needs at least %d items (got %d)", name, k.Want, k.Got))
	case *kind.MaxItems:
		*msgs = append(*msgs, fmt.Sprintf("%s: takes at most %d items (got %d)", name, k.Want, k.Got))
	case *kind.MinLength:
		*msgs = append(*msgs, fmt.Sprintf("%s: needs at least %d characters (got %d)", name, k.Want, k.Got))
	case *kind.MaxLength:
		*msgs = append(*msgs, fmt.Sprintf("%s: takes at most %d characters (got %d)", name, k.Want, k.Got))
	case *kind.Pattern:
		got, _ := json.Marshal(k.Got)
		*msgs = append(*msgs, fmt.Sprintf("%s: must match %s (got %s)", name, k.Want, got))
	case *kind.Format:
		*msgs = append(*msgs, fmt.Sprintf("%s: expected %s format", name, k.Want))
	default:
		*msgs = append(*msgs, name+": "+strings.TrimSpace(ve.ErrorKind.LocalizedString(english)))
	}
}

func joinPath(where, name string) string {
	if where == "" {
		return name
	}
	return where + "." + name
}

func rat(r *big.Rat) string {
	if r == nil {
		return "?"
	}
	if r.IsInt() {
		return r.Num().String()
	}
	return r.FloatString(6)
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
