package clerkapi

import (
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// file_url fetches reach public https addresses only. The address is
// checked in the dialer, on the IP actually dialed after name resolution,
// so a name that resolves (or re-resolves: DNS rebinding) to an internal
// address is refused too; every redirect is checked again the same way.

// maxFetchRedirects is how many redirects a file_url fetch follows.
const maxFetchRedirects = 3

var (
	// errNotPublic: the fetch would reach a non-public address or leave https.
	errNotPublic = errors.New("the address is not a public https address")
	// errTooManyRedirects: the redirect chain is longer than maxFetchRedirects.
	errTooManyRedirects = errors.New("more than 3 redirects")
)

// Non-public IPv4 ranges (IANA special-purpose registry, RFC 6890 and
// successors): none of them is where an image for Clerk lives.
var nonPublic4 = prefixes(
	"0.0.0.0/8",       // "this network", unspecified
	"10.0.0.0/8",      // private
	"100.64.0.0/10",   // carrier-grade NAT
	"127.0.0.0/8",     // loopback
	"169.254.0.0/16",  // link-local, cloud metadata
	"172.16.0.0/12",   // private
	"192.0.0.0/24",    // IETF protocol assignments
	"192.0.2.0/24",    // documentation
	"192.88.99.0/24",  // 6to4 relay anycast (deprecated)
	"192.168.0.0/16",  // private
	"198.18.0.0/15",   // benchmarking
	"198.51.100.0/24", // documentation
	"203.0.113.0/24",  // documentation
	"224.0.0.0/4",     // multicast
	"240.0.0.0/4",     // reserved, and 255.255.255.255 broadcast
)

var (
	global6    = netip.MustParsePrefix("2000::/3")     // IPv6 global unicast; all else is not public
	nat64      = netip.MustParsePrefix("64:ff9b::/96") // well-known NAT64: judge the IPv4 inside
	sixToFour  = netip.MustParsePrefix("2002::/16")    // 6to4: judge the IPv4 inside
	nonPublic6 = prefixes(
		"2001::/23",     // IETF protocol assignments: Teredo, benchmarking, ORCHID
		"2001:db8::/32", // documentation
		"3fff::/20",     // documentation
	)
)

func prefixes(ss ...string) []netip.Prefix {
	ps := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		ps[i] = netip.MustParsePrefix(s)
	}
	return ps
}

// publicAddr reports whether a file_url fetch may dial ip: a public unicast
// address. IPv4-mapped, NAT64 and 6to4 forms are judged by the IPv4 address
// they carry; IPv4-compatible (::a.b.c.d), ULA, link-local, multicast,
// loopback and unspecified IPv6 addresses lie outside 2000::/3.
func publicAddr(ip netip.Addr) bool {
	ip = ip.WithZone("")
	switch {
	case ip.Is4In6():
		return publicAddr(ip.Unmap())
	case ip.Is4():
		for _, p := range nonPublic4 {
			if p.Contains(ip) {
				return false
			}
		}
		return true
	case nat64.Contains(ip):
		b := ip.As16()
		return publicAddr(netip.AddrFrom4([4]byte(b[12:16])))
	case sixToFour.Contains(ip):
		b := ip.As16()
		return publicAddr(netip.AddrFrom4([4]byte(b[2:6])))
	case !global6.Contains(ip):
		return false
	}
	for _, p := range nonPublic6 {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// dialControl refuses, before connecting, any address allow refuses.
func dialControl(allow func(netip.Addr) bool) func(network, address string, _ syscall.RawConn) error {
	return func(_, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil || !allow(ap.Addr()) {
			return errNotPublic
		}
		return nil
	}
}

// checkFetchRedirect follows at most maxFetchRedirects redirects, to https
// URLs only; the dialer checks each new address.
func checkFetchRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > maxFetchRedirects {
		return errTooManyRedirects
	}
	if req.URL.Scheme != "https" {
		return errNotPublic
	}
	return nil
}

// httpClient returns the client of file_url fetches, built on first use.
// Its transport uses no proxy (a proxy would dial for us, past the check)
// and dials only the addresses u.allowAddr accepts (publicAddr unless a
// test says otherwise). A configured HTTPClient replaces the transport
// wholesale, keeping the redirect rule.
func (u *Uploads) httpClient() *http.Client {
	if u.HTTPClient != nil {
		hc := *u.HTTPClient
		hc.CheckRedirect = checkFetchRedirect
		return &hc
	}
	allow := u.allowAddr
	if allow == nil {
		allow = publicAddr
	}
	d := &net.Dialer{Timeout: 10 * time.Second, Control: dialControl(allow)}
	return &http.Client{
		Transport: &http.Transport{
			Proxy:               nil,
			DialContext:         d.DialContext,
			TLSClientConfig:     &tls.Config{RootCAs: u.roots, MinVersion: tls.VersionTLS12},
			TLSHandshakeTimeout: 10 * time.Second,
			ForceAttemptHTTP2:   true,
			MaxIdleConns:        4,
			IdleConnTimeout:     30 * time.Second,
		},
		CheckRedirect: checkFetchRedirect,
	}
}
