package oauth

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/golang-jwt/jwt/v5"
)

// claims are the access token claims read (RFC 9068, plus the scp and azp
// spellings some issuers use).
type claims struct {
	jwt.RegisteredClaims
	Scope    string          `json:"scope"`
	Scp      json.RawMessage `json:"scp"`
	ClientID string          `json:"client_id"`
	Azp      string          `json:"azp"`
}

// scopes returns the token's scopes from scope (space-separated) or scp
// (an array or a string).
func (c *claims) scopes() []string {
	out := strings.Fields(c.Scope)
	var list []string
	var one string
	switch {
	case json.Unmarshal(c.Scp, &list) == nil:
		out = append(out, list...)
	case json.Unmarshal(c.Scp, &one) == nil:
		out = append(out, strings.Fields(one)...)
	}
	return out
}

// verifyJWT checks a JWT's signature against the issuer's keys, then iss,
// aud, exp and nbf. outage reports that the keys could not be fetched.
func (v *Verifier) verifyJWT(ctx context.Context, token string, now time.Time) (*Identity, time.Time, *Error, bool) {
	var c claims
	outage := false
	p := jwt.NewParser(
		jwt.WithValidMethods(v.cfg.Algorithms),
		jwt.WithIssuer(v.cfg.Issuer),
		jwt.WithAudience(v.cfg.Resource),
		jwt.WithLeeway(Leeway),
		jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(func() time.Time { return now }),
	)
	_, err := p.ParseWithClaims(token, &c, func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		alg, _ := t.Header["alg"].(string)
		k, err := v.keys.find(ctx, kid, now)
		if err != nil {
			outage = errors.Is(err, errUnreachable)
			return nil, err
		}
		if k.Algorithm != "" && k.Algorithm != alg {
			return nil, fmt.Errorf("key %s is for %s, not %s", kid, k.Algorithm, alg)
		}
		return k.Key, nil
	})
	if err != nil {
		return nil, time.Time{}, invalid("%s", describe(err)), outage
	}
	if c.Subject == "" {
		return nil, time.Time{}, invalid("the access token names no subject"), false
	}
	client := c.ClientID
	if client == "" {
		client = c.Azp
	}
	return v.identity(c.Subject, client, c.scopes(), "jwt"), c.ExpiresAt.Time, nil, false
}

// describe turns a jwt error into a short description without the token.
func describe(err error) string {
	switch {
	case errors.Is(err, jwt.ErrTokenExpired):
		return "the access token expired"
	case errors.Is(err, jwt.ErrTokenNotValidYet):
		return "the access token is not valid yet"
	case errors.Is(err, jwt.ErrTokenInvalidIssuer):
		return "the access token is from another issuer"
	case errors.Is(err, jwt.ErrTokenInvalidAudience):
		return "the access token is not for this server (audience)"
	case errors.Is(err, jwt.ErrTokenRequiredClaimMissing):
		return "the access token lacks a required claim"
	case errors.Is(err, jwt.ErrTokenSignatureInvalid):
		return "the access token's signature is invalid"
	case errors.Is(err, jwt.ErrTokenUnverifiable):
		if errors.Is(err, errUnreachable) {
			return "the issuer's keys cannot be fetched right now; retry"
		}
		var ke keyError
		if errors.As(err, &ke) {
			return string(ke)
		}
		return "the access token's signing algorithm or key is not accepted"
	case errors.Is(err, jwt.ErrTokenMalformed):
		return "the access token is malformed"
	}
	return "the access token is not valid"
}

// keyError is a refusal about the token's key, safe to show.
type keyError string

func (e keyError) Error() string { return string(e) }

// errUnreachable marks a failure to fetch the issuer's metadata or keys.
var errUnreachable = errors.New("issuer unreachable")

// keySet is the issuer's JWKS, discovered from its metadata and fetched
// again for an unknown key id at most once per RefetchEvery. Fetches are
// serialized: requests that miss together wait for one fetch.
type keySet struct {
	v *Verifier

	mu      sync.RWMutex
	keys    map[string]jose.JSONWebKey
	fetched time.Time // last fetch attempt

	fetch   sync.Mutex // one fetch at a time
	jwksURL string     // from the metadata, once known
}

// find returns the public key for kid (empty: the only key).
func (s *keySet) find(ctx context.Context, kid string, now time.Time) (jose.JSONWebKey, error) {
	if k, ok := s.lookup(kid); ok {
		return k, nil
	}
	s.fetch.Lock()
	defer s.fetch.Unlock()
	if k, ok := s.lookup(kid); ok { // fetched while this one waited
		return k, nil
	}
	s.mu.RLock()
	last, have := s.fetched, s.keys != nil
	s.mu.RUnlock()
	wait := RefetchEvery
	if !have {
		wait = 5 * time.Second // no keys yet: the issuer was down, try again soon
	}
	if !last.IsZero() && now.Sub(last) < wait {
		if !have {
			return jose.JSONWebKey{}, fmt.Errorf("%w: fetched less than %s ago", errUnreachable, wait)
		}
		return jose.JSONWebKey{}, keyError("the access token's key id is not among the issuer's keys")
	}
	s.mu.Lock()
	s.fetched = now
	s.mu.Unlock()
	keys, err := s.load(ctx)
	if err != nil {
		s.v.cfg.Logger.Warn("oauth: cannot fetch the issuer's keys", "issuer", s.v.cfg.Issuer, "error", err)
		return jose.JSONWebKey{}, fmt.Errorf("%w: %v", errUnreachable, err)
	}
	s.mu.Lock()
	s.keys = keys
	s.mu.Unlock()
	if k, ok := s.lookup(kid); ok {
		return k, nil
	}
	return jose.JSONWebKey{}, keyError("the access token's key id is not among the issuer's keys")
}

func (s *keySet) lookup(kid string) (jose.JSONWebKey, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if kid == "" && len(s.keys) == 1 {
		for _, k := range s.keys {
			return k, true
		}
	}
	k, ok := s.keys[kid]
	return k, ok && kid != ""
}

// load discovers the JWKS URL (once) and fetches the keys, keeping only
// public signature keys of an accepted type and size.
func (s *keySet) load(ctx context.Context) (map[string]jose.JSONWebKey, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if s.jwksURL == "" {
		u, err := s.discover(ctx)
		if err != nil {
			return nil, err
		}
		s.jwksURL = u
	}
	var set jose.JSONWebKeySet
	if err := s.get(ctx, s.jwksURL, &set); err != nil {
		return nil, err
	}
	keys := map[string]jose.JSONWebKey{}
	for _, k := range set.Keys {
		if k.Use != "" && k.Use != "sig" {
			continue
		}
		switch pk := k.Key.(type) {
		case *rsa.PublicKey:
			if pk.N.BitLen() < 2048 {
				continue
			}
		case *ecdsa.PublicKey, ed25519.PublicKey:
		default: // private or symmetric keys are never used to verify
			continue
		}
		keys[k.KeyID] = k
	}
	if len(keys) == 0 {
		return nil, errors.New("the issuer's JWKS has no usable public signing key")
	}
	return keys, nil
}

// discover reads the issuer's metadata: RFC 8414 first, then OpenID
// Connect discovery (Clerk's Frontend API serves both). The metadata must
// name the configured issuer exactly.
func (s *keySet) discover(ctx context.Context) (string, error) {
	iss := s.v.cfg.Issuer
	u, _ := url.Parse(iss)
	path := strings.TrimSuffix(u.Path, "/")
	base := u.Scheme + "://" + u.Host
	candidates := []string{base + "/.well-known/oauth-authorization-server" + path, iss + "/.well-known/openid-configuration"}
	if path != "" {
		candidates = append(candidates, iss+"/.well-known/oauth-authorization-server")
	}
	var errs []error
	for _, c := range candidates {
		var m struct {
			Issuer  string `json:"issuer"`
			JWKSURI string `json:"jwks_uri"`
		}
		if err := s.get(ctx, c, &m); err != nil {
			errs = append(errs, err)
			continue
		}
		if m.Issuer != iss {
			return "", fmt.Errorf("%s names the issuer %q, not %q", c, m.Issuer, iss)
		}
		if err := checkURL("jwks_uri", m.JWKSURI); err != nil {
			return "", fmt.Errorf("%s: %v", c, err)
		}
		return m.JWKSURI, nil
	}
	return "", fmt.Errorf("no authorization server metadata for %s: %w", iss, errors.Join(errs...))
}

// get fetches a JSON document of at most 1 MiB.
func (s *keySet) get(ctx context.Context, u string, into any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := s.v.cfg.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: HTTP %d", u, resp.StatusCode)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, into); err != nil {
		return fmt.Errorf("GET %s: %v", u, err)
	}
	return nil
}
