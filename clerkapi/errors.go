package clerkapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"
)

// APIError is an error answer from Clerk.
type APIError struct {
	Status  int           `json:"status"`
	Errors  []ErrorDetail `json:"errors,omitempty"`
	TraceID string        `json:"clerk_trace_id,omitempty"`
	// Body holds the start of a body that is not in Clerk's error shape.
	Body string `json:"body,omitempty"`
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
		for i := range e.Errors {
			d := &e.Errors[i]
			d.Code, d.Message, d.LongMessage = scrub(d.Code), scrub(d.Message), scrub(d.LongMessage)
			d.Meta = json.RawMessage(scrub(string(d.Meta)))
		}
	} else {
		const max = 300
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
		e.TraceID = h.Get("Clerk-Trace-Id")
	}
	e.TraceID = scrub(e.TraceID)
	return e
}
