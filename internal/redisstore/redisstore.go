// Package redisstore is the state replicas share through Redis (or Valkey):
// the single use of confirmation tokens (tools.SingleUse) and the per-key
// rate limit (clerkapi.SharedLimiter, GCRA by github.com/go-redis/redis_rate).
// No Redis type leaves this package.
//
// When Redis cannot be reached, Claim fails (confirmations are refused:
// fail closed) and Allow fails at once (the caller paces with its local
// limiter); the outage is logged once, Ready reports it, and a ping every
// second notices the recovery.
package redisstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/maintnotifications"
)

// Options configure a Store.
type Options struct {
	// URL is redis://[user:password@]host:port[/db] or rediss://… (TLS).
	URL string
	// TokenTTL is the gates' --confirm-ttl (the same on every replica): a
	// token's issue time is its expiry minus TokenTTL.
	TokenTTL time.Duration
	Logger   *slog.Logger
	// PingEvery is the health check's period (default 1 s).
	PingEvery time.Duration
	// Prefix starts every key (default "clerk-mcp:").
	Prefix string
}

// Store is the shared state of the replicas on one Redis.
type Store struct {
	rdb     *redis.Client
	rate    *redis_rate.Limiter
	ttl     time.Duration
	log     *slog.Logger
	prefix  string
	epoch   string // key: when the record of used tokens began (Unix ms)
	secrets []string
	every   time.Duration

	mu   sync.Mutex
	down error // the outage's cause, nil while reachable
	seen bool  // the epoch key was seen: a missing one means Redis lost its state

	stop chan struct{}
	done chan struct{}
}

// errDown answers at once while Redis is known to be unreachable.
var errDown = errors.New("the shared store (Redis) is unreachable")

// Open checks url (a bad one is an error that never shows its password),
// connects, pings once (bounded by a second) and starts the health check.
// An unreachable Redis is not an error: the store starts down (logged) and
// recovers when Redis answers.
func Open(o Options) (*Store, error) {
	u, err := url.Parse(o.URL)
	if err != nil {
		return nil, errors.New("--redis-url is not a valid URL (redis://[user:password@]host:port[/db] or rediss://…)")
	}
	if u.Scheme != "redis" && u.Scheme != "rediss" {
		return nil, fmt.Errorf("--redis-url must start with redis:// or rediss:// (got %q)", u.Scheme+"://")
	}
	var secrets []string
	if p, ok := u.User.Password(); ok && p != "" {
		secrets = append(secrets, p, url.QueryEscape(p), url.PathEscape(p))
	}
	opts, err := redis.ParseURL(o.URL)
	if err != nil {
		return nil, fmt.Errorf("--redis-url %s: %s", u.Redacted(), scrub(err.Error(), secrets))
	}
	opts.DialTimeout = time.Second
	opts.ReadTimeout = time.Second
	opts.WriteTimeout = time.Second
	opts.MaxRetries = -1 // one attempt: a retried SET NX could report its own write as "already used"
	opts.ContextTimeoutEnabled = true
	opts.DisableIdentity = true
	opts.MaintNotificationsConfig = &maintnotifications.Config{Mode: maintnotifications.ModeDisabled}
	quiet.Do(func() { redis.SetLogger(discard{}) }) // its pool chatter; outages are logged here, once
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.PingEvery <= 0 {
		o.PingEvery = time.Second
	}
	if o.Prefix == "" {
		o.Prefix = "clerk-mcp:"
	}
	if o.TokenTTL <= 0 {
		o.TokenTTL = 5 * time.Minute
	}
	rdb := redis.NewClient(opts)
	s := &Store{
		rdb: rdb, rate: redis_rate.NewLimiter(rdb), ttl: o.TokenTTL, log: o.Logger,
		prefix: o.Prefix, epoch: o.Prefix + "epoch", secrets: secrets, every: o.PingEvery,
		stop: make(chan struct{}), done: make(chan struct{}),
	}
	s.log.Info("shared store", "redis", u.Redacted())
	s.check()
	go s.loop()
	return s, nil
}

var quiet sync.Once

type discard struct{}

func (discard) Printf(context.Context, string, ...any) {}

// Close stops the health check and closes the connections.
func (s *Store) Close() error {
	close(s.stop)
	<-s.done
	return s.rdb.Close()
}

// Ready is nil while Redis answers, else why not (the last health check's
// answer: probes never wait on Redis).
func (s *Store) Ready() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down != nil {
		return fmt.Errorf("%w: %s", errDown, s.down)
	}
	return nil
}

func (s *Store) loop() {
	defer close(s.done)
	t := time.NewTicker(s.every)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			s.check()
		}
	}
}

// check is the health check: it makes sure the epoch key exists (SET NX:
// it doubles as the ping) and records the answer.
func (s *Store) check() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	created, err := s.rdb.SetNX(ctx, s.epoch, strconv.FormatInt(time.Now().UnixMilli(), 10), 0).Result()
	if err != nil {
		s.failed(err)
		return
	}
	s.mu.Lock()
	was, lost := s.down, created && s.seen
	s.down, s.seen = nil, true
	s.mu.Unlock()
	if was != nil {
		s.log.Info("shared store (Redis) reachable again: confirmations and the shared rate limit resume")
	}
	if lost {
		s.lostState()
	}
}

func (s *Store) lostState() {
	s.log.Warn("shared store (Redis) lost its state (restarted without persistence?): confirmation tokens issued before now are refused, so none can be redeemed twice")
}

// failed records an outage and logs it once.
func (s *Store) failed(err error) {
	s.mu.Lock()
	first := s.down == nil
	s.down = errors.New(s.scrub(err.Error()))
	s.mu.Unlock()
	if first {
		s.log.Warn("shared store (Redis) unreachable: destructive calls are refused until it is back, and each replica paces Clerk requests with its own limiter",
			"error", s.scrub(err.Error()))
	}
}

// unreachable is the error of a call while Redis is down, or nil.
func (s *Store) unreachable() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down != nil {
		return fmt.Errorf("%w (%s)", errDown, s.down)
	}
	return nil
}

// opFailed turns a failed Redis call into the store's error, recording an
// outage unless the caller gave up first.
func (s *Store) opFailed(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	s.failed(err)
	return fmt.Errorf("%w (%s)", errDown, s.scrub(err.Error()))
}

func (s *Store) scrub(msg string) string { return scrub(msg, s.secrets) }

func scrub(msg string, secrets []string) string {
	for _, p := range secrets {
		msg = strings.ReplaceAll(msg, p, "xxxxx")
	}
	return msg
}

// claim records a token as used, atomically with the epoch check:
//
//	KEYS[1] the token's key, KEYS[2] the epoch key
//	ARGV[1] the token's remaining lifetime (ms), ARGV[2] its issue time
//	(Unix ms, its expiry minus the TTL: at most a second early), ARGV[3] now
//
// It returns 1 (first use), 0 (already used), -1 (no epoch: Redis lost its
// state; the epoch starts now) or -2 (the token may predate the epoch).
// Built on first use: nothing at start-up without --redis-url.
var claim = sync.OnceValue(func() *redis.Script {
	return redis.NewScript(`
local epoch = redis.call('GET', KEYS[2])
if not epoch then
  redis.call('SET', KEYS[2], ARGV[3])
  return -1
end
if tonumber(ARGV[2]) < tonumber(epoch) then
  return -2
end
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  return 1
end
return 0
`)
})

// ErrStateLost: Redis lost its record of used tokens (a restart without
// persistence, a flush, an eviction) after this token was issued, so a
// redemption before the loss cannot be ruled out.
var ErrStateLost error = stateLost{}

type stateLost struct{}

func (stateLost) Error() string {
	return "the shared store (Redis) lost its record of used tokens after this token was issued (restarted?), so the token is refused"
}

// Final tells the gate that this token will never be accepted (tools.SingleUse).
func (stateLost) Final() bool { return true }

// Claim implements tools.SingleUse: the first claim of id anywhere wins
// (SET NX for the token's remaining lifetime). Tokens issued before Redis
// last lost its state are refused: replaying one after a Redis restart is
// not a way around single use.
func (s *Store) Claim(ctx context.Context, id string, until time.Time) (bool, error) {
	if err := s.unreachable(); err != nil {
		return false, err
	}
	now := time.Now()
	life := max(until.Sub(now).Milliseconds(), 1)
	issued := until.Add(-s.ttl).UnixMilli()
	key := s.prefix + "used:" + fmt.Sprintf("%x", id)
	n, err := claim().Run(ctx, s.rdb, []string{key, s.epoch}, life, issued, now.UnixMilli()).Int()
	switch {
	case err != nil:
		return false, s.opFailed(ctx, err)
	case n == -1:
		s.mu.Lock()
		seen := s.seen
		s.seen = true
		s.mu.Unlock()
		if seen {
			s.lostState()
		}
		return false, ErrStateLost
	case n == -2:
		return false, ErrStateLost
	}
	return n == 1, nil
}

// Allow implements clerkapi.SharedLimiter with GCRA in Redis: 0 when the
// request may go, else how long to wait before asking again. While Redis
// is down it fails at once, without a round trip.
func (s *Store) Allow(ctx context.Context, id string, rps float64, burst int) (time.Duration, error) {
	if err := s.unreachable(); err != nil {
		return 0, err
	}
	res, err := s.rate.Allow(ctx, s.prefix+id, limit(rps, burst))
	if err != nil {
		return 0, s.opFailed(ctx, err)
	}
	if res.Allowed > 0 {
		return 0, nil
	}
	return max(res.RetryAfter, time.Millisecond), nil
}

// limit is rps with burst as a redis_rate.Limit, whose rate is a whole
// number per period: a fractional rate is counted per 1,000 s.
func limit(rps float64, burst int) redis_rate.Limit {
	l := redis_rate.Limit{Rate: int(rps), Burst: max(burst, 1), Period: time.Second}
	if rps != math.Trunc(rps) || rps < 1 {
		l.Rate, l.Period = max(int(math.Round(rps*1000)), 1), 1000*time.Second
	}
	return l
}
