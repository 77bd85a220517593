package clerkapi

import (
	"context"
	"crypto/sha256"
	"sync"

	"golang.org/x/time/rate"
)

// limiters paces requests per secret key, below Clerk's own limits (100
// requests per 10 s on development instances), so a busy agent waits a
// little instead of collecting 429s.
type limiters struct {
	rps   rate.Limit
	burst int
	mu    sync.Mutex
	byKey map[[32]byte]*rate.Limiter
}

func newLimiters(rps float64, burst int) *limiters {
	if rps <= 0 {
		return nil
	}
	if burst <= 0 {
		burst = max(int(rps), 1)
	}
	return &limiters{rps: rate.Limit(rps), burst: burst, byKey: map[[32]byte]*rate.Limiter{}}
}

// wait blocks until the key may send, or ctx ends.
func (l *limiters) wait(ctx context.Context, key string) error {
	if l == nil {
		return nil
	}
	id := sha256.Sum256([]byte(key))
	l.mu.Lock()
	lim, ok := l.byKey[id]
	if !ok {
		if len(l.byKey) >= maxLimiters {
			l.prune()
		}
		lim = rate.NewLimiter(l.rps, l.burst)
		l.byKey[id] = lim
	}
	l.mu.Unlock()
	return lim.Wait(ctx)
}

// maxLimiters bounds the per-key map (hosted deployments with a key per
// caller): past it, limiters with a full bucket — idle keys, which a new
// limiter would treat the same — are dropped.
const maxLimiters = 4096

func (l *limiters) prune() {
	for id, lim := range l.byKey {
		if lim.Tokens() >= float64(l.burst) {
			delete(l.byKey, id)
		}
	}
}
