package clientconfig

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// TOML (Codex): a small scanner, enough to find every table header and
// key/value statement with strings, arrays and inline tables skipped
// properly, so [mcp_servers.<name>] is replaced without touching the rest of
// the file. It checks the syntax of strings, brackets, keys and headers, not
// of every value.

type tomlStmt struct {
	text   string   // source, trailing newline included
	header bool     // [table] or [[array]]
	array  bool     // [[array]]
	blank  bool     // blank or comment-only line
	path   []string // the header's path, or the key's dotted path
}

type tomlScanner struct {
	src string
	i   int
}

func (s *tomlScanner) errorf(format string, a ...any) error {
	line := 1 + strings.Count(s.src[:min(s.i, len(s.src))], "\n")
	return fmt.Errorf("line %d: %s", line, fmt.Sprintf(format, a...))
}

func (s *tomlScanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

func (s *tomlScanner) skipSpace() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// eol: at a newline, a comment or the end.
func (s *tomlScanner) eol() bool {
	rest := s.src[s.i:]
	return rest == "" || rest[0] == '\n' || rest[0] == '#' || strings.HasPrefix(rest, "\r\n")
}

func (s *tomlScanner) endLine() error {
	s.skipSpace()
	if s.peek() == '#' {
		for s.i < len(s.src) && s.src[s.i] != '\n' {
			s.i++
		}
	}
	switch rest := s.src[s.i:]; {
	case rest == "":
	case rest[0] == '\n':
		s.i++
	case strings.HasPrefix(rest, "\r\n"):
		s.i += 2
	default:
		return s.errorf("unexpected %q", rest[:1])
	}
	return nil
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// key reads a dotted key: bare, "basic" or 'literal' parts.
func (s *tomlScanner) key() ([]string, error) {
	var parts []string
	for {
		s.skipSpace()
		start := s.i
		switch c := s.peek(); {
		case c == '"' || c == '\'':
			if err := s.stringLit(); err != nil {
				return nil, err
			}
			raw := s.src[start:s.i]
			if strings.HasPrefix(raw, `"""`) || strings.HasPrefix(raw, "'''") {
				return nil, s.errorf("multi-line string used as a key")
			}
			part := raw[1 : len(raw)-1]
			if c == '"' {
				if u, err := strconv.Unquote(raw); err == nil {
					part = u
				}
			}
			parts = append(parts, part)
		case isBare(c):
			for s.i < len(s.src) && isBare(s.src[s.i]) {
				s.i++
			}
			parts = append(parts, s.src[start:s.i])
		default:
			return nil, s.errorf("invalid key")
		}
		s.skipSpace()
		if s.peek() != '.' {
			return parts, nil
		}
		s.i++
	}
}

// stringLit skips a string of any of the four kinds.
func (s *tomlScanner) stringLit() error {
	q := s.src[s.i]
	if end := strings.Repeat(string(q), 3); strings.HasPrefix(s.src[s.i:], end) {
		s.i += 3
		for s.i < len(s.src) {
			if q == '"' && s.src[s.i] == '\\' {
				s.i += 2
				continue
			}
			if strings.HasPrefix(s.src[s.i:], end) {
				s.i += 3
				for k := 0; k < 2 && s.peek() == q; k++ { // """a"""" ends with a quote
					s.i++
				}
				return nil
			}
			s.i++
		}
		return s.errorf("unterminated multi-line string")
	}
	s.i++
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == '\n':
			return s.errorf("unterminated string")
		case q == '"' && c == '\\':
			s.i += 2
			continue
		case c == q:
			s.i++
			return nil
		}
		s.i++
	}
	return s.errorf("unterminated string")
}

// value skips a value: up to the end of the line once every array and
// inline table is closed.
func (s *tomlScanner) value() error {
	s.skipSpace()
	if s.eol() {
		return s.errorf("missing value")
	}
	depth := 0
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == '"' || c == '\'':
			if err := s.stringLit(); err != nil {
				return err
			}
			continue
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			if depth--; depth < 0 {
				return s.errorf("unbalanced %q", c)
			}
		case c == '#' || c == '\n' || c == '\r' && strings.HasPrefix(s.src[s.i:], "\r\n"):
			if depth == 0 {
				return nil
			}
			if c == '#' {
				for s.i < len(s.src) && s.src[s.i] != '\n' {
					s.i++
				}
				continue
			}
		}
		s.i++
	}
	if depth != 0 {
		return s.errorf("unterminated array or inline table")
	}
	return nil
}

func scanTOML(src string) ([]tomlStmt, error) {
	s := &tomlScanner{src: src}
	var out []tomlStmt
	for s.i < len(src) {
		start := s.i
		var st tomlStmt
		s.skipSpace()
		switch {
		case s.eol():
			st.blank = true
		case s.peek() == '[':
			s.i++
			closing := "]"
			if s.peek() == '[' {
				st.array, closing = true, "]]"
				s.i++
			}
			path, err := s.key()
			if err != nil {
				return nil, err
			}
			if !strings.HasPrefix(src[s.i:], closing) {
				return nil, s.errorf("malformed table header")
			}
			s.i += len(closing)
			st.header, st.path = true, path
		default:
			path, err := s.key()
			if err != nil {
				return nil, err
			}
			if s.peek() != '=' {
				return nil, s.errorf("expected = after the key")
			}
			s.i++
			if err := s.value(); err != nil {
				return nil, err
			}
			st.path = path
		}
		if err := s.endLine(); err != nil {
			return nil, err
		}
		st.text = src[start:s.i]
		out = append(out, st)
	}
	return out, nil
}

func tomlString(v string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range v {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func tomlArray(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = tomlString(v)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// codexOwned are the server keys this command writes; others stay.
var codexOwned = []string{"command", "args", "env", "env_vars", "cwd", "url", "bearer_token_env_var", "http_headers", "env_http_headers"}

// mergeCodex replaces or appends [mcp_servers.<name>] and its env table. Other
// keys of those two tables, and everything else, stay as they are.
func mergeCodex(src []byte, name string, l launch) ([]byte, error) {
	text := string(src)
	stmts, err := scanTOML(text)
	if err != nil {
		return nil, fmt.Errorf("cannot parse as TOML (%v)", err)
	}
	nl := "\n"
	if strings.Contains(text, "\r\n") {
		nl = "\r\n"
	}
	mainPath := []string{"mcp_servers", name}
	envPath := []string{"mcp_servers", name, "env"}
	type segment struct {
		header *tomlStmt
		path   []string
		stmts  []tomlStmt
	}
	segs := []segment{{}}
	idxMain, idxEnv := -1, -1
	for i := range stmts {
		st := stmts[i]
		if st.header {
			if st.array && st.path[0] == "mcp_servers" {
				return nil, fmt.Errorf("[[%s]] is an array of tables; Codex expects [mcp_servers.<name>] tables", strings.Join(st.path, "."))
			}
			for _, own := range []struct {
				path []string
				idx  *int
			}{{mainPath, &idxMain}, {envPath, &idxEnv}} {
				if slices.Equal(st.path, own.path) {
					if *own.idx >= 0 {
						return nil, fmt.Errorf("[%s] is defined twice", strings.Join(own.path, "."))
					}
					*own.idx = len(segs)
				}
			}
			segs = append(segs, segment{header: &stmts[i], path: st.path})
			continue
		}
		cur := &segs[len(segs)-1]
		if !st.blank {
			full := append(slices.Clone(cur.path), st.path...)
			inside := len(cur.path) >= 2 && slices.Equal(cur.path[:2], mainPath) // our tables and their sub-tables
			if !inside && (slices.Equal(full, []string{"mcp_servers"}) || len(full) >= 2 && slices.Equal(full[:2], mainPath)) {
				return nil, fmt.Errorf("mcp_servers.%s is written with dotted keys or an inline table here; edit that entry by hand", name)
			}
		}
		cur.stmts = append(cur.stmts, st)
	}

	// The new tables, with what the old ones held beyond our keys.
	var main strings.Builder
	main.WriteString("[mcp_servers." + name + "]" + nl)
	if l.url != "" {
		main.WriteString("url = " + tomlString(l.url) + nl)
		if l.bearerEnv != "" {
			main.WriteString("bearer_token_env_var = " + tomlString(l.bearerEnv) + nl)
		}
	} else {
		main.WriteString("command = " + tomlString(l.command) + nl)
	}
	if len(l.args) > 0 {
		main.WriteString("args = " + tomlArray(l.args) + nl)
	}
	if l.hasKey && l.key == "" {
		main.WriteString("env_vars = [" + tomlString(secretEnv) + "]" + nl)
	}
	if idxMain >= 0 {
		for _, st := range segs[idxMain].stmts {
			if st.blank || !slices.Contains(codexOwned, st.path[0]) {
				main.WriteString(st.text)
			}
		}
	}
	var env strings.Builder
	var kept bool
	if idxEnv >= 0 && l.url == "" { // a remote server has no environment
		for _, st := range segs[idxEnv].stmts {
			if st.blank || !slices.Equal(st.path, []string{secretEnv}) {
				env.WriteString(st.text)
				kept = kept || !st.blank
			}
		}
	}
	envBlock := ""
	if l.hasKey && l.key != "" || kept {
		envBlock = "[mcp_servers." + name + ".env]" + nl
		if l.hasKey && l.key != "" {
			envBlock += secretEnv + " = " + tomlString(l.key) + nl
		}
		envBlock += env.String()
	}

	var out strings.Builder
	put := func(block string, separate bool) {
		if block == "" {
			return
		}
		if s := out.String(); s != "" {
			if !strings.HasSuffix(s, "\n") {
				out.WriteString(nl)
			}
			if separate && !strings.HasSuffix(out.String(), "\n"+nl) && out.String() != nl {
				out.WriteString(nl)
			}
		}
		out.WriteString(block)
	}
	for i, seg := range segs {
		switch {
		case i == idxMain:
			put(main.String(), false)
			if idxEnv < 0 {
				put(envBlock, true)
			}
		case i == idxEnv:
			if idxMain < 0 {
				put(main.String(), false)
				put(envBlock, true)
			} else {
				put(envBlock, false)
			}
		default:
			var b strings.Builder
			if seg.header != nil {
				b.WriteString(seg.header.text)
			}
			for _, st := range seg.stmts {
				b.WriteString(st.text)
			}
			put(b.String(), false)
		}
	}
	if idxMain < 0 && idxEnv < 0 {
		put(main.String(), true)
		put(envBlock, true)
	}
	return []byte(out.String()), nil
}
