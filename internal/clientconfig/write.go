package clientconfig

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
)

// writeFile merges the configuration into the client's file: parse (refuse
// what does not parse), back up, write atomically.
func (o *configOptions) writeFile(c *clientInfo, l launch, stdout, stderr io.Writer) int {
	path := o.file
	if path == "" {
		p, err := c.file()
		if err != nil {
			fmt.Fprintf(stderr, "clerk-mcp config: cannot locate the %s configuration: %v (use --file)\n", c.title, err)
			return 1
		}
		path = p
	}
	if r, err := filepath.EvalSymlinks(path); err == nil {
		path = r // write through a symlinked config, not over the link
	}
	orig, err := os.ReadFile(path)
	exists := err == nil
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(stderr, "clerk-mcp config: cannot read %s: %v\n", path, err)
		return 1
	}
	in := orig
	if !exists {
		in = []byte{}
	}
	out, err := render(c, o.name, l, in)
	if err != nil {
		fmt.Fprintf(stderr, "clerk-mcp config: %s: %v; the file was left untouched\n", path, err)
		return 1
	}
	if exists && bytes.Equal(out, orig) {
		fmt.Fprintf(stdout, "clerk-mcp config: %s already configures %q; nothing to do\n", path, o.name)
		return 0
	}
	if hadLiteralKey(c, orig, o.name) && !o.withSecret && l.hasKey {
		fmt.Fprintf(stderr, "clerk-mcp config: the literal CLERK_SECRET_KEY of %q was replaced by a reference (the backup keeps it); use --with-secret to store the key\n", o.name)
	}
	mode := os.FileMode(0o644)
	if o.withSecret {
		mode = 0o600
	}
	var backup string
	if exists {
		if fi, err := os.Stat(path); err == nil {
			mode = fi.Mode().Perm()
		}
		if backup, err = backupFile(path, orig, mode); err != nil {
			fmt.Fprintf(stderr, "clerk-mcp config: cannot back up %s: %v; the file was left untouched\n", path, err)
			return 1
		}
	} else if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		fmt.Fprintf(stderr, "clerk-mcp config: cannot create %s: %v\n", filepath.Dir(path), err)
		return 1
	}
	if err := writeAtomic(path, out, mode); err != nil {
		fmt.Fprintf(stderr, "clerk-mcp config: cannot write %s: %v\n", path, err)
		return 1
	}
	if backup != "" {
		fmt.Fprintf(stdout, "clerk-mcp config: added %q to %s (backup: %s)\n", o.name, path, backup)
	} else {
		fmt.Fprintf(stdout, "clerk-mcp config: created %s with %q\n", path, o.name)
	}
	o.notes(stderr, c, l)
	return 0
}

func backupFile(path string, data []byte, mode os.FileMode) (string, error) {
	base := path + ".bak-" + now().Format("20060102-150405")
	for i := 1; ; i++ {
		name := base
		if i > 1 {
			name += "-" + strconv.Itoa(i)
		}
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
		if errors.Is(err, os.ErrExist) && i < 100 {
			continue
		}
		if err != nil {
			return "", err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return "", err
		}
		return name, f.Close()
	}
}

func writeAtomic(path string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil && runtime.GOOS != "windows" {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// hadLiteralKey reports whether the file held a literal key for the server.
func hadLiteralKey(c *clientInfo, orig []byte, name string) bool {
	if len(orig) == 0 {
		return false
	}
	if c.kind == tomlCodex {
		stmts, err := scanTOML(string(orig))
		if err != nil {
			return false
		}
		var table []string
		for _, st := range stmts {
			if st.header {
				table = st.path
				continue
			}
			full := append(slices.Clone(table), st.path...)
			if len(full) >= 3 && slices.Equal(full[:3], []string{"mcp_servers", name, "env"}) && strings.Contains(st.text, `"sk_`) {
				return true
			}
		}
		return false
	}
	root, err := parseJSON(orig)
	if err != nil {
		return false
	}
	key := "mcpServers"
	if c.kind == jsonVSCode {
		key = "servers"
	}
	v, _ := root.get(key).get(name).get("env").get(secretEnv).str()
	return strings.HasPrefix(v, "sk_")
}
