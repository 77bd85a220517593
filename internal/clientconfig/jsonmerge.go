package clientconfig

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// JSON: an ordered tree, so merging keeps the file's keys in their order.

type jfield struct {
	key string
	val *jnode
}

type jnode struct {
	obj   []jfield // object
	arr   []*jnode // array
	raw   []byte   // scalar, as JSON
	isObj bool
	isArr bool
}

func jstring(s string) *jnode {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return &jnode{raw: bytes.TrimRight(b.Bytes(), "\n")}
}

func jobject(fields ...jfield) *jnode { return &jnode{isObj: true, obj: fields} }

func (n *jnode) get(key string) *jnode {
	if n == nil {
		return nil
	}
	for _, f := range n.obj {
		if f.key == key {
			return f.val
		}
	}
	return nil
}

func (n *jnode) set(key string, v *jnode) {
	for i, f := range n.obj {
		if f.key == key {
			n.obj[i].val = v
			return
		}
	}
	n.obj = append(n.obj, jfield{key, v})
}

func (n *jnode) del(key string) {
	n.obj = slices.DeleteFunc(n.obj, func(f jfield) bool { return f.key == key })
}

func (n *jnode) str() (string, bool) {
	var s string
	if n == nil || n.isObj || n.isArr || json.Unmarshal(n.raw, &s) != nil {
		return "", false
	}
	return s, true
}

func (n *jnode) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	switch {
	case n.isObj:
		b.WriteByte('{')
		for i, f := range n.obj {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(jstring(f.key).raw)
			b.WriteByte(':')
			v, err := f.val.MarshalJSON()
			if err != nil {
				return nil, err
			}
			b.Write(v)
		}
		b.WriteByte('}')
	case n.isArr:
		b.WriteByte('[')
		for i, v := range n.arr {
			if i > 0 {
				b.WriteByte(',')
			}
			raw, err := v.MarshalJSON()
			if err != nil {
				return nil, err
			}
			b.Write(raw)
		}
		b.WriteByte(']')
	default:
		b.Write(n.raw)
	}
	return b.Bytes(), nil
}

func parseJSON(src []byte) (*jnode, error) {
	if !json.Valid(src) {
		var v any
		err := json.Unmarshal(src, &v)
		return nil, fmt.Errorf("not valid JSON (%v); comments and trailing commas are not supported here, so add the entry by hand from the printed snippet", err)
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	return decodeNode(dec)
}

func decodeNode(dec *json.Decoder) (*jnode, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			n := &jnode{isObj: true}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeNode(dec)
				if err != nil {
					return nil, err
				}
				n.obj = append(n.obj, jfield{kt.(string), v})
			}
			_, err := dec.Token()
			return n, err
		}
		n := &jnode{isArr: true}
		for dec.More() {
			v, err := decodeNode(dec)
			if err != nil {
				return nil, err
			}
			n.arr = append(n.arr, v)
		}
		_, err := dec.Token()
		return n, err
	case string:
		return jstring(t), nil
	case json.Number:
		return &jnode{raw: []byte(t)}, nil
	case bool:
		return &jnode{raw: []byte(strconv.FormatBool(t))}, nil
	}
	return &jnode{raw: []byte("null")}, nil
}

// jsonIndent guesses the file's indentation from its first indented line.
func jsonIndent(src []byte) string {
	if m := regexp.MustCompile(`\n([ \t]+)\S`).FindSubmatch(src); m != nil {
		return string(m[1])
	}
	return "  "
}

// mergeJSONConfig sets the server's entry in a JSON configuration, keeping
// every other key (and the entry's own extra keys) in place.
func mergeJSONConfig(src []byte, c *clientInfo, name string, l launch) ([]byte, error) {
	root := jobject()
	indent, crlf := "  ", false
	if len(bytes.TrimSpace(src)) > 0 {
		var err error
		if root, err = parseJSON(src); err != nil {
			return nil, err
		}
		if !root.isObj {
			return nil, errors.New("the top level is not a JSON object")
		}
		indent, crlf = jsonIndent(src), bytes.Contains(src, []byte("\r\n"))
	}
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
	servers := root.get(container)
	if servers == nil {
		servers = jobject()
		root.set(container, servers)
	} else if !servers.isObj {
		return nil, fmt.Errorf("%q is not a JSON object", container)
	}
	entry := servers.get(name)
	if entry == nil || !entry.isObj {
		entry = jobject()
		servers.set(name, entry)
	}
	if l.url != "" {
		setRemoteEntry(entry, c, l)
	} else {
		setCommandEntry(entry, c, l)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	out := b.Bytes()
	if crlf {
		out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
	}
	return out, nil
}

// setRemoteEntry makes the entry a streamable HTTP server.
func setRemoteEntry(entry *jnode, c *clientInfo, l launch) {
	for _, k := range []string{"command", "args", "env", "url", "serverUrl"} {
		entry.del(k)
	}
	if c.typeStdio {
		entry.set("type", jstring("http"))
	}
	entry.set(c.urlKey, jstring(l.url))
	headers := entry.get("headers")
	if headers == nil || !headers.isObj {
		headers = jobject()
	}
	if l.bearer != "" {
		headers.set("Authorization", jstring("Bearer "+l.bearer))
	} else {
		headers.del("Authorization")
	}
	if len(headers.obj) > 0 {
		entry.set("headers", headers)
	} else {
		entry.del("headers")
	}
}

// setCommandEntry makes the entry a command the client starts (stdio).
func setCommandEntry(entry *jnode, c *clientInfo, l launch) {
	// A previous HTTP entry under this name: its URL would contradict command.
	for _, k := range []string{"url", "serverUrl", "headers"} {
		entry.del(k)
	}
	if c.typeStdio {
		entry.set("type", jstring("stdio"))
	}
	entry.set("command", jstring(l.command))
	if len(l.args) > 0 {
		arr := &jnode{isArr: true}
		for _, a := range l.args {
			arr.arr = append(arr.arr, jstring(a))
		}
		entry.set("args", arr)
	} else {
		entry.del("args")
	}
	env := entry.get("env")
	if env == nil || !env.isObj {
		env = jobject()
	}
	if l.hasKey {
		env.set(secretEnv, jstring(l.key))
	} else {
		env.del(secretEnv)
	}
	if len(env.obj) > 0 {
		entry.set("env", env)
	} else {
		entry.del("env")
	}
}

// setVSCodeInput adds (or replaces) a password prompt.
func setVSCodeInput(root *jnode, id, description string) error {
	input := jobject(
		jfield{"type", jstring("promptString")},
		jfield{"id", jstring(id)},
		jfield{"description", jstring(description)},
		jfield{"password", &jnode{raw: []byte("true")}},
	)
	inputs := root.get("inputs")
	if inputs == nil {
		// New files read better with the inputs first.
		root.obj = append([]jfield{{"inputs", &jnode{isArr: true}}}, root.obj...)
		inputs = root.get("inputs")
	}
	if !inputs.isArr {
		return errors.New(`"inputs" is not a JSON array`)
	}
	for i, in := range inputs.arr {
		if v, _ := in.get("id").str(); in.isObj && v == id {
			inputs.arr[i] = input
			return nil
		}
	}
	inputs.arr = append(inputs.arr, input)
	return nil
}
