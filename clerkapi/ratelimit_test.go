package clerkapi

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
)

func TestRateLimitPacesEachKey(t *testing.T) {
	fake := fakeclerk.New()
	defer fake.Close()
	op, _ := Lookup("get_jwks")
	c := New(Config{BaseURL: fake.URL + "/v1", SecretKey: "sk_test_a", RateLimit: 20, RateBurst: 2})
	start := time.Now()
	for range 4 {
		_, err := c.Do(context.Background(), op, Args{})
		require.NoError(t, err)
	}
	// Two in the burst, then 20 per second: at least ~100 ms for four.
	assert.GreaterOrEqual(t, time.Since(start), 90*time.Millisecond)

	// Another key has its own bucket, full: the first key's spending is not
	// charged to it.
	other := c.WithKey("sk_test_b")
	for range 2 {
		_, err := other.Do(context.Background(), op, Args{})
		require.NoError(t, err)
	}
	c.limits.mu.Lock()
	assert.Len(t, c.limits.byKey, 2, "one bucket per key")
	c.limits.mu.Unlock()
	assert.Equal(t, "Bearer sk_test_b", fake.Requests()[5].Header.Get("Authorization"))
}

func TestRateLimitNeverWaitsPastTheDeadline(t *testing.T) {
	fake := fakeclerk.New()
	defer fake.Close()
	op, _ := Lookup("get_jwks")
	c := New(Config{BaseURL: fake.URL + "/v1", SecretKey: "sk_test_a", RateLimit: 0.1, RateBurst: 1, Timeout: 200 * time.Millisecond})
	_, err := c.Do(context.Background(), op, Args{})
	require.NoError(t, err)
	_, err = c.Do(context.Background(), op, Args{})
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.Contains(t, te.Error(), "rate limit")
	assert.Equal(t, 1, fake.Count(), "nothing was sent")
}

func TestRateLimitersStayBounded(t *testing.T) {
	// Buckets refill within a nanosecond, so every key is idle at once.
	l := newLimiters(1e9, 1)
	for i := range maxLimiters + 10 {
		require.NoError(t, l.wait(context.Background(), fmt.Sprintf("sk_test_%d", i)))
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	assert.LessOrEqual(t, len(l.byKey), 10, "idle limiters are dropped past the bound")
}

// By key, a live key gets ten times a test key's pace, and an unrecognisable
// key the test pace (the lower one: fail safe).
func TestRateLimitByKey(t *testing.T) {
	l := newLimiters(RateLimitByKey, 0)
	for _, c := range []struct {
		key   string
		rps   float64
		burst int
	}{
		{"sk_test_abc", TestKeyRate, TestKeyRate},
		{"sk_live_abc", LiveKeyRate, LiveKeyRate},
		{" SK_LIVE_abc", LiveKeyRate, LiveKeyRate},
		{"rk_unknown", TestKeyRate, TestKeyRate},
	} {
		rps, burst := l.rateFor(c.key)
		if float64(rps) != c.rps || burst != c.burst {
			t.Errorf("%q: %v/s burst %d, want %v/s burst %d", c.key, rps, burst, c.rps, c.burst)
		}
	}
	if rps, burst := newLimiters(20, 2).rateFor("sk_live_abc"); rps != 20 || burst != 2 {
		t.Errorf("a fixed rate applies to every key: got %v/s burst %d", rps, burst)
	}
	// The pace holds: a test key sends its burst at once, then waits.
	ctx := context.Background()
	start := time.Now()
	for range TestKeyRate + 2 {
		if err := l.wait(ctx, "sk_test_pace"); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Errorf("%d requests of a test key in %v: not paced at %d/s", TestKeyRate+2, d, TestKeyRate)
	}
}

// sharedPace is a SharedLimiter that records what it is asked and answers
// from a script: a wait, or an error (the store is down).
type sharedPace struct {
	mu      sync.Mutex
	ids     []string
	answers []func() (time.Duration, error)
}

func (s *sharedPace) Allow(_ context.Context, id string, rps float64, burst int) (time.Duration, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ids = append(s.ids, fmt.Sprintf("%s %v/%d", id, rps, burst))
	a := s.answers[min(len(s.ids), len(s.answers))-1]
	return a()
}

// TestSharedLimiterSeam: with a SharedLimiter the pace is asked of it, by
// the key's fingerprint (never the key) at the key's rate; its "wait" is
// waited, a wait past the deadline sends nothing, and an error falls back
// to the local limiter, which still paces.
func TestSharedLimiterSeam(t *testing.T) {
	fake := fakeclerk.New()
	defer fake.Close()
	op, _ := Lookup("get_jwks")
	ok := func() (time.Duration, error) { return 0, nil }
	wait := func() (time.Duration, error) { return 30 * time.Millisecond, nil }
	down := func() (time.Duration, error) { return 0, errors.New("down") }

	shared := &sharedPace{answers: []func() (time.Duration, error){wait, ok}}
	c := New(Config{BaseURL: fake.URL + "/v1", SecretKey: "sk_live_seam", RateLimit: RateLimitByKey, SharedLimiter: shared})
	start := time.Now()
	_, err := c.Do(t.Context(), op, Args{})
	require.NoError(t, err)
	assert.GreaterOrEqual(t, time.Since(start), 30*time.Millisecond, "the shared wait is waited")
	want := Fingerprint("sk_live_seam") + " 90/90"
	assert.Equal(t, []string{want, want}, shared.ids)
	for _, id := range shared.ids {
		assert.NotContains(t, id, "sk_live_seam")
	}

	// A wait beyond the call's deadline: refused at once, nothing sent.
	long := &sharedPace{answers: []func() (time.Duration, error){func() (time.Duration, error) { return time.Hour, nil }}}
	c = New(Config{BaseURL: fake.URL + "/v1", SecretKey: "sk_test_a", RateLimit: 5, SharedLimiter: long, Timeout: 200 * time.Millisecond})
	fake.Reset()
	_, err = c.Do(t.Context(), op, Args{})
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.Contains(t, te.Error(), "rate limit")
	assert.Zero(t, fake.Count())

	// Down: the local limiter paces (burst 2 at 20/s: four take ≥ ~100 ms).
	broken := &sharedPace{answers: []func() (time.Duration, error){down}}
	c = New(Config{BaseURL: fake.URL + "/v1", SecretKey: "sk_test_a", RateLimit: 20, RateBurst: 2, SharedLimiter: broken})
	start = time.Now()
	for range 4 {
		_, err := c.Do(t.Context(), op, Args{})
		require.NoError(t, err)
	}
	assert.GreaterOrEqual(t, time.Since(start), 90*time.Millisecond)
	assert.Len(t, broken.ids, 4, "the shared store is asked on every call (it decides when to stop trying)")

	// --rate-limit 0: no pace at all, the shared store is never asked.
	none := &sharedPace{answers: []func() (time.Duration, error){ok}}
	c = New(Config{BaseURL: fake.URL + "/v1", SecretKey: "sk_test_a", RateLimit: 0, SharedLimiter: none})
	_, err = c.Do(t.Context(), op, Args{})
	require.NoError(t, err)
	assert.Empty(t, none.ids)
}
