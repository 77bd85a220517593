// Package loadgen drives an MCP server over streamable HTTP the way wrk
// drives a web server: many concurrent sessions, each calling a tool in a
// closed loop, with pre-encoded requests and answers checked as bytes, so
// that the generator's own work takes as little as possible of the cores
// the server is measured on. Only for tests and measurements, on loopback.
package loadgen

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// Config shapes a run.
type Config struct {
	URL      string // the server's streamable HTTP endpoint, e.g. http://127.0.0.1:8080/mcp
	Token    string // bearer token, if the server wants one
	Sessions int
	Calls    int // timed calls per session, after one untimed warm-up call
	// Call returns the tools/call params of call j of session i, and a
	// string its answer must contain.
	Call func(i, j int) (params, want string)
	// Open, if set, opens a session its own way (another client, say) and
	// returns its call; the default speaks raw HTTP.
	Open func(ctx context.Context, hc *http.Client, cfg Config) (Call, error)

	// URLs, when set, are replicas of one server: session i talks to
	// URLs[i % len(URLs)] (as a load balancer with sticky sessions would
	// spread them), and URL is ignored.
	URLs []string
	// Stateless servers answer initialize without a session id; the
	// session then sends none.
	Stateless bool
}

// Call makes one tools/call with params; its answer must contain want.
type Call func(params, want string) error

// Result is what a run measured.
type Result struct {
	Calls    int
	Elapsed  time.Duration
	P50, P99 time.Duration
	Max      time.Duration
	Errors   int
	FirstErr error
}

// PerSecond is the throughput of the timed calls.
func (r Result) PerSecond() float64 { return float64(r.Calls) / r.Elapsed.Seconds() }

func (r Result) String() string {
	return fmt.Sprintf("%d calls in %v: %.0f calls/s, p50 %v, p99 %v, max %v, errors %d",
		r.Calls, r.Elapsed.Round(time.Millisecond), r.PerSecond(), r.P50.Round(10*time.Microsecond),
		r.P99.Round(10*time.Microsecond), r.Max.Round(time.Millisecond), r.Errors)
}

// Run opens every session (initialize, notifications/initialized, one
// warm-up call), then starts all of them at once and times their calls.
// An error opening a session ends the run; errors during calls are counted.
func Run(ctx context.Context, cfg Config) (Result, error) {
	hc := &http.Client{Transport: &http.Transport{MaxIdleConns: 2 * cfg.Sessions, MaxIdleConnsPerHost: 2 * cfg.Sessions, IdleConnTimeout: time.Minute}}
	defer hc.CloseIdleConnections()
	openSession := cfg.Open
	if openSession == nil {
		openSession = raw
	}
	var (
		mu        sync.Mutex
		res       Result
		ready     sync.WaitGroup
		done      sync.WaitGroup
		start     = make(chan struct{})
		latencies = make([][]time.Duration, cfg.Sessions)
		openErrs  = make([]error, cfg.Sessions)
	)
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		res.Errors++
		if res.FirstErr == nil {
			res.FirstErr = err
		}
	}
	for i := range cfg.Sessions {
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			scfg := cfg
			if len(cfg.URLs) > 0 {
				scfg.URL = cfg.URLs[i%len(cfg.URLs)]
			}
			call, err := openSession(ctx, hc, scfg)
			if err == nil {
				err = call(cfg.Call(i, -1))
			}
			if err != nil {
				openErrs[i] = fmt.Errorf("session %d: %w", i, err)
			}
			ready.Done()
			if err != nil {
				return
			}
			<-start
			lat := make([]time.Duration, 0, cfg.Calls)
			for j := range cfg.Calls {
				params, want := cfg.Call(i, j)
				t0 := time.Now()
				err := call(params, want)
				lat = append(lat, time.Since(t0))
				if err != nil {
					fail(fmt.Errorf("session %d call %d: %w", i, j, err))
				}
			}
			latencies[i] = lat
		}()
	}
	ready.Wait()
	if err := errors.Join(openErrs...); err != nil {
		close(start)
		done.Wait()
		return res, err
	}
	t0 := time.Now()
	close(start)
	done.Wait()
	res.Elapsed = time.Since(t0)
	all := slices.Concat(latencies...)
	slices.Sort(all)
	res.Calls = len(all)
	if len(all) > 0 {
		pct := func(p float64) time.Duration { return all[min(len(all)-1, int(p*float64(len(all))))] }
		res.P50, res.P99, res.Max = pct(0.50), pct(0.99), all[len(all)-1]
	}
	return res, nil
}

type session struct {
	ctx   context.Context
	hc    *http.Client
	cfg   Config
	id    string
	calls int
}

// raw opens a session with plain HTTP requests: initialize, then
// notifications/initialized.
func raw(ctx context.Context, hc *http.Client, cfg Config) (Call, error) {
	s := &session{ctx: ctx, hc: hc, cfg: cfg}
	resp, body, err := s.post(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"loadgen","version":"1"}}}`)
	if err != nil {
		return nil, err
	}
	s.id = resp.Header.Get("Mcp-Session-Id")
	if resp.StatusCode != http.StatusOK || (s.id == "" && !cfg.Stateless) {
		return nil, fmt.Errorf("initialize: HTTP %d, session %q: %.200s", resp.StatusCode, s.id, body)
	}
	if resp, body, err = s.post(`{"jsonrpc":"2.0","method":"notifications/initialized"}`); err != nil {
		return nil, err
	} else if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("notifications/initialized: HTTP %d: %.200s", resp.StatusCode, body)
	}
	return s.call, nil
}

// call sends one tools/call; its answer must be this request's result,
// not an error, and contain want.
func (s *session) call(params, want string) error {
	s.calls++
	resp, body, err := s.post(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":%s}`, s.calls, params))
	switch {
	case err != nil:
		return err
	case resp.StatusCode != http.StatusOK:
		return fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, body)
	case !bytes.Contains(body, fmt.Appendf(nil, `"id":%d,"result":`, s.calls)),
		bytes.Contains(body, []byte(`"isError":true`)),
		!bytes.Contains(body, []byte(want)):
		return fmt.Errorf("unexpected answer: %.300s", body)
	}
	return nil
}

func (s *session) post(body string) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(s.ctx, http.MethodPost, s.cfg.URL, strings.NewReader(body))
	if err != nil {
		return nil, nil, err
	}
	if s.cfg.Token != "" {
		req.Header.Set("Authorization", "Bearer "+s.cfg.Token)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	if s.id != "" {
		req.Header.Set("Mcp-Session-Id", s.id)
	}
	if s.id != "" || s.cfg.Stateless {
		req.Header.Set("Mcp-Protocol-Version", "2025-06-18")
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}
