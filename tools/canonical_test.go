package tools

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	_ "github.com/clerk-mcp/clerk-mcp/internal/golden"
)

// canonicalEach is canonical as it was: one decoder per argument. Tokens bind
// to canonical's bytes, so the one-decoder path must give the same bytes.
func canonicalEach(args map[string]json.RawMessage) ([]byte, error) {
	tree := make(map[string]any, len(args))
	for k, raw := range args {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		tree[k] = v
	}
	return json.Marshal(tree)
}

// TestCanonicalOneDecoder: arguments read through one decoder render exactly
// as when each had its own, for the values a confused model sends (numbers
// as text, floats, nulls, nested objects, escapes) and for values that are
// not one JSON value (the per-argument path, its first value or its error).
func TestCanonicalOneDecoder(t *testing.T) {
	cases := []clerkapi.Args{
		{},
		{"user_id": json.RawMessage(`"user_1"`)},
		{"user_ids": json.RawMessage(`["b","a"]`), "limit": json.RawMessage(`10`), "offset": json.RawMessage(`1.50`)},
		{"public_metadata": json.RawMessage(`{"z":1,"a":{"y":null,"b":[1e3,-0]}}`), "n": json.RawMessage(`null`), "s": json.RawMessage(`"<\u2028é\"x"`)},
		{"a": json.RawMessage(` 12345678901234567890 `), "b": json.RawMessage("\ttrue\n"), "c": json.RawMessage(`7`), "d": json.RawMessage(`"7"`)},
		{"a": json.RawMessage(`1 2`), "b": json.RawMessage(`3`)}, // not one value: its first, as before
		{"a": json.RawMessage(`{`), "b": json.RawMessage(`3`)},   // malformed: an error, as before
		{"a": json.RawMessage(``)},
	}
	for _, args := range cases {
		want, werr := canonicalEach(args)
		_, got, err := canonical(args)
		if werr != nil {
			require.Error(t, err, "%s", args)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got))
	}
}

// FuzzCanonical: for any three arguments, canonical's bytes and failure are
// those of one decoder per argument.
func FuzzCanonical(f *testing.F) {
	f.Add("user_id", `"user_1"`, "limit", `10`, "x", `{"b":1,"a":[null,1.5]}`)
	f.Add("a", `1 2`, "b", `[`, "c", `""`)
	f.Add("a", `1`, "b", `2`, "c", `3`)
	f.Fuzz(func(t *testing.T, k1, v1, k2, v2, k3, v3 string) {
		args := clerkapi.Args{k1: json.RawMessage(v1), k2: json.RawMessage(v2), k3: json.RawMessage(v3)}
		want, werr := canonicalEach(args)
		_, got, err := canonical(args)
		if (werr != nil) != (err != nil) {
			t.Fatalf("%q: error %v, want %v", args, err, werr)
		}
		if !bytes.Equal(want, got) {
			t.Fatalf("%q: %s, want %s", args, got, want)
		}
	})
}
