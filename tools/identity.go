package tools

import (
	"context"
	"encoding/json"
	"fmt"
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

// identify fetches a short identity of the target, read-only, for the
// preview: a user's name and primary email, an organization's name and slug.
// It returns "" when there is nothing to read or the read fails.
func (h *Handler) identify(ctx context.Context, op *clerkapi.Operation, args clerkapi.Args) string {
	r := identityOp(op)
	if r == nil || h.client == nil {
		return ""
	}
	sub := clerkapi.Args{}
	for _, prm := range r.Plan().Params {
		if prm.In == "path" {
			sub[prm.Name] = args[prm.Name]
		}
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	resp, err := h.clientFor(ctx).Do(ctx, r, sub)
	if err != nil {
		if e, ok := err.(*clerkapi.APIError); ok && e.Status == 404 {
			return "a target Clerk does not know (404 on " + r.Name + ")"
		}
		return ""
	}
	return summarize(resp.Body)
}

// summarize renders the identifying fields of a Clerk object in one line.
func summarize(body []byte) string {
	var o map[string]any
	if json.Unmarshal(body, &o) != nil {
		return ""
	}
	str := func(k string) string {
		s, _ := o[k].(string)
		return s
	}
	parts := []string{strings.TrimSpace(str("object") + " " + str("id"))}
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
	out := strings.Join(parts, " ")
	if len(out) > 240 {
		out = out[:240] + "…"
	}
	return strings.TrimSpace(out)
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
