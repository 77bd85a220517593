// Command floor is the start-up floor of the perf table: it links
// mcp-go's server package, as clerk-mcp does, and answers one line with
// itself. Its time is what any server on mcp-go pays before doing anything:
// mostly the package initialisation of santhosh-tekuri/jsonschema, which
// mcp-go's server package imports.
package main

import (
	"bufio"
	"os"

	_ "github.com/mark3labs/mcp-go/server"
)

func main() {
	line, _ := bufio.NewReader(os.Stdin).ReadBytes('\n')
	_, _ = os.Stdout.Write(line)
}
