package clerkapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultBaseURL is the Clerk Backend API.
const DefaultBaseURL = "https://api.clerk.com/v1"

// Config configures a Client. Zero values take the defaults.
type Config struct {
	BaseURL          string        // default DefaultBaseURL
	SecretKey        string        // the instance secret key, sk_test_… or sk_live_…
	MachineSecretKey string        // default key of MachineAuth operations (create_m2m_token)
	UserAgent        string        // default "clerk-mcp"
	Timeout          time.Duration // bounds a whole call, retries included (default 30 s)
	MaxRetries       int           // retries after the first attempt (default 3; negative: none)
	MaxResponseBytes int64         // default 16 MiB
	HTTPClient       *http.Client  // default: a tuned keep-alive client
	Uploads          Uploads       // where upload operations may read images from
	// RateLimit caps requests per second per secret key (0: no cap;
	// RateLimitByKey: 9/s for test keys, 90/s for live ones), with bursts of
	// up to RateBurst (default: one second's worth).
	RateLimit float64
	RateBurst int
	// Observer, when set, watches every request sent (tracing); nil costs
	// nothing.
	Observer Observer
	// SharedLimiter, when set, holds the rate limit across replicas; the
	// local limiter stands in while it fails.
	SharedLimiter SharedLimiter
}

// Client calls the Backend API. It is safe for concurrent use.
type Client struct {
	baseURL   string
	key       string
	machine   string
	userAgent string
	timeout   time.Duration
	retries   int
	maxBody   int64
	http      *http.Client
	uploads   *Uploads
	limits    *limiters
	observer  Observer
	// sleep waits between attempts; tests replace it.
	sleep func(context.Context, time.Duration) error
}

// New returns a Client for cfg.
func New(cfg Config) *Client {
	c := &Client{
		baseURL:   strings.TrimRight(cfg.BaseURL, "/"),
		key:       cfg.SecretKey,
		machine:   cfg.MachineSecretKey,
		userAgent: cfg.UserAgent,
		timeout:   cfg.Timeout,
		retries:   cfg.MaxRetries,
		maxBody:   cfg.MaxResponseBytes,
		http:      cfg.HTTPClient,
		uploads:   &cfg.Uploads,
		limits:    newLimiters(cfg.RateLimit, cfg.RateBurst),
		observer:  cfg.Observer,
		sleep:     sleepCtx,
	}
	if c.limits != nil {
		c.limits.shared = cfg.SharedLimiter
	}
	if c.baseURL == "" {
		c.baseURL = DefaultBaseURL
	}
	if c.userAgent == "" {
		c.userAgent = "clerk-mcp"
	}
	if c.timeout == 0 {
		c.timeout = 30 * time.Second
	}
	if c.retries == 0 {
		c.retries = 3
	} else if c.retries < 0 {
		c.retries = 0
	}
	if c.maxBody == 0 {
		c.maxBody = 16 << 20
	}
	if c.http == nil {
		c.http = &http.Client{Transport: NewTransport()}
	}
	// The Clerk API never redirects: a redirect would carry the key (and a
	// replayed body) to wherever it points. So no client, ours or the
	// caller's, follows one; do reports the 3xx as an error.
	hc := *c.http
	hc.CheckRedirect = refuseRedirect
	c.http = &hc
	c.uploads.fetcher = sync.OnceValue(c.uploads.httpClient)
	return c
}

func refuseRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// NewTransport returns an http.Transport tuned for many calls to one host:
// kept-alive connections, reused across calls.
func NewTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 256
	t.MaxIdleConnsPerHost = 256
	t.IdleConnTimeout = 90 * time.Second
	return t
}

// WithKey returns a client that calls with another instance secret key and
// shares everything else (connections, rate limits per key, settings). It
// serves hosted deployments where each caller brings their own key.
func (c *Client) WithKey(key string) *Client {
	cp := *c
	cp.key = key
	return &cp
}

// BaseURL returns the API base URL the client calls.
func (c *Client) BaseURL() string { return c.baseURL }

// Response is a successful answer from Clerk.
type Response struct {
	Status int
	Header http.Header
	Body   []byte // empty for 202/204
	// TraceID is Clerk's trace id (TraceHeader), secrets scrubbed.
	TraceID string
}

// Call sends one operation with a typed request struct (or nil).
func (c *Client) Call(ctx context.Context, op *Operation, req any) (*Response, error) {
	args := Args{}
	if req != nil {
		b, err := json.Marshal(req)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(b, &args); err != nil {
			return nil, err
		}
	}
	return c.Do(ctx, op, args)
}

// Do sends one operation with its arguments: the one request path every
// operation takes. It retries 429 answers (any method, honouring Retry-After)
// and 5xx answers or connection errors (idempotent methods only), with
// jittered exponential backoff, within the client's timeout and ctx.
func (c *Client) Do(ctx context.Context, op *Operation, args Args) (*Response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	resp, err := c.do(ctx, op, args)
	if err != nil || op.TotalFrom == "" {
		return resp, err
	}
	return c.addTotal(ctx, op, args, resp)
}

// addTotal turns a bare-array page into {data, total_count}, asking the
// operation's count endpoint (same filters) for the total.
func (c *Client) addTotal(ctx context.Context, op *Operation, args Args, page *Response) (*Response, error) {
	body := bytes.TrimSpace(page.Body)
	if len(body) == 0 || body[0] != '[' {
		return page, nil
	}
	countOp, ok := Lookup(op.TotalFrom)
	if !ok {
		return nil, fmt.Errorf("clerkapi: %s counts with unknown operation %s", op.Name, op.TotalFrom)
	}
	plan := countOp.Plan()
	filters := Args{}
	for k, v := range args {
		if _, ok := plan.Param(k); ok {
			filters[k] = v
		}
	}
	cr, err := c.do(ctx, countOp, filters)
	if err != nil {
		return nil, err
	}
	var total struct {
		TotalCount *int64 `json:"total_count"`
	}
	if err := json.Unmarshal(cr.Body, &total); err != nil || total.TotalCount == nil {
		return nil, fmt.Errorf("clerkapi: %s answered without total_count", countOp.Name)
	}
	var buf bytes.Buffer
	buf.Grow(len(body) + 40)
	buf.WriteString(`{"data":`)
	buf.Write(body)
	buf.WriteString(`,"total_count":`)
	buf.WriteString(strconv.FormatInt(*total.TotalCount, 10))
	buf.WriteByte('}')
	page.Body = buf.Bytes()
	return page, nil
}

// Observer watches the requests a Client sends, for tracing: StartRequest
// is called before a request's first attempt and returns the context it is
// sent under and a function called once with how it ended.
type Observer interface {
	StartRequest(ctx context.Context, op *Operation) (context.Context, func(Exchange))
}

// Exchange is how one request to Clerk ended, its retries included.
type Exchange struct {
	Status  int    // HTTP status of the last answer; 0 when none came
	TraceID string // Clerk's trace id (TraceHeader) of the last answer
	Retries int    // attempts after the first
	Err     error  // the request's error, nil on success
}

// TraceHeader is the response header that carries Clerk's trace id.
const TraceHeader = "Clerk-Trace-Id"

func (c *Client) do(ctx context.Context, op *Operation, args Args) (*Response, error) {
	if c.observer == nil {
		return c.attempts(ctx, op, args, nil)
	}
	ctx, end := c.observer.StartRequest(ctx, op)
	var x Exchange
	resp, err := c.attempts(ctx, op, args, &x)
	x.Err = err
	var apiErr *APIError
	switch {
	case resp != nil:
		x.Status, x.TraceID = resp.Status, resp.TraceID
	case errors.As(err, &apiErr):
		x.Status, x.TraceID = apiErr.Status, apiErr.TraceID
	}
	end(x)
	return resp, err
}

// attempts sends one request, retrying as Do says; x, when not nil, notes
// each answer.
func (c *Client) attempts(ctx context.Context, op *Operation, args Args, x *Exchange) (*Response, error) {
	b, err := c.build(ctx, op, args)
	if err != nil {
		return nil, err
	}
	idempotent := op.Retryable()
	scrub := c.scrubber(b)
	for attempt := 0; ; attempt++ {
		resp, err := c.send(ctx, op, b)
		if x != nil {
			x.Retries = attempt
		}
		var wait time.Duration
		switch {
		case err != nil:
			if ctx.Err() != nil {
				return nil, c.ctxError(ctx)
			}
			var tooLarge *TooLargeError
			if errors.As(err, &tooLarge) {
				return nil, tooLarge // the same answer would come back: no retry
			}
			if err == errRateWait {
				return nil, &TransportError{Err: fmt.Errorf("the client-side rate limit leaves no slot within %s; nothing was sent (raise --rate-limit or --timeout)", c.timeout), Timeout: true}
			}
			if !idempotent || attempt >= c.retries {
				return nil, &TransportError{Err: errors.New(scrub(err.Error()))}
			}
			wait = backoff(attempt)
		case resp.Status == http.StatusTooManyRequests && attempt < c.retries:
			wait = retryAfter(resp.Header, backoff(attempt))
		case resp.Status >= 500 && idempotent && attempt < c.retries:
			wait = backoff(attempt)
		case resp.Status >= 400:
			return nil, newAPIError(resp.Status, resp.Header, resp.Body, scrub)
		case resp.Status >= 300:
			return nil, &APIError{Status: resp.Status, Body: "the Clerk API does not redirect; the redirect was not followed and nothing was sent to its target (check --api-url)"}
		default:
			if id := resp.Header.Get(TraceHeader); id != "" {
				resp.TraceID = scrub(id)
			}
			return resp, nil
		}
		if dl, ok := ctx.Deadline(); (ok && time.Until(dl) < wait) || wait > maxRetryAfter {
			if resp == nil {
				return nil, &TransportError{Err: errors.New(scrub(err.Error()))}
			}
			e := newAPIError(resp.Status, resp.Header, resp.Body, scrub)
			if resp.Status == http.StatusTooManyRequests {
				e.RetryAfter = wait // fail fast: no sleep that cannot end in a retry
			}
			return nil, e
		}
		if err := c.sleep(ctx, wait); err != nil {
			return nil, c.ctxError(ctx)
		}
	}
}

func (c *Client) send(ctx context.Context, op *Operation, b *built) (*Response, error) {
	key := c.key
	if b.bearer != "" {
		key = b.bearer
	}
	if err := c.limits.wait(ctx, key); err != nil {
		return nil, errRateWait
	}
	var body io.Reader
	if b.body != nil {
		body = bytes.NewReader(b.body)
	}
	req, err := http.NewRequestWithContext(ctx, b.method, b.url, body)
	if err != nil {
		return nil, err
	}
	switch {
	case b.bearer != "":
		req.Header.Set("Authorization", "Bearer "+b.bearer)
	case !op.NoAuth:
		req.Header.Set("Authorization", "Bearer "+c.key)
	}
	req.Header.Set("Clerk-API-Version", APIVersion)
	req.Header.Set("User-Agent", c.userAgent)
	if op.HTML {
		req.Header.Set("Accept", "text/html")
	} else {
		req.Header.Set("Accept", "application/json")
	}
	if b.contentType != "" {
		req.Header.Set("Content-Type", b.contentType)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBody+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > c.maxBody {
		return nil, &TooLargeError{Limit: c.maxBody}
	}
	return &Response{Status: resp.StatusCode, Header: resp.Header, Body: data}, nil
}

func (c *Client) ctxError(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &TransportError{Err: fmt.Errorf("no answer from Clerk within %s", c.timeout), Timeout: true}
	}
	return ctx.Err()
}

// scrub removes the secret keys from text that is about to leave the
// client: any 12 of their characters, in any letter case (see redact).
func (c *Client) scrub(s string) string { return redact(s, c.key, c.machine) }

// scrubber returns the scrub of one request: the configured keys, and the
// machine secret key the call brought as an argument, if any.
func (c *Client) scrubber(b *built) func(string) string {
	if b.bearer == "" || b.bearer == c.key || b.bearer == c.machine {
		return c.scrub
	}
	return func(s string) string { return redact(s, c.key, c.machine, b.bearer) }
}

// errRateWait: the rate limiter has no slot before the call's deadline.
var errRateWait = errors.New("rate limit wait exceeds the deadline")

// TransportError is a failure to get any answer from Clerk.
type TransportError struct {
	Err     error
	Timeout bool
}

func (e *TransportError) Error() string { return "clerk: " + e.Err.Error() }
func (e *TransportError) Unwrap() error { return e.Err }

// TooLargeError is an answer larger than the client accepts.
type TooLargeError struct{ Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("clerk: response larger than %d bytes", e.Limit)
}

// backoff is full-jitter exponential: up to 250 ms, 500 ms, 1 s, … capped at 8 s.
func backoff(attempt int) time.Duration {
	ceil := 250 * time.Millisecond << min(attempt, 5)
	return time.Duration(rand.Int64N(int64(ceil))) + 10*time.Millisecond
}

// maxRetryAfter caps one wait asked for by Retry-After: a longer wait ends
// the call with Clerk's 429 instead.
const maxRetryAfter = 60 * time.Second

// retryAfter reads Retry-After in seconds or as an HTTP date. The result is
// never negative and saturates instead of overflowing: a huge value means a
// huge wait, never none. An unreadable or negative value gives fallback.
func retryAfter(h http.Header, fallback time.Duration) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return fallback
	}
	if strings.Trim(v, "0123456789") == "" {
		s, err := strconv.ParseInt(v, 10, 64)
		if err != nil || s > math.MaxInt64/int64(time.Second) {
			return math.MaxInt64 // out of range: more digits than int64 holds
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0) // Sub saturates for far dates
	}
	return fallback
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
