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
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
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
	// Concurrency bounds the requests served at once (default 16); reading
	// waits while all are busy.
	Concurrency int
}

var sessions atomic.Int64

// Serve runs one MCP session on in and out until in ends or ctx is done.
// Requests are served concurrently; notifications and initialize in order.
// When input ends, the session is unregistered (which cancels its calls in
// flight) and Serve returns once every started request has answered.
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
	t := &transport{
		srv:  s,
		out:  &lineWriter{w: out},
		log:  opt.Logger,
		busy: make(chan struct{}, opt.Concurrency),
	}
	sess := &session{
		id:      "stdio-" + strconv.FormatInt(sessions.Add(1), 10),
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

	// Reading runs on its own goroutine so that ctx ends Serve even while a
	// read blocks (a signal with the client still attached).
	read := make(chan error, 1)
	go func() { read <- t.read(ctx, in, opt.MaxLine) }()
	var err error
	select {
	case err = <-read:
	case <-ctx.Done():
	}

	// Input ended: end the session first, so that its calls in flight are
	// cancelled, then wait for their answers.
	s.UnregisterSession(context.WithoutCancel(ctx), sess.id)
	cancel()
	t.mu.Lock()
	t.closed = true
	t.mu.Unlock()
	t.wg.Wait()
	<-done
	return err
}

type transport struct {
	srv  *server.MCPServer
	sess *session
	out  *lineWriter
	log  *slog.Logger
	busy chan struct{}

	mu     sync.Mutex // guards closed and wg.Add
	closed bool
	wg     sync.WaitGroup
}

// start counts a message in, unless Serve is over.
func (t *transport) start() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return false
	}
	t.wg.Add(1)
	return true
}

// read dispatches each line until in ends; EOF is a normal end.
func (t *transport) read(ctx context.Context, in io.Reader, maxLine int) error {
	r := bufio.NewReaderSize(in, 64<<10)
	for {
		line, err := readLine(r, maxLine)
		if len(bytes.TrimSpace(line)) > 0 {
			t.dispatch(ctx, line)
		}
		switch {
		case err == nil:
		case errors.Is(err, io.EOF):
			return nil
		case errors.Is(err, errLineTooLong):
			t.log.Error("stdio: message over the size limit dropped", "limit_bytes", maxLine)
			t.writeError(nil, mcp.PARSE_ERROR, fmt.Sprintf("message longer than %d bytes", maxLine))
		default:
			return err
		}
		if ctx.Err() != nil {
			return nil
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line in a slice of its own (requests outlive
// the reader's buffer). Past max bytes it skips to the end of the line.
func readLine(r *bufio.Reader, max int) ([]byte, error) {
	frag, err := r.ReadSlice('\n')
	if err == nil || !errors.Is(err, bufio.ErrBufferFull) {
		return bytes.Clone(frag), err
	}
	line := bytes.Clone(frag)
	for {
		frag, err = r.ReadSlice('\n')
		if len(line)+len(frag) > max {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.ReadSlice('\n')
			}
			if err == nil {
				err = errLineTooLong
			}
			return nil, err
		}
		line = append(line, frag...)
		if !errors.Is(err, bufio.ErrBufferFull) {
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
}

func (t *transport) dispatch(ctx context.Context, line []byte) {
	var env envelope
	if err := json.Unmarshal(line, &env); err != nil {
		if bytes.HasPrefix(bytes.TrimSpace(line), []byte("[")) {
			// A batch: mcp-go answers it (with an error, batches left MCP
			// in 2025-06-18).
			t.respond(ctx, nil, line)
			return
		}
		t.writeError(nil, mcp.PARSE_ERROR, "Parse error")
		return
	}
	hasID := len(env.ID) > 0 && string(env.ID) != "null"
	switch {
	case env.Method == "" && hasID && (env.Result != nil || env.Error != nil):
		t.sess.deliver(env)
	case !hasID || env.Method == string(mcp.MethodInitialize):
		// Notifications and initialize are served in order: what follows
		// them may depend on them.
		if t.start() {
			defer t.wg.Done()
			t.respond(ctx, env.ID, line)
		}
	default:
		select {
		case t.busy <- struct{}{}:
		case <-ctx.Done():
			return
		}
		if !t.start() {
			<-t.busy
			return
		}
		go func() {
			defer func() { <-t.busy; t.wg.Done() }()
			t.respond(ctx, env.ID, line)
		}()
	}
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
