package tools

import (
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
	Confirm              string `json:"confirm"`
	ExpiresAt            string `json:"expires_at"`
}

// confirm is the confirmation gate of destructive operations, in one place.
// Without a `confirm` argument it returns a preview with a token bound to the
// tool and arguments; with one it verifies the token and returns nil to let
// the call run. Either way a refusal makes no request to Clerk.
func (h *Handler) confirm(op *clerkapi.Operation, args clerkapi.Args) *mcp.CallToolResult {
	raw, given := args["confirm"]
	delete(args, "confirm")
	canon, err := canonical(args)
	if err != nil {
		return mcp.NewToolResultError("Invalid arguments for " + op.Name + ": " + err.Error())
	}
	target, err := clerkapi.ExpandPath(op.Path, args)
	if err != nil {
		return mcp.NewToolResultError("Invalid arguments for " + op.Name + ":\n- " + err.Error())
	}
	request := op.Method + " " + target
	if !given {
		token, exp := h.gate.Issue(op.Name, canon)
		p := Preview{
			Tool:      op.Name,
			Request:   request,
			Confirm:   token,
			ExpiresAt: exp.UTC().Format(time.RFC3339),
		}
		p.ConfirmationRequired = true
		b, _ := json.Marshal(p)
		text := fmt.Sprintf("NOT EXECUTED: %s is destructive (%s). Confirm with the user, then call %s again with the same arguments and confirm: %q (single use, expires %s).",
			op.Name, request, op.Name, token, p.ExpiresAt)
		return &mcp.CallToolResult{
			Content:           []mcp.Content{mcp.NewTextContent(text)},
			StructuredContent: json.RawMessage(b),
		}
	}
	var token string
	if err := json.Unmarshal(raw, &token); err != nil {
		return mcp.NewToolResultError("Refused " + op.Name + ": confirm must be the token string from the preview. Nothing was sent to Clerk.")
	}
	if err := h.gate.Verify(op.Name, canon, token); err != nil {
		return mcp.NewToolResultError(fmt.Sprintf("Refused %s: %v. Nothing was sent to Clerk. Call %s without confirm to get a new preview and token.", op.Name, err, op.Name))
	}
	return nil
}
