package stdio

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServeBusyKeepsReading is the attack of defect D7: more calls in flight
// than workers and queue hold (100 against the default 16 running and 64
// waiting), each blocking. Before the fix reading stopped at 65: pings and
// cancellations went unanswered, and calls read before input ended still
// started after it. Now reading goes on: calls past the queue are refused at
// once, a ping is answered, a cancellation cancels, and when input ends no
// queued call starts (each is answered with an error instead) and every call
// in flight is cancelled.
func TestServeBusyKeepsReading(t *testing.T) {
	noLeaks(t)
	const calls, running, waiting = 100, 16, 64
	var started, stopped atomic.Int32
	s := newServer(tool("patch", func(ctx context.Context, _ mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		started.Add(1)
		defer stopped.Add(1)
		<-ctx.Done() // a slow upstream request, ended only by cancellation
		return mcp.NewToolResultText("cancelled"), nil
	}))
	p := newPeer(t, s, Options{})
	p.initialize(`{}`)
	// Sent while answers are read (the pipes have no buffer), all 100
	// calls, then a ping.
	var sent atomic.Int64
	go func() {
		for i := range calls {
			if _, err := fmt.Fprintf(p.in, `{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"patch","arguments":{}}}`+"\n", i); err != nil {
				return
			}
		}
		sent.Store(time.Now().UnixNano())
		_, _ = io.WriteString(p.in, `{"jsonrpc":"2.0","id":"ping","method":"ping"}`+"\n")
	}()
	// The 20 calls past the queue are refused at once, and the ping is
	// answered promptly.
	busy := 0
	for {
		m := p.recv()
		if m["id"] == "ping" {
			break
		}
		e, ok := m["error"].(map[string]any)
		require.True(t, ok, "only busy errors come before the ping's answer: %v", m)
		assert.EqualValues(t, CodeBusy, e["code"])
		assert.Contains(t, e["message"], "server busy")
		assert.GreaterOrEqual(t, m["id"], float64(running+waiting), "a call that fits in the queue is refused")
		busy++
	}
	rtt := time.Since(time.Unix(0, sent.Load()))
	t.Logf("ping answered %v after the 100 calls; %d refused as busy", rtt, busy)
	assert.Less(t, rtt, 2*time.Second, "the ping waited on busy workers")
	assert.Equal(t, calls-running-waiting, busy)
	require.Eventually(t, func() bool { return started.Load() == running }, 5*time.Second, time.Millisecond)

	// A cancellation of a call in flight cancels it (its handler answers);
	// its slot goes to the oldest queued call.
	p.send(`{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":0}}`)
	assert.EqualValues(t, 0, p.recv()["id"], "notifications/cancelled did not end the call in flight")
	require.Eventually(t, func() bool { return stopped.Load() == 1 && started.Load() == running+1 }, 5*time.Second, time.Millisecond,
		"the oldest queued call did not take the slot")

	// Input ends: the 63 calls still queued never start, and are answered
	// as not run; the 16 in flight are cancelled and answered.
	require.NoError(t, p.in.Close())
	rest := make(chan []map[string]any, 1)
	go func() { rest <- readAll(p.out) }() // to the end of output: Serve returned
	var tail []map[string]any
	select {
	case tail = <-rest:
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after input ended")
	}
	err := <-p.done
	require.NoError(t, err)
	p.done <- err // for the cleanup
	notRun, answered := 0, 0
	for _, m := range tail {
		require.NotNil(t, m, "not one JSON object per line")
		if e, ok := m["error"].(map[string]any); ok {
			assert.EqualValues(t, CodeBusy, e["code"])
			assert.Contains(t, e["message"], "not run")
			notRun++
		} else {
			answered++
		}
	}
	assert.EqualValues(t, running+1, started.Load(), "a queued call started after input ended")
	assert.EqualValues(t, running+1, stopped.Load(), "a call in flight outlived the session")
	assert.Equal(t, waiting-1, notRun, "every queued call is answered as not run")
	assert.Equal(t, running, answered, "every call in flight is answered (after cancellation)")
}

// TestServeBusyQueueMakesRoomOfCancelled: requests cancelled while they
// wait give their place in the queue to new ones.
func TestServeBusyQueueMakesRoomOfCancelled(t *testing.T) {
	release := make(chan struct{})
	var started atomic.Int32
	s := newServer(tool("hold", func(ctx context.Context, r mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		started.Add(1)
		select {
		case <-release:
		case <-ctx.Done():
		}
		return mcp.NewToolResultText(r.GetString("i", "")), nil
	}))
	p := newPeer(t, s, Options{Concurrency: 1, Queue: 2})
	p.initialize(`{}`)
	call := func(id string) {
		p.send(`{"jsonrpc":"2.0","id":"` + id + `","method":"tools/call","params":{"name":"hold","arguments":{"i":"` + id + `"}}}`)
	}
	call("run")
	require.Eventually(t, func() bool { return started.Load() == 1 }, 5*time.Second, time.Millisecond)
	call("q1")
	call("q2")
	call("over")
	m := p.recv()
	assert.Equal(t, "over", m["id"], "the queue holds 2: the third waiting call is refused")
	assert.EqualValues(t, CodeBusy, m["error"].(map[string]any)["code"])
	p.send(`{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"q1"}}`)
	call("q3")
	p.send(`{"jsonrpc":"2.0","id":"ping","method":"ping"}`)
	assert.Equal(t, "ping", p.recv()["id"], "q3 took the cancelled call's place, unanswered")
	close(release)
	var order []any
	for range 3 {
		order = append(order, p.recv()["id"])
	}
	assert.Equal(t, []any{"run", "q2", "q3"}, order, "queued calls run in order; the cancelled one gets no answer")
}

// readAll reads lines up to the end of output; a line that is not one JSON
// object reads as nil.
func readAll(out *bufio.Reader) []map[string]any {
	var all []map[string]any
	for {
		b, err := out.ReadBytes('\n')
		if len(b) == 0 && err != nil {
			return all
		}
		var m map[string]any
		if json.Unmarshal(b, &m) != nil {
			m = nil
		}
		all = append(all, m)
	}
}
