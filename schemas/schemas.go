// Package schemas embeds every tool's generated input and output JSON schema,
// so the server starts without reflecting over the catalog. The files are
// derived from the clerkapi structs: edit those, then run `go generate ./...`.
package schemas

import (
	"embed"
	"encoding/json"
)

//go:generate go run gen.go

//go:embed input output
var files embed.FS

// Input returns the input schema of the named tool.
func Input(tool string) (json.RawMessage, bool) { return read("input/" + tool + ".json") }

// Output returns the output schema of the named tool.
func Output(tool string) (json.RawMessage, bool) { return read("output/" + tool + ".json") }

func read(name string) (json.RawMessage, bool) {
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, false
	}
	return b, true
}
