// Package textblock renders a JSON result as the text block a model reads:
// compact, without null and empty values, a list page as a table, and cut at
// an item or member boundary past a byte cap with an explicit marker. It
// scans the bytes once and checks them as strictly as encoding/json, so a
// caller may pass bytes that rendered without error on as valid JSON.
package textblock

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"sync"
)

// Paging is how a page was asked for, for the hint to the next one.
type Paging struct {
	Offset, Limit int64 // the call's offset and limit (0: not given)
	// After is the starting_after cursor the page was fetched with, as raw
	// JSON (a quoted ID); "" when paging by offset. A cursor page hints
	// next_starting_after, the last item's id, and never next_offset: Clerk
	// refuses starting_after with a non-zero offset. Limit must then be the
	// page size in effect (the default when not given): a page shorter than
	// it is the last.
	After string
}

// Render renders a result for the model: compact, without empty values,
// lists as tables, and cut at an item boundary past maxBytes (0: no cap).
// pg is how the page was asked for, for the hint to the next one. An error
// means structured is not valid JSON.
func Render(structured []byte, pg Paging, maxBytes int) ([]byte, error) {
	s := getScratch()
	defer s.release()
	text, err := s.render(structured, pg, maxBytes)
	if err != nil {
		return nil, err
	}
	return append(make([]byte, 0, len(text)), text...), nil
}

// RenderText is Render as a string, the form a text content block takes:
// the text is copied once, from reused buffers into the string.
func RenderText(structured []byte, pg Paging, maxBytes int) (string, error) {
	s := getScratch()
	defer s.release()
	text, err := s.render(structured, pg, maxBytes)
	if err != nil {
		return "", err
	}
	return string(text), nil
}

// render renders into the scratch's buffers; the text it returns is only
// valid until the scratch is released.
func (s *scratch) render(structured []byte, pg Paging, maxBytes int) ([]byte, error) {
	if len(structured) > math.MaxInt32 {
		return nil, fmt.Errorf("result over 2 GB")
	}
	// Every result is perhaps a list page: its parts are recorded as it is
	// compacted (in reused slices), so no scan looks for "data" first.
	p := pruner{src: structured, render: true, pg: &s.pg}
	if cap(s.text) < len(structured) {
		s.text = make([]byte, 0, len(structured))
	}
	text, err := p.compact(s.text[:0])
	s.text = text[:0] // keep what append grew
	if err != nil {
		return nil, err
	}
	if p.pg.data || p.pg.none {
		return s.listText(text, p.pg, pg, maxBytes), nil
	}
	return objectText(text, maxBytes), nil
}

// scratch holds the buffers one rendering needs, reused through a pool: a
// page's parts and table, the compact text and the output. A rendering
// copies its result out before the scratch goes back.
type scratch struct {
	text, out []byte
	pg        page
	col       []int32
	cells     []span
	all, cols []span
	keep      []int
	common    []member
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooled bounds what a pooled scratch keeps: buffers a larger result grew
// are left to the garbage collector, so the pool never pins a big page.
const maxPooled = 1 << 20

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func (s *scratch) release() {
	if cap(s.text) > maxPooled || cap(s.out) > maxPooled || cap(s.cells) > maxPooled/8 ||
		cap(s.pg.members) > maxPooled/16 || cap(s.col) > maxPooled/4 {
		return
	}
	s.pg = page{items: s.pg.items[:0], members: s.pg.members[:0], bounds: s.pg.bounds[:0], rest: s.pg.rest[:0]}
	scratchPool.Put(s)
}

// Compact renders a JSON document for the model: no insignificant space, and
// no member whose value is null, "", [] or {} (after the same pruning inside
// it). Array elements are kept, so positions keep their meaning. It scans the
// bytes once, without decoding into Go values.
func Compact(dst, src []byte) ([]byte, error) {
	p := pruner{src: src}
	return p.compact(dst)
}

func (p *pruner) compact(dst []byte) ([]byte, error) {
	start := len(dst)
	dst, empty, err := p.value(dst)
	if err != nil {
		return dst[:start], err
	}
	p.space()
	if p.i != len(p.src) {
		return dst[:start], fmt.Errorf("compact: trailing data at offset %d", p.i)
	}
	if empty {
		dst = append(dst[:start], "{}"...)
	}
	return dst, nil
}

type pruner struct {
	src []byte
	i   int

	// While compacting a list page, pg records where its parts land in the
	// output, so that listText needs no second pass: the page's members,
	// its items (elements of the top-level "data" array) and their members.
	pg     *page
	depth  int  // objects and arrays open around the value being compacted
	inData bool // the top-level "data" member's value is being compacted

	// render applies the text block's rules (Render, not Compact): a known
	// time field's Unix milliseconds as RFC 3339, Clerk's image proxy URLs
	// left out, an empty array element as null. isTime: the value being
	// compacted is a time field's.
	render, isTime bool
}

// The text block's rules for values, by member name:
//
//   - A time field is a member whose name ends in "_at" or "_at_ms"
//     (created_at, updated_at, expire_at, abandon_at, last_active_at,
//     last_sign_in_at, ...) or is one of Clerk's other millisecond fields:
//     date, period_start, period_end, next_billing_date, timestamp
//     (TestTimeFieldsCoverTheSpec checks the list against Clerk's spec). Its value, when an integer from 10^11 to
//     10^14 (Unix milliseconds, 1973 to 5138), is shown as an RFC 3339 UTC
//     string with milliseconds when not zero: "2026-05-12T09:00:00Z". A
//     smaller integer (Unix seconds) or anything else is shown as it is.
//   - An image URL is a member named image_url, profile_image_url or
//     logo_url. When it points at Clerk's image proxy (https://img.clerk.com/,
//     also serving the default avatars) it is left out: it is an opaque
//     token a model cannot use, and has_image says whether one was uploaded.
//     An image on any other host is kept.
//
// structuredContent keeps Clerk's values as they are.
const imageProxy = `"https://img.clerk.com/`

// timeKey reports whether k, a quoted member name, names a time field.
func timeKey(k []byte) bool {
	n := len(k)
	if n > 4 && string(k[n-4:]) == `_at"` || n > 7 && string(k[n-7:]) == `_at_ms"` {
		return true
	}
	switch string(k) { // Clerk's other Unix-millisecond fields (billing, logs)
	case `"date"`, `"period_start"`, `"period_end"`, `"next_billing_date"`, `"timestamp"`:
		return true
	}
	return false
}

func imageKey(k []byte) bool {
	switch string(k) {
	case `"image_url"`, `"profile_image_url"`, `"logo_url"`:
		return true
	}
	return false
}

// appendTime appends lit, an integer literal, as a quoted RFC 3339 time
// when it is Unix milliseconds (see timeKey), as it is otherwise.
func appendTime(dst, lit []byte) []byte {
	if len(lit) < 12 || len(lit) > 14 {
		return append(dst, lit...)
	}
	var ms int64
	for _, c := range lit {
		if c < '0' || c > '9' {
			return append(dst, lit...)
		}
		ms = ms*10 + int64(c-'0')
	}
	if ms < 1e11 { // a leading zero is not JSON; kept for safety
		return append(dst, lit...)
	}
	// The civil date of a day count (H. Hinnant's days-to-civil), as the
	// layout "2006-01-02T15:04:05.999Z07:00" in UTC would give, several
	// times faster than time.Time.AppendFormat (TestAppendTime).
	secs, frac := ms/1000, ms%1000
	days, sod := secs/86400, secs%86400
	z := days + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m, y := mp+3, yoe+era*400
	if mp >= 10 {
		m, y = mp-9, y+1
	}
	two := func(b []byte, v int64) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }
	dst = append(dst, '"', byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	dst = append(two(append(two(dst, m), '-'), d), 'T')
	dst = two(append(two(append(two(dst, sod/3600), ':'), sod/60%60), ':'), sod%60)
	if frac != 0 {
		dst = append(dst, '.', byte('0'+frac/100))
		if frac%100 != 0 {
			dst = append(dst, byte('0'+frac/10%10))
			if frac%10 != 0 {
				dst = append(dst, byte('0'+frac%10))
			}
		}
	}
	return append(dst, 'Z', '"')
}

func (p *pruner) space() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// value appends the next value and reports whether it is empty; an empty
// value is still appended, and the caller drops it when it is a member.
func (p *pruner) value(dst []byte) ([]byte, bool, error) {
	isTime := p.isTime
	p.isTime = false
	p.space()
	if p.i >= len(p.src) {
		return dst, false, fmt.Errorf("compact: unexpected end of JSON")
	}
	switch c := p.src[p.i]; {
	case c == '{':
		return p.object(dst)
	case c == '[':
		return p.array(dst)
	case c == '"':
		start := p.i
		if err := p.skipString(); err != nil {
			return dst, false, err
		}
		return append(dst, p.src[start:p.i]...), p.i-start == 2, nil
	default:
		start := p.i
		for p.i < len(p.src) {
			switch p.src[p.i] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				goto done
			}
			p.i++
		}
	done:
		lit := p.src[start:p.i]
		if !validLiteral(lit) {
			return dst, false, fmt.Errorf("compact: unexpected %q at offset %d", lit, start)
		}
		if null := string(lit) == "null"; null || !isTime {
			return append(dst, lit...), null, nil
		}
		return appendTime(dst, lit), false, nil
	}
}

func (p *pruner) object(dst []byte) ([]byte, bool, error) {
	p.i++ // {
	p.depth++
	defer func() { p.depth-- }()
	dst = append(dst, '{')
	item := p.pg != nil && p.inData && p.depth == 3 // an object in the page's data
	if item {
		p.pg.bounds = append(p.pg.bounds, len(p.pg.members))
	}
	n, first := 0, true
	for {
		p.space()
		if p.i < len(p.src) && p.src[p.i] == '}' {
			p.i++
			return append(dst, '}'), n == 0, nil
		}
		if !first {
			if p.i >= len(p.src) || p.src[p.i] != ',' {
				return dst, false, fmt.Errorf("compact: expected , at offset %d", p.i)
			}
			p.i++
			p.space()
		}
		first = false
		mark := len(dst)
		if n > 0 {
			dst = append(dst, ',')
		}
		keyStart := p.i
		if p.i >= len(p.src) || p.src[p.i] != '"' {
			return dst, false, fmt.Errorf("compact: expected a key at offset %d", p.i)
		}
		if err := p.skipString(); err != nil {
			return dst, false, err
		}
		key := span{int32(len(dst)), 0}
		dst = append(dst, p.src[keyStart:p.i]...)
		key.end = int32(len(dst))
		p.space()
		if p.i >= len(p.src) || p.src[p.i] != ':' {
			return dst, false, fmt.Errorf("compact: expected : at offset %d", p.i)
		}
		p.i++
		dst = append(dst, ':')
		top := p.pg != nil && p.depth == 1
		data := top && !p.pg.data && string(key.of(dst)) == `"data"` && p.peek() == '['
		if data {
			p.inData = true
		}
		p.isTime = p.render && timeKey(key.of(dst))
		value := int32(len(dst))
		var empty bool
		var err error
		dst, empty, err = p.value(dst)
		if data {
			p.inData = false
			p.pg.none = empty
		}
		if err != nil {
			return dst, false, err
		}
		if p.render && imageKey(key.of(dst)) && bytes.HasPrefix(dst[value:], []byte(imageProxy)) {
			empty = true
		}
		if empty {
			dst = dst[:mark]
			continue
		}
		n++
		m := member{key, span{value, int32(len(dst))}}
		switch {
		case item:
			p.pg.members = append(p.pg.members, m)
		case data:
			p.pg.data = true
		case top:
			p.pg.rest = append(p.pg.rest, m)
		}
	}
}

// peek returns the next byte after space, 0 at the end.
func (p *pruner) peek() byte {
	p.space()
	if p.i < len(p.src) {
		return p.src[p.i]
	}
	return 0
}

func (p *pruner) array(dst []byte) ([]byte, bool, error) {
	p.i++ // [
	p.depth++
	defer func() { p.depth-- }()
	items := p.pg != nil && p.inData && p.depth == 2 // the page's data
	dst = append(dst, '[')
	n := 0
	for {
		p.space()
		if p.i < len(p.src) && p.src[p.i] == ']' {
			p.i++
			return append(dst, ']'), n == 0, nil
		}
		if n > 0 {
			if p.i >= len(p.src) || p.src[p.i] != ',' {
				return dst, false, fmt.Errorf("compact: expected , at offset %d", p.i)
			}
			p.i++
			dst = append(dst, ',')
		}
		if items {
			if p.peek() != '{' {
				p.pg.mixed = true
			}
			if len(p.pg.items) == 1 && cap(p.pg.members) < 1024 {
				// Room for the page's items and members, guessed from its
				// first item.
				items := min(len(p.src)/max(p.pg.items[0].len(), 1)+1, 1<<12)
				p.pg.members = append(make([]member, 0, min(len(p.pg.members)*items, 1<<16)), p.pg.members...)
				if cap(p.pg.items) < items {
					p.pg.items = append(make([]span, 0, items), p.pg.items...)
					p.pg.bounds = append(make([]int, 0, items), p.pg.bounds...)
				}
			}
		}
		start := int32(len(dst))
		var err error
		var empty bool
		if dst, empty, err = p.value(dst); err != nil {
			return dst, false, err
		}
		if empty && p.render && !items {
			dst = append(dst[:start], "null"...) // the one empty value
		}
		if items {
			p.pg.items = append(p.pg.items, span{start, int32(len(dst))})
		}
		n++
	}
}

// skipString moves past a string, checking it as encoding/json would:
// no raw control characters, only JSON escapes. Bytes that pass Compact are
// therefore a valid JSON document, and are sent on without another check.
// Runs of plain bytes are skipped eight at a time.
func (p *pruner) skipString() error {
	src := p.src
	i := p.i + 1 // after the opening quote
	for i < len(src) {
		for i+8 <= len(src) && !special8(binary.LittleEndian.Uint64(src[i:])) {
			i += 8
		}
		if i >= len(src) {
			break
		}
		c := src[i]
		switch {
		case c == '"':
			p.i = i + 1
			return nil
		case c == '\\':
			if i+1 >= len(src) {
				break
			}
			switch src[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
				continue
			case 'u':
				if i+6 <= len(src) && isHex(src[i+2]) && isHex(src[i+3]) && isHex(src[i+4]) && isHex(src[i+5]) {
					i += 6
					continue
				}
			}
			p.i = i
			return fmt.Errorf("compact: invalid escape in string at offset %d", i)
		case c < 0x20:
			p.i = i
			return fmt.Errorf("compact: control character in string at offset %d", i)
		default:
			i++
			continue
		}
		break
	}
	p.i = len(src)
	return fmt.Errorf("compact: unterminated string")
}

// special8 reports whether any of eight bytes is a quote, a backslash or a
// control character (below 0x20), the bytes a string scan must look at.
func special8(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q := w ^ (ones * '"')  // zero bytes where w has a quote
	b := w ^ (ones * '\\') // zero bytes where w has a backslash
	return ((q-ones)&^q|(b-ones)&^b|(w-ones*0x20)&^w)&highs != 0
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// span is a part of the text by offsets, so that the many of them a page
// needs hold no pointers for the GC to follow. The zero span is "absent":
// no JSON value is empty.
type span struct{ start, end int32 }

func (s span) of(b []byte) []byte { return b[s.start:s.end] }
func (s span) len() int           { return int(s.end - s.start) }

// member is one key and its raw value, both as they appear in the JSON.
type member struct{ key, value span }

// page is a list page as Compact recorded it, by offsets into the text:
// its items, the members of every item that is an object, and the page's
// other members.
type page struct {
	data    bool     // the page has a non-empty top-level "data" array
	none    bool     // its top-level "data" array is empty
	items   []span   // its elements
	mixed   bool     // some element is not an object
	members []member // the object elements' members, item after item
	bounds  []int    // where each object element's members start
	rest    []member // the page's members other than data
}

// id returns item i's "id" value as raw JSON, nil when the item is not an
// object or has no string id.
func (pg *page) id(text []byte, i int) []byte {
	if pg.mixed || i >= len(pg.bounds) {
		return nil
	}
	for _, m := range pg.row(i) {
		if v := m.value.of(text); string(m.key.of(text)) == `"id"` && len(v) > 2 && v[0] == '"' {
			return v
		}
	}
	return nil
}

func (pg *page) row(i int) []member {
	end := len(pg.members)
	if i+1 < len(pg.bounds) {
		end = pg.bounds[i+1]
	}
	return pg.members[pg.bounds[i]:end]
}

// listText renders a list page for the model as a table, whatever its
// length (none, one or many items): the page's other members (total_count,
// ...), "common" for the "object" member when every row has the same one
// (the item type, constant by nature; a value a page's rows merely happen
// to share stays a column, so a page's shape does not depend on its data),
// "columns" once, and "rows" of cells. A cell is null where the item has no
// such member or its value is empty: null, "", [] and {} are left out of
// objects and are null in rows and arrays, one rule everywhere. A page with
// an item that is not an object keeps its "data" array.
// It says where the next page starts (next_offset, or next_starting_after
// for a cursor page) and, past maxBytes, cuts at a row boundary with an
// explicit marker and the arguments for the rest. The structuredContent
// keeps Clerk's objects untouched.
func (s *scratch) listText(text []byte, pg *page, paging Paging, maxBytes int) []byte {
	offset, limit := paging.Offset, paging.Limit
	items, rest := pg.items, pg.rest
	var total int64 = -1
	for _, m := range rest {
		if string(m.key.of(text)) == `"total_count"` {
			total, _ = strconv.ParseInt(string(m.value.of(text)), 10, 64)
		}
	}
	// A table of rows when every item is an object.
	table := !pg.mixed
	cols := s.cols[:0]     // kept columns, in first-seen order
	keep := s.keep[:0]     // their indexes into cells
	var cells []span       // len(items) × ncols, row-major; zero: the row lacks it
	common := s.common[:0] // columns every row has with the same value
	if table {
		// Columns in first-seen order. Clerk's items share one key order,
		// so a key is first looked for at its own position, then among the
		// columns (a map once there are many).
		var seen map[string]int
		all := s.all[:0]
		col := s.col[:0]
		if cap(col) < len(pg.members) {
			col = make([]int32, 0, len(pg.members))
		}
		col = col[:len(pg.members)] // each member's column
		for i := range items {
			base := pg.bounds[i]
			for j, m := range pg.row(i) {
				k := m.key.of(text)
				if j < len(all) && bytes.Equal(all[j].of(text), k) {
					col[base+j] = int32(j)
					continue
				}
				c, ok := -1, false
				if seen != nil {
					c, ok = seen[string(k)]
				} else {
					for x := range all {
						if bytes.Equal(all[x].of(text), k) {
							c, ok = x, true
							break
						}
					}
				}
				if !ok {
					c = len(all)
					all = append(all, m.key)
					if seen != nil {
						seen[string(k)] = c
					} else if len(all) > 32 {
						seen = make(map[string]int, 2*len(all))
						for x, a := range all {
							seen[string(a.of(text))] = x
						}
					}
				}
				col[base+j] = int32(c)
			}
		}
		s.all, s.col = all, col
		n := len(all)
		cells = s.cells[:0]
		if cap(cells) < len(items)*n {
			cells = make([]span, 0, len(items)*n)
		}
		cells = cells[:len(items)*n]
		clear(cells)
		s.cells = cells
		for i := range items {
			base := pg.bounds[i]
			for j, m := range pg.row(i) {
				cells[i*n+int(col[base+j])] = m.value
			}
		}
		for c := range all {
			first := cells[c]
			same := first != span{} && string(all[c].of(text)) == `"object"`
			for i := 1; same && i < len(items); i++ {
				v := cells[i*n+c]
				same = v != span{} && bytes.Equal(v.of(text), first.of(text))
			}
			if same {
				common = append(common, member{all[c], first})
			} else {
				keep = append(keep, c)
				cols = append(cols, all[c])
			}
		}
		s.keep, s.cols, s.common = keep, cols, common
	}
	buf := s.out[:0]
	if cap(buf) < len(text) {
		buf = make([]byte, 0, len(text))
	}
	defer func() { s.out = buf[:0] }()
	buf = append(buf, '{')
	for _, m := range rest {
		buf = append(append(append(append(buf, m.key.of(text)...), ':'), m.value.of(text)...), ',')
	}
	head := len(buf)
	shown := len(items)
	if maxBytes > 0 {
		size := len(buf) + 200
		if table {
			size += 30
			for _, c := range cols {
				size += c.len() + 1
			}
			for _, m := range common {
				size += m.key.len() + m.value.len() + 2
			}
		}
		for i := range items {
			size += itemSize(table, cells, keep, len(cells)/max(len(items), 1), i, items[i]) + 1
			if size > maxBytes {
				shown = i
				break
			}
		}
	}
	next := offset + int64(shown)
	switch {
	case paging.After != "":
		// A cursor page: the next one starts after the last item shown.
		after := []byte(paging.After)
		if shown > 0 {
			after = pg.id(text, shown-1)
		}
		if shown < len(items) {
			buf = fmt.Appendf(buf, `"truncated":{"items_shown":%d,"items_in_page":%d,"why":"text over %d bytes; structuredContent has every item","next":{`,
				shown, len(items), maxBytes)
			if after != nil {
				buf = append(append(append(buf, `"starting_after":`...), after...), ',')
			}
			buf = fmt.Appendf(buf, `"limit":%d}},`, limit)
		} else if after != nil && shown > 0 && limit > 0 && int64(len(items)) >= limit {
			buf = append(append(append(buf, `"next_starting_after":`...), after...), ',')
		}
	case shown < len(items):
		buf = fmt.Appendf(buf, `"truncated":{"items_shown":%d,"items_in_page":%d,"why":"text over %d bytes; structuredContent has every item","next":{"offset":%d`,
			shown, len(items), maxBytes, next)
		if limit > 0 {
			buf = fmt.Appendf(buf, `,"limit":%d`, limit)
		}
		buf = append(buf, "}},"...)
	case total >= 0 && next < total && shown > 0:
		buf = append(strconv.AppendInt(append(buf, `"next_offset":`...), next, 10), ',')
	}
	if !table {
		if head == len(buf) && shown == len(items) {
			return text
		}
		buf = append(buf, `"data":[`...)
		for i, it := range items[:shown] {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, it.of(text)...)
		}
		return append(buf, "]}"...)
	}
	if len(common) > 0 {
		buf = append(buf, `"common":{`...)
		for i, m := range common {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = append(append(append(buf, m.key.of(text)...), ':'), m.value.of(text)...)
		}
		buf = append(buf, "},"...)
	}
	buf = append(buf, `"columns":[`...)
	for i, c := range cols {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, c.of(text)...)
	}
	buf = append(buf, `],"rows":[`...)
	n := len(cells) / max(len(items), 1)
	for i := range shown {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '[')
		for j, c := range keep {
			if j > 0 {
				buf = append(buf, ',')
			}
			if v := cells[i*n+c]; v != (span{}) {
				buf = append(buf, v.of(text)...)
			} else {
				buf = append(buf, "null"...)
			}
		}
		buf = append(buf, ']')
	}
	return append(buf, "]}"...)
}

// itemSize is the byte length an item takes in the text: its row in a table,
// or its JSON otherwise.
func itemSize(table bool, cells []span, keep []int, n, i int, item span) int {
	if !table {
		return item.len()
	}
	size := 1 + len(keep)
	for _, c := range keep {
		if v := cells[i*n+c]; v != (span{}) {
			size += v.len()
		} else {
			size += 4
		}
	}
	return size
}

// objectText cuts an oversized non-list object at a member boundary, with a
// marker saying how many members were left out.
func objectText(text []byte, maxBytes int) []byte {
	if maxBytes <= 0 || len(text) <= maxBytes {
		return text
	}
	dec := json.NewDecoder(bytes.NewReader(text))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return text
	}
	buf := []byte{'{'}
	kept, left := 0, 0
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return text
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return text
		}
		k, _ := json.Marshal(key)
		if left > 0 || len(buf)+len(k)+len(raw)+200 > maxBytes {
			left++
			continue
		}
		if kept > 0 {
			buf = append(buf, ',')
		}
		buf = append(append(append(buf, k...), ':'), raw...)
		kept++
	}
	if kept > 0 {
		buf = append(buf, ',')
	}
	return fmt.Appendf(buf, `"truncated":{"members_left_out":%d,"why":"text over %d bytes; structuredContent has everything"}}`, left, maxBytes)
}

// validLiteral accepts true, false, null and JSON numbers.
func validLiteral(b []byte) bool {
	switch string(b) {
	case "true", "false", "null":
		return true
	case "":
		return false
	}
	i := 0
	if b[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(b) && b[i] == '0' {
		i++ // no leading zeros
	} else if digits() == 0 {
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(b)
}
