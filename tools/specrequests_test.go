package tools

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
	"github.com/clerk-mcp/clerk-mcp/internal/golden"
)

// specAllowed lists the violations the spec itself causes, by operationId
// and a fragment of the validator's message, each with its reason. Keep it
// small: a request that breaks the spec is fixed in the case or the code.
var specAllowed = map[string]string{}

// TestGoldenRequestsMatchSpec validates every HTTP request the golden call
// cases send (testdata/calls/*.json; the previews' identity reads included)
// against Clerk's OpenAPI spec with kin-openapi's openapi3filter: the path
// and its parameters, the query, the headers the spec declares, the body
// (JSON or multipart), patterns and formats included, and the bearer key.
func TestGoldenRequestsMatchSpec(t *testing.T) {
	data := golden.Spec(t, clerkapi.APIVersion)
	doc, err := openapi3.NewLoader().LoadFromData(data)
	require.NoError(t, err)
	specOps := map[string]*routers.Route{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			specOps[op.OperationID] = &routers.Route{Spec: doc, Server: doc.Servers[0], Path: path, PathItem: item, Method: method, Operation: op}
		}
	}
	opts := &openapi3filter.Options{
		MultiError:         true,
		AuthenticationFunc: bearerPresent,
		SchemaValidationOptions: []openapi3.SchemaValidationOption{
			openapi3.EnableFormatValidation(),
			openapi3.WithStringFormatValidator("email", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail)),
			openapi3.WithStringFormatValidator("uri", uriFormat{}),
		},
	}
	ops := catalogOps()
	checkTheChecker(t, specOps, ops, opts)
	requests, allowed := 0, 0
	var violations []string
	for _, op := range ops {
		var file caseFile
		readCases(t, op.Name, &file)
		for i := range file.Cases {
			c := file.Cases[i]
			runCase(t, op, &c)
			for _, r := range c.sent {
				requests++
				target := routeOf(ops, op, r)
				if target == nil {
					violations = append(violations, fmt.Sprintf("%s/%s: %s %s matches no operation", op.Name, c.Name, r.Method, r.Path))
					continue
				}
				route := specOps[target.OperationID]
				if route == nil {
					violations = append(violations, fmt.Sprintf("%s/%s: %s is not in the spec", op.Name, c.Name, target.OperationID))
					continue
				}
				for _, msg := range validateAgainstSpec(t, route, target, r, opts) {
					if why := allowedViolation(target.OperationID, msg); why != "" {
						allowed++
						continue
					}
					violations = append(violations, fmt.Sprintf("%s/%s: %s %s?%s (%s): %s", op.Name, c.Name, r.Method, r.Path, r.RawQuery, target.OperationID, msg))
				}
			}
		}
	}
	sort.Strings(violations)
	t.Logf("%d requests from the golden cases checked against the spec: %d violations, %d allowed by specAllowed", requests, len(violations), allowed)
	for _, v := range violations {
		t.Error(v)
	}
	require.NotZero(t, requests)
}

func allowedViolation(opID, msg string) string {
	for k, why := range specAllowed {
		id, frag, _ := strings.Cut(k, " ")
		if id == opID && strings.Contains(msg, frag) {
			return why
		}
	}
	return ""
}

// routeOf finds the operation a request went to: the case's own when it
// matches, else (a preview's identity read) the GET whose template matches
// with the most literal segments.
func routeOf(ops []*clerkapi.Operation, own *clerkapi.Operation, r fakeclerk.Request) *clerkapi.Operation {
	if r.Method == own.Method && pathParams(own.Path, r.Path) != nil {
		return own
	}
	var best *clerkapi.Operation
	bestScore := -1
	for _, op := range ops {
		if op.Method != r.Method || pathParams(op.Path, r.Path) == nil {
			continue
		}
		if score := strings.Count(op.Path, "/") - strings.Count(op.Path, "{"); score > bestScore {
			best, bestScore = op, score
		}
	}
	return best
}

// pathParams matches an escaped request path (with the /v1 prefix) against a
// path template and returns the unescaped parameters, nil when it does not
// match.
func pathParams(template, path string) map[string]string {
	rest, ok := strings.CutPrefix(path, "/v1")
	if !ok {
		return nil
	}
	ts, ps := strings.Split(template, "/"), strings.Split(rest, "/")
	if len(ts) != len(ps) {
		return nil
	}
	out := map[string]string{}
	for i, seg := range ts {
		if strings.HasPrefix(seg, "{") {
			v, err := url.PathUnescape(ps[i])
			if err != nil || v == "" {
				return nil
			}
			out[strings.Trim(seg, "{}")] = v
			continue
		}
		if seg != ps[i] {
			return nil
		}
	}
	return out
}

// validateAgainstSpec rebuilds the request as Clerk would receive it and
// returns one message per violation.
func validateAgainstSpec(t *testing.T, route *routers.Route, op *clerkapi.Operation, r fakeclerk.Request, opts *openapi3filter.Options) []string {
	t.Helper()
	u := "https://api.clerk.com" + r.Path
	if r.RawQuery != "" {
		u += "?" + r.RawQuery
	}
	req, err := http.NewRequestWithContext(context.Background(), r.Method, u, bytes.NewReader(r.Body))
	require.NoError(t, err)
	req.Header = r.Header.Clone()
	if len(r.Body) == 0 {
		req.Body = http.NoBody
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: pathParams(op.Path, r.Path), Route: route, Options: opts}
	err = openapi3filter.ValidateRequest(context.Background(), in)
	if err == nil {
		return nil
	}
	var me openapi3.MultiError
	if !errors.As(err, &me) {
		return []string{oneLine(err.Error())}
	}
	var out []string
	for _, e := range me {
		out = append(out, oneLine(e.Error()))
	}
	return out
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	return s
}

// bearerPresent accepts the spec's bearerAuth when the request carries a
// non-empty bearer key.
func bearerPresent(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	h := in.RequestValidationInput.Request.Header.Get("Authorization")
	if key, ok := strings.CutPrefix(h, "Bearer "); !ok || strings.TrimSpace(key) == "" {
		return errors.New("no bearer key")
	}
	return nil
}

// uriFormat checks the spec's "uri" format: an absolute URI.
type uriFormat struct{}

func (uriFormat) Validate(v string) error {
	u, err := url.Parse(v)
	if err != nil || u.Scheme == "" {
		return fmt.Errorf("not an absolute URI: %q", v)
	}
	return nil
}

// checkTheChecker: the validation is not vacuous. The mistakes a confused
// model or a careless case would make are each caught: an id of the wrong
// kind against a path pattern, a subject that is no user, an unknown body
// field, a wrong type, a bad enum, a missing required field, no bearer key.
func checkTheChecker(t *testing.T, specOps map[string]*routers.Route, ops []*clerkapi.Operation, opts *openapi3filter.Options) {
	t.Helper()
	auth := http.Header{"Authorization": {"Bearer " + goldenKey}, "Content-Type": {"application/json"}}
	for _, bad := range []struct {
		tool string
		req  fakeclerk.Request
		want string
	}{
		{"get_api_key", fakeclerk.Request{Method: "GET", Path: "/v1/api_keys/user_123", Header: auth}, "apiKeyID"},
		{"list_api_keys", fakeclerk.Request{Method: "GET", Path: "/v1/api_keys", RawQuery: "subject=subject", Header: auth}, "subject"},
		{"create_user", fakeclerk.Request{Method: "POST", Path: "/v1/users", Header: auth, Body: []byte(`{"email_address":["a@example.com"],"nickname":"x"}`)}, "nickname"},
		{"create_user", fakeclerk.Request{Method: "POST", Path: "/v1/users", Header: auth, Body: []byte(`{"email_address":"a@example.com"}`)}, "email_address"},
		{"create_user", fakeclerk.Request{Method: "POST", Path: "/v1/users", Header: auth, Body: []byte(`{"email_address":["a@example.com"],"email_address_identification_status":["pending"]}`)}, "pending"},
		{"create_organization", fakeclerk.Request{Method: "POST", Path: "/v1/organizations", Header: auth, Body: []byte(`{"slug":"acme"}`)}, "name"},
		{"get_user", fakeclerk.Request{Method: "GET", Path: "/v1/users/user_2x8kQ3mZp7Lw9VnB4cYt1R", Header: http.Header{}}, "security"},
	} {
		o := op(t, bad.tool)
		target := routeOf(ops, o, bad.req)
		require.Equal(t, o, target, "%s routes to its own operation", bad.tool)
		msgs := validateAgainstSpec(t, specOps[o.OperationID], o, bad.req, opts)
		require.NotEmpty(t, msgs, "%s %s passed the spec check", bad.req.Method, bad.req.Path)
		require.Contains(t, strings.Join(msgs, "\n"), bad.want)
	}
}
