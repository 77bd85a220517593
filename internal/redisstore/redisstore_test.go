package redisstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "github.com/clerk-mcp/clerk-mcp/internal/golden"
	"github.com/clerk-mcp/clerk-mcp/internal/redistest"
)

// logBuffer collects a store's log records.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func open(t testing.TB, url string, logs *logBuffer) *Store {
	t.Helper()
	o := Options{URL: url, TokenTTL: time.Minute, PingEvery: 50 * time.Millisecond}
	if logs != nil {
		o.Logger = slog.New(slog.NewJSONHandler(logs, nil))
	}
	s, err := Open(o)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// until is a token's expiry: issued now, living the stores' TokenTTL.
func until() time.Time { return time.Now().Add(time.Minute) }

// TestClaimIsGlobal: replicas sharing one Redis accept a token once, all
// together: the first claim anywhere wins; 50 concurrent claims across 3
// replicas, exactly one.
func TestClaimIsGlobal(t *testing.T) {
	r := redistest.Start(t)
	a, b, c := open(t, r.URL(), nil), open(t, r.URL(), nil), open(t, r.URL(), nil)
	ctx := t.Context()
	exp := until()
	first, err := a.Claim(ctx, "token-1", exp)
	require.NoError(t, err)
	assert.True(t, first)
	for _, s := range []*Store{b, a, c} {
		again, err := s.Claim(ctx, "token-1", exp)
		require.NoError(t, err)
		assert.False(t, again, "a second redemption, anywhere")
	}

	var wins atomic.Int32
	var wg sync.WaitGroup
	exp = until()
	for i := range 50 {
		wg.Go(func() {
			ok, err := []*Store{a, b, c}[i%3].Claim(ctx, "token-2", exp)
			assert.NoError(t, err)
			if ok {
				wins.Add(1)
			}
		})
	}
	wg.Wait()
	assert.Equal(t, int32(1), wins.Load())
}

// TestClaimExpiresWithTheToken: the record lives as long as the token, no
// longer (the store stays bounded).
func TestClaimExpiresWithTheToken(t *testing.T) {
	r := redistest.Start(t)
	s := open(t, r.URL(), nil)
	ok, err := s.Claim(t.Context(), "short", until())
	require.NoError(t, err)
	require.True(t, ok)
	ttl, err := s.rdb.PTTL(t.Context(), s.prefix+"used:"+fmt.Sprintf("%x", "short")).Result()
	require.NoError(t, err)
	assert.Greater(t, ttl, 59*time.Second)
	assert.LessOrEqual(t, ttl, time.Minute)
}

// TestReplayAfterRedisRestart is the attack: a token redeemed, then Redis
// restarts empty (no persistence) and the token is presented again. The
// record of its use is gone, but the epoch key went with it: the token
// predates the new epoch and is refused. Tokens issued after the restart
// work, once.
func TestReplayAfterRedisRestart(t *testing.T) {
	r := redistest.Start(t)
	logs := &logBuffer{}
	s := open(t, r.URL(), logs)
	ctx := t.Context()
	exp := until()
	ok, err := s.Claim(ctx, "spent", exp)
	require.NoError(t, err)
	require.True(t, ok)

	r.Restart()
	var replay error
	require.Eventually(t, func() bool {
		_, replay = s.Claim(ctx, "spent", exp)
		return !errors.Is(replay, errDown)
	}, 5*time.Second, 20*time.Millisecond)
	require.ErrorIs(t, replay, ErrStateLost)
	assert.Contains(t, replay.Error(), "lost its record of used tokens")
	_, err = s.Claim(ctx, "spent", exp)
	assert.ErrorIs(t, err, ErrStateLost, "and again")
	// A token issued before the restart and never redeemed is refused as
	// well (it cannot be told apart): a new preview is needed.
	_, err = s.Claim(ctx, "unspent", exp)
	assert.ErrorIs(t, err, ErrStateLost)

	fresh := until()
	ok, err = s.Claim(ctx, "fresh", fresh)
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = s.Claim(ctx, "fresh", fresh)
	require.NoError(t, err)
	assert.False(t, ok)
	assert.Contains(t, logs.String(), "lost its state")
}

// TestRedisDownAndBack: killed, the store refuses claims at once naming
// Redis, fails Allow at once (the caller paces locally), reports not ready
// and logs one warning however many calls fail; restarted on the same
// port, it recovers without a restart of its own.
func TestRedisDownAndBack(t *testing.T) {
	r := redistest.Start(t)
	logs := &logBuffer{}
	s := open(t, r.URL(), logs)
	ctx := t.Context()
	require.NoError(t, s.Ready())
	_, err := s.Allow(ctx, "fp", 100, 10)
	require.NoError(t, err)

	r.Kill()
	_, err = s.Claim(ctx, "t", until())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "unreachable")
	require.Eventually(t, func() bool { return s.Ready() != nil }, 3*time.Second, 10*time.Millisecond)
	assert.Contains(t, s.Ready().Error(), "the shared store (Redis) is unreachable")
	gets := func() uint32 { p := s.rdb.PoolStats(); return p.Hits + p.Misses }
	before := gets()
	for range 100 {
		_, err := s.Allow(ctx, "fp", 100, 10)
		require.Error(t, err)
	}
	assert.Less(t, gets()-before, uint32(10), "no round trip per call while down (only the health check's)")
	before = gets()
	for range 100 {
		require.Error(t, s.Ready())
	}
	assert.Less(t, gets()-before, uint32(10), "Ready answers from the last health check, not a ping per probe")
	time.Sleep(200 * time.Millisecond) // several health checks fail too
	assert.Equal(t, 1, strings.Count(logs.String(), "unreachable: destructive calls are refused"), logs.String())

	r.Restart()
	require.Eventually(t, func() bool { return s.Ready() == nil }, 5*time.Second, 10*time.Millisecond)
	_, err = s.Allow(ctx, "fp", 100, 10)
	require.NoError(t, err)
	ok, err := s.Claim(ctx, "after", until())
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Contains(t, logs.String(), "reachable again")
}

// TestAllowIsGlobal: three replicas asking for one key's slots get, in
// all, no more than burst + rate × time.
func TestAllowIsGlobal(t *testing.T) {
	r := redistest.Start(t)
	stores := []*Store{open(t, r.URL(), nil), open(t, r.URL(), nil), open(t, r.URL(), nil)}
	const rps, burst = 20, 5
	start := time.Now()
	allowed := 0
	for i := 0; time.Since(start) < time.Second; i++ {
		d, err := stores[i%3].Allow(t.Context(), "fp-global", rps, burst)
		require.NoError(t, err)
		if d == 0 {
			allowed++
		} else {
			assert.LessOrEqual(t, d, time.Second/rps+time.Millisecond)
		}
	}
	elapsed := time.Since(start).Seconds()
	assert.LessOrEqual(t, float64(allowed), burst+rps*elapsed+1)
	assert.GreaterOrEqual(t, float64(allowed), burst+rps*elapsed*0.5, "the pace is served, not starved")
	// Another key has its own pace.
	d, err := stores[0].Allow(t.Context(), "fp-other", rps, burst)
	require.NoError(t, err)
	assert.Zero(t, d)
}

func TestLimitOfFractionalRates(t *testing.T) {
	for _, c := range []struct {
		rps    float64
		burst  int
		rate   int
		period time.Duration
	}{
		{9, 9, 9, time.Second},
		{90, 0, 90, time.Second},
		{0.5, 1, 500, 1000 * time.Second},
		{2.5, 3, 2500, 1000 * time.Second},
	} {
		l := limit(c.rps, c.burst)
		assert.Equal(t, c.rate, l.Rate, "%v", c.rps)
		assert.Equal(t, c.period, l.Period, "%v", c.rps)
		assert.Equal(t, max(c.burst, 1), l.Burst)
		assert.InDelta(t, 1/c.rps, (l.Period / time.Duration(l.Rate)).Seconds(), 1e-9, "emission interval of %v/s", c.rps)
	}
}

// TestPasswordNeverShown: a Redis URL's password appears in no error, log
// record or readiness answer — for malformed URLs, a wrong password and a
// right one.
func TestPasswordNeverShown(t *testing.T) {
	const pw = "s3cret-Pa55word"
	for _, bad := range []string{
		"redis://:" + pw + "@127.0.0.1:notaport",
		"redis://user:" + pw + "@127.0.0.1:6379/notadb",
		"redis://user:" + pw + "@127.0.0.1:6379/0?dial_timeout=nonsense",
		"http://:" + pw + "@127.0.0.1:6379",
		"redis://:" + pw + "@[::1",
	} {
		_, err := Open(Options{URL: bad})
		require.Error(t, err, bad)
		assert.NotContains(t, err.Error(), pw, bad)
		assert.Contains(t, err.Error(), "redis", bad)
	}

	r := redistest.Start(t, "--requirepass", pw)
	logs := &logBuffer{}
	wrong := open(t, "redis://:wrong-"+pw+"@"+r.Addr, logs)
	require.Error(t, wrong.Ready())
	_, err := wrong.Claim(t.Context(), "x", until())
	require.Error(t, err)
	_, aerr := wrong.Allow(t.Context(), "fp", 1, 1)
	require.Error(t, aerr)
	for _, s := range []string{wrong.Ready().Error(), err.Error(), aerr.Error(), logs.String()} {
		assert.NotContains(t, s, pw)
	}
	assert.Contains(t, logs.String(), "xxxxx", "the URL is logged redacted")

	right := open(t, "redis://:"+pw+"@"+r.Addr, logs)
	require.NoError(t, right.Ready())
	ok, err := right.Claim(t.Context(), "y", until())
	require.NoError(t, err)
	assert.True(t, ok)
	assert.NotContains(t, logs.String(), pw)
}

// BenchmarkClaim: one redemption's single-use check on Redis over loopback
// (the budget: p99 ≤ 1 ms).
func BenchmarkClaim(b *testing.B) {
	r := redistest.Start(b)
	s := open(b, r.URL(), nil)
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	exp := until()
	b.ResetTimer()
	for i := range b.N {
		t0 := time.Now()
		ok, err := s.Claim(ctx, fmt.Sprint("bench-", i), exp)
		lat = append(lat, time.Since(t0))
		if err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
	reportP99(b, lat)
}

// BenchmarkAllow: the shared rate limiter's check per Clerk request (the
// budget: p99 ≤ 300 µs).
func BenchmarkAllow(b *testing.B) {
	r := redistest.Start(b)
	s := open(b, r.URL(), nil)
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		_, err := s.Allow(ctx, "fp-bench", 1e6, 1e6)
		lat = append(lat, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
	}
	reportP99(b, lat)
}

func reportP99(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds()), "p99-µs")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
}
