package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/clientconfig"
	"github.com/clerk-mcp/clerk-mcp/internal/golden"
)

// serverSchema is what the MCP registry documents for server.json
// (https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json
// and the registry's publishing requirements), transcribed so the test needs
// no network: required fields, the name pattern, lengths, package and
// environment variable fields. Packages and their inputs are closed, so a
// misspelt field fails here rather than being ignored by the registry.
const serverSchema = `{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "type": "object",
  "required": ["name", "description", "version"],
  "properties": {
    "$schema": {"type": "string", "format": "uri"},
    "name": {"type": "string", "minLength": 3, "maxLength": 200, "pattern": "^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$"},
    "title": {"type": "string", "minLength": 1, "maxLength": 100},
    "description": {"type": "string", "minLength": 1, "maxLength": 100},
    "version": {"type": "string", "minLength": 1, "maxLength": 255, "not": {"const": "latest"}},
    "websiteUrl": {"type": "string", "format": "uri"},
    "repository": {
      "type": "object",
      "required": ["url", "source"],
      "properties": {
        "url": {"type": "string", "format": "uri"},
        "source": {"type": "string"},
        "id": {"type": "string"},
        "subfolder": {"type": "string"}
      }
    },
    "packages": {"type": "array", "items": {"$ref": "#/definitions/package"}},
    "remotes": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["type", "url"],
        "properties": {
          "type": {"enum": ["streamable-http", "sse"]},
          "url": {"type": "string", "pattern": "^(https?://[^\\s]+|\\{[a-zA-Z_][a-zA-Z0-9_]*\\}[^\\s]*)$"},
          "headers": {"type": "array", "items": {"$ref": "#/definitions/keyValue"}}
        }
      }
    },
    "_meta": {"type": "object"}
  },
  "definitions": {
    "package": {
      "type": "object",
      "additionalProperties": false,
      "required": ["registryType", "identifier", "transport"],
      "properties": {
        "registryType": {"enum": ["npm", "pypi", "nuget", "oci", "mcpb"]},
        "registryBaseUrl": {"type": "string", "format": "uri"},
        "identifier": {"type": "string", "minLength": 1},
        "version": {"type": "string", "minLength": 1, "not": {"const": "latest"}},
        "fileSha256": {"type": "string", "pattern": "^[a-f0-9]{64}$"},
        "runtimeHint": {"type": "string"},
        "transport": {
          "type": "object",
          "required": ["type"],
          "properties": {"type": {"enum": ["stdio", "streamable-http", "sse"]}, "url": {"type": "string"}},
          "if": {"properties": {"type": {"enum": ["streamable-http", "sse"]}}},
          "then": {"required": ["url"]}
        },
        "runtimeArguments": {"type": "array", "items": {"$ref": "#/definitions/argument"}},
        "packageArguments": {"type": "array", "items": {"$ref": "#/definitions/argument"}},
        "environmentVariables": {"type": "array", "items": {"$ref": "#/definitions/keyValue"}}
      },
      "allOf": [
        {"if": {"properties": {"registryType": {"const": "mcpb"}}}, "then": {"required": ["fileSha256"]}},
        {"if": {"properties": {"registryType": {"const": "oci"}}}, "then": {"properties": {"identifier": {"pattern": "^[^\\s]+(:[A-Za-z0-9_][A-Za-z0-9_.-]*|@sha256:[a-f0-9]{64})$"}}}}
      ]
    },
    "keyValue": {
      "type": "object",
      "additionalProperties": false,
      "required": ["name"],
      "properties": {
        "name": {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_-]*$"},
        "description": {"type": "string"},
        "isRequired": {"type": "boolean"},
        "isSecret": {"type": "boolean"},
        "format": {"enum": ["string", "number", "boolean", "filepath"]},
        "value": {"type": "string"},
        "default": {"type": "string"},
        "placeholder": {"type": "string"},
        "choices": {"type": "array", "items": {"type": "string"}},
        "variables": {"type": "object"}
      }
    },
    "argument": {
      "type": "object",
      "required": ["type"],
      "properties": {"type": {"enum": ["positional", "named"]}, "name": {"type": "string"}, "value": {"type": "string"}, "valueHint": {"type": "string"}}
    }
  }
}`

type serverJSON struct {
	Schema      string `json:"$schema"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Version     string `json:"version"`
	Repository  struct {
		URL    string `json:"url"`
		Source string `json:"source"`
	} `json:"repository"`
	Packages []struct {
		RegistryType string `json:"registryType"`
		Identifier   string `json:"identifier"`
		RuntimeHint  string `json:"runtimeHint"`
		Transport    struct {
			Type string `json:"type"`
		} `json:"transport"`
		EnvironmentVariables []struct {
			Name       string `json:"name"`
			IsRequired bool   `json:"isRequired"`
			IsSecret   bool   `json:"isSecret"`
			Default    string `json:"default"`
		} `json:"environmentVariables"`
	} `json:"packages"`
}

func readServerJSON(t *testing.T) ([]byte, serverJSON) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(golden.Root(t), "server.json"))
	require.NoError(t, err)
	var s serverJSON
	dec := json.NewDecoder(bytes.NewReader(raw))
	require.NoError(t, dec.Decode(&s))
	return raw, s
}

func TestServerJSONMatchesTheRegistrySchema(t *testing.T) {
	raw, _ := readServerJSON(t)
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(serverSchema))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource("server.schema.json", doc))
	sch, err := c.Compile("server.schema.json")
	require.NoError(t, err)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	require.NoError(t, err)
	assert.NoError(t, sch.Validate(inst))

	// The schema itself rejects what the registry rejects.
	for _, bad := range []string{
		`{"name": "clerk-mcp", "description": "x", "version": "1.0.0"}`,
		`{"name": "io.github.a/b", "description": "` + strings.Repeat("x", 101) + `", "version": "1.0.0"}`,
		`{"name": "io.github.a/b", "description": "x"}`,
		`{"name": "io.github.a/b", "description": "x", "version": "1", "packages": [{"registryType": "oci", "identifier": "docker.io/a/b", "transport": {"type": "stdio"}}]}`,
		`{"name": "io.github.a/b", "description": "x", "version": "1", "packages": [{"registryType": "oci", "identifier": "a/b:1", "transport": {"type": "stdio"}, "environment_variables": []}]}`,
		`{"name": "io.github.a/b", "description": "x", "version": "1", "packages": [{"registryType": "oci", "identifier": "a/b:1", "transport": {"type": "stdio"}, "environmentVariables": [{"name": "K", "is_secret": true}]}]}`,
		`{"name": "io.github.a/b", "description": "x", "version": "1", "packages": [{"registryType": "go", "identifier": "a", "transport": {"type": "stdio"}}]}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		require.NoError(t, err)
		assert.Error(t, sch.Validate(inst), bad)
	}
}

// The facts server.json states are held to the code, so it cannot drift.
func TestServerJSONStaysTrue(t *testing.T) {
	_, s := readServerJSON(t)
	assert.Regexp(t, `^https://static\.modelcontextprotocol\.io/schemas/\d{4}-\d{2}-\d{2}/server\.schema\.json$`, s.Schema)

	// io.github.<owner>/… is proven by the GitHub owner of the module.
	owner := strings.Split(strings.TrimPrefix(clientconfig.ModulePath, "github.com/"), "/")[0]
	assert.Equal(t, "io.github."+owner+"/clerk-mcp", s.Name)
	assert.Equal(t, "https://"+clientconfig.ModulePath, s.Repository.URL)
	assert.Equal(t, "github", s.Repository.Source)

	assert.Regexp(t, `^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$`, s.Version, "a semantic version, no range")
	// The operation count is the catalog's; -update rewrites it in place.
	checkCounts(t, "server.json", serverJSONCounts(counts(t)))

	require.Len(t, s.Packages, 1)
	p := s.Packages[0]
	assert.Equal(t, "oci", p.RegistryType)
	assert.Equal(t, "stdio", p.Transport.Type)
	assert.Equal(t, "docker", p.RuntimeHint)
	image, tag, ok := strings.Cut(p.Identifier, ":")
	require.True(t, ok, "the image reference carries a tag")
	assert.Equal(t, "docker.io/clerkmcp/clerk-mcp", image)
	assert.Equal(t, s.Version, tag, "the image tag is the server version")

	env := map[string]struct{ required, secret bool }{}
	for _, e := range p.EnvironmentVariables {
		env[e.Name] = struct{ required, secret bool }{e.IsRequired, e.IsSecret}
		if e.Name == "CLERK_API_URL" {
			assert.Equal(t, clerkapi.DefaultBaseURL, e.Default)
		}
	}
	assert.Equal(t, map[string]struct{ required, secret bool }{
		"CLERK_SECRET_KEY":         {true, true},
		"CLERK_MACHINE_SECRET_KEY": {false, true},
		envTwins["api-url"]:        {false, false},
	}, env)

	// The variables are the ones the server reads.
	src, err := os.ReadFile("main.go")
	require.NoError(t, err)
	for name := range env {
		assert.Contains(t, string(src), `"`+name+`"`, "main.go reads %s", name)
	}

	// At release time the version follows the newest tag.
	if out, err := exec.Command("git", "-C", golden.Root(t), "describe", "--tags", "--abbrev=0", "--match", "v[0-9]*").Output(); err == nil {
		assert.Equal(t, strings.TrimPrefix(strings.TrimSpace(string(out)), "v"), s.Version, "server.json's version is the latest release tag")
	}

	// The README names the registry entry.
	readme, err := os.ReadFile(filepath.Join(golden.Root(t), "README.md"))
	require.NoError(t, err)
	assert.Contains(t, string(readme), s.Name)
}
