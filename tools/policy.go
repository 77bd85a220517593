package tools

import "fmt"

// Policy is how destructive calls are confirmed.
type Policy string

// The confirmation policies.
const (
	// PolicyAuto asks the human through elicitation when the client supports
	// it, and falls back to a preview and confirmation token otherwise.
	PolicyAuto Policy = "auto"
	// PolicyToken always answers a preview with a confirmation token.
	PolicyToken Policy = "token"
	// PolicyElicit always asks the human; it refuses (fails closed) when the
	// client cannot be asked.
	PolicyElicit Policy = "elicit"
	// PolicyOff runs destructive calls without any confirmation.
	PolicyOff Policy = "off"
)

// ParsePolicy reads a --confirm value.
func ParsePolicy(s string) (Policy, error) {
	switch p := Policy(s); p {
	case PolicyAuto, PolicyToken, PolicyElicit, PolicyOff:
		return p, nil
	case "":
		return PolicyAuto, nil
	}
	return "", fmt.Errorf("--confirm must be auto, token, elicit or off (got %q)", s)
}
