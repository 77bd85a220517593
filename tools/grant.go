package tools

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

type allowCtx struct{}

// WithAllow narrows what the caller under ctx may list and call to the
// operations allow accepts (a hosted OAuth caller's scopes). It works
// within the static surface, which still caps everyone: tools/list, the
// discovery tools and every call follow it. Without it, nothing is narrowed.
func WithAllow(ctx context.Context, allow func(*clerkapi.Operation) bool) context.Context {
	return context.WithValue(ctx, allowCtx{}, allow)
}

// callerAllows reports whether the caller under ctx may reach op.
func callerAllows(ctx context.Context, op *clerkapi.Operation) bool {
	allow, ok := ctx.Value(allowCtx{}).(func(*clerkapi.Operation) bool)
	return !ok || allow(op)
}

// allowFilter is the tool filter behind tools/list and mcp-go's call-time
// check: operation tools the caller may not reach are left out; the
// discovery tools stay, and answer within the caller's reach.
func allowFilter(ctx context.Context, list []mcp.Tool) []mcp.Tool {
	allow, ok := ctx.Value(allowCtx{}).(func(*clerkapi.Operation) bool)
	if !ok {
		return list
	}
	out := make([]mcp.Tool, 0, len(list))
	for _, t := range list {
		if op, isOp := clerkapi.Lookup(t.Name); !isOp || allow(op) {
			out = append(out, t)
		}
	}
	return out
}
