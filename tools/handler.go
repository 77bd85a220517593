package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/audit"
	"github.com/clerk-mcp/clerk-mcp/schemas"
)

// Handler is the one tool handler behind every operation.
type Handler struct {
	client        *clerkapi.Client
	gate          *Gate
	log           *slog.Logger
	policy        Policy
	elicitTimeout time.Duration
	elicitor      elicitor
	hidePrivate   bool
	maxResult     int
	profile       Profile // forced schema profile; empty: chosen per client
	valid         validators
	calls         sessionCalls
	audit         *audit.Log
	tracer        CallTracer
	defaultCaller string
}

// NewHandler returns a handler for cfg.
func NewHandler(cfg Config) *Handler {
	h := &Handler{client: cfg.Client, gate: cfg.Gate, log: cfg.Logger, policy: cfg.Policy,
		elicitTimeout: cfg.ElicitTimeout, hidePrivate: cfg.HidePrivateMetadata, maxResult: cfg.MaxResultBytes,
		profile: cfg.profile, audit: cfg.Audit, tracer: cfg.Tracer, defaultCaller: cfg.DefaultCaller}
	if h.maxResult == 0 {
		h.maxResult = DefaultMaxResultBytes
	}
	if h.policy == "" {
		h.policy = PolicyAuto
	}
	if h.elicitTimeout <= 0 {
		h.elicitTimeout = 2 * time.Minute
	}
	if h.gate == nil {
		h.gate = NewGate(nil, 0)
	}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	if h.defaultCaller == "" {
		h.defaultCaller = "anonymous"
	}
	return h
}

// For returns the MCP handler function of one operation.
func (h *Handler) For(op *clerkapi.Operation) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return h.Call(ctx, op, rawArguments(req)), nil
	}
}

// Call runs one tool call: decode and validate strictly, gate destructive
// operations, call Clerk, shape the result. Every failure, a panic included,
// comes back as an isError result the model can read.
func (h *Handler) Call(ctx context.Context, op *clerkapi.Operation, raw json.RawMessage) (res *mcp.CallToolResult) {
	start := time.Now()
	ctx, release := h.calls.track(ctx)
	defer release()
	var rec *callRecord // nil unless audited or traced
	if h.audit != nil || h.tracer != nil {
		if ctx, rec = h.startRecord(ctx, op, start); rec != nil {
			defer h.finish(op, rec, start) // runs after the recover below
		}
	}
	defer func() {
		if p := recover(); p != nil {
			h.log.Error("tool panicked", "tool", op.Name, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			res = mcp.NewToolResultError(fmt.Sprintf("internal error in %s; nothing more is known. The server keeps running.", op.Name))
		}
		if h.log.Enabled(ctx, slog.LevelDebug) {
			h.log.Debug("tool call", "tool", op.Name, "caller", Caller(ctx), "error", res.IsError, "duration", time.Since(start))
		}
	}()

	if !callerAllows(ctx, op) {
		rec.outcome("refused", "beyond the caller's scopes")
		return refused(op, "your access token's scopes do not reach this "+string(op.Kind())+" operation; sign in again with a broader scope")
	}
	if res := h.auditRefusal(op); res != nil {
		rec.outcome("refused", "audit log not writable")
		return res
	}
	args, problem := h.decode(op, raw, sessionProfile(ctx, h.profile))
	if problem != "" {
		rec.outcome("invalid", "invalid arguments")
		return mcp.NewToolResultError(problem)
	}
	if rec != nil {
		rec.args = args
	}
	if op.Kind() == clerkapi.Destructive {
		if res := h.confirm(ctx, op, args); res != nil {
			rec.gated()
			return res
		}
	}
	resp, err := h.clientFor(ctx).Do(ctx, op, args)
	rec.sent(resp, err)
	if err != nil {
		return errorResult(op, err)
	}
	return h.shape(op, args, resp)
}

type secretKeyCtx struct{}

// WithSecretKey makes calls served under ctx use a caller's own Clerk secret
// key (hosted deployments with --key-from-request). It is never logged.
func WithSecretKey(ctx context.Context, key string) context.Context {
	return context.WithValue(ctx, secretKeyCtx{}, key)
}

// clientFor returns the client for the caller: the configured one, or a copy
// with the caller's own key.
func (h *Handler) clientFor(ctx context.Context) *clerkapi.Client {
	if key, ok := ctx.Value(secretKeyCtx{}).(string); ok && key != "" && h.client != nil {
		return h.client.WithKey(key)
	}
	return h.client
}

// rawArguments returns the call's arguments as raw JSON, "{}" when absent.
func rawArguments(req mcp.CallToolRequest) json.RawMessage {
	if len(req.Params.RawArguments) > 0 {
		return req.Params.RawArguments
	}
	if req.Params.Arguments == nil {
		return json.RawMessage("{}")
	}
	if raw, ok := req.Params.Arguments.(json.RawMessage); ok {
		return raw
	}
	b, err := json.Marshal(req.Params.Arguments)
	if err != nil {
		return json.RawMessage("null")
	}
	return b
}

// decode checks the arguments against the tool's input schema and splits them
// into a map of raw values. It returns a message naming every bad argument.
// Nulls are sent where Clerk takes them and refused elsewhere, except in the
// OpenAI strict profile p, where they mean "not given" (see nulls.go); an
// update with nothing to send is refused.
func (h *Handler) decode(op *clerkapi.Operation, raw json.RawMessage, p Profile) (clerkapi.Args, string) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		raw = json.RawMessage("{}")
	}
	if raw[0] != '{' {
		return nil, "Invalid arguments for " + op.Name + ": expected a JSON object."
	}
	schema, _ := schemas.Input(op.Name)
	v, err := h.valid.get(op.Name, schema)
	if err != nil {
		panic(fmt.Sprintf("input schema of %s does not compile: %v", op.Name, err))
	}
	var args clerkapi.Args
	if err := json.Unmarshal(raw, &args); err != nil {
		return nil, "Invalid arguments for " + op.Name + ": " + err.Error()
	}
	checked := raw // as sent, unless normalizing changed something
	var nulls []string
	if normalize(v.tree, args, "", &nulls) {
		var err error
		if checked, err = json.Marshal(args); err != nil {
			return nil, "Invalid arguments for " + op.Name + ": " + err.Error()
		}
	}
	send, msgs := sortNulls(op.Plan(), nulls, p)
	if msgs = append(msgs, requiredGiven(v.validate(checked), send)...); len(msgs) > 0 {
		return nil, "Invalid arguments for " + op.Name + ":\n- " + strings.Join(sortedMessages(msgs), "\n- ")
	}
	if msg := applyNulls(args, send); msg != "" {
		return nil, "Invalid arguments for " + op.Name + ":\n- " + msg
	}
	if err := op.CheckChange(args); err != nil {
		msg := err.Error()
		if hasUnset(v.tree) {
			msg += ", or unset"
		}
		return nil, "Invalid arguments for " + op.Name + ":\n- " + msg
	}
	if msgs := clerkapi.CheckRules(op.Name, args); len(msgs) > 0 {
		return nil, "Invalid arguments for " + op.Name + ":\n- " + strings.Join(msgs, "\n- ")
	}
	return args, ""
}

// errorResult turns a failed call into text the model can act on.
func errorResult(op *clerkapi.Operation, err error) *mcp.CallToolResult {
	var (
		apiErr *clerkapi.APIError
		argErr *clerkapi.ArgError
		trErr  *clerkapi.TransportError
	)
	switch {
	case errors.As(err, &apiErr):
		return mcp.NewToolResultError(op.Name + " failed: Clerk answered " + strings.TrimPrefix(apiErr.Error(), "clerk: "))
	case errors.As(err, &argErr):
		return mcp.NewToolResultError("Invalid arguments for " + op.Name + ":\n- " + argErr.Error())
	case errors.As(err, &trErr):
		return mcp.NewToolResultError(op.Name + " failed: " + strings.TrimPrefix(trErr.Error(), "clerk: ") + ". Nothing is known about whether Clerk applied it.")
	case errors.Is(err, context.Canceled):
		return mcp.NewToolResultError(op.Name + " was cancelled.")
	}
	return mcp.NewToolResultError(op.Name + " failed: " + strings.TrimPrefix(err.Error(), "clerk: "))
}
