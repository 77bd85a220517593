package clerkapi

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRedact(t *testing.T) {
	k := testKey
	cases := []struct{ name, in, want string }{
		{"no key", "nothing to see", "nothing to see"},
		{"empty", "", ""},
		{"the whole key", "a " + k + " b", "a [redacted] b"},
		{"upper case", "a " + strings.ToUpper(k) + " b", "a [redacted] b"},
		{"mixed case", "a " + strings.ToUpper(k[:10]) + k[10:] + " b", "a [redacted] b"},
		{"12 characters", "x" + k[20:32] + "y", "x[redacted]y"},
		{"11 characters stay", "x" + k[20:31] + "y", "x" + k[20:31] + "y"},
		{"the public prefix alone stays", "sk_test_ is a test key", "sk_test_ is a test key"},
		{"a truncated key", "key " + k[:20] + "…", "key [redacted]…"},
		{"the tail of the key", k[len(k)-13:] + "!", "[redacted]!"},
		{"two fragments", k[:15] + " and " + k[25:], "[redacted] and [redacted]"},
		{"overlapping copies", k + k, "[redacted]"},
		{"non-ASCII around", "é" + k + "ü", "é[redacted]ü"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, redact(tc.in, k))
		})
	}
	t.Run("a key shorter than 12 is redacted whole only", func(t *testing.T) {
		assert.Equal(t, "a [redacted] b", redact("a sk_SHORT b", "sk_short"))
		assert.Equal(t, "a sk_shor b", redact("a sk_shor b", "sk_short"))
	})
	t.Run("every key given is redacted", func(t *testing.T) {
		assert.Equal(t, "[redacted] [redacted]", redact(k+" ak_machine_key_0123", k, "", "ak_machine_key_0123"))
	})
	t.Run("text without a match comes back as it was", func(t *testing.T) {
		in := strings.Repeat("SK_TEST_ other text ", 50)
		out := redact(in, k)
		assert.Equal(t, in, out)
	})
}

func TestScrubJSON(t *testing.T) {
	scrub := func(s string) string { return redact(s, testKey) }
	cases := []struct{ name, in, want string }{
		{"unchanged bytes stay as they were", `{ "b": 1, "a" : "x" }`, `{ "b": 1, "a" : "x" }`},
		{"an escaped key in a value", `{"a":"` + uEscape(testKey) + `","n":12345678901234567890}`, `{"a":"[redacted]","n":12345678901234567890}`},
		{"an escaped key as an object key", `{"` + uEscape(testKey) + `":[1,"x<y"]}`, `{"[redacted]":[1,"x<y"]}`},
		{"nested arrays", `[[["` + strings.ToUpper(testKey) + `"]]]`, `[[["[redacted]"]]]`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, ok := scrubJSON([]byte(tc.in), scrub)
			assert.True(t, ok)
			assert.Equal(t, tc.want, string(out))
		})
	}
	for _, bad := range []string{``, `{`, `not json`, `{} {}`, `"a" x`} {
		_, ok := scrubJSON([]byte(bad), scrub)
		assert.False(t, ok, "%q is not one JSON value", bad)
	}
}

// BenchmarkRedact measures the scrub of a typical Clerk error body (only
// error paths scrub).
func BenchmarkRedact(b *testing.B) {
	body := `{"errors":[{"code":"form_param_format_invalid","message":"is invalid","long_message":"email_address must be a valid email address.","meta":{"param_name":"email_address"}}],"clerk_trace_id":"0123456789abcdef0123456789abcdef"}`
	scrub := func(s string) string { return redact(s, testKey, "ak_machine_key_0123456789") }
	b.Run("text-300B", func(b *testing.B) {
		for b.Loop() {
			_ = scrub(body)
		}
	})
	b.Run("error-body", func(b *testing.B) {
		for b.Loop() {
			_ = newAPIError(422, nil, []byte(body), scrub)
		}
	})
}
