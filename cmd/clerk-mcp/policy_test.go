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
		// The live-key rule fails closed: spaces, case, or an unknown form.
		{"off with a live key behind a space", " sk_live_x", []string{"--confirm", "off"}, 2, "--allow-unconfirmed-live"},
		{"off with an upper-case live key", "SK_LIVE_x", []string{"--confirm", "off"}, 2, "--allow-unconfirmed-live"},
		{"off with an unrecognised key", "rk_something_x", []string{"--confirm", "off"}, 2, "--allow-unconfirmed-live"},
		{"off with an unrecognised key and the flag starts", "rk_something_x", []string{"--confirm", "off", "--allow-unconfirmed-live"}, 0, "confirmation is OFF"},
		// The key never travels in clear beyond loopback.
		{"http api url beyond loopback refused", "sk_test_x", []string{"--api-url", "http://api.example.com/v1"}, 2, "must be https:// unless the host is loopback"},
		{"http api url on loopback starts", "sk_test_x", []string{"--api-url", "http://127.0.0.1:9/v1"}, 0, "starting"},
		{"http api url with the explicit flag starts", "sk_test_x", []string{"--api-url", "http://api.example.com/v1", "--allow-insecure-api-url"}, 0, "starting"},
		{"rate limit by key by default", "sk_test_x", nil, 0, "starting"},
		{"a number for the rate limit", "sk_test_x", []string{"--rate-limit", "2.5"}, 0, "starting"},
		{"no rate limit", "sk_test_x", []string{"--rate-limit", "0"}, 0, "starting"},
		{"a rate limit that is not a number", "sk_test_x", []string{"--rate-limit", "fast"}, 2, "--rate-limit must be auto"},
		{"a negative rate limit", "sk_test_x", []string{"--rate-limit", "-3"}, 2, "--rate-limit must be auto"},
		{"NaN as the rate limit", "sk_test_x", []string{"--rate-limit", "NaN"}, 2, "--rate-limit must be auto"},
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

func TestSelectionFlags(t *testing.T) {
	cases := []struct {
		name     string
		env      map[string]string
		args     []string
		code     int
		out, err string
	}{
		{"unknown toolset is fatal with a suggestion", nil, []string{"--toolsets", "user"}, 2, "", `did you mean "users"`},
		{"unknown tool is fatal with a suggestion", nil, []string{"--tools", "get_usr"}, 2, "", `did you mean "get_user"`},
		{"list-tools prints the default surface", nil, []string{"--list-tools"}, 0, "35 tools listed", ""},
		{"read-only from the environment", map[string]string{"CLERK_MCP_READ_ONLY": "true"}, []string{"--list-tools", "--toolsets", "users"}, 0, "get_user", ""},
		{"discovery off", map[string]string{"CLERK_MCP_DISCOVERY": "false"}, []string{"--list-tools", "--toolsets", "none"}, 0, "0 tools listed", ""},
		{"bad boolean in the environment names the variable", map[string]string{"CLERK_MCP_READ_ONLY": "maybe"}, []string{"--list-tools"}, 2, "", "CLERK_MCP_READ_ONLY"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			clearEnv(t)
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			code, stdout, stderr := runCapture(c.args...)
			assert.Equal(t, c.code, code, stderr)
			assert.Contains(t, stdout, c.out)
			assert.Contains(t, stderr, c.err)
			if c.env["CLERK_MCP_READ_ONLY"] == "true" {
				assert.NotContains(t, stdout, "delete_user")
			}
		})
	}
}
