package clerkapi

import (
	"errors"
	"net"
	"net/url"
	"strings"
)

// CheckBaseURL vets an API base URL (--api-url, CLERK_API_URL) before any
// key is sent to it: https, or http to a loopback host (a local fake or
// proxy) unless allowInsecure; a host; no user name or password, query or
// fragment. Errors never repeat the URL, which may hold a password.
func CheckBaseURL(raw string, allowInsecure bool) error {
	const field = "--api-url (CLERK_API_URL)"
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return errors.New(field + " is not a valid URL")
	case u.Scheme != "https" && u.Scheme != "http":
		return errors.New(field + " must be an https:// URL")
	case u.Opaque != "" || u.Host == "" || u.Hostname() == "":
		return errors.New(field + " must name a host, as in https://api.clerk.com/v1")
	case u.User != nil:
		return errors.New(field + " must not contain a user name or password")
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(raw, "#"):
		return errors.New(field + " must not contain a query (?) or fragment (#)")
	case u.Scheme == "http" && !allowInsecure && !loopbackHost(u.Hostname()):
		return errors.New(field + " must be https:// unless the host is loopback (localhost, 127.0.0.1, ::1): over http the secret key would travel in clear")
	}
	return nil
}

// loopbackHost reports whether host is localhost or a loopback IP literal.
func loopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// KeyEnvironment names the Clerk environment a secret key is for, never
// the key: "live" (sk_live_…), "test" (sk_test_…) or "unknown". Spaces
// around the key and letter case do not change the answer; callers treat
// "unknown" like "live" (fail closed).
func KeyEnvironment(key string) string {
	k := strings.ToLower(strings.TrimSpace(key))
	switch {
	case strings.HasPrefix(k, "sk_live_"):
		return "live"
	case strings.HasPrefix(k, "sk_test_"):
		return "test"
	}
	return "unknown"
}
