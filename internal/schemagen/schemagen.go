// Package schemagen derives every tool's input and output JSON schema from the
// request and response structs of the clerkapi catalog. It runs under
// `go generate ./...` (writing schemas/) and in the drift test; the server
// itself never reflects: it embeds the files this package writes.
package schemagen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// ConfirmDescription describes the confirmation argument of destructive tools.
const ConfirmDescription = "Preview token; omit to preview."

// UnsetDescription describes the unset argument of tools with nullable fields.
const UnsetDescription = "Fields to clear (sent as null)."

// outputDepth is how many object levels an output schema spells out: the
// result's own fields, typed; nested objects and arrays of objects are given
// as plain "object" items. A second level doubled tools/list (362 KB against
// 225 KB for 249 tools) and the time to serve it, for detail no client uses.
const outputDepth = 1

// Generate returns every tool's schemas, keyed "input/<tool>" and
// "output/<tool>", each compact JSON on one line, exactly the bytes served in
// tools/list. base and dir locate the clerkapi sources for doc comments: dir
// is the directory path as seen from the working directory, base the import
// path that dir joined to it yields. Tables lays them out as the files below
// schemas/.
func Generate(ops []clerkapi.Operation, base, dir string) (map[string][]byte, error) {
	comments := map[string]string{}
	r := &jsonschema.Reflector{CommentMap: comments}
	if err := r.AddGoComments(base, dir); err != nil {
		return nil, fmt.Errorf("reading doc comments: %w", err)
	}
	in := &jsonschema.Reflector{
		Anonymous:                  true,
		DoNotReference:             true,
		ExpandedStruct:             true,
		RequiredFromJSONSchemaTags: true,
		CommentMap:                 comments,
	}
	open := *in
	open.AllowAdditionalProperties = true
	in.Mapper = func(t reflect.Type) *jsonschema.Schema {
		if t.Kind() != reflect.Struct || !t.Implements(openObject) {
			return nil
		}
		s := open.ReflectFromType(t)
		s.Version, s.ID = "", ""
		return s
	}
	out := &jsonschema.Reflector{
		Anonymous:                  true,
		DoNotReference:             true,
		ExpandedStruct:             true,
		RequiredFromJSONSchemaTags: true,
		AllowAdditionalProperties:  true,
	}
	files := make(map[string][]byte, 2*len(ops))
	for i := range ops {
		op := &ops[i]
		input, err := Input(in, op)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op.Name, err)
		}
		files["input/"+op.Name] = input
		output, err := Output(out, op)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op.Name, err)
		}
		files["output/"+op.Name] = output
	}
	return files, nil
}

// Tables lays Generate's schemas out as the two embedded files,
// schemas/input.tsv and schemas/output.tsv: a line per tool, sorted, its
// name, a tab and its schema. The server indexes them in one pass, without
// decoding any JSON; `grep -P '^get_user\t' schemas/input.tsv | cut -f2 | jq .`
// reads one, and testdata/tools/<tool>.json shows each definition indented.
func Tables(schemas map[string][]byte) map[string][]byte {
	keys := make([]string, 0, len(schemas))
	for k := range schemas {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := map[string][]byte{}
	for _, k := range keys {
		kind, tool, _ := strings.Cut(k, "/")
		f := kind + ".tsv"
		out[f] = append(append(append(append(out[f], tool...), '\t'), schemas[k]...), '\n')
	}
	return out
}

// Input builds a tool's input schema: a flat object of the request fields
// (path, query and body side by side), plus `confirm` on destructive tools.
func Input(r *jsonschema.Reflector, op *clerkapi.Operation) ([]byte, error) {
	var s *jsonschema.Schema
	if op.Request != nil {
		s = r.ReflectFromType(reflect.TypeOf(op.Request))
	} else {
		s = &jsonschema.Schema{Type: "object"}
	}
	s.Version, s.ID, s.Description, s.Title = "", "", "", ""
	// No top-level additionalProperties:false: it costs 7 tokens on each of
	// 249 tools, and the server's validator closes the object itself
	// (tools.validators), refusing an unknown argument by name with the list
	// of accepted ones. The openai-strict profile closes it in the listing.
	s.AdditionalProperties = nil
	if s.Properties == nil {
		s.Properties = jsonschema.NewProperties()
	}
	if names := op.Plan().Clearable(); len(names) > 0 && op.Update() {
		if _, clash := s.Properties.Get("unset"); clash {
			return nil, fmt.Errorf("the request struct has an unset field, which the tool's unset argument would shadow")
		}
		enum := make([]any, len(names))
		for i, n := range names {
			enum[i] = n
		}
		s.Properties.Set("unset", &jsonschema.Schema{Type: "array", Items: &jsonschema.Schema{Enum: enum}})
	}
	for _, rule := range clerkapi.RulesFor(op.Name) {
		for _, name := range rule.Targets() {
			p, ok := s.Properties.Get(name)
			if !ok {
				return nil, fmt.Errorf("rule %q names %s, which is not an argument", rule.Say, name)
			}
			p.Description = strings.TrimSpace(p.Description + " " + rule.Say)
		}
	}
	if op.Kind() == clerkapi.Destructive {
		s.Properties.Set("confirm", &jsonschema.Schema{Type: "string", Description: ConfirmDescription})
	}
	return compact(s)
}

// Output builds a tool's output schema from the response type. It is
// deliberately lenient, since clients check results against it: nothing is
// required, extra properties and nulls (where Clerk documents them) pass, and
// enums are left out.
func Output(r *jsonschema.Reflector, op *clerkapi.Operation) ([]byte, error) {
	var v any = op.Response
	switch {
	case op.HTML:
		v = HTMLPage{}
	case v == nil:
		v = clerkapi.NoContent{}
	}
	s := r.ReflectFromType(reflect.TypeOf(v))
	s.Version, s.ID, s.Description, s.Title = "", "", "", ""
	if s.Type != "object" {
		return nil, fmt.Errorf("output type %T is not an object", v)
	}
	b, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	var tree map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	lenient(tree, 0)
	return compact(tree)
}

var openObject = reflect.TypeOf((*clerkapi.OpenObject)(nil)).Elem()

// HTMLPage is the structured result of an operation that answers HTML.
type HTMLPage struct {
	HTML string `json:"html"`
}

// lenient rewrites an output schema node in place (see Output).
func lenient(n map[string]any, depth int) {
	delete(n, "required")
	delete(n, "enum")
	delete(n, "description")
	delete(n, "additionalProperties")
	for _, k := range []string{"oneOf", "anyOf"} {
		if alts, ok := n[k].([]any); ok && slices.Contains(alts, any(true)) {
			// A free-form alternative (json.RawMessage) accepts anything.
			delete(n, k)
			return
		}
	}
	if one, ok := n["oneOf"].([]any); ok && len(one) == 2 {
		// invopop's nullable: {"oneOf":[X,{"type":"null"}]} → X with type [t,"null"].
		var x map[string]any
		for _, alt := range one {
			if m, ok := alt.(map[string]any); ok && m["type"] != "null" {
				x = m
			}
		}
		if t, ok := x["type"].(string); ok {
			delete(n, "oneOf")
			for k, v := range x {
				n[k] = v
			}
			n["type"] = []any{t, "null"}
			lenient(n, depth)
			return
		}
	}
	if isType(n, "object") {
		if depth >= outputDepth {
			delete(n, "properties")
			return
		}
		if props, ok := n["properties"].(map[string]any); ok {
			for _, p := range props {
				if pm, ok := p.(map[string]any); ok {
					lenient(pm, depth+1)
				}
			}
		}
	}
	if items, ok := n["items"].(map[string]any); ok {
		lenient(items, depth)
	}
}

func isType(n map[string]any, t string) bool {
	switch v := n["type"].(type) {
	case string:
		return v == t
	case []any:
		for _, x := range v {
			if x == t {
				return true
			}
		}
	}
	return false
}

// compact encodes a schema on one line, without HTML escaping.
func compact(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Base and Dir locate the clerkapi sources from the schemas/ directory, where
// `go generate` and the drift test run.
const (
	Base = "github.com/clerk-mcp/clerk-mcp/schemas"
	Dir  = "../clerkapi"
)
