//go:build unix

package clerkapi

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mkfifo makes a FIFO and, at cleanup, opens its write end once, so that a
// reader stuck on it (the bug) is released instead of leaking.
func mkfifo(t *testing.T, p string) string {
	t.Helper()
	require.NoError(t, syscall.Mkfifo(p, 0o600))
	t.Cleanup(func() {
		if w, err := os.OpenFile(p, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			_ = w.Close()
		}
	})
	return p
}

// readPathWithin calls readPath and fails the test, instead of hanging it,
// when no answer comes within d.
func readPathWithin(t *testing.T, u *Uploads, p string, d time.Duration) ([]byte, error) {
	t.Helper()
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := u.readPath(p)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		return r.b, r.err
	case <-time.After(d):
		t.Fatalf("readPath(%q) still blocked after %s", p, d)
		return nil, nil
	}
}

func TestUploadFilePathSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	pngData := pngBytes(t)
	regular := filepath.Join(dir, "a.png")
	require.NoError(t, os.WriteFile(regular, pngData, 0o600))
	fifo := mkfifo(t, filepath.Join(dir, "fifo.png"))
	linkToFifo := filepath.Join(dir, "link-to-fifo.png")
	require.NoError(t, os.Symlink(fifo, linkToFifo))
	linkToFile := filepath.Join(dir, "link.png")
	require.NoError(t, os.Symlink(regular, linkToFile))
	sub := filepath.Join(dir, "sub")
	require.NoError(t, os.Mkdir(sub, 0o700))
	linkToDir := filepath.Join(dir, "link-to-dir")
	require.NoError(t, os.Symlink(sub, linkToDir))

	cases := []struct{ name, path, msg string }{
		{"a FIFO is refused at once", fifo, "is not a regular file"},
		{"a symlink to a FIFO is refused at once", linkToFifo, "file_path must not be a symbolic link"},
		{"a symlink to a regular file is refused", linkToFile, "file_path must not be a symbolic link"},
		{"a symlink to a directory is refused", linkToDir, "file_path must not be a symbolic link"},
		{"a directory is refused", sub, "is not a regular file"},
		{"a character device is refused", "/dev/null", "is not a regular file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, allowPaths)
			start := time.Now()
			assertRefused(t, h, uploadArgs(t, "file_path", tc.path), "file_path", tc.msg)
			assert.Less(t, time.Since(start), 2*time.Second)
		})
	}

	t.Run("a file swapped for a FIFO between checks never blocks", func(t *testing.T) {
		// The attack on a stat-then-open reader: the path flips between a
		// regular file and a FIFO while it is read. Each read must end,
		// with the image or with a refusal.
		target := filepath.Join(dir, "flip.png")
		stageFile, stageFifo := filepath.Join(dir, "stage-file"), filepath.Join(dir, "stage-fifo")
		require.NoError(t, os.Link(regular, target))
		stop := make(chan struct{})
		flipped := make(chan struct{})
		go func() {
			defer close(flipped)
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				src, stage := regular, stageFile
				if i%2 == 1 {
					src, stage = fifo, stageFifo
				}
				if os.Link(src, stage) == nil {
					_ = os.Rename(stage, target) // atomic: target always exists
				}
			}
		}()
		defer func() { close(stop); <-flipped }()
		u := &Uploads{AllowPaths: true}
		var images, refused int
		for range 300 {
			b, err := readPathWithin(t, u, target, 5*time.Second)
			switch {
			case err == nil:
				assert.Equal(t, pngData, b)
				images++
			default:
				assert.Contains(t, err.Error(), "is not a regular file")
				refused++
			}
		}
		t.Logf("%d reads: %d images, %d refusals", images+refused, images, refused)
	})
}

func TestUploadFilePathSymlinkInParentIsFollowed(t *testing.T) {
	// Only the last component is held to "no symlink": a linked directory
	// (like /tmp on macOS) still works.
	dir := t.TempDir()
	realDir := filepath.Join(dir, "real")
	require.NoError(t, os.Mkdir(realDir, 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(realDir, "a.png"), pngBytes(t), 0o600))
	require.NoError(t, os.Symlink(realDir, filepath.Join(dir, "linked")))
	b, err := (&Uploads{AllowPaths: true}).readPath(filepath.Join(dir, "linked", "a.png"))
	require.NoError(t, err)
	assert.Equal(t, pngBytes(t), b)
}
