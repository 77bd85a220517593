package textblock

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
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
	assert.Equal(t, `{"total_count":5,"columns":["id"],"rows":[["e"]]}`, string(tb), "the last page says nothing more; one row is a table too")
	one := []byte(`{"data":[{"id":"a"}],"total_count":5}`)
	tb, err = Render(one, Paging{Offset: 0, Limit: 1}, 1<<20)
	require.NoError(t, err)
	assert.JSONEq(t, `{"total_count":5,"next_offset":1,"columns":["id"],"rows":[["a"]]}`, string(tb))

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
	assert.JSONEq(t, `{"total_count":40,"next_starting_after":"user_z","columns":["id"],"rows":[["user_z"]]}`, string(tb))

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
		`{"data":[{"created_at":1778576400123,"image_url":"https://img.clerk.com/x","a":[{},""]}],"total_count":3}`,
		`{"data":[],"expire_at":99999999999999,"x_at_ms":[1e12],"logo_url":"https://img.clerk.com/"}`,
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

// TestPageShape: a page has one shape whatever its length — columns and
// rows for none, one or many items; common holds only "object", the item
// type, never a value the rows merely happen to share (with one row every
// value would be "shared"); a page with a non-object item keeps "data".
func TestPageShape(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"empty page", `{"data":[],"total_count":0}`, `{"total_count":0,"columns":[],"rows":[]}`},
		{"one row", `{"data":[{"id":"a","object":"user","banned":false}],"total_count":1}`,
			`{"total_count":1,"common":{"object":"user"},"columns":["id","banned"],"rows":[["a",false]]}`},
		{"two rows sharing a value by chance", `{"data":[{"id":"a","object":"user","banned":false},{"id":"b","object":"user","banned":false}],"total_count":2}`,
			`{"total_count":2,"common":{"object":"user"},"columns":["id","banned"],"rows":[["a",false],["b",false]]}`},
		{"object not shared by every row", `{"data":[{"id":"a","object":"user"},{"id":"b"}]}`,
			`{"columns":["id","object"],"rows":[["a","user"],["b",null]]}`},
		{"a non-object item keeps data", `{"data":[{"id":"a"},"x"]}`, `{"data":[{"id":"a"},"x"]}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Render([]byte(c.in), Paging{}, 1<<20)
			require.NoError(t, err)
			assert.Equal(t, c.want, string(got))
		})
	}
}

// TestEmptyValuesOneRule: null, "", [] and {} are left out of objects and are
// null in table rows and in arrays, in a page and in a single object alike.
func TestEmptyValuesOneRule(t *testing.T) {
	got, err := Render([]byte(`{"id":"a","m":{},"s":"","l":[],"n":null,"a":[{},"",[],null,1]}`), Paging{}, 0)
	require.NoError(t, err)
	assert.Equal(t, `{"id":"a","a":[null,null,null,null,1]}`, string(got))
	got, err = Render([]byte(`{"data":[{"id":"a","m":{}},{"id":"b","m":{"k":1},"a":[{}]}]}`), Paging{}, 0)
	require.NoError(t, err)
	assert.Equal(t, `{"columns":["id","m","a"],"rows":[["a",null,null],["b",{"k":1},[null]]]}`, string(got))
	// Compact, the general function, keeps array elements as they are.
	got, err = Compact(nil, []byte(`{"a":[{},""]}`))
	require.NoError(t, err)
	assert.Equal(t, `{"a":[{},""]}`, string(got))
}

// TestTimesAsRFC3339: a member named *_at or *_at_ms holding Unix
// milliseconds reads as an RFC 3339 UTC time in the text block, in a single
// object and in table cells; seconds, non-integers and other names are left
// as they are.
func TestTimesAsRFC3339(t *testing.T) {
	in := `{"created_at":1778576400000,"updated_at":1778576400123,"expire_at":1778576400000,"last_active_at_ms":1778576400000,` +
		`"exp_at":1778576400,"price_at":17.5,"abandon_at":-1778576400000,"total_count":1778576400000,"stat_at":"x","period_end":1778576400000,"nested":{"last_sign_in_at":1778576400000,"ended_at":null,"banned_at":true}}`
	got, err := Render([]byte(in), Paging{}, 0)
	require.NoError(t, err)
	assert.Equal(t, `{"created_at":"2026-05-12T09:00:00Z","updated_at":"2026-05-12T09:00:00.123Z","expire_at":"2026-05-12T09:00:00Z","last_active_at_ms":"2026-05-12T09:00:00Z",`+
		`"exp_at":1778576400,"price_at":17.5,"abandon_at":-1778576400000,"total_count":1778576400000,"stat_at":"x","period_end":"2026-05-12T09:00:00Z","nested":{"last_sign_in_at":"2026-05-12T09:00:00Z","banned_at":true}}`, string(got), "a null time is left out like any null")
	got, err = Render([]byte(`{"data":[{"id":"a","created_at":1778576400000},{"id":"b","created_at":1778576460000}]}`), Paging{}, 0)
	require.NoError(t, err)
	assert.Equal(t, `{"columns":["id","created_at"],"rows":[["a","2026-05-12T09:00:00Z"],["b","2026-05-12T09:01:00Z"]]}`, string(got))
	got, err = Compact(nil, []byte(in))
	require.NoError(t, err)
	assert.Contains(t, string(got), `"created_at":1778576400000`, "Compact keeps numbers")
}

// TestImageProxyURLsLeftOut: image_url, profile_image_url and logo_url on
// Clerk's image proxy are left out of the text block (has_image stays);
// an image on another host is kept, and other members with proxy URLs too.
func TestImageProxyURLsLeftOut(t *testing.T) {
	in := `{"id":"user_1","has_image":false,"image_url":"https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9","profile_image_url":"https://img.clerk.com/abc",` +
		`"organization":{"logo_url":"https://img.clerk.com/x","name":"Acme"},"x_url":"https://img.clerk.com/y"}`
	got, err := Render([]byte(in), Paging{}, 0)
	require.NoError(t, err)
	assert.Equal(t, `{"id":"user_1","has_image":false,"organization":{"name":"Acme"},"x_url":"https://img.clerk.com/y"}`, string(got))
	got, err = Render([]byte(`{"id":"o","logo_url":"https://cdn.example.com/logo.png"}`), Paging{}, 0)
	require.NoError(t, err)
	assert.Equal(t, `{"id":"o","logo_url":"https://cdn.example.com/logo.png"}`, string(got))
	got, err = Render([]byte(`{"data":[{"id":"a","image_url":"https://img.clerk.com/1"},{"id":"b","image_url":"https://example.com/b.png"}]}`), Paging{}, 0)
	require.NoError(t, err)
	assert.Equal(t, `{"columns":["id","image_url"],"rows":[["a",null],["b","https://example.com/b.png"]]}`, string(got))
}

// TestAppendTime: the fast formatter writes what time.Time.AppendFormat
// writes, over the whole range it converts (1973 to 5138), leap days and
// millisecond endings included; integers outside it are left as they are.
func TestAppendTime(t *testing.T) {
	const layout = `"2006-01-02T15:04:05.999Z07:00"`
	check := func(ms int64) {
		lit := strconv.AppendInt(nil, ms, 10)
		want := string(lit)
		if ms >= 1e11 && ms < 1e14 {
			want = time.UnixMilli(ms).UTC().Format(layout)
		}
		if got := string(appendTime(nil, lit)); got != want {
			t.Fatalf("appendTime(%d) = %s, want %s", ms, got, want)
		}
	}
	for _, ms := range []int64{1e11 - 1, 1e11, 1e14 - 1, 1e14, 951782400000, 951868799999, 4107542400010, 1778576400100, 1778576400120} {
		check(ms)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		check(1e11 + r.Int64N(1e14-1e11))
	}
}

// TestTimeFieldsCoverTheSpec: every integer property Clerk's OpenAPI spec
// describes as milliseconds is a time field, and no time field is described
// as seconds (which would be shown as a wrong date).
func TestTimeFieldsCoverTheSpec(t *testing.T) {
	var spec any
	require.NoError(t, json.Unmarshal(golden.Spec(t, clerkapi.APIVersion), &spec))
	ms, seconds := map[string]bool{}, map[string]bool{}
	var walk func(any)
	walk = func(n any) {
		switch x := n.(type) {
		case map[string]any:
			props, _ := x["properties"].(map[string]any)
			for name, p := range props {
				p, _ := p.(map[string]any)
				typ, _ := json.Marshal(p["type"])
				desc, _ := p["description"].(string)
				desc = strings.ToLower(desc)
				if !strings.Contains(string(typ), "integer") {
					continue
				}
				switch {
				case strings.Contains(desc, "millisecond"):
					ms[name] = true
				case strings.Contains(desc, "second"):
					seconds[name] = true
				}
			}
			for _, c := range x {
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	walk(spec)
	require.NotEmpty(t, ms)
	for name := range ms {
		assert.True(t, timeKey([]byte(strconv.Quote(name))), "%s is Unix milliseconds in the spec but not a time field", name)
	}
	for name := range seconds {
		assert.False(t, timeKey([]byte(strconv.Quote(name))), "%s is described in seconds but is a time field", name)
	}
	t.Logf("%d millisecond fields in the spec, all time fields", len(ms))
}

// TestRenderOwnsItsResult: Render and RenderText reuse pooled buffers, so a
// result must not alias them: a text rendered earlier stays as it was while
// other pages, objects and failures are rendered after it, and RenderText
// says exactly what Render says.
func TestRenderOwnsItsResult(t *testing.T) {
	pages := []string{string(golden.UsersPage(t, 10)), string(golden.UsersPage(t, 1)), `{"data":[{"id":"a"},"x"]}`,
		`{"id":"user_1","created_at":1778576400123}`, `{"data":[],"total_count":0}`}
	var kept [][]byte
	var want []string
	for _, p := range pages {
		b, err := Render([]byte(p), Paging{Limit: 10}, 0)
		require.NoError(t, err)
		kept, want = append(kept, b), append(want, string(b))
	}
	for range 20 {
		for i, p := range pages {
			s, err := RenderText([]byte(p), Paging{Limit: 10}, 0)
			require.NoError(t, err)
			assert.Equal(t, want[i], s)
		}
		_, err := Render([]byte(`{"data":[{"id":"a"}],"x":`), Paging{}, 0)
		require.Error(t, err)
	}
	for i := range kept {
		assert.Equal(t, want[i], string(kept[i]), "an earlier result changed under later renders")
	}
}

// TestRenderAllocations: a list page's text costs one allocation (the
// result) once the pool is warm; the table's columns, cells and the compact
// text reuse pooled buffers (it took 67 before the pool). Not held under the
// race detector, whose sync.Pool drops items at random.
func TestRenderAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items at random under the race detector")
	}
	page := golden.UsersPage(t, 10)
	n := testing.AllocsPerRun(200, func() { _, _ = RenderText(page, Paging{Limit: 10}, 0) })
	t.Logf("RenderText of a 10-item page: %.1f allocations", n)
	assert.LessOrEqual(t, n, 3.0)
}
