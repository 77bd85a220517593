// Package redistest starts a throwaway redis-server for tests: on a free
// loopback port, nothing saved (--save "" --appendonly no), stopped when the
// test ends. Without redis-server the test is skipped with a message, or
// fails under CI=true (.ci/run installs it).
package redistest

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Server is one redis-server process.
type Server struct {
	Addr string // 127.0.0.1:port

	tb   testing.TB
	bin  string
	args []string
	mu   sync.Mutex
	cmd  *exec.Cmd
}

// Start runs a redis-server for tb, with extra arguments if any (e.g.
// "--requirepass", pw), and stops it in tb.Cleanup.
func Start(tb testing.TB, args ...string) *Server {
	tb.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		unavailable(tb, "redis-server is not installed (apt-get install -y redis-server; .ci/run installs it)")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		unavailable(tb, "no free loopback port: "+err.Error())
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	s := &Server{Addr: addr, tb: tb, bin: bin, args: args}
	tb.Cleanup(s.Kill)
	if err := s.start(); err != nil {
		unavailable(tb, "redis-server did not start: "+err.Error())
	}
	return s
}

func unavailable(tb testing.TB, why string) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatal(why)
	}
	tb.Skip(why)
}

// URL is the server's redis:// URL.
func (s *Server) URL() string { return "redis://" + s.Addr }

func (s *Server) start() error {
	_, port, _ := net.SplitHostPort(s.Addr)
	args := append([]string{"--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
		"--daemonize", "no", "--protected-mode", "yes", "--loglevel", "warning"}, s.args...)
	cmd := exec.Command(s.bin, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	s.mu.Lock()
	s.cmd = cmd
	s.mu.Unlock()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if Ping(s.Addr) == nil {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.Kill()
	return fmt.Errorf("no PONG from %s within 10 s", s.Addr)
}

// Kill stops the server at once (SIGKILL: no save, as a crash), and waits.
func (s *Server) Kill() {
	s.mu.Lock()
	cmd := s.cmd
	s.cmd = nil
	s.mu.Unlock()
	if cmd != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
}

// Restart starts a new, empty server on the same port (after Kill).
func (s *Server) Restart() {
	s.tb.Helper()
	s.Kill()
	if err := s.start(); err != nil {
		s.tb.Fatalf("redis-server did not restart on %s: %v", s.Addr, err)
	}
}

// Ping sends PING to addr and expects +PONG (or NOAUTH: a server with a
// password answers too).
func Ping(addr string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(time.Second))
	if _, err := c.Write([]byte("PING\r\n")); err != nil {
		return err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return err
	}
	if line != "+PONG\r\n" && !strings.HasPrefix(line, "-NOAUTH") {
		return fmt.Errorf("PING answered %s", strconv.Quote(line))
	}
	return nil
}
