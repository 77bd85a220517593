package clerkapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
)

// testKey is a recognisable fake secret key: any 12-character window of it
// showing up in error text is a leak.
const testKey = "sk_test_LEAKCANARY7f3a9c2e5b8d1f4a6c0e9b2d7"

const testUserAgent = "clerk-mcp-test/1.0"

// Ad-hoc operations, so these tests do not depend on the catalog rows that
// change as Clerk's API does.

type thingRequest struct {
	ThingID string `json:"thing_id" in:"path"`
}

type searchRequest struct {
	Tags   []string `json:"tags,omitempty" in:"query"`
	Fields []string `json:"fields,omitempty" in:"query,comma"`
	Flag   *bool    `json:"flag,omitempty" in:"query"`
	Big    *int64   `json:"big,omitempty" in:"query"`
	Ratio  *float64 `json:"ratio,omitempty" in:"query"`
	Name   *string  `json:"name,omitempty" in:"query"`
	Limit  *int64   `json:"limit,omitempty" in:"query"`
}

type writeRequest struct {
	ThingID string         `json:"thing_id" in:"path"`
	Mode    *string        `json:"mode,omitempty" in:"query"`
	Name    *string        `json:"name,omitempty" in:"body"`
	Meta    map[string]any `json:"meta,omitempty" in:"body,nullable"`
	Tags    []string       `json:"tags,omitempty" in:"body"`
	Big     *int64         `json:"big,omitempty" in:"body"`
	Note    *string        `json:"note,omitempty" in:"body,nullable"`
}

type bulkItem struct {
	EmailAddress   string         `json:"email_address"`
	PublicMetadata map[string]any `json:"public_metadata,omitempty"`
}

type bulkRequest struct {
	Items []bulkItem `json:"items" in:"body,whole"`
}

type uploadRequest struct {
	ThingID  string   `json:"thing_id" in:"path"`
	Uploader *string  `json:"uploader_user_id,omitempty" in:"form"`
	Labels   []string `json:"labels,omitempty" in:"form"`
	Upload
}

var (
	opGetThing = &Operation{Name: "test_get_thing", Method: "GET", Path: "/things/{thing_id}", Request: thingRequest{}}
	opThingSub = &Operation{Name: "test_get_thing_sub", Method: "GET", Path: "/things/{thing_id}/sub", Request: thingRequest{}}
	opSearch   = &Operation{Name: "test_search", Method: "GET", Path: "/things", Request: searchRequest{}}
	opPaged    = &Operation{Name: "test_search_paged", Method: "GET", Path: "/things", Request: searchRequest{}, Paginated: true}
	opWrite    = &Operation{Name: "test_write", Method: "POST", Path: "/things/{thing_id}", Request: writeRequest{}}
	opTouch    = &Operation{Name: "test_touch", Method: "POST", Path: "/things/{thing_id}/touch", Request: thingRequest{}}
	opBulk     = &Operation{Name: "test_bulk", Method: "POST", Path: "/things/bulk", Request: bulkRequest{}}
	opUpload   = &Operation{Name: "test_upload", Method: "POST", Path: "/things/{thing_id}/image", Request: uploadRequest{}}
	opPublic   = &Operation{Name: "test_public", Method: "GET", Path: "/public", NoAuth: true}
	opPage     = &Operation{Name: "test_page", Method: "GET", Path: "/page", HTML: true}
)

var methodOps = map[string]*Operation{}

// methodOp returns an operation on /things/{thing_id} with the given method
// and no body fields.
func methodOp(method string) *Operation {
	if op, ok := methodOps[method]; ok {
		return op
	}
	op := &Operation{Name: "test_" + strings.ToLower(method), Method: method, Path: "/things/{thing_id}", Request: thingRequest{}}
	methodOps[method] = op
	return op
}

func init() {
	for _, m := range []string{"GET", "PUT", "DELETE", "POST", "PATCH"} {
		methodOp(m)
	}
}

// waitLog records the waits the client asks for instead of sleeping.
type waitLog struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (w *waitLog) sleep(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	w.waits = append(w.waits, d)
	w.mu.Unlock()
	return ctx.Err()
}

func (w *waitLog) all() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]time.Duration(nil), w.waits...)
}

type harness struct {
	srv   *fakeclerk.Server
	c     *Client
	waits *waitLog
}

// newHarness starts a fake Clerk and a client for it whose waits are recorded.
func newHarness(t *testing.T, mutate ...func(*Config)) *harness {
	t.Helper()
	srv := fakeclerk.New()
	t.Cleanup(srv.Close)
	cfg := Config{BaseURL: srv.URL, SecretKey: testKey, UserAgent: testUserAgent}
	for _, m := range mutate {
		m(&cfg)
	}
	c := New(cfg)
	w := &waitLog{}
	c.sleep = w.sleep
	t.Cleanup(c.http.CloseIdleConnections)
	return &harness{srv: srv, c: c, waits: w}
}

// jargs reads a JSON object as Args, keeping every value's raw bytes.
func jargs(t *testing.T, s string) Args {
	t.Helper()
	var a Args
	require.NoError(t, json.Unmarshal([]byte(s), &a))
	return a
}

func onlyRequest(t *testing.T, srv *fakeclerk.Server) fakeclerk.Request {
	t.Helper()
	reqs := srv.Requests()
	require.Len(t, reqs, 1)
	return reqs[0]
}

// assertNoKey fails if any 12-character window of the secret key appears,
// in any letter case.
func assertNoKey(t *testing.T, text string) {
	t.Helper()
	if w := keyWindow(testKey, text); w != "" {
		t.Errorf("secret key fragment %q leaked in %q", w, text)
	}
}

// keyWindow returns a 12-character window of key found in text, compared
// case-insensitively, or "".
func keyWindow(key, text string) string {
	const window = 12
	lt := strings.ToLower(text)
	for i := 0; i+window <= len(key); i++ {
		if strings.Contains(lt, strings.ToLower(key[i:i+window])) {
			return key[i : i+window]
		}
	}
	return ""
}

// decoded returns JSON with every string decoded (encoding/json escapes no
// letters), so a \u-escaped key shows; other text comes back as it is.
func decoded(b []byte) string {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return string(b)
	}
	var walk func(any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			out := map[string]any{}
			for k, e := range x {
				out[k] = walk(e)
			}
			return out
		case []any:
			for i, e := range x {
				x[i] = walk(e)
			}
		}
		return v
	}
	out, _ := json.Marshal(walk(v))
	return string(out)
}

// uEscape writes every character of s as a JSON \u escape.
func uEscape(s string) string {
	var sb strings.Builder
	for _, r := range s {
		fmt.Fprintf(&sb, "\\u%04x", r)
	}
	return sb.String()
}

func hangUp(w http.ResponseWriter, _ *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	_ = conn.Close()
}

func TestHeaders(t *testing.T) {
	png := pngBytes(t)
	cases := []struct {
		name        string
		op          *Operation
		args        string
		auth        bool
		accept      string
		contentType string // "" means the header must be absent; a prefix otherwise
	}{
		{name: "a GET without body sends the key and no content type", op: opGetThing, args: `{"thing_id":"t_1"}`, auth: true, accept: "application/json"},
		{name: "a POST with body fields sends JSON", op: opWrite, args: `{"thing_id":"t_1","name":"n"}`, auth: true, accept: "application/json", contentType: "application/json"},
		{name: "a POST without body fields sends no content type", op: opTouch, args: `{"thing_id":"t_1"}`, auth: true, accept: "application/json"},
		{name: "a DELETE sends no content type", op: methodOp("DELETE"), args: `{"thing_id":"t_1"}`, auth: true, accept: "application/json"},
		{name: "a NoAuth operation sends no Authorization header", op: opPublic, args: `{}`, auth: false, accept: "application/json"},
		{name: "an HTML operation accepts text/html", op: opPage, args: `{}`, auth: true, accept: "text/html"},
		{name: "an upload sends multipart form data", op: opUpload, args: `{"thing_id":"t_1","file_base64":"` + b64(png) + `"}`, auth: true, accept: "application/json", contentType: "multipart/form-data; boundary="},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			_, err := h.c.Do(context.Background(), tc.op, jargs(t, tc.args))
			require.NoError(t, err)
			r := onlyRequest(t, h.srv)
			if tc.auth {
				assert.Equal(t, "Bearer "+testKey, r.Header.Get("Authorization"))
			} else {
				assert.NotContains(t, r.Header, "Authorization")
			}
			assert.Equal(t, "2026-05-12", r.Header.Get("Clerk-API-Version"))
			assert.Equal(t, testUserAgent, r.Header.Get("User-Agent"))
			assert.Equal(t, tc.accept, r.Header.Get("Accept"))
			if tc.contentType == "" {
				assert.NotContains(t, r.Header, "Content-Type")
				assert.Empty(t, r.Body)
			} else {
				assert.True(t, strings.HasPrefix(r.Header.Get("Content-Type"), tc.contentType), "Content-Type %q", r.Header.Get("Content-Type"))
				assert.NotEmpty(t, r.Body)
			}
		})
	}
}

func TestDefaults(t *testing.T) {
	t.Run("the user agent defaults to clerk-mcp", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.UserAgent = "" })
		_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		require.NoError(t, err)
		assert.Equal(t, "clerk-mcp", onlyRequest(t, h.srv).Header.Get("User-Agent"))
	})
	t.Run("the base URL defaults to Clerk's API", func(t *testing.T) {
		assert.Equal(t, "https://api.clerk.com/v1", New(Config{}).BaseURL())
	})
	t.Run("a base URL with a path prefix and a trailing slash joins cleanly", func(t *testing.T) {
		h := newHarness(t)
		h.c = New(Config{BaseURL: h.srv.URL + "/v1/", SecretKey: testKey})
		t.Cleanup(h.c.http.CloseIdleConnections)
		_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		require.NoError(t, err)
		assert.Equal(t, "/v1/things/t_1", onlyRequest(t, h.srv).Path)
	})
}

func TestPathEscaping(t *testing.T) {
	cases := []struct {
		name string
		id   string
		path string
	}{
		{name: "a plain ID is sent as is", id: "user_2abc", path: "/things/user_2abc/sub"},
		{name: "a parent reference stays inside its segment", id: "../organizations", path: "/things/..%2Forganizations/sub"},
		{name: "a slash is escaped", id: "a/b", path: "/things/a%2Fb/sub"},
		{name: "a question mark cannot start a query", id: "?x=1", path: "/things/%3Fx=1/sub"},
		{name: "a hash cannot start a fragment", id: "#frag", path: "/things/%23frag/sub"},
		{name: "an already escaped slash is escaped again", id: "%2F", path: "/things/%252F/sub"},
		{name: "unicode is percent-encoded", id: "üser_日本", path: "/things/%C3%BCser_%E6%97%A5%E6%9C%AC/sub"},
		{name: "spaces are percent-encoded", id: "a b ", path: "/things/a%20b%20/sub"},
		{name: "dots inside a longer ID are kept", id: "...", path: "/things/.../sub"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			raw, _ := json.Marshal(tc.id)
			_, err := h.c.Do(context.Background(), opThingSub, Args{"thing_id": raw})
			require.NoError(t, err)
			r := onlyRequest(t, h.srv)
			assert.Equal(t, tc.path, r.Path)
			assert.Empty(t, r.RawQuery)
			segs := strings.Split(r.Path, "/")
			require.Len(t, segs, 4, "the ID must stay one path segment")
			got, err := url.PathUnescape(segs[2])
			require.NoError(t, err)
			assert.Equal(t, tc.id, got)
		})
	}

	refused := []struct {
		name string
		raw  string
		msg  string
	}{
		{name: "an empty ID is refused", raw: `""`, msg: "is not a valid ID"},
		{name: "a single dot is refused", raw: `"."`, msg: "is not a valid ID"},
		{name: "a double dot is refused", raw: `".."`, msg: "is not a valid ID"},
		{name: "a double dot padded with spaces is refused", raw: `" .. "`, msg: "is not a valid ID"},
		{name: "a blank ID is refused", raw: `"   "`, msg: "is not a valid ID"},
		{name: "a null ID is refused as missing", raw: `null`, msg: "required"},
		{name: "a number is refused", raw: `42`, msg: "expected a string"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			_, err := h.c.Do(context.Background(), opThingSub, Args{"thing_id": json.RawMessage(tc.raw)})
			var ae *ArgError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, "thing_id", ae.Arg)
			assert.Contains(t, ae.Msg, tc.msg)
			assert.True(t, strings.HasPrefix(err.Error(), "thing_id: "))
			assert.Zero(t, h.srv.Count(), "no request may be sent")
		})
	}

	t.Run("a missing path parameter is refused", func(t *testing.T) {
		h := newHarness(t)
		_, err := h.c.Do(context.Background(), opThingSub, Args{})
		var ae *ArgError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, "thing_id", ae.Arg)
		assert.Equal(t, "required", ae.Msg)
		assert.Zero(t, h.srv.Count())
	})

	t.Run("ExpandPath escapes every parameter of a template", func(t *testing.T) {
		p, err := ExpandPath("/a/{x}/b/{y}", jargs(t, `{"x":"1/2","y":"ü"}`))
		require.NoError(t, err)
		assert.Equal(t, "/a/1%2F2/b/%C3%BC", p)
	})
}

func TestUnknownArgument(t *testing.T) {
	h := newHarness(t)
	_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1","nope":1}`))
	var ae *ArgError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "nope", ae.Arg)
	assert.Zero(t, h.srv.Count())
}

// TestNullsAreSentOrRefused: a null for a field tagged nullable is sent as
// null (Clerk reads it as "clear"); for any other field it is refused with
// the field's name and nothing is sent, never dropped.
func TestNullsAreSentOrRefused(t *testing.T) {
	for _, tc := range []struct{ name, args, field string }{
		{"a null query parameter", `{"thing_id":"t_1","mode":null,"name":"n"}`, "mode"},
		{"a null for a body field that is not nullable", `{"thing_id":"t_1","name":null}`, "name"},
		{"a null path parameter", `{"thing_id":null,"name":"n"}`, "thing_id"},
	} {
		t.Run(tc.name+" is refused", func(t *testing.T) {
			h := newHarness(t)
			_, err := h.c.Do(context.Background(), opWrite, jargs(t, tc.args))
			var ae *ArgError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, tc.field, ae.Arg)
			assert.Zero(t, h.srv.Count(), "no request may be sent")
		})
	}
	t.Run("the plan knows nullable fields at every depth", func(t *testing.T) {
		type inner struct {
			A *string `json:"a,omitempty" in:",nullable"`
			B *string `json:"b,omitempty"`
		}
		type req struct {
			ID    string  `json:"id" in:"path"`
			Obj   *inner  `json:"obj,omitempty" in:"body"`
			List  []inner `json:"list,omitempty" in:"body"`
			Clear *string `json:"clear,omitempty" in:"body,nullable"`
			Query *string `json:"query,omitempty" in:"query,nullable"`
		}
		p := (&Operation{Name: "test_nullable_plan", Request: req{}}).Plan()
		assert.Equal(t, []string{"obj.a", "clear"}, p.Clearable())
		for path, want := range map[string]bool{"obj.a": true, "obj.b": false, "list[].a": true, "list[].b": false, "clear": true, "query": false, "id": false} {
			assert.Equal(t, want, p.Nullable(path), path)
		}
	})
}

// TestEmptyUpdateIsRefused: a PATCH, or a PUT with a JSON body, given only
// its path IDs is refused naming what it takes, with no request; POST
// actions and multipart PUTs are not updates.
func TestEmptyUpdateIsRefused(t *testing.T) {
	patch := &Operation{Name: "test_patch_write", Method: "PATCH", Path: "/things/{thing_id}", Request: writeRequest{}}
	put := &Operation{Name: "test_put_write", Method: "PUT", Path: "/things/{thing_id}", Request: writeRequest{}}
	putUpload := &Operation{Name: "test_put_upload", Method: "PUT", Path: "/things/{thing_id}/image", Request: uploadRequest{}}
	for _, op := range []*Operation{patch, put} {
		t.Run(op.Method+" with nothing to change", func(t *testing.T) {
			h := newHarness(t)
			_, err := h.c.Do(context.Background(), op, jargs(t, `{"thing_id":"t_1"}`))
			var ae *ArgError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, "arguments: nothing to change: give at least one of mode, name, meta, tags, big, note", ae.Error())
			assert.Zero(t, h.srv.Count(), "no request may be sent")
		})
		t.Run(op.Method+" with only a null is a change", func(t *testing.T) {
			h := newHarness(t)
			_, err := h.c.Do(context.Background(), op, jargs(t, `{"thing_id":"t_1","note":null}`))
			require.NoError(t, err)
			assert.Equal(t, `{"note":null}`, string(onlyRequest(t, h.srv).Body))
		})
	}
	assert.True(t, patch.Update())
	assert.True(t, put.Update())
	assert.False(t, putUpload.Update(), "a multipart PUT needs its file anyway")
	assert.False(t, opWrite.Update(), "a POST with an empty body is a complete request")
	assert.False(t, methodOp("PUT").Update(), "a PUT without body fields has nothing to give")
	h := newHarness(t)
	_, err := h.c.Do(context.Background(), opWrite, jargs(t, `{"thing_id":"t_1"}`))
	require.NoError(t, err, "a POST with no body fields given is sent")
}

func TestQuery(t *testing.T) {
	cases := []struct {
		name string
		op   *Operation
		args string
		want url.Values
	}{
		{name: "array params are sent as repeated keys", op: opSearch, args: `{"tags":["a","b c","a&b=c"]}`, want: url.Values{"tags": {"a", "b c", "a&b=c"}}},
		{name: "a scalar given for an array param is sent once", op: opSearch, args: `{"tags":"solo"}`, want: url.Values{"tags": {"solo"}}},
		{name: "comma params are joined into one value", op: opSearch, args: `{"fields":["id","name","-created_at"]}`, want: url.Values{"fields": {"id,name,-created_at"}}},
		{name: "a comma param with one item is sent plainly", op: opSearch, args: `{"fields":["id"]}`, want: url.Values{"fields": {"id"}}},
		{name: "an empty array sends no repeated key", op: opSearch, args: `{"tags":[]}`, want: url.Values{}},
		{name: "an empty array sends no comma key", op: opSearch, args: `{"fields":[]}`, want: url.Values{}},
		{name: "booleans are rendered as sent", op: opSearch, args: `{"flag":false}`, want: url.Values{"flag": {"false"}}},
		{name: "big integers are not rounded", op: opSearch, args: `{"big":9007199254740993}`, want: url.Values{"big": {"9007199254740993"}}},
		{name: "decimals keep their digits", op: opSearch, args: `{"ratio":1.50}`, want: url.Values{"ratio": {"1.50"}}},
		{name: "strings are decoded and re-escaped", op: opSearch, args: `{"name":"ü & \"q\" +1"}`, want: url.Values{"name": {`ü & "q" +1`}}},
		{name: "a paginated operation adds paginated=true", op: opPaged, args: `{"limit":5}`, want: url.Values{"limit": {"5"}, "paginated": {"true"}}},
		{name: "a paginated operation adds paginated=true with no args", op: opPaged, args: `{}`, want: url.Values{"paginated": {"true"}}},
		{name: "a non-paginated operation sends no query at all without args", op: opSearch, args: `{}`, want: url.Values{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			_, err := h.c.Do(context.Background(), tc.op, jargs(t, tc.args))
			require.NoError(t, err)
			r := onlyRequest(t, h.srv)
			got, err := url.ParseQuery(r.RawQuery)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, "/things", r.Path)
			assert.Empty(t, r.Body)
		})
	}

	bad := []struct {
		name string
		args string
		arg  string
	}{
		{name: "an object in the query is refused", args: `{"name":{"a":1}}`, arg: "name"},
		{name: "a nested array in the query is refused", args: `{"tags":[["a"]]}`, arg: "tags"},
		{name: "an object inside a comma array is refused", args: `{"fields":[{"a":1}]}`, arg: "fields"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			_, err := h.c.Do(context.Background(), opSearch, jargs(t, tc.args))
			var ae *ArgError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, tc.arg, ae.Arg)
			assert.Zero(t, h.srv.Count())
		})
	}
}

func TestJSONBody(t *testing.T) {
	cases := []struct {
		name  string
		op    *Operation
		args  string
		path  string
		query string
		body  string // exact bytes; "" means no body
	}{
		{
			name:  "an object body holds exactly the body fields, not path or query ones",
			op:    opWrite,
			args:  `{"thing_id":"t_1","mode":"fast","name":"n"}`,
			path:  "/things/t_1",
			query: "mode=fast",
			body:  `{"name":"n"}`,
		},
		{
			name: "nested objects and arrays keep their order and values",
			op:   opWrite,
			args: `{"thing_id":"t_1","meta":{ "z": 1, "a": [1, 2.50, {"deep": [true, null]}], "m": {} },"tags":["x","y"]}`,
			path: "/things/t_1",
			body: `{"meta":{"z":1,"a":[1,2.50,{"deep":[true,null]}],"m":{}},"tags":["x","y"]}`,
		},
		{
			name: "big integers are not rounded",
			op:   opWrite,
			args: `{"thing_id":"t_1","big":12345678901234567890}`,
			path: "/things/t_1",
			body: `{"big":12345678901234567890}`,
		},
		{
			name: "HTML characters and unicode escapes are not rewritten",
			op:   opWrite,
			args: `{"thing_id":"t_1","name":"<b>&amp;</b> \u00e9 é"}`,
			path: "/things/t_1",
			body: `{"name":"<b>&amp;</b> \u00e9 é"}`,
		},
		{
			name: "null body values are passed through",
			op:   opWrite,
			args: `{"thing_id":"t_1","note":null,"meta":null}`,
			path: "/things/t_1",
			body: `{"meta":null,"note":null}`,
		},
		{
			name: "an empty object is sent when body fields exist but none are given",
			op:   opWrite,
			args: `{"thing_id":"t_1"}`,
			path: "/things/t_1",
			body: `{}`,
		},
		{
			name: "a whole-body array is sent as the body itself",
			op:   opBulk,
			args: `{"items":[{"email_address":"a@x.test"},{"email_address":"b@x.test","public_metadata":{"k":[1,null],"n":9007199254740993}}]}`,
			path: "/things/bulk",
			body: `[{"email_address":"a@x.test"},{"email_address":"b@x.test","public_metadata":{"k":[1,null],"n":9007199254740993}}]`,
		},
		{
			name: "an operation without body fields sends no body",
			op:   opTouch,
			args: `{"thing_id":"t_1"}`,
			path: "/things/t_1/touch",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			_, err := h.c.Do(context.Background(), tc.op, jargs(t, tc.args))
			require.NoError(t, err)
			r := onlyRequest(t, h.srv)
			assert.Equal(t, "POST", r.Method)
			assert.Equal(t, tc.path, r.Path)
			assert.Equal(t, tc.query, r.RawQuery)
			assert.Equal(t, tc.body, string(r.Body))
			if tc.body == "" {
				assert.NotContains(t, r.Header, "Content-Type")
			} else {
				assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
				assert.True(t, json.Valid(r.Body))
			}
		})
	}

	t.Run("the body keys are exactly the given body fields", func(t *testing.T) {
		h := newHarness(t)
		_, err := h.c.Do(context.Background(), opWrite, jargs(t, `{"thing_id":"t_1","mode":"m","name":"n","note":null,"tags":[]}`))
		require.NoError(t, err)
		var got map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(onlyRequest(t, h.srv).Body, &got))
		keys := make([]string, 0, len(got))
		for k := range got {
			keys = append(keys, k)
		}
		assert.ElementsMatch(t, []string{"name", "note", "tags"}, keys)
	})

	t.Run("invalid JSON in a body value is refused before sending", func(t *testing.T) {
		h := newHarness(t)
		_, err := h.c.Do(context.Background(), opWrite, Args{"thing_id": json.RawMessage(`"t_1"`), "meta": json.RawMessage(`{"a":`)})
		var ae *ArgError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, "meta", ae.Arg)
		assert.Zero(t, h.srv.Count())
	})

	t.Run("a body is resent intact on retry", func(t *testing.T) {
		h := newHarness(t)
		h.srv.Respond(fakeclerk.Response{Status: 429}, fakeclerk.Response{Status: 200, Body: []byte(`{}`)})
		_, err := h.c.Do(context.Background(), opWrite, jargs(t, `{"thing_id":"t_1","name":"n"}`))
		require.NoError(t, err)
		reqs := h.srv.Requests()
		require.Len(t, reqs, 2)
		assert.Equal(t, `{"name":"n"}`, string(reqs[0].Body))
		assert.Equal(t, `{"name":"n"}`, string(reqs[1].Body))
	})
}

// filePart is one file part of a multipart request.
type filePart struct {
	FormName, FileName, ContentType string
	Data                            []byte
}

// readMultipart reads a recorded multipart request into its form values and
// file parts.
func readMultipart(t *testing.T, r fakeclerk.Request) (map[string][]string, []filePart) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	require.NoError(t, err)
	require.Equal(t, "multipart/form-data", mt)
	mr := multipart.NewReader(bytes.NewReader(r.Body), params["boundary"])
	values := map[string][]string{}
	var files []filePart
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		data, err := io.ReadAll(p)
		require.NoError(t, err)
		if p.FileName() != "" {
			files = append(files, filePart{p.FormName(), p.FileName(), p.Header.Get("Content-Type"), data})
			continue
		}
		values[p.FormName()] = append(values[p.FormName()], string(data))
	}
	return values, files
}

func TestMultipart(t *testing.T) {
	png := pngBytes(t)
	h := newHarness(t)
	_, err := h.c.Do(context.Background(), opUpload, jargs(t, `{"thing_id":"t_1","uploader_user_id":"user_9","labels":["a","b"],"file_base64":"`+b64(png)+`"}`))
	require.NoError(t, err)
	r := onlyRequest(t, h.srv)
	assert.Equal(t, "POST", r.Method)
	assert.Equal(t, "/things/t_1/image", r.Path)
	assert.Empty(t, r.RawQuery)
	values, files := readMultipart(t, r)

	t.Run("form fields are sent as form values", func(t *testing.T) {
		assert.Equal(t, map[string][]string{"uploader_user_id": {"user_9"}, "labels": {"a", "b"}}, values)
	})
	t.Run("the image is the one file part, named file", func(t *testing.T) {
		require.Len(t, files, 1)
		assert.Equal(t, "file", files[0].FormName)
		assert.Equal(t, "upload.png", files[0].FileName)
		assert.Equal(t, "image/png", files[0].ContentType)
		assert.Equal(t, png, files[0].Data)
	})
	t.Run("neither the path nor the source argument leak into the form", func(t *testing.T) {
		assert.NotContains(t, values, "thing_id")
		assert.NotContains(t, values, "file_base64")
	})
}

func TestEmptySuccess(t *testing.T) {
	for _, status := range []int{http.StatusNoContent, http.StatusAccepted} {
		t.Run("an empty "+http.StatusText(status)+" answer is a success", func(t *testing.T) {
			h := newHarness(t)
			h.srv.Respond(fakeclerk.Response{Status: status})
			resp, err := h.c.Do(context.Background(), methodOp("DELETE"), jargs(t, `{"thing_id":"t_1"}`))
			require.NoError(t, err)
			assert.Equal(t, status, resp.Status)
			assert.Empty(t, resp.Body)
		})
	}
	t.Run("a 200 answer returns its body and headers", func(t *testing.T) {
		h := newHarness(t)
		h.srv.Respond(fakeclerk.Response{Status: 200, Header: map[string]string{"X-Test": "yes"}, Body: []byte(`{"id":"t_1"}`)})
		resp, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		require.NoError(t, err)
		assert.Equal(t, 200, resp.Status)
		assert.Equal(t, `{"id":"t_1"}`, string(resp.Body))
		assert.Equal(t, "yes", resp.Header.Get("X-Test"))
	})
}

func TestAPIError(t *testing.T) {
	longHTML := "<html>" + strings.Repeat("x", 1000) + "</html>"
	cases := []struct {
		name     string
		resp     fakeclerk.Response
		status   int
		errors   []ErrorDetail
		trace    string
		body     string
		contains []string
	}{
		{
			name:   "Clerk's error shape is read with code, messages, meta and trace",
			resp:   fakeclerk.Response{Status: 422, Body: []byte(`{"errors":[{"code":"form_param_format_invalid","message":"is invalid","long_message":"email_address must be a valid email address.","meta":{"param_name":"email_address"}}],"clerk_trace_id":"trace_body"}`)},
			status: 422,
			errors: []ErrorDetail{{Code: "form_param_format_invalid", Message: "is invalid", LongMessage: "email_address must be a valid email address.", Meta: json.RawMessage(`{"param_name":"email_address"}`)}},
			trace:  "trace_body",
			contains: []string{
				"clerk: HTTP 422 Unprocessable Entity",
				"form_param_format_invalid: is invalid (email_address must be a valid email address.)",
				`meta={"param_name":"email_address"}`,
				"[trace trace_body]",
			},
		},
		{
			name:     "several errors are all reported",
			resp:     fakeclerk.Response{Status: 400, Body: []byte(`{"errors":[{"code":"a","message":"first"},{"code":"b","message":"second","long_message":"second"}]}`)},
			status:   400,
			errors:   []ErrorDetail{{Code: "a", Message: "first"}, {Code: "b", Message: "second", LongMessage: "second"}},
			contains: []string{"a: first; b: second"},
		},
		{
			name:     "the trace id is taken from the header when the body has none",
			resp:     fakeclerk.Response{Status: 404, Header: map[string]string{"Clerk-Trace-Id": "trace_header"}, Body: []byte(`{"errors":[{"code":"resource_not_found","message":"not found"}]}`)},
			status:   404,
			errors:   []ErrorDetail{{Code: "resource_not_found", Message: "not found"}},
			trace:    "trace_header",
			contains: []string{"[trace trace_header]", "HTTP 404 Not Found"},
		},
		{
			name:   "the body's trace id wins over the header's",
			resp:   fakeclerk.Response{Status: 404, Header: map[string]string{"Clerk-Trace-Id": "trace_header"}, Body: []byte(`{"errors":[{"code":"c","message":"m"}],"clerk_trace_id":"trace_body"}`)},
			status: 404,
			errors: []ErrorDetail{{Code: "c", Message: "m"}},
			trace:  "trace_body",
		},
		{
			name:     "a non-JSON body is kept, truncated",
			resp:     fakeclerk.Response{Status: 403, Header: map[string]string{"Clerk-Trace-Id": "trace_header"}, Body: []byte(longHTML)},
			status:   403,
			trace:    "trace_header",
			body:     longHTML[:300] + "…",
			contains: []string{"clerk: HTTP 403 Forbidden: <html>xxx", "…"},
		},
		{
			name:     "a JSON body without errors is kept as text",
			resp:     fakeclerk.Response{Status: 409, Body: []byte(` {"message":"conflict"} `)},
			status:   409,
			body:     `{"message":"conflict"}`,
			contains: []string{`HTTP 409 Conflict: {"message":"conflict"}`},
		},
		{
			name:     "an empty error body gives the status alone",
			resp:     fakeclerk.Response{Status: 401},
			status:   401,
			contains: []string{"clerk: HTTP 401 Unauthorized"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			h.srv.Respond(tc.resp)
			_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
			var ae *APIError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, tc.status, ae.Status)
			assert.Equal(t, tc.trace, ae.TraceID)
			assert.Equal(t, tc.body, ae.Body)
			require.Len(t, ae.Errors, len(tc.errors))
			for i, want := range tc.errors {
				got := ae.Errors[i]
				assert.Equal(t, want.Code, got.Code)
				assert.Equal(t, want.Message, got.Message)
				assert.Equal(t, want.LongMessage, got.LongMessage)
				if want.Meta != nil {
					assert.JSONEq(t, string(want.Meta), string(got.Meta))
				}
			}
			if len(tc.errors) > 0 {
				assert.Equal(t, tc.errors[0].Code, ae.Code())
			} else {
				assert.Empty(t, ae.Code())
			}
			for _, s := range tc.contains {
				assert.Contains(t, err.Error(), s)
			}
			assert.Equal(t, 1, h.srv.Count(), "4xx answers are not retried")
		})
	}

	t.Run("truncating a non-JSON body never splits a character", func(t *testing.T) {
		h := newHarness(t)
		h.srv.Respond(fakeclerk.Response{Status: 400, Body: []byte(strings.Repeat("x", 299) + strings.Repeat("é", 50))})
		_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		var ae *APIError
		require.ErrorAs(t, err, &ae)
		assert.True(t, utf8.ValidString(ae.Body), "Body %q", ae.Body)
		assert.True(t, utf8.ValidString(err.Error()))
		assert.LessOrEqual(t, len(ae.Body), 300+len("…"))
	})
}

func TestSecretKeyNeverInErrors(t *testing.T) {
	k := testKey
	cases := []struct {
		name string
		resp fakeclerk.Response
	}{
		{name: "the key echoed in message is redacted", resp: fakeclerk.Response{Status: 401, Body: []byte(`{"errors":[{"code":"authentication_invalid","message":"bad key ` + k + `"}]}`)}},
		{name: "the key echoed in long_message is redacted", resp: fakeclerk.Response{Status: 401, Body: []byte(`{"errors":[{"code":"c","message":"m","long_message":"Bearer ` + k + ` is invalid"}]}`)}},
		{name: "the key echoed in code is redacted", resp: fakeclerk.Response{Status: 401, Body: []byte(`{"errors":[{"code":"` + k + `","message":"m"}]}`)}},
		{name: "the key echoed in meta is redacted", resp: fakeclerk.Response{Status: 401, Body: []byte(`{"errors":[{"code":"c","message":"m","meta":{"authorization":"Bearer ` + k + `","nested":[{"k":"` + k + `"}]}}]}`)}},
		{name: "the key echoed as the body trace id is redacted", resp: fakeclerk.Response{Status: 401, Body: []byte(`{"errors":[{"code":"c","message":"m"}],"clerk_trace_id":"` + k + `"}`)}},
		{name: "the key echoed in the trace header is redacted", resp: fakeclerk.Response{Status: 401, Header: map[string]string{"Clerk-Trace-Id": k}, Body: []byte(`{"errors":[{"code":"c","message":"m"}]}`)}},
		{name: "the key echoed in a plain-text body is redacted", resp: fakeclerk.Response{Status: 401, Body: []byte("Authorization: Bearer " + k + "\n")}},
		{name: "the key echoed where the body is truncated leaves no fragment", resp: fakeclerk.Response{Status: 401, Body: []byte(strings.Repeat("-", 280) + k + strings.Repeat("-", 100))}},
		{name: "the key echoed many times in a long body is redacted", resp: fakeclerk.Response{Status: 500, Body: []byte(strings.Repeat(k+" ", 40))}},
		{name: "the key \\u-escaped in meta is redacted", resp: fakeclerk.Response{Status: 401, Body: []byte(`{"errors":[{"code":"c","message":"m","meta":{"authorization":"Bearer ` + uEscape(k) + `"}}]}`)}},
		{name: "the key \\u-escaped as a meta object key is redacted", resp: fakeclerk.Response{Status: 401, Body: []byte(`{"errors":[{"code":"c","message":"m","meta":{"` + uEscape(k) + `":true}}]}`)}},
		{name: "the key \\u-escaped in message is redacted", resp: fakeclerk.Response{Status: 401, Body: []byte(`{"errors":[{"code":"c","message":"` + uEscape(k) + `"}]}`)}},
		{name: "the key upper-cased in message is redacted", resp: fakeclerk.Response{Status: 401, Body: []byte(`{"errors":[{"code":"c","message":"bad key ` + strings.ToUpper(k) + `"}]}`)}},
		{name: "the key upper-cased in meta is redacted", resp: fakeclerk.Response{Status: 401, Body: []byte(`{"errors":[{"code":"c","message":"m","meta":{"k":"` + strings.ToUpper(k) + `"}}]}`)}},
		{name: "the key truncated to 20 characters is redacted", resp: fakeclerk.Response{Status: 401, Body: []byte(`{"errors":[{"code":"c","message":"key ` + k[:20] + `… is invalid","meta":{"tail":"` + k[len(k)-20:] + `"}}]}`)}},
		{name: "the key split across fields is redacted", resp: fakeclerk.Response{Status: 401, Body: []byte(`{"errors":[{"code":"c","message":"` + k[:len(k)/2] + `","long_message":"` + k[len(k)/2:] + `","meta":{"a":"` + k[:14] + `","b":["` + k[14:28] + `","` + k[28:] + `"]}}]}`)}},
		{name: "the key \\u-escaped in a JSON body of another shape is redacted", resp: fakeclerk.Response{Status: 502, Body: []byte(`{"error":{"detail":"` + uEscape(k) + `"}}`)}},
		{name: "the key in mixed case in a plain-text body is redacted", resp: fakeclerk.Response{Status: 401, Body: []byte("bearer " + strings.ToUpper(k[:20]) + k[20:])}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, func(c *Config) { c.MaxRetries = -1 })
			h.srv.Respond(tc.resp)
			_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
			var ae *APIError
			require.ErrorAs(t, err, &ae)
			assertNoKey(t, err.Error())
			j, jerr := json.Marshal(ae)
			require.NoError(t, jerr)
			assertNoKey(t, string(j))
			for _, d := range ae.Errors {
				assert.True(t, len(d.Meta) == 0 || json.Valid(d.Meta), "meta stays valid JSON after redaction: %s", d.Meta)
			}
			assertNoKey(t, decoded(j)) // no key behind \u escapes either
			assertNoKey(t, decoded([]byte(ae.Body)))
		})
	}

	t.Run("a transport error never carries the key", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.MaxRetries = -1 })
		h.srv.Handle(hangUp)
		_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"`+k+`"}`))
		var te *TransportError
		require.ErrorAs(t, err, &te)
		assertNoKey(t, err.Error())
	})
}

func TestRetries(t *testing.T) {
	const retries = 2
	cases := []struct {
		name     string
		method   string
		status   int
		requests int
	}{
		{name: "GET is retried on 500", method: "GET", status: 500, requests: retries + 1},
		{name: "GET is retried on 502", method: "GET", status: 502, requests: retries + 1},
		{name: "GET is retried on 503", method: "GET", status: 503, requests: retries + 1},
		{name: "PUT is retried on 502", method: "PUT", status: 502, requests: retries + 1},
		{name: "DELETE is retried on 503", method: "DELETE", status: 503, requests: retries + 1},
		{name: "POST is not retried on 500", method: "POST", status: 500, requests: 1},
		{name: "POST is not retried on 503", method: "POST", status: 503, requests: 1},
		{name: "PATCH is retried on 502", method: "PATCH", status: 502, requests: retries + 1},
		{name: "GET is not retried on 400", method: "GET", status: 400, requests: 1},
		{name: "GET is not retried on 404", method: "GET", status: 404, requests: 1},
		{name: "GET is retried on 429", method: "GET", status: 429, requests: retries + 1},
		{name: "POST is retried on 429", method: "POST", status: 429, requests: retries + 1},
		{name: "PATCH is retried on 429", method: "PATCH", status: 429, requests: retries + 1},
		{name: "PUT is retried on 429", method: "PUT", status: 429, requests: retries + 1},
		{name: "DELETE is retried on 429", method: "DELETE", status: 429, requests: retries + 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, func(c *Config) { c.MaxRetries = retries })
			h.srv.Respond(fakeclerk.Response{Status: tc.status, Body: []byte(`{"errors":[{"code":"x","message":"y"}]}`)})
			_, err := h.c.Do(context.Background(), methodOp(tc.method), jargs(t, `{"thing_id":"t_1"}`))
			var ae *APIError
			require.ErrorAs(t, err, &ae, "after the last retry the API error is returned")
			assert.Equal(t, tc.status, ae.Status)
			assert.Equal(t, tc.requests, h.srv.Count())
			assert.Len(t, h.waits.all(), tc.requests-1)
			for _, r := range h.srv.Requests() {
				assert.Equal(t, tc.method, r.Method)
			}
		})
	}

	recovers := []struct {
		name   string
		method string
		first  int
	}{
		{name: "a GET succeeds after one 503", method: "GET", first: 503},
		{name: "a PUT succeeds after one 500", method: "PUT", first: 500},
		{name: "a POST succeeds after one 429", method: "POST", first: 429},
	}
	for _, tc := range recovers {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			h.srv.Respond(fakeclerk.Response{Status: tc.first}, fakeclerk.Response{Status: 200, Body: []byte(`{"ok":1}`)})
			resp, err := h.c.Do(context.Background(), methodOp(tc.method), jargs(t, `{"thing_id":"t_1"}`))
			require.NoError(t, err)
			assert.Equal(t, `{"ok":1}`, string(resp.Body))
			assert.Equal(t, 2, h.srv.Count())
			assert.Len(t, h.waits.all(), 1)
		})
	}

	t.Run("the default is three retries", func(t *testing.T) {
		h := newHarness(t)
		h.srv.Respond(fakeclerk.Response{Status: 503})
		_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		require.Error(t, err)
		assert.Equal(t, 4, h.srv.Count())
	})

	t.Run("negative MaxRetries disables retries", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.MaxRetries = -1 })
		h.srv.Respond(fakeclerk.Response{Status: 503})
		_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		require.Error(t, err)
		assert.Equal(t, 1, h.srv.Count())
		assert.Empty(t, h.waits.all())
	})

	t.Run("5xx backoff waits grow and stay within their jittered bounds", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.MaxRetries = 5 })
		h.srv.Respond(fakeclerk.Response{Status: 500})
		_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		require.Error(t, err)
		waits := h.waits.all()
		require.Len(t, waits, 5)
		for i, w := range waits {
			ceil := 250*time.Millisecond<<i + 10*time.Millisecond
			assert.GreaterOrEqual(t, w, 10*time.Millisecond, "wait %d", i)
			assert.Less(t, w, ceil, "wait %d", i)
		}
	})

	t.Run("backoff is capped at 8 seconds", func(t *testing.T) {
		for attempt := range 20 {
			assert.LessOrEqual(t, backoff(attempt), 8*time.Second+10*time.Millisecond)
		}
	})
}

func TestConnectionErrors(t *testing.T) {
	const retries = 2
	cases := []struct {
		name     string
		method   string
		requests int
	}{
		{name: "a GET is retried after the connection drops", method: "GET", requests: retries + 1},
		{name: "a PUT is retried after the connection drops", method: "PUT", requests: retries + 1},
		{name: "a DELETE is retried after the connection drops", method: "DELETE", requests: retries + 1},
		{name: "a POST is not retried after the connection drops", method: "POST", requests: 1},
		{name: "a PATCH is retried after the connection drops", method: "PATCH", requests: retries + 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, func(c *Config) { c.MaxRetries = retries })
			h.srv.Handle(hangUp)
			_, err := h.c.Do(context.Background(), methodOp(tc.method), jargs(t, `{"thing_id":"t_1"}`))
			var te *TransportError
			require.ErrorAs(t, err, &te)
			assert.False(t, te.Timeout)
			assert.True(t, strings.HasPrefix(err.Error(), "clerk: "))
			assert.Equal(t, tc.requests, h.srv.Count())
			assert.Len(t, h.waits.all(), tc.requests-1)
		})
	}

	t.Run("a GET succeeds when the connection drops once", func(t *testing.T) {
		h := newHarness(t)
		var n atomic.Int32
		h.srv.Handle(func(w http.ResponseWriter, r *http.Request) {
			if n.Add(1) == 1 {
				hangUp(w, r)
				return
			}
			_, _ = w.Write([]byte(`{"ok":true}`))
		})
		resp, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		require.NoError(t, err)
		assert.Equal(t, `{"ok":true}`, string(resp.Body))
		assert.Equal(t, 2, h.srv.Count())
	})

	t.Run("an unreachable server is a transport error", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.MaxRetries = 1 })
		h.srv.Close()
		_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		var te *TransportError
		require.ErrorAs(t, err, &te)
		assert.Len(t, h.waits.all(), 1)
	})
}

func TestRetryAfter(t *testing.T) {
	cases := []struct {
		name     string
		header   func() string
		min, max time.Duration
	}{
		{name: "Retry-After in seconds is honoured", header: func() string { return "7" }, min: 7 * time.Second, max: 7 * time.Second},
		{name: "Retry-After of zero retries at once", header: func() string { return "0" }, min: 0, max: 0},
		{name: "Retry-After as an HTTP date is honoured", header: func() string { return time.Now().Add(5 * time.Second).UTC().Format(http.TimeFormat) }, min: 3 * time.Second, max: 5 * time.Second},
		{name: "Retry-After as a past HTTP date retries at once", header: func() string { return time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat) }, min: 0, max: 0},
		{name: "a missing Retry-After falls back to backoff", header: func() string { return "" }, min: 10 * time.Millisecond, max: 260 * time.Millisecond},
		{name: "an unreadable Retry-After falls back to backoff", header: func() string { return "soon" }, min: 10 * time.Millisecond, max: 260 * time.Millisecond},
		{name: "a negative Retry-After falls back to backoff", header: func() string { return "-3" }, min: 10 * time.Millisecond, max: 260 * time.Millisecond},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			first := fakeclerk.Response{Status: 429, Body: []byte(`{"errors":[{"code":"too_many_requests","message":"slow down"}]}`)}
			if v := tc.header(); v != "" {
				first.Header = map[string]string{"Retry-After": v}
			}
			h.srv.Respond(first, fakeclerk.Response{Status: 200, Body: []byte(`{}`)})
			_, err := h.c.Do(context.Background(), methodOp("POST"), jargs(t, `{"thing_id":"t_1"}`))
			require.NoError(t, err)
			assert.Equal(t, 2, h.srv.Count())
			waits := h.waits.all()
			require.Len(t, waits, 1)
			assert.GreaterOrEqual(t, waits[0], tc.min)
			assert.LessOrEqual(t, waits[0], tc.max)
		})
	}

	t.Run("429 retries are bounded by MaxRetries", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.MaxRetries = 3 })
		h.srv.Respond(fakeclerk.Response{Status: 429, Header: map[string]string{"Retry-After": "1"}})
		_, err := h.c.Do(context.Background(), methodOp("POST"), jargs(t, `{"thing_id":"t_1"}`))
		var ae *APIError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, 429, ae.Status)
		assert.Equal(t, 4, h.srv.Count())
		assert.Equal(t, []time.Duration{time.Second, time.Second, time.Second}, h.waits.all())
	})

	t.Run("a Retry-After beyond the timeout fails at once with the 429", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.Timeout = 2 * time.Second })
		h.srv.Respond(fakeclerk.Response{Status: 429, Header: map[string]string{"Retry-After": "30", "Clerk-Trace-Id": "trace_429"}, Body: []byte(`{"errors":[{"code":"too_many_requests","message":"slow down"}]}`)})
		start := time.Now()
		_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		var ae *APIError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, 429, ae.Status)
		assert.Equal(t, "too_many_requests", ae.Code())
		assert.Equal(t, "trace_429", ae.TraceID)
		assert.Equal(t, 1, h.srv.Count())
		assert.Empty(t, h.waits.all(), "no wait is attempted")
		assert.Less(t, time.Since(start), time.Second)
	})

	t.Run("a Retry-After date beyond the timeout fails at once", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.Timeout = 2 * time.Second })
		h.srv.Respond(fakeclerk.Response{Status: 429, Header: map[string]string{"Retry-After": time.Now().Add(time.Minute).UTC().Format(http.TimeFormat)}})
		_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		var ae *APIError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, 429, ae.Status)
		assert.Equal(t, 1, h.srv.Count())
		assert.Empty(t, h.waits.all())
	})
}

func TestCancellationAndTimeout(t *testing.T) {
	t.Run("an already cancelled context sends nothing", func(t *testing.T) {
		h := newHarness(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := h.c.Do(ctx, opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		require.ErrorIs(t, err, context.Canceled)
		assert.Zero(t, h.srv.Count())
	})

	t.Run("cancelling during a request stops the call", func(t *testing.T) {
		h := newHarness(t)
		arrived := make(chan struct{}, 1)
		h.srv.Handle(func(w http.ResponseWriter, r *http.Request) {
			arrived <- struct{}{}
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		})
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			<-arrived
			cancel()
		}()
		start := time.Now()
		_, err := h.c.Do(ctx, opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		require.ErrorIs(t, err, context.Canceled)
		var te *TransportError
		assert.False(t, errors.As(err, &te), "cancellation is not a transport failure")
		assert.Equal(t, 1, h.srv.Count(), "no retry after cancellation")
		assert.Less(t, time.Since(start), 3*time.Second)
	})

	t.Run("cancelling during a retry wait stops the call", func(t *testing.T) {
		h := newHarness(t)
		h.srv.Respond(fakeclerk.Response{Status: 503})
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var waits atomic.Int32
		h.c.sleep = func(ctx context.Context, d time.Duration) error {
			waits.Add(1)
			cancel()
			<-ctx.Done()
			return ctx.Err()
		}
		_, err := h.c.Do(ctx, opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		require.ErrorIs(t, err, context.Canceled)
		assert.Equal(t, 1, h.srv.Count())
		assert.Equal(t, int32(1), waits.Load())
	})

	t.Run("a slow answer hits the timeout", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.Timeout = 100 * time.Millisecond })
		h.srv.Handle(func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		})
		start := time.Now()
		_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		var te *TransportError
		require.ErrorAs(t, err, &te)
		assert.True(t, te.Timeout)
		assert.Contains(t, err.Error(), "no answer from Clerk within 100ms")
		assert.Equal(t, 1, h.srv.Count())
		assert.Less(t, time.Since(start), 3*time.Second)
	})

	t.Run("the timeout covers retry waits too", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.Timeout = 100 * time.Millisecond })
		h.srv.Respond(fakeclerk.Response{Status: 429, Header: map[string]string{"Retry-After": "0"}})
		h.c.sleep = func(ctx context.Context, d time.Duration) error {
			<-ctx.Done() // the wait outlasts the timeout
			return ctx.Err()
		}
		_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		var te *TransportError
		require.ErrorAs(t, err, &te)
		assert.True(t, te.Timeout)
		assert.Equal(t, 1, h.srv.Count())
	})

	t.Run("the real sleep returns early when the context ends", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		assert.ErrorIs(t, sleepCtx(ctx, time.Hour), context.Canceled)
		assert.NoError(t, sleepCtx(context.Background(), time.Millisecond))
	})
}

func TestTooLarge(t *testing.T) {
	const limit = 64
	cases := []struct {
		name   string
		op     *Operation
		status int
		size   int
		ok     bool
	}{
		{name: "a body at the limit is accepted", op: opGetThing, status: 200, size: limit, ok: true},
		{name: "a GET answer over the limit fails without retrying", op: opGetThing, status: 200, size: limit + 1},
		{name: "a POST answer over the limit fails", op: methodOp("POST"), status: 200, size: limit + 1},
		{name: "an error answer over the limit fails", op: opGetThing, status: 422, size: 10 * limit},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, func(c *Config) { c.MaxResponseBytes = limit })
			body := `"` + strings.Repeat("x", tc.size-2) + `"`
			h.srv.Respond(fakeclerk.Response{Status: tc.status, Body: []byte(body)})
			resp, err := h.c.Do(context.Background(), tc.op, jargs(t, `{"thing_id":"t_1"}`))
			if tc.ok {
				require.NoError(t, err)
				assert.Len(t, resp.Body, tc.size)
				return
			}
			var tl *TooLargeError
			require.ErrorAs(t, err, &tl)
			assert.Equal(t, int64(limit), tl.Limit)
			assert.Equal(t, "clerk: response larger than 64 bytes", err.Error())
			assert.Equal(t, 1, h.srv.Count(), "a too-large answer is not fetched again")
		})
	}
}

func TestCall(t *testing.T) {
	name := "n"
	cases := []struct {
		name string
		op   *Operation
		req  any
		args string
	}{
		{name: "a typed GetUserRequest sends the same as raw args", op: mustLookup(t, "get_user"), req: GetUserRequest{UserID: "user_2x/y"}, args: `{"user_id":"user_2x/y"}`},
		{name: "a typed body request sends the same as raw args", op: opWrite, req: writeRequest{ThingID: "t_1", Name: &name, Tags: []string{"a"}}, args: `{"thing_id":"t_1","name":"n","tags":["a"]}`},
		{name: "a typed request with a comma array sends the same as raw args", op: opSearch, req: searchRequest{Fields: []string{"a", "b"}}, args: `{"fields":["a","b"]}`},
		{name: "a nil request sends no args", op: opPublic, req: nil, args: `{}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			_, err := h.c.Call(context.Background(), tc.op, tc.req)
			require.NoError(t, err)
			_, err = h.c.Do(context.Background(), tc.op, jargs(t, tc.args))
			require.NoError(t, err)
			reqs := h.srv.Requests()
			require.Len(t, reqs, 2)
			viaCall, viaDo := reqs[0], reqs[1]
			assert.Equal(t, viaDo.Method, viaCall.Method)
			assert.Equal(t, viaDo.Path, viaCall.Path)
			assert.Equal(t, viaDo.RawQuery, viaCall.RawQuery)
			assert.Equal(t, string(viaDo.Body), string(viaCall.Body))
			for _, k := range []string{"Authorization", "Clerk-Api-Version", "User-Agent", "Accept", "Content-Type"} {
				assert.Equal(t, viaDo.Header.Values(k), viaCall.Header.Values(k), k)
			}
		})
	}

	t.Run("an unencodable request fails before sending", func(t *testing.T) {
		h := newHarness(t)
		_, err := h.c.Call(context.Background(), opPublic, map[string]any{"x": make(chan int)})
		require.Error(t, err)
		assert.Zero(t, h.srv.Count())
	})
}

func mustLookup(t *testing.T, name string) *Operation {
	t.Helper()
	op, ok := Lookup(name)
	require.True(t, ok, "operation %s", name)
	return op
}

func TestTotalFrom(t *testing.T) {
	listUsers := mustLookup(t, "list_users")
	require.Equal(t, "count_users", listUsers.TotalFrom)

	t.Run("a bare array answer is completed with count_users' total", func(t *testing.T) {
		h := newHarness(t)
		h.srv.Respond(
			fakeclerk.Response{Status: 200, Body: []byte(" [{\"id\":\"user_1\"},{\"id\":\"user_2\"}]\n")},
			fakeclerk.Response{Status: 200, Body: []byte(`{"object":"total_count","total_count":42}`)},
		)
		resp, err := h.c.Do(context.Background(), listUsers, jargs(t, `{"email_address":["a@x.test","b@x.test"],"query":"ann","banned":false,"limit":2,"offset":4,"order_by":"-created_at","starting_after":"user_0"}`))
		require.NoError(t, err)
		assert.Equal(t, `{"data":[{"id":"user_1"},{"id":"user_2"}],"total_count":42}`, string(resp.Body))

		reqs := h.srv.Requests()
		require.Len(t, reqs, 2)
		assert.Equal(t, "/users", reqs[0].Path)
		list, err := url.ParseQuery(reqs[0].RawQuery)
		require.NoError(t, err)
		assert.Equal(t, url.Values{"email_address": {"a@x.test", "b@x.test"}, "query": {"ann"}, "banned": {"false"}, "limit": {"2"}, "offset": {"4"}, "order_by": {"-created_at"}, "starting_after": {"user_0"}}, list)

		assert.Equal(t, "GET", reqs[1].Method)
		assert.Equal(t, "/users/count", reqs[1].Path)
		count, err := url.ParseQuery(reqs[1].RawQuery)
		require.NoError(t, err)
		assert.Equal(t, url.Values{"email_address": {"a@x.test", "b@x.test"}, "query": {"ann"}, "banned": {"false"}}, count, "only the filters reach count_users")
		assert.Equal(t, "Bearer "+testKey, reqs[1].Header.Get("Authorization"))
	})

	t.Run("an empty array still gets a total", func(t *testing.T) {
		h := newHarness(t)
		h.srv.Respond(
			fakeclerk.Response{Status: 200, Body: []byte(`[]`)},
			fakeclerk.Response{Status: 200, Body: []byte(`{"total_count":0}`)},
		)
		resp, err := h.c.Do(context.Background(), listUsers, Args{})
		require.NoError(t, err)
		assert.Equal(t, `{"data":[],"total_count":0}`, string(resp.Body))
		reqs := h.srv.Requests()
		require.Len(t, reqs, 2)
		assert.Empty(t, reqs[1].RawQuery)
	})

	t.Run("an object answer is passed through untouched", func(t *testing.T) {
		h := newHarness(t)
		body := `{"data": [{"id":"user_1"}], "total_count": 7}`
		h.srv.Respond(fakeclerk.Response{Status: 200, Body: []byte(body)})
		resp, err := h.c.Do(context.Background(), listUsers, jargs(t, `{"limit":1}`))
		require.NoError(t, err)
		assert.Equal(t, body, string(resp.Body))
		assert.Equal(t, 1, h.srv.Count())
	})

	t.Run("a failing count fails the call", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.MaxRetries = -1 })
		h.srv.Respond(
			fakeclerk.Response{Status: 200, Body: []byte(`[]`)},
			fakeclerk.Response{Status: 500, Body: []byte(`{"errors":[{"code":"internal","message":"boom"}]}`)},
		)
		_, err := h.c.Do(context.Background(), listUsers, Args{})
		var ae *APIError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, 500, ae.Status)
	})

	t.Run("a count answer without total_count fails the call", func(t *testing.T) {
		h := newHarness(t)
		h.srv.Respond(
			fakeclerk.Response{Status: 200, Body: []byte(`[]`)},
			fakeclerk.Response{Status: 200, Body: []byte(`{"object":"total_count"}`)},
		)
		_, err := h.c.Do(context.Background(), listUsers, Args{})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "count_users answered without total_count")
	})

	t.Run("an unknown count operation is reported", func(t *testing.T) {
		h := newHarness(t)
		h.srv.Respond(fakeclerk.Response{Status: 200, Body: []byte(`[]`)})
		op := &Operation{Name: "test_list", Method: "GET", Path: "/things", Request: searchRequest{}, TotalFrom: "test_no_such_count"}
		_, err := h.c.Do(context.Background(), op, Args{})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "unknown operation test_no_such_count")
	})
}

func TestPlan(t *testing.T) {
	t.Run("the plan reads locations and options from the tags", func(t *testing.T) {
		p := opUpload.Plan()
		assert.True(t, p.Multipart())
		assert.False(t, p.HasBody())
		prm, ok := p.Param("file_url")
		require.True(t, ok)
		assert.Equal(t, "file", prm.In)
		prm, ok = opSearch.Plan().Param("fields")
		require.True(t, ok)
		assert.True(t, prm.Comma)
		prm, ok = opBulk.Plan().Param("items")
		require.True(t, ok)
		assert.True(t, prm.Whole)
		assert.True(t, opBulk.Plan().HasBody())
		_, ok = opSearch.Plan().Param("nope")
		assert.False(t, ok)
	})
	t.Run("the plan is computed once per operation", func(t *testing.T) {
		assert.Same(t, opWrite.Plan(), opWrite.Plan())
	})
	t.Run("an operation without a request struct has no params", func(t *testing.T) {
		assert.Empty(t, opPublic.Plan().Params)
	})
}

func TestNoRedirects(t *testing.T) {
	// elsewhere is where a redirect points: it must never be asked anything.
	type seen struct {
		count int
		auths []string
	}
	newElsewhere := func(t *testing.T) (*httptest.Server, func() seen) {
		var mu sync.Mutex
		var s seen
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			s.count++
			s.auths = append(s.auths, r.Header.Get("Authorization"))
			mu.Unlock()
		}))
		t.Cleanup(srv.Close)
		return srv, func() seen { mu.Lock(); defer mu.Unlock(); return s }
	}
	assertRefusedRedirect := func(t *testing.T, err error, status int) {
		t.Helper()
		var ae *APIError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, status, ae.Status)
		assert.Contains(t, err.Error(), "the Clerk API does not redirect")
		assert.Contains(t, err.Error(), strconv.Itoa(status))
		assertNoKey(t, err.Error())
	}

	t.Run("a 307 to another port does not replay the PATCH body or the key there", func(t *testing.T) {
		other, saw := newElsewhere(t)
		h := newHarness(t)
		h.srv.Respond(fakeclerk.Response{Status: 307, Header: map[string]string{"Location": other.URL + "/v1/things/t_1"}})
		_, err := h.c.Do(context.Background(), methodOp("PATCH"), jargs(t, `{"thing_id":"t_1"}`))
		assertRefusedRedirect(t, err, 307)
		assert.Equal(t, 1, h.srv.Count(), "no retry either")
		assert.Zero(t, saw().count, "the redirect target got no request")
		assert.Empty(t, saw().auths)
	})

	t.Run("a 307 with a JSON body is not replayed", func(t *testing.T) {
		other, saw := newElsewhere(t)
		h := newHarness(t)
		h.srv.Respond(fakeclerk.Response{Status: 307, Header: map[string]string{"Location": other.URL + "/"}})
		_, err := h.c.Do(context.Background(), opWrite, jargs(t, `{"thing_id":"t_1","name":"secret plan"}`))
		assertRefusedRedirect(t, err, 307)
		assert.Zero(t, saw().count)
	})

	t.Run("a 302 on the same host to /leak is not followed", func(t *testing.T) {
		h := newHarness(t)
		h.srv.Respond(fakeclerk.Response{Status: 302, Header: map[string]string{"Location": "/leak?k=" + url.QueryEscape(testKey)}})
		_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		assertRefusedRedirect(t, err, 302)
		reqs := h.srv.Requests()
		require.Len(t, reqs, 1)
		assert.Equal(t, "/things/t_1", reqs[0].Path)
	})

	t.Run("a 301 is not followed", func(t *testing.T) {
		other, saw := newElsewhere(t)
		h := newHarness(t)
		h.srv.Respond(fakeclerk.Response{Status: 301, Header: map[string]string{"Location": other.URL + "/v1/things/t_1"}})
		_, err := h.c.Do(context.Background(), opGetThing, jargs(t, `{"thing_id":"t_1"}`))
		assertRefusedRedirect(t, err, 301)
		assert.Equal(t, 1, h.srv.Count())
		assert.Zero(t, saw().count)
	})

	t.Run("https to http is not followed, even with a caller's own http.Client", func(t *testing.T) {
		other, saw := newElsewhere(t)
		tlsClerk := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, other.URL+"/v1/things", http.StatusTemporaryRedirect)
		}))
		t.Cleanup(tlsClerk.Close)
		c := New(Config{BaseURL: tlsClerk.URL + "/v1", SecretKey: testKey, HTTPClient: tlsClerk.Client()})
		_, err := c.Do(context.Background(), opWrite, jargs(t, `{"thing_id":"t_1","name":"x"}`))
		assertRefusedRedirect(t, err, 307)
		assert.Zero(t, saw().count, "neither the key nor the body travelled in clear")
		assert.Nil(t, tlsClerk.Client().CheckRedirect, "the caller's client is not modified")
	})
}

func TestCheckBaseURL(t *testing.T) {
	cases := []struct {
		raw      string
		insecure bool
		want     string // "" accepts; else a part of the error
	}{
		{raw: "https://api.clerk.com/v1"},
		{raw: "https://api.clerk.com"},
		{raw: "https://proxy.example.com:8443/clerk/v1"},
		{raw: "http://127.0.0.1:8080/v1"},
		{raw: "http://localhost:8080/v1"},
		{raw: "http://LOCALHOST/v1"},
		{raw: "http://[::1]:9000/v1"},
		{raw: "http://127.5.6.7/v1"},
		{raw: "http://api.clerk.com/v1", want: "must be https:// unless the host is loopback"},
		{raw: "http://10.0.0.5/v1", want: "must be https:// unless the host is loopback"},
		{raw: "http://localhost.evil.com/v1", want: "must be https:// unless the host is loopback"},
		{raw: "http://api.internal/v1", insecure: true},
		{raw: "ftp://api.clerk.com/v1", want: "must be an https:// URL"},
		{raw: "file:///etc/passwd", want: "must be an https:// URL"},
		{raw: "api.clerk.com/v1", want: "must be an https:// URL"},
		{raw: "", want: "must be an https:// URL"},
		{raw: "https:api.clerk.com", want: "must name a host"},
		{raw: "https:///v1", want: "must name a host"},
		{raw: "https://user:hunter2@api.clerk.com/v1", want: "must not contain a user name or password"},
		{raw: "https://user@api.clerk.com/v1", want: "must not contain a user name or password"},
		{raw: "https://api.clerk.com/v1?x=1", want: "must not contain a query"},
		{raw: "https://api.clerk.com/v1?", want: "must not contain a query"},
		{raw: "https://api.clerk.com/v1#frag", want: "must not contain a query (?) or fragment (#)"},
		{raw: "https://api.clerk.com/v1#", want: "fragment"},
		{raw: "https://api clerk.com/v1", want: "is not a valid URL"},
		{raw: "http://user:pw@127.0.0.1/v1", insecure: true, want: "user name or password"},
	}
	for _, tc := range cases {
		t.Run(tc.raw, func(t *testing.T) {
			err := CheckBaseURL(tc.raw, tc.insecure)
			if tc.want == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Contains(t, err.Error(), "--api-url", "the error names the setting")
			assert.NotContains(t, err.Error(), "hunter2", "the URL is not repeated")
		})
	}
}

func TestKeyEnvironment(t *testing.T) {
	cases := map[string]string{
		"sk_live_x":     "live",
		" sk_live_x":    "live",
		"sk_live_x\n":   "live",
		"\tSK_LIVE_x":   "live",
		"SK_LIVE_x":     "live",
		"Sk_Live_x":     "live",
		"sk_test_x":     "test",
		" SK_TEST_x ":   "test",
		"":              "unknown",
		"   ":           "unknown",
		"abc":           "unknown",
		"sk_livex":      "unknown",
		"pk_live_x":     "unknown",
		"ak_machine123": "unknown",
		"xsk_live_x":    "unknown",
	}
	for key, want := range cases {
		assert.Equal(t, want, KeyEnvironment(key), "KeyEnvironment(%q)", key)
	}
}

func TestRetryAfterOverflow(t *testing.T) {
	tooMany := func(retryAfter string) fakeclerk.Response {
		return fakeclerk.Response{Status: 429, Header: map[string]string{"Retry-After": retryAfter}, Body: []byte(`{"errors":[{"code":"too_many_requests","message":"slow down"}]}`)}
	}
	cases := []struct {
		name, header, says string
		method             string
	}{
		{name: "seconds that overflow a Duration, GET", header: "9223372037", method: "GET", says: "retry after 9223372037 s"},
		{name: "seconds that overflow a Duration, POST", header: "9223372037", method: "POST", says: "retry after 9223372037 s"},
		{name: "seconds beyond int64", header: "99999999999999999999999", method: "POST", says: "retry after 9223372037 s"},
		{name: "an HTTP date in year 9999", header: "Fri, 31 Dec 9999 23:59:59 GMT", method: "PATCH", says: "retry after 9223372037 s"},
		{name: "a wait beyond the call's deadline", header: "45", method: "GET", says: "retry after 45 s, beyond the call's time limit"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// The real sleep: a wrapped-around wait would retry at once.
			h := newHarness(t, func(c *Config) { c.Timeout = 30 * time.Second })
			h.c.sleep = sleepCtx
			h.srv.Respond(tooMany(tc.header))
			start := time.Now()
			_, err := h.c.Do(context.Background(), methodOp(tc.method), jargs(t, `{"thing_id":"t_1"}`))
			var ae *APIError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, 429, ae.Status)
			assert.Equal(t, "too_many_requests", ae.Code())
			assert.Contains(t, err.Error(), "Clerk asked to "+tc.says)
			assert.Contains(t, err.Error(), "beyond the call's time limit")
			assert.Equal(t, 1, h.srv.Count(), "exactly one request: no hammering, no sleeping")
			assert.Less(t, time.Since(start), time.Second)
		})
	}

	t.Run("a wait over the 60 s cap fails fast even with time to spare", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.Timeout = 10 * time.Minute })
		h.srv.Respond(tooMany("61"))
		_, err := h.c.Do(context.Background(), methodOp("GET"), jargs(t, `{"thing_id":"t_1"}`))
		require.Error(t, err)
		assert.Contains(t, err.Error(), "Clerk asked to retry after 61 s, beyond the call's time limit (one wait is at most 60 s)")
		assert.Equal(t, 1, h.srv.Count())
		assert.Empty(t, h.waits.all())
	})

	t.Run("a wait of 60 s with time to spare is honoured", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.Timeout = 10 * time.Minute })
		h.srv.Respond(tooMany("60"), fakeclerk.Response{Status: 200, Body: []byte(`{}`)})
		_, err := h.c.Do(context.Background(), methodOp("POST"), jargs(t, `{"thing_id":"t_1"}`))
		require.NoError(t, err)
		assert.Equal(t, []time.Duration{60 * time.Second}, h.waits.all())
	})

	t.Run("the caller's own shorter deadline counts", func(t *testing.T) {
		h := newHarness(t)
		h.srv.Respond(tooMany("5"))
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_, err := h.c.Do(ctx, methodOp("GET"), jargs(t, `{"thing_id":"t_1"}`))
		require.Error(t, err)
		assert.Contains(t, err.Error(), "Clerk asked to retry after 5 s, beyond the call's time limit")
		assert.Equal(t, 1, h.srv.Count())
	})

	values := []struct {
		header string
		want   time.Duration
	}{
		{"9223372037", math.MaxInt64},
		{"9223372036", 9223372036 * time.Second},
		{"99999999999999999999999", math.MaxInt64},
		{"Fri, 31 Dec 9999 23:59:59 GMT", math.MaxInt64},
		{" 7 ", 7 * time.Second},
		{"-1", -1}, // fallback
		{"-9223372037", -1},
		{"+5", -1},
		{"1e3", -1},
		{"Thu, 01 Jan 1970 00:00:00 GMT", 0},
	}
	for _, v := range values {
		got := retryAfter(http.Header{"Retry-After": {v.header}}, -1)
		assert.Equal(t, v.want, got, "retryAfter(%q)", v.header)
	}
}

func TestMachineKeyNeverInErrors(t *testing.T) {
	const configured = "ak_configuredMACHINEkey0123456789abcdef"
	const perCall = "ak_percallMACHINEkey9876543210fedcba"
	op := mustLookup(t, "create_m2m_token")
	echo := func(key string) []fakeclerk.Response {
		return []fakeclerk.Response{{Status: 401, Body: []byte(`{"errors":[{"code":"c","message":"` + strings.ToUpper(key) + `","meta":{"k":"` + uEscape(key) + `","part":"` + key[3:19] + `"}}],"clerk_trace_id":"` + uEscape(key[:15]) + `"}`)}}
	}
	for _, tc := range []struct {
		name, key string
		args      Args
	}{
		{name: "the configured machine key", key: configured, args: Args{}},
		{name: "a machine key passed as an argument", key: perCall, args: Args{"machine_secret_key": json.RawMessage(strconv.Quote(perCall))}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, func(c *Config) { c.MachineSecretKey = configured; c.MaxRetries = -1 })
			h.srv.Respond(echo(tc.key)...)
			_, err := h.c.Do(context.Background(), op, tc.args)
			var ae *APIError
			require.ErrorAs(t, err, &ae)
			j, jerr := json.Marshal(ae)
			require.NoError(t, jerr)
			for _, text := range []string{err.Error(), string(j), decoded(j)} {
				if w := keyWindow(tc.key, text); w != "" {
					t.Errorf("machine key fragment %q leaked in %s", w, text)
				}
			}
			assert.Contains(t, err.Error(), "[redacted]")
		})
	}
}
