package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/argcheck"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

// The door: every request is read as the operation's arguments, laid out by
// the catalog's request plan (path, query and body fields side by side, the
// shape the MCP tools take), and checked by the same validator and the same
// cross-field rules as the tools (package argcheck, clerkapi.Rules), before
// any handler runs. A direct caller (an app, an SDK, curl) thus meets what
// Clerk would refuse, answered in Clerk's shape with meta.param_name, and
// handlers read typed, checked values only: no group file parses a query
// string.
//
// In the MCP process the check runs too: the request was built from
// arguments the tools already validated, so it passes, and it costs a few
// microseconds (BenchmarkSandboxCall), less than a second code path would
// cost in review.

// doorSchemas are the compiled input schemas, by operation: compiled on an
// operation's first request, so start-up compiles none.
var doorSchemas argcheck.Cache

// open reads the request into c.args (and c.raw, the body's top-level
// fields) and checks it. It returns an *apiError naming the fields at fault.
func (c *call) open() error {
	plan := c.op.Plan()
	raw, ok := schemas.Input(c.op.Name)
	if !ok {
		return fmt.Errorf("no input schema for %s", c.op.Name)
	}
	sch, err := doorSchemas.Get(c.op.Name, raw)
	if err != nil {
		return err
	}
	props, _ := sch.Tree["properties"].(map[string]any)
	var query map[string][]string
	if c.req.URL.RawQuery != "" {
		query = c.req.URL.Query()
	}
	// Maps only where there is something to put: c.query for a query,
	// c.raw for a body (openBody); readers of a nil map find nothing.
	c.args, c.query, c.raw = nil, nil, nil
	if n := len(c.path) + len(query); n > 0 {
		c.args = make(clerkapi.Args, n)
	}
	if len(query) > 0 {
		c.query = make(clerkapi.Args, len(query))
	}
	inst := make(map[string]any, len(c.path)+len(query))
	for name, v := range c.path {
		inst[name] = v
		c.args[name] = argJSON(v)
	}
	for name, vals := range query {
		if name == "paginated" && c.op.Paginated {
			if len(vals) != 1 || (vals[0] != "true" && vals[0] != "false") {
				return errParamInvalid("paginated", "paginated must be true or false.")
			}
			c.paged = vals[0] == "true"
			continue
		}
		prm, ok := plan.Param(name)
		if !ok || prm.In != "query" {
			return errParamUnknown(name)
		}
		v, err := queryValue(prm, props[name], vals)
		if err != nil {
			return err
		}
		inst[name] = v
		c.args[name] = argJSON(v)
		c.query[name] = c.args[name]
	}
	if err := c.openBody(plan, inst); err != nil {
		return err
	}
	problems := sch.Value(inst)
	for _, msg := range clerkapi.CheckRules(c.op.Name, c.args) {
		problems = append(problems, ruleProblem(msg))
	}
	if len(problems) == 0 {
		return nil
	}
	e := refusal(problems)
	if refusedWith400[c.op.Name] {
		for _, x := range append([]*apiError{e}, e.also...) {
			x.status = 400
		}
	}
	return e
}

// openBody reads a JSON body: an object whose fields the operation takes in
// the body, or, for the bulk operations, the whole-body array. Multipart
// uploads are read by upload.
func (c *call) openBody(plan *clerkapi.Plan, inst map[string]any) error {
	body := bytes.TrimSpace(c.body)
	if plan.Multipart() || len(body) == 0 || string(body) == "null" {
		return nil
	}
	if !plan.HasBody() && (c.req.Method == http.MethodGet || c.req.Method == http.MethodDelete) {
		c.body = nil // as Clerk: a body on a GET or DELETE that takes none is not read (Clerk's Go SDK sends one)
		return nil
	}
	if ct := c.req.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			return errBadRequest("malformed_request", "malformed request",
				fmt.Sprintf("The request body must be sent as application/json, not %q.", ct))
		}
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return errBadRequest("malformed_request", "malformed request", "The request body is not valid JSON.")
	}
	if whole := wholeParam(plan); whole != "" {
		if _, ok := doc.([]any); !ok {
			return errBadRequest("malformed_request", "malformed request", "The request body must be a JSON array.")
		}
		if c.args == nil {
			c.args = clerkapi.Args{}
		}
		c.args[whole] = body
		stripNulls(plan, whole, doc)
		inst[whole] = doc
		return nil
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		return errBadRequest("malformed_request", "malformed request", "The request body is not a JSON object.")
	}
	if err := json.Unmarshal(body, &c.raw); err != nil {
		return errBadRequest("malformed_request", "malformed request", "The request body is not a JSON object.")
	}
	if c.args == nil {
		c.args = make(clerkapi.Args, len(obj))
	}
	for k, v := range obj {
		if p, ok := plan.Param(k); !ok || p.In != "body" {
			return errParamUnknown(k)
		}
		c.args[k] = c.raw[k]
		if v == nil && plan.Nullable(k) {
			continue // "clear it": nothing to check
		}
		stripNulls(plan, k, v)
		inst[k] = v
	}
	return nil
}

// argJSON is json.Marshal(v) for a path or query value, without its
// allocations for the common cases: a plain ASCII string (one json.Marshal
// writes unescaped), a number without space around it, a boolean.
func argJSON(v any) []byte {
	switch x := v.(type) {
	case string:
		if plainJSON(x) {
			return append(append(append(make([]byte, 0, len(x)+2), '"'), x...), '"')
		}
	case json.Number:
		if x != "" && (x[0] == '-' || x[0] >= '0' && x[0] <= '9') && x[len(x)-1] >= '0' && x[len(x)-1] <= '9' && json.Valid([]byte(x)) {
			return []byte(x)
		}
	case bool:
		return strconv.AppendBool(nil, x)
	}
	b, _ := json.Marshal(v)
	return b
}

// plainJSON reports whether json.Marshal writes s between quotes as it is:
// printable ASCII, none of " \ and the HTML characters it escapes.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		}
	}
	return true
}

// wholeParam names the argument that is the whole body, if any.
func wholeParam(plan *clerkapi.Plan) string {
	for _, p := range plan.Params {
		if p.Whole {
			return p.Name
		}
	}
	return ""
}

// stripNulls takes out of v (a decoded body field at path) the nulls Clerk
// accepts, at nested fields the plan marks nullable, so the schema checks
// only values. Any other null stays, and fails the schema naming its field.
func stripNulls(plan *clerkapi.Plan, path string, v any) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			p := path + "." + k
			if e == nil && plan.Nullable(p) {
				delete(x, k)
				continue
			}
			stripNulls(plan, p, e)
		}
	case []any:
		for _, e := range x {
			stripNulls(plan, path+"[]", e)
		}
	}
}

// queryValue types one query parameter's text by its schema: numbers and
// booleans as JSON values when they read as such (else the text, which the
// schema then refuses by name), arrays from repeated keys (or, for a comma
// parameter, comma-joined values).
func queryValue(prm clerkapi.Param, schema any, vals []string) (any, error) {
	prop, _ := schema.(map[string]any)
	if prop["type"] == "array" {
		if prm.Comma {
			var split []string
			for _, v := range vals {
				split = append(split, strings.Split(v, ",")...)
			}
			vals = split
		}
		items, _ := prop["items"].(map[string]any)
		out := make([]any, len(vals))
		for i, v := range vals {
			out[i] = scalar(items, v)
		}
		return out, nil
	}
	if len(vals) != 1 {
		return nil, errParamInvalid(prm.Name, fmt.Sprintf("%s takes one value; it was given %d times.", prm.Name, len(vals)))
	}
	return scalar(prop, vals[0]), nil
}

func scalar(prop map[string]any, v string) any {
	switch prop["type"] {
	case "integer", "number":
		if n := json.Number(v); v != "" && (v[0] == '-' || v[0] >= '0' && v[0] <= '9') && json.Valid([]byte(v)) {
			return n
		}
	case "boolean":
		switch v {
		case "true":
			return true
		case "false":
			return false
		}
	}
	return v
}

// ruleProblem reads a cross-field rule's message ("a, b: give at least one
// of them"): its first field is the param_name; a rule that asks for an
// absent field says form_param_missing.
func ruleProblem(msg string) argcheck.Problem {
	fields, text, _ := strings.Cut(msg, ": ")
	field, _, _ := strings.Cut(fields, ", ")
	k := argcheck.Other
	if strings.HasPrefix(text, "give at least one") || strings.HasPrefix(text, "give one of") ||
		strings.HasPrefix(text, "give all of them") || strings.HasPrefix(text, "required") {
		k = argcheck.Missing
	}
	return argcheck.Problem{Field: field, Kind: k, Msg: text}
}

// refusal is Clerk's 422 for the problems found: one error per field, each
// with its code and meta.param_name.
func refusal(problems []argcheck.Problem) *apiError {
	var first *apiError
	seen := map[string]bool{}
	for _, p := range problems {
		if seen[p.Field] {
			continue
		}
		seen[p.Field] = true
		e := problemError(p)
		if first == nil {
			first = e
		} else {
			first.also = append(first.also, e)
		}
	}
	return first
}

func problemError(p argcheck.Problem) *apiError {
	name := clerkParam(p.Field)
	long := name + ": " + p.Msg
	switch p.Kind {
	case argcheck.Missing:
		e := errParamMissing(name)
		if p.Msg != "required" {
			e.long = long
		}
		return e
	case argcheck.Unknown:
		return errParamUnknown(name)
	case argcheck.Enum:
		return &apiError{status: 422, code: "form_param_value_invalid", message: name + " is invalid",
			long: long, meta: map[string]any{"param_name": name}}
	}
	return errParamInvalid(name, long)
}

// clerkParam writes a problem's field as Clerk names nested params: the
// schema's dotted path ("invitations.2.role") with array indexes in
// brackets ("invitations[2].role").
func clerkParam(field string) string {
	parts := strings.Split(field, ".")
	var sb strings.Builder
	for i, p := range parts {
		switch {
		case i > 0 && p != "" && strings.Trim(p, "0123456789") == "":
			sb.WriteString("[" + p + "]")
		case i > 0:
			sb.WriteString("." + p)
		default:
			sb.WriteString(p)
		}
	}
	return sb.String()
}

// refusedWith400 are the operations whose spec documents a 400 and no 422
// for bad parameters: the door refuses them with 400 (same codes), so every
// refusal has a documented status (TestRefusedWith400MatchesSpec).
var refusedWith400 = map[string]bool{
	"attempt_email_address_verification": true, "attempt_phone_number_verification": true, "ban_users": true,
	"create_admin_portal_link_token": true, "create_api_key": true, "create_m2m_token": true, "create_svix_app": true,
	"delete_api_key": true, "delete_directory_group_role_mapping": true, "delete_email_address": true,
	"delete_organization_domain": true, "delete_phone_number": true, "delete_scim_group_role_mapping": true,
	"delete_svix_app": true, "delete_user": true, "delete_user_external_account": true, "delete_user_web3_wallet": true,
	"generate_svix_auth_url": true, "get_api_key": true, "get_api_key_secret": true, "get_client": true,
	"get_email_address": true, "get_machine_secret_key": true, "get_organization_invitation": true,
	"get_phone_number": true, "get_public_interstitial": true, "get_session": true, "get_template": true,
	"get_user": true, "list_api_keys": true, "list_m2m_tokens": true, "list_pending_organization_invitations": true,
	"list_user_organization_invitations": true, "prepare_email_address_verification": true,
	"prepare_phone_number_verification": true, "refresh_session": true, "remove_user_password": true,
	"revert_template": true, "revoke_actor_token": true, "revoke_admin_portal_link_token": true,
	"revoke_agent_task": true, "revoke_api_key": true, "revoke_invitation": true, "revoke_m2m_token": true,
	"revoke_organization_invitation": true, "revoke_session": true, "revoke_sign_in_token": true,
	"set_user_profile_image": true, "toggle_template_delivery": true, "unban_users": true, "update_api_key": true,
	"update_email_address": true, "update_phone_number": true, "upload_oauth_application_logo": true,
	"upload_organization_logo": true, "verify_api_key": true, "verify_client": true, "verify_m2m_token": true,
	"verify_oauth_access_token": true,
}
