package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestConfirmPolicyAtStart(t *testing.T) {
	cases := []struct {
		name string
		key  string
		args []string
		code int
		want string
	}{
		{"off with a live key needs the extra flag", "sk_live_x", []string{"--confirm", "off"}, 2, "--allow-unconfirmed-live"},
		{"off with a live key and the flag starts, warning", "sk_live_x", []string{"--confirm", "off", "--allow-unconfirmed-live"}, 0, "confirmation is OFF"},
		{"off with a test key starts, warning", "sk_test_x", []string{"--confirm", "off"}, 0, "confirmation is OFF"},
		{"unknown policy", "sk_test_x", []string{"--confirm", "maybe"}, 2, "--confirm must be"},
		{"the log names the key's environment, never the key", "sk_live_secretvalue", nil, 0, "key_environment=live"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			clearEnv(t)
			t.Setenv("CLERK_SECRET_KEY", c.key)
			code, _, stderr := runCapture(c.args...)
			assert.Equal(t, c.code, code, stderr)
			assert.Contains(t, stderr, c.want)
			assert.NotContains(t, stderr, c.key)
			assert.False(t, strings.Contains(stderr, "secretvalue"))
		})
	}
}
