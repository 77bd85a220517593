package clerkapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// APIError is an error answer from Clerk.
type APIError struct {
	Status  int           `json:"status"`
	Errors  []ErrorDetail `json:"errors,omitempty"`
	TraceID string        `json:"clerk_trace_id,omitempty"`
	// Body holds the start of a body that is not in Clerk's error shape.
	Body string `json:"body,omitempty"`
	// RetryAfter is set on a 429 whose Retry-After the call could not wait
	// for (beyond its deadline or maxRetryAfter): nothing more was sent.
	RetryAfter time.Duration `json:"-"`
}

// ErrorDetail is one entry of Clerk's errors[] list.
type ErrorDetail struct {
	Code        string          `json:"code"`
	Message     string          `json:"message"`
	LongMessage string          `json:"long_message,omitempty"`
	Meta        json.RawMessage `json:"meta,omitempty"`
}

func (e *APIError) Error() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "clerk: HTTP %d %s", e.Status, http.StatusText(e.Status))
	for _, d := range e.Errors {
		sb.WriteString("; ")
		if d.Code != "" {
			sb.WriteString(d.Code + ": ")
		}
		sb.WriteString(d.Message)
		if d.LongMessage != "" && d.LongMessage != d.Message {
			sb.WriteString(" (" + d.LongMessage + ")")
		}
		var meta bytes.Buffer
		if json.Compact(&meta, d.Meta) == nil && meta.Len() > 0 && meta.String() != "{}" && meta.String() != "null" {
			sb.WriteString(" meta=" + meta.String())
		}
	}
	if len(e.Errors) == 0 && e.Body != "" {
		sb.WriteString(": " + e.Body)
	}
	if e.TraceID != "" {
		sb.WriteString(" [trace " + e.TraceID + "]")
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&sb, "; Clerk asked to retry after %d s, beyond the call's time limit (one wait is at most %d s); nothing more was sent",
			int64(math.Ceil(e.RetryAfter.Seconds())), int64(maxRetryAfter/time.Second))
	}
	return sb.String()
}

// Code returns the first Clerk error code, or "".
func (e *APIError) Code() string {
	if len(e.Errors) == 0 {
		return ""
	}
	return e.Errors[0].Code
}

// newAPIError reads Clerk's error body. scrub removes the secret key from any
// text that came back, in case an upstream ever echoes it.
func newAPIError(status int, h http.Header, body []byte, scrub func(string) string) *APIError {
	e := &APIError{Status: status}
	var parsed struct {
		Errors  []ErrorDetail `json:"errors"`
		TraceID string        `json:"clerk_trace_id"`
	}
	if json.Unmarshal(body, &parsed) == nil && len(parsed.Errors) > 0 {
		e.Errors = parsed.Errors
		e.TraceID = parsed.TraceID
		// The strings are decoded, so a \u-escaped key is seen as the key.
		for i := range e.Errors {
			d := &e.Errors[i]
			d.Code, d.Message, d.LongMessage = scrub(d.Code), scrub(d.Message), scrub(d.LongMessage)
			if len(d.Meta) > 0 {
				d.Meta, _ = scrubJSON(d.Meta, scrub) // valid: it was just parsed
			}
		}
	} else {
		const max = 300
		// JSON in another shape is decoded before matching, like meta.
		if j, ok := scrubJSON(body, scrub); ok {
			body = j
		}
		// Scrub before cutting, so no fragment of the key survives the cut.
		b := scrub(strings.TrimSpace(string(body)))
		if len(b) > max {
			cut := max
			for cut > 0 && !utf8.RuneStart(b[cut]) {
				cut--
			}
			b = b[:cut] + "…"
		}
		e.Body = b
	}
	if e.TraceID == "" {
		e.TraceID = h.Get(TraceHeader)
	}
	e.TraceID = scrub(e.TraceID)
	return e
}
