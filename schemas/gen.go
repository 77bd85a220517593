//go:build ignore

// Command gen writes every tool's input and output schema below schemas/,
// derived from the clerkapi structs. Run it with `go generate ./...`.
package main

import (
	"log"
	"os"
	"path/filepath"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/schemagen"
)

func main() {
	files, err := schemagen.Generate(clerkapi.Catalog(), schemagen.Base, schemagen.Dir)
	if err != nil {
		log.Fatal(err)
	}
	for _, sub := range []string{"input", "output"} {
		old, _ := filepath.Glob(filepath.Join(sub, "*.json"))
		for _, f := range old {
			if _, keep := files[filepath.ToSlash(f)]; !keep {
				if err := os.Remove(f); err != nil {
					log.Fatal(err)
				}
			}
		}
		if err := os.MkdirAll(sub, 0o755); err != nil {
			log.Fatal(err)
		}
	}
	for name, data := range files {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	log.Printf("wrote %d schema files", len(files))
}
