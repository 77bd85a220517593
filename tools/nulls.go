package tools

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Clearing fields. Clerk reads a JSON null in a body as "clear this field"
// for the fields its spec marks nullable (a plan's Nullable paths), and the
// update tools take `unset`, a list of those fields' names, so that every
// profile can clear them without type arrays. A null is therefore sent, or
// refused by name, never dropped, with one exception: in the OpenAI strict
// profile every optional property is nullable by the dialect's own rule, and
// there a null means "not given" (clear with unset instead).

// sortNulls splits the nulls normalize took out of the arguments into those
// to send and messages for those to refuse; in the strict profile it keeps
// none and refuses none.
func sortNulls(plan *clerkapi.Plan, nulls []string, p Profile) (send, refuse []string) {
	if p == ProfileOpenAIStrict {
		return nil, nil
	}
	for _, n := range nulls {
		if plan.Nullable(nullKey(n)) {
			send = append(send, n)
		} else {
			refuse = append(refuse, n+": "+clerkapi.NullRefused)
		}
	}
	return send, refuse
}

// requiredGiven drops the "required" complaints about fields taken out as
// nulls to send: a required field Clerk takes null for (create_billing_price
// amount) is given when it is null.
func requiredGiven(msgs, send []string) []string {
	if len(send) == 0 {
		return msgs
	}
	given := map[string]bool{}
	for _, n := range send {
		given[strings.NewReplacer("[", ".", "]", "").Replace(n)+": required"] = true
	}
	return slices.DeleteFunc(msgs, func(m string) bool { return given[m] })
}

// applyNulls puts back the nulls to send and expands the unset argument into
// nulls. It returns a message naming the field when an unset name is also
// given a value (or sits inside an object given as null).
func applyNulls(args clerkapi.Args, send []string) string {
	for _, path := range send {
		if msg := setNull(args, path, false); msg != "" {
			return msg
		}
	}
	raw, ok := args["unset"]
	if !ok {
		return ""
	}
	delete(args, "unset")
	var names []string
	if err := json.Unmarshal(raw, &names); err != nil {
		return "unset: expected an array of field names"
	}
	for _, name := range names {
		if msg := setNull(args, name, true); msg != "" {
			return msg
		}
	}
	return ""
}

// setNull sets the field at path to null, creating the objects on the way.
// For an unset name, a value already there is a contradiction.
func setNull(obj map[string]json.RawMessage, path string, unset bool) string {
	conflict := path + ": named in unset and given a value; either clear it or set it"
	head, rest, nested := strings.Cut(path, ".")
	name, index, isItem := itemOf(head)
	raw, present := obj[name]
	present = present && !isNull(raw)
	if !nested && !isItem {
		if present && unset {
			return conflict
		}
		obj[name] = json.RawMessage("null")
		return ""
	}
	if isItem {
		// Only explicit nulls inside array items come back here; their
		// array and object are there.
		var items []json.RawMessage
		if !present || json.Unmarshal(raw, &items) != nil || index >= len(items) {
			return conflict
		}
		var m map[string]json.RawMessage
		if json.Unmarshal(items[index], &m) != nil {
			return conflict
		}
		if msg := setNull(m, rest, unset); msg != "" {
			return msg
		}
		items[index], _ = json.Marshal(m)
		obj[name], _ = json.Marshal(items)
		return ""
	}
	m := map[string]json.RawMessage{}
	if _, given := obj[name]; given && !present {
		return conflict // its object is given as null
	}
	if present && json.Unmarshal(raw, &m) != nil {
		return conflict
	}
	if msg := setNull(m, rest, unset); msg != "" {
		if unset {
			return conflict
		}
		return msg
	}
	obj[name], _ = json.Marshal(m)
	return ""
}

// itemOf splits "invitations[2]" into its name and index.
func itemOf(seg string) (string, int, bool) {
	name, idx, ok := strings.Cut(seg, "[")
	if !ok {
		return seg, 0, false
	}
	i, err := strconv.Atoi(strings.TrimSuffix(idx, "]"))
	if err != nil {
		return seg, 0, false
	}
	return name, i, true
}

// nullKey turns a value's path into its field's: "invitations[2].notify"
// becomes "invitations[].notify".
func nullKey(path string) string {
	if !strings.Contains(path, "[") {
		return path
	}
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		b.WriteByte(path[i])
		if path[i] == '[' {
			for i+1 < len(path) && path[i+1] != ']' {
				i++
			}
		}
	}
	return b.String()
}

// hasUnset reports whether the tool's input schema takes unset.
func hasUnset(tree map[string]any) bool {
	props, _ := tree["properties"].(map[string]any)
	_, ok := props["unset"]
	return ok
}

func isNull(raw json.RawMessage) bool {
	return string(bytes.TrimSpace(raw)) == "null"
}

// sortedMessages sorts and de-duplicates problem messages.
func sortedMessages(msgs []string) []string {
	slices.Sort(msgs)
	return slices.Compact(msgs)
}
