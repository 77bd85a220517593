package clientconfig

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/tailscale/hujson"
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
	if o.withSecret && l.hasKey {
		if why := projectFile(c, o.file, path); why != "" {
			fmt.Fprintf(stderr, "clerk-mcp config: --with-secret would write your secret key into %s, %s; "+
				"name a private file with --file, or leave out --with-secret (the key is then referenced, not written)\n", path, why)
			return 2
		}
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
	existed, literal := existingEntry(c, orig, o.name)
	if literal && !o.withSecret && l.hasKey {
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
	verb := "added %q to"
	if existed {
		verb = "updated %q in"
	}
	if backup != "" {
		fmt.Fprintf(stdout, "clerk-mcp config: "+verb+" %s (backup: %s)\n", o.name, path, backup)
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

// existingEntry reports whether the file already configures the server,
// and whether with a literal key.
func existingEntry(c *clientInfo, orig []byte, name string) (exists, literalKey bool) {
	if len(orig) == 0 {
		return false, false
	}
	if c.kind == tomlCodex {
		stmts, err := scanTOML(string(orig))
		if err != nil {
			return false, false
		}
		var table []string
		for _, st := range stmts {
			if st.header {
				table = st.path
			}
			full := slices.Clone(table)
			if !st.header {
				full = append(full, st.path...)
			}
			if len(full) >= 2 && slices.Equal(full[:2], []string{"mcp_servers", name}) {
				exists = true
			}
			if !st.header && len(full) >= 3 && slices.Equal(full[:3], []string{"mcp_servers", name, "env"}) && strings.Contains(st.text, `"sk_`) {
				literalKey = true
			}
		}
		return exists, literalKey
	}
	std, err := hujson.Standardize(slices.Clone(orig))
	if err != nil {
		return false, false
	}
	var doc map[string]json.RawMessage
	if json.Unmarshal(std, &doc) != nil {
		return false, false
	}
	key := "mcpServers"
	if c.kind == jsonVSCode {
		key = "servers"
	}
	var servers map[string]struct {
		Env map[string]any `json:"env"`
	}
	_ = json.Unmarshal(doc[key], &servers)
	entry, exists := servers[name]
	v, _ := entry.Env[secretEnv].(string)
	return exists, strings.HasPrefix(v, "sk_")
}

// projectFile says why path is a project's file (one a repository shares,
// so no place for a secret key), or "" when it is not: the client's project
// file (Claude Code's .mcp.json, VS Code's .vscode/mcp.json) when --file is
// not given, a file named like one, or a file inside a version-controlled
// directory below the home directory.
func projectFile(c *clientInfo, file, path string) string {
	if file == "" && c.project {
		return c.title + "'s project configuration, meant to be committed"
	}
	home, _ := os.UserHomeDir()
	dir := filepath.Dir(path)
	switch {
	case filepath.Base(path) == ".mcp.json":
		return "a project's .mcp.json, meant to be committed"
	case filepath.Base(dir) == ".vscode" || (filepath.Base(dir) == ".cursor" && filepath.Dir(dir) != home):
		return "a project's " + filepath.Base(dir) + " configuration"
	}
	for d := dir; d != home; d = filepath.Dir(d) {
		for _, vcs := range []string{".git", ".hg", ".svn", ".jj"} {
			if _, err := os.Stat(filepath.Join(d, vcs)); err == nil {
				return "a file in the repository at " + d
			}
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return ""
}
