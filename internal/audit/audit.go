// Package audit writes the audit trail: one JSON line per recorded tool call
// (every write and destructive call and every refusal of one, reads too when
// asked), to a file reopened on SIGHUP or to stdout.
//
// A record never holds the Clerk secret key, a bearer token or a
// confirmation token: callers are fingerprints, arguments are the
// confirmation preview's display copy (secrets hidden), and the confirm
// argument is dropped before the record is made.
package audit

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// Record is one line of the audit trail.
type Record struct {
	Time time.Time `json:"time"`
	// Caller is who called: the fingerprint of the bearer token (HTTP),
	// "stdio", or "anonymous" (HTTP without --auth-token).
	Caller string `json:"caller"`
	// Subject and ClientID name an OAuth caller when the host knows them.
	Subject  string `json:"subject,omitempty"`
	ClientID string `json:"client_id,omitempty"`
	Session  string `json:"session,omitempty"`
	Tool     string `json:"tool"`
	// Via names the tool the call came through when it is not Tool's own
	// (call_operation).
	Via    string `json:"via,omitempty"`
	Kind   string `json:"kind"`
	Method string `json:"method"`
	Path   string `json:"path"` // template, e.g. /users/{user_id}
	// Targets are the path parameters of the call: the ids it acts on.
	Targets map[string]string `json:"targets,omitempty"`
	// Arguments are the canonical arguments as a confirmation shows them:
	// secrets [hidden], long values capped. Absent when they were refused.
	Arguments    map[string]any `json:"arguments,omitempty"`
	Confirmation *Confirmation  `json:"confirmation,omitempty"`
	ClerkStatus  int            `json:"clerk_status,omitempty"`
	ClerkTraceID string         `json:"clerk_trace_id,omitempty"`
	DurationMS   float64        `json:"duration_ms"`
	// Outcome: ok, clerk_error, failed, cancelled, invalid (arguments
	// refused), refused (by the confirmation gate or the audit itself),
	// preview (a token issued, nothing run), asked (the user is asked,
	// nothing run yet) or error (an internal error).
	Outcome string `json:"outcome"`
	// Reason says why a call was refused or failed, in the server's words;
	// it never quotes argument values.
	Reason string `json:"reason,omitempty"`
}

// Confirmation is how a destructive call was confirmed.
type Confirmation struct {
	// Mode: token, elicitation or off (--confirm off).
	Mode string `json:"mode"`
	// Outcome: issued, redeemed or refused (token); asked, accepted,
	// declined, cancelled, timeout or refused (elicitation); none (off).
	Outcome string `json:"outcome"`
	Reason  string `json:"reason,omitempty"`
}

// Options configure a Log.
type Options struct {
	// Reads records read calls as well.
	Reads bool
	// Required refuses writes and destructive calls while records cannot
	// be written (fail closed).
	Required bool
	// Logger reports write failures (never a record's content).
	Logger *slog.Logger
}

// Log is an audit trail. It is safe for concurrent use: writes are
// serialized, each record one Write call.
type Log struct {
	path string // "" for a writer given to New
	opts Options

	mu sync.Mutex
	w  io.Writer
	f  *os.File // the open file when path is set

	failing atomic.Bool
}

// Open opens the audit trail at path, appending; "-" is stdout.
func Open(path string, opts Options) (*Log, error) {
	if path == "-" {
		return New(os.Stdout, opts), nil
	}
	l := &Log{path: path, opts: opts}
	f, err := openFile(path)
	if err != nil {
		return nil, err
	}
	l.f, l.w = f, f
	l.init()
	return l, nil
}

// New returns an audit trail that writes to w.
func New(w io.Writer, opts Options) *Log {
	l := &Log{w: w, opts: opts}
	l.init()
	return l
}

func (l *Log) init() {
	if l.opts.Logger == nil {
		l.opts.Logger = slog.New(slog.DiscardHandler)
	}
}

func openFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot open the audit log: %w", err)
	}
	return f, nil
}

// Reads reports whether read calls are recorded.
func (l *Log) Reads() bool { return l.opts.Reads }

// Refusing reports whether changes must be refused: --audit-required and the
// last write failed.
func (l *Log) Refusing() bool { return l.opts.Required && l.failing.Load() }

// Write appends one record as one line. A failure is logged, and with
// Required, Refusing holds until a write succeeds again.
func (l *Log) Write(r *Record) error {
	b, err := json.Marshal(r)
	if err != nil {
		l.fail(err)
		return err
	}
	b = append(b, '\n')
	l.mu.Lock()
	var n int
	if l.w == nil {
		err = errors.New("the audit log is not open")
	} else {
		n, err = l.w.Write(b)
		if err == nil && n < len(b) {
			err = io.ErrShortWrite
		}
	}
	l.mu.Unlock()
	if err != nil {
		l.fail(err)
		return err
	}
	if l.failing.CompareAndSwap(true, false) {
		l.opts.Logger.Warn("audit log writable again", "path", l.path)
	}
	return nil
}

func (l *Log) fail(err error) {
	first := !l.failing.Swap(true)
	if first || l.opts.Required {
		l.opts.Logger.Error("cannot write the audit log", "path", l.path, "error", err, "fail_closed", l.opts.Required)
	}
}

// Reopen closes and reopens the file (log rotation, on SIGHUP). A writer
// given to New or stdout is kept.
func (l *Log) Reopen() error {
	if l.path == "" {
		return nil
	}
	f, err := openFile(l.path)
	l.mu.Lock()
	defer l.mu.Unlock()
	if err != nil {
		l.opts.Logger.Error("cannot reopen the audit log", "path", l.path, "error", err)
		return err
	}
	if l.f != nil {
		_ = l.f.Close()
	}
	l.f, l.w = f, f
	return nil
}

// Close closes the file.
func (l *Log) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f, l.w = nil, nil
	return err
}
