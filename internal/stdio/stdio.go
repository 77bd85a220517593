// Package stdio serves an mcp-go server over newline-delimited JSON-RPC on a
// reader and a writer (the stdio transport of MCP).
//
// mcp-go's own StdioServer re-encodes every result with encoding/json, which
// re-validates the nested JSON of each tool result two or three times; on a
// 100-user page that was over half of the server's time. This transport keeps
// mcp-go for everything MCP (sessions, initialize, dispatch, hooks,
// cancellation, elicitation) and owns only the framing: it reads lines without
// a goroutine per line, serves requests concurrently, and writes tool results
// and tool lists with an encoder that copies pre-validated JSON once
// (encode.go). Everything else is written by encoding/json, as before.
package stdio

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Options tune a transport; the zero value is ready to use.
type Options struct {
	Logger *slog.Logger
	// MaxLine bounds one incoming message (default 64 MiB: a 10 MB upload
	// as base64 fits). A longer line is answered with a parse error.
	MaxLine int
	// Concurrency bounds the requests served at once (default 16).
	Concurrency int
	// Queue bounds the requests waiting for one of those (default four
	// times Concurrency). Past it a request is refused at once with a
	// "server busy" error (CodeBusy). Reading never waits for a worker, so
	// pings, cancellations and answers to the server's own requests
	// (elicitation) get through however busy the server is.
	Queue int
}

// CodeBusy is the JSON-RPC error code of a request the server refused
// without running it: too many requests running and waiting, or input ended
// before it started. It is in JSON-RPC's range for implementation-defined
// server errors.
const CodeBusy = -32000

var sessions atomic.Int64

// processNonce is random per process, so session ids (which confirmation
// tokens bind) differ between two processes that share a confirm key.
var processNonce = sync.OnceValue(func() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%x", b)
})

// Serve runs one MCP session on in and out until in ends or ctx is done.
// Requests are served concurrently, up to Options.Concurrency at once; up to
// Options.Queue more wait for a slot, and past that a request is refused
// with a "server busy" error. When input ends, no request that has not
// started starts (those waiting are answered with an error), the session is
// unregistered (which cancels its calls in flight) and Serve returns once
// every started request has answered.
//
// Workers take turns at reading (leader/follower): the worker that reads a
// line serves it itself, so a request is served on the goroutine that woke
// up with it; handing each request to another goroutine instead cost 50 to
// 100 µs a call on a 2-core machine. A request that may take long is
// admitted at once: with a slot free, its reader passes the turn to an idle
// worker (starting one if none is idle) and serves it; otherwise it joins
// the queue, or is refused, and the reader reads on. A worker that finishes
// a request serves the queue's next one on the same slot.
func Serve(ctx context.Context, s *server.MCPServer, in io.Reader, out io.Writer, opt Options) error {
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.MaxLine <= 0 {
		opt.MaxLine = 64 << 20
	}
	if opt.Concurrency <= 0 {
		opt.Concurrency = 16
	}
	if opt.Queue <= 0 {
		opt.Queue = 4 * opt.Concurrency
	}
	t := &transport{
		srv:     s,
		out:     &lineWriter{w: out},
		log:     opt.Logger,
		in:      bufio.NewReaderSize(in, 64<<10),
		maxLine: opt.MaxLine,
		turn:    make(chan struct{}, 1),
		ended:   make(chan struct{}),
		conc:    opt.Concurrency,
		queued:  opt.Queue,
		// Every worker is idle, reading, serving a request on a slot, or
		// on its way to idle: with Concurrency+2 of them, one is always
		// idle or about to be when the reader passes the turn.
		most: int32(opt.Concurrency + 2),
	}
	sess := &session{
		id:      "stdio-" + processNonce() + "-" + strconv.FormatInt(sessions.Add(1), 10),
		notify:  make(chan mcp.JSONRPCNotification, 64),
		out:     t.out,
		pending: map[int64]chan reply{},
	}
	t.sess = sess
	if err := s.RegisterSession(ctx, sess); err != nil {
		return fmt.Errorf("stdio: register session: %w", err)
	}
	ctx, cancel := context.WithCancel(s.WithContext(ctx, sess))
	defer cancel()

	done := make(chan struct{})
	go t.notifications(ctx, done)

	t.turn <- struct{}{}
	t.spawn(ctx) // the reader
	t.spawn(ctx) // idle, to take the turn when the reader serves a call
	// A worker may block in a read; ctx still ends Serve (a signal with
	// the client attached).
	select {
	case <-t.ended:
	case <-ctx.Done():
	}

	// Input ended: end the session first, so that its calls in flight are
	// cancelled, then wait for their answers.
	s.UnregisterSession(context.WithoutCancel(ctx), sess.id)
	cancel()
	t.shut()
	t.wg.Wait()
	<-done
	select {
	case <-t.ended:
		return t.readErr
	default:
		return nil
	}
}

type transport struct {
	srv  *server.MCPServer
	sess *session
	out  *lineWriter
	log  *slog.Logger

	// turn is the right to read: whoever holds it reads the next line.
	turn    chan struct{}
	in      *bufio.Reader
	maxLine int
	ended   chan struct{} // closed when input ends
	readErr error         // why, if not EOF; written before ended closes

	workers atomic.Int32 // started
	idle    atomic.Int32 // waiting for the turn
	most    int32        // workers at the most

	inflight sync.Map // request id (raw JSON) -> *call, for notifications/cancelled

	conc   int // requests served at once, at the most
	queued int // requests waiting for a slot, at the most

	mu     sync.Mutex     // guards what follows, and wg.Add
	busy   int            // slots taken
	queue  []*call        // admitted requests waiting for a slot, oldest first
	closed bool           // nothing starts any more
	wg     sync.WaitGroup // messages being served
}

// call is a request that may take long, from the moment it is read, with a
// context of its own: a notifications/cancelled naming its id, or the end
// of the session, cancels it.
type call struct {
	ctx    context.Context
	cancel context.CancelFunc
	key    string // its id, for inflight
	env    envelope
	line   []byte
}

// track makes a long request a call, which notifications/cancelled finds
// by its id until done.
func (t *transport) track(ctx context.Context, env *envelope, line []byte) *call {
	c := &call{key: string(env.ID), env: *env, line: line}
	c.ctx, c.cancel = context.WithCancel(ctx)
	t.inflight.Store(c.key, c)
	return c
}

// done ends tracking a call, and its context.
func (t *transport) done(c *call) {
	t.inflight.CompareAndDelete(c.key, c)
	c.cancel()
}

// cancelled applies a notifications/cancelled to the request it names. mcp-go
// does too, but only once the request has reached it; a request still
// waiting for a slot is covered here.
func (t *transport) cancelled(line []byte) {
	var n struct {
		Params struct {
			RequestID json.RawMessage `json:"requestId"`
		} `json:"params"`
	}
	if json.Unmarshal(line, &n) != nil {
		return
	}
	if r, ok := t.inflight.Load(string(n.Params.RequestID)); ok {
		r.(*call).cancel()
	}
}

func (t *transport) spawn(ctx context.Context) {
	t.workers.Add(1)
	go t.work(ctx)
}

// work reads a line in its turn and serves it. A message that may take long
// (a tool call, or anything not known to be quick) is admitted at once, and
// served only with a slot: then the worker passes the turn on so that
// reading goes on meanwhile. A quick one it serves holding the turn, and
// reads on: waking another goroutine costs more than a ping.
func (t *transport) work(ctx context.Context) {
	held := false
	for {
		if !held {
			t.idle.Add(1)
			select {
			case <-t.turn:
				t.idle.Add(-1)
			case <-ctx.Done():
				t.idle.Add(-1)
				return
			}
		}
		select {
		case <-t.ended:
			t.turn <- struct{}{}
			return
		default:
		}
		line, err := readLine(t.in, t.maxLine)
		switch {
		case errors.Is(err, errLineTooLong):
			t.log.Error("stdio: message over the size limit dropped", "limit_bytes", t.maxLine)
			t.serve(func() { t.writeError(nil, mcp.PARSE_ERROR, fmt.Sprintf("message longer than %d bytes", t.maxLine)) })
			held = true
			continue
		case err != nil:
			if !errors.Is(err, io.EOF) {
				t.readErr = err
			}
			t.shut() // before ended: no queued request starts after input ends
			close(t.ended)
			t.turn <- struct{}{}
			return
		}
		held = true
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var env envelope
		env.bad = json.Unmarshal(line, &env) != nil
		if quick(&env) {
			t.serve(func() { t.dispatch(ctx, &env, line) })
			continue
		}
		c := t.admit(ctx, &env, line)
		if c == nil {
			continue // queued or refused; read on
		}
		if t.idle.Load() == 0 && t.workers.Load() < t.most {
			t.spawn(ctx)
		}
		t.turn <- struct{}{}
		held = false
		for c != nil {
			// A request cancelled before it starts gets no answer, as MCP
			// asks of cancelled requests.
			if c.ctx.Err() == nil {
				t.dispatch(c.ctx, &c.env, c.line)
			}
			t.done(c)
			t.wg.Done()
			c = t.next()
		}
	}
}

// admit decides at once what becomes of a request that may take long: with a
// slot free it is returned, holding the slot, to be served; otherwise it
// waits in the queue, or, with the queue full, is refused with a "server
// busy" error. It is tracked first, so that a cancellation read next finds
// it wherever it is.
func (t *transport) admit(ctx context.Context, env *envelope, line []byte) *call {
	c := t.track(ctx, env, line)
	t.mu.Lock()
	switch {
	case t.closed:
		t.mu.Unlock()
		t.done(c)
		return nil
	case t.busy < t.conc:
		t.busy++
		t.wg.Add(1)
		t.mu.Unlock()
		return c
	}
	if len(t.queue) >= t.queued { // make room of the requests cancelled while waiting
		t.queue = slices.DeleteFunc(t.queue, func(q *call) bool {
			if q.ctx.Err() != nil {
				t.done(q)
				return true
			}
			return false
		})
	}
	if len(t.queue) < t.queued {
		t.queue = append(t.queue, c)
		t.mu.Unlock()
		return nil
	}
	running, waiting := t.busy, len(t.queue)
	t.mu.Unlock()
	t.done(c)
	t.writeError(env.ID, CodeBusy, fmt.Sprintf("server busy: %d requests running and %d waiting; this one was not run, try again later", running, waiting))
	return nil
}

// next hands a worker that finished a request the queue's next one, on the
// same slot, or frees the slot. Requests cancelled while waiting are dropped
// unanswered.
func (t *transport) next() *call {
	t.mu.Lock()
	defer t.mu.Unlock()
	for !t.closed && len(t.queue) > 0 {
		c := t.queue[0]
		t.queue[0] = nil
		t.queue = t.queue[1:]
		if c.ctx.Err() != nil {
			t.done(c)
			continue
		}
		t.wg.Add(1)
		return c
	}
	t.busy--
	return nil
}

// shut ends serving: nothing starts after it. Requests still waiting are
// answered with an error saying they were not run (unless cancelled: those
// get no answer).
func (t *transport) shut() {
	t.mu.Lock()
	t.closed = true
	waiting := t.queue
	t.queue = nil
	t.mu.Unlock()
	for _, c := range waiting {
		if c.ctx.Err() == nil {
			t.writeError(c.env.ID, CodeBusy, "the session ended before this request started; it was not run")
		}
		t.done(c)
	}
}

// quickMethods answer at once, whatever their arguments.
var quickMethods = map[string]bool{
	string(mcp.MethodInitialize): true, string(mcp.MethodPing): true,
	string(mcp.MethodToolsList): true, string(mcp.MethodPromptsList): true, string(mcp.MethodPromptsGet): true,
	string(mcp.MethodSetLogLevel): true,
}

// quick reports whether a message is served without waiting on anything:
// unparsable lines, answers to our requests, notifications, and quickMethods.
func quick(env *envelope) bool {
	return env.bad || env.Method == "" || !env.hasID() || quickMethods[env.Method]
}

// serve runs f as a message being served, unless Serve is over.
func (t *transport) serve(f func()) {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return
	}
	t.wg.Add(1)
	t.mu.Unlock()
	defer t.wg.Done()
	f()
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line in a slice of its own (requests outlive
// the reader's buffer); a last line without a newline is a line too, and
// io.EOF comes with the next call. Past max bytes it skips to the end of the
// line and returns errLineTooLong.
func readLine(r *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		frag, err := r.ReadSlice('\n')
		if len(line)+len(frag) > max {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.ReadSlice('\n')
			}
			if err == nil || errors.Is(err, io.EOF) {
				return nil, errLineTooLong
			}
			return nil, err
		}
		line = append(line, frag...)
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
		case errors.Is(err, io.EOF) && len(line) > 0:
			return line, nil
		default:
			return line, err
		}
	}
}

// envelope is what routing needs to know of a message.
type envelope struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
	bad bool // not JSON
}

// hasID reports a request or an answer, as against a notification.
func (e *envelope) hasID() bool { return len(e.ID) > 0 && string(e.ID) != "null" }

func (t *transport) dispatch(ctx context.Context, env *envelope, line []byte) {
	if env.bad {
		if bytes.HasPrefix(bytes.TrimSpace(line), []byte("[")) {
			// A batch: mcp-go answers it (with an error, batches left MCP
			// in 2025-06-18).
			t.respond(ctx, nil, line)
			return
		}
		t.writeError(nil, mcp.PARSE_ERROR, "Parse error")
		return
	}
	if env.Method == string(mcp.MethodNotificationCancelled) {
		t.cancelled(line)
	}
	if env.Method == "" && env.hasID() && (env.Result != nil || env.Error != nil) {
		t.sess.deliver(*env)
		return
	}
	t.respond(ctx, env.ID, line)
}

// respond runs one message through mcp-go and writes its answer, if any. A
// panic becomes an internal error answer for a request, nothing for a
// notification.
func (t *transport) respond(ctx context.Context, id json.RawMessage, line []byte) {
	defer func() {
		if p := recover(); p != nil {
			t.log.Error("stdio: panic serving a message", "panic", fmt.Sprint(p))
			if len(id) > 0 {
				t.writeError(id, mcp.INTERNAL_ERROR, fmt.Sprintf("internal error: %v", p))
			}
		}
	}()
	msg := t.srv.HandleMessage(ctx, line)
	if msg == nil {
		return
	}
	buf := getBuffer()
	defer putBuffer(buf)
	b, err := AppendMessage((*buf)[:0], msg)
	if err != nil {
		t.log.Error("stdio: cannot encode an answer", "error", err)
		if len(id) > 0 {
			t.writeError(id, mcp.INTERNAL_ERROR, "the answer could not be encoded: "+err.Error())
		}
		return
	}
	*buf = b
	t.out.writeLine(b)
}

func (t *transport) writeError(id json.RawMessage, code int, message string) {
	if len(id) == 0 {
		id = json.RawMessage("null")
	}
	b, _ := json.Marshal(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}{JSONRPC: mcp.JSONRPC_VERSION, ID: id, Error: struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}{code, message}})
	t.out.writeLine(b)
}

// notifications writes what the server sends the session on its own.
func (t *transport) notifications(ctx context.Context, done chan<- struct{}) {
	defer close(done)
	for {
		select {
		case n := <-t.sess.notify:
			b, err := json.Marshal(n)
			if err != nil {
				t.log.Error("stdio: cannot encode a notification", "method", n.Method, "error", err)
				continue
			}
			t.out.writeLine(b)
		case <-ctx.Done():
			return
		}
	}
}

// lineWriter writes whole lines, one at a time, in a single Write each.
type lineWriter struct {
	mu  sync.Mutex
	w   io.Writer
	err error
}

func (lw *lineWriter) writeLine(b []byte) {
	lw.mu.Lock()
	defer lw.mu.Unlock()
	if lw.err != nil {
		return
	}
	if len(b) < cap(b) {
		_, lw.err = lw.w.Write(append(b, '\n'))
		return
	}
	if _, lw.err = lw.w.Write(b); lw.err == nil {
		_, lw.err = lw.w.Write([]byte{'\n'})
	}
}

var buffers = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

func getBuffer() *[]byte { return buffers.Get().(*[]byte) }

// putBuffer keeps buffers up to 1 MiB; rarer, larger ones go to the GC so
// that one huge answer does not pin its memory.
func putBuffer(b *[]byte) {
	if cap(*b) <= 1<<20 {
		buffers.Put(b)
	}
}

// session is the one MCP session of a stdio transport.
type session struct {
	id          string
	notify      chan mcp.JSONRPCNotification
	out         *lineWriter
	initialized atomic.Bool
	level       atomic.Value // mcp.LoggingLevel
	info        atomic.Value // mcp.Implementation
	caps        atomic.Value // mcp.ClientCapabilities
	nextID      atomic.Int64
	mu          sync.Mutex
	pending     map[int64]chan reply
}

type reply struct {
	result json.RawMessage
	err    error
}

var (
	_ server.SessionWithLogging     = (*session)(nil)
	_ server.SessionWithClientInfo  = (*session)(nil)
	_ server.SessionWithElicitation = (*session)(nil)
)

func (s *session) SessionID() string                                   { return s.id }
func (s *session) NotificationChannel() chan<- mcp.JSONRPCNotification { return s.notify }
func (s *session) Initialize()                                         { s.initialized.Store(true) }
func (s *session) Initialized() bool                                   { return s.initialized.Load() }
func (s *session) SetLogLevel(l mcp.LoggingLevel)                      { s.level.Store(l) }

func (s *session) GetLogLevel() mcp.LoggingLevel {
	if l, ok := s.level.Load().(mcp.LoggingLevel); ok {
		return l
	}
	return mcp.LoggingLevelError
}

func (s *session) GetClientInfo() mcp.Implementation {
	i, _ := s.info.Load().(mcp.Implementation)
	return i
}

func (s *session) SetClientInfo(i mcp.Implementation) { s.info.Store(i) }

func (s *session) GetClientCapabilities() mcp.ClientCapabilities {
	c, _ := s.caps.Load().(mcp.ClientCapabilities)
	return c
}

func (s *session) SetClientCapabilities(c mcp.ClientCapabilities) { s.caps.Store(c) }

// RequestElicitation asks the client to ask its user, and waits for the
// answer or ctx.
func (s *session) RequestElicitation(ctx context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	raw, err := s.request(ctx, string(mcp.MethodElicitationCreate), req.Params)
	if err != nil {
		return nil, err
	}
	var res mcp.ElicitationResult
	if err := json.Unmarshal(raw, &res); err != nil {
		return nil, fmt.Errorf("elicitation: unreadable answer: %w", err)
	}
	return &res, nil
}

// request sends a request to the client and waits for its answer.
func (s *session) request(ctx context.Context, method string, params any) (json.RawMessage, error) {
	id := s.nextID.Add(1)
	ch := make(chan reply, 1)
	s.mu.Lock()
	s.pending[id] = ch
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.pending, id)
		s.mu.Unlock()
	}()
	b, err := json.Marshal(struct {
		JSONRPC string `json:"jsonrpc"`
		ID      int64  `json:"id"`
		Method  string `json:"method"`
		Params  any    `json:"params"`
	}{mcp.JSONRPC_VERSION, id, method, params})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", method, err)
	}
	s.out.writeLine(b)
	select {
	case r := <-ch:
		return r.result, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// deliver hands a client's answer to the request waiting for it.
func (s *session) deliver(env envelope) {
	id, err := strconv.ParseInt(string(env.ID), 10, 64)
	if err != nil {
		return
	}
	s.mu.Lock()
	ch := s.pending[id]
	s.mu.Unlock()
	if ch == nil {
		return
	}
	r := reply{result: env.Result}
	if env.Error != nil {
		r = reply{err: fmt.Errorf("client answered error %d: %s", env.Error.Code, env.Error.Message)}
	}
	select {
	case ch <- r:
	default:
	}
}
