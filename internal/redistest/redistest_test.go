package redistest

import (
	"testing"

	_ "github.com/clerk-mcp/clerk-mcp/internal/golden"
)

// TestStartKillRestart: the helper's server answers, is gone after Kill,
// and answers again on the same port after Restart.
func TestStartKillRestart(t *testing.T) {
	s := Start(t)
	if err := Ping(s.Addr); err != nil {
		t.Fatal(err)
	}
	s.Kill()
	if Ping(s.Addr) == nil {
		t.Fatal("PONG after Kill")
	}
	s.Restart()
	if err := Ping(s.Addr); err != nil {
		t.Fatal(err)
	}
}
