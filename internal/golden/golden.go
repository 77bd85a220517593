// Package golden holds the golden-file helpers shared by the tests. Importing
// it defines the -update flag, so `go test ./... -update` rewrites every
// golden file under testdata/.
package golden

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Update reports whether the tests run with -update.
func Update() bool { return *update }

// Root returns the repository root: the nearest directory above the working
// directory that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// Check compares got with the golden file at path (relative to the repository
// root). With -update it writes got instead. A missing file fails the test.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	full := filepath.Join(Root(t), path)
	if *update {
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(full)
	if err != nil {
		t.Fatalf("golden file %s is missing: run `go test ./... -update` and review the diff", path)
	}
	if string(want) != string(got) {
		t.Errorf("%s is out of date: behaviour changed. Review, then run `go test ./... -update`.\n%s", path, Diff(string(want), string(got)))
	}
}

// Diff returns the first differing lines of want and got, for a failure message.
func Diff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(no line differs)"
}

// Spec returns Clerk's OpenAPI spec for the pinned API version, read from
// ../shared/clerk-openapi beside the repository (where CI has it). Without
// it the test is skipped with a message naming the path, so the repository
// still tests elsewhere.
func Spec(t testing.TB, version string) []byte {
	t.Helper()
	path := filepath.Join(Root(t), "..", "shared", "clerk-openapi", version+".json")
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("Clerk's OpenAPI spec is not at %s; put the %s spec there to run this test", path, version)
	}
	if err != nil {
		t.Fatalf("reading the spec: %v", err)
	}
	return data
}
