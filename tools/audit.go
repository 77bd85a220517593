package tools

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/audit"
)

// CallTracer opens a span around each tool call (internal/telemetry
// implements it); the function it returns ends the span with the call's
// record. Nil costs nothing.
type CallTracer interface {
	StartCall(ctx context.Context, op *clerkapi.Operation) (context.Context, func(*audit.Record))
}

type subjectCtx struct{}

type subject struct{ sub, clientID string }

// WithSubject tells the audit trail the OAuth subject and client id of the
// caller (the OAuth layer sets them once it authenticates callers).
func WithSubject(ctx context.Context, sub, clientID string) context.Context {
	return context.WithValue(ctx, subjectCtx{}, subject{sub, clientID})
}

// callRecord is the record of the call being served: the audit record, and
// what the handler learns on the way.
type callRecord struct {
	audit.Record
	audited bool // written to the audit trail (else only traced)
	args    clerkapi.Args
	endSpan func(*audit.Record)
}

type recordCtx struct{}

// startRecord opens the record of a call when the audit trail or the tracer
// wants it; it returns a nil record otherwise.
func (h *Handler) startRecord(ctx context.Context, op *clerkapi.Operation, start time.Time) (context.Context, *callRecord) {
	audited := h.audit != nil && (op.Kind() != clerkapi.Read || h.audit.Reads())
	if !audited && h.tracer == nil {
		return ctx, nil
	}
	r := &callRecord{audited: audited}
	r.Time = start.UTC()
	r.Tool, r.Kind, r.Method, r.Path = op.Name, string(op.Kind()), op.Method, op.Path
	r.Caller = Caller(ctx)
	if r.Caller == "" {
		r.Caller = h.defaultCaller
	}
	if s, ok := ctx.Value(subjectCtx{}).(subject); ok {
		r.Subject, r.ClientID = s.sub, s.clientID
	}
	if sess := server.ClientSessionFromContext(ctx); sess != nil {
		r.Session = sess.SessionID()
	}
	if viaCallOperation(ctx) {
		r.Via = "call_operation"
	}
	if h.tracer != nil {
		ctx, r.endSpan = h.tracer.StartCall(ctx, op)
	}
	return context.WithValue(ctx, recordCtx{}, r), r
}

// finish completes the record from the call's result and writes it.
func (h *Handler) finish(op *clerkapi.Operation, r *callRecord, start time.Time) {
	r.DurationMS = float64(time.Since(start).Microseconds()) / 1000
	if r.Outcome == "" {
		r.Outcome = "error" // a panic, recovered
	}
	if r.args != nil {
		if tree, _, err := canonical(r.args); err == nil {
			delete(tree, "confirm") // a token is never recorded
			r.Arguments = shownArguments(op, tree)
		}
		for _, p := range op.Plan().Params {
			if p.In != "path" {
				continue
			}
			var id string
			if json.Unmarshal(r.args[p.Name], &id) == nil && id != "" {
				if r.Targets == nil {
					r.Targets = map[string]string{}
				}
				r.Targets[p.Name] = id
			}
		}
	}
	if r.endSpan != nil {
		r.endSpan(&r.Record)
	}
	if r.audited {
		_ = h.audit.Write(&r.Record) // a failure is logged by the Log
	}
}

// outcome notes how the call ended.
func (r *callRecord) outcome(outcome, reason string) {
	if r != nil {
		r.Outcome, r.Reason = outcome, reason
	}
}

// sent notes Clerk's answer, or the failure, of the call's request.
func (r *callRecord) sent(resp *clerkapi.Response, err error) {
	if r == nil {
		return
	}
	var apiErr *clerkapi.APIError
	switch {
	case err == nil:
		r.Outcome, r.ClerkStatus, r.ClerkTraceID = "ok", resp.Status, resp.TraceID
	case errors.As(err, &apiErr):
		r.Outcome, r.ClerkStatus, r.ClerkTraceID = "clerk_error", apiErr.Status, apiErr.TraceID
		r.Reason = "HTTP " + strconv.Itoa(apiErr.Status)
		for _, d := range apiErr.Errors {
			r.Reason += " " + d.Code
		}
	case errors.Is(err, context.Canceled):
		r.Outcome = "cancelled"
	default:
		r.Outcome, r.Reason = "failed", "no answer from Clerk"
	}
}

// gated notes that the confirmation gate answered instead of the call.
func (r *callRecord) gated() {
	if r == nil {
		return
	}
	switch c := r.Confirmation; {
	case c == nil:
		r.Outcome = "invalid"
	case c.Outcome == "issued":
		r.Outcome = "preview"
	case c.Outcome == "asked":
		r.Outcome = "asked"
	case c.Reason != "":
		r.Outcome, r.Reason = "refused", c.Reason
	default:
		r.Outcome, r.Reason = "refused", "confirmation "+c.Outcome
	}
}

// noteConfirm records the confirmation's mode and outcome on the call's
// record, if it has one.
func noteConfirm(ctx context.Context, mode, outcome, reason string) {
	if r, _ := ctx.Value(recordCtx{}).(*callRecord); r != nil {
		r.Confirmation = &audit.Confirmation{Mode: mode, Outcome: outcome, Reason: reason}
	}
}

// auditRefusal is the refusal of a change while the audit trail cannot be
// written and --audit-required is set.
func (h *Handler) auditRefusal(op *clerkapi.Operation) *mcp.CallToolResult {
	if h.audit == nil || op.Kind() == clerkapi.Read || !h.audit.Refusing() {
		return nil
	}
	return refused(op, "the audit log cannot be written, and this server makes no change it cannot record (--audit-required)")
}

// recordRefusal writes the record of a call refused before it reached the
// handler (an operation this server does not allow).
func (h *Handler) recordRefusal(ctx context.Context, op *clerkapi.Operation, why string) {
	h.refusal(ctx, op, "", why)
}

// refusal records op refused for why; session stands in when ctx carries
// no MCP session (a refusal before mcp-go saw the request).
func (h *Handler) refusal(ctx context.Context, op *clerkapi.Operation, session, why string) {
	start := time.Now()
	if _, r := h.startRecord(ctx, op, start); r != nil {
		r.Session = cmp.Or(r.Session, session)
		r.outcome("refused", why)
		h.finish(op, r, start)
	}
}

// AuditRefusal records in l a call refused before it reached the tools,
// such as hosting's 403 insufficient_scope, as the handler records its own
// refusals: ctx carries the caller (WithCaller, WithSubject); session is
// the request's Mcp-Session-Id, if any.
func AuditRefusal(ctx context.Context, l *audit.Log, op *clerkapi.Operation, session, why string) {
	(&Handler{audit: l, defaultCaller: "anonymous"}).refusal(ctx, op, session, why)
}

// auditUnlisted records calls of tools this server does not list, which
// mcp-go refuses before any handler runs: a write or destructive operation
// left out by --read-only, --no-destructive, --exclude-tools or the
// toolsets.
func auditUnlisted(hooks *server.Hooks, cfg Config) {
	if cfg.Audit == nil {
		return
	}
	h := &Handler{audit: cfg.Audit, tracer: cfg.Tracer, defaultCaller: cmp.Or(cfg.DefaultCaller, "anonymous")}
	hooks.AddOnError(func(ctx context.Context, _ any, method mcp.MCPMethod, message any, err error) {
		req, ok := message.(*mcp.CallToolRequest)
		if method != mcp.MethodToolsCall || !ok || !errors.Is(err, server.ErrToolNotFound) {
			return
		}
		if op, found := clerkapi.Lookup(req.Params.Name); found {
			h.recordRefusal(ctx, op, "tool not listed on this server")
		}
	})
}
