package sandbox

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/clerk-mcp/clerk-mcp/internal/golden"
	bolt "go.etcd.io/bbolt"
)

// stateTestKey is one RSA key for every persistence test: generating one per
// sandbox would dominate their run time.
var stateTestKey = sync.OnceValue(func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
})

// hit sends one request to s as `sandbox serve` would receive it.
func hit(t testing.TB, s *Sandbox, method, path, body string, auth ...string) (int, string) {
	t.Helper()
	var rd *strings.Reader
	if body != "" {
		rd = strings.NewReader(body)
	} else {
		rd = strings.NewReader("")
	}
	req := httptest.NewRequest(method, "http://sandbox.invalid/v1"+path, rd)
	key := "Bearer " + SecretKey
	if len(auth) > 0 {
		key = "Bearer " + auth[0]
	}
	req.Header.Set("Authorization", key)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	return w.Code, w.Body.String()
}

func openState(t testing.TB, path string, opts ...Option) *Sandbox {
	t.Helper()
	s, _, err := Open(path, append([]Option{WithSigningKey(stateTestKey())}, opts...)...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func idOf(t testing.TB, body string) string {
	t.Helper()
	var v struct{ ID string }
	if err := json.Unmarshal([]byte(body), &v); err != nil || v.ID == "" {
		t.Fatalf("no id in %s", body)
	}
	return v.ID
}

// TestStateSurvivesRestart: what was answered before a restart reads back
// the same after it: created, updated and deleted resources, lists, and the
// IDs the next creation gets.
func TestStateSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s := openState(t, path)
	code, body := hit(t, s, "POST", "/organizations", `{"name":"Persisted Inc","public_metadata":{"n":1}}`)
	if code != 200 {
		t.Fatalf("create org: %d %s", code, body)
	}
	org := idOf(t, body)
	code, body = hit(t, s, "POST", "/users", `{"email_address":["keep@example.com"],"first_name":"Kept"}`)
	if code != 200 {
		t.Fatalf("create user: %d %s", code, body)
	}
	user := idOf(t, body)
	if code, body = hit(t, s, "PATCH", "/users/"+user, `{"last_name":"Later"}`); code != 200 {
		t.Fatalf("update user: %d %s", code, body)
	}
	if code, body = hit(t, s, "POST", "/organizations/"+org+"/memberships", `{"user_id":"`+user+`","role":"org:admin"}`); code != 200 {
		t.Fatalf("membership: %d %s", code, body)
	}
	users0 := hit1(t, s, "/users?limit=500&order_by=created_at")
	org0 := hit1(t, s, "/organizations/"+org)
	members0 := hit1(t, s, "/organizations/"+org+"/memberships")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openState(t, path)
	defer s.Close()
	if got := hit1(t, s, "/organizations/"+org); got != org0 {
		t.Errorf("organization after restart:\n%s\nbefore:\n%s", got, org0)
	}
	if got := hit1(t, s, "/users?limit=500&order_by=created_at"); !strings.Contains(got, `"last_name":"Later"`) || got != users0 {
		t.Errorf("users changed across the restart")
	}
	if got := hit1(t, s, "/organizations/"+org+"/memberships"); got != members0 {
		t.Errorf("memberships changed across the restart")
	}
	// The next ID continues the counters: no collision with an earlier one.
	_, body = hit(t, s, "POST", "/organizations", `{"name":"Second"}`)
	if idOf(t, body) == org {
		t.Errorf("a new organization got an ID already used")
	}
}

func hit1(t testing.TB, s *Sandbox, path string) string {
	t.Helper()
	code, body := hit(t, s, "GET", path, "")
	if code != 200 {
		t.Fatalf("GET %s: %d %s", path, code, body)
	}
	return body
}

// TestStateKeepsTheSigningKey: the key made on first use (here by a read,
// get_jwks) is in the file, so tokens minted before a restart verify after.
func TestStateKeepsTheSigningKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s, _, err := Open(path) // no test key: the sandbox makes its own
	if err != nil {
		t.Fatal(err)
	}
	jwks := hit1(t, s, "/jwks")
	s.Close()
	s, _, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := hit1(t, s, "/jwks"); got != jwks {
		t.Errorf("JWKS changed across the restart:\n%s\n%s", got, jwks)
	}
}

// TestStateNeverHoldsTheInstanceKey: an app's own sk_test_ key sent to
// `sandbox serve` is not written to the state file.
func TestStateNeverHoldsTheInstanceKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s := openState(t, path, RequireTestKeys())
	const key = "sk_test_MyRealLookingKey1234567890"
	if code, body := hit(t, s, "POST", "/organizations", `{"name":"Keyed"}`, key); code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("MyRealLookingKey")) {
		t.Fatal("the state file holds the caller's secret key")
	}
}

// refusedUntouched opens path, expects a *StateError containing want, and
// checks the file is byte for byte as before.
func refusedUntouched(t *testing.T, path, want string) {
	t.Helper()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	s, _, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatalf("Open(%s) accepted it", path)
	}
	var se *StateError
	if !errors.As(err, &se) || !strings.Contains(err.Error(), want) {
		t.Fatalf("Open error %v, want a StateError containing %q", err, want)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("the refused file was changed")
	}
	if info2, _ := os.Stat(path); !info2.ModTime().Equal(info.ModTime()) || info2.Size() != info.Size() {
		t.Fatal("the refused file's size or time changed")
	}
}

// TestStateRefusesForeignFiles: text, an empty file, and a bbolt database
// of someone else's are refused, untouched.
func TestStateRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, bytes.Repeat([]byte("my precious notes\n"), 2000), 0o600); err != nil {
		t.Fatal(err)
	}
	refusedUntouched(t, text, "not a clerk-mcp sandbox state")

	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	refusedUntouched(t, empty, "empty file")

	other := filepath.Join(dir, "other.db")
	db, err := bolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("app"))
		if err != nil {
			return err
		}
		return b.Put([]byte("k"), []byte("v"))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	refusedUntouched(t, other, "not a clerk-mcp sandbox state")
}

// TestStateRefusesNewerFormat: a state written by a newer format is
// refused with both versions named, untouched.
func TestStateRefusesNewerFormat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s := openState(t, path)
	hit(t, s, "POST", "/organizations", `{"name":"Future"}`)
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(metaBucket).Put([]byte("format"), []byte(fmt.Sprint(StateFormat+1)))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	refusedUntouched(t, path, fmt.Sprintf("format %d, newer than this build reads (%d)", StateFormat+1, StateFormat))
}

// TestStateRefusesADivergingReplay: a journal whose replay answers
// otherwise than recorded (another build's behaviour) is refused, naming
// the change, untouched.
func TestStateRefusesADivergingReplay(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s := openState(t, path)
	hit(t, s, "POST", "/organizations", `{"name":"One"}`)
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(journalBucket)
		k, v := b.Cursor().First()
		var rec record
		if err := json.Unmarshal(v, &rec); err != nil {
			return err
		}
		rec.Status = 422
		nv, _ := json.Marshal(rec)
		return b.Put(k, nv)
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	refusedUntouched(t, path, "replaying change 1 (POST /v1/organizations) answered 200 now, 422 when it was made")
}

// TestStateSecondOpenerRefused: a file one sandbox holds is refused to a
// second opener, clearly and within the lock timeout.
func TestStateSecondOpenerRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s := openState(t, path)
	defer s.Close()
	start := time.Now()
	_, _, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "in use by another process") {
		t.Fatalf("second Open: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("refusal took %s", d)
	}
}

// TestStateWriteFailureStopsAnswers: when a change cannot be made durable,
// its answer is a 503, not the success memory would report, and so is every
// later one.
func TestStateWriteFailureStopsAnswers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s := openState(t, path)
	if err := s.store.db.Close(); err != nil { // the file goes away under the sandbox
		t.Fatal(err)
	}
	code, body := hit(t, s, "POST", "/organizations", `{"name":"Lost"}`)
	if code != 503 || !strings.Contains(body, "sandbox_state_unavailable") {
		t.Fatalf("write failure answered %d %s", code, body)
	}
	if code, _ := hit(t, s, "GET", "/organizations", ""); code != 503 {
		t.Fatalf("a later read answered %d", code)
	}
}

// TestStateConcurrentChanges: changes from many goroutines are serialised
// on the sandbox lock, all journaled, and all back after a restart (run
// with -race).
func TestStateConcurrentChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s := openState(t, path)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var ids []string
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 5 {
				code, body := hit(t, s, "POST", "/organizations", fmt.Sprintf(`{"name":"C %d %d"}`, i, j))
				if code != 200 {
					t.Errorf("%d %s", code, body)
					return
				}
				hit(t, s, "GET", "/organizations?limit=1", "")
				mu.Lock()
				ids = append(ids, idOf(t, body))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	s.Close()
	s = openState(t, path)
	defer s.Close()
	for _, id := range ids {
		if code, body := hit(t, s, "GET", "/organizations/"+id, ""); code != 200 {
			t.Errorf("organization %s lost: %d %s", id, code, body)
		}
	}
}

// TestStateWriteLatency measures a change's cost with the state file
// (journal append and fsync) and reports p50/p99; -short skips it.
func TestStateWriteLatency(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	path := filepath.Join(t.TempDir(), "state.db")
	s := openState(t, path)
	defer s.Close()
	_, body := hit(t, s, "POST", "/organizations", `{"name":"Timed"}`)
	org := idOf(t, body)
	mem := New(WithSigningKey(stateTestKey()))
	_, body = hit(t, mem, "POST", "/organizations", `{"name":"Timed"}`)
	memOrg := idOf(t, body)
	// The same journal without fsync: what the sandbox itself adds, apart
	// from the disk's flush.
	nosync := openState(t, filepath.Join(t.TempDir(), "nosync.db"))
	defer nosync.Close()
	nosync.store.db.NoSync = true
	_, body = hit(t, nosync, "POST", "/organizations", `{"name":"Timed"}`)
	nosyncOrg := idOf(t, body)
	var durable, unsynced, inMemory []time.Duration
	for i := range 300 {
		b := fmt.Sprintf(`{"name":"Timed %d"}`, i)
		start := time.Now()
		hit(t, s, "PATCH", "/organizations/"+org, b)
		durable = append(durable, time.Since(start))
		start = time.Now()
		hit(t, nosync, "PATCH", "/organizations/"+nosyncOrg, b)
		unsynced = append(unsynced, time.Since(start))
		start = time.Now()
		hit(t, mem, "PATCH", "/organizations/"+memOrg, b)
		inMemory = append(inMemory, time.Since(start))
	}
	q := func(d []time.Duration, p float64) time.Duration { slices.Sort(d); return d[int(float64(len(d)-1)*p)] }
	t.Logf("update_organization: --sandbox-state p50 %s p99 %s; without fsync p50 %s p99 %s; in memory p50 %s p99 %s",
		q(durable, .5), q(durable, .99), q(unsynced, .5), q(unsynced, .99), q(inMemory, .5), q(inMemory, .99))
}

// BenchmarkStateChange is one durable change (update_organization).
func BenchmarkStateChange(b *testing.B) {
	s := openState(b, filepath.Join(b.TempDir(), "state.db"))
	defer s.Close()
	_, body := hit(b, s, "POST", "/organizations", `{"name":"Bench"}`)
	org := idOf(b, body)
	b.ResetTimer()
	for i := range b.N {
		hit(b, s, "PATCH", "/organizations/"+org, fmt.Sprintf(`{"name":"Bench %d"}`, i))
	}
}

// TestStateReplayCost reports what a restart costs per journaled change
// (1,000 mixed creates and updates); -short skips it.
func TestStateReplayCost(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	path := filepath.Join(t.TempDir(), "state.db")
	s := openState(t, path)
	s.store.db.NoSync = true // building the journal is not what is measured
	const n = 1000
	var org string
	for i := range n {
		if i%10 == 0 {
			_, body := hit(t, s, "POST", "/organizations", fmt.Sprintf(`{"name":"Replay %d"}`, i))
			org = idOf(t, body)
			continue
		}
		if code, body := hit(t, s, "PATCH", "/organizations/"+org, fmt.Sprintf(`{"name":"Replay %d"}`, i)); code != 200 {
			t.Fatalf("%d %s", code, body)
		}
	}
	s.Close()
	start := time.Now()
	s = openState(t, path)
	d := time.Since(start)
	defer s.Close()
	if s.store.next != n {
		t.Fatalf("journal holds %d changes, want %d", s.store.next, n)
	}
	t.Logf("restart replaying %d changes: %s (%s per change)", n, d, d/n)
}

// BenchmarkStartDeferred is what --sandbox adds to start-up: the sandbox
// with its seed left for the first request.
func BenchmarkStartDeferred(b *testing.B) {
	for range b.N {
		if _, _, err := Start("", ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStartSeeded is the seed built at once, as before Deferred: what
// the first request now pays instead.
func BenchmarkStartSeeded(b *testing.B) {
	for range b.N {
		New()
	}
}

// TestStateIgnoresRefusedKeys: requests refused at the door (no key, a live
// key to sandbox serve) change nothing and are not journaled, and a file
// written by sandbox serve opens in clerk-mcp --sandbox and back.
func TestStateIgnoresRefusedKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s := openState(t, path, RequireTestKeys())
	if code, _ := hit(t, s, "POST", "/organizations", `{"name":"Live"}`, "sk_live_abc"); code != 401 {
		t.Fatalf("live key answered %d", code)
	}
	if code, _ := hit(t, s, "POST", "/organizations", `{"name":"None"}`, ""); code != 401 {
		t.Fatalf("no key answered %d", code)
	}
	hit(t, s, "POST", "/organizations", `{"name":"Test key"}`, "sk_test_app")
	if s.store.next != 1 {
		t.Errorf("journal holds %d changes, want 1", s.store.next)
	}
	s.Close()
	s = openState(t, path) // as clerk-mcp --sandbox
	if !strings.Contains(hit1(t, s, "/organizations?limit=500"), "Test key") {
		t.Error("change lost")
	}
	s.Close()
	s = openState(t, path, RequireTestKeys()) // and back to sandbox serve
	s.Close()
}
