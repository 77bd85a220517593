package tools

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

var (
	readersOnce sync.Once
	readers     map[string]*clerkapi.Operation // GET path template -> operation
)

// identityOp finds the read operation for a destructive operation's target:
// the GET at the same path, or at the nearest parent path, whose path
// parameters the call supplies (DELETE /users/{user_id} and
// POST /users/{user_id}/ban both name GET /users/{user_id}).
func identityOp(op *clerkapi.Operation) *clerkapi.Operation {
	readersOnce.Do(func() {
		readers = map[string]*clerkapi.Operation{}
		cat := clerkapi.Catalog()
		for i := range cat {
			if cat[i].Method == "GET" && strings.Contains(cat[i].Path, "{") && !cat[i].Secret {
				readers[cat[i].Path] = &cat[i]
			}
		}
	})
	for p := op.Path; strings.Contains(p, "{"); {
		if r, ok := readers[p]; ok && r != op {
			return r
		}
		i := strings.LastIndexByte(p, '/')
		if i <= 0 {
			break
		}
		p = p[:i]
	}
	return nil
}

// A namer says how to name the targets under a path when the path walk
// finds no single object to read there: read is the read-only tool to call,
// with holds its arguments as JSON in which {param} stands for the call's
// argument of that name, match names the call's argument that is the id of
// the wanted item when read answers a list (key is the item's field that
// holds that id, "id" when empty; dots step into objects), and user names a field of the
// answer holding a user id, read with get_user to name the person behind it.
type namer struct {
	read  string
	with  map[string]string
	match string
	key   string
	user  string
}

// namers, by path template (the destructive operation's path or a parent).
var namers = map[string]namer{
	"/organizations/{organization_id}/memberships/{user_id}": {read: "list_organization_memberships", with: map[string]string{"organization_id": "{organization_id}", "user_id": "[{user_id}]"}, match: "user_id", key: "public_user_data.user_id"},
	"/allowlist_identifiers/{identifier_id}":                 {read: "list_allowlist_identifiers", with: map[string]string{"limit": "500"}, match: "identifier_id"},
	"/blocklist_identifiers/{identifier_id}":                 {read: "list_blocklist_identifiers", match: "identifier_id"},
	"/invitations/{invitation_id}":                           {read: "list_invitations", with: map[string]string{"query": "{invitation_id}"}, match: "invitation_id"},
	"/sessions/{session_id}":                                 {read: "get_session", with: map[string]string{"session_id": "{session_id}"}, user: "user_id"},
}

// namerFor finds how to name op's target: the table's entry for its path or
// nearest parent, else the GET at the same path or nearest parent whose
// path parameters the call supplies (DELETE /users/{user_id} and
// POST /users/{user_id}/ban both read GET /users/{user_id}).
func namerFor(op *clerkapi.Operation) (namer, bool) {
	for p := op.Path; strings.Contains(p, "{"); p = p[:strings.LastIndexByte(p, '/')] {
		if n, ok := namers[p]; ok {
			return n, true
		}
	}
	r := identityOp(op)
	if r == nil {
		return namer{}, false
	}
	n := namer{read: r.Name, with: map[string]string{}}
	for _, prm := range r.Plan().Params {
		if prm.In == "path" {
			n.with[prm.Name] = "{" + prm.Name + "}"
		}
	}
	return n, true
}

// errUnknownTarget is identify's answer when Clerk answers 404 to the read
// of the target: Clerk has no such object, and a token for it is useless.
type errUnknownTarget struct{ what string }

func (e errUnknownTarget) Error() string { return "Clerk has no " + e.what }

// identify names the target for the preview with at most two read-only
// requests: a user's name and primary email, an organization's name, a
// member and the organization, an identifier, an invitation's email, the
// person behind a session. A failed read never fails the preview (it says
// the target could not be read), except a 404 to the first read: then the
// error is an errUnknownTarget. It returns "" when there is nothing to read.
func (h *Handler) identify(ctx context.Context, op *clerkapi.Operation, args clerkapi.Args) (string, error) {
	n, ok := namerFor(op)
	if !ok || h.client == nil {
		return "", nil
	}
	r, ok := clerkapi.Lookup(n.read)
	if !ok {
		return "", nil
	}
	sub := clerkapi.Args{}
	for k, tmpl := range n.with {
		v, ok := fill(tmpl, args)
		if !ok {
			return "", nil
		}
		sub[k] = v
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	resp, err := h.clientFor(ctx).Do(ctx, r, sub)
	if err != nil {
		if e, ok := err.(*clerkapi.APIError); ok && e.Status == 404 {
			if what := unknownTarget(r, args); what != "" {
				return "", errUnknownTarget{what}
			}
		}
		return "a target that could not be read (" + readFailure(r, err) + ")", nil
	}
	body := resp.Body
	if n.match != "" {
		var id string
		if json.Unmarshal(args[n.match], &id) != nil {
			return "", nil
		}
		if body = findItem(body, cmp.Or(n.key, "id"), id); body == nil {
			return "a target " + r.Name + " does not list (" + n.match + " " + strconv.Quote(id) + ")", nil
		}
	}
	out := summarize(body)
	if n.user == "" {
		return out, nil
	}
	var o map[string]any
	_ = json.Unmarshal(body, &o)
	uid, _ := o[n.user].(string)
	getUser, ok := clerkapi.Lookup("get_user")
	if uid == "" || !ok {
		return out, nil
	}
	uidJSON, _ := json.Marshal(uid)
	uresp, err := h.clientFor(ctx).Do(ctx, getUser, clerkapi.Args{"user_id": uidJSON})
	if err != nil {
		return out + " of user " + uid + " who could not be read (" + readFailure(getUser, err) + ")", nil
	}
	return out + " of " + summarize(uresp.Body), nil
}

// unknownTarget names what a 404 to read r says Clerk does not have: the
// object its last path parameter names ("user \"user_1\""), or "" when r
// has no path parameter (a 404 there is not about the target).
func unknownTarget(r *clerkapi.Operation, args clerkapi.Args) string {
	last := ""
	for _, prm := range r.Plan().Params {
		if prm.In == "path" {
			last = prm.Name
		}
	}
	if last == "" {
		return ""
	}
	var id string
	if json.Unmarshal(args[last], &id) != nil {
		return ""
	}
	return strings.ReplaceAll(strings.TrimSuffix(last, "_id"), "_", " ") + " " + strconv.Quote(id)
}

// readFailure says why a read failed without echoing the answer's text.
func readFailure(r *clerkapi.Operation, err error) string {
	if e, ok := err.(*clerkapi.APIError); ok {
		return "HTTP " + strconv.Itoa(e.Status) + " on " + r.Name
	}
	return r.Name + " failed"
}

// fill renders a namer's argument template: each {name} replaced by the
// call's argument of that name, as JSON; false when the call lacks one.
func fill(tmpl string, args clerkapi.Args) (json.RawMessage, bool) {
	var sb strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			sb.WriteString(tmpl)
			return json.RawMessage(sb.String()), true
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			return nil, false
		}
		raw, ok := args[tmpl[i+1:i+j]]
		if !ok {
			return nil, false
		}
		sb.WriteString(tmpl[:i])
		sb.Write(raw)
		tmpl = tmpl[i+j+1:]
	}
}

// findItem returns the item of a list answer (an array, or an object whose
// data is one) whose field key (dots step into objects) is id, or nil.
func findItem(body []byte, key, id string) []byte {
	var items []json.RawMessage
	if json.Unmarshal(body, &items) != nil {
		var page struct {
			Data []json.RawMessage `json:"data"`
		}
		if json.Unmarshal(body, &page) != nil {
			return nil
		}
		items = page.Data
	}
	for _, it := range items {
		var v any
		if json.Unmarshal(it, &v) != nil {
			continue
		}
		for _, k := range strings.Split(key, ".") {
			m, _ := v.(map[string]any)
			v = m[k]
		}
		if s, _ := v.(string); s == id {
			return it
		}
	}
	return nil
}

// summarize renders the identifying fields of a Clerk object in one line:
// its kind and id, a person's name and email, then named fields; the person
// and organization nested in a membership are named the same way.
func summarize(body []byte) string {
	var o map[string]any
	if json.Unmarshal(body, &o) != nil {
		return ""
	}
	out := nameObject(o)
	for _, n := range []struct{ field, say string }{{"public_user_data", "member"}, {"organization", "in"}} {
		if m, ok := o[n.field].(map[string]any); ok {
			if d := nameObject(m); d != "" {
				out += " " + n.say + " " + d
			}
		}
	}
	if len(out) > 300 {
		out = out[:300] + "…"
	}
	return strings.TrimSpace(out)
}

func nameObject(o map[string]any) string {
	str := func(k string) string {
		s, _ := o[k].(string)
		return s
	}
	var parts []string
	if head := strings.TrimSpace(str("object") + " " + str("id")); head != "" {
		parts = append(parts, head)
	}
	if name := strings.TrimSpace(str("first_name") + " " + str("last_name")); name != "" {
		parts = append(parts, name)
	}
	if email := primaryEmail(o); email != "" {
		parts = append(parts, "<"+email+">")
	}
	for _, k := range []string{"username", "name", "slug", "email_address", "phone_number", "identifier", "key", "url", "status"} {
		if v := str(k); v != "" {
			parts = append(parts, fmt.Sprintf("%s=%q", k, v))
		}
	}
	return strings.Join(parts, " ")
}

func primaryEmail(o map[string]any) string {
	primary, _ := o["primary_email_address_id"].(string)
	list, _ := o["email_addresses"].([]any)
	for _, e := range list {
		m, _ := e.(map[string]any)
		if id, _ := m["id"].(string); id == primary {
			s, _ := m["email_address"].(string)
			return s
		}
	}
	return ""
}
