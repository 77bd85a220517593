package clerkapi

import (
	"encoding/json"
	"fmt"
	"github.com/clerk-mcp/clerk-mcp/internal/golden"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// specRelPath locates the pinned Clerk OpenAPI spec, relative to the repository
// root (the directory holding go.mod).

// conformanceAllow lists spec quirks our request structs cannot represent,
// keyed "OperationID location" exactly as the mismatch is reported (e.g.
// "CreateFoo body.bar"), each with the reason. An entry that no longer
// matches a mismatch fails the test, so the list cannot go stale.
var conformanceAllow = map[string]string{
	// The spec gives this boolean enum: [true]. invopop/jsonschema drops enum
	// tags on booleans, so the tool schema could not carry it; the field is
	// required and its doc comment says it must be true.
	"AddDomain body.is_satellite": "boolean enum [true] cannot be expressed through invopop tags",
	// These two array bodies are not marked required in the spec (the third
	// bulk body, CreateBulkOrganizationInvitations, is), yet the arrays have
	// minItems: 1. Without the field there is no array to send (the client
	// would send {}), so the whole-body field stays required.
	"CreateBulkInvitations body.invitations":          "array body optional in the spec but minItems 1; the whole body cannot be absent",
	"CreateBulkWaitlistEntries body.waitlist_entries": "array body optional in the spec but minItems 1; the whole body cannot be absent",
}

// excluded lists the Backend API operations, by operationId, that are
// deliberately not exposed as tools, each with the reason. Every other
// operation in the spec must be registered in the catalog. Every operation
// currently works as a tool, so the list is empty.
var excluded = map[string]string{}

var specToolNameRE = regexp.MustCompile(`^[a-z0-9_]{1,48}$`)

// TestSpecConformance checks every operation of the pinned OpenAPI spec against
// the catalog: registration, method and path, path/query/body parameters
// (names, location, JSON type, required, enums, array style), content type,
// deprecation, and the response shape. It reports every mismatch in one run.
func TestSpecConformance(t *testing.T) {
	data := golden.Spec(t, APIVersion)
	path := "the " + APIVersion + " OpenAPI spec"
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatalf("parsing spec %s: %v", path, err)
	}
	sp := &openAPI{root: root}
	r := &conformance{spec: sp, allowUsed: map[string]bool{}, nullable: map[string]int{}}

	ops := sp.operations(r)
	if len(ops) == 0 {
		t.Fatalf("spec %s declares no operations", path)
	}
	r.checkCatalog(ops)
	for _, o := range ops {
		row, ok := r.rows[o.id]
		if !ok {
			continue
		}
		r.checkOperation(o, row)
	}
	for key, reason := range conformanceAllow {
		if !r.allowUsed[key] {
			r.problems = append(r.problems, fmt.Sprintf("%s: allow-list entry matches no mismatch; remove it (%s)", key, reason))
		}
	}

	if len(r.notes) > 0 {
		sort.Strings(r.notes)
		t.Logf("spec conformance: %d values compared loosely:\n  %s", len(r.notes), strings.Join(r.notes, "\n  "))
	}
	if len(r.problems) > 0 {
		sort.Strings(r.problems)
		t.Errorf("spec conformance: %d mismatches with %s:\n  %s", len(r.problems), path, strings.Join(r.problems, "\n  "))
	}
	t.Logf("spec conformance: %d spec operations, %d catalog rows, %d excluded, %d allowed quirks; nullable body fields: %v",
		len(ops), len(Catalog()), len(excluded), len(conformanceAllow), r.nullable)
}

// ---- the spec side ----

type openAPI struct {
	root map[string]any
}

// specOp is one operation of the spec, its references resolved.
type specOp struct {
	id         string
	method     string // upper case
	path       string
	deprecated bool
	noAuth     bool // security: [] — the endpoint takes no credentials
	params     []specParam
	body       *specBody // nil when the operation takes no body
	responses  []specResponse
}

type specParam struct {
	name     string
	in       string
	required bool
	style    string
	explode  *bool
	schema   *specSchema
}

type specBody struct {
	required    bool
	contentType string
	schema      *specSchema
}

type specResponse struct {
	code    string
	jsonSch *specSchema // nil: no JSON content
	other   []string    // non-JSON content types
}

// specSchema is a schema with $ref and allOf resolved.
type specSchema struct {
	typ      string // "" when the spec leaves the type open
	format   string
	nullable bool
	enum     []string
	items    *specSchema
	props    map[string]*specSchema
	required map[string]bool
	// combinator is "oneOf" or "anyOf" when the schema offers alternative
	// shapes that cannot be compared field by field.
	combinator string
	// requireOneOf holds the branches of a oneOf/anyOf whose alternatives only
	// require different properties (e.g. "domain or domains").
	requireOneOf [][]string
	// The length and item keywords, as written (nil: absent), and the
	// description (a parameter's own when its schema has none).
	pattern                                  string
	minLength, maxLength, minItems, maxItems *int
	description                              string
	// additionalProperties: nil when absent, else whether extra properties
	// are allowed (a schema counts as allowed).
	addl *bool
}

var specHTTPMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

func (s *openAPI) operations(r *conformance) []specOp {
	paths, _ := s.root["paths"].(map[string]any)
	var out []specOp
	for _, p := range specSortedKeys(paths) {
		item := s.deref(paths[p], r)
		for _, m := range specHTTPMethods {
			raw, ok := item[m].(map[string]any)
			if !ok {
				continue
			}
			id, _ := raw["operationId"].(string)
			o := specOp{id: id, method: strings.ToUpper(m), path: p}
			if id == "" {
				r.problems = append(r.problems, fmt.Sprintf("%s %s: spec operation has no operationId", o.method, p))
				continue
			}
			o.deprecated, _ = raw["deprecated"].(bool)
			if sec, ok := raw["security"].([]any); ok && len(sec) == 0 {
				o.noAuth = true
			}
			// Path-item parameters apply unless the operation overrides them.
			seen := map[string]bool{}
			for _, list := range []any{raw["parameters"], item["parameters"]} {
				arr, _ := list.([]any)
				for _, pv := range arr {
					pm := s.deref(pv, r)
					prm := specParam{}
					prm.name, _ = pm["name"].(string)
					prm.in, _ = pm["in"].(string)
					if seen[prm.in+" "+prm.name] {
						continue
					}
					seen[prm.in+" "+prm.name] = true
					prm.required, _ = pm["required"].(bool)
					prm.style, _ = pm["style"].(string)
					if e, ok := pm["explode"].(bool); ok {
						prm.explode = &e
					}
					if _, ok := pm["content"]; ok {
						r.problems = append(r.problems, fmt.Sprintf("%s query.%s: parameter uses content instead of schema", id, prm.name))
					}
					prm.schema = s.schema(pm["schema"], r, 0)
					if prm.schema.description == "" {
						prm.schema.description, _ = pm["description"].(string)
					}
					o.params = append(o.params, prm)
				}
			}
			if rbv, ok := raw["requestBody"]; ok {
				rb := s.deref(rbv, r)
				content, _ := rb["content"].(map[string]any)
				b := &specBody{}
				b.required, _ = rb["required"].(bool)
				cts := specSortedKeys(content)
				if len(cts) != 1 {
					r.problems = append(r.problems, fmt.Sprintf("%s body: spec offers %d content types %v; expected one", id, len(cts), cts))
				}
				if len(cts) > 0 {
					b.contentType = cts[0]
					ct, _ := content[cts[0]].(map[string]any)
					b.schema = s.schema(ct["schema"], r, 0)
				}
				o.body = b
			}
			resps, _ := raw["responses"].(map[string]any)
			for _, code := range specSortedKeys(resps) {
				if !strings.HasPrefix(code, "2") {
					continue
				}
				rm := s.deref(resps[code], r)
				sr := specResponse{code: code}
				content, _ := rm["content"].(map[string]any)
				for _, ct := range specSortedKeys(content) {
					if ct == "application/json" {
						c, _ := content[ct].(map[string]any)
						sr.jsonSch = s.schema(c["schema"], r, 0)
					} else {
						sr.other = append(sr.other, ct)
					}
				}
				o.responses = append(o.responses, sr)
			}
			out = append(out, o)
		}
	}
	return out
}

// deref follows $ref chains (any local JSON pointer: components/parameters,
// requestBodies, responses, schemas...).
func (s *openAPI) deref(v any, r *conformance) map[string]any {
	m, _ := v.(map[string]any)
	for hops := 0; m != nil; hops++ {
		ref, ok := m["$ref"].(string)
		if !ok {
			return m
		}
		if hops > 32 {
			r.problems = append(r.problems, fmt.Sprintf("spec: $ref cycle at %s", ref))
			return nil
		}
		target := s.pointer(ref)
		if target == nil {
			r.problems = append(r.problems, fmt.Sprintf("spec: unresolved $ref %s", ref))
			return nil
		}
		m = target
	}
	return m
}

func (s *openAPI) pointer(ref string) map[string]any {
	if !strings.HasPrefix(ref, "#/") {
		return nil
	}
	var cur any = s.root
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[part]
	}
	m, _ := cur.(map[string]any)
	return m
}

// flatten resolves $ref and merges allOf into one schema object.
func (s *openAPI) flatten(v any, r *conformance, depth int) map[string]any {
	m := s.deref(v, r)
	if m == nil {
		return nil
	}
	parts, ok := m["allOf"].([]any)
	if !ok || depth > 16 {
		return m
	}
	out := map[string]any{}
	props := map[string]any{}
	var required []any
	merge := func(x map[string]any) {
		for k, val := range x {
			switch k {
			case "allOf":
			case "properties":
				pm, _ := val.(map[string]any)
				for pk, pv := range pm {
					props[pk] = pv
				}
			case "required":
				arr, _ := val.([]any)
				required = append(required, arr...)
			default:
				if _, set := out[k]; !set {
					out[k] = val
				}
			}
		}
	}
	merge(m)
	for _, part := range parts {
		if pm := s.flatten(part, r, depth+1); pm != nil {
			merge(pm)
		}
	}
	if len(props) > 0 {
		out["properties"] = props
	}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}

func (s *openAPI) schema(v any, r *conformance, depth int) *specSchema {
	m := s.flatten(v, r, 0)
	out := &specSchema{required: map[string]bool{}}
	if m == nil || depth > 12 {
		return out
	}
	out.typ, _ = m["type"].(string)
	out.format, _ = m["format"].(string)
	out.nullable, _ = m["nullable"].(bool)
	out.pattern, _ = m["pattern"].(string)
	out.description, _ = m["description"].(string)
	for k, dst := range map[string]**int{"minLength": &out.minLength, "maxLength": &out.maxLength, "minItems": &out.minItems, "maxItems": &out.maxItems} {
		if n, ok := m[k].(float64); ok {
			v := int(n)
			*dst = &v
		}
	}
	switch a := m["additionalProperties"].(type) {
	case bool:
		out.addl = &a
	case map[string]any:
		open := true
		out.addl = &open
	}
	if enum, ok := m["enum"].([]any); ok {
		for _, e := range enum {
			if e == nil {
				continue // a nullable enum lists null; nullability needs no check
			}
			out.enum = append(out.enum, specEnumText(e))
		}
	}
	if props, ok := m["properties"].(map[string]any); ok {
		out.props = map[string]*specSchema{}
		for k, pv := range props {
			out.props[k] = s.schema(pv, r, depth+1)
		}
	}
	if req, ok := m["required"].([]any); ok {
		for _, x := range req {
			if name, ok := x.(string); ok {
				out.required[name] = true
			}
		}
	}
	if items, ok := m["items"]; ok {
		out.items = s.schema(items, r, depth+1)
	}
	for _, k := range []string{"oneOf", "anyOf"} {
		alts, ok := m[k].([]any)
		if !ok {
			continue
		}
		onlyRequired := true
		var branches [][]string
		for _, a := range alts {
			am := s.deref(a, r)
			var names []string
			for key, val := range am {
				switch key {
				case "required":
					arr, _ := val.([]any)
					for _, n := range arr {
						if name, ok := n.(string); ok {
							names = append(names, name)
						}
					}
				case "description", "title":
				default:
					onlyRequired = false
				}
			}
			branches = append(branches, names)
		}
		if onlyRequired {
			out.requireOneOf = append(out.requireOneOf, branches...)
		} else {
			out.combinator = k
		}
	}
	if out.typ == "" {
		switch {
		case out.props != nil:
			out.typ = "object"
		case out.items != nil:
			out.typ = "array"
		}
	}
	return out
}

func specEnumText(e any) string {
	switch v := e.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	default:
		return fmt.Sprint(v)
	}
}

// ---- our side ----

// goField is one field of a request struct (or of a nested struct), read by
// reflection: embedded structs are walked, names come from the json tag.
type goField struct {
	name     string
	in       string // path, query, body, form, file; "" in nested structs
	comma    bool
	whole    bool
	nullable bool // tagged nullable: a JSON null is sent, as "clear"
	typ      reflect.Type
	required bool
	enum     []string
	kw       map[string]string // the tag's other keywords: pattern, minLength, maxItems...
	goName   string
}

func goFields(t reflect.Type) []goField {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var out []goField
	if t.Kind() != reflect.Struct {
		return nil
	}
	for i := range t.NumField() {
		f := t.Field(i)
		tag, hasJSON := f.Tag.Lookup("json")
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if f.Anonymous && ft.Kind() == reflect.Struct && !hasJSON {
			out = append(out, goFields(ft)...)
			continue
		}
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		in, opts, _ := strings.Cut(f.Tag.Get("in"), ",")
		optList := strings.Split(opts, ",")
		gf := goField{
			name:     name,
			in:       in,
			comma:    slices.Contains(optList, "comma"),
			whole:    slices.Contains(optList, "whole"),
			nullable: slices.Contains(optList, "nullable"),
			typ:      f.Type,
			goName:   t.Name() + "." + f.Name,
		}
		gf.required, gf.enum, gf.kw = parseSchemaTag(f.Tag.Get("jsonschema"))
		out = append(out, gf)
	}
	return out
}

// parseSchemaTag reads the required flag and enum values of an invopop
// `jsonschema` tag: comma-separated, `enum=a,enum=b`, `\,` escapes a comma.
func parseSchemaTag(tag string) (required bool, enum []string, kw map[string]string) {
	kw = map[string]string{}
	if tag == "" {
		return false, nil, kw
	}
	var parts []string
	cur := ""
	for _, p := range strings.Split(tag, ",") {
		if strings.HasSuffix(cur, `\`) {
			cur = cur[:len(cur)-1] + "," + p
			parts[len(parts)-1] = cur
			continue
		}
		cur = p
		parts = append(parts, cur)
	}
	for _, p := range parts {
		k, v, hasValue := strings.Cut(p, "=")
		switch {
		case k == "required" && !hasValue:
			required = true
		case k == "enum" && hasValue:
			enum = append(enum, v)
		case hasValue:
			kw[k] = v
		}
	}
	return required, enum, kw
}

var specRawMessageType = reflect.TypeOf(json.RawMessage(nil))

// specJSONKind maps a Go type to the JSON type it encodes to; "any" for interfaces
// and raw JSON.
func specJSONKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == specRawMessageType {
		return "any"
	}
	switch t.Kind() {
	case reflect.Interface:
		return "any"
	case reflect.String:
		return "string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	}
	return t.Kind().String()
}

func derefType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// isList reports whether v's type has the List shape: Data (a slice) and
// TotalCount (an integer).
func isListType(v any) bool {
	if v == nil {
		return false
	}
	t := derefType(reflect.TypeOf(v))
	if t.Kind() != reflect.Struct {
		return false
	}
	d, ok1 := t.FieldByName("Data")
	c, ok2 := t.FieldByName("TotalCount")
	return ok1 && ok2 && derefType(d.Type).Kind() == reflect.Slice && specJSONKind(c.Type) == "integer"
}

// isItemsType reports whether v's type has the Items shape: Data (a slice)
// and no TotalCount.
func isItemsType(v any) bool {
	if v == nil {
		return false
	}
	t := derefType(reflect.TypeOf(v))
	if t.Kind() != reflect.Struct {
		return false
	}
	d, ok := t.FieldByName("Data")
	_, total := t.FieldByName("TotalCount")
	return ok && !total && derefType(d.Type).Kind() == reflect.Slice
}

// ---- the comparison ----

type conformance struct {
	spec      *openAPI
	rows      map[string]*Operation // by OperationID
	problems  []string
	notes     []string
	allowUsed map[string]bool
	nullable  map[string]int // nullable body fields compared, by nullableWhere
}

// nullableWhere sorts a nullable field's location: a top-level body field,
// one nested in a body object, or one in the items of an array.
func nullableWhere(loc string) string {
	switch {
	case strings.Contains(loc, "[]"):
		return "in array items"
	case strings.Count(loc, ".") > 1:
		return "nested"
	}
	return "top-level"
}

// errf records a mismatch at "OperationID location" unless it is allowed.
func (r *conformance) errf(op, loc, format string, args ...any) {
	key := op + " " + loc
	if _, ok := conformanceAllow[key]; ok {
		r.allowUsed[key] = true
		return
	}
	r.problems = append(r.problems, key+": "+fmt.Sprintf(format, args...))
}

func (r *conformance) notef(op, loc, format string, args ...any) {
	r.notes = append(r.notes, op+" "+loc+": "+fmt.Sprintf(format, args...))
}

func (r *conformance) checkCatalog(ops []specOp) {
	r.rows = map[string]*Operation{}
	inSpec := map[string]bool{}
	for _, o := range ops {
		if inSpec[o.id] {
			r.problems = append(r.problems, fmt.Sprintf("%s: operationId appears twice in the spec", o.id))
		}
		inSpec[o.id] = true
	}
	names := map[string]string{}
	cat := Catalog()
	for i := range cat {
		row := &cat[i]
		if !specToolNameRE.MatchString(row.Name) {
			r.problems = append(r.problems, fmt.Sprintf("%s: tool name %q does not match %s", row.OperationID, row.Name, specToolNameRE))
		}
		if prev, dup := names[row.Name]; dup {
			r.problems = append(r.problems, fmt.Sprintf("%s: tool name %q already used by %s", row.OperationID, row.Name, prev))
		}
		names[row.Name] = row.OperationID
		if prev, dup := r.rows[row.OperationID]; dup {
			r.problems = append(r.problems, fmt.Sprintf("%s: registered twice (%s and %s)", row.OperationID, prev.Name, row.Name))
		}
		r.rows[row.OperationID] = row
		if !inSpec[row.OperationID] {
			r.problems = append(r.problems, fmt.Sprintf("%s: row %s matches no operation in the spec", row.OperationID, row.Name))
		}
		if _, ex := excluded[row.OperationID]; ex {
			r.problems = append(r.problems, fmt.Sprintf("%s: both registered (%s) and listed in excluded", row.OperationID, row.Name))
		}
	}
	for _, o := range ops {
		if _, ok := r.rows[o.id]; ok {
			continue
		}
		if _, ex := excluded[o.id]; !ex {
			r.problems = append(r.problems, fmt.Sprintf("%s: %s %s is neither registered nor listed in excluded", o.id, o.method, o.path))
		}
	}
	for id, reason := range excluded {
		if !inSpec[id] {
			r.problems = append(r.problems, fmt.Sprintf("%s: listed in excluded but not in the spec", id))
		}
		if strings.TrimSpace(reason) == "" {
			r.problems = append(r.problems, fmt.Sprintf("%s: listed in excluded without a reason", id))
		}
	}
}

func (r *conformance) checkOperation(o specOp, row *Operation) {
	id := o.id
	if row.Method != o.method {
		r.errf(id, "method", "spec %s, row %s", o.method, row.Method)
	}
	if row.Path != o.path {
		r.errf(id, "path", "spec %s, row %s", o.path, row.Path)
	}
	if row.Deprecated != o.deprecated {
		r.errf(id, "deprecated", "spec %t, row %t", o.deprecated, row.Deprecated)
	}
	if strings.TrimSpace(row.Description) == "" {
		r.errf(id, "description", "empty")
	}
	if row.Deprecated && !strings.HasPrefix(row.Description, "Deprecated:") {
		r.errf(id, "description", "deprecated row's description must start with \"Deprecated:\": %q", row.Description)
	}
	if row.NoAuth != o.noAuth {
		r.errf(id, "security", "spec takes no credentials: %t, row NoAuth %t", o.noAuth, row.NoAuth)
	}

	var fields []goField
	if row.Request != nil {
		fields = goFields(reflect.TypeOf(row.Request))
	}
	byIn := map[string][]goField{}
	for _, f := range fields {
		switch f.in {
		case "path", "query", "body", "form", "file":
			byIn[f.in] = append(byIn[f.in], f)
		case "auth":
			// A credential that replaces the bearer key; never sent as data.
			if !row.MachineAuth {
				r.errf(id, "field."+f.name, "%s is an auth field on a row without MachineAuth", f.goName)
			}
		case "":
			r.errf(id, "field."+f.name, "%s has no in tag, so it is never sent", f.goName)
		default:
			r.errf(id, "field."+f.name, "%s has unknown in tag %q", f.goName, f.in)
		}
	}

	r.checkPath(o, row, byIn["path"])
	r.checkQuery(o, row, byIn["query"])
	r.checkBody(o, byIn)
	r.checkResponse(o, row)
}

func (r *conformance) checkPath(o specOp, row *Operation, fields []goField) {
	specNames := map[string]bool{}
	schemas := map[string]*specSchema{}
	for _, p := range o.params {
		if p.in != "path" {
			continue
		}
		specNames[p.name] = true
		schemas[p.name] = p.schema
		if !p.required {
			r.errf(o.id, "path."+p.name, "spec path parameter is not required")
		}
		if p.schema.typ != "string" {
			r.errf(o.id, "path."+p.name, "spec type %q; path parameters are strings", p.schema.typ)
		}
	}
	ours := map[string]bool{}
	for _, f := range fields {
		ours[f.name] = true
		if f.nullable {
			r.errf(o.id, "path."+f.name, "%s is tagged nullable; only body fields can be sent as null", f.goName)
		}
		if !specNames[f.name] {
			r.errf(o.id, "path."+f.name, "%s is not a path parameter in the spec", f.goName)
			continue
		}
		if !f.required {
			r.errf(o.id, "path."+f.name, "%s lacks jsonschema:\"required\"", f.goName)
		}
		if k := specJSONKind(f.typ); k != "string" {
			r.errf(o.id, "path."+f.name, "%s is %s, want string", f.goName, k)
		}
		r.compareStrings(o.id, "path."+f.name, schemas[f.name], f.kw)
	}
	for _, n := range specSortedKeys(specNames) {
		if !ours[n] {
			r.errf(o.id, "path."+n, "spec path parameter missing from the request struct")
		}
	}
	tmpl := map[string]bool{}
	for _, n := range row.pathParams() {
		tmpl[n] = true
	}
	if !maps.Equal(tmpl, ours) {
		r.errf(o.id, "path", "template %s names %v, request struct has %v", row.Path, specSortedKeys(tmpl), specSortedKeys(ours))
	}
}

func (r *conformance) checkQuery(o specOp, row *Operation, fields []goField) {
	ours := map[string]goField{}
	for _, f := range fields {
		ours[f.name] = f
	}
	hasPaginated := false
	specNames := map[string]bool{}
	for _, p := range o.params {
		if p.in != "query" {
			if p.in != "path" {
				r.errf(o.id, p.in+"."+p.name, "spec parameter in %q is not supported", p.in)
			}
			continue
		}
		if p.name == "paginated" {
			// The client sends paginated=true itself for Paginated rows.
			hasPaginated = true
			continue
		}
		specNames[p.name] = true
		loc := "query." + p.name
		f, ok := ours[p.name]
		if !ok {
			r.errf(o.id, loc, "spec query parameter missing from the request struct")
			continue
		}
		if f.required != p.required {
			r.errf(o.id, loc, "required: spec %t, ours %t", p.required, f.required)
		}
		if f.nullable {
			// A query string cannot carry a JSON null (the spec marks a few
			// query parameters nullable; leaving one out is the same thing).
			r.errf(o.id, loc, "%s is tagged nullable; a query parameter cannot be sent as null", f.goName)
		}
		if p.style != "" && p.style != "form" {
			r.errf(o.id, loc, "spec style %q is not supported", p.style)
		}
		explode := p.explode == nil || *p.explode // form style explodes by default
		isArray := p.schema.typ == "array"
		switch {
		case isArray && !explode && !f.comma:
			r.errf(o.id, loc, "spec array has explode: false; tag it in:\"query,comma\"")
		case f.comma && (!isArray || explode):
			r.errf(o.id, loc, "tagged comma, but the spec sends it as repeated keys (explode: true) or it is not an array")
		}
		if p.schema.typ == "object" {
			r.errf(o.id, loc, "spec object query parameter is not supported")
		}
		r.compareValue(o.id, loc, p.schema, f.typ, f.enum, f.kw, 0)
	}
	for _, f := range fields {
		if !specNames[f.name] {
			r.errf(o.id, "query."+f.name, "%s is not a query parameter in the spec", f.goName)
		}
	}
	if row.Paginated != hasPaginated {
		r.errf(o.id, "paginated", "spec takes the paginated parameter: %t, row Paginated %t", hasPaginated, row.Paginated)
	}
	if row.TotalFrom != "" {
		if _, ok := Lookup(row.TotalFrom); !ok {
			r.errf(o.id, "total_from", "TotalFrom names unknown tool %q", row.TotalFrom)
		}
		if row.Paginated {
			r.errf(o.id, "total_from", "row has both Paginated and TotalFrom")
		}
	}
}

func (r *conformance) checkBody(o specOp, byIn map[string][]goField) {
	body, form, file := byIn["body"], byIn["form"], byIn["file"]
	if o.body == nil {
		for _, f := range slices.Concat(body, form, file) {
			r.errf(o.id, f.in+"."+f.name, "%s: the spec operation takes no request body", f.goName)
		}
		return
	}
	sch := o.body.schema
	switch o.body.contentType {
	case "application/json":
		for _, f := range slices.Concat(form, file) {
			r.errf(o.id, f.in+"."+f.name, "%s: the spec body is application/json, not multipart", f.goName)
		}
		if sch.combinator != "" {
			r.errf(o.id, "body", "spec body is a %s of shapes", sch.combinator)
			return
		}
		if sch.typ == "array" {
			var whole []goField
			for _, f := range body {
				if f.whole {
					whole = append(whole, f)
				} else {
					r.errf(o.id, "body."+f.name, "%s: the spec body is an array, so only one body,whole field may exist", f.goName)
				}
			}
			if len(whole) != 1 {
				r.errf(o.id, "body", "spec body is an array; want exactly one in:\"body,whole\" field, have %d", len(whole))
				return
			}
			f := whole[0]
			if f.nullable {
				r.errf(o.id, "body."+f.name, "%s: a whole array body cannot be null", f.goName)
			}
			if f.required != o.body.required {
				r.errf(o.id, "body."+f.name, "required: spec request body %t, ours %t", o.body.required, f.required)
			}
			r.compareValue(o.id, "body."+f.name, sch, f.typ, f.enum, f.kw, 0)
			return
		}
		for _, f := range body {
			if f.whole {
				r.errf(o.id, "body."+f.name, "%s is body,whole but the spec body is %q, not an array", f.goName, sch.typ)
			}
		}
		if sch.typ != "object" {
			r.errf(o.id, "body", "spec body type %q is neither object nor array", sch.typ)
			return
		}
		if len(sch.props) == 0 && len(body) > 0 {
			r.errf(o.id, "body", "spec body is a free-form object; ours has fields")
		}
		if len(sch.requireOneOf) > 0 {
			r.notef(o.id, "body", "spec requires one of %v; each is optional in the struct", sch.requireOneOf)
		}
		r.compareFields(o.id, "body", sch, body, 0)
	case "multipart/form-data":
		for _, f := range body {
			r.errf(o.id, "body."+f.name, "%s: the spec body is multipart/form-data, tag it form", f.goName)
		}
		// The binary part is the Upload's file; the other parts are form fields.
		specProps := &specSchema{props: map[string]*specSchema{}, required: map[string]bool{}}
		hasBinary := false
		for name, p := range sch.props {
			if p.typ == "string" && p.format == "binary" {
				if name != "file" {
					r.errf(o.id, "form."+name, "binary part %q; the client sends the upload as \"file\"", name)
				}
				hasBinary = true
				continue
			}
			specProps.props[name] = p
		}
		if hasBinary != (len(file) > 0) {
			r.errf(o.id, "form.file", "spec binary file part: %t; struct has Upload file fields: %t", hasBinary, len(file) > 0)
		}
		for name := range sch.required {
			if _, ok := specProps.props[name]; ok {
				specProps.required[name] = true // a required file part is left to Upload: exactly one source
			}
		}
		r.compareFields(o.id, "form", specProps, form, 0)
	default:
		r.errf(o.id, "body", "content type %q is not supported", o.body.contentType)
	}
}

// compareFields compares an object schema's properties with struct fields:
// every property present with the same type, required flag and enum, nothing
// extra.
func (r *conformance) compareFields(op, loc string, sch *specSchema, fields []goField, depth int) {
	ours := map[string]goField{}
	for _, f := range fields {
		ours[f.name] = f
	}
	for _, name := range specSortedKeys(sch.props) {
		p := sch.props[name]
		l := loc + "." + name
		f, ok := ours[name]
		if !ok {
			r.errf(op, l, "spec property missing from the struct (%s)", describeSchema(p))
			continue
		}
		if f.required != sch.required[name] {
			r.errf(op, l, "required: spec %t, ours %t (%s)", sch.required[name], f.required, f.goName)
		}
		if p.nullable {
			r.nullable[nullableWhere(l)]++
		}
		if f.nullable != p.nullable {
			r.errf(op, l, "nullable: spec %t, ours %t (%s: tag it in:\"body,nullable\", or in:\",nullable\" inside an object)", p.nullable, f.nullable, f.goName)
		}
		r.compareValue(op, l, p, f.typ, f.enum, f.kw, depth)
	}
	for _, f := range fields {
		if _, ok := sch.props[f.name]; !ok {
			r.errf(op, loc+"."+f.name, "%s is not a property in the spec", f.goName)
		}
	}
	for name := range sch.required {
		if _, ok := sch.props[name]; !ok {
			r.notef(op, loc, "spec requires %q, which it does not declare", name)
		}
	}
}

// compareValue compares one spec schema with a Go type and the enum and
// keywords of its jsonschema tag (enum, pattern and string lengths, on a
// slice, apply to the items, as invopop places them).
func (r *conformance) compareValue(op, loc string, sch *specSchema, t reflect.Type, goEnum []string, kw map[string]string, depth int) {
	k := specJSONKind(t)
	if sch.combinator != "" {
		r.errf(op, loc, "spec value is a %s of shapes; ours is %s", sch.combinator, k)
		return
	}
	if k == "any" {
		r.notef(op, loc, "ours is any; spec %s", describeSchema(sch))
		return
	}
	if sch.typ == "" {
		r.notef(op, loc, "spec leaves the type open; ours is %s", k)
		return
	}
	if sch.typ != k {
		r.errf(op, loc, "type: spec %s, ours %s (%s)", describeSchema(sch), k, t)
		return
	}
	switch k {
	case "array":
		items := sch.items
		if items == nil {
			items = &specSchema{}
		}
		r.compareItems(op, loc, sch, kw)
		r.compareValue(op, loc+"[]", items, derefType(t).Elem(), goEnum, kw, depth+1)
	case "object":
		if depth > 10 {
			return
		}
		et := derefType(t)
		if et.Kind() == reflect.Map {
			if len(sch.props) > 0 {
				r.errf(op, loc, "spec object declares properties %v; ours is a map (%s)", specSortedKeys(sch.props), t)
			}
			return
		}
		if len(sch.props) == 0 {
			r.errf(op, loc, "spec object is free-form; ours is struct %s", et)
			return
		}
		if len(goEnum) > 0 {
			r.errf(op, loc, "enum tag on an object")
		}
		r.compareOpen(op, loc, sch, et)
		r.compareFields(op, loc, sch, goFields(et), depth+1)
	default:
		if !specSameSet(sch.enum, goEnum) {
			r.errf(op, loc, "enum: spec %v, ours %v", sch.enum, goEnum)
		}
		if k == "string" {
			r.compareStrings(op, loc, sch, kw)
		}
	}
}

// textLimits are the limits the spec states in words only: the keyword
// they stand for, the wording, and the value (from the wording's number
// when "").
var textLimits = []struct {
	key   string
	re    *regexp.Regexp
	value string
}{
	{"maxItems", regexp.MustCompile(`(?i)\bup to (\d+)\b`), ""},        // "Accepts up to 100 user IDs."
	{"maxItems", regexp.MustCompile(`(?i)\bno more than (\d+)\b`), ""}, // "... and no more than 10 roles."
	{"minItems", regexp.MustCompile(`(?i)\bmust contain at least one\b`), "1"},
	{"maxLength", regexp.MustCompile(`(?i)\bmax length: (\d+)\b`), ""}, // "Max length: 256"
	{"minLength", regexp.MustCompile(`(?i)\bempty string\b.*\bnot allowed\b`), "1"},
}

// limit returns the value the spec gives key: its keyword, else its text.
func (r *conformance) limit(op, loc string, sch *specSchema, key string, keyword *int) *int {
	for _, tl := range textLimits {
		if tl.key != key {
			continue
		}
		m := tl.re.FindStringSubmatch(sch.description)
		if m == nil {
			continue
		}
		v := tl.value
		if v == "" {
			v = m[1]
		}
		n, _ := strconv.Atoi(v)
		if keyword != nil && *keyword != n {
			r.notef(op, loc, "spec %s %d, its text says %d; the keyword wins", key, *keyword, n)
			return keyword
		}
		return &n
	}
	return keyword
}

// compareItems checks an array's minItems and maxItems against the spec's
// keywords or, where the spec only says so in its text ("up to N"), its text.
func (r *conformance) compareItems(op, loc string, sch *specSchema, kw map[string]string) {
	r.compareInt(op, loc, "maxItems", r.limit(op, loc, sch, "maxItems", sch.maxItems), kw)
	r.compareInt(op, loc, "minItems", r.limit(op, loc, sch, "minItems", sch.minItems), kw)
}

// compareStrings checks a string's pattern, minLength and maxLength.
func (r *conformance) compareStrings(op, loc string, sch *specSchema, kw map[string]string) {
	if got := kw["pattern"]; got != sch.pattern {
		r.errf(op, loc, "pattern: spec %q, ours %q", sch.pattern, got)
	}
	r.compareInt(op, loc, "minLength", r.limit(op, loc, sch, "minLength", sch.minLength), kw)
	r.compareInt(op, loc, "maxLength", r.limit(op, loc, sch, "maxLength", sch.maxLength), kw)
}

func (r *conformance) compareInt(op, loc, key string, want *int, kw map[string]string) {
	got, has := kw[key]
	switch {
	case want == nil && has:
		r.errf(op, loc, "%s: spec has none, ours %s", key, got)
	case want != nil && got != strconv.Itoa(*want):
		r.errf(op, loc, "%s: spec %d, ours %q", key, *want, got)
	}
}

var openObjectType = reflect.TypeOf((*OpenObject)(nil)).Elem()

// compareOpen checks that a nested object is open exactly where the spec
// says additionalProperties: true. Where the spec is silent, ours stays
// closed, so a misspelt field is caught rather than sent; that is noted.
func (r *conformance) compareOpen(op, loc string, sch *specSchema, t reflect.Type) {
	open := t.Implements(openObjectType)
	switch {
	case sch.addl == nil:
		if open {
			r.errf(op, loc, "%s implements OpenObject, but the spec does not say additionalProperties: true", t)
		} else {
			r.notef(op, loc, "spec does not say whether extra properties are allowed; ours is closed")
		}
	case *sch.addl && !open:
		r.errf(op, loc, "spec leaves the object open (additionalProperties: true); %s must implement OpenObject", t)
	case !*sch.addl && open:
		r.errf(op, loc, "spec closes the object (additionalProperties: false); %s must not implement OpenObject", t)
	}
}

func describeSchema(s *specSchema) string {
	switch {
	case s.typ == "":
		return "untyped"
	case s.typ == "array" && s.items != nil:
		return "array of " + describeSchema(s.items)
	case len(s.enum) > 0:
		return s.typ + " enum " + strings.Join(s.enum, "|")
	}
	return s.typ
}

func (r *conformance) checkResponse(o specOp, row *Operation) {
	var array, jsonBody bool
	var obj *specSchema
	for _, resp := range o.responses {
		if len(resp.other) > 0 {
			r.notef(o.id, "response."+resp.code, "non-JSON content %v", resp.other)
		}
		if resp.jsonSch == nil {
			continue
		}
		jsonBody = true
		if resp.jsonSch.typ == "array" {
			array = true
		} else {
			obj = resp.jsonSch
		}
	}
	switch {
	case !jsonBody && row.Response != nil:
		r.errf(o.id, "response", "spec 2xx has no content; row Response is %T, want nil", row.Response)
	case jsonBody && row.Response == nil:
		r.errf(o.id, "response", "spec 2xx has a JSON body; row Response is nil")
	case array && row.Method == "GET" && !isListType(row.Response):
		r.errf(o.id, "response", "spec 2xx is a JSON array; row Response %T is not a List (Data, TotalCount)", row.Response)
	case array && row.Method != "GET" && !isItemsType(row.Response):
		r.errf(o.id, "response", "spec 2xx of a %s is a JSON array, not a list; row Response %T is not Items (Data only: its length is no total)", row.Method, row.Response)
	case !array && isListType(row.Response) && obj != nil:
		if obj.props["data"] == nil || obj.props["total_count"] == nil {
			r.errf(o.id, "response", "row Response %T is a List, but the spec 2xx is neither an array nor {data, total_count}", row.Response)
		}
	}
}

// ---- helpers ----

func specSortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func specSameSet(a, b []string) bool {
	sa, sb := map[string]bool{}, map[string]bool{}
	for _, x := range a {
		sa[x] = true
	}
	for _, x := range b {
		sb[x] = true
	}
	return maps.Equal(sa, sb)
}

// TestConformanceCatchesNullableMarks holds the nullable comparison to its
// word: a nullable spec field without the tag, a tagged field the spec does
// not mark, both at the top and inside a nested object, each fail.
func TestConformanceCatchesNullableMarks(t *testing.T) {
	type inner struct {
		Missing *string `json:"missing,omitempty"`
		Extra   *string `json:"extra,omitempty" in:",nullable"`
		Right   *string `json:"right,omitempty" in:",nullable"`
	}
	type req struct {
		Missing *string `json:"missing,omitempty" in:"body"`
		Extra   *string `json:"extra,omitempty" in:"body,nullable"`
		Right   *string `json:"right,omitempty" in:"body,nullable"`
		Saml    *inner  `json:"saml,omitempty" in:"body"`
	}
	str := func(nullable bool) *specSchema {
		return &specSchema{typ: "string", nullable: nullable, required: map[string]bool{}}
	}
	obj := func() *specSchema {
		return &specSchema{typ: "object", required: map[string]bool{}, props: map[string]*specSchema{
			"missing": str(true), "extra": str(false), "right": str(true),
		}}
	}
	body := obj()
	body.props["saml"] = obj()
	r := &conformance{allowUsed: map[string]bool{}, nullable: map[string]int{}}
	r.compareFields("Op", "body", body, goFields(reflect.TypeOf(req{})), 0)
	sort.Strings(r.problems)
	var locs []string
	for _, p := range r.problems {
		loc, _, _ := strings.Cut(p, ": ")
		locs = append(locs, loc)
		if !strings.Contains(p, "nullable: spec") {
			t.Errorf("unexpected problem %q", p)
		}
	}
	want := []string{"Op body.extra", "Op body.missing", "Op body.saml.extra", "Op body.saml.missing"}
	if !slices.Equal(locs, want) {
		t.Errorf("problems at %v, want %v", locs, want)
	}
	if r.nullable["top-level"] != 2 || r.nullable["nested"] != 2 {
		t.Errorf("counted %v nullable fields, want 2 top-level and 2 nested", r.nullable)
	}
}
