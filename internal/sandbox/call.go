package sandbox

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"mime"
	"mime/multipart"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

// call is one request to an emulated operation, read by the door (open,
// door.go) into the operation's arguments.
type call struct {
	op    *clerkapi.Operation
	req   *http.Request
	path  map[string]string
	body  []byte
	args  clerkapi.Args              // path, query and body arguments, typed and checked
	query clerkapi.Args              // the query parameters among args
	raw   map[string]json.RawMessage // top-level body fields
	paged bool                       // paginated=true (legacy lists)
}

// bind decodes the operation's arguments into v, a pointer to its clerkapi
// request struct: the JSON body as sent (numbers exactly), then the path and
// query parameters the door typed (limit and offset, filters, order_by).
func (c *call) bind(v any) error {
	if body := bytes.TrimSpace(c.body); len(body) > 0 && body[0] == '{' {
		if err := decodeStrict(body, v); err != nil {
			return err
		}
	}
	fields := clerkapi.Args{}
	for name, raw := range c.args {
		if p, ok := c.op.Plan().Param(name); ok && (p.In == "query" || p.In == "path") {
			fields[name] = raw
		}
	}
	if len(fields) == 0 {
		return nil
	}
	b, err := json.Marshal(fields)
	if err != nil {
		return err
	}
	// Not strict: v may be a handler's own struct of the fields it reads;
	// the door has refused every parameter the operation does not take.
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return errParamInvalid(te.Field, fmt.Sprintf("%s must be of type %s, not %s.", te.Field, jsonKind(te.Type.String()), te.Value))
		}
		return err
	}
	return nil
}

// bindArray decodes a whole-body JSON array (the bulk operations) into v.
func (c *call) bindArray(v any) error {
	body := bytes.TrimSpace(c.body)
	if len(body) == 0 || body[0] != '[' {
		return errBadRequest("malformed_request", "malformed request", "The request body must be a JSON array.")
	}
	return decodeStrict(body, v)
}

func decodeStrict(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber() // metadata numbers come back exactly as sent
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		return nil
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return errParamInvalid(te.Field, fmt.Sprintf("%s must be of type %s, not %s.", te.Field, jsonKind(te.Type.String()), te.Value))
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return errParamUnknown(strings.Trim(name, `"`))
	}
	return errBadRequest("malformed_request", "malformed request", "The request body is not valid JSON.")
}

func jsonKind(goType string) string {
	switch {
	case strings.Contains(goType, "map["):
		return "object"
	case strings.Contains(goType, "[]"):
		return "array"
	case strings.Contains(goType, "string"):
		return "string"
	case strings.Contains(goType, "bool"):
		return "boolean"
	case strings.Contains(goType, "int"), strings.Contains(goType, "float"):
		return "number"
	}
	return goType
}

// null reports whether the body sent the field as JSON null, which Clerk
// reads as "clear it" where its spec marks the field nullable. (Decoded into
// a request struct, a null looks the same as a field not sent.)
func (c *call) null(name string) bool {
	raw, ok := c.raw[name]
	return ok && string(bytes.TrimSpace(raw)) == "null"
}

// requireString reports form_param_missing when the body field is absent,
// null or empty.
func requireString(name string, v string) error {
	if strings.TrimSpace(v) == "" {
		return errParamMissing(name)
	}
	return nil
}

// ---- query parameters, as the door typed them ----

// str returns a string argument (a number or boolean as its JSON text).
func (c *call) str(name string) (string, bool) {
	raw, ok := c.query[name]
	if !ok {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, true
	}
	return string(raw), true
}

// strs returns an array argument's non-blank strings.
func (c *call) strs(name string) []string {
	var vals []string
	if raw, ok := c.query[name]; ok && json.Unmarshal(raw, &vals) != nil {
		if s, ok := c.str(name); ok {
			vals = []string{s}
		}
	}
	out := vals[:0]
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (c *call) boolParam(name string) (*bool, error) {
	raw, ok := c.query[name]
	if !ok {
		return nil, nil
	}
	var b bool
	if err := json.Unmarshal(raw, &b); err != nil {
		return nil, errParamInvalid(name, name+" must be true or false.")
	}
	return &b, nil
}

func (c *call) intParam(name string) (*int64, error) {
	raw, ok := c.query[name]
	if !ok {
		return nil, nil
	}
	var n int64
	if err := json.Unmarshal(raw, &n); err != nil {
		return nil, errParamInvalid(name, name+" must be an integer.")
	}
	return &n, nil
}

func (c *call) paginated() bool { return c.paged }

// page returns limit and offset: as sent (the door has held them to the
// bounds of the Page or Page100 tags), else the tags' defaults.
func (c *call) page() (limit, offset int, err error) {
	var p struct {
		Limit  *float64 `json:"limit"`
		Offset *float64 `json:"offset"`
	}
	if err := c.bind(&p); err != nil {
		return 0, 0, err
	}
	l, err := pageField(c.op, "limit", p.Limit)
	if err != nil {
		return 0, 0, err
	}
	o, err := pageField(c.op, "offset", p.Offset)
	return l, o, err
}

// pageField is limit or offset: whole, and its default when not sent.
func pageField(op *clerkapi.Operation, name string, v *float64) (int, error) {
	if v == nil {
		return pageDefault(op, name), nil
	}
	if *v != float64(int64(*v)) {
		return 0, errParamInvalid(name, name+" must be a whole number.")
	}
	return int(*v), nil
}

// pageDefault is the default of limit or offset that the operation's Page
// or Page100 struct tag declares (jsonschema:"default=…"), as the generated
// input schema the door compiled carries it.
func pageDefault(op *clerkapi.Operation, name string) int {
	raw, _ := schemas.Input(op.Name)
	sch, err := doorSchemas.Get(op.Name, raw)
	if err != nil {
		return 0
	}
	props, _ := sch.Tree["properties"].(map[string]any)
	prop, _ := props[name].(map[string]any)
	n, _ := prop["default"].(json.Number)
	d, _ := n.Int64()
	return int(d)
}

// window returns one page of items.
func window[T any](items []T, limit, offset int) []T {
	if offset >= len(items) {
		return []T{}
	}
	return items[offset:min(len(items), offset+limit)]
}

// list answers a list: {data, total_count}.
func list[T any](items []T, limit, offset int) clerkapi.List[T] {
	return clerkapi.List[T]{Data: window(items, limit, offset), TotalCount: int64(len(items))}
}

// views maps items to their answer shape.
func views[T, V any](items []T, view func(T) V) []V {
	out := make([]V, 0, len(items))
	for _, it := range items {
		out = append(out, view(it))
	}
	return out
}

// listOf answers one page of items as {data, total_count}, building only the
// page's views.
func listOf[T, V any](items []T, limit, offset int, view func(T) V) clerkapi.List[V] {
	return clerkapi.List[V]{Data: views(window(items, limit, offset), view), TotalCount: int64(len(items))}
}

// legacyList answers a list Clerk gives as a bare array unless paginated=true.
func legacyList[T any](c *call, items []T, limit, offset int) any {
	if c.paginated() {
		return list(items, limit, offset)
	}
	return window(items, limit, offset)
}

// split divides +/- prefixed values into included and excluded sets.
func split(vals []string) (include, exclude map[string]bool) {
	include, exclude = map[string]bool{}, map[string]bool{}
	for _, v := range vals {
		switch {
		case strings.HasPrefix(v, "-"):
			exclude[v[1:]] = true
		case strings.HasPrefix(v, "+"):
			include[v[1:]] = true
		default:
			include[v] = true
		}
	}
	return include, exclude
}

// ---- ordering ----

// sortKeys maps an order_by field to the value items are compared by: a
// string, an int64, or nil (sorted last ascending, first descending).
type sortKeys[T any] map[string]func(T) any

// order sorts items by an order_by value such as "-created_at" (+ is
// implied; empty means -created_at), keeping creation order among equal keys.
func order[T any](items []T, orderBy string, keys sortKeys[T]) error {
	if orderBy == "" {
		orderBy = "-created_at"
	}
	field, desc := orderBy, false
	switch orderBy[0] {
	case '-':
		field, desc = orderBy[1:], true
	case '+':
		field = orderBy[1:]
	}
	key, ok := keys[field]
	if !ok {
		allowed := make([]string, 0, len(keys))
		for k := range keys {
			allowed = append(allowed, k)
		}
		slices.Sort(allowed)
		return errParamInvalid("order_by", fmt.Sprintf("order_by must be one of %s, optionally prefixed with + or -; got %q.", strings.Join(allowed, ", "), orderBy))
	}
	slices.SortStableFunc(items, func(a, b T) int {
		r := compareKeys(key(a), key(b))
		if desc {
			return -r
		}
		return r
	})
	return nil
}

// sortByParam sorts items by the request's order_by parameter.
func sortByParam[T any](c *call, items []T, keys sortKeys[T]) error {
	orderBy, _ := c.str("order_by")
	return order(items, orderBy, keys)
}

func compareKeys(a, b any) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	switch x := a.(type) {
	case string:
		return cmp.Compare(strings.ToLower(x), strings.ToLower(b.(string)))
	case int64:
		return cmp.Compare(x, b.(int64))
	}
	return 0
}

// strKey and intKey turn optional values into sort keys.
func strKey(p *string) any {
	if p == nil || *p == "" {
		return nil
	}
	return *p
}

func intKey(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

// ---- tables ----

// table is an ID-keyed collection that remembers creation order.
type table[T any] struct {
	order []string
	byID  map[string]*T
}

func (t *table[T]) add(id string, v *T) *T {
	if t.byID == nil {
		t.byID = map[string]*T{}
	}
	t.order = append(t.order, id)
	t.byID[id] = v
	return v
}

func (t *table[T]) get(id string) (*T, bool) {
	v, ok := t.byID[id]
	return v, ok
}

// find is get with Clerk's 404 for a missing kind.
func (t *table[T]) find(kind, id string) (*T, error) {
	if v, ok := t.byID[id]; ok {
		return v, nil
	}
	return nil, errNotFound(kind, id)
}

// deleteByID removes the item with that ID from t and answers the deleted
// object, or 404s.
func deleteByID[T any](s *Sandbox, t *table[T], kind, object, id string) (any, error) {
	if _, err := t.find(kind, id); err != nil {
		return nil, err
	}
	s.tick()
	t.remove(id)
	return deleted{Object: object, ID: id, Deleted: true}, nil
}

func (t *table[T]) remove(id string) {
	if _, ok := t.byID[id]; !ok {
		return
	}
	delete(t.byID, id)
	t.order = slices.DeleteFunc(t.order, func(x string) bool { return x == id })
}

// removeWhere drops every item the predicate matches (cascading deletes).
func (t *table[T]) removeWhere(match func(*T) bool) {
	t.order = slices.DeleteFunc(t.order, func(id string) bool {
		if match(t.byID[id]) {
			delete(t.byID, id)
			return true
		}
		return false
	})
}

// all returns the items in creation order.
func (t *table[T]) all() []*T {
	out := make([]*T, 0, len(t.order))
	for _, id := range t.order {
		out = append(out, t.byID[id])
	}
	return out
}

// ---- IDs and time ----

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// newID returns the next ID for a prefix: Clerk-shaped (prefix_2…, 27
// characters after the underscore) and deterministic, derived from a counter.
func (s *Sandbox) newID(prefix string) string {
	s.seq[prefix]++
	return prefix + "_" + idBody(prefix, s.seq[prefix])
}

func idBody(prefix string, n int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "clerk-mcp sandbox %s %d", prefix, n))
	v := new(big.Int).SetBytes(sum[:])
	b62 := big.NewInt(62)
	out := []byte{'2'}
	mod := new(big.Int)
	for len(out) < 27 {
		v.DivMod(v, b62, mod)
		out = append(out, base62[mod.Int64()])
	}
	return string(out)
}

func hashHex(kind string, n int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "clerk-mcp sandbox %s %d", kind, n))
	return hex.EncodeToString(sum[:])
}

// parseTime reads an RFC 3339 body value as Unix ms.
func parseTime(param string, v *string) (int64, error) {
	t, err := time.Parse(time.RFC3339, *v)
	if err != nil {
		return 0, errParamInvalid(param, param+" must be an RFC 3339 timestamp, e.g. 2024-01-02T15:04:05Z.")
	}
	return t.UnixMilli(), nil
}

// ---- metadata ----

// mergeMetadata deep-merges src into dst the way Clerk's metadata PATCH does:
// objects merge key by key, a null value removes the key, anything else
// replaces it.
func mergeMetadata(dst, src map[string]any) map[string]any {
	if dst == nil {
		dst = map[string]any{}
	}
	for k, v := range src {
		switch sv := v.(type) {
		case nil:
			delete(dst, k)
		case map[string]any:
			dm, _ := dst[k].(map[string]any)
			dst[k] = mergeMetadata(dm, sv)
		default:
			dst[k] = v
		}
	}
	return dst
}

// metadata returns m, or an empty object for nil, so it encodes as {}.
func metadata(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return deepCopy(m).(map[string]any)
}

// applyMetadata merges (PATCH) or replaces (PUT) one metadata object, when
// the request sent it; an object not sent is left as it is.
func (c *call) applyMetadata(name string, dst *map[string]any, src map[string]any, merge bool) {
	if _, sent := c.raw[name]; !sent {
		return
	}
	if merge {
		*dst = mergeMetadata(*dst, src)
	} else {
		*dst = metadata(src)
	}
}

// deepCopy copies JSON-like data, so seed literals and callers' maps are
// never shared with (and mutated through) a sandbox's state.
func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}

func ptr[T any](v T) *T { return &v }

// ---- uploads ----

// upload reads a multipart/form-data body: it checks that a non-empty image
// was sent as the "file" part and returns the other form fields.
func (c *call) upload() (map[string]string, error) {
	mt, params, err := mime.ParseMediaType(c.req.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return nil, errBadRequest("malformed_request", "malformed request", "The request must be sent as multipart/form-data with the image as the file part.")
	}
	mr := multipart.NewReader(bytes.NewReader(c.body), params["boundary"])
	fields := map[string]string{}
	found := false
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errBadRequest("malformed_request", "malformed request", "The multipart body could not be read.")
		}
		data, err := io.ReadAll(io.LimitReader(part, 10<<20+1))
		if err != nil {
			return nil, errBadRequest("malformed_request", "malformed request", "The multipart body could not be read.")
		}
		name := part.FormName()
		if name == "file" {
			if len(data) == 0 {
				return nil, errParamMissing("file")
			}
			if len(data) > 10<<20 {
				return nil, &apiError{status: 413, code: "request_body_too_large", message: "file too large", long: "The image must be at most 10 MB."}
			}
			if ct := part.Header.Get("Content-Type"); !strings.HasPrefix(ct, "image/") {
				return nil, errParamInvalid("file", "file must be an image (JPEG, PNG, GIF or WebP), not "+ct+".")
			}
			found = true
			continue
		}
		if p, ok := c.op.Plan().Param(name); !ok || p.In != "form" {
			return nil, errParamUnknown(name)
		}
		fields[name] = string(data)
	}
	if !found {
		return nil, errParamMissing("file")
	}
	return fields, nil
}
