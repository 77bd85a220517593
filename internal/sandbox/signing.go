package sandbox

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
)

// Session tokens, JWT-template tokens and clients. Tokens are RS256 JWTs
// signed with the instance key get_jwks serves: an RSA key made on first
// use (so a sandbox that mints nothing never pays for it), one per sandbox.

// signer is the instance's signing key and its key ID.
type signer struct {
	key *rsa.PrivateKey
	kid string
}

// WithSigningKey makes the sandbox sign with key instead of a key of its
// own, so tests skip generating one.
func WithSigningKey(key *rsa.PrivateKey) Option {
	return func(s *Sandbox) { s.signer = &signer{key: key, kid: "ins_" + idBody("signing key", 1)} }
}

// signingKey returns the instance key, generating it on first use.
func (s *Sandbox) signingKey() *signer {
	if s.signer == nil {
		key, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic("sandbox: generating the signing key: " + err.Error())
		}
		s.signer = &signer{key: key, kid: "ins_" + idBody("signing key", 1)}
	}
	return s.signer
}

var b64 = base64.RawURLEncoding

// sign encodes claims as a compact RS256 JWS.
func (s *Sandbox) sign(claims map[string]any) string { return s.signTyped("JWT", claims) }

// signTyped is sign with the header's typ (at+jwt for OAuth access tokens,
// RFC 9068).
func (s *Sandbox) signTyped(typ string, claims map[string]any) string {
	k := s.signingKey()
	h, _ := json.Marshal(map[string]string{"alg": "RS256", "kid": k.kid, "typ": typ})
	p, _ := json.Marshal(claims)
	in := b64.EncodeToString(h) + "." + b64.EncodeToString(p)
	sum := sha256.Sum256([]byte(in))
	sig, err := rsa.SignPKCS1v15(nil, k.key, crypto.SHA256, sum[:])
	if err != nil {
		panic("sandbox: signing: " + err.Error())
	}
	return in + "." + b64.EncodeToString(sig)
}

// parseOwnJWT checks that token is an RS256 JWT this sandbox signed and
// returns its claims; it does not check times.
func (s *Sandbox) parseOwnJWT(token string) (map[string]any, bool) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, false
	}
	var h struct{ Alg, Kid string }
	hb, err1 := b64.DecodeString(parts[0])
	pb, err2 := b64.DecodeString(parts[1])
	sig, err3 := b64.DecodeString(parts[2])
	if err1 != nil || err2 != nil || err3 != nil || json.Unmarshal(hb, &h) != nil || h.Alg != "RS256" {
		return nil, false
	}
	k := s.signingKey()
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if h.Kid != k.kid || rsa.VerifyPKCS1v15(&k.key.PublicKey, crypto.SHA256, sum[:], sig) != nil {
		return nil, false
	}
	var claims map[string]any
	if json.Unmarshal(pb, &claims) != nil {
		return nil, false
	}
	return claims, true
}
