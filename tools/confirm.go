package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/clerk-mcp/clerk-mcp/clerkapi"
)

// Preview is the result of a destructive call made without confirmation:
// nothing was sent to Clerk. Its fields are named so that none clashes with
// a field of any tool's output schema.
type Preview struct {
	Executed             bool           `json:"executed"`
	ConfirmationRequired bool           `json:"confirmation_required"`
	Tool                 string         `json:"tool"`
	Request              string         `json:"request"`
	Target               string         `json:"target,omitempty"`
	Arguments            map[string]any `json:"arguments"`
	Confirm              string         `json:"confirm"`
	ExpiresAt            string         `json:"confirm_expires_at"`
}

// change is what a destructive call would do, as the user is shown it: the
// request, the target's identity and the canonical arguments, secrets hidden
// and long values capped.
type change struct {
	Tool      string
	Request   string         // "POST /users/ban"
	Target    string         // identity of the target; "" when unknown
	Arguments map[string]any // shownArguments of the call
}

// elicitor asks the human on the other side of the client.
type elicitor interface {
	RequestElicitation(ctx context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error)
}

// confirm is the confirmation gate of destructive operations, in one place.
// It returns nil to let the call run, or the result that stands instead of
// it: a preview with a token, or a refusal. Either way nothing is sent to
// Clerk except, for the preview, a read of the target's identity.
func (h *Handler) confirm(ctx context.Context, op *clerkapi.Operation, args clerkapi.Args) *mcp.CallToolResult {
	raw, given := args["confirm"]
	delete(args, "confirm")
	if h.policy == PolicyOff {
		noteConfirm(ctx, "off", "none", "")
		return nil
	}
	tree, canon, err := canonical(args)
	if err != nil {
		return mcp.NewToolResultError("Invalid arguments for " + op.Name + ": " + err.Error())
	}
	target, err := clerkapi.ExpandPath(op.Path, args)
	if err != nil {
		return mcp.NewToolResultError("Invalid arguments for " + op.Name + ":\n- " + err.Error())
	}
	if given {
		if h.policy == PolicyElicit {
			noteConfirm(ctx, "elicitation", "refused", "a token was given; this server confirms with the user only")
			return refused(op, "this server confirms destructive calls with the user through the client, not with tokens")
		}
		var token string
		if err := json.Unmarshal(raw, &token); err != nil {
			noteConfirm(ctx, "token", "refused", "confirm is not a token string")
			return refused(op, "confirm must be the token string from the preview")
		}
		if err := h.gate.VerifyContext(ctx, h.scope(ctx, op, canon), token); err != nil {
			noteConfirm(ctx, "token", "refused", err.Error())
			if errors.Is(err, ErrStoreUnavailable) {
				// Fail closed; the token was not spent: the same call may be retried.
				return refused(op, err.Error()+"; the token is still valid, retry the same call shortly")
			}
			return refused(op, err.Error()+"; "+callAgain(ctx, op)+" without "+confirmField(ctx)+" to get a new preview and token")
		}
		noteConfirm(ctx, "token", "redeemed", "")
		return nil
	}
	who, err := h.identify(ctx, op, args)
	if err != nil {
		noteConfirm(ctx, string(h.policy), "refused", err.Error())
		return mcp.NewToolResultError("Refused " + op.Name + ": " + err.Error() + "; nothing was sent.")
	}
	c := change{Tool: op.Name, Request: op.Method + " " + target, Target: who, Arguments: shownArguments(op, tree)}
	if h.policy == PolicyAuto || h.policy == PolicyElicit {
		why := h.cannotElicit(ctx)
		if why == "" {
			return h.elicit(ctx, op, canon, "Allow "+op.Name+"? "+confirmationText(c))
		}
		if h.policy == PolicyElicit {
			noteConfirm(ctx, "elicitation", "refused", why)
			return refused(op, "this server requires the user's confirmation through the client (MCP elicitation), but "+why)
		}
	}
	token, exp := h.gate.Issue(h.scope(ctx, op, canon))
	noteConfirm(ctx, "token", "issued", "")
	p := Preview{
		ConfirmationRequired: true,
		Tool:                 op.Name,
		Request:              c.Request,
		Target:               c.Target,
		Arguments:            c.Arguments,
		Confirm:              token,
		ExpiresAt:            exp.UTC().Format(time.RFC3339),
	}
	b, _ := json.Marshal(p)
	text := fmt.Sprintf("NOT EXECUTED: %s\nConfirm with the user, then call %s again with the same arguments and confirm: %q (single use, expires %s).",
		confirmationText(c), op.Name, token, p.ExpiresAt)
	if viaCallOperation(ctx) {
		text = fmt.Sprintf("NOT EXECUTED: %s\nConfirm with the user, then call call_operation again with arguments.confirm = %q (name %q and the other arguments unchanged; single use, expires %s).",
			confirmationText(c), token, op.Name, p.ExpiresAt)
	}
	return &mcp.CallToolResult{
		Content:           []mcp.Content{mcp.NewTextContent(text)},
		StructuredContent: Structured(b),
	}
}

// confirmationText tells the user what a destructive call would do: the
// request, its target and every argument, one a line. The preview and the
// elicitation message both say it.
func confirmationText(c change) string {
	var sb strings.Builder
	sb.WriteString(c.Tool + " is destructive: " + c.Request)
	if c.Target != "" {
		sb.WriteString(" on " + c.Target)
	}
	if len(c.Arguments) == 0 {
		sb.WriteString(". Arguments: none.")
		return sb.String()
	}
	sb.WriteString(". Arguments:")
	for _, k := range slices.Sorted(maps.Keys(c.Arguments)) {
		sb.WriteString("\n- " + k + ": " + displayJSON(c.Arguments[k]))
	}
	return sb.String()
}

type viaCtx struct{}

// withCallOperation marks ctx as serving a call that came through
// call_operation, so that previews and refusals say how to call again by
// that path: the operation's own tool may not even be listed.
func withCallOperation(ctx context.Context) context.Context {
	return context.WithValue(ctx, viaCtx{}, true)
}

func viaCallOperation(ctx context.Context) bool {
	v, _ := ctx.Value(viaCtx{}).(bool)
	return v
}

// callAgain says how to call op again by the path this call came by.
func callAgain(ctx context.Context, op *clerkapi.Operation) string {
	if viaCallOperation(ctx) {
		return "call call_operation again with name " + strconv.Quote(op.Name)
	}
	return "call " + op.Name + " again"
}

// confirmField names where the confirm token goes by the path this call
// came by.
func confirmField(ctx context.Context) string {
	if viaCallOperation(ctx) {
		return "arguments.confirm"
	}
	return "confirm"
}

func refused(op *clerkapi.Operation, why string) *mcp.CallToolResult {
	return mcp.NewToolResultError("Refused " + op.Name + ": " + why + ". Nothing was sent to Clerk.")
}

type callerCtx struct{}

// WithCaller tells the gate who is calling: a fingerprint of the caller's
// credential (clerkapi.Fingerprint of the bearer token, never the token),
// set by the hosting layer. Confirmation tokens are bound to it, so a token
// one caller obtained is refused to another, with or without sessions.
func WithCaller(ctx context.Context, fingerprint string) context.Context {
	return context.WithValue(ctx, callerCtx{}, fingerprint)
}

// Caller returns the fingerprint WithCaller set, or "".
func Caller(ctx context.Context) string {
	s, _ := ctx.Value(callerCtx{}).(string)
	return s
}

// scope is what a token for this call binds: the tool, the canonical
// arguments, the Clerk key the call will use, the MCP session and the
// caller, whichever are known.
func (h *Handler) scope(ctx context.Context, op *clerkapi.Operation, canon []byte) Scope {
	s := Scope{Tool: op.Name, Args: canon, Caller: Caller(ctx)}
	if key, ok := ctx.Value(secretKeyCtx{}).(string); ok && key != "" && h.client != nil {
		s.Key = clerkapi.Fingerprint(key)
	} else {
		s.Key = h.client.KeyFingerprint()
	}
	if sess := server.ClientSessionFromContext(ctx); sess != nil {
		s.Session = sess.SessionID()
	}
	return s
}

// canonical decodes the arguments and renders them with sorted keys at every
// level and no insignificant space, so the same arguments always bind the
// same token. The decoded tree is returned for display.
//
// One decoder reads every argument, from a stream of their values, when each
// value is exactly one JSON value (always, for arguments that passed
// decoding); otherwise one decoder per argument reads the first value of
// each, as it always did. Either way a value decodes as json.Decoder with
// UseNumber decodes it, so the bytes, and the tokens bound to them, do not
// depend on the path taken.
func canonical(args map[string]json.RawMessage) (map[string]any, []byte, error) {
	tree := make(map[string]any, len(args))
	var keyBuf [16]string
	keys, stream := keyBuf[:0], []byte(nil)
	for k, raw := range args {
		if !json.Valid(raw) {
			keys = nil
			break
		}
		keys = append(keys, k)
		if len(args) == 1 {
			stream = raw
		} else {
			stream = append(append(stream, raw...), ' ')
		}
	}
	if keys != nil {
		dec := json.NewDecoder(bytes.NewReader(stream))
		dec.UseNumber()
		for _, k := range keys {
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, nil, err
			}
			tree[k] = v
		}
	} else {
		for k, raw := range args {
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, nil, err
			}
			tree[k] = v
		}
	}
	b, err := json.Marshal(tree)
	return tree, b, err
}

// Limits of what a confirmation shows.
const (
	shownStringMax = 200  // characters of a string value, then "…"
	shownListMax   = 50   // items of a list or keys of a nested object, then "and N more"
	shownNodesMax  = 1000 // values in all, then the rest is counted, not shown
	hiddenValue    = "[hidden]"
)

// shownArguments is the display copy of canonical arguments: every argument
// by name, secret values (named so, or sent as the call's credential)
// replaced by [hidden], long strings, lists and objects capped.
func shownArguments(op *clerkapi.Operation, tree map[string]any) map[string]any {
	out := make(map[string]any, len(tree))
	budget := shownNodesMax
	for k, v := range tree {
		if credentialParam(op, k) {
			out[k] = hiddenValue
			continue
		}
		out[k] = shownValue(k, v, &budget)
	}
	return out
}

func shownValue(name string, v any, budget *int) any {
	*budget--
	if secretName(name) {
		return hiddenValue
	}
	switch v := v.(type) {
	case string:
		if utf8.RuneCountInString(v) > shownStringMax {
			i := 0
			for n := range v {
				if i == shownStringMax {
					return v[:n] + "…"
				}
				i++
			}
		}
		return v
	case []any:
		out := make([]any, 0, min(len(v), shownListMax+1))
		for i, item := range v {
			if i == shownListMax || *budget <= 0 {
				return append(out, "and "+strconv.Itoa(len(v)-i)+" more")
			}
			out = append(out, shownValue("", item, budget))
		}
		return out
	case map[string]any:
		out := make(map[string]any, min(len(v), shownListMax+1))
		for i, k := range slices.Sorted(maps.Keys(v)) {
			if i == shownListMax || *budget <= 0 {
				out["…"] = "and " + strconv.Itoa(len(v)-i) + " more"
				break
			}
			out[k] = shownValue(k, v[k], budget)
		}
		return out
	}
	return v
}

// credentialParam reports an argument the call sends as its credential.
func credentialParam(op *clerkapi.Operation, name string) bool {
	for _, p := range op.Plan().Params {
		if p.Name == name {
			return p.In == "auth"
		}
	}
	return false
}

// secretName reports a name that says its value is a secret: password,
// secret, token, passphrase, digest, credential(s), or a private, signing,
// secret, API, access or encryption key, backup, recovery or verification
// codes. Identifiers of such things
// (sign_in_token_id, apiKeyID, previous_token_ttl) and keys that name
// things (role_key) are not secrets.
func secretName(name string) bool {
	w := nameWords(name)
	if len(w) == 0 {
		return false
	}
	switch last := w[len(w)-1]; last {
	case "password", "passwords", "secret", "secrets", "token", "tokens", "passphrase", "digest", "credential", "credentials":
		return true
	case "key", "keys":
		if len(w) > 1 {
			switch w[len(w)-2] {
			case "private", "signing", "secret", "api", "access", "encryption":
				return true
			}
		}
	case "code", "codes":
		if len(w) > 1 {
			switch w[len(w)-2] {
			case "backup", "recovery", "verification":
				return true
			}
		}
	}
	return false
}

// nameWords splits snake_case, kebab-case and camelCase into lower-case words.
func nameWords(name string) []string {
	var words []string
	start := 0
	prevLower := false
	for i, r := range name {
		switch {
		case r == '_' || r == '-' || r == '.' || r == ' ':
			if i > start {
				words = append(words, strings.ToLower(name[start:i]))
			}
			start, prevLower = i+1, false
			continue
		case unicode.IsUpper(r) && prevLower:
			words = append(words, strings.ToLower(name[start:i]))
			start = i
		}
		prevLower = unicode.IsLower(r) || unicode.IsDigit(r)
	}
	if start < len(name) {
		words = append(words, strings.ToLower(name[start:]))
	}
	return words
}

// displayJSON renders a shown value on one line, <, > and & as they are.
func displayJSON(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return "?"
	}
	return strings.TrimSuffix(b.String(), "\n")
}
