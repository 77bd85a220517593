package sandbox

import (
	"strings"
	"sync"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// handlerFunc runs one emulated operation under the sandbox lock. It returns
// the value to encode as the 200 body (noContent for 204) or an *apiError.
type handlerFunc func(s *Sandbox, c *call) (any, error)

// flagged binds the flag of a handler that serves two operations, such as
// ban and unban.
func flagged(h func(*Sandbox, *call, bool) (any, error), flag bool) handlerFunc {
	return func(s *Sandbox, c *call) (any, error) { return h(s, c, flag) }
}

// route is one catalog operation, reached by method and path template.
type route struct {
	op     *clerkapi.Operation
	segs   []string // path template segments; "{name}" captures one segment
	handle handlerFunc
}

// routes covers every catalog operation, so any path the API knows is routed
// and answers either its emulation or 501; anything else is a 404. It is
// built on first use, so a server that is not a sandbox never pays for it.
var routes = sync.OnceValue(func() []route {
	ops := clerkapi.Catalog()
	out := make([]route, 0, len(ops))
	for i := range ops {
		op := &ops[i]
		out = append(out, route{
			op:     op,
			segs:   strings.Split(strings.TrimPrefix(op.Path, "/"), "/"),
			handle: handlers[op.Name],
		})
	}
	return out
})

// Emulated reports whether the sandbox emulates the named operation; every
// other catalog operation answers 501 sandbox_not_emulated.
func Emulated(name string) bool {
	_, ok := handlers[name]
	return ok
}

// match finds the route for a request, preferring literal segments over
// captures (so /users/count wins over /users/{user_id}), and returns the
// captured path parameters.
func match(method string, segs []string) (*route, map[string]string) {
	var best *route
	all := routes()
	for i := range all {
		rt := &all[i]
		if rt.op.Method != method || len(rt.segs) != len(segs) || !rt.matches(segs) {
			continue
		}
		if best == nil || rt.moreSpecific(best) {
			best = rt
		}
	}
	if best == nil {
		return nil, nil
	}
	params := map[string]string{}
	for i, seg := range best.segs {
		if name, ok := capture(seg); ok {
			params[name] = segs[i]
		}
	}
	return best, params
}

func (rt *route) matches(segs []string) bool {
	for i, seg := range rt.segs {
		if _, ok := capture(seg); ok {
			if strings.TrimSpace(segs[i]) == "" {
				return false
			}
			continue
		}
		if seg != segs[i] {
			return false
		}
	}
	return true
}

// moreSpecific reports whether rt has a literal where other has a capture, at
// the first segment where they differ in kind.
func (rt *route) moreSpecific(other *route) bool {
	for i := range rt.segs {
		_, a := capture(rt.segs[i])
		_, b := capture(other.segs[i])
		if a != b {
			return !a
		}
	}
	return false
}

func capture(seg string) (string, bool) {
	if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
		return seg[1 : len(seg)-1], true
	}
	return "", false
}
