package tools

// Secret scan: representative flows run with recognisable canary keys, with
// an upstream that echoes whatever key it receives everywhere it can (error
// messages, metadata, trace IDs, plain-text bodies, redirect URLs), and debug
// logging captured in both log formats. No trace of any key may show up in
// a result, an error text or a log line.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lmittmann/tint"
	"github.com/mark3labs/mcp-go/client"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// canary marks every key below; it must never leave the server.
const canary = "CANARY"

const (
	canaryInstanceKey = "sk_test_CANARY_instance_7f3a9c1e5b2d4f6a8c0e"
	canaryMachineKey  = "ak_CANARY_machine_0a1b2c3d4e5f6a7b8c9d"
	canaryArgKey      = "ak_CANARY_argument_9z8y7x6w5v4u3t2s1r"
)

type lockedBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// echoingClerk answers by the mode in the path's last segment (or the
// operation), echoing the bearer key it received.
func echoingClerk(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	key := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	seg := r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:]
	w.Header().Set("Content-Type", "application/json")
	switch {
	case seg == "ok":
		_, _ = io.WriteString(w, `{"object":"user","id":"ok","first_name":"Ada"}`)
	case seg == "m2m_tokens" || seg == "clerk_error":
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprintf(w, `{"errors":[{"code":"authentication_invalid %[1]s","message":"the key %[1]s is invalid","long_message":"Key %[1]s was rejected","meta":{"key":%[1]q,"nested":{"k":[%[1]q]}}}],"clerk_trace_id":"trace-%[1]s"}`, key)
	case seg == "plain_error":
		// Not Clerk's error shape: the body is quoted, cut at 300 bytes,
		// with the key across the cut.
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, strings.Repeat("x", 290)+key+" and again "+key)
	case seg == "trace_header":
		w.Header().Set("Clerk-Trace-Id", "trace-"+key)
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `not json: `+key)
	case seg == "redirect":
		http.Redirect(w, r, "/v1/users/redirect?key="+key, http.StatusFound)
	case seg == "hangup":
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			_ = conn.Close()
		}
	case seg == "slow":
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	default:
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, `{"errors":[{"code":"resource_not_found","message":"nothing at %s for %s"}]}`, r.URL.Path, key)
	}
}

func TestNoKeyEverLeaks(t *testing.T) {
	upstream := httptest.NewServer(http.HandlerFunc(echoingClerk))
	defer upstream.Close()
	var jsonLogs, textLogs lockedBuf
	logger := slog.New(slog.NewMultiHandler(
		slog.NewJSONHandler(&jsonLogs, &slog.HandlerOptions{Level: slog.LevelDebug}),
		tint.NewTextHandler(&textLogs, &tint.Options{Level: slog.LevelDebug, NoColor: true}),
	))
	s, err := NewServer(ServerConfig{Config: Config{
		Client: clerkapi.New(clerkapi.Config{
			BaseURL: upstream.URL + "/v1", SecretKey: canaryInstanceKey, MachineSecretKey: canaryMachineKey,
			Timeout: 300 * time.Millisecond, MaxRetries: 1,
		}),
		Logger: logger,
	}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.NewInProcessClient(s)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	initialize(t, t.Context(), c)

	flows := []struct {
		name    string
		tool    string
		args    map[string]any
		wantErr bool
	}{
		{"success", "get_user", map[string]any{"user_id": "ok"}, false},
		{"Clerk error echoing the key", "get_user", map[string]any{"user_id": "clerk_error"}, true},
		{"plain-text error echoing the key", "get_user", map[string]any{"user_id": "plain_error"}, true},
		{"trace header echoing the key", "get_user", map[string]any{"user_id": "trace_header"}, true},
		{"redirect loop through the key", "get_user", map[string]any{"user_id": "redirect"}, true},
		{"connection dropped", "get_user", map[string]any{"user_id": "hangup"}, true},
		{"timeout", "get_user", map[string]any{"user_id": "slow"}, true},
		{"not found, key in the message", "get_organization", map[string]any{"organization_id": "org_1"}, true},
		{"destructive preview", "delete_user", map[string]any{"user_id": "clerk_error"}, false},
		{"configured machine key echoed", "create_m2m_token", map[string]any{}, true},
		{"machine key argument echoed", "create_m2m_token", map[string]any{"machine_secret_key": canaryArgKey}, true},
		{"bad machine key argument", "create_m2m_token", map[string]any{"machine_secret_key": []any{canaryArgKey}}, true},
	}
	for _, f := range flows {
		t.Run(f.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
			defer cancel()
			res, err := faultCall(ctx, c, f.tool, f.args)
			if err != nil {
				if strings.Contains(err.Error(), canary) {
					t.Fatalf("the protocol error shows a key: %v", err)
				}
				t.Fatalf("protocol error: %v", err)
			}
			if res.IsError != f.wantErr {
				t.Errorf("isError=%v, want %v: %s", res.IsError, f.wantErr, text(res))
			}
			b, _ := json.Marshal(res)
			if i := strings.Index(string(b), canary); i >= 0 {
				t.Errorf("the result shows a key: …%s…", string(b)[max(0, i-80):min(len(b), i+60)])
			}
		})
	}
	for name, logs := range map[string]string{"json": jsonLogs.String(), "text": textLogs.String()} {
		if !strings.Contains(logs, "tool call") {
			t.Errorf("%s logs lack the debug records:\n%s", name, logs)
		}
		if i := strings.Index(logs, canary); i >= 0 {
			t.Errorf("%s logs show a key: …%s…", name, logs[max(0, i-80):min(len(logs), i+60)])
		}
	}
}
