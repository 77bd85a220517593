// Package telemetry traces tool calls with OpenTelemetry: a span per
// tools/call, continuing the caller's W3C trace context from the request's
// params._meta (traceparent, tracestate), and a child span per request to
// Clerk. It is off unless the standard OTEL_* variables ask for it; off,
// nothing of it is initialised and the server pays nothing per call.
package telemetry

import (
	"context"
	"fmt"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/audit"
)

// Wanted reads the environment (getenv) the way OpenTelemetry SDKs do:
// tracing is on when OTEL_TRACES_EXPORTER is set and not "none", or when an
// OTLP endpoint is set. Only the otlp exporter over HTTP is built in (it
// sends OTLP's JSON encoding); asking for gRPC or another exporter is an
// error, so it is not silently ignored.
func Wanted(getenv func(string) string) (bool, error) {
	exporter := strings.TrimSpace(getenv("OTEL_TRACES_EXPORTER"))
	switch exporter {
	case "none":
		return false, nil
	case "", "otlp":
	default:
		return false, fmt.Errorf("OTEL_TRACES_EXPORTER=%q: this server exports traces with otlp only (or none)", exporter)
	}
	if exporter == "" && getenv("OTEL_EXPORTER_OTLP_ENDPOINT") == "" && getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") == "" {
		return false, nil
	}
	for _, name := range []string{"OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"} {
		if p := strings.TrimSpace(getenv(name)); p != "" {
			if p != "http/protobuf" && p != "http/json" {
				return false, fmt.Errorf("%s=%q: this server exports OTLP over HTTP only (http/json or http/protobuf; it sends JSON)", name, p)
			}
			break
		}
	}
	return true, nil
}

// Tracing is the tracer of one server.
type Tracing struct {
	tp     *sdktrace.TracerProvider
	tracer trace.Tracer
}

// Start sets up tracing with the OTLP/HTTP exporter, configured by the
// standard OTEL_EXPORTER_OTLP_* variables (getenv), and batched export.
func Start(ctx context.Context, version string, getenv func(string) string) (*Tracing, error) {
	exp, err := newOTLPExporter(getenv)
	if err != nil {
		return nil, fmt.Errorf("cannot set up the OTLP trace exporter: %w", err)
	}
	return New(ctx, version, sdktrace.WithBatcher(exp))
}

// New sets up tracing with the given provider options (an exporter); tests
// pass an in-memory one. The resource is service.name clerk-mcp and
// service.version, which OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES
// override.
func New(ctx context.Context, version string, opts ...sdktrace.TracerProviderOption) (*Tracing, error) {
	res, err := resource.New(ctx,
		resource.WithAttributes(attribute.String("service.name", "clerk-mcp"), attribute.String("service.version", version)),
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
	)
	if err != nil {
		return nil, fmt.Errorf("cannot build the trace resource: %w", err)
	}
	tp := sdktrace.NewTracerProvider(append(opts, sdktrace.WithResource(res))...)
	return &Tracing{tp: tp, tracer: tp.Tracer("github.com/clerk-mcp/clerk-mcp")}, nil
}

// Shutdown exports what is pending and stops.
func (t *Tracing) Shutdown(ctx context.Context) error { return t.tp.Shutdown(ctx) }

// ExtractMeta continues the trace context a request carries in
// params._meta (traceparent and tracestate, as W3C Trace Context spells
// them), at every protocol revision. It makes Tracing an mcp-go
// tracing.MetaPropagator.
func (t *Tracing) ExtractMeta(ctx context.Context, meta *mcp.Meta) context.Context {
	if meta == nil || meta.AdditionalFields == nil {
		return ctx
	}
	carrier := propagation.MapCarrier{}
	for _, k := range []string{"traceparent", "tracestate"} {
		if v, ok := meta.AdditionalFields[k].(string); ok {
			carrier[k] = v
		}
	}
	if len(carrier) == 0 {
		return ctx
	}
	return propagation.TraceContext{}.Extract(ctx, carrier)
}

// InjectMeta adds nothing: the server sends no requests of its own that
// carry a trace.
func (t *Tracing) InjectMeta(_ context.Context, meta *mcp.Meta) *mcp.Meta { return meta }

// StartCall opens the span of a tools/call (tools.CallTracer); the
// function it returns ends it with the call's record: kind, outcome,
// caller.
func (t *Tracing) StartCall(ctx context.Context, op *clerkapi.Operation) (context.Context, func(*audit.Record)) {
	ctx, span := t.tracer.Start(ctx, "tools/call "+op.Name, trace.WithSpanKind(trace.SpanKindServer),
		trace.WithAttributes(
			attribute.String("mcp.method.name", "tools/call"),
			attribute.String("mcp.tool.name", op.Name),
			attribute.String("clerk_mcp.kind", string(op.Kind())),
		))
	return ctx, func(r *audit.Record) {
		attrs := []attribute.KeyValue{
			attribute.String("clerk_mcp.outcome", r.Outcome),
			attribute.String("clerk_mcp.caller", r.Caller),
		}
		if r.Subject != "" {
			attrs = append(attrs, attribute.String("enduser.id", r.Subject))
		}
		if r.Session != "" {
			attrs = append(attrs, attribute.String("mcp.session.id", r.Session))
		}
		if r.Via != "" {
			attrs = append(attrs, attribute.String("clerk_mcp.via", r.Via))
		}
		if r.Confirmation != nil {
			attrs = append(attrs, attribute.String("clerk_mcp.confirmation", r.Confirmation.Mode+" "+r.Confirmation.Outcome))
		}
		span.SetAttributes(attrs...)
		switch r.Outcome {
		case "ok", "preview", "asked":
		default:
			span.SetStatus(codes.Error, r.Outcome)
		}
		span.End()
	}
}

// StartRequest opens the span of one request to Clerk, retries included
// (clerkapi.Observer).
func (t *Tracing) StartRequest(ctx context.Context, op *clerkapi.Operation) (context.Context, func(clerkapi.Exchange)) {
	ctx, span := t.tracer.Start(ctx, op.Method+" "+op.Path, trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(
			attribute.String("http.request.method", op.Method),
			attribute.String("url.template", op.Path),
			attribute.String("clerk.operation", op.Name),
		))
	return ctx, func(x clerkapi.Exchange) {
		if x.Status != 0 {
			span.SetAttributes(attribute.Int("http.response.status_code", x.Status))
		}
		if x.TraceID != "" {
			span.SetAttributes(attribute.String("clerk.trace_id", x.TraceID))
		}
		if x.Retries > 0 {
			span.SetAttributes(attribute.Int("http.request.resend_count", x.Retries))
		}
		if x.Err != nil {
			span.SetStatus(codes.Error, errorType(x))
		}
		span.End()
	}
}

// errorType names a failed request's kind of failure without its text,
// which may quote what the caller sent.
func errorType(x clerkapi.Exchange) string {
	if x.Status != 0 {
		return fmt.Sprintf("HTTP %d", x.Status)
	}
	return "no answer"
}
