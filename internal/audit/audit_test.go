package audit

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "github.com/clerk-mcp/clerk-mcp/internal/golden"
)

// TestConcurrentWritesStayWholeLines: records written from many goroutines
// at once each land as one whole JSON line.
func TestConcurrentWritesStayWholeLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	l, err := Open(path, Options{})
	require.NoError(t, err)
	long := strings.Repeat("x", 8<<10) // larger than a pipe's atomic write (4 KiB)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 10 {
				assert.NoError(t, l.Write(&Record{Time: time.Now(), Tool: "t", Outcome: "ok", Arguments: map[string]any{"n": i, "long": long}}))
			}
		}()
	}
	wg.Wait()
	require.NoError(t, l.Close())
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		var r Record
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r))
		n++
	}
	assert.Equal(t, 8*10, n)
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "the audit file is private")
}

// TestReopenFollowsRotation: after a rename, Reopen writes to a new file at
// the path; a path that cannot be opened keeps the old file.
func TestReopenFollowsRotation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "audit.jsonl")
	l, err := Open(path, Options{})
	require.NoError(t, err)
	require.NoError(t, l.Write(&Record{Tool: "before"}))
	require.NoError(t, os.Rename(path, path+".1"))
	require.NoError(t, l.Reopen())
	require.NoError(t, l.Write(&Record{Tool: "after"}))
	old, _ := os.ReadFile(path + ".1")
	fresh, _ := os.ReadFile(path)
	assert.Contains(t, string(old), `"tool":"before"`)
	assert.NotContains(t, string(old), `"tool":"after"`)
	assert.Contains(t, string(fresh), `"tool":"after"`)

	_, err = Open(filepath.Join(dir, "missing", "audit.jsonl"), Options{})
	assert.ErrorContains(t, err, "cannot open the audit log")
}

// TestRefusingOnlyWhenRequired: a failed write makes a required log refuse
// until a write lands; a log that is not required never refuses.
func TestRefusingOnlyWhenRequired(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full")
	}
	defer full.Close()
	for _, required := range []bool{false, true} {
		l := New(full, Options{Required: required})
		assert.False(t, l.Refusing())
		assert.Error(t, l.Write(&Record{Tool: "x"}))
		assert.Equal(t, required, l.Refusing())
		l.w = &strings.Builder{}
		assert.NoError(t, l.Write(&Record{Tool: "x"}))
		assert.False(t, l.Refusing())
	}
}
