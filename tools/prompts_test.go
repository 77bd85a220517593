package tools

import (
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

func getPrompt(t *testing.T, c *client.Client, name string, args map[string]string) (string, error) {
	t.Helper()
	req := mcp.GetPromptRequest{}
	req.Params.Name = name
	req.Params.Arguments = args
	res, err := c.GetPrompt(context.Background(), req)
	if err != nil {
		return "", err
	}
	require.Len(t, res.Messages, 1)
	assert.Equal(t, mcp.RoleUser, res.Messages[0].Role)
	tc, ok := res.Messages[0].Content.(mcp.TextContent)
	require.True(t, ok, "a text message")
	return tc.Text, nil
}

// fullArgs gives every argument of a prompt a value.
func fullArgs(p promptDef) map[string]string {
	args := map[string]string{}
	for _, a := range p.args {
		args[a.name] = "value-of-" + a.name
	}
	return args
}

func TestPromptsAreListedWithTheirArguments(t *testing.T) {
	c, _ := discoverySession(t, Selection{})
	res, err := c.ListPrompts(context.Background(), mcp.ListPromptsRequest{})
	require.NoError(t, err)
	got := map[string]mcp.Prompt{}
	for _, p := range res.Prompts {
		got[p.Name] = p
	}
	for _, name := range []string{"find_user_summary", "offboard_user", "audit_organization", "invite_members_bulk", "troubleshoot_sign_in"} {
		assert.Contains(t, got, name)
	}
	require.Len(t, got, len(prompts))
	for _, p := range prompts {
		lp := got[p.name]
		assert.NotEmpty(t, lp.Title, p.name)
		assert.NotEmpty(t, lp.Description, p.name)
		require.Len(t, lp.Arguments, len(p.args), p.name)
		for i, a := range p.args {
			assert.Equal(t, a.name, lp.Arguments[i].Name, p.name)
			assert.Equal(t, a.required, lp.Arguments[i].Required, "%s.%s", p.name, a.name)
			assert.NotEmpty(t, lp.Arguments[i].Description, "%s.%s", p.name, a.name)
		}
	}
	assert.Equal(t, []mcp.PromptArgument{{Name: "identifier", Description: "Email address, username, phone number or user ID (user_…) of the user", Required: true}}, got["find_user_summary"].Arguments)
	assert.Equal(t, []string{"user", "reason"}, []string{got["offboard_user"].Arguments[0].Name, got["offboard_user"].Arguments[1].Name})
	assert.Equal(t, "organization", got["audit_organization"].Arguments[0].Name)
}

func TestPromptsRender(t *testing.T) {
	c, fake := discoverySession(t, Selection{})
	for _, p := range prompts {
		args := fullArgs(p)
		text, err := getPrompt(t, c, p.name, args)
		require.NoError(t, err, p.name)
		for _, v := range args {
			assert.Contains(t, text, v, "%s uses its arguments", p.name)
		}
		assert.Contains(t, text, "Tools on this server:", p.name)
		for _, tool := range p.tools {
			assert.Contains(t, text, "`"+tool+"`", p.name)
		}
	}
	assert.Zero(t, fake.Count(), "rendering a prompt calls nothing")

	text, err := getPrompt(t, c, "offboard_user", map[string]string{"user": "ann@example.com"})
	require.NoError(t, err)
	assert.Contains(t, text, "Offboard the Clerk user “ann@example.com”.")
	assert.NotContains(t, text, "Reason given", "an optional argument left out")
	assert.Contains(t, text, "ask for an explicit yes", "destructive steps go through the human")
	assert.Contains(t, text, "Never fill in confirm on your own")
	for _, step := range []string{"`revoke_session`", "`delete_organization_membership`", "`ban_user`"} {
		assert.Contains(t, text, step)
	}
	assert.Less(t, strings.Index(text, "3. Revoke"), strings.Index(text, "4. Remove"))
	assert.Less(t, strings.Index(text, "4. Remove"), strings.Index(text, "5. Ban"))

	text, err = getPrompt(t, c, "invite_members_bulk", map[string]string{"organization": "acme", "emails": "a@x.io, b@x.io"})
	require.NoError(t, err)
	assert.Contains(t, text, "with the role “org:member”: a@x.io, b@x.io", "the role defaults to org:member")
}

func TestPromptsSayHowEachToolIsReached(t *testing.T) {
	// Default surface: the everyday tools are listed, the rest go through call_operation.
	c, _ := discoverySession(t, Selection{})
	text, err := getPrompt(t, c, "audit_organization", map[string]string{"organization": "org_1"})
	require.NoError(t, err)
	listed, viaCall, _ := toolLines(text)
	assert.Contains(t, listed, "`get_organization`")
	assert.Contains(t, viaCall, "`list_organization_domains`", "not in the default set")
	assert.NotContains(t, listed, "`list_organization_domains`")

	// Every tool listed, no discovery.
	c, _ = discoverySession(t, Selection{Toolsets: []string{"all"}, NoDiscovery: true})
	text, err = getPrompt(t, c, "audit_organization", map[string]string{"organization": "org_1"})
	require.NoError(t, err)
	listed, viaCall, missing := toolLines(text)
	assert.Contains(t, listed, "`list_organization_domains`")
	assert.Empty(t, viaCall)
	assert.Empty(t, missing)

	// Read-only without discovery: the destructive steps are not there.
	c, _ = discoverySession(t, Selection{ReadOnly: true, NoDiscovery: true})
	text, err = getPrompt(t, c, "offboard_user", map[string]string{"user": "user_1"})
	require.NoError(t, err)
	listed, _, missing = toolLines(text)
	assert.Contains(t, listed, "`get_user`")
	assert.Contains(t, missing, "`ban_user`")
	assert.Contains(t, missing, "`revoke_session`")
}

// toolLines returns the three availability lines of a rendered prompt.
func toolLines(text string) (listed, viaCall, missing string) {
	for _, l := range strings.Split(text[strings.Index(text, "Tools on this server:"):], "\n") {
		switch {
		case strings.HasPrefix(l, "- listed"):
			listed = l
		case strings.HasPrefix(l, "- not listed"):
			viaCall = l
		case strings.HasPrefix(l, "- not available"):
			missing = l
		}
	}
	return
}

func TestPromptsRejectMissingArguments(t *testing.T) {
	c, _ := discoverySession(t, Selection{})
	for _, p := range prompts {
		for _, a := range p.args {
			if !a.required {
				continue
			}
			for _, empty := range []bool{false, true} {
				args := fullArgs(p)
				if empty {
					args[a.name] = "  "
				} else {
					delete(args, a.name)
				}
				_, err := getPrompt(t, c, p.name, args)
				require.Error(t, err, "%s without %s", p.name, a.name)
				assert.Contains(t, err.Error(), `prompt `+p.name+` needs the argument "`+a.name+`"`)
			}
		}
		args := fullArgs(p)
		args["bogus"] = "x"
		_, err := getPrompt(t, c, p.name, args)
		require.Error(t, err)
		assert.Contains(t, err.Error(), `prompt `+p.name+` has no argument "bogus"`)
	}
	_, err := getPrompt(t, c, "no_such_prompt", nil)
	assert.ErrorContains(t, err, "not found")
}

// Every tool a prompt names exists, and every snake_case word in a prompt is
// a tool or a field the API knows: a renamed tool or argument breaks this
// test, not the prompt.
func TestPromptsNameOnlyRealToolsAndFields(t *testing.T) {
	tools := map[string]bool{}
	fields := map[string]bool{"next_offset": true, "total_count": true}
	for _, op := range clerkapi.Catalog() {
		tools[op.Name] = true
		for _, get := range []func(string) (json.RawMessage, bool){schemas.Input, schemas.Output} {
			if raw, ok := get(op.Name); ok {
				var v any
				require.NoError(t, json.Unmarshal(raw, &v))
				collectProperties(v, fields)
			}
		}
	}
	discovery := map[string]bool{}
	for _, d := range discoveryTools {
		discovery[d.name] = true
	}
	backticked := regexp.MustCompile("`([^`]+)`")
	snake := regexp.MustCompile(`\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b`)

	c, _ := discoverySession(t, Selection{})
	for _, p := range prompts {
		for _, a := range p.args {
			assert.False(t, tools[a.name], "argument %s of %s looks like a tool", a.name, p.name)
		}
		var named []string
		for _, m := range backticked.FindAllStringSubmatch(p.text(fullArgs(p)), -1) {
			assert.True(t, tools[m[1]] || discovery[m[1]], "%s names %q, which is no tool", p.name, m[1])
			if !slices.Contains(named, m[1]) {
				named = append(named, m[1])
			}
		}
		assert.ElementsMatch(t, p.tools, named, "%s: its tool list is the tools its text names", p.name)

		text, err := getPrompt(t, c, p.name, fullArgs(p))
		require.NoError(t, err)
		for _, m := range backticked.FindAllStringSubmatch(text, -1) {
			assert.True(t, tools[m[1]] || discovery[m[1]], "%s names %q, which is no tool", p.name, m[1])
		}
		for _, w := range snake.FindAllString(strings.ReplaceAll(text, "value-of-", ""), -1) {
			if w == p.name {
				continue
			}
			assert.True(t, tools[w] || discovery[w] || fields[w], "%s mentions %q: neither a tool nor a field of the API", p.name, w)
		}
	}
}

func collectProperties(v any, into map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		if props, ok := x["properties"].(map[string]any); ok {
			for k := range props {
				into[k] = true
			}
		}
		for _, c := range x {
			collectProperties(c, into)
		}
	case []any:
		for _, c := range x {
			collectProperties(c, into)
		}
	}
}
