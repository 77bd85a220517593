//go:build unix

package clerkapi

import (
	"errors"
	"os"
	"syscall"
)

// openNoFollow opens p for reading without following a final symbolic link
// (errSymlink) and without blocking: a FIFO opens at once, with no writer.
func openNoFollow(p string) (*os.File, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0)
	if err != nil && (errors.Is(err, syscall.ELOOP) || errors.Is(err, syscall.EMLINK)) {
		// O_NOFOLLOW's answer (EMLINK on FreeBSD); ELOOP may also mean a
		// loop further up the path, so look.
		if fi, lerr := os.Lstat(p); lerr == nil && fi.Mode()&os.ModeSymlink != 0 {
			return nil, errSymlink
		}
	}
	return f, err
}
