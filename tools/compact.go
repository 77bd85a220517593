package tools

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// Compact renders a JSON document for the model: no insignificant space, and
// no member whose value is null, "", [] or {} (after the same pruning inside
// it). Array elements are kept, so positions keep their meaning. It scans the
// bytes once, without decoding into Go values.
func Compact(dst, src []byte) ([]byte, error) {
	p := pruner{src: src}
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
		return append(dst, lit...), string(lit) == "null", nil
	}
}

func (p *pruner) object(dst []byte) ([]byte, bool, error) {
	p.i++ // {
	dst = append(dst, '{')
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
		dst = append(dst, p.src[keyStart:p.i]...)
		p.space()
		if p.i >= len(p.src) || p.src[p.i] != ':' {
			return dst, false, fmt.Errorf("compact: expected : at offset %d", p.i)
		}
		p.i++
		dst = append(dst, ':')
		var empty bool
		var err error
		if dst, empty, err = p.value(dst); err != nil {
			return dst, false, err
		}
		if empty {
			dst = dst[:mark]
		} else {
			n++
		}
	}
}

func (p *pruner) array(dst []byte) ([]byte, bool, error) {
	p.i++ // [
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
		var err error
		if dst, _, err = p.value(dst); err != nil {
			return dst, false, err
		}
		n++
	}
}

// skipValue moves past the next value without copying it; the input is
// output of Compact, so its shape is already checked.
func (p *pruner) skipValue() error {
	p.space()
	depth := 0
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case '"':
			if err := p.skipString(); err != nil {
				return err
			}
		case '{', '[':
			depth++
			p.i++
			continue
		case '}', ']':
			if depth == 0 {
				return nil
			}
			depth--
			p.i++
		case ',':
			if depth == 0 {
				return nil
			}
			p.i++
			continue
		default:
			p.i++
			continue
		}
		if depth == 0 {
			return nil
		}
	}
	if depth != 0 {
		return fmt.Errorf("compact: unexpected end of JSON")
	}
	return nil
}

// skipString moves past a string, checking it as encoding/json would:
// no raw control characters, only JSON escapes. Bytes that pass Compact are
// therefore a valid JSON document, and are sent on without another check.
func (p *pruner) skipString() error {
	src := p.src
	i := p.i + 1 // after the opening quote
	for i < len(src) {
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

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// member is one key and its raw value, both as they appear in the JSON.
type member struct{ key, value []byte }

// members splits a compact JSON object into its members, in order.
func members(obj []byte) ([]member, bool) {
	p := pruner{src: obj}
	p.space()
	if p.i >= len(obj) || obj[p.i] != '{' {
		return nil, false
	}
	p.i++
	out := make([]member, 0, 32)
	for {
		p.space()
		if p.i < len(obj) && obj[p.i] == '}' {
			return out, true
		}
		if len(out) > 0 {
			if p.i >= len(obj) || obj[p.i] != ',' {
				return nil, false
			}
			p.i++
			p.space()
		}
		k := p.i
		if p.i >= len(obj) || obj[p.i] != '"' || p.skipString() != nil {
			return nil, false
		}
		key := obj[k:p.i]
		p.space()
		if p.i >= len(obj) || obj[p.i] != ':' {
			return nil, false
		}
		p.i++
		p.space()
		v := p.i
		if p.skipValue() != nil {
			return nil, false
		}
		out = append(out, member{key, obj[v:p.i]})
	}
}

// elements splits a compact JSON array into its elements.
func elements(arr []byte) ([][]byte, bool) {
	p := pruner{src: arr}
	p.space()
	if p.i >= len(arr) || arr[p.i] != '[' {
		return nil, false
	}
	p.i++
	var out [][]byte
	for {
		p.space()
		if p.i < len(arr) && arr[p.i] == ']' {
			return out, true
		}
		if len(out) > 0 {
			if p.i >= len(arr) || arr[p.i] != ',' {
				return nil, false
			}
			p.i++
			p.space()
		}
		v := p.i
		if p.skipValue() != nil {
			return nil, false
		}
		out = append(out, arr[v:p.i])
	}
}

// listText renders a list page for the model as a table: the page's other
// members (total_count, ...), "common" for the values every row shares,
// "columns" once, and "rows" of cells (null where a row lacks the column).
// It says where the next page starts and, past maxBytes, cuts at a row
// boundary with an explicit marker and the arguments for the rest. The
// structuredContent keeps Clerk's objects untouched.
func listText(text []byte, offset, limit int64, maxBytes int) []byte {
	page, ok := members(text)
	if !ok {
		return text
	}
	var items [][]byte
	var rest []member
	for _, m := range page {
		if string(m.key) == `"data"` {
			if items, ok = elements(m.value); !ok {
				return text
			}
		} else {
			rest = append(rest, m)
		}
	}
	var total int64 = -1
	for _, m := range rest {
		if string(m.key) == `"total_count"` {
			total, _ = strconv.ParseInt(string(m.value), 10, 64)
		}
	}
	// Table of rows when every item is an object and there are several.
	rows := make([][]member, len(items))
	table := len(items) > 1
	for i, it := range items {
		if rows[i], ok = members(it); !ok {
			table = false
			break
		}
	}
	var cols [][]byte   // kept columns, in first-seen order
	var keep []int      // their indexes into cells
	var cells [][]byte  // len(items) × ncols, row-major; nil: the row lacks it
	var common []member // columns every row has with the same value
	if table {
		seen := map[string]int{}
		var all [][]byte
		for _, r := range rows {
			for _, m := range r {
				if _, ok := seen[string(m.key)]; !ok {
					seen[string(m.key)] = len(all)
					all = append(all, m.key)
				}
			}
		}
		n := len(all)
		cells = make([][]byte, len(rows)*n)
		for i, r := range rows {
			for _, m := range r {
				cells[i*n+seen[string(m.key)]] = m.value
			}
		}
		for c := range all {
			same := cells[c] != nil
			for i := 1; same && i < len(rows); i++ {
				same = bytes.Equal(cells[i*n+c], cells[c])
			}
			if same {
				common = append(common, member{all[c], cells[c]})
			} else {
				keep = append(keep, c)
				cols = append(cols, all[c])
			}
		}
	}
	buf := make([]byte, 0, len(text))
	buf = append(buf, '{')
	for _, m := range rest {
		buf = append(append(append(append(buf, m.key...), ':'), m.value...), ',')
	}
	head := len(buf)
	shown := len(items)
	if maxBytes > 0 {
		size := len(buf) + 200
		if table {
			size += 30
			for _, c := range cols {
				size += len(c) + 1
			}
			for _, m := range common {
				size += len(m.key) + len(m.value) + 2
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
	if shown < len(items) {
		buf = fmt.Appendf(buf, `"truncated":{"items_shown":%d,"items_in_page":%d,"why":"text over %d bytes; structuredContent has every item","next":{"offset":%d`,
			shown, len(items), maxBytes, next)
		if limit > 0 {
			buf = fmt.Appendf(buf, `,"limit":%d`, limit)
		}
		buf = append(buf, "}},"...)
	} else if total >= 0 && next < total && shown > 0 {
		buf = fmt.Appendf(buf, `"next_offset":%d,`, next)
	}
	if !table {
		if head == len(buf) && shown == len(items) {
			return text
		}
		buf = append(buf, `"data":[`...)
		buf = append(buf, bytes.Join(items[:shown], []byte{','})...)
		return append(buf, "]}"...)
	}
	if len(common) > 0 {
		buf = append(buf, `"common":{`...)
		for i, m := range common {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = append(append(append(buf, m.key...), ':'), m.value...)
		}
		buf = append(buf, "},"...)
	}
	buf = append(buf, `"columns":[`...)
	buf = append(buf, bytes.Join(cols, []byte{','})...)
	buf = append(buf, `],"rows":[`...)
	n := len(cells) / len(items)
	for i := range shown {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '[')
		for j, c := range keep {
			if j > 0 {
				buf = append(buf, ',')
			}
			if v := cells[i*n+c]; v != nil {
				buf = append(buf, v...)
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
func itemSize(table bool, cells [][]byte, keep []int, n, i int, item []byte) int {
	if !table {
		return len(item)
	}
	size := 1 + len(keep)
	for _, c := range keep {
		if v := cells[i*n+c]; v != nil {
			size += len(v)
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
