package telemetry

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// otlpExporter sends spans to an OTLP/HTTP receiver in OTLP's JSON
// encoding (POST {endpoint}, Content-Type application/json), which every
// OTLP/HTTP receiver accepts beside protobuf. It stands in for
// otlptracehttp, which links all of gRPC (opentelemetry-go#2579: +11 MB on
// this binary, and gRPC's init work at every start-up).
type otlpExporter struct {
	endpoint string
	headers  http.Header
	client   *http.Client
}

// newOTLPExporter reads the standard variables: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
// (used as is) or OTEL_EXPORTER_OTLP_ENDPOINT (plus /v1/traces), default
// http://localhost:4318; OTEL_EXPORTER_OTLP_(TRACES_)HEADERS (k=v,k=v,
// URL-encoded); OTEL_EXPORTER_OTLP_(TRACES_)TIMEOUT in milliseconds
// (default 10 s).
func newOTLPExporter(getenv func(string) string) (*otlpExporter, error) {
	endpoint := getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
	if endpoint == "" {
		base := getenv("OTEL_EXPORTER_OTLP_ENDPOINT")
		if base == "" {
			base = "http://localhost:4318"
		}
		endpoint = strings.TrimRight(base, "/") + "/v1/traces"
	}
	u, err := url.Parse(endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("the OTLP traces endpoint %q is not an http(s) URL", endpoint)
	}
	headers := http.Header{}
	for _, name := range []string{"OTEL_EXPORTER_OTLP_HEADERS", "OTEL_EXPORTER_OTLP_TRACES_HEADERS"} {
		for _, kv := range strings.Split(getenv(name), ",") {
			if strings.TrimSpace(kv) == "" {
				continue
			}
			k, v, ok := strings.Cut(kv, "=")
			k, kerr := url.PathUnescape(strings.TrimSpace(k))
			v, verr := url.PathUnescape(strings.TrimSpace(v))
			if !ok || k == "" || kerr != nil || verr != nil {
				return nil, fmt.Errorf("%s: each header is key=value (URL-encoded)", name)
			}
			headers.Set(k, v)
		}
	}
	timeout := 10 * time.Second
	for _, name := range []string{"OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "OTEL_EXPORTER_OTLP_TIMEOUT"} {
		if v := getenv(name); v != "" {
			ms, err := strconv.Atoi(v)
			if err != nil || ms <= 0 {
				return nil, fmt.Errorf("%s=%q: a timeout in milliseconds", name, v)
			}
			timeout = time.Duration(ms) * time.Millisecond
			break
		}
	}
	return &otlpExporter{endpoint: u.String(), headers: headers, client: &http.Client{Timeout: timeout}}, nil
}

// ExportSpans sends one batch.
func (e *otlpExporter) ExportSpans(ctx context.Context, spans []sdktrace.ReadOnlySpan) error {
	if len(spans) == 0 {
		return nil
	}
	body, err := json.Marshal(encodeSpans(spans))
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	for k, v := range e.headers {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := e.client.Do(req)
	if err != nil {
		return fmt.Errorf("OTLP export: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("OTLP export: the receiver answered HTTP %d", resp.StatusCode)
	}
	return nil
}

// Shutdown has nothing to release.
func (e *otlpExporter) Shutdown(context.Context) error { return nil }

// The OTLP JSON encoding (opentelemetry-proto's JSON mapping: ids in hex,
// 64-bit integers as strings, enums as numbers).
type (
	otlpRequest struct {
		ResourceSpans []otlpResourceSpans `json:"resourceSpans"`
	}
	otlpResourceSpans struct {
		Resource   otlpResource     `json:"resource"`
		ScopeSpans []otlpScopeSpans `json:"scopeSpans"`
	}
	otlpResource struct {
		Attributes []otlpKeyValue `json:"attributes,omitempty"`
	}
	otlpScopeSpans struct {
		Scope otlpScope  `json:"scope"`
		Spans []otlpSpan `json:"spans"`
	}
	otlpScope struct {
		Name    string `json:"name"`
		Version string `json:"version,omitempty"`
	}
	otlpSpan struct {
		TraceID           string         `json:"traceId"`
		SpanID            string         `json:"spanId"`
		TraceState        string         `json:"traceState,omitempty"`
		ParentSpanID      string         `json:"parentSpanId,omitempty"`
		Name              string         `json:"name"`
		Kind              int            `json:"kind"`
		StartTimeUnixNano string         `json:"startTimeUnixNano"`
		EndTimeUnixNano   string         `json:"endTimeUnixNano"`
		Attributes        []otlpKeyValue `json:"attributes,omitempty"`
		Status            otlpStatus     `json:"status"`
	}
	otlpStatus struct {
		Code    int    `json:"code,omitempty"`
		Message string `json:"message,omitempty"`
	}
	otlpKeyValue struct {
		Key   string         `json:"key"`
		Value map[string]any `json:"value"`
	}
)

func encodeSpans(spans []sdktrace.ReadOnlySpan) otlpRequest {
	var out otlpRequest
	byResource := map[string]int{}
	for _, s := range spans {
		res := s.Resource()
		key := res.Encoded(attribute.DefaultEncoder())
		i, ok := byResource[key]
		if !ok {
			i = len(out.ResourceSpans)
			byResource[key] = i
			out.ResourceSpans = append(out.ResourceSpans, otlpResourceSpans{Resource: otlpResource{Attributes: encodeAttrs(res.Attributes())}})
		}
		rs := &out.ResourceSpans[i]
		scope := s.InstrumentationScope()
		j := 0
		for ; j < len(rs.ScopeSpans) && rs.ScopeSpans[j].Scope.Name != scope.Name; j++ {
		}
		if j == len(rs.ScopeSpans) {
			rs.ScopeSpans = append(rs.ScopeSpans, otlpScopeSpans{Scope: otlpScope{Name: scope.Name, Version: scope.Version}})
		}
		sc := s.SpanContext()
		span := otlpSpan{
			TraceID:           hexID(sc.TraceID()),
			SpanID:            hexSpan(sc.SpanID()),
			TraceState:        sc.TraceState().String(),
			Name:              s.Name(),
			Kind:              otlpKind(s.SpanKind()),
			StartTimeUnixNano: strconv.FormatInt(s.StartTime().UnixNano(), 10),
			EndTimeUnixNano:   strconv.FormatInt(s.EndTime().UnixNano(), 10),
			Attributes:        encodeAttrs(s.Attributes()),
		}
		if p := s.Parent(); p.IsValid() {
			span.ParentSpanID = hexSpan(p.SpanID())
		}
		switch st := s.Status(); st.Code {
		case codes.Ok:
			span.Status.Code = 1
		case codes.Error:
			span.Status = otlpStatus{Code: 2, Message: st.Description}
		}
		rs.ScopeSpans[j].Spans = append(rs.ScopeSpans[j].Spans, span)
	}
	return out
}

func hexID(id trace.TraceID) string  { return hex.EncodeToString(id[:]) }
func hexSpan(id trace.SpanID) string { return hex.EncodeToString(id[:]) }

// otlpKind maps span kinds to OTLP's SpanKind numbers.
func otlpKind(k trace.SpanKind) int {
	switch k {
	case trace.SpanKindInternal:
		return 1
	case trace.SpanKindServer:
		return 2
	case trace.SpanKindClient:
		return 3
	case trace.SpanKindProducer:
		return 4
	case trace.SpanKindConsumer:
		return 5
	}
	return 0
}

func encodeAttrs(attrs []attribute.KeyValue) []otlpKeyValue {
	out := make([]otlpKeyValue, 0, len(attrs))
	for _, a := range attrs {
		var v map[string]any
		switch a.Value.Type() {
		case attribute.BOOL:
			v = map[string]any{"boolValue": a.Value.AsBool()}
		case attribute.INT64:
			v = map[string]any{"intValue": strconv.FormatInt(a.Value.AsInt64(), 10)}
		case attribute.FLOAT64:
			v = map[string]any{"doubleValue": a.Value.AsFloat64()}
		default:
			v = map[string]any{"stringValue": a.Value.String()}
		}
		out = append(out, otlpKeyValue{Key: string(a.Key), Value: v})
	}
	return out
}
