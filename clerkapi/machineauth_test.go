package clerkapi

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clerk-mcp/clerk-mcp/internal/fakeclerk"
)

func TestMachineAuthNeedsAMachineKey(t *testing.T) {
	fake := fakeclerk.New()
	defer fake.Close()
	op, ok := Lookup("create_m2m_token")
	require.True(t, ok)

	c := New(Config{BaseURL: fake.URL + "/v1", SecretKey: "sk_test_instance"})
	_, err := c.Do(context.Background(), op, Args{})
	var ae *ArgError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "machine_secret_key", ae.Arg)
	assert.Contains(t, ae.Msg, "CLERK_MACHINE_SECRET_KEY")
	assert.Zero(t, fake.Count(), "no request without a machine key")

	c = New(Config{BaseURL: fake.URL + "/v1", SecretKey: "sk_test_instance", MachineSecretKey: "ak_configured"})
	_, err = c.Do(context.Background(), op, Args{"token_format": json.RawMessage(`"opaque"`)})
	require.NoError(t, err)
	r := fake.Requests()[0]
	assert.Equal(t, "Bearer ak_configured", r.Header.Get("Authorization"), "the machine key replaces the instance key")
	assert.JSONEq(t, `{"token_format":"opaque"}`, string(r.Body), "the key is never sent as data")

	fake.Respond(fakeclerk.Response{Status: 401, Body: []byte(`{"errors":[{"code":"authentication_invalid","message":"bad key ak_configured"}]}`)})
	_, err = c.Do(context.Background(), op, Args{})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "ak_configured", "the machine key is scrubbed from errors")
}
