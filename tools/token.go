package tools

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"errors"
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

	mu    sync.Mutex
	used  map[string]time.Time // nonce -> expiry, until it expires
	swept time.Time            // when expired nonces were last dropped
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
	return &Gate{key: key, ttl: ttl, now: time.Now, rand: rand.Reader, used: map[string]time.Time{}}
}

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

// Verify accepts a token once, for the scope it was issued for. Only the
// canonical spelling of a token verifies: base64 decoders skip line breaks
// and ignore the unused low bits of the last character, so the token is
// decoded, encoded again and compared, or one token would have several
// spellings and be accepted once per spelling.
func (g *Gate) Verify(s Scope, token string) error {
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
	nonce := string(b[tokExp : tokExp+tokNonce])
	g.mu.Lock()
	defer g.mu.Unlock()
	if !now.Before(g.swept.Add(time.Second)) || now.Before(g.swept) {
		// At most once a second: a sweep per call would cost O(used).
		for n, e := range g.used {
			if !now.Before(e) {
				delete(g.used, n)
			}
		}
		g.swept = now
	}
	if e, seen := g.used[nonce]; seen && now.Before(e) {
		return ErrTokenUsed
	}
	g.used[nonce] = exp
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
