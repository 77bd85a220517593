// Package argcheck checks a call's arguments against an operation's input
// schema (schemas/input.tsv, generated from the clerkapi structs) and names
// each problem's field and kind. It is the one validator behind both doors:
// the MCP tools (package tools) and the sandbox's Backend API, so the two can
// never disagree about what Clerk would refuse.
package argcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

var english = message.NewPrinter(language.English)

// Kind is what is wrong with a field.
type Kind int

// The kinds of problem.
const (
	Other   Kind = iota
	Missing      // a required field is absent
	Unknown      // a field the operation does not take
	Type         // a value of the wrong JSON type
	Enum         // a value outside the field's enum
	Range        // a number, length or item count out of bounds
	Pattern      // a string that does not match the field's pattern or format
	Invalid      // the arguments are not a JSON object at all
)

// Problem is one thing wrong with the arguments.
type Problem struct {
	Field string // dotted path, e.g. "limit", "saml.idp_sso_url", "invitations.2.role"; "arguments" for the whole
	Kind  Kind
	Msg   string // what is expected, e.g. "expected integer, got string"
}

// String is the problem as the tools report it: "field: what is expected".
func (p Problem) String() string { return p.Field + ": " + p.Msg }

// Schema is one compiled input schema.
type Schema struct {
	schema *jsonschema.Schema
	Tree   map[string]any // the schema as data
	Names  []string       // declared argument names, sorted, for messages
}

// Compile compiles the JSON schema raw (named name, for messages). With
// closed, the top level refuses arguments it does not declare, as the
// server's own checks do: the listed schemas leave it open to save tokens.
func Compile(name string, raw json.RawMessage, closed bool) (*Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	s := &Schema{}
	s.Tree, _ = doc.(map[string]any)
	if s.Tree == nil {
		return nil, fmt.Errorf("the input schema of %s is not an object", name)
	}
	if closed {
		s.Tree["additionalProperties"] = false
	}
	if props, ok := s.Tree["properties"].(map[string]any); ok {
		s.Names = slices.Sorted(maps.Keys(props))
	}
	comp := jsonschema.NewCompiler()
	comp.AssertFormat()
	url := "mem:///" + name + ".json"
	if err := comp.AddResource(url, doc); err != nil {
		return nil, err
	}
	if s.schema, err = comp.Compile(url); err != nil {
		return nil, err
	}
	return s, nil
}

// Cache compiles each named schema on first use and keeps it.
type Cache struct {
	m sync.Map // name -> *entry
}

type entry struct {
	once sync.Once
	s    *Schema
	err  error
}

// Get returns the compiled schema for name, compiling raw (closed at the top)
// the first time.
func (c *Cache) Get(name string, raw json.RawMessage) (*Schema, error) {
	e, ok := c.m.Load(name)
	if !ok {
		e, _ = c.m.LoadOrStore(name, &entry{})
	}
	en := e.(*entry)
	en.once.Do(func() { en.s, en.err = Compile(name, raw, true) })
	return en.s, en.err
}

// Problems checks raw arguments and returns every problem, sorted by field
// then message, without duplicates.
func (s *Schema) Problems(args json.RawMessage) []Problem {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(args))
	if err != nil {
		return []Problem{{Field: "arguments", Kind: Invalid, Msg: "not valid JSON"}}
	}
	return s.Value(inst)
}

// Value checks arguments already decoded as jsonschema.UnmarshalJSON does
// (numbers as json.Number).
func (s *Schema) Value(inst any) []Problem {
	err := s.schema.Validate(inst)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return []Problem{{Field: "arguments", Msg: err.Error()}}
	}
	var out []Problem
	s.collect(ve, &out)
	slices.SortFunc(out, func(a, b Problem) int {
		return strings.Compare(a.String(), b.String())
	})
	return slices.Compact(out)
}

func (s *Schema) collect(ve *jsonschema.ValidationError, out *[]Problem) {
	if len(ve.Causes) > 0 {
		for _, cause := range ve.Causes {
			s.collect(cause, out)
		}
		return
	}
	where := strings.Join(ve.InstanceLocation, ".")
	name := where
	if name == "" {
		name = "arguments"
	}
	add := func(field string, k Kind, format string, a ...any) {
		*out = append(*out, Problem{Field: field, Kind: k, Msg: fmt.Sprintf(format, a...)})
	}
	switch k := ve.ErrorKind.(type) {
	case *kind.Required:
		for _, m := range k.Missing {
			add(joinPath(where, m), Missing, "required")
		}
	case *kind.AdditionalProperties:
		for _, p := range k.Properties {
			msg := "unknown argument"
			if where == "" {
				msg += "; accepted: " + strings.Join(s.Names, ", ")
			}
			add(joinPath(where, p), Unknown, "%s", msg)
		}
	case *kind.Type:
		add(name, Type, "expected %s, got %s", strings.Join(k.Want, " or "), k.Got)
	case *kind.Enum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			b, _ := json.Marshal(w)
			want[i] = string(b)
		}
		got, _ := json.Marshal(k.Got)
		add(name, Enum, "must be one of %s (got %s)", strings.Join(want, ", "), got)
	case *kind.Minimum:
		add(name, Range, "must be ≥ %s (got %s)", rat(k.Want), rat(k.Got))
	case *kind.Maximum:
		add(name, Range, "must be ≤ %s (got %s)", rat(k.Want), rat(k.Got))
	case *kind.MinItems:
		add(name, Range, "needs at least %d items (got %d)", k.Want, k.Got)
	case *kind.MaxItems:
		add(name, Range, "takes at most %d items (got %d)", k.Want, k.Got)
	case *kind.MinLength:
		add(name, Range, "needs at least %d characters (got %d)", k.Want, k.Got)
	case *kind.MaxLength:
		add(name, Range, "takes at most %d characters (got %d)", k.Want, k.Got)
	case *kind.Pattern:
		got, _ := json.Marshal(k.Got)
		add(name, Pattern, "must match %s (got %s)", k.Want, got)
	case *kind.Format:
		add(name, Pattern, "expected %s format", k.Want)
	case *kind.ExclusiveMinimum, *kind.ExclusiveMaximum:
		add(name, Range, "%s", strings.TrimSpace(ve.ErrorKind.LocalizedString(english)))
	default:
		add(name, Other, "%s", strings.TrimSpace(ve.ErrorKind.LocalizedString(english)))
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
