package clerkapi

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
)

// Tiny images, encoded by the standard library so they are valid files.

func tinyImage() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	img.Set(0, 0, color.RGBA{R: 255, A: 255})
	img.Set(1, 1, color.RGBA{B: 255, A: 255})
	return img
}

func pngBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, tinyImage()))
	return buf.Bytes()
}

func jpegBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, jpeg.Encode(&buf, tinyImage(), nil))
	return buf.Bytes()
}

func gifBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, gif.Encode(&buf, tinyImage(), nil))
	return buf.Bytes()
}

// webpBytes is a RIFF/WEBP container header: enough for content sniffing.
func webpBytes() []byte {
	payload := []byte("WEBPVP8L\x05\x00\x00\x00\x2f\x00\x00\x00\x00")
	out := []byte("RIFF")
	out = binary.LittleEndian.AppendUint32(out, uint32(len(payload)))
	return append(out, payload...)
}

// bigPNG is a PNG signature followed by padding, n bytes in all.
func bigPNG(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	copy(b, pngBytes(t))
	return b
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// uploadArgs are the arguments of opUpload with one source.
func uploadArgs(t *testing.T, source, value string) Args {
	t.Helper()
	return jargs(t, `{"thing_id":"t_1",`+jsonString(source)+`:`+jsonString(value)+`}`)
}

// sentFile does the upload and returns the one file part Clerk received.
func sentFile(t *testing.T, h *harness, args Args) filePart {
	t.Helper()
	_, err := h.c.Do(context.Background(), opUpload, args)
	require.NoError(t, err)
	_, files := readMultipart(t, onlyRequest(t, h.srv))
	require.Len(t, files, 1)
	assert.Equal(t, "file", files[0].FormName)
	return files[0]
}

// assertRefused checks the upload failed on the named argument, with the
// message, and that nothing reached Clerk.
func assertRefused(t *testing.T, h *harness, args Args, arg, msg string) {
	t.Helper()
	_, err := h.c.Do(context.Background(), opUpload, args)
	var ae *ArgError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, arg, ae.Arg)
	assert.Contains(t, ae.Msg, msg)
	assert.True(t, strings.HasPrefix(err.Error(), arg+": "), "error %q names the argument", err.Error())
	assert.Zero(t, h.srv.Count(), "nothing may be sent to Clerk")
}

func allowPaths(c *Config) { c.Uploads.AllowPaths = true }

func TestUploadFilePath(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o600))
		return p
	}
	pngData, jpegData, gifData := pngBytes(t), jpegBytes(t), gifBytes(t)

	ok := []struct {
		name, file, filename, contentType string
		data                              []byte
	}{
		{name: "a PNG file is sent with its name", file: write("avatar.png", pngData), filename: "avatar.png", contentType: "image/png", data: pngData},
		{name: "a JPEG without extension gets one from its content", file: write("photo", jpegData), filename: "photo.jpg", contentType: "image/jpeg", data: jpegData},
		{name: "a GIF with a unicode name keeps the name", file: write("фото кот.gif", gifData), filename: "фото кот.gif", contentType: "image/gif", data: gifData},
		{name: "the content type is sniffed, not taken from the extension", file: write("really-a-gif.png", gifData), filename: "really-a-gif.png", contentType: "image/gif", data: gifData},
		{name: "a WebP file is accepted", file: write("pic.webp", webpBytes()), filename: "pic.webp", contentType: "image/webp", data: webpBytes()},
	}
	for _, tc := range ok {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, allowPaths)
			f := sentFile(t, h, uploadArgs(t, "file_path", tc.file))
			assert.Equal(t, tc.filename, f.FileName)
			assert.Equal(t, tc.contentType, f.ContentType)
			assert.Equal(t, tc.data, f.Data)
		})
	}

	big := filepath.Join(dir, "big.png")
	fh, err := os.Create(big)
	require.NoError(t, err)
	_, err = fh.Write(pngData)
	require.NoError(t, err)
	require.NoError(t, fh.Truncate(MaxUploadBytes+1))
	require.NoError(t, fh.Close())

	refused := []struct {
		name, path, msg string
	}{
		{name: "a directory is refused", path: dir, msg: "is not a regular file"},
		{name: "a missing file is refused", path: filepath.Join(dir, "nope.png"), msg: "no such file or directory"},
		{name: "a file over 10 MB is refused", path: big, msg: "file is 10485761 bytes; the limit is 10 MB"},
		{name: "a text file is refused", path: write("notes.png", []byte("just some text, not an image\n")), msg: "content is text/plain; charset=utf-8; expected a JPEG, PNG, GIF or WebP image"},
		{name: "an empty file is refused", path: write("empty.png", nil), msg: "content is empty"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, allowPaths)
			assertRefused(t, h, uploadArgs(t, "file_path", tc.path), "file_path", tc.msg)
		})
	}

	t.Run("a path is refused when local paths are disabled", func(t *testing.T) {
		h := newHarness(t) // AllowPaths is false by default
		assertRefused(t, h, uploadArgs(t, "file_path", write("ok.png", pngData)), "file_path", "use file_base64 or file_url")
	})
	t.Run("a disabled path is refused before the file system is touched", func(t *testing.T) {
		h := newHarness(t)
		assertRefused(t, h, uploadArgs(t, "file_path", filepath.Join(dir, "missing.png")), "file_path", "local paths are disabled on this server")
	})
}

func TestUploadFileBase64(t *testing.T) {
	pngData, jpegData, gifData := pngBytes(t), jpegBytes(t), gifBytes(t)
	// Trailing bytes after IEND do not change the sniffed type, and 0xfb 0xff
	// encode to characters that differ between the standard and URL alphabets.
	urlish := append(append([]byte(nil), pngData...), 0xfb, 0xff, 0xbf, 0xfb, 0xef)
	if len(urlish)%3 == 0 {
		urlish = append(urlish, 0xff)
	}
	urlEnc := base64.URLEncoding.EncodeToString(urlish)
	require.True(t, strings.ContainsAny(urlEnc, "-_"), "the sample must use the URL-safe alphabet: %s", urlEnc)
	rawURLEnc := base64.RawURLEncoding.EncodeToString(urlish)
	require.NotEqual(t, urlEnc, rawURLEnc, "the sample must need padding")

	wrapped := b64(jpegData)
	var lines []string
	for len(wrapped) > 76 {
		lines, wrapped = append(lines, wrapped[:76]), wrapped[76:]
	}
	wrapped = strings.Join(append(lines, wrapped), "\r\n")

	ok := []struct {
		name, value, contentType string
		data                     []byte
	}{
		{name: "plain base64 is decoded", value: b64(pngData), contentType: "image/png", data: pngData},
		{name: "unpadded base64 is decoded", value: base64.RawStdEncoding.EncodeToString(gifData), contentType: "image/gif", data: gifData},
		{name: "base64 wrapped over lines is decoded", value: wrapped, contentType: "image/jpeg", data: jpegData},
		{name: "a data URI is decoded", value: "data:image/png;base64," + b64(pngData), contentType: "image/png", data: pngData},
		{name: "a data URI's declared type does not override sniffing", value: "data:image/png;base64," + b64(gifData), contentType: "image/gif", data: gifData},
		{name: "URL-safe base64 is decoded", value: urlEnc, contentType: "image/png", data: urlish},
		{name: "unpadded URL-safe base64 is decoded", value: rawURLEnc, contentType: "image/png", data: urlish},
		{name: "WebP is accepted", value: b64(webpBytes()), contentType: "image/webp", data: webpBytes()},
	}
	for _, tc := range ok {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			f := sentFile(t, h, uploadArgs(t, "file_base64", tc.value))
			assert.Equal(t, tc.contentType, f.ContentType)
			assert.Equal(t, "upload"+imageTypes[tc.contentType], f.FileName)
			assert.Equal(t, tc.data, f.Data)
		})
	}

	refused := []struct {
		name, value, msg string
	}{
		{name: "invalid base64 is refused", value: "!!! not base64 !!!", msg: "not valid base64"},
		{name: "a data URI that is not base64 is refused", value: "data:image/png,%89PNG", msg: "data URI must be base64-encoded"},
		{name: "base64 of text is refused", value: b64([]byte("hello, world")), msg: "content is text/plain"},
		{name: "base64 of a PDF is refused", value: b64([]byte("%PDF-1.4\n%âãÏÓ\n")), msg: "content is application/pdf"},
		{name: "an empty value is refused", value: "", msg: "expected a JPEG, PNG, GIF or WebP image"},
		{name: "data over 10 MB is refused", value: b64(bigPNG(t, MaxUploadBytes+1)), msg: "decoded data exceeds the 10 MB limit"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			assertRefused(t, h, uploadArgs(t, "file_base64", tc.value), "file_base64", tc.msg)
		})
	}
}

// imageHost is an https image server on 127.0.0.1 that records what it was
// sent.
type imageHost struct {
	*httptest.Server
	mu    sync.Mutex
	auths []string
}

func newImageHost(t *testing.T) *imageHost {
	t.Helper()
	pngData, jpegData := pngBytes(t), jpegBytes(t)
	ih := &imageHost{}
	mux := http.NewServeMux()
	mux.HandleFunc("/img/avatar.png", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(pngData) })
	mux.HandleFunc("/photo", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(jpegData) })
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(pngData) })
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/img/avatar.png", http.StatusFound) })
	mux.HandleFunc("/to-http", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://"+r.Host+"/img/avatar.png", http.StatusFound)
	})
	mux.HandleFunc("/missing.png", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/text.png", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("not an image")) })
	mux.HandleFunc("/big.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(MaxUploadBytes+1))
		_, _ = w.Write(bigPNG(t, MaxUploadBytes+1))
	})
	mux.HandleFunc("/stream.png", func(w http.ResponseWriter, r *http.Request) {
		chunk := make([]byte, 1<<20)
		copy(chunk, pngData)
		for range 11 { // 11 MiB, with no Content-Length
			if _, err := w.Write(chunk); err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow.png", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	ih.Server = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ih.mu.Lock()
		ih.auths = append(ih.auths, r.Header.Get("Authorization"))
		ih.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(ih.Close)
	return ih
}

func (ih *imageHost) authorizations() []string {
	ih.mu.Lock()
	defer ih.mu.Unlock()
	return append([]string(nil), ih.auths...)
}

func TestUploadFileURL(t *testing.T) {
	ih := newImageHost(t)
	withHost := func(c *Config) {
		fetchLoopback(c)
		c.Uploads.Timeout = 30 * time.Second // generous: 11 MiB over TLS under -race
	}
	withShortFetch := func(c *Config) {
		withHost(c)
		c.Uploads.Timeout = 200 * time.Millisecond
	}
	pngData, jpegData := pngBytes(t), jpegBytes(t)

	ok := []struct {
		name, url, filename, contentType string
		data                             []byte
	}{
		{name: "an https image is fetched and named after its path", url: ih.URL + "/img/avatar.png", filename: "avatar.png", contentType: "image/png", data: pngData},
		{name: "a query string does not end up in the file name", url: ih.URL + "/img/avatar.png?size=large", filename: "avatar.png", contentType: "image/png", data: pngData},
		{name: "a path without extension gets one from the content", url: ih.URL + "/photo", filename: "photo.jpg", contentType: "image/jpeg", data: jpegData},
		{name: "a URL without a path is named upload", url: ih.URL, filename: "upload.png", contentType: "image/png", data: pngData},
		{name: "a URL with the root path is named upload", url: ih.URL + "/", filename: "upload.png", contentType: "image/png", data: pngData},
		{name: "a redirect is followed", url: ih.URL + "/moved", filename: "moved.png", contentType: "image/png", data: pngData},
	}
	for _, tc := range ok {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, withHost)
			f := sentFile(t, h, uploadArgs(t, "file_url", tc.url))
			assert.Equal(t, tc.filename, f.FileName)
			assert.Equal(t, tc.contentType, f.ContentType)
			assert.Equal(t, tc.data, f.Data)
		})
	}

	t.Run("the image fetch never carries the Clerk secret key", func(t *testing.T) {
		auths := ih.authorizations()
		require.NotEmpty(t, auths)
		for _, a := range auths {
			assert.Empty(t, a)
		}
	})

	refused := []struct {
		name, url, msg string
	}{
		{name: "a plain http URL is refused", url: "http://127.0.0.1:1/a.png", msg: "expected an https:// URL"},
		{name: "an ftp URL is refused", url: "ftp://127.0.0.1/a.png", msg: "expected an https:// URL"},
		{name: "a URL without host is refused", url: "https:///a.png", msg: "expected an https:// URL"},
		{name: "a relative URL is refused", url: "/img/avatar.png", msg: "expected an https:// URL"},
		{name: "a file URL is refused", url: "file:///etc/passwd", msg: "expected an https:// URL"},
		{name: "a non-200 answer is refused", url: ih.URL + "/missing.png", msg: "fetching the URL answered HTTP 404"},
		{name: "a declared size over 10 MB is refused", url: ih.URL + "/big.png", msg: "the URL serves 10485761 bytes; the limit is 10 MB"},
		{name: "a streamed body over 10 MB is refused", url: ih.URL + "/stream.png", msg: "content exceeds the 10 MB limit"},
		{name: "a non-image is refused", url: ih.URL + "/text.png", msg: "content is text/plain"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, withHost)
			assertRefused(t, h, uploadArgs(t, "file_url", tc.url), "file_url", tc.msg)
		})
	}

	t.Run("a slow server hits the fetch timeout", func(t *testing.T) {
		h := newHarness(t, withShortFetch)
		start := time.Now()
		assertRefused(t, h, uploadArgs(t, "file_url", ih.URL+"/slow.png"), "file_url", "fetching the URL timed out after 200ms")
		assert.Less(t, time.Since(start), 3*time.Second)
	})

	t.Run("an unreachable host is refused", func(t *testing.T) {
		gone := httptest.NewTLSServer(http.NotFoundHandler())
		u := gone.URL
		gone.Close()
		h := newHarness(t, fetchLoopback)
		assertRefused(t, h, uploadArgs(t, "file_url", u+"/a.png"), "file_url", "could not fetch file_url: no valid https answer from the server")
	})

	t.Run("a stub HTTPClient replaces the transport and keeps the redirect rule", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.Uploads.HTTPClient = ih.Client() })
		f := sentFile(t, h, uploadArgs(t, "file_url", ih.URL+"/moved"))
		assert.Equal(t, pngData, f.Data)
		h = newHarness(t, func(c *Config) { c.Uploads.HTTPClient = ih.Client() })
		assertRefused(t, h, uploadArgs(t, "file_url", ih.URL+"/to-http"), "file_url", "could not fetch file_url: the address is not a public https address")
	})
}

// testCerts trusts the certificate every httptest TLS server presents.
var testCerts = sync.OnceValue(func() *x509.CertPool {
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	defer srv.Close()
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	return pool
})

// fetchLoopback lets the real fetcher reach httptest servers: loopback
// counts as public, and their certificate is trusted.
func fetchLoopback(c *Config) {
	c.Uploads.allowAddr = func(a netip.Addr) bool { return a.IsLoopback() || publicAddr(a) }
	c.Uploads.roots = testCerts()
}

func TestUploadSources(t *testing.T) {
	png := b64(pngBytes(t))
	path := filepath.Join(t.TempDir(), "a.png")
	require.NoError(t, os.WriteFile(path, pngBytes(t), 0o600))

	refused := []struct {
		name, args, msg string
	}{
		{name: "no source is refused", args: `{"thing_id":"t_1"}`, msg: "give exactly one of file_path, file_base64 or file_url (got 0)"},
		{name: "only null sources are refused", args: `{"thing_id":"t_1","file_path":null,"file_url":null}`, msg: "(got 0)"},
		{name: "two sources are refused", args: `{"thing_id":"t_1","file_base64":"` + png + `","file_url":"https://127.0.0.1/a.png"}`, msg: "(got 2)"},
		{name: "three sources are refused", args: `{"thing_id":"t_1","file_path":` + jsonString(path) + `,"file_base64":"` + png + `","file_url":"https://127.0.0.1/a.png"}`, msg: "(got 3)"},
		{name: "a non-string source is refused", args: `{"thing_id":"t_1","file_base64":{"data":"x"}}`, msg: "expected a scalar value"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, allowPaths)
			_, err := h.c.Do(context.Background(), opUpload, jargs(t, tc.args))
			var ae *ArgError
			require.ErrorAs(t, err, &ae)
			assert.Contains(t, ae.Msg, tc.msg)
			assert.Contains(t, []string{"file_path", "file_base64"}, ae.Arg)
			assert.Zero(t, h.srv.Count())
		})
	}

	t.Run("one source beside null ones is accepted", func(t *testing.T) {
		h := newHarness(t)
		f := sentFile(t, h, jargs(t, `{"thing_id":"t_1","file_path":null,"file_url":null,"file_base64":"`+png+`"}`))
		assert.Equal(t, "image/png", f.ContentType)
	})

	t.Run("a bad path ID is reported before any upload source is read", func(t *testing.T) {
		h := newHarness(t, allowPaths)
		_, err := h.c.Do(context.Background(), opUpload, jargs(t, `{"thing_id":"..","file_path":"/nonexistent/x.png"}`))
		var ae *ArgError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, "thing_id", ae.Arg)
	})

	t.Run("an upload retried on 429 sends the same file again", func(t *testing.T) {
		h := newHarness(t)
		h.srv.Respond(fakeclerk.Response{Status: 429}, fakeclerk.Response{Status: 200, Body: []byte(`{}`)})
		_, err := h.c.Do(context.Background(), opUpload, uploadArgs(t, "file_base64", png))
		require.NoError(t, err)
		reqs := h.srv.Requests()
		require.Len(t, reqs, 2)
		assert.Equal(t, reqs[0].Body, reqs[1].Body)
		assert.Equal(t, reqs[0].Header.Get("Content-Type"), reqs[1].Header.Get("Content-Type"))
	})
}
