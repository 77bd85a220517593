package tools

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Confirmation by elicitation, at every protocol revision we serve.
//
// Before 2026-07-28 the server asks with a server-initiated
// elicitation/create and the call waits for the answer, up to the elicit
// timeout. From 2026-07-28 on, server-initiated requests are gone (SEP-2322):
// the call answers input_required, carrying the question and a request state,
// and the client retries the same call with the human's answer and the state.
// The state is a Gate token bound to the tool, the canonical arguments, the
// caller and a deadline one elicit timeout away; it is accepted once, so a
// forged, altered, replayed, late or transplanted state runs nothing.
//
// mcp-go's own bridge (a handler that always answers input_required, which
// mcp-go turns into elicitation/create for older clients) is not used: it waits
// for the answer on the request's context with no bound, so an unanswered
// question would hold the call for ever.

// confirmInput is the key of the confirmation question in inputRequests and
// of its answer in inputResponses.
const confirmInput = "confirm"

// ErrStateMalformed and ErrStateExpired are request-state refusals; the
// others are the Gate's.
var (
	ErrStateMalformed = errors.New("the confirmation request state is malformed")
	ErrStateExpired   = errors.New("the confirmation request state has expired")
)

// callInfo is what a tool call brings besides its arguments that the
// confirmation needs: a retry's answers.
type callInfo struct {
	roundTrip *mcp.MultiRoundTripParams
}

type callInfoKey struct{}

// carryCallInfo is the tool handler middleware that hands a retried call's
// answers (SEP-2322) to the gate. It adds nothing to a plain call.
func carryCallInfo(next server.ToolHandlerFunc) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if rt := req.Params.MultiRoundTripParams; len(rt.InputResponses) > 0 || rt.RequestState != "" {
			info := &callInfo{roundTrip: &mcp.MultiRoundTripParams{InputResponses: rt.InputResponses, RequestState: rt.RequestState}}
			ctx = context.WithValue(ctx, callInfoKey{}, info)
		}
		return next(ctx, req)
	}
}

// elicitParams is the elicitation request: the message and a yes/no form.
func elicitParams(op *clerkapi.Operation, message string) mcp.ElicitationParams {
	return mcp.ElicitationParams{
		Message: message,
		RequestedSchema: map[string]any{
			"type": "object",
			"properties": map[string]any{
				"confirm": map[string]any{"type": "boolean", "title": "Run " + op.Name, "description": "Yes to run it, no to cancel."},
			},
			"required": []string{"confirm"},
		},
	}
}

// elicit asks the human to confirm op with canonical arguments canon. It
// returns nil to let the call run, or the result that stands instead of it:
// a question (input_required) or a refusal.
func (h *Handler) elicit(ctx context.Context, op *clerkapi.Operation, canon []byte, message string) *mcp.CallToolResult {
	params := elicitParams(op, message)
	if !mcp.IsModernProtocol(server.RequestProtocolVersion(ctx)) {
		return h.elicitNow(ctx, op, params)
	}
	info, _ := ctx.Value(callInfoKey{}).(*callInfo)
	if info == nil || info.roundTrip == nil {
		state := h.issueState(ctx, op, canon)
		noteConfirm(ctx, "elicitation", "asked", "")
		return server.NewInputRequestBuilder(state).Elicit(confirmInput, params).ToolResult()
	}
	if err := h.verifyState(ctx, op, canon, info.roundTrip.RequestState); err != nil {
		noteConfirm(ctx, "elicitation", "refused", err.Error())
		return refused(op, err.Error()+"; "+callAgain(ctx, op)+" without inputResponses and requestState to be asked anew")
	}
	answer := server.ElicitationResponse(info.roundTrip.InputResponses, confirmInput)
	if answer == nil {
		noteConfirm(ctx, "elicitation", "refused", "no readable answer")
		return refused(op, `the retried call carries no readable answer under inputResponses["`+confirmInput+`"]`)
	}
	return judge(ctx, op, answer)
}

// elicitNow asks with a server-initiated elicitation/create (protocol
// revisions before 2026-07-28) and waits up to the elicit timeout.
func (h *Handler) elicitNow(ctx context.Context, op *clerkapi.Operation, params mcp.ElicitationParams) *mcp.CallToolResult {
	ctx, cancel := context.WithTimeout(ctx, h.elicitTimeout)
	defer cancel()
	res, err := h.elicitor.RequestElicitation(ctx, mcp.ElicitationRequest{Params: params})
	switch {
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		noteConfirm(ctx, "elicitation", "timeout", "")
		return refused(op, fmt.Sprintf("the user did not answer the confirmation request within %s", h.elicitTimeout))
	case err != nil:
		noteConfirm(ctx, "elicitation", "refused", "the confirmation request failed")
		return refused(op, "the confirmation request to the user failed: "+err.Error())
	case res == nil:
		noteConfirm(ctx, "elicitation", "refused", "no answer")
		return refused(op, "the client returned no answer to the confirmation request")
	}
	return judge(ctx, op, res)
}

// judge lets the call run only on an accepted "yes".
func judge(ctx context.Context, op *clerkapi.Operation, res *mcp.ElicitationResult) *mcp.CallToolResult {
	switch res.Action {
	case mcp.ElicitationResponseActionAccept:
	case mcp.ElicitationResponseActionDecline:
		noteConfirm(ctx, "elicitation", "declined", "")
		return refused(op, "the user declined the confirmation request")
	case mcp.ElicitationResponseActionCancel:
		noteConfirm(ctx, "elicitation", "cancelled", "")
		return refused(op, "the user cancelled the confirmation request")
	default:
		noteConfirm(ctx, "elicitation", "refused", "unknown answer action")
		return refused(op, fmt.Sprintf("the answer to the confirmation request has no known action (%q)", res.Action))
	}
	if m, ok := res.Content.(map[string]any); !ok || m["confirm"] != true {
		noteConfirm(ctx, "elicitation", "declined", "the user answered no")
		return refused(op, "the user answered no")
	}
	noteConfirm(ctx, "elicitation", "accepted", "")
	return nil
}

// A request state is the deadline (Unix milliseconds, 8 bytes, base64url),
// a dot, and a Gate token over the call's scope (the tool under a purpose of
// its own, so a state is never a confirm token nor the reverse; the Clerk
// key, the MCP session and the caller) and the arguments with the deadline
// appended; the Gate's own expiry (--confirm-ttl) applies as well.
func (h *Handler) issueState(ctx context.Context, op *clerkapi.Operation, canon []byte) string {
	var d [8]byte
	binary.BigEndian.PutUint64(d[:], uint64(time.Now().Add(h.elicitTimeout).UnixMilli()))
	token, _ := h.gate.Issue(h.stateScope(ctx, op, canon, d[:]))
	return base64.RawURLEncoding.EncodeToString(d[:]) + "." + token
}

// stateScope is the Gate scope of a request state.
func (h *Handler) stateScope(ctx context.Context, op *clerkapi.Operation, canon, deadline []byte) Scope {
	s := h.scope(ctx, op, stateCanon(canon, deadline))
	s.Tool = "elicitation-state:" + op.Name
	return s
}

func (h *Handler) verifyState(ctx context.Context, op *clerkapi.Operation, canon []byte, state string) error {
	// Strict: a state has one spelling (unused low bits in the last
	// character would otherwise give each state several).
	head, token, ok := strings.Cut(state, ".")
	d, err := base64.RawURLEncoding.Strict().DecodeString(head)
	_, terr := base64.RawURLEncoding.Strict().DecodeString(token)
	if !ok || err != nil || terr != nil || len(d) != 8 {
		return ErrStateMalformed
	}
	if err := h.gate.VerifyContext(ctx, h.stateScope(ctx, op, canon, d), token); err != nil {
		if errors.Is(err, ErrTokenMalformed) {
			return ErrStateMalformed
		}
		return stateError(err)
	}
	if time.Now().UnixMilli() >= int64(binary.BigEndian.Uint64(d)) {
		return ErrStateExpired
	}
	return nil
}

// stateError rewords the Gate's token refusals for a request state.
func stateError(err error) error {
	switch {
	case errors.Is(err, ErrTokenMismatch):
		return errors.New("the confirmation request state is not valid for this tool, these arguments and this caller")
	case errors.Is(err, ErrTokenExpired):
		return ErrStateExpired
	case errors.Is(err, ErrTokenUsed):
		return errors.New("the confirmation request state was already used")
	}
	return err
}

func stateCanon(canon, deadline []byte) []byte {
	out := make([]byte, 0, len(canon)+1+len(deadline))
	out = append(append(append(out, canon...), 0), deadline...)
	return out
}

// cannotElicit says why the human cannot be asked on this call, or "" when
// they can: the client declared elicitation (in this request's _meta from
// 2026-07-28 on, at initialize before) and the transport can carry the
// question. From 2026-07-28 on every transport can (the question is in the
// result); before, the server must send a request on the session, which
// stateless streamable HTTP has not, and which mcp-go v1.2.1's SSE session
// cannot send.
func (h *Handler) cannotElicit(ctx context.Context) string {
	const undeclared = "this client did not declare the elicitation capability"
	if h.elicitor == nil {
		return "this server has no way to reach the client"
	}
	if info := server.RequestProtocolInfoFromContext(ctx); info != nil && info.Modern {
		if info.ClientCapabilities == nil || info.ClientCapabilities.Elicitation == nil {
			return undeclared
		}
		return ""
	}
	s := server.ClientSessionFromContext(ctx)
	if s == nil || s.SessionID() == "" {
		return "this transport keeps no session (stateless HTTP), so before protocol revision " + mcp.ProtocolVersion20260728 + " the server cannot ask the client"
	}
	if c, ok := s.(server.SessionWithClientInfo); !ok || c.GetClientCapabilities().Elicitation == nil {
		return undeclared
	}
	if _, ok := s.(server.SessionWithElicitation); !ok {
		return "this transport (SSE) cannot send the client a request before protocol revision " + mcp.ProtocolVersion20260728 + "; use streamable HTTP or a client of " + mcp.ProtocolVersion20260728
	}
	return ""
}
