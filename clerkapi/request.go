package clerkapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"reflect"
	"strings"
	"sync"
)

// Args is a tool call's argument object: each argument's raw JSON value.
// Values pass through untouched (no float rounding, no re-encoding of
// metadata), so nothing the caller sent is lost on the way to Clerk.
type Args map[string]json.RawMessage

// Param is one argument of an operation and where it goes in the request.
type Param struct {
	Name     string
	In       string // path, query, body, form or file
	Comma    bool   // query array sent comma-joined instead of as repeated keys
	Whole    bool   // body: this argument's value is the whole (array) body
	Nullable bool   // body: a JSON null is sent as is (Clerk reads it as "clear")
	key      string // body: the name as a JSON string, encoded once
}

// Plan is an operation's argument layout, read once from its request struct.
type Plan struct {
	Params    []Param
	byName    map[string]int
	multipart bool // some argument is a form field or a file
	hasBody   bool // some argument goes in a JSON body
	clearable []string
	// nullable holds every field Clerk accepts null for, by path: a body
	// argument ("proxy_url"), a field of an object ("saml.idp_sso_url") or
	// of an array's items ("invitations[].notify").
	nullable map[string]bool
}

// Nullable reports whether the field at path (as in Plan.nullable) may be
// sent as null.
func (p *Plan) Nullable(path string) bool { return p.nullable[path] }

// Clearable lists, in declaration order, the fields that can be set to null
// by name: body arguments and fields of nested objects (dotted), not fields
// inside arrays. They make a tool's `unset` argument.
func (p *Plan) Clearable() []string { return p.clearable }

// Param returns the named parameter.
func (p *Plan) Param(name string) (Param, bool) {
	i, ok := p.byName[name]
	if !ok {
		return Param{}, false
	}
	return p.Params[i], true
}

// Multipart reports whether the request is sent as multipart/form-data.
func (p *Plan) Multipart() bool { return p.multipart }

// HasBody reports whether any argument goes in a JSON body.
func (p *Plan) HasBody() bool { return p.hasBody }

// plans caches each operation's Plan, filled on first use: start-up reads
// none (TestStartupDoesNoReflection watches this cache).
var plans sync.Map // *Operation -> *Plan

// Plan returns the operation's argument layout. It reflects over the request
// struct on first use only, so start-up does no reflection over the catalog.
func (o *Operation) Plan() *Plan {
	if p, ok := plans.Load(o); ok {
		return p.(*Plan)
	}
	p := &Plan{byName: map[string]int{}, nullable: map[string]bool{}}
	if o.Request != nil {
		collectParams(reflect.TypeOf(o.Request), p)
	}
	actual, _ := plans.LoadOrStore(o, p)
	return actual.(*Plan)
}

func collectParams(t reflect.Type, p *Plan) {
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			collectParams(f.Type, p)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		in, opts := inTag(f)
		if name == "" || name == "-" || in == "" {
			continue
		}
		key, _ := json.Marshal(name)
		p.byName[name] = len(p.Params)
		prm := Param{Name: name, In: in, Comma: opts["comma"], Whole: opts["whole"], Nullable: opts["nullable"] && in == "body", key: string(key)}
		p.Params = append(p.Params, prm)
		if prm.Nullable {
			p.nullable[name] = true
			p.clearable = append(p.clearable, name)
		}
		if in == "body" {
			collectNullable(f.Type, name, true, p)
		}
		switch in {
		case "form", "file":
			p.multipart = true
		case "body":
			p.hasBody = true
		}
	}
}

// inTag reads a field's `in` tag: the location and its options (comma,
// whole, nullable).
func inTag(f reflect.StructField) (string, map[string]bool) {
	in, rest, _ := strings.Cut(f.Tag.Get("in"), ",")
	var opts map[string]bool
	for o := range strings.SplitSeq(rest, ",") {
		if o != "" {
			if opts == nil {
				opts = map[string]bool{}
			}
			opts[o] = true
		}
	}
	return in, opts
}

// collectNullable records the nullable fields (tagged in:",nullable") of the
// objects inside a body argument of type t, under prefix. Fields of objects
// are clearable by name; fields inside arrays are not (no name reaches one
// item).
func collectNullable(t reflect.Type, prefix string, clearable bool, p *Plan) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Slice {
		collectNullable(t.Elem(), prefix+"[]", false, p)
		return
	}
	if t.Kind() != reflect.Struct || strings.Count(prefix, ".") > 8 {
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		path := prefix + "." + name
		if _, opts := inTag(f); opts["nullable"] {
			p.nullable[path] = true
			if clearable {
				p.clearable = append(p.clearable, path)
			}
		}
		collectNullable(f.Type, path, clearable, p)
	}
}

// ArgError is a problem with one argument, found while building the request.
type ArgError struct {
	Arg string
	Msg string
}

func (e *ArgError) Error() string { return e.Arg + ": " + e.Msg }

// built is a request ready to send, and to send again on retry.
type built struct {
	method      string
	url         string
	body        []byte
	contentType string
	bearer      string // replaces the instance key (MachineAuth)
}

// build lays the arguments out as path, query and body of the request.
func (c *Client) build(ctx context.Context, op *Operation, args Args) (*built, error) {
	plan := op.Plan()
	for name := range args {
		if _, ok := plan.byName[name]; !ok {
			return nil, &ArgError{name, "unknown argument"}
		}
	}
	if err := op.CheckChange(args); err != nil {
		return nil, err
	}
	path, err := ExpandPath(op.Path, args)
	if err != nil {
		return nil, err
	}
	query := url.Values{}
	if op.Paginated {
		query.Set("paginated", "true")
	}
	b := &built{method: op.Method}
	var body bytes.Buffer
	var mp *multipart.Writer
	if plan.Multipart() {
		mp = multipart.NewWriter(&body)
		b.contentType = mp.FormDataContentType()
	}
	fields := 0
	for _, prm := range plan.Params {
		raw, ok := args[prm.Name]
		if !ok {
			continue
		}
		if isNull(raw) && !prm.Nullable {
			switch prm.In {
			case "auth", "file":
				continue // read (as absent) by machineKey and the upload
			}
			return nil, &ArgError{prm.Name, NullRefused}
		}
		switch prm.In {
		case "query":
			vals, err := queryValues(prm.Name, raw)
			if err != nil {
				return nil, err
			}
			if prm.Comma {
				if len(vals) > 0 {
					query.Set(prm.Name, strings.Join(vals, ","))
				}
			} else {
				for _, v := range vals {
					query.Add(prm.Name, v)
				}
			}
		case "body":
			if prm.Whole {
				if err := json.Compact(&body, raw); err != nil {
					return nil, &ArgError{prm.Name, "invalid JSON"}
				}
				fields = -1
				continue
			}
			if fields == 0 {
				body.WriteByte('{')
			} else {
				body.WriteByte(',')
			}
			fields++
			body.WriteString(prm.key)
			body.WriteByte(':')
			if err := json.Compact(&body, raw); err != nil {
				return nil, &ArgError{prm.Name, "invalid JSON"}
			}
		case "form":
			vals, err := queryValues(prm.Name, raw)
			if err != nil {
				return nil, err
			}
			for _, v := range vals {
				if err := mp.WriteField(prm.Name, v); err != nil {
					return nil, err
				}
			}
		}
	}
	if op.MachineAuth {
		if b.bearer, err = c.machineKey(plan, args); err != nil {
			return nil, err
		}
	}
	switch {
	case mp != nil:
		f, err := c.uploads.resolve(ctx, args)
		if err != nil {
			return nil, err
		}
		h := make(textproto.MIMEHeader)
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, f.Name))
		h.Set("Content-Type", f.ContentType)
		w, err := mp.CreatePart(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.Data); err != nil {
			return nil, err
		}
		if err := mp.Close(); err != nil {
			return nil, err
		}
	case fields > 0:
		body.WriteByte('}')
		b.contentType = "application/json"
	case fields < 0:
		b.contentType = "application/json"
	case plan.HasBody():
		body.WriteString("{}")
		b.contentType = "application/json"
	}
	if body.Len() > 0 {
		b.body = body.Bytes()
	}
	b.url = c.baseURL + path
	if len(query) > 0 {
		b.url += "?" + query.Encode()
	}
	return b, nil
}

// NullRefused says why a null is refused for a field Clerk does not accept
// null for: dropping it would report a change that was never made.
const NullRefused = "null is not accepted here; leave the argument out to keep the current value"

// Update reports whether the operation changes fields of something that
// exists: every PATCH, and every PUT with a JSON body (the replace and
// upsert operations). Such a call that would send nothing is refused
// (CheckChange); POST actions, whose empty body is a complete request, and
// the multipart PUT uploads, which need their file anyway, are not updates.
func (o *Operation) Update() bool {
	switch o.Method {
	case "PATCH":
		return true
	case "PUT":
		p := o.Plan()
		return p.HasBody() && !p.Multipart()
	}
	return false
}

// CheckChange refuses an update (see Update) given nothing to send: no body
// field and no query parameter, only the path IDs. Sent as PATCH {}, it
// would change nothing yet answer success.
func (o *Operation) CheckChange(args Args) error {
	if !o.Update() {
		return nil
	}
	var fields []string
	for _, prm := range o.Plan().Params {
		switch prm.In {
		case "path", "auth":
			continue
		}
		if _, ok := args[prm.Name]; ok {
			return nil
		}
		fields = append(fields, prm.Name)
	}
	if len(fields) == 0 {
		return nil
	}
	return &ArgError{"arguments", "nothing to change: give at least one of " + strings.Join(fields, ", ")}
}

// machineKey picks the machine secret key of a MachineAuth call: the `auth`
// argument, else the configured one.
func (c *Client) machineKey(plan *Plan, args Args) (string, error) {
	for _, prm := range plan.Params {
		if prm.In != "auth" {
			continue
		}
		if raw, ok := args[prm.Name]; ok && !isNull(raw) {
			var k string
			if err := json.Unmarshal(raw, &k); err != nil || strings.TrimSpace(k) == "" {
				return "", &ArgError{prm.Name, "expected the machine secret key as a string"}
			}
			return k, nil
		}
		if c.machine == "" {
			return "", &ArgError{prm.Name, "this operation authenticates with a machine secret key: pass " + prm.Name + " or set CLERK_MACHINE_SECRET_KEY on the server"}
		}
	}
	return c.machine, nil
}

// ExpandPath fills the path template. Each value is escaped as one segment,
// so an ID such as "../organizations" can never reach another path.
func ExpandPath(tmpl string, args Args) (string, error) {
	var sb strings.Builder
	rest := tmpl
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			sb.WriteString(rest)
			return sb.String(), nil
		}
		j := strings.IndexByte(rest[i:], '}') + i
		name := rest[i+1 : j]
		sb.WriteString(rest[:i])
		raw, ok := args[name]
		if !ok || isNull(raw) {
			return "", &ArgError{name, "required"}
		}
		var v string
		if err := json.Unmarshal(raw, &v); err != nil {
			return "", &ArgError{name, "expected a string"}
		}
		switch strings.TrimSpace(v) {
		case "", ".", "..":
			return "", &ArgError{name, fmt.Sprintf("%q is not a valid ID", v)}
		}
		sb.WriteString(url.PathEscape(v))
		rest = rest[j+1:]
	}
}

// queryValues renders a JSON scalar, or an array of scalars, as text.
func queryValues(name string, raw json.RawMessage) ([]string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, &ArgError{name, "invalid array"}
		}
		out := make([]string, 0, len(items))
		for _, it := range items {
			s, err := scalarText(name, it)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		return out, nil
	}
	s, err := scalarText(name, raw)
	if err != nil {
		return nil, err
	}
	return []string{s}, nil
}

func scalarText(name string, raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", &ArgError{name, "empty value"}
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", &ArgError{name, "invalid string"}
		}
		return s, nil
	case '{', '[':
		return "", &ArgError{name, "expected a scalar value"}
	}
	return string(raw), nil
}

func isNull(raw json.RawMessage) bool {
	return string(bytes.TrimSpace(raw)) == "null"
}
