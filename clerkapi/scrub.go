package clerkapi

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strings"
)

// minSecretRun is the shortest run of a key's characters that counts as a
// leak: any 12 characters of a key, in any letter case, are redacted.
const minSecretRun = 12

const redacted = "[redacted]"

// redact replaces, in s, every run of minSecretRun or more characters that
// also occurs in one of the keys, compared ASCII case-insensitively (a key
// shorter than that is redacted only whole). It works on text that is
// already decoded: JSON goes through scrubJSON first, so \u escapes cannot
// hide a key. It costs a few substring searches when nothing matches.
func redact(s string, keys ...string) string {
	if s == "" {
		return s
	}
	var spans [][2]int
	ls := ""
	for _, k := range keys {
		if k == "" {
			continue
		}
		if ls == "" {
			ls = lowerASCII(s)
		}
		spans = keySpans(spans, ls, lowerASCII(k))
	}
	if len(spans) == 0 {
		return s
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	var sb strings.Builder
	sb.Grow(len(s))
	at := 0
	for i := 0; i < len(spans); {
		start, end := spans[i][0], spans[i][1]
		for i++; i < len(spans) && spans[i][0] <= end; i++ {
			end = max(end, spans[i][1])
		}
		sb.WriteString(s[at:start])
		sb.WriteString(redacted)
		at = end
	}
	sb.WriteString(s[at:])
	return sb.String()
}

// keySpans appends the spans of s that share a run of at least
// min(minSecretRun, len(k)) characters with k. Every such run contains one
// of k's anchors (its pieces of half that length, end to end) at the same
// offset, so a search for each anchor, then growing the match both ways
// along k, finds them all.
func keySpans(spans [][2]int, s, k string) [][2]int {
	n := min(minSecretRun, len(k))
	step := (n + 1) / 2 // 2*step-1 <= n: a run of n holds a whole anchor
	for q := 0; q+step <= len(k); q += step {
		anchor := k[q : q+step]
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], anchor)
			if i < 0 {
				break
			}
			i += from
			left := 0
			for i-left > 0 && q-left > 0 && s[i-left-1] == k[q-left-1] {
				left++
			}
			right := step
			for i+right < len(s) && q+right < len(k) && s[i+right] == k[q+right] {
				right++
			}
			if left+right >= n {
				spans = append(spans, [2]int{i - left, i + right})
			}
			from = i + 1
		}
	}
	return spans
}

// lowerASCII folds A-Z only, so byte offsets stay those of s.
func lowerASCII(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return 'A' <= r && r <= 'Z' })
	if i < 0 {
		return s
	}
	b := []byte(s)
	for j := i; j < len(b); j++ {
		if 'A' <= b[j] && b[j] <= 'Z' {
			b[j] += 'a' - 'A'
		}
	}
	return string(b)
}

// scrubJSON decodes a JSON value, scrubs every string in it (object keys
// too) and encodes it again; the bytes come back unchanged when nothing
// needed scrubbing. ok is false when raw is not one JSON value.
func scrubJSON(raw []byte, scrub func(string) string) (out []byte, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, false // more than one value
	}
	v, changed := scrubValue(v, scrub)
	if !changed {
		return raw, true
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return nil, false
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), true
}

func scrubValue(v any, scrub func(string) string) (any, bool) {
	switch x := v.(type) {
	case string:
		s := scrub(x)
		return s, s != x
	case []any:
		changed := false
		for i, e := range x {
			var c bool
			x[i], c = scrubValue(e, scrub)
			changed = changed || c
		}
		return x, changed
	case map[string]any:
		out := make(map[string]any, len(x))
		changed := false
		for k, e := range x {
			e, c := scrubValue(e, scrub)
			sk := scrub(k)
			out[sk] = e
			changed = changed || c || sk != k
		}
		return out, changed
	}
	return v, false
}
