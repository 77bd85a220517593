package tools

import (
	"context"
	"sync"

	"github.com/mark3labs/mcp-go/server"
)

// sessionCalls tracks the tool calls in flight per MCP session, so that the
// end of a session stops its calls to Clerk. mcp-go runs SSE messages on a
// context detached from every connection, and its SSE client sends no
// notifications/cancelled, so without this a call whose client has gone
// away runs on until --timeout; with it, the SSE stream closing (or a
// streamable HTTP DELETE, or stdio reaching EOF) cancels the session's calls.
type sessionCalls struct {
	mu sync.Mutex
	m  map[string]map[*inflightCall]struct{}
}

type inflightCall struct{ cancel context.CancelFunc }

// track returns a context that the end of the caller's session cancels, and
// the function that releases it when the call is over.
func (s *sessionCalls) track(ctx context.Context) (context.Context, func()) {
	sess := server.ClientSessionFromContext(ctx)
	if sess == nil || sess.SessionID() == "" {
		return ctx, func() {}
	}
	id := sess.SessionID()
	ctx, cancel := context.WithCancel(ctx)
	c := &inflightCall{cancel: cancel}
	s.mu.Lock()
	if s.m == nil {
		s.m = map[string]map[*inflightCall]struct{}{}
	}
	if s.m[id] == nil {
		s.m[id] = map[*inflightCall]struct{}{}
	}
	s.m[id][c] = struct{}{}
	s.mu.Unlock()
	return ctx, func() {
		s.mu.Lock()
		if set := s.m[id]; set != nil {
			delete(set, c)
			if len(set) == 0 {
				delete(s.m, id)
			}
		}
		s.mu.Unlock()
		cancel()
	}
}

// end cancels every call in flight for the session.
func (s *sessionCalls) end(id string) {
	s.mu.Lock()
	set := s.m[id]
	delete(s.m, id)
	s.mu.Unlock()
	for c := range set {
		c.cancel()
	}
}

// watchSessions makes the end of each session of s cancel its calls.
func (h *Handler) watchSessions(s *server.MCPServer) {
	if hooks := s.GetHooks(); hooks != nil {
		hooks.AddOnUnregisterSession(func(_ context.Context, sess server.ClientSession) {
			h.calls.end(sess.SessionID())
		})
	}
}
