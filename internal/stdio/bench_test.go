package stdio

import (
	"bufio"
	"context"
	"io"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
)

// benchPeer serves a test server over pipes for a benchmark.
func benchPeer(b *testing.B) (*io.PipeWriter, *bufio.Reader) {
	b.Helper()
	s := newServer(tool("echo", func(context.Context, mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return mcp.NewToolResultText("ok"), nil
	}))
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = Serve(ctx, s, inR, outW, Options{}); close(done) }()
	b.Cleanup(func() { cancel(); _ = inW.Close(); _ = outW.Close(); <-done })
	out := bufio.NewReaderSize(outR, 1<<16)
	benchRoundTrip(b, inW, out, `{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}`)
	if _, err := io.WriteString(inW, `{"jsonrpc":"2.0","method":"notifications/initialized"}`+"\n"); err != nil {
		b.Fatal(err)
	}
	return inW, out
}

func benchRoundTrip(b *testing.B, in io.Writer, out *bufio.Reader, line string) {
	if _, err := io.WriteString(in, line+"\n"); err != nil {
		b.Fatal(err)
	}
	if _, err := out.ReadSlice('\n'); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkStdioPing is a ping's round trip through the transport.
func BenchmarkStdioPing(b *testing.B) {
	in, out := benchPeer(b)
	b.ReportAllocs()
	for b.Loop() {
		benchRoundTrip(b, in, out, `{"jsonrpc":"2.0","id":1,"method":"ping"}`)
	}
}

// BenchmarkStdioCall is a tool call's round trip through the transport, with
// a tool that answers at once: the transport's own cost per call.
func BenchmarkStdioCall(b *testing.B) {
	in, out := benchPeer(b)
	b.ReportAllocs()
	for b.Loop() {
		benchRoundTrip(b, in, out, `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{}}}`)
	}
}
