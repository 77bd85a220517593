package hosting

import (
	"fmt"
	"strings"
)

// MinTokenBytes is the shortest bearer token accepted: a token is the whole
// of a hosted server's protection, so it must not be guessable.
const MinTokenBytes = 16

// ParseTokens reads --auth-token (CLERK_MCP_AUTH_TOKEN): a comma list of
// bearer tokens. Blanks around and between entries are dropped, so " , " is
// no token at all, never an empty token. A token shorter than MinTokenBytes
// is an error; the message gives its position and length, never the token.
func ParseTokens(raw string) ([]string, error) {
	var out []string
	for f := range strings.SplitSeq(raw, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if len(f) < MinTokenBytes {
			return nil, fmt.Errorf("--auth-token: token %d of the list is %d bytes, shorter than %d; use a long random token (e.g. openssl rand -hex 32)",
				len(out)+1, len(f), MinTokenBytes)
		}
		out = append(out, f)
	}
	return out, nil
}

// CheckExposure decides whether an HTTP listener on addr may serve with the
// parsed tokens. Beyond loopback, no token is refused unless insecureNoAuth
// accepts it; then insecure is true and the caller must log a warning. An
// empty list is no token, whatever the raw flag looked like.
func CheckExposure(addr string, tokens []string, insecureNoAuth bool) (insecure bool, err error) {
	if len(tokens) > 0 || IsLoopback(addr) {
		return false, nil
	}
	if !insecureNoAuth {
		return false, fmt.Errorf("refusing to listen on %s without --auth-token: anyone who reaches it could use your Clerk key (pass --insecure-no-auth to accept that)", addr)
	}
	return true, nil
}
