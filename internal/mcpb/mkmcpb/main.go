// Command mkmcpb builds clerk-mcp.mcpb, the MCP Bundle for Claude Desktop:
//
//	go run ./internal/mcpb/mkmcpb [-out clerk-mcp.mcpb] [-version X.Y.Z]
//
// from the module's root. The version defaults to server.json's.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"

	"github.com/clerk-mcp/clerk-mcp/internal/mcpb"
)

func main() {
	out := flag.String("out", "clerk-mcp.mcpb", "the bundle to write")
	version := flag.String("version", "", "the bundle's version (default: server.json's)")
	flag.Parse()
	if err := run(*out, *version); err != nil {
		fmt.Fprintln(os.Stderr, "mkmcpb:", err)
		os.Exit(1)
	}
}

func run(out, version string) error {
	if version == "" {
		b, err := os.ReadFile("server.json")
		if err != nil {
			return fmt.Errorf("%v (run from the module's root, or pass -version)", err)
		}
		var doc struct{ Version string }
		if err := json.Unmarshal(b, &doc); err != nil || doc.Version == "" {
			return fmt.Errorf("server.json has no version")
		}
		version = doc.Version
	}
	tmp, err := os.MkdirTemp("", "mkmcpb-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	build := func(goos, goarch, dst string) error {
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", dst, "./cmd/clerk-mcp")
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=0")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		return cmd.Run()
	}
	if err := mcpb.Write(f, version, tmp, build); err != nil {
		f.Close()
		os.Remove(out)
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "mkmcpb: wrote %s (version %s)\n", out, version)
	return nil
}
