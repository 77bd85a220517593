package clientconfig

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

type configOptions struct {
	client, via, image, name, file string
	url, bearerEnv                 string
	write, withSecret, oauth       bool
	toolsets, tools, excludeTools  string
	readOnly, noDestructive        bool
	sandbox                        bool
	extra                          []string
	urlConflict                    string
	args                           []string // as given, for messages
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
	// oauth: the remote server signs callers in with OAuth; no header.
	oauth bool
}

var validName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

// Run runs `clerk-mcp config args…` and returns the exit code: 0 done, 1 the
// file could not be read or written, 2 bad use.
func Run(args []string, stdout, stderr io.Writer) int {
	o := configOptions{args: args}
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
	fs.BoolVar(&o.oauth, "oauth", false, "with --url: the server signs callers in with OAuth (--oauth-issuer); no bearer header, the client signs in through a browser")
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
		if o.url != "" && f.Name != "url" && !slices.Contains([]string{"client", "name", "write", "file", "bearer-env", "oauth"}, f.Name) {
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
	case o.oauth && o.url == "":
		return fail("--oauth goes with --url: OAuth protects a server that runs elsewhere")
	case o.oauth && o.bearerEnv != "":
		return fail("--oauth and --bearer-env: an OAuth client signs in and sends its own access token; drop --bearer-env (or --oauth for a static --auth-token)")
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
		if goRunBuild(exe) {
			// `go run`: the binary is deleted when go exits, so the entry
			// runs the module's source instead.
			root := moduleRoot()
			if root == "" {
				return fail("%s is a temporary `go run` build and this module's source was not found from here; "+
					"run `go install %s/cmd/clerk-mcp@latest` and then `clerk-mcp config %s`, or add --via go-run",
					exe, ModulePath, strings.Join(o.args, " "))
			}
			l.command, l.args = "go", append([]string{"-C", root, "run", "./cmd/clerk-mcp"}, server...)
			fmt.Fprintf(stderr, "clerk-mcp config: started by `go run`: the entry runs the source in %s (an installed binary starts faster: go install ./cmd/clerk-mcp)\n", root)
		} else if strings.HasPrefix(exe, os.TempDir()) {
			fmt.Fprintf(stderr, "clerk-mcp config: warning: %s is in the temporary directory; install the binary (go install %s/cmd/clerk-mcp@latest) and run its config, or use --via go-run\n", exe, ModulePath)
		}
	case "go-run":
		l.command, l.args = "go", append([]string{"run", ModulePath + "/cmd/clerk-mcp@latest"}, server...)
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
	l := launch{url: o.url, bearerEnv: o.bearerEnv, oauth: o.oauth}
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
	case l.url != "" && l.oauth:
		fmt.Fprintf(w, "clerk-mcp config: %s signs in through your browser the first time it connects (OAuth); no token is stored in its configuration.%s\n", c.title, oauthHint(c.id, o.name))
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

// oauthHint says how a client starts its sign-in, where it needs a step.
func oauthHint(client, name string) string {
	switch client {
	case "claude-code":
		return " In Claude Code, run /mcp and choose " + name + " → Authenticate."
	case "codex":
		return " Then run: codex mcp login " + name
	}
	return ""
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

// list splits a comma list, dropping blanks (as the server reads its lists).
func list(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
