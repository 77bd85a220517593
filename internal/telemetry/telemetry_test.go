package telemetry

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/audit"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	_ "github.com/clerk-mcp/clerk-mcp/internal/golden"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

const testKey = "sk_test_telemetry0000000000000000000000000"

// The caller's trace: the span the tools/call span must be a child of.
const (
	callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736"
	callerSpan  = "00f067aa0ba902b7"
	traceparent = "00-" + callerTrace + "-" + callerSpan + "-01"
)

// newFake answers every request 200 with a Clerk trace id.
func newFake(t *testing.T) *fakeclerk.Server {
	t.Helper()
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	fake.Respond(fakeclerk.Response{Status: 200, Header: map[string]string{clerkapi.TraceHeader: "clerk_trace_1"},
		Body: []byte(`{"object":"user","id":"user_1"}`)})
	return fake
}

// serve starts the tool server over streamable HTTP on 127.0.0.1, traced
// by tr when not nil.
func serve(t *testing.T, fake *fakeclerk.Server, tr *Tracing, stateless bool) string {
	t.Helper()
	ccfg := clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: testKey, MaxRetries: -1}
	cfg := tools.Config{Policy: tools.PolicyToken}
	if tr != nil {
		ccfg.Observer, cfg.Tracer = tr, tr
	}
	cfg.Client = clerkapi.New(ccfg)
	s, err := tools.NewServer(tools.ServerConfig{Config: cfg})
	require.NoError(t, err)
	srv := httptest.NewServer(server.NewStreamableHTTPServer(s, server.WithStateLess(stateless)))
	t.Cleanup(srv.Close)
	return srv.URL + "/mcp"
}

// callWithTrace calls tool with params._meta.traceparent at revision v.
func callWithTrace(t *testing.T, url, v, tool string, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	c, err := client.NewStreamableHttpClient(url)
	require.NoError(t, err)
	defer c.Close()
	require.NoError(t, c.Start(ctx))
	ireq := mcp.InitializeRequest{}
	ireq.Params.ProtocolVersion = v
	ireq.Params.ClientInfo = mcp.Implementation{Name: "trace-test", Version: "0"}
	_, err = c.Initialize(ctx, ireq)
	require.NoError(t, err)
	req := mcp.CallToolRequest{}
	req.Params.Name = tool
	req.Params.Arguments = args
	req.Params.Meta = &mcp.Meta{AdditionalFields: map[string]any{"traceparent": traceparent, "tracestate": "vendor=1"}}
	res, err := c.CallTool(ctx, req)
	require.NoError(t, err)
	return res
}

func attrs(s tracetest.SpanStub) map[attribute.Key]attribute.Value {
	m := map[attribute.Key]attribute.Value{}
	for _, a := range s.Attributes {
		m[a.Key] = a.Value
	}
	return m
}

// TestCallSpanContinuesMetaTraceparent: at every protocol revision, the
// tools/call span is a child of the caller's span named in
// params._meta.traceparent, carries tool, kind, outcome and caller, and
// has one child span per Clerk request with method, path template,
// status and Clerk's trace id.
func TestCallSpanContinuesMetaTraceparent(t *testing.T) {
	for _, v := range []string{mcp.ProtocolVersion20250618, mcp.LATEST_LEGACY_PROTOCOL_VERSION, mcp.ProtocolVersion20260728} {
		t.Run(v, func(t *testing.T) {
			exp := tracetest.NewInMemoryExporter()
			tr, err := New(context.Background(), "test", sdktrace.WithSyncer(exp))
			require.NoError(t, err)
			t.Cleanup(func() { _ = tr.Shutdown(context.Background()) })
			fake := newFake(t)
			url := serve(t, fake, tr, v == mcp.ProtocolVersion20260728)

			res := callWithTrace(t, url, v, "get_user", map[string]any{"user_id": "user_1"})
			require.False(t, res.IsError)
			spans := exp.GetSpans()
			var call, clerk *tracetest.SpanStub
			for i := range spans {
				switch spans[i].Name {
				case "tools/call get_user":
					call = &spans[i]
				case "GET /users/{user_id}":
					clerk = &spans[i]
				}
			}
			require.NotNil(t, call, "no tools/call span among %d", len(spans))
			require.NotNil(t, clerk, "no Clerk request span")
			assert.Equal(t, callerTrace, call.SpanContext.TraceID().String())
			assert.Equal(t, callerSpan, call.Parent.SpanID().String(), "the call span's parent")
			assert.True(t, call.Parent.IsRemote())
			assert.Equal(t, "vendor=1", call.SpanContext.TraceState().String())
			assert.Equal(t, trace.SpanKindServer, call.SpanKind)
			a := attrs(*call)
			assert.Equal(t, "get_user", a["mcp.tool.name"].AsString())
			assert.Equal(t, "read", a["clerk_mcp.kind"].AsString())
			assert.Equal(t, "ok", a["clerk_mcp.outcome"].AsString())
			assert.Equal(t, "anonymous", a["clerk_mcp.caller"].AsString())

			assert.Equal(t, call.SpanContext.SpanID(), clerk.Parent.SpanID(), "the Clerk span's parent")
			assert.Equal(t, callerTrace, clerk.SpanContext.TraceID().String())
			assert.Equal(t, trace.SpanKindClient, clerk.SpanKind)
			c := attrs(*clerk)
			assert.Equal(t, "GET", c["http.request.method"].AsString())
			assert.Equal(t, "/users/{user_id}", c["url.template"].AsString())
			assert.Equal(t, int64(200), c["http.response.status_code"].AsInt64())
			assert.Equal(t, "clerk_trace_1", c["clerk.trace_id"].AsString())
		})
	}
}

// TestClerkSpanRecordsErrorsAndRetries: a 429 retried, then a 404: the
// span says the final status, the retry count and an error status; the
// call's span says the outcome clerk_error.
func TestClerkSpanRecordsErrorsAndRetries(t *testing.T) {
	exp := tracetest.NewInMemoryExporter()
	tr, err := New(context.Background(), "test", sdktrace.WithSyncer(exp))
	require.NoError(t, err)
	fake := fakeclerk.New()
	t.Cleanup(fake.Close)
	fake.Respond(
		fakeclerk.Response{Status: 429, Header: map[string]string{"Retry-After": "0"}, Body: []byte(`{}`)},
		fakeclerk.Response{Status: 404, Header: map[string]string{clerkapi.TraceHeader: "clerk_trace_404"}, Body: []byte(`{"errors":[{"code":"resource_not_found","message":"not found"}]}`)},
	)
	h := tools.NewHandler(tools.Config{Client: clerkapi.New(clerkapi.Config{BaseURL: fake.URL + "/v1", SecretKey: testKey, MaxRetries: 2, Observer: tr}), Tracer: tr})
	op, _ := clerkapi.Lookup("get_user")
	res := h.Call(context.Background(), op, json.RawMessage(`{"user_id":"user_1"}`))
	require.True(t, res.IsError)
	var clerk, call tracetest.SpanStub
	for _, s := range exp.GetSpans() {
		switch s.Name {
		case "GET /users/{user_id}":
			clerk = s
		case "tools/call get_user":
			call = s
		}
	}
	c := attrs(clerk)
	assert.Equal(t, int64(404), c["http.response.status_code"].AsInt64())
	assert.Equal(t, int64(1), c["http.request.resend_count"].AsInt64())
	assert.Equal(t, "clerk_trace_404", c["clerk.trace_id"].AsString())
	assert.Equal(t, "Error", clerk.Status.Code.String())
	assert.Equal(t, "clerk_error", attrs(call)["clerk_mcp.outcome"].AsString())
	assert.Equal(t, "Error", call.Status.Code.String())
}

// TestNoSpansWhenOff: without the OTEL_* variables tracing is off, and a
// server without a tracer records no span, even with a global provider set
// and a traceparent sent.
func TestNoSpansWhenOff(t *testing.T) {
	for _, env := range []map[string]string{{}, {"OTEL_TRACES_EXPORTER": "none", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318"}} {
		on, err := Wanted(func(k string) string { return env[k] })
		require.NoError(t, err)
		assert.False(t, on, "%v", env)
	}
	for _, env := range []map[string]string{{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318"}, {"OTEL_TRACES_EXPORTER": "otlp"}, {"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://127.0.0.1:4318/v1/traces"}} {
		on, err := Wanted(func(k string) string { return env[k] })
		require.NoError(t, err)
		assert.True(t, on, "%v", env)
	}
	for _, env := range []map[string]string{{"OTEL_TRACES_EXPORTER": "console"}, {"OTEL_TRACES_EXPORTER": "otlp", "OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"}} {
		_, err := Wanted(func(k string) string { return env[k] })
		assert.Error(t, err, "%v is not refused", env)
	}

	exp := tracetest.NewInMemoryExporter()
	prev := otel.GetTracerProvider()
	otel.SetTracerProvider(sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp)))
	t.Cleanup(func() { otel.SetTracerProvider(prev) })
	url := serve(t, newFake(t), nil, false)
	res := callWithTrace(t, url, mcp.ProtocolVersion20250618, "get_user", map[string]any{"user_id": "user_1"})
	require.False(t, res.IsError)
	assert.Empty(t, exp.GetSpans())
}

// TestOTLPExport: with OTEL_EXPORTER_OTLP_ENDPOINT and headers set, spans
// reach the receiver (on 127.0.0.1) as OTLP JSON at /v1/traces, ids in hex,
// the parent kept, the headers sent.
func TestOTLPExport(t *testing.T) {
	var (
		mu   sync.Mutex
		got  []byte
		hdr  http.Header
		path string
	)
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got, hdr, path = b, r.Header.Clone(), r.URL.Path
		mu.Unlock()
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(recv.Close)
	env := map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": recv.URL, "OTEL_EXPORTER_OTLP_HEADERS": "x-api-key=s%20ecret,x-team=core", "OTEL_SERVICE_NAME": "clerk-mcp-test"}
	for k, v := range env {
		t.Setenv(k, v)
	}
	tr, err := Start(context.Background(), "1.2.3", func(k string) string { return env[k] })
	require.NoError(t, err)
	op, _ := clerkapi.Lookup("delete_user")
	ctx := tr.ExtractMeta(context.Background(), &mcp.Meta{AdditionalFields: map[string]any{"traceparent": traceparent}})
	ctx, end := tr.StartCall(ctx, op)
	_, endReq := tr.StartRequest(ctx, op)
	endReq(clerkapi.Exchange{Status: 200, TraceID: "clerk_trace_2"})
	end(&auditRecord)
	require.NoError(t, tr.Shutdown(context.Background()))

	mu.Lock()
	defer mu.Unlock()
	require.NotEmpty(t, got, "nothing exported")
	assert.Equal(t, "/v1/traces", path)
	assert.Equal(t, "application/json", hdr.Get("Content-Type"))
	assert.Equal(t, "s ecret", hdr.Get("X-Api-Key"))
	assert.Equal(t, "core", hdr.Get("X-Team"))
	var body otlpRequest
	require.NoError(t, json.Unmarshal(got, &body), string(got))
	require.Len(t, body.ResourceSpans, 1)
	assert.Contains(t, string(got), `{"key":"service.name","value":{"stringValue":"clerk-mcp-test"}}`)
	assert.Contains(t, string(got), `{"key":"service.version","value":{"stringValue":"1.2.3"}}`)
	spans := body.ResourceSpans[0].ScopeSpans[0].Spans
	require.Len(t, spans, 2)
	byName := map[string]otlpSpan{}
	for _, s := range spans {
		byName[s.Name] = s
		assert.Equal(t, callerTrace, s.TraceID)
	}
	call, req := byName["tools/call delete_user"], byName["DELETE /users/{user_id}"]
	assert.Equal(t, callerSpan, call.ParentSpanID)
	assert.Equal(t, 2, call.Kind)
	assert.Equal(t, call.SpanID, req.ParentSpanID)
	assert.Equal(t, 3, req.Kind)
	assert.Contains(t, string(got), `{"key":"http.response.status_code","value":{"intValue":"200"}}`)
	assert.True(t, strings.HasPrefix(call.StartTimeUnixNano, "1"))
}

var auditRecord = audit.Record{Tool: "delete_user", Kind: "destructive", Outcome: "ok", Caller: "stdio"}

// BenchmarkTracedCall: the cost of the call span and the Clerk span (SDK,
// sampled, in-memory batch), against the same call untraced.
func BenchmarkTracedCall(b *testing.B) {
	for _, on := range []bool{false, true} {
		b.Run(map[bool]string{false: "off", true: "on"}[on], func(b *testing.B) {
			ccfg := clerkapi.Config{BaseURL: "https://api.clerk.com/v1", SecretKey: testKey, HTTPClient: &http.Client{Transport: stub{}}}
			cfg := tools.Config{}
			if on {
				tr, err := New(context.Background(), "bench", sdktrace.WithBatcher(tracetest.NewNoopExporter()))
				require.NoError(b, err)
				defer func() { _ = tr.Shutdown(context.Background()) }()
				ccfg.Observer, cfg.Tracer = tr, tr
			}
			cfg.Client = clerkapi.New(ccfg)
			h := tools.NewHandler(cfg)
			get, _ := clerkapi.Lookup("get_user")
			args := json.RawMessage(`{"user_id":"user_1"}`)
			b.ReportAllocs()
			for b.Loop() {
				h.Call(context.Background(), get, args)
			}
		})
	}
}

type stub struct{}

func (stub) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}, clerkapi.TraceHeader: {"t1"}},
		Body: io.NopCloser(strings.NewReader(`{"object":"user","id":"user_1"}`)), Request: r}, nil
}
