package sandbox

import (
	"bytes"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Persistence (--sandbox-state FILE). The state file is a bbolt database
// holding a journal: the sandbox's starting point (the clock reading its
// seed data is dated from, the seed fixture, the signing key once made) and
// every request that changed it, in order, each written and fsynced in one
// transaction before its answer leaves. Opening the file replays the
// journal: the sandbox is deterministic given its requests and their clock
// readings (IDs and secrets come from counters), so the replay rebuilds the
// same state, and each replayed answer is checked against the one recorded,
// so a build whose sandbox behaves differently refuses the file instead of
// quietly showing other data. A change costs one small append, whatever the
// size of the state.

// StateFormat is the state file's format version. A file of a newer format
// is refused, left untouched.
const StateFormat = 1

var (
	metaBucket    = []byte("clerk-mcp sandbox state")
	journalBucket = []byte("journal")
)

// lockTimeout bounds the wait for a state file another process holds.
const lockTimeout = time.Second

// journal is an open state file.
type journal struct {
	db       *bolt.DB
	path     string
	next     uint64 // key of the next record
	keySaved bool   // the signing key is in the file
	failed   error  // a write failed: memory is ahead of the file
}

// record is one journaled request and the answer it got.
type record struct {
	Now         int64  `json:"now"` // the request's clock reading, Unix ms
	Method      string `json:"method"`
	URI         string `json:"uri"`
	Auth        string `json:"auth,omitempty"` // a machine's key; an instance key is stored as SecretKey
	ContentType string `json:"content_type,omitempty"`
	Body        []byte `json:"body,omitempty"`
	Status      int    `json:"status"`
	Sum         string `json:"sum,omitempty"` // SHA-256 prefix of a 2xx answer
}

// StateError is a state file refused at open; the file was not changed.
type StateError struct {
	Path, Reason string
}

func (e *StateError) Error() string { return "sandbox state " + e.Path + ": " + e.Reason }

// Open returns a sandbox kept in the state file at path. A new file is
// created holding the seed (the fixture given by WithFixture, else the demo
// data); an existing one is replayed, and then a fixture given is not used
// (fixtureIgnored reports it). A file that is not a sandbox state, is of a
// newer format, or is open in another process is refused with a
// *StateError and left byte for byte as it was.
func Open(path string, opts ...Option) (s *Sandbox, fixtureIgnored bool, err error) {
	s = &Sandbox{clock: time.Now, seq: map[string]int{}}
	for _, o := range opts {
		o(s)
	}
	s.deferred = false
	fi, statErr := os.Stat(path)
	switch {
	case errors.Is(statErr, os.ErrNotExist):
		if err := createState(path, s); err != nil {
			return nil, false, err
		}
	case statErr != nil:
		return nil, false, &StateError{path, statErr.Error()}
	case fi.IsDir():
		return nil, false, &StateError{path, "is a directory, not a sandbox state file"}
	case fi.Size() == 0:
		return nil, false, &StateError{path, "is an empty file, not a sandbox state; remove it (or name a file that does not exist) to start a new state"}
	default:
		fixtureIgnored = s.fixture != nil
		if err := checkState(path); err != nil {
			return nil, false, err
		}
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		return nil, false, openError(path, err)
	}
	j := &journal{db: db, path: path}
	if err := s.replay(j); err != nil {
		_ = db.Close()
		return nil, false, err
	}
	s.store = j
	return s, fixtureIgnored, nil
}

// Close closes the state file, if any. The sandbox answers no request after.
func (s *Sandbox) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.store == nil {
		return nil
	}
	err := s.store.db.Close()
	s.store.failed = errors.New("the sandbox state file is closed")
	return err
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return &StateError{path, "is in use by another process (another clerk-mcp holds its lock); stop it, or use another file"}
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrVersionMismatch), errors.Is(err, bolterrors.ErrChecksum),
		strings.Contains(err.Error(), "file size too small"), strings.Contains(err.Error(), "invalid"):
		return &StateError{path, "is not a clerk-mcp sandbox state (not a bbolt database: " + err.Error() + "); it was left untouched"}
	}
	return &StateError{path, err.Error()}
}

// checkState opens an existing file read-only (so nothing can be written to
// it) and checks that it is a sandbox state this build reads.
func checkState(path string) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: lockTimeout})
	if err != nil {
		return openError(path, err)
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		m := tx.Bucket(metaBucket)
		if m == nil || tx.Bucket(journalBucket) == nil {
			return &StateError{path, "is a bbolt database but not a clerk-mcp sandbox state; it was left untouched"}
		}
		v, err := strconv.Atoi(string(m.Get([]byte("format"))))
		if err != nil {
			return &StateError{path, "has no readable format version; it was left untouched"}
		}
		if v > StateFormat {
			return &StateError{path, fmt.Sprintf("is a sandbox state of format %d, newer than this build reads (%d); use the clerk-mcp that wrote it (%s); it was left untouched",
				v, StateFormat, m.Get([]byte("writer")))}
		}
		return nil
	})
}

// createState writes a new state file: built beside path and linked into
// place, so a crash never leaves a half-made state under the name, and a
// file made meanwhile by someone else is never overwritten.
func createState(path string, s *Sandbox) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".new-*")
	if err != nil {
		return &StateError{path, "cannot create it: " + err.Error()}
	}
	name := tmp.Name()
	_ = tmp.Close()
	_ = os.Remove(name) // bbolt initialises a file that does not exist or is empty
	defer os.Remove(name)
	db, err := bolt.Open(name, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		return &StateError{path, "cannot create it: " + err.Error()}
	}
	var fixture []byte
	if s.fixture != nil {
		fixture = s.fixture.raw
	}
	err = db.Update(func(tx *bolt.Tx) error {
		m, err := tx.CreateBucket(metaBucket)
		if err != nil {
			return err
		}
		if _, err := tx.CreateBucket(journalBucket); err != nil {
			return err
		}
		for k, v := range map[string][]byte{
			"format":  []byte(strconv.Itoa(StateFormat)),
			"start":   []byte(strconv.FormatInt(s.clock().UnixMilli(), 10)),
			"fixture": fixture,
			"writer":  []byte("clerk-mcp, sandbox state format " + strconv.Itoa(StateFormat)),
		} {
			if err := m.Put([]byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return &StateError{path, "cannot create it: " + err.Error()}
	}
	if err := os.Link(name, path); err != nil {
		return &StateError{path, "cannot create it: " + err.Error()}
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil { // the new name survives a crash too
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// replay rebuilds the state the file records into s.
func (s *Sandbox) replay(j *journal) error {
	var recs [][]byte
	var start int64
	var fixture, key []byte
	err := j.db.View(func(tx *bolt.Tx) error {
		m := tx.Bucket(metaBucket)
		start, _ = strconv.ParseInt(string(m.Get([]byte("start"))), 10, 64)
		fixture = bytes.Clone(m.Get([]byte("fixture")))
		key = bytes.Clone(m.Get([]byte("key")))
		return tx.Bucket(journalBucket).ForEach(func(k, v []byte) error {
			recs = append(recs, bytes.Clone(v))
			j.next = binary.BigEndian.Uint64(k) + 1
			return nil
		})
	})
	if err != nil {
		return &StateError{j.path, "cannot read it: " + err.Error()}
	}
	s.fixture = nil
	if len(fixture) > 0 {
		f, err := ParseFixture(fixture)
		if err != nil {
			return &StateError{j.path, "holds a seed fixture this build refuses: " + err.Error()}
		}
		s.fixture = f
	}
	if len(key) > 0 {
		k, err := x509.ParsePKCS8PrivateKey(key)
		rk, ok := k.(*rsa.PrivateKey)
		if err != nil || !ok {
			return &StateError{j.path, "holds a signing key that cannot be read"}
		}
		s.signer = &signer{key: rk, kid: "ins_" + idBody("signing key", 1)}
		j.keySaved = true
	}
	s.now = start
	s.seedData()
	// Every journaled request passed the key check when it was made; replay
	// them whichever check this process applies (sandbox serve's is stricter).
	testKeysOnly := s.testKeysOnly
	s.testKeysOnly = false
	defer func() { s.testKeysOnly = testKeysOnly }()
	for i, b := range recs {
		var rec record
		if err := json.Unmarshal(b, &rec); err != nil {
			return &StateError{j.path, fmt.Sprintf("change %d cannot be read: %v", i+1, err)}
		}
		req, err := rec.request()
		if err != nil {
			return &StateError{j.path, fmt.Sprintf("change %d cannot be read: %v", i+1, err)}
		}
		s.now = max(s.now, rec.Now)
		status, out := s.route(req, rec.Body)
		if status != rec.Status || (rec.Sum != "" && answerSum(out) != rec.Sum) {
			return &StateError{j.path, fmt.Sprintf("replaying change %d (%s %s) answered %d now, %d when it was made: this build's sandbox behaves differently from the one that wrote the file; it was left untouched (use the clerk-mcp that wrote it, or start a new state file)",
				i+1, rec.Method, rec.URI, status, rec.Status)}
		}
	}
	return nil
}

func (rec *record) request() (*http.Request, error) {
	u, err := url.ParseRequestURI(rec.URI)
	if err != nil {
		return nil, err
	}
	r := &http.Request{Method: rec.Method, URL: u, Header: http.Header{}, RequestURI: rec.URI, Host: "sandbox.invalid"}
	r.Header.Set("Authorization", "Bearer "+rec.Auth)
	if rec.ContentType != "" {
		r.Header.Set("Content-Type", rec.ContentType)
	}
	r.Body = http.NoBody
	return r, nil
}

func answerSum(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:12])
}

// lazySig changes when a request builds part of the state on first use
// (the signing key, a group's seed data, an ID or secret counter): a read
// that does so is journaled like a write, so the replay builds it at the
// same point.
func (s *Sandbox) lazySig() string {
	n := 0
	for _, v := range s.seq {
		n += v
	}
	return fmt.Sprint(n, len(s.seq), len(s.creds), s.mx != nil, s.idp != nil, s.sso != nil, s.bill != nil,
		s.signer != nil, s.rbac != nil, s.messages != nil, s.mint.signUpsSeed)
}

// serveDurably runs a request and, when it may have changed the state,
// journals it (fsynced) before the answer is returned. If the write fails,
// the request's answer becomes a 503 and so does every later one: the
// memory is then ahead of the file, and answering from it would report
// changes a restart loses.
func (s *Sandbox) serveDurably(r *http.Request, body []byte) (int, []byte) {
	j := s.store
	if j.failed != nil {
		return s.encodeError(errStateUnavailable(j.failed))
	}
	if !authorized(r, s.testKeysOnly) { // refused at the door (or a keyless public read): nothing changes
		return s.route(r, body)
	}
	read := r.Method == http.MethodGet || r.Method == http.MethodHead
	var sig string
	if read {
		sig = s.lazySig()
	}
	status, out := s.route(r, body)
	if read && s.lazySig() == sig {
		return status, out
	}
	rec := record{Now: s.now, Method: r.Method, URI: r.URL.RequestURI(), ContentType: r.Header.Get("Content-Type"), Body: body, Status: status}
	if auth := strings.TrimSpace(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")); auth != "" {
		rec.Auth = auth
		if strings.HasPrefix(auth, "sk_") { // an instance key is never written to the file
			rec.Auth = SecretKey
		}
	}
	if status < 300 {
		rec.Sum = answerSum(out)
	}
	if err := j.append(s, &rec); err != nil {
		j.failed = err
		return s.encodeError(errStateUnavailable(err))
	}
	return status, out
}

func errStateUnavailable(err error) *apiError {
	return &apiError{status: 503, code: "sandbox_state_unavailable", message: "the sandbox state file cannot be written",
		long: "The change could not be made durable (" + err.Error() + "); the sandbox answers nothing more until it is restarted, which replays what the file holds."}
}

// append writes one record, and the signing key when it is new, in one
// fsynced transaction.
func (j *journal) append(s *Sandbox, rec *record) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	var key []byte
	if !j.keySaved && s.signer != nil {
		if key, err = x509.MarshalPKCS8PrivateKey(s.signer.key); err != nil {
			return err
		}
	}
	err = j.db.Update(func(tx *bolt.Tx) error {
		if key != nil {
			if err := tx.Bucket(metaBucket).Put([]byte("key"), key); err != nil {
				return err
			}
		}
		return tx.Bucket(journalBucket).Put(binary.BigEndian.AppendUint64(nil, j.next), b)
	})
	if err != nil {
		return err
	}
	j.next++
	j.keySaved = j.keySaved || key != nil
	return nil
}

// Deferred makes New build the seed data at the first request instead of
// at once, so a server that starts with the sandbox pays nothing for it
// until it is used.
func Deferred() Option {
	return func(s *Sandbox) { s.deferred = true }
}

// seedData fills a new sandbox: the fixture given, else the demo data.
func (s *Sandbox) seedData() {
	if s.fixture != nil {
		s.seedFixture(s.fixture)
		return
	}
	s.seed()
}

// Start makes the sandbox a command runs: seeded from the fixture at seed
// (when not ""; else the demo data), kept in the state file at state (when
// not ""; else in memory, its seed built at the first request). It also
// returns a sentence for the log saying where the data lives.
func Start(state, seed string, opts ...Option) (*Sandbox, string, error) {
	if seed != "" {
		f, err := LoadFixture(seed)
		if err != nil {
			return nil, "", err
		}
		opts = append(opts, WithFixture(f))
	}
	if state == "" {
		return New(append(opts, Deferred())...), "in memory: every change is lost when the server stops", nil
	}
	s, ignored, err := Open(state, opts...)
	if err != nil {
		return nil, "", err
	}
	msg := "kept in " + state + ": every change is written before it is answered, and a restart replays it"
	if ignored {
		msg += "; the state file already exists, so --sandbox-seed " + seed + " was not applied (a seed applies only to a new state file)"
	}
	return s, msg, nil
}
