package tools

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/sandbox"
)

// resourceClient is mcp-go's client on a server wired to a fresh sandbox
// (as --sandbox wires it), with the default surface unless sel says.
func resourceClient(t *testing.T, cfg clerkapi.Config, sel *Selection, hidePrivate bool) (*client.Client, context.Context) {
	t.Helper()
	if sel == nil {
		sel = &Selection{}
	}
	srv, err := NewServer(ServerConfig{
		Config:    Config{Client: clerkapi.New(cfg), HidePrivateMetadata: hidePrivate},
		Version:   "resources-test",
		Selection: sel,
	})
	require.NoError(t, err)
	c, err := client.NewInProcessClient(srv)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	require.NoError(t, c.Start(ctx))
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "resources-test", Version: "0"}
	res, err := c.Initialize(ctx, init)
	require.NoError(t, err)
	require.NotNil(t, res.Capabilities.Resources, "resources capability declared")
	require.NotNil(t, res.Capabilities.Completions, "completions capability declared")
	return c, ctx
}

// seededUser is a sandbox user with an email: its ID and primary email.
func seededUser(t *testing.T, c *client.Client, ctx context.Context) (id, email string) {
	t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name = "list_users"
	req.Params.Arguments = map[string]any{"limit": 50}
	res, err := c.CallTool(ctx, req)
	require.NoError(t, err)
	require.False(t, res.IsError)
	raw, _ := json.Marshal(res.StructuredContent)
	var page struct {
		Data []map[string]any `json:"data"`
	}
	require.NoError(t, json.Unmarshal(raw, &page))
	for _, u := range page.Data {
		if e := itemValue(u, []string{"primary_email"}); e != "" && !strings.HasPrefix(e, "a") {
			return u["id"].(string), e
		}
	}
	t.Fatal("no seeded user with an email")
	return "", ""
}

func complete(t *testing.T, c *client.Client, ctx context.Context, ref any, name, value string) []string {
	t.Helper()
	req := mcp.CompleteRequest{}
	req.Params.Ref = ref
	req.Params.Argument = mcp.CompleteArgument{Name: name, Value: value}
	res, err := c.Complete(ctx, req)
	require.NoError(t, err)
	return res.Completion.Values
}

func TestResourceTemplatesListed(t *testing.T) {
	c, ctx := resourceClient(t, sandbox.New().Config(), nil, false)
	tl, err := c.ListResourceTemplates(ctx, mcp.ListResourceTemplatesRequest{})
	require.NoError(t, err)
	var uris []string
	for _, tp := range tl.ResourceTemplates {
		uris = append(uris, tp.URITemplate.Raw())
		assert.Equal(t, "application/json", tp.MIMEType)
		assert.NotEmpty(t, tp.Description)
	}
	slices.Sort(uris)
	assert.Equal(t, []string{"clerk://organizations/{organization_id}", "clerk://users/{user_id}"}, uris)
	rl, err := c.ListResources(ctx, mcp.ListResourcesRequest{})
	require.NoError(t, err)
	require.Len(t, rl.Resources, 1)
	assert.Equal(t, "clerk://instance", rl.Resources[0].URI)

	// Excluding the read tool hides its resource, and its completions.
	c, ctx = resourceClient(t, sandbox.New().Config(), &Selection{Exclude: []string{"get_user", "get_instance"}}, false)
	tl, err = c.ListResourceTemplates(ctx, mcp.ListResourceTemplatesRequest{})
	require.NoError(t, err)
	require.Len(t, tl.ResourceTemplates, 1)
	assert.Equal(t, "clerk://organizations/{organization_id}", tl.ResourceTemplates[0].URITemplate.Raw())
	rl, err = c.ListResources(ctx, mcp.ListResourcesRequest{})
	require.NoError(t, err)
	assert.Empty(t, rl.Resources)
	assert.Empty(t, complete(t, c, ctx, mcp.ResourceReference{Type: "ref/resource", URI: "clerk://users/{user_id}"}, "user_id", ""))
	_, err = c.ReadResource(ctx, mcp.ReadResourceRequest{Params: mcp.ReadResourceParams{URI: "clerk://users/user_x"}})
	assert.Error(t, err, "no template, no read")
}

func TestResourceCompletions(t *testing.T) {
	c, ctx := resourceClient(t, sandbox.New().Config(), nil, false)
	id, email := seededUser(t, c, ctx)
	users := mcp.ResourceReference{Type: "ref/resource", URI: "clerk://users/{user_id}"}
	prefix := email[:4]
	got := complete(t, c, ctx, users, "user_id", prefix)
	assert.Contains(t, got, id, "a prefix of %s completes to its user's ID", email)
	assert.LessOrEqual(t, len(got), completionLimit)
	assert.NotContains(t, complete(t, c, ctx, users, "user_id", "zzzz-nobody"), id)
	assert.NotEmpty(t, complete(t, c, ctx, users, "user_id", ""), "nothing typed: a few users")
	assert.Empty(t, complete(t, c, ctx, users, "email", prefix), "not a variable of the template")

	// Organizations by slug prefix.
	req := mcp.CallToolRequest{}
	req.Params.Name = "list_organizations"
	res, err := c.CallTool(ctx, req)
	require.NoError(t, err)
	raw, _ := json.Marshal(res.StructuredContent)
	var orgs struct {
		Data []struct{ ID, Slug string } `json:"data"`
	}
	require.NoError(t, json.Unmarshal(raw, &orgs))
	require.NotEmpty(t, orgs.Data)
	org := orgs.Data[0]
	assert.Contains(t, complete(t, c, ctx, mcp.ResourceReference{Type: "ref/resource", URI: "clerk://organizations/{organization_id}"}, "organization_id", org.Slug[:3]), org.ID)

	// The prompts' arguments: people get emails and slugs, roles their keys.
	assert.Contains(t, complete(t, c, ctx, mcp.PromptReference{Type: "ref/prompt", Name: "offboard_user"}, "user", prefix), email)
	assert.Contains(t, complete(t, c, ctx, mcp.PromptReference{Type: "ref/prompt", Name: "find_user_summary"}, "identifier", prefix), email)
	assert.Contains(t, complete(t, c, ctx, mcp.PromptReference{Type: "ref/prompt", Name: "audit_organization"}, "organization", org.Slug[:3]), org.Slug)
	assert.Contains(t, complete(t, c, ctx, mcp.PromptReference{Type: "ref/prompt", Name: "invite_members_bulk"}, "role", "org:"), "org:admin")
	assert.Empty(t, complete(t, c, ctx, mcp.PromptReference{Type: "ref/prompt", Name: "offboard_user"}, "reason", "x"), "free text: nothing to complete")
	assert.Empty(t, complete(t, c, ctx, mcp.PromptReference{Type: "ref/prompt", Name: "offboard_user"}, "organization", "a"), "not an argument of that prompt")
}

// Every prompt argument that names a user, an organization or a role is
// completed; the table cannot drift from the prompts.
func TestPromptArgumentsComplete(t *testing.T) {
	free := map[string]bool{"reason": true, "emails": true}
	for _, p := range prompts {
		for _, a := range p.args {
			_, ok := promptCompletions[a.name]
			assert.True(t, ok || free[a.name], "%s.%s has no completion (add it to promptCompletions, or to free text here)", p.name, a.name)
		}
	}
}

func TestReadUserResource(t *testing.T) {
	for _, hide := range []bool{false, true} {
		c, ctx := resourceClient(t, sandbox.New().Config(), nil, hide)
		id, email := seededUser(t, c, ctx)
		res, err := c.ReadResource(ctx, mcp.ReadResourceRequest{Params: mcp.ReadResourceParams{URI: "clerk://users/" + id}})
		require.NoError(t, err)
		require.Len(t, res.Contents, 1)
		tc, ok := res.Contents[0].(mcp.TextResourceContents)
		require.True(t, ok)
		assert.Equal(t, "clerk://users/"+id, tc.URI)
		assert.Equal(t, "application/json", tc.MIMEType)
		assert.Contains(t, tc.Text, email)

		// The same text the get_user tool gives: one pipeline, one shaping.
		req := mcp.CallToolRequest{}
		req.Params.Name = "get_user"
		req.Params.Arguments = map[string]any{"user_id": id}
		call, err := c.CallTool(ctx, req)
		require.NoError(t, err)
		assert.Equal(t, call.Content[0].(mcp.TextContent).Text, tc.Text)
		if hide {
			assert.NotContains(t, tc.Text, "private_metadata", "--hide-private-metadata holds for resources")
		}
	}
	c, ctx := resourceClient(t, sandbox.New().Config(), nil, false)
	_, err := c.ReadResource(ctx, mcp.ReadResourceRequest{Params: mcp.ReadResourceParams{URI: "clerk://users/user_doesnotexist"}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "get_user failed", "Clerk's 404 comes back as an error")

	res, err := c.ReadResource(ctx, mcp.ReadResourceRequest{Params: mcp.ReadResourceParams{URI: "clerk://instance"}})
	require.NoError(t, err)
	require.Len(t, res.Contents, 1)
	assert.Contains(t, res.Contents[0].(mcp.TextResourceContents).Text, "{")
}

// A slow Clerk does not hold a completion: it answers nothing within the
// bound, and a resource read names Clerk's failure.
func TestCompletionIsBounded(t *testing.T) {
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(release); slow.Close() })
	c, ctx := resourceClient(t, clerkapi.Config{BaseURL: slow.URL, SecretKey: "sk_test_x", MaxRetries: -1}, nil, false)
	start := time.Now()
	got := complete(t, c, ctx, mcp.ResourceReference{Type: "ref/resource", URI: "clerk://users/{user_id}"}, "user_id", "ann")
	assert.Empty(t, got)
	assert.Less(t, time.Since(start), completionTimeout+time.Second, "bounded by completionTimeout")
}
