//go:build !unix

package clerkapi

import "os"

// openNoFollow opens p for reading, refusing a symbolic link (errSymlink).
// Without O_NOFOLLOW the check and the open are two steps; the caller
// still judges the opened file itself.
func openNoFollow(p string) (*os.File, error) {
	if fi, err := os.Lstat(p); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return nil, errSymlink
	}
	return os.Open(p)
}
