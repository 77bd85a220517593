package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Preview is the result of a destructive call made without confirmation:
// nothing was sent to Clerk.
type Preview struct {
	Executed             bool   `json:"executed"`
	ConfirmationRequired bool   `json:"confirmation_required"`
	Tool                 string `json:"tool"`
	Request              string `json:"request"`
	Target               string `json:"target,omitempty"`
	Confirm              string `json:"confirm"`
	ExpiresAt            string `json:"expires_at"`
}

// elicitor asks the human on the other side of the client.
type elicitor interface {
	RequestElicitation(ctx context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error)
}

// confirm is the confirmation gate of destructive operations, in one place.
// It returns nil to let the call run, or the result that stands instead of
// it: a preview with a token, or a refusal. Either way nothing is sent to
// Clerk except, for the preview, a read of the target's identity.
func (h *Handler) confirm(ctx context.Context, op *clerkapi.Operation, args clerkapi.Args) *mcp.CallToolResult {
	raw, given := args["confirm"]
	delete(args, "confirm")
	if h.policy == PolicyOff {
		return nil
	}
	canon, err := canonical(args)
	if err != nil {
		return mcp.NewToolResultError("Invalid arguments for " + op.Name + ": " + err.Error())
	}
	target, err := clerkapi.ExpandPath(op.Path, args)
	if err != nil {
		return mcp.NewToolResultError("Invalid arguments for " + op.Name + ":\n- " + err.Error())
	}
	request := op.Method + " " + target
	if given {
		if h.policy == PolicyElicit {
			return refused(op, "this server confirms destructive calls with the user through the client, not with tokens")
		}
		var token string
		if err := json.Unmarshal(raw, &token); err != nil {
			return refused(op, "confirm must be the token string from the preview")
		}
		if err := h.gate.Verify(op.Name, canon, token); err != nil {
			return refused(op, err.Error()+"; call "+op.Name+" without confirm to get a new preview and token")
		}
		return nil
	}
	identity := h.identify(ctx, op, args)
	if h.policy == PolicyAuto || h.policy == PolicyElicit {
		if supportsElicitation(ctx) && h.elicitor != nil {
			return h.ask(ctx, op, request, identity)
		}
		if h.policy == PolicyElicit {
			return refused(op, "this server requires the user's confirmation through the client (MCP elicitation), which this client does not support")
		}
	}
	token, exp := h.gate.Issue(op.Name, canon)
	p := Preview{
		ConfirmationRequired: true,
		Tool:                 op.Name,
		Request:              request,
		Target:               identity,
		Confirm:              token,
		ExpiresAt:            exp.UTC().Format(time.RFC3339),
	}
	b, _ := json.Marshal(p)
	about := ""
	if identity != "" {
		about = " on " + identity
	}
	text := fmt.Sprintf("NOT EXECUTED: %s is destructive (%s%s). Confirm with the user, then call %s again with the same arguments and confirm: %q (single use, expires %s).",
		op.Name, request, about, op.Name, token, p.ExpiresAt)
	return &mcp.CallToolResult{
		Content:           []mcp.Content{mcp.NewTextContent(text)},
		StructuredContent: Structured(b),
	}
}

// ask puts the preview to the human and waits, up to the elicit timeout.
func (h *Handler) ask(ctx context.Context, op *clerkapi.Operation, request, identity string) *mcp.CallToolResult {
	msg := fmt.Sprintf("Allow %s? It is destructive: %s", op.Name, request)
	if identity != "" {
		msg += " on " + identity
	}
	ctx, cancel := context.WithTimeout(ctx, h.elicitTimeout)
	defer cancel()
	res, err := h.elicitor.RequestElicitation(ctx, mcp.ElicitationRequest{
		Params: mcp.ElicitationParams{
			Message: msg + ".",
			RequestedSchema: map[string]any{
				"type": "object",
				"properties": map[string]any{
					"confirm": map[string]any{"type": "boolean", "title": "Run " + op.Name, "description": "Yes to run it, no to cancel."},
				},
				"required": []string{"confirm"},
			},
		},
	})
	switch {
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		return refused(op, fmt.Sprintf("the user did not answer the confirmation request within %s", h.elicitTimeout))
	case err != nil:
		return refused(op, "the confirmation request to the user failed: "+err.Error())
	case res.Action != mcp.ElicitationResponseActionAccept:
		return refused(op, "the user "+string(res.Action)+"d the confirmation request")
	}
	if m, ok := res.Content.(map[string]any); !ok || m["confirm"] != true {
		return refused(op, "the user answered no")
	}
	return nil
}

// supportsElicitation reports whether the calling client declared the
// elicitation capability (mcp-go would otherwise wait for an answer that
// never comes).
func supportsElicitation(ctx context.Context) bool {
	s, ok := server.ClientSessionFromContext(ctx).(server.SessionWithClientInfo)
	return ok && s.GetClientCapabilities().Elicitation != nil
}

func refused(op *clerkapi.Operation, why string) *mcp.CallToolResult {
	return mcp.NewToolResultError("Refused " + op.Name + ": " + why + ". Nothing was sent to Clerk.")
}

// canonical renders arguments with sorted keys at every level and no
// insignificant space, so the same arguments always bind the same token.
func canonical(args map[string]json.RawMessage) ([]byte, error) {
	tree := make(map[string]any, len(args))
	for k, raw := range args {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		tree[k] = v
	}
	return json.Marshal(tree)
}
