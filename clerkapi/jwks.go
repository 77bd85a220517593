package clerkapi

var jwksOperations = []Operation{
	{
		Name: "get_jwks", OperationID: "GetJWKS", Method: "GET", Path: "/jwks",
		Description: "Public keys that verify session tokens.",
		Request:     GetJWKSRequest{}, Response: JWKS{},
	},
}

type GetJWKSRequest struct {
}
