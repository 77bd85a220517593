package sandbox

import (
	"encoding/base64"
	"math/big"
)

// jwksHandlers are the handlers of the operations in clerkapi/jwks.go.
var jwksHandlers = map[string]handlerFunc{
	"get_jwks": (*Sandbox).getJWKS,
}

type jwk struct {
	Use string `json:"use"`
	Kty string `json:"kty"`
	Kid string `json:"kid"`
	Alg string `json:"alg"`
	N   string `json:"n"`
	E   string `json:"e"`
}

func (s *Sandbox) getJWKS(*call) (any, error) {
	k := s.signingKey()
	pub := k.key.PublicKey
	return map[string][]jwk{"keys": {{Use: "sig", Kty: "RSA", Kid: k.kid, Alg: "RS256",
		N: base64.RawURLEncoding.EncodeToString(pub.N.Bytes()),
		E: base64.RawURLEncoding.EncodeToString(big.NewInt(int64(pub.E)).Bytes())}}}, nil
}
