package sandbox

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	_ "github.com/clerk-mcp/clerk-mcp/internal/golden"
)

// TestLayoutMirrorsClerkAPI holds the package's layout: every catalog
// operation's handler is registered in the table of the sandbox file named
// like the clerkapi file that declares the operation's row, and a handler
// method that serves the operations of one clerkapi file only is defined in
// that same file, or in a <file>_<part>.go next to it (one serving several groups, such as ban/unban or the
// user/organization billing pair, lives in a shared file). Both sides are
// read from the source, so a handler added to the wrong file, or a row
// moved in clerkapi without its handler, fails here.
func TestLayoutMirrorsClerkAPI(t *testing.T) {
	opFile := operationFiles(t, "../../clerkapi")
	for _, op := range clerkapi.Catalog() {
		if opFile[op.Name] == "" {
			t.Errorf("%s: no row found in clerkapi/*.go", op.Name)
		}
	}

	fset := token.NewFileSet()
	pkgFiles := parseDir(t, fset, ".")
	methodFile := map[string]string{} // (*Sandbox) method -> file
	for name, f := range pkgFiles {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && receiverIs(fd.Recv, "Sandbox") {
				methodFile[fd.Name.Name] = name
			}
		}
	}

	type reg struct {
		file    string
		methods []string
	}
	regs := map[string]reg{}
	for name, f := range pkgFiles {
		ast.Inspect(f, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok || !isHandlerTable(cl.Type) {
				return true
			}
			for _, el := range cl.Elts {
				kv := el.(*ast.KeyValueExpr)
				op, err := strconv.Unquote(kv.Key.(*ast.BasicLit).Value)
				if err != nil {
					t.Fatalf("%s: table key %s: %v", name, fset.Position(kv.Pos()), err)
				}
				if prev, dup := regs[op]; dup {
					t.Errorf("%s registered in both %s and %s", op, prev.file, name)
				}
				regs[op] = reg{file: name, methods: sandboxMethods(kv.Value)}
			}
			return false
		})
	}

	if len(regs) != len(handlers) {
		t.Errorf("the tables in the source register %d operations, handlers has %d: a table is not merged", len(regs), len(handlers))
	}
	groupsOf := map[string]map[string]bool{} // method -> clerkapi files it serves
	for op, r := range regs {
		if _, ok := handlers[op]; !ok {
			t.Errorf("%s: in a table in %s but not in handlers", op, r.file)
		}
		want := opFile[op]
		if want == "" {
			t.Errorf("%s: registered in %s but not a catalog operation", op, r.file)
			continue
		}
		if r.file != want {
			t.Errorf("%s: registered in internal/sandbox/%s, want internal/sandbox/%s (its row is in clerkapi/%s)", op, r.file, want, want)
		}
		for _, m := range r.methods {
			if groupsOf[m] == nil {
				groupsOf[m] = map[string]bool{}
			}
			groupsOf[m][want] = true
		}
	}
	for _, op := range clerkapi.Catalog() {
		if _, ok := regs[op.Name]; !ok {
			t.Errorf("%s: registered in no table", op.Name)
		}
	}
	for m, groups := range groupsOf {
		if len(groups) != 1 {
			continue
		}
		for want := range groups {
			if got := methodFile[m]; !sameGroup(got, want) {
				t.Errorf("(*Sandbox).%s serves only clerkapi/%s but is defined in internal/sandbox/%s (want %s or %s_*.go)", m, want, got, want, strings.TrimSuffix(want, ".go"))
			}
		}
	}
}

// sameGroup reports whether a sandbox file belongs to the group of a
// clerkapi file: the same name, or the name with a _part suffix for a group
// too large for one file (users.go and users_credentials.go).
func sameGroup(sandboxFile, clerkapiFile string) bool {
	base := strings.TrimSuffix(clerkapiFile, ".go")
	return sandboxFile == clerkapiFile || strings.HasPrefix(sandboxFile, base+"_") && !isClerkAPIFile(sandboxFile)
}

// isClerkAPIFile reports whether clerkapi has a file of that name, so
// organization_roles.go is never taken for a part of organization.go.
func isClerkAPIFile(name string) bool {
	_, err := os.Stat(filepath.Join("../../clerkapi", name))
	return err == nil
}

// operationFiles maps each operation name to the clerkapi file whose
// []Operation literal declares its row.
func operationFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, f := range parseDir(t, token.NewFileSet(), dir) {
		ast.Inspect(f, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if at, ok := cl.Type.(*ast.ArrayType); !ok || !isIdent(at.Elt, "Operation") {
				return true
			}
			for _, el := range cl.Elts {
				row, ok := el.(*ast.CompositeLit)
				if !ok {
					continue
				}
				for _, field := range row.Elts {
					kv, ok := field.(*ast.KeyValueExpr)
					if !ok || !isIdent(kv.Key, "Name") {
						continue
					}
					if lit, ok := kv.Value.(*ast.BasicLit); ok {
						op, _ := strconv.Unquote(lit.Value)
						out[op] = name
					}
				}
			}
			return false
		})
	}
	if len(out) == 0 {
		t.Fatalf("no operation rows found under %s", dir)
	}
	return out
}

// parseDir parses the non-test Go files of dir, by base name.
func parseDir(t *testing.T, fset *token.FileSet, dir string) map[string]*ast.File {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	out := map[string]*ast.File{}
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = f
	}
	return out
}

// isHandlerTable reports whether a literal's type is map[string]handlerFunc.
func isHandlerTable(typ ast.Expr) bool {
	mt, ok := typ.(*ast.MapType)
	return ok && isIdent(mt.Key, "string") && isIdent(mt.Value, "handlerFunc")
}

// sandboxMethods lists the (*Sandbox).name method expressions in a table
// entry, such as the one flagged wraps.
func sandboxMethods(e ast.Expr) []string {
	var out []string
	ast.Inspect(e, func(n ast.Node) bool {
		if se, ok := n.(*ast.SelectorExpr); ok {
			if p, ok := se.X.(*ast.ParenExpr); ok {
				if st, ok := p.X.(*ast.StarExpr); ok && isIdent(st.X, "Sandbox") {
					out = append(out, se.Sel.Name)
				}
			}
		}
		return true
	})
	return out
}

func receiverIs(recv *ast.FieldList, name string) bool {
	typ := recv.List[0].Type
	if st, ok := typ.(*ast.StarExpr); ok {
		typ = st.X
	}
	return isIdent(typ, name)
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}
