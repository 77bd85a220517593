package golden

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// UsersPage returns a list page of n realistic users as Clerk answers it:
// two of three signed up with email and password (testdata/fixtures/
// user.json), one with Google (user_oauth.json), each with its own id and
// times; total_count 1234.
func UsersPage(t testing.TB, n int) []byte {
	t.Helper()
	var users [2]string
	for i, f := range []string{"user.json", "user_oauth.json"} {
		b, err := os.ReadFile(filepath.Join(Root(t), "testdata/fixtures", f))
		if err != nil {
			t.Fatal(err)
		}
		users[i] = string(bytes.TrimSpace(b))
	}
	items := make([]string, n)
	for i := range items {
		u := users[0]
		if i%3 == 2 {
			u = users[1]
		}
		u = strings.Replace(u, `"id":"user_`, fmt.Sprintf(`"id":"user_%06d`, i), 1)
		// Each user signed up, signed in and was active at other times.
		for _, ts := range []string{"1767225600000", "1767312000000", "1767225612000"} {
			n, _ := strconv.ParseInt(ts, 10, 64)
			u = strings.ReplaceAll(u, ts, strconv.FormatInt(n-int64(i)*7919_000+int64(i%7)*1000, 10))
		}
		items[i] = u
	}
	return []byte(`{"data":[` + strings.Join(items, ",") + `],"total_count":1234}`)
}
