package sandbox

import (
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

const specPath = "../../../shared/clerk-openapi/2026-05-12.json"

// TestRefusedWith400MatchesSpec: the door refuses with 400 exactly the
// operations whose spec documents 400 and not 422 (the machine-auth, token
// and identification endpoints), so a refusal is always a documented status.
func TestRefusedWith400MatchesSpec(t *testing.T) {
	raw, err := os.ReadFile(specPath)
	if err != nil {
		t.Skipf("Clerk OpenAPI spec not found at %s (%v): skipping", specPath, err)
	}
	var spec struct {
		Paths map[string]map[string]struct {
			OperationID string                     `json:"operationId"`
			Responses   map[string]json.RawMessage `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(raw, &spec); err != nil {
		t.Fatal(err)
	}
	byID := map[string]string{}
	for _, op := range clerkapi.Catalog() {
		byID[op.OperationID] = op.Name
	}
	var want []string
	for _, methods := range spec.Paths {
		for _, o := range methods {
			_, has400 := o.Responses["400"]
			_, has422 := o.Responses["422"]
			if has400 && !has422 && byID[o.OperationID] != "" {
				want = append(want, byID[o.OperationID])
			}
		}
	}
	slices.Sort(want)
	var got []string
	for name := range refusedWith400 {
		got = append(got, name)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("refusedWith400 differs from the spec; want:\n%q", want)
	}
}
