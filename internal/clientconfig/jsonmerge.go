package clientconfig

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/tailscale/hujson"
)

// JSON files are edited in place on hujson's syntax tree, so comments,
// trailing commas, key order and the rest of the formatting stay as they
// are (VS Code's and Cursor's files are JSON with comments, JSONC): only the
// values the entry owns are rewritten, in the style of their surroundings.

// jv is a value to write: a string, a bool, []string or an ordered object.
type jv any

// jobj is an object whose keys keep their order.
type jobj []jkv

type jkv struct {
	key string
	val jv
}

func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// renderJSON writes v at the indentation prefix (the line it starts on);
// unit "" writes it on one line.
func renderJSON(v jv, prefix, unit string) string {
	var b strings.Builder
	open := func(c byte, n int) string {
		if n == 0 || unit == "" {
			return string(c)
		}
		return string(c) + "\n" + prefix + unit
	}
	sep, end := ", ", ""
	if unit != "" {
		sep, end = ",\n"+prefix+unit, "\n"+prefix
	}
	switch v := v.(type) {
	case string:
		return jsonString(v)
	case bool:
		if v {
			return "true"
		}
		return "false"
	case []string:
		b.WriteString(open('[', len(v)))
		for i, s := range v {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(jsonString(s))
		}
		if len(v) > 0 {
			b.WriteString(end)
		}
		b.WriteByte(']')
	case jobj:
		b.WriteString(open('{', len(v)))
		for i, kv := range v {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(jsonString(kv.key) + ": " + renderJSON(kv.val, prefix+unit, unit))
		}
		if len(v) > 0 {
			b.WriteString(end)
		}
		b.WriteByte('}')
	default:
		panic(fmt.Sprintf("renderJSON: %T", v))
	}
	return b.String()
}

// jdoc is a parsed file and its indentation unit.
type jdoc struct {
	root hujson.Value
	unit string
}

// jnode is an object or array of the file with the indentation of the line
// it starts on (its key's line).
type jnode struct {
	d      *jdoc
	v      *hujson.Value
	prefix string
}

func (n jnode) obj() *hujson.Object { o, _ := n.v.Value.(*hujson.Object); return o }
func (n jnode) arr() *hujson.Array  { a, _ := n.v.Value.(*hujson.Array); return a }

// multiline reports whether the node's members go on lines of their own,
// judging by its first member (an empty one: by the file).
func (n jnode) multiline() bool {
	if first := n.firstExtra(); first != nil {
		return bytes.Contains(*first, []byte("\n"))
	}
	return n.d.unit != ""
}

func (n jnode) firstExtra() *hujson.Extra {
	if o := n.obj(); o != nil && len(o.Members) > 0 {
		return &o.Members[0].Name.BeforeExtra
	}
	if a := n.arr(); a != nil && len(a.Elements) > 0 {
		return &a.Elements[0].BeforeExtra
	}
	return nil
}

// childPrefix is the indentation of the node's members.
func (n jnode) childPrefix() string {
	if first := n.firstExtra(); first != nil {
		if i := bytes.LastIndexByte(*first, '\n'); i >= 0 && len(bytes.TrimSpace((*first)[i:])) == 0 {
			return string((*first)[i+1:])
		}
	}
	return n.prefix + n.d.unit
}

// render writes a value for a member of n; inline keeps it on one line.
func (n jnode) render(v jv, inline bool) hujson.ValueTrimmed {
	unit := n.d.unit
	if inline || !n.multiline() {
		unit = ""
	}
	parsed, err := hujson.Parse([]byte(renderJSON(v, n.childPrefix(), unit)))
	if err != nil {
		panic(err) // renderJSON writes valid JSON
	}
	return parsed.Value
}

// extras returns the whitespace (and comments) before a new last member and
// before the closing bracket, moving a comment that ends the line of the
// current last member (after its comma) in front of the new member's line.
func (n jnode) extras(after *hujson.Extra, empty bool) (before hujson.Extra) {
	if !n.multiline() {
		if o := n.obj(); o != nil && len(o.Members) > 1 && len(bytes.TrimSpace(o.Members[1].Name.BeforeExtra)) == 0 {
			return append(hujson.Extra(nil), o.Members[1].Name.BeforeExtra...)
		}
		if a := n.arr(); a != nil && len(a.Elements) > 1 && len(bytes.TrimSpace(a.Elements[1].BeforeExtra)) == 0 {
			return append(hujson.Extra(nil), a.Elements[1].BeforeExtra...)
		}
		if empty {
			return nil
		}
		return hujson.Extra(" ")
	}
	nl := bytes.IndexByte(*after, '\n')
	var lead hujson.Extra
	switch {
	case empty:
		lead = bytes.TrimRight(*after, " \t\r\n") // comments inside {} stay inside
		*after = hujson.Extra("\n" + n.prefix)
	case nl > 0 && len(bytes.TrimSpace((*after)[:nl])) > 0:
		lead = append(hujson.Extra(nil), bytes.TrimRight((*after)[:nl], "\r")...)
		*after = (*after)[nl:]
	}
	return append(lead, "\n"+n.childPrefix()...)
}

func (n jnode) index(key string) int {
	for i, m := range n.obj().Members {
		if name, ok := m.Name.Value.(hujson.Literal); ok && name.String() == key {
			return i
		}
	}
	return -1
}

func (n jnode) child(v *hujson.Value) jnode {
	return jnode{d: n.d, v: v, prefix: n.childPrefix()}
}

// get returns the member key (nil: none).
func (n jnode) get(key string) *hujson.Value {
	if i := n.index(key); i >= 0 {
		return &n.obj().Members[i].Value
	}
	return nil
}

// set replaces the member's value where it is (in the style it had: on one
// line or not) or appends it.
func (n jnode) set(key string, v jv) *hujson.Value {
	o := n.obj()
	if i := n.index(key); i >= 0 {
		old := &o.Members[i].Value
		inline := !bytes.Contains(hujson.Value{Value: old.Value}.Pack(), []byte("\n"))
		old.Value = n.render(v, inline)
		return old
	}
	trailingComma := len(o.Members) > 0 && o.Members[len(o.Members)-1].Value.AfterExtra != nil
	before := n.extras(&o.AfterExtra, len(o.Members) == 0)
	m := hujson.ObjectMember{
		Name:  hujson.Value{BeforeExtra: before, Value: hujson.String(key)},
		Value: hujson.Value{BeforeExtra: hujson.Extra(" "), Value: n.render(v, false)},
	}
	if trailingComma {
		m.Value.AfterExtra = hujson.Extra{}
	}
	o.Members = append(o.Members, m)
	return &o.Members[len(o.Members)-1].Value
}

// del removes the member; a comment ending the previous member's line stays.
func (n jnode) del(key string) {
	o := n.obj()
	i := n.index(key)
	if i < 0 {
		return
	}
	gone := o.Members[i]
	o.Members = append(o.Members[:i], o.Members[i+1:]...)
	keep := hujson.Extra(nil)
	if b := gone.Name.BeforeExtra; bytes.IndexByte(b, '\n') > 0 && len(bytes.TrimSpace(b[:bytes.IndexByte(b, '\n')])) > 0 {
		keep = append(keep, b[:bytes.IndexByte(b, '\n')]...)
	}
	switch {
	case i < len(o.Members):
		next := &o.Members[i].Name.BeforeExtra
		if keep != nil {
			*next = append(keep, bytes.TrimLeft(*next, " \t")...)
		}
	case i > 0:
		last := &o.Members[i-1].Value
		if gone.Value.AfterExtra == nil && last.AfterExtra != nil {
			o.AfterExtra = append(append(keep, last.AfterExtra...), o.AfterExtra...)
			last.AfterExtra = nil
		} else if keep != nil {
			o.AfterExtra = append(keep, o.AfterExtra...)
		}
	default:
		o.AfterExtra = append(keep, bytes.TrimLeft(o.AfterExtra, " \t\r\n")...)
	}
}

// object returns the member key as an object, created when missing; an
// existing non-object is an error.
func (n jnode) object(key string) (jnode, error) {
	v := n.get(key)
	if v == nil {
		v = n.set(key, jobj{})
	}
	if _, ok := v.Value.(*hujson.Object); !ok {
		return jnode{}, fmt.Errorf("%q is not a JSON object", key)
	}
	return n.child(v), nil
}

func (n jnode) str(key string) (string, bool) {
	if v := n.get(key); v != nil {
		if lit, ok := v.Value.(hujson.Literal); ok && lit.Kind() == '"' {
			return lit.String(), true
		}
	}
	return "", false
}

var indentRE = regexp.MustCompile(`\n([ \t]+)\S`)

// parseJSON parses a JSON or JSONC file (comments, trailing commas).
func parseJSON(src []byte) (*jdoc, error) {
	root, err := hujson.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("not valid JSON, even allowing comments and trailing commas (%v); add the entry by hand from the printed snippet", err)
	}
	if _, ok := root.Value.(*hujson.Object); !ok {
		return nil, errors.New("the top level is not a JSON object")
	}
	d := &jdoc{root: root}
	if m := indentRE.FindSubmatch(src); m != nil {
		d.unit = string(m[1])
	} else if bytes.Contains(bytes.TrimSpace(src), []byte("\n")) {
		d.unit = "  "
	}
	return d, nil
}

// mergeJSONConfig sets the server's entry in a JSON configuration, keeping
// every other key (and the entry's own extra keys), comments and formatting.
func mergeJSONConfig(src []byte, c *clientInfo, name string, l launch) ([]byte, error) {
	fresh := len(bytes.TrimSpace(src)) == 0
	if fresh {
		src = []byte("{}\n")
	}
	d, err := parseJSON(src)
	if err != nil {
		return nil, err
	}
	if fresh {
		d.unit = "  "
	}
	root := jnode{d: d, v: &d.root}
	container := "mcpServers"
	if c.kind == jsonVSCode {
		container = "servers"
		for _, in := range []struct{ id, description string }{
			{l.input, "Clerk secret key (sk_test_… or sk_live_…)"},
			{l.tokenInput, "Bearer token of the clerk-mcp server"},
		} {
			if in.id == "" {
				continue
			}
			if err := setVSCodeInput(root, in.id, in.description); err != nil {
				return nil, err
			}
		}
	}
	servers, err := root.object(container)
	if err != nil {
		return nil, err
	}
	if v := servers.get(name); v != nil {
		if _, ok := v.Value.(*hujson.Object); !ok {
			servers.set(name, jobj{})
		}
	}
	entry, err := servers.object(name)
	if err != nil {
		return nil, err
	}
	if l.url != "" {
		err = setRemoteEntry(entry, c, l)
	} else {
		err = setCommandEntry(entry, c, l)
	}
	if err != nil {
		return nil, err
	}
	out := d.root.Pack()
	if bytes.Contains(src, []byte("\r\n")) {
		out = regexp.MustCompile(`\r?\n`).ReplaceAll(out, []byte("\r\n"))
	}
	return out, nil
}

// subObject sets or deletes keys of the entry's object member key (env,
// headers), dropping it when it ends up empty.
func subObject(entry jnode, key string, set jobj, del []string) {
	if v := entry.get(key); v != nil {
		if _, ok := v.Value.(*hujson.Object); !ok {
			entry.del(key)
		}
	}
	if entry.get(key) == nil {
		if len(set) > 0 {
			entry.set(key, set)
		}
		return
	}
	sub := entry.child(entry.get(key))
	for _, k := range del {
		sub.del(k)
	}
	for _, kv := range set {
		sub.set(kv.key, kv.val)
	}
	if len(sub.obj().Members) == 0 {
		entry.del(key)
	}
}

// setRemoteEntry makes the entry a streamable HTTP server.
func setRemoteEntry(entry jnode, c *clientInfo, l launch) error {
	for _, k := range []string{"command", "args", "env", "url", "serverUrl"} {
		entry.del(k)
	}
	if c.typeStdio {
		entry.set("type", "http")
	}
	entry.set(c.urlKey, l.url)
	if l.bearer != "" {
		subObject(entry, "headers", jobj{{"Authorization", "Bearer " + l.bearer}}, nil)
	} else {
		subObject(entry, "headers", nil, []string{"Authorization"})
	}
	return nil
}

// setCommandEntry makes the entry a command the client starts (stdio).
func setCommandEntry(entry jnode, c *clientInfo, l launch) error {
	// A previous HTTP entry under this name: its URL would contradict command.
	for _, k := range []string{"url", "serverUrl", "headers"} {
		entry.del(k)
	}
	if c.typeStdio {
		entry.set("type", "stdio")
	}
	entry.set("command", l.command)
	if len(l.args) > 0 {
		entry.set("args", l.args)
	} else {
		entry.del("args")
	}
	if l.hasKey {
		subObject(entry, "env", jobj{{secretEnv, l.key}}, nil)
	} else {
		subObject(entry, "env", nil, []string{secretEnv})
	}
	return nil
}

// setVSCodeInput adds (or replaces) a password prompt.
func setVSCodeInput(root jnode, id, description string) error {
	input := jobj{{"type", "promptString"}, {"id", id}, {"description", description}, {"password", true}}
	v := root.get("inputs")
	if v == nil {
		root.set("inputs", []string{})
		v = root.get("inputs")
	}
	arr, ok := v.Value.(*hujson.Array)
	if !ok {
		return errors.New(`"inputs" is not a JSON array`)
	}
	inputs := root.child(v)
	for i := range arr.Elements {
		el := jnode{d: root.d, v: &arr.Elements[i]}
		if el.obj() == nil {
			continue
		}
		if got, _ := el.str("id"); got == id {
			inline := !bytes.Contains(hujson.Value{Value: arr.Elements[i].Value}.Pack(), []byte("\n"))
			arr.Elements[i].Value = inputs.render(input, inline)
			return nil
		}
	}
	trailingComma := len(arr.Elements) > 0 && arr.Elements[len(arr.Elements)-1].AfterExtra != nil
	el := hujson.Value{BeforeExtra: inputs.extras(&arr.AfterExtra, len(arr.Elements) == 0), Value: inputs.render(input, false)}
	if trailingComma {
		el.AfterExtra = hujson.Extra{}
	}
	arr.Elements = append(arr.Elements, el)
	return nil
}
