package clerkapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// RuleKind is how the fields of a cross-field rule must relate.
type RuleKind string

// The rule kinds. A field is "given" when present with a value other than
// null, "" or [].
const (
	ExactlyOne RuleKind = "exactly one of"
	AtLeastOne RuleKind = "at least one of"
	// AliasPair: a field and its legacy alias; at least one, both only
	// with the same value.
	AliasPair RuleKind = "one of (both only if equal)"
	// Together: all of the fields or none.
	Together RuleKind = "all or none of"
	// SameLength: Fields[0], when non-empty, has one item per item of Fields[1].
	SameLength RuleKind = "one item per item of"
	// UnixMillis: each field, when given, is a time in Unix milliseconds
	// (at least 10^11, i.e. after 1973), not seconds.
	UnixMillis RuleKind = "Unix milliseconds"
	// Requires: when If is given (and equals IfValue, if set), each field is
	// given, or, for a field listed in Allowed, absent or one of its values.
	Requires RuleKind = "requires"
)

// Rule is a constraint across arguments that the spec states in prose.
// Rules is the one table of them; tools check every call against it before
// any request, and schema generation appends Say to the description of each
// field (or, for a nested rule, of the At argument).
type Rule struct {
	Tool    string
	At      string // "" for top-level fields; "x" an object argument; "x[]" each item of an array argument
	Kind    RuleKind
	Fields  []string
	If      string              // Requires: the field that triggers the rule
	IfValue string              // Requires: the JSON value of If that triggers it; "" any given value
	Allowed map[string][]string // Requires: field -> accepted JSON values ("" = absent)
	Say     string              // the rule in a few words, for the descriptions of Targets
}

// Rules are the cross-field rules of the spec's text.
var Rules = []Rule{
	{Tool: "create_agent_task", At: "on_behalf_of", Kind: ExactlyOne, Fields: []string{"user_id", "identifier"},
		Say: "Exactly one of user_id, identifier."},
	{Tool: "create_directory", At: "group_role_mappings[]", Kind: AliasPair, Fields: []string{"directory_group_id", "scim_group_id"},
		Say: "Each: directory_group_id or alias scim_group_id."},
	{Tool: "create_directory_group_role_mapping", Kind: AliasPair, Fields: []string{"directory_group_id", "scim_group_id"},
		Say: "directory_group_id or alias scim_group_id required."},
	{Tool: "replace_directory_group_role_mappings", At: "mappings[]", Kind: AliasPair, Fields: []string{"directory_group_id", "scim_group_id"},
		Say: "Each: directory_group_id or alias scim_group_id."},
	{Tool: "create_saml_connection", Kind: AtLeastOne, Fields: []string{"domain", "domains"},
		Say: "domain or domains required."},
	{Tool: "list_sessions", Kind: AtLeastOne, Fields: []string{"user_id", "client_id"},
		Say: "user_id or client_id required."},
	{Tool: "get_public_interstitial", Kind: AtLeastOne, Fields: []string{"frontend_api", "frontendApi", "publishable_key"},
		Say: "frontend_api, frontendApi or publishable_key required."},
	{Tool: "list_users", Kind: Together, Fields: []string{"provider", "provider_user_id"},
		Say: "Use provider with provider_user_id."},
	{Tool: "count_users", Kind: Together, Fields: []string{"provider", "provider_user_id"},
		Say: "Use provider with provider_user_id."},
	{Tool: "create_jwt_template", Kind: Requires, If: "custom_signing_key", IfValue: "true", Fields: []string{"signing_algorithm", "signing_key"},
		Say: "If custom_signing_key: signing_algorithm+signing_key."},
	{Tool: "update_jwt_template", Kind: Requires, If: "custom_signing_key", IfValue: "true", Fields: []string{"signing_algorithm", "signing_key"},
		Say: "If custom_signing_key: signing_algorithm+signing_key."},
	{Tool: "create_user", Kind: SameLength, Fields: []string{"email_address_identification_status", "email_address"},
		Say: "One status per email_address."},
	{Tool: "create_user", Kind: SameLength, Fields: []string{"phone_number_identification_status", "phone_number"},
		Say: "One status per phone_number."},
	{Tool: "list_users", Kind: Requires, If: "starting_after", Fields: []string{"offset", "order_by"},
		Allowed: map[string][]string{"offset": {"", "0"}, "order_by": {"", `"created_at"`, `"+created_at"`, `"-created_at"`}},
		Say:     "starting_after: offset 0, created_at order only."},
	{Tool: "list_users", Kind: UnixMillis, Fields: userTimeFilters, Say: "Unix ms."},
	{Tool: "count_users", Kind: UnixMillis, Fields: userTimeFilters, Say: "Unix ms."},
	{Tool: "list_organization_memberships", Kind: UnixMillis, Fields: userTimeFilters[:4], Say: "Unix ms."},
	{Tool: "create_enterprise_connection", Kind: Requires, If: "active", IfValue: "true", Fields: []string{"saml"},
		Say: "active true needs saml."},
}

// Targets are the arguments whose descriptions carry the rule: the At
// argument of a nested rule, else every field involved.
func (r *Rule) Targets() []string {
	if r.At != "" {
		return []string{strings.TrimSuffix(r.At, "[]")}
	}
	if r.If != "" {
		return append([]string{r.If}, r.Fields...)
	}
	return r.Fields
}

// userTimeFilters are the time filters of list_users and count_users; the
// first four also filter list_organization_memberships.
var userTimeFilters = []string{"created_at_before", "created_at_after", "last_active_at_before", "last_active_at_after",
	"last_active_at_since", "last_sign_in_at_before", "last_sign_in_at_after"}

// String states the rule in full, e.g. "list_users: starting_after requires
// offset absent or 0, order_by absent or "created_at"...".
func (r *Rule) String() string {
	at := ""
	if r.At != "" {
		at = r.At + ": "
	}
	switch r.Kind {
	case Requires:
		cond := r.If
		if r.IfValue != "" {
			cond += "=" + r.IfValue
		}
		parts := make([]string, len(r.Fields))
		for i, f := range r.Fields {
			parts[i] = f
			if allowed, ok := r.Allowed[f]; ok {
				vals := make([]string, len(allowed))
				for j, a := range allowed {
					if a == "" {
						a = "absent"
					}
					vals[j] = a
				}
				parts[i] += " " + strings.Join(vals, " or ")
			}
		}
		return at + cond + " requires " + strings.Join(parts, ", ")
	case SameLength:
		return at + r.Fields[0] + ", when given, has one item per item of " + r.Fields[1]
	case UnixMillis:
		return at + strings.Join(r.Fields, ", ") + ": Unix milliseconds (≥ 10^11), not seconds"
	}
	return at + string(r.Kind) + " " + strings.Join(r.Fields, ", ")
}

// RulesFor returns the rules of one tool.
func RulesFor(tool string) []Rule {
	var out []Rule
	for _, r := range Rules {
		if r.Tool == tool {
			out = append(out, r)
		}
	}
	return out
}

// CheckRules checks args against the operation's cross-field rules and
// returns one message per broken rule, naming the fields. It expects
// arguments that already passed the input schema.
func CheckRules(tool string, args Args) []string {
	var msgs []string
	for i := range Rules {
		r := &Rules[i]
		if r.Tool != tool {
			continue
		}
		if r.At == "" {
			msgs = r.check("", args, msgs)
			continue
		}
		name, each := strings.CutSuffix(r.At, "[]")
		raw, ok := args[name]
		if !ok {
			continue
		}
		if !each {
			var obj Args
			if json.Unmarshal(raw, &obj) == nil && obj != nil {
				msgs = r.check(name+".", obj, msgs)
			}
			continue
		}
		var items []Args
		if json.Unmarshal(raw, &items) != nil {
			continue
		}
		for j, obj := range items {
			if obj != nil {
				msgs = r.check(name+"["+strconv.Itoa(j)+"].", obj, msgs)
			}
		}
	}
	return msgs
}

// check applies one rule to an object whose fields are named prefix+field.
func (r *Rule) check(prefix string, obj Args, msgs []string) []string {
	names := func(fields []string) string {
		out := make([]string, len(fields))
		for i, f := range fields {
			out[i] = prefix + f
		}
		return strings.Join(out, ", ")
	}
	var given []string
	for _, f := range r.Fields {
		if isGiven(obj[f]) {
			given = append(given, f)
		}
	}
	switch r.Kind {
	case ExactlyOne:
		if len(given) != 1 {
			msgs = append(msgs, fmt.Sprintf("%s: give exactly one of them (got %d)", names(r.Fields), len(given)))
		}
	case AtLeastOne:
		if len(given) == 0 {
			msgs = append(msgs, names(r.Fields)+": give at least one of them")
		}
	case AliasPair:
		switch {
		case len(given) == 0:
			msgs = append(msgs, names(r.Fields)+": give one of them")
		case len(given) > 1 && !sameJSON(obj[r.Fields[0]], obj[r.Fields[1]]):
			msgs = append(msgs, names(r.Fields)+": aliases of one value; give one, or both with the same value")
		}
	case Together:
		if len(given) > 0 && len(given) < len(r.Fields) {
			msgs = append(msgs, fmt.Sprintf("%s: give all of them or none (got only %s)", names(r.Fields), names(given)))
		}
	case SameLength:
		n, m := arrayLen(obj[r.Fields[0]]), arrayLen(obj[r.Fields[1]])
		if n > 0 && n != m {
			msgs = append(msgs, fmt.Sprintf("%s: needs one item per item of %s (got %d for %d)", prefix+r.Fields[0], prefix+r.Fields[1], n, m))
		}
	case UnixMillis:
		for _, f := range given {
			var n float64
			if json.Unmarshal(obj[f], &n) == nil && n < 1e11 {
				msgs = append(msgs, fmt.Sprintf("%s: Unix milliseconds expected; this looks like seconds (got %s)", prefix+f, bytes.TrimSpace(obj[f])))
			}
		}
	case Requires:
		if !isGiven(obj[r.If]) || (r.IfValue != "" && !sameJSON(obj[r.If], json.RawMessage(r.IfValue))) {
			break
		}
		when := prefix + r.If
		if r.IfValue != "" {
			when += "=" + r.IfValue
		}
		for _, f := range r.Fields {
			allowed, limited := r.Allowed[f]
			raw := obj[f]
			switch {
			case !limited && !isGiven(raw):
				msgs = append(msgs, fmt.Sprintf("%s: required with %s", prefix+f, when))
			case limited && !slices.ContainsFunc(allowed, func(a string) bool {
				if a == "" {
					return !isGiven(raw)
				}
				return isGiven(raw) && sameJSON(raw, json.RawMessage(a))
			}):
				want := make([]string, 0, len(allowed))
				for _, a := range allowed {
					if a == "" {
						a = "absent"
					}
					want = append(want, a)
				}
				msgs = append(msgs, fmt.Sprintf("%s: with %s it must be %s (got %s)", prefix+f, when, strings.Join(want, " or "), bytes.TrimSpace(raw)))
			}
		}
	}
	return msgs
}

// isGiven reports a value other than absent, null, "" or [].
func isGiven(raw json.RawMessage) bool {
	switch string(bytes.TrimSpace(raw)) {
	case "", "null", `""`, "[]":
		return false
	}
	return true
}

func arrayLen(raw json.RawMessage) int {
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return 0
	}
	return len(items)
}

// sameJSON compares two JSON values by meaning (10 and 10.0 are the same).
func sameJSON(a, b json.RawMessage) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	xb, _ := json.Marshal(x)
	yb, _ := json.Marshal(y)
	return bytes.Equal(xb, yb)
}
