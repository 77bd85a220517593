package tools

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixedGate is a gate whose clock and nonces are fixed, so that every fuzz
// worker issues the same token as the coordinator.
func fixedGate() *Gate {
	g := NewGate([]byte("fuzz-key"), time.Minute)
	g.now = func() time.Time { return time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC) }
	g.rand = strings.NewReader(strings.Repeat("\x00", tokNonce))
	return g
}

var fuzzScope = Scope{Tool: "delete_user", Args: []byte(`{"user_id":"u1"}`), Key: "key1", Session: "s1", Caller: "c1"}

// FuzzGateVerify: no input crashes the verifier, and only the token issued
// for exactly this scope, spelled exactly as issued, is accepted.
func FuzzGateVerify(f *testing.F) {
	issued, _ := fixedGate().Issue(fuzzScope)
	f.Add("delete_user", `{"user_id":"u1"}`, "s1", issued)
	f.Add("delete_user", `{"user_id":"u2"}`, "s1", issued)
	f.Add("ban_user", `{"user_id":"u1"}`, "s1", issued)
	f.Add("delete_user", `{"user_id":"u1"}`, "s2", issued)
	f.Add("delete_user", `{"user_id":"u1"}`, "s1", issued[:13]+"\r\n"+issued[13:])
	f.Add("delete_user", `{"user_id":"u1"}`, "s1", issued[:26]+string(issued[26]+1))
	f.Add("delete_user", `{}`, "", "")
	f.Add("delete_user", `{}`, "", "!!!!")
	f.Add("x", "", "", strings.Repeat("A", 27))
	f.Fuzz(func(t *testing.T, tool, canon, session, token string) {
		s := fuzzScope
		s.Tool, s.Args, s.Session = tool, []byte(canon), session
		g := fixedGate()
		err := g.Verify(s, token)
		if err == nil && !(tool == fuzzScope.Tool && canon == string(fuzzScope.Args) && session == fuzzScope.Session && token == issued) {
			t.Fatalf("accepted a token for %q %q %q: %q", tool, canon, session, token)
		}
		if err == nil && g.Verify(s, token) == nil {
			t.Fatalf("accepted %q twice", token)
		}
	})
}

// TestTokenHasOneSpelling performs, directly, what the fuzzer finds by
// chance: every mutation of a valid token is refused, and the token itself
// is still accepted once afterwards (no mutation used it up).
func TestTokenHasOneSpelling(t *testing.T) {
	g := NewGate([]byte("k"), time.Minute)
	token, _ := g.Issue(fuzzScope)
	require.Len(t, token, tokChars)
	refuse := func(what, bad string) {
		t.Helper()
		if err := g.Verify(fuzzScope, bad); err == nil {
			t.Fatalf("%s: accepted %q", what, bad)
		}
	}
	for i := range len(token) {
		for b := range 256 {
			if byte(b) != token[i] {
				refuse("character changed", token[:i]+string([]byte{byte(b)})+token[i+1:])
			}
		}
		for _, ins := range []string{"\r\n", "\n", "\r", " ", "=", "\x00"} {
			refuse("inserted "+ins, token[:i]+ins+token[i:])
		}
		refuse("character dropped", token[:i]+token[i+1:])
	}
	for _, pad := range []string{"=", "==", "\r\n", "\n"} {
		refuse("appended "+pad, token+pad)
	}
	// 20 bytes are 160 bits in 27 characters of 6 bits: the last character
	// has 2 unused low bits that decoders ignore.
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	last := strings.IndexByte(alphabet, token[len(token)-1])
	require.Zero(t, last&3, "an issued token is canonical")
	for bits := 1; bits < 4; bits++ {
		bad := token[:len(token)-1] + string(alphabet[last|bits])
		assert.True(t, errors.Is(g.Verify(fuzzScope, bad), ErrTokenMalformed), "low bits %d set: %q", bits, bad)
	}
	if std := strings.NewReplacer("-", "+", "_", "/").Replace(token); std != token {
		refuse("standard alphabet", std)
	}

	require.NoError(t, g.Verify(fuzzScope, token), "the token itself")
	assert.ErrorIs(t, g.Verify(fuzzScope, token), ErrTokenUsed)
}

// TestTokenBindsItsScope: a token is refused when any field of its scope
// differs, and accepted exactly once for its own.
func TestTokenBindsItsScope(t *testing.T) {
	g := NewGate([]byte("k"), time.Minute)
	token, _ := g.Issue(fuzzScope)
	for name, change := range map[string]func(*Scope){
		"tool":      func(s *Scope) { s.Tool = "ban_user" },
		"arguments": func(s *Scope) { s.Args = []byte(`{"user_id":"u2"}`) },
		"clerk key": func(s *Scope) { s.Key = "key2" },
		"session":   func(s *Scope) { s.Session = "s2" },
		"caller":    func(s *Scope) { s.Caller = "c2" },
		"no caller": func(s *Scope) { s.Caller = "" },
		// Length-prefixed fields: moving bytes between fields changes the MAC.
		"shifted": func(s *Scope) { s.Session, s.Caller = "s1c", "1" },
	} {
		s := fuzzScope
		change(&s)
		assert.ErrorIs(t, g.Verify(s, token), ErrTokenMismatch, name)
	}
	require.NoError(t, g.Verify(fuzzScope, token))
	assert.ErrorIs(t, g.Verify(fuzzScope, token), ErrTokenUsed)
}

// TestUsedTokensAreForgottenWhenExpired: the single-use record stays
// bounded by the tokens' life.
func TestUsedTokensAreForgottenWhenExpired(t *testing.T) {
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	g := NewGate([]byte("k"), time.Minute)
	g.now = func() time.Time { return now }
	for range 100 {
		tok, _ := g.Issue(fuzzScope)
		require.NoError(t, g.Verify(fuzzScope, tok))
	}
	used := g.store.(*memoryUse)
	assert.Len(t, used.used, 100)
	now = now.Add(2 * time.Minute)
	tok, _ := g.Issue(fuzzScope)
	require.NoError(t, g.Verify(fuzzScope, tok))
	assert.Len(t, used.used, 1)
}

// failingUse is a shared store that is down, or that says every token was
// already claimed elsewhere.
type failingUse struct {
	err    error
	claims int
}

func (f *failingUse) Claim(context.Context, string, time.Time) (bool, error) {
	f.claims++
	return false, f.err
}

// TestGateFailsClosedWhenTheStoreIsDown: a store that cannot answer makes
// the gate refuse a valid token (ErrStoreUnavailable, naming the cause),
// and a store that saw the token first makes it "already used"; a token
// that fails its MAC or expiry never reaches the store.
func TestGateFailsClosedWhenTheStoreIsDown(t *testing.T) {
	down := &failingUse{err: errors.New("the shared store (Redis) is unreachable")}
	g := NewGate([]byte("k"), time.Minute).WithStore(down)
	tok, _ := g.Issue(fuzzScope)
	err := g.VerifyContext(t.Context(), fuzzScope, tok)
	require.ErrorIs(t, err, ErrStoreUnavailable)
	assert.Contains(t, err.Error(), "Redis")
	other := fuzzScope
	other.Tool = "ban_user"
	assert.ErrorIs(t, g.Verify(other, tok), ErrTokenMismatch)
	assert.Equal(t, 1, down.claims, "a mismatched token is refused before the store")

	elsewhere := &failingUse{}
	g.WithStore(elsewhere)
	assert.ErrorIs(t, g.Verify(fuzzScope, tok), ErrTokenUsed)

	// A final refusal (the store lost its record after the token was
	// issued) is no outage: not ErrStoreUnavailable, no "try again".
	g.WithStore(&failingUse{err: finalErr{}})
	err = g.Verify(fuzzScope, tok)
	require.ErrorIs(t, err, finalErr{})
	assert.NotErrorIs(t, err, ErrStoreUnavailable)
}

type finalErr struct{}

func (finalErr) Error() string { return "lost its record" }
func (finalErr) Final() bool   { return true }
