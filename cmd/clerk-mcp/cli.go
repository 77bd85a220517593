package main

import (
	"flag"
	"fmt"
	"io"
	"slices"

	"github.com/clerk-mcp/clerk-mcp/internal/clientconfig"
	"github.com/clerk-mcp/clerk-mcp/internal/sandbox"
	"github.com/clerk-mcp/clerk-mcp/tools"
)

// subcommands run instead of the server when named first.
var subcommands = []command{
	{"config", "print or write the configuration that starts this server from an MCP client", clientconfig.Run},
	{"sandbox", "sandbox serve: the in-memory Clerk over HTTP at /v1, for your app and --api-url", sandbox.Run},
}

// flagGroups sorts every flag into a section of --help; a flag missing here
// fails TestEveryFlagHasAGroup.
var flagGroups = []struct {
	title string
	flags []string
}{
	{"Server flags", []string{"transport", "addr", "api-url", "timeout", "retries", "rate-limit", "allow-insecure-api-url", "log-level", "log-format", "sandbox", "sandbox-state", "sandbox-seed", "version"}},
	{"Hosting flags (--transport sse or http)", []string{"auth-token", "insecure-no-auth", "allowed-origins", "max-body-bytes", "max-sessions", "max-concurrent-calls", "key-from-request", "stateless", "redis-url"}},
	{"OAuth flags (hosted callers sign in with your Clerk instance)", []string{"oauth-issuer", "oauth-resource", "oauth-scopes", "oauth-require-org"}},
	{"Surface flags (which tools are listed and reachable)", []string{"toolsets", "tools", "exclude-tools", "read-only", "no-destructive", "discovery", "schema-profile", "max-result-bytes", "list-tools"}},
	{"Safety flags (destructive calls, private data)", []string{"confirm", "confirm-ttl", "elicit-timeout", "allow-unconfirmed-live", "hide-private-metadata"}},
	{"Audit flags (tracing: the standard OTEL_* variables)", []string{"audit-log", "audit-reads", "audit-required"}},
}

const usageLine = "usage: clerk-mcp [flags], or clerk-mcp COMMAND [flags]; clerk-mcp --help lists both"

type command struct {
	name, summary string
	run           func(args []string, stdout, stderr io.Writer) int
}

func isCommand(name string) func(command) bool {
	return func(c command) bool { return c.name == name }
}

// printUsage is --help: the commands, then the flags by group.
func printUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, "Usage: clerk-mcp [flags]\n       clerk-mcp COMMAND [flags]\n\n"+
		"MCP server for the Clerk Backend API. The secret key comes from CLERK_SECRET_KEY\n"+
		"(CLERK_MACHINE_SECRET_KEY, optional: the machine key create_m2m_token uses);\n"+
		"CLERK_MCP_CONFIRM_KEY (optional) signs confirmation tokens so replicas accept each other's.\n\nCommands:\n")
	for _, c := range subcommands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "Run clerk-mcp COMMAND --help for a command's own flags.\n")
	var grouped []string
	for _, g := range flagGroups {
		printFlags(w, fs, g.title, g.flags)
		grouped = append(grouped, g.flags...)
	}
	var other []string // a flag someone forgot to group still shows
	fs.VisitAll(func(f *flag.Flag) {
		if !slices.Contains(grouped, f.Name) {
			other = append(other, f.Name)
		}
	})
	printFlags(w, fs, "Other flags", other)
}

// printFlags prints the named flags of fs in flag.PrintDefaults' format.
func printFlags(w io.Writer, fs *flag.FlagSet, title string, names []string) {
	if len(names) == 0 {
		return
	}
	group := flag.NewFlagSet(title, flag.ContinueOnError)
	group.SetOutput(w)
	for _, name := range names {
		if f := fs.Lookup(name); f != nil {
			usage := f.Usage
			if env, ok := envTwins[name]; ok {
				usage += " (env " + env + ")"
			}
			group.Var(f.Value, f.Name, usage)
			group.Lookup(name).DefValue = f.DefValue
		}
	}
	fmt.Fprintf(w, "\n%s:\n", title)
	group.PrintDefaults()
}

// listedTools names what tools/list shows: the listed operations, then the
// discovery tools. The start log and --list-tools both count these.
func listedTools(s *tools.Surface) []string {
	var out []string
	for _, op := range s.Listed {
		out = append(out, op.Name)
	}
	if s.Discovery {
		for _, d := range tools.DiscoveryDefinitions(s) {
			out = append(out, d.Name)
		}
	}
	return out
}
