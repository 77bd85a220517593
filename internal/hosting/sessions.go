package hosting

import (
	"errors"
	"sync"

	"github.com/google/uuid"
)

// DefaultMaxSessions caps the live sessions of one server (streamable HTTP
// sessions and open SSE streams together). A session costs about 11 KB of
// mcp-go state, so the cap holds them to ~11 MB; on two cores the server
// answers some 3,000–4,000 calls/s, which 1,000 sessions calling every few
// seconds already fill, and Clerk's own rate limit is far lower.
const DefaultMaxSessions = 1000

// MaxSessionIDBytes bounds the Mcp-Session-Id header: ours are 48 bytes
// ("mcp-session-" and a UUID); anything much longer is refused unread.
const MaxSessionIDBytes = 128

const sessionPrefix = "mcp-session-"

var errUnknownSession = errors.New("unknown or ended session")

// sessions is mcp-go's session ID manager for stateful streamable HTTP: it
// knows every ID it issued and not yet ended, so a made-up or deleted ID is
// refused (404) instead of running tools, and it caps how many are live.
//
// A slot is reserved by the request that may create a session (initialize,
// or an SSE stream) for as long as that request runs; Generate turns it into
// a live ID. Counting both means concurrent initializes cannot overshoot.
type sessions struct {
	max     int
	mu      sync.Mutex
	live    map[string]struct{}
	pending int
	// converted counts reservations Generate has turned into live IDs whose
	// request has not released yet: without it, a session would count twice
	// (live and pending) until its initialize returns, and concurrent
	// initializes would be refused below the cap. A release takes from
	// converted first, so the count can only err high, never overshoot.
	converted int
}

func newSessions(max int) *sessions {
	return &sessions{max: max, live: map[string]struct{}{}}
}

// reserve takes a slot for a request that may open a session; false when
// the server is at its cap. release gives it back when the request is over.
func (s *sessions) reserve() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.live)+s.pending >= s.max {
		return false
	}
	s.pending++
	return true
}

func (s *sessions) release() {
	s.mu.Lock()
	if s.converted > 0 {
		s.converted--
	} else {
		s.pending--
	}
	s.mu.Unlock()
}

// known reports whether id is live.
func (s *sessions) known(id string) bool {
	s.mu.Lock()
	_, ok := s.live[id]
	s.mu.Unlock()
	return ok
}

// Generate issues a new, unguessable session ID (122 random bits).
func (s *sessions) Generate() string {
	id := sessionPrefix + uuid.NewString()
	s.mu.Lock()
	s.live[id] = struct{}{}
	if s.pending > 0 {
		s.pending--
		s.converted++
	}
	s.mu.Unlock()
	return id
}

// Validate accepts only live IDs: mcp-go answers an error with 404, which
// tells a client to start a new session.
func (s *sessions) Validate(id string) (isTerminated bool, err error) {
	if !s.known(id) {
		return false, errUnknownSession
	}
	return false, nil
}

// Terminate ends id (DELETE, idle expiry, shutdown). Ended IDs are not
// remembered: an unknown ID is refused the same way.
func (s *sessions) Terminate(id string) (isNotAllowed bool, err error) {
	s.mu.Lock()
	delete(s.live, id)
	s.mu.Unlock()
	return false, nil
}
