package tools

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
)

// elicitFunc answers the server's elicitation requests in tests.
type elicitFunc func(ctx context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error)

func (f elicitFunc) Elicit(ctx context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	return f(ctx, req)
}

func answer(action mcp.ElicitationResponseAction, content any) elicitFunc {
	return func(context.Context, mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
		return &mcp.ElicitationResult{ElicitationResponse: mcp.ElicitationResponse{Action: action, Content: content}}, nil
	}
}

// mcpSession starts an in-process MCP client (declaring elicitation when
// elicit is set) against a server on a fake Clerk.
func mcpSession(t *testing.T, cfg Config, elicit client.ElicitationHandler) (*client.Client, *fakeclerk.Server) {
	t.Helper()
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	cfg.Client = clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: goldenKey, MaxRetries: -1})
	s, err := NewServer(ServerConfig{Config: cfg})
	require.NoError(t, err)
	var opts []client.ClientOption
	if elicit != nil {
		opts = append(opts, client.WithElicitationHandler(elicit))
	}
	c, err := client.NewInProcessClientWithOptions(s, opts...)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	ctx := context.Background()
	require.NoError(t, c.Start(ctx))
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "test", Version: "1"}
	if elicit != nil {
		init.Params.Capabilities.Elicitation = &mcp.ElicitationCapability{}
	}
	_, err = c.Initialize(ctx, init)
	require.NoError(t, err)
	return c, fake
}

func callTool(t *testing.T, c *client.Client, name string, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	req.Params.Arguments = args
	res, err := c.CallTool(context.Background(), req)
	require.NoError(t, err)
	return res
}

func writes(f *fakeclerk.Server) int {
	n := 0
	for _, r := range f.Requests() {
		if r.Method != "GET" {
			n++
		}
	}
	return n
}

func TestElicitation(t *testing.T) {
	slow := elicitFunc(func(ctx context.Context, _ mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	})
	cases := []struct {
		name    string
		handler client.ElicitationHandler
		runs    bool
		want    string
		waits   bool
	}{
		{"accept runs the call once", answer(mcp.ElicitationResponseActionAccept, map[string]any{"confirm": true}), true, "", false},
		{"accept with no refuses", answer(mcp.ElicitationResponseActionAccept, map[string]any{"confirm": false}), false, "answered no", false},
		{"decline refuses", answer(mcp.ElicitationResponseActionDecline, nil), false, "declined", false},
		{"cancel refuses", answer(mcp.ElicitationResponseActionCancel, nil), false, "cancel", false},
		{"no answer in time refuses", slow, false, "did not answer", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var asked string
			h := c.handler
			wrapped := elicitFunc(func(ctx context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
				asked = req.Params.Message
				return h.Elicit(ctx, req)
			})
			timeout := 10 * time.Second // generous: only the slow case waits it out
			if c.waits {
				timeout = 100 * time.Millisecond
			}
			cl, fake := mcpSession(t, Config{ElicitTimeout: timeout}, wrapped)
			res := callTool(t, cl, "delete_user", map[string]any{"user_id": "user_1"})
			assert.Contains(t, asked, "DELETE /users/user_1")
			if c.runs {
				assert.False(t, res.IsError, "%v", res.Content)
				assert.Equal(t, 1, writes(fake))
				return
			}
			require.True(t, res.IsError)
			assert.Contains(t, text(res), c.want)
			assert.Contains(t, text(res), "Nothing was sent to Clerk")
			assert.Zero(t, writes(fake))
		})
	}
}

func TestConfirmPolicies(t *testing.T) {
	yes := answer(mcp.ElicitationResponseActionAccept, map[string]any{"confirm": true})
	t.Run("elicit fails closed without client support", func(t *testing.T) {
		cl, fake := mcpSession(t, Config{Policy: PolicyElicit}, nil)
		res := callTool(t, cl, "delete_user", map[string]any{"user_id": "user_1"})
		require.True(t, res.IsError)
		assert.Contains(t, text(res), "elicitation")
		assert.Zero(t, writes(fake))
	})
	t.Run("elicit refuses tokens", func(t *testing.T) {
		cl, fake := mcpSession(t, Config{Policy: PolicyElicit}, yes)
		res := callTool(t, cl, "delete_user", map[string]any{"user_id": "user_1", "confirm": "AAAAAAAAAAAAAAAAAAAAAAAAAAA"})
		require.True(t, res.IsError)
		assert.Zero(t, writes(fake))
	})
	t.Run("auto falls back to a token without client support", func(t *testing.T) {
		cl, fake := mcpSession(t, Config{Policy: PolicyAuto}, nil)
		res := callTool(t, cl, "delete_user", map[string]any{"user_id": "user_1"})
		require.False(t, res.IsError)
		assert.Contains(t, text(res), "NOT EXECUTED")
		assert.Zero(t, writes(fake))
	})
	t.Run("token never asks the human", func(t *testing.T) {
		asked := false
		cl, fake := mcpSession(t, Config{Policy: PolicyToken}, elicitFunc(func(ctx context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
			asked = true
			return yes(ctx, req)
		}))
		res := callTool(t, cl, "delete_user", map[string]any{"user_id": "user_1"})
		assert.Contains(t, text(res), "NOT EXECUTED")
		assert.False(t, asked)
		assert.Zero(t, writes(fake))
	})
	t.Run("off runs at once", func(t *testing.T) {
		cl, fake := mcpSession(t, Config{Policy: PolicyOff}, nil)
		res := callTool(t, cl, "delete_user", map[string]any{"user_id": "user_1"})
		assert.False(t, res.IsError)
		assert.Equal(t, 1, writes(fake))
	})
	for _, in := range []string{"auto", "token", "elicit", "off", ""} {
		_, err := ParsePolicy(in)
		assert.NoError(t, err, in)
	}
	_, err := ParsePolicy("maybe")
	assert.ErrorContains(t, err, "--confirm must be")
}

func TestPrivateMetadataCanBeHidden(t *testing.T) {
	cl, fake := mcpSession(t, Config{HidePrivateMetadata: true}, nil)
	fake.Respond(fakeclerk.Response{Status: 200, Body: []byte(`{"id":"user_1","private_metadata":{"ssn":"123"},"organization":{"private_metadata":{"x":1},"name":"n"}}`)})
	res := callTool(t, cl, "get_user", map[string]any{"user_id": "user_1"})
	require.False(t, res.IsError)
	assert.NotContains(t, text(res), "private_metadata")
	b, _ := json.Marshal(res.StructuredContent)
	assert.NotContains(t, string(b), "private_metadata")
	assert.Contains(t, string(b), `"name":"n"`)
}

func TestSecretResultsCarryANotice(t *testing.T) {
	cl, fake := mcpSession(t, Config{}, nil)
	fake.Respond(fakeclerk.Response{Status: 200, Body: []byte(`{"id":"ak_1","secret":"ak_secret_value"}`)})
	res := callTool(t, cl, "create_api_key", map[string]any{"name": "ci-key", "subject": "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk"})
	require.False(t, res.IsError, text(res))
	assert.Contains(t, text(res), "ak_secret_value", "one-time secrets are never masked")
	assert.Contains(t, text(res), SecretNotice)
	plain := callTool(t, cl, "get_user", map[string]any{"user_id": "user_1"})
	assert.NotContains(t, text(plain), SecretNotice)
}
