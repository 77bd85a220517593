package clerkapi

import (
	"cmp"
	"context"
	"crypto/sha256"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// RateLimitByKey, as Config.RateLimit, paces each key by its instance:
// TestKeyRate for test keys (and any key not recognisably live), LiveKeyRate
// for live keys.
const RateLimitByKey = -1

// The per-key defaults, below Clerk's documented limits: 100 requests per
// 10 s on development instances, 1,000 per 10 s on production ones.
const (
	TestKeyRate = 9
	LiveKeyRate = 90
)

// SharedLimiter paces requests per key across every replica, through a
// store they all reach (internal/redisstore). id is the key's Fingerprint,
// never the key. Allow takes one request's slot at rps with burst and
// returns 0 when the request may go now, or how long to wait before asking
// again. An error means the shared pace is unknown: the local limiter paces
// that request (the store warns once per outage).
type SharedLimiter interface {
	Allow(ctx context.Context, id string, rps float64, burst int) (retryAfter time.Duration, err error)
}

// limiters paces requests per secret key, below Clerk's own limits, so a
// busy agent waits a little instead of collecting 429s.
type limiters struct {
	rps    rate.Limit // 0: by key (RateLimitByKey)
	burst  int
	shared SharedLimiter // nil: this process's limiters only
	mu     sync.Mutex
	byKey  map[[32]byte]*rate.Limiter
}

func newLimiters(rps float64, burst int) *limiters {
	switch {
	case rps == RateLimitByKey:
		return &limiters{burst: burst, byKey: map[[32]byte]*rate.Limiter{}}
	case rps <= 0:
		return nil
	}
	if burst <= 0 {
		burst = max(int(rps), 1)
	}
	return &limiters{rps: rate.Limit(rps), burst: burst, byKey: map[[32]byte]*rate.Limiter{}}
}

// rateFor is the pace and burst of one key.
func (l *limiters) rateFor(key string) (rate.Limit, int) {
	if l.rps > 0 {
		return l.rps, l.burst
	}
	rps := TestKeyRate
	if KeyEnvironment(key) == "live" {
		rps = LiveKeyRate
	}
	return rate.Limit(rps), cmp.Or(l.burst, rps)
}

// wait blocks until the key may send, or ctx ends.
func (l *limiters) wait(ctx context.Context, key string) error {
	if l == nil {
		return nil
	}
	if l.shared != nil {
		rps, burst := l.rateFor(key)
		fp := Fingerprint(key)
		for {
			d, err := l.shared.Allow(ctx, fp, float64(rps), burst)
			if err != nil {
				break // the shared pace is unknown: pace locally
			}
			if d <= 0 {
				return nil
			}
			if dl, ok := ctx.Deadline(); ok && time.Until(dl) < d {
				return errRateWait
			}
			if err := sleepCtx(ctx, d); err != nil {
				return err
			}
		}
	}
	id := sha256.Sum256([]byte(key))
	l.mu.Lock()
	lim, ok := l.byKey[id]
	if !ok {
		if len(l.byKey) >= maxLimiters {
			l.prune()
		}
		lim = rate.NewLimiter(l.rateFor(key))
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
		if lim.Tokens() >= float64(lim.Burst()) {
			delete(l.byKey, id)
		}
	}
}
