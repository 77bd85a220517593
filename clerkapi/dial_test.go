package clerkapi

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPublicAddr(t *testing.T) {
	cases := []struct {
		addr   string
		public bool
	}{
		{"8.8.8.8", true},
		{"1.1.1.1", true},
		{"93.184.216.34", true},
		{"2606:4700:4700::1111", true},
		{"2a00:1450:4001:82a::200e", true},
		{"::ffff:8.8.8.8", true},
		{"64:ff9b::808:808", true},  // NAT64 of 8.8.8.8
		{"2002:808:808::1", true},   // 6to4 of 8.8.8.8
		{"100.63.255.255", true},    // just below CGNAT
		{"100.128.0.0", true},       // just above CGNAT
		{"172.32.0.1", true},        // just above 172.16/12
		{"127.0.0.1", false},        // loopback
		{"127.255.255.254", false},  // loopback
		{"::1", false},              // loopback
		{"0.0.0.0", false},          // unspecified
		{"::", false},               // unspecified
		{"10.0.0.1", false},         // private
		{"172.16.0.1", false},       // private
		{"172.31.255.255", false},   // private
		{"192.168.1.1", false},      // private
		{"169.254.169.254", false},  // link-local: cloud metadata
		{"100.64.0.1", false},       // CGNAT
		{"100.127.255.255", false},  // CGNAT
		{"192.0.0.170", false},      // IETF assignments
		{"192.0.2.1", false},        // documentation
		{"198.51.100.7", false},     // documentation
		{"203.0.113.9", false},      // documentation
		{"198.18.0.1", false},       // benchmarking
		{"192.88.99.1", false},      // 6to4 relay
		{"224.0.0.1", false},        // multicast
		{"239.255.255.250", false},  // multicast
		{"240.0.0.1", false},        // reserved
		{"255.255.255.255", false},  // broadcast
		{"::ffff:127.0.0.1", false}, // IPv4-mapped loopback
		{"::ffff:10.0.0.1", false},  // IPv4-mapped private
		{"::ffff:169.254.169.254", false},
		{"::ffff:0.0.0.0", false},
		{"::127.0.0.1", false},        // IPv4-compatible loopback
		{"::8.8.8.8", false},          // IPv4-compatible: deprecated, never dialed
		{"64:ff9b::7f00:1", false},    // NAT64 of 127.0.0.1
		{"64:ff9b::a00:1", false},     // NAT64 of 10.0.0.1
		{"64:ff9b::a9fe:a9fe", false}, // NAT64 of 169.254.169.254
		{"64:ff9b:1::808:808", false}, // local-use NAT64: mapping unknown
		{"2002:7f00:1::1", false},     // 6to4 of 127.0.0.1
		{"2002:c0a8:101::1", false},   // 6to4 of 192.168.1.1
		{"fe80::1", false},            // link-local
		{"fe80::1%eth0", false},       // link-local with zone
		{"fc00::1", false},            // ULA
		{"fd12:3456:789a::1", false},  // ULA
		{"ff02::1", false},            // multicast
		{"2001:db8::1", false},        // documentation
		{"3fff::1", false},            // documentation
		{"2001::1", false},            // Teredo
		{"2001:2::1", false},          // benchmarking
		{"100::1", false},             // discard-only
		{"::ffff:0:7f00:1", false},    // SIIT form
		{"fec0::1", false},            // site-local (deprecated)
	}
	for _, tc := range cases {
		t.Run(tc.addr, func(t *testing.T) {
			a, err := netip.ParseAddr(tc.addr)
			require.NoError(t, err)
			assert.Equal(t, tc.public, publicAddr(a))
		})
	}
}

func TestDialControl(t *testing.T) {
	ctl := dialControl(publicAddr)
	assert.NoError(t, ctl("tcp4", "8.8.8.8:443", nil))
	assert.NoError(t, ctl("tcp6", "[2606:4700:4700::1111]:443", nil))
	for _, a := range []string{"127.0.0.1:443", "[::1]:443", "[::ffff:127.0.0.1]:443", "[fe80::1%eth0]:443", "localhost:443", "", "garbage"} {
		assert.ErrorIs(t, ctl("tcp", a, nil), errNotPublic, "%q", a)
	}
}

// countingTLS is an https server on 127.0.0.1 that counts the connections
// and requests it received.
type countingTLS struct {
	*httptest.Server
	conns, reqs atomic.Int32
}

func newCountingTLS(t *testing.T, h http.HandlerFunc) *countingTLS {
	t.Helper()
	s := &countingTLS{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.reqs.Add(1)
		h(w, r)
	}))
	s.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.StartTLS()
	t.Cleanup(s.Close)
	return s
}

func (s *countingTLS) port() string {
	u, _ := url.Parse(s.URL)
	return u.Port()
}

const notPublic = "could not fetch file_url: the address is not a public https address"

func TestFetchRefusesInternalAddresses(t *testing.T) {
	pngData := pngBytes(t)
	internal := newCountingTLS(t, func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(pngData) })

	t.Run("the same fetch succeeds when loopback is allowed (the control)", func(t *testing.T) {
		h := newHarness(t, fetchLoopback)
		f := sentFile(t, h, uploadArgs(t, "file_url", internal.URL+"/a.png"))
		assert.Equal(t, pngData, f.Data)
		internal.conns.Store(0)
		internal.reqs.Store(0)
	})

	for _, u := range []string{
		internal.URL + "/a.png",                                    // https://127.0.0.1:port
		"https://localhost:" + internal.port() + "/a.png",          // a name that resolves to loopback
		"https://[::ffff:127.0.0.1]:" + internal.port() + "/a.png", // IPv4-mapped
		"https://0.0.0.0:" + internal.port() + "/a.png",            // unspecified reaches local listeners
	} {
		t.Run(u, func(t *testing.T) {
			h := newHarness(t, func(c *Config) { c.Uploads.roots = testCerts() }) // the real policy
			start := time.Now()
			_, err := h.c.Do(context.Background(), opUpload, uploadArgs(t, "file_url", u))
			var ae *ArgError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, "file_url", ae.Arg)
			assert.Equal(t, notPublic, ae.Msg)
			assert.NotContains(t, err.Error(), internal.port(), "no port in the error")
			assert.NotContains(t, err.Error(), "127.0.0.1")
			assert.Zero(t, internal.conns.Load(), "refused at dial: no connection reached the server")
			assert.Zero(t, internal.reqs.Load())
			assert.Zero(t, h.srv.Count(), "nothing was sent to Clerk")
			assert.Less(t, time.Since(start), 3*time.Second)
		})
	}
}

func TestFetchRedirects(t *testing.T) {
	pngData := pngBytes(t)
	var admin atomic.Int32
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		admin.Add(1)
		_, _ = w.Write(pngData)
	}))
	t.Cleanup(plain.Close)

	// Another https server, on 127.0.0.2: the redirect target the policy
	// of these tests treats as internal.
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no 127.0.0.2 on this machine: %v", err)
	}
	var internalConns atomic.Int32
	internal := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(pngData) }))
	internal.Listener = ln
	internal.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			internalConns.Add(1)
		}
	}
	internal.StartTLS()
	t.Cleanup(internal.Close)

	site := newCountingTLS(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-http":
			http.Redirect(w, r, plain.URL+"/internal-admin", http.StatusFound)
		case "/to-internal":
			http.Redirect(w, r, internal.URL+"/internal-admin", http.StatusFound)
		case "/img.png":
			_, _ = w.Write(pngData)
		default: // /hops/N redirects N more times, then serves the image
			n, err := strconv.Atoi(r.URL.Path[len("/hops/"):])
			if err != nil || n == 0 {
				http.Redirect(w, r, "/img.png", http.StatusFound)
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/hops/%d", n-1), http.StatusMovedPermanently)
		}
	})
	// Only 127.0.0.1 counts as public here.
	onlySite := func(c *Config) {
		c.Uploads.roots = testCerts()
		c.Uploads.allowAddr = func(a netip.Addr) bool { return a == netip.MustParseAddr("127.0.0.1") }
	}

	t.Run("a redirect to http is refused before any request", func(t *testing.T) {
		h := newHarness(t, onlySite)
		assertRefused(t, h, uploadArgs(t, "file_url", site.URL+"/to-http"), "file_url", notPublic)
		assert.Zero(t, admin.Load(), "the http target got no request")
	})

	t.Run("a redirect to an internal address is refused at dial", func(t *testing.T) {
		h := newHarness(t, onlySite)
		_, err := h.c.Do(context.Background(), opUpload, uploadArgs(t, "file_url", site.URL+"/to-internal"))
		var ae *ArgError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, notPublic, ae.Msg)
		assert.NotContains(t, err.Error(), "127.0.0.2")
		assert.Zero(t, internalConns.Load(), "no connection reached the internal server")
	})

	t.Run("three redirects are followed", func(t *testing.T) {
		h := newHarness(t, onlySite)
		f := sentFile(t, h, uploadArgs(t, "file_url", site.URL+"/hops/2")) // hops/2 -> hops/1 -> hops/0 -> img.png
		assert.Equal(t, pngData, f.Data)
	})

	t.Run("a chain of four redirects is refused", func(t *testing.T) {
		h := newHarness(t, onlySite)
		before := site.reqs.Load()
		assertRefused(t, h, uploadArgs(t, "file_url", site.URL+"/hops/3"), "file_url", "could not fetch file_url: more than 3 redirects")
		assert.Equal(t, int32(4), site.reqs.Load()-before, "the fourth redirect is not followed")
	})
}
