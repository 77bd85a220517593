package tools

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/mark3labs/mcp-go/mcp"

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
		why := h.cannotElicit(ctx)
		if why == "" {
			return h.ask(ctx, op, canon, request, identity)
		}
		if h.policy == PolicyElicit {
			return refused(op, "this server requires the user's confirmation through the client (MCP elicitation), but "+why)
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

// ask puts the preview to the human, at every protocol revision (elicit.go).
func (h *Handler) ask(ctx context.Context, op *clerkapi.Operation, canon []byte, request, identity string) *mcp.CallToolResult {
	return h.elicit(ctx, op, canon, elicitMessage(op, request, identity))
}

func refused(op *clerkapi.Operation, why string) *mcp.CallToolResult {
	return mcp.NewToolResultError("Refused " + op.Name + ": " + why + ". Nothing was sent to Clerk.")
}
