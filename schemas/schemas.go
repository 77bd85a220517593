// Package schemas embeds every tool's generated input and output JSON schema,
// so the server starts without reflecting over the catalog. The files are
// derived from the clerkapi structs: edit those, then run `go generate ./...`.
package schemas

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"sync"
)

//go:generate go run gen.go

var (
	//go:embed input.tsv
	inputTable string
	//go:embed output.tsv
	outputTable string

	inputs  = sync.OnceValue(func() map[string]json.RawMessage { return index(inputTable) })
	outputs = sync.OnceValue(func() map[string]json.RawMessage { return index(outputTable) })
)

// Input returns the input schema of the named tool.
func Input(tool string) (json.RawMessage, bool) {
	s, ok := inputs()[tool]
	return s, ok
}

// Output returns the output schema of the named tool.
func Output(tool string) (json.RawMessage, bool) {
	s, ok := outputs()[tool]
	return s, ok
}

// index maps each line's name to its schema: one copy of the table, one
// pass over it, no JSON decoding. Each schema's capacity ends where it does,
// so an append to one cannot write over the next.
func index(table string) map[string]json.RawMessage {
	data := []byte(table)
	m := make(map[string]json.RawMessage, 256)
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n')
		if end < 0 {
			end = len(data)
		}
		if tab := bytes.IndexByte(data[:end], '\t'); tab > 0 {
			m[string(data[:tab])] = json.RawMessage(data[tab+1 : end : end])
		}
		data = data[min(end+1, len(data)):]
	}
	return m
}
