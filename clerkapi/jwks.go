package clerkapi

import "encoding/json"

var jwksOperations = []Operation{
	{
		Name: "get_jwks", OperationID: "GetJWKS", Method: "GET", Path: "/jwks",
		Description: "Public keys that verify session tokens.",
		Request:     GetJWKSRequest{}, Response: JWKS{},
	},
}

type GetJWKSRequest struct {
}

type JWKS struct {
	Keys []json.RawMessage `json:"keys"`
}
