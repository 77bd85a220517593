//go:build ignore

// Command gen writes every tool's input and output schema to
// schemas/input.tsv and schemas/output.tsv, derived from the clerkapi
// structs. Run it with `go generate ./...`.
package main

import (
	"log"
	"os"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/schemagen"
)

func main() {
	schemas, err := schemagen.Generate(clerkapi.Catalog(), schemagen.Base, schemagen.Dir)
	if err != nil {
		log.Fatal(err)
	}
	tables := schemagen.Tables(schemas)
	for name, data := range tables {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	log.Printf("wrote %d schemas to %d files", len(schemas), len(tables))
}
