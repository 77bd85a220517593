package clerkapi

import (
	"context"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// MaxUploadBytes is the largest image Clerk accepts for an upload.
const MaxUploadBytes = 10 << 20

// File is the content of an upload.
type File struct {
	Name        string
	ContentType string
	Data        []byte
}

// Uploads says where upload operations may read images from.
type Uploads struct {
	// AllowPaths lets file_path read the local file system. Keep it off when
	// callers are remote (HTTP transports): the path would be on this server.
	AllowPaths bool
	// HTTPClient, when set, replaces the file_url fetcher's transport (for
	// in-process stubs): its transport then decides which addresses are
	// reached. Leave it nil to fetch from public https addresses only.
	// Fetches never carry the Clerk secret key.
	HTTPClient *http.Client
	// Timeout bounds a file_url fetch (default 20 s).
	Timeout time.Duration

	// allowAddr replaces publicAddr (tests reach 127.0.0.1 with it), and
	// roots the system's root CAs, in the fetcher's own transport.
	allowAddr func(netip.Addr) bool
	roots     *x509.CertPool
	// fetcher returns the fetch client, built on first use (New sets it).
	fetcher func() *http.Client
}

var imageTypes = map[string]string{"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp"}

// resolve reads the one upload source the arguments name.
func (u *Uploads) resolve(ctx context.Context, args Args) (*File, error) {
	var given []string
	for _, k := range []string{"file_path", "file_base64", "file_url"} {
		if raw, ok := args[k]; ok && !isNull(raw) {
			given = append(given, k)
		}
	}
	if len(given) != 1 {
		return nil, &ArgError{"file_path", fmt.Sprintf("give exactly one of file_path, file_base64 or file_url (got %d)", len(given))}
	}
	src := given[0]
	v, err := scalarText(src, args[src])
	if err != nil {
		return nil, err
	}
	var data []byte
	name := "upload"
	switch src {
	case "file_path":
		data, err = u.readPath(v)
		name = filepath.Base(v)
	case "file_base64":
		data, err = decodeBase64(v)
	case "file_url":
		data, err = u.fetch(ctx, v)
		if p, perr := url.Parse(v); perr == nil {
			if base := path.Base(p.Path); base != "/" && base != "." {
				name = base
			}
		}
	}
	if err != nil {
		return nil, &ArgError{src, err.Error()}
	}
	ct := http.DetectContentType(data)
	ext, ok := imageTypes[ct]
	if !ok {
		return nil, &ArgError{src, fmt.Sprintf("content is %s; expected a JPEG, PNG, GIF or WebP image", ct)}
	}
	if filepath.Ext(name) == "" {
		name += ext
	}
	return &File{Name: name, ContentType: ct, Data: data}, nil
}

func (u *Uploads) readPath(p string) ([]byte, error) {
	if !u.AllowPaths {
		return nil, fmt.Errorf("local paths are disabled on this server; use file_base64 or file_url")
	}
	// Open first, then judge what was opened: a check before the open
	// could be raced (a symlink swapped for a FIFO would block the read
	// forever). The open neither follows a final symlink nor waits for a
	// FIFO's writer.
	f, err := openNoFollow(p)
	if errors.Is(err, errSymlink) {
		return nil, errSymlink
	}
	if err != nil {
		return nil, fmt.Errorf("cannot open %q: %v", p, errorText(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read %q: %v", p, errorText(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%q is not a regular file", p)
	}
	if fi.Size() > MaxUploadBytes {
		return nil, fmt.Errorf("file is %d bytes; the limit is 10 MB", fi.Size())
	}
	return readCapped(f)
}

// errSymlink: file_path names a symbolic link.
var errSymlink = errors.New("file_path must not be a symbolic link")

func decodeBase64(s string) ([]byte, error) {
	if rest, ok := strings.CutPrefix(s, "data:"); ok {
		_, payload, found := strings.Cut(rest, ";base64,")
		if !found {
			return nil, fmt.Errorf("data URI must be base64-encoded")
		}
		s = payload
	}
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == ' ' {
			return -1
		}
		return r
	}, s)
	if base64.StdEncoding.DecodedLen(len(s)) > MaxUploadBytes+3 {
		return nil, fmt.Errorf("decoded data exceeds the 10 MB limit")
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			if len(b) > MaxUploadBytes {
				return nil, fmt.Errorf("decoded data exceeds the 10 MB limit")
			}
			return b, nil
		}
	}
	return nil, fmt.Errorf("not valid base64")
}

// fetch GETs an https URL from a public address (see dial.go). Failures
// are reported without the address, port or network error behind them,
// so file_url cannot be used to map what the server can reach.
func (u *Uploads) fetch(ctx context.Context, raw string) ([]byte, error) {
	p, err := url.Parse(raw)
	if err != nil || p.Scheme != "https" || p.Host == "" {
		return nil, fmt.Errorf("expected an https:// URL")
	}
	timeout := u.Timeout
	if timeout <= 0 {
		timeout = 20 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("expected an https:// URL")
	}
	resp, err := u.fetcher().Do(req)
	if err != nil {
		switch {
		case errors.Is(err, errNotPublic):
			return nil, fmt.Errorf("could not fetch file_url: %w", errNotPublic)
		case errors.Is(err, errTooManyRedirects):
			return nil, fmt.Errorf("could not fetch file_url: %w", errTooManyRedirects)
		case ctx.Err() != nil:
			return nil, fmt.Errorf("fetching the URL timed out after %s", timeout)
		}
		return nil, fmt.Errorf("could not fetch file_url: no valid https answer from the server")
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetching the URL answered HTTP %d", resp.StatusCode)
	}
	if resp.ContentLength > MaxUploadBytes {
		return nil, fmt.Errorf("the URL serves %d bytes; the limit is 10 MB", resp.ContentLength)
	}
	b, err := readCapped(resp.Body)
	if err != nil && ctx.Err() != nil {
		// The deadline cut the answer short (a server may even end it
		// cleanly once the connection goes): say so, not "empty".
		return nil, fmt.Errorf("fetching the URL timed out after %s", timeout)
	}
	return b, err
}

func readCapped(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxUploadBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxUploadBytes {
		return nil, fmt.Errorf("content exceeds the 10 MB limit")
	}
	if len(b) == 0 {
		return nil, fmt.Errorf("content is empty")
	}
	return b, nil
}

// errorText drops the operation prefix Go puts on OS errors.
func errorText(err error) string {
	var pe *os.PathError
	if e, ok := err.(*os.PathError); ok {
		pe = e
		return pe.Err.Error()
	}
	return err.Error()
}
