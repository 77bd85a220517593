// Package fakeclerk is a recording stand-in for the Clerk Backend API, for
// tests and benchmarks: it serves canned answers on 127.0.0.1 and keeps every
// request it received.
package fakeclerk

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
)

// Request is one request the fake received.
type Request struct {
	Method   string
	Path     string // escaped, as sent
	RawQuery string
	Header   http.Header
	Body     []byte
}

// Response is a canned answer.
type Response struct {
	Status int
	Header map[string]string
	Body   []byte
}

// Server is a fake Clerk on 127.0.0.1.
type Server struct {
	*httptest.Server

	mu        sync.Mutex
	requests  []Request
	responses []Response
	next      int
	handler   http.HandlerFunc
}

// New starts a fake that answers 200 {} until told otherwise.
func New() *Server {
	s := &Server{}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Respond queues answers, served in order; the last one repeats.
func (s *Server) Respond(rs ...Response) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.responses, s.next, s.handler = rs, 0, nil
}

// Handle replaces canned answers with a handler (requests are still recorded).
func (s *Server) Handle(h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handler = h
}

// Requests returns what the fake received since the last Reset.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Count returns how many requests the fake received since the last Reset.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

// Reset forgets recorded requests.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests, s.next = nil, 0
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.EscapedPath(), RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: body})
	h := s.handler
	resp := Response{Status: 200, Body: []byte("{}")}
	if len(s.responses) > 0 {
		resp = s.responses[min(s.next, len(s.responses)-1)]
		s.next++
	}
	s.mu.Unlock()
	if h != nil {
		h(w, r)
		return
	}
	if resp.Body != nil {
		w.Header().Set("Content-Type", "application/json")
	}
	for k, v := range resp.Header {
		w.Header().Set(k, v)
	}
	w.WriteHeader(resp.Status)
	_, _ = w.Write(resp.Body)
}
