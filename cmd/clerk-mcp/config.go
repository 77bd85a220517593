package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

// `clerk-mcp config --client X` prints, or with --write merges into the
// client's own file, the configuration that starts this server from an MCP
// client. The secret key is referenced by name (each client's own variable
// or input syntax) and only written when --with-secret asks for it.

const (
	secretEnv    = "CLERK_SECRET_KEY"
	modulePath   = "github.com/clerk-mcp/clerk-mcp"
	defaultImage = "clerk-mcp"
)

// executable returns this binary's absolute path with symlinks resolved; a
// variable so tests can pin it.
var executable = func() (string, error) {
	p, err := os.Executable()
	if err != nil {
		return "", err
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	return filepath.Abs(p)
}

// now stamps backup file names.
var now = time.Now

// clientKind is how a client's configuration is laid out.
type clientKind int

const (
	jsonMCPServers clientKind = iota // {"mcpServers": {name: {command, args, env}}}
	jsonVSCode                       // {"inputs": [...], "servers": {name: {type, command, args, env}}}
	tomlCodex                        // [mcp_servers.name] command, args, env_vars / [mcp_servers.name.env]
)

type clientInfo struct {
	id    string
	title string
	kind  clientKind
	// typeStdio adds "type": "stdio" to the entry.
	typeStdio bool
	// placeholder is the key's value when --with-secret is not given: the
	// client's own reference to an environment variable, or a marker to
	// replace where the client expands none.
	placeholder string
	// file is the configuration file at its standard location.
	file func() (string, error)
	// note tells the user what happens to the key, printed on stderr.
	note string
	// urlKey holds a remote server's URL ("" : the client's file has no
	// remote servers); bearer references the token's environment variable.
	urlKey string
	bearer func(env string) string
}

var clients = []*clientInfo{
	{
		id: "claude-desktop", title: "Claude Desktop", kind: jsonMCPServers,
		placeholder: "REPLACE_WITH_YOUR_CLERK_SECRET_KEY",
		file: func() (string, error) {
			return claudeDesktopPath(runtime.GOOS, os.Getenv("HOME"), os.Getenv("APPDATA"), os.Getenv("XDG_CONFIG_HOME"))
		},
		note: "Claude Desktop expands no environment variables: replace REPLACE_WITH_YOUR_CLERK_SECRET_KEY with your key (sk_test_… or sk_live_…) in the file, or run again with --with-secret. Then restart Claude Desktop.",
	},
	{
		id: "claude-code", title: "Claude Code", kind: jsonMCPServers, typeStdio: true,
		placeholder: "${" + secretEnv + "}",
		file:        func() (string, error) { return filepath.Abs(".mcp.json") },
		note:        "Claude Code expands ${CLERK_SECRET_KEY} from its own environment when it starts the server: export CLERK_SECRET_KEY before starting claude.",
		urlKey:      "url",
		bearer:      func(env string) string { return "${" + env + "}" },
	},
	{
		id: "cursor", title: "Cursor", kind: jsonMCPServers,
		placeholder: "${env:" + secretEnv + "}",
		file:        homeFile(".cursor", "mcp.json"),
		note:        "Cursor reads ${env:CLERK_SECRET_KEY} from the environment it was started in (on macOS, start it from a shell where the key is exported), or run again with --with-secret.",
		urlKey:      "url",
		bearer:      func(env string) string { return "${env:" + env + "}" },
	},
	{
		id: "vscode", title: "VS Code", kind: jsonVSCode, typeStdio: true,
		file:   func() (string, error) { return filepath.Abs(filepath.Join(".vscode", "mcp.json")) },
		note:   "VS Code asks for the key the first time it starts the server (a password prompt) and stores it in its secret storage.",
		urlKey: "url",
	},
	{
		id: "windsurf", title: "Windsurf", kind: jsonMCPServers,
		placeholder: "${env:" + secretEnv + "}",
		file:        homeFile(".codeium", "windsurf", "mcp_config.json"),
		note:        "Windsurf reads ${env:CLERK_SECRET_KEY} from the environment it was started in, or run again with --with-secret.",
		urlKey:      "serverUrl",
		bearer:      func(env string) string { return "${env:" + env + "}" },
	},
	{
		id: "codex", title: "Codex", kind: tomlCodex,
		file:   codexPath,
		note:   "Codex forwards CLERK_SECRET_KEY from its own environment to the server (env_vars): export it before starting codex, or run again with --with-secret.",
		urlKey: "url",
	},
}

func clientByID(id string) *clientInfo {
	for _, c := range clients {
		if c.id == id {
			return c
		}
	}
	return nil
}

func clientIDs() string {
	var ids []string
	for _, c := range clients {
		ids = append(ids, c.id)
	}
	return strings.Join(ids, ", ")
}

func homeFile(parts ...string) func() (string, error) {
	return func() (string, error) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(append([]string{home}, parts...)...), nil
	}
}

// claudeDesktopPath is claude_desktop_config.json's standard location:
// ~/Library/Application Support/Claude on macOS, %APPDATA%\Claude on
// Windows, ~/.config/Claude ($XDG_CONFIG_HOME/Claude) elsewhere.
func claudeDesktopPath(goos, home, appData, xdgConfig string) (string, error) {
	const file = "claude_desktop_config.json"
	switch goos {
	case "darwin":
		if home == "" {
			return "", errors.New("$HOME is not set")
		}
		return filepath.Join(home, "Library", "Application Support", "Claude", file), nil
	case "windows":
		if appData == "" {
			return "", errors.New("%APPDATA% is not set")
		}
		return filepath.Join(appData, "Claude", file), nil
	}
	if xdgConfig != "" {
		return filepath.Join(xdgConfig, "Claude", file), nil
	}
	if home == "" {
		return "", errors.New("$HOME is not set")
	}
	return filepath.Join(home, ".config", "Claude", file), nil
}

// codexPath is $CODEX_HOME/config.toml, by default ~/.codex/config.toml.
func codexPath() (string, error) {
	if h := os.Getenv("CODEX_HOME"); h != "" {
		return filepath.Join(h, "config.toml"), nil
	}
	return homeFile(".codex", "config.toml")()
}

type configOptions struct {
	client, via, image, name, file string
	url, bearerEnv                 string
	write, withSecret              bool
	toolsets, tools, excludeTools  string
	readOnly, noDestructive        bool
	sandbox                        bool
	extra                          []string
	urlConflict                    string
}

// launch is how the client starts the server.
type launch struct {
	command string
	args    []string
	// key is the CLERK_SECRET_KEY value to configure; none in sandbox mode.
	key    string
	hasKey bool
	// input: VS Code prompts for the key.
	input string
	// url: a remote server (streamable HTTP) instead of a command; its
	// bearer token comes from the environment variable bearerEnv (the
	// client's reference to it in bearer), or VS Code's tokenInput prompt.
	url, bearerEnv, bearer, tokenInput string
}

var validName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

func runConfig(args []string, stdout, stderr io.Writer) int {
	var o configOptions
	fs := flag.NewFlagSet("clerk-mcp config", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.client, "client", "", "the MCP client: "+clientIDs())
	fs.StringVar(&o.via, "via", "binary", "how the client starts the server: binary (this executable, absolute path), go-run (go run …@latest) or docker")
	fs.StringVar(&o.image, "image", defaultImage, "image for --via docker")
	fs.StringVar(&o.name, "name", "clerk", "the server's name in the client's configuration")
	fs.BoolVar(&o.write, "write", false, "merge the configuration into the client's file (backed up first) instead of printing it")
	fs.StringVar(&o.file, "file", "", "with --write: this file instead of the client's standard one")
	fs.BoolVar(&o.withSecret, "with-secret", false, "put the value of CLERK_SECRET_KEY in the configuration instead of a reference to it")
	fs.StringVar(&o.toolsets, "toolsets", "", "passed to the server: comma list of toolsets to list")
	fs.StringVar(&o.tools, "tools", "", "passed to the server: comma list of single tools to list as well")
	fs.StringVar(&o.excludeTools, "exclude-tools", "", "passed to the server: comma list of tools to remove everywhere")
	fs.BoolVar(&o.readOnly, "read-only", false, "passed to the server: only read tools")
	fs.BoolVar(&o.noDestructive, "no-destructive", false, "passed to the server: drop destructive tools")
	fs.BoolVar(&o.sandbox, "sandbox", false, "passed to the server: the embedded in-memory Clerk; no key is configured")
	fs.StringVar(&o.url, "url", "", "configure a running server over streamable HTTP (e.g. https://mcp.example.com/mcp) instead of a command")
	fs.StringVar(&o.bearerEnv, "bearer-env", "", "with --url: environment variable holding the bearer token the client sends")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: clerk-mcp config --client CLIENT [flags] [-- server flags…]\n\n"+
			"Prints the configuration that starts this server from an MCP client, or with --write\n"+
			"merges it into the client's configuration file. Clients: %s.\n"+
			"Arguments after -- are passed to the server as they are.\n\nFlags:\n", clientIDs())
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	fs.Visit(func(f *flag.Flag) {
		if o.url != "" && f.Name != "url" && !slices.Contains([]string{"client", "name", "write", "file", "bearer-env"}, f.Name) {
			o.urlConflict = f.Name
		}
	})
	if rest := fs.Args(); len(rest) > 0 {
		if n := len(args) - len(rest); n == 0 || args[n-1] != "--" {
			fmt.Fprintf(stderr, "clerk-mcp config: unexpected argument %q (server flags go after --)\n", rest[0])
			return 2
		}
		o.extra = rest
	}
	c, l, code := o.prepare(stderr)
	if c == nil {
		return code
	}
	if !o.write {
		out, err := render(c, o.name, l, nil)
		if err != nil {
			fmt.Fprintln(stderr, "clerk-mcp config:", err)
			return 1
		}
		_, _ = stdout.Write(out)
		where := "the client's configuration"
		if p, err := c.file(); err == nil {
			where = p
		}
		if c.id == "claude-code" {
			fmt.Fprintf(stderr, "clerk-mcp config: run the line above; or, for a project's .mcp.json, run again with --write.\n")
		} else {
			fmt.Fprintf(stderr, "clerk-mcp config: merge this into %s, or run again with --write.\n", where)
		}
		o.notes(stderr, c, l)
		return 0
	}
	return o.writeFile(c, l, stdout, stderr)
}

// prepare checks the options and works out the launch; a nil client means
// stop with the returned code.
func (o *configOptions) prepare(stderr io.Writer) (*clientInfo, launch, int) {
	fail := func(format string, a ...any) (*clientInfo, launch, int) {
		fmt.Fprintf(stderr, "clerk-mcp config: "+format+"\n", a...)
		return nil, launch{}, 2
	}
	c := clientByID(o.client)
	switch {
	case o.client == "":
		return fail("--client is required: one of %s", clientIDs())
	case c == nil:
		return fail("unknown --client %q: one of %s", o.client, clientIDs())
	case !validName.MatchString(o.name):
		return fail("--name %q: use letters, digits, - and _ (starting with a letter or digit)", o.name)
	case o.file != "" && !o.write:
		return fail("--file goes with --write")
	case o.withSecret && o.sandbox:
		return fail("--with-secret and --sandbox: the sandbox needs no secret key")
	case o.bearerEnv != "" && o.url == "":
		return fail("--bearer-env goes with --url")
	case o.url != "":
		return o.prepareRemote(c, fail)
	}
	sel := tools.Selection{Toolsets: list(o.toolsets), Tools: list(o.tools), Exclude: list(o.excludeTools), ReadOnly: o.readOnly, NoDestructive: o.noDestructive}
	if _, err := sel.Resolve(clerkapi.Catalog()); err != nil {
		return fail("%v", err)
	}
	var server []string
	for _, f := range []struct{ name, value string }{{"toolsets", o.toolsets}, {"tools", o.tools}, {"exclude-tools", o.excludeTools}} {
		if v := strings.Join(list(f.value), ","); v != "" {
			server = append(server, "--"+f.name, v)
		}
	}
	if o.readOnly {
		server = append(server, "--read-only")
	}
	if o.noDestructive {
		server = append(server, "--no-destructive")
	}
	if o.sandbox {
		server = append(server, "--sandbox")
	}
	server = append(server, o.extra...)

	l := launch{hasKey: !o.sandbox}
	switch o.via {
	case "binary":
		exe, err := executable()
		if err != nil {
			return fail("cannot find this executable's path: %v (use --via go-run or --via docker)", err)
		}
		l.command, l.args = exe, server
		if strings.Contains(exe, "go-build") || strings.HasPrefix(exe, os.TempDir()) {
			fmt.Fprintf(stderr, "clerk-mcp config: warning: %s is a temporary build (go run?); install the binary (go install %s/cmd/clerk-mcp@latest) and run its config, or use --via go-run\n", exe, modulePath)
		}
	case "go-run":
		l.command, l.args = "go", append([]string{"run", modulePath + "/cmd/clerk-mcp@latest"}, server...)
	case "docker":
		if o.image == "" {
			return fail("--image is empty")
		}
		l.command, l.args = "docker", []string{"run", "-i", "--rm"}
		if l.hasKey {
			l.args = append(l.args, "-e", secretEnv)
		}
		l.args = append(append(l.args, o.image), server...)
	default:
		return fail("--via must be binary, go-run or docker (got %q)", o.via)
	}
	if l.hasKey {
		switch {
		case o.withSecret:
			l.key = os.Getenv(secretEnv)
			if l.key == "" {
				return fail("--with-secret reads the key from CLERK_SECRET_KEY, which is not set")
			}
		case c.kind == jsonVSCode:
			l.input = o.name + "-secret-key"
			l.key = "${input:" + l.input + "}"
		default:
			l.key = c.placeholder
		}
	}
	return c, l, 0
}

// prepareRemote configures a server reached over streamable HTTP: the
// Clerk key stays with that server, the client at most sends a bearer token.
func (o *configOptions) prepareRemote(c *clientInfo, fail func(format string, a ...any) (*clientInfo, launch, int)) (*clientInfo, launch, int) {
	u, err := url.Parse(o.url)
	switch {
	case o.urlConflict != "":
		return fail("--url configures a server that runs elsewhere: --%s belongs on that server, not here", o.urlConflict)
	case len(o.extra) > 0:
		return fail("--url configures a server that runs elsewhere: its flags belong on that server, not after --")
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return fail("--url must be an http:// or https:// URL (got %q)", o.url)
	case c.id == "claude-desktop":
		return fail("Claude Desktop adds remote servers under Settings → Connectors, not in claude_desktop_config.json")
	case o.bearerEnv != "" && !regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`).MatchString(o.bearerEnv):
		return fail("--bearer-env %q is not an environment variable name", o.bearerEnv)
	}
	l := launch{url: o.url, bearerEnv: o.bearerEnv}
	if o.bearerEnv != "" {
		switch {
		case c.kind == jsonVSCode:
			l.tokenInput = o.name + "-token"
			l.bearer = "${input:" + l.tokenInput + "}"
		case c.bearer != nil:
			l.bearer = c.bearer(o.bearerEnv)
		}
	}
	return c, l, 0
}

func (o *configOptions) notes(w io.Writer, c *clientInfo, l launch) {
	switch {
	case l.url != "":
		if l.bearerEnv != "" && c.kind != jsonVSCode {
			fmt.Fprintf(w, "clerk-mcp config: %s sends the bearer token from %s: export it before starting %s.\n", c.title, l.bearerEnv, c.title)
		}
	case !l.hasKey:
		fmt.Fprintln(w, "clerk-mcp config: sandbox mode: no secret key is configured.")
	case o.withSecret:
		fmt.Fprintf(w, "clerk-mcp config: the configuration holds your secret key: keep the file private and out of version control.\n")
	default:
		fmt.Fprintln(w, "clerk-mcp config:", c.note)
	}
}

// render returns the client's configuration merged into existing (nil: a
// new file). For Claude Code without a file it is the `claude mcp add` line.
func render(c *clientInfo, name string, l launch, existing []byte) ([]byte, error) {
	if c.kind == tomlCodex {
		return mergeCodex(existing, name, l)
	}
	if c.id == "claude-code" && existing == nil {
		return claudeAddLine(name, l), nil
	}
	return mergeJSONConfig(existing, c, name, l)
}

// claudeAddLine is the `claude mcp add` command line, quoted for POSIX
// shells: the key reference stays literal for Claude Code to expand.
func claudeAddLine(name string, l launch) []byte {
	if l.url != "" {
		parts := []string{"claude", "mcp", "add", "--transport", "http", name, shellQuote(l.url)}
		if l.bearer != "" {
			parts = append(parts, "--header", shellQuote("Authorization: Bearer "+l.bearer))
		}
		return []byte(strings.Join(parts, " ") + "\n")
	}
	parts := []string{"claude", "mcp", "add", name}
	if l.hasKey {
		parts = append(parts, "--env", shellQuote(secretEnv+"="+l.key))
	}
	parts = append(parts, "--", shellQuote(l.command))
	for _, a := range l.args {
		parts = append(parts, shellQuote(a))
	}
	return []byte(strings.Join(parts, " ") + "\n")
}

func shellQuote(s string) string {
	if s == "" {
		return "''"
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_@%+=:,./-", r)) {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}

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

// JSON: an ordered tree, so merging keeps the file's keys in their order.

type jfield struct {
	key string
	val *jnode
}

type jnode struct {
	obj   []jfield // object
	arr   []*jnode // array
	raw   []byte   // scalar, as JSON
	isObj bool
	isArr bool
}

func jstring(s string) *jnode {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return &jnode{raw: bytes.TrimRight(b.Bytes(), "\n")}
}

func jobject(fields ...jfield) *jnode { return &jnode{isObj: true, obj: fields} }

func (n *jnode) get(key string) *jnode {
	if n == nil {
		return nil
	}
	for _, f := range n.obj {
		if f.key == key {
			return f.val
		}
	}
	return nil
}

func (n *jnode) set(key string, v *jnode) {
	for i, f := range n.obj {
		if f.key == key {
			n.obj[i].val = v
			return
		}
	}
	n.obj = append(n.obj, jfield{key, v})
}

func (n *jnode) del(key string) {
	n.obj = slices.DeleteFunc(n.obj, func(f jfield) bool { return f.key == key })
}

func (n *jnode) str() (string, bool) {
	var s string
	if n == nil || n.isObj || n.isArr || json.Unmarshal(n.raw, &s) != nil {
		return "", false
	}
	return s, true
}

func (n *jnode) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	switch {
	case n.isObj:
		b.WriteByte('{')
		for i, f := range n.obj {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(jstring(f.key).raw)
			b.WriteByte(':')
			v, err := f.val.MarshalJSON()
			if err != nil {
				return nil, err
			}
			b.Write(v)
		}
		b.WriteByte('}')
	case n.isArr:
		b.WriteByte('[')
		for i, v := range n.arr {
			if i > 0 {
				b.WriteByte(',')
			}
			raw, err := v.MarshalJSON()
			if err != nil {
				return nil, err
			}
			b.Write(raw)
		}
		b.WriteByte(']')
	default:
		b.Write(n.raw)
	}
	return b.Bytes(), nil
}

func parseJSON(src []byte) (*jnode, error) {
	if !json.Valid(src) {
		var v any
		err := json.Unmarshal(src, &v)
		return nil, fmt.Errorf("not valid JSON (%v); comments and trailing commas are not supported here, so add the entry by hand from the printed snippet", err)
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	return decodeNode(dec)
}

func decodeNode(dec *json.Decoder) (*jnode, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			n := &jnode{isObj: true}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeNode(dec)
				if err != nil {
					return nil, err
				}
				n.obj = append(n.obj, jfield{kt.(string), v})
			}
			_, err := dec.Token()
			return n, err
		}
		n := &jnode{isArr: true}
		for dec.More() {
			v, err := decodeNode(dec)
			if err != nil {
				return nil, err
			}
			n.arr = append(n.arr, v)
		}
		_, err := dec.Token()
		return n, err
	case string:
		return jstring(t), nil
	case json.Number:
		return &jnode{raw: []byte(t)}, nil
	case bool:
		return &jnode{raw: []byte(strconv.FormatBool(t))}, nil
	}
	return &jnode{raw: []byte("null")}, nil
}

// jsonIndent guesses the file's indentation from its first indented line.
func jsonIndent(src []byte) string {
	if m := regexp.MustCompile(`\n([ \t]+)\S`).FindSubmatch(src); m != nil {
		return string(m[1])
	}
	return "  "
}

// mergeJSONConfig sets the server's entry in a JSON configuration, keeping
// every other key (and the entry's own extra keys) in place.
func mergeJSONConfig(src []byte, c *clientInfo, name string, l launch) ([]byte, error) {
	root := jobject()
	indent, crlf := "  ", false
	if len(bytes.TrimSpace(src)) > 0 {
		var err error
		if root, err = parseJSON(src); err != nil {
			return nil, err
		}
		if !root.isObj {
			return nil, errors.New("the top level is not a JSON object")
		}
		indent, crlf = jsonIndent(src), bytes.Contains(src, []byte("\r\n"))
	}
	container := "mcpServers"
	if c.kind == jsonVSCode {
		container = "servers"
		for _, in := range []struct{ id, description string }{
			{l.input, "Clerk secret key (sk_test_… or sk_live_…)"},
			{l.tokenInput, "Bearer token of the clerk-mcp server"},
		} {
			if in.id == "" {
				continue
			}
			if err := setVSCodeInput(root, in.id, in.description); err != nil {
				return nil, err
			}
		}
	}
	servers := root.get(container)
	if servers == nil {
		servers = jobject()
		root.set(container, servers)
	} else if !servers.isObj {
		return nil, fmt.Errorf("%q is not a JSON object", container)
	}
	entry := servers.get(name)
	if entry == nil || !entry.isObj {
		entry = jobject()
		servers.set(name, entry)
	}
	if l.url != "" {
		setRemoteEntry(entry, c, l)
	} else {
		setCommandEntry(entry, c, l)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	out := b.Bytes()
	if crlf {
		out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
	}
	return out, nil
}

// setRemoteEntry makes the entry a streamable HTTP server.
func setRemoteEntry(entry *jnode, c *clientInfo, l launch) {
	for _, k := range []string{"command", "args", "env", "url", "serverUrl"} {
		entry.del(k)
	}
	if c.typeStdio {
		entry.set("type", jstring("http"))
	}
	entry.set(c.urlKey, jstring(l.url))
	headers := entry.get("headers")
	if headers == nil || !headers.isObj {
		headers = jobject()
	}
	if l.bearer != "" {
		headers.set("Authorization", jstring("Bearer "+l.bearer))
	} else {
		headers.del("Authorization")
	}
	if len(headers.obj) > 0 {
		entry.set("headers", headers)
	} else {
		entry.del("headers")
	}
}

// setCommandEntry makes the entry a command the client starts (stdio).
func setCommandEntry(entry *jnode, c *clientInfo, l launch) {
	// A previous HTTP entry under this name: its URL would contradict command.
	for _, k := range []string{"url", "serverUrl", "headers"} {
		entry.del(k)
	}
	if c.typeStdio {
		entry.set("type", jstring("stdio"))
	}
	entry.set("command", jstring(l.command))
	if len(l.args) > 0 {
		arr := &jnode{isArr: true}
		for _, a := range l.args {
			arr.arr = append(arr.arr, jstring(a))
		}
		entry.set("args", arr)
	} else {
		entry.del("args")
	}
	env := entry.get("env")
	if env == nil || !env.isObj {
		env = jobject()
	}
	if l.hasKey {
		env.set(secretEnv, jstring(l.key))
	} else {
		env.del(secretEnv)
	}
	if len(env.obj) > 0 {
		entry.set("env", env)
	} else {
		entry.del("env")
	}
}

// setVSCodeInput adds (or replaces) a password prompt.
func setVSCodeInput(root *jnode, id, description string) error {
	input := jobject(
		jfield{"type", jstring("promptString")},
		jfield{"id", jstring(id)},
		jfield{"description", jstring(description)},
		jfield{"password", &jnode{raw: []byte("true")}},
	)
	inputs := root.get("inputs")
	if inputs == nil {
		// New files read better with the inputs first.
		root.obj = append([]jfield{{"inputs", &jnode{isArr: true}}}, root.obj...)
		inputs = root.get("inputs")
	}
	if !inputs.isArr {
		return errors.New(`"inputs" is not a JSON array`)
	}
	for i, in := range inputs.arr {
		if v, _ := in.get("id").str(); in.isObj && v == id {
			inputs.arr[i] = input
			return nil
		}
	}
	inputs.arr = append(inputs.arr, input)
	return nil
}

// TOML (Codex): a small scanner, enough to find every table header and
// key/value statement with strings, arrays and inline tables skipped
// properly, so [mcp_servers.<name>] is replaced without touching the rest of
// the file. It checks the syntax of strings, brackets, keys and headers, not
// of every value.

type tomlStmt struct {
	text   string   // source, trailing newline included
	header bool     // [table] or [[array]]
	array  bool     // [[array]]
	blank  bool     // blank or comment-only line
	path   []string // the header's path, or the key's dotted path
}

type tomlScanner struct {
	src string
	i   int
}

func (s *tomlScanner) errorf(format string, a ...any) error {
	line := 1 + strings.Count(s.src[:min(s.i, len(s.src))], "\n")
	return fmt.Errorf("line %d: %s", line, fmt.Sprintf(format, a...))
}

func (s *tomlScanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

func (s *tomlScanner) skipSpace() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// eol: at a newline, a comment or the end.
func (s *tomlScanner) eol() bool {
	rest := s.src[s.i:]
	return rest == "" || rest[0] == '\n' || rest[0] == '#' || strings.HasPrefix(rest, "\r\n")
}

func (s *tomlScanner) endLine() error {
	s.skipSpace()
	if s.peek() == '#' {
		for s.i < len(s.src) && s.src[s.i] != '\n' {
			s.i++
		}
	}
	switch rest := s.src[s.i:]; {
	case rest == "":
	case rest[0] == '\n':
		s.i++
	case strings.HasPrefix(rest, "\r\n"):
		s.i += 2
	default:
		return s.errorf("unexpected %q", rest[:1])
	}
	return nil
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// key reads a dotted key: bare, "basic" or 'literal' parts.
func (s *tomlScanner) key() ([]string, error) {
	var parts []string
	for {
		s.skipSpace()
		start := s.i
		switch c := s.peek(); {
		case c == '"' || c == '\'':
			if err := s.stringLit(); err != nil {
				return nil, err
			}
			raw := s.src[start:s.i]
			if strings.HasPrefix(raw, `"""`) || strings.HasPrefix(raw, "'''") {
				return nil, s.errorf("multi-line string used as a key")
			}
			part := raw[1 : len(raw)-1]
			if c == '"' {
				if u, err := strconv.Unquote(raw); err == nil {
					part = u
				}
			}
			parts = append(parts, part)
		case isBare(c):
			for s.i < len(s.src) && isBare(s.src[s.i]) {
				s.i++
			}
			parts = append(parts, s.src[start:s.i])
		default:
			return nil, s.errorf("invalid key")
		}
		s.skipSpace()
		if s.peek() != '.' {
			return parts, nil
		}
		s.i++
	}
}

// stringLit skips a string of any of the four kinds.
func (s *tomlScanner) stringLit() error {
	q := s.src[s.i]
	if end := strings.Repeat(string(q), 3); strings.HasPrefix(s.src[s.i:], end) {
		s.i += 3
		for s.i < len(s.src) {
			if q == '"' && s.src[s.i] == '\\' {
				s.i += 2
				continue
			}
			if strings.HasPrefix(s.src[s.i:], end) {
				s.i += 3
				for k := 0; k < 2 && s.peek() == q; k++ { // """a"""" ends with a quote
					s.i++
				}
				return nil
			}
			s.i++
		}
		return s.errorf("unterminated multi-line string")
	}
	s.i++
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == '\n':
			return s.errorf("unterminated string")
		case q == '"' && c == '\\':
			s.i += 2
			continue
		case c == q:
			s.i++
			return nil
		}
		s.i++
	}
	return s.errorf("unterminated string")
}

// value skips a value: up to the end of the line once every array and
// inline table is closed.
func (s *tomlScanner) value() error {
	s.skipSpace()
	if s.eol() {
		return s.errorf("missing value")
	}
	depth := 0
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == '"' || c == '\'':
			if err := s.stringLit(); err != nil {
				return err
			}
			continue
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			if depth--; depth < 0 {
				return s.errorf("unbalanced %q", c)
			}
		case c == '#' || c == '\n' || c == '\r' && strings.HasPrefix(s.src[s.i:], "\r\n"):
			if depth == 0 {
				return nil
			}
			if c == '#' {
				for s.i < len(s.src) && s.src[s.i] != '\n' {
					s.i++
				}
				continue
			}
		}
		s.i++
	}
	if depth != 0 {
		return s.errorf("unterminated array or inline table")
	}
	return nil
}

func scanTOML(src string) ([]tomlStmt, error) {
	s := &tomlScanner{src: src}
	var out []tomlStmt
	for s.i < len(src) {
		start := s.i
		var st tomlStmt
		s.skipSpace()
		switch {
		case s.eol():
			st.blank = true
		case s.peek() == '[':
			s.i++
			closing := "]"
			if s.peek() == '[' {
				st.array, closing = true, "]]"
				s.i++
			}
			path, err := s.key()
			if err != nil {
				return nil, err
			}
			if !strings.HasPrefix(src[s.i:], closing) {
				return nil, s.errorf("malformed table header")
			}
			s.i += len(closing)
			st.header, st.path = true, path
		default:
			path, err := s.key()
			if err != nil {
				return nil, err
			}
			if s.peek() != '=' {
				return nil, s.errorf("expected = after the key")
			}
			s.i++
			if err := s.value(); err != nil {
				return nil, err
			}
			st.path = path
		}
		if err := s.endLine(); err != nil {
			return nil, err
		}
		st.text = src[start:s.i]
		out = append(out, st)
	}
	return out, nil
}

func tomlString(v string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range v {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func tomlArray(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = tomlString(v)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// codexOwned are the server keys this command writes; others stay.
var codexOwned = []string{"command", "args", "env", "env_vars", "cwd", "url", "bearer_token_env_var", "http_headers", "env_http_headers"}

// mergeCodex replaces or appends [mcp_servers.<name>] and its env table. Other
// keys of those two tables, and everything else, stay as they are.
func mergeCodex(src []byte, name string, l launch) ([]byte, error) {
	text := string(src)
	stmts, err := scanTOML(text)
	if err != nil {
		return nil, fmt.Errorf("cannot parse as TOML (%v)", err)
	}
	nl := "\n"
	if strings.Contains(text, "\r\n") {
		nl = "\r\n"
	}
	mainPath := []string{"mcp_servers", name}
	envPath := []string{"mcp_servers", name, "env"}
	type segment struct {
		header *tomlStmt
		path   []string
		stmts  []tomlStmt
	}
	segs := []segment{{}}
	idxMain, idxEnv := -1, -1
	for i := range stmts {
		st := stmts[i]
		if st.header {
			if st.array && st.path[0] == "mcp_servers" {
				return nil, fmt.Errorf("[[%s]] is an array of tables; Codex expects [mcp_servers.<name>] tables", strings.Join(st.path, "."))
			}
			for _, own := range []struct {
				path []string
				idx  *int
			}{{mainPath, &idxMain}, {envPath, &idxEnv}} {
				if slices.Equal(st.path, own.path) {
					if *own.idx >= 0 {
						return nil, fmt.Errorf("[%s] is defined twice", strings.Join(own.path, "."))
					}
					*own.idx = len(segs)
				}
			}
			segs = append(segs, segment{header: &stmts[i], path: st.path})
			continue
		}
		cur := &segs[len(segs)-1]
		if !st.blank {
			full := append(slices.Clone(cur.path), st.path...)
			inside := len(cur.path) >= 2 && slices.Equal(cur.path[:2], mainPath) // our tables and their sub-tables
			if !inside && (slices.Equal(full, []string{"mcp_servers"}) || len(full) >= 2 && slices.Equal(full[:2], mainPath)) {
				return nil, fmt.Errorf("mcp_servers.%s is written with dotted keys or an inline table here; edit that entry by hand", name)
			}
		}
		cur.stmts = append(cur.stmts, st)
	}

	// The new tables, with what the old ones held beyond our keys.
	var main strings.Builder
	main.WriteString("[mcp_servers." + name + "]" + nl)
	if l.url != "" {
		main.WriteString("url = " + tomlString(l.url) + nl)
		if l.bearerEnv != "" {
			main.WriteString("bearer_token_env_var = " + tomlString(l.bearerEnv) + nl)
		}
	} else {
		main.WriteString("command = " + tomlString(l.command) + nl)
	}
	if len(l.args) > 0 {
		main.WriteString("args = " + tomlArray(l.args) + nl)
	}
	if l.hasKey && l.key == "" {
		main.WriteString("env_vars = [" + tomlString(secretEnv) + "]" + nl)
	}
	if idxMain >= 0 {
		for _, st := range segs[idxMain].stmts {
			if st.blank || !slices.Contains(codexOwned, st.path[0]) {
				main.WriteString(st.text)
			}
		}
	}
	var env strings.Builder
	var kept bool
	if idxEnv >= 0 && l.url == "" { // a remote server has no environment
		for _, st := range segs[idxEnv].stmts {
			if st.blank || !slices.Equal(st.path, []string{secretEnv}) {
				env.WriteString(st.text)
				kept = kept || !st.blank
			}
		}
	}
	envBlock := ""
	if l.hasKey && l.key != "" || kept {
		envBlock = "[mcp_servers." + name + ".env]" + nl
		if l.hasKey && l.key != "" {
			envBlock += secretEnv + " = " + tomlString(l.key) + nl
		}
		envBlock += env.String()
	}

	var out strings.Builder
	put := func(block string, separate bool) {
		if block == "" {
			return
		}
		if s := out.String(); s != "" {
			if !strings.HasSuffix(s, "\n") {
				out.WriteString(nl)
			}
			if separate && !strings.HasSuffix(out.String(), "\n"+nl) && out.String() != nl {
				out.WriteString(nl)
			}
		}
		out.WriteString(block)
	}
	for i, seg := range segs {
		switch {
		case i == idxMain:
			put(main.String(), false)
			if idxEnv < 0 {
				put(envBlock, true)
			}
		case i == idxEnv:
			if idxMain < 0 {
				put(main.String(), false)
				put(envBlock, true)
			} else {
				put(envBlock, false)
			}
		default:
			var b strings.Builder
			if seg.header != nil {
				b.WriteString(seg.header.text)
			}
			for _, st := range seg.stmts {
				b.WriteString(st.text)
			}
			put(b.String(), false)
		}
	}
	if idxMain < 0 && idxEnv < 0 {
		put(main.String(), true)
		put(envBlock, true)
	}
	return []byte(out.String()), nil
}
