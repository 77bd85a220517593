package hosting

import (
	"context"
	"fmt"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// DefaultMaxConcurrentCalls caps the tool calls running at once. Each holds
// at most one Clerk answer (clerkapi reads at most MaxResponseBytes, 16 MiB
// by default) and its shaped copies, so the cap is also what bounds the
// memory of answers in flight. 32 keeps two cores busy against a fast
// upstream (the load benchmark needs far fewer), and against Clerk, whose
// rate limits are 10–100 requests/s, more would only queue in the limiter.
const DefaultMaxConcurrentCalls = 32

// DefaultBusyWait is how long a call over the cap waits for a free slot
// before it is answered "server busy": long enough to ride out a burst (on a
// loaded two-core machine, 200 sessions calling at once saw p99 latencies
// near 1 s), short against the 30 s a call may take.
const DefaultBusyWait = 5 * time.Second

// limitCalls is a tool middleware that lets at most max calls run at once.
// A call over the cap waits up to wait, then gets an isError result the
// model can act on. It is a tool result, not an HTTP 503, because SSE
// answers calls on an already accepted (202) request, and because a failed
// HTTP request would look to the client like a broken session.
func limitCalls(max int, wait time.Duration) server.ToolHandlerMiddleware {
	slots := make(chan struct{}, max)
	busy := fmt.Sprintf("server busy: %d tool calls are already running; nothing was done, retry in a few seconds", max)
	return func(next server.ToolHandlerFunc) server.ToolHandlerFunc {
		return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			select {
			case slots <- struct{}{}:
			default:
				t := time.NewTimer(wait)
				select {
				case slots <- struct{}{}:
					t.Stop()
				case <-t.C:
					return mcp.NewToolResultError(busy), nil
				case <-ctx.Done():
					t.Stop()
					return nil, ctx.Err()
				}
			}
			defer func() { <-slots }()
			return next(ctx, req)
		}
	}
}
