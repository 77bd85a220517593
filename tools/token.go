package tools

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"io"
	"sync"
	"time"
)

// Gate issues and checks the confirmation tokens of destructive tools. A token
// is bound to the tool, its canonical arguments and an expiry, is signed with
// the gate's key, and is accepted once.
type Gate struct {
	key  []byte
	ttl  time.Duration
	now  func() time.Time
	rand io.Reader

	mu   sync.Mutex
	used map[string]time.Time // nonce -> expiry, until it expires
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
	return &Gate{key: key, ttl: ttl, now: time.Now, rand: rand.Reader, used: map[string]time.Time{}}
}

// Token layout: expiry (uint32 Unix seconds) | nonce (6 bytes) | MAC (10 bytes).
const (
	tokExp   = 4
	tokNonce = 6
	tokMAC   = 10
	tokLen   = tokExp + tokNonce + tokMAC
)

// Token refusal reasons.
var (
	ErrTokenMalformed = errors.New("the confirmation token is malformed")
	ErrTokenMismatch  = errors.New("the confirmation token is not valid for this tool and these arguments")
	ErrTokenExpired   = errors.New("the confirmation token has expired")
	ErrTokenUsed      = errors.New("the confirmation token was already used")
)

// Issue returns a new token for the tool and canonical arguments.
func (g *Gate) Issue(tool string, canon []byte) (string, time.Time) {
	exp := g.now().Add(g.ttl).Truncate(time.Second)
	var b [tokLen]byte
	binary.BigEndian.PutUint32(b[:tokExp], uint32(exp.Unix()))
	if _, err := io.ReadFull(g.rand, b[tokExp:tokExp+tokNonce]); err != nil {
		panic(err)
	}
	copy(b[tokExp+tokNonce:], g.mac(tool, canon, b[:tokExp+tokNonce]))
	return base64.RawURLEncoding.EncodeToString(b[:]), exp
}

// Verify accepts a token once, for the tool and arguments it was issued for.
func (g *Gate) Verify(tool string, canon []byte, token string) error {
	b, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(b) != tokLen {
		return ErrTokenMalformed
	}
	if !hmac.Equal(b[tokExp+tokNonce:], g.mac(tool, canon, b[:tokExp+tokNonce])) {
		return ErrTokenMismatch
	}
	now := g.now()
	exp := time.Unix(int64(binary.BigEndian.Uint32(b[:tokExp])), 0)
	if !now.Before(exp) {
		return ErrTokenExpired
	}
	nonce := string(b[tokExp : tokExp+tokNonce])
	g.mu.Lock()
	defer g.mu.Unlock()
	for n, e := range g.used {
		if !now.Before(e) {
			delete(g.used, n)
		}
	}
	if _, seen := g.used[nonce]; seen {
		return ErrTokenUsed
	}
	g.used[nonce] = exp
	return nil
}

func (g *Gate) mac(tool string, canon, head []byte) []byte {
	m := hmac.New(sha256.New, g.key)
	m.Write([]byte(tool))
	m.Write([]byte{0})
	m.Write(canon)
	m.Write([]byte{0})
	m.Write(head)
	return m.Sum(nil)[:tokMAC]
}
