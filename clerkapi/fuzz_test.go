package clerkapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

// fuzzOps are representative operations for FuzzBuildRequest: one and two
// path parameters, query scalars, arrays and comma lists, JSON bodies (a
// whole-array one too) and machine-key auth.
var fuzzOps = []string{
	"get_user",
	"delete_user",
	"list_users",
	"get_user_oauth_access_tokens",
	"update_organization_membership",
	"list_organization_memberships",
	"upsert_template",
	"create_organization_invitations_bulk",
	"update_user_metadata",
	"create_m2m_token",
	"revoke_organization_invitation",
}

// FuzzBuildRequest lays arbitrary path, query and body values out as a
// request: nothing panics, and a built URL always stays under
// /v1/<the operation's fixed prefix>, with path values confined to their
// own segments (no '/', '?', '#' or dot segments introduced).
func FuzzBuildRequest(f *testing.F) {
	seeds := []struct {
		pick        uint8
		p1, p2      string
		query, body string
	}{
		{0, "user_1", "", ``, ``},
		{1, "../organizations", "", ``, ``},
		{2, "", "", `["a@b.c","d@e.f"]`, ``},
		{3, "user_1", "oauth_google", `10`, ``},
		{4, "org_1", "user/../../x", ``, `"admin"`},
		{5, "org_1", "", `"-created_at"`, ``},
		{6, "email", "a?b#c", `true`, `{"nested":[1,2,{"x":null}]}`},
		{7, "org_1", "", ``, `[{"email_address":"a@b.c","role":"org:member"}]`},
		{8, "..", "", ``, `{"a":1}`},
		{9, "", "", `"x"`, `null`},
		{10, "org_1", ".", ``, `"u"`},
		{0, " .. ", "", ``, ``},
		{0, "%2e%2e", "", ``, ``},
		{0, "a\x00b\r\nc", "", ``, ``},
		{2, "", "", `[{"a":1}]`, ``},
		{2, "", "", `{`, ``},
		{4, "org_1", "u", ``, `{`},
	}
	for _, s := range seeds {
		f.Add(s.pick, s.p1, s.p2, []byte(s.query), []byte(s.body))
	}
	c := New(Config{BaseURL: "https://api.clerk.test/v1", SecretKey: "sk_test_fuzz", MachineSecretKey: "ak_fuzz"})
	ops := make([]*Operation, len(fuzzOps))
	for i, name := range fuzzOps {
		op, ok := Lookup(name)
		if !ok {
			f.Fatalf("no operation %s", name)
		}
		ops[i] = op
	}
	f.Fuzz(func(t *testing.T, pick uint8, p1, p2 string, query, body []byte) {
		op := ops[int(pick)%len(ops)]
		plan := op.Plan()
		args := Args{}
		pathVals := map[string]string{}
		var queryNames, bodyNames []string
		for _, prm := range plan.Params {
			switch prm.In {
			case "path":
				v := p1
				if len(pathVals) == 1 {
					v = p2
				}
				b, _ := json.Marshal(v) // invalid UTF-8 becomes U+FFFD
				var sent string
				_ = json.Unmarshal(b, &sent)
				pathVals[prm.Name] = sent
				args[prm.Name] = b
			case "query":
				queryNames = append(queryNames, prm.Name)
			case "body":
				bodyNames = append(bodyNames, prm.Name)
			}
		}
		if len(queryNames) > 0 && len(query) > 0 {
			args[queryNames[int(pick/16)%len(queryNames)]] = append(json.RawMessage(nil), query...)
		}
		if len(bodyNames) > 0 && len(body) > 0 {
			args[bodyNames[int(pick/16)%len(bodyNames)]] = append(json.RawMessage(nil), body...)
		}
		b, err := c.build(context.Background(), op, args)
		if err != nil {
			return
		}
		if strings.ContainsRune(b.url, '#') {
			t.Fatalf("%s: '#' in %q", op.Name, b.url)
		}
		u, err := url.Parse(b.url)
		if err != nil {
			t.Fatalf("%s: built an unparsable URL %q: %v", op.Name, b.url, err)
		}
		if u.Scheme != "https" || u.Host != "api.clerk.test" || u.Fragment != "" {
			t.Fatalf("%s: URL %q leaves the API", op.Name, b.url)
		}
		tmpl := "/v1" + op.Path
		prefix, _, _ := strings.Cut(tmpl, "{")
		path := u.EscapedPath()
		if !strings.HasPrefix(path, prefix) {
			t.Fatalf("%s: path %q is not under %q", op.Name, path, prefix)
		}
		want := strings.Split(tmpl, "/")
		got := strings.Split(path, "/")
		if len(got) != len(want) {
			t.Fatalf("%s: path %q has %d segments, template %q has %d", op.Name, path, len(got), tmpl, len(want))
		}
		for i, seg := range got {
			if seg == "." || seg == ".." || strings.ContainsAny(seg, "?#") {
				t.Fatalf("%s: segment %q in %q", op.Name, seg, path)
			}
			if name, ok := strings.CutPrefix(want[i], "{"); ok {
				v := pathVals[strings.TrimSuffix(name, "}")]
				dec, err := url.PathUnescape(seg)
				if err != nil || dec != v {
					t.Fatalf("%s: segment %q decodes to %q, want the value %q", op.Name, seg, dec, v)
				}
			} else if seg != want[i] {
				t.Fatalf("%s: fixed segment %q became %q", op.Name, want[i], seg)
			}
		}
		if b.body != nil && b.contentType == "application/json" && !json.Valid(b.body) {
			t.Fatalf("%s: invalid JSON body %q", op.Name, b.body)
		}
		if strings.Contains(string(b.body), "sk_test_fuzz") || strings.Contains(string(b.body), "ak_fuzz") {
			t.Fatalf("%s: a key in the body", op.Name)
		}
	})
}

// FuzzRedact: whatever text surrounds, repeats, cases or \u-escapes the
// key, no 12-character run of it survives redact, nor scrubJSON followed
// by decoding; text without any run of the key comes back unchanged.
func FuzzRedact(f *testing.F) {
	const key = "sk_test_FUZZkey0123456789abcdefABCDEF"
	for _, s := range []string{
		"", "plain", key, strings.ToUpper(key), key[:12], key[5:17] + key[30:], key + key[3:],
		`{"meta":{"k":"` + key + `"}}`, `["\u0073k_test_FUZZkey0123"]`, `{"sk_test_FUZZkey01":1}`,
		"sk_test_sk_test_FUZZkey0123", "é" + key[2:20] + "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := redact(s, key)
		assertNoRun(t, key, out)
		if !containsRun(key, s) && out != s {
			t.Fatalf("redact changed text without the key: %q -> %q", s, out)
		}
		if j, ok := scrubJSON([]byte(s), func(x string) string { return redact(x, key) }); ok {
			var v any
			dec := json.NewDecoder(bytes.NewReader(j))
			dec.UseNumber() // 1E1000 is valid JSON, though no float64
			if err := dec.Decode(&v); err != nil {
				t.Fatalf("scrubJSON made invalid JSON %q from %q: %v", j, s, err)
			}
			// Every decoded string, object key included, is free of runs.
			// (Checking a re-encoding instead finds false runs: an escape
			// such as \t or \u0026 can spell a key character next to 11
			// real ones.)
			eachString(v, func(x string) { assertNoRun(t, key, x) })
		}
	})
}

// eachString calls f with every string in a decoded JSON value: values and
// object keys.
func eachString(v any, f func(string)) {
	switch v := v.(type) {
	case string:
		f(v)
	case []any:
		for _, x := range v {
			eachString(x, f)
		}
	case map[string]any:
		for k, x := range v {
			f(k)
			eachString(x, f)
		}
	}
}

// containsRun reports whether s holds a 12-character run of key, in any
// ASCII letter case.
func containsRun(key, s string) bool {
	ls, lk := lowerASCII(s), lowerASCII(key)
	for i := 0; i+minSecretRun <= len(lk); i++ {
		if strings.Contains(ls, lk[i:i+minSecretRun]) {
			return true
		}
	}
	return false
}

func assertNoRun(t *testing.T, key, s string) {
	t.Helper()
	if containsRun(key, s) {
		t.Fatalf("a 12-character run of the key survived in %q", s)
	}
}
