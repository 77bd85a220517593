package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Profile is a dialect of JSON Schema a client accepts. Every tool has one
// canonical input schema; profiles are derived from it for clients that
// reject parts of it. Whatever the profile, the server validates against the
// canonical schema after normalizing the arguments (see normalize), so a
// call shaped by any profile is accepted.
type Profile string

// The profiles.
const (
	// ProfileCanonical: flat JSON Schema, no references, no type arrays.
	ProfileCanonical Profile = "canonical"
	// ProfileGemini: Gemini's OpenAPI subset — no additionalProperties,
	// default, pattern or length keywords; formats only date-time;
	// free-form objects (which must have properties there) become JSON strings.
	ProfileGemini Profile = "gemini"
	// ProfileOpenAIStrict: OpenAI strict function calling — every object
	// closed with all properties required, optional ones nullable, no
	// default, length or uniqueness keywords, free-form objects as JSON strings.
	ProfileOpenAIStrict Profile = "openai-strict"
)

// Profiles lists every profile.
var Profiles = []Profile{ProfileCanonical, ProfileGemini, ProfileOpenAIStrict}

// ParseProfile reads --schema-profile: a profile name, or "auto" (empty) to
// choose per session from the client's name.
func ParseProfile(s string) (Profile, error) {
	if s == "" || s == "auto" {
		return "", nil
	}
	if slices.Contains(Profiles, Profile(s)) {
		return Profile(s), nil
	}
	return "", fmt.Errorf("--schema-profile must be auto, canonical, gemini or openai-strict (got %q)", s)
}

// ProfileForClient picks a profile from the client name sent in initialize.
func ProfileForClient(name string) Profile {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "gemini"):
		return ProfileGemini
	case strings.Contains(n, "openai"), strings.Contains(n, "chatgpt"):
		return ProfileOpenAIStrict
	}
	return ProfileCanonical
}

// inputSchemas holds the canonical input schema of every registered tool,
// by name; it is written before the server serves and only read after.
type inputSchemas struct {
	m       map[string]json.RawMessage
	adapted sync.Map // profile + "\x00" + tool -> json.RawMessage
}

// get returns a tool's input schema in profile p.
func (c *inputSchemas) get(p Profile, name string) json.RawMessage {
	canonical := c.m[name]
	if p == "" || p == ProfileCanonical || canonical == nil {
		return canonical
	}
	key := string(p) + "\x00" + name
	if v, ok := c.adapted.Load(key); ok {
		return v.(json.RawMessage)
	}
	out, err := AdaptSchema(p, canonical)
	if err != nil {
		out = canonical
	}
	c.adapted.Store(key, out)
	return out
}

// sessionProfile is the profile of the session behind ctx: forced by flag,
// else chosen from the client's name; canonical without a session.
func sessionProfile(ctx context.Context, forced Profile) Profile {
	if forced != "" {
		return forced
	}
	if s, ok := server.ClientSessionFromContext(ctx).(server.SessionWithClientInfo); ok {
		return ProfileForClient(s.GetClientInfo().Name)
	}
	return ProfileCanonical
}

// schemaHook attaches input schemas to tools/list in the session's profile:
// forced by flag, else chosen from the client's name.
func schemaHook(forced Profile, inputs *inputSchemas) *server.Hooks {
	h := &server.Hooks{}
	h.AddAfterListTools(func(ctx context.Context, _ any, _ *mcp.ListToolsRequest, res *mcp.ListToolsResult) {
		p := sessionProfile(ctx, forced)
		for i := range res.Tools {
			t := &res.Tools[i]
			if schema := inputs.get(p, t.Name); schema != nil {
				t.RawInputSchema = schema
			}
		}
	})
	return h
}

// AdaptSchema derives a profile's schema from a canonical input schema.
func AdaptSchema(p Profile, canonical json.RawMessage) (json.RawMessage, error) {
	if p == ProfileCanonical || p == "" {
		return canonical, nil
	}
	var s map[string]any
	dec := json.NewDecoder(bytes.NewReader(canonical))
	dec.UseNumber()
	if err := dec.Decode(&s); err != nil {
		return nil, err
	}
	adapt(p, s, true)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(buf.Bytes()), nil
}

func adapt(p Profile, n map[string]any, top bool) {
	drop := []string{"default", "minLength", "maxLength", "uniqueItems", "title"}
	if p == ProfileGemini {
		drop = append(drop, "additionalProperties", "pattern", "exclusiveMinimum", "exclusiveMaximum")
	}
	for _, k := range drop {
		delete(n, k)
	}
	if f, ok := n["format"].(string); ok && f != "date-time" {
		delete(n, "format")
	}
	if _, typed := n["type"]; !typed && n["enum"] != nil {
		n["type"] = "string" // unset's items: an enum of names, typed for these dialects
	}
	if !top && isFreeForm(n) {
		desc, _ := n["description"].(string)
		for k := range n {
			delete(n, k)
		}
		n["type"] = "string"
		n["description"] = strings.TrimSpace(desc + " A JSON object, as a string.")
		return
	}
	if items, ok := n["items"].(map[string]any); ok {
		adapt(p, items, false)
	}
	props, _ := n["properties"].(map[string]any)
	for _, v := range props {
		if m, ok := v.(map[string]any); ok {
			adapt(p, m, false)
		}
	}
	if p != ProfileOpenAIStrict || n["type"] != "object" {
		return
	}
	// Strict: closed objects, every property required, optional ones nullable.
	n["additionalProperties"] = false
	required := map[string]bool{}
	if rs, ok := n["required"].([]any); ok {
		for _, r := range rs {
			required[r.(string)] = true
		}
	}
	all := make([]any, 0, len(props))
	for _, k := range slices.Sorted(maps.Keys(props)) {
		all = append(all, k)
		if m, ok := props[k].(map[string]any); ok && !required[k] {
			if t, ok := m["type"].(string); ok {
				m["type"] = []any{t, "null"}
			}
			if e, ok := m["enum"].([]any); ok {
				m["enum"] = append(e, nil)
			}
		}
	}
	n["required"] = all
	if props == nil {
		n["properties"] = map[string]any{}
	}
}
