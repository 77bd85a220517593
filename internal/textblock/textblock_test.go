package textblock

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/internal/golden"
)

func TestCompact(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"drops null, empty string, empty array and empty object members",
			`{"a":null,"b":"","c":[],"d":{},"e":0,"f":false,"g":"x"}`, `{"e":0,"f":false,"g":"x"}`},
		{"prunes nested objects and drops what pruning empties",
			`{"v":{"x":null,"y":{"z":[]}},"w":{"k":1,"n":null}}`, `{"w":{"k":1}}`},
		{"keeps array elements so positions hold", `{"a":[null,"",{},1]}`, `{"a":[null,"",{},1]}`},
		{"prunes inside array elements", `{"a":[{"x":null,"y":2}]}`, `{"a":[{"y":2}]}`},
		{"keeps escapes and big numbers exactly", `{"s":"a\"b\\\\c\u00e9","n":12345678901234567890,"f":1.5e-7}`, `{"s":"a\"b\\\\c\u00e9","n":12345678901234567890,"f":1.5e-7}`},
		{"removes insignificant space", "{ \"a\" : [ 1 , 2 ] ,\n \"b\" : { } }", `{"a":[1,2]}`},
		{"an all-empty document is {}", `{"a":null}`, `{}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Compact(nil, []byte(c.in))
			require.NoError(t, err)
			assert.Equal(t, c.want, string(got))
			assert.True(t, json.Valid(got))
		})
	}
	for _, bad := range []string{`{"a":`, `{"a" 1}`, `{"a":1,}x`, `[1 2]`, `{"a":"x}`, `{1:2}`} {
		_, err := Compact(nil, []byte(bad))
		assert.Error(t, err, bad)
	}
}

// FuzzCompact: Compact accepts exactly what encoding/json accepts (the stdio
// transport sends checked structuredContent on without another check); valid
// JSON in, valid JSON out, never larger; nothing panics.
func FuzzCompact(f *testing.F) {
	for _, s := range []string{`{"a":null,"b":[{}],"c":{"d":""}}`, `[]`, `"x"`, `{"a":[1,{"b":null}]}`, `{`, `{"\u0000":"\\"}`, "\"a\x01\"", `"\x"`, `"\u12G4"`, `01`, `-0.5e+3`, `{"a":1}x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, err := Compact(nil, []byte(in))
		if !json.Valid([]byte(in)) {
			if err == nil {
				t.Fatalf("invalid input %q accepted", in)
			}
			return
		}
		if err != nil {
			t.Fatalf("valid input %q: %v", in, err)
		}
		if !json.Valid(out) {
			t.Fatalf("invalid output %q from %q", out, in)
		}
		var compact bytes.Buffer
		_ = json.Compact(&compact, []byte(in))
		if len(out) > compact.Len() && string(out) != "{}" {
			t.Fatalf("output %q is larger than %q", out, compact.Bytes())
		}
	})
}

// TestCompactUsersPage measures the text block of a page of 100 realistic
// users against Clerk's raw JSON: it must be at least 50% smaller.
func TestCompactUsersPage(t *testing.T) {
	raw := golden.UsersPage(t, 100)
	text, err := Render(raw, Paging{Offset: 0, Limit: 100}, 0)
	require.NoError(t, err)
	assert.True(t, json.Valid(text))
	saved := 100 * (1 - float64(len(text))/float64(len(raw)))
	t.Logf("100 users: Clerk %d bytes, text block %d bytes (%.0f%% smaller)", len(raw), len(text), saved)
	assert.GreaterOrEqual(t, saved, 50.0)
}

func TestListTextSaysWhatComesNext(t *testing.T) {
	page := []byte(`{"data":[{"id":"a","object":"user","n":null},{"id":"b","object":"user","x":1}],"total_count":5}`)
	tb, err := Render(page, Paging{Offset: 2, Limit: 2}, 1<<20)
	require.NoError(t, err)
	assert.JSONEq(t, `{"total_count":5,"next_offset":4,"common":{"object":"user"},"columns":["id","x"],"rows":[["a",null],["b",1]]}`,
		string(tb), "a table: shared values once, columns once")
	last := []byte(`{"data":[{"id":"e"}],"total_count":5}`)
	tb, err = Render(last, Paging{Offset: 4, Limit: 2}, 1<<20)
	require.NoError(t, err)
	assert.Equal(t, string(last), string(tb), "the last page says nothing more")
	one := []byte(`{"data":[{"id":"a"}],"total_count":5}`)
	tb, err = Render(one, Paging{Offset: 0, Limit: 1}, 1<<20)
	require.NoError(t, err)
	assert.JSONEq(t, `{"data":[{"id":"a"}],"total_count":5,"next_offset":1}`, string(tb))

	big := golden.UsersPage(t, 100)
	cut, err := Render(big, Paging{Offset: 200, Limit: 100}, 16<<10)
	require.NoError(t, err)
	assert.LessOrEqual(t, len(cut), 16<<10)
	var got struct {
		Data      []json.RawMessage `json:"rows"`
		Total     int               `json:"total_count"`
		Truncated struct {
			Shown int `json:"items_shown"`
			Page  int `json:"items_in_page"`
			Next  struct{ Offset, Limit int }
		} `json:"truncated"`
	}
	require.NoError(t, json.Unmarshal(cut, &got))
	assert.Equal(t, len(got.Data), got.Truncated.Shown)
	assert.Equal(t, 100, got.Truncated.Page)
	assert.Equal(t, 200+got.Truncated.Shown, got.Truncated.Next.Offset)
	assert.Equal(t, 100, got.Truncated.Next.Limit)
	assert.Equal(t, 1234, got.Total)
}

// TestCursorPageHintsStartingAfter: a page fetched with starting_after
// never hints next_offset (Clerk answers 422 to starting_after with a
// non-zero offset); a full page hints next_starting_after, the last item's
// id; a short page is the last; a cut text names the cursor to go on with.
func TestCursorPageHintsStartingAfter(t *testing.T) {
	page := []byte(`{"data":[{"id":"user_a","object":"user"},{"id":"user_b","object":"user"},{"id":"user_c","object":"user"}],"total_count":40}`)
	tb, err := Render(page, Paging{Limit: 3, After: `"user_0"`}, 1<<20)
	require.NoError(t, err)
	assert.NotContains(t, string(tb), "next_offset")
	assert.JSONEq(t, `{"total_count":40,"next_starting_after":"user_c","common":{"object":"user"},"columns":["id"],"rows":[["user_a"],["user_b"],["user_c"]]}`, string(tb))

	tb, err = Render(page, Paging{Limit: 10, After: `"user_0"`}, 1<<20)
	require.NoError(t, err)
	assert.NotContains(t, string(tb), "next_", "3 of a limit of 10: the last page")

	one := []byte(`{"data":[{"id":"user_z"}],"total_count":40}`)
	tb, err = Render(one, Paging{Limit: 1, After: `"user_y"`}, 1<<20)
	require.NoError(t, err)
	assert.JSONEq(t, `{"data":[{"id":"user_z"}],"total_count":40,"next_starting_after":"user_z"}`, string(tb))

	big := golden.UsersPage(t, 100)
	cut, err := Render(big, Paging{Limit: 100, After: `"user_prev"`}, 16<<10)
	require.NoError(t, err)
	assert.NotContains(t, string(cut), "offset")
	var got struct {
		Rows      [][]json.RawMessage `json:"rows"`
		Columns   []string            `json:"columns"`
		Truncated struct {
			Shown int `json:"items_shown"`
			Next  struct {
				StartingAfter string `json:"starting_after"`
				Limit         int    `json:"limit"`
			} `json:"next"`
		} `json:"truncated"`
	}
	require.NoError(t, json.Unmarshal(cut, &got))
	require.NotZero(t, got.Truncated.Shown)
	var items struct {
		Data []struct{ ID string } `json:"data"`
	}
	require.NoError(t, json.Unmarshal(big, &items))
	assert.Equal(t, items.Data[got.Truncated.Shown-1].ID, got.Truncated.Next.StartingAfter, "the last item shown")
	assert.Equal(t, 100, got.Truncated.Next.Limit)
}

func TestObjectTextCutsAtAMember(t *testing.T) {
	obj := []byte(`{"a":"` + strings.Repeat("x", 500) + `","b":"` + strings.Repeat("y", 500) + `","c":1}`)
	cut := objectText(obj, 800)
	assert.True(t, json.Valid(cut), string(cut))
	assert.Contains(t, string(cut), `"members_left_out":2`)
	assert.Equal(t, string(obj), string(objectText(obj, 1<<20)))
}

// TestSpecial8: the eight-byte test finds a quote, a backslash or a control
// character at every position, and nothing else.
func TestSpecial8(t *testing.T) {
	for pos := range 8 {
		for b := range 256 {
			word := []byte("aaaaaaaa")
			word[pos] = byte(b)
			want := b == '"' || b == '\\' || b < 0x20
			if got := special8(binary.LittleEndian.Uint64(word)); got != want {
				t.Fatalf("special8(%q) = %v, want %v", word, got, want)
			}
		}
	}
}

// FuzzTextBlock: whatever the document, the text block of valid JSON is
// valid JSON (tables, truncation and all), and nothing panics.
func FuzzTextBlock(f *testing.F) {
	for _, s := range []string{
		`{"data":[{"id":"a","x":1},{"id":"b","y":[1,{}]}],"total_count":9}`,
		`{"total_count":3,"data":[{"a":null},2,{"b":""}]}`,
		`{"data":[],"data":[{"a":1},{"a":1}]}`,
		`{"data":{"data":[{"a":1}]},"x":[{"data":[1]}]}`,
		`{"data":[[{"a":1}],[{"a":2}]]}`,
		`{"data":[{"k":"\u00e9\n","k2":{"deep":[{"a":1}]}},{"k":"v"}]}`,
	} {
		f.Add(s, uint16(100))
	}
	f.Fuzz(func(t *testing.T, in string, maxBytes uint16) {
		out, err := Render([]byte(in), Paging{Offset: 0, Limit: 2}, int(maxBytes))
		if !json.Valid([]byte(in)) {
			return
		}
		if err != nil {
			t.Fatalf("valid input %q: %v", in, err)
		}
		if !json.Valid(out) {
			t.Fatalf("invalid text %q from %q", out, in)
		}
	})
}

// BenchmarkRender100 renders the text block of a page of 100 realistic users
// (a table), as a list call does.
func BenchmarkRender100(b *testing.B) {
	raw := golden.UsersPage(b, 100)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(raw, Paging{Offset: 0, Limit: 100}, 0); err != nil {
			b.Fatal(err)
		}
	}
}
