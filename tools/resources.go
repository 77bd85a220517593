package tools

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Resources let a person @-mention a Clerk user, organization or the
// instance in clients that support MCP resources, and completions fill in
// their IDs (and the prompts' arguments) from a few typed letters. Both are
// read-only and run through the same pipeline as the tools: a resource read
// is the matching read tool's call (validation, the Clerk client, filters
// such as --hide-private-metadata, result shaping); a completion is a small
// list call. Each is offered only when the surface reaches its tool.

// resourceDef is one resource: the read tool behind it and, for a template,
// its variable (the tool's argument of the same name).
type resourceDef struct {
	uri, name, description string
	tool                   string
	variable               string // "" : a fixed resource
}

var resourceDefs = []resourceDef{
	{uri: "clerk://users/{user_id}", name: "Clerk user", tool: "get_user", variable: "user_id",
		description: "A Clerk user: identifiers, sign-in methods, status and metadata."},
	{uri: "clerk://organizations/{organization_id}", name: "Clerk organization", tool: "get_organization", variable: "organization_id",
		description: "A Clerk organization (by ID or slug): name, slug, members count, metadata."},
	{uri: "clerk://instance", name: "Clerk instance", tool: "get_instance",
		description: "The Clerk instance's settings."},
}

// completionLimit is how many values a completion offers; completionTimeout
// bounds the Clerk call behind it.
const (
	completionLimit   = 8
	completionTimeout = 2 * time.Second
)

// completer looks values up with a list tool: query gets what was typed,
// value picks each item's completion (the first non-empty of its fields).
type completer struct {
	tool   string
	fields []string
}

var (
	completeUserID = completer{"list_users", []string{"id"}}
	completeOrgID  = completer{"list_organizations", []string{"id"}}
	// For prompts a person reads the value: an email or slug beats an ID.
	completeUser = completer{"list_users", []string{"primary_email", "username", "id"}}
	completeOrg  = completer{"list_organizations", []string{"slug", "id"}}
	completeRole = completer{"list_organization_roles", []string{"key"}}
)

// templateCompletions: template URI → variable → completer.
var templateCompletions = map[string]map[string]completer{
	"clerk://users/{user_id}":                 {"user_id": completeUserID},
	"clerk://organizations/{organization_id}": {"organization_id": completeOrgID},
}

// promptCompletions: prompt argument name → completer (the same name means
// the same thing in every prompt; held by TestPromptArgumentsComplete).
var promptCompletions = map[string]completer{
	"identifier":   completeUser,
	"user":         completeUser,
	"organization": completeOrg,
	"role":         completeRole,
}

// resources serves resource reads and completions for one surface.
type resources struct {
	h       *Handler
	surface *Surface
}

// RegisterResources adds the resources whose read tool the surface
// reaches, and completions for their variables and the prompts' arguments.
func RegisterResources(s *server.MCPServer, surface *Surface, cfg Config) {
	r := &resources{h: NewHandler(cfg), surface: surface}
	for _, d := range resourceDefs {
		if _, ok := surface.Allowed(d.tool); !ok {
			continue
		}
		if d.variable == "" {
			s.AddResource(mcp.NewResource(d.uri, d.name, mcp.WithResourceDescription(d.description), mcp.WithMIMEType("application/json")), r.read(d))
			continue
		}
		s.AddResourceTemplate(mcp.NewResourceTemplate(d.uri, d.name, mcp.WithTemplateDescription(d.description), mcp.WithTemplateMIMEType("application/json")),
			server.ResourceTemplateHandlerFunc(r.read(d)))
	}
	server.WithCompletions()(s)
	server.WithResourceCompletionProvider(r)(s)
	server.WithPromptCompletionProvider(r)(s)
}

// read calls the resource's read tool with the URI's variable.
func (r *resources) read(d resourceDef) server.ResourceHandlerFunc {
	return func(ctx context.Context, req mcp.ReadResourceRequest) ([]mcp.ResourceContents, error) {
		op, _ := r.surface.Allowed(d.tool)
		args := map[string]string{}
		if d.variable != "" {
			v, _ := req.Params.Arguments[d.variable].(string)
			if v == "" {
				// mcp-go passes a template's variables as []string.
				if vs, ok := req.Params.Arguments[d.variable].([]string); ok && len(vs) == 1 {
					v = vs[0]
				}
			}
			if v == "" {
				return nil, fmt.Errorf("%s: the URI names no %s (%s)", req.Params.URI, d.variable, d.uri)
			}
			args[d.variable] = v
		}
		raw, _ := json.Marshal(args)
		res := r.h.Call(ctx, op, raw)
		text := resultText(res)
		if res.IsError {
			return nil, errors.New(text)
		}
		return []mcp.ResourceContents{mcp.TextResourceContents{URI: req.Params.URI, MIMEType: "application/json", Text: text}}, nil
	}
}

func resultText(res *mcp.CallToolResult) string {
	if len(res.Content) > 0 {
		if t, ok := res.Content[0].(mcp.TextContent); ok {
			return t.Text
		}
	}
	return ""
}

// CompleteResourceArgument completes a template's variable.
func (r *resources) CompleteResourceArgument(ctx context.Context, uri string, arg mcp.CompleteArgument, _ mcp.CompleteContext) (*mcp.Completion, error) {
	c, ok := templateCompletions[uri][arg.Name]
	if !ok || !r.offers(uri) {
		return &mcp.Completion{Values: []string{}}, nil
	}
	return r.complete(ctx, c, arg.Value)
}

// CompletePromptArgument completes a prompt's argument.
func (r *resources) CompletePromptArgument(ctx context.Context, prompt string, arg mcp.CompleteArgument, _ mcp.CompleteContext) (*mcp.Completion, error) {
	c, ok := promptCompletions[arg.Name]
	if !ok || !promptHasArg(prompt, arg.Name) {
		return &mcp.Completion{Values: []string{}}, nil
	}
	return r.complete(ctx, c, arg.Value)
}

// offers reports whether the template is served (its read tool reached).
func (r *resources) offers(uri string) bool {
	for _, d := range resourceDefs {
		if d.uri == uri {
			_, ok := r.surface.Allowed(d.tool)
			return ok
		}
	}
	return false
}

func promptHasArg(prompt, arg string) bool {
	for _, p := range prompts {
		if p.name == prompt {
			for _, a := range p.args {
				if a.name == arg {
					return true
				}
			}
		}
	}
	return false
}

// complete lists a few items matching prefix (Clerk's query: a partial match
// on email, name, username, slug or ID, so "ann" finds ann@example.com and
// Ann Lee alike) and offers each one's value. No values when the surface
// does not reach the list tool, or Clerk does not answer in time: a
// completion is a convenience, never an error for the person typing.
func (r *resources) complete(ctx context.Context, c completer, prefix string) (*mcp.Completion, error) {
	none := &mcp.Completion{Values: []string{}}
	op, ok := r.surface.Allowed(c.tool)
	if !ok {
		return none, nil
	}
	ctx, cancel := context.WithTimeout(ctx, completionTimeout)
	defer cancel()
	args := map[string]any{"limit": completionLimit}
	if prefix = strings.TrimSpace(prefix); prefix != "" {
		args["query"] = prefix
	}
	raw, _ := json.Marshal(args)
	args2, problem := r.h.decode(op, raw, ProfileCanonical)
	if problem != "" {
		return none, nil
	}
	resp, err := r.h.clientFor(ctx).Do(ctx, op, args2)
	if err != nil {
		r.h.log.Debug("completion failed", "tool", op.Name, "error", err)
		return none, nil
	}
	var page struct {
		Data       []map[string]any `json:"data"`
		TotalCount int              `json:"total_count"`
	}
	if json.Unmarshal(resp.Body, &page) != nil {
		if json.Unmarshal(resp.Body, &page.Data) != nil {
			return none, nil
		}
	}
	out := &mcp.Completion{Values: []string{}}
	for _, item := range page.Data {
		if v := itemValue(item, c.fields); v != "" {
			out.Values = append(out.Values, v)
		}
	}
	if page.TotalCount > len(page.Data) {
		out.Total, out.HasMore = page.TotalCount, true
	}
	return out, nil
}

// itemValue is the first non-empty of the item's fields; primary_email is
// the address whose id is primary_email_address_id.
func itemValue(item map[string]any, fields []string) string {
	for _, f := range fields {
		if f == "primary_email" {
			primary, _ := item["primary_email_address_id"].(string)
			addrs, _ := item["email_addresses"].([]any)
			for _, a := range addrs {
				if m, ok := a.(map[string]any); ok && m["id"] == primary {
					if e, _ := m["email_address"].(string); e != "" {
						return e
					}
				}
			}
			continue
		}
		if s, _ := item[f].(string); s != "" {
			return s
		}
	}
	return ""
}
