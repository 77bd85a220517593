package tools

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"
)

// Gate issues and checks the confirmation tokens of destructive tools. A token
// is bound to its Scope (the tool, its canonical arguments, the Clerk key and
// who asked) and an expiry, is signed with the gate's key, and is accepted
// once.
type Gate struct {
	key  []byte
	ttl  time.Duration
	now  func() time.Time
	rand io.Reader
	// store remembers redeemed tokens: this process's memory by default,
	// a store shared by every replica with WithStore.
	store SingleUse
}

// SingleUse remembers which tokens were redeemed. Claim records id (a
// token's nonce and MAC) until the token expires and reports whether this
// was its first claim; an error means it cannot tell, and the gate refuses
// (ErrStoreUnavailable: try again), unless the error has a Final() method
// that returns true: then the token is refused for good.
type SingleUse interface {
	Claim(ctx context.Context, id string, until time.Time) (first bool, err error)
}

// memoryUse is the default SingleUse: one process's memory, so single use
// holds per process (per replica).
type memoryUse struct {
	now   func() time.Time
	mu    sync.Mutex
	used  map[string]time.Time // id -> expiry, until it expires
	swept time.Time            // when expired ids were last dropped
}

func (m *memoryUse) Claim(_ context.Context, id string, until time.Time) (bool, error) {
	now := m.now()
	m.mu.Lock()
	defer m.mu.Unlock()
	if !now.Before(m.swept.Add(time.Second)) || now.Before(m.swept) {
		// At most once a second: a sweep per call would cost O(used).
		for n, e := range m.used {
			if !now.Before(e) {
				delete(m.used, n)
			}
		}
		m.swept = now
	}
	if e, seen := m.used[id]; seen && now.Before(e) {
		return false, nil
	}
	m.used[id] = until
	return true, nil
}

// Scope is what a token is valid for. Key and Holder are fingerprints or
// identifiers, never credentials: they only enter the MAC.
type Scope struct {
	Tool string
	Args []byte // canonical arguments
	// Key fingerprints the Clerk secret key the call will use.
	Key string
	// Session is the MCP session's id, when there is one.
	Session string
	// Caller fingerprints the caller's credential, when the host knows it.
	Caller string
}

// NewGate returns a gate signing with key (random when empty) whose tokens
// live for ttl (5 minutes when zero).
func NewGate(key []byte, ttl time.Duration) *Gate {
	if len(key) == 0 {
		key = make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			panic(err)
		}
	}
	if ttl <= 0 {
		ttl = 5 * time.Minute
	}
	g := &Gate{key: key, ttl: ttl, now: time.Now, rand: rand.Reader}
	g.store = &memoryUse{now: func() time.Time { return g.now() }, used: map[string]time.Time{}}
	return g
}

// WithStore makes s remember redeemed tokens instead of this process's
// memory (a store shared by replicas makes single use global), and returns g.
func (g *Gate) WithStore(s SingleUse) *Gate {
	g.store = s
	return g
}

// TTL is the lifetime of the gate's tokens.
func (g *Gate) TTL() time.Duration { return g.ttl }

// Token layout: expiry (uint32 Unix seconds) | nonce (6 bytes) | MAC (10 bytes),
// in unpadded base64url: tokChars characters, one canonical spelling.
const (
	tokExp   = 4
	tokNonce = 6
	tokMAC   = 10
	tokLen   = tokExp + tokNonce + tokMAC
)

var tokChars = base64.RawURLEncoding.EncodedLen(tokLen)

// Token refusal reasons.
var (
	ErrTokenMalformed = errors.New("the confirmation token is malformed")
	ErrTokenMismatch  = errors.New("the confirmation token is not valid for this tool, these arguments, this Clerk key and this session or caller")
	ErrTokenExpired   = errors.New("the confirmation token has expired")
	ErrTokenUsed      = errors.New("the confirmation token was already used")
	// ErrStoreUnavailable: whether the token was used cannot be checked
	// (the shared store is down); the call is refused, the token is kept.
	ErrStoreUnavailable = errors.New("single use of the confirmation token cannot be checked")
)

// Issue returns a new token for the scope.
func (g *Gate) Issue(s Scope) (string, time.Time) {
	exp := g.now().Add(g.ttl).Truncate(time.Second)
	var b [tokLen]byte
	binary.BigEndian.PutUint32(b[:tokExp], uint32(exp.Unix()))
	if _, err := io.ReadFull(g.rand, b[tokExp:tokExp+tokNonce]); err != nil {
		panic(err)
	}
	copy(b[tokExp+tokNonce:], g.mac(s, b[:tokExp+tokNonce]))
	return base64.RawURLEncoding.EncodeToString(b[:]), exp
}

// Verify is VerifyContext without a deadline of its own.
func (g *Gate) Verify(s Scope, token string) error {
	return g.VerifyContext(context.Background(), s, token)
}

// VerifyContext accepts a token once, for the scope it was issued for. Only the
// canonical spelling of a token verifies: base64 decoders skip line breaks
// and ignore the unused low bits of the last character, so the token is
// decoded, encoded again and compared, or one token would have several
// spellings and be accepted once per spelling.
func (g *Gate) VerifyContext(ctx context.Context, s Scope, token string) error {
	if len(token) != tokChars {
		return ErrTokenMalformed
	}
	var b [tokLen]byte
	n, err := base64.RawURLEncoding.Decode(b[:], []byte(token))
	if err != nil || n != tokLen {
		return ErrTokenMalformed
	}
	var again [32]byte
	base64.RawURLEncoding.Encode(again[:tokChars], b[:])
	if subtle.ConstantTimeCompare(again[:tokChars], []byte(token)) != 1 {
		return ErrTokenMalformed
	}
	if !hmac.Equal(b[tokExp+tokNonce:], g.mac(s, b[:tokExp+tokNonce])) {
		return ErrTokenMismatch
	}
	now := g.now()
	exp := time.Unix(int64(binary.BigEndian.Uint32(b[:tokExp])), 0)
	if !now.Before(exp) {
		return ErrTokenExpired
	}
	// The id is the nonce and the MAC: unique across gates that share a
	// store with other keys, and no secret (the token was shown anyway).
	first, err := g.store.Claim(ctx, string(b[tokExp:]), exp)
	switch {
	case err != nil:
		if f, ok := err.(interface{ Final() bool }); ok && f.Final() {
			return err
		}
		return fmt.Errorf("%w: %w", ErrStoreUnavailable, err)
	case !first:
		return ErrTokenUsed
	}
	return nil
}

// mac signs the token head with every field of the scope, each
// length-prefixed so that no two scopes write the same bytes.
func (g *Gate) mac(s Scope, head []byte) []byte {
	m := hmac.New(sha256.New, g.key)
	var n [4]byte
	for _, f := range [...]string{s.Tool, string(s.Args), s.Key, s.Session, s.Caller} {
		binary.BigEndian.PutUint32(n[:], uint32(len(f)))
		m.Write(n[:])
		m.Write([]byte(f))
	}
	m.Write(head)
	return m.Sum(nil)[:tokMAC]
}
