package clerkapi

import (
	"crypto/sha256"
	"encoding/hex"
)

// Fingerprint identifies a credential without revealing it: the first 16
// bytes of its SHA-256, in hex. It binds confirmation tokens to the key or
// caller they were issued for.
func Fingerprint(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:16])
}

// KeyFingerprint is the Fingerprint of the instance secret key the client
// calls with ("" for a nil client).
func (c *Client) KeyFingerprint() string {
	if c == nil {
		return ""
	}
	return Fingerprint(c.key)
}
